from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "triagedesk.intake"
    label = "intake"
    verbose_name = "Intake"
