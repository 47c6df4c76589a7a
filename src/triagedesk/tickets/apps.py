from django.apps import AppConfig


class TicketsConfig(AppConfig):
    name = "triagedesk.tickets"
    label = "tickets"
    verbose_name = "Tickets"
