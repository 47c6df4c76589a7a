from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "triagedesk.notify"
    label = "notify"
    verbose_name = "Notifications"
