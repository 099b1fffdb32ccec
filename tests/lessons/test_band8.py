"""The lessons of band 8 (KL plan positions 101 to 172): every number checked.

Arithmetic formulas are evaluated exactly by the checker; ``CLAIMS`` covers the numbers
that stand outside a checked formula (decimals), computed here from the example's inputs,
and the tests below check the facts a sentence states in words.
"""

from __future__ import annotations

import math
import re

import pytest

from tests.lessons.checker import (
    lesson,
    lesson_problems,
    no_claims,
    shape_problems,
    squash,
)

CLAIMS = {
    "square-roots": no_claims,
    "writing-numerical-expressions": no_claims,
}
LESSONS = tuple(CLAIMS)


@pytest.mark.parametrize("slug", LESSONS)
def test_lesson_numbers_are_computed_and_it_has_a_lessons_shape(slug):
    text = lesson(slug)
    assert lesson_problems(text, CLAIMS[slug]()) == []
    assert shape_problems(text) == []


def test_square_roots_named_in_words_lie_where_the_lesson_says():
    text = squash(lesson("square-roots"))
    for n in (1, 4, 9, 16, 25, 144):
        assert math.isqrt(n) ** 2 == n
    assert "Numbers such as 1, 4, 9, 16, 25 and 144 are **perfect squares**" in text
    assert "the root of 50 lies between 7 and 8" in text and math.isqrt(50) == 7
    assert "$\\sqrt{30}$ lies between 5 and 6" in text and math.isqrt(30) == 5
    assert "each side of the garden is 12 metres" in text and 12 * 12 == 144
    # the halving mistake: 32 is half of 64, and its square is far from 64
    assert "$\\sqrt{64}$ is not 32" in text and 64 / 2 == 32 and 32 * 32 != 64
    assert "each side is 8 centimetres" in text and 8 * 8 == 64


def test_expressions_read_from_words_do_the_named_steps_in_order():
    text = squash(lesson("writing-numerical-expressions"))
    assert '"Add 8 and 7, then multiply by 2."' in text and (8 + 7) * 2 == 30
    assert "$2 \\times 15 = 30$" in text
    assert '"subtract 4 from 20, then divide by 8"' in text and (20 - 4) / 8 == 2
    assert '"subtract 3 from 9, then multiply by 4"' in text
    assert "$(9 - 3) \\times 4$" in text
    assert '"three times the sum of 5 and 6"' in text and 3 * (5 + 6) == 33
    assert "$(6 + 9) \\div 3$" in text and (6 + 9) / 3 == 5
    # the missing-parentheses mistake gives 22, not 30
    assert "not 30" in text and 8 + 7 * 2 == 22
    assert re.search(r"\$4 - 20\$", text)
