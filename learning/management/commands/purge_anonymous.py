from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from learning.services import anonymous_purge


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


class Command(BaseCommand):
    help = (
        "Delete anonymous learners (with their known topics, goals and memories of topics) "
        "and anonymous practice attempts whose session is gone or expired. Run it after "
        "clearsessions, which deletes only the sessions."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="count what would be removed; remove nothing"
        )

    def handle(self, *args, dry_run: bool, **options):
        try:
            result = anonymous_purge(dry_run=dry_run)
        except ValidationError as exc:
            raise CommandError(exc.messages[0]) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"{'Would remove' if dry_run else 'Removed'} "
                f"{_count(result.learners, 'anonymous learner')} "
                f"({_count(result.known_topics, 'known topic')}, {_count(result.goals, 'goal')}) "
                f"and {_count(result.attempts, 'anonymous practice attempt')} "
                "whose session is gone."
            )
        )
