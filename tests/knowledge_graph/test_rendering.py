"""Markdown with LaTeX math becomes sanitised HTML with server-side MathML."""

import re
from html.parser import HTMLParser

import pytest

from knowledge_graph.rendering import (
    MATHML_ATTRIBUTES,
    MATHML_ELEMENTS,
    MATHML_NAMESPACE,
    math_problems,
    math_to_html,
    render_markdown,
)


def test_inline_and_display_math_become_mathml_with_the_source_as_alt_text():
    html = render_markdown("Entropy $H(X)$ is\n\n$$H(X) = -\\sum_x p(x) \\log_2 p(x)$$\n")
    assert html.count("<math") == 2
    assert 'display="inline"' in html and 'display="block"' in html
    assert 'alttext="H(X)"' in html
    assert "$" not in html


def test_a_formula_that_does_not_convert_cleanly_is_shown_as_code():
    for latex in [r"\frac{1}{", r"\arg\max_x f(x)", r"\begin{aligned} a &= b \end{aligned}"]:
        html = math_to_html(latex, display=True)
        assert html.startswith('<code class="math-error">'), (latex, html)


def test_sim_is_a_relation_not_a_tilde():
    assert "<mo>∼</mo>" in math_to_html(r"x \sim p")


def test_display_math_inside_a_list_item_keeps_the_list_together():
    html = render_markdown("- one with $$a = b$$ inside\n- two\n\n$$c = d$$\n\nafter")
    assert html.count("<li>") == 2 and html.count("<ul>") == 1
    first_item = html[html.index("<li>") : html.index("</li>")]
    assert 'display="block"' in first_item and "inside" in first_item
    assert "- two" not in html
    assert html.rstrip().endswith("<p>after</p>")


def test_script_and_event_handlers_are_removed():
    html = render_markdown('<script>alert(1)</script><a href="javascript:x()" onclick="y()">z</a>')
    assert "<script" not in html and "javascript:" not in html and "onclick" not in html


def test_blocks_are_rendered_by_the_callback_and_vanish_without_one():
    text = "Before\n\n[[plot:divergence p=0.5,0.5 q=0.9,0.1]]\n\nAfter"
    calls = []

    def block(name: str, args: str) -> str:
        calls.append((name, args))
        return '<figure class="plot">ok</figure>'

    assert '<figure class="plot">ok</figure>' in render_markdown(text, blocks=block)
    assert calls == [("plot", "divergence p=0.5,0.5 q=0.9,0.1")]
    assert "plot" not in render_markdown(text)


# ---------------------------------------------------------------- formulas that are refused

REFUSED = [
    r"\href{javascript:alert(1)}{x}",
    r"\url{javascript:alert(1)}",
    r"\style{background:url(x)}{y}",
    r"\class{navbar}{z}",
    r"\cssId{main}{z}",
    r"\htmlClass{a}{b}",
    r"\htmlStyle{color:red}{b}",
    r"\htmlData{x=1}{b}",
    r"\bbox[background:red]{x}",
    r"\toggle{a}{b}\endtoggle",
    r"\mathtip{a}{b}",
]
# The converter copies a \text's content as it is: markup there would become elements
# inside <mtext> (which the browser reads as HTML), and what an XML parser skips
# (processing instructions, CDATA sections) an HTML parser reads differently.
HOSTILE_OUTPUT = [
    r"\text{<script>alert(1)</script>}",
    r'\text{<img src="x" onerror="alert(1)"/>}',
    r'\text{<a href="javascript:alert(1)">x</a>}',
    r"\text{<![CDATA[><img src=x onerror=alert(1)>]]>}",
    r'\text{<?x a=">"<img src=x onerror=alert(1)>?>}',
    r"\text{<!--><img src=x onerror=alert(1)>-->}",
    r"\color{url(javascript:alert(1))}{x}",
    r'\color{red" onclick="alert(1)}{x}',
]


def elements_and_attributes(html: str) -> list[tuple[str, dict]]:
    """Every start tag of ``html`` as an HTML parser reads it."""
    found = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, dict(attrs)))

    Collect().feed(html)
    return found


@pytest.mark.parametrize("latex", REFUSED)
def test_a_formula_that_would_set_a_link_or_a_style_is_shown_as_inert_code(latex):
    html = render_markdown(f"Before ${latex}$ after.")
    assert elements_and_attributes(html) == [("p", {}), ("code", {"class": "math-error"})]
    command = re.match(r"\\[A-Za-z]+", latex).group(0)
    assert math_problems(f"Before ${latex}$ after.") == [
        f"The formula ${latex}$ cannot be shown: {command} is not allowed in a formula: "
        "a formula may not set links, styles, classes, ids or HTML attributes."
    ]


@pytest.mark.parametrize("latex", HOSTILE_OUTPUT)
def test_what_the_converter_makes_holds_only_mathml_elements_and_plain_attributes(latex):
    for display in (False, True):
        html = math_to_html(latex, display=display)
        for tag, attrs in elements_and_attributes(html):
            assert tag in MATHML_ELEMENTS or tag == "code", (latex, html)
            assert set(attrs) <= MATHML_ATTRIBUTES | {"xmlns", "alttext", "class"}, (latex, html)
            assert "class" not in attrs or attrs == {"class": "math-error"}, (latex, html)


def test_markup_in_a_formula_is_refused_with_the_reason():
    [problem] = math_problems(r"$\text{<script>alert(1)</script>}$")
    assert problem.endswith("the formula would make a <script> element, which is not MathML.")
    [problem] = math_problems(r"$$\color{url(x)}{y}$$")
    assert problem.endswith("the formula would set mathcolor to 'url(x)', which is not allowed.")


def test_allowed_formulas_keep_their_layout_attributes_and_text():
    html = math_to_html(r"\color{red}{x} \le \frac{1}{2} \text{ if } a < b", display=True)
    assert html.startswith(f'<math xmlns="{MATHML_NAMESPACE}" alttext="\\color{{red}}')
    assert 'display="block"' in html and 'mathcolor="red"' in html
    assert "<mo>&lt;</mo>" in html and "<mtext>\xa0if\xa0</mtext>" in html
    assert math_problems(r"Text $\color{red}{x}$ and $$\frac{1}{2}$$") == []
    # A formula that merely does not convert is shown as code and not refused.
    assert math_problems(r"$\frac{1}{$") == []
