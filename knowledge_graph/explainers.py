"""The explainer as HTML: Markdown and math, with plot shortcodes filled in."""

from knowledge_graph.rendering import render_markdown


def _blocks(name: str, args: str) -> str:
    try:
        from practice.plots import render_shortcode
    except ImportError:
        return ""
    return render_shortcode(name, args)


def explainer_html(text: str, *, inline: bool = False) -> str:
    return render_markdown(text, blocks=_blocks, inline=inline)
