from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "triagedesk.portal"
    label = "portal"
