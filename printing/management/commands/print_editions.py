"""Make printed editions from the command line: every public subject (`--all`), some pages (`--page`), the jobs
waiting for a retry (`--due`, from cron where the task backend cannot defer), or remove orphan files (`--sweep`)."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from content_models.models import ServicePoint

from ...jobs import print_job_request, print_job_run, print_jobs_due
from ...lifecycle import PRINTED_PAGE_MODELS
from ...models import PrintBooklet, PrintEdition
from ...storage import PREFIX, pdf_delete, print_storage


class Command(BaseCommand):
    help = "Make printed editions: --all, --page ID [ID ...], --due (retries whose time has come), --sweep."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="Every live printable page and every help desk."
        )
        parser.add_argument("--page", type=int, nargs="+", default=[], help="These pages (any translation).")
        parser.add_argument(
            "--due", action="store_true", help="Jobs waiting for a retry whose time has come."
        )
        parser.add_argument("--force", action="store_true", help="Typeset again even what has not changed.")
        parser.add_argument(
            "--sweep", action="store_true", help="Delete print files no edition or booklet uses."
        )

    def handle(self, *args, all=False, page=(), due=False, force=False, sweep=False, **options):
        if not (all or page or due or sweep):
            raise CommandError("Say what to make: --all, --page ID, --due or --sweep.")
        if due:
            for job in print_jobs_due():
                state = print_job_run(page_id=job.page_id, service_point_id=job.service_point_id)
                self.stdout.write(f"job {job.pk}: {state}")
        page_ids = list(page)
        if all:
            page_ids += list(Page.objects.live().type(*PRINTED_PAGE_MODELS).values_list("pk", flat=True))
            for point_id in ServicePoint.objects.values_list("pk", flat=True):
                print_job_request(service_point_id=point_id, force=force)
        for page_id in page_ids:
            print_job_request(page_id=page_id, force=force)
        if page_ids or all:
            self.stdout.write(f"Queued {len(page_ids)} pages" + (" and every help desk" if all else ""))
        if sweep:
            self.stdout.write(f"Deleted {self._sweep()} orphan files")

    def _sweep(self) -> int:
        used = set(PrintEdition.objects.values_list("file_name", flat=True))
        used |= set(PrintBooklet.objects.exclude(file_name="").values_list("file_name", flat=True))
        deleted = 0
        for name in _walk(print_storage(), PREFIX):
            if name.endswith(".pdf") and name not in used:
                pdf_delete(name)
                deleted += 1
        return deleted


def _walk(storage, folder: str):
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}"
    for sub in folders:
        yield from _walk(storage, f"{folder}/{sub}")
