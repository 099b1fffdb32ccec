"""Turn instructor-written Markdown with LaTeX math into safe HTML.

Math between ``$...$`` (inline) or ``$$...$$`` (display) is converted to MathML
on the server, so the browser typesets it with no script and no network.
Everything else goes through Markdown and then the nh3 sanitiser, so an
explainer cannot inject script or styles. Plot shortcodes are left as
placeholders for :mod:`practice.plots` to fill (see ``render_markdown``'s
``blocks`` argument).

The MathML is put back after nh3 has run, so it is sanitised on its own: a formula
that uses a command setting links, styles, classes, ids or HTML attributes
(``\\href``, ``\\url``, ``\\style``, ``\\class``, ``\\cssId``, ``\\html...``; see
:data:`REFUSED_COMMANDS`) is refused, and the converter's output is parsed and written
out again holding only the MathML elements and attributes of an allow-list, with plain
values. A refused formula is shown in place as its source, as code;
:func:`math_problems` gives the instructor the reason (the admin and the curriculum
check use it).
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
RENDERING_VERSION = 3
"""Bump when the HTML produced for the same text changes (cached renderings are keyed by it)."""
_ALLOWED_TAGS = nh3.ALLOWED_TAGS | {"section"}


# latex2mathml renders \sim as an identifier "~"; it is the relation "∼".
_MATHML_FIXES = (("<mi>&#x0007E;</mi>", "<mo>&#x0223C;</mo>"),)

MATHML_NAMESPACE = "http://www.w3.org/1998/Math/MathML"
MATHML_ELEMENTS = frozenset(
    """math mrow mi mn mo ms mtext mspace msub msup msubsup munder mover munderover mfrac
    msqrt mroot mstyle mpadded mphantom menclose mtable mtr mtd mlabeledtr mmultiscripts
    mprescripts none merror""".split()
)
"""The presentation elements a formula may produce. Not in it: ``semantics``,
``annotation-xml`` and ``maction`` (which hold or switch to other markup), and every
HTML element (inside ``mtext`` the browser would read one as HTML)."""
MATHML_ATTRIBUTES = frozenset(
    """display mathvariant mathsize mathcolor mathbackground displaystyle scriptlevel
    stretchy fence separator form lspace rspace largeop movablelimits symmetric minsize
    maxsize accent accentunder linethickness numalign denomalign bevelled columnalign
    rowalign columnspacing rowspacing columnlines rowlines frame framespacing equalrows
    equalcolumns rowspan columnspan notation width height depth voffset open close
    separators side dir""".split()
)
"""The attributes a formula's elements may carry: layout only. Never ``href``, ``style``,
``class``, ``id``, an event handler (``on...``), ``xlink:...`` or any other namespace."""
_PLAIN_VALUE = re.compile(r"[A-Za-z0-9 .,#%+-]{0,100}")
"""An attribute value of a formula: words, numbers, lengths and colours; no ``url(``,
no ``:`` or ``;``, no quotes."""
REFUSED_COMMANDS = re.compile(
    r"\\(href|url|style|class|cssId|html[A-Za-z]*|data[A-Za-z]*|attr[A-Za-z]*|bbox"
    r"|require|toggle|mathtip|texttip|tooltip|includegraphics|fcolorbox)(?![A-Za-z])"
)
"""Commands that would set a link, a style, a class, an id or an HTML attribute (or
load something): a formula using one is refused whatever the converter makes of it."""


class MathRefused(ValueError):
    """A formula that may not be shown, with the reason for the instructor."""


def _well_formed(mathml: str) -> ElementTree.Element | None:
    """The parsed ``mathml``, or None if it does not parse as XML or a LaTeX command was
    passed through as text (latex2mathml copies commands it does not know, such as
    ``\\arg``, into the output)."""
    try:
        root = ElementTree.fromstring(mathml)
    except ElementTree.ParseError:
        return None
    if any((node.text or "").startswith("\\") for node in root.iter()):
        return None
    return root


def _refused_command(latex: str) -> None:
    """Raise :class:`MathRefused` if ``latex`` uses a command of :data:`REFUSED_COMMANDS`."""
    found = REFUSED_COMMANDS.search(latex)
    if found:
        raise MathRefused(
            f"{found.group(0)} is not allowed in a formula: a formula may not set links, "
            "styles, classes, ids or HTML attributes"
        )


def _mathml_html(node: ElementTree.Element, *, alt: str = "") -> str:
    """``node`` written out again as HTML, element by element, with its text escaped:
    only what the allow-lists hold is written (and so nothing the XML parser skipped,
    such as a comment, a processing instruction or a CDATA section, which an HTML
    parser reads differently). Raises :class:`MathRefused` for anything else."""
    namespace, _, name = node.tag.rpartition("}")
    if namespace.lstrip("{") != MATHML_NAMESPACE or name not in MATHML_ELEMENTS:
        raise MathRefused(f"the formula would make a <{name}> element, which is not MathML")
    attributes = []
    if name == "math":
        attributes.append(f'xmlns="{MATHML_NAMESPACE}"')
        if alt:
            attributes.append(f'alttext="{html.escape(alt, quote=True)}"')
    for key, value in node.attrib.items():
        if key not in MATHML_ATTRIBUTES:
            raise MathRefused(f"the formula would set the attribute {key!r}, which is not allowed")
        if not _PLAIN_VALUE.fullmatch(value):
            raise MathRefused(f"the formula would set {key} to {value!r}, which is not allowed")
        attributes.append(f'{key}="{html.escape(value, quote=True)}"')
    children = "".join(_mathml_html(child) + html.escape(child.tail or "") for child in node)
    opening = " ".join([name, *attributes])
    return f"<{opening}>{html.escape(node.text or '')}{children}</{name}>"


@lru_cache(maxsize=4096)
def _formula(latex: str, display: bool) -> tuple[str, str]:
    """``(html, reason refused or "")`` for one formula. Formulas recur from page to
    page, so each process keeps the latest few thousand."""
    source = latex.strip()
    error = f'<code class="math-error">{html.escape(latex)}</code>'
    try:
        _refused_command(source)
        try:
            mathml = latex_to_mathml(source, display="block" if display else "inline")
        except Exception:  # latex2mathml raises assorted errors on malformed input
            return error, ""
        for wrong, right in _MATHML_FIXES:
            mathml = mathml.replace(wrong, right)
        root = _well_formed(mathml) if mathml else None
        if root is None:
            return error, ""
        return _mathml_html(root, alt=source), ""
    except MathRefused as refused:
        return error, str(refused)


def math_to_html(latex: str, *, display: bool = False) -> str:
    """Sanitised MathML for one formula; a formula that does not convert cleanly, or is
    refused (see :func:`math_problems`), is shown as its source, as code."""
    return _formula(latex, display)[0]


def math_problems(text: str) -> list[str]:
    """Why formulas of ``text`` (Markdown with ``$...$`` and ``$$...$$``) are refused, one
    sentence each naming the formula: empty when every formula may be shown. (A formula
    that merely does not convert is shown as code and is not listed.)"""
    found = []
    for m in _MATH.finditer(text):
        latex, display = (m.group(2), False) if m.group(1) is None else (m.group(1), True)
        reason = _formula(latex, display)[1]
        if reason:
            found.append(f"The formula ${latex.strip()}$ cannot be shown: {reason}.")
    return found


def _on_own_lines(m: re.Match) -> bool:
    """Whether the match is the only thing on the lines it spans."""
    text = m.string
    before = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
    end = text.find("\n", m.end())
    after = text[m.end() : end if end != -1 else len(text)]
    return not before.strip() and not after.strip()


LONG_INLINE = 40
"""An inline formula with a longer source (in characters) is set in a box of its own that
scrolls sideways when it is wider than the page, as display formulas do; shorter ones
flow with the text."""


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
            formula = math_to_html(m.group(2))
            if len(m.group(2)) > LONG_INLINE:  # may be wider than a phone: scrolls in its box
                formula = f'<span class="math-wide">{formula}</span>'
            return stash(formula)
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
