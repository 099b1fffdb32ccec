"""Reading and checking the curriculum files, without Django.

The curriculum lives in ``fixtures/curriculum/*.json``: each file is a JSON list
of topics::

    {"slug": "kl-divergence", "title": "KL Divergence", "level": "graduate",
     "aliases": ["KL divergence", ...], "core_idea": "...", "minutes": 60,
     "prerequisites": ["mutual-information", ...]}

and ``fixtures/explainers/<slug>.md`` holds a topic's explainer (Markdown with
``$...$`` math). ``python -m knowledge_graph.curriculum`` prints a report and
exits non-zero if the curriculum is inconsistent.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from knowledge_graph import graph as g

LEVELS = ("elementary", "middle_school", "high_school", "undergraduate", "graduate")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ROOT = Path(__file__).resolve().parent.parent
CURRICULUM_DIR = ROOT / "fixtures" / "curriculum"
EXPLAINER_DIR = ROOT / "fixtures" / "explainers"


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


def main(argv: list[str]) -> int:
    directory = Path(argv[1]) if len(argv) > 1 else CURRICULUM_DIR
    specs = load(directory)
    found = problems(specs)
    for p in found:
        print("PROBLEM:", p)
    if not any(p.startswith(("slug", "title")) or "unknown prerequisite" in p for p in found):
        try:
            print(report(specs))
        except g.CycleError as exc:
            print("PROBLEM:", exc)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
