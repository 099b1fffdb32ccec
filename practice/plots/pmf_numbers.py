"""The numbers of the ``bars`` plot (a probability mass function drawn as bars) and of the
``vectors`` plot (vectors from the origin in the plane), with the checks their parameters
must pass together and the parameters each setting uses.

As in :mod:`practice.plots.school_numbers`, each ``compute_*`` returns a :class:`PlotData`
whose ``series`` holds what the drawing needs and whose summary states the same numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np

from practice.plots.curves import MINUS, fraction_text, short
from practice.plots.numbers import Cell, Frame, PlotData, _label
from practice.plots.params import point_value
from practice.plots.school_numbers import _cell

MOST_BARS = 60
MOST_VALUES = 12
VALUE_LIMIT = 1000
SUM_TOLERANCE = Fraction(1, 10**6)
FAMILIES = ("poisson", "binomial", "bernoulli", "custom")


def _minus(text: str) -> str:
    return text.replace("-", MINUS)


# ------------------------------------------------------------------- probability mass bars


def check_bars(v: dict[str, Any]) -> dict[str, str]:
    family = v["family"]
    if family == "custom":
        return _check_custom(v["values"], v["probs"])
    if family == "bernoulli":
        return {}
    kmin, kmax = int(v["kmin"]), int(v["kmax"])
    if kmax < kmin:
        return {"kmax": f"kmax ({kmax}) must be at least kmin ({kmin})"}
    if family == "binomial" and kmin > v["n"]:
        n = int(v["n"])
        return {"kmin": f"kmin ({kmin}) is above n ({n}): a binomial count lies from 0 to {n}"}
    top = min(kmax, int(v["n"])) if family == "binomial" else kmax
    if top - kmin + 1 > MOST_BARS:
        return {
            "kmax": f"k from {kmin} to {top} makes {top - kmin + 1} bars: at most {MOST_BARS} "
            "fit (raise kmin or lower kmax)"
        }
    return {}


def _check_custom(values: tuple[str, ...], probs: tuple[str, ...]) -> dict[str, str]:
    if not values:
        return {"values": "values is empty: give the outcomes, e.g. values=0,1,2"}
    if len(probs) != len(values):
        return {
            "probs": f"probs has {len(probs)} probabilities but values has {len(values)} "
            "outcomes: give one probability for each value"
        }
    xs = [point_value(t) for t in values]
    big = [t for t, x in zip(values, xs, strict=True) if abs(x) > VALUE_LIMIT]
    if big:
        return {
            "values": f"values {', '.join(big)} are too large: at most {VALUE_LIMIT} either way"
        }
    if len(set(xs)) < len(xs):
        return {"values": "values repeat an outcome: each value may be given once"}
    ps = [point_value(t) for t in probs]
    wrong = [t for t, p in zip(probs, ps, strict=True) if not 0 <= p <= 1]
    if wrong:
        return {"probs": f"probs {', '.join(wrong)} lie outside 0 to 1: a probability cannot"}
    total = sum(ps, Fraction(0))
    if abs(total - 1) > SUM_TOLERANCE:
        return {
            "probs": f"probs sum to {short(float(total), 6)}, not 1: the probabilities of all "
            "outcomes must add up to 1 (write thirds as 1/3, not 0.333)"
        }
    return {}


def uses_bars(v: dict[str, Any]) -> set[str]:
    family = v["family"]
    used = {"family", "mark"}
    if family == "custom":
        return used | {"values", "probs"}
    if family == "bernoulli":
        return used | {"p"}
    return used | {"kmin", "kmax"} | ({"lam"} if family == "poisson" else {"n", "p"})


def poisson_pmf(k: np.ndarray, lam: float) -> np.ndarray:
    """P(X = k) for X ~ Poisson(lam), through logarithms (no overflow for large k)."""
    logs = k * math.log(lam) - lam - np.array([math.lgamma(x + 1.0) for x in k])
    return np.exp(logs)


def binomial_pmf(k: np.ndarray, n: int, p: float) -> np.ndarray:
    """P(X = k) for X ~ Binomial(n, p)."""
    return np.array([math.comb(n, int(x)) * p ** int(x) * (1.0 - p) ** (n - int(x)) for x in k])


def _law(v: dict[str, Any]) -> tuple[str, np.ndarray, np.ndarray, float, float, str, str]:
    """The name, the outcomes drawn, their probabilities, the mean and variance of the whole
    distribution, and how the mean and variance are worked out."""
    family = v["family"]
    if family == "poisson":
        lam = v["lam"]
        k = np.arange(int(v["kmin"]), int(v["kmax"]) + 1, dtype=float)
        return (f"Poisson(λ = {short(lam)})", k, poisson_pmf(k, lam), lam, lam,
                f"λ = {short(lam)}", f"λ = {short(lam)}")  # fmt: skip
    if family == "binomial":
        n, p = int(v["n"]), v["p"]
        top = min(int(v["kmax"]), n)
        k = np.arange(int(v["kmin"]), top + 1, dtype=float)
        mean, var = n * p, n * p * (1.0 - p)
        return (
            f"Binomial(n = {n}, p = {short(p)})", k, binomial_pmf(k, n, p), mean, var,
            f"np = {n} × {short(p)} = {short(mean)}",
            f"np(1 − p) = {n} × {short(p)} × {short(1.0 - p)} = {short(var)}",
        )  # fmt: skip
    if family == "bernoulli":
        p = v["p"]
        k = np.array([0.0, 1.0])
        var = p * (1.0 - p)
        how = f"p(1 − p) = {short(p)} × {short(1.0 - p)} = {short(var)}"
        return (f"Bernoulli(p = {short(p)})", k, np.array([1.0 - p, p]), p, var,
                f"p = {short(p)}", how)  # fmt: skip
    pairs = sorted(zip((point_value(t) for t in v["values"]), v["probs"], strict=True))
    xs = np.array([float(x) for x, _ in pairs])
    ps = np.array([float(point_value(t)) for _, t in pairs])
    ps = ps / math.fsum(ps)
    mean = math.fsum(xs * ps)
    var = math.fsum(ps * (xs - mean) ** 2)
    terms = " + ".join(f"{short(x)} × {t}" for (_, t), x in zip(pairs, xs, strict=True))
    squares = " + ".join(
        f"{t} × ({short(x)} − {short(mean)})²" for (_, t), x in zip(pairs, xs, strict=True)
    )
    name = "the distribution given"
    return (name, xs, ps, mean, var, f"Σ x·P(X = x) = {_minus(terms)} = {short(mean)}",
            f"Σ P(X = x)·(x − mean)² = {_minus(squares)} = {short(var)}")  # fmt: skip


def _bars_hold(family: str, shown: float, outside: float, lo: float, hi: float) -> str:
    """How much of the probability the bars hold (a Poisson or binomial drawn over a
    range of k may leave some outside it)."""
    if family not in ("poisson", "binomial"):
        return "The bars hold all the probability."
    if outside < 5e-5:
        return f"The bars hold all the probability (outside them: {short(outside, 6)})."
    return (
        f"The bars hold {short(shown)} of the probability; {short(outside)} lies "
        f"outside k = {short(lo)} to {short(hi)}."
    )


def _bars_frame(
    name: str, k: np.ndarray, probs: np.ndarray, mean: float, var: float, marked: bool
) -> tuple[Frame, float]:
    """The axes of the bars (wide enough for the bars and, if marked, mean ± sd; never
    flat), and the bars' width."""
    sd = math.sqrt(var)
    lo, hi = float(k[0]), float(k[-1])
    gaps = np.diff(k)
    width = min(0.8, 0.8 * float(gaps.min())) if gaps.size else 0.8
    xs = [lo - width, hi + width] + ([mean - sd, mean + sd] if marked else [])
    pad = 0.03 * (max(xs) - min(xs))
    frame = Frame(
        f"{name[0].upper()}{name[1:]}: mean {short(mean)}, variance {short(var)}",
        (min(xs) - pad, max(xs) + pad),
        (0.0, max(float(probs.max()), 0.01) * (1.5 if marked else 1.18)),  # never flat
        xlabel="k",
        ylabel="P(X = k)",
    )
    return frame, width


def compute_bars(v: dict[str, Any]) -> PlotData:
    name, k, probs, mean, var, mean_how, var_how = _law(v)
    sd = math.sqrt(var)
    shown = math.fsum(probs)
    outside = max(0.0, 1.0 - shown)
    lo, hi = float(k[0]), float(k[-1])
    listed = "; ".join(
        f"P(X = {_minus(short(x))}) = {short(p)}" for x, p in zip(k, probs, strict=True)
    )
    said = [
        f"The probability mass function of {name} as bars, one for each "
        + (
            f"k from {_minus(short(lo))} to {_minus(short(hi))}"
            if v["family"] != "custom"
            else "value"
        )
        + f": {listed}.",
        f"Mean {mean_how}; variance {var_how} (standard deviation {short(sd)}).",
        _bars_hold(v["family"], shown, outside, lo, hi),
    ]
    marked = v["mark"] == "mean"
    if marked:
        said.append(
            f"Marked: the mean {short(mean)}, and mean ± sd from {_minus(short(mean - sd))} to "
            f"{_minus(short(mean + sd))}."
        )
    frame, width = _bars_frame(name, k, probs, mean, var, marked)
    rows = tuple((_label(_minus(short(x))), _cell(p, 6)) for x, p in zip(k, probs, strict=True))
    return PlotData(
        summary=" ".join(said),
        columns=("k", "P(X = k)"),
        rows=rows,
        totals=(
            ("mean", _cell(mean)),
            ("variance", _cell(var)),
            ("standard deviation", _cell(sd)),
            ("probability in the bars", _cell(shown, 6)),
            ("probability outside", _cell(outside, 6)),
        ),
        series={
            "frame": frame,
            "k": k,
            "p": probs,
            "width": width,
            "mean": mean if marked else None,
            "sd": sd,
        },
    )


# ---------------------------------------------------------------------------------- vectors

VECTOR_LIMIT = 20
NAMES = ("u", "v", "w")


def check_vectors(v: dict[str, Any]) -> dict[str, str]:
    errors = {}
    for name in NAMES:
        given = v[name]
        if given and len(given) != 2:
            errors[name] = (
                f"{name} has {len(given)} component{'s' if len(given) != 1 else ''}: a vector "
                f"in the plane has two, as in {name}=3,1"
            )
        elif any(abs(point_value(t)) > VECTOR_LIMIT for t in given):
            errors[name] = f"{name} is too long: each component at most {VECTOR_LIMIT} either way"
    if not v["u"] and "u" not in errors:
        errors["u"] = "u is empty: give at least one vector, as in u=3,1"
    if v["show"] != "none" and not v["v"] and "v" not in errors:
        errors["v"] = f"show={v['show']} needs two vectors: give v as well, as in v=-1,2"
    if errors:
        return errors
    if v["show"] == "angle":
        zero = [n for n in ("u", "v") if not any(point_value(t) for t in v[n])]
        if zero:
            errors[zero[0]] = (
                f"{zero[0]} is the zero vector, which has no direction: there is no angle "
                "between it and another vector"
            )
    return errors


def uses_vectors(v: dict[str, Any]) -> set[str]:
    # v is always named: left out, it would read back as its default, not as no vector
    return {"show", "u", "v"} | ({"w"} if v["w"] else set())


def _vec_text(x: np.ndarray) -> str:
    return _minus(f"({short(x[0])}, {short(x[1])})")


def _squared(text: str) -> str:
    """``3²``, ``(−1)²``, ``(1/2)²``."""
    return f"{_minus(text)}²" if text.isdigit() else f"({_minus(text)})²"


def angle_between(a: np.ndarray, b: np.ndarray) -> float | None:
    """The angle between ``a`` and ``b`` in degrees (None if either is the zero vector)."""
    na, nb = math.hypot(*a), math.hypot(*b)
    if na == 0.0 or nb == 0.0:
        return None
    # atan2 of the cross and dot products: exact near 0° and 180°, where acos is not
    return math.degrees(math.atan2(abs(float(a[0] * b[1] - a[1] * b[0])), float(a @ b)))


def compute_vectors(v: dict[str, Any]) -> PlotData:
    given = [(n, v[n]) for n in NAMES if v[n]]
    vecs = {n: np.array([float(point_value(t)) for t in texts]) for n, texts in given}
    said, rows = [], []
    for n, texts in given:
        said.append(_length_sentence(n, texts, vecs[n]))
        x = vecs[n]
        rows.append((_label(n), _cell(x[0]), _cell(x[1]), _cell(math.hypot(*x))))
    show = v["show"]
    points = [np.zeros(2), *vecs.values()]
    totals: list[tuple[str, Cell]] = []
    angle = None
    if "u" in vecs and "v" in vecs:
        pair = _pair_of_vectors(vecs["u"], vecs["v"], show)
        said += pair.said
        totals += pair.totals
        points += pair.points
        angle = pair.angle
    pts = np.array(points)
    lo, hi = pts.min(axis=0), pts.max(axis=0)
    span = max(float((hi - lo).max()), 1.0)
    pad = 0.25 * span
    return PlotData(
        summary=" ".join(said),
        columns=("vector", "x", "y", "length"),
        rows=tuple(rows),
        totals=tuple(totals),
        series={
            "frame": Frame(
                "Vectors from the origin" + {"sum": ": u + v", "difference": ": u − v",
                                             "angle": ": the angle between u and v"}.get(show, ""),
                (float(lo[0]) - pad, float(hi[0]) + pad),
                (float(lo[1]) - pad, float(hi[1]) + pad),
                ylabel="y",
                equal=True,
            ),
            "vectors": vecs,
            "show": show,
            "angle": angle,
        },
    )  # fmt: skip


def _length_sentence(n: str, texts: list[str], x: np.ndarray) -> str:
    """``n = (x, y) has length |n| = √(x² + y²) = ...``, exactly where it can be."""
    length = math.hypot(*x)
    exact = [fraction_text(point_value(t)) for t in texts]
    sq = sum(point_value(t) ** 2 for t in texts)
    top, bottom = math.isqrt(sq.numerator), math.isqrt(sq.denominator)
    near = "≈"
    if top**2 == sq.numerator and bottom**2 == sq.denominator:
        exact_len, near = fraction_text(Fraction(top, bottom)), "="
    else:
        exact_len = f"√{sq}" if sq.denominator == 1 else f"√({fraction_text(sq)})"
    return (
        f"{n} = {_vec_text(x)} has length |{n}| = √({_squared(exact[0])} + "
        f"{_squared(exact[1])}) = {exact_len}"
        + ("" if exact_len == short(length) else f" {near} {short(length)}")
        + "."
    )


@dataclass
class _Pair:
    """What u and v together add to the vectors plot: sentences, table rows, the points
    the frame must hold, and the angle between them (None with a zero vector)."""

    said: list[str]
    totals: list[tuple[str, Cell]]
    points: list[np.ndarray]
    angle: float | None


def _pair_of_vectors(u: np.ndarray, w: np.ndarray, show: str) -> _Pair:
    total = u + w
    pair = _Pair([], [("u + v", Cell(_vec_text(total)))], [], angle_between(u, w))
    pair.said.append(
        f"The sum u + v = {_vec_text(total)}, of length {short(math.hypot(*total))}"
        + (": v drawn from the tip of u ends at the tip of u + v." if show == "sum" else ".")
    )
    if show == "sum":
        pair.points.append(total)
    if show == "difference":
        diff = u - w
        pair.said.append(
            f"The difference u − v = {_vec_text(diff)}, of length "
            f"{short(math.hypot(*diff))}: the arrow from the tip of v to the tip of u."
        )
        pair.totals.append(("u − v", Cell(_vec_text(diff))))
        pair.points.append(diff)
    dot = float(u @ w)
    if pair.angle is None:
        pair.said.append(
            "One of u and v is the zero vector, so the angle between them is undefined."
        )
    else:
        angle = pair.angle
        pair.said.append(
            f"The angle between u and v is {short(angle, 2)}°: cos θ = u·v / (|u||v|) = "
            f"{_minus(short(dot))} / ({short(math.hypot(*u))} × {short(math.hypot(*w))}) = "
            f"{_minus(short(math.cos(math.radians(angle))))}"
            + ("; u and v are perpendicular (u·v = 0)." if abs(dot) < 1e-12 else ".")
        )
        pair.totals.append(("angle between u and v", Cell(f"{short(angle, 2)}°", repr(angle))))
    pair.totals.insert(0, ("u·v", _cell(dot)))
    return pair
