#!/usr/bin/env python3
"""The project graph's cost on a real compilation database.

Runs, alternating so that machine noise hits both alike, `reps` times each:
  - a cold whole-database run with the project analysis (default) and
    with --project-analysis=false (both --no-cache): the ratio must stay
    at most 1.05;
  - a warm run (every unit in the cache, graph rebuilt from the cached
    facts) against a cold run into an empty cache: at most 0.05.
Also reports the size of the project index against the size of the
sources and project headers the units read (facts must be compact).

    bench/project-graph/real.py <coro-tidy> <build dir> [reps=3] [-- extra args]
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def timed(cmd):
    start = time.monotonic()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - start


def main():
    args = sys.argv[1:]
    extra = []
    if "--" in args:
        extra = args[args.index("--") + 1:]
        args = args[:args.index("--")]
    if len(args) < 2:
        print(__doc__)
        return 2
    tidy, build = args[0], args[1]
    reps = int(args[2]) if len(args) > 2 else 3
    base = [tidy, "-p", build, "--quiet", "-j2"] + extra
    with_graph, without, cold, warm = [], [], [], []
    index_bytes = source_bytes = 0
    for _ in range(reps):
        with_graph.append(timed(base + ["--no-cache"]))
        without.append(timed(base + ["--no-cache", "--project-analysis=false"]))
        cache = tempfile.mkdtemp(prefix="coro-tidy-bench-cache-")
        try:
            cold.append(timed(base + ["--cache-dir=" + cache]))
            warm.append(timed(base + ["--cache-dir=" + cache]))
            index = os.path.join(cache, "project-index.json")
            index_bytes = os.path.getsize(index)
            read = set()
            with open(os.path.join(build, "compile_commands.json")) as f:
                for entry in json.load(f):
                    path = entry["file"]
                    if not os.path.isabs(path):
                        path = os.path.join(entry["directory"], path)
                    read.add(os.path.normpath(path))
            source_bytes = sum(os.path.getsize(p) for p in read if os.path.exists(p))
        finally:
            shutil.rmtree(cache, ignore_errors=True)
    m = statistics.median
    print(f"| measure | median s | ratio |")
    print(f"|---|---|---|")
    print(f"| cold run, --project-analysis=false | {m(without):.2f} | |")
    print(f"| cold run, with the project graph | {m(with_graph):.2f} | {m(with_graph) / m(without):.3f} |")
    print(f"| cold run into an empty cache | {m(cold):.2f} | |")
    print(f"| warm run, graph rebuilt from cached facts | {m(warm):.2f} | {m(warm) / m(cold):.3f} |")
    print(f"\nproject index {index_bytes} bytes; main source files {source_bytes} bytes "
          f"({index_bytes / max(1, source_bytes):.2f}x the main files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
