from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "triagedesk.core"
    label = "core"
    verbose_name = "Core"
