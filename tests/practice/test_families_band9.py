"""Band 9 families checked another way: the answer recomputed from the variant's params."""

from __future__ import annotations

import itertools
from fractions import Fraction

import numpy as np

from practice import families
from practice.parser import evaluate
from practice.questions import GENERATORS

families.load()


def variants(name: str, count: int = 100):
    rng = np.random.default_rng(9)
    return [GENERATORS[name](rng) for _ in range(count)]


def test_integer_expressions_evaluate_by_the_parser():
    """The prompt's own expression, read by the answer parser, gives the answer."""
    shapes = set()
    for v in variants("integer_order_of_operations"):
        p = v.params
        shapes.add(p["shape"])
        if p["shape"] == "power":
            text = f"-{p['b']}^2 + {p['c']} * ({p['d']})"
        else:
            inside = evaluate(f"{p['m']} - ({p['n']})")
            text = f"{p['a']} - {p['k']} * {abs(inside)}"
        assert evaluate(text) == v.answer.value, text
    assert shapes == {"power", "absolute"}


def test_late_bus_counts_days():
    """Over 100 equally likely days with 100 equally likely buses each: count the late ones."""
    for v in variants("total_probability_two_cases", 30):
        p, a, c = (Fraction(v.params[k]) for k in ("p", "a", "c"))
        rainy = int(p * 100)
        late = sum(
            1
            for day, bus in itertools.product(range(100), range(100))
            if bus < (a * 100 if day < rainy else c * 100)
        )
        assert Fraction(late, 10000) == v.answer.value


def test_faulty_percent_counts_parts():
    """Of 10000 parts split by share, count the faulty ones."""
    for v in variants("total_probability_three_suppliers"):
        shares, rates = v.params["shares"], v.params["rates"]
        assert sum(shares) == 100 and v.answer.unit == "percent"
        faulty = sum(100 * s * r // 100 for s, r in zip(shares, rates, strict=True))
        assert Fraction(faulty, 10000) * 100 == v.answer.value


def test_positive_test_posterior_by_simulated_population():
    """A population of a million people, split exactly by the rates."""
    for v in variants("bayes_positive_test"):
        p = v.params
        people = 1_000_000
        sick = people * p["prior"]
        true_pos, false_pos = sick * p["hit"], (people - sick) * p["false"]
        assert abs(v.answer.value - true_pos / (true_pos + false_pos)) < 1e-9
        # a rare condition: the posterior is below what equal priors would give
        assert v.answer.value < p["hit"] / (p["hit"] + p["false"])


def test_which_bag_by_counting_every_die_roll_and_counter():
    for v in variants("bayes_which_bag"):
        p = v.params
        red_from_1 = red = 0
        for roll in range(1, 7):
            bag = 1 if roll <= p["k"] else 2
            n, r = (p["n1"], p["r1"]) if bag == 1 else (p["n2"], p["r2"])
            for counter in range(n):  # weight each counter by the other bag's size
                if counter < r:
                    weight = p["n2"] if bag == 1 else p["n1"]
                    red += weight
                    red_from_1 += weight if bag == 1 else 0
        assert Fraction(red_from_1, red) == v.answer.value
