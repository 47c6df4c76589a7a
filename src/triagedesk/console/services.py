"""Console-only writes: an agent's own preferences."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from triagedesk.accounts.models import Agent
from triagedesk.core.audit import Actor, audit_record
from triagedesk.core.clock import Clock, system_clock
from triagedesk.core.errors import DomainError


def agent_language_set(*, agent: Agent, language: str, actor: Actor, clock: Clock = system_clock) -> Agent:
    if language not in {code for code, _name in settings.LANGUAGES}:
        raise DomainError(f"unknown language {language!r}")
    now = clock()
    with transaction.atomic():
        old = agent.language
        agent.language = language
        agent.save(update_fields=["language"])
        audit_record(at=now, actor=actor, verb="agent.language_set", subject_type="agent", subject_id=agent.pk,
                     changes={"language": [old, language]})
    return agent
