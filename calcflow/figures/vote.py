"""A case to vote on in a lecture: the case's synthetic image, the question, the options numbered for a show of
hands, and the answer with its reasoning in a reveal.js fragment (shown by the next key press).

The answer is the model's (`calcflow.assess` through the case's `assessment()`), never typed text; the options are
the three plain-language categories, in the book's order.
"""
from __future__ import annotations

import base64
import html
import re

from calcflow.figures.caseimages import case_image, png
from calcflow.model.cases import case, model_answers
from calcflow.model.catalogue import catalogue
from calcflow.model.references import short_citation

OPTIONS = ("benign", "indeterminate", "suspicious")  # the words a woman hears, in the book's order
VOTE_IMAGE_PX = 760  # shown 720 px high on a 1080 px slide: two thirds of its height


class VoteCase:
    """A vote slide's content for one case of calcflow/data/cases.yaml; shows inline as HTML."""

    def __init__(self, case_id: str):
        self.case = case(case_id)
        self.assessment = self.case.assessment()

    @property
    def answer_number(self) -> int:
        """The number of the right option (1-based)."""
        return OPTIONS.index(self.assessment.category) + 1

    def question(self) -> str:
        v = self.case.vignette
        change = catalogue().descriptor("change", self.case.descriptors.change).label
        return f"Age {v.age}, {v.setting}, {self.case.system.upper()}: {change.lower()}. Which category?"

    def reasoning(self) -> str:
        cat = catalogue()
        d, a = self.case.descriptors, self.assessment
        seen = f"{cat.descriptor('shape', d.shape).label}, {cat.descriptor('pattern', d.pattern).label.lower()}"
        next_step = cat.step(model_answers(a, cat)["next_test.answer"]).label_in(a.system)
        return re.sub(r"\s*\([^()]*\)", "", f"{seen}: {a.rcr} · BI-RADS {a.birads} → {next_step.lower()}")

    def notes(self) -> str:
        """For the speaker view: the case's vignette, the expert's explanation of the category (from the case
        library, where it is checked against the model) and its teaching point."""
        c = self.case
        sources = "; ".join(re.sub(r"^(.+? \([^()]+\))\. .*$", r"\1", short_citation(key))
                            for key in c.expert.category.sources)
        priors = "No earlier mammograms to compare with." if c.vignette.priors == "none" else c.vignette.priors
        return (f"{c.vignette.history} {priors} {c.expert.category.explanation} (Sources: {sources}.) "
                f"{c.teaching_point}")

    def _repr_html_(self) -> str:
        c = self.case
        data = base64.b64encode(png(case_image(c), c.image.zoom_mm, VOTE_IMAGE_PX)).decode("ascii")
        alt = (f"Synthetic magnification view for the vote, case '{c.title}'"
               + (f", a {c.image.zoom_mm:g} mm square" if c.image.zoom_mm else ""))
        options = "".join(f"<li>{word.capitalize()}</li>" for word in OPTIONS)
        word = self.assessment.category.capitalize()
        return (f'<div class="calcflow-vote" data-case="{html.escape(c.id)}">'
                f'<img class="calcflow-vote-image" src="data:image/png;base64,{data}" alt="{html.escape(alt)}">'
                f'<div class="calcflow-vote-body"><p class="calcflow-vote-question">{html.escape(self.question())}</p>'
                f'<ol class="calcflow-vote-options">{options}</ol>'
                f'<div class="fragment calcflow-vote-answer" data-answer="{self.answer_number}">'
                f"<p><strong>{self.answer_number} · {html.escape(word)}</strong></p>"
                f"<p>{html.escape(self.reasoning())}</p></div></div>"
                f'<aside class="notes"><p>{html.escape(self.notes())}</p></aside></div>')

    def __repr__(self) -> str:
        return f"VoteCase({self.case.id!r}: answer {self.answer_number}, {self.assessment.category})"


def vote_case(case_id: str) -> VoteCase:
    """The vote slide for one case of the case library (an unknown id lists the ids)."""
    return VoteCase(case_id)
