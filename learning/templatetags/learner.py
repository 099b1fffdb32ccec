"""The learner's buttons ("I know this", "Set as goal", their undos) and plan steps.

Each button is a POST form (``learning/_learner_button.html``) that works without
JavaScript (the view redirects to ``next``); with htmx its answer raises the
``learner-changed`` event, and every block that shows the learner's state (the topic
page's actions, the dashboard, the plan) fetches itself again.
"""

from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe

from core.links import slug_url

register = template.Library()


@register.inclusion_tag("learning/_learner_button.html", takes_context=True)
def learner_button(
    context,
    url_name: str,
    slug: str,
    *,
    label: str,
    style: str,
    next: str | None = None,
    aria: str = "",
    testid: str = "",
) -> dict:
    """One learner button.

    ``url_name`` and ``slug`` give its URL (known_add, known_remove, goal_set,
    goal_remove); ``label`` and ``style`` its text and Bootstrap variant
    (outline-success, ...); ``next`` where a plain POST returns to (by default the
    ``next`` of the context); ``aria`` and ``testid`` an optional accessible name and
    test id.
    """
    return {
        "csrf_token": context.get("csrf_token"),
        "action": slug_url(url_name, slug),
        "next": context.get("next", "") if next is None else next,
        "style": style,
        "aria": aria,
        "testid": testid,
        "label": label,
    }


_STEP = (
    '<li class="list-group-item d-flex flex-wrap align-items-center gap-2" data-slug="{slug}">'
    '<a href="{url}">{title}</a> '
    '<small class="text-body-secondary">{level} · {minutes} min</small>{badges} '
    '<button class="btn btn-sm btn-link ms-auto p-0 text-nowrap" type="submit" '
    'formaction="{known}" hx-post="{known}" aria-label="I know {title}">I know this</button>'
    "</li>\n"
)
_READY = ' <span class="badge plan-ready">ready</span>'


@register.simple_tag
def plan_steps(steps) -> SafeString:
    """The plan's steps (:class:`learning.selectors.PlanSteps`) as the items of its list.

    A plan page lists hundreds of steps; one string template per step, with every
    value escaped here, renders the KL plan's 327 steps in 2.5 ms where the same markup
    as a template loop takes 14 to 30 ms (``benchmarks/bench_plan_steps.py``), most of
    the plan page's time; so this one list is built here rather than in a template.
    Each step is a link to its topic, its level and time, a "ready" badge, and an "I know
    this" button for the surrounding form.
    """
    items = []
    for t, ready in zip(steps.topics, steps.ready, strict=True):
        title = escape(t.title)
        items.append(
            _STEP.format(
                slug=escape(t.slug),
                url=escape(t.url),
                title=title,
                level=escape(t.level_label),
                minutes=int(t.minutes),
                badges=_READY if ready else "",
                known=escape(t.known_url),
            )
        )
    return mark_safe("".join(items))  # every value above is escaped
