"""How long the synthetic generator takes to draw one patch (it replaces the wall-clock test that used to live in
tests/test_synthetic.py): every shape in its typical pattern, at 1x and in the magnification view, seeds the cache
has not seen."""
from __future__ import annotations

import statistics
import time

from calcflow.synthetic import MAGNIFICATION_VIEW, SHAPES, TYPICAL_PATTERN, make_patch

make_patch("fine-pleomorphic", "grouped", seed=0)          # warm-up: imports and first allocations
for magnification in (1.0, MAGNIFICATION_VIEW):
    timings = {}
    for seed, shape in enumerate(SHAPES, start=1000):
        start = time.perf_counter()
        make_patch(shape, TYPICAL_PATTERN[shape], seed=seed, magnification=magnification)
        timings[shape] = time.perf_counter() - start
    slowest = max(timings, key=timings.get)
    print(f"synthetic: one patch at {magnification:g}x: median {statistics.median(timings.values()) * 1000:.0f} ms, "
          f"slowest {timings[slowest] * 1000:.0f} ms ({slowest}), over {len(timings)} shapes")
