from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "triagedesk.reports"
    label = "reports"
    verbose_name = "Reports"
