"""The explainer's plots: drawn on the server from the KL engine's numbers, driven by the student.

Each plot is placed in an explainer by a line of its own (a *shortcode*)::

    [[plot:divergence p=0.5,0.3,0.2 q=0.2,0.3,0.5]]
    [[plot:forward-reverse sep=5 width=0.8]]
    [[plot:cross-entropy p=0.5,0.3,0.2 q=0.2,0.3,0.5]]
    [[plot:code-lengths p=0.5,0.3,0.2 q=0.2,0.3,0.5]]

and seven general kinds for the school and calculus lessons (``number-line``,
``fraction-bar``, ``function``, ``riemann``, ``normal``, ``unit-circle``,
``binary-entropy``, and ``bars`` and ``vectors``; their parameters are listed in the
README and in :mod:`~practice.plots.kinds`, their numbers in
:mod:`~practice.plots.school_numbers` and :mod:`~practice.plots.pmf_numbers`).

and served at ``/plots/<name>/?<params>`` (the plot with its numbers and controls: an htmx
fragment, or a whole page without JavaScript) and ``/plots/<name>.svg?<params>`` (the
image). Omitted parameters take the defaults of :data:`PLOTS`.

Parameters
----------
``p``, ``q``
    Distributions over the same 2–8 outcomes, comma-separated (or one value per repeated
    key, as a form sends them). Each value is a plain decimal number of at most 10
    characters in [0, 1]; each distribution sums to 1 within 1e-6. Each value is then
    rounded to the controls' precision (:data:`PROBABILITY_STEP`, 0.001) and the
    distribution divided by its sum, so the engine sees an exact distribution.
``sep``, ``width``
    The mixture ``p = ½N(−sep/2, width²) + ½N(sep/2, width²)``; 0 <= sep <= 10 and
    0.2 <= width <= 2.5, each rounded to its slider's step (0.1 and 0.05).

Anything else (an unknown plot or parameter, a value out of range, NaN or inf, a
distribution that does not sum to 1, too many outcomes) raises :class:`PlotError`, whose
message names the parameter and the reason; nothing is computed, drawn or cached for it.

Zeros
-----
A probability may be 0. Where ``q(x) = 0 < p(x)`` the divergence ``D(P‖Q)`` is infinite
(Q's code has no codeword for an outcome that happens), and so are that outcome's code
length and the cross-entropy. The plots show such values as ∞, drawn to the top of the
axes and explained in a note; outcomes with ``p(x) = 0`` contribute 0 (``0·log 0 = 0``).

Numbers
-------
Every number comes from :mod:`practice.kl_engine`, in bits. The code length of outcome
``x`` under ``q``, ``−log₂ q(x)``, is the engine's cross-entropy of the point mass at
``x`` against ``q``; the contribution of ``x`` to ``D(P‖Q)`` is ``p(x)`` times the extra
bits ``−log₂ q(x) − (−log₂ p(x))``, and these add up to the engine's ``kl_divergence``.

Rendering, determinism and caching
----------------------------------
Figures use matplotlib's object-oriented API (:class:`~matplotlib.figure.Figure` with
an explicit :class:`~matplotlib.backends.backend_svg.FigureCanvasSVG`): no pyplot and no
backend switching, so renders in several threads share no state. Axes are placed at fixed
positions (no layout engine), ``svg.hashsalt`` is fixed and the date left out, so the
same parameters give byte-identical SVG. The only global state touched is those two SVG
settings, set once when this module is imported.

The numbers (:class:`PlotData`) and the SVG are cached separately in the ``"plots"``
cache (shared between processes when the cache is Redis; bounded by its own lifetime,
``settings.PLOT_CACHE_SECONDS``, and in local memory by ``PLOT_CACHE_ENTRIES``), keyed
by the plot name and its normalised parameters, so ``p=0.50,0.5``, ``p=.5,.5`` and
``p=0.5002,0.4998`` are one entry. The ETag is the same key: a deterministic
render makes it a strong validator without rendering anything.

Modules: :mod:`~practice.plots.params` (reading and normalising parameters),
:mod:`~practice.plots.numbers` (what each plot shows), :mod:`~practice.plots.drawing`,
:mod:`~practice.plots.kinds` (the plots), :mod:`~practice.plots.render` (SVG and the
cache) and :mod:`~practice.plots.blocks` (a plot with its controls, as a page shows it).
"""

from practice.plots.blocks import plot_block, render_shortcode
from practice.plots.kinds import PLOTS, kind_for, parse, parse_shortcode
from practice.plots.numbers import PlotData, compute_forward_reverse, fit_grid
from practice.plots.params import PlotError, PlotSpec
from practice.plots.render import SVG_FONTTYPE, plot_data, plot_svg, render_svg

__all__ = [
    "PLOTS",
    "SVG_FONTTYPE",
    "PlotData",
    "PlotError",
    "PlotSpec",
    "compute_forward_reverse",
    "fit_grid",
    "kind_for",
    "parse",
    "parse_shortcode",
    "plot_block",
    "plot_data",
    "plot_svg",
    "render_shortcode",
    "render_svg",
]
