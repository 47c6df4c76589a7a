from __future__ import annotations

from django.db import models
from django.db.models import Q


class RawEmail(models.Model):
    """Every inbound mail, stored before it is parsed, keyed by its content hash.

    A mail that cannot be parsed stays here with its error, is listed for
    agents and can be processed again.
    """

    class Status(models.TextChoices):
        RECEIVED = "received", "received"
        PROCESSED = "processed", "processed"
        QUARANTINED = "quarantined", "quarantined"

    sha256 = models.CharField(max_length=64, unique=True)
    message_id = models.CharField(max_length=998, blank=True, db_index=True)
    body_sha256 = models.CharField(
        max_length=64, blank=True, help_text="Hash of the body: with the Message-ID, spots a copy that took another route")
    content = models.BinaryField()
    size = models.PositiveIntegerField()
    source = models.CharField(max_length=32, default="pipe")  # pipe | imap:<mailbox> | lmtp
    received_at = models.DateTimeField(db_index=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.RECEIVED)
    action = models.CharField(max_length=16, blank=True)
    reason = models.TextField(blank=True)
    from_email = models.CharField(max_length=254, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    ticket = models.ForeignKey("tickets.Ticket", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["message_id", "body_sha256"], name="rawemail_same_mail_once",
                                    condition=~Q(message_id="") & ~Q(body_sha256="")),
        ]
        indexes = [
            models.Index(fields=["-received_at"], condition=Q(status="quarantined"), name="rawemail_quarantine_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.received_at:%Y-%m-%d %H:%M} {self.message_id or self.sha256[:12]} [{self.status}]"


class Mailbox(models.Model):
    """An IMAP folder we poll for customer mail.

    ``last_uid`` is only a bookmark: a mail fetched twice (UIDVALIDITY changed,
    a crash before the bookmark moved) is recognised as a duplicate.
    """

    name = models.SlugField(unique=True)
    host = models.CharField(max_length=253)
    port = models.PositiveIntegerField(default=993)
    ssl = models.BooleanField(default=True, help_text="Implicit TLS (port 993)")
    starttls = models.BooleanField(default=False, help_text="Upgrade a plain connection with STARTTLS (port 143)")
    username = models.CharField(max_length=254)
    password = models.CharField(max_length=500, help_text="Stored to log in; never shown or logged. "
                                                          "'env:NAME' reads it from the environment variable NAME")
    folder = models.CharField(max_length=200, default="INBOX")
    processed_folder = models.CharField(max_length=200, blank=True,
                                        help_text="Move processed mail here; empty: flag it \\Seen and "
                                                  "TriagedeskProcessed and leave it in place")
    uidvalidity = models.BigIntegerField(null=True, blank=True)
    last_uid = models.BigIntegerField(default=0)
    is_active = models.BooleanField(default=True)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    locked_until = models.DateTimeField(null=True, blank=True,
                                        help_text="A poller holds the mailbox until then (one poller at a time)")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.username}@{self.host}:{self.port}/{self.folder})"

    def __repr__(self) -> str:  # the default repr is fine, but say it: no password in tracebacks
        return f"<Mailbox {self.name}>"
