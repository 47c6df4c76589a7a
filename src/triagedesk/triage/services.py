"""Triage as the desk uses it: the pure classifier plus the catalogue rows."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from .catalog_data import CATALOG
from .classify import Hints, classify
from .models import CaseType

_CACHE_SECONDS = 60.0
_lock = threading.Lock()
_slug_ids: tuple[float, dict[str, tuple[int, str]]] | None = None


@dataclass(frozen=True)
class TriageOutcome:
    code: str
    case: str | None
    case_type_id: int | None
    confidence: float
    reasons: tuple[str, ...]
    language: str


def case_types_by_slug() -> dict[str, tuple[int, str]]:
    """slug -> (id, code) of active case types, cached per process."""
    global _slug_ids
    now = time.monotonic()
    with _lock:
        if _slug_ids and now - _slug_ids[0] < _CACHE_SECONDS:
            return _slug_ids[1]
    mapping = {slug: (pk, code) for pk, slug, code in
               CaseType.objects.filter(is_active=True).values_list("pk", "slug", "code")}
    with _lock:
        _slug_ids = (now, mapping)
    return mapping


def _clear(**_kwargs) -> None:
    global _slug_ids
    with _lock:
        _slug_ids = None


post_save.connect(_clear, sender=CaseType, dispatch_uid="triage-case-cache-save")
post_delete.connect(_clear, sender=CaseType, dispatch_uid="triage-case-cache-delete")


def triage_request(*, subject: str, body: str, language: str | None = None, hints: Hints | None = None,
                   case: str | None = None) -> TriageOutcome:
    """Classify a request. A case type the customer picked (``case``) is a hint the classifier weighs."""
    if case and (hints is None or hints.case is None):
        hints = Hints(**{**(hints.__dict__ if hints else {}), "case": case})
    result = classify(subject, body, language=language, hints=hints)
    known = case_types_by_slug()
    case_slug = result.case if result.case in known else None
    return TriageOutcome(
        code=result.code.value, case=case_slug, case_type_id=known[case_slug][0] if case_slug else None,
        confidence=round(float(result.confidence), 3), reasons=tuple(result.reasons), language=result.language,
    )


def catalog_sync() -> int:
    """Create or refresh the built-in case types from ``catalog_data``; admin-added rows are left alone."""
    count = 0
    with transaction.atomic():
        for position, spec in enumerate(CATALOG):
            CaseType.objects.update_or_create(slug=spec.slug, defaults={
                "code": str(spec.code), "price_kind": spec.price_kind, "price_min": spec.price_min,
                "price_max": spec.price_max, "currency": spec.currency, "surcharge": spec.surcharge,
                "names": dict(spec.names), "descriptions": dict(spec.descriptions), "builtin": True,
                "position": position,
            })
            count += 1
    _clear()
    return count
