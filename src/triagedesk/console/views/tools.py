"""Phone intake, search and the mail quarantine."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from triagedesk.accounts.selectors import callers_matching
from triagedesk.core.audit import Actor
from triagedesk.core.clock import system_clock
from triagedesk.core.errors import DomainError
from triagedesk.tickets.selectors import ticket_search
from triagedesk.tickets.services import ticket_open

from ..access import agent_required
from ..forms import PhoneTicketForm
from ..presenters import sla_status
from ..selectors import caller, may_see_mail_quarantine, quarantined_mail


@agent_required
def phone_intake(request):
    q = (request.GET.get("q") or "").strip()
    contact = caller(request.POST.get("contact") if request.method == "POST" else request.GET.get("contact"))
    error = ""
    if request.method == "POST":
        form = PhoneTicketForm(request.POST)
        if contact is None:
            error = _("Pick the caller first.")
        elif form.is_valid():
            data = form.cleaned_data
            try:
                ticket = ticket_open(subject=data["subject"], body=data["body"], channel="phone", requester=contact,
                                     code=data["code"] or None, actor=Actor.for_user(request.user))
            except DomainError as exc:
                error = exc.message
            else:
                messages.success(request, _("Ticket %(number)s opened for %(name)s.") % {
                    "number": ticket.number, "name": contact.name})
                return redirect("console:ticket", ticket.number)
    else:
        form = PhoneTicketForm(initial={"contact": contact.pk} if contact else None)
    context = {"section": "phone", "q": q, "callers": callers_matching(q) if q and contact is None else [], "contact": contact,
               "form": form, "error": error}
    return render(request, "console/phone.html", context, status=422 if error else 200)


@agent_required
def search(request):
    q = (request.GET.get("q") or "").strip()
    now = system_clock()
    results = [(t, sla_status(t, now)) for t in ticket_search(user=request.user, q=q)] if q else []
    return render(request, "console/search.html", {"q": q, "results": results, "now": now, "section": "search"})


@agent_required
def mail_quarantine(request):
    if not may_see_mail_quarantine(request.agent):
        return render(request, "403.html", {"message": _("The mail quarantine is for supervisors and team leads."),
                                            "home": "/console/"}, status=403)
    return render(request, "console/mail.html", {"rows": quarantined_mail(), "section": "mail"})


@agent_required
@require_POST
def mail_reprocess(request, pk: int):
    if not may_see_mail_quarantine(request.agent):
        return render(request, "403.html", {"message": _("The mail quarantine is for supervisors and team leads."),
                                            "home": "/console/"}, status=403)
    try:
        # Written by the email channel; imported late so the console works without it.
        from triagedesk.intake.services import raw_email_reprocess
    except ImportError:
        messages.error(request, _("Re-processing is not available on this desk yet."))
        return redirect("console:mail")
    try:
        result = raw_email_reprocess(raw_email_id=pk, actor=Actor.for_user(request.user))
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("console:mail")
    action, number = getattr(result, "action", ""), getattr(result, "ticket_number", None)
    if action == "quarantined":
        messages.error(request, _("The mail is still quarantined: %(reason)s") % {
            "reason": getattr(result, "reason", "")})
    elif number:
        messages.success(request, _("The mail was processed again (%(action)s): ticket %(number)s.") % {
            "action": action, "number": number})
    else:
        messages.success(request, _("The mail was processed again (%(action)s).") % {"action": action})
    return redirect("console:mail")
