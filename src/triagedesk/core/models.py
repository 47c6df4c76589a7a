from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditEvent(models.Model):
    """Append-only trail: who did what to which object, with machine keys.

    ``verb`` is a dotted machine key ("ticket.retriaged"); ``changes`` maps a
    field to ``[old, new]``; ``data`` carries anything else (a reason, an id).
    """

    created_at = models.DateTimeField(db_index=True)
    verb = models.CharField(max_length=64)
    actor_kind = models.CharField(max_length=16)  # agent, contact, system
    actor_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=200, blank=True)
    subject_type = models.CharField(max_length=32)
    subject_id = models.BigIntegerField()
    changes = models.JSONField(default=dict, blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        indexes = [models.Index(fields=["subject_type", "subject_id", "created_at"], name="audit_subject_idx")]
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.verb} {self.subject_type}#{self.subject_id}"

    def save(self, *args, **kwargs):
        # The trail is evidence: rows are written once and never edited.
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ValueError("audit events are append-only")
        super().save(*args, **kwargs)
