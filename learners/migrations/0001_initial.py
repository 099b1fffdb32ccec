"""The learner row moves here from the learning app (label ``tutor``), where it was
created: this records it in this app's state without touching the table, which
0002 then renames."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("tutor", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Learner",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "session_key",
                            models.CharField(
                                blank=True,
                                default="",
                                help_text="The anonymous browser session; empty for a "
                                "signed-in user.",
                                max_length=64,
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "user",
                            models.OneToOneField(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="learner",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "tutor_learner",
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("user__isnull", False), ("session_key", "")),
                                    models.Q(
                                        ("user__isnull", True),
                                        models.Q(("session_key", ""), _negated=True),
                                    ),
                                    _connector="OR",
                                ),
                                name="learner_user_xor_session",
                            ),
                            models.UniqueConstraint(
                                condition=models.Q(("session_key", ""), _negated=True),
                                fields=("session_key",),
                                name="learner_session_key_unique",
                            ),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
