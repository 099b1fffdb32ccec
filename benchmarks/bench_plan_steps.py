"""The plan page's list of steps: the ``plan_steps`` tag against a template loop.

The KL plan (327 steps for a new student) rendered by ``learning.templatetags.learner.
plan_steps`` (a string template per step, values escaped in Python) and by a Django
template loop producing the same markup, best of 30 each, as a ratio. The tag exists
because of this ratio; if it ever falls near 1, the loop should replace it.

    .venv/bin/python benchmarks/bench_plan_steps.py
"""

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench_plan_steps.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.template import engines  # noqa: E402

LOOP = (
    "{% for step in steps %}"
    '<li class="list-group-item d-flex flex-wrap align-items-center gap-2" '
    'data-slug="{{ step.topic.slug }}"><a href="{{ step.topic.url }}">{{ step.topic.title }}</a> '
    '<small class="text-body-secondary">{{ step.topic.level_label }} · {{ step.topic.minutes }}'
    ' min</small>{% if step.ready %} <span class="badge plan-ready">ready</span>{% endif %} '
    '<button class="btn btn-sm btn-link ms-auto p-0 text-nowrap" type="submit" '
    'formaction="{{ step.topic.known_url }}" hx-post="{{ step.topic.known_url }}" '
    'aria-label="I know {{ step.topic.title }}">I know this</button></li>\n'
    "{% endfor %}"
)


def best(fn, n: int = 30) -> float:
    out = float("inf")
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out = min(out, time.perf_counter() - t)
    return out


def main() -> int:
    call_command("migrate", verbosity=0)
    call_command("load_curriculum", verbosity=0)
    from knowledge_graph.selectors import topic_get
    from learning import selectors
    from learning.templatetags.learner import plan_steps

    steps = selectors.plan_build(None, topic_get("kl-divergence")).steps
    loop = engines["django"].from_string(LOOP)
    assert str(plan_steps(steps)) == loop.render({"steps": steps}), "the two differ"
    tag, template = best(lambda: plan_steps(steps)), best(lambda: loop.render({"steps": steps}))
    print(f"{len(steps)} plan steps: tag {tag * 1e3:.2f} ms, template loop {template * 1e3:.2f} ms")
    print(f"template loop / tag: {template / tag:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
