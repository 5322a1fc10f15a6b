"""Load the data files, validate them, and offer lookups by id.

Validation is pydantic (the schema in `schema.py`) plus the cross-references a schema cannot see:
unique ids, edges that lead to real steps, and source keys that exist in `calcflow/data/references.bib`.
Every error names the file, the entry and the field.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Iterable

import yaml
from pydantic import ValidationError

from calcflow.model import schema
from calcflow.errors import DataError

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
REFERENCES = DATA_DIR / "references.bib"


def bibliography_keys(path: Path = REFERENCES) -> frozenset[str]:
    """The citation keys defined in a BibTeX file (parsed with pybtex)."""
    from pybtex.database import parse_file

    return frozenset(parse_file(str(path), bib_format="bibtex").entries.keys())


def _entry_name(raw: Any, loc: tuple) -> str:
    """Turn a pydantic error location into 'section entry-id field' words."""
    words, node = [], raw
    for part in loc:
        if isinstance(part, int) and isinstance(node, list) and part < len(node):
            node = node[part]
            label = node.get("id") or node.get("descriptor") if isinstance(node, dict) else None
            words.append(f"entry {label!r}" if label else f"entry #{part + 1}")
        elif isinstance(node, dict) and part in node:
            node = node[part]
            words.append(str(part))
        else:
            words.append(str(part))
    return " ".join(words)


def _validate(name: str, raw: Any) -> schema.Entry:
    return _validate_with(schema.FILES[name], name, raw)


def _validate_with(model, name: str, raw: Any):
    """Validate raw YAML against a pydantic model; errors name the file, the entry and the field."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = err["loc"]
            msg = "unknown field (not allowed)" if err["type"] == "extra_forbidden" else err["msg"]
            if loc and isinstance(loc[-1], int):      # a whole-entry problem (e.g. a cross-field check)
                problems.append(f"{_entry_name(raw, loc)}: {msg}")
                continue
            where = _entry_name(raw, loc[:-1]) if len(loc) > 1 else ""
            field = loc[-1] if loc else ""
            problems.append(f"{where}: field {field!r}: {msg}".lstrip(": "))
        raise DataError(f"{name}: " + "; ".join(problems)) from None


def _sourced_entries(name: str, model: schema.Entry) -> Iterable[tuple[str, schema.Sourced]]:
    """Every entry of a data file that carries sources, with a readable name."""
    for section, value in model:
        if not isinstance(value, tuple):
            continue
        for item in value:
            if isinstance(item, schema.Sourced):
                label = getattr(item, "id", None) or f"{getattr(item, 'descriptor', '')} ({getattr(item, 'study', '')})"
                yield f"{section} {label!r}", item


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

    def all_sources(self) -> set[str]:
        return {key for name, model in self.files().items()
                for _, item in _sourced_entries(name, model) for key in item.sources}

    def files(self) -> dict[str, schema.Entry]:
        return {"lexicon.yaml": self.lexicon, "scales.yaml": self.scales, "pathway.yaml": self.pathway,
                "rules.yaml": self.rules, "evidence.yaml": self.evidence}

    __hash__ = object.__hash__


def _check_unique(name: str, section: str, ids: list[str]) -> None:
    seen = set()
    for i in ids:
        if i in seen:
            raise DataError(f"{name}: {section} {i!r}: field 'id': duplicate id")
        seen.add(i)


def _cross_check(cat: Catalogue, known_keys: frozenset[str] | None) -> None:
    for section in ("size", "shape", "pattern", "change", "system", "setting", "history", "concordance"):
        _check_unique("lexicon.yaml", section, [d.id for d in getattr(cat.lexicon, section)])
    _check_unique("scales.yaml", "result", [r.id for r in cat.scales.result])
    _check_unique("pathway.yaml", "steps", [s.id for s in cat.pathway.steps])
    _check_unique("rules.yaml", "rules", [r.id for r in cat.rules.rules])
    steps = {s.id for s in cat.pathway.steps}
    for step in cat.pathway.steps:
        for edge in step.next:
            if edge.to not in steps:
                raise DataError(f"pathway.yaml: steps {step.id!r}: field 'next': leads to unknown step "
                                f"{edge.to!r}; steps are: {', '.join(sorted(steps))}")
    _check_unique("pathway.yaml", "routes", [r.id for r in cat.pathway.routes])
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
    if known_keys is not None:
        for name, model in cat.files().items():
            for where, item in _sourced_entries(name, model):
                for key in item.sources:
                    if key not in known_keys:
                        raise DataError(f"{name}: {where}: field 'sources': unknown source key {key!r} "
                                        f"(not in calcflow/data/references.bib)")


def read_yaml(path: Path) -> Any:
    """Parse one data file; a missing file or invalid YAML becomes a DataError that names the file."""
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{Path(path).name}: file not found in {Path(path).parent}") from None
    except yaml.YAMLError as exc:
        raise DataError(f"{Path(path).name}: not valid YAML: {exc}") from None


def load(data_dir: Path = DATA_DIR, references: Path | None = REFERENCES) -> Catalogue:
    """Read and validate every data file. Source keys are checked when the bibliography exists."""
    models = {}
    for name in schema.FILES:
        models[name.removesuffix(".yaml")] = _validate(name, read_yaml(data_dir / name))
    cat = Catalogue(**models)
    keys = bibliography_keys(references) if references is not None and references.exists() else None
    _cross_check(cat, keys)
    return cat


@cache
def catalogue() -> Catalogue:
    """The package's own data, loaded once."""
    return load()
