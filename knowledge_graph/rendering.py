"""Turn instructor-written Markdown with LaTeX math into safe HTML.

Math between ``$...$`` (inline) or ``$$...$$`` (display) is converted to MathML
on the server, so the browser typesets it with no script and no network.
Everything else goes through Markdown and then the nh3 sanitiser, so an
explainer cannot inject script or styles. Plot shortcodes are left as
placeholders for :mod:`practice.plots` to fill (see ``render_markdown``'s
``blocks`` argument).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import markdown
import nh3
from latex2mathml.converter import convert as latex_to_mathml

_MATH = re.compile(r"\$\$(.+?)\$\$|(?<![\\$])\$(?!\s)(.+?)(?<!\s)\$(?!\$)", re.S)
_BLOCK = re.compile(r"^\[\[(\w+):?([^\]]*)\]\]\s*$", re.M)
_TOKEN = "MATHTOKEN{}X"
RENDERING_VERSION = 1
"""Bump when the HTML produced for the same text changes (cached renderings are keyed by it)."""
_ALLOWED_TAGS = nh3.ALLOWED_TAGS | {"section"}


def math_to_html(latex: str, *, display: bool = False) -> str:
    """MathML for one formula; a formula that fails to convert is shown as code."""
    try:
        mathml = latex_to_mathml(latex.strip(), display="block" if display else "inline")
    except Exception:  # latex2mathml raises assorted errors on malformed input
        return f'<code class="math-error">{html.escape(latex)}</code>'
    alt = html.escape(latex.strip(), quote=True)
    return mathml.replace("<math ", f'<math alttext="{alt}" ', 1)


def render_markdown(
    text: str, *, blocks: Callable[[str, str], str] | None = None, inline: bool = False
) -> str:
    """Sanitised HTML for ``text``.

    ``blocks(name, args)`` renders a line ``[[name: args]]`` (e.g. a plot); its
    output is trusted and inserted after sanitising. Without it such lines vanish.
    """
    pieces: list[str] = []

    def stash(fragment: str) -> str:
        pieces.append(fragment)
        return _TOKEN.format(len(pieces) - 1)

    def math(m: re.Match) -> str:
        if m.group(1) is not None:
            return "\n\n" + stash(math_to_html(m.group(1), display=True)) + "\n\n"
        return stash(math_to_html(m.group(2)))

    def block(m: re.Match) -> str:
        rendered = blocks(m.group(1), m.group(2).strip()) if blocks else ""
        return "\n\n" + stash(rendered) + "\n\n"

    text = _BLOCK.sub(block, text)
    text = _MATH.sub(math, text)
    body = markdown.markdown(text, extensions=["extra", "sane_lists"], output_format="html")
    body = nh3.clean(body, tags=_ALLOWED_TAGS)
    for i, fragment in enumerate(pieces):
        token = _TOKEN.format(i)
        body = body.replace(f"<p>{token}</p>", fragment).replace(token, fragment)
    if inline and body.startswith("<p>") and body.endswith("</p>") and body.count("<p>") == 1:
        body = body[3:-4]
    return body
