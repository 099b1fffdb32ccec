"""Bands 2 and 6: a count of one is read with a singular word ("1 row", "1 is left"),
never "1 rows" or "1 are", in a prompt, worked solution or mistake message."""

from __future__ import annotations

import re

import pytest

from practice import families
from practice.families import band2, band6, plural
from practice.questions import GENERATORS, variant_for

families.load()
NAMES = sorted(
    n for n in GENERATORS if GENERATORS[n].__module__ in {band2.__name__, band6.__name__}
)
# "1" on its own (not part of 21, 1.5, 1/2 or a formula), then a word that needs a plural
# (with the colour words the families put before a noun)
COLOUR = r"(?:(?:black|white|red|blue|gold|silver|green) )?"
ONE_WITH_PLURAL = re.compile(
    r"(?<!and )(?<![\d.,/{^$])\b1(?:\*\*)? "
    rf"(?:are\b|cut make\b|{COLOUR}(?!is\b|has\b|was\b|does\b|plus\b)[a-z]+s\b)"
)


def test_plural_agrees_with_its_count():
    assert [plural(n, "row") for n in (1, -1, 0, 2)] == ["row", "row", "rows", "rows"]
    assert plural(1, "is", "are") + plural(3, "is", "are") == "isare"


def test_the_check_catches_a_count_of_one_with_a_plural():
    assert ONE_WITH_PLURAL.search("covered by 1 rows of 5")
    assert ONE_WITH_PLURAL.search("so **1** stars.") and ONE_WITH_PLURAL.search("1 are left")
    assert ONE_WITH_PLURAL.search("4 black, 1 white buttons")
    assert not ONE_WITH_PLURAL.search("1 row; 21 rows; $1 + 3$; 1 is left; 0 and 1 are ends")


@pytest.mark.parametrize("name", NAMES)
def test_a_count_of_one_takes_a_singular_word(name):
    for seed in range(150):
        v = variant_for(name, seed)
        text = "\n".join([v.prompt, v.solution, v.hint, *v.answer.messages.values()])
        found = ONE_WITH_PLURAL.search(text)
        assert found is None, (seed, text[max(found.start() - 80, 0) : found.end() + 20])


@pytest.mark.parametrize("seed", range(30))
def test_a_measuring_story_keeps_to_one_tense(seed):
    # "measures ... and let some of them overlap" mixed the present with the past.
    prompt = variant_for("gaps_and_overlaps", seed).prompt
    assert re.search(r"measured a .+ and (left|let|laid) ", prompt) and " counted " in prompt


@pytest.mark.parametrize("seed", range(30))
def test_a_ruler_message_starts_no_sentence_after_a_colon(seed):
    # "nothing is missing: Check where ..." ran two sentences together.
    for message in variant_for("ruler_line_up", seed).answer.messages.values():
        assert not re.search(r": [A-Z]", message), message
