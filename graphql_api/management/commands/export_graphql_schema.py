"""Write graphql_api/schema.graphql, the committed contract; `--check` fails when it differs from the live schema."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


def schema_sdl() -> str:
    from graphql_api.schema import schema

    return schema.as_str().rstrip("\n") + "\n"


class Command(BaseCommand):
    help = "Export the GraphQL schema to graphql_api/schema.graphql (or check it with --check)."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Exit with an error if the file is out of date.")

    def handle(self, *args, check: bool = False, **options):
        sdl = schema_sdl()
        if check:
            if not SCHEMA_FILE.exists() or SCHEMA_FILE.read_text() != sdl:
                raise CommandError(f"{SCHEMA_FILE} is out of date: run `manage.py export_graphql_schema`.")
            self.stdout.write("schema.graphql is up to date.")
            return
        SCHEMA_FILE.write_text(sdl)
        self.stdout.write(f"Wrote {SCHEMA_FILE}.")
