"""The explainers in fixtures/explainers/: their numbers, their formulas, their plots.

Every number an explainer states is computed here by the KL engine
-------------------------------------------------------------------
``CLAIMS`` holds, for each explainer, snippets of its text in which every number is a
slot ``«spec»`` (a format spec, e.g. ``«.3f»``), each with the values that fill the slots:
engine results (``ke.entropy``, ``ke.kl_divergence``, ...) or the example's inputs, which
are the same vectors the engine is given; the lesson files of ``tests/lessons/`` add the
claims of the lessons they own (the inference lessons' are in ``test_inference.py``). The
few quantities the engine has no function for (a Huffman code, total variation and
chi-squared, the mean and variance of two numbers) are a few lines of NumPy here, checked
against the engine wherever the two overlap. The checker

1. fills each snippet and requires it in the text, so a stated number is the engine's
   value rounded as shown, in the sentence it belongs to; and
2. scans the text for every decimal number, and every whole number followed by a unit
   (bit, bits, nat, nats), and requires each one to be exactly a filled slot of some
   snippet occurrence.

Editing a number in the prose breaks (1) for its snippet and (2) for the new number;
adding a number without a computation breaks (2). Whole numbers without a unit (counts,
exponents, the 2 in log_2, table entries such as "−2") are not scanned, but snippets still
check the computed ones. Plot shortcode lines are not scanned either: they are compared
whole with lines built from the same example inputs (``plots()``). An explainer without an
entry here may not state any number at all. Whitespace is compared squashed and "−"
(U+2212) as "-", so rewrapping a paragraph changes nothing.
"""

from __future__ import annotations

import heapq
import math
import re
import xml.etree.ElementTree as ET
from functools import cache

import numpy as np
import pytest
import scipy.integrate
import scipy.stats
from django.urls import reverse

from knowledge_graph import curriculum as c
from knowledge_graph.rendering import _MATH, math_to_html, render_markdown
from practice import kl_engine as ke
from practice import plots as plot_kinds
from practice.plots.kinds import parse_shortcode
from tests.lessons.checker import (
    SHORTCODE as _SHORTCODE,
)
from tests.lessons.checker import (
    Claim,
    claim,
    equation_problems,
    fmt,
    number_problems,
    registered_claims,
    registered_plots,
    squash,
)

E = math.e
EXPLAINED = (
    "kl-divergence",
    "shannon-entropy",
    "joint-and-conditional-entropy",
    "mutual-information",
)
PLOT_NAMES = {"divergence", "forward-reverse", "cross-entropy", "code-lengths"}

# ----------------------------------------------------------------- examples and claims


def surprisal(p, i: int) -> float:
    """−log2 p_i, as the engine's cross-entropy of a point mass on outcome i."""
    point = np.zeros(len(p))
    point[i] = 1.0
    return ke.cross_entropy(point, p)


def mixture(sep: float, width: float):
    """The forward-reverse plot's p on the grid the engine documents."""
    x = np.linspace(-10.0, 10.0, 2001)
    logp = ke.gaussian_mixture_logpdf(x, [0.5, 0.5], [-sep / 2, sep / 2], [width, width])
    return x, np.exp(logp), logp


# The KL explainer's source, P, and the code's guess, Q.
P3 = [0.6, 0.3, 0.1]
Q3 = [0.3, 0.3, 0.4]
# The umbrella table: rows are the weather (sun, rain), columns the umbrella (no, yes).
UMBRELLA = np.array([[0.76, 0.04], [0.10, 0.10]])
DYADIC = [0.5, 0.25, 0.125, 0.125]
UNIFORM4 = [0.25] * 4
SEP, WIDTH = 5.0, 0.8
BIASED_COIN = 0.9  # the Shannon entropy explainer's coin, P(heads)


def vec(spec: str, values) -> str:
    return ",".join(fmt(float(v), spec) for v in values)


@cache
def plots() -> dict[str, list[str]]:
    """Every explainer's plot lines: the KL explainers' here, the other lessons' from
    their lesson files (``PLOT_LINES``)."""
    px, py = UMBRELLA.sum(axis=1), UMBRELLA.sum(axis=0)
    kl = {
        "kl-divergence": [
            f"[[plot:{name} p={vec('g', P3)} q={vec('g', Q3)}]]"
            for name in ("code-lengths", "cross-entropy", "divergence")
        ]
        + [f"[[plot:forward-reverse sep={fmt(SEP, 'g')} width={fmt(WIDTH, 'g')}]]"],
        "shannon-entropy": [
            f"[[plot:code-lengths p={vec('g', DYADIC)} q={vec('g', UNIFORM4)}]]",
            f"[[plot:binary-entropy p={fmt(BIASED_COIN, 'g')}]]",
        ],
        "mutual-information": [
            f"[[plot:divergence p={vec('.2f', UMBRELLA.ravel())} "
            f"q={vec('.3f', np.outer(px, py).ravel())}]]"
        ],
    }
    lessons = {slug: fn() for slug, fn in registered_plots().items()}
    return {slug: kl.get(slug, []) + lessons.get(slug, []) for slug in kl | lessons}


@cache
def umbrella() -> dict[str, float]:
    j = UMBRELLA
    return {
        "HX": ke.entropy(j.sum(axis=1)),
        "HY": ke.entropy(j.sum(axis=0)),
        "HXY": ke.joint_entropy(j),
        "HY|X": ke.conditional_entropy(j),
        "HX|Y": ke.conditional_entropy(j.T),
        "I": ke.mutual_information(j),
    }


def kl_claims() -> list[Claim]:
    p, q = P3, Q3
    extra = [surprisal(q, i) - surprisal(p, i) for i in range(3)]  # log2 p/q, per symbol
    back = [-e for e in extra]  # log2 q/p
    d_pq, d_qp = ke.kl_divergence(p, q), ke.kl_divergence(q, p)
    half, third = [0.5, 0.5, 0.0], [1 / 3] * 3
    x, dens, logp = mixture(SEP, WIDTH)
    fwd = ke.fit_gaussian(x, dens, direction="forward", log_p_density=logp)
    rev = ke.fit_gaussian(x, dens, direction="reverse", log_p_density=logp)
    mu_q, s_q = 1.0, 0.5
    return [
        claim("probabilities $P = («g», «g», «g»)$", p),
        claim("$Q = («g», «g», «g»)$", q),
        *(claim(f"| {s} | «g» | «g» | «g» |", [p[i], q[i], extra[i]]) for i, s in enumerate("ABC")),
        claim(
            r"= «g» \cdot «g» + «g» \cdot «g» + «g» \cdot («g») = «.1f» \text{ bits}.",
            [p[0], extra[0], p[1], extra[1], p[2], extra[2], d_pq],
        ),
        claim("Our example is $«.3f»$ nats", [ke.kl_divergence(p, q, base=E)]),
        claim(
            r"one nat is $1/\ln 2 \approx «.3f»$ bits",
            [ke.kl_divergence(p, q) / ke.kl_divergence(p, q, base=E)],
        ),
        claim("averages $H(P) = «.3f»$ bits", [ke.entropy(p)]),
        claim("averages $H(P, Q) = «.3f»$ bits", [ke.cross_entropy(p, q)]),
        claim("the difference is the $«.1f»$ bits above", [ke.cross_entropy(p, q) - ke.entropy(p)]),
        claim(r"\log_2 \frac{q(x)}{p(x)} = («g», «g», «g»)$", back),
        claim(
            r"D_{\mathrm{KL}}(Q\|P) = «g» \cdot («g») + «g» \cdot «g» + «g» \cdot «g» = «.1f»"
            r" \text{ bits} \ne «.1f» \text{ bits}",
            [q[0], back[0], q[1], back[1], q[2], back[2], d_qp, d_pq],
        ),
        claim("Take $P = («g», «g», «g»)$", half),
        claim(r"$D_{\mathrm{KL}}(P\|Q) = «.3f»$ bits, since", [ke.kl_divergence(half, third)]),
        claim(r"but $D_{\mathrm{KL}}(Q\|P) = «g»$:", [ke.kl_divergence(third, half)]),
        claim(
            r"$p = \frac{1}{2}\mathcal{N}(«g», «g»^2) + \frac{1}{2}\mathcal{N}(«g», «g»^2)$",
            [-SEP / 2, WIDTH, SEP / 2, WIDTH],
        ),
        claim(
            r"$\mu = «.0f»$ and $\sigma = \sqrt{«g»^2 + «g»^2} \approx «.2f»$,"
            " with a divergence of $«.2f»$ bits",
            [fwd.mu, WIDTH, SEP / 2, fwd.sigma, fwd.kl],
        ),
        claim(r"$\mu \approx «.2f»$ and $\sigma \approx «.2f»$", [rev.mu, rev.sigma]),
        claim("Its divergence, $«.2f»$ bit", [rev.kl]),
        claim("Mutual Information page, $«.3f»$ bits", [umbrella()["I"]]),
        claim(
            "class probability «g» pays $«.3f»$ nats ($«.3f»$ bits)",
            [
                0.7,
                ke.cross_entropy([1, 0, 0], [0.7, 0.2, 0.1], base=E),
                ke.cross_entropy([1, 0, 0], [0.7, 0.2, 0.1]),
            ],
        ),
        claim(
            r"for $q = \mathcal{N}(«g», «g»^2)$ and the prior $\mathcal{N}(«g», «g»)$",
            [mu_q, s_q, 0, 1],
        ),
        claim(r"- \ln\sigma = «.3f»$ nats", [ke.gaussian_kl(mu_q, s_q, 0.0, 1.0, base=E)]),
        claim(
            r"for $P = \mathcal{N}(«g», «g»)$ and $Q = \mathcal{N}(«g», «g»^2)$",
            [GAUSS_P[0], GAUSS_P[1], GAUSS_Q[0], GAUSS_Q[1]],
        ),
        claim(
            r"it is $\ln «g» + \frac{«g»}{«g»} - \frac{1}{2} \approx «.3f»$ nats",
            [
                GAUSS_Q[1] / GAUSS_P[1],
                GAUSS_P[1] ** 2 + (GAUSS_P[0] - GAUSS_Q[0]) ** 2,
                2 * GAUSS_Q[1] ** 2,
                ke.gaussian_kl(*GAUSS_P, *GAUSS_Q, base=E),
            ],
        ),
    ]


def shannon_claims() -> list[Claim]:
    coin = [BIASED_COIN, 1 - BIASED_COIN]
    fair = [0.5, 0.5]
    h_coin = ke.entropy(coin)
    return [
        claim("toss is worth $«g»$ bit", [ke.entropy(fair)]),
        claim(
            "which of $«g»$ equally likely outcomes happened is worth $«g»$ bits",
            [8, ke.entropy([1 / 8] * 8)],
        ),
        claim(
            "heads with probability «g», heads is barely news at $«.3f»$ bits, while tails is"
            " worth $«.3f»$ bits",
            [coin[0], surprisal(coin, 0), surprisal(coin, 1)],
        ),
        claim(
            r"$$H = «g» \cdot «.3f» + «g» \cdot «.3f» = «.3f» \text{ bits},$$",
            [coin[0], surprisal(coin, 0), coin[1], surprisal(coin, 1), h_coin],
        ),
        claim("less than half the $«g»$ bit of a fair coin", [ke.entropy(fair)]),
        claim(r"$H = \log_2 6 = «.3f»$ bits", [ke.entropy([1 / 6] * 6)]),
        claim(
            "sunny with probability «g» and rainy with probability «g» has $H = «.3f»$ bits",
            [0.8, 0.2, ke.entropy([0.8, 0.2])],
        ),
        claim(r"\tfrac18 \cdot 3 = «.2f» \text{ bits} = H(P).", [ke.entropy(DYADIC)]),
        claim("would need $«g»$ bits for every symbol", [ke.cross_entropy(DYADIC, UNIFORM4)]),
        claim("the $«.2f»$ bits per symbol it wastes", [ke.kl_divergence(DYADIC, UNIFORM4)]),
        claim("compressed to about $«.3f»$ bits per toss", [h_coin]),
        claim(
            r"$\log_2 4 - «.2f» = «.2f»$", [ke.entropy(DYADIC), ke.kl_divergence(DYADIC, UNIFORM4)]
        ),
        claim(
            "probabilities «g» and «g» has the same $«.3f»$ bits",
            [0.9, 0.1, ke.entropy([0.9, 0.1])],
        ),
        claim("where it peaks at $«g»$ bit", [ke.entropy(fair)]),
        claim(r"one bit is $\ln 2 \approx «.3f»$ nats", [ke.entropy(fair, base=E)]),
        claim(
            "Two independent fair coins have $«g»$ bits", [ke.joint_entropy(np.outer(fair, fair))]
        ),
    ]


def joint_claims() -> list[Claim]:
    j, u = UMBRELLA, umbrella()
    px, py = j.sum(axis=1), j.sum(axis=0)
    sun, rain = j[0] / px[0], j[1] / px[1]
    return [
        claim("| sun | «.2f» | «.2f» | «g» |", [j[0, 0], j[0, 1], px[0]]),
        claim("| rain | «.2f» | «.2f» | «g» |", [j[1, 0], j[1, 1], px[1]]),
        claim("| $p(y)$ | «.2f» | «.2f» |", py),
        claim(
            "the weather has $H(X) = «.3f»$ bits and the umbrella $H(Y) = «.3f»$ bits",
            [u["HX"], u["HY"]],
        ),
        claim(r"\log_2 p(x, y) = «.3f» \text{ bits}.$$", [u["HXY"]]),
        claim("$H(X) + H(Y) = «.3f»$ bits", [u["HX"] + u["HY"]]),
        claim(
            r"$(«.2f», «.2f»)$, so $H(Y \mid X = \text{sun}) = «.3f»$ bits", [*sun, ke.entropy(sun)]
        ),
        claim(r"$(«g», «g»)$, so $H(Y \mid X = \text{rain}) = «g»$ bit", [*rain, ke.entropy(rain)]),
        claim(
            r"= «g» \cdot «.3f» + «g» \cdot «g» = «.3f» \text{ bits}.",
            [px[0], ke.entropy(sun), px[1], ke.entropy(rain), u["HY|X"]],
        ),
        claim("from $«.3f»$ to $«g»$ bit", [u["HY"], ke.entropy(rain)]),
        claim(r"\text{here } «.3f» \le «.3f»", [u["HY|X"], u["HY"]]),
        claim(
            r"$H(X \mid Y) = «.3f»$ bits of uncertainty about the weather, not the $«.3f»$ bits",
            [u["HX|Y"], u["HY|X"]],
        ),
        claim(
            "$«.3f» + «.3f» = «.3f»$ and $«.3f» + «.3f» = «.3f»$",
            [u["HX"], u["HY|X"], u["HX"] + u["HY|X"], u["HY"], u["HX|Y"], u["HY"] + u["HX|Y"]],
        ),
        claim(r"= H(X) - H(X \mid Y) = «.3f» \text{ bits},$$", [u["I"]]),
    ]


def mutual_information_claims() -> list[Claim]:
    j, u = UMBRELLA, umbrella()
    px, py = j.sum(axis=1), j.sum(axis=0)
    product = np.outer(px, py).ravel()
    # X uniform on {-1, 0, 1} (rows), Y = X² in {0, 1} (columns).
    square = np.array([[0, 1], [1, 0], [0, 1]]) / 3
    rho = 0.9
    flip = 0.1
    bsc = np.array([[1 - flip, flip], [flip, 1 - flip]]) / 2
    return [
        claim(
            "rain (probability «g») makes an umbrella likely and sun (probability «g»)",
            [px[1], px[0]],
        ),
        claim("The umbrella alone has $H(Y) = «.3f»$ bits", [u["HY"]]),
        claim(r"$H(Y \mid X) = «.3f»$ bits, so", [u["HY|X"]]),
        claim(r"I(X;Y) = «.3f» - «.3f» = «.3f» \text{ bits}.", [u["HY"], u["HY|X"], u["I"]]),
        claim(r"$H(X) - H(X \mid Y) = «.3f» - «.3f» = «.3f»$ bits", [u["HX"], u["HX|Y"], u["I"]]),
        claim("$«.3f» + «.3f» - «.3f» = «.3f»$ bits", [u["HX"], u["HY"], u["HXY"], u["I"]]),
        claim("margins: «.3f», «.3f», «.3f» and «.3f» for", product),
        claim("real ones («.2f», «.2f», «.2f», «.2f»)", j.ravel()),
        claim("with probability «.2f» but only «.3f» of the time", [j[1, 1], product[3]]),
        claim(r"h\big(\tfrac13\big) = «.3f» \text{ bits}", [ke.mutual_information(square)]),
        claim(
            r"for $\rho = «g»$ it is $«.3f»$ bits",
            [rho, ke.multivariate_gaussian_kl([0, 0], [[1, rho], [rho, 1]], [0, 0], np.eye(2))],
        ),
        claim("flipped with probability «g»", [flip]),
        claim("so $H(Y) = «g»$ bit", [ke.entropy(bsc.sum(axis=0))]),
        claim(r"$H(Y \mid X) = h(«g») = «.3f»$ bits", [flip, ke.conditional_entropy(bsc)]),
        claim(
            r"I(X;Y) = «g» - h(«g») = «.3f» \text{ bits per use}",
            [ke.entropy(bsc.sum(axis=0)), flip, ke.mutual_information(bsc)],
        ),
        claim("so $C = «.3f»$ bits", [bsc_capacity(flip)]),
    ]


def bsc_capacity(flip: float) -> float:
    """max over input distributions of I(X;Y), on a fine grid of inputs."""
    a = np.linspace(0.0, 1.0, 2001)
    joint = np.stack(
        [
            np.stack([a * (1 - flip), a * flip], -1),
            np.stack([(1 - a) * flip, (1 - a) * (1 - flip)], -1),
        ],
        axis=-2,
    )
    return float(ke.mutual_information(joint).max())


# ------------------------------------------------- the neighbours of KL divergence


def huffman_lengths(p) -> list[int]:
    """Codeword lengths of a Huffman code for ``p`` (ties broken by insertion order)."""
    heap = [(w, i, [i]) for i, w in enumerate(p)]
    heapq.heapify(heap)
    lengths = [0] * len(p)
    order = len(p)
    while len(heap) > 1:
        w1, _, a = heapq.heappop(heap)
        w2, _, b = heapq.heappop(heap)
        for i in a + b:
            lengths[i] += 1
        heapq.heappush(heap, (w1 + w2, order, a + b))
        order += 1
    return lengths


def f_divergence(p, q, f) -> float:
    """``Σ q f(p/q)`` for strictly positive ``q``; checked against the engine below."""
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    return float(np.sum(q * f(p / q)))


def _xlog2x(t):
    return np.where(t > 0, t * np.log2(np.where(t > 0, t, 1.0)), 0.0)


F_KL = _xlog2x


def F_REVERSE(t):
    return -np.log2(t)


def F_JS(t):
    return 0.5 * (_xlog2x(t) - (t + 1) * np.log2((t + 1) / 2))


def F_TV(t):
    return 0.5 * np.abs(t - 1)


def F_CHI2(t):
    return (t - 1) ** 2


def jensen_claims() -> list[Claim]:
    x = np.array([1.0, 9.0])
    return [
        claim(r"let $X$ be $«g»$ or $«g»$ with equal probability", x),
        claim(
            r"$\varphi(\mathbb{E}[X]) = «g»$ but $\mathbb{E}[X^2] = «g»$; the gap, $«g»$",
            [x.mean() ** 2, np.mean(x**2), x.var()],
        ),
        claim("For $P = («g», «g», «g»)$ and $Q = («g», «g», «g»)$", [*P3, *Q3]),
        claim("the left side is $«.1f»$ bits", [-ke.kl_divergence(P3, Q3)]),
        claim(r"$H = «.2f» \le \log_2 4$", [ke.entropy(DYADIC)]),
    ]


def source_coding_claims() -> list[Claim]:
    coin = [0.9, 0.1]
    pairs = np.outer(coin, coin).ravel()
    assert list(pairs) == sorted(pairs, reverse=True)
    lengths = sorted(huffman_lengths(pairs))  # ties between the two 0.09 pairs go either way
    code = 2.0 ** -np.array(lengths)
    length = ke.cross_entropy(pairs, code)
    return [
        claim(
            "heads with probability «g», so $H = «.3f»$ bits per toss", [coin[0], ke.entropy(coin)]
        ),
        claim("probabilities «.2f», «.2f», «.2f» and «.2f»", pairs),
        claim("lengths $«g», «g», «g», «g»$", lengths),
        claim(
            r"$$L = «.2f» \text{ bits per pair} = «.3f» \text{ bits per toss},$$",
            [length, length / 2],
        ),
        claim(
            r"entropy of $«.3f»$ bits is $D_{\mathrm{KL}}(P^2\|Q) = «.3f»$ bits per pair",
            [ke.entropy(pairs), ke.kl_divergence(pairs, code)],
        ),
        claim("towards $«.3f»$ bits per toss", [ke.entropy(coin)]),
    ]


def cross_entropy_loss_claims() -> list[Claim]:
    q = [0.7, 0.2, 0.1]
    smooth = [0.9, 0.05, 0.05]
    wrong = ke.cross_entropy([0, 0, 1], q, base=E)
    return [
        claim("predicts $q = («g», «g», «g»)$ for three classes", q),
        claim(
            "the loss is $«.3f»$ nats. If the third is right, it is $«.3f»$ nats",
            [ke.cross_entropy([1, 0, 0], q, base=E), wrong],
        ),
        claim("$P = («g», «g», «g»)$. The same", smooth),
        claim(
            r"costs $«.4f»$ nats, which splits as $H(P) = «.4f»$ plus"
            r" $D_{\mathrm{KL}}(P\|q) = «.4f»$",
            [
                ke.cross_entropy(smooth, q, base=E),
                ke.entropy(smooth, base=E),
                ke.kl_divergence(smooth, q, base=E),
            ],
        ),
        claim(
            "With $q = («g», «g», «g»)$ and the first class correct the gradient is"
            " $(«g», «g», «g»)$",
            [*q, *(np.array(q) - [1, 0, 0])],
        ),
        claim("a loss of $«.3f»$ nats is a perplexity of $«g»$", [wrong, math.exp(wrong)]),
    ]


def jensen_shannon_claims() -> list[Claim]:
    m = (np.array(P3) + Q3) / 2
    js = ke.js_divergence(P3, Q3)
    return [
        claim("Take $P = («g», «g», «g»)$ and $Q = («g», «g», «g»)$", [*P3, *Q3]),
        claim(
            "divergences are $«.1f»$ bits one way and $«.1f»$ bits the other",
            [ke.kl_divergence(P3, Q3), ke.kl_divergence(Q3, P3)],
        ),
        claim("$M = («.2f», «g», «.2f»)$", m),
        claim(
            r"$D_{\mathrm{KL}}(P\|M) = «.4f»$ and $D_{\mathrm{KL}}(Q\|M) = «.4f»$ bits, so"
            r" $\mathrm{JS}(P, Q) = «.4f»$ bits",
            [ke.kl_divergence(P3, m), ke.kl_divergence(Q3, m), js],
        ),
        claim(
            r"$0 \le \mathrm{JS}(P, Q) \le «g»$ bit ($\ln 2 \approx «.3f»$ nats)",
            [ke.js_divergence([1, 0], [0, 1]), ke.js_divergence([1, 0], [0, 1], base=E)],
        ),
        claim("the divergence is $«g»$ bit, where", [ke.js_divergence([1, 0], [0, 1])]),
        claim("exceed the $«g»$ bit of entropy in the coin", [ke.entropy([0.5, 0.5])]),
        claim("for the example, with the divergence in bits, it is $«.3f»$", [math.sqrt(js)]),
        claim(
            "so for the example it prints $«.3f»$", [math.sqrt(ke.js_divergence(P3, Q3, base=E))]
        ),
    ]


def f_divergence_claims() -> list[Claim]:
    return [
        claim("For $P = («g», «g», «g»)$ and $Q = («g», «g», «g»)$", [*P3, *Q3]),
        claim(
            "the recipe gives $«.1f»$ bits for KL, $«.1f»$ bits for reverse KL and $«.4f»$ bits"
            " for Jensen–Shannon",
            [f_divergence(P3, Q3, f) for f in (F_KL, F_REVERSE, F_JS)],
        ),
        claim(
            "a total variation of $«.1f»$ and a $\\chi^2$ divergence of $«.3f»$",
            [f_divergence(P3, Q3, F_TV), f_divergence(P3, Q3, F_CHI2)],
        ),
        claim(
            r"$«.1f» \le «.3f»$",
            [f_divergence(P3, Q3, F_TV), math.sqrt(ke.kl_divergence(P3, Q3, base=E) / 2)],
        ),
    ]


def mle_claims() -> list[Claim]:
    freq = [0.7, 0.3]
    return [
        claim("a coin with heads probability «g»", [freq[0]]),
        claim("is $«g»$ bit per toss", [-ke.cross_entropy(freq, [0.5, 0.5])]),
        claim(
            r"$\theta = «g»$ it is $-H(\hat{P}) = «.3f»$ bits per toss",
            [freq[0], -ke.entropy(freq)],
        ),
        claim(
            r"$D_{\mathrm{KL}}\big(\mathrm{Bern}(«g»)\|\mathrm{Bern}(«g»)\big) = «.3f»$ bits",
            [freq[0], 0.5, ke.bernoulli_kl(freq[0], 0.5)],
        ),
        claim("the maximum-likelihood estimate is $«g»$", [freq[0]]),
        claim(r"humps sit at $\pm «g»$ with standard deviation $«g»$", [SEP / 2, WIDTH]),
    ]


def bernoulli_fisher(theta: float, h: float = 1e-4) -> float:
    """Fisher information as the curvature of the engine's Bernoulli KL (nats)."""
    return (
        ke.bernoulli_kl(theta, theta + h, base=E) + ke.bernoulli_kl(theta, theta - h, base=E)
    ) / h**2


def fisher_claims() -> list[Claim]:
    step = 0.05
    i_half, i_edge = bernoulli_fisher(0.5), bernoulli_fisher(0.9)
    return [
        claim(
            r"which is $«g»$ at $\theta = «g»$ and $«.1f»$ at $\theta = «g»$",
            [i_half, 0.5, i_edge, 0.9],
        ),
        claim(
            r"For the fair coin and $\delta = «g»$ the approximation gives $«.3f»$ nats and the"
            r" exact divergence is $«.5f»$ nats",
            [step, i_half * step**2 / 2, ke.bernoulli_kl(0.5, 0.5 + step, base=E)],
        ),
        claim(
            r"For the coin at $\theta = «g»$ the same step gives $«.4f»$ nats by the"
            r" approximation but $«.4f»$ nats exactly",
            [0.9, i_edge * step**2 / 2, ke.bernoulli_kl(0.9, 0.9 + step, base=E)],
        ),
        claim("standard deviation below $«.2f»$", [math.sqrt(1 / (100 * i_half))]),
    ]


def aic_claims() -> list[Claim]:
    n = 100
    fair = -n * ke.entropy([0.5, 0.5], base=E)
    free = -n * ke.entropy([0.62, 0.38], base=E)
    aic_fair, aic_free = -2 * fair, 2 - 2 * free

    def gain(heads: int) -> float:
        return 2 * n * ke.bernoulli_kl(heads / n, 0.5, base=E) - 2

    # The page's "the AIC difference is 2n D - 2".
    assert gain(62) == pytest.approx(aic_fair - aic_free, rel=1e-12)

    return [
        claim(
            r"$\ln\hat{L} = 100\ln\tfrac12 = «.2f»$, so $\mathrm{AIC} = «.2f»$", [fair, aic_fair]
        ),
        claim(r"the fit is $\hat\theta = «g»$", [0.62]),
        claim(
            r"$\ln\hat{L} = «.2f»$, and $\mathrm{AIC} = 2 + «.2f» = «.2f»$",
            [free, -2 * free, aic_free],
        ),
        claim("The free model wins by $«.2f»$", [aic_fair - aic_free]),
        claim(r"\mathrm{Bern}(«g»)\|\mathrm{Bern}(«g»)", [0.62, 0.5]),
        claim("the same difference is $«.2f»$", [gain(56)]),
    ]


def stein_claims() -> list[Claim]:
    fair, biased, n = 0.5, 0.9, 20
    d = ke.bernoulli_kl(fair, biased)
    return [
        claim(
            "heads with probability «g») or biased ($Q$, heads with probability «g»)",
            [fair, biased],
        ),
        claim(r"$D_{\mathrm{KL}}(P\|Q) = «.3f»$ bits per toss. After $«g»$", [d, n]),
        claim("misses of order $2^{«.2f»}$", [-n * d]),
        claim(r"$D_{\mathrm{KL}}(Q\|P) = «.3f»$ bits per toss", [ke.bernoulli_kl(biased, fair)]),
        claim(
            "a head counts $«.3f»$ bits and a tail $«.3f»$ bits: a tail",
            [fair * math.log2(fair / biased), (1 - fair) * math.log2((1 - fair) / (1 - biased))],
        ),
        claim(
            "a head counts $«.3f»$ bits and a tail $«.3f»$ bits. Each pair",
            [
                biased * math.log2(biased / fair),
                (1 - biased) * math.log2((1 - biased) / (1 - fair)),
            ],
        ),
    ]


CLAIMS = {
    "kl-divergence": kl_claims,
    "shannon-entropy": shannon_claims,
    "joint-and-conditional-entropy": joint_claims,
    "mutual-information": mutual_information_claims,
    "jensens-inequality": jensen_claims,
    "source-coding-theorem": source_coding_claims,
    "cross-entropy-loss": cross_entropy_loss_claims,
    "jensen-shannon-divergence": jensen_shannon_claims,
    "f-divergences": f_divergence_claims,
    "maximum-likelihood-as-kl-minimization": mle_claims,
    "fisher-information": fisher_claims,
    "akaike-information-criterion": aic_claims,
    "chernoff-stein-lemma": stein_claims,
}


# ---------------------------------------------------------------------------- fixtures


def explainer_files() -> list[str]:
    return sorted(p.stem for p in c.EXPLAINER_DIR.glob("*.md"))


def explainer(slug: str) -> str:
    return (c.EXPLAINER_DIR / f"{slug}.md").read_text(encoding="utf-8")


@cache
def core_ideas() -> dict[str, str]:
    return {s.slug: s.core_idea for s in c.load()}


# ------------------------------------------------------------------------------- tests


def test_the_four_explainers_exist_and_belong_to_topics():
    files = explainer_files()
    assert set(EXPLAINED) <= set(files)
    assert set(files) <= set(core_ideas()), "an explainer whose slug is not a topic"


@pytest.mark.parametrize("slug", explainer_files())
def test_every_stated_number_is_computed_by_the_engine(slug):
    every = CLAIMS | registered_claims()
    claims = every[slug]() if slug in every else []
    assert number_problems(explainer(slug), claims) == []
    assert equation_problems(explainer(slug)) == []


@pytest.mark.parametrize("slug", EXPLAINED)
def test_core_ideas_state_no_uncomputed_numbers(slug):
    assert number_problems(core_ideas()[slug], []) == []


def test_the_checker_catches_an_edited_a_new_and_a_moved_number():
    text, claims = explainer("kl-divergence"), kl_claims()
    edited = text.replace(
        r"0.1 \cdot (-2) = 0.4 \text{ bits}", r"0.1 \cdot (-2) = 0.5 \text{ bits}"
    )
    added = text.replace(
        "Single terms can be negative", "Single terms (here 0.2 bits) can be negative"
    )
    inputs = text.replace("$Q = (0.3, 0.3, 0.4)$", "$Q = (0.3, 0.2, 0.5)$")
    assert edited != text and added != text and inputs != text
    for changed, number in ((edited, "'0.5'"), (added, "'0.2'"), (inputs, "'0.5'")):
        found = number_problems(changed, claims)
        assert any(number in f for f in found), found
    # A whole number with a unit is a claim too.
    unit = text.replace("a divergence of $0.72$ bits", "a divergence of $1$ bit")
    assert any("'1'" in f for f in number_problems(unit, claims))


@pytest.mark.parametrize("slug", explainer_files())
def test_plot_shortcodes_are_the_examples_plotted(slug):
    text = explainer(slug)
    lines = [m.group().strip() for m in _SHORTCODE.finditer(text)]
    assert sorted(lines) == sorted(plots().get(slug, []))
    for line in lines:
        name, raw = parse_shortcode(line[len("[[plot:") : -2])
        assert plot_kinds.parse(name, raw).name == name  # a valid plot: no error shown
        args = {key: values[0] for key, values in raw.items()}
        for key in ("p", "q") if name in PLOT_NAMES else ():  # distributions
            if key in args:
                v = np.array([float(s) for s in args[key].split(",")])
                assert (v > 0).all() and abs(v.sum() - 1) < 1e-9, (line, key)


def test_the_kl_explainer_places_all_four_plots():
    names = {line.split()[0][len("[[plot:") :] for line in plots()["kl-divergence"]}
    assert names == PLOT_NAMES


def formulas(text: str) -> list[tuple[str, bool]]:
    return [
        (m.group(1) if m.group(1) is not None else m.group(2), m.group(1) is not None)
        for m in _MATH.finditer(_SHORTCODE.sub("", text))
    ]


@pytest.mark.parametrize(
    "slug,text",
    [(s, explainer(s)) for s in explainer_files()] + [(s, core_ideas()[s]) for s in EXPLAINED],
    ids=[f"{s}.md" for s in explainer_files()] + [f"{s}:core_idea" for s in EXPLAINED],
)
def test_every_formula_converts_to_mathml(slug, text):
    found = formulas(text)
    assert found, "no formulas found"
    for latex, display in found:
        html = math_to_html(latex, display=display)
        assert "math-error" not in html, latex
        root = ET.fromstring(html)  # well-formed: no bare "&" from an unsupported environment
        leaked = [t for t in root.itertext() if "\\" in t]
        assert not leaked, f"{latex!r}: LaTeX left as text {leaked}"  # unknown commands


@pytest.mark.parametrize("slug", explainer_files())
def test_rendered_explainer_has_every_formula_typeset(slug):
    text = explainer(slug)
    html = render_markdown(text)
    assert "math-error" not in html and "MATHTOKEN" not in html
    assert html.count("<math ") == len(formulas(text))
    outside = re.sub(r"<math .*?</math>", "", html, flags=re.S)
    assert "$" not in outside and "\\" not in outside


def test_kl_explainer_states_the_naming_convention_and_warns():
    text = squash(explainer("kl-divergence"))
    raw = explainer("kl-divergence")
    warning = " ".join(line[1:].strip() for line in raw.splitlines() if line.startswith(">"))
    assert re.search(r"sources disagree", warning, re.I)
    assert re.search(r"call \$D_\{\\mathrm\{KL\}\}\(q\\\|p\)\$ the \"forward\" KL", warning)
    forward = re.search(
        r"\*forward KL\* is \$D_\{\\mathrm\{KL\}\}\(p\\\|q\)\$, with \$p\$ the data or true"
        r" distribution and \$q\$ the approximation; it is \*inclusive\* and \*mass-covering\*",
        squash(warning),
    )
    reverse = re.search(
        r"\*Reverse KL\* is \$D_\{\\mathrm\{KL\}\}\(q\\\|p\)\$; it is \*exclusive\* and"
        r" \*mode-seeking\*",
        squash(warning),
    )
    assert forward and reverse, warning
    # The worked example uses the same directions as the convention and the engine.
    assert r"**Forward, $D_{\mathrm{KL}}(p\|q)$.**" in text
    assert r"**Reverse, $D_{\mathrm{KL}}(q\|p)$.**" in text


def test_forward_and_reverse_numbers_are_the_divergences_the_page_names():
    """The engine's "forward" fit minimises D(p‖q) and "reverse" D(q‖p), as the page says:
    recompute both on the grid with the plain discrete divergence."""
    x, dens, logp = mixture(SEP, WIDTH)
    fwd = ke.fit_gaussian(x, dens, direction="forward", log_p_density=logp)
    rev = ke.fit_gaussian(x, dens, direction="reverse", log_p_density=logp)
    p = dens / dens.sum()

    def q(fit):
        g = ke.gaussian_pdf(x, fit.mu, fit.sigma)
        return g / g.sum()

    assert ke.kl_divergence(p, q(fwd)) == pytest.approx(fwd.kl, abs=1e-3)
    assert ke.kl_divergence(q(rev), p) == pytest.approx(rev.kl, abs=1e-3)
    # Each fit is the better one in its own direction.
    assert ke.kl_divergence(p, q(fwd)) < ke.kl_divergence(p, q(rev))
    assert ke.kl_divergence(q(rev), p) < ke.kl_divergence(q(fwd), p)
    assert fwd.sigma == pytest.approx(math.hypot(WIDTH, SEP / 2), rel=1e-3)


GAUSS_P, GAUSS_Q = (0.0, 1.0), (1.0, 2.0)  # the KL explainer's two normals (mean, sd)


def test_cauchy_against_a_normal_is_infinite_one_way_only():
    """The KL explainer: D(Cauchy || N(0, 1)) diverges, D(N(0, 1) || Cauchy) does not."""
    cauchy, normal = scipy.stats.cauchy(), scipy.stats.norm()

    def partial(p, q, limit):
        def integrand(x):
            return p.pdf(x) * (p.logpdf(x) - q.logpdf(x))

        return scipy.integrate.quad(integrand, -limit, limit, limit=400, points=[0])[0]

    growing = [partial(cauchy, normal, r) for r in (10, 100, 1000)]
    assert growing[0] < growing[1] < growing[2] and growing[2] > 50  # grows like r / pi
    settled = [partial(normal, cauchy, r) for r in (10, 100)]
    assert settled[0] == pytest.approx(settled[1]) and settled[1] < 1


def test_invertible_maps_keep_the_divergence_and_merging_lowers_it():
    """The KL explainer: metres to centimetres (or a log) leaves KL alone; a merge lowers it."""
    exact = ke.gaussian_kl(*GAUSS_P, *GAUSS_Q, base=E)
    scaled = ke.gaussian_kl(100 * GAUSS_P[0], 100 * GAUSS_P[1], 100 * GAUSS_Q[0], 100 * GAUSS_Q[1])
    assert scaled * math.log(2) == pytest.approx(exact)
    merged = ke.kl_divergence([P3[0] + P3[1], P3[2]], [Q3[0] + Q3[1], Q3[2]])
    assert merged < ke.kl_divergence(P3, Q3)
    # ... but not always strictly: merging outcomes with the same ratio p/q keeps it, so
    # the lesson says a merge can never raise it, not that it lowers it
    p, q = np.array([0.2, 0.2, 0.6]), np.array([0.1, 0.1, 0.8])
    assert ke.kl_divergence([0.4, 0.6], [0.2, 0.8]) == pytest.approx(ke.kl_divergence(p, q))
    assert "A map that merges values can never raise it." in squash(explainer("kl-divergence"))


def test_qualitative_claims_hold():
    # KL explainer: symbol C is cheaper under the wrong code; the average is still positive.
    assert surprisal(Q3, 2) < surprisal(P3, 2) and ke.kl_divergence(P3, Q3) > 0
    # Mutual information: (rain, umbrella) gives the largest contribution to the divergence.
    prod = np.outer(UMBRELLA.sum(axis=1), UMBRELLA.sum(axis=0))
    terms = UMBRELLA * np.log2(UMBRELLA / prod)
    assert np.unravel_index(terms.argmax(), terms.shape) == (1, 1)
    assert terms.sum() == pytest.approx(umbrella()["I"], rel=1e-12)
    # Y = X² has zero covariance with X yet I(X;Y) = H(Y).
    xs, ys = np.array([-1.0, 0.0, 1.0]), np.array([-1.0, 0.0, 1.0]) ** 2
    assert np.mean(xs * ys) - xs.mean() * ys.mean() == 0
    square = np.array([[0, 1], [1, 0], [0, 1]]) / 3
    assert ke.mutual_information(square) == pytest.approx(ke.entropy([1 / 3, 2 / 3]))
    # The binary symmetric channel's capacity is reached by the uniform input.
    a = np.linspace(0.0, 1.0, 2001)
    bsc = np.stack(
        [np.stack([a * 0.9, a * 0.1], -1), np.stack([(1 - a) * 0.1, (1 - a) * 0.9], -1)], -2
    )
    assert a[ke.mutual_information(bsc).argmax()] == pytest.approx(0.5)
    # Rain raises the uncertainty about the umbrella; the average still falls.
    rain = UMBRELLA[1] / UMBRELLA[1].sum()
    assert ke.entropy(rain) > umbrella()["HY"] > umbrella()["HY|X"]
    # Chernoff information lies below both KL divergences (Chernoff-Stein page).
    lam = np.linspace(0, 1, 1001)[:, None]
    coins = np.array([[0.5, 0.5], [0.9, 0.1]])
    chernoff = (-np.log2((coins[0] ** lam * coins[1] ** (1 - lam)).sum(axis=1))).max()
    assert 0 < chernoff < min(ke.bernoulli_kl(0.5, 0.9), ke.bernoulli_kl(0.9, 0.5))
    # The generic f-divergence used for the f-divergences page agrees with the engine.
    assert f_divergence(P3, Q3, F_KL) == pytest.approx(ke.kl_divergence(P3, Q3), rel=1e-12)
    assert f_divergence(P3, Q3, F_REVERSE) == pytest.approx(ke.kl_divergence(Q3, P3), rel=1e-12)
    assert f_divergence(P3, Q3, F_JS) == pytest.approx(ke.js_divergence(P3, Q3), rel=1e-12)
    # Gibbs: H ≤ log2 n with the gap D(P‖U).
    assert math.log2(4) - ke.entropy(DYADIC) == pytest.approx(ke.kl_divergence(DYADIC, UNIFORM4))


def test_kl_explainer_covers_the_issue_list():
    text = squash(explainer("kl-divergence"))
    for needle in (
        "nats",
        "extra bits per symbol",
        "Asymmetry",
        "Forward and reverse KL",
        "Gibbs' inequality",
        "minimum average code length",
        "Mutual information is a KL divergence",
        r"H(P, Q) = H(P) + D_{\mathrm{KL}}(P\|Q)",
        "Cross-entropy loss",
        "ELBO",
        "GAN",
    ):
        assert needle in text, needle


@pytest.mark.django_db
def test_topic_page_shows_the_explainer_typeset(client, curriculum):
    html = client.get(reverse("topic_detail", args=["kl-divergence"])).content.decode()
    section = html[html.index('<section class="explainer"') :]
    section = section[: section.index("</section>")]
    assert section.count("<math ") >= len(formulas(explainer("kl-divergence")))
    assert "math-error" not in html
    assert "Sources disagree about the names." in section
