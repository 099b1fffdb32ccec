"""The explainer as HTML: Markdown and math, with plot shortcodes filled in."""

from knowledge_graph.rendering import render_markdown
from practice.plots import render_shortcode


def explainer_html(text: str, *, inline: bool = False) -> str:
    return render_markdown(text, blocks=render_shortcode, inline=inline)
