"""The learner's buttons ("I know this", "Set as goal", their undos) and plan steps.

Each is a POST form that works without JavaScript (the view redirects to ``next``)
and, with htmx, re-renders the block ``#<target>`` in place. Pages hold many of them
(the dashboard, the plan), so they are built here in one step rather than through an
included template each.
"""

from html import escape

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from core.links import slug_url

register = template.Library()

_FORM = (
    '<form method="post" action="{action}" hx-post="{action}" hx-target="#{target}" '
    'hx-swap="outerHTML" hx-disabled-elt="find button" class="learner-button d-inline">'
    "{csrf}"
    '<input type="hidden" name="next" value="{next}">{plan}'
    '<button class="btn btn-sm btn-{style}" type="submit"{aria}{testid}>{label}</button>'
    "</form>"
)


@register.simple_tag(takes_context=True)
def learner_button(
    context,
    url_name: str,
    slug: str,
    *,
    label: str,
    style: str,
    target: str,
    next: str | None = None,
    plan_slug: str = "",
    page: int = 1,
    aria: str = "",
    testid: str = "",
) -> SafeString:
    """One learner button.

    ``url_name`` and ``slug`` give its URL (known_add, known_remove, goal_set,
    goal_remove); ``label`` and ``style`` its text and Bootstrap variant
    (outline-success, ...); ``target`` is "topic-actions", "dashboard" or "plan";
    ``next`` where a plain POST returns to (by default the ``next`` of the context);
    ``plan_slug`` and ``page`` which plan and page a "plan" target re-renders; ``aria``
    and ``testid`` an optional accessible name and test id.
    """
    token = context.get("csrf_token")
    return format_html(
        _FORM,
        action=slug_url(url_name, slug),
        target=target,
        csrf=format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token)
        if token and token != "NOTPROVIDED"  # as the {% csrf_token %} tag does
        else "",
        next=context.get("next", "") if next is None else next,
        plan=format_html(
            '<input type="hidden" name="plan" value="{}">'
            '<input type="hidden" name="page" value="{}">',
            plan_slug,
            page or 1,
        )
        if target == "plan"
        else "",
        style=style,
        aria=format_html(' aria-label="{}"', aria) if aria else "",
        testid=format_html(' data-testid="{}"', testid) if testid else "",
        label=label,
    )


_STEP = (
    '<li class="list-group-item d-flex flex-wrap align-items-center gap-2" data-slug="{slug}">'
    '<a href="{url}">{title}</a> '
    '<small class="text-body-secondary">{level} · {minutes} min</small>{badges} '
    '<button class="btn btn-sm btn-link ms-auto p-0 text-nowrap" type="submit" '
    'formaction="{known}" hx-post="{known}" aria-label="I know {title}">I know this</button>'
    "</li>\n"
)
_READY = ' <span class="badge plan-ready">ready</span>'
_MASTERED = (
    ' <span class="badge status-mastered" data-testid="mastered">mastered in practice</span>'
)


@register.simple_tag
def plan_steps(steps) -> SafeString:
    """The plan's steps (:class:`learning.selectors.PlanSteps`) as the items of its list.

    A plan page lists hundreds of steps; one string template per step, with every
    value escaped here, renders them in a fraction of the time of a template loop.
    Each step is a link to its topic, its level and time, "ready" and "mastered in
    practice" badges, and an "I know this" button for the surrounding form.
    """
    items = []
    for t, mastered, ready in zip(steps.topics, steps.mastered, steps.ready, strict=True):
        title = escape(t.title)
        items.append(
            _STEP.format(
                slug=escape(t.slug),
                url=escape(t.url),
                title=title,
                level=escape(t.level_label),
                minutes=int(t.minutes),
                badges=(_READY if ready else "") + (_MASTERED if mastered else ""),
                known=escape(t.known_url),
            )
        )
    return mark_safe("".join(items))  # every value above is escaped
