"""The ticket page and its actions: each action is one form calling one service."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from triagedesk.billing import services as billing
from triagedesk.billing.selectors import hours_used_this_month, time_entries_for
from triagedesk.core.audit import Actor
from triagedesk.core.clock import system_clock
from triagedesk.core.errors import DomainError
from triagedesk.core.storage import blob_read
from triagedesk.sla.clock import ticket_target
from triagedesk.tickets import services as tickets
from triagedesk.tickets.selectors import attachment_visible_to, ticket_page, tickets_visible_to

from .. import forms
from ..access import agent_required
from ..presenters import ALL_ACTIONS, audit_lines, console_actions, sla_status
from ..selectors import assignable_agents, callback_visible_to, callbacks_for


class _Invalid(Exception):
    def __init__(self, form):
        self.form = form


def _form(form_class, request, **kwargs):
    form = form_class(data=request.POST, files=request.FILES, **kwargs)
    if not form.is_valid():
        raise _Invalid(form)
    return form.cleaned_data


@dataclass(frozen=True)
class _Action:
    run: Callable
    done: str


def _take(request, ticket, actor):
    tickets.ticket_take(ticket=ticket, agent=request.agent, actor=actor)


def _reply(request, ticket, actor):
    data = _form(forms.ReplyForm, request)
    tickets.ticket_reply(ticket=ticket, agent=request.agent, body=data["body"], actor=actor,
                         attachments=forms.as_attachments(data["attachments"]))


def _note(request, ticket, actor):
    tickets.ticket_note(ticket=ticket, agent=request.agent, body=_form(forms.NoteForm, request)["body"], actor=actor)


def _retriage(request, ticket, actor):
    data = _form(forms.RetriageForm, request)
    tickets.ticket_retriage(ticket=ticket, code=data["code"], reason=data["reason"], actor=actor)


def _assign(request, ticket, actor):
    agents = assignable_agents(ticket)
    form = forms.AssignForm(request.POST, agents=agents)
    if not form.is_valid():
        raise _Invalid(form)
    tickets.ticket_assign(ticket=ticket, agent=form.agents.get(form.cleaned_data["agent"]), actor=actor)


def _escalate(request, ticket, actor):
    tickets.ticket_escalate(ticket=ticket, reason=_form(forms.ReasonForm, request)["reason"], actor=actor)


def _pause(request, ticket, actor):
    tickets.ticket_wait_customer(ticket=ticket, actor=actor)


def _resume(request, ticket, actor):
    tickets.ticket_resume(ticket=ticket, actor=actor)


def _resolve(request, ticket, actor):
    data = _form(forms.ResolveForm, request)
    tickets.ticket_resolve(ticket=ticket, resolution_type=data["resolution_type"], note=data["note"], actor=actor)


def _close(request, ticket, actor):
    tickets.ticket_close(ticket=ticket, actor=actor)


def _reopen(request, ticket, actor):
    tickets.ticket_reopen(ticket=ticket, reason=_form(forms.OptionalReasonForm, request)["reason"], actor=actor)


def _log_time(request, ticket, actor):
    data = _form(forms.TimeForm, request)
    billing.time_log(ticket=ticket, agent=request.agent, minutes=data["minutes"], note=data["note"], actor=actor)


ACTIONS: dict[str, _Action] = {
    "take": _Action(_take, gettext_lazy("Taken in charge.")),
    "reply": _Action(_reply, gettext_lazy("Reply sent to the customer.")),
    "note": _Action(_note, gettext_lazy("Internal note added.")),
    "retriage": _Action(_retriage, gettext_lazy("Ticket re-triaged.")),
    "assign": _Action(_assign, gettext_lazy("Assignment changed.")),
    "escalate": _Action(_escalate, gettext_lazy("Escalated to the next tier.")),
    "pause": _Action(_pause, gettext_lazy("Paused while waiting for the customer.")),
    "resume": _Action(_resume, gettext_lazy("Resumed.")),
    "resolve": _Action(_resolve, gettext_lazy("Ticket resolved.")),
    "close": _Action(_close, gettext_lazy("Ticket closed.")),
    "reopen": _Action(_reopen, gettext_lazy("Ticket reopened.")),
    "log_time": _Action(_log_time, gettext_lazy("Time logged.")),
}
assert set(ACTIONS) == ALL_ACTIONS


def _render_ticket(request, number: str, *, status: int = 200, error: str = "", failed: str = "",
                   bound_form=None):
    page = ticket_page(user=request.user, number=number)
    if page is None:
        raise Http404("no such ticket")
    now = system_clock()
    ticket = page.ticket
    actions = console_actions(ticket)
    agents = assignable_agents(ticket) if "assign" in actions else []
    account = ticket.account
    target = ticket_target(ticket)
    language = get_language() or "en"
    context = {
        "section": "board", "page": page, "ticket": ticket, "now": now, "actions": actions,
        "status": sla_status(ticket, now), "audit": audit_lines(page.events),
        "target": target, "target_business": not target.calendar.is_24x7,
        "case_name": ticket.case_type.name(language) if ticket.case_type else "",
        "case_price": ticket.case_type.price_label(language) if ticket.case_type else "",
        "time_entries": time_entries_for(ticket), "callbacks": callbacks_for(ticket),
        "error": error, "failed": failed,
        "forms": {
            "reply": forms.ReplyForm(), "note": forms.NoteForm(), "retriage": forms.RetriageForm(),
            "escalate": forms.ReasonForm(), "resolve": forms.ResolveForm(), "reopen": forms.OptionalReasonForm(),
            "log_time": forms.TimeForm(),
            "assign": forms.AssignForm(agents=agents, data=None) if agents else None,
        },
    }
    if account is not None:
        used, included = hours_used_this_month(account, now), account.plan.monthly_included_hours
        context.update(hours_used=used, hours_included=included, hours_over=used > included,
                       hours_pct=min(100, int(used * 100 / included)) if included else (100 if used else 0))
    if context["forms"]["assign"] is not None:
        context["forms"]["assign"].initial = {"agent": ticket.assignee_id}
    if failed and bound_form is not None:
        context["forms"][failed] = bound_form
    return render(request, "console/ticket.html", context, status=status)


@agent_required
def ticket_detail(request, number: str):
    return _render_ticket(request, number)


@agent_required
@require_POST
def ticket_action(request, number: str, action: str):
    handler = ACTIONS.get(action)
    ticket = tickets_visible_to(request.user).filter(number=number).first()
    if handler is None or ticket is None:
        raise Http404("no such ticket or action")
    try:
        handler.run(request, ticket, Actor.for_user(request.user))
    except DomainError as exc:
        return _render_ticket(request, number, status=422, error=exc.message, failed=action,
                              bound_form=_rebound(action, request, ticket))
    except _Invalid as invalid:
        return _render_ticket(request, number, status=422, failed=action, bound_form=invalid.form,
                              error=_("Please correct the highlighted fields."))
    messages.success(request, str(handler.done))
    return redirect(reverse("console:ticket", args=[number]) + ("#conversation-end" if action in
                                                               ("reply", "note") else ""), permanent=False)


def _rebound(action: str, request, ticket):
    """The form as the agent filled it, so that a refused reply is not lost."""
    table = {"reply": forms.ReplyForm, "note": forms.NoteForm, "retriage": forms.RetriageForm,
             "escalate": forms.ReasonForm, "resolve": forms.ResolveForm, "reopen": forms.OptionalReasonForm,
             "log_time": forms.TimeForm}
    if action == "assign":
        return forms.AssignForm(request.POST, agents=assignable_agents(ticket))
    form_class = table.get(action)
    return form_class(data=request.POST) if form_class else None


@agent_required
def attachment_download(request, pk: int):
    return serve_attachment(request.user, pk)


def serve_attachment(user, pk: int) -> FileResponse:
    """An attachment the user may see (`attachment_visible_to`), as a download; 404 otherwise."""
    attachment = attachment_visible_to(user=user, attachment_id=pk)
    if attachment is None:
        raise Http404("no such attachment")
    try:
        data = blob_read(attachment.sha256)
    except FileNotFoundError:
        raise Http404("attachment content is missing") from None
    return attachment_response(attachment, data)


def attachment_response(attachment, data: bytes) -> FileResponse:
    """Always a download, never rendered in our origin: a customer's HTML file must not run as our page."""
    import io

    response = FileResponse(io.BytesIO(data), as_attachment=True, filename=attachment.filename,
                            content_type=attachment.content_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@agent_required
@require_POST
def callback_close(request, pk: int, status: str):
    from triagedesk.portal.services import callback_close as close

    callback = callback_visible_to(user=request.user, pk=pk)
    if callback is None:
        raise Http404("no such call-back")
    try:
        close(callback=callback, status=status, actor=Actor.for_user(request.user))
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Call-back updated."))
    return redirect("console:ticket", callback.ticket.number)
