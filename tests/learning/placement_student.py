"""A simulated student for placement's view and browser tests: what they type for the
question on screen, right or wrong as the test wants."""

from __future__ import annotations

import re
from fractions import Fraction

from knowledge_graph import curriculum
from knowledge_graph import graph as g
from practice.forms import VariantRef
from practice.grader import answer_text
from practice.models import QuestionTemplate

VARIANT_INPUT = re.compile(r'name="variant" value="([^"]+)"')
TOPIC_ATTRIBUTE = re.compile(r'data-testid="placement-question" data-topic="([^"]+)"')


def _off(value):
    """A value that is certainly not ``value`` (of the same kind)."""
    if isinstance(value, tuple):
        return tuple(_off(v) for v in value)
    if isinstance(value, Fraction | int):
        return value * 3 + 7
    return float(value) * 3 + 7


def answer_for(signed_variant: str, *, right: bool) -> tuple[str, bool]:
    """``(text to enter, is it a choice key)`` for the variant behind the form."""
    ref = VariantRef.unsign(signed_variant)
    question = QuestionTemplate.objects.get(pk=ref.question_id)
    variant = question.variant(ref.seed)
    expected = variant.answer
    if expected is None:  # a number in the question's unit
        value = variant.expected if right else _off(variant.expected)
        return f"{value:.10g}", False
    if expected.kind == "choice":
        if right:
            return str(expected.value), True
        return next(str(key) for key in expected.options if key != expected.value), True
    return answer_text(expected, None if right else _off(expected.value)), False


def on_screen(html: str) -> tuple[str, str] | None:
    """``(topic slug, signed variant)`` of the question on the page, if one is shown."""
    topic, variant = TOPIC_ATTRIBUTE.search(html), VARIANT_INPUT.search(html)
    if topic is None or variant is None:
        return None
    return topic.group(1), variant.group(1)


def up_to(slug: str) -> set[str]:
    """The shipped curriculum's topic ``slug`` and everything below it."""
    return g.ancestors(curriculum.to_graph(curriculum.load()), slug) | {slug}
