from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from knowledge_graph import curriculum
from practice.services import curriculum_load


class Command(BaseCommand):
    help = (
        "Load (or refresh) the curriculum from fixtures/: topics, prerequisite edges, "
        "explainers and practice questions. Running it twice changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--directory", default=str(curriculum.CURRICULUM_DIR))

    def handle(self, *args, directory: str, **options):
        specs = curriculum.load(Path(directory))
        found = curriculum.problems(specs)
        if found:
            raise CommandError("the curriculum is inconsistent:\n" + "\n".join(found))
        result = curriculum_load(specs=specs)
        self.stdout.write(self.style.SUCCESS(result.summary()))
