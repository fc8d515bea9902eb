#!/usr/bin/env bash
# Measures what coro-blocking-call costs on a translation unit that includes
# <boost/asio.hpp>: coro-tidy with only coro-blocking-call enabled, against
# the baseline `--checks=-*,coro-missing-co-await` (same parse, one cheap
# check). Target: ratio <= 1.10.
#
# Usage: bench/blocking-call/run.sh [coro-tidy binary] [runs]
# Uses hyperfine when installed (apt-get install hyperfine), otherwise
# repeated timed runs (median of N).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
tool="${1:-$root/build/bin/coro-tidy}"
runs="${2:-10}"
src="$here/asio_server.cpp"
args=(-- -std=c++20 -I"$root/testdata/include" -I"$root/runtime/include")

# coro-tidy caches results per translation unit: time real runs.
nocache=()
if "$tool" --help 2>/dev/null | grep -q -- '--no-cache'; then
  nocache=(--no-cache)
fi
baseline=("$tool" "${nocache[@]}" "--checks=-*,coro-missing-co-await" "$src" "${args[@]}")
check=("$tool" "${nocache[@]}" "--checks=-*,coro-blocking-call" "$src" "${args[@]}")

# Sanity: the check must find the planted bugs (a direct sleep and a
# transitive file read), so we time real work.
found="$("${check[@]}" 2>&1 | grep -c 'warning: .*coro-blocking-call' || true)"
echo "coro-blocking-call findings on asio_server.cpp: $found"
if [ "$found" -lt 2 ]; then
  echo "error: expected 2 findings; is $tool a working build?" >&2
  exit 1
fi

q() { printf '%q ' "$@"; }

if command -v hyperfine >/dev/null 2>&1; then
  json="$(mktemp)"
  trap 'rm -f "$json"' EXIT
  hyperfine --warmup 2 --runs "$runs" --export-json "$json" \
    -n baseline "$(q "${baseline[@]}") >/dev/null 2>&1" \
    -n coro-blocking-call "$(q "${check[@]}") >/dev/null 2>&1"
  python3 - "$json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
b, c = r["baseline"], r["coro-blocking-call"]
print(f"baseline            median {b['median']*1000:8.1f} ms  (mean {b['mean']*1000:.1f} ± {b['stddev']*1000:.1f})")
print(f"coro-blocking-call  median {c['median']*1000:8.1f} ms  (mean {c['mean']*1000:.1f} ± {c['stddev']*1000:.1f})")
ratio = c['median'] / b['median']
print(f"user CPU            baseline {b['user']*1000:.0f} ms, coro-blocking-call {c['user']*1000:.0f} ms, ratio {c['user']/b['user']:.3f}")
print(f"ratio (median)      {ratio:.3f}  (target <= 1.10): {'OK' if ratio <= 1.10 else 'OVER'}")
PY
else
  median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
  time_runs() {
    for _ in $(seq "$runs"); do
      local s e
      s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
      echo $(( (e - s) / 1000000 ))
    done
  }
  "${baseline[@]}" >/dev/null 2>&1 || true # warm the page cache
  b=$(time_runs "${baseline[@]}" | median)
  c=$(time_runs "${check[@]}" | median)
  echo "baseline            median ${b} ms"
  echo "coro-blocking-call  median ${c} ms"
  awk -v b="$b" -v c="$c" 'BEGIN { r = c / b; printf "ratio (median)      %.3f  (target <= 1.10): %s\n", r, (r <= 1.10 ? "OK" : "OVER") }'
fi

# The check's own time, from clang-tidy's per-check profile (plugin in stock
# clang-tidy-19): independent of the parse and much less noisy on a busy
# machine than whole-process timings.
# The plugin sits next to the tool's bin/ (build/lib/); clang-tidy-19 is
# optional, a missing plugin beside it is an error, not a skipped figure.
plugin="$(cd "$(dirname "$tool")/.." && pwd)/lib/libCoroTidyModule.so"
if command -v clang-tidy-19 >/dev/null 2>&1; then
  if [ ! -f "$plugin" ]; then
    echo "error: $plugin is missing: build the CoroTidyModule target" >&2
    exit 1
  fi
  for c in coro-missing-co-await coro-blocking-call; do
    t="$(clang-tidy-19 --load="$plugin" --checks="-*,$c" --enable-check-profile \
          "$src" "${args[@]}" 2>&1 | awk -v c="$c" '$NF == c { print $(NF-2) }' | tail -1)"
    echo "check profile: $c: ${t:-?} s wall inside the check (matchers and callbacks)"
  done
fi
