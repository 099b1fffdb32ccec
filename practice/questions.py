"""Question generators: a seed in, the numbers of one variant and its worked answer out.

Each generator is a function ``(rng: numpy.random.Generator) -> Variant`` registered in
:data:`GENERATORS` under a stable name (the name is stored in
``QuestionTemplate.generator``, so never rename one). :func:`variant_for` draws the
variant for a seed with ``numpy.random.default_rng(seed)``, so a variant is reproduced
exactly from ``(generator name, seed)``; attempts store both plus the params, and
regrading recomputes the variant and compares.

Conventions
-----------
* Probabilities are integer counts over a small total (20 → multiples of 0.05,
  16 → multiples of 1/16, 400 → products of two 0.05-grid numbers), so they are "nice"
  and sum to exactly 1; every entry is strictly positive (no log of 0 anywhere).
  ``params`` holds the counts, the total and the resulting floats.
* ``expected`` and every ``alternatives`` value come from :mod:`practice.kl_engine`
  (the per-term breakdowns in the worked solutions use ``p·log2(p/q)`` directly and are
  checked to add up to the engine's total).
* ``alternatives`` maps a diagnosis code of :data:`practice.grader.DIAGNOSES` to the
  value that named mistake gives; ``messages`` may reword a code's message for this
  question (the generic "reversed" message talks about D(Q‖P), which is wrong for
  H(X|Y)). A draw whose expected value, alternatives and the grader's built-in checks
  (wrong unit, log base 10, sign) are not clearly apart is redrawn from the same
  generator, so every mistake stays distinguishable and the result is still a pure
  function of the seed.
* Values are in bits; :meth:`Variant.in_unit` converts a variant to nats.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from fractions import Fraction
from functools import wraps
from typing import Any

import numpy as np

from practice import kl_engine as kl
from practice.grader import Expected

__all__ = [
    "GENERATORS",
    "Generator",
    "Variant",
    "generator_choices",
    "gives_own_answer",
    "WRITTEN",
    "variant_for",
]

LN2 = math.log(2.0)
LOG10_2 = math.log10(2.0)

MIN_ANSWER = 0.05
"""Smallest |expected| in bits: tinier answers are hard to give to 3 significant figures."""
SEPARATION = 0.06
"""Expected value, alternatives and built-in checks differ by more than 6% of the larger
(above the grader's 5% "imprecise" band) ..."""
MIN_GAP = 0.01
"""... and by more than 0.01 bits."""
TO_3_FIGURES = "Give your answer to 3 significant figures."
"""The precision a question on the KL page asks for: every step written to 3 significant
figures lands within the variant's ``slack``."""
MAX_DRAWS = 1000
SEED_LIMIT = 2**63
"""Seeds are 0 <= seed < 2**63 (they are stored in a signed 64-bit column)."""


@dataclass(frozen=True)
class Variant:
    """One concrete question: what to show, the answer, and what each mistake gives."""

    prompt: str  # Markdown with $LaTeX$
    params: dict[str, Any]  # JSON-serialisable numbers of this variant
    expected: float
    solution: str  # Markdown worked solution with this variant's numbers
    alternatives: dict[str, float] = field(default_factory=dict)
    messages: dict[str, str] = field(default_factory=dict)
    unit: str = "bits"
    nonnegative: bool = True  # the asked quantity can never be negative
    answer: Expected | None = None
    """What a family of :mod:`practice.families` expects, of any kind (an exact fraction,
    an integer, a choice, several values, an angle). ``None`` for the information-theory
    families of this module, whose answer is ``expected`` in ``unit`` (bits or nats)."""
    hint: str = ""
    """Optional Markdown shown after a first wrong answer: where to start, written from
    this variant's numbers, never the answer (see :mod:`practice.hints`)."""
    slack: float = 0.0
    """How far (in ``unit``) a student who follows the worked solution's route, rounding
    every value it writes down to 3 significant figures, can land from ``expected``
    (:func:`route_slack`); the grader accepts answers that close."""

    def in_unit(self, unit: str) -> Variant:
        """This variant with its values expressed in ``unit`` ("bits" or "nats").

        A variant with an ``answer`` carries its own unit and is returned unchanged.
        """
        if unit == self.unit or self.answer is not None:
            return self
        if (self.unit, unit) == ("bits", "nats"):
            factor = LN2
        elif (self.unit, unit) == ("nats", "bits"):
            factor = 1 / LN2
        else:
            raise ValueError(f"unknown unit {unit!r}")
        expected = self.expected * factor
        op = r"\times \ln 2" if unit == "nats" else r"\div \ln 2"
        return replace(
            self,
            prompt=self.prompt.replace(f" in {self.unit}", f" in {unit}"),
            expected=expected,
            alternatives={k: v * factor for k, v in self.alternatives.items()},
            unit=unit,
            slack=self.slack * factor,
            hint=self.hint and f"{self.hint} {NATS_HINT if unit == 'nats' else BITS_HINT}",
            solution=(
                f"{self.solution}\n\nIn {unit}: ${_n(self.expected)}$ {self.unit} "
                f"${op} \\approx {_n(expected)}$ {unit}."
            ),
        )


NATS_HINT = (
    "The question asks for nats: use $\\ln$ in place of $\\log_2$, or work in bits and "
    "multiply by $\\ln 2$ at the end."
)
BITS_HINT = "The question asks for bits: use $\\log_2$, or work in nats and divide by $\\ln 2$."

Generator = Callable[[np.random.Generator], Variant]

GENERATORS: dict[str, Generator] = {}
"""Generator name → generator. Names are stored in the database: never rename one."""


def variant_for(generator_name: str, seed: int, *, unit: str = "bits") -> Variant:
    """The variant of ``generator_name`` for ``seed`` (reproducible exactly), in ``unit``."""
    try:
        make = GENERATORS[generator_name]
    except KeyError:
        raise ValueError(f"unknown question generator {generator_name!r}") from None
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed < SEED_LIMIT:
        raise ValueError(f"seed must be an integer in [0, 2**63), not {seed!r}")
    return make(np.random.default_rng(seed)).in_unit(unit)


WRITTEN = "template"
"""The generator name of a question written in the admin (:mod:`practice.authored`)."""


def gives_own_answer(generator_name: str) -> bool:
    """Whether the generator's variants carry their own answer (a family of
    :mod:`practice.families`, or a question written in the admin), so that its question
    has no bits/nats unit."""
    if generator_name == WRITTEN:
        return True
    return bool(getattr(GENERATORS.get(generator_name), "gives_own_answer", False))


def generator_choices() -> list[tuple[str, str]]:
    """``(name, label)`` for every registered generator, for a choice field, and last the
    question written in the admin."""
    written = (WRITTEN, f"{WRITTEN}: written on this page, without Python (see below)")
    return [(name, f"{name}: {describe(name)}") for name in GENERATORS] + [written]


def describe(generator_name: str) -> str:
    """The first line of a generator's docstring."""
    doc = GENERATORS[generator_name].__doc__ or ""
    return doc.strip().splitlines()[0] if doc.strip() else generator_name


# --------------------------------------------------------------------------- helpers


def _apart(a: float, b: float, slack: float = 0.0) -> bool:
    gap = abs(a - b)
    return gap > max(MIN_GAP, 2 * slack) and gap > SEPARATION * max(abs(a), abs(b))


def distinguishable(variant: Variant) -> bool:
    """Whether every diagnosis of ``variant`` can be told apart from the right answer and
    from each other (including the grader's built-in wrong-unit, base-10 and sign checks)."""
    e = variant.expected
    if not math.isfinite(e) or abs(e) < MIN_ANSWER:
        return False
    values = [e, *variant.alternatives.values()]
    # The grader's own checks, for a question asked in bits and (scaled back to bits) for
    # the same question asked in nats: the other unit (unlabelled or mislabelled), log
    # base 10 (0.301·e in bits, 0.434·e in nats) and the sign.
    for builtin in (e * LN2, e / LN2, e * LOG10_2, e * LOG10_2 / LN2, -e):
        if builtin not in values:  # a mistake may be defined as exactly -e, say
            values.append(builtin)
    if not all(math.isfinite(v) for v in values):
        return False
    slack = variant.slack  # answers this close are right, so no mistake may land there
    return all(_apart(a, b, slack) for i, a in enumerate(values) for b in values[i + 1 :])


def generator(name: str) -> Callable[[Callable[[np.random.Generator], Variant]], Generator]:
    """Register ``draw`` under ``name``; redraw (same rng) until it is distinguishable."""

    def register(draw: Callable[[np.random.Generator], Variant]) -> Generator:
        @wraps(draw)
        def make(rng: np.random.Generator) -> Variant:
            for _ in range(MAX_DRAWS):
                variant = draw(rng)
                if distinguishable(variant):
                    return variant
            raise RuntimeError(f"{name}: no distinguishable variant in {MAX_DRAWS} draws")

        if name in GENERATORS:
            raise ValueError(f"duplicate generator name {name!r}")
        GENERATORS[name] = make
        return make

    return register


def composition(rng: np.random.Generator, parts: int, total: int) -> list[int]:
    """``parts`` positive integers summing to ``total``, uniform over all such lists."""
    free = total - parts
    bars = np.sort(rng.choice(free + parts - 1, size=parts - 1, replace=False))
    edges = np.concatenate(([-1], bars, [free + parts - 1]))
    return [int(c) + 1 for c in np.diff(edges) - 1]


def _probs(counts: list[int], total: int) -> list[float]:
    return [c / total for c in counts]


def _n(x: float, places: int = 4) -> str:
    """A result for display: fixed decimals, a real minus sign only where needed."""
    s = f"{float(x):.{places}f}"
    return "0." + "0" * places if s == "-0." + "0" * places else s


DECIMAL_TOTALS = (20, 400)
"""Totals whose probabilities are shown as decimals (0.15); others as fractions (3/8)."""


def _tex_p(count: int, total: int) -> str:
    """A probability in LaTeX: a decimal on a decimal grid, else a reduced fraction."""
    if total in DECIMAL_TOTALS:
        return f"{count / total:g}"
    return _tex_frac(count, total)


def _tex_frac(n: int, d: int) -> str:
    f = Fraction(n, d)
    return (
        str(f.numerator) if f.denominator == 1 else rf"\tfrac{{{f.numerator}}}{{{f.denominator}}}"
    )


def _sum_tex(values: list[float]) -> str:
    """``0.6610 + 0.0000 - 0.2644``."""
    out = _n(values[0])
    for v in values[1:]:
        out += f" - {_n(-v)}" if v < 0 else f" + {_n(v)}"
    return out


def _check_total(parts: np.ndarray, total: float) -> None:
    if not math.isclose(float(np.sum(parts)), float(total), rel_tol=1e-9, abs_tol=1e-12):
        raise RuntimeError("per-term breakdown does not add up to the engine's result")


def route_slack(*steps: float) -> float:
    """The most that rounding each of ``steps`` to 3 significant figures can move a result
    that adds or subtracts them: half a unit in the third figure of each.

    ``steps`` are the values a worked solution writes down on its way (each term of a sum,
    each sum, the answer itself), so a student who rounds as they go is marked right: for
    I(X; Y) = H(X) + H(Y) - H(X, Y) near 0.05 bits, three entropies near 1 bit rounded to
    3 figures move the answer by up to 0.0015 bits, three times the 0.5% tolerance.
    """
    return sum(0.5 * 10.0 ** (math.floor(math.log10(abs(v))) - 2) for v in steps if v)


def _kl_terms(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    return p * np.log2(p / q)


def _entropy_terms(p: np.ndarray) -> np.ndarray:
    return -p * np.log2(p)


OUTCOMES = ("a", "b", "c")


def _pq_table(p_counts: list[int], q_counts: list[int], total: int) -> str:
    head = "| $x$ | " + " | ".join(f"${o}$" for o in OUTCOMES) + " |"
    rule = "|---|" + "---|" * len(OUTCOMES)
    row_p = "| $P(x)$ | " + " | ".join(f"${_tex_p(c, total)}$" for c in p_counts) + " |"
    row_q = "| $Q(x)$ | " + " | ".join(f"${_tex_p(c, total)}$" for c in q_counts) + " |"
    return "\n".join([head, rule, row_p, row_q])


def _joint_table(counts: list[list[int]], total: int) -> str:
    lines = [
        "| | $Y=0$ | $Y=1$ |",
        "|---|---|---|",
    ]
    for x, row in enumerate(counts):
        cells = " | ".join(f"${_tex_p(c, total)}$" for c in row)
        lines.append(f"| $X={x}$ | {cells} |")
    return "\n".join(lines)


@dataclass(frozen=True)
class _Pair:
    """Two drawn distributions P and Q on :data:`OUTCOMES`: their counts over ``total``,
    as arrays for the engine and as the TeX a question shows."""

    p_counts: list[int]
    q_counts: list[int]
    total: int = 20

    @classmethod
    def draw(cls, rng: np.random.Generator, total: int = 20) -> _Pair:
        p_counts = composition(rng, len(OUTCOMES), total)
        return cls(p_counts, composition(rng, len(OUTCOMES), total), total)

    @property
    def p(self) -> np.ndarray:
        return np.array(_probs(self.p_counts, self.total))

    @property
    def q(self) -> np.ndarray:
        return np.array(_probs(self.q_counts, self.total))

    @property
    def pt(self) -> list[str]:
        return [_tex_p(c, self.total) for c in self.p_counts]

    @property
    def qt(self) -> list[str]:
        return [_tex_p(c, self.total) for c in self.q_counts]

    def table(self) -> str:
        return _pq_table(self.p_counts, self.q_counts, self.total)

    def params(self) -> dict[str, Any]:
        return {
            "outcomes": list(OUTCOMES),
            "total": self.total,
            "p_counts": self.p_counts,
            "q_counts": self.q_counts,
            "p": _probs(self.p_counts, self.total),
            "q": _probs(self.q_counts, self.total),
        }


def _kl_lines(p: np.ndarray, q: np.ndarray, pt: list[str], qt: list[str]) -> tuple[str, list]:
    """Markdown bullet list of ``p log2(p/q)`` per outcome, and the terms."""
    terms = _kl_terms(p, q)
    lines = [
        rf"- $x = {o}$: ${a} \log_2 \frac{{{a}}}{{{b}}} = {_n(t)}$"
        for o, a, b, t in zip(OUTCOMES, pt, qt, terms, strict=True)
    ]
    return "\n".join(lines), list(terms)


@dataclass(frozen=True)
class _JointTable:
    """A drawn 2×2 joint distribution of binary X (rows) and Y (columns): its counts over
    ``total``, and every entropy the table questions ask about, from the KL engine."""

    counts: list[list[int]]
    total: int

    @classmethod
    def draw(cls, rng: np.random.Generator, total: int = 20) -> _JointTable:
        c = composition(rng, 4, total)
        return cls([c[:2], c[2:]], total)

    @property
    def joint(self) -> np.ndarray:
        return np.array(self.counts, dtype=float) / self.total

    @property
    def row_counts(self) -> list[int]:
        return [sum(r) for r in self.counts]

    @property
    def column_counts(self) -> list[int]:
        return [sum(c) for c in zip(*self.counts, strict=True)]

    @property
    def h_x(self) -> float:
        return float(kl.entropy(self.joint.sum(axis=1)))

    @property
    def h_y(self) -> float:
        return float(kl.entropy(self.joint.sum(axis=0)))

    @property
    def h_xy(self) -> float:
        return float(kl.joint_entropy(self.joint))

    @property
    def h_y_given_x(self) -> float:
        return float(kl.conditional_entropy(self.joint))

    @property
    def h_x_given_y(self) -> float:
        return float(kl.conditional_entropy(self.joint.T))

    @property
    def mi(self) -> float:
        return float(kl.mutual_information(self.joint))

    def p(self, i: int, j: int) -> str:
        """The cell ``(i, j)`` in LaTeX."""
        return _tex_p(self.counts[i][j], self.total)

    def markdown(self) -> str:
        """The table as the prompt shows it."""
        return _joint_table(self.counts, self.total)

    def marginals(self) -> str:
        """A sentence stating both marginals."""
        px = ", ".join(_tex_p(c, self.total) for c in self.row_counts)
        py = ", ".join(_tex_p(c, self.total) for c in self.column_counts)
        return f"Marginals: $p(x) = ({px})$ (row sums) and $p(y) = ({py})$ (column sums)."

    def params(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "counts": self.counts,
            "joint": [_probs(row, self.total) for row in self.counts],
        }


def _hb(a: float) -> float:
    """Binary entropy of ``a`` in bits, with the engine."""
    return float(kl.entropy([1.0 - a, a]))


# ------------------------------------------------------------------------ KL divergence


@generator("kl_divergence_discrete")
def kl_divergence_discrete(rng: np.random.Generator) -> Variant:
    """D(P‖Q) in bits for two distributions on three outcomes."""
    pair = _Pair.draw(rng)
    p, q, pt, qt = pair.p, pair.q, pair.pt, pair.qt
    d_pq = float(kl.kl_divergence(p, q))
    d_qp = float(kl.kl_divergence(q, p))
    h_pq = float(kl.cross_entropy(p, q))
    lines, terms = _kl_lines(p, q, pt, qt)
    _check_total(np.array(terms), d_pq)
    prompt = (
        "Two distributions on the outcomes $\\{a, b, c\\}$:\n\n"
        f"{pair.table()}\n\n"
        f"Compute the KL divergence $D(P\\|Q)$ in bits. {TO_3_FIGURES}"
    )
    solution = (
        "$$D(P\\|Q) = \\sum_x P(x) \\log_2 \\frac{P(x)}{Q(x)}$$\n\n"
        f"{lines}\n\n"
        f"Adding the terms: $D(P\\|Q) = {_sum_tex(terms)} \\approx {_n(d_pq)}$ bits.\n\n"
        f"For comparison, the other direction is $D(Q\\|P) \\approx {_n(d_qp)}$ bits: "
        "KL divergence is not symmetric."
    )
    hint = (
        "Work one outcome at a time: outcome $a$ gives the term "
        f"${pt[0]} \\log_2 \\frac{{{pt[0]}}}{{{qt[0]}}}$. Do the same for $b$ and $c$ "
        "and add the three terms; a term is negative where $Q(x)$ is larger than $P(x)$."
    )
    return Variant(
        hint=hint,
        prompt=prompt,
        params=pair.params(),
        expected=d_pq,
        solution=solution,
        slack=route_slack(*terms, d_pq),
        alternatives={
            "reversed": d_qp,
            "cross_entropy": h_pq,
            "missing_term": d_pq - float(terms[-1]),
        },
        messages={
            "missing_term": (
                "It looks like one term of the sum is missing: add "
                "P(x)·log₂(P(x)/Q(x)) for every outcome, including c."
            ),
        },
    )


@generator("kl_asymmetry")
def kl_asymmetry(rng: np.random.Generator) -> Variant:
    """D(Q‖P) − D(P‖Q): both directions of KL, and which is larger."""
    pair = _Pair.draw(rng)
    p, q, pt, qt = pair.p, pair.q, pair.pt, pair.qt
    d_pq = float(kl.kl_divergence(p, q))
    d_qp = float(kl.kl_divergence(q, p))
    diff = d_qp - d_pq
    lines_pq, terms_pq = _kl_lines(p, q, pt, qt)
    lines_qp, terms_qp = _kl_lines(q, p, qt, pt)
    _check_total(np.array(terms_pq), d_pq)
    _check_total(np.array(terms_qp), d_qp)
    larger = "D(Q\\|P)" if diff > 0 else "D(P\\|Q)"
    prompt = (
        "Two distributions on the outcomes $\\{a, b, c\\}$:\n\n"
        f"{pair.table()}\n\n"
        "Compute both $D(P\\|Q)$ and $D(Q\\|P)$ in bits, and enter the difference "
        "$D(Q\\|P) - D(P\\|Q)$. (It is negative when $D(P\\|Q)$ is the larger.) "
        f"{TO_3_FIGURES}"
    )
    solution = (
        "$D(P\\|Q) = \\sum_x P(x) \\log_2 \\frac{P(x)}{Q(x)}$:\n\n"
        f"{lines_pq}\n\n"
        f"so $D(P\\|Q) = {_sum_tex(terms_pq)} \\approx {_n(d_pq)}$ bits.\n\n"
        "$D(Q\\|P) = \\sum_x Q(x) \\log_2 \\frac{Q(x)}{P(x)}$:\n\n"
        f"{lines_qp}\n\n"
        f"so $D(Q\\|P) = {_sum_tex(terms_qp)} \\approx {_n(d_qp)}$ bits.\n\n"
        f"Difference: $D(Q\\|P) - D(P\\|Q) \\approx {_n(d_qp)} - {_n(d_pq)} "
        f"\\approx {_n(diff)}$ bits, so ${larger}$ is the larger."
    )
    hint = (
        "Compute each direction as its own sum. $D(P\\|Q)$ weights "
        "$\\log_2 \\frac{P(x)}{Q(x)}$ by $P(x)$ (for $a$: "
        f"${pt[0]} \\log_2 \\frac{{{pt[0]}}}{{{qt[0]}}}$); $D(Q\\|P)$ weights "
        "$\\log_2 \\frac{Q(x)}{P(x)}$ by $Q(x)$ (for $a$: "
        f"${qt[0]} \\log_2 \\frac{{{qt[0]}}}{{{pt[0]}}}$). Then subtract $D(P\\|Q)$ "
        "from $D(Q\\|P)$."
    )
    return Variant(
        hint=hint,
        prompt=prompt,
        params=pair.params(),
        expected=diff,
        solution=solution,
        slack=route_slack(*terms_pq, *terms_qp, d_pq, d_qp, diff),
        alternatives={"reversed": -diff, "missing_term": d_qp},
        messages={
            "reversed": (
                "You subtracted the other way round: that is D(P‖Q) − D(Q‖P). "
                "The question asks for D(Q‖P) − D(P‖Q)."
            ),
            "missing_term": (
                "That is D(Q‖P) on its own; subtract D(P‖Q) from it to get the difference."
            ),
        },
        nonnegative=False,
    )


_CROSS_ENTROPY_MESSAGES = {
    "entropy": (
        "That is only H(P). The cross-entropy adds the divergence: H(P, Q) = H(P) + D(P‖Q)."
    ),
    "missing_term": (
        "That is only D(P‖Q). The cross-entropy also includes the entropy: H(P, Q) = H(P) + D(P‖Q)."
    ),
    "reversed": (
        "That is H(Q, P) = −Σ Q(x) log₂ P(x). Cross-entropy is not symmetric: "
        "H(P, Q) averages −log₂ Q(x) over P."
    ),
}


@generator("cross_entropy_decomposition")
def cross_entropy_decomposition(rng: np.random.Generator) -> Variant:
    """Cross-entropy H(P, Q) = H(P) + D(P‖Q) for distributions on three outcomes."""
    pair = _Pair.draw(rng)
    p, q, pt, qt = pair.p, pair.q, pair.pt, pair.qt
    h_p = float(kl.entropy(p))
    d_pq = float(kl.kl_divergence(p, q))
    h_pq = float(kl.cross_entropy(p, q))
    h_qp = float(kl.cross_entropy(q, p))
    h_terms = _entropy_terms(p)
    _check_total(h_terms, h_p)
    kl_lines, kl_terms = _kl_lines(p, q, pt, qt)
    _check_total(np.array(kl_terms), d_pq)
    h_lines = "\n".join(
        rf"- $x = {o}$: $-{a} \log_2 {a} = {_n(t)}$"
        for o, a, t in zip(OUTCOMES, pt, h_terms, strict=True)
    )
    prompt = (
        "A source emits the outcomes $\\{a, b, c\\}$ with distribution $P$; "
        "a code was designed for the model $Q$:\n\n"
        f"{pair.table()}\n\n"
        "Using $H(P, Q) = H(P) + D(P\\|Q)$, compute the cross-entropy $H(P, Q)$ in bits. "
        f"{TO_3_FIGURES}"
    )
    solution = (
        "Entropy of $P$, $H(P) = -\\sum_x P(x) \\log_2 P(x)$:\n\n"
        f"{h_lines}\n\n"
        f"so $H(P) \\approx {_n(h_p)}$ bits.\n\n"
        "Divergence, $D(P\\|Q) = \\sum_x P(x) \\log_2 \\frac{P(x)}{Q(x)}$:\n\n"
        f"{kl_lines}\n\n"
        f"so $D(P\\|Q) \\approx {_n(d_pq)}$ bits.\n\n"
        f"Cross-entropy: $H(P, Q) = H(P) + D(P\\|Q) \\approx {_n(h_p)} + {_n(d_pq)} "
        f"\\approx {_n(h_pq)}$ bits (the same as $-\\sum_x P(x) \\log_2 Q(x)$)."
    )
    hint = (
        "Find the two parts first. $H(P)$ adds $-P(x) \\log_2 P(x)$ over the outcomes "
        f"(for $a$: $-{pt[0]} \\log_2 {pt[0]}$); $D(P\\|Q)$ adds "
        f"$P(x) \\log_2 \\frac{{P(x)}}{{Q(x)}}$ (for $a$: "
        f"${pt[0]} \\log_2 \\frac{{{pt[0]}}}{{{qt[0]}}}$). The cross-entropy is their sum."
    )
    return Variant(
        hint=hint,
        prompt=prompt,
        params=pair.params(),
        expected=h_pq,
        solution=solution,
        slack=route_slack(*h_terms, *kl_terms, h_p, d_pq, h_pq),
        alternatives={"entropy": h_p, "missing_term": d_pq, "reversed": h_qp},
        messages=dict(_CROSS_ENTROPY_MESSAGES),
    )


_MUTUAL_INFORMATION_AS_KL_MESSAGES = {
    "missing_term": (
        "It looks like one term of the sum is missing: add "
        "p(x,y)·log₂(p(x,y) / p(x)p(y)) for all four cells, including x = 1, y = 1."
    ),
    "reversed": (
        "You computed D(p(x)p(y) ‖ p(x,y)), the divergence the other way round. "
        "Mutual information is D(p(x,y) ‖ p(x)p(y)): average over the joint distribution."
    ),
    "cross_entropy": (
        "That is the cross-entropy −Σ p(x,y) log₂ p(x)p(y) = H(X) + H(Y); "
        "subtract H(X, Y) to get the divergence."
    ),
}


def _cell_kl_lines(table: _JointTable, terms: np.ndarray) -> list[str]:
    """The worked term ``p(x, y) log2(p(x, y) / p(x)p(y))`` of each cell of ``table``."""
    px_c, py_c, total = table.row_counts, table.column_counts, table.total
    lines = []
    for i in range(2):
        for j in range(2):
            a = table.p(i, j)
            b = _tex_p(px_c[i] * py_c[j], total * total)
            t = terms[2 * i + j]
            lines.append(rf"- $x={i}, y={j}$: ${a} \log_2 \frac{{{a}}}{{{b}}} = {_n(t)}$")
    return lines


@generator("mutual_information_as_kl")
def mutual_information_as_kl(rng: np.random.Generator) -> Variant:
    """I(X; Y) as D(p(x,y) ‖ p(x)p(y)) for a 2×2 joint table."""
    table = _JointTable.draw(rng)
    joint = table.joint
    prod = np.outer(joint.sum(axis=1), joint.sum(axis=0))
    mi = table.mi
    as_kl = float(kl.kl_divergence(joint.ravel(), prod.ravel()))
    reverse = float(kl.kl_divergence(prod.ravel(), joint.ravel()))
    cross = float(kl.cross_entropy(joint.ravel(), prod.ravel()))
    terms = _kl_terms(joint.ravel(), prod.ravel())
    _check_total(terms, mi)
    _check_total(np.array([as_kl]), mi)
    lines = _cell_kl_lines(table, terms)
    prompt = (
        "The joint distribution of two binary variables $X$ and $Y$:\n\n"
        f"{table.markdown()}\n\n"
        "Compute the mutual information $I(X; Y)$ in bits as the KL divergence between "
        "the joint distribution and the product of its marginals, "
        "$D\\big(p(x, y) \\,\\|\\, p(x)\\,p(y)\\big)$. "
        f"{TO_3_FIGURES}"
    )
    solution = (
        f"{table.marginals()}\n\n"
        "$$I(X; Y) = \\sum_{x, y} p(x, y) \\log_2 \\frac{p(x, y)}{p(x)\\,p(y)}$$\n\n"
        + "\n".join(lines)
        + f"\n\nAdding the terms: $I(X; Y) = {_sum_tex(list(terms))} \\approx {_n(mi)}$ bits."
    )
    hint = (
        "Start with the marginals: $p(x)$ is a row sum, $p(y)$ a column sum, so "
        f"$p(X = 0) = {table.p(0, 0)} + {table.p(0, 1)}$ and "
        f"$p(Y = 0) = {table.p(0, 0)} + {table.p(1, 0)}$. The cell $x = 0, y = 0$ then "
        f"adds ${table.p(0, 0)} \\log_2 \\frac{{{table.p(0, 0)}}}{{p(X = 0)\\,p(Y = 0)}}$; "
        "add the terms of all four cells."
    )
    return Variant(
        hint=hint,
        prompt=prompt,
        params=table.params(),
        expected=mi,
        solution=solution,
        slack=route_slack(*terms, mi),
        alternatives={
            "reversed": reverse,
            "cross_entropy": cross,
            "missing_term": mi - float(terms[-1]),
        },
        messages=dict(_MUTUAL_INFORMATION_AS_KL_MESSAGES),
    )


# --------------------------------------------------------------------- Shannon entropy


@generator("entropy_discrete")
def entropy_discrete(rng: np.random.Generator) -> Variant:
    """H(P) in bits for a distribution on four outcomes (multiples of 1/16)."""
    total = 16
    counts = composition(rng, 4, total)
    p = np.array(_probs(counts, total))
    names = ("a", "b", "c", "d")
    h = float(kl.entropy(p))
    terms = _entropy_terms(p)
    _check_total(terms, h)
    pt = [_tex_p(c, total) for c in counts]
    inv = [_tex_frac(total, c) for c in counts]  # 1/p as a fraction
    table = "\n".join(
        [
            "| $x$ | " + " | ".join(f"${o}$" for o in names) + " |",
            "|---|" + "---|" * 4,
            "| $P(x)$ | " + " | ".join(f"${a}$" for a in pt) + " |",
        ]
    )
    lines = "\n".join(
        rf"- $x = {o}$: ${a} \log_2 {b} = {_n(t)}$"
        for o, a, b, t in zip(names, pt, inv, terms, strict=True)
    )
    prompt = (
        f"A random variable $X$ has the distribution\n\n{table}\n\n"
        "Compute its entropy $H(X)$ in bits."
    )
    solution = (
        "$$H(X) = -\\sum_x P(x) \\log_2 P(x) = \\sum_x P(x) \\log_2 \\frac{1}{P(x)}$$\n\n"
        f"{lines}\n\n"
        f"Adding the terms: $H(X) = {_sum_tex(list(terms))} \\approx {_n(h)}$ bits."
    )
    hint = (
        "Each outcome adds $P(x) \\log_2 \\frac{1}{P(x)}$: for $a$ that is "
        f"${pt[0]} \\log_2 {inv[0]}$. Work out the same for $b$, $c$ and $d$ and add "
        "the four terms."
    )
    return Variant(
        hint=hint,
        prompt=prompt,
        params={
            "outcomes": list(names),
            "total": total,
            "counts": counts,
            "p": _probs(counts, total),
        },
        expected=h,
        solution=solution,
        slack=route_slack(*terms, h),
        alternatives={"missing_term": h - float(terms[-1])},
        messages={
            "missing_term": (
                "It looks like one term of the sum is missing: add P(x)·log₂(1/P(x)) "
                "for every outcome, including d."
            )
        },
    )


@generator("entropy_binary")
def entropy_binary(rng: np.random.Generator) -> Variant:
    """Binary entropy H(p) of a biased coin, in bits."""
    total = 20
    heads = int(rng.integers(1, total))  # 1..19, so 0 < p < 1
    p = heads / total
    h = _hb(p)
    t_heads = float(-p * np.log2(p))
    t_tails = float(-(1 - p) * np.log2(1 - p))
    _check_total(np.array([t_heads, t_tails]), h)
    a, b = _tex_p(heads, total), _tex_p(total - heads, total)
    prompt = (
        f"A biased coin lands heads with probability $p = {a}$. "
        "Compute the entropy $H(X)$ of one toss in bits."
    )
    solution = (
        "$$H(X) = -p \\log_2 p - (1 - p) \\log_2 (1 - p)$$\n\n"
        f"- heads: $-{a} \\log_2 {a} = {_n(t_heads)}$\n"
        f"- tails: $-{b} \\log_2 {b} = {_n(t_tails)}$\n\n"
        f"So $H(X) \\approx {_n(t_heads)} + {_n(t_tails)} \\approx {_n(h)}$ bits "
        "(1 bit only for a fair coin)."
    )
    hint = (
        f"One toss has two outcomes, so two terms: heads adds $-{a} \\log_2 {a}$, and tails, "
        f"with probability $1 - {a}$, adds $-(1 - {a}) \\log_2 (1 - {a})$. Add them."
    )
    return Variant(
        hint=hint,
        prompt=prompt,
        params={"total": total, "heads": heads, "p": p},
        expected=h,
        solution=solution,
        slack=route_slack(t_heads, t_tails, h),
        alternatives={"missing_term": t_heads},
        messages={
            "missing_term": (
                "That is only the heads term −p log₂ p; add the tails term −(1 − p) log₂ (1 − p)."
            )
        },
    )


# ------------------------------------------------------- joint and conditional entropy


@generator("joint_entropy_table")
def joint_entropy_table(rng: np.random.Generator) -> Variant:
    """Joint entropy H(X, Y) of a 2×2 table (multiples of 1/16)."""
    table = _JointTable.draw(rng, 16)
    h_xy, h_x, h_y = table.h_xy, table.h_x, table.h_y
    terms = _entropy_terms(table.joint.ravel())
    _check_total(terms, h_xy)
    lines = []
    for i in range(2):
        for j in range(2):
            a = table.p(i, j)
            lines.append(rf"- $x={i}, y={j}$: $-{a} \log_2 {a} = {_n(terms[2 * i + j])}$")
    prompt = (
        "The joint distribution of two binary variables $X$ and $Y$:\n\n"
        f"{table.markdown()}\n\n"
        "Compute the joint entropy $H(X, Y)$ in bits."
    )
    solution = (
        "$$H(X, Y) = -\\sum_{x, y} p(x, y) \\log_2 p(x, y)$$\n\n"
        + "\n".join(lines)
        + f"\n\nAdding the terms: $H(X, Y) = {_sum_tex(list(terms))} \\approx {_n(h_xy)}$ bits."
        + f"\n\n(Compare $H(X) + H(Y) \\approx {_n(h_x)} + {_n(h_y)} = {_n(h_x + h_y)}$ bits: "
        "the joint entropy is smaller unless $X$ and $Y$ are independent.)"
    )
    hint = (
        "Treat the four cells as one distribution on four outcomes and add "
        f"$-p \\log_2 p$ over them, starting with $-{table.p(0, 0)} \\log_2 {table.p(0, 0)}$ "
        "for $x = 0, y = 0$. The marginals are not needed."
    )
    return Variant(
        hint=hint,
        prompt=prompt,
        params=table.params(),
        expected=h_xy,
        solution=solution,
        slack=route_slack(*terms, h_xy),
        alternatives={"entropy": h_x + h_y, "missing_term": h_xy - float(terms[-1])},
        messages={
            "entropy": (
                "That is H(X) + H(Y), which equals H(X, Y) only when X and Y are "
                "independent. Sum −p log₂ p over the four cells of the table instead."
            ),
            "missing_term": (
                "It looks like one term of the sum is missing: add −p log₂ p for every "
                "cell of the table."
            ),
        },
    )


def _row_entropy_lines(table: _JointTable) -> tuple[list[str], list[float]]:
    """Each row of ``table`` divided by its sum, ``p(y | x)``, with its entropy worked out
    (a line each), and those entropies."""
    counts, total, px_c = table.counts, table.total, table.row_counts
    rows, h_rows = [], []
    for i in range(2):
        h_row = float(kl.entropy(np.array(counts[i], dtype=float) / px_c[i]))
        h_rows.append(h_row)
        c0, c1 = (_tex_frac(c, px_c[i]) for c in counts[i])
        rows.append(
            f"- $X = {i}$: $p(x) = {_tex_p(px_c[i], total)}$, $p(y \\mid x) = ({c0}, {c1})$, "
            f"$H(Y \\mid X = {i}) \\approx {_n(h_row)}$ bits"
        )
    return rows, h_rows


def _conditional_slack(table: _JointTable, h_rows: list[float], h_y_x: float) -> float:
    """The rounding slack of H(Y | X) worked row by row: each row's entropy, weighted by
    p(x), then the weighted sum."""
    counts, total, px_c = table.counts, table.total, table.row_counts
    return (
        px_c[0] / total * route_slack(*_entropy_terms(np.array(counts[0]) / px_c[0]))
        + px_c[1] / total * route_slack(*_entropy_terms(np.array(counts[1]) / px_c[1]))
        + route_slack(*h_rows)
        + route_slack(*(px_c[i] / total * h_rows[i] for i in range(2)), h_y_x)
    )


_CONDITIONAL_ENTROPY_MESSAGES = {
    "reversed": (
        "You computed H(X | Y): conditioning is not symmetric. The question asks "
        "for H(Y | X), the uncertainty left in Y once X is known (average over the rows)."
    ),
    "missing_term": ("That is H(X, Y). Subtract H(X): H(Y | X) = H(X, Y) − H(X)."),
    "entropy": (
        "That is H(Y), the uncertainty in Y before X is known; H(Y | X) averages "
        "the entropy of each row's conditional distribution."
    ),
}


@generator("conditional_entropy_table")
def conditional_entropy_table(rng: np.random.Generator) -> Variant:
    """Conditional entropy H(Y | X) of a 2×2 table (rows are X)."""
    table = _JointTable.draw(rng)
    total = table.total
    h_y_x, h_x_y, h_xy, h_x, h_y = (
        table.h_y_given_x,
        table.h_x_given_y,
        table.h_xy,
        table.h_x,
        table.h_y,
    )
    px_c = table.row_counts
    rows, h_rows = _row_entropy_lines(table)
    _check_total(np.array([px_c[i] / total * h_rows[i] for i in range(2)]), h_y_x)
    px0, px1 = _tex_p(px_c[0], total), _tex_p(px_c[1], total)
    prompt = (
        "The joint distribution of two binary variables $X$ (rows) and $Y$ (columns):\n\n"
        f"{table.markdown()}\n\n"
        "Compute the conditional entropy $H(Y \\mid X)$ in bits."
    )
    solution = (
        "$$H(Y \\mid X) = \\sum_x p(x)\\, H(Y \\mid X = x)$$\n\n"
        "Divide each row by its sum to get $p(y \\mid x)$:\n\n"
        + "\n".join(rows)
        + f"\n\nSo $H(Y \\mid X) \\approx {px0} \\times {_n(h_rows[0])}"
        f" + {px1} \\times {_n(h_rows[1])} \\approx {_n(h_y_x)}$ bits.\n\n"
        f"Check with the chain rule: $H(X, Y) - H(X) \\approx {_n(h_xy)} - {_n(h_x)} "
        f"\\approx {_n(h_xy - h_x)}$ bits."
    )
    hint = (
        "Divide each row by its sum to get $p(y \\mid x)$: the row $X = 0$ sums to "
        f"${table.p(0, 0)} + {table.p(0, 1)}$. Find the entropy of each row's conditional "
        "distribution, then average the two, weighting each row by $p(x)$."
    )
    return Variant(
        hint=hint,
        prompt=prompt,
        params=table.params(),
        expected=h_y_x,
        solution=solution,
        slack=_conditional_slack(table, h_rows, h_y_x),
        alternatives={"reversed": h_x_y, "missing_term": h_xy, "entropy": h_y},
        messages=dict(_CONDITIONAL_ENTROPY_MESSAGES),
    )


# ------------------------------------------------------------------ mutual information


@generator("mutual_information_table")
def mutual_information_table(rng: np.random.Generator) -> Variant:
    """I(X; Y) = H(X) + H(Y) − H(X, Y) for a 2×2 joint table."""
    table = _JointTable.draw(rng)
    mi, h_x, h_y, h_xy, h_y_x = table.mi, table.h_x, table.h_y, table.h_xy, table.h_y_given_x
    _check_total(np.array([h_x, h_y, -h_xy]), mi)
    prompt = (
        "The joint distribution of two binary variables $X$ and $Y$:\n\n"
        f"{table.markdown()}\n\n"
        "Compute the mutual information $I(X; Y)$ in bits."
    )
    solution = (
        f"{table.marginals()}\n\n"
        "$$I(X; Y) = H(X) + H(Y) - H(X, Y)$$\n\n"
        f"- $H(X) \\approx {_n(h_x)}$ bits\n"
        f"- $H(Y) \\approx {_n(h_y)}$ bits\n"
        f"- $H(X, Y) \\approx {_n(h_xy)}$ bits (sum of $-p \\log_2 p$ over the four cells)\n\n"
        f"So $I(X; Y) \\approx {_n(h_x)} + {_n(h_y)} - {_n(h_xy)} \\approx {_n(mi)}$ bits."
    )
    hint = (
        "Use $I(X; Y) = H(X) + H(Y) - H(X, Y)$. The marginals are the row sums "
        f"($p(X = 0) = {table.p(0, 0)} + {table.p(0, 1)}$) and the column sums "
        f"($p(Y = 0) = {table.p(0, 0)} + {table.p(1, 0)}$); $H(X, Y)$ adds $-p \\log_2 p$ "
        "over the four cells."
    )
    return Variant(
        hint=hint,
        prompt=prompt,
        params=table.params(),
        expected=mi,
        solution=solution,
        slack=route_slack(
            *_entropy_terms(table.joint.sum(axis=1)),
            *_entropy_terms(table.joint.sum(axis=0)),
            *_entropy_terms(table.joint.ravel()),
            h_x,
            h_y,
            h_xy,
            mi,
        ),
        alternatives={"missing_term": h_x + h_y, "entropy": h_y_x},
        messages={
            "missing_term": (
                "That is H(X) + H(Y); subtract the joint entropy: I(X; Y) = H(X) + H(Y) − H(X, Y)."
            ),
            "entropy": (
                "That is H(Y | X), the uncertainty left in Y once X is known; "
                "the information is what X removes: I(X; Y) = H(Y) − H(Y | X)."
            ),
        },
    )


_BSC_MESSAGES = {
    "missing_term": (
        "That is H(Y); subtract the noise H(Y | X) = H(ε): I(X; Y) = H(Y) − H(Y | X)."
    ),
    "entropy": (
        "That is H(Y | X) = H(ε), the uncertainty the channel adds; "
        "the information is I(X; Y) = H(Y) − H(Y | X)."
    ),
}


@generator("mutual_information_bsc")
def mutual_information_bsc(rng: np.random.Generator) -> Variant:
    """I(X; Y) through a binary symmetric channel with a biased input."""
    a_count = int(rng.integers(1, 20))  # P(X = 1) = a_count / 20
    e_count = int(rng.integers(1, 7))  # crossover ε = e_count / 20 ∈ [0.05, 0.30]
    a, eps = a_count / 20, e_count / 20
    counts = [
        [(20 - a_count) * (20 - e_count), (20 - a_count) * e_count],
        [a_count * e_count, a_count * (20 - e_count)],
    ]
    total = 400
    joint = np.array(counts, dtype=float) / total
    mi = float(kl.mutual_information(joint))
    y1 = (counts[0][1] + counts[1][1]) / total
    h_y = _hb(y1)
    h_noise = _hb(eps)
    _check_total(np.array([h_y, -h_noise]), mi)
    at, et = _tex_p(a_count, 20), _tex_p(e_count, 20)
    prompt = (
        f"A bit $X$ with $P(X = 1) = {at}$ is sent through a binary symmetric channel "
        f"that flips it with probability $\\varepsilon = {et}$; $Y$ is the received bit. "
        "Compute the mutual information $I(X; Y)$ in bits."
    )
    solution = (
        "$$I(X; Y) = H(Y) - H(Y \\mid X)$$\n\n"
        f"- $P(Y = 1) = {at}(1 - {et}) + (1 - {at}) \\cdot {et} = "
        f"{_tex_p(counts[0][1] + counts[1][1], total)}$, "
        f"so $H(Y) \\approx {_n(h_y)}$ bits.\n"
        f"- Whatever $X$ is, $Y$ is flipped with probability ${et}$, so "
        f"$H(Y \\mid X) = H({et}) \\approx {_n(h_noise)}$ bits.\n\n"
        f"So $I(X; Y) \\approx {_n(h_y)} - {_n(h_noise)} \\approx {_n(mi)}$ bits."
    )
    hint = (
        "Use $I(X; Y) = H(Y) - H(Y \\mid X)$. A 1 arrives when a 1 is sent and kept, "
        f"${at}(1 - {et})$, or a 0 is sent and flipped, $(1 - {at}) \\cdot {et}$: together "
        "they give $P(Y = 1)$. Whatever is sent, the channel flips it with probability "
        f"${et}$, so $H(Y \\mid X)$ is the binary entropy of ${et}$."
    )
    return Variant(
        hint=hint,
        prompt=prompt,
        params={"a": a, "epsilon": eps, "total": total, "counts": counts, "joint": joint.tolist()},
        expected=mi,
        solution=solution,
        slack=route_slack(
            *_entropy_terms(np.array([y1, 1 - y1])),
            *_entropy_terms(np.array([eps, 1 - eps])),
            h_y,
            h_noise,
            mi,
        ),
        alternatives={"missing_term": h_y, "entropy": h_noise},
        messages=dict(_BSC_MESSAGES),
    )
