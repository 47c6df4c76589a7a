from django.apps import AppConfig


class TriageConfig(AppConfig):
    name = "triagedesk.triage"
    label = "triage"
    verbose_name = "Triage and case catalogue"
