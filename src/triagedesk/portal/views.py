"""The customer portal: the account's tickets, guided new requests, replies, call-backs, sign-in links."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from triagedesk.console.access import contact_required, home_url
from triagedesk.console.forms import as_attachments
from triagedesk.console.presenters import timeline
from triagedesk.console.views.ticket import serve_attachment
from triagedesk.core.audit import Actor
from triagedesk.core.clock import system_clock
from triagedesk.core.errors import DomainError
from triagedesk.sla.domain import take_in_charge_clock
from triagedesk.sla.policy import target_for
from triagedesk.tickets.selectors import ticket_page, ticket_search, tickets_visible_to
from triagedesk.tickets.services import ticket_customer_message, ticket_open
from triagedesk.triage.services import triage_request

from . import selectors, services
from .forms import CallbackForm, GuidedTicketForm, MagicLinkForm, PreviewForm, ReplyForm

PAGE_SIZE = 25


def _actor(request) -> Actor:
    return Actor("contact", request.user.pk, request.contact.name)


@contact_required
def ticket_list(request):
    q = (request.GET.get("q") or "").strip()
    if q:
        page_obj, tickets = None, ticket_search(user=request.user, q=q, limit=100)
    else:
        qs = tickets_visible_to(request.user).select_related("case_type").order_by("-opened_at", "-id")
        page_obj = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
        tickets = list(page_obj.object_list)
    return render(request, "portal/list.html", {"tickets": tickets, "page_obj": page_obj, "q": q,
                                                "now": system_clock()})


def _detail(request, number: str, *, status: int = 200, error: str = "", reply_form=None, callback_form=None):
    page = ticket_page(user=request.user, number=number)
    if page is None:
        raise Http404("no such ticket")
    ticket, now = page.ticket, system_clock()
    booking = selectors.open_callback(ticket)
    can_book = ticket.is_open and booking is None
    if can_book and callback_form is None:
        callback_form = CallbackForm(slots=selectors.callback_slots(ticket.account, now),
                                     initial={"phone": request.contact.phone})
    context = {
        "ticket": ticket, "page": page, "now": now, "timeline": timeline(ticket, page.pauses, now),
        "reply_form": reply_form or ReplyForm(), "callback_form": callback_form if can_book else None,
        "booking": booking, "error": error,
    }
    return render(request, "portal/ticket.html", context, status=status)


@contact_required
def ticket_detail(request, number: str):
    return _detail(request, number)


def _own_ticket(request, number: str):
    ticket = tickets_visible_to(request.user).select_related("account__plan__calendar").filter(number=number).first()
    if ticket is None:
        raise Http404("no such ticket")
    return ticket


@contact_required
@require_POST
def ticket_reply(request, number: str):
    ticket = _own_ticket(request, number)
    form = ReplyForm(request.POST, request.FILES)
    if not form.is_valid():
        return _detail(request, number, status=422, reply_form=form, error=_("Please write a message."))
    try:
        ticket_customer_message(ticket=ticket, body=form.cleaned_data["body"], channel="portal",
                                actor=_actor(request), contact=request.contact,
                                attachments=as_attachments(form.cleaned_data["attachments"]))
    except DomainError as exc:
        return _detail(request, number, status=422, reply_form=form, error=exc.message)
    messages.success(request, _("Your message was sent."))
    return redirect("portal:ticket", number)


@contact_required
@require_POST
def callback_book(request, number: str):
    ticket = _own_ticket(request, number)
    slots = selectors.callback_slots(ticket.account, system_clock())
    form = CallbackForm(request.POST, slots=slots)
    if not form.is_valid():
        return _detail(request, number, status=422, callback_form=form, error=_("Please check the call-back form."))
    data = form.cleaned_data
    try:
        services.callback_book(ticket=ticket, contact=request.contact, slot_start=data["slot"], phone=data["phone"],
                               note=data["note"], actor=_actor(request))
    except DomainError as exc:
        return _detail(request, number, status=422, callback_form=form, error=exc.message)
    messages.success(request, _("Call-back booked. We will phone you at the time you chose."))
    return redirect("portal:ticket", number)


@contact_required
def ticket_new(request):
    case_types = selectors.case_types()
    if request.method == "POST":
        form = GuidedTicketForm(request.POST, request.FILES, case_types=case_types)
        if form.is_valid():
            data = form.cleaned_data
            try:
                ticket = ticket_open(subject=data["subject"], body=data["body"], channel="portal",
                                     requester=request.contact, actor=_actor(request), hints=form.hints(),
                                     case=data["case"] or None, attachments=as_attachments(data["attachments"]))
            except DomainError as exc:
                messages.error(request, exc.message)
            else:
                messages.success(request, _("Request %(number)s received.") % {"number": ticket.number})
                return redirect("portal:ticket", ticket.number)
        status = 422
    else:
        form, status = GuidedTicketForm(case_types=case_types), 200
    return render(request, "portal/new.html", {"form": form}, status=status)


@contact_required
@require_POST
def ticket_preview(request):
    """What triage would say, before sending: code, reasons, and when we would take it in charge."""
    form = PreviewForm(request.POST, case_types=selectors.case_types())
    form.is_valid()
    data = form.cleaned_data
    if not (data.get("subject") or data.get("body") or data.get("case")):
        return render(request, "portal/_preview.html", {"empty": True})
    outcome = triage_request(subject=data.get("subject") or "", body=data.get("body") or "", hints=form.hints())
    now = system_clock()
    account = request.contact.account
    target = target_for(account.plan_id, outcome.code)
    clock = take_in_charge_clock(target, opened_at=now, now=now)
    hints = form.hints()
    signals = [text for value, text in (
        (hints.site_online is False, _("your site is offline")), (hints.email_working is False, _("email is not working")),
        (hints.losing_sales is True, _("you are losing sales now"))) if value]
    case_name = next((c.name(get_language() or "en") for c in selectors.case_types() if c.slug == outcome.case), "")
    return render(request, "portal/_preview.html", {
        "outcome": outcome, "signals": signals, "case_name": case_name, "target": target, "due_at": clock.due_at,
        "not_before_at": clock.not_before_at, "business_hours": not target.calendar.is_24x7, "now": now,
    })


@contact_required
def attachment_download(request, pk: int):
    return serve_attachment(request.user, pk)


def magic_request(request):
    if request.user.is_authenticated:
        return redirect(home_url(request.user))
    form = MagicLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.magic_link_send(email=form.cleaned_data["email"])
        return render(request, "portal/magic_sent.html", {"email": form.cleaned_data["email"]})
    return render(request, "portal/magic_request.html", {"form": form})


def magic_redeem(request, token: str):
    """GET only shows a button: mail scanners that follow links must not spend the single use."""
    if request.method != "POST":
        return render(request, "portal/magic_confirm.html", {"token": token})
    try:
        user = services.magic_link_redeem(token=token)
    except DomainError as exc:
        return render(request, "portal/magic_confirm.html", {"token": token, "error": exc.message}, status=400)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect("portal:tickets")
