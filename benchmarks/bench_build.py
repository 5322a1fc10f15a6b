"""How long the two slow steps of `make test` take: a clean book build and nbval over every toc notebook.

Prints one line per step and never fails on time. A step that fails is reported with its last lines (the timing is
then not meaningful); finding why is `make test`'s job, so the benchmark still exits 0.
Run from anywhere: python benchmarks/bench_build.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GOAL_CLEAN_BUILD_S = 90
GOAL_NBVAL_S = 60


def timed(command: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    completed = subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True)
    return time.perf_counter() - started, completed


def report(label: str, seconds: float, goal: float, completed: subprocess.CompletedProcess) -> None:
    verdict = "" if seconds <= goal else "  — over the goal"
    print(f"{label}: {seconds:.1f} s (goal ≤ {goal:.0f} s){verdict}", flush=True)
    if completed.returncode != 0:
        print(f"  … but it FAILED (exit {completed.returncode}), so the time is not meaningful; last lines:", flush=True)
        tail = (completed.stdout + completed.stderr).strip().splitlines()[-15:]
        print("\n".join(f"    {line}" for line in tail), flush=True)


def main() -> int:
    env = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}", PYDEVD_DISABLE_FILE_VALIDATION="1")
    shutil.rmtree(REPO_ROOT / "_build", ignore_errors=True)
    build_s, build = timed([str(BIN / "jupyter-book"), "build", "-W", "-n", "--keep-going", "--all", "."], env)
    report("clean book build", build_s, GOAL_CLEAN_BUILD_S, build)

    listing = subprocess.run([sys.executable, "tests/toc_notebooks.py"], cwd=REPO_ROOT, capture_output=True,
                             text=True, check=True)
    notebooks = listing.stdout.split()
    nbval_s, nbval = timed([sys.executable, "-m", "pytest", "-q", "--nbval", "--nbval-current-env",
                            "--nbval-cell-timeout=120", "--nbval-sanitize-with", "tests/nbval_sanitize.cfg",
                            *notebooks], env)
    report(f"nbval over {len(notebooks)} notebook(s)", nbval_s, GOAL_NBVAL_S, nbval)
    return 0


if __name__ == "__main__":
    sys.exit(main())
