"""Command line: `calcflow choices`, `calcflow assess …` and `calcflow reading` (also `python -m calcflow`).

`calcflow reading --json` prints the reading test set: a list of `{id, tier, normal, image: {path, width, height,
mm_per_px}, findings: [{x, y, radius, size, shape, pattern}], answer: {category, birads, rcr, next, next_step}}`.
`image` is the case's CC view, `path` relative to the built site's root (_build/html: the book's build copies
figures/reading/ there as reading/), and each finding's `x, y, radius` are where the generator drew it on that view,
in image pixels; `answer` is the model's for the breast (calcflow.model.reading.answer_key). Without --json, the same
as one readable block per case.
"""
from __future__ import annotations

import argparse
import json
import sys

from calcflow.model import report
from calcflow.model.assessment import FIELDS, assess, results_for
from calcflow.model.catalogue import catalogue
from calcflow.errors import CalcflowError

DISCLAIMER = report.DISCLAIMER


class _Parser(argparse.ArgumentParser):
    """argparse, but a user mistake is one line on stderr and exit status 2 (no usage dump)."""

    def error(self, message: str) -> None:  # noqa: D102 - argparse API
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def print_choices(out) -> None:
    cat = catalogue()
    for name in FIELDS:
        groups = [(f"{name} ({system.upper()}):", results_for(system)) for system in cat.ids("system")] \
            if name == "result" else [(f"{name}:", cat.ids(name))]
        for heading, values in groups:
            print(heading, file=out)
            for value in values:
                d = cat.descriptor(name, value)
                text = " ".join((getattr(d, "description", "") or d.label).split())
                print(f"  {value:<22} {d.label} — {text.split('. ')[0].rstrip('.')}.", file=out)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="calcflow", description="Follow a breast calcification from the screening "
                     f"mammogram to its category, next step and result. {DISCLAIMER}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    sub.add_parser("choices", help="list every valid value with a one-line description")
    p = sub.add_parser("assess", help="assess one finding")
    p.add_argument("--size", required=True, help="micro | macro")
    p.add_argument("--shape", required=True, help="a BI-RADS morphology, e.g. fine-pleomorphic")
    p.add_argument("--pattern", required=True, help="a BI-RADS distribution, e.g. grouped")
    p.add_argument("--change", default="no-prior", help="no-prior | stable | new-or-increasing")
    p.add_argument("--system", default="uk", help="uk (RCR/NHSBSP) | us (ACR BI-RADS)")
    p.add_argument("--result", default=None, help="biopsy result: UK B1 | B2 | B3 | B4 | B5a | B5b | B5c; "
                   "US nondiagnostic | benign | high-risk | dcis | invasive")
    p.add_argument("--setting", default="screening", help="screening | symptomatic (a breast symptom)")
    p.add_argument("--history", default="none", help="none | treated-breast (after breast-conserving treatment)")
    p.add_argument("--concordance", default=None,
                   help="concordant | discordant (left out: the model's judgement)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    r = sub.add_parser("reading", help="the reading test set: each case's CC image, findings and answer")
    r.add_argument("--json", action="store_true", help="print one JSON list")
    return parser


READING_VIEW = "cc"  # the view whose image and truth `calcflow reading` gives
SITE_READING = "reading"  # the built site's folder of case images (calcflow.publish.sphinx)


def reading_set() -> list[dict]:
    """The test set as `calcflow reading --json` prints it (see the module's docstring)."""
    from calcflow.figures.reading import image_name
    from calcflow.widgets.reader_payload import reader_payload

    cases = []
    for c in reader_payload()["cases"]:
        size = c["views"][READING_VIEW]
        cases.append({
            "id": c["id"], "tier": c["tier"], "normal": c["normal"],
            "image": {"path": f"{SITE_READING}/{image_name(c['id'], READING_VIEW)}", "width": size["width"],
                      "height": size["height"], "mm_per_px": c["mm_per_px"]},
            "findings": [{"x": f["where"][READING_VIEW]["x"], "y": f["where"][READING_VIEW]["y"],
                          "radius": f["where"][READING_VIEW]["r"], "size": f["size"], "shape": f["shape"],
                          "pattern": f["pattern"]} for f in c["findings"]],
            "answer": {k: c["answer"][k] for k in ("category", "birads", "rcr", "next", "next_step")},
        })
    return cases


def reading_text(cases: list[dict]) -> str:
    """The test set in words, one block per case."""
    lines = [f"Reading test set: {len(cases)} cases (CC view; x, y, radius in image pixels). {DISCLAIMER}"]
    for c in cases:
        img = c["image"]
        lines += ["", f"{c['id']} ({c['tier']}, {'normal' if c['normal'] else 'recall'})",
                  f"  image: {img['path']} ({img['width']} x {img['height']} px, {img['mm_per_px']} mm per px)"]
        lines += [f"  finding at ({f['x']}, {f['y']}) radius {f['radius']}: {f['size']}, {f['shape']}, {f['pattern']}"
                  for f in c["findings"]] or ["  no finding"]
        a = c["answer"]
        lines.append(f"  answer: {a['category']}, BI-RADS {a['birads']}, {a['rcr']}; next: {a['next_step']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "choices":
            print_choices(sys.stdout)
            return 0
        if args.command == "reading":
            cases = reading_set()
            print(json.dumps(cases, ensure_ascii=False, indent=2) if args.json else reading_text(cases))
            return 0
        a = assess(size=args.size, shape=args.shape, pattern=args.pattern, change=args.change,
                   system=args.system, result=args.result, setting=args.setting, history=args.history,
                   concordance=args.concordance)
    except CalcflowError as exc:
        print(f"calcflow: error: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(a.to_dict(), ensure_ascii=False, indent=2) if args.json else report.text(a))
    return 0


def run() -> None:
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. `calcflow choices | head`
        sys.stderr.close()
        sys.exit(0)


if __name__ == "__main__":
    run()
