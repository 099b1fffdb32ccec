"""What every topic page of a lesson must show, checked through the test client: the
lesson typeset (no formula refused), each of its plots placed, and a practice page that
serves a question."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.urls import reverse


def check_topic_pages(
    client, slugs: Iterable[str], plot_lines: dict[str, Callable[[], list[str]]]
) -> None:
    """Fail on the first topic whose page or practice page lacks what it must show."""
    for slug in slugs:
        html = client.get(reverse("topic_detail", args=[slug])).content.decode()
        section = html[html.index('<section class="explainer"') :]
        section = section[: section.index("</section>")]
        assert "math-error" not in html and section.count("<math ") > 3, slug
        for line in plot_lines.get(slug, lambda: [])():
            name = line[len("[[plot:") :].split()[0]
            assert f"/plots/{name}/" in section, (slug, line)
        practice = client.get(reverse("practice", args=[slug]))
        assert practice.status_code == 200, slug
        page = practice.content.decode()
        assert "math-error" not in page and "<form" in page, slug
