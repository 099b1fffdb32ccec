"""Markdown with LaTeX math becomes sanitised HTML with server-side MathML."""

from knowledge_graph.rendering import math_to_html, render_markdown


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
    assert "<mo>&#x0223C;</mo>" in math_to_html(r"x \sim p")


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
