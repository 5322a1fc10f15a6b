"""Command line: `calcflow choices` and `calcflow assess …` (also `python -m calcflow`)."""
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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "choices":
            print_choices(sys.stdout)
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
