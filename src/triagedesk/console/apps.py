from django.apps import AppConfig


class ConsoleConfig(AppConfig):
    name = "triagedesk.console"
    label = "console"
