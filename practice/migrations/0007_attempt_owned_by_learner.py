"""Attempts and solution reveals belong to their learner alone: the user and session
key columns go, the learner is required, and a variant is revealed once per learner."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("practice", "0006_attempt_learner_data")]

    operations = [
        migrations.RemoveField("attempt", "session_key"),
        migrations.RemoveField("attempt", "user"),
        migrations.RemoveField("solutionreveal", "session_key"),
        migrations.RemoveField("solutionreveal", "user"),
        migrations.AlterField(
            "attempt",
            "learner",
            models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="attempts",
                to="learners.learner",
            ),
        ),
        migrations.AlterField(
            "solutionreveal",
            "learner",
            models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="reveals",
                to="learners.learner",
            ),
        ),
        migrations.AddIndex(
            "attempt",
            models.Index(
                fields=["learner", "question", "-created_at"],
                name="practice_at_learner_f8a0e8_idx",
            ),
        ),
        migrations.AddConstraint(
            "solutionreveal",
            models.UniqueConstraint(
                fields=("learner", "question", "seed"), name="reveal_once_per_learner"
            ),
        ),
    ]
