"""Short, readable citations ("Menezes et al. (2017). Title") for keys in calcflow/data/references.bib."""
from __future__ import annotations

from calcflow.errors import DataError
from calcflow.model.load import bibliography


def _surname(person) -> str:
    last = " ".join(person.last_names) or " ".join(person.first_names)
    return last.replace("{", "").replace("}", "")


def short_citation(key: str) -> str:
    """First author (et al.), year and title of one bibliography entry; an unknown key is a DataError."""
    bib = bibliography()
    entry = bib.entries.get(key)
    if entry is None:
        raise DataError(f"{bib.path.name}: no entry {key!r}, so it cannot be cited")
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [_surname(p) for p in people if _surname(p) != "others"]
    more = len(names) > 2 or len(names) < len(people)
    year = entry.fields.get("year", "n.d.")
    title = entry.fields.get("title", "").replace("{", "").replace("}", "")
    if names:
        who = names[0] + (" et al." if more else f" & {names[1]}" if len(names) == 2 else "")
    else:
        who = entry.fields.get("organization") or entry.fields.get("institution") or ""
    who = who.replace("{", "").replace("}", "")
    return f"{who} ({year}). {title}" if who else f"{title} ({year})"


def short_citations(keys) -> dict[str, str]:
    """Key -> short citation, for the keys given."""
    return {k: short_citation(k) for k in keys}
