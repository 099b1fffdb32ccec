"""Question families for the graduate topics around KL divergence: cross-entropy loss, the
Jensen-Shannon divergence, f-divergences, maximum likelihood as KL minimisation, Fisher
information, the Akaike information criterion and the Chernoff-Stein lemma.

Divergences and entropies come from :mod:`practice.kl_engine`, in nats or bits as each
prompt states; every named mistake is the value that mistake gives for the variant's own
numbers. Numeric answers are asked to 3 significant figures and accepted within a
tolerance wide enough for a student who rounds every intermediate step to 3 significant
figures (:func:`_tolerance`), while every mistake stays at least three tolerances away.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from itertools import combinations

import numpy as np

from practice import kl_engine as kl
from practice.families import (
    draw,
    family,
    number_variant,
    pick,
    plural,
    shuffled_choice_variant,
)
from practice.questions import Variant

E = math.e
LN2 = math.log(2)
NATS = "Give your answer in nats (natural logarithms) to 3 significant figures."
BITS = "Give your answer in bits (base-2 logarithms) to 3 significant figures."
SIG3 = "Give your answer to 3 significant figures."

IN_BITS = (
    "That is the value in bits, from base-2 logarithms. The question asks for nats: use "
    "natural logarithms throughout (a value in bits times ln 2 is the value in nats)."
)
IN_NATS = (
    "That is the value in nats, from natural logarithms. The question asks for bits: use "
    "base-2 logarithms (a value in nats divided by ln 2 is the value in bits)."
)


def _tolerance(value: float, slack: float = 0.005) -> float:
    """The relative tolerance for ``value``: 1%, or more when an absolute error of
    ``slack`` (what rounding the intermediate steps to 3 significant figures can add) is a
    larger share of a small answer."""
    return max(0.01, slack / abs(value)) if value else 1.0


def _rounding_slack(terms) -> float:
    """The most that rounding each of ``terms`` to 3 significant figures can move their sum:
    half a unit in the third significant figure of each."""
    return sum(0.5 * 10.0 ** (math.floor(math.log10(abs(t))) - 2) for t in terms if t)


def _apart(tol: float, *values: float) -> bool:
    """Whether every two of ``values`` differ by more than three times the tolerance (and
    3%), so that an accepted answer is never near a named mistake."""
    gap = max(0.03, 3 * tol)
    return all(
        math.isfinite(x) and math.isfinite(y) and not math.isclose(x, y, rel_tol=gap, abs_tol=1e-12)
        for x, y in combinations(values, 2)
    )


def _dist(values) -> str:
    """A distribution in LaTeX: ``(0.5, 0.3, 0.2)``."""
    return "(" + ", ".join(f"{float(v):g}" for v in values) + ")"


def _draw_distribution(rng: np.random.Generator, size: int, parts: int = 10) -> list[float]:
    """``size`` positive probabilities in multiples of ``1/parts``."""
    cuts = sorted(int(c) for c in rng.choice(np.arange(1, parts), size - 1, replace=False))
    return [int(x) / parts for x in np.diff([0, *cuts, parts])]


def _3sf(x: float) -> str:
    """``x`` to 3 significant figures as a solution states it: ``0.500``, ``238``, and a
    half rounded up as a student rounds it (3.125 gives ``3.13``, where formatting the
    float alone rounds it to even, ``3.12``)."""
    exact = Decimal(repr(float(x)))
    if exact:
        step = Decimal(1).scaleb(exact.adjusted() - 2)
        x = float(exact.quantize(step, rounding=ROUND_HALF_UP))
    return f"{x:#.3g}".rstrip(".")


def _signed_sum(terms) -> str:
    """Numbers to 4 decimals joined as a sum, each with its own sign: ``0.2 + 0.05 - 0.25``
    (a term that rounds to zero, such as -ln 1 = -0.0, is written ``0.0000``, unsigned)."""
    shown = [f"{abs(x):.4f}" for x in terms]
    negative = [x < 0 and float(s) > 0 for x, s in zip(terms, shown, strict=True)]
    out = ("-" if negative[0] else "") + shown[0]
    for s, neg in zip(shown[1:], negative[1:], strict=True):
        out += f" - {s}" if neg else f" + {s}"
    return out


def _numeric(**fields) -> Variant:
    """A :func:`number_variant` of ``fields`` (its ``hint`` among them); a prompt that asks
    for nats or bits gives the answer that unit, so "0.5 nats" is read, and a value typed in
    the other unit is converted."""
    unit = "nats" if NATS in fields["prompt"] else "bits" if BITS in fields["prompt"] else None
    return number_variant(unit=unit, **fields)


# ------------------------------------------------------------------ cross-entropy loss


def _softmax(z) -> np.ndarray:
    w = np.exp(np.asarray(z, dtype=float) - max(z))
    return w / w.sum()


def _scores(z) -> str:
    return "(" + ", ".join(str(v) for v in z) + ")"


@family("cross_entropy_softmax_loss")
def cross_entropy_softmax_loss(rng: np.random.Generator) -> Variant:
    """The loss -ln softmax(z)_y of one example, in nats, from the raw scores."""
    while True:
        k = draw(rng, 3, 4)
        z = [draw(rng, -2, 4) for _ in range(k)]
        y = draw(rng, 0, k - 1)
        q = _softmax(z)
        value = float(kl.cross_entropy(np.eye(k)[y], q, base=E))
        tol = _tolerance(value, 0.01)
        top = int(np.argmax(q))
        mistakes = {
            "used_log_base_2_for_nats": (value / LN2, IN_BITS),
            "left_out_the_normaliser": (
                -float(z[y]),
                "You took the score itself as the log-probability. The softmax divides "
                "by the sum of all the exponentiated scores, so the loss is the log of that "
                "sum minus the true class's score.",
            ),
        }
        if top != y and np.sum(q == q[top]) == 1:
            mistakes["scored_the_predicted_class"] = (
                float(-math.log(q[top])),
                "That is the loss of the class the model rates highest. The loss is "
                "charged on the true label, whatever the model predicts.",
            )
        if value > 0.05 and _apart(tol, value, *(v for v, _ in mistakes.values())):
            break
    label = ("first", "second", "third", "fourth")[y]
    total = float(np.sum(np.exp(z)))
    prompt = (
        f"A classifier gives the scores (logits) $z = {_scores(z)}$ to {k} classes and turns "
        "them into probabilities with a softmax. The true class is the "
        f"{label}. What is the cross-entropy loss of this example? {NATS}"
    )
    terms = " + ".join(f"e^{{{v}}}" for v in z)
    solution = (
        f"The softmax gives the true class $q_{{{y + 1}}} = e^{{{z[y]}}} / ({terms}) "
        f"\\approx {math.exp(z[y]):.4f} / {total:.4f} \\approx {q[y]:.4f}$. The loss is "
        f"$-\\ln q_{{{y + 1}}} = \\ln({terms}) - {z[y] if z[y] >= 0 else f'({z[y]})'} "
        f"\\approx {value:.4f}$ nats, or {_3sf(value)} to 3 significant figures."
    )
    return _numeric(
        prompt=prompt,
        params={"z": z, "label": y},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint="Turn the scores into probabilities first: exponentiate each and divide by the sum. "
        "The loss is minus the natural log of the true class's probability.",
    )


@family("cross_entropy_label_smoothing")
def cross_entropy_label_smoothing(rng: np.random.Generator) -> Variant:
    """H(P, q) in nats for a label-smoothed target P and a prediction q."""
    while True:
        k = draw(rng, 3, 4)
        # the smoothing spread over the other classes in whole hundredths
        eps = pick(rng, (0.1, 0.2, 0.3) if k == 3 else (0.06, 0.12, 0.15, 0.3))
        y = draw(rng, 0, k - 1)
        q = _draw_distribution(rng, k, 20)
        p = [1 - eps if i == y else eps / (k - 1) for i in range(k)]
        value = float(kl.cross_entropy(p, q, base=E))
        tol = _tolerance(value)
        one_hot = float(kl.cross_entropy(np.eye(k)[y], q, base=E))
        only_kl = float(kl.kl_divergence(p, q, base=E))
        reverse = float(kl.cross_entropy(q, p, base=E))
        bits = value / LN2
        if _apart(tol, value, one_hot, only_kl, reverse, bits):
            break
    label = ("first", "second", "third", "fourth")[y]
    prompt = (
        f"A model predicts $q = {_dist(q)}$ over {k} classes; the true class is the {label}. "
        f"Training uses label smoothing with $\\varepsilon = {eps:g}$: the target keeps "
        f"$1 - \\varepsilon$ on the true class and spreads $\\varepsilon$ evenly over the "
        f"other {k - 1}. What is the cross-entropy loss $H(P, q)$ of this example? {NATS}"
    )
    lines = " + ".join(f"{pi:g} \\times {-math.log(qi):.4f}" for pi, qi in zip(p, q, strict=True))
    solution = (
        f"The target is $P = {_dist([round(v, 6) for v in p])}$. The loss averages the "
        "surprisal $-\\ln q_k$ under the target: "
        f"$H(P, q) = -\\sum_k p_k \\ln q_k = {lines} \\approx {value:.4f}$ nats, or "
        f"{_3sf(value)} to 3 significant figures. It splits as $H(P) \\approx "
        f"{value - only_kl:.4f}$ plus $D_{{\\mathrm{{KL}}}}(P \\| q) \\approx {only_kl:.4f}$."
    )
    mistakes = {
        "ignored_the_smoothing": (
            one_hot,
            "That is the loss for the one-hot label. With label smoothing every class has "
            "some target probability, so every class's surprisal enters, weighted by it.",
        ),
        "gave_only_the_kl_part": (
            only_kl,
            "That is only the divergence from the target to the prediction. The "
            "cross-entropy adds the entropy of the smoothed target, which is no longer 0.",
        ),
        "reversed_the_direction": (
            reverse,
            "You averaged the log of the target under the prediction. The loss averages "
            "minus the log of the prediction, weighted by the target.",
        ),
        "used_log_base_2_for_nats": (bits, IN_BITS),
    }
    return _numeric(
        prompt=prompt,
        params={"q": q, "label": y, "epsilon": eps},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint="Write the smoothed target out class by class first; then weight each class's "
        "$-\\ln q_k$ by its target probability.",
    )


@family("cross_entropy_softmax_gradient")
def cross_entropy_softmax_gradient(rng: np.random.Generator) -> Variant:
    """dL/dz_j = q_j - p_j for a softmax output and a one-hot target."""
    while True:
        k = 3
        z = [draw(rng, -2, 3) for _ in range(k)]
        y = draw(rng, 0, k - 1)
        j = draw(rng, 0, k - 1)
        q = _softmax(z)
        target = 1.0 if j == y else 0.0
        value = float(q[j] - target)
        tol = _tolerance(value, 0.0005)
        mistakes = {
            "flipped_the_sign": (
                -value,
                "That is the target minus the prediction: the direction a descent step "
                "moves the score, not the gradient. The gradient is prediction minus target.",
            ),
            "stopped_at_the_probability": (
                -target / float(q[j]),
                "That is the derivative with respect to the probability. The question asks "
                "about the score: through the softmax every probability depends "
                "on every score, and the chain rule collapses to prediction minus target.",
            ),
        }
        if j == y:
            mistakes["left_out_the_target"] = (
                float(q[j]),
                "You left out the target. For the true class the target probability is 1, "
                "and it is subtracted from the prediction.",
            )
        if abs(value) > 0.02 and _apart(tol, value, *(v for v, _ in mistakes.values())):
            break
    label = ("first", "second", "third")[y]
    prompt = (
        f"A softmax classifier gives the scores $z = {_scores(z)}$; the true class is the "
        f"{label}, and the loss is the cross-entropy $L = -\\ln q_y$. What is "
        f"$\\partial L / \\partial z_{{{j + 1}}}$? {SIG3}"
    )
    probs = ", ".join(f"{v:.4f}" for v in q)
    solution = (
        "For a softmax with cross-entropy loss, $\\partial L / \\partial z_j = q_j - p_j$, "
        f"prediction minus target. The softmax gives $q \\approx ({probs})$ and the target "
        f"puts $p_{{{j + 1}}} = {target:g}$ on class {j + 1}, so the derivative is "
        f"${q[j]:.4f} - {target:g} \\approx {value:.4f}$, or {_3sf(value)} to 3 significant "
        "figures."
    )
    return _numeric(
        prompt=prompt,
        params={"z": z, "label": y, "score": j},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint="Compute the softmax probabilities; the gradient with respect to each score is "
        "its probability minus the target's.",
    )


# ------------------------------------------------------------ Jensen-Shannon divergence


def _draw_pair_with_a_gap(rng: np.random.Generator, size: int) -> tuple[list[float], list[float]]:
    """Two distributions in tenths on ``size`` outcomes, one of them sometimes giving an
    outcome probability 0 that the other does not (where KL is infinite and JS is not)."""
    p, q = _draw_distribution(rng, size), _draw_distribution(rng, size)
    if rng.integers(2):
        gap = draw(rng, 0, size - 1)
        first = _draw_distribution(rng, size - 1)
        first.insert(gap, 0.0)
        p, q = (first, q) if rng.integers(2) else (q, first)
    return p, q


def _on_support(rng: np.random.Generator, support, size: int) -> list[float]:
    """A distribution on ``size`` outcomes in tenths, positive exactly on ``support``."""
    out = [0.0] * size
    for i, v in zip(support, _draw_distribution(rng, len(support)), strict=True):
        out[i] = v
    return out


@family("js_divergence_bits")
def js_divergence_bits(rng: np.random.Generator) -> Variant:
    """JS(P, Q) = (D(P||M) + D(Q||M)) / 2 in bits, M the midpoint."""
    while True:
        p, q = _draw_pair_with_a_gap(rng, 3)
        m = [(a + b) / 2 for a, b in zip(p, q, strict=True)]
        d_pm, d_qm = float(kl.kl_divergence(p, m)), float(kl.kl_divergence(q, m))
        value = float(kl.js_divergence(p, q))
        terms = [a * math.log2(a / c) for a, c in zip(p, m, strict=True) if a > 0]
        terms += [b * math.log2(b / c) for b, c in zip(q, m, strict=True) if b > 0]
        tol = _tolerance(value, _rounding_slack(terms) / 2 + 0.005 * value)
        mistakes = {
            "used_nats_for_bits": (value * LN2, IN_NATS),
            "forgot_the_half": (
                d_pm + d_qm,
                "You added the two divergences from the midpoint. The Jensen-Shannon "
                "divergence is their average: halve the sum.",
            ),
            "kept_one_term": (
                d_pm,
                "That is only the divergence of P from the midpoint. Q's divergence from "
                "the midpoint counts too, equally: average the two.",
            ),
            "took_the_square_root": (
                math.sqrt(value),
                "That is the square root, the Jensen-Shannon distance. The question asks "
                "for the divergence itself.",
            ),
        }
        if value > 0.05 and _apart(tol, value, *(v for v, _ in mistakes.values())):
            break
    prompt = (
        f"On three outcomes, $P = {_dist(p)}$ and $Q = {_dist(q)}$. Find the "
        f"Jensen-Shannon divergence $\\mathrm{{JS}}(P, Q)$. {BITS}"
    )
    solution = (
        f"The midpoint is $M = \\frac{{1}}{{2}}(P + Q) = {_dist(m)}$. Then "
        f"$D(P \\| M) = \\sum_i p_i \\log_2 \\frac{{p_i}}{{m_i}} \\approx {d_pm:.4f}$ bits and "
        f"$D(Q \\| M) \\approx {d_qm:.4f}$ bits (an outcome with probability 0 adds 0), so "
        f"$\\mathrm{{JS}}(P, Q) = \\frac{{1}}{{2}}({d_pm:.4f} + {d_qm:.4f}) \\approx "
        f"{value:.4f}$ bits, or {_3sf(value)} to 3 significant figures."
    )
    return _numeric(
        prompt=prompt,
        params={"p": p, "q": q},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint="Find the midpoint $M$ first; then average the divergences of $P$ and of $Q$ "
        "from it, with base-2 logarithms.",
    )


@family("js_distance_scipy")
def js_distance_scipy(rng: np.random.Generator) -> Variant:
    """What SciPy's jensenshannon(p, q) returns: sqrt(JS) with natural logarithms."""
    while True:
        p, q = _draw_pair_with_a_gap(rng, 3)
        nats = float(kl.js_divergence(p, q, base=E))
        bits = float(kl.js_divergence(p, q))
        value = math.sqrt(nats)
        tol = _tolerance(value, 0.002)
        mistakes = {
            "forgot_the_square_root": (
                nats,
                "That is the divergence itself. SciPy's jensenshannon returns the "
                "Jensen-Shannon distance, the square root of the divergence.",
            ),
            "assumed_base_2": (
                math.sqrt(bits),
                "That is the distance with base-2 logarithms. SciPy uses natural logarithms "
                "unless it is given a base.",
            ),
            "gave_the_divergence_in_bits": (
                bits,
                "That is the divergence in bits. SciPy returns a square root, and computes "
                "it with natural logarithms unless it is given a base.",
            ),
        }
        if nats > 0.02 and _apart(tol, value, *(v for v, _ in mistakes.values())):
            break
    prompt = (
        f"A script compares two distributions on three outcomes, $P = {_dist(p)}$ and "
        f"$Q = {_dist(q)}$, with `scipy.spatial.distance.jensenshannon(p, q)`, leaving "
        f"`base` at its default. What number does it print? {SIG3}"
    )
    solution = (
        "SciPy's `jensenshannon` returns the Jensen-Shannon *distance* "
        "$\\sqrt{\\mathrm{JS}(P, Q)}$, with natural logarithms when no base is given. "
        f"With $M = {_dist([(a + b) / 2 for a, b in zip(p, q, strict=True)])}$, "
        f"$\\mathrm{{JS}} = \\frac{{1}}{{2}}D(P \\| M) + \\frac{{1}}{{2}}D(Q \\| M) \\approx "
        f"{nats:.4f}$ nats ({bits:.4f} bits), and its square root is $\\approx {value:.4f}$, "
        f"or {_3sf(value)} to 3 significant figures."
    )
    return _numeric(
        prompt=prompt,
        params={"p": p, "q": q},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint="Ask two things of the function: does it return the divergence or its square "
        "root, and which logarithm does it use by default?",
    )


@family("js_zero_probabilities")
def js_zero_probabilities(rng: np.random.Generator) -> Variant:
    """JS when some outcomes have probability 0: finite, and 1 bit exactly for disjoint
    supports."""
    disjoint = bool(rng.integers(2))
    if disjoint:
        split = draw(rng, 1, 3)
        p = _on_support(rng, range(split), 4)
        q = _on_support(rng, range(split, 4), 4)
    else:
        gap_p, gap_q = (int(i) for i in rng.choice(4, 2, replace=False))
        p = _on_support(rng, [i for i in range(4) if i != gap_p], 4)
        q = _on_support(rng, [i for i in range(4) if i != gap_q], 4)
    value = float(kl.js_divergence(p, q))
    prompt = (
        f"On four outcomes, $P = {_dist(p)}$ and $Q = {_dist(q)}$. Both KL divergences "
        "between them are infinite. What can you say about $\\mathrm{JS}(P, Q)$ in bits?"
    )
    choices = {
        "exactly": "It is exactly 1 bit.",
        "inside": "It is finite and strictly between 0 and 1 bit.",
        "thought_a_zero_makes_it_infinite": "It is infinite, like the KL divergences.",
    }
    if disjoint:
        choices["right"] = choices.pop("exactly")
        choices["missed_that_disjoint_supports_give_the_maximum"] = choices.pop("inside")
        solution = (
            "The midpoint $M$ is positive wherever $P$ or $Q$ is, so both divergences from "
            "it are finite. Here no outcome has positive probability under both: where $P$ "
            "is positive, $m_i = p_i / 2$, so $D(P \\| M) = \\sum_i p_i \\log_2 2 = 1$ bit, "
            "and the same for $Q$. The divergence is "
            f"${value:g}$ bit, its largest possible value."
        )
    else:
        choices["right"] = choices.pop("inside")
        choices["thought_any_zero_gives_the_maximum"] = choices.pop("exactly")
        solution = (
            "The midpoint $M$ is positive wherever $P$ or $Q$ is, so both divergences from "
            "it are finite. The two share some outcomes, so the divergence is below its "
            f"1-bit maximum: here $\\mathrm{{JS}}(P, Q) \\approx {value:.4f}$ bits."
        )
    messages = {
        "thought_a_zero_makes_it_infinite": "Each distribution is compared with the midpoint, "
        "which is positive wherever either distribution is, so no log ratio is infinite.",
        "missed_that_disjoint_supports_give_the_maximum": "Look at where each distribution "
        "puts its mass. With no outcome in common, the midpoint has exactly half of each "
        "probability there, so each log ratio is log 2: the maximum.",
        "thought_any_zero_gives_the_maximum": "The maximum needs supports with nothing in "
        "common. These two share outcomes, and shared mass brings the divergence below it.",
    }
    return shuffled_choice_variant(
        rng,
        prompt=prompt,
        params={"p": p, "q": q, "disjoint": disjoint},
        choices=choices,
        solution=solution,
        messages=messages,
        hint=(
            "Compare each distribution with the midpoint M, and check whether any outcome "
            "has positive probability under both."
        ),
    )


# ------------------------------------------------------------------------ f-divergences

# name: (f in LaTeX, f as a function of the ratio t, symmetric in P and Q, divergence named)
_GENERATORS = {
    "chi2": ("(t - 1)^2", lambda t: (t - 1) ** 2, False, "the Pearson $\\chi^2$ divergence"),
    "hellinger": (
        "(\\sqrt{t} - 1)^2",
        lambda t: (math.sqrt(t) - 1) ** 2,
        True,
        "the squared Hellinger distance",
    ),
    "tv": ("\\frac{1}{2}|t - 1|", lambda t: abs(t - 1) / 2, True, "the total variation distance"),
    "kl": ("t \\ln t", lambda t: t * math.log(t) if t > 0 else 0.0, False, "KL divergence"),
    "reverse_kl": ("-\\ln t", lambda t: -math.log(t), False, "the reverse KL divergence"),
}


@family("f_divergence_from_generator")
def f_divergence_from_generator(rng: np.random.Generator) -> Variant:
    """D_f(P || Q) = sum_x q(x) f(p(x) / q(x)) for a named generator f."""
    while True:
        name = pick(rng, tuple(_GENERATORS))
        latex, f, symmetric, called = _GENERATORS[name]
        p, q = _draw_distribution(rng, 3), _draw_distribution(rng, 3)
        ratios = [a / b for a, b in zip(p, q, strict=True)]
        terms = [b * f(t) for b, t in zip(q, ratios, strict=True)]
        value = math.fsum(terms)
        # each term rounded, after the value of f it multiplies was rounded too
        tol = _tolerance(value, 2 * _rounding_slack(terms) + 0.0005)
        mistakes = {
            "weighted_by_p": (
                math.fsum(a * f(t) for a, t in zip(p, ratios, strict=True)),
                "You weighted the penalties by P. An f-divergence averages f of the ratio "
                "p/q under Q, the second distribution.",
            )
        }
        if not symmetric:
            mistakes["swapped_the_arguments"] = (
                math.fsum(a * f(b / a) for a, b in zip(p, q, strict=True)),
                "That is the divergence the other way round, with the ratio q/p averaged "
                "under P. This f is not symmetric: put p/q into f and average under Q.",
            )
        if name == "tv":
            mistakes["forgot_the_half"] = (
                2 * value,
                "The generator has a factor one half in front of the absolute difference; keep it.",
            )
        if name == "kl":
            mistakes["used_log_base_2_for_nats"] = (value / LN2, IN_BITS)
        if value > 0.02 and _apart(tol, value, *(v for v, _ in mistakes.values())):
            break
    rows = " + ".join(
        f"{b:g} \\, f\\!\\left(\\frac{{{a:g}}}{{{b:g}}}\\right)" for a, b in zip(p, q, strict=True)
    )
    shown = _signed_sum(terms)
    prompt = (
        f"On three outcomes, $P = {_dist(p)}$ and $Q = {_dist(q)}$. With the generator "
        f"$f(t) = {latex}$, find the f-divergence "
        "$D_f(P \\| Q) = \\sum_x q(x)\\, f\\!\\left(\\frac{p(x)}{q(x)}\\right)$. "
        f"{NATS if name == 'kl' else SIG3}"
    )
    solution = (
        f"The generator $f(t) = {latex}$ gives {called}. Average $f$ of the likelihood "
        f"ratio under $Q$: $D_f(P \\| Q) = {rows} = {shown} \\approx {value:.4f}$, or "
        f"{_3sf(value)} to 3 significant figures."
    )
    return _numeric(
        prompt=prompt,
        params={"f": name, "p": p, "q": q},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint="For each outcome, compute the ratio $p/q$, apply $f$ to it, and weight the "
        "result by $q$.",
    )


# name: (f in LaTeX, f''(1), f as a function of the ratio, the divergence named)
_SMOOTH = {
    "kl": ("t \\ln t", 1.0, lambda t: t * math.log(t), "the KL divergence $D(P \\| Q)$"),
    "reverse_kl": ("-\\ln t", 1.0, lambda t: -math.log(t), "the reverse KL divergence"),
    "hellinger": (
        "(\\sqrt{t} - 1)^2",
        0.5,
        lambda t: (math.sqrt(t) - 1) ** 2,
        "the squared Hellinger distance",
    ),
    "js": (
        "\\frac{1}{2}\\left[t\\ln t - (t + 1)\\ln\\frac{t + 1}{2}\\right]",
        0.25,
        lambda t: (t * math.log(t) - (t + 1) * math.log((t + 1) / 2)) / 2,
        "the Jensen-Shannon divergence in nats",
    ),
}


@family("f_divergence_local_chi2")
def f_divergence_local_chi2(rng: np.random.Generator) -> Variant:
    """Near P = Q every smooth f-divergence is f''(1)/2 times the chi-squared divergence."""
    while True:
        name = pick(rng, tuple(_SMOOTH))
        latex, curve, f, called = _SMOOTH[name]
        q = pick(rng, ((0.3, 0.3, 0.4), (0.2, 0.3, 0.5), (0.25, 0.25, 0.5), (0.4, 0.4, 0.2)))
        shift = [draw(rng, -2, 2) / 100 for _ in range(2)]
        p = [round(q[0] + shift[0], 2), round(q[1] + shift[1], 2)]
        p.append(round(1 - p[0] - p[1], 2))
        chi2 = math.fsum((a - b) ** 2 / b for a, b in zip(p, q, strict=True))
        if chi2 < 0.002:
            continue  # too small a change to read
        value = curve / 2 * chi2
        exact = math.fsum(b * f(a / b) for a, b in zip(p, q, strict=True))
        if abs(exact - value) > 0.03 * value:
            continue  # not close enough for the approximation to hold within 3%
        # wide enough to accept the exact value too
        tol = max(0.01, 1.5 * abs(exact - value) / value)
        candidates = {
            "forgot_the_half": (
                curve * chi2,
                "The second-order term of the Taylor expansion of f about 1 carries a factor "
                "one half: the divergence is about half of f''(1) times the chi-squared "
                "divergence.",
            ),
            "took_the_curvature_as_one": (
                chi2 / 2,
                "That is right only for a generator whose second derivative at 1 is 1, as "
                "for KL. Differentiate this generator twice and evaluate at 1.",
            ),
            "gave_the_chi_squared_divergence": (
                chi2,
                "That is the chi-squared divergence itself. The approximation scales it by "
                "half the generator's second derivative at 1.",
            ),
        }
        mistakes, seen = {}, [value]
        for code, (alt, message) in candidates.items():
            if _apart(tol, alt, *seen):
                mistakes[code] = (alt, message)
                seen.append(alt)
        if mistakes:
            break
    squares = " + ".join(f"\\frac{{({a:g} - {b:g})^2}}{{{b:g}}}" for a, b in zip(p, q, strict=True))
    prompt = (
        f"$P = {_dist(p)}$ is close to $Q = {_dist(q)}$. The generator $f(t) = {latex}$ gives "
        f"{called}. Estimate $D_f(P \\| Q)$ from the chi-squared divergence "
        "$\\chi^2(P \\| Q) = \\sum_x \\frac{(p(x) - q(x))^2}{q(x)}$, with the second-order "
        f"approximation that holds near $P = Q$. {SIG3}"
    )
    solution = (
        "Near $t = 1$, $f(t) \\approx f'(1)(t - 1) + \\frac{f''(1)}{2}(t - 1)^2$; the linear "
        "term averages to 0 under $Q$, so $D_f(P \\| Q) \\approx \\frac{f''(1)}{2}\\chi^2(P "
        f"\\| Q)$. Here $f''(1) = {curve:g}$ and $\\chi^2 = {squares} \\approx {chi2:.6f}$, so "
        f"$D_f \\approx {curve / 2:g} \\times {chi2:.6f} \\approx {_3sf(value)}$. (The exact "
        f"value is ${_3sf(exact)}$.)"
    )
    return _numeric(
        prompt=prompt,
        params={"f": name, "p": p, "q": list(q)},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint="Expand $f$ to second order about $t = 1$ and average under $Q$: the linear term "
        "drops out.",
    )


# name: (f, t f(1/t) simplified, f(1/t) simplified, -f), all in LaTeX
_MIRRORS = {
    "kl": ("t\\ln t", "-\\ln t", "-\\frac{\\ln t}{t}", "-t\\ln t"),
    "reverse_kl": ("-\\ln t", "t\\ln t", "\\ln t", None),
    "chi2": ("(t - 1)^2", "\\frac{(t - 1)^2}{t}", "\\frac{(t - 1)^2}{t^2}", "-(t - 1)^2"),
    "hellinger": (
        "(\\sqrt{t} - 1)^2",
        "(\\sqrt{t} - 1)^2",
        "\\frac{(\\sqrt{t} - 1)^2}{t}",
        "-(\\sqrt{t} - 1)^2",
    ),
    "tv": (
        "\\frac{1}{2}|t - 1|",
        "\\frac{1}{2}|t - 1|",
        "\\frac{|t - 1|}{2t}",
        "-\\frac{1}{2}|t - 1|",
    ),
}


@family("f_divergence_swapped_generator")
def f_divergence_swapped_generator(rng: np.random.Generator) -> Variant:
    """The generator of D_f(Q || P) as a divergence of P from Q: t f(1/t)."""
    name = pick(rng, tuple(_MIRRORS))
    f, mirror, inverted, negated = _MIRRORS[name]
    choices = {"right": f"$\\bar f(t) = {mirror}$"}
    if mirror != f:
        choices["assumed_it_is_symmetric"] = f"$\\bar f(t) = {f}$"
    choices["forgot_the_factor_t"] = f"$\\bar f(t) = {inverted}$"
    if negated is not None:
        choices["negated_f"] = f"$\\bar f(t) = {negated}$"
    prompt = (
        f"The generator $f(t) = {f}$ defines $D_f(P \\| Q) = \\sum_x q(x) f(p(x)/q(x))$. "
        "Which generator $\\bar f$ gives the same divergence with the arguments swapped, "
        "$D_{\\bar f}(P \\| Q) = D_f(Q \\| P)$ for all $P$ and $Q$?"
    )
    same = " (so this divergence is symmetric)" if mirror == f else ""
    solution = (
        "Write $D_f(Q \\| P) = \\sum_x p(x) f\\!\\left(\\frac{q(x)}{p(x)}\\right) = "
        "\\sum_x q(x) \\cdot \\frac{p(x)}{q(x)} f\\!\\left(\\frac{q(x)}{p(x)}\\right)$: an "
        "average under $Q$ of $\\bar f(t) = t f(1/t)$ at $t = p/q$. For "
        f"$f(t) = {f}$ that is $\\bar f(t) = {mirror}${same}."
    )
    messages = {
        "assumed_it_is_symmetric": "Swapping the arguments changes this divergence: try it on "
        "two distributions. The new generator comes from rewriting the swapped sum as an "
        "average under Q of a function of p/q.",
        "forgot_the_factor_t": "Swapping gives an average under P. To write it as an average "
        "under Q you multiply by p/q, so the new generator is t times f(1/t), not f(1/t).",
        "negated_f": "Negating a convex function makes it concave, and its divergence would be "
        "negative. Rewrite the swapped sum as an average under Q of a function of p/q.",
    }
    return shuffled_choice_variant(
        rng,
        prompt=prompt,
        params={"f": name},
        choices=choices,
        solution=solution,
        messages=messages,
        hint=(
            "Write $D_f(Q \\| P)$ out as a sum, then multiply and divide each term by "
            "$q(x)$ so that it becomes an average under $Q$."
        ),
    )


# ------------------------------------------------- maximum likelihood as KL minimisation


@family("mle_kl_gap_bernoulli")
def mle_kl_gap_bernoulli(rng: np.random.Generator) -> Variant:
    """Average log-likelihood of the fitted coin minus that of a fixed coin: D(P_hat || Q)."""
    while True:
        n = pick(rng, (10, 20, 25, 40, 50))
        k = draw(rng, 1, n - 1)
        theta = pick(rng, (0.2, 0.25, 0.4, 0.5, 0.6, 0.75, 0.8))
        a = k / n
        value = float(kl.bernoulli_kl(a, theta, base=E))
        tol = _tolerance(value, 0.006)
        mistakes = {
            "reversed_the_direction": (
                float(kl.bernoulli_kl(theta, a, base=E)),
                "That is the divergence from the fixed coin to the data. The log-likelihood "
                "averages over the data, so the divergence runs from the empirical "
                "distribution to the model.",
            ),
            "used_log_base_2_for_nats": (value / LN2, IN_BITS),
            "gave_the_total": (
                n * value,
                "That is the gap for the whole sample. The question asks per toss: the "
                "average log-likelihood divides by the number of tosses.",
            ),
        }
        if a != theta and value > 0.03 and _apart(tol, value, *(v for v, _ in mistakes.values())):
            break
    fitted = a * math.log(a) + (1 - a) * math.log(1 - a)
    fixed = a * math.log(theta) + (1 - a) * math.log(1 - theta)
    prompt = (
        f"A coin shows {k} {plural(k, 'head')} in {n} tosses. Compare the "
        "maximum-likelihood coin with "
        f"the coin that lands heads with probability ${theta:g}$: by how much is the "
        "average log-likelihood per toss of the maximum-likelihood coin higher? "
        f"{NATS}"
    )
    solution = (
        f"The empirical distribution $\\hat P$ is a coin with heads probability "
        f"${k}/{n} = {a:g}$, and the maximum-likelihood coin is that coin. Its average "
        f"log-likelihood is ${a:g}\\ln {a:g} + {1 - a:g}\\ln {1 - a:g} \\approx "
        f"{fitted:.4f}$; the other coin's is ${a:g}\\ln {theta:g} + {1 - a:g}\\ln "
        f"{1 - theta:g} \\approx {fixed:.4f}$. The gap is "
        f"$D_{{\\mathrm{{KL}}}}(\\hat P \\| Q) \\approx {value:.4f}$ nats per toss, or "
        f"{_3sf(value)} to 3 significant figures."
    )
    return _numeric(
        prompt=prompt,
        params={"n": n, "heads": k, "theta": theta},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint="The maximum-likelihood coin matches the observed frequency. Average each "
        "coin's log-probability over the tosses, weighting heads and tails by how often "
        "they occurred.",
    )


@family("mle_average_nll_categorical")
def mle_average_nll_categorical(rng: np.random.Generator) -> Variant:
    """A model's average negative log-likelihood is H(P_hat) + D(P_hat || Q)."""
    while True:
        size = draw(rng, 3, 4)
        counts = [draw(rng, 1, 12) for _ in range(size)]
        n = sum(counts)
        emp = [c / n for c in counts]
        q = _draw_distribution(rng, size)
        value = float(kl.cross_entropy(emp, q, base=E))
        tol = _tolerance(value, 0.002)
        h = float(kl.entropy(emp, base=E))
        d = float(kl.kl_divergence(emp, q, base=E))
        mistakes = {
            "gave_only_the_divergence": (
                d,
                "That is only the divergence from the data to the model. The average "
                "negative log-likelihood also contains the entropy of the data, which no "
                "model can remove.",
            ),
            "gave_the_best_model_s_value": (
                h,
                "That is the entropy of the data: the average negative log-likelihood of "
                "the best categorical model, not of this one. Add the divergence from the "
                "data to this model.",
            ),
            "reversed_the_cross_entropy": (
                float(kl.cross_entropy(q, emp, base=E)),
                "You averaged the logs of the data frequencies under the model. The "
                "likelihood averages the model's log-probabilities over the data.",
            ),
            "used_log_base_2_for_nats": (value / LN2, IN_BITS),
        }
        if _apart(tol, value, *(v for v, _ in mistakes.values())):
            break
    letters = "ABCD"[:size]
    tally = ", ".join(
        f"{x} {'once' if c == 1 else f'{c} times'}" for c, x in zip(counts, letters, strict=True)
    )
    model = ", ".join(f"$q({x}) = {v:g}$" for x, v in zip(letters, q, strict=True))
    prompt = (
        f"In {n} observations the outcomes were {tally}. A model gives {model}. What is "
        f"the model's average negative log-likelihood per observation? {NATS}"
    )
    surprisals = " + ".join(
        f"\\tfrac{{{c}}}{{{n}}}({-math.log(v):.4f})" for c, v in zip(counts, q, strict=True)
    )
    solution = (
        "The average negative log-likelihood is the cross-entropy from the empirical "
        "distribution to the model, $-\\sum_x \\hat p(x) \\ln q(x) = "
        f"{surprisals} \\approx {value:.4f}$ nats, or {_3sf(value)} to 3 significant figures. "
        f"It splits as the data's entropy $H(\\hat P) \\approx {h:.4f}$, which no model can "
        f"go below, plus $D_{{\\mathrm{{KL}}}}(\\hat P \\| Q) \\approx {d:.4f}$."
    )
    return _numeric(
        prompt=prompt,
        params={"counts": counts, "q": q},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint="Each observation costs $-\\ln q(x)$ of its own outcome; average those costs, "
        "weighting each outcome by the fraction of the data it makes up.",
    )


def _poisson_kl_from(p, lam: float, *, factorials: bool = True) -> float:
    """D(P || Poisson(lam)) in nats for P on 0, 1, ..., len(p) - 1 (or, without the
    factorials, the value a student gets who leaves them out of the Poisson probabilities)."""
    total = 0.0
    for k, pk in enumerate(p):
        if pk > 0:
            log_q = -lam + k * math.log(lam) - (math.lgamma(k + 1) if factorials else 0.0)
            total += pk * (math.log(pk) - log_q)
    return total


@family("mle_misspecified_poisson")
def mle_misspecified_poisson(rng: np.random.Generator) -> Variant:
    """The Poisson model closest in KL to counts that are not Poisson: its rate is the mean,
    and what remains is D(P || Poisson(mean))."""
    while True:
        p = _draw_distribution(rng, 4)
        mean = sum(k * pk for k, pk in enumerate(p))
        mode = int(np.argmax(p))
        value = _poisson_kl_from(p, mean)
        tol = _tolerance(value, 0.005)
        mistakes = {
            "fitted_the_most_likely_count": (
                _poisson_kl_from(p, mode) if mode > 0 else math.inf,
                "You set the rate to the most likely count. The rate that minimises the "
                "divergence from the truth is the one maximum likelihood finds in the "
                "limit: the mean count.",
            ),
            "left_out_the_factorials": (
                _poisson_kl_from(p, mean, factorials=False),
                "The Poisson probability of k is the rate to the power k times e to the "
                "minus rate, divided by k factorial; keep the factorial.",
            ),
            "used_log_base_2_for_nats": (value / LN2, IN_BITS),
        }
        # a tie for the most likely count would leave the rate a student picks for it open
        unique_mode = p.count(max(p)) == 1
        if mode > 0 and unique_mode and _apart(tol, value, *(v for v, _ in mistakes.values())):
            break
    table = ", ".join(f"$P({k}) = {pk:g}$" for k, pk in enumerate(p))
    prompt = (
        f"Counts from a machine take the values 0 to 3 with {table}. Someone fits a "
        "Poisson model by maximum likelihood to a very large sample of these counts. What "
        "KL divergence from the true distribution to the fitted Poisson model remains? "
        f"{NATS}"
    )
    poisson = [math.exp(-mean) * mean**k / math.factorial(k) for k in range(4)]
    solution = (
        "As the sample grows, maximum likelihood finds the model closest to the truth in "
        "$D_{\\mathrm{KL}}(P \\| Q_\\lambda)$. For a Poisson model, "
        "$D = \\sum_k P(k)\\ln P(k) + \\lambda - \\mathbb{E}_P[k]\\ln\\lambda + "
        "\\mathbb{E}_P[\\ln k!]$, smallest at $\\lambda = \\mathbb{E}_P[k] = "
        f"{mean:g}$. That model gives the counts 0 to 3 the probabilities "
        f"{', '.join(f'{v:.4f}' for v in poisson)}, and "
        f"$D = \\sum_k P(k) \\ln\\frac{{P(k)}}{{Q(k)}} \\approx {value:.4f}$ nats, or "
        f"{_3sf(value)} to 3 significant figures."
    )
    return _numeric(
        prompt=prompt,
        params={"p": p},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint="Maximum likelihood on a huge sample minimises the divergence from the truth "
        "to the model. Find the rate that does so (differentiate in the rate), then "
        "compute the divergence at that rate.",
    )


# ---------------------------------------------------------------------- Fisher information


def _fisher_model(rng: np.random.Generator) -> dict:
    """A one-parameter model, its parameter's value, and its Fisher information per
    observation, with the slip that model invites."""
    kind = pick(rng, ("bernoulli", "poisson", "normal_mean", "exponential"))
    if kind == "bernoulli":
        theta = pick(rng, (0.1, 0.2, 0.25, 0.3, 0.4, 0.6, 0.7, 0.75, 0.8, 0.9))
        return {
            "kind": kind,
            "value": theta,
            "model": f"a coin that lands heads with probability $\\theta = {theta:g}$",
            "symbol": "\\theta",
            "info": 1 / (theta * (1 - theta)),
            "formula": f"\\frac{{1}}{{\\theta(1 - \\theta)}} = \\frac{{1}}{{{theta:g} \\times "
            f"{1 - theta:g}}}",
            "slip": ("took_the_variance_of_an_observation", theta * (1 - theta)),
        }
    if kind == "poisson":
        lam = pick(rng, (0.5, 2, 3, 4, 5, 8))
        return {
            "kind": kind,
            "value": lam,
            "model": f"Poisson counts with rate $\\lambda = {lam:g}$",
            "symbol": "\\lambda",
            "info": 1 / lam,
            "formula": f"\\frac{{1}}{{\\lambda}} = \\frac{{1}}{{{lam:g}}}",
            "slip": ("took_the_variance_of_an_observation", lam),
        }
    if kind == "normal_mean":
        sigma = pick(rng, (0.5, 2, 3, 4))
        return {
            "kind": kind,
            "value": sigma,
            "model": f"normal observations with unknown mean $\\mu$ and known standard "
            f"deviation $\\sigma = {sigma:g}$",
            "symbol": "\\mu",
            "info": 1 / sigma**2,
            "formula": f"\\frac{{1}}{{\\sigma^2}} = \\frac{{1}}{{{sigma:g}^2}}",
            "slip": ("used_sigma_for_the_variance", 1 / sigma),
        }
    rate = pick(rng, (0.5, 2, 3, 4, 5))
    return {
        "kind": kind,
        "value": rate,
        "model": f"exponential waiting times with rate $\\lambda = {rate:g}$",
        "symbol": "\\lambda",
        "info": 1 / rate**2,
        "formula": f"\\frac{{1}}{{\\lambda^2}} = \\frac{{1}}{{{rate:g}^2}}",
        "slip": ("used_the_mean_waiting_time", rate**2),
    }


SLIPS = {
    "took_the_variance_of_an_observation": "That is built from the variance of an "
    "observation itself. Fisher information is the variance of the score, the slope of the "
    "log-density in the parameter: differentiate the log-density and take the variance of "
    "that slope.",
    "used_the_mean_waiting_time": "That is the information about the mean waiting time, one "
    "over the rate. Information depends on the parameter you ask about: differentiate the "
    "log-density in the rate itself and take the variance of that slope.",
    "used_sigma_for_the_variance": "The score of a normal mean is (x - mu) over the "
    "variance, so the information is one over the variance: square the standard deviation.",
}


@family("fisher_information_sample")
def fisher_information_sample(rng: np.random.Generator) -> Variant:
    """n I(theta): the Fisher information of n independent observations."""
    while True:
        m = _fisher_model(rng)
        n = pick(rng, (5, 10, 20, 25, 50, 100))
        one = m["info"]
        value = n * one
        code, slip = m["slip"]
        mistakes = {
            "forgot_the_sample_size": (
                one,
                "That is the information in one observation. Independent observations add "
                "their information: multiply by the number of observations.",
            ),
            "inverted_it": (
                1 / value,
                "That is the reciprocal, the Cramer-Rao bound on an unbiased estimator's "
                "variance. The information itself grows with the sample.",
            ),
            code: (n * slip, SLIPS[code]),
        }
        if _apart(0.01, value, *(v for v, _ in mistakes.values())):
            break
    s = m["symbol"]
    prompt = (
        f"You will observe {n} independent draws from {m['model']}. How much Fisher "
        f"information about ${s}$ does the whole sample carry, at this value of ${s}$? {SIG3}"
    )
    solution = (
        f"One observation carries $I({s}) = {m['formula']} \\approx {one:.4f}$ (the "
        "variance of the score, the derivative of the log-density). Independent "
        f"observations add their information, so the sample carries ${n} \\times {one:.4f} "
        f"\\approx {value:.6g}$, or {_3sf(value)} to 3 significant figures."
    )
    return _numeric(
        prompt=prompt,
        params={"model": m["kind"], "parameter": m["value"], "n": n},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=0.01,
        hint=f"Differentiate the log-density of one observation in ${s}$; the information is "
        "the variance (or minus the expected derivative) of that slope. Then think about "
        "independent observations.",
    )


@family("fisher_cramer_rao_sd")
def fisher_cramer_rao_sd(rng: np.random.Generator) -> Variant:
    """The Cramer-Rao bound: no unbiased estimator's standard deviation is below
    1 / sqrt(n I(theta))."""
    while True:
        m = _fisher_model(rng)
        n = pick(rng, (10, 25, 50, 100, 400))
        one = m["info"]
        value = 1 / math.sqrt(n * one)
        mistakes = {
            "gave_the_variance": (
                value**2,
                "That is the bound on the variance. The question asks for a standard "
                "deviation: take the square root.",
            ),
            "forgot_the_sample_size": (
                1 / math.sqrt(one),
                "That is the bound for a single observation. With n observations the "
                "information is n times larger.",
            ),
            "divided_by_n": (
                1 / (n * math.sqrt(one)),
                "Averaging shrinks a standard deviation by the square root of the sample "
                "size, not by the sample size: the bound is one over the square root of n "
                "times the information.",
            ),
        }
        if _apart(0.01, value, *(v for v, _ in mistakes.values())):
            break
    s = m["symbol"]
    prompt = (
        f"From {n} independent draws from {m['model']}, what is the smallest standard "
        f"deviation an unbiased estimator of ${s}$ can have, by the Cramér-Rao bound? {SIG3}"
    )
    solution = (
        f"One observation carries $I({s}) = {m['formula']} \\approx {one:.4f}$, so {n} carry "
        f"${n * one:.6g}$. The Cramér-Rao bound says the variance is at least "
        f"$\\frac{{1}}{{n I({s})}} \\approx {value**2:.6f}$, so the standard deviation is at "
        f"least $\\sqrt{{{value**2:.6f}}} \\approx {value:.4f}$, or {_3sf(value)} to 3 "
        "significant figures."
    )
    return _numeric(
        prompt=prompt,
        params={"model": m["kind"], "parameter": m["value"], "n": n},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=0.01,
        hint=f"Find the Fisher information of one observation about ${s}$ and of the whole "
        "sample; the bound is on the variance.",
    )


def _exact_step_kl(m: dict, step: float) -> float:
    """D(p_theta || p_theta+step) in nats for a model of :func:`_fisher_model`."""
    a = m["value"]
    if m["kind"] == "bernoulli":
        return float(kl.bernoulli_kl(a, a + step, base=E))
    if m["kind"] == "poisson":
        return a * math.log(a / (a + step)) + step
    if m["kind"] == "normal_mean":
        return step**2 / (2 * a**2)
    return math.log(a / (a + step)) + (a + step) / a - 1


@family("fisher_kl_quadratic")
def fisher_kl_quadratic(rng: np.random.Generator) -> Variant:
    """D(p_theta || p_theta+delta) ~ I(theta) delta^2 / 2 in nats, for a small step."""
    while True:
        m = _fisher_model(rng)
        if m["kind"] == "bernoulli":
            step = pick(rng, (0.01, 0.02, -0.01, -0.02))
        else:
            step = pick(rng, (0.05, 0.1, -0.05, -0.1))
        one = m["info"]
        value = one * step**2 / 2
        mistakes = {
            "forgot_the_half": (
                one * step**2,
                "The second-order term of a Taylor expansion carries a factor one half: "
                "the divergence is half the information times the squared step.",
            ),
            "used_the_step_unsquared": (
                one * abs(step) / 2,
                "The divergence has zero slope at the starting value, so it grows with the "
                "square of the step, not the step itself.",
            ),
            "used_log_base_2_for_nats": (value / LN2, IN_BITS),
        }
        exact = _exact_step_kl(m, step)
        if _apart(0.01, value, exact):
            # the step is large enough for the cubic term to show: a student who works
            # the divergence out exactly is told the question asks for the approximation
            mistakes["computed_the_exact_divergence"] = (
                exact,
                "That is the exact divergence between the two models. The question asks for "
                "its approximation from the Fisher information: half the information times "
                "the squared step.",
            )
        big_enough = value >= 2e-4  # written as a decimal to 3 significant figures
        if big_enough and _apart(0.01, value, *(v for v, _ in mistakes.values())):
            break
    s = m["symbol"]
    prompt = (
        f"Take {m['model']}. Use the Fisher information to approximate the KL divergence "
        f"between the model at this ${s}$ and the model with ${s}$ changed by ${step:g}$, "
        f"$D_{{\\mathrm{{KL}}}}(p_{{{s}}} \\| p_{{{s} + \\delta}})$ with $\\delta = {step:g}$. "
        f"{NATS}"
    )
    solution = (
        "For a small step, $D_{\\mathrm{KL}}(p_{" + s + "} \\| p_{" + s + " + \\delta}) "
        "\\approx \\frac{1}{2} I(" + s + ")\\,\\delta^2$ in nats. Here "
        f"$I({s}) = {m['formula']} \\approx {one:.4f}$, so the divergence is about "
        f"$\\frac{{1}}{{2}} \\times {one:.4f} \\times ({step:g})^2 \\approx {value:.4g}$ nats, "
        f"or {_3sf(value)} to 3 significant figures. The exact divergence is "
        f"{exact:.4g} nats"
        + (
            ": for a normal mean the quadratic is exact."
            if m["kind"] == "normal_mean"
            else ": the approximation drifts from it as the step grows compared with the "
            "parameter's distance from the end of its range."
        )
    )
    return _numeric(
        prompt=prompt,
        params={"model": m["kind"], "parameter": m["value"], "step": step},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=0.01,
        hint="The divergence is zero with zero slope at $\\delta = 0$; its curvature there "
        "is the Fisher information. Write the second-order Taylor term.",
    )


# ------------------------------------------------------------ Akaike information criterion


def _apart_by(gap: float, *values: float) -> bool:
    """Whether every two of ``values`` differ by more than ``gap`` (absolute)."""
    return all(abs(x - y) > gap for x, y in combinations(values, 2))


@family("aic_regression")
def aic_regression(rng: np.random.Generator) -> Variant:
    """AIC = 2k - 2 ln L for a polynomial regression, k counting the noise variance."""
    while True:
        degree = draw(rng, 1, 4)
        n = pick(rng, (30, 40, 50, 80, 100, 120, 200))
        loglik = -draw(rng, 400, 4000) / 10
        k = degree + 2
        value = 2 * k - 2 * loglik
        mistakes = {
            "forgot_the_noise_variance": (
                value - 2,
                "Count the parameters again. Besides the polynomial's coefficients, the "
                "noise variance is estimated from the data too, and it counts.",
            ),
            "counted_only_the_powers_of_x": (
                value - 4,
                "Count the parameters again. A polynomial of this degree has a coefficient "
                "for every power of x from 0 up, the constant included, and the noise "
                "variance is fitted as well.",
            ),
            "flipped_the_sign_of_the_log_likelihood": (
                2 * k + 2 * loglik,
                "AIC subtracts twice the log-likelihood. A log-likelihood of a continuous "
                "model is often negative, so minus twice it is positive.",
            ),
            "used_bic": (
                k * math.log(n) - 2 * loglik,
                "That is the Bayesian information criterion, which charges the log of the "
                "sample size per parameter. AIC charges 2 per parameter.",
            ),
        }
        if _apart_by(0.5, value, *(v for v, _ in mistakes.values())):
            break
    prompt = (
        f"A polynomial of degree {degree} is fitted by least squares to {n} points, with "
        "normal noise whose variance is estimated too. The maximised log-likelihood is "
        f"$\\ln\\hat L = {loglik:g}$. What is the model's AIC? Give it to one decimal place."
    )
    solution = (
        f"The model fits {degree + 1} coefficients (powers $x^0$ to $x^{{{degree}}}$) and the "
        f"noise variance, so $k = {k}$. Then $\\mathrm{{AIC}} = 2k - 2\\ln\\hat L = "
        f"2 \\times {k} - 2 \\times ({loglik:g}) = {value:.1f}$."
    )
    return _numeric(
        prompt=prompt,
        params={"degree": degree, "n": n, "loglik": loglik},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=0.05 / abs(value),
        hint="Count every parameter the fit estimates from the data, then use "
        "$\\mathrm{AIC} = 2k - 2\\ln\\hat L$.",
    )


@family("aic_coin_difference")
def aic_coin_difference(rng: np.random.Generator) -> Variant:
    """AIC(fair) - AIC(free) = 2n D(Bern(k/n) || Bern(1/2)) - 2, in nats."""
    while True:
        n = pick(rng, (20, 30, 40, 50, 60, 80, 100, 120))
        heads = draw(rng, n // 4, 3 * n // 4)
        a = heads / n
        d = float(kl.bernoulli_kl(a, 0.5, base=E))
        value = 2 * n * d - 2
        # Each log-likelihood lies between -10 and -100, so rounding it to 3 significant
        # figures moves it by at most 0.05, and the difference of AICs by at most 0.2.
        slack = 0.25
        mistakes = {
            "left_out_the_penalty": (
                2 * n * d,
                "That is the gain in fit alone. AIC charges 2 for each fitted parameter, and "
                "the free coin fits one more than the fair coin.",
            ),
            "forgot_the_factor_2": (
                n * d - 1,
                "AIC is minus twice the log-likelihood plus twice the number of parameters: "
                "keep both factors of 2.",
            ),
            "counted_two_parameters_for_the_coin": (
                2 * n * d - 4,
                "A coin's heads and tails probabilities add up to one, so the free coin has "
                "one parameter, not two.",
            ),
            "used_log_base_2": (
                2 * n * d / LN2 - 2,
                "AIC uses the natural logarithm of the likelihood. Base-2 logarithms "
                "inflate the log-likelihood gain by a factor 1/ln 2.",
            ),
        }
        if abs(value) > 0.5 and _apart_by(3 * slack, value, *(v for v, _ in mistakes.values())):
            break
    fair = n * math.log(0.5)
    free = heads * math.log(a) + (n - heads) * math.log(1 - a)
    prompt = (
        f"A coin shows {heads} heads in {n} tosses. Model 1 says the coin is fair (no free "
        "parameter); model 2 lets the heads probability be fitted. What is "
        "$\\mathrm{AIC}_1 - \\mathrm{AIC}_2$? (A positive value favours the free coin.) "
        "Give it to 2 decimal places."
    )
    preferred = "the free coin" if value > 0 else "the fair coin"
    solution = (
        f"Model 1: $\\ln\\hat L_1 = {n}\\ln\\tfrac12 \\approx {fair:.3f}$, so "
        f"$\\mathrm{{AIC}}_1 \\approx {-2 * fair:.3f}$. Model 2 fits "
        f"$\\hat\\theta = \\frac{{{heads}}}{{{n}}}$: "
        f"$\\ln\\hat L_2 = {heads}\\ln\\frac{{{heads}}}{{{n}}} "
        f"+ {n - heads}\\ln\\frac{{{n - heads}}}{{{n}}} \\approx {free:.3f}$, so "
        f"$\\mathrm{{AIC}}_2 = 2 - 2\\ln\\hat L_2 \\approx {2 - 2 * free:.3f}$. The difference "
        "is $2n\\,D_{\\mathrm{KL}}(\\mathrm{Bern}(\\hat\\theta) \\| \\mathrm{Bern}(0.5)) - 2 "
        f"\\approx {value:.2f}$, so AIC prefers {preferred}."
    )
    return _numeric(
        prompt=prompt,
        params={"n": n, "heads": heads},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=max(0.01, slack / abs(value)),
        hint="Work out each model's maximised log-likelihood with natural logarithms and "
        "its number of fitted parameters, then $\\mathrm{AIC} = 2k - 2\\ln\\hat L$.",
    )


@family("aic_choose_model")
def aic_choose_model(rng: np.random.Generator) -> Variant:
    """Which of three nested regressions AIC picks; the other options are the picks of BIC,
    of the best fit and of the simplest model, or a model one step from AIC's."""
    target = draw(rng, 0, 2)  # the degree AIC should pick, less one, drawn evenly
    while True:
        n = pick(rng, (50, 100, 200, 500))
        base = -draw(rng, 1500, 4000) / 10
        gains = [0.0, *(draw(rng, 1, 80) / 10 for _ in range(2))]
        loglik = [round(x, 1) for x in np.cumsum(gains) + base]
        ks = [3, 4, 5]
        aic = [2 * k - 2 * ll for k, ll in zip(ks, loglik, strict=True)]
        bic = [k * math.log(n) - 2 * ll for k, ll in zip(ks, loglik, strict=True)]
        right = int(np.argmin(aic))
        ties = min(abs(x - y) for x, y in combinations(aic, 2)) < 0.5
        if right == target and not ties:
            break
    by_bic = int(np.argmin(bic))
    codes = {}
    for i in range(3):
        if i == right:
            continue
        if i == by_bic:
            codes[i] = "used_bic"
        elif i == 2:
            codes[i] = "picked_the_best_fit"
        elif i == 0:
            codes[i] = "picked_the_fewest_parameters"
        else:
            codes[i] = "stopped_too_early" if i < right else "kept_an_extra_parameter"
    rows = "\n".join(
        f"| {d} | {k} | {ll:.1f} |" for d, k, ll in zip((1, 2, 3), ks, loglik, strict=True)
    )
    prompt = (
        f"Polynomials of degree 1 to 3 are fitted to the same {n} points (each with a fitted "
        "noise variance):\n\n| degree | parameters $k$ | $\\ln\\hat L$ |\n| --- | --- | --- |\n"
        f"{rows}\n\nWhich model has the lowest AIC?"
    )
    choices = {"right": f"Degree {right + 1}"} | {
        code: f"Degree {i + 1}" for i, code in codes.items()
    }
    listed = ", ".join(f"{x:.1f}" for x in aic)
    solution = (
        f"$\\mathrm{{AIC}} = 2k - 2\\ln\\hat L$ gives {listed} for degrees 1 to 3, lowest for "
        f"degree {right + 1}: each extra parameter pays for itself only if it raises "
        "$\\ln\\hat L$ by more than 1."
    )
    messages = {
        "used_bic": "That model has the lowest BIC, which charges the log of the sample "
        "size per parameter. AIC charges 2 per parameter.",
        "picked_the_best_fit": "The largest likelihood always belongs to the biggest nested "
        "model. AIC adds 2 per parameter to minus twice the log-likelihood.",
        "picked_the_fewest_parameters": "The simplest model is not automatically best: "
        "compare 2k minus twice the log-likelihood for every model.",
        "stopped_too_early": "The next bigger model raises the log-likelihood by more than 1 "
        "per extra parameter, so it pays for its parameter under AIC.",
        "kept_an_extra_parameter": "The step up to this model raises the log-likelihood by "
        "less than 1 per extra parameter, so AIC does not think it worth its price.",
    }
    return shuffled_choice_variant(
        rng,
        prompt=prompt,
        params={"n": n, "loglik": loglik},
        choices=choices,
        solution=solution,
        messages=messages,
        hint="Compute $2k - 2\\ln\\hat L$ for every row; lower is better.",
    )


# ------------------------------------------------------------------- Chernoff-Stein lemma


def _draw_hypotheses(rng: np.random.Generator) -> tuple[list[float], list[float], str]:
    """Two distinct distributions P (the null) and Q on two or three outcomes, in tenths,
    all positive, with a few words on what is observed."""
    size = draw(rng, 2, 3)
    while True:
        p, q = _draw_distribution(rng, size), _draw_distribution(rng, size)
        if p != q:
            break
    what = "a coin (heads, tails)" if size == 2 else "a three-way switch (low, mid, high)"
    return p, q, what


@family("stein_error_exponent")
def stein_error_exponent(rng: np.random.Generator) -> Variant:
    """The best type-II error after n observations with the type-I error held fixed:
    about 2^(-n D(P || Q)); the exponent n D(P || Q) in bits."""
    while True:
        p, q, what = _draw_hypotheses(rng)
        n = pick(rng, (10, 20, 30, 50, 100))
        d = float(kl.kl_divergence(p, q))
        value = n * d
        mistakes = {
            "reversed_the_direction": (
                n * float(kl.kl_divergence(q, p)),
                "That is the exponent with the roles swapped. When P is the protected null, "
                "the data that fool the test come from Q but must look like P: the rate is "
                "the divergence of P from Q, D(P || Q).",
            ),
            "used_nats_for_bits": (
                value * LN2,
                "That exponent is in nats, a power of e. The question asks for a power of 2: "
                "use base-2 logarithms.",
            ),
            "gave_the_rate_per_observation": (
                d,
                "That is the rate per observation. Evidence accumulates over the sample: "
                "multiply by the number of observations.",
            ),
        }
        terms = [a * math.log2(a / b) for a, b in zip(p, q, strict=True)]
        tol = _tolerance(value, n * _rounding_slack(terms) + 0.005 * value)
        # an exponent of a few bits at least, so that 2^-x is a small error and not a
        # number the sub-exponential factors the prompt sets aside would swamp
        if d > 0.05 and value >= 3 and _apart(tol, value, *(v for v, _ in mistakes.values())):
            break
    prompt = (
        f"You observe {n} independent readings of {what} and test $H_0$: the readings follow "
        f"$P = {_dist(p)}$, against $H_1$: they follow $Q = {_dist(q)}$. Holding the chance "
        "of wrongly rejecting $H_0$ below 5%, the best test's chance $\\beta$ of wrongly "
        "accepting $H_0$ is about $2^{-x}$ by the Chernoff-Stein lemma (ignoring factors that "
        f"grow slower than exponentially). What is $x$? {SIG3}"
    )
    terms = " + ".join(f"{a:g}\\log_2\\frac{{{a:g}}}{{{b:g}}}" for a, b in zip(p, q, strict=True))
    solution = (
        "The best type-II error falls like $2^{-n D(P \\| Q)}$, with the protected "
        f"hypothesis first. Here $D(P \\| Q) = {terms} \\approx {d:.4f}$ bits per reading, "
        f"so $x = {n} \\times {d:.4f} \\approx {value:.4f}$, or {_3sf(value)} to 3 significant "
        "figures."
    )
    return _numeric(
        prompt=prompt,
        params={"p": p, "q": q, "n": n},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint="The exponent is a KL divergence in bits per reading, times the number of "
        "readings. Which hypothesis is protected decides which distribution comes first.",
    )


@family("stein_sample_size")
def stein_sample_size(rng: np.random.Generator) -> Variant:
    """Readings needed for beta = 10^-m by the exponent alone: log2(10^m) / D(P || Q)."""
    while True:
        p, q, what = _draw_hypotheses(rng)
        m = draw(rng, 3, 9)
        d = float(kl.kl_divergence(p, q))
        bits_needed = m * math.log2(10)
        value = bits_needed / d
        mistakes = {
            "reversed_the_direction": (
                bits_needed / float(kl.kl_divergence(q, p)),
                "You used the divergence with the roles swapped. The protected null P comes "
                "first: the rate is D(P || Q).",
            ),
            "mixed_bits_and_nats": (
                bits_needed / float(kl.kl_divergence(p, q, base=E)),
                "You divided a number of bits by a divergence in nats. Measure both the "
                "target and the rate in the same unit.",
            ),
            "took_the_digits_as_bits": (
                m / d,
                "Ten to the minus m is not two to the minus m: convert the target to bits "
                "first, by taking its base-2 logarithm.",
            ),
        }
        terms = [a * math.log2(a / b) for a, b in zip(p, q, strict=True)]
        # D from rounded terms, and the target's bits rounded before the division
        tol = max(0.01, _rounding_slack(terms) / d + 0.006)
        if d > 0.05 and _apart(tol, value, *(v for v, _ in mistakes.values())):
            break
    prompt = (
        f"Readings of {what} follow $P = {_dist(p)}$ under $H_0$ and $Q = {_dist(q)}$ under "
        "$H_1$. The chance of wrongly rejecting $H_0$ is held below 5%. Using the "
        "Chernoff-Stein exponent alone, $\\beta_n \\approx 2^{-n D}$, about how many "
        f"readings $n$ make the chance of wrongly accepting $H_0$ equal to $10^{{-{m}}}$? "
        "Give $n$ to 3 significant figures (it need not be whole)."
    )
    solution = (
        f"The exponent is $D(P \\| Q) \\approx {d:.4f}$ bits per reading. The target "
        f"$10^{{-{m}}}$ is $2^{{-{bits_needed:.4f}}}$, since $\\log_2 10^{{{m}}} = {m}\\log_2 10 "
        f"\\approx {bits_needed:.4f}$. So $n \\approx {bits_needed:.4f} / {d:.4f} \\approx "
        f"{value:.2f}$, or {_3sf(value)} to 3 significant figures."
    )
    return _numeric(
        prompt=prompt,
        params={"p": p, "q": q, "digits": m},
        value=value,
        solution=solution,
        mistakes=mistakes,
        rel_tol=tol,
        hint="Write the target error as a power of 2; each reading buys $D(P \\| Q)$ bits of "
        "that exponent.",
    )


@family("stein_which_to_protect")
def stein_which_to_protect(rng: np.random.Generator) -> Variant:
    """Which hypothesis to protect so that the other error falls faster: the one whose
    divergence from the other is larger."""
    while True:
        a, b = draw(rng, 1, 9) / 10, draw(rng, 1, 9) / 10
        forward, backward = kl.bernoulli_kl(a, b), kl.bernoulli_kl(b, a)
        if a != b and not math.isclose(forward, backward, rel_tol=0.1):
            break
    protect_first = forward > backward
    prompt = (
        f"A coin lands heads with probability ${a:g}$ under hypothesis $H_1$ and ${b:g}$ "
        "under hypothesis $H_2$. One hypothesis will be protected (its chance of being wrongly "
        "rejected held below 5%); the chance of wrongly accepting it when the other is true "
        "then falls exponentially in the number of tosses. Which hypothesis should you "
        "protect for that chance to fall fastest?"
    )
    first, second = "Protect $H_1$.", "Protect $H_2$."
    choices = {
        "right": first if protect_first else second,
        "picked_the_slower_exponent": second if protect_first else first,
        "thought_kl_symmetric": "Either: the rate is the same both ways.",
    }
    solution = (
        "Protecting a hypothesis $H$ against the other, $G$, makes the other error fall like "
        "$2^{-n D(H \\| G)}$. Here $D(H_1 \\| H_2) \\approx "
        f"{forward:.4f}$ bits per toss and $D(H_2 \\| H_1) \\approx {backward:.4f}$, so protect "
        f"{'$H_1$' if protect_first else '$H_2$'}, whose divergence from the other is larger."
    )
    messages = {
        "picked_the_slower_exponent": "With H protected, the other error falls at D(H || G): "
        "the protected hypothesis comes first. Compare the two divergences that way round.",
        "thought_kl_symmetric": "KL divergence is not symmetric, and here the two directions "
        "differ: compute both.",
    }
    return shuffled_choice_variant(
        rng,
        prompt=prompt,
        params={"a": a, "b": b},
        choices=choices,
        solution=solution,
        messages=messages,
        hint="Compute the divergence both ways round; the protected hypothesis goes first.",
    )
