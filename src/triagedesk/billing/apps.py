from django.apps import AppConfig


class BillingConfig(AppConfig):
    name = "triagedesk.billing"
    label = "billing"
    verbose_name = "Billing"
