from django.apps import AppConfig


class LearnersConfig(AppConfig):
    """Who is learning: a signed-in user or an anonymous browser session, one row each.

    Everything a learner owns (practice attempts, known topics, goals) points at
    :class:`~learners.models.Learner`; this app sits below every app that does.
    """

    name = "learners"
    verbose_name = "Learners"
