"""Band 10 families checked another way: the answer recomputed from the variant's params."""

from __future__ import annotations

import math
import re
from fractions import Fraction

import numpy as np

from practice import families
from practice.questions import GENERATORS

families.load()


def variants(name: str, count: int = 100):
    rng = np.random.default_rng(10)
    return [GENERATORS[name](rng) for _ in range(count)]


def chosen(v) -> str:
    """The label of the option the variant marks right."""
    for line in v.prompt.splitlines():
        if line.startswith(f"- **{v.answer.value}.** "):
            return line.split("** ", 1)[1]
    raise AssertionError(v.prompt)


def test_rational_power_raised_back_gives_the_base():
    """(a^(m/n))^n = a^m, checked on the exact answer."""
    for v in variants("rational_exponent_value"):
        a, m, n = v.params["base"], v.params["m"], v.params["n"]
        power = a**m if not v.params["negative"] else Fraction(1, a**m)
        assert v.answer.value**n == power and v.answer.form == "lowest_terms"


def test_product_exponent_matches_floating_point_powers():
    for v in variants("rational_exponent_product"):
        first, second = Fraction(v.params["first"]), Fraction(v.params["second"])
        x = 1.7
        assert math.isclose(x**first * x**second, x ** float(v.answer.value), rel_tol=1e-12)


_OPS = {"<": lambda a, b: a < b, "<=": lambda a, b: a <= b}
_OPS |= {">": lambda a, b: a > b, ">=": lambda a, b: a >= b}
_LATEX = {"<": "<", "\\le": "<=", ">": ">", "\\ge": ">="}


def left_side(kind: str, k: int, x: int) -> Fraction:
    return {
        "add": Fraction(x + k),
        "subtract": Fraction(x - k),
        "times": Fraction(k * x),
        "times_negative": Fraction(-k * x),
        "divide_negative": Fraction(x, -k),
    }[kind]


def test_chosen_inequality_agrees_with_the_original_on_every_nearby_number():
    for v in variants("one_step_inequality"):
        p = v.params
        m = re.fullmatch(r"\$x (\S+) (-?\d+)\$", chosen(v))
        sign, bound = _LATEX[m.group(1)], int(m.group(2))
        for x in range(-150, 151):
            original = _OPS[p["sign"]](left_side(p["kind"], p["k"], x), p["b"])
            assert original == _OPS[sign](x, bound), (p, x)


def test_proportion_answer_makes_the_two_ratios_equal():
    for v in variants("solve_proportion"):
        b, c, d = v.params["b"], v.params["c"], v.params["d"]
        assert v.answer.value / b == Fraction(c, d)


def test_two_step_answer_solves_the_equation():
    for v in variants("two_step_equation"):
        a, b, c = v.params["a"], v.params["b"], v.params["c"]
        assert a * v.answer.value + b == c and v.answer.value.denominator == 1
