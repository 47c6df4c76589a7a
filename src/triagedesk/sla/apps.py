from django.apps import AppConfig


class SlaConfig(AppConfig):
    name = "triagedesk.sla"
    label = "sla"
    verbose_name = "SLA"

    def ready(self) -> None:
        from . import policy  # noqa: F401  (connects the cache invalidation)
