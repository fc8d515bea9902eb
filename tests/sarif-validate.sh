#!/usr/bin/env bash
# coro-tidy's SARIF, over the testdata cases that hold every shape a result
# takes (findings of every check, notes, fixes), must pass the SARIF
# Multitool's validation with the SARIF and GitHub rule sets without a single
# error or warning.
#   sarif-validate.sh <coro-tidy> <source dir> <work dir>
set -euo pipefail
tidy=$1 src=$2 work=$3
multitool="$src/tools/sarif/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -x "$multitool" ]; then
  echo "SARIF Multitool not installed (scripts/setup installs it): skipped"
  exit 77
fi
mkdir -p "$work"
cd "$src"
# The cases with fixes (a .fixed.cpp) or notes, and the first two of each
# check: 43 cases, 195 results. The other cases add results of the same
# shapes for a minute of parsing; so do those that include real Boost.Asio.
cases=$( (for fixed in testdata/coro-*/*.fixed.cpp; do echo "${fixed%.fixed.cpp}.cpp"; done
          grep -l 'expected-note' testdata/coro-*/*.cpp
          for dir in testdata/coro-*/; do ls "$dir"*.cpp | grep -v '\.fixed\.cpp$' | head -n 2; done) |
        sort -u | grep -v '\.fixed\.cpp$' | xargs grep -L -e 'boost/asio' -e '<asio')
# Findings with notes, fixes and non-ASCII text; paths relative to %SRCROOT%.
"$tidy" --format=sarif --output="$work/testdata.sarif" --sarif-root="$src" \
  --quiet --no-cache $cases -- -std=c++20 -Itestdata/include -Iruntime/include \
  || [ $? -eq 1 ]
results=$(grep -c '"ruleId"' "$work/testdata.sarif" || true)
if [ "$results" -lt 100 ]; then
  echo "expected hundreds of results, got $results"; exit 1
fi
DOTNET_CLI_TELEMETRY_OPTOUT=1 "$multitool" validate "$work/testdata.sarif" \
  --rule-kind "Sarif;Gh" --log ForceOverwrite --output "$work/validation.sarif" \
  >"$work/validation.txt" 2>&1 || true
if grep -E ": (error|warning) " "$work/validation.txt"; then
  echo "SARIF validation failed"; exit 1
fi
grep -q "Analysis completed successfully" "$work/validation.txt" || {
  cat "$work/validation.txt"; exit 1; }
echo "SARIF of $results results: no error, no warning (SARIF and GitHub rules)"
