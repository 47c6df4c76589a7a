"""Core figures (issue 3): opening tickets, the agent queue and the SLA scan, on PostgreSQL.

Data set
========

World, built through the services (``accounts.services``):

* one business calendar (Mon-Fri 09:30-19:30 Europe/Rome, Italian holidays) and the
  three demo plans (economy, standard, premium) with their targets (``core.demo.PLANS``);
* 4 teams (support, systems, web, mail); 12 accounts (``core.demo.ACCOUNTS``: 4 economy,
  5 standard, 3 premium; it, fr, ru, en), 3 per team; 4 contacts per account (48);
* 11 agents: a supervisor who sees every team, 4 agents in "web" (the measured agent is
  one of them), 2 in each other team;
* the built-in case catalogue (``triage.services.catalog_sync``).

``ticket_open_rate`` (``ticket_open_queries``)
    3,000 tickets (500 with --small), after 50 warm-up ones, opened one by one with
    ``tickets.services.ticket_open`` in this process: a random contact of the pool, a
    subject and body drawn from ``tests/data/triage/train.jsonl`` (real-looking hosting
    requests in it/en/fr/ru/de/es; the demo requests if that file is missing); channel
    email 50 % (with a Message-ID), portal 30 % (half of them with the code the customer
    chose), api 15 %, phone 5 %. Each ticket is one transaction with its first message,
    audit event, acknowledgement ``OutboundEmail`` row and its enqueued task. The queries
    figure counts the SQL statements of 20 more tickets (BEGIN/COMMIT not included).
    Contacts come from a pool loaded once with their account (as an intake adapter that
    resolved the sender would pass them). The classifier is whatever
    ``triagedesk.triage.classify`` is installed; ``ticket_open_triage_ms`` is its share.

``ticket_open_db_floor_rate``
    The statements ``ticket_open`` sends for the timed tickets, recorded once in a
    transaction that is rolled back and then replayed alone through psycopg in
    autocommit (one statement and one durable COMMIT per ticket, as ``ticket_open`` runs
    on PostgreSQL): what the database and the round trips allow with no Python work and
    no classifier, the ceiling of ``ticket_open_rate`` on this machine.

``queue_first_page_{supervisor,agent}_p50/_p95``
    1,000,000 tickets (100,000 with --small) written by one ``INSERT ... SELECT FROM
    generate_series`` (FK triggers off while loading; values valid by construction), then
    ``VACUUM ANALYZE``. The newest 100,000 (10,000) are open. Codes 15 % red, 35 % yellow,
    30 % green, 20 % white; 98 % of tickets come from a contact (account, team and language
    follow), 2 % from unknown senders (no account, no team, unverified). Deadlines follow
    the standard plan's targets on a 24x7 clock (red 15 min, yellow 24 h, green 4 d, white
    7 d; green/white not before 48 h). Open tickets were opened between now and two targets
    ago, so ``due_at`` is spread around now and some green/white are still before their
    not-before time (state scheduled); 30 % of open tickets are taken in charge, 10 %
    wait for the customer (paused). Closed ones span the previous three years.
    The call is ``agent_queue(user=..., now=now, limit=50)`` with a freshly loaded user
    (as a request would have), lists evaluated; 5 warm-up calls, then 50 samples. The
    supervisor sees every team; the agent is one of the 4 agents of "web" (one team, plus
    the tickets of no team). ``..._queries`` counts the statements of one call.

``sla_scan_100k_open`` (``sla_scan_10k_open`` with --small)
    The same table: of the 100,000 (10,000) open tickets exactly 1,000 (100) are due
    (``sla_next_at <= now``): half have just passed 80 % (warning), half their deadline
    (breach). One ``sla_scan(now=now)``; between runs the ``sla_*`` columns are restored,
    the events, audit rows and tasks it wrote are deleted and the table is vacuumed.
    One warm-up run, then the median of 5.

EXPLAIN (ANALYZE, BUFFERS) of the queue queries and of the scan's claim queries goes to
``explain-core.txt``; the statements of one ticket_open go to ``sql-open.txt``.
``core_expected_indexes_used`` counts the partial indexes the plans use, of
ticket_queue_idx, ticket_team_queue_idx, ticket_scheduled_idx and ticket_sla_scan_idx.
"""

from __future__ import annotations

import json
import random
import statistics
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

from django.db import connection, transaction
from django.test import override_settings

from bench.common import capture_sql, figure, note, percentile, results_dir

REPO = Path(__file__).resolve().parents[2]
TEAMS = ["support", "systems", "web", "mail"]
MEASURED_TEAM = "web"
OPEN_WARMUP = 50
QUEUE_WARMUP, QUEUE_SAMPLES = 5, 50
SCAN_RUNS = 5
EXPECTED_INDEXES = ("ticket_queue_idx", "ticket_team_queue_idx", "ticket_scheduled_idx", "ticket_sla_scan_idx")


def run(small: bool) -> None:
    if connection.vendor != "postgresql":
        note("core: needs PostgreSQL (generate_series, EXPLAIN); skipped")
        return
    explain = ExplainLog(results_dir() / "explain-core.txt")
    world = build_world()
    ticket_open_rate(world, n=500 if small else 3000)
    total, open_count, due = (100_000, 10_000, 100) if small else (1_000_000, 100_000, 1_000)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    generate_tickets(world, total=total, open_count=open_count, now=now)
    queue_latency(world, now=now, explain=explain)
    sla_scan_figure(now=now, due=due, open_count=open_count, explain=explain)
    used = explain.check(EXPECTED_INDEXES)
    figure("core_expected_indexes_used", len(used), f"of {len(EXPECTED_INDEXES)}")
    explain.write()


# --- the world ------------------------------------------------------------------

class World:
    def __init__(self) -> None:
        self.teams: dict[str, object] = {}
        self.agents: dict[str, object] = {}
        self.accounts: list = []
        self.contacts: list = []


def build_world() -> World:
    from triagedesk.accounts import services as acc
    from triagedesk.core.demo import ACCOUNTS, OFFICE_HOURS, PLANS
    from triagedesk.triage.services import catalog_sync

    t0 = time.perf_counter()
    w = World()
    catalog_sync()
    # Creating users is not what we measure: a cheap hasher keeps the set-up short.
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        office = acc.calendar_create(name="Office", time_zone="Europe/Rome", weekly_hours=OFFICE_HOURS,
                                     holiday_country="IT")
        plans = {slug: acc.plan_create(name=name, slug=slug, calendar=office, monthly_included_hours=hours,
                                       personal_manager=pm, targets=targets)
                 for name, slug, hours, pm, targets in PLANS}
        for slug in TEAMS:
            w.teams[slug] = acc.team_create(name=slug.title(), slug=slug)
        w.agents["supervisor"] = acc.agent_create(
            username="supervisor", email="supervisor@desk.example", name="Sara Supervisor", password="pw-bench-1",
            tier=3, sees_all_teams=True)
        for slug in TEAMS:
            for k in range(4 if slug == MEASURED_TEAM else 2):
                username = f"{slug}{k + 1}"
                w.agents[username] = acc.agent_create(
                    username=username, email=f"{username}@desk.example", name=f"Agent {username.title()}",
                    password="pw-bench-1", tier=1 + k % 3, teams=[w.teams[slug]],
                    lead_of=[w.teams[slug]] if k == 0 else [])
        manager = w.agents["systems1"]
        for i, (code, name, plan, language, _team, domains, people) in enumerate(ACCOUNTS):
            account = acc.account_create(code=code, name=name, plan=plans[plan], language=language,
                                         team=w.teams[TEAMS[i % len(TEAMS)]], domains=domains,
                                         account_manager=manager if plans[plan].personal_manager else None)
            w.accounts.append(account)
            people = list(people) + [(f"Staff {k}", f"staff{k}@{domains[0]}", "") for k in range(1, 5)]
            for person, email, phone in people[:4]:
                acc.contact_create(account=account, name=person, email=email, phone=phone,
                                   password="pw-bench-1" if len(w.contacts) % 2 == 0 else None)
                w.contacts.append(email)
    note(f"world: {len(w.accounts)} accounts, {len(w.contacts)} contacts, {len(w.agents)} agents "
         f"in {time.perf_counter() - t0:.1f}s")
    return w


def load_requests() -> list[tuple[str, str, str, str]]:
    """(language, subject, body, code) of realistic requests."""
    path = REPO / "tests" / "data" / "triage" / "train.jsonl"
    out = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out.append((row["lang"], row["subject"], row["body"], row["code"]))
    if not out:
        from triagedesk.core.demo import REQUESTS

        codes = ["red", "yellow", "green", "white"]
        out = [(lang, s, b, codes[i % 4]) for lang, items in REQUESTS.items() for i, (s, b) in enumerate(items)]
    return out


# --- ticket_open_rate --------------------------------------------------------------

def _open_calls(count: int, rng: random.Random) -> list[dict]:
    from triagedesk.accounts.models import Contact
    from triagedesk.core.audit import Actor

    contacts = list(Contact.objects.select_related("account").order_by("pk"))
    requests = load_requests()
    calls = []
    for _ in range(count):
        contact = rng.choice(contacts)
        _lang, subject, body, code = rng.choice(requests)
        r = rng.random()
        channel = "email" if r < 0.5 else "portal" if r < 0.8 else "api" if r < 0.95 else "phone"
        call = dict(subject=subject, body=body, channel=channel, requester=contact,
                    actor=Actor("contact", contact.user_id, contact.name))
        if channel == "email":
            call["email_message_id"] = f"<{uuid.UUID(int=rng.getrandbits(128)).hex}@{contact.email.split('@')[1]}>"
        elif channel == "portal" and rng.random() < 0.5:
            call["code"] = code
        calls.append(call)
    return calls


def _database_floor(calls: list[dict]) -> float:
    """Tickets per second the database alone allows: ``ticket_open``'s own statements, replayed.

    The calls run once inside a transaction that is rolled back, recording each statement
    with its parameters (ids come from the process's pool, so they are fresh; the number's
    counter is rolled back); then the recorded statements are sent again one after the
    other in autocommit, as ``ticket_open`` sends them (bound on the server, prepared),
    straight through psycopg: what is left is the round trip, the server's work and the
    durable COMMIT of each ticket.
    """
    from django.db import connection

    from triagedesk.tickets.services import ticket_open

    recorded: list[tuple[str, list]] = []

    def record(execute, sql, params, many, context):
        if sql.startswith("WITH "):
            recorded.append((sql, list(params)))
        return execute(sql, params, many, context)

    with transaction.atomic():
        with connection.execute_wrapper(record):
            for call in calls:
                ticket_open(**call)
        transaction.set_rollback(True)
    from triagedesk.core.rows import _server_binding_cursor

    # The cursor ticket_open writes with (core.rows.prepared_cursor), without Django's wrapper.
    cursor = _server_binding_cursor(True)(connection.connection)
    start = time.perf_counter()
    for sql, params in recorded:
        cursor.execute(sql, params)
    elapsed = time.perf_counter() - start
    cursor.close()
    return len(recorded) / elapsed


def ticket_open_rate(world: World, *, n: int) -> None:
    from django_tasks_db.models import DBTaskResult

    from triagedesk.core.models import AuditEvent
    from triagedesk.notify.models import OutboundEmail
    from triagedesk.tickets.models import Message, Ticket
    from triagedesk.tickets.services import ticket_open

    counted = 20
    calls = _open_calls(OPEN_WARMUP + n + counted, random.Random(3))
    for call in calls[:OPEN_WARMUP]:
        ticket_open(**call)
    timed_calls = calls[OPEN_WARMUP:OPEN_WARMUP + n]
    start = time.perf_counter()
    for call in timed_calls:
        ticket_open(**call)
    elapsed = time.perf_counter() - start
    figure("ticket_open_rate", n / elapsed, "tickets/s")
    note(f"ticket_open: {n} tickets in {elapsed:.2f}s, {elapsed / n * 1e3:.3f} ms each")

    # How much of that is the classifier (the triage group measures it on its own).
    from triagedesk.triage.services import triage_request

    start = time.perf_counter()
    for call in timed_calls:
        triage_request(subject=call["subject"].strip()[:300], body=call["body"])
    figure("ticket_open_triage_ms", (time.perf_counter() - start) / n * 1e3, "ms per ticket")

    # Per ticket, so that a per-process cache expiring meanwhile (SLA targets: 30 s) shows as a note.
    captured = []
    for call in calls[OPEN_WARMUP + n:]:
        with capture_sql() as sql:
            ticket_open(**call)
        captured.append(sql.statements)
    counts = [len(statements) for statements in captured]
    per_ticket = int(statistics.median(counts))
    figure("ticket_open_queries", per_ticket, "per ticket")
    for statements in captured:
        if len(statements) != per_ticket:
            note(f"one ticket_open sent {len(statements)} statements: "
                 + "; ".join(q.split(" WHERE ")[0][:60] for q, _p, _s in statements))
    one_ticket = next(statements for statements in captured if len(statements) == per_ticket)
    with (results_dir() / "sql-open.txt").open("w") as out:
        out.write(f"# the statements of one ticket_open ({per_ticket}), BEGIN/COMMIT not shown\n\n")
        for statement, params, seconds in one_ticket:
            out.write(f"-- {seconds * 1e3:.3f} ms\n{statement}\n-- params: {params!r}\n\n")

    floor_rate = _database_floor(calls[:n])
    figure("ticket_open_db_floor_rate", floor_rate, "tickets/s")
    note("ticket_open_db_floor_rate: the statements ticket_open sent, replayed alone (no Python, no classifier)")

    # Everything the service promises is there, once per ticket.
    total = len(calls) + n
    found = {
        "tickets": Ticket.objects.count(), "messages": Message.objects.count(),
        "audit": AuditEvent.objects.filter(verb="ticket.opened").count(),
        "outbound": OutboundEmail.objects.filter(kind="acknowledgement").count(),
        "tasks": DBTaskResult.objects.filter(task_path__endswith="send_outbound_email").count(),
    }
    if set(found.values()) != {total}:
        raise AssertionError(f"ticket_open wrote {found}, expected {total} of each")


# --- 1M tickets by SQL ----------------------------------------------------------------

GENERATE_SQL = """
INSERT INTO tickets_ticket (
    number, subject, account_id, requester_id, requester_email, requester_name, team_id, assignee_id, tier,
    channel, language, code, severity, case_type_id, proposed_code, triage_confidence, triage_reasons, state,
    is_open, resolution_type, unverified, linked_to_id, opened_at, updated_at, taken_at, resolved_at, closed_at,
    not_before_at, due_at, warning_at, resolution_due_at, paused_since, sla_version, sla_next_at,
    sla_warned_at, sla_breached_at)
SELECT
    'TD-' || to_char(opened_at AT TIME ZONE 'UTC', 'YYYY') || '-' || lpad(g::text, 7, '0'),
    subject, account_id, requester_id, requester_email, requester_name, team_id, assignee_id, tier,
    channel, language, code, severity, case_type_id, code, round((0.5 + r_conf * 0.5)::numeric, 3)::float8, '[]'::jsonb,
    state, is_open, CASE WHEN is_open THEN '' ELSE 'answer' END, requester_id IS NULL, NULL,
    opened_at, greatest(opened_at, coalesce(closed_at, resolved_at, taken_at, opened_at)),
    taken_at, resolved_at, closed_at,
    not_before_at, due_at, warning_at, NULL, paused_since, 1,
    CASE WHEN taken_at IS NULL AND is_open AND paused_since IS NULL THEN
         CASE WHEN warning_at > %(now)s THEN warning_at WHEN due_at > %(now)s THEN due_at END END,
    CASE WHEN taken_at IS NULL AND is_open AND paused_since IS NULL AND warning_at <= %(now)s
         THEN warning_at END,
    CASE WHEN taken_at IS NULL AND is_open AND paused_since IS NULL AND due_at <= %(now)s THEN due_at END
FROM (
    SELECT *,
        opened_at + target AS due_at,
        opened_at + target * 0.8 AS warning_at,
        CASE WHEN code IN ('green', 'white') THEN opened_at + interval '48 hours' END AS not_before_at,
        CASE
            WHEN NOT is_open THEN NULL
            WHEN code IN ('green', 'white') AND opened_at + interval '48 hours' > %(now)s THEN NULL
            WHEN r_take < 0.4 THEN least(%(now)s, opened_at + target * r_take)
        END AS taken_at,
        CASE WHEN is_open THEN NULL ELSE opened_at + interval '1 day' * (0.1 + r_take) END AS resolved_at,
        CASE WHEN NOT is_open AND r_take < 0.8 THEN opened_at + interval '1 day' * (3.1 + r_take) END AS closed_at
    FROM (
        SELECT *,
            CASE WHEN is_open THEN %(now)s - target * 2 * r_age
                 ELSE %(now)s - interval '3 days' - interval '1095 days' * (1 - g::float8 / %(closed)s)
            END AS opened_at
        FROM (
            SELECT *,
                CASE code WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 WHEN 'green' THEN 2 ELSE 3 END AS severity,
                CASE code WHEN 'red' THEN interval '15 minutes' WHEN 'yellow' THEN interval '24 hours'
                          WHEN 'green' THEN interval '4 days' ELSE interval '7 days' END AS target
            FROM (
                SELECT g, g > %(closed)s AS is_open, r_age, r_take, r_conf,
                    CASE WHEN r_code < 0.15 THEN 'red' WHEN r_code < 0.50 THEN 'yellow'
                         WHEN r_code < 0.80 THEN 'green' ELSE 'white' END AS code,
                    (%(subjects)s::text[])[1 + (g %% %(n_subjects)s)] AS subject,
                    CASE WHEN r_who < 0.02 THEN NULL ELSE (%(c_account)s::bigint[])[ci] END AS account_id,
                    CASE WHEN r_who < 0.02 THEN NULL ELSE (%(c_id)s::bigint[])[ci] END AS requester_id,
                    CASE WHEN r_who < 0.02 THEN 'someone' || (g %% 5000) || '@example.net'
                         ELSE (%(c_email)s::text[])[ci] END AS requester_email,
                    CASE WHEN r_who < 0.02 THEN '' ELSE (%(c_name)s::text[])[ci] END AS requester_name,
                    CASE WHEN r_who < 0.02 THEN NULL ELSE (%(c_team)s::bigint[])[ci] END AS team_id,
                    CASE WHEN r_who < 0.02 THEN 'en' ELSE (%(c_lang)s::text[])[ci] END AS language,
                    CASE WHEN r_take < 0.4 OR g <= %(closed)s
                         THEN (%(agents)s::bigint[])[1 + floor(r_asg * %(n_agents)s)::int] END AS assignee_id,
                    CASE WHEN r_asg < 0.1 THEN 2 ELSE 1 END AS tier,
                    CASE WHEN r_ch < 0.5 THEN 'email' WHEN r_ch < 0.8 THEN 'portal' WHEN r_ch < 0.95 THEN 'api'
                         ELSE 'phone' END AS channel,
                    CASE WHEN r_case < 0.7 THEN (%(cases)s::bigint[])[1 + floor(r_case / 0.7 * %(n_cases)s)::int]
                         END AS case_type_id,
                    CASE WHEN g <= %(closed)s THEN (CASE WHEN r_take < 0.8 THEN 'closed' ELSE 'resolved' END)
                         ELSE NULL END AS closed_state
                FROM (
                    SELECT g, random() AS r_code, random() AS r_who, random() AS r_age, random() AS r_take,
                           random() AS r_asg, random() AS r_ch, random() AS r_case, random() AS r_conf,
                           1 + floor(random() * %(n_contacts)s)::int AS ci
                    FROM generate_series(1, %(total)s) AS g
                ) AS r
            ) AS c
        ) AS t
    ) AS o
) AS s
CROSS JOIN LATERAL (SELECT
    CASE
        WHEN NOT s.is_open THEN s.closed_state
        WHEN s.taken_at IS NOT NULL AND s.r_take >= 0.3 THEN 'waiting_customer'
        WHEN s.taken_at IS NOT NULL THEN 'in_progress'
        WHEN s.not_before_at > %(now)s THEN 'scheduled'
        ELSE 'triaged'
    END AS state,
    CASE WHEN s.is_open AND s.taken_at IS NOT NULL AND s.r_take >= 0.3 THEN s.taken_at END AS paused_since
) AS st
"""


def generate_tickets(world: World, *, total: int, open_count: int, now: datetime, group: str = "core") -> None:
    """The data set in SQL; its size goes out as ``<group>_data_tickets`` / ``_open_tickets``."""
    from triagedesk.accounts.models import Agent, Contact
    from triagedesk.triage.models import CaseType

    t0 = time.perf_counter()
    _truncate_ticket_data()
    contacts = list(Contact.objects.select_related("account").order_by("pk"))
    subjects = sorted({subject for _lang, subject, _body, _code in load_requests()})
    agents = list(Agent.objects.order_by("pk").values_list("pk", flat=True))
    cases = list(CaseType.objects.order_by("pk").values_list("pk", flat=True))
    params = {
        "now": now, "total": total, "closed": total - open_count,
        "subjects": subjects, "n_subjects": len(subjects),
        "c_id": [c.pk for c in contacts], "c_account": [c.account_id for c in contacts],
        "c_email": [c.email for c in contacts], "c_name": [c.name for c in contacts],
        "c_team": [c.account.team_id for c in contacts],
        "c_lang": [c.language or c.account.language for c in contacts], "n_contacts": len(contacts),
        "agents": agents, "n_agents": len(agents), "cases": cases or [None], "n_cases": max(len(cases), 1),
    }
    with connection.cursor() as cur:
        cur.execute("SELECT setseed(0.42)")
        # Values are valid by construction; skipping the per-row FK triggers makes the load ~2x faster.
        cur.execute("SET session_replication_role = replica")
        try:
            cur.execute(GENERATE_SQL, params)
        finally:
            cur.execute("SET session_replication_role = DEFAULT")
        cur.execute("VACUUM ANALYZE tickets_ticket")
        cur.execute("CHECKPOINT")  # write the load out now, not during the measurements
        cur.execute("SELECT count(*), count(*) FILTER (WHERE is_open), "
                    "count(*) FILTER (WHERE is_open AND not_before_at > %s), "
                    "count(*) FILTER (WHERE sla_next_at <= %s) FROM tickets_ticket", [now, now])
        n, n_open, n_scheduled, n_due = cur.fetchone()
    if (n, n_open, n_due) != (total, open_count, 0):
        raise AssertionError(f"generated {n} tickets, {n_open} open, {n_due} due; "
                             f"wanted {total}, {open_count}, 0")
    figure(f"{group}_data_tickets", n, "tickets")
    figure(f"{group}_data_open_tickets", n_open, "tickets")
    note(f"generated {n:,} tickets ({n_open:,} open, {n_scheduled:,} scheduled) "
         f"in {time.perf_counter() - t0:.1f}s")


def _truncate_ticket_data() -> None:
    from django_tasks_db.models import DBTaskResult

    from triagedesk.core.models import AuditEvent
    from triagedesk.notify.models import OutboundEmail
    from triagedesk.tickets.models import Ticket, TicketSequence

    tables = [m._meta.db_table for m in (Ticket, TicketSequence, AuditEvent, OutboundEmail, DBTaskResult)]
    with connection.cursor() as cur:
        cur.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")


# --- the queue --------------------------------------------------------------------

def queue_latency(world: World, *, now: datetime, explain: "ExplainLog") -> None:
    from django.contrib.auth import get_user_model

    from triagedesk.tickets.selectors import agent_queue

    User = get_user_model()
    roles = {"supervisor": world.agents["supervisor"].user_id, "agent": world.agents[f"{MEASURED_TEAM}1"].user_id}
    for role, user_id in roles.items():
        for _ in range(QUEUE_WARMUP):
            agent_queue(user=User.objects.get(pk=user_id), now=now, limit=50)
        samples = []
        for _ in range(QUEUE_SAMPLES):
            user = User.objects.get(pk=user_id)  # a request loads its user before the view runs
            start = time.perf_counter()
            page = agent_queue(user=user, now=now, limit=50)
            samples.append((time.perf_counter() - start) * 1e3)
        if len(page.active) != 50:
            raise AssertionError(f"{role}: first page has {len(page.active)} active tickets, expected 50")
        figure(f"queue_first_page_{role}_p50", percentile(samples, 50), "ms")
        figure(f"queue_first_page_{role}_p95", percentile(samples, 95), "ms")
        user = User.objects.get(pk=user_id)
        with capture_sql() as sql:
            agent_queue(user=user, now=now, limit=50)
        figure(f"queue_first_page_{role}_queries", len(sql), "queries")
        note(f"queue {role}: {len(page.active)} active, {len(page.scheduled)} scheduled; "
             f"per-statement ms: {', '.join(f'{s * 1e3:.2f}' for _q, _p, s in sql.statements)}")
        for statement, params, _s in sql.statements:
            if "tickets_ticket" in statement.split(" FROM ", 1)[-1][:40]:
                explain.analyze(f"queue {role}", statement, params)


# --- the SLA scan -------------------------------------------------------------------

def sla_scan_figure(*, now: datetime, due: int, open_count: int, explain: "ExplainLog") -> None:
    from triagedesk.sla.scan import sla_scan

    _make_due(now, due)
    runs = []
    for i in range(SCAN_RUNS + 1):
        if i == 0:
            with capture_sql() as sql:
                result = sla_scan(now=now)
            claims = [(q, p) for q, p, _s in sql.statements if "UPDATE tickets_ticket" in q]
            _check_scan_records(now)
        else:
            start = time.perf_counter()
            result = sla_scan(now=now)
            runs.append((time.perf_counter() - start) * 1e3)
        if (result.warnings, result.breaches) != (due // 2, due - due // 2):
            raise AssertionError(f"scan found {result}, expected {due // 2} warnings and {due - due // 2} breaches")
        _restore_due()
    label = f"{open_count // 1000}k"
    figure(f"sla_scan_{label}_open", statistics.median(runs), "ms")
    figure("sla_scan_due", due, "tickets")
    note(f"sla_scan runs (ms): {', '.join(f'{r:.1f}' for r in runs)}")
    for statement, params in claims:
        explain.analyze("sla scan claim", statement, params, rollback=True)


def _check_scan_records(now: datetime) -> None:
    """The scan's SlaEvent and audit rows say what the portable (ORM) path would have written."""
    from triagedesk.core.models import AuditEvent
    from triagedesk.tickets.models import SlaEvent, Ticket

    tickets = {t.pk: t for t in Ticket.objects.filter(pk__in=SlaEvent.objects.values("ticket_id"))}
    events = list(AuditEvent.objects.filter(verb__in=["ticket.sla_warning", "ticket.sla_breach"]))
    kinds = dict(SlaEvent.objects.values_list("ticket_id", "kind"))
    for event in events:
        t = tickets[event.subject_id]
        expected = {"code": t.code, "due_at": t.due_at.isoformat() if t.due_at else None, "sla_version": t.sla_version}
        if (event.data, event.verb, event.actor_kind, event.actor_label, event.changes, event.created_at) != (
                expected, f"ticket.sla_{kinds[t.pk]}", "system", "sla-scan", {}, now):
            raise AssertionError(f"audit event {event.pk} is {event.__dict__}, expected data {expected}")
    if len(events) != len(kinds):
        raise AssertionError(f"{len(events)} audit events for {len(kinds)} SLA events")


def _make_due(now: datetime, due: int) -> None:
    """Exactly ``due`` open tickets whose scan instant has come: half at 80 %, half at 100 %."""
    half = due // 2
    awaiting = "is_open AND taken_at IS NULL AND paused_since IS NULL"
    with connection.cursor() as cur:
        cur.execute(f"""
            UPDATE tickets_ticket SET sla_warned_at = NULL, sla_next_at = warning_at WHERE id IN (
                SELECT id FROM tickets_ticket WHERE {awaiting} AND warning_at <= %(now)s AND due_at > %(now)s
                ORDER BY md5(id::text) LIMIT %(n)s)""", {"now": now, "n": half})
        warned = cur.rowcount
        cur.execute(f"""
            UPDATE tickets_ticket SET sla_breached_at = NULL, sla_next_at = due_at WHERE id IN (
                SELECT id FROM tickets_ticket WHERE {awaiting} AND due_at <= %(now)s AND sla_warned_at IS NOT NULL
                ORDER BY md5(id::text) LIMIT %(n)s)""", {"now": now, "n": due - half})
        breached = cur.rowcount
        cur.execute("DROP TABLE IF EXISTS bench_sla_due")
        cur.execute("CREATE TABLE bench_sla_due AS SELECT id, sla_next_at, sla_warned_at, sla_breached_at "
                    "FROM tickets_ticket WHERE sla_next_at <= %s", [now])
        cur.execute("SELECT count(*) FROM bench_sla_due")
        (n,) = cur.fetchone()
        cur.execute("VACUUM ANALYZE tickets_ticket")
    if (warned, breached, n) != (half, due - half, due):
        raise AssertionError(f"made {warned} warnings and {breached} breaches due ({n} in all), wanted {due}")


def _restore_due() -> None:
    from django_tasks_db.models import DBTaskResult

    from triagedesk.core.models import AuditEvent
    from triagedesk.tickets.models import SlaEvent

    with connection.cursor() as cur:
        cur.execute("""UPDATE tickets_ticket t SET sla_next_at = b.sla_next_at, sla_warned_at = b.sla_warned_at,
                              sla_breached_at = b.sla_breached_at
                       FROM bench_sla_due b WHERE t.id = b.id""")
        cur.execute(f"DELETE FROM {SlaEvent._meta.db_table}")
        cur.execute(f"DELETE FROM {AuditEvent._meta.db_table} WHERE verb LIKE 'ticket.sla_%%'")
        cur.execute(f"DELETE FROM {DBTaskResult._meta.db_table}")
        cur.execute("VACUUM tickets_ticket")


# --- EXPLAIN ------------------------------------------------------------------------

class ExplainLog:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: list[tuple[str, str, str]] = []

    def analyze(self, label: str, sql: str, params, *, rollback: bool = False) -> None:
        with transaction.atomic():
            with connection.cursor() as cur:
                cur.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
                plan = "\n".join(row[0] for row in cur.fetchall())
            if rollback:
                transaction.set_rollback(True)
        self.entries.append((label, sql, plan))

    def check(self, indexes) -> list[str]:
        used = [name for name in indexes if any(name in plan for _l, _s, plan in self.entries)]
        for name in indexes:
            where = [label for label, _s, plan in self.entries if name in plan]
            note(f"index {name}: {'used by ' + ', '.join(sorted(set(where))) if where else 'NOT USED'}")
        return used

    def write(self) -> None:
        with self.path.open("w") as out:
            for label, sql, plan in self.entries:
                out.write(f"=== {label}\n{sql}\n\n{plan}\n\n")
        note(f"EXPLAIN output in {self.path}")
