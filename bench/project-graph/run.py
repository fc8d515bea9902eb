#!/usr/bin/env python3
"""Merge and propagation of the project graph at 1k, 10k and 100k units.

Each size runs in its own process (peak memory is per process). With the
defaults, 10 functions of 10 calls per unit: 10,000 units make 1,000,000
call edges, as the project-analysis issue asks. Prints a table, and the
ratio of each size's time and memory to the previous size's (10x the
input: a linear analysis shows ~10x).

    bench/project-graph/run.py build/bin/project-graph-bench [--spread=K] [sizes...]

--spread=K: calls go to one of the K next units (a project's locality)
instead of any unit (the default, the worst case for the memory caches).
"""
import json
import subprocess
import sys


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    bench = sys.argv[1]
    rest = sys.argv[2:]
    spread = "0"
    if rest and rest[0].startswith("--spread="):
        spread = rest.pop(0).split("=", 1)[1]
    sizes = [int(s) for s in rest] or [1000, 10000, 100000]
    rows = []
    for units in sizes:
        out = subprocess.run([bench, str(units), "10", "10", spread], check=True,
                             capture_output=True, text=True).stdout
        rows.append(json.loads(out))
    print("| units | functions | call edges | merge CPU s | propagate+report CPU s "
          "| peak MiB | time ratio | memory ratio |")
    print("|---|---|---|---|---|---|---|---|")
    previous = None
    for r in rows:
        total = r["merge_s"] + r["propagate_and_report_s"]
        ratios = ("", "")
        if previous:
            ptotal = previous["merge_s"] + previous["propagate_and_report_s"]
            ratios = (f"{total / ptotal:.1f}",
                      f"{r['peak_rss_mib'] / max(1, previous['peak_rss_mib']):.1f}")
        print(f"| {r['units']} | {r['functions']} | {r['edges']} | "
              f"{r['merge_s']:.2f} | {r['propagate_and_report_s']:.2f} | "
              f"{r['peak_rss_mib']} | {ratios[0]} | {ratios[1]} |")
        previous = r
    return 0


if __name__ == "__main__":
    sys.exit(main())
