from django.core.management.base import BaseCommand

from associations.moderation import moderation_setup_ensure


class Command(BaseCommand):
    help = "Ensure the regional editors' group, the association moderation workflow and the media collection."

    def handle(self, *args, **options):
        workflow = moderation_setup_ensure()
        sections = workflow.workflow_pages.count()
        self.stdout.write(f"Workflow {workflow.name!r} applies to {sections} associations section(s).")
