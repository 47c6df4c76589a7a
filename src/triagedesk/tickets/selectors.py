"""Every read that lists tickets, scoped to what the person may see."""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from datetime import datetime

from django.db import connections
from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects

from triagedesk.accounts.models import Agent

from .models import Ticket

QUEUE_FILTERS = ("tier", "team", "account", "plan", "code", "state")


def agent_of(user) -> Agent | None:
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.agent
    except Agent.DoesNotExist:
        return None


def agent_team_ids(agent: Agent) -> list[int] | None:
    """The teams whose queues an agent sees; None means every team."""
    if agent.sees_all_teams or agent.user.is_superuser:
        return None
    return list(agent.teams.values_list("pk", flat=True))


def tickets_visible_to(user) -> QuerySet[Ticket]:
    """The one place that decides which tickets a user may see."""
    base = Ticket.objects.all()
    agent = agent_of(user)
    if agent is not None:
        teams = agent_team_ids(agent)
        if teams is None:
            return base
        return base.filter(Q(team_id__in=teams) | Q(assignee=agent) | Q(team__isnull=True))
    contact = getattr(user, "contact", None) if getattr(user, "is_authenticated", False) else None
    if contact is not None and contact.is_active:
        return base.filter(account_id=contact.account_id)
    return base.none()


@dataclass
class QueuePage:
    active: list[Ticket] = field(default_factory=list)
    scheduled: list[Ticket] = field(default_factory=list)


def _apply_filters(qs: QuerySet[Ticket], filters: dict) -> QuerySet[Ticket]:
    if filters.get("tier"):
        qs = qs.filter(tier=int(filters["tier"]))
    if filters.get("account"):
        qs = qs.filter(account__code=filters["account"])
    if filters.get("plan"):
        qs = qs.filter(account__plan__slug=filters["plan"])
    if filters.get("code"):
        qs = qs.filter(code=filters["code"])
    if filters.get("state"):
        qs = qs.filter(state=filters["state"])
    if filters.get("unverified"):
        qs = qs.filter(unverified=True)
    return qs


def _queue_prefetches() -> tuple:
    """The related rows a queue page shows, read once per page.

    Not joined into the queue queries: each LEFT JOIN multiplies PostgreSQL's planning
    work (with the five relations joined, planning took ~15 ms for a query that runs in
    1 ms), and a join builds one account, plan and team object per row where a
    prefetch builds one per distinct row (a dozen accounts for a page of 100 tickets).
    """
    from triagedesk.accounts.models import Account

    return (Prefetch("account", queryset=Account.objects.select_related("plan")), "team",
            Prefetch("assignee", queryset=Agent.objects.select_related("user")), "case_type")


def agent_queue(*, user, now: datetime, filters: dict | None = None, limit: int = 50) -> QueuePage:
    """Open tickets by code severity then take-in-charge deadline; not-before ones apart.

    Each team's slice is read on its own partial index (team, severity, due_at)
    and the slices are merged, so the first page stays an index read however
    many tickets are open.
    """
    filters = {k: v for k, v in (filters or {}).items() if v not in (None, "")}
    agent = agent_of(user)
    if agent is None:
        return QueuePage()
    teams = agent_team_ids(agent)
    if filters.get("team"):
        wanted = int(filters["team"])
        if teams is not None and wanted not in teams:
            return QueuePage()
        teams = [wanted]

    base = _apply_filters(Ticket.objects.filter(is_open=True), filters)
    active_q = Q(not_before_at__isnull=True) | Q(not_before_at__lte=now)
    order = ("severity", "due_at", "id")

    if teams is None:
        active = list(base.filter(active_q).order_by(*order)[:limit])
    else:
        slices = [base.filter(active_q, team_id=t).order_by(*order)[:limit] for t in teams]
        # Ordering by the (NULL) team too lets PostgreSQL read this slice in index order as well.
        slices.append(base.filter(active_q, team__isnull=True).order_by("team_id", *order)[:limit])
        if connections[base.db].features.supports_slicing_ordering_in_compound:
            # PostgreSQL: one statement, (slice) UNION ALL (slice) ... ORDER BY ... LIMIT.
            active = list(slices[0].union(*slices[1:], all=True).order_by(*order)[:limit])
        else:
            # SQLite cannot order inside a UNION: merge the slices' sort keys, then read the page by id.
            key = lambda row: (row[0], row[1] or now, row[2])  # noqa: E731
            keys = heapq.merge(*(list(s.values_list(*order)) for s in slices), key=key)
            ids = [row[2] for row in keys][:limit]
            rank = {pk: i for i, pk in enumerate(ids)}
            active = sorted(Ticket.objects.filter(pk__in=ids), key=lambda t: rank[t.pk])
        base = base.filter(Q(team_id__in=teams) | Q(team__isnull=True))
    scheduled = list(base.filter(not_before_at__gt=now).order_by("not_before_at", "id")[:limit])
    prefetch_related_objects([*active, *scheduled], *_queue_prefetches())
    return QueuePage(active=active, scheduled=scheduled)


# --- pages: one ticket, search, attachments --------------------------------------------------

# Each join costs PostgreSQL planning time (about 6 ms with ten of them): join what every page shows,
# read the personal manager apart, and only for the plans that have one.
_PAGE_RELATED = ("account__plan", "requester", "assignee__user", "team", "case_type")
PAGE_MESSAGE_LIMIT = 300


@dataclass
class TicketPage:
    """One ticket as a page shows it: customers get public messages and no audit trail."""

    ticket: Ticket
    messages: list = field(default_factory=list)
    events: list = field(default_factory=list)
    pauses: list = field(default_factory=list)
    older_messages_hidden: int = 0


def ticket_page(*, user, number: str) -> TicketPage | None:
    """The ticket ``number`` if ``user`` may see it, with its conversation, in a fixed number of queries."""
    from triagedesk.core.models import AuditEvent

    from .models import Message

    from django.db.models import Prefetch

    found = list(tickets_visible_to(user).select_related(*_PAGE_RELATED).filter(number=number)[:1])
    if not found:
        return None
    ticket = found[0]
    account = ticket.account
    if account is not None and account.plan.personal_manager and account.account_manager_id:
        prefetch_related_objects([account], Prefetch("account_manager", Agent.objects.select_related("user")))
    staff = agent_of(user) is not None
    messages = Message.objects.filter(ticket=ticket)
    if not staff:
        messages = messages.filter(visibility=Message.Visibility.PUBLIC)
    # Newest first so that a mail loop of thousands of messages still renders the recent ones.
    recent = list(messages.prefetch_related("attachments").order_by("-created_at", "-id")[:PAGE_MESSAGE_LIMIT + 1])
    hidden = 0
    if len(recent) > PAGE_MESSAGE_LIMIT:
        recent = recent[:PAGE_MESSAGE_LIMIT]
        hidden = messages.count() - PAGE_MESSAGE_LIMIT
    recent.reverse()
    events = list(AuditEvent.objects.filter(subject_type="ticket", subject_id=ticket.pk)) if staff else []
    return TicketPage(ticket=ticket, messages=recent, events=events, pauses=list(ticket.pauses.all()),
                      older_messages_hidden=hidden)


def _search_branches(q: str, *, public_only: bool) -> list[QuerySet]:
    """Each branch yields ticket ids on its own index; their UNION is the match set."""
    from django.db import connection

    from triagedesk.accounts.models import Account

    from .models import Message

    messages = Message.objects.order_by()
    if public_only:
        messages = messages.filter(visibility=Message.Visibility.PUBLIC)
    tickets = Ticket.objects.order_by()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        query = SearchQuery(q, config="simple", search_type="websearch")
        text = [
            tickets.annotate(fts=TICKET_SEARCH_VECTOR).filter(fts=query).values("pk"),
            messages.annotate(fts=MESSAGE_SEARCH_VECTOR).filter(fts=query).values("ticket_id"),
        ]
    else:
        text = [
            tickets.filter(Q(subject__icontains=q) | Q(requester_name__icontains=q)).values("pk"),
            messages.filter(body__icontains=q).values("ticket_id"),
        ]
    accounts = Account.objects.order_by().filter(Q(code__iexact=q) | Q(name__icontains=q)).values("pk")[:50]
    exact = [
        tickets.filter(number__iexact=q).values("pk"),
        tickets.filter(requester_email__iexact=q).values("pk"),
        tickets.filter(account_id__in=accounts).values("pk"),
    ]
    if q.isdigit():  # "123" finds TD-2026-000123
        exact.append(tickets.filter(number__endswith=q.zfill(6)).values("pk"))
    return text + exact


def ticket_search(*, user, q: str, limit: int = 50) -> list[Ticket]:
    """Tickets ``user`` may see whose number, subject, messages or customer match ``q``, newest first.

    PostgreSQL uses full-text search ('simple' configuration, GIN indexes);
    SQLite falls back to case-insensitive substring matching. Customers only
    match on public messages, so a search never reveals an internal note.
    """
    q = " ".join((q or "").split())[:200]
    if not q:
        return []
    branches = _search_branches(q, public_only=agent_of(user) is None)
    ids = branches[0].union(*branches[1:])
    return list(tickets_visible_to(user).filter(pk__in=ids).select_related("account", "assignee__user", "case_type")
                .order_by("-opened_at", "-id")[:limit])


def attachment_visible_to(*, user, attachment_id: int):
    """An attachment on a ticket ``user`` may see; customers only reach those on public messages."""
    from .models import Attachment, Message

    qs = Attachment.objects.select_related("message").filter(
        pk=attachment_id, message__ticket__in=tickets_visible_to(user).values("pk"))
    if agent_of(user) is None:
        qs = qs.filter(message__visibility=Message.Visibility.PUBLIC)
    return qs.first()


def _search_vectors():
    from django.contrib.postgres.search import SearchVector

    return (SearchVector("number", "subject", "requester_email", "requester_name", config="simple"),
            SearchVector("body", config="simple"))


# The GIN indexes (console migration 0001) are built on exactly these expressions.
TICKET_SEARCH_VECTOR, MESSAGE_SEARCH_VECTOR = _search_vectors()
