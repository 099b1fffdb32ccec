"""Question families for band 7 of the KL plan (positions 132 to 153): equivalent
ratios, mixed numbers and improper fractions, fractions times whole numbers, and on
towards decimals and exponents.

Every family draws its numbers from ``rng`` and computes the answer with integers or
:class:`fractions.Fraction`; each named mistake is the value that mistake gives for the
variant's own numbers.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from practice.families import (
    WHOLE,
    draw,
    exact_variant,
    family,
    frac,
    integer_variant,
    mixed,
    pick,
    shuffled_choice_variant,
)
from practice.questions import Variant


def _coprime_pair(rng: np.random.Generator, low: int, high: int) -> tuple[int, int]:
    """Two different whole numbers in ``low..high`` with no common factor but 1."""
    while True:
        a, b = draw(rng, low, high), draw(rng, low, high)
        if a != b and math.gcd(a, b) == 1:
            return a, b


# ------------------------------------------------------------- 132. equivalent ratios

_RATIO_THINGS = (
    ("cups of water", "cups of juice", "a drink"),
    ("cans of blue paint", "cans of yellow paint", "a paint mix"),
    ("spoons of flour", "spoons of sugar", "a cake batter"),
    ("red beads", "white beads", "a bracelet pattern"),
)


@family("equivalent_ratio_missing_term")
def equivalent_ratio_missing_term(rng: np.random.Generator) -> Variant:
    """The missing amount when a ratio a:b is scaled up so that a becomes k × a."""
    a, b = _coprime_pair(rng, 2, 9)
    k = draw(rng, 2, 9)
    first, second, what = pick(rng, _RATIO_THINGS)
    big = a * k
    value = b * k
    prompt = (
        f"{what.capitalize()} uses {a} {first} for every {b} {second}. To make a bigger "
        f"batch that is just the same, you use {big} {first}. How many {second} do you "
        f"need? {WHOLE}"
    )
    solution = (
        f"The {first} went from {a} to {big}, and ${a} \\times {k} = {big}$, so multiply "
        f"the {second} by {k} as well: ${b} \\times {k} = {value}$. The ratio "
        f"{big}:{value} is equivalent to {a}:{b}."
    )
    mistakes = {
        "added_instead_of_multiplied": (
            b + big - a,
            "You added the same amount to both parts. Equivalent ratios come from "
            "multiplying both parts by the same number: find what the first part was "
            "multiplied by.",
        ),
        "copied_the_scale_factor": (
            k,
            "That is the number the first part was multiplied by, not the amount asked "
            "for. Multiply the second part by that same number.",
        ),
    }
    params = {"a": a, "b": b, "k": k, "first": first, "second": second}
    return integer_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


@family("which_ratio_is_equivalent")
def which_ratio_is_equivalent(rng: np.random.Generator) -> Variant:
    """Pick the ratio equivalent to a:b among ones made by adding, scaling one part, or
    swapping the parts."""
    a, b = _coprime_pair(rng, 2, 9)
    k = draw(rng, 2, 6)
    choices = {
        "right": f"{a * k}:{b * k}",
        "added_same_number": f"{a + k}:{b + k}",
        "scaled_one_part": f"{a * k}:{b}",
        "swapped_the_parts": f"{b * k}:{a * k}",
    }
    solution = (
        f"Multiply both parts of {a}:{b} by {k}: ${a} \\times {k} = {a * k}$ and "
        f"${b} \\times {k} = {b * k}$, which gives {a * k}:{b * k}."
    )
    messages = {
        "added_same_number": (
            "Adding the same number to both parts changes the relationship. Look for a "
            "ratio whose parts are both the original parts times one number."
        ),
        "scaled_one_part": (
            "Only the first part was multiplied there. An equivalent ratio multiplies "
            "both parts by the same number."
        ),
        "swapped_the_parts": (
            "The order of a ratio matters: the first number must still belong to the "
            "first amount. Check which part each number scales."
        ),
    }
    return shuffled_choice_variant(
        rng,
        prompt=f"Which ratio is equivalent to {a}:{b}?",
        params={"a": a, "b": b, "k": k},
        choices=choices,
        solution=solution,
        messages=messages,
    )


# -------------------------------------------- 133. mixed numbers and improper fractions


def _proper_part(rng: np.random.Generator) -> tuple[int, int, int]:
    """Wholes, a numerator and a denominator of a mixed number whose fraction part is in
    lowest terms: (3, 2, 5) for 3 2/5."""
    d = draw(rng, 3, 9)
    while True:
        r = draw(rng, 1, d - 1)
        if math.gcd(r, d) == 1:
            return draw(rng, 2, 9), r, d


@family("improper_to_mixed")
def improper_to_mixed(rng: np.random.Generator) -> Variant:
    """An improper fraction written as a mixed number, by division with a remainder."""
    w, r, d = _proper_part(rng)
    n = w * d + r
    value = Fraction(n, d)
    prompt = f"Write ${frac(value)}$ as a mixed number."
    solution = (
        f"Divide {n} by {d}: ${w} \\times {d} = {w * d}$ and ${n} - {w * d} = {r}$, so "
        f"{d} goes into {n} {w} times with {r} left over. That is {w} wholes and {r} "
        f"pieces of size $\\frac{{1}}{{{d}}}$: ${frac(value)} = {mixed(value)}$."
    )
    mistakes = {
        "swapped_wholes_and_remainder": (
            r + Fraction(w, d),
            "The number of times the bottom number fits is the whole part, and what is "
            "left over goes on top of the fraction. Check which is which.",
        ),
        "dropped_the_remainder": (
            Fraction(w),
            "That counts only the whole ones. The pieces left over after dividing still "
            "belong to the amount: write them as the fraction part.",
        ),
    }
    params = {"numerator": n, "denominator": d}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        form="mixed",
        mistakes=mistakes,
    )


@family("mixed_to_improper")
def mixed_to_improper(rng: np.random.Generator) -> Variant:
    """A mixed number written as an improper fraction: wholes times pieces, plus extra."""
    w, r, d = _proper_part(rng)
    value = w + Fraction(r, d)
    prompt = f"Write ${mixed(value)}$ as an improper fraction."
    solution = (
        f"Each whole is {d} pieces of size $\\frac{{1}}{{{d}}}$, so {w} wholes are "
        f"${w} \\times {d} = {w * d}$ pieces. Add the {r} extra: ${w * d} + {r} = "
        f"{value.numerator}$. So ${mixed(value)} = {frac(value)}$."
    )
    mistakes = {
        "added_whole_to_numerator": (
            Fraction(w + r, d),
            "You added the whole number to the top number. Each whole is a full set of "
            "pieces: first find how many pieces the wholes make, then add the extra ones.",
        ),
        "added_instead_of_multiplying": (
            Fraction(w + d + r, d),
            "The wholes were added to the bottom number. To count the pieces in the wholes, "
            "multiply the number of wholes by the pieces in one whole.",
        ),
    }
    params = {"wholes": w, "numerator": r, "denominator": d}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        form="fraction",
        mistakes=mistakes,
    )


# ---------------------------------------- 134. multiplying fractions by whole numbers

_GROUPS_OF = (
    (
        "A recipe needs {f} of a cup of milk for one batch. How many cups of milk do {n} "
        "batches need?"
    ),
    "Each bow uses {f} of a metre of ribbon. How many metres of ribbon do {n} bows use?",
    "A snail crawls {f} of a metre each hour. How many metres does it crawl in {n} hours?",
)


@family("fraction_times_whole_number")
def fraction_times_whole_number(rng: np.random.Generator) -> Variant:
    """A whole number times a fraction, as groups of that fraction."""
    b = draw(rng, 3, 10)
    a = draw(rng, 1, b - 1)
    while math.gcd(a, b) != 1:
        a = draw(rng, 1, b - 1)
    n = draw(rng, 2, 9)
    f = Fraction(a, b)
    value = n * f
    shown = f"$\\frac{{{a}}}{{{b}}}$"
    if rng.integers(2):
        prompt = f"Work out ${n} \\times \\frac{{{a}}}{{{b}}}$."
    else:
        prompt = pick(rng, _GROUPS_OF).format(f=shown, n=n)
    prompt += " Write the fraction in lowest terms (a mixed number is fine)."
    product = f"\\frac{{{n * a}}}{{{b}}}"
    solution = (
        f"${n} \\times \\frac{{{a}}}{{{b}}}$ is {n} groups of {a} "
        f"{'piece' if a == 1 else 'pieces'} of size "
        f"$\\frac{{1}}{{{b}}}$: ${n} \\times \\frac{{{a}}}{{{b}}} = "
        f"\\frac{{{n} \\times {a}}}{{{b}}} = {product}$"
    )
    if math.gcd(n * a, b) == 1:
        solution += "."
    else:
        solution += f", which is ${frac(value)}$ in lowest terms."
    mistakes = {
        "multiplied_both_parts": (
            f,
            "You multiplied the bottom number too, which only cuts the same amount into "
            "smaller pieces. The whole number counts groups: multiply the top number only.",
        ),
        "added_instead_of_multiplied": (
            n + f,
            "You added the whole number to the fraction. The question asks for so many "
            "groups of the fraction: multiply.",
        ),
    }
    params = {"n": n, "numerator": a, "denominator": b}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


# ------------------------------------------------------------------ 135. ratio tables

_PRICED = (("notebooks", "notebook"), ("pencils", "pencil"), ("tickets", "ticket"))


@family("ratio_table_missing_value")
def ratio_table_missing_value(rng: np.random.Generator) -> Variant:
    """The cost of m items from the cost of a items, m not a multiple of a: through the
    column for 1 in a ratio table."""
    a = draw(rng, 2, 6)
    m = draw(rng, a + 1, 12)
    while m % a == 0:
        m = draw(rng, a + 1, 12)
    price = draw(rng, 2, 9)
    cost = a * price
    value = m * price
    items, item = pick(rng, _PRICED)
    prompt = (
        f"{a} {items} cost {cost} dollars. Use a ratio table to find how many dollars "
        f"{m} {items} cost. {WHOLE}"
    )
    solution = (
        f"| {items.capitalize()} | {a} | 1 | {m} |\n|---|---|---|---|\n"
        f"| Cost in dollars | {cost} | {price} | {value} |\n\n"
        f"Divide both numbers by {a}: 1 {item} costs ${cost} \\div {a} = {price}$ dollars. "
        f"Then multiply both by {m}: {m} {items} cost ${price} \\times {m} = {value}$ "
        "dollars."
    )
    mistakes = {
        "added_the_difference": (
            cost + m - a,
            "You added the same number to the cost as to the number of items. Each extra "
            "item costs the price of one item: find the cost of 1 first.",
        ),
        "stopped_at_one": (
            price,
            "That is the cost of a single item, the column for 1. Now scale that column "
            "to the number of items asked for.",
        ),
    }
    params = {"a": a, "m": m, "price": price, "items": items}
    return integer_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


# ---------------------------------------------------------- 136. simplifying fractions


@family("simplify_fraction")
def simplify_fraction(rng: np.random.Generator) -> Variant:
    """A fraction k·p / k·q written in lowest terms p/q, with k a common factor that has
    factors of its own, so that one small division is not enough."""
    q = draw(rng, 2, 9)
    p = draw(rng, 1, q - 1)
    while math.gcd(p, q) != 1:
        p = draw(rng, 1, q - 1)
    k = pick(rng, (4, 6, 8, 9, 10, 12))
    top, bottom = k * p, k * q
    value = Fraction(top, bottom)
    prompt = f"Write $\\frac{{{top}}}{{{bottom}}}$ in lowest terms."
    solution = (
        f"The greatest common factor of {top} and {bottom} is {k}. Divide both by it: "
        f"$\\frac{{{top}}}{{{bottom}}} = \\frac{{{top} \\div {k}}}{{{bottom} \\div {k}}} = "
        f"\\frac{{{p}}}{{{q}}}$. Only 1 divides both {p} and {q}, so this is lowest terms."
    )
    taken = top - p
    mistakes = {
        "subtracted_instead_of_divided": (
            Fraction(p, bottom - taken),
            "You took the same number away from the top and the bottom, which changes the "
            "amount. Divide both by a common factor instead.",
        ),
        "divided_only_the_top": (
            Fraction(p, bottom),
            "Only the top number was divided. Divide the top and the bottom by the same "
            "number, so the fraction keeps its size.",
        ),
    }
    params = {"numerator": top, "denominator": bottom}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


# ---------------------------------------------------------- 137. multiplying fractions


def _proper(rng: np.random.Generator, low: int = 2, high: int = 9) -> Fraction:
    """A proper fraction with a bottom number from ``low`` to ``high``."""
    b = draw(rng, low, high)
    return Fraction(draw(rng, 1, b - 1), b)


@family("fraction_times_fraction")
def fraction_times_fraction(rng: np.random.Generator) -> Variant:
    """The product of two proper fractions: tops times tops over bottoms times bottoms."""
    x, y = _proper(rng), _proper(rng)
    a, b, c, d = x.numerator, x.denominator, y.numerator, y.denominator
    value = x * y
    left, right = f"\\frac{{{a}}}{{{b}}}", f"\\frac{{{c}}}{{{d}}}"
    if rng.integers(2):
        prompt = f"Work out ${left} \\times {right}$."
    else:
        prompt = (
            f"${right}$ of a cake is left, and you eat ${left}$ of what is left. What "
            "fraction of the whole cake did you eat?"
        )
    prompt += " Write the fraction in lowest terms."
    solution = (
        f"Multiply top by top and bottom by bottom: ${left} \\times {right} = "
        f"\\frac{{{a} \\times {c}}}{{{b} \\times {d}}} = \\frac{{{a * c}}}{{{b * d}}}$"
    )
    if math.gcd(a * c, b * d) == 1:
        solution += "."
    else:
        solution += f", which is ${frac(value)}$ in lowest terms."
    mistakes = {
        "added_the_bottoms": (
            Fraction(a * c, b + d),
            "The bottom numbers were added. Adding needs a common bottom number, but "
            "multiplying does not: multiply the bottoms too.",
        ),
        "added_tops_and_bottoms": (
            Fraction(a + c, b + d),
            "You added the top numbers and the bottom numbers. A part of a part is found "
            "by multiplying: top times top, bottom times bottom.",
        ),
    }
    params = {"a": a, "b": b, "c": c, "d": d}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


# ------------------------------------------------------------------- 138. reciprocals

_OPPOSITE = (
    "That is the opposite (it adds with the number to make 0). The reciprocal multiplies "
    "with the number to make 1."
)


@family("reciprocal_of_a_number")
def reciprocal_of_a_number(rng: np.random.Generator) -> Variant:
    """The reciprocal of a fraction, a whole number or a mixed number."""
    kind = pick(rng, ("fraction", "whole", "mixed"))
    mistakes = {}
    if kind == "whole":
        x = Fraction(draw(rng, 2, 12))
        shown = frac(x)
        how = f"${shown}$ is $\\frac{{{shown}}}{{1}}$; flip it"
    elif kind == "fraction":
        x = _proper(rng, 3, 12)
        shown = frac(x)
        how = f"Swap the top and the bottom of ${shown}$"
    else:
        w, r, d = _proper_part(rng)
        x = w + Fraction(r, d)
        shown = mixed(x)
        how = (
            f"First write ${shown}$ as an improper fraction: ${w} \\times {d} + {r} = "
            f"{x.numerator}$, so it is ${frac(x)}$. Then flip it"
        )
        mistakes["flipped_only_the_fraction_part"] = (
            w + Fraction(d, r),
            "Only the fraction part was flipped. Change the mixed number into an improper "
            "fraction first, then swap its top and bottom.",
        )
    value = 1 / x
    mistakes["opposite_not_reciprocal"] = (-x, _OPPOSITE)
    prompt = f"What is the reciprocal of ${shown}$? Write it as a fraction or a whole number."
    solution = (
        f"{how}: the reciprocal is ${frac(value)}$. Check: ${frac(x)} \\times {frac(value)} = 1$."
    )
    return exact_variant(
        prompt=prompt,
        params={"kind": kind, "number": str(x)},
        value=value,
        solution=solution,
        form="fraction",
        mistakes=mistakes,
    )


# ---------------------------------------------------------- 139. tenths and hundredths


@family("tenths_plus_hundredths")
def tenths_plus_hundredths(rng: np.random.Generator) -> Variant:
    """a tenths plus b hundredths, counted in hundredths."""
    a = draw(rng, 1, 8)
    b = draw(rng, 1, 99 - 10 * a)
    while b % 10 == 0:
        b = draw(rng, 1, 99 - 10 * a)
    value = 10 * a + b
    prompt = (
        f"Fill in the box: $\\frac{{{a}}}{{10}} + \\frac{{{b}}}{{100}} = "
        f"\\frac{{\\square}}{{100}}$. {WHOLE}"
    )
    solution = (
        f"Each tenth is ten hundredths, so $\\frac{{{a}}}{{10}} = "
        f"\\frac{{{a} \\times 10}}{{100}} = \\frac{{{10 * a}}}{{100}}$. Then "
        f"$\\frac{{{10 * a}}}{{100}} + \\frac{{{b}}}{{100}} = \\frac{{{value}}}{{100}}$: "
        f"the box is {value}."
    )
    mistakes = {
        "tenths_counted_as_hundredths": (
            a + b,
            "You added the top numbers as if the pieces were the same size. A tenth is "
            "ten times a hundredth: change the tenths into hundredths first.",
        ),
    }
    return integer_variant(
        prompt=prompt, params={"a": a, "b": b}, value=value, solution=solution, mistakes=mistakes
    )


# ------------------------------------------------ 140. relating fractions and decimals

_DIGITS_AROUND_POINT = (
    "The top and bottom numbers were written on either side of a point. A decimal counts "
    "tenths and hundredths: first make the bottom number 10 or 100."
)


@family("fraction_to_decimal")
def fraction_to_decimal(rng: np.random.Generator) -> Variant:
    """A fraction whose bottom number divides 100, written as a decimal."""
    d = pick(rng, (10, 100, 2, 4, 5, 20, 25, 50))
    a = draw(rng, 1, d - 1)
    while math.gcd(a, d) != 1 and d not in (10, 100):
        a = draw(rng, 1, d - 1)
    value = Fraction(a, d)
    scale = 100 // d if d != 10 else 1
    hundredths = a * scale
    top = 10 if d == 10 else 100
    decimal = f"{float(value):g}"
    steps = (
        f"$\\frac{{{a}}}{{{d}}} = {decimal}$"
        if d in (10, 100)
        else (
            f"$\\frac{{{a}}}{{{d}}} = \\frac{{{a} \\times {scale}}}{{{d} \\times {scale}}} = "
            f"\\frac{{{hundredths}}}{{{top}}} = {decimal}$"
        )
    )
    place = "tenths" if d == 10 else "hundredths"
    solution = f"Make the bottom number {top}, then write the top number in the {place}: {steps}."
    prompt = f"Write $\\frac{{{a}}}{{{d}}}$ as a decimal."
    mistakes = {
        "digits_around_point": (
            a + Fraction(d, 10 ** len(str(d))),
            _DIGITS_AROUND_POINT,
        )
    }
    if top == 100 and hundredths < 10:
        mistakes["missing_placeholder_zero"] = (
            Fraction(hundredths, 10),
            "That many hundredths need a zero in the tenths place; without it the digit "
            "counts tenths, ten times as much.",
        )
    params = {"numerator": a, "denominator": d}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        form="decimal",
        mistakes=mistakes,
    )


# --------------------------------------------------------- 141. axioms of probability


@family("missing_outcome_probability")
def missing_outcome_probability(rng: np.random.Generator) -> Variant:
    """The probability of the last outcome of a finite sample space, from the others: by
    normalisation and additivity the probabilities of the single outcomes sum to 1."""
    n = draw(rng, 3, 5)
    total = pick(rng, (8, 10, 12, 20, 24))
    cuts = sorted(int(c) for c in rng.choice(np.arange(1, total), size=n - 1, replace=False))
    parts = [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]
    probs = [Fraction(p, total) for p in parts]
    names = "abcde"[:n]
    given, value = probs[:-1], probs[-1]
    listed = ", ".join(f"$P({x}) = {frac(p)}$" for x, p in zip(names, given, strict=False))
    last = names[-1]
    prompt = (
        f"A sample space has the outcomes {', '.join(names[:-1])} and {last}, and "
        f"{listed}. What is $P({last})$? Write the fraction in lowest terms."
    )
    terms = " - ".join(frac(p) for p in given)
    solution = (
        f"The single outcomes are disjoint and their union is $\\Omega$, so by additivity "
        f"and $P(\\Omega) = 1$ their probabilities sum to 1: $P({last}) = 1 - {terms} = "
        f"{frac(value)}$."
    )
    mistakes = {
        "did_not_subtract_from_one": (
            sum(given),
            "That is the total of the given probabilities. All the outcomes together have "
            "probability 1: the last one gets what is left of that 1.",
        ),
        "assumed_equally_likely": (
            Fraction(1, n),
            "The outcomes are not equally likely here. Use the probabilities given, and "
            "the fact that all of them must add up to 1.",
        ),
    }
    params = {"given": [str(p) for p in given]}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


def _assignment(probs: list[Fraction]) -> str:
    def signed(p: Fraction) -> str:
        return f"-{frac(-p)}" if p < 0 else frac(p)

    return ", ".join(f"$P({x}) = {signed(p)}$" for x, p in zip("abc", probs, strict=True))


@family("valid_probability_assignment")
def valid_probability_assignment(rng: np.random.Generator) -> Variant:
    """Which of four assignments to three outcomes obeys the axioms: every value at least
    0 and the values summing to 1 (so none above 1)."""
    total = pick(rng, (8, 10, 12))  # three different parts need at least 6
    while True:
        cuts = sorted(int(c) for c in rng.choice(np.arange(1, total), size=2, replace=False))
        parts = [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]
        good = [Fraction(x, total) for x in parts]
        if len(set(good)) == 3:
            break
    extra = Fraction(draw(rng, 1, min(3, parts[1])), total)  # at most P(b)
    over = [good[0] + extra, good[1], good[2]]  # the sum above 1
    under = [good[0], good[1], good[2] - Fraction(1, total)]  # the sum below 1
    negative = [1 - good[1] + extra, good[1], -extra]  # sums to 1, one below 0, none above 1
    choices = {
        "right": _assignment(good),
        "missed_the_sum_above_one": _assignment(over),
        "missed_the_sum_below_one": _assignment(under),
        "missed_the_negative_probability": _assignment(negative),
    }
    prompt = (
        "A sample space has three outcomes $a$, $b$ and $c$. Which assignment of "
        "probabilities obeys the axioms of probability?"
    )
    solution = (
        "The axioms ask for two things here: no probability below 0, and the probabilities "
        "of the outcomes (which together make up the whole sample space) adding up to 1. "
        f"Only {_assignment(good)} does both: "
        f"${' + '.join(frac(p) for p in good)} = 1$ with every value at least 0."
    )
    messages = {
        "missed_the_sum_above_one": "Add the three values: they come to more than 1. The "
        "whole sample space has probability exactly 1.",
        "missed_the_sum_below_one": "Add the three values: they come to less than 1, so "
        "some probability is missing. The outcomes together must have probability exactly 1.",
        "missed_the_negative_probability": "These add up to 1, but one of them is negative. "
        "No probability is ever below 0.",
    }
    return shuffled_choice_variant(
        rng,
        prompt=prompt,
        params={"good": [str(p) for p in good], "total": total, "extra": str(extra)},
        choices=choices,
        solution=solution,
        messages=messages,
        hint=(
            "For each assignment, check two things: is any value negative, and what do "
            "the three values add up to?"
        ),
    )


# ------------------------------------------------ 142. complement and addition rules

_CLUBS = (("football", "chess"), ("the choir", "the drama club"), ("swimming", "tennis"))


@family("addition_rule_or_neither")
def addition_rule_or_neither(rng: np.random.Generator) -> Variant:
    """P(A or B) by the addition rule, or P(neither) by the complement of it, for two
    overlapping clubs in a class."""
    total = draw(rng, 20, 40)
    a = draw(rng, 5, total // 2)
    b = draw(rng, 5, total // 2)
    both = draw(rng, 1, min(a, b) - 1)
    first, second = pick(rng, _CLUBS)
    either = Fraction(a + b - both, total)
    neither = bool(rng.integers(2))
    ask = "does neither" if neither else f"does {first} or {second} (or both)"
    prompt = (
        f"In a class of {total} students, {a} do {first}, {b} do {second} and {both} do "
        f"both. A student is picked at random. What is the probability that the student "
        f"{ask}? Write the fraction in lowest terms."
    )
    rule = (
        f"By the addition rule, $P(A \\cup B) = \\frac{{{a}}}{{{total}}} + "
        f"\\frac{{{b}}}{{{total}}} - \\frac{{{both}}}{{{total}}} = "
        f"\\frac{{{a + b - both}}}{{{total}}}$"
    )
    doubled = Fraction(a + b, total)
    overlap_message = (
        "The students who do both were counted twice, once in each club. Subtract the overlap once."
    )
    if neither:
        value = 1 - either
        solution = (
            f"{rule}. Neither is its complement: $1 - \\frac{{{a + b - both}}}{{{total}}} "
            f"= \\frac{{{total - a - b + both}}}{{{total}}}$, which is ${frac(value)}$."
        )
        mistakes = {
            "forgot_the_overlap": (1 - doubled, overlap_message),
            "forgot_the_complement": (
                either,
                "That is the probability of doing at least one. Neither is the complement: "
                "subtract it from 1.",
            ),
        }
    else:
        value = either
        solution = f"{rule}, which is ${frac(value)}$."
        mistakes = {
            "forgot_the_overlap": (doubled, overlap_message),
            "subtracted_overlap_twice": (
                Fraction(a + b - 2 * both, total),
                "The overlap was taken away twice. Adding the two clubs counts it twice, so "
                "subtract it only once.",
            ),
        }
    params = {"total": total, "a": a, "b": b, "both": both, "neither": neither}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
    )


_DICE = {4: "four-sided", 6: "six-sided", 8: "eight-sided"}


@family("at_least_one_by_the_complement")
def at_least_one_by_the_complement(rng: np.random.Generator) -> Variant:
    """P(at least one top face in n rolls of a k-sided die) = 1 - ((k - 1)/k)^n."""
    k = pick(rng, tuple(_DICE))
    n = draw(rng, 2, min(4, k - 1))
    miss = Fraction(k - 1, k)
    value = 1 - miss**n
    prompt = (
        f"A fair {_DICE[k]} die, with faces 1 to {k}, is rolled {n} times. What is the "
        f"probability of rolling at least one {k}? Write the fraction in lowest terms."
    )
    solution = (
        f"'At least one {k}' is the complement of 'no {k} at all'. One roll misses {k} with "
        f"probability ${frac(miss)}$, and the rolls are independent, so all {n} miss with "
        f"probability $\\left({frac(miss)}\\right)^{{{n}}} = {frac(miss**n)}$. "
        f"So $P(\\text{{at least one {k}}}) = 1 - {frac(miss**n)} = {frac(value)}$."
    )
    mistakes = {
        "added_the_chances": (
            Fraction(n, k),
            f"Adding 1/{k} for each roll counts twice the rolls where more than one {k} "
            "comes up (and with enough rolls would pass 1). Work out the chance of no "
            f"{k} at all and take it from 1.",
        ),
        "found_all_of_them": (
            Fraction(1, k) ** n,
            f"That is the chance that every roll is a {k}. At least one means one, two or "
            f"more: use the complement, no {k} at all.",
        ),
        "complemented_the_wrong_event": (
            1 - Fraction(1, k) ** n,
            f"That is 1 minus the chance that every roll is a {k}. The complement of 'at "
            f"least one {k}' is 'no {k} at all'.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"sides": k, "rolls": n},
        value=value,
        solution=solution,
        form="lowest_terms",
        mistakes=mistakes,
        hint=f"What is the opposite of 'at least one {k}'? Find its probability first.",
    )


# ------------------------------------------------------------ 143. understanding percent

_OUT_OF = (
    ("On a quiz, Sam gets {k} questions right out of {n}.", "of the questions did Sam get right"),
    ("In a bag of {n} marbles, {k} are blue.", "of the marbles are blue"),
    ("Of the {n} seats on a bus, {k} are taken.", "of the seats are taken"),
)


@family("part_as_percent")
def part_as_percent(rng: np.random.Generator) -> Variant:
    """k out of n as a percent, with n a divisor of 100: scale the ratio to one out of 100."""
    n = pick(rng, (4, 5, 10, 20, 25, 50))
    k = draw(rng, 1, n - 1)
    scale = 100 // n
    value = k * scale
    setting, asked = pick(rng, _OUT_OF)
    prompt = f"{setting.format(k=k, n=n)} What percent {asked}? Give a whole number of percent."
    solution = (
        f"Percent means out of 100, and ${n} \\times {scale} = 100$, so scale both parts by "
        f"{scale}: $\\frac{{{k}}}{{{n}}} = \\frac{{{k} \\times {scale}}}{{{n} \\times {scale}}} "
        f"= \\frac{{{value}}}{{100}} = {value}\\%$."
    )
    mistakes = {
        "count_as_percent": (
            k,
            "That is the count, but a percent is out of 100, and this total is not 100. "
            "Scale the ratio so its total becomes 100.",
        ),
        "added_to_reach_100": (
            k + 100 - n,
            "You added to both parts to reach 100. Equivalent ratios come from multiplying "
            "both parts by the same number.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"k": k, "n": n},
        value=value,
        solution=solution,
        mistakes=mistakes,
        unit="percent",
    )


# ------------------------------------- 144. converting fractions, decimals and percents


@family("fraction_to_percent")
def fraction_to_percent(rng: np.random.Generator) -> Variant:
    """A fraction as a percent: divide for the decimal, then multiply by 100."""
    d = pick(rng, (8, 40, 16, 20, 4, 25))
    a = draw(rng, 1, d - 1)
    while math.gcd(a, d) != 1:
        a = draw(rng, 1, d - 1)
    decimal = Fraction(a, d)
    value = 100 * decimal
    shown = f"{float(decimal):g}"
    prompt = (
        f"Write $\\frac{{{a}}}{{{d}}}$ as a percent. Give the number of percent as a "
        "whole number or a decimal."
    )
    solution = (
        f"Divide: ${a} \\div {d} = {shown}$. Then multiply by 100: "
        f"${shown} \\times 100 = {float(value):g}$, so $\\frac{{{a}}}{{{d}}} = "
        f"{float(value):g}\\%$."
    )
    mistakes = {
        "decimal_not_percent": (
            decimal,
            "That is the decimal. A percent counts per hundred: multiply the decimal by 100.",
        ),
        "moved_one_place": (
            10 * decimal,
            "The point moved only one place. Multiplying by 100 moves it two places to the right.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"numerator": a, "denominator": d},
        value=value,
        solution=solution,
        form="decimal",
        mistakes=mistakes,
        unit="percent",
    )


# ------------------------------------------------- 145. unknowns in number sentences

_UNDO_MESSAGE = (
    "Put your number in the box and read the sentence: it is not true. Use the fact family "
    "to write a sentence with the box alone on one side."
)


@family("missing_number_in_sentence")
def missing_number_in_sentence(rng: np.random.Generator) -> Variant:
    """The number in the box of a sentence like □ − 9 = 14 or 48 ÷ □ = 6, anywhere in it."""
    op = pick(rng, ("+", "-", "×", "÷"))
    first = bool(rng.integers(2))  # the box is the first number, or the second
    if op in "+-":
        x, y = draw(rng, 5, 60), draw(rng, 5, 60)
    else:
        x, y = draw(rng, 2, 12), draw(rng, 2, 12)
    if op == "+":
        c = x + y
        box, known = (x, y) if first else (y, x)
        how = f"${c} - {known} = {box}$"
        wrong = c + known
    elif op == "×":
        c = x * y
        box, known = (x, y) if first else (y, x)
        how = f"${c} \\div {known} = {box}$"
        wrong = c * known
    elif op == "-":
        big, c = x + y, x  # big - y = x
        if first:
            box, known = big, y
            how, wrong = f"${c} + {known} = {box}$", c - known
        else:
            box, known = y, big
            how, wrong = f"${known} - {c} = {box}$", known + c
    else:
        big, c = x * y, x  # big ÷ y = x
        if first:
            box, known = big, y
            how = f"${c} \\times {known} = {box}$"
            wrong = c // known if c % known == 0 else None
        else:
            box, known = y, big
            how, wrong = f"${known} \\div {c} = {box}$", known * c
    tex = {"+": "+", "-": "-", "×": "\\times", "÷": "\\div"}[op]
    left = f"\\square {tex} {known}" if first else f"{known} {tex} \\square"
    filled = f"{box} {tex} {known}" if first else f"{known} {tex} {box}"
    prompt = f"What number goes in the box? ${left} = {c}$. {WHOLE}"
    solution = f"Use the fact family to get the box alone: {how}. Check: ${filled} = {c}$."
    mistakes = {}
    if wrong is not None and wrong >= 0:
        mistakes["used_the_wrong_operation"] = (wrong, _UNDO_MESSAGE)
    params = {"op": op, "first": first, "known": known, "result": c}
    return integer_variant(
        prompt=prompt, params=params, value=box, solution=solution, mistakes=mistakes
    )


# ------------------------------------------------- 146. volume of rectangular prisms


_EDGE_UNITS = (("centimetre", "centimetres"), ("metre", "metres"), ("inch", "inches"))


@family("rectangular_prism_volume")
def rectangular_prism_volume(rng: np.random.Generator) -> Variant:
    """The number of unit cubes in a box: layers of length × width, height layers."""
    length, width, height = draw(rng, 2, 12), draw(rng, 2, 9), draw(rng, 2, 9)
    layer = length * width
    value = layer * height
    unit, units = pick(rng, _EDGE_UNITS)
    prompt = (
        f"A box is {length} {units} long, {width} {units} wide and {height} {units} tall. "
        f"How many cubes with 1-{unit} edges fill it? {WHOLE}"
    )
    solution = (
        f"The bottom layer holds ${length} \\times {width} = {layer}$ cubes, and there are "
        f"{height} layers: ${layer} \\times {height} = {value}$. So "
        f"$V = {length} \\times {width} \\times {height} = {value}$ cubic {units}."
    )
    mistakes = {
        "added_the_edges": (
            length + width + height,
            "You added the three edges. Volume counts the cubes inside, in layers: "
            "multiply the measurements.",
        ),
        "bottom_layer_only": (
            layer,
            "That is one layer of cubes, the bottom. Count how many layers stack up to the "
            "height, and multiply.",
        ),
    }
    params = {"length": length, "width": width, "height": height, "unit": unit}
    return integer_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


# ------------------------------------------------------- 147. whole-number exponents


@family("evaluate_power")
def evaluate_power(rng: np.random.Generator) -> Variant:
    """A whole-number base to a whole-number exponent, as repeated multiplication."""
    base = draw(rng, 2, 10)
    exponent = draw(rng, 2, 6 if base <= 3 else 4)
    value = base**exponent
    factors = " \\times ".join([str(base)] * exponent)
    prompt = f"Work out ${base}^{exponent}$. {WHOLE}"
    solution = (
        f"The exponent {exponent} says to use {base} as a factor {exponent} times: "
        f"${base}^{exponent} = {factors} = {value}$."
    )
    mistakes = {
        "base_times_exponent": (
            base * exponent,
            "You multiplied the base by the exponent. The exponent counts how many times "
            "the base is written as a factor: multiply that many copies of it together.",
        ),
        "one_factor_short": (
            base ** (exponent - 1),
            "Count the factors again: the base must appear as many times as the exponent says.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"base": base, "exponent": exponent},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


# ------------------------------------------------ 148. exponents with negative bases


@family("negative_base_power")
def negative_base_power(rng: np.random.Generator) -> Variant:
    """(−b)^e or −b^e: the sign from the parity of the exponent, or from the brackets."""
    b = draw(rng, 2, 9)
    e = draw(rng, 2, 5 if b <= 3 else 3)
    bracketed = bool(rng.integers(3)) > 0  # two in three are (−b)^e
    size = b**e
    if bracketed:
        value = (-b) ** e
        shown = f"(-{b})^{e}"
        parity = "even" if e % 2 == 0 else "odd"
        sign = "positive" if e % 2 == 0 else "negative"
        solution = (
            f"The base is $-{b}$, used {e} times. The size is ${b}^{e} = {size}$, and "
            f"{e} negative factors is an {parity} count, so the result is {sign}: "
            f"${shown} = {value}$."
        )
        slip = (
            "wrong_sign_for_the_exponent",
            "Check the sign: count the negative factors. An even count pairs off to a "
            "positive result, an odd count leaves it negative.",
        )
    else:
        value = -size
        shown = f"-{b}^{e}"
        solution = (
            f"Without brackets the exponent applies to {b} only: ${b}^{e} = {size}$, "
            f"then take the opposite: ${shown} = {value}$."
        )
        # an even power of -b would be positive; an odd one gives the answer, so the slip
        # that is left is losing the minus sign
        code = "minus_sign_raised_too" if e % 2 == 0 else "dropped_the_minus_sign"
        slip = (
            code,
            "The minus sign in front is not inside brackets, so it is not part of the base. "
            "Work out the power of the number first, then take its opposite.",
        )
    mistakes = {
        slip[0]: (-value, slip[1]),
        "base_times_exponent": (
            -b * e,
            "You multiplied the base by the exponent. The exponent counts how many times "
            "the base is used as a factor.",
        ),
    }
    return integer_variant(
        prompt=f"Work out ${shown}$. {WHOLE}",
        params={"b": b, "e": e, "bracketed": bracketed},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


# ----------------------------------------------------------------- 149. powers of ten


@family("power_of_ten")
def power_of_ten(rng: np.random.Generator) -> Variant:
    """10^k as a number, or the exponent k of a number written 1 followed by zeros."""
    k = draw(rng, 2, 7)
    number = 10**k
    factors = " \\times ".join(["10"] * k)
    solution = f"${{10}}^{{{k}}} = {factors} = {number}$, a 1 followed by {k} zeros."
    if rng.integers(2):
        prompt = f"Write $10^{k}$ as a number. {WHOLE}"
        value = number
        mistakes = {
            "ten_times_exponent": (
                10 * k,
                "The exponent is not multiplied by 10. It counts how many tens are "
                "multiplied together.",
            ),
            "one_zero_too_many": (
                10 ** (k + 1),
                "Count the zeros again: the exponent is the number of zeros after the 1.",
            ),
        }
    else:
        prompt = f"The number {number:,} is $10$ to which power? Give the exponent. {WHOLE}"
        value = k
        solution += f" So the exponent is {k}."
        mistakes = {
            "counted_all_digits": (
                k + 1,
                "You counted every digit, the 1 as well. The exponent counts only the zeros.",
            ),
        }
    return integer_variant(
        prompt=prompt, params={"k": k}, value=value, solution=solution, mistakes=mistakes
    )


# ---------------------------------------------------------- 150. decimal place value

_PLACES = ("tenths", "hundredths", "thousandths")


@family("decimal_digit_value")
def decimal_digit_value(rng: np.random.Generator) -> Variant:
    """What one digit after the point of a number like 3.476 is worth."""
    digits = [int(d) for d in rng.choice(np.arange(1, 10), size=4, replace=False)]
    ones, after = digits[0], digits[1:]
    place = draw(rng, 1, 3)
    digit = after[place - 1]
    number = f"{ones}." + "".join(str(d) for d in after)
    value = Fraction(digit, 10**place)
    worth = f"{float(value):g}"
    prompt = f"What is the digit {digit} worth in {number}? Write the answer as a decimal."
    solution = (
        f"The {digit} is in the {_PLACES[place - 1]} place, {place} "
        f"{'place' if place == 1 else 'places'} after the point, so it is worth "
        f"$\\frac{{{digit}}}{{{10**place}}} = {worth}$."
    )
    shifted = Fraction(digit, 10 ** (place - 1)) if place > 1 else Fraction(digit, 100)
    mistakes = {
        "digit_itself": (
            Fraction(digit),
            "That is the digit, not its value. A digit after the point is worth tenths, "
            "hundredths or thousandths, depending on its place.",
        ),
        "one_place_off": (
            shifted,
            "Count the places after the point again: tenths first, then hundredths, then "
            "thousandths.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"number": number, "place": place},
        value=value,
        solution=solution,
        form="decimal",
        mistakes=mistakes,
    )
