import uuid

from django.db import models

from knowledge_graph.models import Topic
from learners.models import Learner
from practice import authored
from practice.questions import WRITTEN, Variant, variant_for


class Unit(models.TextChoices):
    """The unit of a question graded in bits or nats; ``NONE`` for a question whose
    family carries its own answer (a fraction, a choice, an angle: see
    ``practice.families``), which says its unit itself."""

    BITS = "bits", "bits"
    NATS = "nats", "nats"
    NONE = "", "none (the question's family gives its own answer)"


class QuestionTemplate(models.Model):
    """A kind of question; each attempt draws its own variant from a seed.

    ``generator`` names a function in ``practice.questions`` that turns a seed into
    the numbers of a variant and computes its answer with the KL engine.
    Instructors edit the wording, tolerance, order and whether it is offered.
    """

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="questions")
    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=200)
    generator = models.CharField(max_length=60)
    intro = models.TextField(
        blank=True, help_text="Optional sentence shown above the generated question (Markdown)."
    )
    unit = models.CharField(
        max_length=4,
        choices=Unit.choices,
        default=Unit.BITS,
        blank=True,
        help_text="Bits or nats for an information-theory generator; none for a family "
        "that gives its own answer.",
    )
    rel_tol = models.FloatField(
        "relative tolerance", default=5e-3, help_text="0.005 accepts answers within 0.5%."
    )
    position = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    # A question written in the admin (generator "template"; see practice.authored).
    variables = models.TextField(
        blank=True,
        help_text="One 'name = expression' per line: a = int(2, 9) draws a whole number "
        "from 2 to 9, pick(2, 5, 10) one of the values, frac(1, 9, 2, 9) a fraction; a line "
        "may compute from the names above it (c = a * b).",
    )
    constraints = models.TextField(
        blank=True,
        help_text="One condition per line that every draw must meet, e.g. gcd(a, b) == 1 "
        "or a != b; a draw that does not is drawn again.",
    )
    prompt = models.TextField(
        blank=True,
        help_text="The question (Markdown, $LaTeX$): {a} is replaced by the value of a, "
        "{= a*b} by the value of the expression; \\frac{{a}}{{b}} becomes a fraction.",
    )
    answer = models.CharField(
        max_length=500,
        blank=True,
        help_text="The expression that computes the answer, exactly (a/b + c/d stays a "
        "fraction); for several values, expressions separated by commas.",
    )
    answer_kind = models.CharField(
        max_length=10,
        blank=True,
        choices=[(k, k) for k in authored.KINDS],
        help_text="integer: only a whole number; exact: a fraction or whole number, exactly; "
        "number: within the tolerance; values: several values in order.",
    )
    answer_form = models.CharField(
        max_length=12,
        blank=True,
        choices=[(f, f.replace("_", " ")) for f in authored.FORMS if f],
        help_text="For the exact kind: how the answer must be written, if that is part of "
        "the skill.",
    )
    misconceptions = models.TextField(
        blank=True,
        help_text="One 'code: expression: message' per line: the value a typical mistake "
        "gives and what to tell the student, e.g. added_bottoms: (a+c)/(b+d): You added the "
        "denominators too.",
    )
    solution = models.TextField(
        blank=True,
        help_text="The worked solution with the draw's numbers, placeholders as in the question.",
    )

    class Meta:
        ordering = ["topic", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rel_tol__gt=0) & models.Q(rel_tol__lt=0.5),
                name="question_rel_tol_range",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def written(self) -> authored.Written:
        """The fields of a question written in the admin."""
        return authored.Written(
            variables=self.variables,
            prompt=self.prompt,
            answer=self.answer,
            kind=self.answer_kind,
            form=self.answer_form,
            constraints=self.constraints,
            misconceptions=self.misconceptions,
            solution=self.solution,
            rel_tol=self.rel_tol,
        )

    def variant(self, seed: int, *, unit: str | None = None) -> Variant:
        """This question's variant for ``seed``, in ``unit`` (default: the question's).

        A variant that carries its own answer ignores the unit; an empty one stands for
        bits, so that a generator graded in bits or nats is always drawn in one of them.
        A question written in the admin is drawn from its own fields.
        """
        if self.generator == WRITTEN:
            return authored.variant(self.written(), seed)
        return variant_for(
            self.generator, seed, unit=(self.unit if unit is None else unit) or "bits"
        )


class Attempt(models.Model):
    """One submitted answer, with everything needed to regrade it exactly."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="attempts")
    question = models.ForeignKey(
        QuestionTemplate, on_delete=models.CASCADE, related_name="attempts"
    )
    seed = models.BigIntegerField()
    variant = models.JSONField(help_text="The numbers of this variant.")
    expected = models.FloatField()
    unit = models.CharField(
        max_length=4,
        choices=Unit.choices,
        default=Unit.BITS,
        blank=True,
        help_text="The unit the question asked for; expected and value are in it. Empty "
        "when the variant carried its own answer (see answer).",
    )
    answer = models.JSONField(
        null=True,
        blank=True,
        help_text="The expected answer of a variant that carries its own (kind, value, "
        "unit, form, options; practice.grader.expected_to_data); empty for one graded in "
        "bits or nats.",
    )
    raw_answer = models.CharField(max_length=200)
    value = models.FloatField(null=True, blank=True)
    correct = models.BooleanField()
    diagnosis = models.CharField(max_length=40, blank=True)
    feedback = models.TextField(blank=True)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    try_number = models.PositiveSmallIntegerField(
        default=1, help_text="Which answer to this variant it was: 1 first, 2 the second try."
    )
    revealed = models.BooleanField(
        default=False,
        help_text="The worked solution of this variant had been shown before the answer: "
        "recorded, but no mastery credit.",
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["learner", "question", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.question} ← {self.raw_answer!r} ({'correct' if self.correct else 'wrong'})"


class SolutionReveal(models.Model):
    """The worked solution of one variant ``(question, seed)`` was shown to a learner:
    asked for with "Show the solution", or after the second wrong try. Any later answer
    to that variant is recorded as ``Attempt.revealed`` and earns no mastery credit."""

    learner = models.ForeignKey(Learner, on_delete=models.CASCADE, related_name="reveals")
    question = models.ForeignKey(QuestionTemplate, on_delete=models.CASCADE, related_name="reveals")
    seed = models.BigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            # One reveal per learner and variant (a double submit finds the first).
            models.UniqueConstraint(
                fields=["learner", "question", "seed"], name="reveal_once_per_learner"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question} (seed {self.seed}) solution shown"
