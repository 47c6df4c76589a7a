from __future__ import annotations

from django.db import models

from triagedesk.accounts.models import Agent, Contact

from .ticket import CHANNEL_CHOICES, Ticket


class Message(models.Model):
    class Visibility(models.TextChoices):
        PUBLIC = "public", "public reply"
        INTERNAL = "internal", "internal note"
        SYSTEM = "system", "system event"

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="messages")
    channel = models.CharField(max_length=16, choices=CHANNEL_CHOICES)
    visibility = models.CharField(max_length=16, choices=Visibility.choices, default=Visibility.PUBLIC)
    author_agent = models.ForeignKey(Agent, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    author_contact = models.ForeignKey(Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    author_name = models.CharField(max_length=200, blank=True)
    author_email = models.EmailField(blank=True)
    body = models.TextField(blank=True)
    quoted = models.TextField(blank=True, help_text="Quoted history from mail, folded away in display")
    body_html = models.TextField(blank=True, help_text="Sanitised HTML from mail")
    email_message_id = models.CharField(max_length=998, blank=True, db_index=True)
    raw_email = models.ForeignKey("intake.RawEmail", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["ticket", "created_at"], name="message_ticket_idx")]

    @property
    def is_public(self) -> bool:
        return self.visibility == self.Visibility.PUBLIC


class Attachment(models.Model):
    """A file on a message; the bytes live once per content hash in storage."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    filename = models.CharField(max_length=255)
    content_type = models.CharField(max_length=128, default="application/octet-stream")
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64, db_index=True)
    content_id = models.CharField(max_length=255, blank=True)
    inline = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.filename
