#!/usr/bin/env bash
# Runs the driver fuzz target for a bounded time on a working copy of the
# checked-in corpus (which it extends in the copy, never in the source tree).
#   run-fuzz.sh <fuzzer> <corpus> <work corpus> <seconds>
set -euo pipefail
fuzzer=$1 corpus=$2 work=$3 seconds=$4
mkdir -p "$work"
cp "$corpus"/* "$work"/
log="$work/../fuzz.log"
if ! "$fuzzer" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
     -rss_limit_mb=4096 -print_final_stats=1 "$work" >"$log" 2>&1; then
  tail -60 "$log"
  echo "driver-inputs-fuzz: the fuzzer found a failing input (see above)"
  exit 1
fi
grep -E "stat::number_of_executed_units|cov:" "$log" | tail -2
echo "driver-inputs-fuzz: no failure in ${seconds}s"
