#!/usr/bin/env python3
"""coro-tidy --lsp on an Asio unit: the first check of a document against a
re-check after a one-line edit in a function body (which reuses the
preamble: <boost/asio.hpp> is not parsed again), and the memory an open
document costs (its worker process).

Times are from the client's side: from sending didOpen / didChange to
receiving the publishDiagnostics of that version (debounce 0).
Target: median re-check <= 0.35 x first check.

Usage: bench/lsp/bench.py [coro-tidy binary] [re-checks]
"""
import json
import os
import shutil
import statistics
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from lspclient import Client  # noqa: E402


def kib(pid, field):
    """A field of /proc/<pid>/status or smaps_rollup, in KiB."""
    for name in ("status", "smaps_rollup"):
        try:
            with open("/proc/%d/%s" % (pid, name)) as f:
                for line in f:
                    if line.startswith(field + ":"):
                        return int(line.split()[1])
        except OSError:
            pass
    return 0


def cpu_seconds(pid):
    """CPU time of a process and of its reaped children (the checks)."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return sum(int(x) for x in fields[11:15]) / ticks


def worker_pid(client):
    for m in reversed(client.messages):
        if m.get("method") == "window/logMessage" and "worker pid" in m["params"]["message"]:
            return int(m["params"]["message"].rsplit("worker pid ", 1)[1].rstrip(")"))
    return None


def main():
    tool = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "bin", "coro-tidy")
    rechecks = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    work = tempfile.mkdtemp(prefix="coro-tidy-lsp-bench-")
    try:
        src = os.path.join(work, "asio_server.cpp")
        shutil.copy(os.path.join(ROOT, "bench", "blocking-call", "asio_server.cpp"), src)
        with open(os.path.join(work, "compile_commands.json"), "w") as f:
            json.dump([{"directory": work, "file": src,
                        "arguments": ["clang++", "-std=c++20", "-c", src]}], f)
        text = open(src).read()
        lines = text.split("\n")
        # The edit: a new statement in load_config's body, below every include.
        body_line = next(i for i, l in enumerate(lines) if "std::string line, all;" in l) + 1
        uri = "file://" + src

        client = Client([tool, "--lsp"])
        client.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + work,
                                      "capabilities": {},
                                      "initializationOptions": {"debounceMs": 0}})
        client.notify("initialized", {})
        start = time.monotonic()
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "cpp", "version": 1, "text": text}})
        first = client.wait_diagnostics(uri, 1)
        first_s = time.monotonic() - start
        findings = len(first["params"]["diagnostics"])

        pid = worker_pid(client)
        first_cpu = cpu_seconds(pid) if pid else 0.0
        times, cpus = [], []
        for n in range(rechecks):
            before = cpu_seconds(pid) if pid else 0.0
            version = n + 2
            start = time.monotonic()
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": {"line": body_line, "character": 0},
                                              "end": {"line": body_line, "character": 0}},
                                    "text": "  int bench_edit_%d = %d;\n" % (n, n)}]})
            client.wait_diagnostics(uri, version)
            times.append(time.monotonic() - start)
            cpus.append((cpu_seconds(pid) if pid else 0.0) - before)
            body_line += 1
        rss = kib(pid, "VmRSS") if pid else 0
        pss = kib(pid, "Pss") if pid else 0
        server_rss = kib(client.proc.pid, "VmRSS")
        logs = [m["params"]["message"] for m in client.messages
                if m.get("method") == "window/logMessage" and "checked" in m["params"]["message"]]
        client.close()

        recheck_s = statistics.median(times)
        ratio = recheck_s / first_s
        print("asio_server.cpp: %d findings" % findings)
        print("first check:        %.3f s (parse of <boost/asio.hpp> and preamble build)" % first_s)
        print("re-check (median of %d, one-line body edit): %.3f s   [%s]" % (
            rechecks, recheck_s, ", ".join("%.3f" % t for t in times)))
        print("ratio re-check / first: %.2f (target <= 0.35)" % ratio)
        cpu_ratio = statistics.median(cpus) / first_cpu if first_cpu else 0.0
        print("CPU time (worker and its check children): first %.2f s, re-check median %.2f s;"
              " ratio %.2f (load-independent)   [%s]" % (
                  first_cpu, statistics.median(cpus), cpu_ratio,
                  ", ".join("%.2f" % c for c in cpus)))
        print("memory per open document (its worker): RSS %.1f MiB, PSS %.1f MiB; server RSS %.1f MiB"
              % (rss / 1024, pss / 1024, server_rss / 1024))
        print("server log:")
        for line in logs:
            print("  " + line)
        return 0 if ratio <= 0.35 else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
