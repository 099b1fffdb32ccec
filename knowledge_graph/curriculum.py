"""Reading and checking the curriculum files, without Django.

The curriculum lives in ``fixtures/curriculum/*.json``: each file is a JSON list
of topics::

    {"slug": "kl-divergence", "title": "KL Divergence", "level": "graduate",
     "aliases": ["KL divergence", ...], "core_idea": "...", "minutes": 60,
     "prerequisites": ["mutual-information", ...]}

and ``fixtures/explainers/<slug>.md`` holds a topic's explainer (Markdown with
``$...$`` math); ``fixtures/questions/*.json`` list the question templates, each naming
its topic. ``python -m knowledge_graph.curriculum`` prints a report (with each level's
coverage: topics with a lesson, topics with at least one question family, families in
all, and the topics that miss either) and exits non-zero if the curriculum is
inconsistent; with ``--strict`` also if a topic has no lesson or no question family.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from knowledge_graph import graph as g
from knowledge_graph.rendering import math_problems

LEVELS = ("elementary", "middle_school", "high_school", "undergraduate", "graduate")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ROOT = Path(__file__).resolve().parent.parent
CURRICULUM_DIR = ROOT / "fixtures" / "curriculum"
EXPLAINER_DIR = ROOT / "fixtures" / "explainers"
QUESTIONS_DIR = ROOT / "fixtures" / "questions"


@dataclass
class TopicSpec:
    slug: str
    title: str
    level: str
    core_idea: str
    aliases: list[str] = field(default_factory=list)
    minutes: int = 30
    prerequisites: list[str] = field(default_factory=list)
    explainer: str = ""
    source: str = ""


def load(directory: Path = CURRICULUM_DIR, explainers: Path = EXPLAINER_DIR) -> list[TopicSpec]:
    """Read every ``*.json`` file in ``directory`` (sorted by name)."""
    specs: list[TopicSpec] = []
    for path in sorted(directory.glob("*.json")):
        for raw in json.loads(path.read_text(encoding="utf-8")):
            spec = TopicSpec(**raw, source=path.name)
            md = explainers / f"{spec.slug}.md"
            if md.exists():
                spec.explainer = md.read_text(encoding="utf-8")
            specs.append(spec)
    return specs


def problems(specs: list[TopicSpec]) -> list[str]:
    """Everything wrong with the curriculum, as readable sentences (empty if fine)."""
    out: list[str] = []
    slugs = Counter(s.slug for s in specs)
    out += [f"slug {s!r} is used {n} times" for s, n in slugs.items() if n > 1]
    titles = Counter(s.title for s in specs)
    out += [f"title {t!r} is used {n} times" for t, n in titles.items() if n > 1]
    for s in specs:
        where = f"{s.slug} ({s.source})"
        if not SLUG_RE.match(s.slug):
            out.append(f"{where}: slug is not lowercase-hyphenated")
        if s.level not in LEVELS:
            out.append(f"{where}: level {s.level!r} is not one of {LEVELS}")
        if not s.title.strip():
            out.append(f"{where}: empty title")
        sentences = len(re.findall(r"[.!?](?:\s|$)", s.core_idea.strip()))
        if not 1 <= sentences <= 3:
            out.append(f"{where}: core idea has {sentences} sentences (1 to 3 wanted)")
        if not 5 <= s.minutes <= 600:
            out.append(f"{where}: minutes {s.minutes} out of range 5..600")
        for p in s.prerequisites:
            if p not in slugs:
                out.append(f"{where}: unknown prerequisite {p!r}")
        if len(set(s.prerequisites)) != len(s.prerequisites):
            out.append(f"{where}: duplicate prerequisite")
        out += [f"{where}: core idea: {p}" for p in math_problems(s.core_idea)]
        out += [f"{where}: explainer: {p}" for p in math_problems(s.explainer)]
    if out:
        return out
    graph = to_graph(specs)
    cycle = g.find_cycle(graph)
    if cycle:
        return ["cycle: " + " → ".join(cycle)]
    return []


def to_graph(specs: list[TopicSpec]) -> g.Graph:
    return g.build((s.slug for s in specs), ((p, s.slug) for s in specs for p in s.prerequisites))


def report(specs: list[TopicSpec]) -> str:
    graph = to_graph(specs)
    derived = g.derive_all(graph)
    kl = derived.get("kl-divergence")
    per_level = Counter(s.level for s in specs)
    lines = [
        f"{len(specs)} topics, {sum(len(s.prerequisites) for s in specs)} edges",
        "levels: " + ", ".join(f"{lvl} {per_level[lvl]}" for lvl in LEVELS),
        f"max depth {max(d.depth for d in derived.values())}",
    ]
    if kl:
        lines.append(
            f"kl-divergence: depth {kl.depth}, ancestors {kl.ancestor_count}, "
            f"prerequisites {kl.prerequisite_count}, leads to {kl.dependent_count}, "
            f"unlocks {kl.descendant_count}"
        )
    return "\n".join(lines)


def question_families(directory: Path = QUESTIONS_DIR) -> Counter[str]:
    """How many question templates (question families) each topic has, by topic slug,
    from ``directory``'s ``*.json`` files."""
    return Counter(
        spec.get("topic", "")
        for path in sorted(directory.glob("*.json"))
        for spec in json.loads(path.read_text(encoding="utf-8"))
        if isinstance(spec, dict)
    )


@dataclass(frozen=True)
class Coverage:
    """One level's coverage: how many of its topics have a lesson and questions."""

    level: str
    topics: int
    with_lesson: int
    with_questions: int
    families: int
    missing: list[tuple[str, bool, bool]]  # (slug, has a lesson, has questions)


def coverage(specs: list[TopicSpec], families: Counter[str]) -> list[Coverage]:
    """Each level's coverage (lessons and question families), in :data:`LEVELS` order."""
    out = []
    for level in LEVELS:
        topics = [s for s in specs if s.level == level]
        lesson = {s.slug: bool(s.explainer.strip()) for s in topics}
        out.append(
            Coverage(
                level=level,
                topics=len(topics),
                with_lesson=sum(lesson.values()),
                with_questions=sum(families[s.slug] > 0 for s in topics),
                families=sum(families[s.slug] for s in topics),
                missing=[
                    (s.slug, lesson[s.slug], families[s.slug] > 0)
                    for s in topics
                    if not (lesson[s.slug] and families[s.slug])
                ],
            )
        )
    return out


def coverage_report(levels: list[Coverage]) -> str:
    """The coverage table, then every topic without a lesson or without questions."""
    width = max(len(c.level) for c in levels)
    lines = ["coverage: topics with a lesson, with question families; families in all"]
    total = Coverage("all", 0, 0, 0, 0, [])
    for c in [*levels, None]:
        if c is None:
            c = total
        else:
            total = Coverage(
                "all",
                total.topics + c.topics,
                total.with_lesson + c.with_lesson,
                total.with_questions + c.with_questions,
                total.families + c.families,
                total.missing + c.missing,
            )
        lines.append(
            f"  {c.level:<{width}}  {c.topics:4} topics  {c.with_lesson:4} with a lesson  "
            f"{c.with_questions:4} with questions  {c.families:4} families"
        )
    missing = [(c.level, m) for c in levels for m in c.missing]
    if missing:
        lines.append(f"{len(missing)} topics miss a lesson or questions:")
        for level, (slug, lesson, questions) in missing:
            lacks = ", ".join(
                f"no {what}"
                for what, has in (("lesson", lesson), ("questions", questions))
                if not has
            )
            lines.append(f"  {slug} ({level}): {lacks}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m knowledge_graph.curriculum",
        description="Check the curriculum files and print their figures and coverage.",
    )
    parser.add_argument("directory", nargs="?", type=Path, default=CURRICULUM_DIR)
    parser.add_argument("--explainers", type=Path, default=EXPLAINER_DIR)
    parser.add_argument("--questions", type=Path, default=QUESTIONS_DIR)
    parser.add_argument(
        "--strict",
        action="store_true",
        help="also fail when a topic has no lesson or no question family",
    )
    args = parser.parse_args(argv[1:])
    specs = load(args.directory, args.explainers)
    found = problems(specs)
    for p in found:
        print("PROBLEM:", p)
    if not any(p.startswith(("slug", "title")) or "unknown prerequisite" in p for p in found):
        try:
            print(report(specs))
        except g.CycleError as exc:
            print("PROBLEM:", exc)
    families = question_families(args.questions)
    known = {s.slug for s in specs}
    for slug in sorted(set(families) - known):
        found.append(f"questions name the unknown topic {slug!r}")
        print("PROBLEM:", found[-1])
    levels = coverage(specs, families)
    print(coverage_report(levels))
    incomplete = sum(len(c.missing) for c in levels)
    if args.strict and incomplete:
        print(f"STRICT: {incomplete} topics miss a lesson or questions")
    return 1 if found or (args.strict and incomplete) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
