#!/usr/bin/env bash
# Builds and runs the corio tests three ways: plain, AddressSanitizer+UndefinedBehaviorSanitizer,
# and ThreadSanitizer (the executor/thread-pool, I/O and threads tests). Each build lives in its own directory under
# the base directory given as $1 (default: build). Exits non-zero on any failure.
#
#   runtime/run-tests.sh [base-dir]
#
# Then it fuzzes the HTTP parser with libFuzzer for CORIO_FUZZ_SECONDS (default 20) when the
# compiler supports it.
# Environment: CXX (default clang++-19 when installed), JOBS (default 2), CORIO_FUZZ_SECONDS,
# CORIO_SKIP_PLAIN.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
base="${1:-build}"
jobs="${JOBS:-2}"
if [[ -z "${CXX:-}" ]]; then
  if command -v clang++-19 >/dev/null; then CXX=clang++-19; else CXX=c++; fi
fi
generator=()
if command -v ninja >/dev/null; then generator=(-G Ninja); fi

status=0
run_config() {
  local name="$1" sanitize="$2" subset="$3"
  local dir="$base/corio-$name"
  echo "=== corio tests: $name (${sanitize:-no sanitizer}) in $dir"
  if ! cmake -S "$here" -B "$dir" "${generator[@]}" -DCMAKE_CXX_COMPILER="$CXX" \
      -DCMAKE_BUILD_TYPE="$([[ -n $sanitize ]] && echo Debug || echo RelWithDebInfo)" \
      -DCORIO_SANITIZE="$sanitize" -DCORIO_TEST_SUBSET="$subset" >/dev/null; then
    echo "*** configure failed: $name"; status=1; return
  fi
  if ! cmake --build "$dir" -j "$jobs"; then
    echo "*** build failed: $name"; status=1; return
  fi
  if ! ASAN_OPTIONS="detect_leaks=1:strict_string_checks=1" \
       UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
       TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1" \
       ctest --test-dir "$dir" -j "$jobs" --output-on-failure --timeout 120; then
    echo "*** tests failed: $name"; status=1
  fi
}

run_fuzzer() {
  local dir="$base/corio-fuzz" seconds="${CORIO_FUZZ_SECONDS:-20}"
  echo "=== corio fuzz: HTTP parser for ${seconds}s in $dir"
  if ! cmake -S "$here" -B "$dir" "${generator[@]}" -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCORIO_BUILD_TESTS=OFF -DCORIO_BUILD_EXAMPLES=OFF -DCORIO_BUILD_FUZZERS=ON >/dev/null; then
    echo "*** configure failed: fuzz"; status=1; return
  fi
  if [[ ! -f "$dir/CMakeCache.txt" ]] || ! grep -q "CORIO_HAVE_LIBFUZZER:INTERNAL=1" "$dir/CMakeCache.txt"; then
    echo "(libFuzzer unavailable with $CXX: skipped)"; return
  fi
  if ! cmake --build "$dir" -j "$jobs" --target corio_http_parser_fuzz; then
    echo "*** build failed: fuzz"; status=1; return
  fi
  local corpus="$dir/corpus"
  mkdir -p "$corpus" && cp "$here"/fuzz/corpus/* "$corpus"/
  if ! "$dir/fuzz/corio_http_parser_fuzz" -max_total_time="$seconds" -max_len=4096 -timeout=10 \
       -print_final_stats=0 "$corpus" >"$dir/fuzz.log" 2>&1; then
    tail -40 "$dir/fuzz.log"; echo "*** fuzzing found a failure: fuzz"; status=1
  fi
}

# CORIO_SKIP_PLAIN=1: the caller already built and ran the plain tests (the
# top-level scripts/test does, as part of the whole project's ctest).
if [[ "${CORIO_SKIP_PLAIN:-0}" != 1 ]]; then run_config plain "" ""; fi
run_config asan-ubsan "address,undefined" ""
run_config tsan "thread" "executor;io;threads"
run_fuzzer

if [[ $status -eq 0 ]]; then echo "=== corio: all test configurations passed"; fi
exit $status
