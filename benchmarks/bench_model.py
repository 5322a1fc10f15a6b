"""The model's speed and the browser tables' size. Prints figures; never fails on time.

- assess every combination of every input (each system with its own results), warm (the model's caches full) and
  cold (caches cleared, the data already loaded, as in a kernel that has just imported calcflow);
- export the browser tables, and their size as the page would carry them (compact JSON).
"""
import itertools
import json
import statistics
import time

import calcflow
from calcflow.model import assessment
from calcflow.model.catalogue import catalogue, load
from calcflow.widgets.payloads import explorer_table

choices = calcflow.choices()
combos = [dict(size=size, shape=shape, pattern=pattern, change=change, system=system, setting=setting,
               history=history, result=result, concordance=concordance)
          for size, shape, pattern, change, system, setting, history in itertools.product(
              *(choices[f] for f in ("size", "shape", "pattern", "change", "system", "setting", "history")))
          for result in [None] + calcflow.results_for(system)
          for concordance in [None] + choices["concordance"]]


def assess_all() -> int:
    answered = 0
    for combo in combos:
        try:
            calcflow.assess(**combo)
            answered += 1
        except calcflow.CalcflowError:
            pass
    return answered


def clear_caches() -> None:
    for cached in (assessment.categorise, assessment.route_for, assessment._path, assessment._applied):
        cached.cache_clear()


catalogue()                       # the data loaded once, as any session would
clear_caches()
cold = []
for _ in range(3):
    clear_caches()
    start = time.perf_counter()
    answered = assess_all()
    cold.append(time.perf_counter() - start)
warm = []
for _ in range(5):
    start = time.perf_counter()
    assess_all()
    warm.append(time.perf_counter() - start)
print(f"model: assess every combination ({len(combos):,}; {answered:,} answered, the rest refused with a reason)")
print(f"model:   cold (caches cleared) median {statistics.median(cold) * 1000:.0f} ms over {len(cold)} runs")
print(f"model:   warm median {statistics.median(warm) * 1000:.0f} ms over {len(warm)} runs "
      f"({statistics.median(warm) / len(combos) * 1e6:.1f} µs per combination)")
clear_caches()
fresh = load()     # a catalogue no cache has seen, so the export is computed from scratch
start = time.perf_counter()
table = explorer_table(fresh)
elapsed = time.perf_counter() - start
size = len(json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
parts = {part: len(json.dumps(table[part], separators=(",", ":"))) for part in ("category", "route", "steps", "rules",
                                                                                "references", "choices")}
print(f"model: export the browser tables, {elapsed * 1000:.0f} ms; {size / 1024:.0f} KiB as compact JSON "
      f"(" + ", ".join(f"{k} {v / 1024:.0f}" for k, v in parts.items()) + " KiB)")
