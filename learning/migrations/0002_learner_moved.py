"""The learner row now belongs to the ``learners`` app (its 0001 takes it over): known
topics and goals point there, and this app's state forgets the model. No table changes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("tutor", "0001_initial"),
        ("learners", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="knowntopic",
                    name="learner",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="known",
                        to="learners.learner",
                    ),
                ),
                migrations.AlterField(
                    model_name="goal",
                    name="learner",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="goals",
                        to="learners.learner",
                    ),
                ),
                migrations.DeleteModel(name="Learner"),
            ],
            database_operations=[],
        ),
    ]
