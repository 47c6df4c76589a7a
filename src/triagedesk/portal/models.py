"""What only the portal writes: call-back bookings and spent sign-in links."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from triagedesk.accounts.models import Contact


class CallbackRequest(models.Model):
    """A customer asks us to phone them about a ticket at a given time.

    At most one booking per ticket is open at a time; the partial unique
    constraint enforces it even with two browsers submitting at once.
    """

    class Status(models.TextChoices):
        REQUESTED = "requested", "requested"
        DONE = "done", "done"
        CANCELLED = "cancelled", "cancelled"

    ticket = models.ForeignKey("tickets.Ticket", on_delete=models.CASCADE, related_name="callbacks")
    contact = models.ForeignKey(Contact, null=True, on_delete=models.SET_NULL, related_name="callbacks")
    slot_start = models.DateTimeField()
    phone = models.CharField(max_length=40)
    note = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.REQUESTED)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["slot_start", "id"]
        constraints = [models.UniqueConstraint(fields=["ticket"], condition=Q(status="requested"),
                                               name="callback_one_open_per_ticket")]

    def __str__(self) -> str:
        return f"call-back {self.slot_start:%Y-%m-%d %H:%M} for ticket #{self.ticket_id}"


class MagicLinkUse(models.Model):
    """A sign-in link that has been used: the signature alone cannot make a link single-use."""

    token_digest = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    used_at = models.DateTimeField()
