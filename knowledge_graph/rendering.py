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
from functools import lru_cache
from xml.etree import ElementTree

import markdown
import nh3
from latex2mathml.converter import convert as latex_to_mathml

_MATH = re.compile(r"\$\$(.+?)\$\$|(?<![\\$])\$(?!\s)(.+?)(?<!\s)\$(?!\$)", re.S)
_BLOCK = re.compile(r"^\[\[(\w+):?([^\]]*)\]\]\s*$", re.M)
_TOKEN = "MATHTOKEN{}X"
RENDERING_VERSION = 2
"""Bump when the HTML produced for the same text changes (cached renderings are keyed by it)."""
_ALLOWED_TAGS = nh3.ALLOWED_TAGS | {"section"}


# latex2mathml renders \sim as an identifier "~"; it is the relation "∼".
_MATHML_FIXES = (("<mi>&#x0007E;</mi>", "<mo>&#x0223C;</mo>"),)


def _well_formed(mathml: str) -> bool:
    """Whether ``mathml`` parses as XML and no LaTeX command was passed through as text
    (latex2mathml copies commands it does not know, such as ``\\arg``, into the output)."""
    try:
        root = ElementTree.fromstring(mathml)
    except ElementTree.ParseError:
        return False
    return not any((node.text or "").startswith("\\") for node in root.iter())


@lru_cache(maxsize=4096)
def math_to_html(latex: str, *, display: bool = False) -> str:
    """MathML for one formula; a formula that does not convert cleanly is shown as code.
    Formulas recur from page to page, so each process keeps the latest few thousand."""
    source = latex.strip()
    try:
        mathml = latex_to_mathml(source, display="block" if display else "inline")
    except Exception:  # latex2mathml raises assorted errors on malformed input
        mathml = ""
    if not mathml or not _well_formed(mathml):
        return f'<code class="math-error">{html.escape(latex)}</code>'
    for wrong, right in _MATHML_FIXES:
        mathml = mathml.replace(wrong, right)
    alt = html.escape(source, quote=True)
    return mathml.replace("<math ", f'<math alttext="{alt}" ', 1)


def _on_own_lines(m: re.Match) -> bool:
    """Whether the match is the only thing on the lines it spans."""
    text = m.string
    before = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
    end = text.find("\n", m.end())
    after = text[m.end() : end if end != -1 else len(text)]
    return not before.strip() and not after.strip()


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
        if m.group(1) is None:
            return stash(math_to_html(m.group(2)))
        token = stash(math_to_html(m.group(1), display=True))
        # A formula on lines of its own is a block of its own; one inside a list item or a
        # sentence stays where it is, so the list or paragraph goes on around it.
        return f"\n\n{token}\n\n" if _on_own_lines(m) else token

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
