"""The model's data (lexicon, scales, pathway, rules, evidence) as one Catalogue, with lookups by id.

Each file is read by the one loader (`calcflow.model.load`: schema, unique ids, source keys); this module adds the
cross-references only the whole model can see: edges and routes that lead to real steps of the right system, and
sizes that exist. Every error names the file, the entry and the field.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from calcflow.errors import DataError
from calcflow.model import schema
from calcflow.model.load import DATA_DIR, REFERENCES, load_file


@dataclass(frozen=True)
class Catalogue:
    lexicon: schema.Lexicon
    scales: schema.Scales
    pathway: schema.Pathway
    rules: schema.Rules
    evidence: schema.Evidence

    # --- lookups (indexed once; the exhaustive tests and the export call these thousands of times) --
    def ids(self, field: str) -> list[str]:
        return list(self._index()[field])

    def has(self, field: str, value: object) -> bool:
        return value in self._index()[field]

    def descriptor(self, field: str, value: str) -> schema.Descriptor:
        return self._index()[field][value]

    def step(self, step_id: str) -> schema.Step:
        return self._index()["step"][step_id]

    def rule(self, rule_id: str) -> schema.Rule:
        return self._index()["rule"][rule_id]

    def route(self, route_id: str) -> schema.Route:
        return self._index()["route"][route_id]

    def result(self, result_id: str) -> schema.PathologyResult:
        return self._index()["result"][result_id]

    def results_for(self, system: str) -> list[str]:
        """The biopsy results in one system's words, in the data's order."""
        return [r.id for r in self.scales.result if r.system == system]

    def steps_of(self, system: str) -> tuple[schema.Step, ...]:
        """The steps of one system's graph (shared steps and that system's own)."""
        return tuple(s for s in self.pathway.steps if system in s.systems)

    def birads(self, birads_id: str) -> schema.BiradsCategory:
        return self._index()["birads"][birads_id]

    def rcr(self, rcr_id: str) -> schema.RcrScore:
        return self._index()["rcr"][rcr_id]

    def rcr_for_birads(self, birads_id: str) -> str:
        return self._index()["birads_to_rcr"][birads_id].rcr

    def leaflet_for_rcr(self, rcr_id: str) -> schema.LeafletCategory:
        return next(c for c in self.scales.category if rcr_id in c.rcr)

    @cache
    def _index(self) -> dict[str, dict]:
        by_id = lambda items, key="id": {getattr(i, key): i for i in items}  # noqa: E731
        lex = self.lexicon
        return {
            "size": by_id(lex.size), "shape": by_id(lex.shape), "pattern": by_id(lex.pattern),
            "change": by_id(lex.change), "system": by_id(lex.system), "result": by_id(self.scales.result),
            "setting": by_id(lex.setting), "history": by_id(lex.history), "concordance": by_id(lex.concordance),
            "step": by_id(self.pathway.steps), "route": by_id(self.pathway.routes),
            "rule": by_id(self.rules.rules),
            "birads": by_id(self.scales.birads), "rcr": by_id(self.scales.rcr),
            "birads_to_rcr": by_id(self.scales.birads_to_rcr, "birads"),
        }

    def files(self) -> dict[str, schema.Entry]:
        return {"lexicon.yaml": self.lexicon, "scales.yaml": self.scales, "pathway.yaml": self.pathway,
                "rules.yaml": self.rules, "evidence.yaml": self.evidence}

    __hash__ = object.__hash__


def _cross_check(cat: Catalogue) -> None:
    """What the schema and the loader cannot see: edges and routes that lead to real steps, sizes that exist."""
    steps = {s.id for s in cat.pathway.steps}
    for step in cat.pathway.steps:
        for edge in step.next:
            if edge.to not in steps:
                raise DataError(f"pathway.yaml: steps {step.id!r}: field 'next': leads to unknown step "
                                f"{edge.to!r}; steps are: {', '.join(sorted(steps))}")
    by_id = {s.id: s for s in cat.pathway.steps}
    for r in cat.pathway.routes:
        for step_id in r.steps:
            if step_id not in steps:
                raise DataError(f"pathway.yaml: routes {r.id!r}: field 'steps': unknown step {step_id!r}")
            foreign = [s for s in r.systems if s not in by_id[step_id].systems]
            if foreign:
                raise DataError(f"pathway.yaml: routes {r.id!r}: field 'steps': step {step_id!r} is not part of "
                                f"the {'/'.join(foreign)} pathway")
        for a, b in zip(r.steps, r.steps[1:]):
            if not any(e.to == b for e in by_id[a].next):
                raise DataError(f"pathway.yaml: routes {r.id!r}: field 'steps': no edge from {a!r} to {b!r}")
    sizes = set(cat.ids("size"))
    for shape in cat.lexicon.shape:
        for s in shape.sizes:
            if s not in sizes:
                raise DataError(f"lexicon.yaml: shape {shape.id!r}: field 'sizes': unknown size {s!r}")


def load(data_dir: Path = DATA_DIR, references: Path = REFERENCES) -> Catalogue:
    """Read and validate the model's data files (lexicon, scales, pathway, rules, evidence)."""
    models = {name.removesuffix(".yaml"): load_file(Path(data_dir) / name, model, references)
              for name, model in schema.FILES.items()}
    cat = Catalogue(**models)
    _cross_check(cat)
    return cat


@cache
def catalogue() -> Catalogue:
    """The package's own data, loaded once."""
    return load()
