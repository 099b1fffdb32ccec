"""Topic and question content as HTML: Markdown and math, with plot shortcodes filled in."""

import hashlib

from django.utils.safestring import SafeString, mark_safe

from core.caching import cached
from knowledge_graph.rendering import RENDERING_VERSION, render_markdown
from practice.plots import render_shortcode

CONTENT_CACHE_SECONDS = 24 * 60 * 60


def explainer_html(text: str, *, inline: bool = False) -> str:
    """Rendered afresh (see :func:`content_html` for the cached form)."""
    return render_markdown(text, blocks=render_shortcode, inline=inline)


def content_html(text: str, *, inline: bool = False) -> SafeString:
    """The HTML of ``text``, cached by the text itself: an edit changes the key, so
    nothing stale is ever served, and every process shares what one has rendered."""
    digest = hashlib.sha256(text.encode()).hexdigest()
    key = f"content-html:{RENDERING_VERSION}:{int(inline)}:{digest}"
    html = cached(key, lambda: explainer_html(text, inline=inline), CONTENT_CACHE_SECONDS)
    return mark_safe(html)  # sanitised by render_markdown; shortcodes are our own markup
