"""A new student opens the KL divergence page and sees the seed's figures, typeset."""

import re

from playwright.sync_api import expect

from knowledge_graph.curriculum import question_families
from knowledge_graph.models import Topic
from tests.knowledge_graph.factories import make_graph
from tests.knowledge_graph.hostile_math import HOSTILE_FORMULAS, HOSTILE_TEXT
from tests.knowledge_graph.seed import KL_CHAIN_SHOWN


def test_kl_page_shows_the_seed_figures(page, kl):
    static = []
    page.on("response", lambda r: static.append((r.status, r.url)) if "/static/" in r.url else None)
    page.goto("/topics/kl-divergence/")

    expect(page.get_by_role("heading", level=1)).to_have_text("KL Divergence")
    expect(page.get_by_test_id("level")).to_have_text("Graduate")
    expect(page.get_by_test_id("depth")).to_have_text("Depth 77 in the knowledge graph")
    expect(page.get_by_test_id("unlocks")).to_have_text("Unlocks 14 downstream topics")
    expect(page.get_by_test_id("chain-summary")).to_have_text(
        "Longest path: 78 steps · 327 total prerequisite topics"
    )
    expect(page.get_by_role("heading", name="Prerequisites (3)")).to_be_visible()
    expect(page.get_by_role("heading", name="Leads To (11)")).to_be_visible()
    expect(page.get_by_test_id("question-count")).to_have_text(
        f"{question_families()['kl-divergence']} questions"
    )

    chain = page.get_by_test_id("chain")
    expect(chain.get_by_role("listitem")).to_have_count(78)
    expect(chain.get_by_role("link")).to_have_count(77)
    expect(chain.get_by_role("listitem")).to_have_text([title for _, title in KL_CHAIN_SHOWN])
    expect(chain.locator("[aria-current=page]")).to_have_text("KL Divergence")

    # The stylesheets arrived and apply: Bootstrap's badge and the site's level colour.
    assert static and all(status == 200 for status, _ in static), static
    assert any(url.endswith("bootstrap.min.css") for _, url in static)
    badge = page.get_by_test_id("level")
    assert badge.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(157, 2, 8)"
    assert badge.evaluate("e => getComputedStyle(e).fontWeight") == "700"


def test_chain_links_lead_to_their_topics(page, kl):
    page.goto("/topics/kl-divergence/")
    slug, title = KL_CHAIN_SHOWN[-2]
    page.get_by_test_id("chain").get_by_role("link", name=title, exact=True).click()
    expect(page).to_have_url(re.compile(f"/topics/{slug}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_test_id("depth")).to_have_text("Depth 76 in the knowledge graph")


def test_math_in_the_explainer_is_typeset(page, kl):
    page.goto("/topics/kl-divergence/")
    formulas = page.locator("section.explainer math")
    expect(formulas.first).to_be_visible()
    for i in range(min(formulas.count(), 5)):
        box = formulas.nth(i).bounding_box()
        assert box is not None and box["width"] > 5 and box["height"] > 5, (i, box)
    # MathML, not LaTeX source: no dollar-delimited formulas remain as text.
    text = page.locator("section.explainer").inner_text()
    assert not re.search(r"\$[^$\s][^$]*\$", text), text[:500]


ACTIVE_ATTRIBUTES = """() => [...document.querySelectorAll('*')].flatMap(e =>
    [...e.attributes]
        .filter(a => /^(on|xlink:)/i.test(a.name) || a.name === 'style'
            || (a.name === 'href' && (/^\\s*javascript:/i.test(a.value)
                || e.namespaceURI === 'http://www.w3.org/1998/Math/MathML'))
            || (['class', 'id'].includes(a.name)
                && e.namespaceURI === 'http://www.w3.org/1998/Math/MathML'))
        .map(a => `${e.localName} ${a.name}="${a.value}"`))"""


def test_formulas_that_would_set_links_styles_or_markup_reach_the_browser_inert(
    page, transactional_db
):
    t = make_graph([], extra=("a",))
    Topic.objects.filter(pk=t["a"].pk).update(core_idea=HOSTILE_TEXT, explainer=HOSTILE_TEXT)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto("/topics/a/")
    assert page.evaluate(ACTIVE_ATTRIBUTES) == []
    assert page.locator("img, [href^='javascript'], [style]").count() == 0
    explainer = page.locator("section.explainer")
    expect(explainer.locator("code.math-error")).to_have_count(len(HOSTILE_FORMULAS) - 1)
    expect(explainer.locator("code.math-error").first).to_have_text(
        r"\href{javascript:alert(1)}{x}"
    )
    explainer.locator("code.math-error").first.click()
    assert dialogs == [] and page.url.endswith("/topics/a/")
