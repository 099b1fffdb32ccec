"""The explainer's plots: validation, numbers, determinism, threads, caching, the views and
the shortcode inside a topic page."""

from __future__ import annotations

import dataclasses
import hashlib
import html
import math
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pytest
from django.conf import settings
from django.core.cache import caches
from django.urls import reverse

from knowledge_graph.models import Topic
from practice import kl_engine, plots
from practice.plots import render as plot_render
from tests.knowledge_graph.factories import make_graph

ROOT = Path(__file__).resolve().parents[2]
cache = caches["plots"]  # where plots are kept


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def spies(monkeypatch):
    """Count engine computations, SVG renders and cache writes."""
    calls = {"data": 0, "svg": 0, "cache_set": 0}

    def counting(key, fn):
        def wrapper(*args, **kwargs):
            calls[key] += 1
            return fn(*args, **kwargs)

        return wrapper

    for name, kind in list(plots.PLOTS.items()):
        monkeypatch.setitem(
            plots.PLOTS, name, dataclasses.replace(kind, compute=counting("data", kind.compute))
        )
    monkeypatch.setattr(plot_render, "render_svg", counting("svg", plots.render_svg))
    monkeypatch.setattr(cache, "set", counting("cache_set", cache.set))
    return calls


def page_text(response) -> str:
    body = response.content.decode()
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))


def normalised(values: str) -> np.ndarray:
    v = np.array([float(x) for x in values.split(",")])
    return v / v.sum()


def data_values(response, label: str) -> float:
    """The exact number behind a total (``<dt>label</dt><dd data-value=...>``)."""
    body = response.content.decode()
    m = re.search(rf"<dt>{re.escape(html.escape(label))}</dt><dd data-value=\"([^\"]+)\"", body)
    assert m, f"no total {label!r} in the page"
    return float(m.group(1))


# ----------------------------------------------------------------------------- validation

BAD = [
    # (plot, query, parameter, words the message must contain)
    ("forward-reverse", "sep=12", "sep", "out of range"),
    ("forward-reverse", "width=0.1", "width", "out of range"),
    ("forward-reverse", "sep=-1", "sep", "out of range"),
    ("forward-reverse", "sep=nan", "sep", "not a finite number"),
    ("forward-reverse", "width=inf", "width", "not a finite number"),
    ("forward-reverse", "sep=1e999", "sep", "not a finite number"),
    ("forward-reverse", "sep=1&sep=2", "sep", "given 2 times"),
    ("forward-reverse", "sep=", "sep", "is empty"),
    ("divergence", "p=nan,0.5,0.5", "p", "not a finite number"),
    ("divergence", "q=0.5,-inf,0.5", "q", "not a finite number"),
    ("divergence", "p=-0.1,0.6,0.5", "p", "negative"),
    ("divergence", "p=1.5,0,0", "p", "above 1"),
    ("divergence", "p=0.5,0.6,0.2", "p", "sums to 1.3, not 1"),
    ("cross-entropy", "q=0.2,0.2,0.2", "q", "sums to 0.6, not 1"),
    ("code-lengths", "p=0,0,0", "p", "sums to 0, not 1"),
    ("divergence", "p=" + ",".join(["0.1"] * 9) + "&q=" + ",".join(["0.1"] * 9), "p", "too many"),
    ("divergence", "p=1&q=1", "p", "too few"),
    ("divergence", "p=0.5,abc,0.5", "p", "not a number"),
    ("divergence", "p=0x1p-1,0.5", "p", "not a number"),
    ("divergence", "p=1_0,0", "p", "not a number"),
    ("divergence", "p=0.50000000001,0.5", "p", "too long"),
    ("divergence", "p=0.5,0.5&q=0.2,0.3,0.5", "q", "same outcomes"),
    ("divergence", "r=0.5,0.5", "r", "unknown parameter"),
    ("divergence", "p=%3Cscript%3Ealert(1)%3C/script%3E", "p", "too long"),
    ("divergence", "p=%3Cb%3E,0.5", "p", "not a number"),
    ("divergence", "p=1;DROP%20TABLE%20knowledge_graph_topic;--", "p", "too long"),
    ("divergence", "p=1;--,0", "p", "not a number"),
    ("divergence", "p=0.5,0.5'%20OR%20'1'='1", "p", "too long"),
    ("divergence", "p=0.5,'OR'1'='1", "p", "not a number"),
    ("divergence", "p=" + "9" * 5000, "p", "too long"),
    ("no-such-plot", "p=0.5,0.5", "", "unknown plot"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "query", "param", "words"), BAD)
def test_bad_parameters_get_400_naming_the_parameter_and_nothing_is_drawn(
    client, spies, name, query, param, words
):
    topics_before = Topic.objects.count()
    for view, htmx in (("plot_page", False), ("plot_page", True), ("plot_svg", False)):
        url = f"{reverse(view, args=[name])}?{query}"
        response = client.get(url, headers={"HX-Request": "true"} if htmx else {})
        assert response.status_code == 400, (view, url)
        text = page_text(response) if view == "plot_page" else response.content.decode()
        assert words in text, (view, text[:600])
        if param:
            assert re.search(rf"\b{re.escape(param)}\b", text), (view, text[:600])
        body = response.content.decode()
        assert "<svg" not in body and 'data-testid="plot-image"' not in body
        if view == "plot_svg":  # plain text, never sniffed as HTML
            assert response["Content-Type"] == "text/plain; charset=utf-8"
            assert response["X-Content-Type-Options"] == "nosniff"
            assert "ETag" not in response
        else:
            assert "<script>alert" not in body and "<b>," not in body
    assert spies == {"svg": 0, "data": 0, "cache_set": 0}
    assert Topic.objects.count() == topics_before


@pytest.mark.django_db
def test_the_400_page_keeps_what_the_student_typed_so_it_can_be_corrected(client):
    response = client.get(reverse("plot_page", args=["divergence"]) + "?p=0.5,0.6,0.2")
    assert response.status_code == 400
    body = response.content.decode()
    assert body.count('name="p"') == 3
    assert 'value="0.6"' in body and 'aria-invalid="true"' in body
    assert '<form class="plot-controls" action="/plots/divergence/" method="get"' in body


def test_parse_collects_one_message_per_bad_parameter():
    with pytest.raises(plots.PlotError) as info:
        plots.parse("divergence", {"p": ["0.5,0.6"], "q": ["x,1"], "z": ["1"]})
    assert set(info.value.errors) == {"p", "q", "z"}
    assert "p sums to 1.1, not 1" in str(info.value)
    assert "q value 1 ('x') is not a number" in str(info.value)


def test_many_unknown_parameters_make_one_short_message():
    with pytest.raises(plots.PlotError) as info:
        plots.parse("divergence", {k: ["1"] for k in "abcdef"})
    assert str(info.value) == (
        "unknown parameters 'a', 'b', 'c' and 3 more: the divergence plot takes p and q"
    )


def test_equivalent_spellings_are_one_plot():
    a = plots.parse("divergence", {"p": ["0.50,0.5"], "q": [".25,.75"]})
    b = plots.parse("divergence", {"p": ["0.5", "0.5"], "q": ["2.5e-1,0.75"]})
    assert a.query == b.query == "p=0.5,0.5&q=0.25,0.75"
    assert a.key == b.key and a.etag == b.etag
    c = plots.parse("divergence", {"p": ["0.5,0.5"], "q": ["0.75,0.25"]})
    assert c.key != a.key


def test_defaults_fill_in_omitted_parameters():
    spec = plots.parse("forward-reverse", {})
    assert spec.args == {"sep": 5.0, "width": 0.8}
    assert plots.parse("code-lengths", {"q": ["0.25,0.25,0.5"]}).args["p"] == (0.5, 0.3, 0.2)


# ----------------------------------------------------------------------------- numbers

P, Q = "0.6,0.3,0.1", "0.25,0.25,0.5"


@pytest.mark.django_db
def test_divergence_numbers_are_the_engines(client):
    response = client.get(reverse("plot_page", args=["divergence"]) + f"?p={P}&q={Q}")
    assert response.status_code == 200
    p, q = normalised(P), normalised(Q)
    d_pq, d_qp = kl_engine.kl_divergence(p, q), kl_engine.kl_divergence(q, p)
    assert data_values(response, "D(P‖Q)") == d_pq
    assert data_values(response, "D(Q‖P)") == d_qp
    assert d_pq != pytest.approx(d_qp)  # this P, Q shows the asymmetry

    data = plots.plot_data(plots.parse("divergence", {"p": [P], "q": [Q]}))
    # Each outcome's term p·log2(p/q), computed independently, and their sum is the engine's.
    expected = p * np.log2(p / q)
    assert np.allclose(data.series["c_pq"], expected, rtol=1e-13, atol=1e-15)
    assert math.fsum(data.series["c_pq"]) == pytest.approx(d_pq, rel=1e-12)
    assert math.fsum(data.series["c_qp"]) == pytest.approx(d_qp, rel=1e-12)
    # The text alternative (the image's alt) carries the same numbers.
    alt = html.unescape(re.search(r'alt="([^"]+)"', response.content.decode()).group(1))
    assert f"D(P‖Q) = {d_pq:.4f} bits" in alt and f"D(Q‖P) = {d_qp:.4f} bits" in alt
    for c in expected:
        assert f"{c:.4f}" in alt


@pytest.mark.django_db
def test_cross_entropy_is_entropy_plus_divergence(client):
    response = client.get(reverse("plot_page", args=["cross-entropy"]) + f"?p={P}&q={Q}")
    p, q = normalised(P), normalised(Q)
    h, d, hpq = kl_engine.entropy(p), kl_engine.kl_divergence(p, q), kl_engine.cross_entropy(p, q)
    assert data_values(response, "H(P)") == h
    assert data_values(response, "D(P‖Q)") == d
    assert data_values(response, "H(P, Q)") == hpq
    assert hpq == pytest.approx(h + d, rel=1e-12)
    text = page_text(response)
    assert f"H(P) {h:.4f} bits D(P‖Q) {d:.4f} bits H(P, Q) {hpq:.4f} bits" in text


@pytest.mark.django_db
def test_code_lengths_are_minus_log2_and_the_extra_bits_average_to_the_divergence(client):
    response = client.get(reverse("plot_page", args=["code-lengths"]) + f"?p={P}&q={Q}")
    p, q = normalised(P), normalised(Q)
    data = plots.plot_data(plots.parse("code-lengths", {"p": [P], "q": [Q]}))
    assert np.allclose(data.series["lp"], -np.log2(p), rtol=1e-14)
    assert np.allclose(data.series["lq"], -np.log2(q), rtol=1e-14)
    extra = data.series["extra"]
    assert float(p @ extra) == pytest.approx(kl_engine.kl_divergence(p, q), rel=1e-12)
    assert data_values(response, "H(P)") == kl_engine.entropy(p)
    assert data_values(response, "H(P, Q)") == kl_engine.cross_entropy(p, q)
    body = response.content.decode()
    for v in np.concatenate([-np.log2(p), -np.log2(q), extra]):
        assert f">{v:.4f}</td>" in body


@pytest.mark.django_db
def test_a_zero_where_the_other_is_positive_shows_infinity_with_a_reason(client):
    url = reverse("plot_page", args=["divergence"]) + "?p=0.5,0.5,0&q=0,0.5,0.5"
    response = client.get(url)
    assert response.status_code == 200
    assert data_values(response, "D(P‖Q)") == math.inf
    assert data_values(response, "D(Q‖P)") == math.inf
    text = page_text(response)
    assert "D(P‖Q) ∞ bits" in text
    assert "Q gives outcome 1 probability 0 where P does not, so D(P‖Q) = ∞" in text
    assert "P gives outcome 3 probability 0 where Q does not, so D(Q‖P) = ∞" in text
    svg = client.get(reverse("plot_svg", args=["divergence"]) + "?p=0.5,0.5,0&q=0,0.5,0.5")
    assert svg.status_code == 200 and "∞" in svg.content.decode()

    cl = client.get(reverse("plot_page", args=["code-lengths"]) + "?p=0.5,0.5,0&q=0,0.5,0.5")
    text = page_text(cl)
    assert "never occurs" in text and "H(P, Q) ∞ bits" in text


def test_forward_and_reverse_fits_for_the_issues_example():
    data = plots.compute_forward_reverse({"sep": 5.0, "width": 0.8})
    fmu, fsig, _ = data.series["fwd"]
    rmu, rsig, _ = data.series["rev"]
    assert abs(fmu) < 1e-9
    assert fsig == pytest.approx(math.sqrt(0.8**2 + 2.5**2), abs=1e-3)
    assert round(fsig, 2) == 2.62
    assert round(rsig, 2) == 0.81
    assert abs(rmu) == pytest.approx(2.5, abs=0.05)


def test_moving_the_modes_apart_changes_the_fits_as_the_engine_says():
    sep, width = 8.0, 0.6
    data = plots.compute_forward_reverse({"sep": sep, "width": width})
    x = plots.fit_grid(sep, width)
    w, mus, sigmas = [0.5, 0.5], [-sep / 2, sep / 2], [width, width]
    dens = kl_engine.gaussian_mixture_pdf(x, w, mus, sigmas)
    logd = kl_engine.gaussian_mixture_logpdf(x, w, mus, sigmas)
    for direction in ("forward", "reverse"):
        fit = kl_engine.fit_gaussian(x, dens, direction=direction, log_p_density=logd)
        assert data.series[direction[:3] if direction == "reverse" else "fwd"] == (
            fit.mu,
            fit.sigma,
            fit.kl,
        )
    assert data.series["fwd"][1] == pytest.approx(math.hypot(width, sep / 2), abs=1e-3)
    assert data.series["rev"][1] == pytest.approx(width, rel=0.05)


@pytest.mark.django_db
def test_forward_is_kl_p_q_mass_covering_and_reverse_is_kl_q_p_mode_seeking(client):
    response = client.get(reverse("plot_page", args=["forward-reverse"]))
    body = response.content.decode()
    rows = re.findall(r"<tr><th scope=\"row\">([^<]+)</th>(.*?)</tr>", body)
    assert [label for label, _ in rows] == [
        "forward: minimises KL(p‖q), mass-covering",
        "reverse: minimises KL(q‖p), mode-seeking",
    ]
    data = plots.compute_forward_reverse({"sep": 5.0, "width": 0.8})
    for (_, cells), key in zip(rows, ("fwd", "rev"), strict=True):
        exact = [float(v) for v in re.findall(r'data-value="([^"]+)"', cells)]
        assert exact == list(data.series[key])  # mu, sigma and the divergence it minimises
        assert f">{data.series[key][1]:.3f}</td>" in cells
    alt = html.unescape(re.search(r'alt="([^"]+)"', body).group(1))
    assert f"Forward fit (minimises KL(p‖q)): μ = 0.000, σ = {data.series['fwd'][1]:.3f}" in alt


# ----------------------------------------------------------------------------- rendering


ALL_SPECS = [
    ("divergence", {"p": [P], "q": [Q]}),
    ("divergence", {"p": ["0.5,0.5,0"], "q": ["0,0.5,0.5"]}),
    ("forward-reverse", {}),
    ("forward-reverse", {"sep": ["9.5"], "width": ["0.3"]}),
    ("cross-entropy", {"p": [P], "q": [Q]}),
    ("code-lengths", {"p": [",".join(["0.125"] * 8)], "q": ["0.3,0.1,0.1,0.1,0.1,0.1,0.1,0.1"]}),
]


def _svg(name, raw):
    spec = plots.parse(name, raw)
    return plots.render_svg(spec, spec.kind.compute(spec.args))


@pytest.mark.parametrize(("name", "raw"), ALL_SPECS)
def test_same_parameters_give_byte_identical_svg(name, raw):
    first, second = _svg(name, raw), _svg(name, raw)
    assert first == second
    svg = first.decode()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "<dc:date>" not in svg  # no timestamp
    assert "<title>" in svg and "<script" not in svg


def test_svg_is_identical_in_another_process():
    name, raw = ALL_SPECS[0]
    here = hashlib.sha256(_svg(name, raw)).hexdigest()
    code = (
        "import django, hashlib; django.setup()\n"
        "from practice import plots\n"
        f"s = plots.parse({name!r}, {raw!r})\n"
        "print(hashlib.sha256(plots.render_svg(s, s.kind.compute(s.args))).hexdigest())\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "PYTHONHASHSEED": "random"}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == here


def test_rendering_in_threads_matches_rendering_one_by_one():
    serial = [_svg(name, raw) for name, raw in ALL_SPECS]
    jobs = ALL_SPECS * 3
    with ThreadPoolExecutor(max_workers=6) as pool:
        threaded = list(pool.map(lambda job: _svg(*job), jobs))
    assert threaded == serial * 3


def test_the_text_of_the_svg_needs_no_font_download():
    svg = _svg(*ALL_SPECS[0]).decode()
    assert "@font-face" not in svg and "url(" not in svg.replace("url(#", "")
    assert "http" not in re.sub(
        r"https?://(www\.w3\.org|purl\.org|creativecommons|"
        r"matplotlib\.org)[^\"'<\s]*",
        "",
        svg,
    )


# ----------------------------------------------------------------------------- views


@pytest.mark.django_db
def test_svg_has_caching_headers_and_answers_304(client, spies):
    url = reverse("plot_svg", args=["divergence"]) + f"?p={P}&q={Q}"
    first = client.get(url)
    assert first.status_code == 200
    assert first["Content-Type"] == "image/svg+xml"
    assert first.content.startswith(b"<?xml")
    etag = first["ETag"]
    assert re.fullmatch(r'"[0-9a-f]{40}"', etag)
    cc = first["Cache-Control"]
    assert "public" in cc and f"max-age={settings.PLOT_CACHE_SECONDS}" in cc
    assert "'none'" in first["Content-Security-Policy"]
    assert spies["svg"] == 1 and spies["data"] == 1 and spies["cache_set"] == 2

    second = client.get(url)
    assert second.content == first.content and second["ETag"] == etag
    head = client.head(url)
    assert head.status_code == 200 and head["ETag"] == etag
    assert spies["svg"] == 1 and spies["data"] == 1  # served from the cache

    cache.clear()
    not_modified = client.get(url, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified["ETag"] == etag and "max-age" in not_modified["Cache-Control"]
    assert spies["svg"] == 1  # nothing drawn for a 304, even with an empty cache

    other = client.get(reverse("plot_svg", args=["divergence"]) + f"?p={Q}&q={P}")
    assert other["ETag"] != etag
    stale = client.get(url, headers={"If-None-Match": other["ETag"]})
    assert stale.status_code == 200


@pytest.mark.django_db
def test_the_cache_is_shared_by_key_not_by_spelling(client, spies):
    client.get(reverse("plot_svg", args=["divergence"]) + "?p=0.50,0.5&q=.25,.75")
    client.get(reverse("plot_svg", args=["divergence"]) + "?p=0.5,0.5&q=0.25,0.75")
    client.get(reverse("plot_page", args=["divergence"]) + "?p=.5,.5&q=0.25,0.750")
    assert spies["svg"] == 1 and spies["data"] == 1


def test_parameters_finer_than_the_controls_name_one_cached_plot(client, spies):
    svg = reverse("plot_svg", args=["divergence"])
    for query in ["p=0.1234,0.8766&q=0.5,0.5", "p=0.1231,0.8769&q=0.5004,0.4996"]:
        response = client.get(f"{svg}?{query}")
        assert response.status_code == 200 and response["ETag"] == ETAG_0123
    assert spies["svg"] == 1 and spies["data"] == 1
    mixture = reverse("plot_svg", args=["forward-reverse"])
    for query in ["sep=5.04&width=0.81", "sep=4.96&width=0.79", "sep=5&width=0.8"]:
        assert client.get(f"{mixture}?{query}").status_code == 200
    assert spies["svg"] == 2 and spies["data"] == 2
    # The shown settings are the ones drawn, and the explainers' values are kept as written.
    page = client.get(reverse("plot_page", args=["forward-reverse"]), {"sep": "9.97"})
    assert "[[plot:forward-reverse sep=10 width=0.8]]" in page.content.decode()
    spec = plots.parse(
        "divergence", {"p": ["0.76,0.04,0.10,0.10"], "q": ["0.688,0.112,0.172,0.028"]}
    )
    assert spec.args == {"p": (0.76, 0.04, 0.1, 0.1), "q": (0.688, 0.112, 0.172, 0.028)}
    assert 'step="0.001"' in client.get(reverse("plot_page", args=["divergence"])).content.decode()


ETAG_0123 = f'"{plots.parse("divergence", {"p": ["0.123,0.877"], "q": ["0.5,0.5"]}).key}"'


def test_the_plot_cache_is_bounded_and_apart_from_the_pages_cache(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "plots": {**settings.CACHES["plots"], "OPTIONS": {"MAX_ENTRIES": 10}},
    }
    svg = reverse("plot_svg", args=["divergence"])
    for i in range(1, 40):
        p = f"0.{i:03d},{1 - i / 1000:.3f}"
        assert client.get(svg, {"p": p, "q": "0.5,0.5"}).status_code == 200
    store = caches["plots"]
    assert 0 < len(store._cache) <= 10  # local memory: its own size limit
    longest = max(store._expire_info.values()) - time.time()
    assert 0 < longest <= settings.PLOT_CACHE_SECONDS <= 60 * 60  # and a short life
    assert not [k for k in caches["default"]._cache if "plots-v" in k]  # the pages' cache


@pytest.mark.django_db
def test_htmx_gets_the_plot_and_its_numbers_a_plain_request_the_page(client):
    url = reverse("plot_page", args=["divergence"]) + f"?p={P}&q={Q}"
    fragment = client.get(url, headers={"HX-Request": "true"})
    assert fragment.status_code == 200
    body = fragment.content.decode()
    assert "<html" not in body and "<form" not in body
    assert 'data-testid="plot-image"' in body and 'data-testid="plot-numbers"' in body
    assert "HX-Request" in fragment["Vary"]

    page = client.get(url)
    body = page.content.decode()
    assert page.status_code == 200 and "<html" in body
    assert '<form class="plot-controls" action="/plots/divergence/" method="get"' in body
    assert 'hx-get="/plots/divergence/"' in body and 'hx-trigger="' in body
    assert "HX-Request" in page["Vary"]
    img = re.search(r'<img class="plot-image" src="([^"]+)"', body).group(1)
    src = html.unescape(img)
    assert urlsplit(src).path == "/plots/divergence.svg"
    assert parse_qs(urlsplit(src).query) == {"p": [P], "q": [Q]}
    assert client.get(src).status_code == 200
    assert "[[plot:divergence p=0.6,0.3,0.1 q=0.25,0.25,0.5]]" in body


@pytest.mark.django_db
def test_the_form_sends_one_value_per_outcome(client):
    query = "p=0.6&p=0.3&p=0.1&q=0.25&q=0.25&q=0.5"
    response = client.get(reverse("plot_page", args=["divergence"]) + "?" + query)
    assert response.status_code == 200
    assert data_values(response, "D(P‖Q)") == kl_engine.kl_divergence(normalised(P), normalised(Q))


@pytest.mark.django_db
def test_student_values_are_escaped_everywhere(client):
    hostile = "<img src=x onerror=alert(1)>"
    for view in ("plot_page", "plot_svg"):
        response = client.get(reverse(view, args=["divergence"]), {"p": hostile})
        assert response.status_code == 400
        if view == "plot_page":
            assert hostile not in response.content.decode()
            assert html.escape(hostile[:20]) in response.content.decode()
    response = client.get(reverse("plot_page", args=["<b>x"]))
    assert response.status_code == 400
    body = response.content.decode()
    assert "<b>x" not in body and "unknown plot &#x27;&lt;b&gt;x&#x27;" in body


# ----------------------------------------------------------------------------- explainers

EXPLAINER = """Some text before the plots.

[[plot:divergence p=0.6,0.3,0.1 q=0.25,0.25,0.5]]

[[plot:forward-reverse sep=6 width=1]]

[[plot:cross-entropy]]

[[plot:code-lengths p=0.5,0.5 q=0.9,0.1]]

[[plot:divergence p=0.5,0.6]]

[[plot:histogram x=1]]

[[plot:divergence p=<script>alert(1)</script>]]

[[video: intro.mp4]]

Text after the plots.
"""


@pytest.mark.django_db
def test_shortcodes_render_inside_a_topic_explainer(client):
    topic = make_graph([("probability", "plots-topic")])["plots-topic"]
    topic.explainer = EXPLAINER
    topic.save()
    response = client.get(reverse("topic_detail", args=[topic.slug]))
    assert response.status_code == 200
    body = response.content.decode()
    text = page_text(response)

    blocks = re.findall(r'<div class="plot" data-plot="([\w-]+)"', body)
    assert blocks == ["divergence", "forward-reverse", "cross-entropy", "code-lengths"]
    srcs = [html.unescape(s) for s in re.findall(r'class="plot-image" src="([^"]+)"', body)]
    assert [urlsplit(s).path for s in srcs] == [
        "/plots/divergence.svg",
        "/plots/forward-reverse.svg",
        "/plots/cross-entropy.svg",
        "/plots/code-lengths.svg",
    ]
    assert parse_qs(urlsplit(srcs[1]).query) == {"sep": ["6"], "width": ["1"]}
    assert all(client.get(s)["Content-Type"] == "image/svg+xml" for s in srcs)
    d_pq = kl_engine.kl_divergence(normalised(P), normalised(Q))
    assert f"D(P‖Q) {d_pq:.4f} bits" in text

    # Invalid shortcodes: a visible message in place of the plot, the page still works.
    errors = re.findall(r'data-testid="plot-shortcode-error"', body)
    assert len(errors) == 4
    assert "This plot cannot be shown: p sums to 1.1, not 1" in text
    assert "unknown plot 'histogram'" in text
    assert "p value 1 ('<script>alert(1)</sc…') is too long" in text
    assert "unknown shortcode [[video]]" in text
    assert "<script>alert(1)" not in body
    assert text.index("Some text before the plots.") < text.index("Text after the plots.")


@pytest.mark.django_db
def test_a_topic_without_shortcodes_is_unchanged(client):
    topic = make_graph([("a", "b")])["b"]
    topic.explainer = "Just *text*."
    topic.save()
    body = client.get(reverse("topic_detail", args=["b"])).content.decode()
    assert "<em>text</em>" in body and 'class="plot' not in body
