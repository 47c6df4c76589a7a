from django.core.management.base import BaseCommand

from triagedesk.core.demo import DEMO_PASSWORD, seed_demo


class Command(BaseCommand):
    help = "Load the demo data (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--tickets", type=int, default=300)

    def handle(self, *args, tickets: int, **options):
        if seed_demo(tickets_count=tickets):
            self.stdout.write(f"demo data loaded; every demo login uses the password {DEMO_PASSWORD!r}")
        else:
            self.stdout.write("demo data already present")
