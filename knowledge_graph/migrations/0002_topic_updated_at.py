import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge_graph", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="topic",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True,
                default=django.utils.timezone.now,
                help_text="When the topic's content was last changed.",
                verbose_name="last edited",
            ),
            preserve_default=False,
        ),
    ]
