"""Band 7 families checked another way: the answer recomputed from the variant's params."""

from __future__ import annotations

from fractions import Fraction

import numpy as np

from practice import families
from practice.questions import GENERATORS

families.load()


def variants(name: str, count: int = 100):
    rng = np.random.default_rng(7)
    return [GENERATORS[name](rng) for _ in range(count)]


def test_scaled_ratio_keeps_its_value():
    for v in variants("equivalent_ratio_missing_term"):
        p = v.params
        assert Fraction(p["a"] * p["k"], v.answer.value) == Fraction(p["a"], p["b"])


def test_only_the_right_ratio_is_equivalent():
    for v in variants("which_ratio_is_equivalent"):
        a, b = v.params["a"], v.params["b"]
        for line in v.prompt.splitlines():
            if line.startswith("- **"):
                key, ratio = line[4], line.split("** ")[1]
                x, y = (int(n) for n in ratio.split(":"))
                assert (Fraction(x, y) == Fraction(a, b)) == (key == v.answer.value), line
