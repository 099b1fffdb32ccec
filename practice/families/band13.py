"""Question families for band 13 of the KL plan (positions 261 to 282): covariance and
correlation, base-2 logarithms as counts of bits, tail bounds, similar triangles, the
binary symmetric channel, the binomial distribution, derivatives from the definition,
Hartley information, the law of large numbers and the mean value theorem; then angles in
radians and their conversion to and from degrees, the unit circle, the sum and
difference identities, the limits of sin x / x and (1 - cos x) / x, the graphs of
sine and cosine, the variance of a random variable,
vectors in the plane, the change of base of a logarithm and the natural logarithm.

Every family draws its numbers from ``rng`` and computes the answer in code: integers or
:class:`fractions.Fraction` where the answer is exact, floats (to 3 significant figures)
where a square root or a logarithm makes it irrational. Each named mistake is the value
that mistake gives for the variant's own numbers.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from practice.families import (
    WHOLE,
    and_list,
    draw,
    exact_variant,
    family,
    frac,
    integer_variant,
    nonzero,
    number_variant,
    pick,
    polynomial,
    shuffled_choice_variant,
    signed,
    term,
)
from practice.families.band15 import SPECIAL, _reference, exact_sin_cos, pi_times, signed_frac
from practice.grader import DEFAULT_REL_TOL
from practice.questions import Variant

LOWEST = "Give a whole number or a fraction in lowest terms."
SIG3 = "Give your answer to 3 significant figures."


def _apart(*values: float) -> bool:
    """Whether every two of ``values`` differ by more than 2%, so that a student's answer
    rounded to 3 significant figures names at most one of them."""
    return all(
        not math.isclose(x, y, rel_tol=0.02, abs_tol=1e-3)
        for i, x in enumerate(values)
        for y in values[i + 1 :]
    )


def _sig3(x: float) -> str:
    """``x`` to 3 significant figures, trailing zeros kept: ``0.220``, ``156``, ``3.00``."""
    return f"{x:#.3g}".rstrip(".")


def _round3(x: float) -> float:
    """``x`` rounded to 3 significant figures, as a student writes down a step."""
    return float(f"{x:.3g}")


def _rounding_tol(value: float, *routes: float) -> float:
    """A relative tolerance that marks right every answer worked along ``routes`` (the
    results a student reaches who rounds each step to 3 significant figures), rounded to 3
    significant figures at the end as well; never tighter than the default."""
    worst = max(abs(r - value) for route in routes for r in (route, _round3(route)))
    return max(DEFAULT_REL_TOL, 1.1 * worst / abs(value))


def _clear_of(value: float, tol: float, *slips: float) -> bool:
    """Whether every slip lies further from ``value`` than its tolerance and a 1% margin,
    so that a slip rounded to 3 significant figures is never marked right."""
    return all(abs(s - value) > (tol + 0.01) * abs(value) for s in slips)


def _root(n: int) -> str:
    """``\\sqrt{n}`` in LaTeX with its value: ``= 5`` when exact, else ``\\approx`` 4 places."""
    r = math.isqrt(n)
    return f"\\sqrt{{{n}}} = {r}" if r * r == n else f"\\sqrt{{{n}}} \\approx {math.sqrt(n):.4f}"


# ------------------------------------------------------ 261. covariance and correlation


@family("covariance_of_equally_likely_pairs")
def covariance_of_equally_likely_pairs(rng: np.random.Generator) -> Variant:
    """Cov(X, Y) of a pair that takes 3 or 4 listed values, each equally likely."""
    n = draw(rng, 3, 4)
    pairs = [(draw(rng, 0, 9), draw(rng, 0, 9)) for _ in range(n)]
    xs, ys = [x for x, _ in pairs], [y for _, y in pairs]
    mx, my = Fraction(sum(xs), n), Fraction(sum(ys), n)
    products = [(x - mx) * (y - my) for x, y in pairs]
    value = sum(products) / n
    mean_xy = Fraction(sum(x * y for x, y in pairs), n)
    listed = and_list([f"$({x}, {y})$" for x, y in pairs])
    prompt = (
        f"A pair $(X, Y)$ takes one of {n} values, each with probability "
        f"$\\frac{{1}}{{{n}}}$: {listed}. Find $\\operatorname{{Cov}}(X, Y)$. {LOWEST}"
    )
    deviations = ", ".join(frac(p) for p in products)
    solution = (
        f"The means are $\\mu_X = {frac(mx)}$ and $\\mu_Y = {frac(my)}$. The products of "
        f"the deviations $(x - \\mu_X)(y - \\mu_Y)$ are ${deviations}$, and their mean is "
        f"$\\operatorname{{Cov}}(X, Y) = {frac(value)}$. Check: "
        f"$\\mathbb{{E}}[XY] - \\mu_X \\mu_Y = {frac(mean_xy)} - {frac(mx)} \\times "
        f"{frac(my)} = {frac(value)}$."
    )
    mistakes = {
        "reported_the_mean_of_the_products": (
            mean_xy,
            "That is the mean of XY. The covariance subtracts the product of the two "
            "means from it, or averages the products of the deviations from the means.",
        ),
        "divided_by_one_less_than_the_count": (
            sum(products) / (n - 1),
            "Dividing by one less than the count estimates a covariance from a sample. "
            "Here the distribution is given: weight each product by its probability.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"pairs": [[x, y] for x, y in pairs]},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Find the two means first, then average the products of the deviations from them.",
    )


@family("correlation_from_covariance")
def correlation_from_covariance(rng: np.random.Generator) -> Variant:
    """rho = Cov / (sigma_X sigma_Y) from the two variances and the covariance."""
    while True:
        vx, vy = draw(rng, 2, 30), draw(rng, 2, 30)
        cov = draw(rng, -30, 30)
        value = cov / math.sqrt(vx * vy)
        variances = cov / (vx * vy)
        if cov and abs(value) < 1 and _apart(value, variances):
            break
    prompt = (
        f"Two random variables have $\\operatorname{{Var}}(X) = {vx}$, "
        f"$\\operatorname{{Var}}(Y) = {vy}$ and $\\operatorname{{Cov}}(X, Y) = {cov}$. "
        f"What is their correlation $\\rho(X, Y)$? {SIG3}"
    )
    solution = (
        f"The standard deviations are $\\sigma_X = {_root(vx)}$ and "
        f"$\\sigma_Y = {_root(vy)}$. "
        f"So $\\rho = \\dfrac{{{cov}}}{{\\sqrt{{{vx}}}\\sqrt{{{vy}}}}} = "
        f"\\dfrac{{{cov}}}{{\\sqrt{{{vx * vy}}}}} \\approx {value:.4f}$, or {value:#.3g} to 3 "
        "significant figures."
    )
    mistakes = {
        "divided_by_the_variances": (
            variances,
            "You divided by the two variances. Correlation divides by the standard "
            "deviations: take the square root of each variance first.",
        ),
    }
    return number_variant(
        prompt=prompt,
        params={"var_x": vx, "var_y": vy, "cov": cov},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Turn each variance into a standard deviation first.",
    )


# ---------------------------------------------------------------- 262. logarithms base 2


@family("log2_by_change_of_base")
def log2_by_change_of_base(rng: np.random.Generator) -> Variant:
    """log2 x from natural logarithms, for a whole x that is not a power of 2."""
    while True:
        x = draw(rng, 3, 5000)
        value = math.log(x) / math.log(2)
        halved = math.log(x) / 2
        flipped = math.log(2) / math.log(x)
        if x & (x - 1) and _apart(value, halved, flipped):
            break
    low = x.bit_length() - 1
    prompt = (
        f"Your calculator has only a natural logarithm key. Use it to find $\\log_2 {x}$. {SIG3}"
    )
    solution = (
        f"By the change of base, $\\log_2 {x} = \\dfrac{{\\ln {x}}}{{\\ln 2}} \\approx "
        f"\\dfrac{{{math.log(x):.4f}}}{{{math.log(2):.4f}}} \\approx {value:.4f}$, or "
        f"{value:#.3g} to 3 significant figures. Check: $2^{{{low}}} = {2**low}$ and "
        f"$2^{{{low + 1}}} = {2 ** (low + 1)}$, so the answer lies between {low} and {low + 1}."
    )
    mistakes = {
        "divided_the_logarithm_by_two": (
            halved,
            "You divided by 2 itself. The base goes into the denominator through its own "
            "logarithm: divide by ln 2.",
        ),
        "flipped_the_change_of_base": (
            flipped,
            "The quotient is upside down. The logarithm of the number you are measuring "
            "goes on top, the logarithm of the base below.",
        ),
    }
    return number_variant(
        prompt=prompt,
        params={"x": x},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=(
            f"Which powers of 2 lie either side of {x}? Then divide one natural "
            "logarithm by another."
        ),
    )


@family("yes_no_questions_for_n_options")
def yes_no_questions_for_n_options(rng: np.random.Generator) -> Variant:
    """The fewest yes-or-no questions that always single out one of n options."""
    while True:
        n = draw(rng, 5, 3000)
        if n & (n - 1):
            break
    value = (n - 1).bit_length()  # the least k with 2^k >= n
    thing = pick(rng, ("cards in a pile", "suspects", "numbers on a list", "rooms in a hotel"))
    prompt = (
        f"One of {n} {thing} has been chosen, all equally likely. Each yes-or-no question "
        "can split the options that remain however you like. What is the smallest number of "
        f"questions that always finds the chosen one? {WHOLE}"
    )
    solution = (
        f"$k$ questions can tell apart at most $2^k$ options. Here "
        f"$2^{{{value - 1}}} = {2 ** (value - 1)} < {n} \\le {2**value} = 2^{{{value}}}$, so "
        f"$\\log_2 {n} \\approx {math.log2(n):.3f}$ and {value} questions are needed: the "
        "next whole number up."
    )
    mistakes = {
        "rounded_the_logarithm_down": (
            value - 1,
            "With that many questions some answers would still leave two or more options. "
            "Round the base-2 logarithm up, not down.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"n": n},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=f"List powers of 2 until one reaches {n}: each question at most halves what remains.",
    )


@family("convert_between_bits_and_nats")
def convert_between_bits_and_nats(rng: np.random.Generator) -> Variant:
    """An amount of information in bits written in nats, or in nats written in bits."""
    amount = draw(rng, 2, 60) / 4
    to_nats = bool(rng.integers(2))
    ln2 = math.log(2)
    value, wrong = (amount * ln2, amount / ln2) if to_nats else (amount / ln2, amount * ln2)
    have, want = ("bits", "nats") if to_nats else ("nats", "bits")
    prompt = f"A message carries {amount:g} {have} of information. How many {want} is that? {SIG3}"
    step = (
        f"multiply by $\\ln 2$: ${amount:g} \\times {ln2:.4f}"
        if to_nats
        else f"divide by $\\ln 2$: ${amount:g} \\div {ln2:.4f}"
    )
    solution = (
        f"Since $\\ln x = \\ln 2 \\times \\log_2 x$, to turn {have} into {want} {step} "
        f"\\approx {value:.4f}$, or {value:#.3g} {want} to 3 significant figures. A nat is "
        "the larger unit, so the count in nats is the smaller one."
    )
    mistakes = {
        "converted_the_wrong_way": (
            wrong,
            "You converted in the wrong direction. A nat is larger than a bit (e is larger "
            "than 2), so the same information is fewer nats than bits.",
        ),
    }
    return number_variant(
        prompt=prompt,
        params={"amount": amount, "to_nats": to_nats},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Which unit is larger, a bit or a nat? Decide first.",
    )


# ------------------------------------------- 263. Markov's and Chebyshev's inequalities

_NONNEGATIVE = (
    ("The waiting time at a help desk", "minutes"),
    ("The weekly rainfall in a town", "millimetres"),
    ("The size of a file downloaded from a server", "megabytes"),
    ("The daily number of visitors to a small museum", "visitors"),
)


@family("markov_tail_bound")
def markov_tail_bound(rng: np.random.Generator) -> Variant:
    """Markov's bound on P(X >= a), or the least chance of X < a that it leaves."""
    what, unit = pick(rng, _NONNEGATIVE)
    mean = draw(rng, 2, 40)
    a = mean * draw(rng, 2, 6) + draw(rng, 0, mean - 1)
    far = bool(rng.integers(2))
    bound = Fraction(mean, a)
    value = bound if far else 1 - bound
    wrong = 1 - bound if far else bound
    ask = (
        f"at most what probability can it be at least {a} {unit}"
        if far
        else f"at least what probability must it be below {a} {unit}"
    )
    prompt = (
        f"{what} is never negative and has mean {mean} {unit}. Knowing nothing else about "
        f"its distribution, {ask}? {LOWEST}"
    )
    solution = (
        f"Markov's inequality gives $P(X \\ge {a}) \\le \\dfrac{{{mean}}}{{{a}}}"
        f"{'' if math.gcd(mean, a) == 1 else ' = ' + frac(bound)}$"
    )
    if far:
        solution += f", so the probability is at most ${frac(value)}$."
    else:
        solution += (
            f", so $P(X < {a}) \\ge 1 - {frac(bound)} = {frac(value)}$: at least ${frac(value)}$."
        )
    message = (
        "Markov bounds the chance of a large value; the chance of a value below the "
        "threshold is at least one minus that bound."
        if not far
        else "Markov's bound itself is the limit on reaching the threshold; you gave the "
        "chance of staying below it."
    )
    code = "gave_the_bound_for_the_wrong_side"
    return exact_variant(
        prompt=prompt,
        params={"mean": mean, "a": a, "far": far, "what": what},
        value=value,
        solution=solution,
        mistakes={code: (wrong, message)},
        hint=(
            f"Divide the mean by the threshold {a}, then ask which side of it the question "
            "is about."
        ),
    )


@family("chebyshev_tail_bound")
def chebyshev_tail_bound(rng: np.random.Generator) -> Variant:
    """Chebyshev's bound on P(|X - mu| >= k) from the standard deviation."""
    while True:
        sd = draw(rng, 2, 12)
        k = draw(rng, sd + 1, 4 * sd)
        value = Fraction(sd * sd, k * k)
        if Fraction(sd, k) != value and Fraction(sd * sd, k) < 1:
            break
    mu = draw(rng, 10, 200)
    prompt = (
        f"A random variable has mean {mu} and standard deviation {sd}; nothing else is "
        f"known about it. Use Chebyshev's inequality to bound the probability that it lands "
        f"{k} or more away from {mu}, that is, at most {mu - k} or at least {mu + k}. "
        f"{LOWEST}"
    )
    solution = (
        f"The variance is ${sd}^2 = {sd * sd}$, so "
        f"$P(|X - {mu}| \\ge {k}) \\le \\dfrac{{{sd * sd}}}{{{k}^2}} = "
        f"\\dfrac{{{sd * sd}}}{{{k * k}}}"
        f"{'' if math.gcd(sd, k) == 1 else ' = ' + frac(value)}$. The probability is therefore "
        f"at most ${frac(value)}$."
    )
    mistakes = {
        "used_the_standard_deviation": (
            Fraction(sd, k),
            "Chebyshev divides the variance by the square of the distance. You divided the "
            "standard deviation by the distance: square both.",
        ),
        "did_not_square_the_distance": (
            Fraction(sd * sd, k),
            "The distance must be squared too, since the bound comes from Markov's "
            "inequality for the squared distance from the mean.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"mu": mu, "sd": sd, "k": k},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Turn the standard deviation into the variance first.",
    )


# ----------------------------------------------------------- 264. similar triangles: AA


@family("parallel_cut_missing_side")
def parallel_cut_missing_side(rng: np.random.Generator) -> Variant:
    """BC from AD, AB and DE when DE is parallel to BC (triangles ADE and ABC by AA)."""
    ad = draw(rng, 2, 12)
    ab = ad + draw(rng, 1, 15)
    de = draw(rng, 2, 15)
    value = Fraction(de * ab, ad)
    prompt = (
        f"In triangle $ABC$, the point $D$ lies on $AB$ and $E$ on $AC$, with $DE$ parallel "
        f"to $BC$. If $AD = {ad}$, $AB = {ab}$ and $DE = {de}$, how long is $BC$? {LOWEST}"
    )
    solution = (
        "Triangles $ADE$ and $ABC$ share the angle at $A$, and the angles at $D$ and $B$ "
        "are corresponding angles on parallel lines, so the triangles are similar (AA). "
        f"The scale factor from $ADE$ to $ABC$ is $\\dfrac{{AB}}{{AD}} = "
        f"\\dfrac{{{ab}}}{{{ad}}}$, so $BC = {de} \\times \\dfrac{{{ab}}}{{{ad}}} = "
        f"{frac(value)}$."
    )
    mistakes = {
        "added_the_difference": (
            Fraction(de + ab - ad),
            "Similar triangles are scaled, not shifted: multiply by the ratio of two "
            "matching sides instead of adding their difference.",
        ),
        "compared_with_the_lower_piece": (
            Fraction(de * (ab - ad), ad),
            "DB is only the lower piece of the side. The big triangle's side is the whole "
            "of AB, measured from the shared corner A.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"ad": ad, "ab": ab, "de": de},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Which angles do the small and the big triangle have in common?",
    )


@family("aa_similar_or_not")
def aa_similar_or_not(rng: np.random.Generator) -> Variant:
    """Whether two triangles, each given by two angles, are similar."""
    while True:
        a, b = draw(rng, 25, 85), draw(rng, 25, 85)
        c = 180 - a - b
        if c > 10 and len({a, b, c}) == 3:
            break
    similar = bool(rng.integers(2))
    if similar:
        first, second = (a, b), (c, a) if rng.integers(2) else (b, c)
    else:
        while True:
            shift = pick(rng, (-7, -5, -4, 4, 5, 7))
            if c + shift != b and min(c + shift, b - shift) > 10:
                break
        first, second = (a, b), (a, c + shift)
    third1 = 180 - sum(first)
    third2 = 180 - sum(second)
    prompt = (
        f"Triangle $PQR$ has angles of ${first[0]}^\\circ$ and ${first[1]}^\\circ$. Triangle "
        f"$XYZ$ has angles of ${second[0]}^\\circ$ and ${second[1]}^\\circ$. Are the two "
        "triangles similar?"
    )
    angles1 = sorted((*first, third1))
    angles2 = sorted((*second, third2))
    solution = (
        f"The third angles are $180 - {first[0]} - {first[1]} = {third1}$ and "
        f"$180 - {second[0]} - {second[1]} = {third2}$. So $PQR$ has angles "
        f"{and_list([str(x) for x in angles1])} and $XYZ$ has angles "
        f"{and_list([str(x) for x in angles2])} (in degrees): "
        + (
            "the same three angles, so the triangles are similar by AA."
            if similar
            else "only one angle matches, so the triangles are not similar."
        )
    )
    if similar:
        choices = {
            "right": "Yes: they have two pairs of equal angles.",
            "compared_only_the_listed_angles": "No: the angles given are not the same.",
        }
        messages = {
            "compared_only_the_listed_angles": "Work out each triangle's third angle "
            "before comparing: the angles may match in a different order.",
        }
    else:
        choices = {
            "right": "No: only one pair of angles is equal.",
            "one_equal_angle_is_enough": "Yes: they share an angle.",
        }
        messages = {
            "one_equal_angle_is_enough": "One shared angle is not enough. AA needs two "
            "pairs of equal angles; find each third angle and compare all three.",
        }
    return shuffled_choice_variant(
        rng,
        prompt=prompt,
        params={"first": list(first), "second": list(second), "similar": similar},
        choices=choices,
        solution=solution,
        messages=messages,
        hint="Find the third angle of each triangle first.",
    )


# ----------------------------------------------------- 265. the binary symmetric channel


def _decimal(x: Fraction) -> str:
    """A fraction with a terminating decimal written as that decimal: ``0.34``."""
    return f"{float(x):g}"


def _channel(rng: np.random.Generator) -> tuple[Fraction, Fraction]:
    """A crossover probability (hundredths up to 0.25) and a chance of sending 1 (in
    twentieths, never one half)."""
    eps = Fraction(draw(rng, 1, 25), 100)
    while True:
        p = Fraction(draw(rng, 1, 19), 20)
        if p != Fraction(1, 2):
            return eps, p


@family("bsc_output_probability")
def bsc_output_probability(rng: np.random.Generator) -> Variant:
    """P(Y = 1) at the output of a binary symmetric channel."""
    eps, p = _channel(rng)
    kept, flipped = p * (1 - eps), (1 - p) * eps
    value = kept + flipped
    prompt = (
        f"A source sends 1 with probability ${_decimal(p)}$ and 0 otherwise, through a "
        f"binary symmetric channel that flips each bit with probability "
        f"$\\epsilon = {_decimal(eps)}$. What is the probability that the receiver sees a 1? "
        "Give an exact decimal or fraction."
    )
    solution = (
        "A 1 arrives when a 1 is sent and kept, or a 0 is sent and flipped: "
        f"$P(Y = 1) = {_decimal(p)} \\times {_decimal(1 - eps)} + {_decimal(1 - p)} \\times "
        f"{_decimal(eps)} = {_decimal(kept)} + {_decimal(flipped)} = {_decimal(value)}$."
    )
    mistakes = {
        "forgot_the_flipped_zeros": (
            kept,
            "That counts only the ones that survive. A 0 that is flipped also arrives as a "
            "1: add that route too.",
        ),
        "took_the_input_probability": (
            p,
            "The channel changes the distribution: some ones are lost and some zeros "
            "become ones. Add the two routes to a received 1.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"eps": str(eps), "p": str(p)},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="There are two ways for a 1 to arrive. List them.",
    )


@family("bsc_posterior_of_the_sent_bit")
def bsc_posterior_of_the_sent_bit(rng: np.random.Generator) -> Variant:
    """P(X = y | Y = y): how often a received bit is the bit that was sent."""
    while True:
        eps, p = _channel(rng)
        seen = int(rng.integers(2))
        prior = p if seen else 1 - p  # the chance the received symbol was sent
        right = prior * (1 - eps)
        wrong = (1 - prior) * eps
        value = right / (right + wrong)
        if _apart(float(value), float(1 - eps), float(prior)):
            break
    prompt = (
        f"A source sends 1 with probability ${_decimal(p)}$ through a binary symmetric "
        f"channel with $\\epsilon = {_decimal(eps)}$. The receiver sees a {seen}. What is the "
        f"probability that a {seen} was sent? {SIG3}"
    )
    solution = (
        f"By Bayes' rule, $P(X = {seen} \\mid Y = {seen}) = "
        f"\\dfrac{{{_decimal(prior)} \\times {_decimal(1 - eps)}}}{{{_decimal(prior)} \\times "
        f"{_decimal(1 - eps)} + {_decimal(1 - prior)} \\times {_decimal(eps)}}} = "
        f"\\dfrac{{{_decimal(right)}}}{{{_decimal(right + wrong)}}} \\approx "
        f"{float(value):.4f}$, or {float(value):#.3g} to 3 significant figures."
    )
    mistakes = {
        "ignored_how_common_each_input_is": (
            float(1 - eps),
            "One minus the flip chance is the chance of arriving intact given what was "
            "sent. Here the sent bit is unknown: weigh both inputs by how often they are "
            "sent, as Bayes' rule does.",
        ),
        "answered_the_prior": (
            float(prior),
            "That is how often the bit is sent before anything is received. Update it with "
            "what the channel does, using Bayes' rule.",
        ),
    }
    return number_variant(
        prompt=prompt,
        params={"eps": str(eps), "p": str(p), "seen": seen},
        value=float(value),
        solution=solution,
        mistakes=mistakes,
        hint=f"Find the probability of receiving a {seen} by both routes first.",
    )


@family("bsc_block_arrives_intact")
def bsc_block_arrives_intact(rng: np.random.Generator) -> Variant:
    """The chance that a block of n bits crosses the channel with no bit flipped."""
    while True:
        eps = Fraction(draw(rng, 1, 12), 100)
        n = draw(rng, 3, 16)
        value = float((1 - eps) ** n)
        linear = float(1 - n * eps)
        if linear > 0 and _apart(value, linear):
            break
    prompt = (
        f"A binary symmetric channel flips each bit with probability "
        f"$\\epsilon = {_decimal(eps)}$, independently. What is the probability that a block "
        f"of {n} bits arrives with no error at all? {SIG3}"
    )
    solution = (
        f"Each bit survives with probability ${_decimal(1 - eps)}$, and the bits are "
        f"independent, so all {n} survive with probability ${_decimal(1 - eps)}^{{{n}}} "
        f"\\approx {value:.4f}$, or {value:#.3g} to 3 significant figures."
    )
    mistakes = {
        "subtracted_the_flip_chance_per_bit": (
            linear,
            "Subtracting the flip chance once per bit counts the blocks with two or more "
            "errors more than once. Multiply the chances of each bit surviving instead.",
        ),
    }
    return number_variant(
        prompt=prompt,
        params={"eps": str(eps), "n": n},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Every bit must survive, and the bits are independent.",
    )


# -------------------------------------------------------- 266. the binomial distribution

_TRIALS = (
    ("Each free throw of a basketball player goes in with probability {p}.", "throws", "go in"),
    ("Each seed in a packet sprouts with probability {p}.", "seeds", "sprout"),
    ("Each email reaching a server is spam with probability {p}.", "emails", "are spam"),
    ("A guesser answers each quiz question right with probability {p}.", "questions", "are right"),
)


def _success_chance(rng: np.random.Generator) -> Fraction:
    """A chance of success in twentieths, away from 0, 1 and one half."""
    while True:
        p = Fraction(draw(rng, 2, 18), 20)
        if p != Fraction(1, 2):
            return p


@family("binomial_exactly_k_successes")
def binomial_exactly_k_successes(rng: np.random.Generator) -> Variant:
    """P(X = k) for X ~ Bin(n, p)."""
    while True:
        p = _success_chance(rng)
        n = draw(rng, 4, 12)
        k = draw(rng, 1, n - 1)
        one_order = float(p**k * (1 - p) ** (n - k))
        value = math.comb(n, k) * one_order
        swapped = math.comb(n, k) * float(p ** (n - k) * (1 - p) ** k)
        if value > 1e-3 and _apart(value, one_order, swapped):
            break
    text, trials, verb = pick(rng, _TRIALS)
    prompt = (
        f"{text.format(p=_decimal(p))} Out of {n} independent {trials}, what is the "
        f"probability that exactly {k} {verb}? {SIG3}"
    )
    solution = (
        f"The count is $\\operatorname{{Bin}}({n}, {_decimal(p)})$. There are "
        f"$\\binom{{{n}}}{{{k}}} = {math.comb(n, k)}$ orders, each with probability "
        f"${_decimal(p)}^{{{k}}} \\times {_decimal(1 - p)}^{{{n - k}}} \\approx "
        f"{one_order:.5g}$, so $P(X = {k}) \\approx {math.comb(n, k)} \\times {one_order:.5g} "
        f"\\approx {value:.4g}$, or {value:#.3g} to 3 significant figures."
    )
    mistakes = {
        "left_out_the_binomial_coefficient": (
            one_order,
            "That is the chance of one particular order. Multiply by the number of orders "
            "in which the successes can fall among the trials.",
        ),
        "swapped_the_powers": (
            swapped,
            "The chance of success is raised to the number of successes, and the chance of "
            "failure to the number of failures. Check which power goes with which.",
        ),
    }
    return number_variant(
        prompt=prompt,
        params={"p": str(p), "n": n, "k": k, "text": text},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=f"In how many orders can {k} successes fall among {n} trials?",
    )


@family("binomial_variance")
def binomial_variance(rng: np.random.Generator) -> Variant:
    """Var(X) = np(1 - p) for X ~ Bin(n, p)."""
    p = _success_chance(rng)
    n = draw(rng, 5, 200)
    value = n * p * (1 - p)
    text, trials, verb = pick(rng, _TRIALS)
    prompt = (
        f"{text.format(p=_decimal(p))} Let $X$ count how many of {n} independent {trials} "
        f"{verb}. What is the variance of $X$? Give an exact decimal or fraction."
    )
    solution = (
        f"$X \\sim \\operatorname{{Bin}}({n}, {_decimal(p)})$ is a sum of {n} independent "
        f"Bernoulli variables, each with variance $p(1 - p)$, so "
        f"$\\operatorname{{Var}}(X) = np(1 - p) = {n} \\times {_decimal(p)} \\times "
        f"{_decimal(1 - p)} = {_decimal(value)}$."
    )
    mistakes = {
        "gave_the_mean": (
            n * p,
            "That is the mean, np. The variance of each trial is p(1 - p), so multiply by "
            "the chance of failure as well.",
        ),
        "squared_the_chance_of_success": (
            n * p * p,
            "The variance of one trial is p(1 - p), the chance of success times the chance "
            "of failure, not p squared.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"p": str(p), "n": n, "text": text},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Find the variance of a single trial first.",
    )


@family("binomial_at_least_one")
def binomial_at_least_one(rng: np.random.Generator) -> Variant:
    """P(X >= 1) = 1 - (1 - p)^n, through the complement."""
    while True:
        p = Fraction(draw(rng, 1, 30), 100)
        n = draw(rng, 2, 15)
        none = float((1 - p) ** n)
        value = 1 - none
        if _apart(value, none, float(n * p)):
            break
    prompt = (
        f"Each of {n} independent components fails on a given day with probability "
        f"${_decimal(p)}$. What is the probability that at least one of them fails? {SIG3}"
    )
    solution = (
        f"The complement is that none fails, with probability ${_decimal(1 - p)}^{{{n}}} "
        f"\\approx {none:.4f}$. So $P(X \\ge 1) = 1 - {_decimal(1 - p)}^{{{n}}} \\approx "
        f"{value:.4f}$, or {value:#.3g} to 3 significant figures."
    )
    mistakes = {
        "gave_the_chance_that_none_fails": (
            none,
            "That is the chance that none fails. The question asks for its complement: "
            "subtract it from 1.",
        ),
        "multiplied_the_count_by_the_chance": (
            float(n * p),
            "Adding the chance once per component counts the days with two or more "
            "failures more than once. Work through the complement, none failing.",
        ),
    }
    return number_variant(
        prompt=prompt,
        params={"p": str(p), "n": n},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="What is the opposite of at least one failing?",
    )


# ------------------------------------------ 267. the limit definition of the derivative


def _quadratic(rng: np.random.Generator) -> tuple[int, int, int]:
    """Coefficients p, q, r of p x^2 + q x + r with p and q not 0."""
    p = pick(rng, (-3, -2, -1, 1, 2, 3, 4))
    q = pick(rng, tuple(i for i in range(-9, 10) if i))
    return p, q, draw(rng, -9, 9)


@family("derivative_from_the_limit_definition")
def derivative_from_the_limit_definition(rng: np.random.Generator) -> Variant:
    """f'(a) for a quadratic, by simplifying the difference quotient."""
    p, q, r = _quadratic(rng)
    a = draw(rng, -5, 5)
    value = 2 * p * a + q
    f_a = p * a * a + q * a + r
    shown = polynomial([p, q, r])
    shifted = f"{term(p, f'({a} + h)^2', first=True)} {term(q, f'({a} + h)')}" + (
        f" {term(r)}" if r else ""
    )
    prompt = (
        f"Let $f(x) = {shown}$. Use the limit definition "
        f"$f'(a) = \\lim_{{h \\to 0}} \\frac{{f(a + h) - f(a)}}{{h}}$ to find $f'({a})$. "
        f"{WHOLE}"
    )
    solution = (
        f"Here $f({a}) = {f_a}$ and $f({a} + h) = {shifted}$. Expanding "
        f"$({a} + h)^2 = {polynomial([1, 2 * a, a * a], 'h')}$, the difference is "
        f"$f({a} + h) - f({a}) = {polynomial([p, value, 0], 'h')}$, so the quotient is "
        f"${polynomial([p, value], 'h')}$, which tends to ${value}$ as $h \\to 0$. "
        f"So $f'({a}) = {value}$."
    )
    mistakes = {
        "expanded_the_square_term_by_term": (
            q,
            "The square of a sum has a middle term: (a + h) squared is a squared plus 2ah "
            "plus h squared. That middle term is where most of the slope comes from.",
        ),
        "gave_the_function_value": (
            f_a,
            "That is the height of the graph at the point, not its slope. Form the "
            "difference quotient and let h shrink to 0.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"p": p, "q": q, "r": r, "a": a},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=f"Expand f({a} + h), subtract f({a}), and divide every term by h.",
    )


@family("difference_quotient_for_a_step")
def difference_quotient_for_a_step(rng: np.random.Generator) -> Variant:
    """The secant slope (f(a + h) - f(a)) / h of a quadratic for one small step h."""
    p, q, r = _quadratic(rng)
    a = draw(rng, -4, 4)
    h = Fraction(1, pick(rng, (2, 4, 5, 10)))

    def f(x: Fraction) -> Fraction:
        return p * x * x + q * x + r

    value = (f(a + h) - f(a)) / h
    limit = 2 * p * a + q
    prompt = (
        f"Let $f(x) = {polynomial([p, q, r])}$. Find the difference quotient "
        f"$\\dfrac{{f({a} + h) - f({a})}}{{h}}$ for the step $h = {frac(h)}$ (not its limit). "
        f"{LOWEST}"
    )
    solution = (
        f"$f({a}) = {frac(f(Fraction(a)))}$ and $f({frac(a + h)}) = {frac(f(a + h))}$, so "
        f"the quotient is $\\dfrac{{{frac(f(a + h))} - ({frac(f(Fraction(a)))})}}{{{frac(h)}}} "
        f"= {frac(value)}$. (It equals ${polynomial([p, limit], 'h')}$, which tends to the "
        f"derivative ${limit}$ as $h \\to 0$.)"
    )
    mistakes = {
        "forgot_to_subtract_f_at_a": (
            f(a + h) / h,
            "The numerator is the change in f: subtract the value at the starting point "
            "before dividing by the step.",
        ),
        "took_the_limit_instead": (
            Fraction(limit),
            "That is the limit as the step shrinks to 0, the derivative. The question asks "
            "for the slope of the secant for this particular step.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"p": p, "q": q, "r": r, "a": a, "h": str(h)},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=f"Work out f at {a} and at {a} + h first.",
    )


# --------------------------------------------------------------- 268. Hartley information

_ALPHABETS = (
    (10, "decimal digits"),
    (26, "letters A to Z"),
    (36, "letters and digits"),
    (16, "hexadecimal digits"),
    (6, "faces of a die"),
    (52, "cards of a deck (drawn with replacement)"),
)


@family("hartley_bits_of_a_code")
def hartley_bits_of_a_code(rng: np.random.Generator) -> Variant:
    """log2 of the number of codes of length L over an alphabet of A symbols."""
    size, name = pick(rng, _ALPHABETS)
    length = draw(rng, 2, 9)
    value = length * math.log2(size)
    summed = math.log2(length * size)
    one = math.log2(size)
    prompt = (
        f"A code is a string of {length} symbols, each one of {size} {name}, and all codes "
        f"are equally likely. How many bits of Hartley information does learning the code "
        f"give? {SIG3}"
    )
    solution = (
        f"There are ${size}^{{{length}}}$ codes, so the information is "
        f"$\\log_2 {size}^{{{length}}} = {length} \\log_2 {size} \\approx {length} \\times "
        f"{one:.4f} \\approx {value:.4f}$ bits, or {value:#.3g} bits to 3 significant figures."
    )
    mistakes = {
        "added_the_options_of_each_symbol": (
            summed,
            "Independent symbols multiply the number of codes; they do not add options. "
            "Raise the alphabet size to the length, or add the bits of each symbol.",
        ),
        "counted_one_symbol": (
            one,
            "That is the information in a single symbol. Every symbol of the code adds the "
            "same amount again.",
        ),
    }
    return number_variant(
        prompt=prompt,
        params={"size": size, "length": length},
        value=value,
        solution=solution,
        mistakes=mistakes,
        unit="bits",
        hint="How many different codes are there? Count before taking logs.",
    )


@family("messages_from_hartley_bits")
def messages_from_hartley_bits(rng: np.random.Generator) -> Variant:
    """The number N of equally likely messages whose Hartley information is H bits."""
    bits = draw(rng, 3, 16)
    value = 2**bits
    prompt = (
        f"Learning which message a source sent gives {bits} bits of Hartley information, "
        f"and all its messages are equally likely. How many messages can it send? {WHOLE}"
    )
    solution = (
        f"$\\log_2 N = {bits}$ means $N = 2^{{{bits}}} = {value}$: each bit doubles the "
        "number of messages that can be told apart."
    )
    mistakes = {
        "doubled_the_bits": (
            2 * bits,
            "Each bit doubles the number of messages; it does not add two. Undo the "
            "logarithm by raising 2 to the number of bits.",
        ),
        "squared_the_bits": (
            bits * bits,
            "The inverse of a base-2 logarithm is a power of 2, with the bits as the "
            "exponent, not the bits raised to the power 2.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"bits": bits},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="One bit tells 2 messages apart; two bits, 4. Continue.",
    )


# ---------------------------------------------------- 269. similar triangles: SSS and SAS


def _triangle_sides(rng: np.random.Generator) -> tuple[int, int, int]:
    """Three different whole sides, shortest first, that make a triangle."""
    while True:
        a, b, c = sorted(draw(rng, 2, 12) for _ in range(3))
        if a < b < c < a + b:
            return a, b, c


@family("sss_similar_or_not")
def sss_similar_or_not(rng: np.random.Generator) -> Variant:
    """Whether two triangles given by three sides (listed in any order) are similar."""
    small = _triangle_sides(rng)
    k = draw(rng, 2, 4)
    big = [k * s for s in small]
    similar = bool(rng.integers(2))
    if not similar:
        big[2] += pick(rng, (-1, 1))  # two ratios still agree, the third does not
    shown_small = [small[int(i)] for i in rng.permutation(3)]
    while True:
        shown_big = [big[int(i)] for i in rng.permutation(3)]
        listed = {Fraction(b, a) for a, b in zip(shown_small, shown_big, strict=True)}
        if len(listed) > 1:
            break
    prompt = (
        f"One triangle has sides {and_list([str(s) for s in shown_small])}; another has "
        f"sides {and_list([str(s) for s in shown_big])}. Are the two triangles similar?"
    )
    ratios = " , ".join(
        f"\\frac{{{b}}}{{{a}}}" for a, b in zip(small, sorted(big), strict=True)
    ).replace(" ,", ",")
    solution = (
        f"Sort each triangle's sides and pair shortest with shortest: the ratios are "
        f"${ratios}$. "
        + (
            f"All three equal {k}, so the triangles are similar by SSS."
            if similar
            else "They are not all equal, so the triangles are not similar."
        )
    )
    if similar:
        choices = {
            "right": "Yes: all three pairs of sides are in the same ratio.",
            "paired_sides_in_the_order_listed": "No: the ratios of the sides differ.",
        }
        messages = {
            "paired_sides_in_the_order_listed": "The sides are not listed in matching "
            "order. Sort each triangle's sides and pair shortest with shortest before "
            "comparing ratios.",
        }
    else:
        choices = {
            "right": "No: the three ratios are not all equal.",
            "checked_only_two_ratios": "Yes: two pairs of sides are in the same ratio.",
        }
        messages = {
            "checked_only_two_ratios": "Two matching ratios are not enough for SSS: the "
            "third pair of sides must be in the same ratio too.",
        }
    return shuffled_choice_variant(
        rng,
        prompt=prompt,
        params={"small": shown_small, "big": shown_big, "similar": similar},
        choices=choices,
        solution=solution,
        messages=messages,
        hint="Sort each triangle's sides from shortest to longest first.",
    )


@family("sas_side_for_similarity")
def sas_side_for_similarity(rng: np.random.Generator) -> Variant:
    """The side x that makes two triangles similar by SAS around an equal angle."""
    a, b = sorted(rng.choice(np.arange(3, 13), size=2, replace=False).tolist())
    a, b = int(a), int(b)
    scaled = draw(rng, a + 1, 3 * a)
    angle = draw(rng, 25, 120)
    value = Fraction(b * scaled, a)
    prompt = (
        f"Triangle $ABC$ has $AB = {a}$, $AC = {b}$ and $\\angle A = {angle}^\\circ$. Triangle "
        f"$DEF$ has $DE = {scaled}$, $DF = x$ and $\\angle D = {angle}^\\circ$. For which $x$ "
        f"are the triangles similar by SAS, with $AB$ matching $DE$? {LOWEST}"
    )
    solution = (
        f"The angles between the given sides are equal, so the triangles are similar when "
        f"$\\dfrac{{DF}}{{AC}} = \\dfrac{{DE}}{{AB}} = \\dfrac{{{scaled}}}{{{a}}}$, that is "
        f"$x = {b} \\times \\dfrac{{{scaled}}}{{{a}}} = {frac(value)}$."
    )
    mistakes = {
        "added_the_difference": (
            Fraction(b + scaled - a),
            "Similar triangles are scaled, not shifted: multiply AC by the ratio DE over "
            "AB rather than adding the difference of DE and AB.",
        ),
        "inverted_the_ratio": (
            Fraction(b * a, scaled),
            "The ratio is upside down. DE matches AB, so DF is AC times DE over AB.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"a": a, "b": b, "scaled": scaled, "angle": angle},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Find the scale factor from the pair of sides you know.",
    )


# ------------------------------------------------------- 270. the law of large numbers


@family("variance_of_a_sample_mean")
def variance_of_a_sample_mean(rng: np.random.Generator) -> Variant:
    """Var of the average of n independent draws, from the standard deviation of one."""
    sd = draw(rng, 2, 15)
    n = pick(rng, (4, 5, 8, 10, 16, 20, 25, 40, 50, 100))
    value = Fraction(sd * sd, n)
    prompt = (
        f"One measurement has standard deviation {sd}. What is the variance of the average "
        f"of {n} independent measurements? {LOWEST}"
    )
    solution = (
        f"The variances of the {n} measurements add to ${n} \\times {sd}^2$, and dividing "
        f"the sum by {n} divides its variance by ${n}^2$, so "
        f"$\\operatorname{{Var}}(\\bar{{X}}) = \\dfrac{{{sd}^2}}{{{n}}} = {frac(value)}$."
    )
    mistakes = {
        "did_not_square_the_standard_deviation": (
            Fraction(sd, n),
            "The variance of one measurement is the square of its standard deviation. "
            "Square it before dividing by the number of measurements.",
        ),
        "divided_by_the_count_squared": (
            Fraction(sd * sd, n * n),
            "The variances of the measurements add up first, to n times one variance; "
            "only then does the division by n squared act.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"sd": sd, "n": n},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Write the variance of a single measurement first.",
    )


@family("chebyshev_sample_size")
def chebyshev_sample_size(rng: np.random.Generator) -> Variant:
    """The fewest draws for which Chebyshev bounds P(|mean - mu| >= eps) by delta."""
    sd = draw(rng, 1, 10)
    eps = Fraction(1, pick(rng, (2, 4, 5, 10)))
    delta = Fraction(1, pick(rng, (10, 20, 50, 100)))
    value = math.ceil(Fraction(sd * sd) / (delta * eps * eps))
    prompt = (
        f"Each draw has standard deviation {sd}. Using Chebyshev's inequality, how many "
        f"independent draws guarantee that their average is within ${frac(eps)}$ of the "
        f"mean with probability at least ${frac(1 - delta)}$? Give the smallest whole number."
    )
    solution = (
        f"The bound $\\dfrac{{\\sigma^2}}{{n \\epsilon^2}} = \\dfrac{{{sd * sd}}}{{n \\times "
        f"({frac(eps)})^2}}$ must be at most ${frac(delta)}$, so $n \\ge "
        f"\\dfrac{{{sd * sd}}}{{{frac(delta)} \\times ({frac(eps)})^2}}$, that is "
        f"$n \\ge {value}$. The smallest number of draws is {value}."
    )
    mistakes = {
        "did_not_square_the_tolerance": (
            math.ceil(Fraction(sd * sd) / (delta * eps)),
            "The tolerance enters Chebyshev's bound squared: halving it needs four times "
            "as many draws.",
        ),
        "used_the_standard_deviation": (
            math.ceil(Fraction(sd) / (delta * eps * eps)),
            "Chebyshev's bound uses the variance, the square of the standard deviation.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"sd": sd, "eps": str(eps), "delta": str(delta)},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=(
            "Write Chebyshev's bound for the average of n draws and set it at most the "
            "allowed chance of missing."
        ),
    )


# ---------------------------------------------------------- 271. the mean value theorem


@family("mean_value_point_of_a_cubic")
def mean_value_point_of_a_cubic(rng: np.random.Generator) -> Variant:
    """The c in (a, b) with f'(c) equal to the chord slope, for f(x) = k x^3, 0 <= a < b."""
    while True:
        a = draw(rng, 0, 4)
        b = a + draw(rng, 1, 5)
        k = draw(rng, 1, 4)
        slope = k * (a * a + a * b + b * b)  # (k b^3 - k a^3) / (b - a)
        value = math.sqrt(slope / (3 * k))
        if _apart(value, (a + b) / 2, slope):
            break
    cubic = "x^3" if k == 1 else f"{k}x^3"
    prompt = (
        f"Let $f(x) = {cubic}$ on $[{a}, {b}]$. Find the point $c$ in $({a}, {b})$ that the "
        f"mean value theorem promises, where $f'(c)$ equals the slope of the chord. {SIG3}"
    )
    solution = (
        f"The chord slope is $\\dfrac{{f({b}) - f({a})}}{{{b} - {a}}} = "
        f"\\dfrac{{{k * b**3} - {k * a**3}}}{{{b - a}}} = {slope}$. Solve "
        f"$f'(c) = {3 * k}c^2 = {slope}$: $c^2 = {frac(Fraction(slope, 3 * k))}$, and the "
        f"positive root is $c \\approx {value:.4f}$, which lies in $({a}, {b})$; "
        f"{value:#.3g} to 3 significant figures."
    )
    mistakes = {
        "gave_the_chord_slope": (
            slope,
            "That is the slope the tangent must have, not the place where it has it. "
            "Solve f'(c) = slope for c.",
        ),
        "took_the_midpoint": (
            (a + b) / 2,
            "The midpoint works for quadratics only. For this function solve f'(c) = "
            "slope of the chord.",
        ),
    }
    return number_variant(
        prompt=prompt,
        params={"a": a, "b": b, "k": k},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=f"Work out the slope of the chord from x = {a} to x = {b}.",
    )


@family("mean_value_point_of_a_quadratic")
def mean_value_point_of_a_quadratic(rng: np.random.Generator) -> Variant:
    """The c for a quadratic on [a, b]: the chord slope is reached at the midpoint."""
    p, q, r = _quadratic(rng)
    a = draw(rng, -6, 4)
    b = a + draw(rng, 1, 7)

    def f(x: int) -> int:
        return p * x * x + q * x + r

    slope = Fraction(f(b) - f(a), b - a)
    value = (slope - q) / (2 * p)
    prompt = (
        f"Let $f(x) = {polynomial([p, q, r])}$ on $[{a}, {b}]$. Find the point $c$ in "
        f"$({a}, {b})$ where the tangent is parallel to the chord. {LOWEST}"
    )
    solution = (
        f"The chord slope is $\\dfrac{{f({b}) - f({a})}}{{{b} - ({a})}} = "
        f"\\dfrac{{{f(b)} - ({f(a)})}}{{{b - a}}} = {frac(slope)}$. Then "
        f"$f'(c) = {polynomial([2 * p, q], 'c')} = {frac(slope)}$ gives $c = {frac(value)}$."
    )
    mistakes = {
        "gave_the_chord_slope": (
            slope,
            "That is the slope the tangent must have, not the place where it has it. "
            "Solve f'(c) = slope for c.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"p": p, "q": q, "r": r, "a": a, "b": b},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Find the slope of the chord first, then set f' equal to it.",
    )


# ---------------------------------------------------------------------- radian measure


@family("arc_length_from_radians")
def arc_length_from_radians(rng: np.random.Generator) -> Variant:
    """s = r theta for a whole radius and an angle in radians with one decimal place."""
    while True:
        r = draw(rng, 2, 40)
        theta = Fraction(draw(rng, 3, 62), 10)  # 0.3 to 6.2 radians, less than a full turn
        value = float(r * theta)
        diameter, degrees, divided = 2 * value, value * math.pi / 180, r / float(theta)
        if theta.denominator != 1 and _apart(value, diameter, degrees, divided):
            break
    unit = pick(rng, ("cm", "m", "mm"))
    prompt = (
        f"A circle has radius {r} {unit}. How long is the arc cut off by a central angle of "
        f"{float(theta):g} radians? Give the number of {unit} (without the unit), exactly or "
        "to 3 significant figures."
    )
    solution = (
        f"An angle of $\\theta$ radians cuts off $\\theta$ radii of arc, so "
        f"$s = r\\theta = {r} \\times {float(theta):g} = {value:g}$ {unit}."
    )
    mistakes = {
        "used_the_diameter": (
            diameter,
            "You multiplied by the diameter. The formula counts radii along the rim: "
            "multiply the angle by the radius.",
        ),
        "read_the_angle_as_degrees": (
            degrees,
            "That treats the angle as degrees. In radians the angle already counts radii "
            "along the rim, so no factor pi over 180 belongs in the formula.",
        ),
        "divided_by_the_angle": (
            divided,
            "Dividing would make a larger angle cut off a shorter arc. The arc grows with "
            "the angle: multiply the radius by it.",
        ),
    }
    return number_variant(
        prompt=prompt,
        params={"r": r, "theta": str(theta)},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Each radian of angle cuts off one radius of arc.",
    )


@family("angle_from_arc_and_radius")
def angle_from_arc_and_radius(rng: np.random.Generator) -> Variant:
    """theta = s / r in radians from an arc and a radius (less than a full turn)."""
    while True:
        r = draw(rng, 2, 25)
        s = draw(rng, 1, 6 * r)
        value = Fraction(s, r)
        flipped, diameter = Fraction(r, s), value / 2
        degrees = float(value) * 180 / math.pi
        if value.denominator != 1 and _apart(
            float(value), float(flipped), float(diameter), degrees
        ):
            break
    unit = pick(rng, ("cm", "m"))
    reduced = "" if value.denominator == r else f" = {frac(value)}"
    prompt = (
        f"An arc {s} {unit} long lies on a circle of radius {r} {unit}. What central angle "
        "does it cut off, in radians? Give it exactly (a fraction is fine) or to 3 "
        "significant figures."
    )
    solution = (
        f"From $s = r\\theta$, $\\theta = \\dfrac{{s}}{{r}} = \\dfrac{{{s}}}{{{r}}}{reduced} "
        f"\\approx {float(value):.4f}$ radians. The lengths cancel: a radian "
        "is a plain number."
    )
    mistakes = {
        "divided_the_radius_by_the_arc": (
            float(flipped),
            "The quotient is upside down: a longer arc must give a larger angle. Divide the "
            "arc by the radius.",
        ),
        "divided_by_the_diameter": (
            float(diameter),
            "You divided by the diameter. A radian is one radius of arc, so divide the arc "
            "by the radius.",
        ),
        "gave_degrees": (
            degrees,
            "That is the angle in degrees. The question asks for radians, which is the arc "
            "divided by the radius with no conversion.",
        ),
    }
    return number_variant(
        prompt=prompt,
        params={"s": s, "r": r},
        value=float(value),
        unit="radians",
        solution=solution,
        mistakes=mistakes,
        hint="How many radii long is the arc?",
    )


# ------------------------------------------------------ converting degrees and radians

NO_UNIT = "Type a plain number or expression, with no unit"


@family("degrees_to_radians")
def degrees_to_radians(rng: np.random.Generator) -> Variant:
    """A whole number of degrees (a multiple of 5) as radians: d pi / 180."""
    while True:
        degrees = 5 * draw(rng, 1, 71)
        if degrees % 180:
            break
    share = Fraction(degrees, 180)
    value = float(share) * math.pi
    prompt = (
        f"Write ${degrees}^\\circ$ in radians. {NO_UNIT}: a multiple of `pi` such as "
        "`3*pi/7`, or a decimal to 3 significant figures."
    )
    cut = math.gcd(degrees, 180)
    solution = (
        f"Since $180^\\circ = \\pi$ radians, multiply by $\\dfrac{{\\pi}}{{180}}$ and cancel "
        f"the common factor {cut}: ${degrees} \\times \\dfrac{{\\pi}}{{180}} = "
        f"{pi_times(share)} \\approx {value:.4f}$ radians."
    )
    mistakes = {
        "multiplied_by_180_over_pi": (
            degrees * 180 / math.pi,
            "That factor turns radians into degrees. Going from degrees to radians the "
            "number must shrink: multiply by pi over 180.",
        ),
        "left_out_pi": (
            float(share),
            "You divided by 180 but left out pi. Half a turn is pi radians, so the answer "
            "is a multiple of pi.",
        ),
        "took_pi_for_a_full_turn": (
            value / 2,
            "A full turn is 2 pi radians: pi is only half a turn, 180 degrees. Divide the "
            "degrees by 180, not by 360, before multiplying by pi.",
        ),
    }
    return number_variant(
        prompt=prompt,
        params={"degrees": degrees},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Half a turn is both 180 degrees and pi radians.",
    )


@family("radians_to_degrees")
def radians_to_degrees(rng: np.random.Generator) -> Variant:
    """A multiple of pi in radians (k pi / n, not a whole multiple) as degrees: 180 k / n."""
    while True:
        n = pick(rng, (3, 4, 5, 6, 8, 9, 10, 12, 18))
        k = draw(rng, 1, 2 * n - 1)
        share = Fraction(k, n)
        if share.denominator == n:
            break
    value = 180 * share
    decimal = "" if value.denominator == 1 else f" = {float(value):g}"
    top = "180" if k == 1 else f"{k} \\times 180"
    prompt = (
        f"Write ${pi_times(share)}$ radians in degrees. {NO_UNIT} (no degree sign): the "
        "number of degrees, exactly or to 3 significant figures."
    )
    solution = (
        f"Multiply by $\\dfrac{{180}}{{\\pi}}$; the $\\pi$ cancels: "
        f"${pi_times(share)} \\times \\dfrac{{180}}{{\\pi}} = "
        f"\\dfrac{{{top}}}{{{n}}} = {frac(value)}{decimal}$ degrees."
    )
    mistakes = {
        "multiplied_by_pi_over_180": (
            float(share) * math.pi * math.pi / 180,
            "That factor turns degrees into radians. Going from radians to degrees, "
            "multiply by 180 over pi, so that the pi cancels.",
        ),
        "kept_pi_as_a_number": (
            float(value) * math.pi,
            "You multiplied by 180 but kept pi as well. The pi in the angle is what 180 "
            "degrees replaces: it cancels against the pi in 180 over pi.",
        ),
        "took_pi_for_a_full_turn": (
            float(2 * value),
            "Pi radians is half a turn, 180 degrees, not a full turn of 360.",
        ),
    }
    return number_variant(
        prompt=prompt,
        params={"k": k, "n": n},
        value=float(value),
        solution=solution,
        mistakes=mistakes,
        hint="Replace pi by 180 degrees.",
    )


# ---------------------------------------------------------------------- the unit circle

_QUADRANT = {1: "I", 2: "II", 3: "III", 4: "IV"}


def quadrant(theta: Fraction) -> int:
    """The quadrant (1 to 4) in which the angle ``theta`` pi ends, off the axes."""
    return int((theta % 2) * 2) + 1


def angle_text(theta: Fraction, in_degrees: bool) -> str:
    """The angle ``theta`` pi in LaTeX, in degrees or as a multiple of pi."""
    return f"{frac(180 * theta)}^\\circ" if in_degrees else pi_times(theta)


@family("unit_circle_coordinate")
def unit_circle_coordinate(rng: np.random.Generator) -> Variant:
    """cos or sin of a special angle off the axes, from its reference angle and quadrant."""
    theta = pick(rng, SPECIAL)
    in_degrees = bool(rng.integers(2))
    want_sine = bool(rng.integers(2))
    x = float(theta) * math.pi
    value, other = (math.sin(x), math.cos(x)) if want_sine else (math.cos(x), math.sin(x))
    sin_tex, cos_tex = exact_sin_cos(theta)
    name, axis = ("\\sin", "y") if want_sine else ("\\cos", "x")
    q = quadrant(theta)
    angle = angle_text(theta, in_degrees)
    reference = angle_text(_reference(theta), in_degrees)
    prompt = (
        f"The point of the unit circle at angle $\\theta = {angle}$ is "
        f"$(\\cos\\theta, \\sin\\theta)$. "
        f"Find ${name} {angle}$. Give it exactly (such as `sqrt(5)/3`) or to 3 significant "
        "figures."
    )
    solution = (
        f"The angle ends in quadrant {_QUADRANT[q]} with reference angle ${reference}$, so "
        f"the point is $({cos_tex}, {sin_tex})$. ${name} {angle}$ is its ${axis}$-coordinate: "
        f"${sin_tex if want_sine else cos_tex} \\approx {value:.4f}$."
    )
    mistakes = {
        "wrong_sign_for_the_quadrant": (
            -value,
            f"Check the sign. The angle ends in quadrant {_QUADRANT[q]}: is the point there "
            "left or right of the y-axis, above or below the x-axis?",
        )
    }
    if not math.isclose(abs(other), abs(value)):
        mistakes["swapped_sine_and_cosine"] = (
            other,
            "That is the other coordinate. Cosine is the x-coordinate of the point and sine "
            "its y-coordinate.",
        )
    return number_variant(
        prompt=prompt,
        params={"theta": str(theta), "degrees": in_degrees, "sine": want_sine},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Find the quadrant the angle ends in and the acute angle it makes with the x-axis.",
    )


_TRIPLES = ((3, 4, 5), (5, 12, 13), (8, 15, 17), (7, 24, 25), (20, 21, 29), (9, 40, 41))


@family("other_coordinate_from_the_identity")
def other_coordinate_from_the_identity(rng: np.random.Generator) -> Variant:
    """cos from sin (or sin from cos) and the quadrant, by sin^2 + cos^2 = 1."""
    a, b, c = pick(rng, _TRIPLES)
    if rng.integers(2):
        a, b = b, a
    q = draw(rng, 1, 4)
    given_sine = bool(rng.integers(2))
    sin_sign = 1 if q in (1, 2) else -1
    cos_sign = 1 if q in (1, 4) else -1
    sin, cos = Fraction(sin_sign * a, c), Fraction(cos_sign * b, c)
    given, value = (sin, cos) if given_sine else (cos, sin)
    have, want = ("\\sin", "\\cos") if given_sine else ("\\cos", "\\sin")
    sign = 1 if value > 0 else -1
    decimal = "" if value > 0 else f" \\approx {float(value):g}"
    where = "right of the y-axis" if cos > 0 else "left of the y-axis"
    if not given_sine:
        where = "above the x-axis" if sin > 0 else "below the x-axis"
    prompt = (
        f"An angle $\\theta$ ends in quadrant {_QUADRANT[q]} and ${have}\\theta = "
        f"{signed_frac(given)}$. Find ${want}\\theta$. {LOWEST}"
    )
    solution = (
        f"From $\\sin^2\\theta + \\cos^2\\theta = 1$: ${want}^2\\theta = 1 - {frac(given**2)} "
        f"= {frac(value**2)}$, so ${want}\\theta = \\pm{frac(abs(value))}$. In quadrant "
        f"{_QUADRANT[q]} the point lies {where}, so "
        f"${want}\\theta = {signed_frac(value)}{decimal}$."
    )
    mistakes = {
        "wrong_sign_for_the_quadrant": (
            -value,
            f"The square root gives two candidates. Pick the sign from the quadrant: where "
            f"does a point in quadrant {_QUADRANT[q]} lie?",
        ),
        "left_out_the_square_root": (
            1 - given**2,
            "That is the square of the answer. The identity gives the square of the missing "
            "coordinate: take its square root.",
        ),
        "subtracted_without_squaring": (
            sign * (1 - abs(given)),
            "The identity adds the squares of sine and cosine, not the values: square the "
            "given value before subtracting it from 1, then take a square root.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"a": a, "b": b, "c": c, "quadrant": q, "given_sine": given_sine},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Square the given value and subtract it from 1; the quadrant picks the sign.",
    )


# ------------------------------------------------- sum and difference identities

# Pairs of angles (degrees) off the axes whose sum or difference is an odd multiple of 15.
_SUM_PARTS = tuple(
    (a, b, op)
    for a in (30, 45, 60, 120, 135, 150)
    for b in (30, 45, 60)
    for op in (1, -1)
    if (a + op * b) % 30 and (a + op * b) % 45 and a + op * b > 0
)


_MIDDLE_SIGN = (
    "Check the sign between the two products: the sine formula keeps the sign of the "
    "angles' sum or difference, the cosine formula flips it."
)


def _sin_cos_degrees(d: int) -> tuple[float, float, str, str]:
    """sin and cos of ``d`` degrees, as numbers and exactly in LaTeX."""
    x = math.radians(d)
    sin_tex, cos_tex = exact_sin_cos(Fraction(d, 180))
    return math.sin(x), math.cos(x), sin_tex, cos_tex


def _product(p: str, q: str) -> str:
    """Two exact values multiplied, in LaTeX, each negative one in brackets."""
    return " \\cdot ".join(f"\\left({v}\\right)" if v.startswith("-") else v for v in (p, q))


def _fifteen_degrees(value: float) -> str:
    """``value``, the sine or cosine of an odd multiple of 15 degrees, exactly in LaTeX:
    plus or minus (sqrt 6 + sqrt 2) / 4 or (sqrt 6 - sqrt 2) / 4."""
    for inner in ("+", "-"):
        size = (math.sqrt(6) + (1 if inner == "+" else -1) * math.sqrt(2)) / 4
        if math.isclose(abs(value), size):
            sign = "-" if value < 0 else ""
            return f"{sign}\\frac{{\\sqrt{{6}} {inner} \\sqrt{{2}}}}{{4}}"
    raise ValueError(f"{value} is not a sine or cosine of an odd multiple of 15 degrees")


@family("sum_identity_exact_value")
def sum_identity_exact_value(rng: np.random.Generator) -> Variant:
    """sin or cos of an odd multiple of 15 degrees, from a sum or difference of special angles."""
    a, b, op = pick(rng, _SUM_PARTS)
    want_sine = bool(rng.integers(2))
    angle = a + op * b
    sa, ca, sa_tex, ca_tex = _sin_cos_degrees(a)
    sb, cb, sb_tex, cb_tex = _sin_cos_degrees(b)
    if want_sine:
        first, second = sa * cb, ca * sb
        value, flipped = first + op * second, first - op * second
        terms = (_product(sa_tex, cb_tex), _product(ca_tex, sb_tex))
        middle = "+" if op > 0 else "-"
        rule = f"\\sin {a}^\\circ\\cos {b}^\\circ {middle} \\cos {a}^\\circ\\sin {b}^\\circ"
        split = sa + op * sb
    else:
        first, second = ca * cb, sa * sb
        value, flipped = first - op * second, first + op * second
        terms = (_product(ca_tex, cb_tex), _product(sa_tex, sb_tex))
        middle = "-" if op > 0 else "+"
        rule = f"\\cos {a}^\\circ\\cos {b}^\\circ {middle} \\sin {a}^\\circ\\sin {b}^\\circ"
        split = ca + op * cb
    name = "\\sin" if want_sine else "\\cos"
    rest = value - first
    written = f"{a}^\\circ {'+' if op > 0 else '-'} {b}^\\circ"
    prompt = (
        f"Write ${angle}^\\circ = {written}$ and use a sum or difference identity to find "
        f"${name} {angle}^\\circ$. Give it exactly (such as `(1 + sqrt(3))/4`) or to 3 "
        "significant figures."
    )
    solution = (
        f"${name}({written}) = {rule} = {terms[0]} {middle} {terms[1]}$, that is "
        f"${first:.4f} {'+' if rest >= 0 else '-'} {abs(rest):.4f} \\approx {value:.4f}$, "
        f"exactly ${_fifteen_degrees(value)}$."
    )
    mistakes = {
        "split_the_function_over_the_sum": (
            split,
            "Sine and cosine do not split over a sum or difference: the function of the two "
            "angles together is not the same function of each, added or subtracted. Use the "
            "identity with its two products.",
        ),
        "wrong_sign_in_the_middle": (flipped, _MIDDLE_SIGN),
    }
    return number_variant(
        prompt=prompt,
        params={"a": a, "b": b, "op": op, "sine": want_sine},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=f"Write down the sine and cosine of {a} and of {b} degrees first.",
    )


@family("sum_identity_from_ratios")
def sum_identity_from_ratios(rng: np.random.Generator) -> Variant:
    """sin or cos of a + b or a - b, for acute a and b given by sin a and cos b."""
    p, q, r = pick(rng, _TRIPLES)
    s, t, u = pick(rng, _TRIPLES)
    if rng.integers(2):
        p, q = q, p
    if rng.integers(2):
        s, t = t, s
    sin_a, cos_a = Fraction(p, r), Fraction(q, r)
    cos_b, sin_b = Fraction(s, u), Fraction(t, u)
    op = pick(rng, (1, -1))
    want_sine = bool(rng.integers(2))
    sign = "+" if op > 0 else "-"
    if want_sine:
        first, second = sin_a * cos_b, cos_a * sin_b
        value, flipped = first + op * second, first - op * second
        split = sin_a + op * sin_b
        rule = f"\\sin a\\cos b {sign} \\cos a\\sin b"
        shown = (f"{frac(sin_a)} \\times {frac(cos_b)}", f"{frac(cos_a)} \\times {frac(sin_b)}")
        middle = sign
    else:
        first, second = cos_a * cos_b, sin_a * sin_b
        value, flipped = first - op * second, first + op * second
        split = cos_a + op * cos_b
        middle = "-" if op > 0 else "+"
        rule = f"\\cos a\\cos b {middle} \\sin a\\sin b"
        shown = (f"{frac(cos_a)} \\times {frac(cos_b)}", f"{frac(sin_a)} \\times {frac(sin_b)}")
    name = "\\sin" if want_sine else "\\cos"
    decimal = "" if value >= 0 else f" \\approx {float(value):g}"
    prompt = (
        f"The angles $a$ and $b$ are acute, $\\sin a = {frac(sin_a)}$ and "
        f"$\\cos b = {frac(cos_b)}$. Find ${name}(a {sign} b)$. {LOWEST}"
    )
    solution = (
        f"Both angles are acute, so their other ratios are positive: "
        f"$\\cos a = \\sqrt{{1 - {frac(sin_a**2)}}} = {frac(cos_a)}$ and "
        f"$\\sin b = \\sqrt{{1 - {frac(cos_b**2)}}} = {frac(sin_b)}$. Then "
        f"${name}(a {sign} b) = {rule} = {shown[0]} {middle} {shown[1]} = "
        f"{signed_frac(value)}{decimal}$."
    )
    mistakes = {
        "split_the_function_over_the_sum": (
            split,
            "The function does not split over the sum or difference of the angles. Find the "
            "missing cosine and sine, then use the identity with its two products.",
        ),
        "wrong_sign_in_the_middle": (flipped, _MIDDLE_SIGN),
    }
    return exact_variant(
        prompt=prompt,
        params={"sin_a": str(sin_a), "cos_b": str(cos_b), "op": op, "sine": want_sine},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Find cos a and sin b from the Pythagorean identity before expanding.",
    )


# --------------------------------------------------- fundamental trigonometric limits

# How sin(ax) / (bx) may be dressed: a tangent on top, or a sine below as well.
_RATIO_FORMS = ("sin", "tan", "sin_over_sin")


def _ax(a: int) -> str:
    """``a`` times x in LaTeX: ``x`` for 1, else ``3x``."""
    return "x" if a == 1 else f"{a}x"


@family("limit_of_a_scaled_sine_ratio")
def limit_of_a_scaled_sine_ratio(rng: np.random.Generator) -> Variant:
    """lim sin(ax)/(bx), tan(ax)/(bx) or sin(ax)/sin(bx) as x -> 0: a / b."""
    while True:
        a, b = draw(rng, 1, 9), draw(rng, 1, 9)
        if a != b:
            break
    form = pick(rng, _RATIO_FORMS)
    value = Fraction(a, b)
    top = f"\\{'tan' if form == 'tan' else 'sin'} {_ax(a)}"
    bottom = f"\\sin {_ax(b)}" if form == "sin_over_sin" else f"{_ax(b)}"
    prompt = (
        f"Find $\\displaystyle\\lim_{{x \\to 0}} \\frac{{{top}}}{{{bottom}}}$ ($x$ in "
        f"radians). {LOWEST}"
    )
    ratio = f"\\frac{{\\sin {_ax(a)}}}{{{_ax(a)}}}"
    if form == "sin":
        steps = f"\\frac{{{a}}}{{{b}}} \\cdot {ratio} \\to \\frac{{{a}}}{{{b}}} \\cdot 1"
        why = f"with $u = {_ax(a)} \\to 0$, $\\frac{{\\sin u}}{{u}} \\to 1$"
    elif form == "tan":
        steps = (
            f"\\frac{{{a}}}{{{b}}} \\cdot {ratio} \\cdot \\frac{{1}}{{\\cos {_ax(a)}}} \\to "
            f"\\frac{{{a}}}{{{b}}} \\cdot 1 \\cdot 1"
        )
        why = f"$\\frac{{\\sin u}}{{u}} \\to 1$ with $u = {_ax(a)}$, and $\\cos {_ax(a)} \\to 1$"
    else:
        steps = (
            f"\\frac{{{a}}}{{{b}}} \\cdot {ratio} \\cdot \\frac{{{_ax(b)}}}{{\\sin {_ax(b)}}} \\to "
            f"\\frac{{{a}}}{{{b}}} \\cdot 1 \\cdot 1"
        )
        why = "each sine over its own angle tends to 1"
    solution = (
        f"Make the angle and the denominator match: $\\frac{{{top}}}{{{bottom}}} = {steps}$, "
        f"since {why}. The limit is ${frac(value)}$."
    )
    mistakes = {
        "took_the_limit_to_be_one": (
            Fraction(1),
            "The limit of sin u over u is one only when the denominator is the very angle "
            "inside the sine. Here they differ by a factor: write the quotient with matching "
            "angle and denominator first.",
        ),
        "inverted_the_factor": (
            Fraction(b, a),
            "The fraction is upside down. The number multiplying x on top ends up on top.",
        ),
    }
    hint = f"Multiply and divide by {_ax(a)}, so that a sine sits over its own angle."
    if form == "sin_over_sin":  # both sines need their own angle
        hint = (
            f"Multiply and divide by {_ax(a)} and by {_ax(b)}, so that each sine sits over "
            "its own angle."
        )
    return exact_variant(
        prompt=prompt,
        params={"a": a, "b": b, "form": form},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=hint,
    )


@family("limit_of_one_minus_cosine_over_square")
def limit_of_one_minus_cosine_over_square(rng: np.random.Generator) -> Variant:
    """lim (1 - cos ax) / (b x^2) as x -> 0: a^2 / (2b)."""
    a, b = draw(rng, 1, 6), draw(rng, 1, 6)
    value = Fraction(a * a, 2 * b)
    cos = f"\\cos {_ax(a)}"
    bottom = "x^2" if b == 1 else f"{_ax(b)}^2"
    prompt = (
        f"Find $\\displaystyle\\lim_{{x \\to 0}} \\frac{{1 - {cos}}}{{{bottom}}}$ ($x$ in "
        f"radians). {LOWEST}"
    )
    solution = (
        f"Multiply top and bottom by $1 + {cos}$ and use $1 - \\cos^2 = \\sin^2$: "
        f"$\\frac{{1 - {cos}}}{{{bottom}}} = \\frac{{\\sin^2 {_ax(a)}}}{{{bottom}(1 + {cos})}} = "
        f"\\frac{{{a * a}}}{{{b}}} \\left(\\frac{{\\sin {_ax(a)}}}{{{_ax(a)}}}\\right)^2 "
        f"\\frac{{1}}{{1 + {cos}}} \\to \\frac{{{a * a}}}{{{b}}} \\cdot 1 \\cdot \\frac{{1}}{{2}} "
        f"= {frac(value)}$."
    )
    mistakes = {
        "used_the_limit_over_x": (
            Fraction(0),
            "One minus cos x, over x, tends to zero, but here the denominator is a square, "
            "which shrinks faster. Multiply by one plus the cosine and use sin squared over "
            "x squared.",
        ),
        "left_out_the_half": (
            Fraction(a * a, b),
            "One plus the cosine tends to two, not one: a factor of one half remains after "
            "the sines are used up.",
        ),
        "did_not_square_the_factor": (
            Fraction(a, 2 * b),
            "The sine is squared, so the factor inside it is squared too when you match "
            "each sine with its own angle.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"a": a, "b": b},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Multiply the top and the bottom by one plus the cosine.",
    )


# ------------------------------------------------------------ graphing sine and cosine

# Factors B in sin(Bx): whole numbers and a few fractions that stretch the wave.
_WAVE_FACTORS = (
    *(Fraction(b) for b in range(2, 9)),
    Fraction(1, 2),
    Fraction(1, 3),
    Fraction(2, 3),
)


def _bx(b: Fraction) -> str:
    """``b`` times x in LaTeX: ``3x`` or ``\\frac{x}{2}`` or ``\\frac{2x}{3}``."""
    if b.denominator == 1:
        return f"{b.numerator}x"
    top = "x" if b.numerator == 1 else f"{b.numerator}x"
    return f"\\frac{{{top}}}{{{b.denominator}}}"


def _wave(a: int, b: Fraction, d: int, sine: bool) -> str:
    """``a sin(bx) + d`` (or cos) in LaTeX."""
    name = "\\sin" if sine else "\\cos"
    shift = "" if d == 0 else f" {term(d, first=False)}"
    return f"{term(a, f'{name}({_bx(b)})', first=True)}{shift}"


@family("sinusoid_period")
def sinusoid_period(rng: np.random.Generator) -> Variant:
    """The period of a sin(bx) + d or a cos(bx) + d: 2 pi / b."""
    a = pick(rng, (-5, -4, -3, -2, 2, 3, 4, 5, 6))
    b = pick(rng, _WAVE_FACTORS)
    d = draw(rng, -4, 4)
    sine = bool(rng.integers(2))
    share = 2 / b  # the period as a multiple of pi
    value = float(share) * math.pi
    same = b.denominator == 1 and share.numerator == 2
    reduced = "" if same else f" = {pi_times(share)}"
    prompt = (
        f"What is the period of $y = {_wave(a, b, d, sine)}$? Give it in radians: type it "
        "with `pi` (such as `3*pi/7`) or to 3 significant figures."
    )
    solution = (
        f"The inside, ${_bx(b)}$, runs through one full turn $2\\pi$ when $x$ runs through "
        f"$\\dfrac{{2\\pi}}{{{frac(b)}}}{reduced} \\approx {value:.4f}$. The "
        "amplitude and the midline change the height of the wave, not when it repeats."
    )
    mistakes = {
        "multiplied_by_the_factor": (
            2 * math.pi * float(b),
            "The factor in front of x sets how fast the wave runs: above one it squeezes "
            "the wave so that it repeats sooner, below one it stretches it. Divide the basic "
            "period by that factor, do not multiply.",
        ),
        "used_half_a_turn": (
            value / 2,
            "Sine and cosine repeat after a full turn, 2 pi; pi is the period of tangent.",
        ),
        "took_the_amplitude_for_the_period": (
            2 * math.pi / abs(a),
            "The number in front of the function sets the height of the wave. The period "
            "comes from the number multiplying x inside it.",
        ),
    }
    return number_variant(
        prompt=prompt,
        params={"a": a, "b": str(b), "d": d, "sine": sine},
        value=value,
        unit="radians",
        solution=solution,
        mistakes=mistakes,
        hint="How far must x go for the inside of the function to grow by 2 pi?",
    )


@family("sinusoid_greatest_or_least")
def sinusoid_greatest_or_least(rng: np.random.Generator) -> Variant:
    """The greatest or least value of a sin(b(x - c)) + d: d + |a| or d - |a|."""
    a = pick(rng, (-6, -5, -4, -3, -2, 2, 3, 4, 5, 6, 7))
    b = draw(rng, 2, 6)
    shift = pick(rng, (Fraction(1, 6), Fraction(1, 4), Fraction(1, 3), Fraction(1, 2)))
    d = nonzero(rng, -6, 6)
    sine = bool(rng.integers(2))
    greatest = bool(rng.integers(2))
    top, bottom = d + abs(a), d - abs(a)
    value, other = (top, bottom) if greatest else (bottom, top)
    name = "\\sin" if sine else "\\cos"
    inside = f"{b}\\left(x - {pi_times(shift)}\\right)"
    lead = term(a, f"{name}\\left({inside}\\right)", first=True)
    word = "greatest" if greatest else "least"
    prompt = f"What is the {word} value of $y = {lead} {term(d)}$? {WHOLE}"
    solution = (
        f"${name}$ takes every value from $-1$ to $1$, so ${a} {name}(\\dots)$ runs from "
        f"${-abs(a)}$ to ${abs(a)}$ whatever the inside is: the amplitude is {abs(a)}. "
        f"Adding ${d}$ moves the midline to $y = {d}$, so the values run from "
        f"${d} - {abs(a)} = {bottom}$ to ${d} + {abs(a)} = {top}$. The {word} value is {value}."
    )
    mistakes = {
        "left_out_the_midline": (
            abs(a) if greatest else -abs(a),
            "The whole wave is lifted or lowered by the number added at the end: add it to "
            "the amplitude's extreme.",
        ),
        "gave_the_other_extreme": (
            other,
            f"That is the {'least' if greatest else 'greatest'} value. The amplitude is the "
            "size of the number in front, whatever its sign: a negative one flips the wave "
            "but reaches just as far both ways.",
        ),
    }
    return integer_variant(
        prompt=prompt,
        params={"a": a, "b": b, "shift": str(shift), "d": d, "sine": sine, "greatest": greatest},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Find the midline and the amplitude; the inside does not matter.",
    )


# -------------------------------------------------------------------------- variance


def _three_probabilities(rng: np.random.Generator) -> list[Fraction]:
    """Three positive probabilities with a small common denominator, summing to 1."""
    n = pick(rng, (4, 5, 6, 8, 10))
    first = draw(rng, 1, n - 2)
    second = draw(rng, 1, n - first - 1)
    return [Fraction(first, n), Fraction(second, n), Fraction(n - first - second, n)]


@family("variance_of_a_distribution")
def variance_of_a_distribution(rng: np.random.Generator) -> Variant:
    """Var(X) = E[X^2] - mu^2 for X on three values with given probabilities."""
    values = sorted(int(v) for v in rng.choice(np.arange(-3, 10), size=3, replace=False))
    probs = _three_probabilities(rng)
    mean = sum(x * p for x, p in zip(values, probs, strict=True))
    square = sum(x * x * p for x, p in zip(values, probs, strict=True))
    value = square - mean**2
    plain = Fraction(sum(values), 3)
    unweighted = sum((x - plain) ** 2 for x in values) / 3
    table = and_list(
        [f"${x}$ with probability ${frac(p)}$" for x, p in zip(values, probs, strict=True)]
    )
    prompt = f"A random variable $X$ takes {table}. Find $\\operatorname{{Var}}(X)$. {LOWEST}"
    weights = " + ".join(
        f"{x * x if x >= 0 else f'({x})^2'} \\times {frac(p)}"
        for x, p in zip(values, probs, strict=True)
    )
    solution = (
        f"The mean is $\\mu = {signed_frac(mean)}$ and $\\mathbb{{E}}[X^2] = {weights} = "
        f"{frac(square)}$. So $\\operatorname{{Var}}(X) = \\mathbb{{E}}[X^2] - \\mu^2 = "
        f"{frac(square)} - \\left({signed_frac(mean)}\\right)^2 = {frac(value)}$."
    )
    mistakes = {
        "did_not_subtract_the_squared_mean": (
            square,
            "That is the mean of X squared. The variance subtracts the square of the mean from it.",
        ),
        "subtracted_the_mean_unsquared": (
            square - mean,
            "Square the mean before subtracting it: the variance is the mean of X squared "
            "minus the mean squared.",
        ),
        "ignored_the_probabilities": (
            unweighted,
            "You treated the three values as equally likely. Weight each squared "
            "deviation, or each square, by its own probability.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"values": values, "probs": [str(p) for p in probs]},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Find the mean first, then the mean of the squares.",
    )


@family("variance_of_a_linear_combination")
def variance_of_a_linear_combination(rng: np.random.Generator) -> Variant:
    """Var(aX + bY + c) = a^2 Var X + b^2 Var Y for independent X and Y."""
    while True:
        vx, vy = draw(rng, 1, 12), draw(rng, 1, 12)
        a, b = nonzero(rng, -5, 5), nonzero(rng, -5, 5)
        c = draw(rng, -9, 9)
        if (a, b, c) != (1, 1, 0):  # Var(X + Y) alone leaves no mistake to name
            break
    value = a * a * vx + b * b * vy
    expression = f"{term(a, 'X', first=True)} {term(b, 'Y')}{' ' + term(c) if c else ''}"
    prompt = (
        f"$X$ and $Y$ are independent with $\\operatorname{{Var}}(X) = {vx}$ and "
        f"$\\operatorname{{Var}}(Y) = {vy}$. Find $\\operatorname{{Var}}({expression})$. {WHOLE}"
    )
    solution = (
        f"For independent variables the variances add, each scaled by the square of its "
        f"factor, and the constant shifts without spreading: "
        f"$\\operatorname{{Var}}({expression}) = {signed(a)}^2 \\times {vx} + {signed(b)}^2 "
        f"\\times {vy} = {a * a * vx} + {b * b * vy} = {value}$."
    )
    mistakes = {}
    if (abs(a), abs(b)) != (1, 1):  # a factor of 1 or -1 squares to its own size
        # the sizes of the factors, as a student who knows a variance cannot be negative
        mistakes["did_not_square_the_factors"] = (
            abs(a) * vx + abs(b) * vy,
            "Scaling a variable by a factor scales its variance by the factor squared, "
            "because the variance is in squared units.",
        )
    if b < 0 or a < 0:
        mistakes["subtracted_a_variance"] = (
            (a * a * vx if a > 0 else -a * a * vx) + (b * b * vy if b > 0 else -b * b * vy),
            "A minus sign does not subtract a variance: taking away an uncertain amount adds "
            "uncertainty. Each term contributes its factor squared times its variance.",
        )
    if c:
        mistakes["added_the_constant"] = (
            value + c,
            "Adding a constant moves every value by the same amount, so the spread does not "
            "change: leave the constant out.",
        )
    return integer_variant(
        prompt=prompt,
        params={"var_x": vx, "var_y": vy, "a": a, "b": b, "c": c},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="What does multiplying a variable by a number do to its variance?",
    )


# ------------------------------------------------------------------ vectors in the plane


def _vector(v: tuple[int, int]) -> str:
    return f"\\langle {v[0]}, {v[1]} \\rangle"


def _draw_vector(rng: np.random.Generator) -> tuple[int, int]:
    while True:
        v = (draw(rng, -6, 6), draw(rng, -6, 6))
        if v != (0, 0):
            return v


@family("magnitude_of_a_vector_combination")
def magnitude_of_a_vector_combination(rng: np.random.Generator) -> Variant:
    """|a u + b v| for whole-number vectors: combine the components, then Pythagoras."""
    while True:
        u, v = _draw_vector(rng), _draw_vector(rng)
        a, b = pick(rng, (1, 2, 3, -2)), pick(rng, (1, 2, 3, -1, -2))
        w = (a * u[0] + b * v[0], a * u[1] + b * v[1])
        squares = w[0] ** 2 + w[1] ** 2
        value = math.sqrt(squares)
        lengths = abs(a) * math.hypot(*u) + abs(b) * math.hypot(*v)
        if squares and _apart(value, lengths, squares):
            break
    combo = f"{term(a, '\\mathbf{u}', first=True)} {term(b, '\\mathbf{v}')}"
    prompt = (
        f"Let $\\mathbf{{u}} = {_vector(u)}$ and $\\mathbf{{v}} = {_vector(v)}$. Find "
        f"$|{combo}|$. Give it exactly (such as `sqrt(7)`) or to 3 significant figures."
    )
    solution = (
        f"Combine the components first: ${combo} = {_vector(w)}$. Its length is "
        f"$\\sqrt{{{signed(w[0])}^2 + {signed(w[1])}^2}} = {_root(squares)}$."
    )
    mistakes = {
        "added_the_lengths": (
            lengths,
            "Lengths add only for arrows pointing the same way. Add the components to get "
            "the combined vector, then take its length.",
        ),
        "left_out_the_square_root": (
            float(squares),
            "That is the square of the length: take the square root of the sum of the "
            "squared components.",
        ),
    }
    return number_variant(
        prompt=prompt,
        params={"u": list(u), "v": list(v), "a": a, "b": b},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Work out the combined vector's two components first.",
    )


@family("angle_between_vectors")
def angle_between_vectors(rng: np.random.Generator) -> Variant:
    """The angle between two vectors from the dot product, in degrees."""
    while True:
        u, v = _draw_vector(rng), _draw_vector(rng)
        dot = u[0] * v[0] + u[1] * v[1]
        crossed = u[0] * v[1] + u[1] * v[0]
        norms = math.hypot(*u) * math.hypot(*v)
        cos = max(-1.0, min(1.0, dot / norms))
        if abs(cos) > 0.8:  # near 0 or 180 degrees the inverse cosine magnifies rounding
            continue
        value = math.degrees(math.acos(cos))
        slips = (
            math.acos(cos),
            math.degrees(math.acos(max(-1.0, min(1.0, crossed / norms)))),
            180 - value,
        )
        lengths = _round3(math.hypot(*u)) * _round3(math.hypot(*v))
        cosines = (dot / lengths, _round3(dot / lengths), _round3(dot / _round3(lengths)))
        routes = [math.degrees(math.acos(max(-1.0, min(1.0, c)))) for c in cosines]
        tol = _rounding_tol(value, *routes, math.degrees(math.acos(_round3(cos))))
        if _apart(value, *slips) and _clear_of(value, tol, *slips):
            break
    prompt = (
        f"Find the angle between $\\mathbf{{u}} = {_vector(u)}$ and "
        f"$\\mathbf{{v}} = {_vector(v)}$, in degrees, to 3 significant figures."
    )
    solution = (
        f"$\\mathbf{{u}} \\cdot \\mathbf{{v}} = {u[0]} \\times {signed(v[0])} + "
        f"{signed(u[1])} \\times {signed(v[1])} = {dot}$, "
        f"$|\\mathbf{{u}}| = {_root(u[0] ** 2 + u[1] ** 2)}$ and "
        f"$|\\mathbf{{v}}| = {_root(v[0] ** 2 + v[1] ** 2)}$. So $\\cos\\theta = "
        f"\\dfrac{{{dot}}}{{{norms:.4f}}} \\approx {cos:.4f}$ and $\\theta \\approx "
        f"{value:.2f}^\\circ$, or {_sig3(value)} degrees to 3 significant figures."
    )
    mistakes = {
        "gave_radians": (
            math.acos(cos),
            "That is the angle in radians. The question asks for degrees: set the "
            "calculator to degrees, or multiply by 180 over pi.",
        ),
        "crossed_the_components": (
            slips[1],
            "The dot product multiplies matching components, x with x and y with y, not "
            "one vector's x with the other's y.",
        ),
    }
    if dot < 0:
        mistakes["dropped_the_sign_of_the_dot_product"] = (
            180 - value,
            "The dot product is negative here, so the angle is obtuse: keep its sign when "
            "you take the inverse cosine.",
        )
    return number_variant(
        prompt=prompt,
        params={"u": list(u), "v": list(v)},
        value=value,
        unit="degrees",
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint="The dot product equals the product of the lengths times cos of the angle.",
    )


@family("perpendicular_vector_component")
def perpendicular_vector_component(rng: np.random.Generator) -> Variant:
    """The k that makes <c, k> perpendicular to <a, b>: a c + b k = 0."""
    a, b, c = nonzero(rng, -6, 6), nonzero(rng, -6, 6), nonzero(rng, -6, 6)
    value = Fraction(-a * c, b)
    shown = frac(value) if value > 0 else f"\\left({signed_frac(value)}\\right)"
    solved = f"$k = {signed_frac(value)}$"
    if b != 1:  # one step more to undo the factor of k
        solved = f"${term(b, 'k', first=True)} = {-a * c}$ and {solved}"
    prompt = (
        f"For which number $k$ is $\\langle {c}, k \\rangle$ perpendicular to "
        f"${_vector((a, b))}$? {LOWEST}"
    )
    solution = (
        f"Perpendicular vectors have dot product 0: "
        f"${a} \\times {signed(c)} {term(b, 'k')} = 0$, so {solved}. Check: "
        f"${a} \\times {signed(c)} + "
        f"{signed(b)} \\times {shown} = 0$."
    )
    mistakes = {
        "dropped_the_sign": (
            -value,
            "Moving a term to the other side of the equation changes its sign. Check that "
            "the dot product really comes out as zero.",
        ),
        "made_them_parallel": (
            Fraction(b * c, a),
            "That value makes the two arrows point along the same line. Perpendicular "
            "means the dot product is zero: multiply matching components and add.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"a": a, "b": b, "c": c},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Two vectors are perpendicular when their dot product is zero.",
    )


# ---------------------------------------------------------------- change of base formula

_UPSIDE_DOWN = (
    "The quotient is upside down. The logarithm of the number goes on top and the logarithm "
    "of the base below."
)


@family("log_between_powers_of_one_base")
def log_between_powers_of_one_base(rng: np.random.Generator) -> Variant:
    """log_(c^m) (c^n) = n / m exactly, through the common base c."""
    while True:
        c = pick(rng, (2, 3, 5))
        m = draw(rng, 2, 5 if c == 2 else 3)
        n = nonzero(rng, -8 if c == 2 else -4, 10 if c == 2 else 5)
        if n % m and c**m <= 10**4:
            break
    base, value = c**m, Fraction(n, m)
    reduced = "" if value.denominator == m else f" = {signed_frac(value)}"
    argument = f"{c**n}" if n > 0 else f"\\frac{{1}}{{{c**-n}}}"
    prompt = f"Find $\\log_{{{base}}} {argument}$ exactly. {LOWEST}"
    solution = (
        f"Both numbers are powers of {c}: ${base} = {c}^{{{m}}}$ and ${argument} = "
        f"{c}^{{{n}}}$. By the change of base to base {c}, "
        f"$\\log_{{{base}}} {argument} = \\dfrac{{\\log_{{{c}}} {argument}}}"
        f"{{\\log_{{{c}}} {base}}} = \\dfrac{{{n}}}{{{m}}}{reduced}$."
    )
    mistakes = {
        "turned_the_quotient_upside_down": (Fraction(m, n), _UPSIDE_DOWN),
        "subtracted_the_exponents": (
            Fraction(n - m),
            "A quotient of logarithms is not a difference. Divide the exponent of the "
            "number by the exponent of the base.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"c": c, "m": m, "n": n},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=f"Write both numbers as powers of {c}.",
    )


@family("log_in_any_base_by_calculator")
def log_in_any_base_by_calculator(rng: np.random.Generator) -> Variant:
    """log_b x from natural logarithms, for a base b other than 2 and 10 and x not its power."""
    while True:
        b = pick(rng, (3, 4, 5, 6, 7, 9, 12, 15, 20))
        x = draw(rng, 2, 2000)
        value = math.log(x) / math.log(b)
        of_quotient = math.log(x / b)
        flipped = 1 / value
        routes = [_round3(lg(x)) / _round3(lg(b)) for lg in (math.log, math.log10)]
        tol = _rounding_tol(value, *routes)
        slips = (of_quotient, flipped)
        if (
            abs(value - round(value)) > 1e-9
            and _apart(value, *slips)
            and _clear_of(value, tol, *slips)
        ):
            break
    low = math.floor(value)
    prompt = (
        f"Use natural logarithms (or base-10 ones) to find $\\log_{{{b}}} {x}$. Give it to 3 "
        "significant figures."
    )
    solution = (
        f"$\\log_{{{b}}} {x} = \\dfrac{{\\ln {x}}}{{\\ln {b}}} \\approx "
        f"\\dfrac{{{math.log(x):.4f}}}{{{math.log(b):.4f}}} \\approx {value:.4f}$, or "
        f"{_sig3(value)} to 3 significant figures. Check: ${b}^{{{low}}} = {b**low}$ and "
        f"${b}^{{{low + 1}}} = {b ** (low + 1)}$, and {x} lies between them."
    )
    mistakes = {
        "took_the_log_of_the_quotient": (
            of_quotient,
            "That is the logarithm of the quotient of the two numbers. The change of base "
            "divides one logarithm by another: the logarithm of the number over the "
            "logarithm of the base.",
        ),
        "turned_the_quotient_upside_down": (flipped, _UPSIDE_DOWN),
    }
    return number_variant(
        prompt=prompt,
        params={"b": b, "x": x},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint=f"Between which two powers of {b} does {x} lie?",
    )


# --------------------------------------------------------------- the natural logarithm


@family("solve_an_exponential_with_ln")
def solve_an_exponential_with_ln(rng: np.random.Generator) -> Variant:
    """x in a e^(kx) = c: divide by a, take ln, divide by k."""
    while True:
        a = pick(rng, (1, 2, 3, 4, 5))
        k = pick(rng, (Fraction(draw(rng, 1, 9), 20), Fraction(draw(rng, 2, 6))))
        c = a * draw(rng, 2, 40) + draw(rng, 0, a - 1)
        if c <= a:
            continue
        kf = float(k)
        value = math.log(c / a) / kf
        slips = (math.log(c) / kf, math.log10(c / a) / kf, math.log(c / a) * kf)
        if a == 1:
            slips = slips[1:]  # with nothing in front of e there is nothing to divide by
        quotients = (c / a, _round3(c / a))
        tol = _rounding_tol(value, *(_round3(math.log(q)) / kf for q in quotients))
        if _apart(value, *slips) and _clear_of(value, tol, *slips):
            break
    lead = "" if a == 1 else str(a)
    power = f"{k}x" if k.denominator == 1 else f"{float(k):g}x"
    prompt = f"Solve ${lead}e^{{{power}}} = {c}$ for $x$. {SIG3}"
    divide = "" if a == 1 else f"Divide by {a} first: $e^{{{power}}} = {frac(Fraction(c, a))}$. "
    solution = (
        f"{divide}Take $\\ln$ of both sides: ${power} = \\ln {frac(Fraction(c, a))} \\approx "
        f"{math.log(c / a):.4f}$, so $x \\approx \\dfrac{{{math.log(c / a):.4f}}}{{{float(k):g}}}"
        f" \\approx {value:.4f}$, or {_sig3(value)} to 3 significant figures."
    )
    mistakes = {
        "used_log_base_ten": (
            math.log10(c / a) / kf,
            "That used the base-10 logarithm. The inverse of e to a power is the natural "
            "logarithm, ln.",
        ),
        "multiplied_by_the_rate": (
            math.log(c / a) * kf,
            "After taking ln you have the rate times x equal to a number: divide by the "
            "rate to get x, do not multiply.",
        ),
    }
    if a != 1:
        mistakes["did_not_divide_by_the_coefficient_first"] = (
            math.log(c) / kf,
            "The logarithm does not pass through the number in front of e: divide both "
            "sides by it before taking ln.",
        )
    return number_variant(
        prompt=prompt,
        params={"a": a, "k": str(k), "c": c},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint="Get the power of e alone on one side, then take ln.",
    )


@family("slope_of_ln_of_a_multiple")
def slope_of_ln_of_a_multiple(rng: np.random.Generator) -> Variant:
    """The slope of y = ln(ax) at x0 is 1 / x0, whatever a is: ln(ax) = ln a + ln x."""
    a = draw(rng, 2, 9)
    x0 = pick(rng, (Fraction(draw(rng, 1, 12)), Fraction(draw(rng, 1, 9), draw(rng, 2, 5))))
    value = 1 / x0
    prompt = f"What is the slope of the graph of $y = \\ln({a}x)$ at $x = {frac(x0)}$? {LOWEST}"
    solution = (
        f"By the product law, $\\ln({a}x) = \\ln {a} + \\ln x$: the graph of $\\ln x$ moved "
        f"up by the constant $\\ln {a}$, which changes no slope. The slope of $\\ln x$ at "
        f"$x$ is $\\dfrac{{1}}{{x}}$, so at $x = {frac(x0)}$ it is ${frac(value)}$. "
        f"(The chain rule agrees: $\\dfrac{{{a}}}{{{a}x}} = \\dfrac{{1}}{{x}}$.)"
    )
    mistakes = {
        "kept_the_factor": (
            a * value,
            "The factor inside the logarithm only adds a constant, ln of it, to the "
            "graph, which does not change the slope. Check with the chain rule: the factor "
            "cancels.",
        ),
        "divided_by_the_factor": (
            value / a,
            "The factor inside the logarithm only adds a constant, ln of it, to the "
            "graph, which does not change the slope: it cancels.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"a": a, "x0": str(x0)},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint=f"Split ln({a}x) with the product law first.",
    )


@family("ln_of_powers_of_e")
def ln_of_powers_of_e(rng: np.random.Generator) -> Variant:
    """ln(e^p root_n(e^q) / e^r) = p + q/n - r: ln undoes e, and the laws of logarithms."""
    while True:
        p, r = draw(rng, 2, 9), draw(rng, 1, 9)
        n = pick(rng, (2, 3))
        q = draw(rng, 1, 7)
        if q % n:
            break
    root = Fraction(q, n)
    value = p + root - r
    radical = f"\\sqrt{{e^{{{q}}}}}" if n == 2 else f"\\sqrt[3]{{e^{{{q}}}}}"
    if q == 1:
        radical = "\\sqrt{e}" if n == 2 else "\\sqrt[3]{e}"
    prompt = (
        f"Simplify $\\ln\\left(\\dfrac{{e^{{{p}}}{radical}}}{{e^{{{r}}}}}\\right)$ exactly. "
        f"{LOWEST}"
    )
    solution = (
        f"A root is a fractional power: ${radical} = e^{{{q}/{n}}}$. The logarithm of a "
        "product is the sum of the logarithms and of a quotient their difference, and "
        f"$\\ln e^t = t$: the answer is ${p} + {frac(root)} - {r} = "
        f"\\dfrac{{{p * n} + {q} - {r * n}}}{{{n}}} = \\dfrac{{{value.numerator}}}{{{n}}}$."
    )
    mistakes = {
        "multiplied_and_divided_the_exponents": (
            p * root / r,
            "The logarithm turns a product into a sum and a quotient into a difference: "
            "add and subtract the exponents, do not multiply and divide them.",
        ),
        "ignored_the_root": (
            Fraction(p + q - r),
            "The root halves or thirds the exponent under it: a square root is the power one half.",
        ),
    }
    return exact_variant(
        prompt=prompt,
        params={"p": p, "q": q, "n": n, "r": r},
        value=value,
        solution=solution,
        mistakes=mistakes,
        hint="Write everything inside the logarithm as one power of e.",
    )
