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


def _plain(text: str) -> str:
    return text.replace("{", "").replace("}", "").replace("\\&", "&").replace("--", "–").strip()


def full_reference(key: str) -> str:
    """One bibliography entry in full, in a short Vancouver-like style for a reference list:
    "Ralleigh G, Sanderson E, et al. Title. Journal. 2000;2(Suppl 2):A62." (up to three authors, then "et al.";
    a book or report gives its edition, publisher or institution). An unknown key is a DataError."""
    bib = bibliography()
    entry = bib.entries.get(key)
    if entry is None:
        raise DataError(f"{bib.path.name}: no entry {key!r}, so it cannot be cited")
    fields = {name: _plain(value) for name, value in entry.fields.items()}
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = []
    for person in people:
        surname = _surname(person)
        if surname == "others":
            continue
        initials = "".join(name[0] for name in person.first_names + person.middle_names if name[:1].isalpha())
        names.append(f"{surname} {initials}".strip())
    who = ", ".join(names[:3]) + (", et al" if len(names) > 3 or len(names) < len(people) else "")
    who = who or fields.get("organization") or fields.get("institution") or ""
    parts = [who, fields.get("title", "")]
    if fields.get("edition"):
        parts.append(f"{fields['edition']}th ed" if fields["edition"].isdigit() else fields["edition"])
    journal = fields.get("journal")
    year = fields.get("year", "n.d.")
    if journal:
        where = f"{journal}. {year}"
        if fields.get("volume"):
            where += f";{fields['volume']}" + (f"({fields['number']})" if fields.get("number") else "")
        if fields.get("pages"):
            where += f":{fields['pages']}"
        parts.append(where)
    else:
        publisher = fields.get("publisher") or fields.get("institution") or fields.get("organization")
        parts.append(f"{publisher}; {year}" if publisher and publisher != who else year)
    text = ""
    for part in (_plain(part).rstrip(".") for part in parts if part):
        text += (" " if text else "") + part + ("" if part.endswith(("?", "!")) else ".")
    return text
