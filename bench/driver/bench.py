#!/usr/bin/env python3
"""coro-tidy's cost per translation unit, side by side with the baselines.

For each unit it times, interleaved round by round (so machine noise hits all
commands alike), and reports medians and ratios to `clang++-19 -fsyntax-only`:
  - clang++-19 -fsyntax-only                          (parse + sema: the floor)
  - clang-tidy-19 with its coroutine-related checks   (what users have today)
  - coro-tidy with every coro-* check, no cache
Then -j scaling over a project of copies of the Asio unit, and the cache:
a cold run against a re-run of the unchanged project.

  bench/driver/bench.py [--build build] [--rounds 7]
"""
import argparse, glob, json, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TIDY_CHECKS = ("-*,misc-coroutine-hostile-raii,cppcoreguidelines-no-suspend-with-lock,"
               "cppcoreguidelines-avoid-reference-coroutine-parameters,"
               "bugprone-unused-return-value")


def timed(cmd, cwd=None):
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def per_unit(build, units, rounds):
    coro_tidy = os.path.join(build, "bin", "coro-tidy")
    rows = []
    for name, path, flags in units:
        commands = {
            "clang++ -fsyntax-only": ["clang++-19", "-fsyntax-only"] + flags + [path],
            "clang-tidy-19 (coroutine checks)": ["clang-tidy-19", "--quiet", "--checks=" + TIDY_CHECKS, path, "--"] + flags,
            "coro-tidy (all coro-* checks)": [coro_tidy, "--quiet", "--no-cache", "--checks=-*,coro-*", path, "--"] + flags,
        }
        samples = {k: [] for k in commands}
        for _ in range(rounds):
            for k, cmd in commands.items():
                samples[k].append(timed(cmd))
        base = statistics.median(samples["clang++ -fsyntax-only"])
        for k in commands:
            med = statistics.median(samples[k])
            rows.append((name, k, med, med / base))
    return rows


def make_project(tmp, copies):
    src = os.path.join(ROOT, "bench", "blocking-call", "asio_server.cpp")
    entries = []
    for i in range(copies):
        dst = os.path.join(tmp, f"unit{i}.cpp")
        shutil.copy(src, dst)
        entries.append({"directory": tmp, "file": dst,
                        "command": f"clang++ -std=c++20 -c {dst}"})
    os.makedirs(os.path.join(tmp, "build"), exist_ok=True)
    with open(os.path.join(tmp, "build", "compile_commands.json"), "w") as f:
        json.dump(entries, f)
    return os.path.join(tmp, "build")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--copies", type=int, default=8)
    args = ap.parse_args()
    coro_tidy = os.path.join(args.build, "bin", "coro-tidy")

    units = [("asio_server.cpp (Boost.Asio)", os.path.join(ROOT, "bench", "blocking-call", "asio_server.cpp"),
              ["-std=c++20"])]
    gtest_flags = ["-std=c++20", "-I" + os.path.join(ROOT, "runtime", "include")]
    for path in sorted(glob.glob(os.path.join(ROOT, "runtime", "tests", "*.cpp")))[:3]:
        units.append((os.path.relpath(path, ROOT) + " (corio)", path, gtest_flags))

    print(f"## Per translation unit (median of {args.rounds} interleaved rounds)\n")
    print("| unit | command | median s | ratio to -fsyntax-only |")
    print("|---|---|---|---|")
    for name, k, med, ratio in per_unit(args.build, units, args.rounds):
        print(f"| {name} | {k} | {med:.3f} | {ratio:.2f}x |")

    with tempfile.TemporaryDirectory() as tmp:
        build = make_project(tmp, args.copies)
        print(f"\n## -j scaling ({args.copies} copies of the Asio unit, {os.cpu_count()} cores)\n")
        print("| -j | seconds | speed-up |")
        print("|---|---|---|")
        base = None
        for j in sorted({1, 2, os.cpu_count() or 1}):
            t = statistics.median(timed([coro_tidy, "-p", build, "--no-cache", "--quiet", f"-j{j}"])
                                  for _ in range(3))
            base = base or t
            print(f"| {j} | {t:.2f} | {base / t:.2f}x |")
        cache = os.path.join(tmp, "cache")
        cold = timed([coro_tidy, "-p", build, "--cache-dir=" + cache, "--quiet"])
        warm = statistics.median(timed([coro_tidy, "-p", build, "--cache-dir=" + cache, "--quiet"])
                                 for _ in range(5))
        print("\n## Cache (unchanged project re-checked)\n")
        print("| run | seconds | share of cold |")
        print("|---|---|---|")
        print(f"| cold | {cold:.2f} | 100% |")
        print(f"| warm | {warm:.3f} | {100 * warm / cold:.1f}% |")


if __name__ == "__main__":
    sys.exit(main())
