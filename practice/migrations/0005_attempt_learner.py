"""Attempts and solution reveals get a learner (``learners.Learner``), filled in by 0006;
the owner constraints on user and session key go first, so that going back restores the
owners before they are checked again."""

import django.db.models.deletion
from django.db import migrations, models


def learner_field(related_name: str, *, null: bool) -> models.ForeignKey:
    return models.ForeignKey(
        null=null,
        on_delete=django.db.models.deletion.CASCADE,
        related_name=related_name,
        to="learners.learner",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0002_learner_table_renamed"),
        ("practice", "0004_tutoring_loop"),
    ]

    operations = [
        migrations.AddField("attempt", "learner", learner_field("attempts", null=True)),
        migrations.AddField("solutionreveal", "learner", learner_field("reveals", null=True)),
        migrations.RemoveConstraint("attempt", "attempt_has_owner"),
        migrations.RemoveConstraint("solutionreveal", "reveal_has_owner"),
        migrations.RemoveConstraint("solutionreveal", "reveal_once_per_user"),
        migrations.RemoveConstraint("solutionreveal", "reveal_once_per_session"),
        migrations.RemoveIndex("attempt", "practice_at_user_id_5f71ec_idx"),
    ]
