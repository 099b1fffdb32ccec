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

# The seed page's prerequisite chain for KL divergence, as (slug, title), spelled as the seed.
KL_CHAIN: tuple[tuple[str, str], ...] = (
    ("counting-to-10", "Counting to 10"),
    ("counting-to-20", "Counting to 20"),
    ("understanding-zero", "Understanding Zero"),
    ("the-number-zero", "The Number Zero"),
    ("counting-to-five", "Counting to Five"),
    ("one-to-one-correspondence", "One-to-One Correspondence"),
    ("combining-small-groups-within-5", "Combining Small Groups Within 5"),
    ("addition-within-10", "Addition Within 10"),
    ("addition-within-20", "Addition Within 20"),
    ("two-digit-addition-without-regrouping", "Two-Digit Addition Without Regrouping"),
    ("two-digit-addition-with-regrouping", "Two-Digit Addition with Regrouping"),
    ("addition-within-100", "Addition Within 100"),
    ("repeated-addition-as-multiplication", "Repeated Addition as Multiplication"),
    ("multiplication-facts-within-100", "Multiplication Facts Within 100"),
    ("division-as-equal-sharing-intro", "Division as Equal Sharing"),
    ("division-as-grouping-measurement", "Division as Grouping (Measurement Division)"),
    (
        "division-grouping-repeated-subtraction-model",
        "Division: Grouping (Repeated Subtraction) Model",
    ),
    ("division-fair-sharing-model", "Division: Fair Sharing Model"),
    ("division-as-equal-sharing", "Division as Equal Sharing"),
    ("division-as-grouping", "Division as Grouping"),
    ("basic-division-facts", "Basic Division Facts"),
    ("division-facts-within-100", "Division Facts Within 100"),
    ("two-digit-by-one-digit-division", "Two-Digit by One-Digit Division"),
    ("division-with-remainders", "Division with Remainders"),
    ("remainders-and-quotients-in-division", "Remainders and Quotients in Division"),
    ("division-word-problems", "Division Word Problems"),
    ("introduction-to-long-division", "Introduction to Long Division"),
    ("factors-and-multiples", "Factors and Multiples"),
    ("prime-and-composite-numbers", "Prime and Composite Numbers"),
    ("equivalent-fractions", "Equivalent Fractions"),
    ("relating-fractions-and-decimals", "Relating Fractions and Decimals"),
    ("decimal-place-value", "Decimal Place Value"),
    ("reading-and-writing-decimals", "Reading and Writing Decimals"),
    ("comparing-and-ordering-decimals", "Comparing and Ordering Decimals"),
    ("adding-and-subtracting-decimals", "Adding and Subtracting Decimals"),
    ("multiplying-decimals", "Multiplying Decimals"),
    ("dividing-decimals", "Dividing Decimals"),
    ("dividing-fractions", "Dividing Fractions"),
    ("mixed-number-arithmetic", "Mixed Number Arithmetic"),
    ("order-of-operations", "Order of Operations"),
    ("integer-order-of-operations", "Integer Order of Operations"),
    ("variable-expressions", "Variable Expressions"),
    ("combining-like-terms", "Combining Like Terms"),
    ("one-step-equations", "One-Step Equations"),
    ("two-step-equations", "Two-Step Equations"),
    ("solving-multi-step-equations", "Solving Multi-Step Equations"),
    ("equations-with-variables-on-both-sides", "Equations with Variables on Both Sides"),
    ("angle-pairs", "Angle Pairs: Complementary, Supplementary, and Vertical"),
    ("parallel-lines-and-transversals", "Parallel Lines and Transversals"),
    ("corresponding-angles", "Corresponding Angles"),
    ("alternate-interior-angles", "Alternate Interior Angles"),
    ("triangle-angle-sum-theorem", "Triangle Angle Sum Theorem"),
    ("exterior-angle-theorem", "Exterior Angle Theorem"),
    ("triangle-inequality-theorem", "Triangle Inequality Theorem"),
    ("similar-triangles-aa", "Similar Triangles: AA Similarity"),
    ("similar-triangles-sss-sas", "Similar Triangles: SSS and SAS Similarity"),
    ("proportions-in-similar-triangles", "Proportions in Similar Triangles"),
    ("right-triangle-trigonometry-introduction", "Right Triangle Trigonometry Introduction"),
    ("trigonometric-ratios-review", "Trigonometric Ratios Review"),
    ("radian-measure", "Radian Measure"),
    ("converting-degrees-and-radians", "Converting Between Degrees and Radians"),
    ("the-unit-circle", "The Unit Circle"),
    ("graphing-sine-and-cosine", "Graphing Sine and Cosine"),
    (
        "graphing-tangent-and-reciprocal-trig",
        "Graphing Tangent and Reciprocal Trigonometric Functions",
    ),
    ("derivatives-of-trigonometric-functions", "Derivatives of Trigonometric Functions"),
    ("antiderivatives", "Antiderivatives"),
    ("indefinite-integrals", "Indefinite Integrals"),
    ("basic-integration-rules", "Basic Integration Rules"),
    ("riemann-sums", "Riemann Sums"),
    ("definite-integral-definition", "Definite Integral Definition"),
    (
        "pdfs-and-continuous-distributions",
        "Probability Density Functions and Continuous Distributions",
    ),
    ("cumulative-distribution-functions", "Cumulative Distribution Functions"),
    ("continuous-random-variables", "Continuous Random Variables"),
    ("probability-density-functions", "Probability Density Functions"),
    ("shannon-entropy", "Shannon Entropy"),
    ("joint-and-conditional-entropy", "Joint and Conditional Entropy"),
    ("mutual-information", "Mutual Information"),
    ("kl-divergence", "KL Divergence"),
)

# Titles shown instead of the seed's: the seed titles two topics "Division as Equal
# Sharing", and every title a student sees must be distinct.
RETITLED: dict[str, str] = {
    "division-as-equal-sharing-intro": "Division as Equal Sharing: A First Look",
}

# The KL chain as a student sees it on the topic page.
KL_CHAIN_SHOWN: tuple[tuple[str, str], ...] = tuple(
    (slug, RETITLED.get(slug, title)) for slug, title in KL_CHAIN
)

# The seed page's other figures for KL divergence.
KL_FIGURES = {
    "level": "graduate",
    "depth": 77,
    "chain_length": 78,
    "ancestor_count": 327,
    "prerequisite_count": 3,
    "dependent_count": 11,
    "descendant_count": 14,
    "aliases": ["KL divergence", "Kullback-Leibler", "relative entropy", "divergence"],
}


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
    return kl_problems(specs, graph)


def to_graph(specs: list[TopicSpec]) -> g.Graph:
    return g.build((s.slug for s in specs), ((p, s.slug) for s in specs for p in s.prerequisites))


def kl_problems(specs: list[TopicSpec], graph: g.Graph) -> list[str]:
    """Differences between the curriculum and the seed page's figures for KL divergence."""
    by_slug = {s.slug: s for s in specs}
    out: list[str] = []
    for slug, title in KL_CHAIN_SHOWN:
        if slug not in by_slug:
            out.append(f"chain topic {slug!r} is missing")
        elif by_slug[slug].title != title:
            out.append(f"{slug}: title {by_slug[slug].title!r}, should be {title!r}")
    if out:
        return out
    derived = g.derive_all(graph)
    kl = derived["kl-divergence"]
    spec = by_slug["kl-divergence"]
    have = {
        "level": spec.level,
        "depth": kl.depth,
        "chain_length": kl.depth + 1,
        "ancestor_count": kl.ancestor_count,
        "prerequisite_count": kl.prerequisite_count,
        "dependent_count": kl.dependent_count,
        "descendant_count": kl.descendant_count,
        "aliases": spec.aliases,
    }
    out += [
        f"kl-divergence {k}: {have[k]!r}, seed says {v!r}"
        for k, v in KL_FIGURES.items()
        if have[k] != v
    ]
    chain = g.prerequisite_chain(graph, "kl-divergence")
    if chain != [s for s, _ in KL_CHAIN]:
        first = next(
            (i for i, (a, b) in enumerate(zip(chain, KL_CHAIN, strict=False)) if a != b[0]), None
        )
        out.append(
            f"the longest chain differs from the seed's at step {first}: {chain[first : first + 3] if first is not None else chain}"
        )
    depth = {n: d.depth for n, d in derived.items()}
    if not g.is_unique_longest_chain(graph, "kl-divergence", depth):
        n = "kl-divergence"
        while graph.parents[n]:
            deepest = [p for p in graph.parents[n] if depth[p] == depth[n] - 1]
            if len(deepest) != 1:
                out.append(f"{n}: several prerequisites at depth {depth[n] - 1}: {deepest}")
                break
            n = deepest[0]
    if "mutual-information" not in graph.parents["kl-divergence"]:
        out.append("Mutual Information must be a direct prerequisite of KL divergence")
    return out


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
