"""The learner's side: who is learning, what they know, what they aim for.

A :class:`Learner` is either a signed-in user or an anonymous browser session,
never both. Rows are created on the first write (marking a topic known, setting
a goal), so browsing creates nothing. Every read and write of known topics and
goals goes through the request's learner, which is how one student's data stays
out of another's reach: no URL names a learner.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from knowledge_graph.models import Topic


class Learner(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="learner",
    )
    session_key = models.CharField(
        max_length=64,
        blank=True,
        default="",
        help_text="The anonymous browser session; empty for a signed-in user.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(user__isnull=False) & Q(session_key=""))
                | (Q(user__isnull=True) & ~Q(session_key="")),
                name="learner_user_xor_session",
            ),
            models.UniqueConstraint(
                fields=["session_key"],
                condition=~Q(session_key=""),
                name="learner_session_key_unique",
            ),
        ]

    def __str__(self) -> str:
        if self.user_id:
            return f"learner {self.user}"
        return f"anonymous learner {self.session_key[:8]}…"

    @property
    def is_anonymous(self) -> bool:
        return self.user_id is None


class KnownTopic(models.Model):
    """A topic the learner said they know. Its prerequisites count as known too,
    implicitly: they are derived, never stored."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="known")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
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
