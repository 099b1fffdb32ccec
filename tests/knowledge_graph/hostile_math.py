"""Formulas that would put a link, a style, an event handler or markup on a page, and a
check that a rendered page holds none of them (used by the topic and practice page
tests)."""

from __future__ import annotations

from html.parser import HTMLParser

from knowledge_graph.rendering import MATHML_ELEMENTS

HOSTILE_FORMULAS = (
    r"$\href{javascript:alert(1)}{x}$",
    r"$\style{background:red}{y}$",
    r"$\class{navbar}{z}$",
    r"$$\text{<img src='x' onerror='alert(1)'/>}$$",
    r"$\text{<![CDATA[><img src=x onerror=alert(1)>]]>}$",
    r"$\color{url(javascript:alert(1))}{w}$",
)
HOSTILE_TEXT = "Before " + " and ".join(HOSTILE_FORMULAS) + " after."


def active_markup(html: str) -> list[str]:
    """Every element or attribute of ``html`` that a formula must never make: a link to
    ``javascript:``, a ``style`` or ``on...`` attribute, an ``xlink:`` attribute, a
    MathML element with a link, class or id, an image, a script without a nonce or a
    source."""
    found: list[str] = []

    class Check(HTMLParser):
        def handle_starttag(self, tag, attrs):
            names = dict(attrs)
            if tag == "img" or (tag == "script" and not {"src", "nonce"} & set(names)):
                found.append(f"<{tag}>")
            for name, value in attrs:
                if (
                    name in ("style", "href") and "javascript:" in (value or "").lower()
                ) or name.startswith(("on", "xlink")):
                    found.append(f"<{tag} {name}={value!r}>")
                elif name == "style" or (
                    tag in MATHML_ELEMENTS and name in ("href", "class", "id")
                ):
                    found.append(f"<{tag} {name}={value!r}>")

    Check().feed(html)
    return found
