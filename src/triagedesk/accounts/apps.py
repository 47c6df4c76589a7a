from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "triagedesk.accounts"
    label = "accounts"
    verbose_name = "Customers, plans and agents"
