"""The GitHub Actions workflow that tests the book and publishes it on GitHub Pages (.github/workflows/pages.yml),
and the linter `make lint` runs on it (zizmor, pinned in requirements.txt)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"
ZIZMOR = Path(sys.executable).parent / "zizmor"
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<action>[^@\s]+)@(?P<ref>\S+)(?P<comment>.*)$")


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _uses_lines(text: str) -> list[re.Match]:
    return [m for line in text.splitlines() if (m := USES.match(line))]


def test_every_action_is_pinned_by_commit_with_its_release_named():
    uses = _uses_lines(WORKFLOW.read_text(encoding="utf8"))
    assert {m["action"] for m in uses} >= {"actions/checkout", "actions/configure-pages",
                                           "actions/upload-pages-artifact", "actions/deploy-pages"}
    for m in uses:
        assert re.fullmatch(r"[0-9a-f]{40}", m["ref"]), f"{m['action']}@{m['ref']} is not a full commit SHA"
        assert re.fullmatch(r"\s*#\s*v\d+\.\d+\.\d+\s*", m["comment"]), (
            f"{m['action']}: the comment after the SHA names the release (# vX.Y.Z), not {m['comment']!r}")


def test_a_push_to_main_is_tested_then_deployed(workflow):
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {}, "no job gets a permission it does not name"
    test, deploy = workflow["jobs"]["test"], workflow["jobs"]["deploy"]
    runs = [step.get("run", "") for step in test["steps"]]
    assert "make test" in runs
    assert test["permissions"] == {"contents": "read"}
    assert deploy["needs"] == "test" and "refs/heads/main" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}, (
        "one deployment at a time, never cancelled half-way")
    steps = [step.get("uses", "").split("@")[0] for step in deploy["steps"]]
    assert steps == ["actions/configure-pages", "actions/deploy-pages"]


def test_the_published_site_holds_the_book_with_the_slides_under_slides(workflow):
    steps = workflow["jobs"]["test"]["steps"]
    (upload,) = [s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    site = upload["with"]["path"]
    assembly = "\n".join(s.get("run", "") for s in steps[:steps.index(upload)])
    assert f"cp -a _build/html {site}" in assembly, "the book is the site's root"
    assert f"cp -a _build/slides {site}/slides" in assembly, "the decks are under /slides/"
    assert steps.index(upload) > [s.get("run") for s in steps].index("make test"), "only a tested book is uploaded"


def _zizmor(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([ZIZMOR, "--offline", "--no-progress", "--strict-collection", "--config",
                           REPO / ".github" / "zizmor.yml", folder], capture_output=True, text=True, timeout=60)


def test_the_workflow_linter_passes_the_workflow():
    assert ZIZMOR.is_file(), f"{ZIZMOR} is missing: run `make venv` (zizmor is pinned in requirements.txt)"
    result = _zizmor(WORKFLOW.parent)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("change, finding", [
    (("@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1", "@v7.0.1"), "unpinned-uses"),
    (("  test:\n    name: make test\n    runs-on:", "  test:\n    name: make test\n    runs_on:"), "schema"),
])
def test_the_workflow_linter_fails_a_tag_pin_and_a_malformed_job(tmp_path, change, finding):
    text = WORKFLOW.read_text(encoding="utf8")
    assert change[0] in text
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / WORKFLOW.name).write_text(text.replace(change[0], change[1]), encoding="utf8")
    result = _zizmor(folder)
    assert result.returncode != 0 and finding in result.stdout + result.stderr
