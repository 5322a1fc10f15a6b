"""The learning-check quizzes in the built book, in Chromium, with no kernel and no network — over HTTP and from file://.

What the page should say comes from the YAML banks (calcflow.questions), never from the JSON the page carries.
Questions are answered the way a reader does (clicking the option's label, or the keyboard alone), through the
hooks the quiz promises to keep:
    [data-calcflow="quiz"]       root, with data-ready once it is interactive
    [data-question="<id>"]       one per question: a <fieldset> with a <legend>, radio buttons or checkboxes whose
                                 values are the option numbers in the bank (from 0)
    [data-calcflow="check"]      commits the answer; [data-calcflow="reveal"] shows the answer after a wrong try
    [data-calcflow="feedback"]   the feedback (aria-live)
    [data-calcflow="score"]      the running score; [data-calcflow="reset"] starts again
"""
from __future__ import annotations

import pytest

from calcflow.model.questions import bank, banks
from calcflow.model.references import short_citation
from calcflow.widgets.quiz import display_order

CHAPTER = "categorising"
QUIZ_PAGE = f"book/{CHAPTER}.html"
ROOT = '[data-calcflow="quiz"]'
SINGLE = "categorising-4b-band"        # one right answer
MULTIPLE = "categorising-ppv-caveats"  # several


def question(question_id: str, chapter: str = CHAPTER):
    return next(q for q in bank(chapter).questions if q.id == question_id)


def right_options(question_id: str) -> list[int]:
    return [i for i, option in enumerate(question(question_id).options) if option.correct]


def wrong_options(question_id: str) -> list[int]:
    return [i for i, option in enumerate(question(question_id).options) if not option.correct]


def block(page, question_id: str):
    return page.locator(f'{ROOT} [data-question="{question_id}"]')


def choose(page, question_id: str, options: list[int]) -> None:
    """Click the labels of `options` (and untick any other checkbox), as a reader would."""
    for input_ in block(page, question_id).locator("input").all():
        wanted = int(input_.get_attribute("value")) in options
        if wanted != input_.is_checked():
            block(page, question_id).locator(f'label[for="{input_.get_attribute("id")}"]').click()


def check(page, question_id: str) -> str:
    block(page, question_id).locator('[data-calcflow="check"]').click()
    return feedback(page, question_id)


def feedback(page, question_id: str) -> str:
    return " ".join(block(page, question_id).locator('[data-calcflow="feedback"]').inner_text().split())


def score(page) -> str:
    return page.locator(f'{ROOT} [data-calcflow="score"]').inner_text()


def squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture()
def quiz(page, site_file, open_page):
    open_page(page, site_file, QUIZ_PAGE)
    page.wait_for_selector(f'{ROOT}[data-ready="true"]')
    assert page.locator(ROOT).count() == 1
    return page


def test_the_page_shows_every_question_of_the_bank_as_a_fieldset(quiz):
    shown = quiz.evaluate("""(root) => [...document.querySelectorAll(root + " [data-question]")].map((q) => ({
        id: q.dataset.question,
        legend: q.querySelector("fieldset > legend").innerText,
        inputs: [...q.querySelectorAll("fieldset input")].map((i) => ({type: i.type, value: i.value,
            label: i.labels[0].innerText})),
    }))""", ROOT)
    expected = bank(CHAPTER).questions
    assert [q["id"] for q in shown] == [q.id for q in expected]
    for seen, question_ in zip(shown, expected):
        assert squeeze(question_.prompt) in squeeze(seen["legend"])
        assert {i["type"] for i in seen["inputs"]} == {"checkbox" if question_.type == "multiple" else "radio"}
        order = display_order(question_.id, len(question_.options))
        assert [int(i["value"]) for i in seen["inputs"]] == order
        assert [squeeze(i["label"]) for i in seen["inputs"]] == [squeeze(question_.options[i].text) for i in order]
    assert score(quiz).startswith(f"Score: 0 of {len(expected)} correct")


def test_a_wrong_then_a_right_answer(quiz):
    total = len(bank(CHAPTER).questions)
    wrong, right = wrong_options(SINGLE)[0], right_options(SINGLE)[0]
    asked = question(SINGLE)

    choose(quiz, SINGLE, [wrong])
    said = check(quiz, SINGLE)
    assert "Not right" in said and "Right." not in said
    assert squeeze(asked.options[wrong].feedback) in said
    assert squeeze(asked.explanation) not in said, "the explanation waits for a right answer or 'Show answer'"
    assert block(quiz, SINGLE).locator('[data-calcflow="reveal"]').is_visible()
    assert block(quiz, SINGLE).locator(f'input[value="{wrong}"]').is_enabled(), "the learner can try again"
    assert score(quiz).startswith(f"Score: 0 of {total} correct")

    choose(quiz, SINGLE, [right])
    said = check(quiz, SINGLE)
    assert "Right." in said and "Not right" not in said
    assert squeeze(asked.options[right].feedback) in said
    assert squeeze(asked.explanation) in said
    cites = block(quiz, SINGLE).locator('[data-calcflow="feedback"] cite').all_inner_texts()
    assert [squeeze(c) for c in cites] == [squeeze(short_citation(key)) for key in asked.sources]
    assert not block(quiz, SINGLE).locator('[data-calcflow="reveal"]').is_visible()
    assert score(quiz).startswith(f"Score: 1 of {total} correct")
    # The chosen option says it is right in words, not only in colour.
    mark = block(quiz, SINGLE).locator(f'[data-option="{right}"] .cfq-mark').inner_text()
    assert "right" in mark.lower()


def test_show_answer_after_a_wrong_try_then_all_the_right_options(quiz):
    asked = question(MULTIPLE)
    right = right_options(MULTIPLE)
    assert len(right) > 1
    choose(quiz, MULTIPLE, right[:1])
    said = check(quiz, MULTIPLE)
    assert "Not right" in said and f"1 of the {len(right)} right options" in said
    assert squeeze(asked.options[right[0]].feedback) in said
    block(quiz, MULTIPLE).locator('[data-calcflow="reveal"]').click()
    assert focused(quiz)["hook"] == "check", "the hidden 'Show answer' hands the focus to 'Check answer'"
    said = feedback(quiz, MULTIPLE)
    assert squeeze(asked.explanation) in said
    for i in right:
        assert squeeze(asked.options[i].text) in said
    choose(quiz, MULTIPLE, right)
    said = check(quiz, MULTIPLE)
    assert "Right." in said and "Not right" not in said
    assert score(quiz).startswith(f"Score: 1 of {len(bank(CHAPTER).questions)} correct")


def test_checking_with_nothing_chosen_asks_for_an_answer(quiz):
    first = bank(CHAPTER).questions[0].id
    said = check(quiz, first)
    assert "Choose an answer" in said
    assert score(quiz).startswith("Score: 0 of")


def focused(page) -> dict:
    return page.evaluate("""() => {
        const e = document.activeElement;
        const q = e.closest && e.closest("[data-question]");
        return {tag: e.tagName.toLowerCase(), type: e.type || null, value: e.value || null,
                hook: e.dataset ? e.dataset.calcflow || null : null, question: q ? q.dataset.question : null};
    }""")


def tab_until(page, predicate, limit: int = 200, key: str = "Tab") -> dict:
    for _ in range(limit):
        page.keyboard.press(key)
        now = focused(page)
        if predicate(now):
            return now
    raise AssertionError(f"{key} never reached the element (last focus: {focused(page)})")


def test_answering_with_the_keyboard_alone(quiz):
    target = SINGLE
    order = display_order(target, len(question(target).options))
    right = right_options(target)[0]
    # Start from the heading just above the quiz ("Learning checks": a long chapter has hundreds of links before its
    # quiz; a keyboard reader skips there from "On this page", which moves focus to the heading's section), then Tab
    # into the question's radio group: focus lands on its first option.
    quiz.evaluate("""(root) => {
        const heading = document.querySelector(root).closest("section").querySelector("h2");
        heading.tabIndex = -1;
        heading.focus();
    }""", ROOT)
    assert focused(quiz)["tag"] == "h2"
    now = tab_until(quiz, lambda f: f["question"] == target and f["type"] == "radio", limit=40)
    assert int(now["value"]) == order[0]
    assert quiz.evaluate("() => document.activeElement.matches(':focus-visible')")
    assert quiz.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") == "solid"
    # An arrow key moves to the next option and chooses it.
    quiz.keyboard.press("ArrowDown")
    now = focused(quiz)
    assert int(now["value"]) == order[1]
    assert block(quiz, target).locator(f'input[value="{order[1]}"]').is_checked()
    # Tab goes on to "Check answer"; Enter commits.
    assert tab_until(quiz, lambda f: True, limit=1)["hook"] == "check"
    quiz.keyboard.press("Enter")
    said = feedback(quiz, target)
    assert ("Right." in said) == (order[1] == right) and ("Not right" in said) == (order[1] != right)
    # Back to the group (Shift+Tab), arrow to the right answer, Tab to "Check answer", Space commits.
    now = tab_until(quiz, lambda f: f["type"] == "radio", limit=3, key="Shift+Tab")
    assert int(now["value"]) == order[1]
    steps = (order.index(right) - 1) % len(order)
    for _ in range(steps):
        quiz.keyboard.press("ArrowDown")
    assert int(focused(quiz)["value"]) == right
    assert tab_until(quiz, lambda f: True, limit=1)["hook"] == "check"
    quiz.keyboard.press(" ")
    said = feedback(quiz, target)
    assert "Right." in said and squeeze(question(target).explanation) in said
    assert focused(quiz)["hook"] == "check", "focus stays on the button; the live region reads the feedback"
    assert not quiz.console_errors, "\n".join(quiz.console_errors)


def test_the_feedback_is_announced_politely(quiz):
    regions = quiz.evaluate("""(root) => [...document.querySelectorAll(root + ' [data-calcflow="feedback"], '
        + root + ' [data-calcflow="score"]')].map((e) => e.getAttribute("aria-live"))""", ROOT)
    assert regions and set(regions) == {"polite"}


def test_progress_is_kept_in_this_browser_and_start_again_clears_it(quiz):
    choose(quiz, SINGLE, right_options(SINGLE))
    check(quiz, SINGLE)
    quiz.reload(wait_until="load")
    quiz.wait_for_selector(f'{ROOT}[data-ready="true"]')
    assert "Right." in feedback(quiz, SINGLE)
    assert score(quiz).startswith("Score: 1 of")
    quiz.locator(f'{ROOT} [data-calcflow="reset"]').click()
    assert feedback(quiz, SINGLE) == ""
    assert not block(quiz, SINGLE).locator("input:checked").count()
    quiz.reload(wait_until="load")
    quiz.wait_for_selector(f'{ROOT}[data-ready="true"]')
    assert score(quiz).startswith("Score: 0 of")
    assert not quiz.console_errors, "\n".join(quiz.console_errors)


def test_no_errors_and_nothing_leaves_the_machine(quiz):
    for question_ in bank(CHAPTER).questions:
        choose(quiz, question_.id, wrong_options(question_.id)[:1])
        check(quiz, question_.id)
        block(quiz, question_.id).locator('[data-calcflow="reveal"]').click()
        choose(quiz, question_.id, right_options(question_.id))
        check(quiz, question_.id)
    total = len(bank(CHAPTER).questions)
    assert score(quiz).startswith(f"Score: {total} of {total} correct")
    assert not quiz.console_errors, "\n".join(quiz.console_errors)
    assert not quiz.external_requests, "\n".join(quiz.external_requests)


def test_axe_finds_no_serious_or_critical_violation(quiz):
    from axe_playwright_python.sync_playwright import Axe

    choose(quiz, SINGLE, wrong_options(SINGLE)[:1])
    check(quiz, SINGLE)
    block(quiz, SINGLE).locator('[data-calcflow="reveal"]').click()
    choose(quiz, MULTIPLE, right_options(MULTIPLE))
    check(quiz, MULTIPLE)
    results = Axe().run(quiz)  # axe.min.js ships inside the package and is injected; nothing is fetched
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}" for v in serious)
    assert not quiz.external_requests, "\n".join(quiz.external_requests)


@pytest.mark.parametrize("chapter", sorted(banks()))
def test_every_chapter_page_has_its_quiz(page, site_file, open_page, chapter):
    open_page(page, site_file, f"book/{chapter}.html")
    page.wait_for_selector(f'{ROOT}[data-ready="true"]')
    assert page.locator(ROOT).count() == 1
    assert page.locator(ROOT).get_attribute("data-chapter") == chapter
    assert page.locator(f"{ROOT} [data-question]").count() == len(bank(chapter).questions)
    assert not page.console_errors, "\n".join(page.console_errors)
    assert not page.external_requests, "\n".join(page.external_requests)
