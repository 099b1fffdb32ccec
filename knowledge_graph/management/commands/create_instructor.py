import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from knowledge_graph.services import instructors_group_ensure


class Command(BaseCommand):
    help = (
        "Create (or update) an instructor: a staff account in the Instructors group, which may "
        "edit topics, prerequisite edges and practice questions in the admin, and nothing else. "
        "The password comes from --password or the INSTRUCTOR_PASSWORD environment variable."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--password", default=None)

    def handle(self, *args, username: str, email: str, password: str | None, **options):
        password = password or os.environ.get("INSTRUCTOR_PASSWORD")
        if not password:
            raise CommandError("give --password or set INSTRUCTOR_PASSWORD")
        User = get_user_model()
        user, created = User.objects.get_or_create(username=username, defaults={"email": email})
        user.is_staff = True
        user.is_superuser = False
        if email:
            user.email = email
        user.set_password(password)
        user.full_clean()
        user.save()
        user.groups.add(instructors_group_ensure())
        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} instructor {username!r}."))
