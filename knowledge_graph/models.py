from django.db import models

from core.links import slug_url


class Level(models.TextChoices):
    ELEMENTARY = "elementary", "Elementary"
    MIDDLE_SCHOOL = "middle_school", "Middle School"
    HIGH_SCHOOL = "high_school", "High School"
    UNDERGRADUATE = "undergraduate", "Undergraduate"
    GRADUATE = "graduate", "Graduate"


class Topic(models.Model):
    """One node of the prerequisite graph.

    The fields after ``minutes`` are derived from the whole graph by
    ``knowledge_graph.services.graph_recompute`` after every edit; they are not
    editable by hand.
    """

    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=200, db_index=True)
    level = models.CharField(max_length=20, choices=Level.choices)
    aliases = models.TextField(blank=True, help_text="Other names students search for, one a line.")
    core_idea = models.TextField(help_text="One to three sentences.")
    explainer = models.TextField(
        blank=True,
        help_text="Markdown with $inline$ and $$display$$ LaTeX math. "
        "Place a plot with a line like [[plot:divergence p=0.5,0.3,0.2 q=0.2,0.3,0.5]].",
    )
    minutes = models.PositiveIntegerField("time estimate (minutes)", default=30)
    updated_at = models.DateTimeField(
        "last edited", auto_now=True, help_text="When the topic's content was last changed."
    )

    depth = models.PositiveIntegerField(default=0, editable=False, db_index=True)
    chain_parent = models.ForeignKey(
        "self", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    ancestor_count = models.PositiveIntegerField(default=0, editable=False)
    descendant_count = models.PositiveIntegerField(default=0, editable=False)
    prerequisite_count = models.PositiveIntegerField(default=0, editable=False)
    dependent_count = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["depth", "title", "slug"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(title=""), name="topic_title_not_empty"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return slug_url("topic_detail", self.slug)

    @property
    def alias_list(self) -> list[str]:
        return [a.strip() for a in self.aliases.splitlines() if a.strip()]

    @property
    def chain_length(self) -> int:
        """Topics on the longest prerequisite chain, this one included."""
        return self.depth + 1


class Prerequisite(models.Model):
    """An edge: ``prerequisite`` should be learned before ``dependent``."""

    prerequisite = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="dependent_edges"
    )
    dependent = models.ForeignKey(
        Topic, on_delete=models.CASCADE, related_name="prerequisite_edges"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prerequisite", "dependent"], name="edge_unique"),
            models.CheckConstraint(
                condition=~models.Q(prerequisite=models.F("dependent")), name="edge_no_self_loop"
            ),
        ]
        indexes = [models.Index(fields=["dependent", "prerequisite"])]

    def __str__(self) -> str:
        return f"{self.prerequisite} → {self.dependent}"


class GraphState(models.Model):
    """A single row: locked while the graph changes, so edits are serialised."""

    version = models.PositiveBigIntegerField(default=0)
    recomputed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"graph version {self.version}"
