from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run a task worker on every queue (start as many as you like, on any machine)."

    def handle(self, *args, **options):
        call_command("db_worker", queue_name="*", interval=1)
