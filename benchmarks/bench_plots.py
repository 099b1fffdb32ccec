"""Benchmark the explainer's plots (run: .venv/bin/python benchmarks/bench_plots.py).

For each plot (the KL plots with their default parameters, the school and calculus kinds
with the richer settings of :data:`SETTINGS`, as a lesson would use them), times

* cold: an empty cache, so the engine computes the numbers and matplotlib draws the SVG
  (``plots.plot_svg``, which also stores both in the cache), split into the numbers and
  the drawing;
* cached: the same call with both in the cache, and the whole ``GET /plots/<name>.svg``
  through Django's test client;

against two references drawn in the same run with the same SVG settings: an empty
``Figure`` of the same size, and the same ``Figure`` with one empty ``Axes`` (matplotlib's
fixed cost of an axes: ticks, spines, labels). Best of N wall times. Also shows what
drawing text as glyph paths (``svg.fonttype = "path"``) instead of SVG text would cost.
Aims: cold within 3x the reference, cached under 5 ms. Timings are reported, never fatal;
the script exits non-zero only if a render is not deterministic.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

import matplotlib  # noqa: E402
from django.core.cache import caches  # noqa: E402
from django.test import Client  # noqa: E402
from matplotlib.backends.backend_svg import FigureCanvasSVG  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from benchmarks.timing import best_of  # noqa: E402
from practice import plots  # noqa: E402

REPEAT = 15
cache = caches["plots"]  # where plots are kept (not the pages' default cache)
# The school and calculus kinds, set as a lesson would: marks and a jump, two bars added,
# a tangent, many rectangles, a shaded area. Kinds not listed use their defaults.
SETTINGS = {
    "number-line": "start=-10 end=10 show=jump a=-3 b=5 marks=1/2,-4.5,7",
    "fraction-bar": "n1=4 k1=3 n2=6 k2=5 mode=add",
    "function": "family=quadratic a=1 b=-2 c=-3 mark=tangent x0=2",
    "riemann": "family=square a=0 b=2 n=20 rule=midpoint",
    "normal": "shade=between a=-1 b=2",
    "unit-circle": "angle=3/4 unit=pi",
    "binary-entropy": "p=0.11",
    "bars": "family=poisson lam=12 kmin=0 kmax=59 mark=mean",
    "vectors": "u=3,1 v=-1,2 w=2,-3 show=angle",
}
COLD_AIM = 3.0
CACHED_AIM_MS = 5.0


def reference_svg(size: tuple[float, float], *, axes: bool) -> bytes:
    """An empty figure (optionally with one empty Axes) saved as plots.render_svg does."""
    fig = Figure(figsize=size, dpi=72, facecolor="white")
    canvas = FigureCanvasSVG(fig)
    if axes:
        fig.add_axes((0.07, 0.15, 0.9, 0.7))
    buf = io.StringIO()
    canvas.print_svg(buf, metadata={"Date": None})
    return buf.getvalue().encode()


def main() -> int:
    client = Client()
    ok = True
    rows = []
    refs = {}
    for name, kind in plots.PLOTS.items():
        spec = plots.parse(*plots.parse_shortcode(f"{name} {SETTINGS.get(name, '')}"))
        key = kind.size
        if key not in refs:
            refs[key] = (
                best_of(lambda s=key: reference_svg(s, axes=False), REPEAT).best,
                best_of(lambda s=key: reference_svg(s, axes=True), REPEAT).best,
            )
        bare, one_axes = refs[key]

        cold = best_of(lambda s=spec: plots.plot_svg(s), REPEAT, before=cache.clear).best
        numbers = best_of(lambda s=spec: s.kind.compute(s.args), REPEAT).best
        data = spec.kind.compute(spec.args)
        draw = best_of(lambda s=spec, d=data: plots.render_svg(s, d), REPEAT).best
        matplotlib.rcParams["svg.fonttype"] = "path"
        draw_path = best_of(lambda s=spec, d=data: plots.render_svg(s, d), REPEAT).best
        size_path = len(plots.render_svg(spec, data))
        matplotlib.rcParams["svg.fonttype"] = plots.SVG_FONTTYPE

        svg = plots.plot_svg(spec)
        cached = best_of(lambda s=spec: plots.plot_svg(s), REPEAT).best
        url = spec.svg_url
        response = client.get(url)
        assert response.status_code == 200 and response.content == svg
        cached_http = best_of(lambda u=url: client.get(u), REPEAT).best
        if plots.render_svg(spec, data) != svg:
            print(f"{name}: NOT DETERMINISTIC")
            ok = False
        rows.append(
            (
                name,
                bare,
                one_axes,
                cold,
                numbers,
                draw,
                draw_path,
                cached,
                cached_http,
                svg,
                size_path,
            )
        )

    print(
        f"best of {REPEAT}; matplotlib {matplotlib.__version__}; cache {cache.__class__.__name__}"
    )
    print()
    print("references (same size, same SVG settings):")
    for size, (bare, one_axes) in refs.items():
        print(
            f"  {size[0]:g}x{size[1]:g} in: empty Figure {bare * 1e3:6.2f} ms, "
            f"Figure with one empty Axes {one_axes * 1e3:6.2f} ms"
        )
    print()
    head = (
        f"{'plot':<16} {'cold':>8} {'numbers':>8} {'drawing':>8} {'cold/ref':>9} "
        f"{'cold/empty':>10} {'cached':>8} {'HTTP hit':>9} {'SVG':>7} {'as paths':>14}"
    )
    print(head)
    print("-" * len(head))
    for name, bare, one_axes, cold, numbers, draw, draw_path, cached, http, svg, size_path in rows:
        ratio = cold / one_axes
        flags = []
        if ratio > COLD_AIM:
            flags.append(f"cold > {COLD_AIM:g}x ref")
        if http * 1e3 > CACHED_AIM_MS:
            flags.append(f"cached > {CACHED_AIM_MS:g} ms")
        print(
            f"{name:<16} {cold * 1e3:6.1f}ms {numbers * 1e3:6.1f}ms {draw * 1e3:6.1f}ms "
            f"{ratio:8.2f}x {cold / bare:9.0f}x {cached * 1e3:6.3f}ms {http * 1e3:7.2f}ms "
            f"{len(svg) / 1024:5.1f}kB {draw_path * 1e3:6.1f}ms {size_path / 1024:4.0f}kB"
            + ("  <-- " + ", ".join(flags) if flags else "")
        )
    print()
    print(
        "cold/ref: cold render over the Figure with one empty Axes (aim <= "
        f"{COLD_AIM:g}x); cold/empty: over the empty Figure, whose SVG is only a header and a"
    )
    print(
        "background rectangle. 'as paths': drawing time and size with svg.fonttype = 'path'."
        f" Aim for a cached answer: under {CACHED_AIM_MS:g} ms."
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
