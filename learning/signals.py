"""Signal receivers of the learning app.

Staff sessions are shorter than students': an instructor's or administrator's
session ends after ``settings.STAFF_SESSION_HOURS`` (a student's after ``SESSION_DAYS``),
whichever page they logged in through (the site's log-in or the admin's).

Every practice answer stored updates the learner's memories for spaced review: practice
announces it (:data:`practice.signals.attempt_stored`, once per stored attempt, inside
the transaction that stores it), and :func:`learning.services.memory_record` does the
rest.
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from learning import services
from practice.signals import attempt_stored


@receiver(user_logged_in)
def staff_session_expiry(sender, request, user, **kwargs) -> None:
    """Give a staff member's new session the shorter life."""
    if user.is_staff and request is not None and hasattr(request, "session"):
        request.session.set_expiry(settings.STAFF_SESSION_SECONDS)


@receiver(attempt_stored, dispatch_uid="learning.memory_from_practice")
def memory_from_practice(sender, attempt, **kwargs) -> None:
    """Update the learner's memories from the answer practice just stored."""
    services.memory_record(attempt=attempt)
