"""One learner identity: a signed-in user or an anonymous browser session, never both.

A row is created on a learner's first write (an answer, a topic marked known, a goal),
so browsing creates nothing. Everything a learner owns points at their row, so signing
up or logging in re-points one row (or merges it into the account's) and nothing else
needs to know how the learner was identified.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q


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
