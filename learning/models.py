"""The learner's side: what they know and what they aim for.

Who is learning is a :class:`learners.models.Learner`. Every read and write of known
topics and goals goes through the request's learner, which is how one student's data
stays out of another's reach: no URL names a learner.
"""

from django.db import models
from django.db.models import Q

from knowledge_graph.models import Topic
from learners.models import Learner
from learning import review


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


class TopicMemory(models.Model):
    """What the spaced-review model holds of a learner's memory of one topic (see
    :mod:`learning.review`): an FSRS card (stability, difficulty, state, step, last
    review, due) and the implicit repetitions gathered since its last repetition.

    It starts the first time the learner masters the topic in practice; practice drives
    it from then on (``learning.services.memory_record``)."""

    class State(models.IntegerChoices):  # the fsrs package's State
        LEARNING = 1, "learning"
        REVIEW = 2, "review"
        RELEARNING = 3, "relearning"

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="memories")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")
    stability = models.FloatField(help_text="Days until recall falls to 90%.")
    difficulty = models.FloatField(help_text="1 (easy) to 10 (hard).")
    state = models.PositiveSmallIntegerField(choices=State, default=State.REVIEW)
    step = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The learning step, while learning (none: reviews)."
    )
    last_review = models.DateTimeField()
    due = models.DateTimeField()
    credit = models.FloatField(
        default=0.0,
        help_text="Implicit repetitions gathered from practice on the topics that build "
        "on it since its last repetition (below 1).",
    )
    reviews = models.PositiveIntegerField(
        default=1, help_text="Repetitions, explicit and implicit."
    )
    lapses = models.PositiveIntegerField(default=0, help_text="Wrong answers in review.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due", "id"]
        constraints = [
            models.UniqueConstraint(fields=["learner", "topic"], name="topic_memory_unique"),
        ]
        indexes = [models.Index(fields=["learner", "due"], name="topic_memory_due")]

    def __str__(self) -> str:
        return f"{self.learner} remembers {self.topic} (due {self.due:%Y-%m-%d})"

    def memory(self) -> review.Memory:
        """The row as the review model's :class:`~learning.review.Memory`."""
        return review.Memory(
            stability=self.stability,
            difficulty=self.difficulty,
            last_review=self.last_review,
            due=self.due,
            credit=self.credit,
            reviews=self.reviews,
            lapses=self.lapses,
        )

    def take(self, memory: review.Memory) -> None:
        """Copy ``memory`` into the row (not saved). Without learning steps every
        card the scheduler returns is in review."""
        self.stability, self.difficulty = memory.stability, memory.difficulty
        self.last_review, self.due = memory.last_review, memory.due
        self.credit, self.reviews, self.lapses = memory.credit, memory.reviews, memory.lapses
        self.state, self.step = self.State.REVIEW, None
