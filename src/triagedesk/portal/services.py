"""Writes that only the portal makes: sign-in links, call-back bookings, the contact's language.

Messages of DomainError here are read by customers, so they are translated.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import smtplib
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from triagedesk.accounts.models import LANGUAGE_CHOICES, Contact
from triagedesk.accounts.selectors import contact_by_email
from triagedesk.core.audit import Actor, audit_record
from triagedesk.core.clock import Clock, system_clock
from triagedesk.core.errors import DomainError
from triagedesk.sla.policy import calendar_from_model

from .models import CallbackRequest, MagicLinkUse

log = logging.getLogger(__name__)

MAGIC_LINK_LIFETIME = timedelta(minutes=15)
_MAGIC_SALT = "triagedesk.portal.magic-link"

CALLBACK_SLOT = timedelta(minutes=30)
CALLBACK_MIN_NOTICE = timedelta(minutes=15)
CALLBACK_HORIZON = timedelta(days=30)


# --- sign-in links -----------------------------------------------------------------------------

class _ClockSigner(signing.TimestampSigner):
    """A TimestampSigner that reads our clock, so expiry follows the service's ``clock``."""

    def __init__(self, clock: Clock):
        super().__init__(salt=_MAGIC_SALT)
        self._clock = clock

    def timestamp(self) -> str:
        return signing.b62_encode(int(self._clock().timestamp()))

    def unsign_fresh(self, value: str, max_age: timedelta) -> str:
        payload = signing.Signer.unsign(self, value)  # checks the signature only
        payload, stamp = payload.rsplit(self.sep, 1)
        age = self._clock().timestamp() - signing.b62_decode(stamp)
        if age > max_age.total_seconds():
            raise signing.SignatureExpired(f"link is {age:.0f} s old")
        return payload


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def magic_link_token(*, user, clock: Clock = system_clock) -> str:
    """A signed token naming ``user``; valid for 15 minutes and, once redeemed, never again."""
    return _ClockSigner(clock).sign(f"{user.pk}.{secrets.token_urlsafe(12)}")


def magic_link_send(*, email: str, clock: Clock = system_clock) -> bool:
    """Mail a sign-in link to the contact with this address, if there is one with a login.

    The answer to the person asking is the same either way (no address probing);
    the return value is for tests and logs only. The mail is sent straight away
    rather than queued: a link that arrives after a retry back-off would already
    have expired, and the token should not sit in the outbound queue.
    """
    contact = contact_by_email(email)
    if contact is None or contact.user_id is None or not contact.user.is_active:
        return False
    now = clock()
    token = magic_link_token(user=contact.user, clock=clock)
    url = settings.BASE_URL + reverse("portal:magic_redeem", args=[token])
    with transaction.atomic():
        audit_record(at=now, actor=Actor.system("portal"), verb="portal.magic_link_sent", subject_type="user",
                     subject_id=contact.user_id, data={"contact": contact.pk})
    with translation.override(contact.effective_language):
        subject = _("Your sign-in link for the Triagedesk portal")
        body = render_to_string("portal/email/magic_link.txt", {
            "name": contact.name, "url": url, "minutes": int(MAGIC_LINK_LIFETIME.total_seconds() // 60)})
    try:
        EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[contact.email],
                     headers={"Auto-Submitted": "auto-generated"}).send()
    except (smtplib.SMTPException, OSError) as exc:
        log.warning("sign-in link for contact %s not sent: %s", contact.pk, exc)
        return False
    return True


def magic_link_redeem(*, token: str, clock: Clock = system_clock):
    """The user a valid, fresh, unused link names; marks the link used. DomainError otherwise."""
    signer = _ClockSigner(clock)
    try:
        payload = signer.unsign_fresh(token, MAGIC_LINK_LIFETIME)
    except signing.SignatureExpired:
        raise DomainError(_("This sign-in link has expired. Ask for a new one.")) from None
    except signing.BadSignature:
        raise DomainError(_("This sign-in link is not valid.")) from None
    user_id = payload.split(".", 1)[0]
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    contact = Contact.objects.filter(user=user, is_active=True, account__is_active=True).first() if user else None
    if contact is None:
        raise DomainError(_("This sign-in link is not valid."))
    now = clock()
    try:
        with transaction.atomic():
            MagicLinkUse.objects.create(token_digest=_digest(token), user=user, used_at=now)
            audit_record(at=now, actor=Actor("contact", user.pk, contact.name), verb="portal.magic_link_used",
                         subject_type="user", subject_id=user.pk, data={"contact": contact.pk})
    except IntegrityError:
        raise DomainError(_("This sign-in link has already been used. Ask for a new one.")) from None
    return user


# --- call-back bookings ------------------------------------------------------------------------

def callback_book(*, ticket, contact: Contact, slot_start: datetime, phone: str, actor: Actor, note: str = "",
                  clock: Clock = system_clock) -> CallbackRequest:
    """Book a phone call from us about ``ticket``: in the plan's business hours, one open booking per ticket."""
    now = clock()
    phone = (phone or "").strip() or contact.phone
    if contact.account_id != ticket.account_id:
        raise DomainError(_("You can only book a call-back for your own tickets."))
    if not ticket.is_open:
        raise DomainError(_("This ticket is closed: reply to reopen it before booking a call-back."))
    if not phone:
        raise DomainError(_("Give us a phone number to call."))
    if slot_start.tzinfo is None:
        raise DomainError("slot_start must be an aware datetime")
    if slot_start < now + CALLBACK_MIN_NOTICE:
        raise DomainError(_("Choose a time at least 15 minutes from now."))
    if slot_start > now + CALLBACK_HORIZON:
        raise DomainError(_("Choose a time within the next 30 days."))
    calendar = calendar_from_model(ticket.account.plan.calendar)
    last_minute = slot_start + CALLBACK_SLOT - timedelta(minutes=1)
    if not (calendar.is_open(slot_start) and calendar.is_open(last_minute)):
        raise DomainError(_("We can only call during our business hours: choose another time."))
    try:
        with transaction.atomic():
            booking = CallbackRequest.objects.create(
                ticket=ticket, contact=contact, slot_start=slot_start, phone=phone[:40],
                note=(note or "").strip()[:500], created_at=now)
            audit_record(at=now, actor=actor, verb="ticket.callback_booked", subject_type="ticket",
                         subject_id=ticket.pk, data={"callback": booking.pk, "slot_start": slot_start.isoformat()})
    except IntegrityError:
        raise DomainError(_("A call-back is already booked for this ticket.")) from None
    return booking


def callback_close(*, callback: CallbackRequest, status: str, actor: Actor,
                   clock: Clock = system_clock) -> CallbackRequest:
    """An agent marks a booking done (we called) or cancelled."""
    if status not in (CallbackRequest.Status.DONE, CallbackRequest.Status.CANCELLED):
        raise DomainError(f"unknown call-back status {status!r}")
    now = clock()
    with transaction.atomic():
        callback = CallbackRequest.objects.select_for_update().get(pk=callback.pk)
        if callback.status != CallbackRequest.Status.REQUESTED:
            raise DomainError(f"this call-back is already {callback.status}")
        old = callback.status
        callback.status = status
        callback.save(update_fields=["status"])
        audit_record(at=now, actor=actor, verb="ticket.callback_closed", subject_type="ticket",
                     subject_id=callback.ticket_id, changes={"callback_status": [old, status]},
                     data={"callback": callback.pk})
    return callback


# --- preferences -------------------------------------------------------------------------------

def contact_language_set(*, contact: Contact, language: str, actor: Actor,
                         clock: Clock = system_clock) -> Contact:
    if language not in {code for code, _name in LANGUAGE_CHOICES}:
        raise DomainError(f"unknown language {language!r}")
    now = clock()
    with transaction.atomic():
        old = contact.language
        contact.language = language
        contact.save(update_fields=["language"])
        audit_record(at=now, actor=actor, verb="contact.language_set", subject_type="contact",
                     subject_id=contact.pk, changes={"language": [old, language]})
    return contact
