"""Short, readable citations ("Menezes et al. 2017") for keys in calcflow/data/references.bib."""
from __future__ import annotations

from functools import cache

from calcflow.model.catalogue import REFERENCES


@cache
def _entries():
    from pybtex.database import parse_file

    return parse_file(str(REFERENCES), bib_format="bibtex").entries if REFERENCES.exists() else {}


def _surname(person) -> str:
    last = " ".join(person.last_names) or " ".join(person.first_names)
    return last.replace("{", "").replace("}", "")


def short_citation(key: str) -> str:
    entry = _entries().get(key)
    if entry is None:
        return key
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
    return {k: short_citation(k) for k in keys}
