"""Recording audit events. Called from services, inside their transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .models import AuditEvent


@dataclass(frozen=True)
class Actor:
    """Who is acting: an agent, a customer contact, or the system itself."""

    kind: str  # "agent" | "contact" | "system"
    user_id: int | None = None
    label: str = ""

    @classmethod
    def system(cls, label: str = "system") -> "Actor":
        return cls("system", None, label)

    @classmethod
    def for_user(cls, user) -> "Actor":
        kind = "agent" if getattr(user, "is_staff", False) or hasattr(user, "agent") else "contact"
        return cls(kind, user.pk, user.get_full_name() or user.get_username())


def build_event(
    *, at: datetime, actor: Actor, verb: str, subject_type: str, subject_id: int,
    changes: dict[str, Any] | None = None, data: dict[str, Any] | None = None,
) -> AuditEvent:
    return AuditEvent(
        created_at=at, verb=verb, actor_kind=actor.kind, actor_user_id=actor.user_id,
        actor_label=actor.label[:200], subject_type=subject_type, subject_id=subject_id,
        changes=changes or {}, data=data or {},
    )


def audit_record(**kwargs: Any) -> AuditEvent:
    event = build_event(**kwargs)
    event.save(force_insert=True)
    return event
