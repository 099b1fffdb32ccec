"""The seed page's figures for KL divergence, which the shipped curriculum must keep.

The seed (the page this project reproduces for KL divergence) fixes the prerequisite
chain, its titles and the topic's numbers; :func:`kl_problems` lists where a curriculum
differs from them, and the tests require it to find nothing.
"""

from __future__ import annotations

from knowledge_graph import graph as g
from knowledge_graph.curriculum import TopicSpec

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
        shown = chain[first : first + 3] if first is not None else chain
        out.append(f"the longest chain differs from the seed's at step {first}: {shown}")
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
