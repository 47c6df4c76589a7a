from __future__ import annotations

from django.db import models


class OutboundEmail(models.Model):
    """A mail we owe someone. Written in the transaction of the change that
    caused it; sent by a task; every attempt logged."""

    class Status(models.TextChoices):
        QUEUED = "queued", "queued"
        SENT = "sent", "sent"
        RETRYING = "retrying", "retrying"
        FAILED = "failed", "failed permanently"
        BOUNCED = "bounced", "bounced"

    kind = models.CharField(max_length=32)  # acknowledgement | reply | sla_warning | sla_breach | ...
    ticket = models.ForeignKey("tickets.Ticket", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="outbound_emails")
    ticket_message = models.ForeignKey("tickets.Message", null=True, blank=True, on_delete=models.SET_NULL,
                                       related_name="+")
    to = models.CharField(max_length=998)
    subject = models.CharField(max_length=998)
    body_text = models.TextField()
    message_id = models.CharField(max_length=998, unique=True)
    in_reply_to = models.CharField(max_length=998, blank=True)
    references = models.TextField(blank=True)
    language = models.CharField(max_length=8, default="en")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]


class DeliveryAttempt(models.Model):
    email = models.ForeignKey(OutboundEmail, on_delete=models.CASCADE, related_name="attempts_log")
    at = models.DateTimeField()
    ok = models.BooleanField()
    permanent = models.BooleanField(default=False)
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]
