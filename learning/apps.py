from django.apps import AppConfig


class LearningConfig(AppConfig):
    """The learner's side: known topics, goals, plan, dashboard, topic page.

    The label stays ``tutor`` (the app's earlier name), so that existing databases keep
    their tables (``tutor_knowntopic``, ...) and migration history without a rename.
    """

    name = "learning"
    label = "tutor"
    verbose_name = "Learning"

    def ready(self) -> None:
        from learning import signals  # noqa: F401 (connects the receivers)
