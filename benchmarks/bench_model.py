"""Time to assess every combination of inputs (goal: ≤ 50 ms in all). Prints figures; never fails on time."""
import itertools
import statistics
import time

import calcflow
from calcflow.export import _table, explorer_table

choices = calcflow.choices()
combos = list(itertools.product(choices["size"], choices["shape"], choices["pattern"], choices["change"],
                                choices["system"], [None] + choices["result"]))


def assess_all() -> None:
    for combo in combos:
        try:
            calcflow.assess(*combo)
        except calcflow.ImpossibleCombination:
            pass


assess_all()   # load the data once, as any session would
runs = []
for _ in range(7):
    start = time.perf_counter()
    assess_all()
    runs.append(time.perf_counter() - start)
print(f"model: assess every combination ({len(combos)}), median {statistics.median(runs) * 1000:.1f} ms "
      f"over {len(runs)} runs (goal ≤ 50 ms)")
_table.cache_clear()
start = time.perf_counter()
explorer_table()
print(f"model: export the explorer table, {(time.perf_counter() - start) * 1000:.0f} ms")
