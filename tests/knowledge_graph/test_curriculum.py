"""The shipped curriculum: consistent, real, and exactly the seed's figures for KL divergence."""

import json
import re

import networkx as nx
import pytest
from django.core.exceptions import ValidationError

from knowledge_graph import curriculum as c
from knowledge_graph.models import Prerequisite, Topic
from practice.services import curriculum_load
from tests.knowledge_graph import seed


@pytest.fixture(scope="module")
def specs():
    return c.load()


def test_curriculum_files_have_no_problems_and_keep_the_seed_figures(specs):
    assert c.problems(specs) == []
    assert seed.kl_problems(specs, c.to_graph(specs)) == []


def test_no_placeholder_topics(specs):
    bad = re.compile(r"\b(topic \d+|lorem|ipsum|stub|placeholder|todo|tbd|xxx)\b", re.I)
    for s in specs:
        assert not bad.search(s.title), s.title
        assert not bad.search(s.core_idea), s.slug
        assert len(s.core_idea) > 60, s.slug


def test_core_ideas_are_written_for_each_topic(specs):
    ideas = [s.core_idea for s in specs]
    assert len(set(ideas)) == len(ideas)
    openings = [" ".join(i.split()[:5]) for i in ideas]
    assert max(openings.count(o) for o in openings) <= 3


def test_every_title_shown_to_a_student_is_distinct(specs):
    titles = [s.title for s in specs]
    repeated = {t for t in titles if titles.count(t) > 1}
    assert repeated == set()
    chain = [title for _, title in seed.KL_CHAIN_SHOWN]
    assert len(set(chain)) == len(chain)
    assert [slug for slug, _ in seed.KL_CHAIN_SHOWN] == [slug for slug, _ in seed.KL_CHAIN]


def test_every_level_is_used(specs):
    assert {s.level for s in specs} == set(c.LEVELS)


@pytest.mark.django_db
def test_loaded_numbers_are_right_for_every_topic(curriculum):
    G = nx.DiGraph()
    G.add_nodes_from(Topic.objects.values_list("id", flat=True))
    G.add_edges_from(Prerequisite.objects.values_list("prerequisite_id", "dependent_id"))
    depth = {}
    for n in nx.topological_sort(G):
        preds = list(G.predecessors(n))
        depth[n] = 1 + max(depth[p] for p in preds) if preds else 0
    for t in Topic.objects.all():
        assert t.depth == depth[t.id], t.slug
        assert t.ancestor_count == len(nx.ancestors(G, t.id)), t.slug
        assert t.descendant_count == len(nx.descendants(G, t.id)), t.slug
        assert t.prerequisite_count == G.in_degree(t.id), t.slug
        assert t.dependent_count == G.out_degree(t.id), t.slug
        if t.chain_parent_id is not None:
            assert G.has_edge(t.chain_parent_id, t.id)
            assert depth[t.chain_parent_id] == t.depth - 1
        else:
            assert t.depth == 0


@pytest.mark.django_db
def test_kl_divergence_has_the_seed_figures(curriculum):
    kl = Topic.objects.get(slug="kl-divergence")
    assert kl.get_level_display() == "Graduate"
    assert kl.depth == 77
    assert kl.ancestor_count == 327
    assert kl.prerequisite_count == 3
    assert kl.dependent_count == 11
    assert kl.descendant_count == 14
    assert kl.alias_list == seed.KL_FIGURES["aliases"]
    assert Prerequisite.objects.filter(
        dependent=kl, prerequisite__slug="mutual-information"
    ).exists()


@pytest.mark.django_db
def test_loading_twice_changes_nothing(curriculum):
    snapshot = list(Topic.objects.order_by("slug").values())
    edges = set(Prerequisite.objects.values_list("prerequisite__slug", "dependent__slug"))
    result = curriculum_load(specs=c.load())
    assert (result.created, result.updated, result.edges_added, result.edges_removed) == (
        0,
        0,
        0,
        0,
    )
    assert list(Topic.objects.order_by("slug").values()) == snapshot
    assert set(Prerequisite.objects.values_list("prerequisite__slug", "dependent__slug")) == edges


@pytest.mark.django_db
def test_loading_refreshes_changed_content_and_edges(curriculum):
    specs = c.load()
    shannon = next(s for s in specs if s.slug == "shannon-entropy")
    shannon.core_idea = "Entropy measures the average surprise of a random outcome, in bits."
    before = dict(Topic.objects.values_list("slug", "updated_at"))
    result = curriculum_load(specs=specs)
    assert result.updated == 1
    assert Topic.objects.get(slug="shannon-entropy").core_idea == shannon.core_idea
    after = dict(Topic.objects.values_list("slug", "updated_at"))
    assert {slug for slug in after if after[slug] != before[slug]} == {"shannon-entropy"}


def test_validator_names_a_cycle_and_a_broken_chain(specs):
    broken = [c.TopicSpec(**{**s.__dict__}) for s in specs]
    first = next(s for s in broken if s.slug == "counting-to-10")
    first.prerequisites = ["kl-divergence"]
    found = c.problems(broken)
    assert len(found) == 1 and found[0].startswith("cycle: ") and "→" in found[0]


def test_validator_reports_a_tie_in_the_longest_chain(specs):
    tied = [c.TopicSpec(**{**s.__dict__, "prerequisites": list(s.prerequisites)}) for s in specs]
    jce = next(s for s in tied if s.slug == "joint-and-conditional-entropy")
    twin = c.TopicSpec(
        slug="second-route",
        title="A Second Route",
        level="undergraduate",
        core_idea="A topic added by this test, as deep as Joint and Conditional Entropy.",
        prerequisites=list(jce.prerequisites),
    )
    next(s for s in tied if s.slug == "mutual-information").prerequisites.append(twin.slug)
    found = seed.kl_problems([*tied, twin], c.to_graph([*tied, twin]))
    assert any("mutual-information: several prerequisites at depth 75" in p for p in found), found


def test_validator_refuses_a_repeated_title(specs):
    copied = [c.TopicSpec(**{**s.__dict__}) for s in specs]
    intro = next(s for s in copied if s.slug == "division-as-equal-sharing-intro")
    intro.title = next(s.title for s in copied if s.slug == "division-as-equal-sharing")
    assert c.problems(copied) == [f"title {intro.title!r} is used 2 times"]


# ------------------------------------------------------------------------------ coverage


def small_curriculum(tmp_path, *, lessons: dict[str, str], questions: dict[str, int]):
    """Three topics on two levels, with the given lessons and question counts."""
    topics = [
        ("counting", "Counting", "elementary", []),
        ("adding", "Adding", "elementary", ["counting"]),
        ("entropy", "Entropy", "graduate", ["adding"]),
    ]
    (tmp_path / "curriculum").mkdir()
    (tmp_path / "explainers").mkdir()
    (tmp_path / "questions").mkdir()
    specs = [
        {
            "slug": slug,
            "title": title,
            "level": level,
            "core_idea": f"What {title.lower()} is about, in one sentence.",
            "prerequisites": prerequisites,
        }
        for slug, title, level, prerequisites in topics
    ]
    (tmp_path / "curriculum" / "all.json").write_text(json.dumps(specs))
    for slug, text in lessons.items():
        (tmp_path / "explainers" / f"{slug}.md").write_text(text)
    templates = [
        {"slug": f"{slug}-{i}", "topic": slug, "title": "Q", "generator": "g"}
        for slug, count in questions.items()
        for i in range(count)
    ]
    (tmp_path / "questions" / "q.json").write_text(json.dumps(templates))
    return [
        "curriculum",
        str(tmp_path / "curriculum"),
        "--explainers",
        str(tmp_path / "explainers"),
        "--questions",
        str(tmp_path / "questions"),
    ]


def test_coverage_is_printed_per_level_with_the_topics_missing_either(tmp_path, capsys):
    argv = small_curriculum(
        tmp_path,
        lessons={"counting": "# Counting\n", "entropy": "# Entropy\n", "adding": "  \n"},
        questions={"counting": 2, "adding": 1},
    )
    assert c.main(argv) == 0
    out = capsys.readouterr().out
    rows = {
        line.split()[0]: [int(n) for n in re.findall(r"\d+", line)]
        for line in out.splitlines()
        if line.endswith(" families")
    }
    # topics, with a lesson, with questions, families
    assert rows == {
        "elementary": [2, 1, 2, 3],
        "middle_school": [0, 0, 0, 0],
        "high_school": [0, 0, 0, 0],
        "undergraduate": [0, 0, 0, 0],
        "graduate": [1, 1, 0, 0],
        "all": [3, 2, 2, 3],
    }
    assert "2 topics miss a lesson or questions:" in out
    assert "  adding (elementary): no lesson\n" in out  # an empty file is no lesson
    assert "  entropy (graduate): no questions\n" in out
    assert "counting (" not in out


def test_strict_fails_while_a_topic_misses_a_lesson_or_questions(tmp_path, capsys):
    argv = small_curriculum(
        tmp_path,
        lessons={"counting": "# Counting\n", "adding": "# Adding\n"},
        questions={"counting": 1, "adding": 1, "entropy": 1},
    )
    assert c.main([*argv, "--strict"]) == 1
    assert "STRICT: 1 topics miss a lesson or questions" in capsys.readouterr().out
    (tmp_path / "explainers" / "entropy.md").write_text("# Entropy\n")
    assert c.main([*argv, "--strict"]) == 0
    assert "miss a lesson" not in capsys.readouterr().out


def test_every_shipped_topic_has_a_lesson_and_questions_from_high_school_up_two(capsys):
    """The curriculum as shipped: all 342 topics teachable, checked as the README's
    ``--strict`` command checks it, and two families or more from high school up, save a
    few topics named here whose second family would repeat the first."""
    assert c.main(["--strict"]) == 0
    assert "all             342 topics   342 with a lesson   342 with questions" in (
        capsys.readouterr().out
    )
    specs, families = c.load(), c.question_families()
    upper = [s.slug for s in specs if s.level in ("high_school", "undergraduate", "graduate")]
    assert len(upper) == 165
    single = sorted(slug for slug in upper if families[slug] < 2)
    assert single == []


def test_questions_for_a_topic_that_does_not_exist_are_a_problem(tmp_path, capsys):
    argv = small_curriculum(tmp_path, lessons={}, questions={"counting": 1, "nowhere": 1})
    assert c.main(argv) == 1
    assert "PROBLEM: questions name the unknown topic 'nowhere'" in capsys.readouterr().out


def test_the_shipped_questions_all_name_a_topic(specs):
    known = {s.slug for s in specs}
    assert set(c.question_families()) <= known


@pytest.mark.django_db
def test_a_formula_that_would_set_a_link_stops_the_load_with_where_it_is(specs):
    edited = [c.TopicSpec(**{**s.__dict__}) for s in specs]
    shannon = next(s for s in edited if s.slug == "shannon-entropy")
    shannon.explainer += "\n\nSee $\\href{javascript:alert(1)}{here}$.\n"
    shannon.core_idea = "Entropy is $\\style{color:red}{H}$, the average surprise."
    found = c.problems(edited)
    where = f"shannon-entropy ({shannon.source})"
    assert found == [
        f"{where}: core idea: The formula $\\style{{color:red}}{{H}}$ cannot be shown: \\style "
        "is not allowed in a formula: a formula may not set links, styles, classes, ids or "
        "HTML attributes.",
        f"{where}: explainer: The formula $\\href{{javascript:alert(1)}}{{here}}$ cannot be "
        "shown: \\href is not allowed in a formula: a formula may not set links, styles, "
        "classes, ids or HTML attributes.",
    ]
    with pytest.raises(ValidationError) as refused:
        curriculum_load(specs=edited)
    assert refused.value.messages == found
    assert not Topic.objects.exists()
