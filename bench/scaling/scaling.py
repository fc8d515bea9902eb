#!/usr/bin/env python3
"""Does each check stay linear in the size of what it analyses?

For every input shape (statements, task locals, awaits, locks, helpers,
settled results) and every size (default 1k, 10k, 100k) it generates one
coroutine body of that size, then times, interleaved round by round:
  - clang++-19 -fsyntax-only             (the parse: the floor)
  - coro-tidy with one check at a time   (for every coro-* check)
and prints each check's time and its ratio to the parse. A linear check
keeps a flat ratio as the size grows tenfold; a quadratic one multiplies it
by ten at each step. Nothing here asserts a time: machines are noisy.

  bench/scaling/scaling.py [--build build] [--sizes 1000,10000,100000]
                           [--rounds 3] [--shapes locals,locks] [--checks ...]
"""
import argparse, os, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CHECKS = ["coro-missing-co-await", "coro-blocking-call", "coro-nested-loop-run",
          "coro-lock-across-suspend", "coro-unhandled-gather", "coro-dangling-task"]

PRELUDE = r"""
#include <coroutine>
#include <exception>
#include <mutex>
#include <unistd.h>
template <class T = void> struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  int await_resume() { return 0; }
};
Task<int> fetch(int);
std::mutex m;
int sink;
"""


def body(shape, n):
    """The generated coroutine (and helpers) for one shape and size."""
    out = [PRELUDE]
    if shape == "helpers":
        # A chain h0 -> h1 -> ... and a coroutine calling every helper.
        for i in range(n - 1, -1, -1):
            nxt = f"h{i + 1}();" if i + 1 < n else "::usleep(1);"
            out.append(f"void h{i}() {{ sink += {i}; {nxt} }}")
        out.append("Task<> coro() {")
        out += [f"  h{i}();" for i in range(n)]
        out.append("  co_return;\n}")
        return "\n".join(out)
    out.append("Task<> coro() {")
    if shape == "statements":
        out += [f"  sink += {i} * sink;" for i in range(n)]
    elif shape == "locals":
        # Task locals, never awaited: the rule that used to rescan the body
        # once per local.
        out += [f"  auto t{i} = fetch({i});" for i in range(n)]
    elif shape == "awaits":
        out += [f"  sink += co_await fetch({i});" for i in range(n)]
    elif shape == "locks":
        for i in range(n):
            out.append(f"  {{ std::lock_guard<std::mutex> g{i}(m); sink += {i}; }}")
            out.append(f"  co_await fetch({i});")
    elif shape == "branches":
        for i in range(n):
            out.append(f"  if (sink == {i}) sink += co_await fetch({i}); else sink -= {i};")
    else:
        raise SystemExit(f"unknown shape {shape}")
    out.append("  co_return;\n}")
    return "\n".join(out)


SHAPES = ["statements", "locals", "awaits", "locks", "branches", "helpers"]


def timed(cmd):
    start = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    elapsed = time.perf_counter() - start
    if r.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {r.returncode}")
    return elapsed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--shapes", default=",".join(SHAPES))
    ap.add_argument("--checks", default=",".join(CHECKS))
    args = ap.parse_args()
    tool = os.path.join(args.build, "bin", "coro-tidy")
    sizes = [int(s) for s in args.sizes.split(",")]
    checks = args.checks.split(",")
    print(f"{'shape':<11} {'size':>7} {'parse s':>8}  " +
          "  ".join(f"{c.removeprefix('coro-'):>18}" for c in checks))
    with tempfile.TemporaryDirectory() as tmp:
        for shape in args.shapes.split(","):
            for n in sizes:
                path = os.path.join(tmp, f"{shape}_{n}.cpp")
                with open(path, "w") as f:
                    f.write(body(shape, n))
                flags = ["-std=c++20", "-fbracket-depth=100000"]
                cmds = {"parse": ["clang++-19", "-fsyntax-only"] + flags + [path]}
                for c in checks:
                    cmds[c] = [tool, "--quiet", "--no-cache", f"--checks=-*,{c}",
                               path, "--"] + flags
                samples = {k: [] for k in cmds}
                for _ in range(args.rounds):
                    for k, cmd in cmds.items():
                        samples[k].append(timed(cmd))
                base = statistics.median(samples["parse"])
                cells = []
                for c in checks:
                    med = statistics.median(samples[c])
                    cells.append(f"{med:7.2f}s ({med / base:5.2f}x)")
                print(f"{shape:<11} {n:>7} {base:8.2f}  " + "  ".join(f"{c:>18}" for c in cells),
                      flush=True)


if __name__ == "__main__":
    sys.exit(main())
