"""Staff sessions are shorter than students': an instructor's or administrator's
session ends after ``settings.STAFF_SESSION_HOURS`` (a student's after ``SESSION_DAYS``),
whichever page they logged in through (the site's log-in or the admin's)."""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver


@receiver(user_logged_in)
def staff_session_expiry(sender, request, user, **kwargs) -> None:
    """Give a staff member's new session the shorter life."""
    if user.is_staff and request is not None and hasattr(request, "session"):
        request.session.set_expiry(settings.STAFF_SESSION_SECONDS)
