"""Recognising who wrote: by address, then by verified domain, then by customer code."""

from __future__ import annotations

from django.db.models import Q

from .models import Account, Contact, EmailDomain


def contact_by_email(email: str | None) -> Contact | None:
    if not email:
        return None
    return (Contact.objects.select_related("account", "account__plan")
            .filter(email__iexact=email.strip(), is_active=True, account__is_active=True).first())


def account_by_email_domain(email: str | None) -> Account | None:
    if not email or "@" not in email:
        return None
    domain = email.rsplit("@", 1)[1].strip().lower()
    row = (EmailDomain.objects.select_related("account", "account__plan")
           .filter(domain=domain, verified=True, account__is_active=True).first())
    return row.account if row else None


def callers_matching(term: str, limit: int = 20) -> list[Contact]:
    """Phone intake: find a caller by customer code, name, email or phone."""
    term = (term or "").strip()
    if not term:
        return []
    digits = "".join(ch for ch in term if ch.isdigit())
    q = (Q(account__code__iexact=term) | Q(name__icontains=term) | Q(email__icontains=term)
         | Q(account__name__icontains=term))
    if len(digits) >= 5:
        q |= Q(phone__contains=digits[-8:])
    return list(Contact.objects.select_related("account", "account__plan")
                .filter(q, is_active=True, account__is_active=True).order_by("account__code", "name")[:limit])
