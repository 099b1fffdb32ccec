"""Question families for band 5 of the KL plan (positions 88 to 109): multiplying by zero
and one, integers, permutations, place value, the coordinate plane, equality, squares,
subtraction, two-digit multiplication and the models of division.

Every family draws its numbers from ``rng`` and computes the answer with integers or
:class:`fractions.Fraction`; each named mistake is the value that mistake gives for the
variant's own numbers.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from practice.families import WHOLE, choice_variant, family, integer_variant, pick, signed
from practice.grader import Expected
from practice.questions import Variant


def _whole(rng: np.random.Generator, low: int, high: int, *, avoid: tuple[int, ...] = ()) -> int:
    """A whole number in ``low..high`` (both included) that is not in ``avoid``."""
    while True:
        n = int(rng.integers(low, high + 1))
        if n not in avoid:
            return n


def _variant(prompt: str, params: dict, solution: str, answer: Expected) -> Variant:
    """A variant of any answer kind; ``expected`` is the first number of the answer (0 for
    a choice)."""
    first = answer.value[0] if answer.kind == "values" else answer.value
    return Variant(
        prompt=prompt,
        params=params,
        expected=0.0 if answer.kind == "choice" else float(first),
        solution=solution,
        answer=answer,
        nonnegative=False,
    )


def _shuffled_choice(
    rng: np.random.Generator,
    *,
    prompt: str,
    params: dict,
    choices: list[tuple[str, str]],
    solution: str,
    messages: dict[str, str],
) -> Variant:
    """A choice among ``choices`` ((code, label) pairs: ``"right"`` for the right one, a
    misconception code for each other) listed in a drawn order under keys A, B, C, ...;
    ``solution`` is followed by the sentence naming the right key."""
    order = [int(i) for i in rng.permutation(len(choices))]
    listed = [choices[i] for i in order]
    keys = "ABCDEF"[: len(listed)]
    key_of = {code: key for key, (code, _) in zip(keys, listed, strict=True)}
    return choice_variant(
        prompt=prompt,
        params={**params, "order": order},
        options={key: label for key, (_, label) in zip(keys, listed, strict=True)},
        right=key_of["right"],
        solution=f"{solution} The answer is {key_of['right']}.",
        mistakes={code: (key_of[code], message) for code, message in messages.items()},
    )


def _count(n: int, noun: tuple[str, str]) -> str:
    """``n`` with the singular or plural of ``noun``: "1 bag", "3 bags"."""
    return f"{n} {noun[0] if n == 1 else noun[1]}"


# ------------------------------------------------------ 88. multiplying by zero and one

_KEPT = (
    "Adding zero leaves a number the same, but multiplying by zero does not: picture the groups. "
    "Groups with nothing in them, or no groups at all, hold nothing."
)
_ADDED_ONE = (
    "You added 1. Multiplying by 1 means one group (or groups of one): count what that group holds."
)
_GAVE_ONE = "Times 1 does not make the answer 1. One group of a number holds that whole number."


@family("zero_and_one_products")
def zero_and_one_products(rng: np.random.Generator) -> Variant:
    """A number times 0 or times 1, as a bare fact or as groups of things."""
    n = _whole(rng, 2, 99)
    by = int(rng.integers(2))  # multiply by 0 or by 1
    groups_first = bool(rng.integers(2))  # n groups of `by`, or `by` groups of n
    a, b = (n, by) if groups_first else (by, n)
    value = a * b
    thing = pick(rng, (("apple", "apples"), ("sticker", "stickers"), ("shell", "shells")))
    holder = pick(rng, (("bag", "bags"), ("box", "boxes"), ("jar", "jars"), ("tray", "trays")))
    if rng.integers(2):
        prompt = f"Work out ${a} \\times {b}$. {WHOLE}"
    elif a == 0:  # "0 bags with 72 shells in each" would speak of bags that are not there
        prompt = (
            f"Each {holder[0]} would hold {_count(b, thing)}, but there are no {holder[1]}: "
            f"0 {holder[1]}. How many {thing[1]} is that in all? The product is "
            f"${a} \\times {b}$. {WHOLE}"
        )
    else:
        prompt = (
            f"There {'is' if a == 1 else 'are'} {_count(a, holder)} with "
            f"{_count(b, thing)} {'in it' if a == 1 else 'in each'}. How many {thing[1]} is "
            f"that in all? The product is ${a} \\times {b}$. {WHOLE}"
        )
    groups = f"${a} \\times {b}$ is {_count(a, ('group', 'groups'))} of {b}"
    if by == 0:
        why = groups + (": every group is empty." if groups_first else ": there are none.")
        mistakes = {"zero_kept_the_number": (n, _KEPT)}
    else:
        why = groups + (
            f": {n} groups with one in each make {n}." if groups_first else f", which is {n}."
        )
        mistakes = {"one_added_one": (n + 1, _ADDED_ONE), "one_gave_one": (1, _GAVE_ONE)}
    rule = "Any number times 0 is 0" if by == 0 else "Any number times 1 is that number"
    solution = f"{why} {rule}, so ${a} \\times {b} = {value}$."
    return integer_variant(
        prompt=prompt, params={"a": a, "b": b}, value=value, solution=solution, mistakes=mistakes
    )


@family("zero_and_one_missing_factor")
def zero_and_one_missing_factor(rng: np.random.Generator) -> Variant:
    """The missing factor in n × ? = n or n × ? = 0."""
    n = _whole(rng, 2, 99)
    target_zero = bool(rng.integers(2))
    product = 0 if target_zero else n
    factor = 0 if target_zero else 1
    left = bool(rng.integers(2))
    equation = f"? \\times {n} = {product}" if left else f"{n} \\times ? = {product}"
    prompt = f"What number goes in place of the ? in ${equation}$? {WHOLE}"
    shown = f"{factor} \\times {n}" if left else f"{n} \\times {factor}"
    if target_zero:
        solution = (
            f"A product is 0 only when there is nothing to count: zero groups, or groups "
            f"of nothing. So the missing factor is {factor}: ${shown} = 0$."
        )
        mistakes = {}
    else:
        solution = (
            f"One group of {n} (or {n} groups of one) makes {n}, and no other factor keeps "
            f"{n} the same. So the missing factor is {factor}: ${shown} = {n}$."
        )
        mistakes = {
            "zero_as_identity": (
                0,
                "Adding zero keeps a number the same, but here the number is multiplied. "
                "Check your answer: what is the product of your number and the other factor?",
            )
        }
    params = {"n": n, "product": product, "left": left}
    return integer_variant(
        prompt=prompt, params=params, value=factor, solution=solution, mistakes=mistakes
    )


# --------------------------------------------------------------- 89. multiplying integers


def _nonzero(rng: np.random.Generator, size: int) -> int:
    """A nonzero integer between ``-size`` and ``size``."""
    return _whole(rng, 1, size) * (-1 if rng.integers(2) else 1)


def _sign_reason(factors: list[int]) -> str:
    negatives = sum(f < 0 for f in factors)
    parity = "even" if negatives % 2 == 0 else "odd"
    sign = "positive" if negatives % 2 == 0 else "negative"
    count = _count(negatives, ("negative factor", "negative factors"))
    return f"There are {count}, an {parity} number, so the product is {sign}"


@family("integer_product")
def integer_product(rng: np.random.Generator) -> Variant:
    """The product of two integers, at least one of them negative."""
    while True:
        a, b = _nonzero(rng, 12), _nonzero(rng, 12)
        if (a < 0 or b < 0) and abs(a) > 1 and abs(b) > 1:
            break
    value = a * b
    same = (a < 0) == (b < 0)
    expr = f"{signed(a)} \\times {signed(b)}"
    prompt = f"Work out ${expr}$. {WHOLE}"
    solution = (
        f"The sizes multiply to ${abs(a)} \\times {abs(b)} = {abs(value)}$. The signs are "
        f"{'the same' if same else 'different'}, so the product is "
        f"{'positive' if same else 'negative'}: ${expr} = {value}$."
    )
    wrong_sign = (
        "Two negative factors give a positive product: each negative flips the sign, and "
        "two flips bring it back."
        if same
        else "A positive times a negative is negative: think of several equal debts."
    )
    mistakes = {
        "wrong_sign_rule": (-value, wrong_sign),
        "added_instead": (
            a + b,
            "You added the two numbers. The question asks for their product: multiply the "
            "sizes, then choose the sign.",
        ),
    }
    return integer_variant(
        prompt=prompt, params={"a": a, "b": b}, value=value, solution=solution, mistakes=mistakes
    )


@family("integer_product_of_several")
def integer_product_of_several(rng: np.random.Generator) -> Variant:
    """The product of three or four small integers: the sign from counting negatives."""
    count = int(rng.integers(3, 5))
    while True:
        factors = [_nonzero(rng, 6 if count == 3 else 5) for _ in range(count)]
        if sum(f < 0 for f in factors) >= 2 and sum(abs(f) > 1 for f in factors) >= 2:
            break
    value = int(np.prod(factors))
    expr = " \\times ".join(signed(f) for f in factors)
    sizes = " \\times ".join(str(abs(f)) for f in factors)
    prompt = f"Work out ${expr}$. {WHOLE}"
    solution = (
        f"The sizes multiply to ${sizes} = {abs(value)}$. {_sign_reason(factors)}: "
        f"${expr} = {value}$."
    )
    if sum(f < 0 for f in factors) % 2 == 0:
        code, message = (
            "any_negative_makes_negative",
            "A negative factor does not make the whole product negative: each one flips the "
            "sign, so an even number of them flip it back to positive.",
        )
    else:
        code, message = (
            "lost_a_negative",
            "Count the negative factors again, every one of them: each flips the sign, and "
            "an odd number of flips leaves the product negative.",
        )
    mistakes = {code: (-value, message)}
    return integer_variant(
        prompt=prompt,
        params={"factors": factors},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


# ------------------------------------------------------ 90. permutations and factorials


def _falling(n: int, k: int) -> list[int]:
    """The factors ``n, n-1, ..., n-k+1`` of an ordered selection."""
    return list(range(n, n - k, -1))


def _times(factors) -> str:
    return " \\times ".join(str(f) for f in factors)


@family("arrangements_factorial")
def arrangements_factorial(rng: np.random.Generator) -> Variant:
    """The number of orders of n different objects, n!."""
    n = _whole(rng, 4, 9)
    things, place = pick(
        rng,
        (
            ("different books", "stand on a shelf"),
            ("children", "stand in a line"),
            ("different songs", "be played one after another"),
            ("runners", "finish a race (with no ties)"),
        ),
    )
    value = math.factorial(n)
    prompt = f"In how many different orders can {n} {things} {place}? {WHOLE}"
    solution = (
        f"Fill the positions one at a time: {n} choices for the first, {n - 1} for the "
        f"second, and so on down to 1 for the last. So the number of orders is "
        f"${n}! = {_times(range(n, 0, -1))} = {value}$."
    )
    mistakes = {
        "repeats_allowed": (
            n**n,
            "That count lets the same one fill several positions. Once a position is "
            "filled, one fewer is left for the next.",
        ),
        "one_position_short": (
            math.factorial(n - 1),
            "One position is missing from your product: there are as many factors as "
            "objects, from the number of objects down to 1.",
        ),
        "added_instead": (
            n * (n + 1) // 2,
            "You added the choices. Each choice for one position goes with every choice "
            "for the next, so the numbers of choices multiply.",
        ),
    }
    return integer_variant(
        prompt=prompt, params={"n": n}, value=value, solution=solution, mistakes=mistakes
    )


@family("ordered_selections")
def ordered_selections(rng: np.random.Generator) -> Variant:
    """Ordered selections of k from n different people, n!/(n-k)!."""
    n = _whole(rng, 5, 12)
    k = _whole(rng, 2, 4)
    story = {
        2: f"A team of {n} players chooses a captain and a vice-captain, two different players.",
        3: f"A club of {n} members elects a president, a secretary and a treasurer, three "
        "different members.",
        4: f"In a contest with {n} entrants, a first, a second, a third and a fourth prize "
        "go to four different entrants.",
    }[k]
    prompt = f"{story} In how many ways can this be done? {WHOLE}"
    factors = _falling(n, k)
    value = math.perm(n, k)
    solution = (
        f"The first position has {n} choices and the second {n - 1}"
        + ("" if k == 2 else f", and so on for {k} positions")
        + f": ${_times(factors)} = {value}$. In factorial form this is "
        f"$\\frac{{{n}!}}{{{n - k}!}} = {value}$."
    )
    mistakes = {
        "order_ignored": (
            math.comb(n, k),
            "You divided out the orders, but here the positions are different: swapping "
            "two people's roles gives a different outcome, so the order counts.",
        ),
        "repeats_allowed": (
            n**k,
            "That count lets one person take several positions. Each position has one "
            "choice fewer than the one before.",
        ),
        "all_arranged": (
            math.factorial(n),
            "That orders every one of them. Only some positions are filled: stop after "
            "as many factors as there are positions.",
        ),
    }
    return integer_variant(
        prompt=prompt, params={"n": n, "k": k}, value=value, solution=solution, mistakes=mistakes
    )


# ------------------------------------------------- 91. place value in multi-digit numbers

PLACE_NAMES = (
    "ones",
    "tens",
    "hundreds",
    "thousands",
    "ten thousands",
    "hundred thousands",
    "millions",
)
NO_COMMAS = "Give a whole number, typed without commas (4500, not 4,500)."
"""4500 is never a digit's value nor a ratio of two places, so the example is no answer."""


def _grouped(n: int) -> str:
    """``n`` in LaTeX with its digits grouped in threes: ``3{,}725{,}418``."""
    return f"{n:,}".replace(",", "{,}")


def _digits_with(rng: np.random.Generator, length: int, at: dict[int, int]) -> int:
    """A ``length``-digit number with digit ``at[p]`` in place ``10**p``, and digits other
    than those elsewhere (so each given digit appears only where it is put)."""
    fixed = set(at.values())
    digits = []
    for p in range(length):
        if p in at:
            digits.append(at[p])
        else:
            low = 1 if p == length - 1 else 0
            digits.append(_whole(rng, low, 9, avoid=tuple(fixed)))
    return int("".join(str(d) for d in reversed(digits)))


@family("digit_value")
def digit_value(rng: np.random.Generator) -> Variant:
    """The value of one digit of a number of up to seven digits."""
    length = _whole(rng, 5, 7)
    place = _whole(rng, 1, length - 1)
    digit = _whole(rng, 2, 9)
    n = _digits_with(rng, length, {place: digit})
    value = digit * 10**place
    prompt = f"What is the value of the digit {digit} in ${_grouped(n)}$? {NO_COMMAS}"
    counted = ", ".join(
        f"{d} {PLACE_NAMES[p] if d != '1' else PLACE_NAMES[p][:-1]}"
        for p, d in enumerate(reversed(str(n)))
        if p <= place
    )
    solution = (
        f"Count the places from the right: {counted}. So the {digit} is in the "
        f"{PLACE_NAMES[place]} place, and its value is "
        f"${digit} \\times {_grouped(10**place)} = {_grouped(value)}$, which is {value}."
    )
    mistakes = {
        "digit_alone": (
            digit,
            "That is the digit itself. Its value is the digit times the place it sits in.",
        ),
        "one_place_too_far": (
            value * 10,
            "You counted one place too many. Name the places from the right, starting with "
            "the ones, and stop at the digit.",
        ),
        "one_place_short": (
            value // 10,
            "You counted one place too few. Name the places from the right, starting with "
            "the ones, and stop at the digit.",
        ),
    }
    params = {"n": n, "digit": digit, "place": place}
    return integer_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


@family("times_as_much_place_value")
def times_as_much_place_value(rng: np.random.Generator) -> Variant:
    """How many times as much one digit is worth as the same digit further right."""
    length = _whole(rng, 5, 7)
    high = _whole(rng, 1, length - 1)
    low = _whole(rng, 0, high - 1)
    digit = _whole(rng, 1, 9)
    n = _digits_with(rng, length, {high: digit, low: digit})
    ratio = 10 ** (high - low)
    big, small = digit * 10**high, digit * 10**low
    prompt = (
        f"The digit {digit} appears twice in ${_grouped(n)}$. How many times as much is "
        f"the {digit} on the left worth as the {digit} on the right? {NO_COMMAS}"
    )
    solution = (
        f"The left {digit} is in the {PLACE_NAMES[high]} place, worth ${_grouped(big)}$; "
        f"the right one is in the {PLACE_NAMES[low]} place, worth ${_grouped(small)}$. "
        f"Each place to the left is worth ten times as much, so "
        f"${_grouped(big)} \\div {_grouped(small)} = {_grouped(ratio)}$, which is {ratio}."
    )
    mistakes = {
        "counted_places": (
            high - low,
            "That is how many places apart the digits are. Each place is ten times the "
            "next, so multiply by ten once for every place.",
        ),
        "took_the_difference": (
            big - small,
            "That is how much more the left digit is worth. The question asks how many "
            "times as much: divide instead of subtracting.",
        ),
    }
    params = {"n": n, "digit": digit, "high": high, "low": low}
    return integer_variant(
        prompt=prompt, params=params, value=ratio, solution=solution, mistakes=mistakes
    )


# ---------------------------------------------- 92. plotting points in all four quadrants

QUADRANTS = ("I", "II", "III", "IV")


def _quadrant(x: int, y: int) -> str:
    """The quadrant of a point off the axes, numbered counterclockwise from the top
    right."""
    if y > 0:
        return "I" if x > 0 else "II"
    return "III" if x < 0 else "IV"


def _moves(x: int, y: int) -> str:
    unit = ("unit", "units")
    across = f"{_count(abs(x), unit)} {'right' if x > 0 else 'left'}"
    upright = f"{_count(abs(y), unit)} {'up' if y > 0 else 'down'}"
    return f"move {across}, then {upright}"


def _point(x: int, y: int) -> str:
    return f"({x}, {y})"


@family("quadrant_of_point")
def quadrant_of_point(rng: np.random.Generator) -> Variant:
    """The quadrant a point with nonzero coordinates lies in."""
    x, y = _nonzero(rng, 9), _nonzero(rng, 9)
    right = _quadrant(x, y)
    where = {"I": "top right", "II": "top left", "III": "bottom left", "IV": "bottom right"}
    prompt = (
        f"In which quadrant is the point ${_point(x, y)}$? Answer I, II, III or IV "
        "(the quadrants are numbered counterclockwise, starting at the top right)."
    )
    solution = (
        f"From the origin, {_moves(x, y)}. The $x$-coordinate is "
        f"{'positive' if x > 0 else 'negative'} and the $y$-coordinate is "
        f"{'positive' if y > 0 else 'negative'}, so the point is at the {where[right]}: "
        f"Quadrant {right}."
    )
    alternatives, messages = {}, {}
    swapped = _quadrant(y, x)
    if swapped != right:  # II and IV: taking y first lands in the opposite one
        alternatives["coordinates_swapped"] = swapped
        messages["coordinates_swapped"] = (
            "Read the pair in order: the first number moves left or right, the second up "
            "or down. Then check the numbering, which goes counterclockwise from the top "
            "right."
        )
    answer = Expected(
        right,
        kind="choice",
        options=QUADRANTS,
        alternatives=alternatives,
        messages=messages,
    )
    return _variant(prompt, {"x": x, "y": y}, solution, answer)


@family("reflect_point_over_axis")
def reflect_point_over_axis(rng: np.random.Generator) -> Variant:
    """The image of a point reflected over the x-axis or the y-axis."""
    x, y = _nonzero(rng, 9), _nonzero(rng, 9)
    if abs(x) == abs(y):  # keep the other axis's image apart from the swapped pair
        x += 1 if x > 0 else -1
    axis = pick(rng, ("x", "y"))
    image = (x, -y) if axis == "x" else (-x, y)
    other = (-x, y) if axis == "x" else (x, -y)
    prompt = (
        f"Reflect the point ${_point(x, y)}$ over the ${axis}$-axis. What are the "
        "coordinates of its image? Type the x-coordinate, a comma, then the y-coordinate, "
        "without brackets."
    )
    keeps = "left-and-right" if axis == "x" else "up-and-down"
    changes = "y" if axis == "x" else "x"
    solution = (
        f"A reflection over the ${axis}$-axis keeps the {keeps} position and changes the "
        f"sign of the ${changes}$-coordinate only: ${_point(x, y)}$ becomes "
        f"${_point(*image)}$. So the image is {image[0]}, {image[1]}."
    )
    answer = Expected(
        tuple(Fraction(v) for v in image),
        kind="values",
        alternatives={
            "reflected_over_the_other_axis": tuple(Fraction(v) for v in other),
            "changed_both_signs": (Fraction(-x), Fraction(-y)),
        },
        messages={
            "reflected_over_the_other_axis": (
                f"That is the reflection over the other axis. The ${axis}$-axis is a mirror "
                f"that flips the point {'up or down' if axis == 'x' else 'left or right'}, "
                f"so only the ${changes}$-coordinate changes sign."
            ),
            "changed_both_signs": (
                "Changing both signs turns the point halfway round the origin. A reflection "
                "over one axis changes only one coordinate."
            ),
        },
    )
    return _variant(prompt, {"x": x, "y": y, "axis": axis}, solution, answer)


# ------------------------------------------------------------ 93. properties of equality

# operation on x -> (how the equation shows it, the step that undoes it, that step's property)
_ONE_STEP = {
    "add": ("x + {a} = {b}", "subtract {a} from both sides", "subtraction"),
    "subtract": ("x - {a} = {b}", "add {a} to both sides", "addition"),
    "multiply": ("{a}x = {b}", "divide both sides by {a}", "division"),
    "divide": ("\\frac{{x}}{{{a}}} = {b}", "multiply both sides by {a}", "multiplication"),
}

_DONE = {
    "add": "plus",
    "subtract": "minus",
    "multiply": "multiplied by",
    "divide": "divided by",
}


def _one_step(rng: np.random.Generator) -> tuple[str, int, int, int]:
    """An operation on x, its number a, the right side b and the solution x."""
    operation = pick(rng, tuple(_ONE_STEP))
    a = _whole(rng, 2, 12)
    x = _whole(rng, 2, 15, avoid=(a,))
    b = {"add": x + a, "subtract": x - a, "multiply": a * x, "divide": x}[operation]
    if operation == "divide":
        x = a * b
    return operation, a, b, x


@family("balance_one_step")
def balance_one_step(rng: np.random.Generator) -> Variant:
    """Keep the balance: undo one operation on x by doing its inverse to both sides."""
    operation, a, b, x = _one_step(rng)
    shown, step, prop = _ONE_STEP[operation]
    equation = shown.format(a=a, b=b)
    prompt = f"Solve ${equation}$ by doing the same thing to both sides. What is $x$? {WHOLE}"
    undo = {
        "add": f"{b} - {a}",
        "subtract": f"{b} + {a}",
        "multiply": f"{b} \\div {a}",
        "divide": f"{b} \\times {a}",
    }[operation]
    check = {
        "add": f"{x} + {a} = {b}",
        "subtract": f"{x} - {a} = {b}",
        "multiply": f"{a} \\times {x} = {b}",
        "divide": f"{x} \\div {a} = {b}",
    }[operation]
    solution = (
        f"To leave $x$ alone, {step.format(a=a)} (the {prop} property of equality): "
        f"${undo} = {x}$, so $x = {x}$. Check in the first equation: ${check}$."
    )
    same = {
        "add": b + a,
        "subtract": b - a,
        "multiply": a * b,
        "divide": Fraction(b, a),
    }[operation]
    mistakes = {
        "did_the_same_operation": (
            same,
            "That repeats the operation instead of undoing it. To leave x alone, do the "
            "opposite operation, to both sides, and check your answer in the equation.",
        ),
    }
    if operation in ("add", "subtract"):
        mistakes["changed_one_side_only"] = (
            b,
            "Crossing out the number on one side only tips the balance. Whatever you "
            "remove from one side, remove from the other side too.",
        )
    params = {"operation": operation, "a": a, "b": b}
    answer = Expected(  # the repeated division can give a fraction: no integer coercion
        x,
        kind="integer",
        alternatives={code: v for code, (v, _) in mistakes.items()},
        messages={code: m for code, (_, m) in mistakes.items()},
    )
    return _variant(prompt, params, solution, answer)


@family("which_step_keeps_balance")
def which_step_keeps_balance(rng: np.random.Generator) -> Variant:
    """Choose the step that keeps an equation true and leaves x alone."""
    operation, a, b, _ = _one_step(rng)
    shown, step, prop = _ONE_STEP[operation]
    inverse = {"add": "subtract", "subtract": "add", "multiply": "divide", "divide": "multiply"}
    inverse_step = _ONE_STEP[inverse[operation]][1].format(a=a)
    one_side = {
        "add": f"subtract {a} from the left side only",
        "subtract": f"add {a} to the left side only",
        "multiply": f"divide the left side only by {a}",
        "divide": f"multiply the left side only by {a}",
    }[operation]
    # the right step, the same operation again (to both sides), one side only
    choices = [
        ("right", step.format(a=a)),
        ("repeated_the_operation", inverse_step),
        ("changed_one_side_only", one_side),
    ]
    prompt = (
        f"To solve ${shown.format(a=a, b=b)}$, which step keeps the equation true and "
        "leaves $x$ alone?"
    )
    solution = (
        f"The equation shows $x$ {_DONE[operation]} {a}. The {prop} property says you "
        f"may {step.format(a=a)}: doing the same to both sides keeps the balance, and the "
        f"opposite operation undoes the {a}."
    )
    messages = {
        "repeated_the_operation": (
            "That step keeps the balance, but it does the same operation again instead of "
            "undoing it, so x is still not alone."
        ),
        "changed_one_side_only": (
            "Changing one side only tips the balance: the two sides are no longer equal."
        ),
    }
    return _shuffled_choice(
        rng,
        prompt=prompt,
        params={"operation": operation, "a": a, "b": b},
        choices=choices,
        solution=solution,
        messages=messages,
    )


# -------------------------------------------------------------------- 94. square numbers

_DOUBLED = (
    "That is the number doubled, a number plus itself. Square numbers are numbers "
    "times themselves: as many rows as there are counters in each row."
)


@family("square_of_a_number")
def square_of_a_number(rng: np.random.Generator) -> Variant:
    """The square number n × n, asked as a product or as a square array."""
    n = _whole(rng, 3, 12)
    value = n * n
    if rng.integers(2):
        prompt = f"Work out ${n} \\times {n}$. {WHOLE}"
    else:
        thing = pick(rng, ("counters", "chairs", "tiles", "stamps"))
        prompt = (
            f"{pick(rng, ('Mia', 'Tom', 'Ravi', 'Lena'))} puts {thing} in a square: {n} "
            f"rows with {n} {thing} in each row. How many {thing} is that? {WHOLE}"
        )
    solution = (
        f"A square with {n} rows of {n} holds ${n} \\times {n} = {value}$, so the square "
        f"number is {value}."
    )
    mistakes = {"doubled": (2 * n, _DOUBLED)}
    return integer_variant(
        prompt=prompt, params={"n": n}, value=value, solution=solution, mistakes=mistakes
    )


@family("side_of_a_square_array")
def side_of_a_square_array(rng: np.random.Generator) -> Variant:
    """How many are in each row of a square array of a square number of things."""
    n = _whole(rng, 3, 12)
    total = n * n
    thing = pick(rng, ("tiles", "counters", "plants", "seats"))
    prompt = (
        f"{total} {thing} are set out in a square array, with as many rows as there are "
        f"{thing} in each row. How many {thing} are in each row? {WHOLE}"
    )
    solution = (
        f"Look for a number that times itself makes {total}: ${n} \\times {n} = {total}$. "
        f"So there are {n} rows with {n} {thing} in each row."
    )
    halved = (
        "Half of the total would be right for two rows. In a square, the number of rows "
        "and the number in each row are the same: find a number that times itself makes "
        "the total."
    )
    # half of an odd total is not a whole number, so no one gives it as a row
    mistakes = {} if total % 2 else {"halved": (total // 2, halved)}
    return integer_variant(
        prompt=prompt, params={"n": n}, value=n, solution=solution, mistakes=mistakes
    )


@family("which_is_a_square_number")
def which_is_a_square_number(rng: np.random.Generator) -> Variant:
    """Pick the square number among a double and a rectangle number."""
    n = _whole(rng, 3, 10, avoid=(8,))  # 8 + 8 = 16 would be a square too
    candidates = [
        ("right", n * n),
        ("doubled", 2 * n),
        ("rectangle_number", n * (n + 1)),
    ]
    solution = (
        f"${n} \\times {n} = {n * n}$, so {n * n} is a square number: {n} rows of {n}. "
        f"{2 * n} is ${n} + {n}$, and {n * (n + 1)} is ${n} \\times {n + 1}$, a rectangle "
        "with one more in each row; neither is a whole number times itself."
    )
    messages = {
        "doubled": _DOUBLED,
        "rectangle_number": (
            "That number makes a rectangle whose rows are one longer than its columns, "
            "not a square. Look for a number that is a whole number times itself."
        ),
    }
    return _shuffled_choice(
        rng,
        prompt="Which of these is a square number?",
        params={"n": n},
        choices=[(code, str(value)) for code, value in candidates],
        solution=solution,
        messages=messages,
    )


# ---------------------------------------------------------------- 95. subtracting integers


@family("subtract_integers")
def subtract_integers(rng: np.random.Generator) -> Variant:
    """a − b for integers with at least one negative, by adding the opposite."""
    while True:
        a, b = _nonzero(rng, 15), _nonzero(rng, 15)
        if (a < 0 or b < 0) and abs(a) != abs(b):
            break
    value = a - b
    expr = f"{a} - {signed(b)}"
    added = f"{a} + {signed(-b)}"
    prompt = f"Work out ${expr}$. {WHOLE}"
    solution = f"Subtracting ${b}$ is adding its opposite, ${-b}$: ${expr} = {added} = {value}$."
    mistakes = {
        "did_not_flip_the_sign": (
            a + b,
            "Subtracting a number is adding its opposite: change the subtraction to an "
            "addition and change the sign of the number being subtracted, both.",
        ),
        "flipped_the_first_number": (
            -a - b,
            "Only the number being subtracted changes sign; the first number stays as it is.",
        ),
    }
    return integer_variant(
        prompt=prompt, params={"a": a, "b": b}, value=value, solution=solution, mistakes=mistakes
    )


@family("temperature_change")
def temperature_change(rng: np.random.Generator) -> Variant:
    """How many degrees a temperature rose or fell across zero: a difference of integers."""
    below = -_whole(rng, 2, 15)
    above = _whole(rng, 1, 15, avoid=(-below,))
    rose = bool(rng.integers(2))
    start, end = (below, above) if rose else (above, below)
    place = pick(rng, ("a mountain village", "a harbour town", "a desert camp", "a ski town"))
    prompt = (
        f"In {place} the temperature was ${start}$ degrees in the "
        f"{'early morning' if rose else 'afternoon'} and ${end}$ degrees "
        f"{'in the afternoon' if rose else 'at night'}. By how many degrees did it "
        f"{'rise' if rose else 'fall'}? {WHOLE}"
    )
    value = abs(end - start)
    high, low = max(start, end), min(start, end)
    solution = (
        f"The change is the higher temperature minus the lower one: "
        f"${high} - ({low}) = {high} + {-low} = {value}$. On a number line that is "
        f"{-low} degrees between ${low}$ and zero and {high} more above zero. It "
        f"{'rose' if rose else 'fell'} by {value} degrees."
    )
    mistakes = {
        "subtracted_the_sizes": (
            abs(abs(end) - abs(start)),
            "That is the difference of the two sizes, as if both temperatures were above "
            "zero. One of them is below zero: count the degrees up to zero, then the "
            "degrees beyond it.",
        )
    }
    params = {"start": start, "end": end}
    return integer_variant(
        prompt=prompt, params=params, value=value, solution=solution, mistakes=mistakes
    )


# -------------------------------------------- 96. two-digit by two-digit multiplication


def _two_digit(rng: np.random.Generator) -> int:
    """A two-digit number that is not a multiple of ten."""
    return _whole(rng, 1, 9) * 10 + _whole(rng, 1, 9)


_FORGOT_ZERO = (
    "The tens digit of the second number stands for tens: multiply by the whole number of "
    "tens (20, not 2), so that row ends in a zero."
)


@family("two_digit_product")
def two_digit_product(rng: np.random.Generator) -> Variant:
    """A two-digit number times a two-digit number, by partial products."""
    a, b = _two_digit(rng), _two_digit(rng)
    value = a * b
    (at, ao), (bt, bo) = ((a - a % 10, a % 10), (b - b % 10, b % 10))
    parts = [at * bt, at * bo, ao * bt, ao * bo]
    if rng.integers(2):
        prompt = f"Work out ${a} \\times {b}$. {WHOLE}"
    else:
        place, rows, seats = pick(
            rng,
            (
                ("A hall", "rows", "seats"),
                ("A shop", "boxes", "pencils"),
                ("A store", "shelves", "jars"),
            ),
        )
        prompt = (
            f"{place} has {a} {rows} with {b} {seats} in each. How many {seats} is that? {WHOLE}"
        )
    solution = (
        f"Split ${a} = {at} + {ao}$ and ${b} = {bt} + {bo}$ and multiply every part by "
        f"every part: ${at} \\times {bt} = {parts[0]}$, ${at} \\times {bo} = {parts[1]}$, "
        f"${ao} \\times {bt} = {parts[2]}$ and ${ao} \\times {bo} = {parts[3]}$. Add them: "
        f"${' + '.join(str(p) for p in parts)} = {value}$, so ${a} \\times {b} = {value}$."
    )
    mistakes = {
        "forgot_the_zero": (a * bo + a * (bt // 10), _FORGOT_ZERO),
        "tens_and_ones_only": (
            parts[0] + parts[3],
            "Two partial products are missing. Each part of one number multiplies each "
            "part of the other: tens by tens, tens by ones, ones by tens and ones by ones.",
        ),
    }
    return integer_variant(
        prompt=prompt, params={"a": a, "b": b}, value=value, solution=solution, mistakes=mistakes
    )


@family("tens_row_of_a_product")
def tens_row_of_a_product(rng: np.random.Generator) -> Variant:
    """The second row of the standard algorithm: the first number times the tens."""
    a, b = _two_digit(rng), _two_digit(rng)
    tens = b - b % 10
    value = a * tens
    prompt = (
        f"To work out ${a} \\times {b}$ with the standard algorithm, the first row is "
        f"${a} \\times {b % 10} = {a * (b % 10)}$. What number goes in the second row, for "
        f"the {_count(b // 10, ('ten', 'tens'))} of {b}? {WHOLE}"
    )
    solution = (
        f"The {b // 10} in {b} stands for {_count(b // 10, ('ten', 'tens'))}, which is {tens}. "
        "So the second "
        f"row is ${a} \\times {tens} = {value}$, and the product is "
        f"${a * (b % 10)} + {value} = {a * b}$."
    )
    mistakes = {
        "forgot_the_zero": (a * (b // 10), _FORGOT_ZERO),
        "whole_product": (
            a * b,
            "That is the whole product. The second row is only the part from the tens; "
            "the two rows are added afterwards.",
        ),
    }
    return integer_variant(
        prompt=prompt, params={"a": a, "b": b}, value=value, solution=solution, mistakes=mistakes
    )


# ---------------------------------------------------------------- 97. two-digit subtraction


@family("two_digit_difference")
def two_digit_difference(rng: np.random.Generator) -> Variant:
    """A two-digit subtraction that needs a ten regrouped into ones."""
    while True:
        a, b = _two_digit(rng), _whole(rng, 11, 89)
        if a > b + 9 and a % 10 < b % 10:
            break
    value = a - b
    if rng.integers(2):
        prompt = f"Work out ${a} - {b}$. {WHOLE}"
    else:
        name, other, thing = pick(
            rng,
            (("Ana", "Ben", "marbles"), ("Sol", "Kai", "stickers"), ("Ivy", "Max", "shells")),
        )
        prompt = (
            f"{name} has {a} {thing} and {other} has {b}. How many more {thing} does "
            f"{name} have? {WHOLE}"
        )
    at, ao, bt, bo = a // 10, a % 10, b // 10, b % 10
    solution = (
        f"There {'is' if ao == 1 else 'are'} only {_count(ao, ('one', 'ones'))} in {a}, not "
        f"enough to take away {bo}. Regroup one ten into ten ones: {a} becomes "
        f"{_count(at - 1, ('ten', 'tens'))} and {ao + 10} ones. Ones: "
        f"${ao + 10} - {bo} = {ao + 10 - bo}$. Tens: ${at - 1} - {bt} = {at - 1 - bt}$. So "
        f"${a} - {b} = {value}$. Check by adding: ${value} + {b} = {a}$."
    )
    mistakes = {
        "smaller_from_larger": (
            10 * (at - bt) + (bo - ao),
            "In the ones you took the smaller digit from the larger one. The number being "
            "taken away has more ones: regroup a ten into ten ones first. Check by adding.",
        ),
        "forgot_to_reduce_the_tens": (
            value + 10,
            "The ones are right, but after regrouping there is one ten fewer. Take the tens "
            "away from the tens that are left.",
        ),
    }
    return integer_variant(
        prompt=prompt, params={"a": a, "b": b}, value=value, solution=solution, mistakes=mistakes
    )


# ------------------------------------------- 98. division by repeated subtraction (grouping)


@family("repeated_subtraction_groups")
def repeated_subtraction_groups(rng: np.random.Generator) -> Variant:
    """How many groups of a size fit in a total, found by subtracting the size again and
    again."""
    size = _whole(rng, 2, 9)
    groups = _whole(rng, 3, 9, avoid=(size,))
    total = size * groups
    thing, (holder, holders) = pick(
        rng,
        (
            ("eggs", ("box", "boxes")),
            ("apples", ("bag", "bags")),
            ("pencils", ("pack", "packs")),
            ("cards", ("envelope", "envelopes")),
        ),
    )
    prompt = (
        f"There are {total} {thing}. Each {holder} takes {size} {thing}. Take away {size} "
        f"at a time: how many {holders} can be filled? {WHOLE}"
    )
    left = list(range(total, -1, -size))
    steps = ", ".join(f"${a} - {size} = {a - size}$" for a in left[:-1])
    solution = (
        f"Subtract {size} until nothing is left: {steps}. That is {groups} subtractions, so "
        f"{groups} {holders} are filled and ${total} \\div {size} = {groups}$."
    )
    mistakes = {
        "counted_the_numbers": (
            groups + 1,
            "You counted the numbers from the start down to 0. Count the subtractions (the "
            "jumps) instead: there is one fewer jump than numbers.",
        ),
        "gave_the_group_size": (
            size,
            "That is how many go in each group. The question asks how many groups: count "
            "how many times you take a group away.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"total": total, "size": size},
        value=groups,
        solution=solution,
        mistakes=mistakes,
    )


# ------------------------------------------------------------ 99. division: fair sharing


def _fact(rng: np.random.Generator) -> tuple[int, int, int]:
    """Two different factors from 2 to 9 and their product: a multiplication fact whose
    division facts are told apart by their answers."""
    a = _whole(rng, 2, 9)
    b = _whole(rng, 2, 9, avoid=(a,))
    return a, b, a * b


_SHARES = (
    ("stickers", "friends", "friend"),
    ("cherries", "children", "child"),
    ("crayons", "tables", "table"),
    ("marbles", "jars", "jar"),
)


@family("fair_share_size")
def fair_share_size(rng: np.random.Generator) -> Variant:
    """The size of one share when a total is split into equal parts."""
    parts, each, total = _fact(rng)
    thing, many, one = pick(rng, _SHARES)
    prompt = (
        f"{total} {thing} are shared equally among {parts} {many}. How many {thing} does "
        f"each {one} get? {WHOLE}"
    )
    solution = (
        f"Deal the {thing} out one to each {one} per round. Each round gives out {parts}, "
        f"and after {each} rounds all {total} are gone, since ${parts} \\times {each} = "
        f"{total}$. So each {one} gets {each}: ${total} \\div {parts} = {each}$."
    )
    mistakes = {
        "gave_the_number_of_shares": (
            parts,
            f"That is the number of {many}. The question asks for the size of one share: "
            "how many each one gets.",
        ),
        "subtracted": (
            total - parts,
            "Sharing is a division, not a take-away. Deal the things out in equal rounds "
            "and count how many each one ends up with.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"total": total, "parts": parts},
        value=each,
        solution=solution,
        mistakes=mistakes,
    )


# --------------------------------------------------------- 100. division as equal sharing


@family("division_as_missing_factor")
def division_as_missing_factor(rng: np.random.Generator) -> Variant:
    """A division read as the missing factor of a multiplication fact."""
    divisor, quotient, total = _fact(rng)
    if rng.integers(2):
        prompt = (
            f"${total} \\div {divisor}$ is the missing factor in "
            f"${divisor} \\times ? = {total}$. What is ${total} \\div {divisor}$? {WHOLE}"
        )
    else:
        thing, rows = pick(rng, (("chairs", "rows"), ("plants", "rows"), ("cans", "stacks")))
        prompt = (
            f"{total} {thing} are set out in {divisor} equal {rows}. How many {thing} are in "
            f"each? That is ${total} \\div {divisor}$, the missing factor in "
            f"${divisor} \\times ? = {total}$. {WHOLE}"
        )
    solution = (
        f"Which number times {divisor} makes {total}? "
        f"${divisor} \\times {quotient} = {total}$, so the missing factor is {quotient} and "
        f"${total} \\div {divisor} = {quotient}$."
    )
    mistakes = {
        "subtracted": (
            total - divisor,
            "Division is not a take-away. Look for the number that times the divisor "
            "makes the total.",
        ),
        "neighbouring_fact": (
            quotient + 1,
            "That comes from a neighbouring fact. Check it: multiply your answer by the "
            "divisor and see whether you get the total.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"total": total, "divisor": divisor},
        value=quotient,
        solution=solution,
        mistakes=mistakes,
    )


@family("fact_family_divisions")
def fact_family_divisions(rng: np.random.Generator) -> Variant:
    """The two division facts of a multiplication fact's family."""
    a, b, product = _fact(rng)
    prompt = (
        f"Use the fact ${a} \\times {b} = {product}$. Find ${product} \\div {a}$ and "
        f"${product} \\div {b}$. Type the two answers in that order, separated by a comma."
    )
    solution = (
        f"The fact family of {a}, {b} and {product} is ${a} \\times {b} = {product}$, "
        f"${b} \\times {a} = {product}$, ${product} \\div {a} = {b}$ and "
        f"${product} \\div {b} = {a}$. So the answers are {b}, {a}."
    )
    answer = Expected(
        (Fraction(b), Fraction(a)),
        kind="values",
        alternatives={"swapped": (Fraction(a), Fraction(b))},
        messages={
            "swapped": (
                "Dividing the product by one factor gives the other factor, not the same "
                "one. Match each division with its own missing factor."
            )
        },
    )
    return _variant(prompt, {"a": a, "b": b}, solution, answer)


# ---------------------------------------------------------------- 101. division as grouping

_GROUPS = (
    ("children", "teams"),
    ("eggs", "boxes"),
    ("chairs", "rows"),
    ("flowers", "bunches"),
)


@family("same_division_two_readings")
def same_division_two_readings(rng: np.random.Generator) -> Variant:
    """From a sharing answer to the grouping answer of the same division."""
    divisor, quotient, total = _fact(rng)
    things, holders = pick(rng, _GROUPS)
    prompt = (
        f"When {total} {things} are shared equally among {divisor} {holders}, each gets "
        f"{quotient}. Now the same {total} {things} are put into {holders} of {divisor} "
        f"each. How many {holders} are needed? {WHOLE}"
    )
    solution = (
        f"Both stories are ${total} \\div {divisor}$: one asks for the size of each share, "
        f"the other for the number of groups of {divisor}. Since "
        f"${quotient} \\times {divisor} = {total}$, both answers are {quotient}."
    )
    mistakes = {
        "gave_the_divisor": (
            divisor,
            "The number in each group is given in the story. Check your answer: do that "
            "many groups of the given size make the total?",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"total": total, "divisor": divisor},
        value=quotient,
        solution=solution,
        mistakes=mistakes,
    )


# ---------------------------------------------------------------- 102. basic division facts


@family("basic_division_fact")
def basic_division_fact(rng: np.random.Generator) -> Variant:
    """A quotient that undoes a one-digit multiplication fact, including the rules for
    dividing by 1 and by the number itself."""
    kind = pick(rng, ("fact", "fact", "by_one", "by_itself"))
    if kind == "fact":
        divisor, quotient, dividend = _fact(rng)
        why = (
            f"Ask: {divisor} times what is {dividend}? ${divisor} \\times {quotient} = {dividend}$"
        )
        mistakes = {
            "neighbouring_fact": (
                quotient + 1,
                "That comes from a neighbouring fact. Multiply your answer by the divisor "
                "to check whether it gives the number you divided.",
            ),
        }
    elif kind == "by_one":
        dividend, divisor = _whole(rng, 2, 9), 1
        quotient = dividend
        why = f"Dividing by 1 leaves a number as it is: $1 \\times {dividend} = {dividend}$"
        mistakes = {
            "by_one_gives_one": (
                1,
                "Dividing by 1 does not give 1. Share the things with just one person: "
                "how many does that person get?",
            ),
        }
    else:
        dividend = divisor = _whole(rng, 2, 9)
        quotient = 1
        why = f"A number divided by itself is 1: ${dividend} \\times 1 = {dividend}$"
        mistakes = {
            "itself_gives_zero": (
                0,
                "Zero is what you get when you subtract a number from itself. Dividing "
                "asks how many groups of that size fit, and exactly one does.",
            ),
            "itself_gives_the_number": (
                dividend,
                "Check by multiplying: your answer times the divisor should give the "
                "number you divided.",
            ),
        }
    prompt = f"Work out ${dividend} \\div {divisor}$. {WHOLE}"
    solution = f"{why}, so ${dividend} \\div {divisor} = {quotient}$."
    return integer_variant(
        prompt=prompt,
        params={"dividend": dividend, "divisor": divisor},
        value=quotient,
        solution=solution,
        mistakes=mistakes,
    )


@family("helping_multiplication_fact")
def helping_multiplication_fact(rng: np.random.Generator) -> Variant:
    """Choose the multiplication fact that gives a division fact."""
    divisor, quotient, dividend = _fact(rng)
    near = quotient - 1
    choices = [
        ("right", f"${divisor} \\times {quotient} = {dividend}$"),
        ("neighbouring_fact", f"${divisor} \\times {near} = {divisor * near}$"),
        ("subtraction_fact", f"${dividend} - {divisor} = {dividend - divisor}$"),
    ]
    solution = (
        f"${dividend} \\div {divisor}$ asks: {divisor} times what is {dividend}? The fact "
        f"${divisor} \\times {quotient} = {dividend}$ answers it, so "
        f"${dividend} \\div {divisor} = {quotient}$."
    )
    messages = {
        "neighbouring_fact": (
            "That fact is close, but its product is not the number being divided. The "
            "helping fact must make exactly that number."
        ),
        "subtraction_fact": (
            "Division facts come from multiplication facts, not from subtractions. "
            "Look for a product equal to the number being divided."
        ),
    }
    return _shuffled_choice(
        rng,
        prompt=f"Which fact helps you find ${dividend} \\div {divisor}$?",
        params={"dividend": dividend, "divisor": divisor},
        choices=choices,
        solution=solution,
        messages=messages,
    )


# -------------------------------------------------------------------- 103. dividing integers


@family("integer_quotient")
def integer_quotient(rng: np.random.Generator) -> Variant:
    """The quotient of two integers, at least one negative, from a multiplication fact."""
    while True:
        divisor, quotient = _nonzero(rng, 9), _nonzero(rng, 12)
        if abs(divisor) > 1 and abs(quotient) > 1 and (divisor < 0 or quotient < 0):
            break
    dividend = divisor * quotient
    expr = f"{dividend} \\div {signed(divisor)}"
    same = (dividend < 0) == (divisor < 0)
    prompt = f"Work out ${expr}$. {WHOLE}"
    solution = (
        f"Divide the sizes: ${abs(dividend)} \\div {abs(divisor)} = {abs(quotient)}$. The "
        f"signs are {'the same' if same else 'different'}, so the quotient is "
        f"{'positive' if same else 'negative'}: ${expr} = {quotient}$. Check: "
        f"${signed(divisor)} \\times {signed(quotient)} = {dividend}$."
    )
    mistakes = {
        "wrong_sign_rule": (
            -quotient,
            "Division has the same sign rules as multiplication: the same signs give a "
            "positive quotient, different signs a negative one. Multiply back to check.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"dividend": dividend, "divisor": divisor},
        value=quotient,
        solution=solution,
        mistakes=mistakes,
    )


@family("which_division_is_undefined")
def which_division_is_undefined(rng: np.random.Generator) -> Variant:
    """Choose the integer division that has no answer: the one by zero."""
    n = -_whole(rng, 2, 12)
    choices = [
        ("right", f"${n} \\div 0$"),
        ("zero_divided_is_undefined", f"$0 \\div ({n})$"),
        ("negative_by_itself_is_undefined", f"${n} \\div ({n})$"),
    ]
    solution = (
        f"${n} \\div 0$ would need a number that times 0 makes ${n}$, and every number "
        f"times 0 is 0: it has no answer. The others do: $0 \\div ({n}) = 0$ and "
        f"${n} \\div ({n}) = 1$."
    )
    messages = {
        "zero_divided_is_undefined": (
            "Zero can be divided: check by multiplying. Which number times the divisor gives 0?"
        ),
        "negative_by_itself_is_undefined": (
            "Dividing a negative number by itself gives an answer: the same signs give a "
            "positive quotient. Check by multiplying back."
        ),
    }
    return _shuffled_choice(
        rng,
        prompt="Which of these divisions has no answer?",
        params={"n": n},
        choices=choices,
        solution=solution,
        messages=messages,
    )


# ------------------------------------------------------------ 104. division facts within 100


@family("division_fact_unknown_anywhere")
def division_fact_unknown_anywhere(rng: np.random.Generator) -> Variant:
    """A division fact within 100 with the dividend, the divisor or the quotient missing."""
    while True:
        divisor, quotient = _whole(rng, 2, 9), _whole(rng, 2, 12)
        if divisor != quotient and divisor * quotient <= 100:
            break
    dividend = divisor * quotient
    missing = pick(rng, ("dividend", "divisor", "quotient"))
    shown = {"dividend": dividend, "divisor": divisor, "quotient": quotient}
    puzzle = "{dividend} \\div {divisor} = {quotient}".format(**{**shown, missing: "?"})
    fact = f"{divisor} \\times {quotient} = {dividend}"
    value = shown[missing]
    if missing == "dividend":
        think = f"{divisor} groups of {quotient} make the missing number: ${fact}$"
        mistakes = {
            "divided_the_numbers_shown": (
                Fraction(max(divisor, quotient), min(divisor, quotient)),
                "The missing number is the one being divided, the biggest number of the "
                "fact. Multiply the two numbers you can see.",
            ),
        }
    else:
        think = f"look for the factor that is missing, ${fact}$"
        mistakes = {
            "subtracted": (
                dividend - (quotient if missing == "divisor" else divisor),
                "Division is not a take-away. Find the number that makes the matching "
                "multiplication fact true.",
            ),
        }
    prompt = f"What number goes in place of the ? in ${puzzle}$? {WHOLE}"
    solution = (
        f"The matching multiplication fact has the same three numbers, so {think}. So the "
        f"missing number is {value}, and "
        f"${dividend} \\div {divisor} = {quotient}$."
    )
    answer = Expected(  # the numbers shown divided can be a fraction: no integer coercion
        value,
        kind="integer",
        alternatives={code: v for code, (v, _) in mistakes.items()},
        messages={code: m for code, (_, m) in mistakes.items()},
    )
    return _variant(prompt, {**shown, "missing": missing}, solution, answer)


@family("zero_divided_by_a_number")
def zero_divided_by_a_number(rng: np.random.Generator) -> Variant:
    """Zero divided by a one-digit number."""
    divisor = _whole(rng, 2, 9)
    thing = pick(rng, ("apples", "stickers", "marbles"))
    prompt = (
        f"Work out $0 \\div {divisor}$: {divisor} friends share 0 {thing} equally. How many "
        f"does each friend get? {WHOLE}"
    )
    solution = (
        f"Sharing nothing gives each friend nothing. Check by multiplying: "
        f"${divisor} \\times 0 = 0$, so $0 \\div {divisor} = 0$."
    )
    mistakes = {
        "answered_the_divisor": (
            divisor,
            "That is the number of friends. Nothing is shared out, so check: which number "
            "times the number of friends makes 0?",
        ),
        "answered_one": (
            1,
            "One is the answer when a number is divided by itself. Here there is nothing to "
            "share: multiply back to check your answer.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"divisor": divisor},
        value=0,
        solution=solution,
        mistakes=mistakes,
    )


# ------------------------------------------------------------------------ 105. combinations


def _binom_solution(n: int, k: int) -> str:
    """``C(n, k)`` worked as a falling product over k!: ``\\binom{6}{2} = ... = 15``."""
    top, bottom = _times(_falling(n, k)), _times(range(k, 0, -1))
    return f"$\\binom{{{n}}}{{{k}}} = \\frac{{{top}}}{{{bottom}}} = {math.comb(n, k)}$"


_ORDER_COUNTED = (
    "That count treats the same selection in a different order as a different one. Here "
    "order does not matter: divide by the number of ways to order the chosen items."
)


@family("choose_k_from_n")
def choose_k_from_n(rng: np.random.Generator) -> Variant:
    """The number of ways to choose k of n items when order does not matter."""
    n = _whole(rng, 5, 12)
    k = _whole(rng, 2, min(4, n - 2))
    story = pick(
        rng,
        (
            "A committee of {k} is chosen from {n} people.",
            "A pizza gets {k} different toppings from a list of {n}.",
            "A reader picks {k} of {n} different books to take on holiday.",
            "A coach picks {k} of {n} players for a training session.",
        ),
    ).format(n=n, k=k)
    value = math.comb(n, k)
    prompt = f"{story} How many different selections are possible? {WHOLE}"
    solution = (
        f"Order does not matter, so count ordered choices, ${_times(_falling(n, k))} = "
        f"{math.perm(n, k)}$, and divide by the ${k}! = {math.factorial(k)}$ orders of each "
        f"selection: {_binom_solution(n, k)}."
    )
    mistakes = {
        "order_counted": (math.perm(n, k), _ORDER_COUNTED),
        "multiplied_n_by_k": (
            n * k,
            "Multiplying the two numbers does not count the selections. Count the ordered "
            "choices one position at a time, then divide out the orders.",
        ),
    }
    return integer_variant(
        prompt=prompt, params={"n": n, "k": k}, value=value, solution=solution, mistakes=mistakes
    )


@family("sequences_with_k_successes")
def sequences_with_k_successes(rng: np.random.Generator) -> Variant:
    """The number of sequences of n trials with exactly k successes, C(n, k)."""
    n = _whole(rng, 4, 10)
    k = _whole(rng, 2, n - 2)
    trial, success, result = pick(
        rng,
        (
            ("a coin is tossed", "heads", "heads or tails"),
            ("a free throw is taken", "hits", "a hit or a miss"),
            ("a penalty kick is taken", "goals", "a goal or a miss"),
        ),
    )
    prompt = (
        f"{trial.capitalize()} {n} times, and each result ({result}) is written "
        "down in order. How "
        f"many different sequences of results have exactly {k} {success}? {WHOLE}"
    )
    value = math.comb(n, k)
    solution = (
        f"A sequence is fixed by choosing which {k} of the {n} trials are {success}, and "
        f"the order of that choice does not matter: {_binom_solution(n, k)}."
    )
    mistakes = {
        "all_sequences": (
            2**n,
            f"That counts every sequence, whatever its number of {success}. Count only the "
            "ones with the asked number: choose which trials they are.",
        ),
        "order_counted": (math.perm(n, k), _ORDER_COUNTED),
    }
    return integer_variant(
        prompt=prompt, params={"n": n, "k": k}, value=value, solution=solution, mistakes=mistakes
    )


# ----------------------------------------------------------------- 106. divisibility rules


def _three_digit(rng: np.random.Generator, keep) -> int:
    """A three-digit number for which ``keep(n)`` is true."""
    while True:
        n = _whole(rng, 100, 999)
        if keep(n):
            return n


def _digit_sum(n: int) -> int:
    return sum(int(d) for d in str(n))


@family("divisible_by_digit_sum")
def divisible_by_digit_sum(rng: np.random.Generator) -> Variant:
    """Pick the number divisible by 3 (or 9) by its digit sum, past a last-digit trap."""
    d = pick(rng, (3, 9))
    right = _three_digit(rng, lambda n: n % d == 0 and n % 10 != d)
    trap = _three_digit(rng, lambda n: n % 10 == d and n % d != 0)
    other = _three_digit(rng, lambda n: n % d != 0 and n % 10 != d and n % 2 == 0)
    sums = ", ".join(f"{n}: ${' + '.join(str(n))} = {_digit_sum(n)}$" for n in (right, trap, other))
    solution = (
        f"Add the digits of each number: {sums}. Only the digit sum {_digit_sum(right)} is "
        f"divisible by {d}, so {right} is divisible by {d}: ${right} \\div {d} = {right // d}$."
    )
    messages = {
        "ends_in_the_divisor": (
            f"Ending in {d} does not make a number divisible by {d}. The test for {d} "
            "uses the sum of all the digits."
        ),
    }
    return _shuffled_choice(
        rng,
        prompt=f"Which of these numbers is divisible by {d}?",
        params={"d": d, "numbers": [right, trap, other]},
        choices=[("right", str(right)), ("ends_in_the_divisor", str(trap)), ("other", str(other))],
        solution=solution,
        messages=messages,
    )


@family("divisible_by_ones_digit")
def divisible_by_ones_digit(rng: np.random.Generator) -> Variant:
    """Pick the number divisible by 2, 5 or 10 from its ones digit."""
    d = pick(rng, (2, 5, 10))
    right = _three_digit(rng, lambda n: n % d == 0)
    if d == 2:
        code = "even_digit_not_in_ones_place"
        trap = _three_digit(rng, lambda n: n % 2 == 1 and all(int(c) % 2 == 0 for c in str(n)[:2]))
        message = "The other digits do not matter for 2: only the ones digit must be even."
    elif d == 5:
        code = "five_not_in_ones_place"
        trap = _three_digit(rng, lambda n: str(n)[1] == "5" and n % 5 != 0)
        message = "The 5 in the tens place does not count: the ones digit must be 0 or 5."
    else:
        code = "ends_in_five"
        trap = _three_digit(rng, lambda n: n % 10 == 5)
        message = "Ending in 5 is the test for 5. For 10 the ones digit must be 0."
    other = _three_digit(rng, lambda n: n % d != 0 and n not in (trap,) and n % 10 != 5)
    solution = (
        f"Only the ones digit decides divisibility by {d}, because every ten is divisible "
        f"by {d}. {right} ends in {right % 10}, so ${right} \\div {d} = {right // d}$; "
        f"{trap} ends in {trap % 10} and {other} ends in {other % 10}, so they are not."
    )
    return _shuffled_choice(
        rng,
        prompt=f"Which of these numbers is divisible by {d}?",
        params={"d": d, "numbers": [right, trap, other]},
        choices=[("right", str(right)), (code, str(trap)), ("other", str(other))],
        solution=solution,
        messages={code: message},
    )


# ---------------------------------------------------------------------- 107. making change


def _dollars(cents: int) -> str:
    """An amount of money in dollars with two decimals: ``3.65``."""
    return f"{cents // 100}.{cents % 100:02d}"


@family("change_from_a_payment")
def change_from_a_payment(rng: np.random.Generator) -> Variant:
    """The change from a whole-dollar payment, counted up from the price."""
    paid = pick(rng, (500, 1000, 2000))
    while True:  # a price in whole nickels with some cents, below the bill
        price = _whole(rng, 21, paid // 5 - 1) * 5
        if price % 100:
            break
    change = paid - price
    up_to_dollar = -(-price // 100) * 100
    item = pick(rng, ("a sandwich", "a book", "a toy car", "a bus ticket", "a kite"))
    prompt = (
        f"{item.capitalize()} costs {_dollars(price)} dollars. You pay with a "
        f"{paid // 100}-dollar bill. How much change do you get? Give the amount in "
        "dollars as a decimal, like 2.48 (no dollar sign)."
    )  # prices and bills are whole nickels, so a change of 2.48 is never the answer
    cents, dollars = up_to_dollar - price, (paid - up_to_dollar) // 100
    counted = f"{cents} cents takes {_dollars(price)} to {_dollars(up_to_dollar)}"
    if dollars:
        more = _count(dollars, ("more dollar reaches", "more dollars reach"))
        counted += f", and {more} {_dollars(paid)}"
        total = f"${_dollars(cents)} + {_dollars(paid - up_to_dollar)} = {_dollars(change)}$"
    else:
        counted += ", the amount paid"
        total = f"{_dollars(change)}"
    solution = (
        f"Count up from the price: {counted}. So the change is {total} dollars. Check: "
        f"${_dollars(paid)} - {_dollars(price)} = {_dollars(change)}$."
    )
    apart = (paid // 100 - price // 100) * 100 + (100 - price % 100)
    answer = Expected(
        Fraction(change, 100),
        kind="exact",
        form="decimal",
        alternatives={
            "dollars_and_cents_apart": Fraction(apart, 100),
            "answered_in_cents": Fraction(change),
        },
        messages={
            "answered_in_cents": (
                "That counts the change in cents. The question asks for dollars: 100 cents "
                "make a dollar, so the cents go after the decimal point."
            ),
            "dollars_and_cents_apart": (
                "One of the dollars paid was broken into cents, so there is one dollar fewer "
                "left to take the price's dollars from. Check: the price plus your change "
                "should make exactly the amount paid."
            ),
        },
    )
    return _variant(prompt, {"price": price, "paid": paid}, solution, answer)


# ------------------------------------------------- 108. multi-digit addition and subtraction


def _digits_up(n: int, width: int) -> list[int]:
    """The digits of ``n`` from the ones up, ``width`` of them."""
    return [n // 10**i % 10 for i in range(width)]


def _from_digits(digits) -> int:
    return sum(d * 10**i for i, d in enumerate(digits))


@family("multi_digit_sum")
def multi_digit_sum(rng: np.random.Generator) -> Variant:
    """A sum of two four-digit numbers that carries in at least two columns."""
    while True:
        a, b = _whole(rng, 1000, 6999), _whole(rng, 1000, 2999)
        ones_up = list(zip(_digits_up(a, 4), _digits_up(b, 4), strict=True))
        if sum(x + y >= 10 for x, y in ones_up[:3]) >= 2:
            break
    value = a + b
    steps, carry = [], 0
    for place, (x, y) in zip(("Ones", "Tens", "Hundreds", "Thousands"), ones_up, strict=True):
        terms = " + ".join(str(t) for t in [x, y] + ([carry] if carry else []))
        total = x + y + carry
        steps.append(f"{place}: ${terms} = {total}$")
        carry = total // 10
    prompt = f"Work out ${a} + {b}$. Give a whole number, typed without commas."
    solution = (
        "Add column by column from the ones, carrying a ten to the next column whenever a "
        f"column reaches ten. {'; '.join(steps)}. So ${a} + {b} = {value}$."
    )
    mistakes = {
        "forgot_to_carry": (
            _from_digits((x + y) % 10 for x, y in ones_up),
            "When a column adds up to ten or more, write only its ones digit and carry the "
            "ten into the next column's sum.",
        ),
    }
    return integer_variant(
        prompt=prompt, params={"a": a, "b": b}, value=value, solution=solution, mistakes=mistakes
    )


@family("subtract_across_zeros")
def subtract_across_zeros(rng: np.random.Generator) -> Variant:
    """A four-digit number with zeros in the middle, minus another: regrouping across the
    zeros."""
    while True:
        top = _whole(rng, 2, 9) * 1000 + pick(rng, (0, 0, 10, 100)) * _whole(rng, 0, 9)
        top += _whole(rng, 0, 9) if rng.integers(2) else 0
        bottom = _whole(rng, 1000, top - 1)
        pairs = list(zip(_digits_up(top, 4), _digits_up(bottom, 4), strict=True))
        if pairs[0][0] < pairs[0][1] and (pairs[1][0] == 0 or pairs[2][0] == 0):
            break
    value = top - bottom
    no_payback = _from_digits((x + 10 - y if x < y else x - y) % 10 for x, y in pairs)
    smaller_from_larger = _from_digits(abs(x - y) for x, y in pairs)
    prompt = f"Work out ${top} - {bottom}$. Give a whole number, typed without commas."
    columns, borrow = [], 0
    for place, (x, y) in zip(("Ones", "Tens", "Hundreds", "Thousands"), pairs, strict=True):
        x -= borrow
        borrow = int(x < y)
        columns.append(f"{place}: ${x + 10 * borrow} - {y} = {x + 10 * borrow - y}$")
    if pairs[1][0] == 0:  # the ones' regrouping has to cross the zero tens
        zeros = (
            f"the zeros in {top} have" if pairs[2][0] == 0 else f"the 0 in the tens of {top} has"
        )
        how = (
            f"The ones need regrouping, and {zeros} nothing to give, so borrow from the "
            f"first nonzero digit to the left and pass a ten down each place, one at a "
            f"time: a zero that passes a ten on keeps 9."
        )
    else:  # the tens lend the ones their ten: no zero is crossed
        how = (
            "Work from the ones. Wherever a top digit is smaller than the digit under it, "
            "take a ten from the place on its left."
        )
    solution = (
        f"{how} Then subtract column by column. "
        f"{'; '.join(columns)}. So ${top} - {bottom} = {value}$. Check by adding: "
        f"${value} + {bottom} = {top}$."
    )
    mistakes = {
        "zeros_became_tens": (
            no_payback,
            "Each regrouping takes one from the place it borrows from. A 0 can only become "
            "10 after a ten is passed down from the left, which leaves 9 there.",
        ),
        "smaller_from_larger": (
            smaller_from_larger,
            "In some columns you took the top digit from the bottom one. The bottom number "
            "is always taken from the top: regroup when the top digit is smaller.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"top": top, "bottom": bottom},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


# ---------------------------------------------------- 109. two-digit by one-digit division


def _friendly_split(dividend: int, divisor: int) -> tuple[int, int]:
    """``dividend`` as the biggest multiple of ten times ``divisor`` that fits, plus the
    rest: 72 and 3 give (60, 12)."""
    big = dividend // (10 * divisor) * 10 * divisor
    return big, dividend - big


def _two_digit_quotient(rng: np.random.Generator, keep) -> tuple[int, int, int]:
    """A divisor, a quotient from 11 and a two-digit dividend, with ``keep(dividend,
    divisor)`` true."""
    while True:
        divisor = _whole(rng, 2, 9)
        quotient = _whole(rng, 11, 99 // divisor) if 99 // divisor >= 11 else 0
        if quotient and quotient % 10 and keep(divisor * quotient, divisor):
            return divisor, quotient, divisor * quotient


@family("divide_by_splitting")
def divide_by_splitting(rng: np.random.Generator) -> Variant:
    """A two-digit number divided by a one-digit number, by splitting it into parts."""
    divisor, quotient, dividend = _two_digit_quotient(rng, lambda n, d: True)
    big, rest = _friendly_split(dividend, divisor)
    tens, ones = big // divisor, rest // divisor
    by_place = big == dividend // 10 * 10
    how = (
        "by place value"
        if by_place
        else f"into {big}, which is {tens} groups of {divisor}, and the rest"
    )
    prompt = f"Work out ${dividend} \\div {divisor}$. {WHOLE}"
    solution = (
        f"Split {dividend} {how}: ${dividend} = {big} + {rest}$. Divide each part: "
        f"${big} \\div {divisor} = {tens}$ and ${rest} \\div {divisor} = {ones}$. Add the "
        f"partial quotients: ${tens} + {ones} = {quotient}$. Check: "
        f"${quotient} \\times {divisor} = {dividend}$."
    )
    mistakes = {
        "tens_as_ones": (
            tens // 10 + ones,
            "Dividing tens gives tens: keep the place value of each partial quotient "
            "before adding them, then multiply back to check.",
        ),
        "forgot_the_rest": (
            tens,
            "That is the quotient of the first part only. Divide the rest too and add the "
            "two partial quotients.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"dividend": dividend, "divisor": divisor},
        value=quotient,
        solution=solution,
        mistakes=mistakes,
    )


@family("friendly_split_for_division")
def friendly_split_for_division(rng: np.random.Generator) -> Variant:
    """Choose the split of a dividend whose parts both divide evenly, when the place-value
    split does not."""
    divisor, quotient, dividend = _two_digit_quotient(
        # for 2 and 5 every multiple of ten divides evenly, so the tens always split well;
        # the place-value split must fail: its tens part is not a multiple of the divisor
        rng,
        lambda n, d: d not in (2, 5) and (n // 10 * 10) % d != 0 and n // (10 * d) * 10 * d > 10,
    )
    big, rest = _friendly_split(dividend, divisor)
    place = (dividend // 10 * 10, dividend % 10)
    off = (big - 10, rest + 10)
    choices = [
        ("right", f"${dividend} = {big} + {rest}$"),
        ("place_value_split", f"${dividend} = {place[0]} + {place[1]}$"),
        ("part_not_divisible", f"${dividend} = {off[0]} + {off[1]}$"),
    ]
    solution = (
        f"Both parts of ${dividend} = {big} + {rest}$ divide by {divisor}: "
        f"${big} \\div {divisor} = {big // divisor}$ and ${rest} \\div {divisor} = "
        f"{rest // divisor}$, so ${dividend} \\div {divisor} = {quotient}$. In the other "
        f"splits {place[0]} and {off[0]} are not multiples of {divisor}."
    )
    messages = {
        "place_value_split": (
            f"The tens of {dividend} cannot be shared equally by {divisor}: check whether "
            "each part divides evenly."
        ),
        "part_not_divisible": (
            f"Check each part: one of them is not a multiple of {divisor}, so it does not "
            "divide evenly."
        ),
    }
    return _shuffled_choice(
        rng,
        prompt=f"Which split makes ${dividend} \\div {divisor}$ easy, because both parts "
        f"divide evenly by {divisor}?",
        params={"dividend": dividend, "divisor": divisor},
        choices=choices,
        solution=solution,
        messages=messages,
    )


@family("cents_to_the_next_dollar")
def cents_to_the_next_dollar(rng: np.random.Generator) -> Variant:
    """The first step of counting up: the cents from a price to the next whole dollar."""
    while True:
        price = _whole(rng, 101, 1999)
        if price % 10 and price % 100 > 10:
            break
    cents = 100 - price % 100
    next_dollar = price + cents
    prompt = (
        f"Something costs {_dollars(price)} dollars. Counting up to make change, how many "
        f"cents take {_dollars(price)} to the next whole dollar, {_dollars(next_dollar)}? "
        f"{WHOLE}"
    )
    tens, ones = divmod(price % 100, 10)
    solution = (
        f"The price has {price % 100} cents, and a dollar is 100 cents: "
        f"${100} - {price % 100} = {cents}$, so {_count(cents, ('cent', 'cents'))}. Check: "
        f"${_dollars(price)} + {_dollars(cents)} = {_dollars(next_dollar)}$."
    )
    mistakes = {
        "zeros_became_tens": (
            (10 - tens) * 10 + (10 - ones),
            "In 100 the tens digit is 0: to take the ones away, a ten is passed down, and "
            "that leaves one ten fewer. Check by adding your cents to the price.",
        ),
        "gave_the_price_cents": (
            price % 100,
            "That is the number of cents in the price. The question asks how many more "
            "cents it takes to reach the next whole dollar.",
        ),
    }
    return integer_variant(
        prompt=prompt, params={"price": price}, value=cents, solution=solution, mistakes=mistakes
    )


@family("regroup_a_ten")
def regroup_a_ten(rng: np.random.Generator) -> Variant:
    """Regroup a two-digit number for subtracting: one ten becomes ten ones."""
    tens, ones = _whole(rng, 2, 9), _whole(rng, 0, 8)
    n = 10 * tens + ones
    taken = _whole(rng, ones + 1, 9)
    prompt = (
        f"To work out ${n} - 1{taken}$ you need more ones than {n} shows, so one ten is "
        f"regrouped into ten ones. After regrouping, how many tens and how many ones does "
        f"{n} have? Type the number of tens, a comma, then the number of ones."
    )
    solution = (
        f"{n} is {_count(tens, ('ten', 'tens'))} and {_count(ones, ('one', 'ones'))}. One "
        f"ten becomes ten ones: {_count(tens - 1, ('ten', 'tens'))} and "
        f"${ones} + 10 = {ones + 10}$ ones, still ${10 * (tens - 1)} + {ones + 10} = {n}$. "
        f"So the answer is {tens - 1}, {ones + 10}."
    )
    answer = Expected(
        (Fraction(tens - 1), Fraction(ones + 10)),
        kind="values",
        alternatives={"tens_not_reduced": (Fraction(tens), Fraction(ones + 10))},
        messages={
            "tens_not_reduced": (
                "The ten that became ten ones is no longer a ten: the tens go down by one. "
                "Check that the tens and ones still make the same number."
            )
        },
    )
    return _variant(prompt, {"n": n, "taken": taken}, solution, answer)


@family("read_a_subtraction_chain")
def read_a_subtraction_chain(rng: np.random.Generator) -> Variant:
    """Read a quotient off a chain of equal subtractions that ends at 0."""
    size = _whole(rng, 2, 9)
    groups = _whole(rng, 3, 8, avoid=(size,))
    total = size * groups
    name = pick(rng, ("Sam", "Noor", "Leo", "Ada"))
    chain = " - ".join([str(total)] + [str(size)] * groups)
    prompt = f"{name} wrote ${chain} = 0$. What is ${total} \\div {size}$? {WHOLE}"
    solution = (
        f"Each $- {size}$ takes away one group of {size}, and the chain reaches 0 after "
        f"{groups} of them. So {groups} groups of {size} make {total}: "
        f"${total} \\div {size} = {groups}$, and ${groups} \\times {size} = {total}$."
    )
    mistakes = {
        "counted_the_numbers": (
            groups + 1,
            f"You counted every number in the chain, {total} too. Count only the "
            f"subtractions: each one takes away a group.",
        ),
        "gave_the_group_size": (
            size,
            "That is the size of each group taken away. The division asks how many groups "
            "were taken away.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"total": total, "size": size},
        value=groups,
        solution=solution,
        mistakes=mistakes,
    )
