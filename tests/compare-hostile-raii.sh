#!/usr/bin/env bash
# Compares coro-lock-across-suspend with clang-tidy-19's scope-based
# misc-coroutine-hostile-raii on testdata/coro-lock-across-suspend/*.cpp.
#
# On every line where hostile-raii warns but the file expects no warning from
# coro-lock-across-suspend (a negative case: the lock is released before the
# suspension, or the await never suspends, ...), coro-lock-across-suspend
# must be silent. Prints how many hostile-raii false positives it avoids, and
# how many expected findings hostile-raii misses.
#
# hostile-raii runs once per file, with its RAIITypesList set to our default
# LockTypes, so both checks look at the same lock vocabulary. That list
# holds its defaults (std::lock_guard, std::scoped_lock; scoped_lockable
# types are found by their attribute whatever the list), so a second run
# with the defaults would find nothing more. A file's `// CONFIG:` options
# are passed to both checks (LockTypes as RAIITypesList, AllowedAwaitables
# as AllowedAwaitablesList).
#
# Usage: tests/compare-hostile-raii.sh [coro-tidy binary]
# Exit status: 0 pass, 1 fail, 77 skipped (clang-tidy-19 not installed).

set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CORO_TIDY=${1:-$ROOT/build/bin/coro-tidy}
CLANG_TIDY=${CLANG_TIDY:-clang-tidy-19}
CHECK=coro-lock-across-suspend
LOCK_TYPES='std::lock_guard;std::unique_lock;std::scoped_lock;std::shared_lock'

if ! command -v "$CLANG_TIDY" >/dev/null 2>&1; then
  echo "SKIP: $CLANG_TIDY is not installed"
  exit 77
fi
if [ ! -x "$CORO_TIDY" ]; then
  echo "FAIL: $CORO_TIDY not found (build the coro-tidy target first)"
  exit 1
fi

FLAGS=(-std=c++20 -I"$ROOT/testdata/include" -I"$ROOT/runtime/include")

# Prints the line numbers of `warning:` diagnostics about $2 in output $1.
warning_lines() {
  local file_re
  file_re=$(basename "$3" | sed 's/[.]/[.]/g')
  grep -E "${file_re}:[0-9]+:[0-9]+: warning: .*\[$2\]" <<<"$1" |
    sed -E "s/.*${file_re}:([0-9]+):[0-9]+: warning: .*/\1/" | sort -un
}

# Prints the lines on which the file expects a warning (`expected-warning`,
# `expected-warning@+N`, `expected-warning@-N`).
expected_lines() {
  awk '{
    line = $0
    while (match(line, /expected-warning(@[+-]?[0-9]+)?/)) {
      tok = substr(line, RSTART, RLENGTH)
      off = 0
      if (index(tok, "@") > 0) {
        o = substr(tok, index(tok, "@") + 1)
        if (substr(o, 1, 1) == "+") o = substr(o, 2)
        off = o + 0
      }
      print NR + off
      line = substr(line, RSTART + RLENGTH)
    }
  }' "$1" | sort -un
}

status=0
avoided=0
agreed=0
missed=0
files=0
for file in "$ROOT"/testdata/$CHECK/*.cpp; do
  case "$file" in *.fixed.cpp) continue ;; esac
  files=$((files + 1))
  config=$(sed -nE 's|^// CONFIG: (.*)$|\1|p' "$file" | head -n1)
  read -r -a extra <<<"$(sed -nE 's|^// ARGS: (.*)$|\1|p' "$file" | head -n1)"
  ours_args=(--checks="-*,$CHECK")
  [ -n "$config" ] && ours_args+=(--config="$config")

  ours_out=$("$CORO_TIDY" "${ours_args[@]}" "$file" -- "${FLAGS[@]}" "${extra[@]}" 2>&1)
  # The file's options, translated to hostile-raii's names, so that both
  # checks are configured alike.
  hconfig=$(sed -e 's/coro-lock-across-suspend[.]AllowedAwaitables:/misc-coroutine-hostile-raii.AllowedAwaitablesList:/' \
                -e 's/coro-lock-across-suspend[.]LockTypes:/misc-coroutine-hostile-raii.RAIITypesList:/' <<<"$config")
  [ -z "$hconfig" ] && hconfig='{CheckOptions: {}}'
  hconfig_same=$hconfig
  case "$hconfig" in
    *RAIITypesList*) ;;
    *) hconfig_same=$(sed -E "s/CheckOptions: *[{]/&misc-coroutine-hostile-raii.RAIITypesList: '$LOCK_TYPES', /" <<<"$hconfig") ;;
  esac
  hostile_same=$("$CLANG_TIDY" --checks='-*,misc-coroutine-hostile-raii' \
    --config="$hconfig_same" "$file" -- "${FLAGS[@]}" "${extra[@]}" 2>&1)

  ours=$(warning_lines "$ours_out" "$CHECK" "$file")
  hostile=$(warning_lines "$hostile_same" misc-coroutine-hostile-raii "$file")
  expected=$(expected_lines "$file")

  name=$(basename "$file")
  for line in $hostile; do
    if grep -qx "$line" <<<"$expected"; then
      agreed=$((agreed + 1))
    elif grep -qx "$line" <<<"$ours"; then
      echo "FAIL: $name:$line: hostile-raii false positive that $CHECK repeats"
      status=1
    else
      echo "avoided: $name:$line: hostile-raii warns, $CHECK is silent (negative case)"
      avoided=$((avoided + 1))
    fi
  done
  for line in $expected; do
    if ! grep -qx "$line" <<<"$hostile"; then
      echo "missed by hostile-raii: $name:$line"
      missed=$((missed + 1))
    fi
  done
done

echo "files: $files"
echo "hostile-raii false positives avoided by $CHECK: $avoided"
echo "findings both report: $agreed"
echo "expected findings hostile-raii misses: $missed"
if [ "$avoided" -eq 0 ]; then
  echo "FAIL: no hostile-raii false positive found in the testdata: the comparison tests nothing"
  status=1
fi
exit $status
