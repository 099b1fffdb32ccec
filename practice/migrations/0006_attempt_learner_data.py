"""Every attempt and solution reveal, once owned by a user or an anonymous session key,
points at that owner's learner row (the existing one, or a new row). A migration of its
own: PostgreSQL does not alter a table in the transaction that updated its rows."""

from django.db import migrations


def point_at_learners(apps, schema_editor):
    Learner = apps.get_model("learners", "Learner")
    for name in ("Attempt", "SolutionReveal"):
        rows = apps.get_model("practice", name).objects
        users = rows.filter(user__isnull=False).values_list("user_id", flat=True).distinct()
        for user_id in list(users):
            learner, _ = Learner.objects.get_or_create(
                user_id=user_id, defaults={"session_key": ""}
            )
            rows.filter(user_id=user_id).update(learner=learner)
        keys = rows.filter(user__isnull=True).values_list("session_key", flat=True).distinct()
        for key in list(keys):
            learner, _ = Learner.objects.get_or_create(session_key=key, user=None)
            rows.filter(user__isnull=True, session_key=key).update(learner=learner)


def point_at_owners(apps, schema_editor):
    Learner = apps.get_model("learners", "Learner")
    for name in ("Attempt", "SolutionReveal"):
        rows = apps.get_model("practice", name).objects
        for learner in Learner.objects.filter(pk__in=rows.values("learner_id")):
            rows.filter(learner=learner).update(
                user_id=learner.user_id, session_key=learner.session_key
            )


class Migration(migrations.Migration):
    dependencies = [("practice", "0005_attempt_learner")]

    operations = [migrations.RunPython(point_at_learners, point_at_owners)]
