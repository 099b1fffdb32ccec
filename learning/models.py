"""The learner's side: what they know and what they aim for.

Who is learning is a :class:`learners.models.Learner`. Every read and write of known
topics and goals goes through the request's learner, which is how one student's data
stays out of another's reach: no URL names a learner.
"""

from django.db import models
from django.db.models import Q

from knowledge_graph.models import Topic
from learners.models import Learner


class KnownTopic(models.Model):
    """A topic the learner knows, by their word ("I know this") or as placement found.
    Its prerequisites count as known too, implicitly: they are derived, never stored."""

    class Source(models.TextChoices):
        SELF = "self", "marked by the student"
        PLACEMENT = "placement", "found by placement"

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="known")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(
        max_length=16,
        choices=Source,
        default=Source.SELF,
        help_text="Who said so: the student, or placement (replaced when they take it again).",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["learner", "topic"], name="known_topic_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.learner} knows {self.topic}"


class Goal(models.Model):
    """A topic the learner wants to reach. Several are allowed; at most one is current."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="goals")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    is_current = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-is_current", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["learner", "topic"], name="goal_unique"),
            models.UniqueConstraint(
                fields=["learner"], condition=Q(is_current=True), name="goal_one_current"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.learner} aims for {self.topic}{' (current)' if self.is_current else ''}"
