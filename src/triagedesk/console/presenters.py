"""Facts about a ticket the pages show, computed from stored fields (pure: no queries)."""

from __future__ import annotations

from datetime import datetime

from triagedesk.tickets.rules import Action, State, allowed_actions

from .labels import format_span


def sla_status(ticket, now: datetime) -> str:
    """running | warning | breached | scheduled | paused | taken | closed: drives colour and wording."""
    if not ticket.is_open:
        return "closed"
    if ticket.paused_since is not None:
        return "paused"
    if ticket.taken_at is not None:
        return "taken"
    if ticket.not_before_at and ticket.not_before_at > now:
        return "scheduled"
    if ticket.due_at and now >= ticket.due_at:
        return "breached"
    if ticket.warning_at and now >= ticket.warning_at:
        return "warning"
    return "running"


# Console buttons -> the state machine action that must be allowed for them to show.
_GATED = {"take": Action.TAKE, "pause": Action.WAIT_CUSTOMER, "resume": Action.CUSTOMER_REPLIED,
          "resolve": Action.RESOLVE, "close": Action.CLOSE, "reopen": Action.REOPEN}


def console_actions(ticket) -> set[str]:
    """The actions the ticket page offers: only what the current state allows."""
    allowed = set(allowed_actions(ticket.state))
    actions = {name for name, action in _GATED.items() if action in allowed}
    if ticket.is_open:
        actions |= {"retriage", "assign"}
        if ticket.tier < 3:
            actions.add("escalate")
    if ticket.state != State.CLOSED:
        actions.add("reply")
    actions |= {"note", "log_time"}
    return actions


ALL_ACTIONS = frozenset({*_GATED, "retriage", "assign", "escalate", "reply", "note", "log_time"})


def timeline(ticket, pauses, now: datetime) -> list[dict]:
    """The customer's view of progress: opened -> triaged -> taken in charge -> waiting -> resolved."""
    steps = [{"key": "opened", "at": ticket.opened_at, "done": True},
             {"key": "triaged", "at": ticket.opened_at, "done": True, "code": ticket.code}]
    steps.append({"key": "taken", "at": ticket.taken_at, "done": ticket.taken_at is not None,
                  "due": ticket.due_at if ticket.taken_at is None and ticket.is_open else None,
                  "not_before": ticket.not_before_at if ticket.not_before_at and ticket.not_before_at > now else None})
    for pause in pauses:
        if pause.reason == "waiting_customer":
            steps.append({"key": "waiting", "at": pause.started_at, "until": pause.ended_at, "done": True})
    steps.append({"key": "resolved", "at": ticket.resolved_at, "done": ticket.resolved_at is not None,
                  "resolution": ticket.resolution_type})
    if ticket.closed_at:
        steps.append({"key": "closed", "at": ticket.closed_at, "done": True})
    return steps


def audit_lines(events) -> list[dict]:
    """Audit events as short readable lines (the machine keys stay in the database)."""
    from triagedesk.triage.codes import Code

    from .labels import RESOLUTIONS, TIERS, VERBS, state_label

    def code(value):
        try:
            return Code.parse(value).label(_language()).upper()
        except (ValueError, TypeError):
            return str(value)

    lines = []
    for event in events:
        details = []
        for field, change in (event.changes or {}).items():
            if not isinstance(change, (list, tuple)) or len(change) != 2:
                continue
            old, new = change
            if field == "code":
                details.append(f"{code(old)} → {code(new)}")
            elif field == "state":
                details.append(f"{state_label(old or '')} → {state_label(new or '')}")
            elif field == "tier":
                details.append(f"{TIERS.get(old, old)} → {TIERS.get(new, new)}")
        data = event.data or {}
        if event.verb == "ticket.opened" and data.get("code"):
            details.append(code(data["code"]))
        if data.get("resolution_type"):
            details.append(str(RESOLUTIONS.get(data["resolution_type"], data["resolution_type"])))
        if data.get("minutes"):
            details.append(f"{data['minutes']} min")
        for key in ("reason", "note"):
            if data.get(key):
                details.append(f"“{data[key]}”")
        lines.append({"at": event.created_at, "actor": event.actor_label or event.actor_kind,
                      "verb": str(VERBS.get(event.verb, event.verb)), "details": " · ".join(details),
                      "late": bool(data.get("late"))})
    return lines


def _language() -> str:
    from django.utils.translation import get_language

    return get_language() or "en"


# --- the board, prepared in Python: a hundred rows through template tags cost tens of ms ------

class BoardWords:
    """Translated words looked up once per page, not once per row."""

    def __init__(self) -> None:
        from django.utils.dates import MONTHS_3, WEEKDAYS_ABBR
        from django.utils.translation import gettext

        from triagedesk.triage.codes import Code

        from .labels import STATES, span_units

        language = _language()
        self.codes = {c.value: c.label(language).upper() for c in Code}
        self.states = {k: str(v) for k, v in STATES.items()}
        self.weekdays = {k: str(v) for k, v in WEEKDAYS_ABBR.items()}
        self.months = {k: str(v).capitalize() for k, v in MONTHS_3.items()}
        self.units = span_units()
        self.left, self.breached = gettext("%s left"), gettext("BREACHED %s ago")
        self.from_, self.taken = gettext("from %(when)s"), gettext("taken %(when)s")
        self.paused = gettext("paused")
        from django.utils import timezone

        self.zone = timezone.get_current_timezone()

    def when(self, at: datetime) -> str:
        local = at.astimezone(self.zone)
        return f"{self.weekdays[local.weekday()]} {local.day} {self.months[local.month]} {local:%H:%M}"

    def hm(self, at: datetime) -> str:
        return f"{at.astimezone(self.zone):%H:%M}"

    def span(self, seconds: float, minutes_only: bool) -> str:
        return format_span(seconds, self.units, minutes_only)


def _ms(at: datetime | None) -> str:
    return str(int(at.timestamp() * 1000)) if at else ""


def board_rows(tickets, now: datetime, words: "BoardWords | None" = None) -> list[dict]:
    """Everything a board row shows, as plain strings."""
    words = words or BoardWords()
    rows = []
    for t in tickets:
        status = sla_status(t, now)
        sla = {"kind": status}
        if status == "taken":
            sla["text"] = words.taken % {"when": words.hm(t.taken_at)}
        elif status == "paused":
            sla["text"] = words.paused
        elif status == "scheduled":
            sla["text"] = words.from_ % {"when": words.when(t.not_before_at)}
        elif t.due_at:
            left = (t.due_at - now).total_seconds()
            sla.update(kind="countdown", due=_ms(t.due_at), warn=_ms(t.warning_at), title=words.when(t.due_at),
                       css="cd-breached" if status == "breached" else
                       "cd-warning" if status == "warning" else "cd-running",
                       text=(words.breached % words.span(left, True)) if left < 0 else
                       (words.left % words.span(left, False)))
        account = t.account
        rows.append({
            "number": t.number, "code": t.code, "code_label": words.codes.get(t.code, t.code),
            "subject": t.subject, "unverified": t.unverified, "status": status,
            "account_code": account.code if account else "", "account_name": _short(account.name, 28) if account else "",
            "requester": t.requester_email, "plan": account.plan.name if account else "",
            "team": t.team.name if t.team_id else "", "tier": f"L{t.tier}",
            "state": words.states.get(t.state, t.state),
            "assignee": t.assignee.display_name if t.assignee_id else "",
            "sla": sla, "not_before": words.when(t.not_before_at) if t.not_before_at else "",
            "due": words.when(t.due_at) if t.due_at else "",
        })
    return rows


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"
