"""The one loader: every data file of the package is read, validated and cross-checked here.

`load_file(path, Schema)` reads one YAML file and checks what every data file needs: the pydantic schema (extra
fields forbidden), unique ids in each list of entries, and every source key resolved against the bibliography
(`calcflow/data/references.bib`, shipped inside the package and parsed once). A missing bibliography is an error,
never a silent skip. Every error is a `DataError` naming the file, the entry and the field; the modules that own a
file (catalogue, outcomes, workup, questions, cases) add only the checks that are theirs (edges, routes, answers).
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from calcflow.errors import DataError

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
REFERENCES = DATA_DIR / "references.bib"

Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class Bibliography:
    """The parsed BibTeX file: its entries by key (pybtex `Entry` objects)."""
    path: Path
    entries: Mapping[str, Any]

    @cached_property
    def keys(self) -> frozenset[str]:
        return frozenset(self.entries)


@cache
def bibliography(path: Path = REFERENCES) -> Bibliography:
    """The bibliography at `path`, parsed once per process; missing or unreadable is a DataError."""
    from pybtex.database import parse_file
    from pybtex.scanner import PybtexError

    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path.name}: bibliography not found at {path}; every source key is checked against it")
    try:
        entries = parse_file(str(path), bib_format="bibtex").entries
    except PybtexError as exc:
        raise DataError(f"{path.name}: not a valid BibTeX file: {exc}") from None
    return Bibliography(path, dict(entries))


def bibliography_keys(path: Path = REFERENCES) -> frozenset[str]:
    """The citation keys the bibliography at `path` defines."""
    return bibliography(path).keys


def read_yaml(path: Path) -> Any:
    """Parse one data file; a missing file or invalid YAML becomes a DataError that names the file."""
    path = Path(path)
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{path.name}: file not found in {path.parent}") from None
    except yaml.YAMLError as exc:
        raise DataError(f"{path.name}: not valid YAML: {exc}") from None


def entry_label(item: Any, study: bool = True) -> str | None:
    """How an entry is named in messages: its id, else the field that identifies it in its file (with the study
    for evidence entries, which share a descriptor, unless `study` is false)."""
    get = item.get if isinstance(item, dict) else (lambda name: getattr(item, name, None))
    for field in ("id", "route", "measure"):
        if get(field):
            return str(get(field))
    if get("descriptor"):
        return f"{get('descriptor')} ({get('study')})" if study and get("study") else str(get("descriptor"))
    return None


def _location(raw: Any, loc: tuple) -> str:
    """A pydantic error location in words: 'section entry-id field'."""
    words, node = [], raw
    for part in loc:
        if isinstance(part, int) and isinstance(node, list) and part < len(node):
            node = node[part]
            label = entry_label(node, study=False) if isinstance(node, dict) else None
            words.append(f"entry {label!r}" if label else f"entry #{part + 1}")
        elif isinstance(node, dict) and part in node:
            node = node[part]
            words.append(str(part))
        else:
            words.append(str(part))
    return " ".join(words)


def validate(schema: type[Model], name: str, raw: Any) -> Model:
    """Validate raw YAML against a pydantic model; errors name the file, the entry and the field."""
    try:
        return schema.model_validate(raw)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            loc = err["loc"]
            msg = "unknown field (not allowed)" if err["type"] == "extra_forbidden" else err["msg"]
            if loc and isinstance(loc[-1], int):      # a whole-entry problem (e.g. a cross-field check)
                problems.append(f"{_location(raw, loc)}: {msg}")
                continue
            where = _location(raw, loc[:-1]) if len(loc) > 1 else ""
            field = loc[-1] if loc else ""
            problems.append(f"{where}: field {field!r}: {msg}".lstrip(": "))
        raise DataError(f"{name}: " + "; ".join(problems)) from None


def _sections(data: BaseModel) -> Iterator[tuple[str, tuple]]:
    """The lists of entries of a data file: its top-level tuple fields."""
    for section, value in data:
        if isinstance(value, tuple) and value and isinstance(value[0], BaseModel):
            yield section, value


def check_unique(name: str, data: BaseModel) -> None:
    """No two entries of one list share an id."""
    for section, entries in _sections(data):
        seen: set[str] = set()
        for item in entries:
            item_id = getattr(item, "id", None)
            if item_id is None:
                continue
            if item_id in seen:
                raise DataError(f"{name}: {section} {item_id!r}: field 'id': duplicate id")
            seen.add(item_id)


def _source_lists(node: Any, field: str = "") -> Iterator[tuple[str, tuple[str, ...]]]:
    """Every `sources` list inside one entry, with the dotted field that holds it."""
    if isinstance(node, BaseModel):
        for name, value in node:
            dotted = f"{field}.{name}" if field else name
            if name == "sources" and isinstance(value, tuple):
                yield dotted, value
            else:
                yield from _source_lists(value, dotted)
    elif isinstance(node, tuple):
        for item in node:
            yield from _source_lists(item, field)


def check_sources(name: str, data: BaseModel, bib: Bibliography) -> None:
    """Every source key of every entry (and of the file itself, if it has any) resolves in the bibliography."""
    located = [("", "sources", data.sources)] if isinstance(getattr(data, "sources", None), tuple) else []
    for section, items in _sections(data):
        for i, item in enumerate(items):
            where = f"{section} {entry_label(item)!r}" if entry_label(item) else f"{section} #{i + 1}"
            located += [(where, field, keys) for field, keys in _source_lists(item)]
    for where, field, keys in located:
        for key in keys:
            if key not in bib.keys:
                raise DataError(f"{name}: {where + ': ' if where else ''}field {field!r}: unknown source key "
                                f"{key!r} (not in {bib.path.name})")


def load_file(path: Path, schema: type[Model], references: Path = REFERENCES) -> Model:
    """Read one data file: schema, unique ids, source keys. The owner of the file adds its own checks."""
    path = Path(path)
    bib = bibliography(references)        # first, so a missing bibliography is reported as such
    data = validate(schema, path.name, read_yaml(path))
    check_unique(path.name, data)
    check_sources(path.name, data, bib)
    return data
