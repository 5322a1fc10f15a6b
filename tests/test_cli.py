"""The command line, run as a user would: exit codes, messages, JSON shape."""
import json
import subprocess
import sys

import pytest

import calcflow


def run(*args):
    return subprocess.run([sys.executable, "-m", "calcflow", *args], capture_output=True, text=True)


def test_choices_lists_every_value_with_a_description():
    out = run("choices")
    assert out.returncode == 0
    for field, values in calcflow.choices().items():
        if field == "result":
            uk = out.stdout.split("result (UK):")[1].split("result (US):")[0]
            us = out.stdout.split("result (US):")[1].split("setting:")[0]
            assert [l.split()[0] for l in uk.strip().splitlines()] == ["B1", "B2", "B3", "B4", "B5a", "B5b", "B5c"]
            assert [l.split()[0] for l in us.strip().splitlines()] == ["nondiagnostic", "benign", "high-risk",
                                                                      "dcis", "invasive"]
        else:
            assert f"{field}:" in out.stdout
        for v in values:
            line = next(l for l in out.stdout.splitlines() if l.split()[:1] == [v])
            assert len(line.split("—", 1)[1].strip()) > 10


def test_assess_prints_category_next_step_path_and_citations():
    out = run("assess", "--size", "micro", "--shape", "fine-pleomorphic", "--pattern", "grouped")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "Category: Suspicious" in text and "BI-RADS 4B" in text and "RCR M4" in text
    assert "Next step:" in text and "1. NHS screening mammogram [" in text and "3. Recall to assessment clinic" in text
    assert "biradsAtlas2013" in text and "For teaching, not for diagnosis." in text


def test_json_has_the_agreed_keys_and_matches_the_model():
    out = run("assess", "--size", "micro", "--shape", "punctate", "--pattern", "grouped", "--system", "us",
              "--json")
    data = json.loads(out.stdout)
    assert {"category", "birads", "rcr", "next_step", "path", "sources", "system", "setting", "history"} <= set(data)
    assert (data["system"], data["setting"], data["history"]) == ("us", "screening", "none")
    assert (data["category"], data["birads"], data["rcr"]) == ("indeterminate", "3", "M3")
    assert data["path"][0] == {"id": "us-screening-mammogram", "label": "Screening mammogram",
                               "sources": ["monticciolo2021", "uspstf2024"]}
    assert data == calcflow.assess("micro", "punctate", "grouped", system="us").to_dict()


def test_new_flags_reach_the_model():
    out = run("assess", "--size", "micro", "--shape", "fine-pleomorphic", "--pattern", "grouped", "--system", "us",
              "--setting", "symptomatic", "--history", "treated-breast", "--change", "new-or-increasing",
              "--result", "benign", "--concordance", "discordant", "--json")
    data = json.loads(out.stdout)
    assert (data["setting"], data["history"], data["concordance"]) == ("symptomatic", "treated-breast", "discordant")
    assert [s["id"] for s in data["path"]][0] == "us-symptom-visit"
    assert [s["id"] for s in data["path"]][-1] == "repeat-biopsy"


def test_benign_next_step_names_each_systems_interval():
    uk = json.loads(run("assess", "--size", "macro", "--shape", "coarse-popcorn", "--pattern", "grouped",
                        "--json").stdout)
    us = json.loads(run("assess", "--size", "macro", "--shape", "coarse-popcorn", "--pattern", "grouped",
                        "--system", "us", "--json").stdout)
    assert "3 years" in uk["next_step"]
    assert "every year from 40 (ACR)" in us["next_step"] and "every 2 years from 40 to 74 (USPSTF" in us["next_step"]


def test_json_with_result_continues_through_the_result():
    out = run("assess", "--size", "micro", "--shape", "fine-linear-branching", "--pattern", "segmental",
              "--result", "B5b", "--json")
    ids = [s["id"] for s in json.loads(out.stdout)["path"]]
    assert ids[-7:] == ["uk-pathology", "uk-mdt-concordance", "axillary-ultrasound", "treatment-planning",
                        "localisation", "wide-local-excision", "surgical-specimen-radiograph"]


@pytest.mark.parametrize("args,names", [
    (["--size", "huge", "--shape", "amorphous", "--pattern", "grouped"], ["'huge'", "micro, macro"]),
    (["--size", "micro", "--shape", "pleomorphic", "--pattern", "grouped"], ["'pleomorphic'", "fine-pleomorphic"]),
    (["--size", "micro", "--shape", "amorphous", "--pattern", "clustered"], ["'clustered'", "grouped"]),
    (["--size", "micro", "--shape", "amorphous", "--pattern", "grouped", "--change", "x"], ["'x'", "stable"]),
    (["--size", "micro", "--shape", "amorphous", "--pattern", "grouped", "--system", "eu"], ["'eu'", "uk, us"]),
    (["--size", "micro", "--shape", "amorphous", "--pattern", "grouped", "--result", "B9"], ["'B9'", "B5c"]),
    (["--size", "macro", "--shape", "fine-linear-branching", "--pattern", "grouped"], ["macro", "micro"]),
    (["--size", "micro", "--shape", "round", "--pattern", "diffuse", "--result", "B2"], ["not biopsied", "none"]),
    (["--size", "micro", "--shape", "amorphous", "--pattern", "grouped", "--system", "us", "--result", "B2"],
     ["'B2'", "US", "nondiagnostic, benign, high-risk, dcis, invasive"]),
    (["--size", "micro", "--shape", "amorphous", "--pattern", "grouped", "--result", "dcis"],
     ["'dcis'", "UK", "B1, B2, B3, B4, B5a, B5b, B5c"]),
    (["--size", "micro", "--shape", "amorphous", "--pattern", "grouped", "--setting", "clinic"],
     ["'clinic'", "screening, symptomatic"]),
    (["--size", "micro", "--shape", "amorphous", "--pattern", "grouped", "--history", "treated-breast"],
     ["no-prior", "treated-breast", "stable"]),
    (["--size", "micro", "--shape", "amorphous", "--pattern", "grouped", "--concordance", "yes"],
     ["'yes'", "concordant, discordant"]),
    (["--size", "micro"], ["required", "--shape"]),
])
def test_user_mistakes_exit_2_with_one_clear_line(args, names):
    out = run("assess", *args)
    assert out.returncode == 2
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in out.stderr
    for n in names:
        assert n in lines[0]


def test_unknown_command_exits_2_without_traceback():
    out = run("diagnose")
    assert out.returncode == 2 and "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1


def test_installed_console_script_matches_module():
    import shutil
    exe = shutil.which("calcflow", path=str(__import__("pathlib").Path(sys.executable).parent))
    assert exe, "calcflow console script not installed in the venv"
    out = subprocess.run([exe, "assess", "--size", "micro", "--shape", "amorphous", "--pattern", "diffuse",
                          "--json"], capture_output=True, text=True)
    assert json.loads(out.stdout)["birads"] == "2"


# --- calcflow reading: the test set -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def reading_json():
    out = run("reading", "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_reading_json_matches_the_model_assess_and_the_generator(reading_json):
    """A second path: the cases from calcflow.model.reading, the answers from calcflow.assess, the circles from the
    generator's truth of the CC view, the sizes from the committed PNGs themselves."""
    from PIL import Image

    from calcflow.figures.reading import IMAGES, view_spec
    from calcflow.model.reading import reading_cases
    from calcflow.model.rules import BIRADS_ORDER
    from calcflow.synthetic.outline import MM_PER_PX
    from calcflow.synthetic.views import view_truths

    cases = reading_cases()
    assert [c["id"] for c in reading_json] == [c.id for c in cases]
    for sent, case in zip(reading_json, cases, strict=True):
        assert set(sent) == {"id", "tier", "normal", "image", "findings", "answer"}
        assert (sent["tier"], sent["normal"]) == (case.tier, case.normal)
        image = sent["image"]
        assert image["path"] == f"reading/{case.id}-cc.png" and image["mm_per_px"] == MM_PER_PX
        source = IMAGES / image["path"].removeprefix("reading/")
        assert source.is_file(), source
        with Image.open(source) as png:
            assert png.size == (image["width"], image["height"])
        truths = view_truths(view_spec(case, "cc"))
        assert len(sent["findings"]) == len(case.findings) == len(truths)
        for f, finding, truth in zip(sent["findings"], case.findings, truths):
            assert set(f) == {"x", "y", "radius", "size", "shape", "pattern"}
            assert (f["size"], f["shape"], f["pattern"]) == (finding.size, finding.shape, finding.pattern)
            assert f["x"] == pytest.approx(truth.centre[0], abs=0.06)
            assert f["y"] == pytest.approx(truth.centre[1], abs=0.06)
            assert f["radius"] == pytest.approx(truth.radius, abs=0.06)
            assert 0 <= f["x"] < image["width"] and 0 <= f["y"] < image["height"] and f["radius"] > 0
        answers = [calcflow.assess(f.size, f.shape, f.pattern, f.change, case.system) for f in case.findings]
        worst = max(answers, key=lambda a: BIRADS_ORDER.index(a.birads), default=None)
        assert sent["answer"]["birads"] == (worst.birads if worst else "1")
        assert sent["answer"]["rcr"] == (max(a.rcr for a in answers) if answers else "M1")


def test_reading_text_names_every_case_and_image(reading_json):
    out = run("reading")
    assert out.returncode == 0, out.stderr
    assert "For teaching, not for diagnosis." in out.stdout
    for case in reading_json:
        assert f"{case['id']} ({case['tier']}" in out.stdout and case["image"]["path"] in out.stdout
