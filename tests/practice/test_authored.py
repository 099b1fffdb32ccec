"""Questions written without Python (practice/authored.py): drawing from a seed,
placeholders, every kind, misconceptions, redrawn degenerate draws, and the messages that
tell an instructor what is wrong. No database."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest

from practice.authored import CHECKED_SEEDS, TemplateError, Written, problems, variant
from practice.grader import answer_text, grade_answer

ADD = Written(
    variables="a = int(1, 8)\nb = int(2, 9)\nc = int(1, 8)\nd = int(2, 9)",
    constraints="a < b\nc < d\nb != d\ngcd(a, b) == 1",
    prompt=r"Work out $\frac{{a}}{{b}} + \frac{{c}}{{d}}$ in lowest terms.",
    answer="a/b + c/d",
    kind="exact",
    form="lowest_terms",
    misconceptions="added_bottoms: (a + c)/(b + d): You added the denominators as well.",
    solution="Over {= b*d}: {= a*d}/{= b*d} + {= c*b}/{= b*d} = {= a/b + c/d}.",
)


def test_a_draw_is_reproduced_from_its_seed_and_meets_the_constraints():
    seen = set()
    for seed in range(100):
        v = variant(ADD, seed)
        assert v == variant(ADD, seed)
        a, b, c, d = (v.params[k] for k in "abcd")
        assert 1 <= a < b <= 9 and 1 <= c < d <= 9 and b != d and math.gcd(a, b) == 1
        assert v.answer.value == Fraction(a, b) + Fraction(c, d)  # exact, not a float
        assert v.answer.alternatives == {"added_bottoms": Fraction(a + c, b + d)}
        seen.add((a, b, c, d))
    assert len(seen) > 50


def test_placeholders_are_filled_with_the_draw_s_numbers():
    v = variant(ADD, 7)
    a, b, c, d = (v.params[k] for k in "abcd")
    assert v.prompt == rf"Work out $\frac{{{a}}}{{{b}}} + \frac{{{c}}}{{{d}}}$ in lowest terms."
    total = Fraction(a, b) + Fraction(c, d)
    assert v.solution == (
        f"Over {b * d}: {a * d}/{b * d} + {c * b}/{b * d} = {total.numerator}/{total.denominator}."
    )


def test_the_answer_and_the_named_mistake_grade_as_they_should():
    for seed in range(50):
        answer = variant(ADD, seed).answer
        assert grade_answer(answer_text(answer), answer).correct
        mistake = grade_answer(answer_text(answer, answer.alternatives["added_bottoms"]), answer)
        assert mistake.diagnosis == "added_bottoms"
        assert mistake.message == "You added the denominators as well."


def test_every_kind():
    division = Written(
        variables="q = int(3, 12)\nd = int(3, 9)\nr = int(1, 8)\nn = q*d + r",
        constraints="r < d",
        prompt="Divide {n} by {d}.",
        answer="quotient(n, d), remainder(n, d)",
        kind="values",
        solution="{n} = {q} × {d} + {r}.",
    )
    v = variant(division, 3)
    assert v.answer.value == (v.params["q"], v.params["r"])
    assert grade_answer(f"{v.params['q']}, {v.params['r']}", v.answer).correct
    whole = Written(
        variables="a = pick(4, 6, 8)",
        prompt="Half of {a}?",
        answer="a/2",
        kind="integer",
        solution="s",
    )
    assert variant(whole, 1).answer.value in (2, 3, 4)
    assert isinstance(variant(whole, 1).answer.value, int)
    root = Written(
        variables="a = int(2, 50)", prompt="sqrt {a}", answer="sqrt(a)", kind="number", solution="s"
    )
    v = variant(root, 5)
    assert v.answer.value == pytest.approx(math.sqrt(v.params["a"]))
    share = Written(
        variables="x = frac(1, 4, 5, 9)",
        prompt="{x}",
        answer="1 - x",
        kind="exact",
        form="mixed",
        solution="s",
    )
    v = variant(share, 2)
    assert v.answer.value == 1 - Fraction(v.params["x"])


def test_a_degenerate_draw_is_drawn_again():
    # Doubling and squaring agree for a = 2 (and a = 0): those draws are redrawn.
    twice = Written(
        variables="a = int(0, 3)",
        prompt="Double {a}.",
        answer="2*a",
        kind="integer",
        misconceptions="squared: a^2: You squared it.",
        solution="2 × {a} = {= 2*a}.",
    )
    drawn = {variant(twice, seed).params["a"] for seed in range(60)}
    assert drawn == {1, 3}
    # A division by zero in one draw is a draw like any other to throw away.
    ratio = Written(
        variables="a = int(0, 3)", prompt="6/{a}", answer="6/a", kind="exact", solution="s"
    )
    assert {variant(ratio, seed).params["a"] for seed in range(40)} == {1, 2, 3}


def test_a_well_written_question_has_no_problems():
    assert problems(ADD) == {}


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"answer": "a/b + c/f"}, "answer", "the answer: unknown name 'f'"),
        ({"answer": "a/b +"}, "answer", "the answer: expected a number"),
        ({"answer": ""}, "answer", "write the expression that computes the answer"),
        (
            {"variables": "a = int(1, 8)\nb int(2, 9)"},
            "variables",
            "line 2: write it as 'name = expression'",
        ),
        (
            {"variables": "a = int(1, 8)\na = int(2, 9)"},
            "variables",
            "line 2: 'a' is defined twice",
        ),
        ({"variables": "pi = int(1, 8)"}, "variables", "'pi' is already the name of a constant"),
        ({"variables": "a = int(9, 1)"}, "variables", "line 1: int(low, high) needs low <= high"),
        ({"variables": "a = int(1, 2^30)"}, "variables", "the range is too wide"),
        ({"constraints": "a < "}, "constraints", "line 1: expected a number"),
        (
            {"constraints": "a > 20"},
            "constraints",
            f"none of {CHECKED_SEEDS} draws meets the constraints (most often it breaks the "
            "constraint on line 1 (a > 20))",
        ),
        (
            {"misconceptions": "added bottoms: a: no"},
            "misconceptions",
            "line 1: the code 'added bottoms' must be a lower-case word",
        ),
        (
            {"misconceptions": "added_bottoms (a+c)/(b+d)"},
            "misconceptions",
            "line 1: write it as 'code: expression: message'",
        ),
        (
            {"misconceptions": "same: c/d + a/b: It is the same."},
            "misconceptions",
            "because the mistake 'same' gives the same value as the answer",
        ),
        ({"kind": "integer", "form": ""}, "answer", "the value"),
        (
            {"kind": "words"},
            "kind",
            "the answer kind must be one of integer, exact, number, values",
        ),
        ({"kind": "number"}, "form", "a written form goes only with the exact kind"),
        ({"answer": "sqrt(a)", "misconceptions": ""}, "answer", "is not exact"),
        ({"solution": "  "}, "solution", "write the worked solution"),
        ({"solution": "{= a +* b}"}, "solution", "{= a +* b}: expected a number"),
        ({"prompt": ""}, "prompt", "write the question the student sees"),
    ],
)
def test_problems_name_the_field_and_say_what_is_wrong(changes, field, message):
    fields = {**ADD.__dict__, **changes}
    found = problems(Written(**fields))
    assert list(found) == [field]
    assert message in found[field][0]


def test_a_question_with_no_usable_draw_cannot_be_drawn():
    never = Written(
        variables="a = int(1, 3)", constraints="a > 5", prompt="p", answer="a", solution="s"
    )
    with pytest.raises(TemplateError, match="no usable draw in 1000 tries"):
        variant(never, 0)
