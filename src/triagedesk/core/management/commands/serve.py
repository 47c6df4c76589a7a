from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the web application with waitress (put several behind a load balancer to scale out)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args, host, port, threads, **options):
        from waitress import serve

        from triagedesk.wsgi import application

        self.stdout.write(f"serving on http://{host}:{port}/")
        serve(application, host=host, port=port, threads=threads, ident="triagedesk")
