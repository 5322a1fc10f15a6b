"""Run every benchmarks/bench_*.py in name order and print what each reports.

    python benchmarks/run.py        (or: make bench)

Benchmarks print figures; they do not fail on time. This runner fails only if a benchmark script itself fails.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

BENCHMARK_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCHMARK_DIR.parent


def main() -> int:
    scripts = sorted(BENCHMARK_DIR.glob("bench_*.py"))
    if not scripts:
        print("no benchmarks/bench_*.py found", file=sys.stderr)
        return 1
    failed = []
    for script in scripts:
        print(f"== {script.relative_to(REPO_ROOT)}", flush=True)
        started = time.perf_counter()
        completed = subprocess.run([sys.executable, str(script)], cwd=REPO_ROOT)
        elapsed = time.perf_counter() - started
        if completed.returncode != 0:
            failed.append(script.name)
            print(f"   {script.name} FAILED (exit {completed.returncode}) after {elapsed:.1f} s", flush=True)
        else:
            print(f"   ({script.name} ran in {elapsed:.1f} s)", flush=True)
    if failed:
        print(f"benchmarks that failed to run: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
