"""Every question family of practice.families, on 200 drawn variants each.

For each variant: it carries an answer that is not degenerate; the answer written as a
student would type it is accepted; each named misconception, typed the same way, is
diagnosed under its own name; the worked solution states the variant's answer; the
variant is reproduced exactly from its seed and its params survive JSON. Across the
variants, the numbers really change.
"""

from __future__ import annotations

import json
import math
import re
from fractions import Fraction

import pytest

from knowledge_graph.rendering import render_markdown
from practice import families
from practice.grader import Expected, answer_text, grade_answer
from practice.hints import hint_for
from practice.questions import GENERATORS, Variant, variant_for

families.load()
FAMILIES = sorted(
    name for name, make in GENERATORS.items() if make.__module__.startswith(families.__name__)
)
VARIANTS = 200


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2212", "-"))


def ways_to_write(answer: Expected) -> set[str]:
    """How a worked solution may state ``answer``'s value."""
    values = answer.value if answer.kind == "values" else (answer.value,)
    out: set[str] = set()
    for v in values:
        if answer.kind == "choice":
            out.add(str(v))
            continue
        if isinstance(v, int | Fraction):
            f = Fraction(v)
            n, d = f.numerator, f.denominator
            out |= {str(n)} if d == 1 else {f"{n}/{d}", f"{{{n}}}{{{d}}}", f"{float(f):g}"}
            if n < 0 and d != 1:  # the sign in front: -\frac{2}{3}
                out.add(f"-\\frac{{{-n}}}{{{d}}}")
            whole, rest = divmod(abs(n), d)
            if d != 1 and whole:
                out |= {f"{whole}\\tfrac{{{rest}}}{{{d}}}", f"{whole} {rest}/{d}"}
                out |= {f"{whole}\\frac{{{rest}}}{{{d}}}", f"{whole} \\frac{{{rest}}}{{{d}}}"}
        else:
            x = float(v)
            out |= {f"{x:.{k}f}" for k in range(0, 7)} | {f"{x:.{k}g}" for k in range(2, 7)}
            # rounded to k significant figures and written out in full: 1207.08 as 1210
            out |= {f"{float(f'{x:.{k}g}'):.0f}" for k in range(2, 7) if abs(x) >= 10**k}
    return out


def states_answer(solution: str, answer: Expected) -> bool:
    text = squash(solution)
    values = answer.value if answer.kind == "values" else (answer.value,)
    if answer.kind != "values":
        return any(w in text for w in ways_to_write(answer))
    return all(any(w in text for w in ways_to_write(Expected(v, kind="exact"))) for v in values)


def test_the_families_package_refuses_degenerate_variants():
    same = Expected(Fraction(1, 2), kind="exact", alternatives={"flipped": Fraction(1, 2)})
    assert families.degenerate(same) is not None
    assert families.degenerate(Expected(math.inf)) is not None
    assert families.degenerate(Expected("C", kind="choice", options=("A", "B"))) is not None
    apart = Expected(Fraction(1, 2), kind="exact", alternatives={"flipped": Fraction(2, 1)})
    assert families.degenerate(apart) is None


@pytest.mark.parametrize("name", FAMILIES)
def test_every_family_on_many_variants(name):
    prompts = set()
    for seed in range(VARIANTS):
        variant = variant_for(name, seed)
        assert isinstance(variant, Variant) and variant.answer is not None
        answer = variant.answer
        assert families.degenerate(answer) is None, (seed, answer)
        typed = answer_text(answer)
        verdict = grade_answer(typed, answer)
        assert verdict.correct, (seed, typed, verdict)
        for code, alt in answer.alternatives.items():
            wrong = grade_answer(answer_text(answer, alt), answer)
            assert not wrong.correct and wrong.diagnosis == code, (seed, code, alt, wrong)
            assert answer_text(answer) not in wrong.message.split(), (seed, code)
        assert states_answer(variant.solution, answer), (seed, typed, variant.solution)
        assert families.example_gives_answer(variant) is None, (seed, variant.prompt)
        assert variant_for(name, seed) == variant
        assert json.loads(json.dumps(variant.params)) == variant.params
        prompts.add(variant.prompt)
    assert len(prompts) >= 5, f"{name}: only {len(prompts)} different prompts"


@pytest.mark.parametrize("name", FAMILIES)
def test_every_family_renders_its_math(name):
    """The prompt, the worked solution, the hint and every mistake's message."""
    for seed in range(5):
        variant = variant_for(name, seed)
        messages = variant.answer.messages.values() if variant.answer is not None else ()
        for text in filter(None, (variant.prompt, variant.solution, hint_for(variant), *messages)):
            html = render_markdown(text)
            outside = re.sub(r"<math .*?</math>", "", html, flags=re.S)  # a formula may show $
            assert "math-error" not in html and "$" not in re.sub(r"<[^>]+>", "", outside), text


def test_the_shared_builders_list_the_options_and_name_the_mistakes():
    variant = families.choice_variant(
        prompt="Is 7 even or odd?",
        params={"n": 7},
        options={"A": "even", "B": "odd"},
        right="B",
        solution="7 ends in 7, so it is odd: B.",
        mistakes={"looked_at_tens": ("A", "Look at the ones digit.")},
    )
    assert "- **A.** even" in variant.prompt and variant.prompt.endswith("Answer A or B.")
    assert grade_answer("B", variant.answer).correct
    assert grade_answer("A", variant.answer).diagnosis == "looked_at_tens"
    whole = families.integer_variant(
        prompt="3 + 4?",
        params={},
        value=7,
        solution="$3 + 4 = 7$",
        mistakes={"counted_start": (6, "Do not count the start.")},
    )
    assert whole.expected == 7.0 and grade_answer("6", whole.answer).diagnosis == "counted_start"
    assert not grade_answer("7.5", whole.answer).correct
