"""The picture of the graph on the topic page and the plan, through the Django test client."""

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from knowledge_graph.models import Level, Prerequisite, Topic
from knowledge_graph.services import graph_recompute
from tests.knowledge_graph.factories import make_graph

pytestmark = pytest.mark.django_db

#   a → b → d → e ← f
#   x → c ↗
EDGES = [("a", "b"), ("b", "d"), ("c", "d"), ("x", "c"), ("d", "e"), ("f", "e")]


class _Nodes(HTMLParser):
    """Every node of the picture: its slug, state and link, and the text alternative."""

    def __init__(self):
        super().__init__()
        self.nodes: dict[str, dict] = {}
        self.pictures = 0
        self.svg_role = None
        self.in_list = 0
        self.list_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("data-testid") == "graph-picture":
            self.pictures += 1
        if tag == "svg" and "graph-picture-svg" in attrs.get("class", ""):
            self.svg_role = attrs.get("role")
        if attrs.get("data-testid") == "graph-node":
            self.nodes[attrs["data-node"]] = attrs
        if attrs.get("data-testid") == "graph-picture-list":
            self.in_list = 1
        elif self.in_list and tag not in ("br",):
            self.in_list += 1

    def handle_endtag(self, tag):
        if self.in_list:
            self.in_list -= 1

    def handle_data(self, data):
        if self.in_list:
            self.list_text.append(data)


def picture_of(response) -> _Nodes:
    assert response.status_code == 200
    parser = _Nodes()
    parser.feed(response.content.decode())
    return parser


def states(response) -> dict[str, str]:
    return {slug: attrs["data-state"] for slug, attrs in picture_of(response).nodes.items()}


@pytest.fixture
def graph(db):
    return make_graph(EDGES, extra=("y",))


@pytest.fixture
def student(client):
    user = get_user_model().objects.create_user(username="ada", password="correct horse 42")
    client.force_login(user)
    return user


def test_the_topic_page_shows_the_neighbourhood_each_a_link_to_its_topic(client, graph):
    found = picture_of(client.get("/topics/d/"))
    assert found.pictures == 1 and found.svg_role == "group"
    # Two steps back (a, b, c, x) and forward (e); f is a prerequisite of e, not of d.
    assert set(found.nodes) == {"a", "b", "c", "x", "d", "e"}
    for slug, attrs in found.nodes.items():
        assert attrs["href"] == f"/topics/{slug}/"
        assert attrs["aria-label"].startswith(Topic.objects.get(slug=slug).title + ": ")
    assert found.nodes["d"].get("aria-current") == "page"
    # Nothing known: the roots are ready, the rest locked.
    assert states(client.get("/topics/d/")) == {
        "a": "ready",
        "x": "ready",
        "b": "locked",
        "c": "locked",
        "d": "locked",
        "e": "locked",
    }


def test_the_states_follow_what_the_student_knows_and_mastered(client, graph, student, practise):
    client.post("/known/b/", {"next": "/"})  # and a, implicitly
    practise(graph["x"], [True, True, True], user=student)
    assert states(client.get("/topics/d/")) == {
        "a": "known",
        "b": "known",
        "x": "mastered",
        "c": "ready",  # x, mastered in practice, counts as known
        "d": "locked",
        "e": "locked",
    }
    client.post("/known/c/", {"next": "/"})
    found = states(client.get("/topics/d/"))
    assert (found["c"], found["x"], found["d"]) == ("known", "mastered", "ready")
    text = re.sub(r"\s+", " ", "".join(picture_of(client.get("/topics/d/")).list_text))
    assert "C: known" in text and "X: mastered in practice" in text
    assert "D is ready to learn" in text and "E: locked" in text


def test_the_picture_refreshes_alone_for_htmx(client, graph):
    client.post("/known/b/", {"next": "/"}, HTTP_HX_REQUEST="true")
    response = client.get("/topics/d/", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="topic-picture")
    body = response.content.decode().strip()
    assert body.startswith('<section id="topic-picture"') and "<nav" not in body
    assert states(response)["b"] == "known"


def test_the_plan_page_shows_the_next_steps_and_the_goal(client, graph, student):
    found = picture_of(client.get("/plan/e/"))
    assert found.pictures == 1
    assert set(found.nodes) == {"a", "x", "f", "b", "c", "d", "e"}
    assert all(attrs["href"] == f"/topics/{slug}/" for slug, attrs in found.nodes.items())
    client.post("/known/b/", {"next": "/"})
    client.post("/known/f/", {"next": "/"})
    assert states(client.get("/plan/e/")) == {
        "x": "ready",
        "c": "locked",
        "d": "locked",
        "e": "locked",
    }
    client.post("/known/d/", {"next": "/"})
    found = picture_of(client.get("/plan/e/"))
    assert {s: a["data-state"] for s, a in found.nodes.items()} == {"e": "ready"}
    client.post("/known/e/", {"next": "/"})
    assert picture_of(client.get("/plan/e/")).pictures == 0  # done: no way ahead to draw


def test_a_long_plan_shows_a_window_and_counts_the_rest(client, student):
    slugs = [f"step-{i:02d}" for i in range(30)]
    make_graph(list(zip(slugs, slugs[1:], strict=False)))
    response = client.get(f"/plan/{slugs[-1]}/")
    found = picture_of(response)
    assert len(found.nodes) <= 13
    html = response.content.decode()
    shown = len(found.nodes) - 1
    assert f"+{29 - shown} more steps first" in html


def test_the_picture_adds_no_query_per_topic_shown(client, student):
    # A hub with many prerequisites and dependents, and a lone topic: same queries.
    hub = Topic.objects.create(slug="hub", title="Hub", level=Level.UNDERGRADUATE)
    lone = Topic.objects.create(slug="lone", title="Lone", level=Level.UNDERGRADUATE)
    for i in range(20):
        before = Topic.objects.create(slug=f"p-{i}", title=f"P {i}", level=Level.UNDERGRADUATE)
        after = Topic.objects.create(slug=f"d-{i}", title=f"D {i}", level=Level.UNDERGRADUATE)
        Prerequisite.objects.create(prerequisite=before, dependent=hub)
        Prerequisite.objects.create(prerequisite=hub, dependent=after)
    graph_recompute()
    counts = []
    for topic in (lone, hub, lone):
        client.get(f"/topics/{topic.slug}/")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/topics/{topic.slug}/")
        counts.append(len(queries))
        assert picture_of(response).pictures == 1
    assert counts[0] == counts[1] == counts[2]
    assert len(picture_of(client.get("/topics/hub/")).nodes) == 11
    assert re.search(r"\+15 more prerequisites", client.get("/topics/hub/").content.decode())


def test_each_student_sees_their_own_states_though_the_markup_is_kept(client, graph, student):
    visitor = Client()
    assert states(visitor.get("/topics/d/"))["b"] == "locked"  # drawn and kept
    client.post("/known/b/", {"next": "/"})
    assert states(client.get("/topics/d/"))["b"] == "known"
    assert states(visitor.get("/topics/d/"))["b"] == "locked"


def test_the_legend_names_every_state_each_with_its_own_mark(client, graph):
    html = client.get("/topics/d/").content.decode()
    legend = html.split('class="graph-legend"')[1].split("</ul>")[0]
    items = re.findall(r'<li class="list-inline-item graph-(\w+)">(.*?)</li>', legend, re.S)
    assert [state for state, _ in items] == ["due", "mastered", "known", "ready", "locked"]
    labels = [re.sub(r"<[^>]+>", "", body).strip() for _, body in items]
    assert labels == [
        "due for review",
        "mastered in practice",
        "known",
        "ready to learn",
        "locked: needs a prerequisite first",
    ]
    # A second cue beside colour: no two states share a mark.
    marks = [re.search(r"<svg.*</svg>", body, re.S).group(0) for _, body in items]
    assert len(set(marks)) == 5
