"""Question families for band 6 of the KL plan (positions 110 to 131): division with
remainders, estimating quotients, long division, factors and multiples, and the first
steps with fractions.

Every family draws its numbers from ``rng`` and computes the answer with integers or
:class:`fractions.Fraction`; each named mistake is the value that mistake gives for the
variant's own numbers.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from practice.families import (
    choice_variant,
    draw,
    exact_variant,
    family,
    frac,
    integer_variant,
    pick,
    plural,
    shuffled_choice_variant,
    values_variant,
)
from practice.grader import Expected
from practice.questions import Variant

WHOLE = "Give a whole number."


# ------------------------------------------------------- 110. division with remainders

_TOO_BIG = (
    "Your remainder is as big as the divisor or bigger, so it still holds another full "
    "group. Make one more group and take the divisor away from the remainder."
)
_PAST = (
    "You went one group too far: that many groups need more than you have. Use the "
    "biggest multiple of the divisor that is not more than the number, then subtract."
)


def _division_with_remainder(rng: np.random.Generator) -> tuple[int, int, int, int]:
    """A divisor 3..9, a quotient 2..12 and a remainder 1..divisor-1, and the dividend."""
    divisor = int(rng.integers(3, 10))
    quotient = int(rng.integers(2, 13))
    remainder = int(rng.integers(1, divisor))
    return divisor * quotient + remainder, divisor, quotient, remainder


@family("quotient_and_remainder")
def quotient_and_remainder(rng: np.random.Generator) -> Variant:
    """The quotient and remainder of a two-digit number divided by 3 to 9."""
    n, d, q, r = _division_with_remainder(rng)
    solution = (
        f"Count in {d}s up to {n}: ${d} \\times {q} = {d * q}$ fits and "
        f"${d} \\times {q + 1} = {d * (q + 1)}$ is too big, so there are {q} full groups. "
        f"Left over: ${n} - {d * q} = {r}$, which is smaller than {d}. So "
        f"${n} \\div {d} = {q} \\ \\mathrm{{R}}\\ {r}$. Check: ${d} \\times {q} + {r} = {n}$. "
        f"The answer is {q}, {r}."
    )
    return values_variant(
        prompt=(
            f"Work out ${n} \\div {d}$. Give the quotient and the remainder as whole "
            "numbers, separated by a comma."
        ),
        params={"n": n, "divisor": d},
        value=(q, r),
        solution=solution,
        mistakes={
            "remainder_not_less_than_divisor": ((q - 1, r + d), _TOO_BIG),
            "one_group_too_many": ((q + 1, d - r), _PAST),
        },
    )


_STORIES = (
    ("stickers", "pack", "packs"),
    ("eggs", "box", "boxes"),
    ("marbles", "bag", "bags"),
    ("pencils", "cup", "cups"),
    ("cards", "pile", "piles"),
)


@family("left_over_after_sharing")
def left_over_after_sharing(rng: np.random.Generator) -> Variant:
    """How many are left over when things are packed into equal groups."""
    n, d, q, r = _division_with_remainder(rng)
    things, group, groups = pick(rng, _STORIES)
    prompt = (
        f"There are {n} {things}. They are put into {groups} of {d}, filling as many "
        f"{groups} as possible. How many {things} are left over? {WHOLE}"
    )
    solution = (
        f"The biggest multiple of {d} that is not more than {n} is ${d} \\times {q} = "
        f"{d * q}$, so {q} {groups} are filled. Left over: ${n} - {d * q} = {r}$ {things}, "
        f"fewer than {d}, so no other {group} can be filled. The answer is {r}."
    )
    return integer_variant(
        prompt=prompt,
        params={"n": n, "divisor": d, "things": things},
        value=r,
        solution=solution,
        mistakes={
            "gave_the_quotient": (
                q,
                f"That is how many {groups} are filled. The question asks how many {things} "
                "are left when the full groups are taken away.",
            ),
            "remainder_not_less_than_divisor": (r + d, _TOO_BIG),
        },
    )


# ----------------------------------------------------------- 111. estimating quotients


def _compatible_division(rng: np.random.Generator) -> tuple[int, int, int]:
    """A three-digit number, a divisor 3..9, and the estimate: the number swapped for its
    nearest multiple of ten times the divisor (never the number itself) divided by it."""
    while True:
        d = int(rng.integers(3, 10))
        tens = int(rng.integers(2, 10))  # the estimate is this many tens
        offset = int(rng.integers(-(5 * d) + 1, 5 * d))
        n = d * tens * 10 + offset
        if offset and 100 <= n <= 999:
            return n, d, tens * 10


def _compatible_working(n: int, d: int, estimate: int) -> str:
    """Why ``estimate`` is the compatible-number estimate of ``n`` divided by ``d``."""
    compatible = estimate * d
    low, high = sorted((compatible, compatible + (10 * d if n > compatible else -10 * d)))
    return (
        f"The multiples of {10 * d} on either side of {n} are ${d} \\times {low // d} = {low}$ "
        f"and ${d} \\times {high // d} = {high}$, and {compatible} is closer "
        f"(${abs(n - low) if compatible == low else abs(high - n)}$ away instead of "
        f"${abs(high - n) if compatible == low else abs(n - low)}$). So use {compatible}: "
        f"${compatible} \\div {d} = {estimate}$, because {compatible // 10} tens shared by "
        f"{d} is {estimate // 10} tens."
    )


@family("estimate_a_quotient")
def estimate_a_quotient(rng: np.random.Generator) -> Variant:
    """Which of three sizes (ones, tens, hundreds) is the best estimate of a quotient."""
    n, d, estimate = _compatible_division(rng)
    return shuffled_choice_variant(
        rng,
        prompt=f"Which is the best estimate of ${n} \\div {d}$?",
        params={"n": n, "divisor": d},
        choices={
            "right": f"about {estimate}",
            "lost_a_zero": f"about {estimate // 10}",
            "extra_zero": f"about {estimate * 10}",
        },
        solution=_compatible_working(n, d, estimate),
        messages={
            "lost_a_zero": (
                "That is a basic fact's answer with a zero lost: the number you divide is "
                "tens, so the quotient is tens too. Multiply your estimate by the divisor "
                "and compare with the number."
            ),
            "extra_zero": (
                "That is ten times too big. Multiply your estimate by the divisor: the "
                "product should be close to the number you divide."
            ),
        },
    )


@family("compatible_number_estimate")
def compatible_number_estimate(rng: np.random.Generator) -> Variant:
    """Estimate a quotient by swapping the dividend for the nearest multiple of ten times
    the divisor."""
    n, d, estimate = _compatible_division(rng)
    other = estimate + 10 if n > estimate * d else estimate - 10  # the far one, at least 10
    prompt = (
        f"Estimate ${n} \\div {d}$: change {n} to the nearest number that {d} divides "
        f"easily (a multiple of {10 * d}), then divide. {WHOLE}"
    )
    mistakes = {
        "lost_a_zero": (
            estimate // 10,
            "You divided the first digits but forgot they are tens: the estimate is tens "
            "too. Multiply it by the divisor to check that it lands near the number.",
        ),
        "farther_compatible_number": (
            other,
            "That comes from the compatible number on the far side of the number you "
            "divide. Find how far each one is from it, and use the closer one.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"n": n, "divisor": d},
        value=estimate,
        solution=f"{_compatible_working(n, d, estimate)} The estimate is {estimate}.",
        mistakes=mistakes,
    )


# ------------------------------------------------ 112. remainders and quotients in division


@family("missing_dividend")
def missing_dividend(rng: np.random.Generator) -> Variant:
    """The number that, divided by a divisor, gives a stated quotient and remainder."""
    n, d, q, r = _division_with_remainder(rng)
    prompt = (
        f"A number is divided by {d}. The quotient is {q} and the remainder is {r}. What "
        f"is the number? {WHOLE}"
    )
    solution = (
        f"dividend = divisor × quotient + remainder, so the number is "
        f"${d} \\times {q} + {r} = {n}$. Check: ${n} \\div {d} = {q} \\ \\mathrm{{R}}\\ {r}$, "
        f"and {r} is smaller than {d}. The answer is {n}."
    )
    return integer_variant(
        prompt=prompt,
        params={"divisor": d, "quotient": q, "remainder": r},
        value=n,
        solution=solution,
        mistakes={
            "forgot_the_remainder": (
                d * q,
                "That number divides with nothing left over. The leftovers are part of the "
                "number too: add the remainder to divisor × quotient.",
            ),
            "took_the_remainder_away": (
                d * q - r,
                "The remainder is what is left over after the full groups, so it is added "
                "to divisor × quotient, not taken away.",
            ),
            "added_all_three": (
                d + q + r,
                "The quotient counts groups of the divisor, so multiply the divisor by the "
                "quotient before adding the remainder.",
            ),
        },
    )


_VERDICTS = {
    "A": "Right.",
    "B": "Wrong: the remainder is too big.",
    "C": "Wrong: divisor × quotient + remainder does not give the number divided.",
}


@family("check_a_division")
def check_a_division(rng: np.random.Generator) -> Variant:
    """Whether a claimed quotient and remainder are right, and if not, which check fails."""
    n, d, q, r = _division_with_remainder(rng)
    case = "ABC"[int(rng.integers(3))]  # the right verdict, each a third of the time
    if case == "A":
        claim = (q, r)
    elif case == "B":
        claim = (q - 1, r + d)
    else:
        claim = (q, r + (1 if r + 1 < d and rng.integers(2) else -1))
    cq, cr = claim
    back = d * cq + cr
    prompt = (
        f"Ali says ${n} \\div {d} = {cq} \\ \\mathrm{{R}}\\ {cr}$. Is Ali right? Check both "
        "parts of the rule."
    )
    times = f"${d} \\times {cq} + {cr} = {back}$"
    if case == "C":
        working = f"{times}, not {n}, so the parts do not give back the number."
    else:
        size = "smaller" if cr < d else "not smaller"
        working = f"{times}, the number divided, and {cr} is {size} than {d}."
    if case == "B":
        working += f" One more group of {d} fits: ${n} \\div {d} = {q} \\ \\mathrm{{R}}\\ {r}$."
    only_one = (
        "Check both parts of the rule: divisor × quotient + remainder must give the number, "
        "and the remainder must be smaller than the divisor."
    )
    mistakes = {}
    if case == "B":
        mistakes["only_multiplied_back"] = ("A", only_one)
    elif case == "C":
        mistakes["only_checked_the_remainder_size"] = ("A", only_one)
    else:
        mistakes["remainder_must_be_zero"] = (
            "C",
            "Something can be left over in a right division. Multiply back and add the "
            "remainder, then compare with the number.",
        )
    return choice_variant(
        prompt=prompt,
        params={"n": n, "divisor": d, "claim": list(claim)},
        options=_VERDICTS,
        right=case,
        solution=f"{working} The answer is {case}.",
        mistakes=mistakes,
    )


# ----------------------------------------------------------- 113. division word problems

_NEED, _FULL, _LEFT = "need", "full", "left"
_TALES = {  # the story, why the remainder is used as it is, what the answer counts
    _NEED: (
        "{n} children are going on a trip. Each van holds {d} children. How many vans are "
        "needed to take all of them?",
        "The children left over need a van too, so round up",
        ("van", "vans"),
    ),
    _FULL: (
        "{n} crayons are put into packs of {d}. How many full packs are there?",
        "The spare crayons do not fill a pack, so drop the remainder",
        ("full pack", "full packs"),
    ),
    _LEFT: (
        "{n} stickers are shared equally among {d} children, each getting as many as "
        "possible. How many stickers are left over?",
        "The question asks what is left, which is the remainder",
        ("sticker left", "stickers left"),
    ),
}
_REMAINDER_WAYS = {
    _NEED: "Round the quotient up to the next whole number.",
    _FULL: "Drop the remainder and keep the quotient.",
    _LEFT: "The remainder itself is the answer.",
}


def _story_answer(kind: str, q: int, r: int) -> int:
    """The answer of a story of ``kind`` whose division gives ``q`` remainder ``r``."""
    return {_NEED: q + 1, _FULL: q, _LEFT: r}[kind]


def _story(rng: np.random.Generator) -> tuple[str, int, int, int, int]:
    """A kind of story and a division with a remainder: kind, n, divisor, quotient, rest."""
    kind = (_NEED, _FULL, _LEFT)[int(rng.integers(3))]
    return kind, *_division_with_remainder(rng)


@family("division_story")
def division_story(rng: np.random.Generator) -> Variant:
    """A story with a remainder: round up, drop it, or give it as the answer."""
    kind, n, d, q, r = _story(rng)
    text, why, noun = _TALES[kind]
    value = _story_answer(kind, q, r)
    solution = (
        f"${n} \\div {d} = {q} \\ \\mathrm{{R}}\\ {r}$, because ${d} \\times {q} + {r} = {n}$. "
        f"{why}: the answer is {value} {noun[0] if value == 1 else noun[1]}."
    )
    reread = "Read the question again and put your answer back into the story."
    mistakes = {
        _NEED: {
            "dropped_the_remainder": (
                q,
                "With that many, some are left behind. Everyone has to go, so the "
                "leftovers need one more. " + reread,
            ),
            "gave_the_remainder": (r, "That is how many are left over. " + reread),
        },
        _FULL: {
            "rounded_up": (q + 1, "The last pack would not be full. " + reread),
            "gave_the_remainder": (r, "That is how many crayons are spare. " + reread),
        },
        _LEFT: {
            "gave_the_quotient": (
                q,
                "That is how many each child gets. The question asks how many are left.",
            ),
        },
    }[kind]
    return integer_variant(
        prompt=f"{text.format(n=n, d=d)} {WHOLE}",
        params={"kind": kind, "n": n, "divisor": d},
        value=value,
        solution=solution,
        mistakes=mistakes,
    )


@family("what_to_do_with_the_remainder")
def what_to_do_with_the_remainder(rng: np.random.Generator) -> Variant:
    """Which way a story's remainder is used, without working the answer out."""
    kind, n, d, _, _ = _story(rng)
    text = _TALES[kind][0].format(n=n, d=d)
    keys = dict(zip("ABC", (_NEED, _FULL, _LEFT), strict=True))
    key = {v: k for k, v in keys.items()}
    others = {
        _NEED: ("dropped_the_remainder", _FULL, "Dropping the leftovers leaves some behind."),
        _FULL: ("rounded_up", _NEED, "Rounding up counts a pack that is not full."),
        _LEFT: ("gave_the_quotient", _FULL, "The quotient is what each child gets."),
    }
    code, wrong, why = others[kind]
    return choice_variant(
        prompt=f"{text}\n\n${n} \\div {d}$ has a remainder. What do you do with it?",
        params={"kind": kind, "n": n, "divisor": d},
        options={k: _REMAINDER_WAYS[v] for k, v in keys.items()},
        right=key[kind],
        solution=f"{_TALES[kind][1]}. The answer is {key[kind]}.",
        mistakes={code: (key[wrong], f"{why} Read what the question asks for.")},
    )


# ------------------------------------------------------- 114. introduction to long division


def long_division_steps(n: int, d: int) -> list[tuple[int, int, int]]:
    """The steps of ``n`` divided by ``d`` from the first place where ``d`` fits: for each
    place, the number divided there, the digit written and what is left."""
    digits = [int(c) for c in str(n)]
    steps, part = [], 0
    for i, digit in enumerate(digits):
        part = part * 10 + digit
        if not steps and part < d and i < len(digits) - 1:
            continue  # the divisor does not fit yet: the quotient starts further right
        steps.append((part, part // d, part % d))
        part %= d
    return steps


def _without_inner_zeros(q: int) -> int:
    """``q`` with the zeros after its first digit left out (206 → 26)."""
    text = str(q)
    return int(text[0] + text[1:].replace("0", ""))


@family("long_division")
def long_division(rng: np.random.Generator) -> Variant:
    """A three- or four-digit number divided by 2 to 9 by long division, with a remainder
    or not; half the quotients have a zero after the first digit."""
    d = draw(rng, 2, 9)
    while True:
        q = draw(rng, 100, 999)
        if rng.integers(2):  # a place where the divisor does not fit
            q = q // 100 * 100 + (q % 10 if rng.integers(2) else q % 100 // 10 * 10)
        r = draw(rng, 0, d - 1) if rng.integers(2) else 0
        n = d * q + r
        if n <= 9999:
            break
    lines = [
        f"{k + 1}. Divide {part} by {d}: write {digit}. Multiply: ${digit} \\times {d} = "
        f"{digit * d}$. Subtract: ${part} - {digit * d} = {left}$."
        for k, (part, digit, left) in enumerate(long_division_steps(n, d))
    ]
    check = f"${q} \\times {d} + {r} = {n}$" if r else f"${q} \\times {d} = {n}$"
    solution = "\n".join(lines) + (
        f"\n\nThe quotient is {q} with remainder {r}. Check: {check}. The answer is {q}, {r}."
    )
    mistakes = {}
    if _without_inner_zeros(q) != q:
        mistakes["skipped_a_zero_in_the_quotient"] = (
            (_without_inner_zeros(q), r),
            "A place where the divisor does not fit still needs a digit in the quotient: "
            "write 0 there. Estimate first to see how many digits the answer has.",
        )
    return values_variant(
        prompt=(
            f"Work out ${n} \\div {d}$ by long division. Give the quotient and the "
            "remainder (0 if nothing is left), separated by a comma."
        ),
        params={"n": n, "divisor": d},
        value=(q, r),
        solution=solution,
        mistakes=mistakes,
    )


@family("quotient_digit_count")
def quotient_digit_count(rng: np.random.Generator) -> Variant:
    """How many digits a quotient has, from whether the divisor fits into the first digit."""
    d = draw(rng, 3, 9)
    n = draw(rng, 1000, 9999) if rng.integers(2) else draw(rng, 100, 999)
    first = int(str(n)[0])
    places = len(str(n))
    value = len(str(n // d))
    if first >= d:
        why = (
            f"{d} fits into the first digit, {first}, so the quotient starts in the "
            "same place as the number"
        )
        mistake = (
            "started_one_place_late",
            places - 1,
            "The divisor already fits into the first digit, so the quotient has a digit in "
            "that place too.",
        )
    else:
        why = (
            f"{d} does not fit into the first digit, {first}, so the quotient starts one "
            f"place later, with {int(str(n)[:2])}"
        )
        mistake = (
            "counted_the_number_digits",
            places,
            "The divisor does not fit into the first digit, so nothing is written there: "
            "the quotient starts one place to the right.",
        )
    code, wrong, message = mistake
    return integer_variant(
        prompt=(
            f"Without working it out, how many digits does the quotient of ${n} \\div {d}$ "
            f"have? {WHOLE}"
        ),
        params={"n": n, "divisor": d},
        value=value,
        solution=(
            f"{why}. The number has {places} digits, so the quotient has {value}: it is "
            f"{n // d} (remainder {n % d}). The answer is {value}."
        ),
        mistakes={code: (wrong, message)},
    )


# --------------------------------------------------------------- 115. factors and multiples


def factor_pairs(n: int) -> list[tuple[int, int]]:
    """The pairs ``(a, b)`` with ``a <= b`` and ``a * b == n``, smallest ``a`` first."""
    return [(a, n // a) for a in range(1, int(n**0.5) + 1) if n % a == 0]


def factors(n: int) -> list[int]:
    """The factors of ``n`` in increasing order."""
    pairs = factor_pairs(n)
    return sorted({a for a, _ in pairs} | {b for _, b in pairs})


@family("count_the_factors")
def count_the_factors(rng: np.random.Generator) -> Variant:
    """How many factors a number from 12 to 100 has, found by listing factor pairs."""
    while True:
        n = draw(rng, 12, 100)
        if len(factors(n)) >= 4:
            break
    pairs = factor_pairs(n)
    found = factors(n)
    listed = ", ".join(f"${a} \\times {b} = {n}$" for a, b in pairs)
    square = pairs[-1][0] == pairs[-1][1]
    note = f" The pair {pairs[-1][0]} × {pairs[-1][0]} gives one factor, not two." if square else ""
    mistakes = {
        "left_out_one_and_itself": (
            len(found) - 2,
            "Every number has 1 and itself as factors: start your list with the pair "
            "1 × the number.",
        )
    }
    if square:
        mistakes["counted_a_square_twice"] = (
            len(found) + 1,
            "One pair multiplies a number by itself. That number is one factor, so count it once.",
        )
    return integer_variant(
        prompt=f"How many factors does {n} have? {WHOLE}",
        params={"n": n},
        value=len(found),
        solution=(
            f"The factor pairs are {listed}.{note} The factors are "
            f"{', '.join(map(str, found))}, so {n} has {len(found)} factors. "
            f"The answer is {len(found)}."
        ),
        mistakes=mistakes,
    )


@family("factor_or_multiple")
def factor_or_multiple(rng: np.random.Generator) -> Variant:
    """Which sentence about a number and one of its multiples uses the words rightly."""
    a = draw(rng, 2, 12)
    b = a * draw(rng, 2, 9)
    right_word = "factor" if rng.integers(2) else "multiple"
    small, big = a, b
    if right_word == "factor":
        right = f"{small} is a factor of {big}."
        swapped = f"{big} is a factor of {small}."
        other_word = f"{small} is a multiple of {big}."
    else:
        right = f"{big} is a multiple of {small}."
        swapped = f"{small} is a multiple of {big}."
        other_word = f"{big} is a factor of {small}."
    return shuffled_choice_variant(
        rng,
        prompt=f"${small} \\times {big // small} = {big}$. Which sentence is true?",
        params={"a": a, "b": b, "word": right_word},
        choices={"right": right, "reversed_the_numbers": swapped, "mixed_up_the_words": other_word},
        solution=(
            f"Since ${small} \\times {big // small} = {big}$, {small} divides {big} exactly: "
            f"{small} is a factor of {big}, and {big} is a multiple of {small}. A factor is "
            "never bigger than the number, and a multiple never smaller."
        ),
        messages={
            "reversed_the_numbers": (
                "The word is right but the numbers are the wrong way round: factors are "
                "never bigger than the number they divide, and multiples never smaller."
            ),
            "mixed_up_the_words": (
                "Factors divide a number exactly; multiples are the number times a whole "
                "number. Check which of the two numbers divides the other."
            ),
        },
    )


# ---------------------------------------------------------------- 116. least common multiple


def _counting_to_lcm(a: int, b: int) -> tuple[int, str]:
    """The least common multiple of ``a`` and ``b``, and the working that counts in
    multiples of the larger until the smaller divides one."""
    small, big = sorted((a, b))
    lcm = math.lcm(a, b)
    tried = list(range(big, lcm + 1, big))
    misses = ", ".join(str(m) for m in tried[:-1])
    one = len(tried) == 2
    before = (
        f" {misses} {'is' if one else 'are'} not {'a multiple' if one else 'multiples'} of {small};"
        if misses
        else ""
    )
    return lcm, (
        f"Count in multiples of {big}:{before} ${lcm} \\div {small} = {lcm // small}$ "
        f"exactly. So the least common multiple is {lcm}."
    )


_PRODUCT = (
    "Multiplying the numbers gives a common multiple, but not always the least one. Count "
    "in multiples of the larger number and stop at the first the smaller one divides."
)


def _sharing_pair(rng: np.random.Generator, low: int, high: int) -> tuple[int, int]:
    """Two different numbers from ``low`` to ``high`` that share a factor other than 1 and
    neither divides the other."""
    while True:
        a, b = draw(rng, low, high), draw(rng, low, high)
        if a != b and math.gcd(a, b) > 1 and max(a, b) % min(a, b):
            return a, b


@family("least_common_multiple")
def least_common_multiple(rng: np.random.Generator) -> Variant:
    """The least common multiple of two numbers from 4 to 15 that share a factor."""
    a, b = _sharing_pair(rng, 4, 15)
    lcm, working = _counting_to_lcm(a, b)
    return integer_variant(
        prompt=f"Find the least common multiple of {a} and {b}. {WHOLE}",
        params={"a": a, "b": b},
        value=lcm,
        solution=f"{working} (${a} \\times {b} = {a * b}$ is a common multiple, but larger.)",
        mistakes={
            "multiplied_the_numbers": (a * b, _PRODUCT),
            "gave_the_greatest_common_factor": (
                math.gcd(a, b),
                "That number divides both; the question asks for a number both divide. A "
                "common multiple is at least as big as each number.",
            ),
        },
    )


_PACKS = (
    ("hot dogs", "buns"),
    ("cups", "lids"),
    ("paper plates", "napkins"),
    ("pencils", "erasers"),
)


@family("packs_to_match")
def packs_to_match(rng: np.random.Generator) -> Variant:
    """How many packs of one thing to buy so that two pack sizes give equal numbers."""
    a, b = _sharing_pair(rng, 4, 15)
    first, second = pick(rng, _PACKS)
    lcm, working = _counting_to_lcm(a, b)
    packs = lcm // a
    return integer_variant(
        prompt=(
            f"{first.capitalize()} come in packs of {a} and {second} in packs of {b}. What is "
            f"the smallest number of packs of {first} to buy so that there are exactly as "
            f"many {first} as {second}? {WHOLE}"
        ),
        params={"a": a, "b": b, "things": [first, second]},
        value=packs,
        solution=(
            f"The number of each must be a common multiple of {a} and {b}, and the smallest "
            f"is wanted. {working} That is ${lcm} \\div {a} = {packs}$ packs of {first} (and "
            f"${lcm} \\div {b} = {lcm // b}$ packs of {second}). The answer is {packs}."
        ),
        mistakes={
            "gave_the_number_of_items": (
                lcm,
                f"That is how many {first} there would be. The question asks how many packs: "
                "divide by the pack size.",
            ),
            "multiplied_the_numbers": (b, _PRODUCT),
        },
    )


# ------------------------------------------------------------ 117. multi-step word problems

_GOODS = (("cinema ticket", "cinema tickets"), ("book", "books"), ("cap", "caps"))


@family("change_after_buying")
def change_after_buying(rng: np.random.Generator) -> Variant:
    """The change from a note after buying several things at one price: two steps."""
    count, price = draw(rng, 3, 8), draw(rng, 4, 12)
    cost = count * price
    note = next(n for n in (20, 50, 100) if n > cost)
    one, many = pick(rng, _GOODS)
    change = note - cost
    return integer_variant(
        prompt=(
            f"Sam buys {count} {many} at {price} dollars each and pays with a {note}-dollar "
            f"note. How much change, in dollars, does Sam get? {WHOLE}"
        ),
        params={"count": count, "price": price, "note": note},
        value=change,
        solution=(
            f"First the hidden question, the cost: ${count} \\times {price} = {cost}$ dollars. "
            f"Then the change: ${note} - {cost} = {change}$ dollars. The answer is {change}."
        ),
        mistakes={
            "stopped_after_the_first_step": (
                cost,
                "That is what the things cost. Read the question again: it asks for the "
                "change from the note.",
            ),
            "took_away_one_price": (
                note - price,
                f"You took away the price of one {one}. Find the cost of all of them first.",
            ),
        },
    )


@family("trays_into_boxes")
def trays_into_boxes(rng: np.random.Generator) -> Variant:
    """How many boxes the items on several equal trays fill: multiply, then divide."""
    box = draw(rng, 3, 9)
    per_tray = box * draw(rng, 2, 6)
    trays = draw(rng, 3, 9)
    total = trays * per_tray
    boxes = total // box
    return integer_variant(
        prompt=(
            f"A baker makes {trays} trays with {per_tray} muffins on each tray. All the "
            f"muffins are packed into boxes of {box}. How many boxes are filled? {WHOLE}"
        ),
        params={"trays": trays, "per_tray": per_tray, "box": box},
        value=boxes,
        solution=(
            f"Hidden question, how many muffins: ${trays} \\times {per_tray} = {total}$. "
            f"Boxes: ${total} \\div {box} = {boxes}$. Check: one tray fills "
            f"${per_tray} \\div {box} = {per_tray // box}$ boxes, and "
            f"${trays} \\times {per_tray // box} = {boxes}$. The answer is {boxes}."
        ),
        mistakes={
            "stopped_after_the_first_step": (
                total,
                "That is how many muffins there are. The question asks how many boxes they "
                "fill: one more step.",
            ),
            "boxed_one_tray_only": (
                per_tray // box,
                "That is how many boxes one tray fills. There are several trays.",
            ),
        },
    )


# --------------------------------------------------------- 118. prime and composite numbers


def is_prime(n: int) -> bool:
    """Whether ``n`` has exactly two factors."""
    return n > 1 and all(n % k for k in range(2, math.isqrt(n) + 1))


_KINDS = {"A": "prime", "B": "composite", "C": "neither prime nor composite"}


@family("prime_or_composite")
def prime_or_composite(rng: np.random.Generator) -> Variant:
    """Whether a number up to 99 is prime, composite, or (for 1) neither."""
    roll = float(rng.random())
    if roll < 0.1:
        n = 1
    elif roll < 0.2:
        n = 2
    else:
        want_prime = roll < 0.6
        while True:
            n = draw(rng, 3, 99)
            if n % 2 and is_prime(n) == want_prime:
                break
    if n == 1:
        right, why = "C", "1 has only one factor, itself, so it is neither prime nor composite."
        mistakes = {
            "one_is_prime": (
                "A",
                "Primes have exactly two different factors. List the factors of 1: how many "
                "are there?",
            )
        }
    elif is_prime(n):
        right = "A"
        last = math.isqrt(n)  # past it, a divisor times itself is more than n
        tested = "2 does not divide it" if last == 2 else f"no number from 2 to {last} divides it"
        why = (
            f"Its only factors are 1 and {n}: {tested}, and "
            f"${last + 1} \\times {last + 1} = {(last + 1) ** 2}$ is past {n}."
            if n > 3
            else f"Its only factors are 1 and {n}."
        )
        mistakes = (
            {
                "even_means_composite": (
                    "B",
                    "Even numbers have 2 as a factor, but for this number 2 is the number "
                    "itself. Count its factors.",
                )
            }
            if n == 2
            else {}
        )
    else:
        right = "B"
        p = next(k for k in range(3, n) if n % k == 0)
        why = f"${p} \\times {n // p} = {n}$, so {p} is a factor besides 1 and {n}."
        mistakes = {
            "odd_means_prime": (
                "A",
                "Being odd only means 2 is not a factor. Try 3, 5, 7 and so on: a factor "
                "besides 1 and the number makes it composite.",
            )
        }
    return choice_variant(
        prompt=f"Is {n} prime, composite, or neither?",
        params={"n": n},
        options=_KINDS,
        right=right,
        solution=f"{why} The answer is {right}.",
        mistakes=mistakes,
    )


@family("count_primes_in_a_range")
def count_primes_in_a_range(rng: np.random.Generator) -> Variant:
    """How many primes lie among ten consecutive whole numbers."""
    start = draw(rng, 1, 90)
    numbers = range(start, start + 10)
    primes = [n for n in numbers if is_prime(n)]
    odd = [n for n in numbers if n % 2]
    mistakes = {
        "counted_the_odd_numbers": (
            len(odd),
            "Not every odd number is prime: test each one for a factor such as 3, 5 or 7.",
        )
    }
    if start == 1:
        mistakes["counted_one"] = (
            len(primes) + 1,
            "1 has only one factor, so it is not prime. Primes have exactly two.",
        )
    listed = ", ".join(map(str, primes))
    composites = [n for n in odd if not is_prime(n) and n > 1]
    shown = "; ".join(
        f"${p} \\times {n // p} = {n}$"
        for n in composites
        for p in [next(k for k in range(3, n) if n % k == 0)]
    )
    return integer_variant(
        prompt=(
            f"How many prime numbers are there from {start} to {start + 9}, both included? {WHOLE}"
        ),
        params={"start": start},
        value=len(primes),
        solution=(
            "Even numbers other than 2 are composite, so test the odd ones. "
            + (f"Composite: {shown}. " if shown else "")
            + ("1 is neither. " if start == 1 else "")
            + (
                f"The only prime is {listed}"
                if len(primes) == 1
                else f"The primes are {listed}, so there are {len(primes)}"
            )
            + f". The answer is {len(primes)}."
        ),
        mistakes=mistakes,
    )


# ----------------------------------------------------------------- 119. prime factorization


def prime_factors(n: int) -> list[int]:
    """The primes whose product is ``n``, smallest first, each as often as it divides."""
    out, p = [], 2
    while n > 1:
        while n % p == 0:
            out.append(p)
            n //= p
        p += 1
    return out


def _division_ladder(n: int) -> str:
    """``n`` divided by its smallest prime again and again, as formulas."""
    steps = []
    for p in prime_factors(n):
        steps.append(f"${n} \\div {p} = {n // p}$")
        n //= p
    return ", ".join(steps)


_SMALL_PRIMES = (2, 3, 5, 7)


@family("prime_factorization")
def prime_factorization(rng: np.random.Generator) -> Variant:
    """The powers of 2, 3, 5 and 7 in a number from 24 to 400 with a repeated prime."""
    while True:
        n = draw(rng, 24, 400)
        primes = prime_factors(n)
        if set(primes) <= set(_SMALL_PRIMES) and len(set(primes)) < len(primes):
            break
    powers = tuple(primes.count(p) for p in _SMALL_PRIMES)
    used = [(p, k) for p, k in zip(_SMALL_PRIMES, powers, strict=True) if k]
    written = " \\times ".join(f"{p}^{{{k}}}" if k > 1 else str(p) for p, k in used)
    return values_variant(
        prompt=(
            f"Write ${n} = 2^a \\times 3^b \\times 5^c \\times 7^d$. Give the four powers "
            "a, b, c and d, separated by commas (0 for a prime that does not divide the "
            "number)."
        ),
        params={"n": n},
        value=powers,
        solution=(
            f"Divide by the smallest prime that fits until 1 is left: {_division_ladder(n)}. "
            f"So ${n} = {' \\times '.join(map(str, primes))} = {written}$. "
            f"The answer is {', '.join(map(str, powers))}."
        ),
        mistakes={
            "each_prime_once": (
                tuple(min(k, 1) for k in powers),
                "Some prime divides the number more than once. Count every time it divides: "
                "the product of all the primes must give back the number.",
            ),
            "gave_the_prime_powers": (
                tuple(p**k if k else 0 for p, k in zip(_SMALL_PRIMES, powers, strict=True)),
                "Those are the values of the prime powers. The question asks for the powers "
                "themselves: how many times each prime appears.",
            ),
        },
    )


@family("number_from_prime_factorization")
def number_from_prime_factorization(rng: np.random.Generator) -> Variant:
    """The number whose prime factorization, written with a power, is given."""
    base = pick(rng, (2, 3))
    power = draw(rng, 2, 4) if base == 2 else 2
    others = sorted(int(p) for p in rng.choice([5, 7, 11], size=draw(rng, 1, 2), replace=False))
    value = base**power * math.prod(others)
    written = f"{base}^{{{power}}} \\times " + " \\times ".join(map(str, others))
    spelled = " \\times ".join([str(base)] * power + [str(p) for p in others])
    return integer_variant(
        prompt=f"Which number has the prime factorization ${written}$? {WHOLE}",
        params={"base": base, "power": power, "others": others},
        value=value,
        solution=(
            f"${base}^{{{power}}}$ means {power} factors of {base}, so the number is "
            f"${spelled} = {value}$. The answer is {value}."
        ),
        mistakes={
            "multiplied_by_the_power": (
                base * power * math.prod(others),
                f"A power is repeated multiplication: {base} to the power {power} means "
                f"{power} factors of {base}, not {base} times {power}.",
            )
        },
    )


# -------------------------------------------------------------- 120. greatest common factor


def _with_common_factor(rng: np.random.Generator) -> tuple[int, int, int]:
    """Two different numbers up to 120 and their greatest common factor, 2 to 12, which is
    neither of them; the smaller is not a factor of the larger."""
    while True:
        g = draw(rng, 2, 12)
        x, y = sorted((draw(rng, 2, 10), draw(rng, 2, 10)))
        if x < y and math.gcd(x, y) == 1 and g * y <= 120:
            return g * x, g * y, g


def _shared_primes(a: int, b: int, g: int) -> str:
    """The working that finds ``g`` from the prime factorizations of ``a`` and ``b``."""
    shared = prime_factors(g)
    product = " \\times ".join(map(str, shared))
    result = f"${product} = {g}$" if len(shared) > 1 else f"{g}"
    return (
        f"${a} = {' \\times '.join(map(str, prime_factors(a)))}$ and "
        f"${b} = {' \\times '.join(map(str, prime_factors(b)))}$. They share "
        f"{', '.join(map(str, shared))}, so the greatest common factor is {result}."
    )


@family("greatest_common_factor")
def greatest_common_factor(rng: np.random.Generator) -> Variant:
    """The greatest common factor of two numbers up to 120."""
    a, b, g = _with_common_factor(rng)
    mistakes = {
        "gave_the_least_common_multiple": (
            math.lcm(a, b),
            "That is a number both divide into. The greatest common factor divides both, "
            "so it is never bigger than the smaller number.",
        )
    }
    smaller = g // prime_factors(g)[-1]
    if smaller > 1:
        mistakes["stopped_at_a_smaller_common_factor"] = (
            smaller,
            "That divides both numbers, but it is not the greatest: after dividing by it, "
            "the two results still share a factor.",
        )
    return integer_variant(
        prompt=f"Find the greatest common factor of {a} and {b}. {WHOLE}",
        params={"a": a, "b": b},
        value=g,
        solution=f"{_shared_primes(a, b, g)} The answer is {g}.",
        mistakes=mistakes,
    )


_BUNCHES = (
    ("red", "blue", "balloons", "bunches"),
    ("apples", "pears", "pieces of fruit", "baskets"),
    ("pencils", "erasers", "items", "kits"),
)


@family("largest_equal_groups")
def largest_equal_groups(rng: np.random.Generator) -> Variant:
    """The greatest number of identical groups that two kinds of things split into."""
    a, b, g = _with_common_factor(rng)
    first, second, things, groups = pick(rng, _BUNCHES)
    if things == "balloons":
        have = f"{a} red balloons and {b} blue balloons"
    else:
        have = f"{a} {first} and {b} {second}"
    return integer_variant(
        prompt=(
            f"There are {have}. They are put into identical {groups}, with every one used "
            f"and each of the {groups} the same. What is the greatest number of {groups}? "
            f"{WHOLE}"
        ),
        params={"a": a, "b": b, "things": things},
        value=g,
        solution=(
            f"The number of {groups} must divide both {a} and {b}, and the greatest is "
            f"wanted. {_shared_primes(a, b, g)} Each of the {g} {groups} holds "
            f"${a} \\div {g} = {a // g}$ of the first kind and ${b} \\div {g} = {b // g}$ of "
            f"the second. The answer is {g}."
        ),
        mistakes={
            "gave_the_group_contents": (
                a // g + b // g,
                f"That is how many {things} go in each of the {groups}. The question asks "
                f"how many {groups} there are.",
            ),
            "gave_the_least_common_multiple": (
                math.lcm(a, b),
                f"The number of {groups} has to divide both amounts, so it cannot be more "
                "than the smaller amount.",
            ),
        },
    )


# --------------------------------------------------------------------- 121. unit fractions


def also_written(numerator: int, denominator: int) -> str:
    """`` numerator/denominator``, followed by its lowest terms when those differ."""
    f = Fraction(numerator, denominator)
    same = f", which is the same amount as {f.numerator}/{f.denominator}"
    return f"{numerator}/{denominator}" + (same if f.denominator != denominator else "")


_CUT_THINGS = ("ribbon", "rope", "strip of paper", "loaf of bread", "stick of clay")


@family("one_equal_piece")
def one_equal_piece(rng: np.random.Generator) -> Variant:
    """The unit fraction one piece is, when a whole is cut into equal pieces, told by the
    number of pieces or by the number of straight cuts across it."""
    pieces = draw(rng, 2, 12)
    thing = pick(rng, _CUT_THINGS)
    by_cuts = bool(rng.integers(2)) and pieces > 2
    if by_cuts:
        told = f"A {thing} is cut straight across {pieces - 1} times into equal pieces."
        count = f"{pieces - 1} cuts make {pieces} pieces (one more than the cuts)"
    else:
        told = f"A {thing} is cut into {pieces} equal pieces."
        count = f"There are {pieces} equal pieces"
    value = Fraction(1, pieces)
    mistakes = {
        "wrote_the_number_of_pieces": (
            Fraction(pieces),
            "A piece is part of one whole, so it is less than 1. Write it as a fraction: "
            "1 on top, and the number of equal pieces on the bottom.",
        )
    }
    if by_cuts:
        mistakes["counted_the_cuts"] = (
            Fraction(1, pieces - 1),
            "Count the pieces, not the cuts: each cut across adds one piece, so there is "
            "one more piece than cuts.",
        )
    return exact_variant(
        prompt=f"{told} What fraction of the {thing} is one piece? Write it as a fraction.",
        params={"pieces": pieces, "by_cuts": by_cuts},
        value=value,
        solution=(
            f"{count}, and one of them is one of {pieces} equal parts of the whole: "
            f"${frac(value)}$. The answer is 1/{pieces}."
        ),
        mistakes=mistakes,
    )


@family("compare_unit_fractions")
def compare_unit_fractions(rng: np.random.Generator) -> Variant:
    """Which of two unit fractions is bigger."""
    a, b = draw(rng, 2, 12), draw(rng, 2, 12)
    while a == b:
        b = draw(rng, 2, 12)
    bigger = "A" if a < b else "B"
    return choice_variant(
        prompt=f"Which is bigger, $\\frac{{1}}{{{a}}}$ or $\\frac{{1}}{{{b}}}$?",
        params={"a": a, "b": b},
        options={
            "A": f"$\\frac{{1}}{{{a}}}$",
            "B": f"$\\frac{{1}}{{{b}}}$",
            "C": "They are the same size.",
        },
        right=bigger,
        solution=(
            f"A whole cut into {min(a, b)} equal parts has bigger parts than a whole cut "
            f"into {max(a, b)}, so $\\frac{{1}}{{{min(a, b)}}}$ is bigger. The answer is "
            f"{bigger}."
        ),
        mistakes={
            "bigger_denominator_bigger": (
                "B" if bigger == "A" else "A",
                "The bottom number counts how many parts the whole is cut into. More parts "
                "means smaller parts.",
            ),
            "unit_fractions_all_equal": (
                "C",
                "Both are one part, but the parts are different sizes: picture each whole "
                "cut into that many equal parts.",
            ),
        },
    )


# ------------------------------------------------------- 122. fractions as parts of a whole


def _some_of_a_whole(rng: np.random.Generator) -> tuple[int, int]:
    """A whole of 3 to 12 equal parts and how many of them are meant, 1 to all but one."""
    parts = draw(rng, 3, 12)
    return parts, draw(rng, 1, parts - 1)


_OVER_THE_REST = (
    "The bottom number counts all the equal parts of the whole, not only the ones you did "
    "not count on top."
)


@family("shaded_fraction")
def shaded_fraction(rng: np.random.Generator) -> Variant:
    """The fraction of a strip of equal parts that is shaded, from a picture."""
    parts, shaded = _some_of_a_whole(rng)
    strip = " ".join(["■"] * shaded + ["□"] * (parts - shaded))
    value = Fraction(shaded, parts)
    return exact_variant(
        prompt=(
            f"This strip is cut into equal parts, and the dark parts are shaded:\n\n{strip}\n\n"
            "What fraction of the strip is shaded? Write it as a fraction."
        ),
        params={"parts": parts, "shaded": shaded},
        value=value,
        solution=(
            f"There are {parts} equal parts in all, and {shaded} of them are shaded, so the "
            f"shaded part is $\\frac{{{shaded}}}{{{parts}}}$. The answer is "
            f"{also_written(shaded, parts)}."
        ),
        mistakes={
            "shaded_over_unshaded": (Fraction(shaded, parts - shaded), _OVER_THE_REST),
            "counted_the_unshaded_parts": (
                Fraction(parts - shaded, parts),
                "That is the part that is not shaded. Count the dark parts for the top number.",
            ),
        },
    )


@family("fraction_left")
def fraction_left(rng: np.random.Generator) -> Variant:
    """The fraction of a pizza or cake left after some equal slices are eaten."""
    parts, eaten = _some_of_a_whole(rng)
    food = pick(rng, ("pizza", "cake", "pie"))
    left = parts - eaten
    value = Fraction(left, parts)
    return exact_variant(
        prompt=(
            f"A {food} is cut into {parts} equal slices, and {eaten} "
            f"{'slice is' if eaten == 1 else 'slices are'} eaten. What fraction of the {food} "
            "is left? Write it as a fraction."
        ),
        params={"parts": parts, "eaten": eaten, "food": food},
        value=value,
        solution=(
            f"${parts} - {eaten} = {left}$ slices are left, out of {parts} equal slices, so "
            f"$\\frac{{{left}}}{{{parts}}}$ is left. Check: $\\frac{{{eaten}}}{{{parts}}} + "
            f"\\frac{{{left}}}{{{parts}}} = 1$. The answer is "
            f"{also_written(left, parts)}."
        ),
        mistakes={
            "gave_the_part_eaten": (
                Fraction(eaten, parts),
                "That is the part that was eaten. The question asks what is left.",
            ),
            "left_over_eaten": (Fraction(left, eaten), _OVER_THE_REST),
        },
    )


# ---------------------------------------------------------------- 123. fractions as division

_SHARED = (("pizzas", "friends"), ("sandwiches", "children"), ("pies", "people"))


@family("equal_share_as_a_fraction")
def equal_share_as_a_fraction(rng: np.random.Generator) -> Variant:
    """How much each person gets when a few things are shared equally: a ÷ b = a/b."""
    people = draw(rng, 2, 10)
    things = draw(rng, 1, 12)
    while things % people == 0 or things == 1:
        things = draw(rng, 1, 12)
    what, who = pick(rng, _SHARED)
    value = Fraction(things, people)
    return exact_variant(
        prompt=(
            f"{things} {what} are shared equally by {people} {who}. How many {what} does each "
            f"get? Write the answer as a fraction or a mixed number."
        ),
        params={"things": things, "people": people, "what": what},
        value=value,
        solution=(
            f"Sharing {things} among {people} is ${things} \\div {people}$, and a division "
            f"is a fraction: ${things} \\div {people} = {frac(Fraction(things, people))}$. "
            f"The answer is {also_written(things, people)}."
        ),
        mistakes={
            "upside_down": (
                Fraction(people, things),
                "The fraction is upside down. The number being shared goes on top and the "
                "number of shares on the bottom.",
            ),
            "one_piece_only": (
                Fraction(1, people),
                f"That is one slice of one of the {what}. Each gets a slice from every one "
                f"of them.",
            ),
        },
    )


@family("division_to_decimal")
def division_to_decimal(rng: np.random.Generator) -> Variant:
    """A fraction with denominator 2, 4, 5, 8, 10, 20 or 25 written as a decimal."""
    bottom = pick(rng, (2, 4, 5, 8, 10, 20, 25))
    top = draw(rng, 1, 2 * bottom - 1)
    while top % bottom == 0 or Fraction(top, bottom).denominator != bottom:
        top = draw(rng, 1, 2 * bottom - 1)
    value = Fraction(top, bottom)
    decimal = f"{float(value):g}"
    answer = Expected(
        value,
        kind="exact",
        form="decimal",
        alternatives={"wrote_the_digits_side_by_side": Fraction(f"{top}.{bottom}")},
        messages={
            "wrote_the_digits_side_by_side": (
                "A decimal point is not a fraction bar: writing the two numbers either side "
                "of a point does not divide them. Work out the top divided by the bottom."
            )
        },
    )
    return Variant(
        prompt=(
            f"Write $\\frac{{{top}}}{{{bottom}}}$ as a decimal by dividing the top by the bottom."
        ),
        params={"top": top, "bottom": bottom},
        expected=float(value),
        solution=(
            f"$\\frac{{{top}}}{{{bottom}}} = {top} \\div {bottom} = {decimal}$. "
            f"The answer is {decimal}."
        ),
        answer=answer,
    )


# ---------------------------------------------------------- 124. fractions on a number line


def number_line(parts: int, dot: int) -> str:
    """The stretch from 0 to 1 in ``parts`` equal lengths, with a dot on mark ``dot``."""
    marks = ["0"] + ["●" if k == dot else "|" for k in range(1, parts)] + ["1"]
    return "```\n" + " ——— ".join(marks) + "\n```"


@family("fraction_at_a_point")
def fraction_at_a_point(rng: np.random.Generator) -> Variant:
    """The fraction a dot on a number line between 0 and 1 stands for."""
    parts = draw(rng, 3, 10)
    dot = draw(rng, 1, parts - 1)
    value = Fraction(dot, parts)
    return exact_variant(
        prompt=(
            f"The marks split the stretch from 0 to 1 into equal lengths.\n\n"
            f"{number_line(parts, dot)}\n\nWhich fraction is at the dot? Write it as a "
            "fraction."
        ),
        params={"parts": parts, "dot": dot},
        value=value,
        solution=(
            f"There are {parts - 1} marks between 0 and 1, so ${parts - 1} + 1 = {parts}$ "
            f"equal lengths: each is $\\frac{{1}}{{{parts}}}$. The dot is {dot} "
            f"{plural(dot, 'length')} from 0, so it is $\\frac{{{dot}}}{{{parts}}}$. The answer is "
            f"{also_written(dot, parts)}."
        ),
        mistakes={
            "counted_the_marks_between": (
                Fraction(dot, parts - 1),
                "Count the lengths between the marks, from 0 to 1, not the marks: there is "
                "one more length than marks in between.",
            ),
            "counted_every_mark": (
                Fraction(dot, parts + 1),
                "The marks at 0 and 1 are the ends of the whole, not extra parts. Count the "
                "equal lengths between 0 and 1.",
            ),
        },
    )


@family("fraction_past_one")
def fraction_past_one(rng: np.random.Generator) -> Variant:
    """How many unit-fraction lengths from zero a point past 1 is: a fraction above 1."""
    parts = draw(rng, 2, 8)
    beyond = draw(rng, 1, parts - 1) if parts > 2 else 1
    lengths = parts + beyond
    value = Fraction(lengths, parts)
    return exact_variant(
        prompt=(
            f"A number line is marked in steps of $\\frac{{1}}{{{parts}}}$. A dot is {beyond} "
            f"{'step' if beyond == 1 else 'steps'} to the right of 1. Which fraction is at "
            "the dot? Write it as a fraction."
        ),
        params={"parts": parts, "beyond": beyond},
        value=value,
        solution=(
            f"From 0 to 1 there are {parts} steps, so the dot is ${parts} + {beyond} = "
            f"{lengths}$ steps from 0: $\\frac{{{parts}}}{{{parts}}} + "
            f"\\frac{{{beyond}}}{{{parts}}} = \\frac{{{lengths}}}{{{parts}}}$. "
            f"The answer is {also_written(lengths, parts)}."
        ),
        mistakes={
            "counted_from_one": (
                Fraction(beyond, parts),
                "That point is between 0 and 1. Count the steps from 0, including the "
                "ones that make the first whole.",
            ),
        },
    )


# ------------------------------- 125. adding and subtracting fractions with like denominators


@family("like_denominators")
def like_denominators(rng: np.random.Generator) -> Variant:
    """The sum or difference of two fractions with the same denominator."""
    d = draw(rng, 3, 12)
    adding = bool(rng.integers(2))
    if adding:
        a, b = draw(rng, 1, d - 1), draw(rng, 1, d - 1)
        top, sign = a + b, "+"
        mistakes = {
            "added_the_denominators": (
                Fraction(a + b, 2 * d),
                "The slices are the same size, so the denominator stays: add only the "
                "numerators, which count the slices.",
            )
        }
    else:
        a = draw(rng, 2, d - 1)
        b = draw(rng, 1, a - 1)
        top, sign = a - b, "-"
        mistakes = {
            "added_instead_of_subtracting": (
                Fraction(a + b, d),
                "The sign is a minus: take the second number of parts away from the first.",
            )
        }
    value = Fraction(top, d)
    return exact_variant(
        prompt=(
            f"Work out $\\frac{{{a}}}{{{d}}} {sign} \\frac{{{b}}}{{{d}}}$. Write the answer "
            "as a fraction."
        ),
        params={"a": a, "b": b, "d": d, "adding": adding},
        value=value,
        solution=(
            f"All the parts have the same size, $\\frac{{1}}{{{d}}}$, so "
            f"{'add' if adding else 'subtract'} the numerators and keep the denominator: "
            f"$\\frac{{{a}}}{{{d}}} {sign} \\frac{{{b}}}{{{d}}} = \\frac{{{top}}}{{{d}}}$. "
            f"The answer is {also_written(top, d)}."
        ),
        mistakes=mistakes,
    )


# ------------------- 126. comparing fractions with like numerators or like denominators

_SYMBOLS = {"A": "$<$", "B": "$=$", "C": "$>$"}


def _symbol_key(x: Fraction, y: Fraction) -> str:
    return "A" if x < y else "C" if x > y else "B"


@family("compare_like_fractions")
def compare_like_fractions(rng: np.random.Generator) -> Variant:
    """The sign between two fractions that share a numerator or a denominator."""
    same_bottom = bool(rng.integers(2))
    if same_bottom:
        d = draw(rng, 3, 12)
        a, b = draw(rng, 1, d - 1), draw(rng, 1, d - 1)
        while a == b:
            b = draw(rng, 1, d - 1)
        x, y = Fraction(a, d), Fraction(b, d)
        shown = (a, d, b, d)
        why = (
            f"Both are out of {d} equal parts of the same size, so the one with more parts "
            "is bigger"
        )
        mistakes = {
            "same_denominator_means_equal": (
                "B",
                "The same denominator means the parts are the same size, not that the "
                "fractions are equal. Compare how many parts each has.",
            )
        }
    else:
        n = draw(rng, 1, 6)
        p, q = draw(rng, n + 1, 12), draw(rng, n + 1, 12)
        while p == q:
            q = draw(rng, n + 1, 12)
        x, y = Fraction(n, p), Fraction(n, q)
        shown = (n, p, n, q)
        why = (
            f"Both have {n} {'part' if n == 1 else 'parts'}, and a whole cut into "
            f"{min(p, q)} equal parts has bigger parts than one cut into {max(p, q)}"
        )
        mistakes = {
            "bigger_denominator_bigger": (
                _symbol_key(y, x),
                "With a bigger denominator the whole is cut into more parts, so each part "
                "is smaller. Compare the sizes of the parts.",
            )
        }
    right = _symbol_key(x, y)
    left_tex = f"\\frac{{{shown[0]}}}{{{shown[1]}}}"
    right_tex = f"\\frac{{{shown[2]}}}{{{shown[3]}}}"
    sign = {"A": "<", "B": "=", "C": ">"}[right]
    return choice_variant(
        prompt=f"Which sign goes in the box? ${left_tex} \\;\\square\\; {right_tex}$",
        params={"fractions": list(shown)},
        options=_SYMBOLS,
        right=right,
        solution=f"{why}: ${left_tex} {sign} {right_tex}$. The answer is {right}.",
        mistakes=mistakes,
    )


# ---------------------------------------------------------------- 127. equivalent fractions


@family("missing_number_in_equivalent_fractions")
def missing_number_in_equivalent_fractions(rng: np.random.Generator) -> Variant:
    """The missing numerator (scaling up) or denominator (scaling down) of two equivalent
    fractions."""
    while True:
        b = draw(rng, 2, 10)
        a = draw(rng, 1, b - 1)
        if math.gcd(a, b) == 1:
            break
    k = draw(rng, 2, 6)
    box = "\\square"
    if rng.integers(2):  # scale up: a/b = ?/(bk)
        shown = f"\\frac{{{a}}}{{{b}}} = \\frac{{{box}}}{{{b * k}}}"
        value = a * k
        solution = (
            f"The denominator went from {b} to {b * k}: ${b} \\times {k} = {b * k}$. "
            f"Multiply the numerator by {k} too: ${a} \\times {k} = {value}$."
        )
        slip = ("added_the_same_number", a + b * k - b)
    else:  # scale down: (ak)/(bk) = a/?
        shown = f"\\frac{{{a * k}}}{{{b * k}}} = \\frac{{{a}}}{{{box}}}"
        value = b
        solution = (
            f"The numerator went from {a * k} to {a}: ${a * k} \\div {k} = {a}$. "
            f"Divide the denominator by {k} too: ${b * k} \\div {k} = {value}$."
        )
        slip = ("subtracted_the_same_number", b * k - (a * k - a))
    code, wrong = slip
    return integer_variant(
        prompt=f"What number goes in the box? ${shown}$ {WHOLE}",
        params={"a": a, "b": b, "k": k},
        value=value,
        solution=f"{solution} The answer is {value}.",
        mistakes={
            code: (
                wrong,
                "Adding or taking away the same amount on top and bottom changes the "
                "fraction. Find what the other number was multiplied or divided by, and "
                "do the same.",
            )
        },
    )


# ----------------------------- 128. adding and subtracting fractions with unlike denominators


@family("unlike_denominators")
def unlike_denominators(rng: np.random.Generator) -> Variant:
    """The sum or difference of two fractions whose denominators differ, through the least
    common denominator."""
    while True:
        b, d = draw(rng, 2, 10), draw(rng, 2, 10)
        a, c = draw(rng, 1, b - 1), draw(rng, 1, d - 1)
        x, y = Fraction(a, b), Fraction(c, d)
        if b != d and x.denominator == b and y.denominator == d and x != y:
            break
    adding = bool(rng.integers(2))
    if not adding and x < y:
        a, b, c, d, x, y = c, d, a, b, y, x
    common = math.lcm(b, d)
    a2, c2 = a * common // b, c * common // d
    sign = "+" if adding else "-"
    value = x + y if adding else x - y
    top = a2 + c2 if adding else a2 - c2
    renamed = f"\\frac{{{a2}}}{{{common}}} {sign} \\frac{{{c2}}}{{{common}}}"
    mistakes = {
        "renamed_only_the_denominators": (
            Fraction(a + c if adding else a - c, common),
            "You changed the denominators but not the numerators. Whatever you multiply the "
            "bottom by, multiply the top by the same.",
        )
    }
    if adding:
        mistakes["added_across"] = (
            Fraction(a + c, b + d),
            "Adding the tops and the bottoms does not add the amounts. Rename both fractions "
            "with a common denominator first, then add the numerators.",
        )
    return exact_variant(
        prompt=(
            f"Work out $\\frac{{{a}}}{{{b}}} {sign} \\frac{{{c}}}{{{d}}}$. Write the answer as "
            "a fraction."
        ),
        params={"a": a, "b": b, "c": c, "d": d, "adding": adding},
        value=value,
        solution=(
            f"The least common multiple of {b} and {d} is {common}. Rename: "
            f"$\\frac{{{a}}}{{{b}}} = \\frac{{{a2}}}{{{common}}}$ and "
            f"$\\frac{{{c}}}{{{d}}} = \\frac{{{c2}}}{{{common}}}$. Then ${renamed} = "
            f"\\frac{{{top}}}{{{common}}}$. The answer is {also_written(top, common)}."
        ),
        mistakes=mistakes,
    )


# --------------------------------------------------------------- 129. classical probability

_DIE_EVENTS = (
    ("even", lambda k, n: k % 2 == 0),
    ("odd", lambda k, n: k % 2 == 1),
    ("a multiple of 3", lambda k, n: k % 3 == 0),
    ("greater than {t}", None),
    ("at most {t}", None),
)


@family("die_event_probability")
def die_event_probability(rng: np.random.Generator) -> Variant:
    """The probability of an event on one roll of a fair die with 4 to 20 faces."""
    n = pick(rng, (4, 6, 8, 10, 12, 20))
    name, test = pick(rng, _DIE_EVENTS)
    t = draw(rng, 1, n - 1)
    if test is None:
        above = name.startswith("greater")
        test = (lambda k, _n: k > t) if above else (lambda k, _n: k <= t)
        name = name.format(t=t)
    event = [k for k in range(1, n + 1) if test(k, n)]
    k = len(event)
    value = Fraction(k, n)
    listed = ", ".join(map(str, event))
    return exact_variant(
        prompt=(
            f"A fair die has {n} faces, numbered 1 to {n}. It is rolled once. What is the "
            f"probability that the number rolled is {name}? Give an exact fraction."
        ),
        params={"faces": n, "event": name},
        value=value,
        solution=(
            f"The {n} faces are equally likely. The event is $\\{{{listed}\\}}$, {k} "
            f"{'outcome' if k == 1 else 'outcomes'}, so the probability is "
            f"$\\frac{{{k}}}{{{n}}}$. The answer is {also_written(k, n)}."
        ),
        mistakes={
            "counted_the_complement": (
                Fraction(n - k, n),
                "You counted the outcomes outside the event. Count the ones where the event "
                "happens.",
            ),
            "event_over_the_rest": (
                Fraction(k, n - k),
                "The denominator is every possible outcome, not only those outside the event.",
            ),
        },
    )


def _ordered_pairs(total: int) -> list[tuple[int, int]]:
    return [(r, b) for r in range(1, 7) for b in range(1, 7) if r + b == total]


@family("two_dice_sum_probability")
def two_dice_sum_probability(rng: np.random.Generator) -> Variant:
    """The probability that two fair six-sided dice show a given sum."""
    total = draw(rng, 3, 11)
    pairs = _ordered_pairs(total)
    unordered = {tuple(sorted(p)) for p in pairs}
    value = Fraction(len(pairs), 36)
    listed = ", ".join(f"({r}, {b})" for r, b in pairs)
    return exact_variant(
        prompt=(
            f"Two fair six-sided dice, one red and one blue, are rolled. What is the "
            f"probability that the two numbers add up to {total}? Give an exact fraction."
        ),
        params={"total": total},
        value=value,
        solution=(
            f"There are $6 \\times 6 = 36$ equally likely ordered outcomes (red, blue). "
            f"The sum is {total} for {listed}: {len(pairs)} outcomes. So the probability is "
            f"$\\frac{{{len(pairs)}}}{{36}}$. The answer is {also_written(len(pairs), 36)}."
        ),
        mistakes={
            "sums_as_equally_likely": (
                Fraction(1, 11),
                "The 11 possible sums are not equally likely: some can be made in more ways. "
                "Count the 36 ordered (red, blue) outcomes instead.",
            ),
            "counted_unordered_pairs": (
                Fraction(len(unordered), 36),
                "A red 3 with a blue 4 and a red 4 with a blue 3 are different outcomes. "
                "Count each order separately.",
            ),
        },
    )


# ---------------------------------------------- 130. comparing fractions with unlike denominators


@family("compare_unlike_fractions")
def compare_unlike_fractions(rng: np.random.Generator) -> Variant:
    """The sign between two fractions whose numerators and denominators both differ."""
    while True:
        b, d = draw(rng, 3, 12), draw(rng, 3, 12)
        a, c = draw(rng, 1, b - 1), draw(rng, 1, d - 1)
        x, y = Fraction(a, b), Fraction(c, d)
        if b != d and a != c and x != y and x.denominator == b and y.denominator == d:
            break
    right = _symbol_key(x, y)
    by_tops = _symbol_key(Fraction(a), Fraction(c))
    by_bottoms = _symbol_key(Fraction(b), Fraction(d))
    mistakes = {}
    if by_tops != right:
        mistakes["compared_the_numerators_only"] = (
            by_tops,
            "The numerators count parts, but the parts are different sizes. Rename both "
            "fractions with a common denominator, or compare each with one half.",
        )
    elif by_bottoms != right:
        mistakes["bigger_denominator_bigger"] = (
            by_bottoms,
            "Bigger denominators mean smaller parts, not a bigger fraction. Rename both "
            "with a common denominator and compare the numerators.",
        )
    common = math.lcm(b, d)
    a2, c2 = a * common // b, c * common // d
    sign = {"A": "<", "C": ">"}[right]
    left_tex, right_tex = f"\\frac{{{a}}}{{{b}}}", f"\\frac{{{c}}}{{{d}}}"
    return choice_variant(
        prompt=f"Which sign goes in the box? ${left_tex} \\;\\square\\; {right_tex}$",
        params={"fractions": [a, b, c, d]},
        options=_SYMBOLS,
        right=right,
        solution=(
            f"The least common multiple of {b} and {d} is {common}: ${left_tex} = "
            f"\\frac{{{a2}}}{{{common}}}$ and ${right_tex} = \\frac{{{c2}}}{{{common}}}$. "
            f"Since {a2} is {'less' if a2 < c2 else 'more'} than {c2}, "
            f"${left_tex} {sign} {right_tex}$. The answer is {right}."
        ),
        mistakes=mistakes,
    )


# -------------------------------------------------------------- 131. introduction to ratios

_COLLECTIONS = (
    ("bag", "marbles", ("red", "green")),
    ("box", "pens", ("blue", "black")),
    ("tray", "cupcakes", ("chocolate", "vanilla")),
    ("jar", "sweets", ("lemon", "cherry")),
)


def _two_groups(rng: np.random.Generator) -> tuple[str, str, str, str, int, int]:
    """A container of two kinds of thing and how many of each, 2 to 15, not equal."""
    holder, things, (first, second) = pick(rng, _COLLECTIONS)
    p, q = draw(rng, 2, 15), draw(rng, 2, 15)
    while p == q:
        q = draw(rng, 2, 15)
    return holder, things, first, second, p, q


@family("write_a_ratio")
def write_a_ratio(rng: np.random.Generator) -> Variant:
    """A part-to-part or part-to-whole ratio of two groups, in the order asked."""
    holder, things, first, second, p, q = _two_groups(rng)
    whole = p + q
    kind = pick(rng, ("first_to_second", "second_to_first", "first_to_whole"))
    reversed_ = (
        "The numbers are in the wrong order: the first number counts the first thing "
        "named in the question."
    )
    with_whole = (
        "That compares with the whole collection. The question compares one group with "
        "the other group."
    )
    if kind == "first_to_second":
        asked, value = f"{first} {things} to {second} {things}", (p, q)
        mistakes = {
            "reversed_the_order": ((q, p), reversed_),
            "used_the_whole": ((p, whole), with_whole),
        }
    elif kind == "second_to_first":
        asked, value = f"{second} {things} to {first} {things}", (q, p)
        mistakes = {
            "reversed_the_order": ((p, q), reversed_),
            "used_the_whole": ((q, whole), with_whole),
        }
    else:
        asked, value = f"{first} {things} to all the {things}", (p, whole)
        other_part = (
            "That compares the two groups. The question compares one group with all of "
            "them: add the groups for the second number."
        )
        mistakes = {
            "used_the_other_part": ((p, q), other_part),
            "reversed_the_order": ((whole, p), reversed_),
        }
    total = f" There are ${p} + {q} = {whole}$ {things} in all." if kind == "first_to_whole" else ""
    return values_variant(
        prompt=(
            f"A {holder} holds {p} {first} {things} and {q} {second} {things}. Write the "
            f"ratio of {asked}. Give its two numbers in order, separated by a comma."
        ),
        params={"first": p, "second": q, "kind": kind},
        value=value,
        solution=(
            f"The first number counts the first thing named.{total} The ratio of {asked} "
            f"is ${value[0]}:{value[1]}$. The answer is {value[0]}, {value[1]}."
        ),
        mistakes=mistakes,
    )


@family("fraction_from_a_ratio")
def fraction_from_a_ratio(rng: np.random.Generator) -> Variant:
    """The fraction of a collection one group makes, from a part-to-part ratio."""
    holder, things, first, second, p, q = _two_groups(rng)
    whole = p + q
    value = Fraction(p, whole)
    return exact_variant(
        prompt=(
            f"In a {holder}, the ratio of {first} {things} to {second} {things} is "
            f"${p}:{q}$. What fraction of the {things} are {first}? Write it as a fraction."
        ),
        params={"first": p, "second": q},
        value=value,
        solution=(
            f"For every {p} {first} there are {q} {second}, so {p} of every "
            f"${p} + {q} = {whole}$ {things} are {first}: $\\frac{{{p}}}{{{whole}}}$. "
            f"The answer is {also_written(p, whole)}."
        ),
        mistakes={
            "part_to_part_as_a_fraction": (
                Fraction(p, q),
                "The ratio compares one group with the other, but a fraction of the "
                "collection compares a group with all of it. Add the two parts for the "
                "denominator.",
            ),
            "gave_the_other_group": (
                Fraction(q, whole),
                f"That is the fraction that are {second}. The question asks about the "
                f"{first} ones.",
            ),
        },
    )
