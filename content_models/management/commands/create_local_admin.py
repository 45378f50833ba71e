"""Create (or reuse) the local admin account of the embedded demo and print its credentials.

A development convenience for `make run`: the password is random, kept in var/ (git-ignored) so the same
credentials print on every start. Refused in production, where accounts are created with `createsuperuser`.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"


class Command(BaseCommand):
    help = "Create the local demo admin user (development only) and print its credentials."

    def handle(self, *args, **options):
        if settings.DJANGO_ENV == "production":
            raise CommandError("create_local_admin is for local development; use createsuperuser in production.")
        password_file = settings.VAR_DIR / "local-admin-password.txt"
        password = password_file.read_text().strip() if password_file.exists() else ""
        if not password:
            password = secrets.token_urlsafe(12)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        user, _created = get_user_model().objects.get_or_create(
            username=USERNAME, defaults={"email": "admin@localhost", "first_name": "Demo", "last_name": "Admin"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        if not user.check_password(password):
            user.set_password(password)
        user.save()
        self.stdout.write(self.style.SUCCESS(f"Admin: {settings.WAGTAILADMIN_BASE_URL}/admin/"))
        self.stdout.write(f"  username: {USERNAME}\n  password: {password}")
