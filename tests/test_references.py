"""The bibliography a medical reader can trust: every entry names its authors (or issuing body), its title and its
year; no placeholder titles or process notes; no copy sites, forums or lay aggregators standing in for a source."""
import re
from urllib.parse import urlparse

import pytest
from pybtex.database import parse_file

from calcflow.model.load import REFERENCES

# Hosts that copy other people's papers and books, forums, lay aggregators and AI summaries: never a source.
DENIED_HOSTS = {
    "oncohemakey.com", "paperzz.com", "docslib.org", "rrnursingschool.biz", "radiologykey.com", "researcher.life",
    "clinicalgate.com", "doctorlib.info", "scirp.org", "explorationpub.com", "newsbasis.com", "medhelp.org",
    "answerpail.com", "yahoo.com", "droracle.ai", "scribd.com", "passeidireto.com", "coursehero.com",
    "scienceinsights.org", "informedmedics.com", "standardofcare.com", "healthimaging.com", "radpigeon.news",
    "hl7.org", "studocu.com", "slideshare.net", "quizlet.com", "wikipedia.org",
}
PLACEHOLDER = re.compile(r"^\s*\[|not captured|details unconfirmed|unknown title|untitled|\bn\.d\.", re.I)
PROCESS_NOTE = re.compile(r"unconfirmed|not retrieved|secondary summary|lay source|consulted via|fact sheet", re.I)

ENTRIES = parse_file(str(REFERENCES), bib_format="bibtex").entries


def host(url: str) -> str:
    name = (urlparse(url).hostname or "").lower()
    return name[4:] if name.startswith("www.") else name


@pytest.mark.parametrize("key", sorted(ENTRIES))
def test_entry_names_who_what_and_when(key):
    entry = ENTRIES[key]
    people = entry.persons.get("author") or entry.persons.get("editor")
    body = entry.fields.get("organization") or entry.fields.get("institution") or entry.fields.get("publisher")
    assert people or body, f"{key}: no author, editor or issuing body"
    title = entry.fields.get("title", "")
    assert title.strip() and not PLACEHOLDER.search(title), f"{key}: placeholder or missing title {title!r}"
    assert re.fullmatch(r"(19|20)\d\d", entry.fields.get("year", "")), f"{key}: year {entry.fields.get('year')!r}"


@pytest.mark.parametrize("key", sorted(ENTRIES))
def test_entry_is_not_read_from_a_copy_site_and_carries_no_process_note(key):
    fields = ENTRIES[key].fields
    for name in ("url", "howpublished", "note"):
        for url in re.findall(r"https?://[^\s}]+", fields.get(name, "")):
            assert not any(host(url) == d or host(url).endswith("." + d) for d in DENIED_HOSTS), (key, url)
    assert not PROCESS_NOTE.search(fields.get("note", "")), f"{key}: process note {fields.get('note')!r}"


def test_journal_articles_name_their_journal():
    missing = [k for k, e in ENTRIES.items() if e.type == "article" and not e.fields.get("journal")]
    assert not missing, missing


def test_the_deny_list_catches_a_copy_site():
    assert host("https://www.radiologykey.com/some-chapter/") in DENIED_HOSTS
    assert PLACEHOLDER.search("[Title not captured]") and PLACEHOLDER.search("n.d.")
