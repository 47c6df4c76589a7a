from django.core.management.base import BaseCommand

from triagedesk.triage.services import catalog_sync


class Command(BaseCommand):
    help = "Create or refresh the built-in case catalogue from the seeds."

    def handle(self, *args, **options):
        self.stdout.write(f"{catalog_sync()} built-in case types in the catalogue")
