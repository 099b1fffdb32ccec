"""Links for the picture of the graph (``learning/_graph_picture.html``)."""

from django import template

from core.links import slug_url

register = template.Library()


@register.filter
def topic_url(slug: str) -> str:
    """The topic page of the topic called ``slug``."""
    return slug_url("topic_detail", slug)
