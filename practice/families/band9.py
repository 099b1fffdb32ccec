"""Question families for band 9 of the KL plan (positions 173 to 194): the order of
operations with integers, total probability and Bayes' theorem, rigid motions and slope,
and the first algebra of expressions, exponents, polynomials, radicals and binary.

School families compute with integers and :class:`fractions.Fraction`; the probability
and information families with floats. Each named mistake is the value that mistake gives
for the variant's own numbers.
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
    number_variant,
    pick,
    polynomial,
    shuffled_choice_variant,
    signed,
    term,
    values_variant,
)
from practice.questions import Variant


def _nonzero(rng: np.random.Generator, low: int, high: int) -> int:
    """A whole number from ``low`` to ``high`` other than 0."""
    while True:
        n = draw(rng, low, high)
        if n:
            return n


# ------------------------------------------------- 173. integer order of operations


@family("integer_order_of_operations")
def integer_order_of_operations(rng: np.random.Generator) -> Variant:
    """An integer expression with a power after a minus sign, or with absolute value bars,
    worked in the right order."""
    if rng.random() < 0.5:
        b, c, d = draw(rng, 2, 6), draw(rng, 2, 9), _nonzero(rng, -9, -2)
        prompt = f"Work out $-{b}^2 + {c} \\times {signed(d)}$. {WHOLE}"
        value = -(b * b) + c * d
        solution = (
            f"The power comes first and belongs to {b} alone: ${b}^2 = {b * b}$, so "
            f"$-{b}^2 = -{b * b}$. Then multiply: ${c} \\times {signed(d)} = {c * d}$. "
            f"Last, add: $-{b * b} + {signed(c * d)} = {value}$."
        )
        mistakes = {
            "squared_the_minus_sign": (
                b * b + c * d,
                "The exponent belongs only to the number right before it, not to the minus "
                "sign in front. Square the number, then keep the minus.",
            ),
            "added_before_multiplying": (
                (-(b * b) + c) * d,
                "You added before multiplying. After the power, do the multiplication, and "
                "only then the addition.",
            ),
        }
        params = {"shape": "power", "b": b, "c": c, "d": d}
    else:
        a, k = draw(rng, 2, 20), draw(rng, 2, 5)
        m, n = draw(rng, -6, 6), draw(rng, -6, 6)
        if m >= n:
            m, n = n - 1, m + 1
        inside = m - n
        value = a - k * abs(inside)
        prompt = f"Work out ${a} - {k}\\,|{m} - {signed(n)}|$. {WHOLE}"
        solution = (
            f"The bars group like brackets, so start inside them: ${m} - {signed(n)} = "
            f"{inside}$, and $|{inside}| = {abs(inside)}$. Multiply: ${k} \\times "
            f"{abs(inside)} = {k * abs(inside)}$. Subtract: ${a} - {k * abs(inside)} = "
            f"{value}$."
        )
        mistakes = {
            "kept_the_sign_inside_the_bars": (
                a - k * inside,
                "The bars give the distance from zero, which is never negative. Drop the "
                "minus sign of the number inside before you multiply.",
            ),
            "subtracted_before_multiplying": (
                (a - k) * abs(inside),
                "You subtracted before multiplying. The number in front of the bars "
                "multiplies them, and that comes before the subtraction.",
            ),
        }
        params = {"shape": "absolute", "a": a, "k": k, "m": m, "n": n}
    return integer_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


# --------------------------------------------------- 174. law of total probability


@family("total_probability_two_cases")
def total_probability_two_cases(rng: np.random.Generator) -> Variant:
    """P(A) from P(B), P(A | B) and P(A | not B)."""
    p = Fraction(draw(rng, 2, 8), 10)
    a, c = Fraction(draw(rng, 50, 95), 100), Fraction(draw(rng, 5, 45), 100)
    value = p * a + (1 - p) * c
    prompt = (
        f"It rains on {p * 100}% of days. On a rainy day the bus is late with probability "
        f"${float(a):g}$; on a dry day with probability ${float(c):g}$. What is the "
        f"probability that the bus is late on a day picked at random? Give the exact "
        f"decimal."
    )
    solution = (
        f"Split the days into rainy and dry; they cover every day once:\n\n"
        f"$$P(\\text{{late}}) = {float(p):g} \\times {float(a):g} + {float(1 - p):g} \\times "
        f"{float(c):g} = {float(p * a):g} + {float((1 - p) * c):g} = {float(value):g}.$$"
    )
    mistakes = {
        "averaged_without_weights": (
            (a + c) / 2,
            "That treats rainy and dry days as equally common. Weight each case's "
            "probability by how likely the case is, then add.",
        ),
        "left_out_a_case": (
            p * a,
            "That counts only the rainy days. The bus can also be late on a dry day: add "
            "that case, weighted by the chance of a dry day.",
        ),
    }
    params = {"p": str(p), "a": str(a), "c": str(c)}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        form="decimal",
    )


_SUPPLIERS = ("A", "B", "C")


@family("total_probability_three_suppliers")
def total_probability_three_suppliers(rng: np.random.Generator) -> Variant:
    """The share of faulty parts across three suppliers of different sizes and rates."""
    while True:
        first, second = draw(rng, 2, 6) * 10, draw(rng, 1, 4) * 10
        third = 100 - first - second
        if third > 0:
            break
    shares = [first, second, third]
    rates = [draw(rng, 1, 9) for _ in shares]
    value = Fraction(sum(s * r for s, r in zip(shares, rates, strict=True)), 100)
    listed = "; ".join(
        f"supplier {n} sends {s}% of the parts and {r}% of its parts are faulty"
        for n, s, r in zip(_SUPPLIERS, shares, rates, strict=True)
    )
    prompt = (
        f"A factory buys parts from three suppliers: {listed}. What percent of all the "
        f"parts are faulty? Give the exact value."
    )
    pairs = list(zip(shares, rates, strict=True))
    products = " + ".join(f"{s / 100:g} \\times {r}" for s, r in pairs)
    terms = " + ".join(f"{s * r / 100:g}" for s, r in pairs)
    solution = (
        f"Each part comes from exactly one supplier, so weight each supplier's faulty "
        f"rate by its share and add: ${products} = {terms} = {float(value):g}$, so "
        f"{float(value):g}% of the parts are faulty."
    )
    mistakes = {
        "averaged_the_rates": (
            Fraction(sum(rates), 3),
            "That averages the three rates as if every supplier sent as many parts. Weight "
            "each rate by the supplier's share first.",
        ),
        "added_the_rates": (
            Fraction(sum(rates)),
            "Adding the rates counts every part three times over. Multiply each rate by its "
            "supplier's share of the parts before adding.",
        ),
    }
    params = {"shares": shares, "rates": rates}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        unit="percent",
    )


# -------------------------------------------------------------- 175. Bayes' theorem


@family("bayes_positive_test")
def bayes_positive_test(rng: np.random.Generator) -> Variant:
    """The chance of having a condition after a positive test, from its prevalence and the
    test's true and false positive rates."""
    prior = pick(rng, (0.001, 0.002, 0.005, 0.01, 0.02, 0.05))
    hit = draw(rng, 80, 99) / 100
    false = draw(rng, 1, 10) / 100
    evidence = prior * hit + (1 - prior) * false
    value = prior * hit / evidence
    prompt = (
        f"A condition affects a fraction ${prior:g}$ of people. A test is positive for "
        f"${hit:g}$ of people with it and for ${false:g}$ of people without it. A person "
        f"picked at random tests positive. What is the probability that they have the "
        f"condition? Give it to 3 significant figures."
    )
    solution = (
        f"First the chance of a positive test, by total probability: ${prior:g} \\times "
        f"{hit:g} + {1 - prior:g} \\times {false:g} = {evidence:.4g}$. Then Bayes' theorem: "
        f"$\\frac{{{prior:g} \\times {hit:g}}}{{{evidence:.4g}}} = {value:.3g}$. The "
        f"false alarms from the many people without the condition outnumber the true "
        f"positives."
    )
    mistakes = {
        "reversed_the_condition": (
            hit,
            "That is the chance of a positive test given the condition, the other way "
            "round. Divide the true positives by all the positives.",
        ),
        "ignored_the_base_rate": (
            hit / (hit + false),
            "That treats having and not having the condition as equally common. Weight "
            "each group's positive rate by how common the group is.",
        ),
    }
    params = {"prior": prior, "hit": hit, "false": false}
    return number_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


@family("bayes_which_bag")
def bayes_which_bag(rng: np.random.Generator) -> Variant:
    """Which of two bags a red counter came from, when a die roll chooses the bag."""
    k = draw(rng, 1, 5)
    n1, n2 = draw(rng, 4, 10), draw(rng, 4, 10)
    r1, r2 = draw(rng, 1, n1 - 1), draw(rng, 1, n2 - 1)
    prior = Fraction(k, 6)
    joint1, joint2 = prior * Fraction(r1, n1), (1 - prior) * Fraction(r2, n2)
    value = joint1 / (joint1 + joint2)
    chooser = "a roll of 1" if k == 1 else f"a roll of {k} or less"
    prompt = (
        f"Bag 1 holds {n1} counters, {r1} of them red; bag 2 holds {n2}, {r2} of them red. "
        f"A fair die picks the bag: {chooser} picks bag 1, any other roll bag 2. One "
        f"counter is drawn from the chosen bag and it is red. What is the probability "
        f"that it came from bag 1? Give a fraction in lowest terms."
    )
    solution = (
        f"Weigh the two ways of getting red by how likely the die makes each bag. The "
        f"die picks bag 1 with $P(1) = {frac(prior)}$ and bag 2 with $P(2) = "
        f"{frac(1 - prior)}$. Red through bag 1: "
        f"${frac(prior)} \\times \\frac{{{r1}}}{{{n1}}} = {frac(joint1)}$; through bag 2: "
        f"${frac(1 - prior)} \\times \\frac{{{r2}}}{{{n2}}} = {frac(joint2)}$. Bayes: "
        f"$P(1 \\mid \\text{{red}}) = {frac(joint1)} \\div \\left({frac(joint1)} + "
        f"{frac(joint2)}\\right) = {frac(value)}$."
    )
    mistakes = {
        "gave_the_likelihood": (
            Fraction(r1, n1),
            "That is the chance of red if the counter came from bag 1, the reverse of what "
            "is asked. Compare the two ways of getting red.",
        ),
        "ignored_the_prior": (
            Fraction(r1, n1) / (Fraction(r1, n1) + Fraction(r2, n2)),
            "That treats the two bags as equally likely to be chosen. Multiply each bag's "
            "chance of red by the chance the die picks that bag.",
        ),
        "kept_the_prior": (
            prior,
            "That is the chance of bag 1 before the counter was seen. Use the red draw to "
            "update it.",
        ),
    }
    params = {"k": k, "r1": r1, "n1": n1, "r2": r2, "n2": n2}
    return exact_variant(
        prompt=prompt,
        params=params,
        value=value,
        solution=solution,
        mistakes=mistakes,
        form="lowest_terms",
    )


# ------------------------------------------------------------ 176. rigid motions


def _point(x: int, y: int) -> str:
    return f"({x}, {y})"


_MOTIONS = {
    "reflect_x": ("a reflection in the $x$-axis", lambda x, y: (x, -y)),
    "reflect_y": ("a reflection in the $y$-axis", lambda x, y: (-x, y)),
    "rotate_90": ("a rotation of 90° anticlockwise about the origin", lambda x, y: (-y, x)),
    "rotate_180": ("a rotation of 180° about the origin", lambda x, y: (-x, -y)),
}
_MOTION_RULES = {
    "reflect_x": "$(x, y) \\mapsto (x, -y)$: the $x$-coordinate stays and $y$ changes sign",
    "reflect_y": "$(x, y) \\mapsto (-x, y)$: the $y$-coordinate stays and $x$ changes sign",
    "rotate_90": "$(x, y) \\mapsto (-y, x)$: the coordinates swap and the new first one "
    "changes sign",
    "rotate_180": "$(x, y) \\mapsto (-x, -y)$: both coordinates change sign",
}
# the motion a student confuses with each one, and what to tell them
_MOTION_SLIPS = {
    "reflect_x": (
        "reflect_y",
        "used_the_other_mirror",
        "That is the reflection in the other axis. A reflection in the $x$-axis keeps the "
        "$x$-coordinate and changes the sign of $y$.",
    ),
    "reflect_y": (
        "reflect_x",
        "used_the_other_mirror",
        "That is the reflection in the other axis. A reflection in the $y$-axis keeps the "
        "$y$-coordinate and changes the sign of $x$.",
    ),
    "rotate_90": (
        None,
        "turned_clockwise",
        "That point is a quarter turn clockwise. Anticlockwise, a point on the positive "
        "$x$-axis moves up to the positive $y$-axis: check your rule on it.",
    ),
    "rotate_180": (
        "reflect_x",
        "changed_one_sign",
        "A half turn changes the sign of both coordinates; changing only one is a reflection.",
    ),
}


@family("image_under_a_rigid_motion")
def image_under_a_rigid_motion(rng: np.random.Generator) -> Variant:
    """Where a point lands under a reflection in an axis or a rotation about the origin."""
    x, y = _nonzero(rng, -9, 9), _nonzero(rng, -9, 9)
    motion = pick(rng, tuple(_MOTIONS))
    words, rule = _MOTIONS[motion]
    value = rule(x, y)
    other, code, message = _MOTION_SLIPS[motion]
    slip = (y, -x) if other is None else _MOTIONS[other][1](x, y)
    prompt = (
        f"Where does the point ${_point(x, y)}$ land under {words}? Give its coordinates "
        f"as two whole numbers, $x$ first (for example: 3, -2)."
    )
    solution = (
        f"The rule is {_MOTION_RULES[motion]}. So ${_point(x, y)} \\mapsto {_point(*value)}$."
    )
    return values_variant(
        prompt=prompt,
        params={"x": x, "y": y, "motion": motion},
        value=value,
        solution=solution,
        mistakes={code: (slip, message)},
    )


@family("reflect_then_translate")
def reflect_then_translate(rng: np.random.Generator) -> Variant:
    """A reflection in the x-axis followed by a translation, done in the order given."""
    x, y = _nonzero(rng, -8, 8), _nonzero(rng, -8, 8)
    h, k = _nonzero(rng, -6, 6), _nonzero(rng, -6, 6)
    value = (x + h, -y + k)
    prompt = (
        f"Triangle $ABC$ has vertex $A{_point(x, y)}$. It is reflected in the $x$-axis, "
        f"then translated by the rule $(x, y) \\mapsto (x {term(h)}, y {term(k)})$. Where "
        f"does $A$ end up? Give its coordinates as two whole numbers, $x$ first."
    )
    solution = (
        f"Do the motions in the order given, reflecting first. Reflect: "
        f"${_point(x, y)} \\mapsto {_point(x, -y)}$. Then translate: "
        f"$({x} {term(h)}, {-y} {term(k)}) = {_point(*value)}$."
    )
    mistakes = {
        "translated_first": (
            (x + h, -(y + k)),
            "You moved the point before reflecting it. Reflect it in the axis first, then "
            "apply the translation to the reflected point.",
        ),
        "translated_the_wrong_way": (
            (x - h, -y - k),
            "The translation moved the point the opposite way. Add the numbers in the rule "
            "to the coordinates, keeping their signs.",
        ),
    }
    return values_variant(
        prompt=prompt,
        params={"x": x, "y": y, "h": h, "k": k},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


# ----------------------------------------------------------------- 177. slope


@family("slope_from_two_points")
def slope_from_two_points(rng: np.random.Generator) -> Variant:
    """The slope through two points, as a fraction in lowest terms."""
    while True:
        x1, y1, x2, y2 = (draw(rng, -9, 9) for _ in range(4))
        if x1 != x2 and y1 != y2 and abs(x2 - x1) != abs(y2 - y1):
            break
    rise, run = y2 - y1, x2 - x1
    value = Fraction(rise, run)
    prompt = (
        f"What is the slope of the line through ${_point(x1, y1)}$ and "
        f"${_point(x2, y2)}$? Give a fraction in lowest terms (or a whole number)."
    )
    solution = (
        f"Start both differences from the same point, and put the change in $y$ on top. "
        f"$m = \\frac{{y_2 - y_1}}{{x_2 - x_1}} = \\frac{{{y2} - {signed(y1)}}}"
        f"{{{x2} - {signed(x1)}}} = \\frac{{{rise}}}{{{run}}} = {frac(value)}$."
    )
    mistakes = {
        "run_over_rise": (
            Fraction(run, rise),
            "That is the run divided by the rise. Slope is the change in $y$ divided by "
            "the change in $x$.",
        ),
        "mixed_the_order": (
            Fraction(rise, -run),
            "The sign is wrong: you subtracted the $y$-values in one order and the "
            "$x$-values in the other. Start both differences from the same point.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"x1": x1, "y1": y1, "x2": x2, "y2": y2},
        value=value,
        solution=solution,
        mistakes=mistakes,
        form="lowest_terms",
    )


@family("point_along_a_slope")
def point_along_a_slope(rng: np.random.Generator) -> Variant:
    """The height of a line some steps along from a known point, given its slope."""
    while True:
        rise, run = _nonzero(rng, -5, 5), draw(rng, 2, 5)
        if math.gcd(rise, run) == 1:
            break
    j, y1 = draw(rng, -3, 3), draw(rng, -6, 6)
    steps = _nonzero(rng, -3, 3)
    x1 = j * run
    x2 = x1 + steps * run
    value = y1 + steps * rise
    slope = Fraction(rise, run)
    prompt = (
        f"A line has slope ${frac(slope)}$ and passes through ${_point(x1, y1)}$. What is "
        f"$y$ on this line when $x = {x2}$? {WHOLE}"
    )
    solution = (
        f"From $x = {x1}$ to $x = {x2}$ the line runs ${x2} - {signed(x1)} = {x2 - x1}$. "
        f"It rises ${frac(slope)}$ for each unit, so it rises ${frac(slope)} \\times "
        f"{signed(x2 - x1)} = {steps * rise}$. So $y = {y1} {term(steps * rise)} = "
        f"{value}$."
    )
    mistakes = {
        "used_x_not_the_run": (
            y1 + (j + steps) * rise,
            "You multiplied the slope by the new $x$ itself. The slope multiplies the "
            "change in $x$: subtract the starting $x$ first.",
        ),
        "added_the_slope_once": (
            y1 + rise,
            "The line rises that much for a run of the slope's bottom number, but here the "
            "run is different. Multiply the slope by the whole run.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"rise": rise, "run": run, "x1": x1, "y1": y1, "x2": x2},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


# --------------------------------------------------------- 178. variable expressions

_PRICED = (
    ("cinema tickets", "ticket", "a booking fee"),
    ("pizzas", "pizza", "a delivery charge"),
    ("hours of bike hire", "hour", "a deposit"),
    ("music lessons", "lesson", "a sign-up fee"),
)


@family("expression_for_a_rule")
def expression_for_a_rule(rng: np.random.Generator) -> Variant:
    """The expression for the cost of n items at a price each plus a one-off charge."""
    price, fee = draw(rng, 3, 15), draw(rng, 2, 12)
    things, one, extra = pick(rng, _PRICED)
    choices = {
        "right": f"${price}n + {fee}$",
        "charged_the_extra_every_time": f"$({price} + {fee})n$",
        "swapped_price_and_charge": f"${fee}n + {price}$",
        "joined_the_numbers": f"${price + fee}n$",
    }
    prompt = (
        f"{things.capitalize()} cost {price} dollars per {one}, plus {extra} of {fee} "
        f"dollars paid once. Which expression gives the total cost in dollars of $n$ "
        f"{things}?"
    )
    solution = (
        f"Each {one} costs {price}, so $n$ of them cost ${price} \\times n = {price}n$. "
        f"The {fee} is paid once, so it is added once: ${price}n + {fee}$. Check with "
        f"$n = 2$: ${price} \\times 2 + {fee} = {2 * price + fee}$."
    )
    messages = {
        "charged_the_extra_every_time": (
            f"That adds {extra} for every {one}, but it is paid only once. Multiply only "
            "the price per item by $n$."
        ),
        "swapped_price_and_charge": (
            "The number multiplying $n$ should be the amount that repeats for each item, "
            "and the one-off charge is added alone."
        ),
        "joined_the_numbers": (
            "The two numbers were added as if both repeat. Only one of them is paid for "
            "every item; keep the other as a separate term."
        ),
    }
    return shuffled_choice_variant(
        rng,
        prompt=prompt,
        params={"price": price, "fee": fee, "things": things},
        choices=choices,
        solution=solution,
        messages=messages,
    )


# ---------------------------------------------------------- 179. combining like terms


@family("combine_like_terms")
def combine_like_terms(rng: np.random.Generator) -> Variant:
    """ax + b + cx + d simplified to px + q, with negative coefficients about."""
    a, c = _nonzero(rng, -9, 9), _nonzero(rng, -9, 9)
    b, d = _nonzero(rng, -12, 12), _nonzero(rng, -12, 12)
    value = (a + c, b + d)
    shown = f"{term(a, 'x', first=True)} {term(b)} {term(c, 'x')} {term(d)}"
    prompt = (
        f"Simplify ${shown}$ to the form $px + q$. Give $p$ and $q$ as two whole numbers, "
        f"$p$ first (for example: -3, 5)."
    )
    solution = (
        f"Group the $x$ terms and the number terms, each with the sign in front of it: "
        f"$({a} {term(c)})x + ({b} {term(d)}) = {polynomial([a + c, b + d])}$. So "
        f"$p = {a + c}$ and $q = {b + d}$."
    )
    mistakes = {
        "dropped_the_signs": (
            (abs(a) + abs(c), abs(b) + abs(d)),
            "A minus sign belongs to the term after it. Add the coefficients with their "
            "signs: a term after a minus sign counts as negative.",
        ),
        "mixed_unlike_terms": (
            (a + c + b + d, 0),
            "A number term is not a term in $x$, so it cannot join the $x$ terms. Add the "
            "$x$ terms together and the number terms together, separately.",
        ),
    }
    return values_variant(
        prompt=prompt,
        params={"a": a, "b": b, "c": c, "d": d},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


# ---------------------------------------------------- 180. dilations and scale factors


@family("dilation_image_of_a_point")
def dilation_image_of_a_point(rng: np.random.Generator) -> Variant:
    """The image of a point under a dilation with a given centre and scale factor."""
    k = pick(rng, (Fraction(2), Fraction(3), Fraction(1, 2), Fraction(3, 2), Fraction(1, 3)))
    cx, cy = draw(rng, -4, 4), draw(rng, -4, 4)
    step = k.denominator
    dx, dy = _nonzero(rng, -4, 4) * step, _nonzero(rng, -4, 4) * step
    x, y = cx + dx, cy + dy
    value = (int(cx + k * dx), int(cy + k * dy))
    prompt = (
        f"A dilation has centre $C{_point(cx, cy)}$ and scale factor ${frac(k)}$. Where "
        f"does it send the point $P{_point(x, y)}$? Give the coordinates as two whole "
        f"numbers, $x$ first."
    )
    solution = (
        f"From $C$ to $P$ is a step of ${_point(dx, dy)}$. Multiply the step by ${frac(k)}$: "
        f"${_point(int(k * dx), int(k * dy))}$. Add it to the centre: "
        f"$({cx} {term(int(k * dx))}, {cy} {term(int(k * dy))}) = {_point(*value)}$."
    )
    mistakes = {
        "scaled_from_the_origin": (
            (int(k * x), int(k * y)),
            "That multiplies the coordinates themselves, which is a dilation about the "
            "origin. Measure the step from the centre, scale it, then add it to the centre.",
        ),
    }
    mistakes["left_out_the_centre"] = (
        (int(k * dx), int(k * dy)),
        "That is the scaled step from the centre, not a point yet. Add it to the centre's "
        "coordinates to land on the image.",
    )
    return values_variant(
        prompt=prompt,
        params={"k": str(k), "cx": cx, "cy": cy, "x": x, "y": y},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


_FIGURES = (("a rectangle", "square centimetres"), ("a triangle", "square metres"))


@family("dilated_area")
def dilated_area(rng: np.random.Generator) -> Variant:
    """The area of a figure's image under a dilation: the area times the square of k."""
    k = pick(rng, (Fraction(2), Fraction(3), Fraction(4), Fraction(1, 2), Fraction(3, 2)))
    area = draw(rng, 2, 30) * k.denominator**2
    figure, unit = pick(rng, _FIGURES)
    value = area * k * k
    prompt = (
        f"{figure.capitalize()} has an area of {area} {unit}. It is dilated with scale "
        f"factor ${frac(k)}$. What is the area of the image, in {unit}? Give an exact "
        f"number."
    )
    solution = (
        f"Every length is multiplied by ${frac(k)}$, and area is length times length, so "
        f"the area is multiplied by $\\left({frac(k)}\\right)^2 = {frac(k * k)}$: "
        f"${area} \\times {frac(k * k)} = {frac(value)}$ {unit}."
    )
    mistakes = {
        "scaled_the_area_once": (
            area * k,
            "Multiplying by the scale factor once gives a length's change. An area has two "
            "lengths multiplied together, so it changes by the scale factor twice.",
        ),
        "doubled_the_scale_factor": (
            area * 2 * k,
            "The area changes by the scale factor squared, which is the factor times "
            "itself, not the factor times two.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"k": str(k), "area": area},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


# ------------------------------------------------------- 181. evaluating expressions


@family("evaluate_at_a_negative")
def evaluate_at_a_negative(rng: np.random.Generator) -> Variant:
    """ax^2 - bx + c at a negative x, with brackets round the substituted value."""
    a, b, c = draw(rng, 2, 5), draw(rng, 2, 9), draw(rng, -9, 9)
    x = draw(rng, -5, -2)
    value = a * x * x - b * x + c
    shown = f"{a}x^2 - {b}x {term(c)}" if c else f"{a}x^2 - {b}x"
    prompt = f"Evaluate ${shown}$ when $x = {x}$. {WHOLE}"
    tail = f" {term(c)}" if c else ""
    solution = (
        f"Put $({x})$ in place of each $x$, brackets and all: ${a}({x})^2 - {b}({x}){tail}$. "
        f"Power first: $({x})^2 = {x * x}$. Then multiply: ${a} \\times {x * x} = "
        f"{a * x * x}$ and $-{b} \\times ({x}) = {-b * x}$. Add: ${a * x * x} + {-b * x}"
        f"{tail} = {value}$."
    )
    mistakes = {
        "squared_without_brackets": (
            -a * x * x - b * x + c,
            "Squaring a negative number gives a positive one. Put the value in brackets "
            "before squaring, so the minus sign is squared too.",
        ),
        "lost_a_minus_sign": (
            a * x * x + b * x + c,
            "Subtracting a negative is adding. Multiply the number in front of $x$, with "
            "its minus sign, by the negative value.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"a": a, "b": b, "c": c, "x": x},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


# ------------------------------------------------ 182. inequalities on a number line


_SIGNS = {"<": "<", ">": ">", "<=": "\\le", ">=": "\\ge"}
_FLIPPED = {"<": ">", ">": "<", "<=": ">=", ">=": "<="}


@family("inequality_on_a_number_line")
def inequality_on_a_number_line(rng: np.random.Generator) -> Variant:
    """The circle and arrow that show an inequality, written with x on either side."""
    n = draw(rng, -9, 9)
    sign = pick(rng, tuple(_SIGNS))
    x_first = bool(rng.random() < 0.6)
    shown = f"x {_SIGNS[sign]} {n}" if x_first else f"{n} {_SIGNS[_FLIPPED[sign]]} x"
    closed = "=" in sign
    right = ">" in sign
    circle = "a closed (filled) circle" if closed else "an open (empty) circle"
    other_circle = "an open (empty) circle" if closed else "a closed (filled) circle"
    way, other_way = ("to the right", "to the left") if right else ("to the left", "to the right")
    choices = {
        "right": f"{circle} at ${n}$ and an arrow {way}",
        "wrong_circle": f"{other_circle} at ${n}$ and an arrow {way}",
        "wrong_direction": f"{circle} at ${n}$ and an arrow {other_way}",
        "wrong_circle_and_direction": f"{other_circle} at ${n}$ and an arrow {other_way}",
    }
    read = f"$x {_SIGNS[sign]} {n}$" if not x_first else f"${shown}$"
    solution = (
        (f"${shown}$ says the same as {read}. " if not x_first else "")
        + f"The numbers that make it true are {'at or ' if closed else ''}"
        f"{'above' if right else 'below'} ${n}$: "
        + (
            "the circle is filled because $" + str(n) + "$ itself counts, "
            if closed
            else "the circle is open because $" + str(n) + "$ itself does not count, "
        )
        + f"and the arrow points {way}, towards the {'larger' if right else 'smaller'} numbers."
    )
    messages = {
        "wrong_circle": (
            "Check the circle: it is filled only when the number itself makes the "
            "inequality true, that is for 'or equal to'."
        ),
        "wrong_direction": (
            "Check the direction: read the inequality with $x$ first, then the arrow "
            "points towards the numbers that are bigger or smaller as it says."
        ),
        "wrong_circle_and_direction": (
            "Both the circle and the arrow are off. Read the inequality with $x$ first, "
            "then decide whether the number itself is included."
        ),
    }
    return shuffled_choice_variant(
        rng,
        prompt=f"Which picture on a number line shows ${shown}$?",
        params={"n": n, "sign": sign, "x_first": x_first},
        choices=choices,
        solution=solution,
        messages=messages,
    )


@family("whole_numbers_satisfying_an_inequality")
def whole_numbers_satisfying_an_inequality(rng: np.random.Generator) -> Variant:
    """How many whole numbers in a range make x < n, x <= n, x > n or x >= n true."""
    low = draw(rng, -10, 0)
    high = low + draw(rng, 8, 16)
    n = draw(rng, low + 2, high - 2)
    sign = pick(rng, tuple(_SIGNS))
    holds = {
        "<": lambda x: x < n,
        ">": lambda x: x > n,
        "<=": lambda x: x <= n,
        ">=": lambda x: x >= n,
    }[sign]
    value = sum(1 for x in range(low, high + 1) if holds(x))
    closed = "=" in sign
    if ">" in sign:
        first, last = (n if closed else n + 1), high
    else:
        first, last = low, (n if closed else n - 1)
    prompt = (
        f"How many integers from ${low}$ to ${high}$ (both included) make "
        f"$x {_SIGNS[sign]} {n}$ true? {WHOLE}"
    )
    solution = (
        f"On a number line, ${n}$ itself "
        + ("counts (closed circle)" if closed else "does not count (open circle)")
        + f", and the arrow points {'right' if '>' in sign else 'left'}. The numbers that "
        f"work run from ${first}$ to ${last}$: that is ${last} - {signed(first)} + 1 = "
        f"{value}$ numbers."
    )
    mistakes = {
        "wrong_about_the_boundary": (
            value - 1 if closed else value + 1,
            "Check the boundary number itself: it counts only for 'or equal to'.",
        ),
        "counted_the_other_side": (
            (high - low + 1) - value,
            "Those are the numbers that make it false. Read the inequality with $x$ "
            "first: the arrow points the way the symbol says $x$ goes.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"low": low, "high": high, "n": n, "sign": sign},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


# ---------------------------------------------------------- 183. laws of exponents


@family("product_and_quotient_of_powers")
def product_and_quotient_of_powers(rng: np.random.Generator) -> Variant:
    """The exponent of a^m a^n / a^p written as one power of a."""
    base = pick(rng, ("x", "a", "y", "2", "3", "5"))
    m, n = draw(rng, 2, 9), draw(rng, 2, 9)
    p = draw(rng, 2, m + n - 1)
    value = m + n - p
    prompt = (
        f"Write $\\frac{{{base}^{{{m}}} \\cdot {base}^{{{n}}}}}{{{base}^{{{p}}}}}$ as a "
        f"single power of ${base}$. What is its exponent? {WHOLE}"
    )
    solution = (
        f"Multiplying powers of the same base adds the exponents: ${base}^{{{m}}} \\cdot "
        f"{base}^{{{n}}} = {base}^{{{m + n}}}$. Dividing subtracts them: ${m + n} - {p} = "
        f"{value}$, so the result is ${base}^{{{value}}}$."
    )
    mistakes = {
        "multiplied_the_exponents": (
            m * n - p,
            "When powers of the same base are multiplied, the exponents are added, not "
            "multiplied: count the factors of the base on top.",
        ),
    }
    if (m + n) % p == 0:
        mistakes["divided_the_exponents"] = (
            (m + n) // p,
            "Dividing powers of the same base subtracts the exponents: each factor below "
            "cancels one factor above.",
        )
    return integer_variant(
        prompt=prompt,
        params={"base": base, "m": m, "n": n, "p": p},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


@family("power_of_a_monomial")
def power_of_a_monomial(rng: np.random.Generator) -> Variant:
    """(c x^a)^n = c^n x^(an): the coefficient and the exponent."""
    c, a, n = draw(rng, 2, 5), draw(rng, 2, 6), draw(rng, 2, 3)
    value = (c**n, a * n)
    prompt = (
        f"Simplify $({c}x^{{{a}}})^{{{n}}}$ to the form $kx^m$. Give $k$ and $m$ as two "
        f"whole numbers, $k$ first."
    )
    factors = " \\cdot ".join([f"{c}x^{{{a}}}"] * n)
    solution = (
        f"Raising to the power {n} uses the whole bracket {n} times: ${factors}$. The "
        f"numbers give ${c}^{{{n}}} = {c**n}$ and the powers of $x$ add up to "
        f"${' + '.join([str(a)] * n)} = {a * n}$, so the result is ${c**n}x^{{{a * n}}}$."
    )
    mistakes = {
        "left_the_coefficient": (
            (c, a * n),
            "The power applies to everything inside the bracket, the number too. Raise the "
            "coefficient to the power as well.",
        ),
        "added_the_exponents": (
            (c**n, a + n),
            "A power of a power multiplies the exponents: the bracket is used as a factor "
            "again and again, so its exponent is counted that many times.",
        ),
    }
    return values_variant(
        prompt=prompt,
        params={"c": c, "a": a, "n": n},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


# ---------------------------------------------- 184. writing equations from word problems

_PLANS = (
    ("A gym", "to join", "a month", "months", "m"),
    ("A phone plan", "to connect", "per gigabyte of data", "gigabytes", "g"),
    ("A car hire", "as a booking charge", "a day", "days", "d"),
    ("A climbing wall", "for shoes", "per climb", "climbs", "c"),
)


@family("equation_from_a_story")
def equation_from_a_story(rng: np.random.Generator) -> Variant:
    """The equation for a one-off charge plus a rate, with the total known."""
    who, once, rate_words, units, letter = pick(rng, _PLANS)
    fee, rate = draw(rng, 2, 12) * 5, draw(rng, 3, 20)
    count = draw(rng, 2, 12)
    total = fee + rate * count
    prompt = (
        f"{who} charges {fee} dollars {once} plus {rate} dollars {rate_words}. Sam paid "
        f"{total} dollars in all. Which equation gives the number of {units} ${letter}$?"
    )
    choices = {
        "right": f"${fee} + {rate}{letter} = {total}$",
        "charged_the_fee_each_time": f"$({fee} + {rate}){letter} = {total}$",
        "swapped_fee_and_rate": f"${rate} + {fee}{letter} = {total}$",
        "subtracted_the_fee": f"${rate}{letter} - {fee} = {total}$",
    }
    solution = (
        f"The unknown is the number of {units}, ${letter}$. They cost ${rate}{letter}$ "
        f"dollars, and the {fee} dollars is paid once, so the total is ${fee} + "
        f"{rate}{letter}$, which must equal {total}: ${fee} + {rate}{letter} = {total}$. "
        f"(It is true for ${letter} = {count}$: ${fee} + {rate} \\times {count} = {total}$.)"
    )
    messages = {
        "charged_the_fee_each_time": (
            "That charges the one-off amount again for every unit. Only the rate is "
            "multiplied by the unknown."
        ),
        "swapped_fee_and_rate": (
            "The amount that repeats must multiply the unknown, and the amount paid once "
            "stands alone. Check which is which in the story."
        ),
        "subtracted_the_fee": (
            "The one-off charge is part of what was paid, so it is added to the cost of "
            "the units, not taken away."
        ),
    }
    return shuffled_choice_variant(
        rng,
        prompt=prompt,
        params={"fee": fee, "rate": rate, "total": total, "units": units},
        choices=choices,
        solution=solution,
        messages=messages,
    )


# ------------------------------------------- 185. adding and subtracting polynomials


@family("subtract_polynomials")
def subtract_polynomials(rng: np.random.Generator) -> Variant:
    """(ax^2 + bx + c) - (dx^2 + ex + f): the coefficients of the difference."""
    first = [_nonzero(rng, -9, 9) for _ in range(3)]
    second = [_nonzero(rng, -9, 9) for _ in range(3)]
    value = tuple(p - q for p, q in zip(first, second, strict=True))
    prompt = (
        f"Simplify $({polynomial(first)}) - ({polynomial(second)})$ to the form "
        f"$ax^2 + bx + c$. Give $a$, $b$ and $c$ as whole numbers in that order (a missing "
        f"term has coefficient 0)."
    )
    solution = (
        f"Subtracting the bracket changes the sign of every term in it: "
        f"${polynomial(first)} {term(-second[0], 'x^2')} "
        + f"{term(-second[1], 'x')} {term(-second[2])}$. Combine like terms: "
        f"$x^2$: ${first[0]} {term(-second[0])} = {value[0]}$; $x$: ${first[1]} "
        f"{term(-second[1])} = {value[1]}$; numbers: ${first[2]} {term(-second[2])} = "
        f"{value[2]}$. So the result is ${polynomial(list(value))}$."
    )
    mistakes = {
        "changed_only_the_first_sign": (
            (first[0] - second[0], first[1] + second[1], first[2] + second[2]),
            "The minus in front of the bracket applies to every term inside it, not just "
            "the first. Change the sign of each one before combining.",
        ),
        "added_instead": (
            tuple(p + q for p, q in zip(first, second, strict=True)),
            "The two polynomials were added. Subtracting means changing the sign of every "
            "term of the second one, then combining.",
        ),
    }
    return values_variant(
        prompt=prompt,
        params={"first": first, "second": second},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


@family("degree_after_cancelling")
def degree_after_cancelling(rng: np.random.Generator) -> Variant:
    """The degree of a sum or difference in which the leading terms cancel."""
    top = draw(rng, 3, 5)
    lead = _nonzero(rng, -6, 6)
    drop = draw(rng, 1, top - 1)  # the degree left
    first = [0] * (top + 1)
    second = [0] * (top + 1)
    first[0], second[0] = lead, lead
    for k in range(1, top + 1):
        first[k], second[k] = draw(rng, -5, 5), draw(rng, -5, 5)
    for k in range(1, top - drop):
        second[k] = first[k]
    while first[top - drop] == second[top - drop]:
        second[top - drop] = draw(rng, -5, 5)
    diff = [p - q for p, q in zip(first, second, strict=True)]
    value = next(top - i for i, c in enumerate(diff) if c)
    prompt = f"What is the degree of $({polynomial(first)}) - ({polynomial(second)})$? {WHOLE}"
    solution = (
        f"Subtract term by term: the result is ${polynomial(diff)}$. The $x^{{{top}}}$ "
        f"terms cancel, so the degree is the highest power left, {value}."
    )
    mistakes = {
        "kept_the_cancelled_degree": (
            top,
            "The highest powers cancel when you subtract. Work out the difference first, "
            "then read the highest power whose coefficient is not zero.",
        ),
        "counted_the_terms": (
            sum(1 for c in diff if c),
            "The degree is the largest exponent, not the number of terms.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"first": first, "second": second},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


# ------------------------------------------------------------ 186. binary numbers


@family("binary_to_decimal")
def binary_to_decimal(rng: np.random.Generator) -> Variant:
    """A binary numeral of 5 to 7 digits read as an ordinary number."""
    n = draw(rng, 17, 127)
    digits = format(n, "b")
    places = [2 ** (len(digits) - 1 - i) for i in range(len(digits))]
    used = [str(p) for p, d in zip(places, digits, strict=True) if d == "1"]
    prompt = f"What number is ${digits}_2$ written in base ten? {WHOLE}"
    solution = (
        f"Place values double from the right: $1, 2, 4, 8, \\dots$. Read from the left, "
        f"the {len(digits)} digits here stand in the places {', '.join(map(str, places))}. "
        f"Add the places that hold a 1: "
        f"${' + '.join(used)} = {n}$."
    )
    reversed_value = int(digits[::-1], 2)
    mistakes = {
        "read_from_the_left": (
            reversed_value,
            "The smallest place, worth 1, is the rightmost digit. Number the places from "
            "the right.",
        ),
        "counted_the_ones": (
            digits.count("1"),
            "Each 1 is worth its place value, a power of 2, not just one. Add the place "
            "values of the digits that are 1.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"digits": digits},
        value=n,
        solution=solution,
        mistakes=mistakes,
    )


@family("values_with_binary_digits")
def values_with_binary_digits(rng: np.random.Generator) -> Variant:
    """How many different values n binary digits can hold, or the largest of them."""
    n = draw(rng, 3, 12)
    largest = bool(rng.random() < 0.5)
    if largest:
        value = 2**n - 1
        prompt = f"What is the largest number that {n} binary digits can write? {WHOLE}"
        solution = (
            f"The largest is {n} ones, which adds every place: "
            f"$2^{{{n}}} - 1 = {value}$, one less than the next place value $2^{{{n}}}$."
        )
        mistakes = {
            "gave_the_count": (
                2**n,
                "That is how many values there are, counting zero. The largest one is one "
                "less, because the count starts at 0.",
            ),
            "doubled_the_digits": (
                2 * n,
                "Each extra digit doubles the number of values: the digits multiply, "
                "they do not add up.",
            ),
        }
    else:
        value = 2**n
        prompt = f"How many different numbers can be written with {n} binary digits? {WHOLE}"
        twos = " \\times ".join(["2"] * n)
        solution = (
            f"Each digit has 2 choices, and the choices multiply: "
            f"${twos} = 2^{{{n}}} = {value}$, from 0 up to "
            f"{value - 1}."
        )
        mistakes = {
            "gave_the_largest": (
                2**n - 1,
                "That is the largest value, but the count also includes zero.",
            ),
            "doubled_the_digits": (
                2 * n,
                "Each extra digit doubles the number of values: the choices multiply, "
                "they do not add up.",
            ),
        }
    return integer_variant(
        prompt=prompt,
        params={"n": n, "largest": largest},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


# --------------------------------------------------------- 187. equivalent expressions


@family("equivalent_expression_choice")
def equivalent_expression_choice(rng: np.random.Generator) -> Variant:
    """Which expression equals k(x + b) - cx for every x."""
    k, b, c = draw(rng, 2, 9), _nonzero(rng, -9, 9), draw(rng, 1, 9)
    if c == k:
        c += 1
    shown = f"{k}(x {term(b)}) - {c}x" if c != 1 else f"{k}(x {term(b)}) - x"
    choices = {
        "right": f"${polynomial([k - c, k * b])}$",
        "multiplied_only_the_first_term": f"${polynomial([k - c, b])}$",
        "subtracted_the_wrong_way": f"${polynomial([c - k, k * b])}$",
        "added_the_x_term": f"${polynomial([k + c, k * b])}$",
    }
    solution = (
        f"Distribute {k} over both terms in the bracket: ${k}(x {term(b)}) = "
        f"{polynomial([k, k * b])}$. Then combine the $x$ terms: ${k} - {c} = {k - c}$, "
        f"giving ${polynomial([k - c, k * b])}$. Check with $x = 1$: ${k}(1 {term(b)}) - "
        f"{c} = {k * (1 + b) - c}$ and ${k - c} {term(k * b)} = {k - c + k * b}$."
    )
    messages = {
        "multiplied_only_the_first_term": (
            "The number in front of the bracket multiplies every term inside it, the "
            "number term too."
        ),
        "subtracted_the_wrong_way": (
            "The $x$ terms were subtracted in the wrong order. Take the second $x$ term "
            "away from the first, keeping its minus sign."
        ),
        "added_the_x_term": (
            "The minus sign in front of the last term was lost. That $x$ term is taken "
            "away, so its coefficient counts as negative."
        ),
    }
    return shuffled_choice_variant(
        rng,
        prompt=f"Which expression is equivalent to ${shown}$ for every value of $x$?",
        params={"k": k, "b": b, "c": c},
        choices=choices,
        solution=solution,
        messages=messages,
    )


@family("expand_and_simplify")
def expand_and_simplify(rng: np.random.Generator) -> Variant:
    """k(ax + b) + cx + d rewritten as the equivalent px + q."""
    k, a = draw(rng, 2, 6), draw(rng, 1, 5)
    b, c, d = _nonzero(rng, -9, 9), _nonzero(rng, -9, 9), _nonzero(rng, -9, 9)
    value = (k * a + c, k * b + d)
    inner = polynomial([a, b])
    prompt = (
        f"Write ${k}({inner}) {term(c, 'x')} {term(d)}$ as an equivalent expression of the "
        f"form $px + q$. Give $p$ and $q$ as two whole numbers, $p$ first."
    )
    solution = (
        f"Distribute {k} to both terms in the bracket: ${k}({inner}) = "
        f"{polynomial([k * a, k * b])}$. Then combine like terms: ${k * a} {term(c)} = "
        f"{value[0]}$ and ${k * b} {term(d)} = {value[1]}$. So the expression is "
        f"${polynomial(list(value))}$, with $p = {value[0]}$ and $q = {value[1]}$."
    )
    mistakes = {
        "multiplied_only_the_first_term": (
            (k * a + c, b + d),
            "The number in front of the bracket multiplies every term inside it, the "
            "number term too.",
        ),
        "added_the_outside_number": (
            (a + c, k + b + d),
            "A number written against a bracket multiplies it; it is not added. Multiply "
            "each term inside by it.",
        ),
    }
    return values_variant(
        prompt=prompt,
        params={"k": k, "a": a, "b": b, "c": c, "d": d},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


# ---------------------------------------------------------- 188. one-step equations


@family("solve_one_step_equation")
def solve_one_step_equation(rng: np.random.Generator) -> Variant:
    """x + a = b, x - a = b, ax = b or x / a = b, solved with the inverse operation."""
    shape = pick(rng, ("add", "subtract", "multiply", "divide"))
    x = _nonzero(rng, -15, 15)
    a = draw(rng, 2, 12)
    if shape == "add":
        b, equation, undo = x + a, f"x + {a}", f"subtract {a} from both sides"
        work, slip = f"{x + a} - {a}", x + 2 * a
    elif shape == "subtract":
        b, equation, undo = x - a, f"x - {a}", f"add {a} to both sides"
        work, slip = f"{signed(x - a)} + {a}", x - 2 * a
    elif shape == "multiply":
        b, equation, undo = a * x, f"{a}x", f"divide both sides by {a}"
        work, slip = f"{a * x} \\div {a}", a * a * x
    else:
        b = a * _nonzero(rng, -3, 3)
        equation, undo = f"\\frac{{x}}{{{a}}}", f"multiply both sides by {a}"
        x = b * a
        work, slip = f"{signed(b)} \\times {a}", b // a
    prompt = f"Solve ${equation} = {b}$. {WHOLE}"
    solution = (
        f"To leave $x$ alone, undo what was done to it: {undo}. $x = {work} = {x}$. "
        f"Check: putting {x} back in makes the equation true."
    )
    mistakes = {
        "did_the_same_operation": (
            slip,
            "You did the same operation again instead of undoing it. Use the inverse "
            "operation on both sides.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"shape": shape, "a": a, "b": b},
        value=x,
        solution=solution,
        mistakes=mistakes,
    )


# ----------------------------------------------- 189. simplifying radical expressions

_SQUAREFREE = (2, 3, 5, 6, 7, 10, 11, 13, 14, 15)


@family("simplify_a_square_root")
def simplify_a_square_root(rng: np.random.Generator) -> Variant:
    """sqrt(n) as a sqrt(b) with b free of square factors."""
    a, b = draw(rng, 2, 9), pick(rng, _SQUAREFREE)
    n = a * a * b
    prompt = (
        f"Write $\\sqrt{{{n}}}$ in the form $a\\sqrt{{b}}$ with $b$ as small as possible. "
        f"Give $a$ and $b$ as two whole numbers, $a$ first."
    )
    solution = (
        f"The largest perfect square that divides {n} is ${a * a} = {a}^2$, and "
        f"${n} = {a * a} \\times {b}$. So $\\sqrt{{{n}}} = \\sqrt{{{a * a}}} \\times "
        f"\\sqrt{{{b}}} = {a}\\sqrt{{{b}}}$: $a = {a}$, $b = {b}$."
    )
    mistakes = {
        "took_out_the_square_itself": (
            (a * a, b),
            "The perfect square comes out of the root as its square root, not as itself.",
        ),
    }
    smaller = [d for d in range(2, a) if a % d == 0]
    if smaller:
        d = smaller[0]
        mistakes["stopped_too_early"] = (
            (d, (a // d) ** 2 * b),
            "There is still a perfect square factor under the root. Take out the largest "
            "square that divides the number, or keep going until none is left.",
        )
    hint = f"Try the perfect squares in turn and keep the largest that divides {n}."
    return values_variant(
        prompt=prompt,
        params={"n": n},
        value=(a, b),
        solution=solution,
        mistakes=mistakes,
        hint=hint,
    )


@family("rationalise_a_denominator")
def rationalise_a_denominator(rng: np.random.Generator) -> Variant:
    """m / sqrt(b) with m a multiple of b, written as a sqrt(b)."""
    b = pick(rng, (2, 3, 5, 6, 7, 10, 11))
    a = draw(rng, 2, 9)
    m = a * b
    prompt = (
        f"Rationalise the denominator: write $\\frac{{{m}}}{{\\sqrt{{{b}}}}}$ in the form "
        f"$a\\sqrt{{b}}$. Give $a$ and $b$ as two whole numbers, $a$ first."
    )
    solution = (
        f"Multiply top and bottom by $\\sqrt{{{b}}}$, which is multiplying by 1: "
        f"$\\frac{{{m}\\sqrt{{{b}}}}}{{\\sqrt{{{b}}} \\times \\sqrt{{{b}}}}} = "
        f"\\frac{{{m}\\sqrt{{{b}}}}}{{{b}}} = {a}\\sqrt{{{b}}}$, since ${m} \\div {b} = {a}$."
    )
    mistakes = {
        "multiplied_only_the_top": (
            (m, b),
            "Multiplying only the top changes the value. Multiply top and bottom by the "
            "same root, then divide by what the bottom becomes.",
        ),
    }
    hint = "Multiply the top and the bottom by the root in the denominator, then divide."
    return values_variant(
        prompt=prompt,
        params={"m": m, "b": b},
        value=(a, b),
        solution=solution,
        mistakes=mistakes,
        hint=hint,
    )


# ----------------------------------------------- 190. tables of values for expressions


@family("where_two_expressions_agree")
def where_two_expressions_agree(rng: np.random.Generator) -> Variant:
    """The x at which two linear expressions, tabled side by side, take the same value."""
    while True:
        a1, a2 = draw(rng, 1, 6), draw(rng, 1, 6)
        if a1 != a2:
            break
    x = draw(rng, 1, 6)
    b1 = draw(rng, -5, 10)
    b2 = (a1 - a2) * x + b1
    xs = list(range(0, 7))
    rows = "\n".join(f"| {t} | {a1 * t + b1} | {a2 * t + b2} |" for t in xs)
    left, right = polynomial([a1, b1]), polynomial([a2, b2])
    shared = a1 * x + b1
    prompt = (
        f"Fill in a table of ${left}$ and ${right}$ for $x = 0, 1, 2, \\dots, 6$. For which "
        f"value of $x$ do the two expressions give the same value? {WHOLE}"
    )
    solution = (
        f"| $x$ | ${left}$ | ${right}$ |\n| --- | --- | --- |\n{rows}\n\nThe two columns "
        f"match in the row $x = {x}$, where both are {shared}."
    )
    mistakes = {
        "gave_the_shared_value": (
            shared,
            "That is the value both expressions take. The question asks for the input, "
            "the $x$ in that row.",
        ),
    }
    hint = (
        f"Work out ${left}$ and ${right}$ for $x = 0$, then $x = 1$, and so on, and look "
        f"for the row where the two agree."
    )
    return integer_variant(
        prompt=prompt,
        params={"a1": a1, "b1": b1, "a2": a2, "b2": b2},
        value=x,
        solution=solution,
        mistakes=mistakes,
        hint=hint,
    )


# ------------------------------------------------ 191. zero and negative exponents


@family("negative_power_as_a_fraction")
def negative_power_as_a_fraction(rng: np.random.Generator) -> Variant:
    """a^(-n) (or a fraction to a negative power) written as an exact fraction."""
    base = pick(
        rng,
        (
            Fraction(2),
            Fraction(3),
            Fraction(4),
            Fraction(5),
            Fraction(10),
            Fraction(2, 3),
            Fraction(1, 2),
            Fraction(3, 4),
        ),
    )
    n = draw(rng, 1, 4) if base.denominator == 1 else draw(rng, 1, 3)
    value = base**-n
    shown = frac(base) if base.denominator == 1 else f"\\left({frac(base)}\\right)"
    prompt = f"Write ${shown}^{{-{n}}}$ as a fraction in lowest terms (or a whole number)."
    over = f"\\frac{{1}}{{{frac(base**n)}}}"
    if base.denominator != 1:
        over += f" = {frac(value)}"
    solution = (
        f"A negative exponent means the reciprocal of the positive power: ${shown}^{{-{n}}} "
        f"= \\frac{{1}}{{{shown}^{{{n}}}}} = {over}$."
    )
    mistakes = {
        "made_it_negative": (
            -(base**n),
            "A negative exponent does not make the number negative. It means one over the "
            "positive power.",
        ),
        "multiplied_by_the_exponent": (
            base * -n,
            "An exponent counts factors; it does not multiply the base. Write the positive "
            "power first, then take its reciprocal.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"base": str(base), "n": n},
        value=value,
        solution=solution,
        mistakes=mistakes,
        form="lowest_terms",
    )


@family("quotient_to_a_zero_or_negative_power")
def quotient_to_a_zero_or_negative_power(rng: np.random.Generator) -> Variant:
    """a^m / a^n with n >= m, by the quotient rule, as an exact value."""
    a = draw(rng, 2, 6)
    m = draw(rng, 2, 6)
    n = m + draw(rng, 0, 3)
    value = Fraction(a) ** (m - n)
    prompt = (
        f"Use the quotient rule to find the value of $\\frac{{{a}^{{{m}}}}}{{{a}^{{{n}}}}}$ "
        f"as a fraction in lowest terms (or a whole number)."
    )
    power = f"{a}^{{{m - n}}}"
    if m == n:
        ending = "and any nonzero number to the power 0 is 1, since top and bottom are equal"
        mistakes = {
            "zero_power_as_zero": (
                Fraction(0),
                "A power of 0 is 1, not 0: the top and bottom are the same number, and any "
                "nonzero number divided by itself is 1.",
            ),
            "kept_the_base": (
                Fraction(a),
                "Nothing is left once every factor on top cancels one below; that is a "
                "power of 0, which is 1, not the base itself.",
            ),
        }
    else:
        ending = f"which is $\\frac{{1}}{{{a}^{{{n - m}}}}} = {frac(value)}$"
        mistakes = {
            "subtracted_the_wrong_way": (
                Fraction(a) ** (n - m),
                "Subtract the bottom exponent from the top one. The bottom is the larger "
                "power here, so the result is less than 1.",
            ),
            "made_it_negative": (
                -(Fraction(a) ** (n - m)),
                "A negative exponent does not make the number negative. It means one over "
                "the positive power.",
            ),
        }
    solution = (
        f"Subtract the exponents: ${m} - {n} = {m - n}$, so the quotient is ${power}$, "
        f"{ending}: the value is ${frac(value)}$."
    )
    return exact_variant(
        prompt=prompt,
        params={"a": a, "m": m, "n": n},
        value=value,
        solution=solution,
        mistakes=mistakes,
        form="lowest_terms",
    )


# ---------------------------------------------------------------- 192. binary trees


@family("nodes_of_a_perfect_binary_tree")
def nodes_of_a_perfect_binary_tree(rng: np.random.Generator) -> Variant:
    """Nodes or leaves of a perfect binary tree whose leaves are all at depth d."""
    d = draw(rng, 2, 9)
    leaves = bool(rng.random() < 0.4)
    if leaves:
        value = 2**d
        ask = "How many leaves does it have?"
        solution = (
            f"Each level has twice as many nodes as the one above: 1 root, then 2, 4, "
            f"and so on, so level {d} has $2^{{{d}}} = {value}$ nodes, and those are the "
            f"leaves."
        )
        mistakes = {
            "doubled_the_depth": (
                2 * d,
                "The number of nodes doubles at each level, so the depths multiply twos "
                "together: one factor of 2 per level.",
            ),
            "counted_every_node": (
                2 ** (d + 1) - 1,
                "That counts every node, inner ones too. The leaves are only the nodes on "
                "the bottom level.",
            ),
        }
    else:
        value = 2 ** (d + 1) - 1
        ask = "How many nodes does it have in all, leaves included?"
        levels = " + ".join(str(2**k) for k in range(d + 1))
        solution = (
            f"Level $k$ holds $2^k$ nodes, so the total is ${levels} = 2^{{{d + 1}}} - 1 = "
            f"{value}$."
        )
        mistakes = {
            "counted_only_the_leaves": (
                2**d,
                "That is the bottom level alone. Add the nodes of every level, from the root down.",
            ),
            "one_level_too_many": (
                2 ** (d + 2) - 1,
                "The root is at depth 0, so a tree of depth d has d + 1 levels, not d + 2.",
            ),
        }
    prompt = (
        f"A perfect binary tree has every inner node with exactly two children and all its "
        f"leaves at depth {d} (the root is at depth 0). {ask} {WHOLE}"
    )
    return integer_variant(
        prompt=prompt,
        params={"depth": d, "leaves": leaves},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


@family("depth_for_enough_leaves")
def depth_for_enough_leaves(rng: np.random.Generator) -> Variant:
    """The least depth of a binary tree with at least n leaves: the bits to label n things."""
    n = draw(rng, 5, 200)
    while n & (n - 1) == 0:
        n = draw(rng, 5, 200)
    value = (n - 1).bit_length()
    prompt = (
        f"Each of {n} symbols must get its own leaf in a binary tree, and the path from the "
        f"root to a leaf (0 for left, 1 for right) is the symbol's code. What is the least "
        f"depth the tree needs if every code has the same length? {WHOLE}"
    )
    solution = (
        f"A tree of depth $d$ has at most $2^d$ leaves. $2^{{{value - 1}}} = "
        f"{2 ** (value - 1)}$ is fewer than {n}, and $2^{{{value}}} = {2**value}$ is "
        f"enough, so the depth is {value}."
    )
    mistakes = {
        "rounded_down": (
            value - 1,
            "That depth gives too few leaves for every symbol. Take the smallest power of 2 "
            "that is at least the number of symbols.",
        ),
        "gave_the_leaf_count": (
            2**value,
            "That is how many leaves the tree has. The depth is the number of left-or-right "
            "choices on the way down, the length of each code.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"n": n},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


# ------------------------------------------------------------------------ 193. bits


@family("bits_to_single_out_one")
def bits_to_single_out_one(rng: np.random.Generator) -> Variant:
    """The bits learnt when one of 2^k equally likely possibilities is revealed."""
    k = draw(rng, 2, 12)
    count = 2**k
    things = pick(rng, ("cards in a deck", "squares on a board", "doors", "sealed envelopes"))
    prompt = (
        f"One of {count} {things} hides a prize, each equally likely. How many bits of "
        f"information does learning which one hides it give? {WHOLE}"
    )
    halvings = f"{count}" + "".join(f" \\to {count >> i}" for i in range(1, k + 1))
    solution = (
        f"Each fair yes-or-no question halves the possibilities: ${halvings}$ takes {k} "
        f"questions. So the answer is worth $\\log_2 {count} = {k}$ bits."
    )
    mistakes = {
        "halved_the_count": (
            count // 2,
            "A bit is one halving of the possibilities, so count how many halvings reach "
            "one, not half the number of possibilities.",
        ),
        "counted_the_possibilities": (
            count,
            "Information is measured in bits, the number of fair yes-or-no answers needed, "
            "not the number of possibilities itself.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"k": k, "things": things},
        value=k,
        solution=solution,
        mistakes=mistakes,
        unit="bits",
    )


@family("bits_of_independent_choices")
def bits_of_independent_choices(rng: np.random.Generator) -> Variant:
    """The bits of a roll of several fair dice with any number of faces, added up."""
    faces = [pick(rng, (4, 6, 8, 10, 12, 20)) for _ in range(draw(rng, 2, 3))]
    each = [math.log2(f) for f in faces]
    value = sum(each)
    named = " and ".join(f"a fair {f}-sided die" for f in faces)
    prompt = (
        f"You roll {named}, and learn every result. How many bits of information is that? "
        f"Give it to 3 significant figures."
    )
    parts = " + ".join(f"\\log_2 {f}" for f in faces)
    product = math.prod(faces)
    outcomes = " \\times ".join(map(str, faces))
    solution = (
        f"Independent answers add their bits: ${parts} = \\log_2 {product} \\approx "
        f"{value:.4g}$ bits, the same as one choice among ${outcomes} = {product}$ equally "
        f"likely outcomes."
    )
    mistakes = {
        "multiplied_the_bits": (
            math.prod(each),
            "Bits of independent answers add: the numbers of outcomes multiply, and the "
            "logarithm turns that product into a sum.",
        ),
        "added_the_faces": (
            math.log2(sum(faces)),
            "The outcomes of independent rolls combine by multiplying, not adding: every "
            "result of one die can go with every result of the other.",
        ),
    }
    return number_variant(
        prompt=prompt,
        params={"faces": faces},
        value=value,
        solution=solution,
        mistakes=mistakes,
        unit="bits",
    )


# ----------------------------------------------------------- 194. multiplying polynomials


@family("multiply_two_binomials")
def multiply_two_binomials(rng: np.random.Generator) -> Variant:
    """(px + a)(qx + b) = pq x^2 + (pb + qa) x + ab, every term times every term."""
    p, q = draw(rng, 1, 4), draw(rng, 1, 4)
    a, b = _nonzero(rng, -9, 9), _nonzero(rng, -9, 9)
    value = (p * q, p * b + q * a, a * b)
    first, second = polynomial([p, a]), polynomial([q, b])
    prompt = (
        f"Expand $({first})({second})$ to the form $Ax^2 + Bx + C$. Give $A$, $B$ and $C$ "
        f"as whole numbers in that order."
    )
    solution = (
        f"Multiply every term of the first bracket by every term of the second: "
        f"${term(p, 'x', first=True)} \\cdot {term(q, 'x', first=True)} = "
        f"{term(p * q, 'x^2', first=True)}$, ${term(p, 'x', first=True)} \\cdot {signed(b)} "
        f"= {term(p * b, 'x', first=True)}$, ${signed(a)} \\cdot "
        f"{term(q, 'x', first=True)} = {term(q * a, 'x', first=True)}$ and ${signed(a)} "
        f"\\cdot {signed(b)} = {a * b}$. The two middle terms combine: "
        f"${polynomial(list(value))}$, so $A = {value[0]}$, $B = {value[1]}$, "
        f"$C = {value[2]}$."
    )
    mistakes = {
        "multiplied_first_and_last_only": (
            (p * q, 0, a * b),
            "Each term of one bracket multiplies each term of the other: four products, "
            "and the two middle ones make the $x$ term.",
        ),
        "added_the_constants": (
            (p * q, p * b + q * a, a + b),
            "The number terms are multiplied together, not added, like every other pair.",
        ),
    }
    return values_variant(
        prompt=prompt,
        params={"p": p, "q": q, "a": a, "b": b},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


@family("special_product")
def special_product(rng: np.random.Generator) -> Variant:
    """(x + a)^2 or (x + a)(x - a), expanded."""
    a = draw(rng, 2, 12)
    sign = pick(rng, (1, -1))
    if rng.random() < 0.5:
        shape = "square"
        c = sign * a
        shown = f"({polynomial([1, c])})^2"
        value = (1, 2 * c, c * c)
        solution = (
            f"$(x {term(c)})^2 = (x {term(c)})(x {term(c)})$: $x^2$, two middle terms "
            f"of ${c}x$ each, and $({c})^2 = {c * c}$. So it is ${polynomial(list(value))}$, "
            f"$A = 1$, $B = {2 * c}$, $C = {c * c}$."
        )
        mistakes = {
            "squared_each_term": (
                (1, 0, c * c),
                "Squaring a sum is not squaring each term: write the bracket twice and "
                "multiply every term by every term, which gives a middle term too.",
            ),
        }
    else:
        shape = "difference"
        shown = f"(x + {a})(x - {a})"
        value = (1, 0, -a * a)
        solution = (
            f"The middle terms ${a}x$ and $-{a}x$ cancel, leaving $x^2 - {a * a}$: "
            f"$A = 1$, $B = 0$, $C = {-a * a}$."
        )
        mistakes = {
            "wrong_sign_on_the_square": (
                (1, 0, a * a),
                f"The last term is ${a} \\times (-{a})$, a positive times a negative, so "
                "it is negative.",
            ),
        }
    prompt = (
        f"Expand ${shown}$ to the form $Ax^2 + Bx + C$. Give $A$, $B$ and $C$ as whole "
        f"numbers in that order."
    )
    return values_variant(
        prompt=prompt,
        params={"shape": shape, "a": a, "sign": sign},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )
