"""Demo association member accounts for `make run` (development only), printed with their credentials."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from associations.demo import demo_members_ensure


class Command(BaseCommand):
    help = "Create two demo association member accounts for the first two seeded associations (development only)."

    def handle(self, *args, **options):
        if settings.DJANGO_ENV == "production":
            raise CommandError("Demo accounts have a published password: never in production.")
        accounts = demo_members_ensure()
        if not accounts:
            self.stdout.write(self.style.WARNING("No association pages yet: run seed_demo first."))
            return
        self.stdout.write(self.style.SUCCESS("Association members (they edit their own profile and events):"))
        for account in accounts:
            self.stdout.write(f"  {account['association']}: {account['username']} / {account['password']}")
