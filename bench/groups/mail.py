"""Mail intake (issue 4): raw mail to ticket through ``intake.services.email_receive``, on PostgreSQL.

Data set
========

World, built through the services (``accounts.services``): one business calendar and the three
demo plans with their targets; the built-in case catalogue; 50 accounts (10 with --small), each
with one verified e-mail domain, and 500 contacts (100) spread over them.

Mails: 1,000 (200 with --small) plain-text RFC 5322 messages generated with the stdlib
(``EmailMessage``, UTF-8, quoted-printable where needed, a Message-ID and a Date), each from a
distinct sender: half are the contacts, half are new addresses at the accounts' verified domains
(the colleague who is no contact yet). Subjects and bodies are the labelled hosting requests of
``tests/data/triage/train.jsonl`` (it/en/fr/ru/de/es), with "Hello,"/"Thanks, <name>" around them.

``mail_in_rate``
    Mails turned into tickets per second by ``email_receive(raw=..., source="bench")`` called one
    after the other in this process, after 20 warm-up mails: for each one the raw mail is stored
    (its own transaction, deduplicated by hash), parsed, the sender identified (contact or
    verified domain), the subject and headers checked for a thread, the sender's hourly
    throttle counted, the ticket opened and triaged by the real classifier, the acknowledgement
    rendered and its ``OutboundEmail`` row and send task written, all in the ticket's
    transaction. Nothing is sent (the task waits for a worker). Every mail must come out
    "opened", or the group fails.

``mail_in_queries_per_message``
    SQL statements sent for each of 20 further mails (BEGIN/COMMIT/SAVEPOINT not counted),
    averaged; ``sql-mail-in.txt`` lists one mail's statements.

``mail_in_outside_ticket_open_ms``
    Of each timed mail, the time spent outside ``ticket_open`` (which ``core`` measures on its
    own): storing, parsing, identifying, threading, throttling and the final status.

``mail_in_rate_2proc``, ``mail_in_rate_4proc``
    The same path in two, then four intake processes at once (1,000 further mails each time, 200
    with --small), as a deployment runs them against the one PostgreSQL (Postfix runs its pipe
    deliveries in parallel; several LMTP listeners or IMAP pollers): all mails over the wall time.
    One process spends about half of each mail waiting for the database, so more processes than
    cores still add throughput until the CPUs are busy.
``mail_in_parse_ms``, ``mail_in_triage_ms``
    The pure parts, timed alone over the same mails: ``parse_email`` and the classifier.
"""

from __future__ import annotations

import json
import random
from contextlib import contextmanager
import statistics
import time
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from datetime import datetime, timezone
from pathlib import Path

from bench.common import capture_sql, figure, note, results_dir

REPO = Path(__file__).resolve().parents[2]
WARM_UP = 20
PROFILED = 20


def run(small: bool) -> None:
    n = 200 if small else 1000
    accounts, contacts_per_account = (10, 10) if small else (50, 10)
    tag = time.strftime("%H%M%S")
    senders = build_world(tag, accounts=accounts, contacts_per_account=contacts_per_account)
    note(f"mail: {len(senders['contacts'])} contacts, {len(senders['domains'])} verified domains")
    total = WARM_UP + n + PROFILED
    mails = generate_mails(senders, total, tag)
    warm, timed, profiled = mails[:WARM_UP], mails[WARM_UP:WARM_UP + n], mails[WARM_UP + n:]

    from triagedesk.intake.services import email_receive

    for raw in warm:
        _expect_opened(email_receive(raw=raw, source="bench"))
    with _timing_ticket_open() as in_ticket_open:
        chunks, start = [], time.perf_counter()
        for index, raw in enumerate(timed, 1):
            _expect_opened(email_receive(raw=raw, source="bench"))
            if index % 250 == 0 or index == n:
                chunks.append((index, time.perf_counter()))
        elapsed = time.perf_counter() - start
    figure("mail_in_rate", n / elapsed, "msgs/s")
    figure("mail_in_outside_ticket_open_ms", (elapsed - in_ticket_open[0]) / n * 1e3, "ms")
    edges = [(0, start), *chunks]
    note(f"mail: {n} mails in {elapsed:.2f} s ({elapsed / n * 1e3:.2f} ms each, "
         f"{in_ticket_open[0] / n * 1e3:.2f} ms of it in ticket_open); rate by stretch: "
         + ", ".join(f"{(j - i) / (b - a):.0f}/s" for (i, a), (j, b) in zip(edges, edges[1:])))

    counts = []
    for index, raw in enumerate(profiled):
        with capture_sql() as captured:
            _expect_opened(email_receive(raw=raw, source="bench"))
        statements = [s for s in captured.statements if not _is_transaction_control(s[0])]
        counts.append(len(statements))
        if index == 0:
            _write_sql(statements)
    figure("mail_in_queries_per_message", statistics.mean(counts), "queries")
    pure_parts(timed)
    sent = n + WARM_UP + PROFILED
    for processes in (2, 4):
        parallel = generate_mails(senders, n, f"{tag}p{processes}")
        figure(f"mail_in_rate_{processes}proc", parallel_rate(parallel, processes=processes), "msgs/s")
        sent += len(parallel)
    _check_acknowledgements(sent)


def parallel_rate(mails: list[bytes], *, processes: int) -> float:
    """``mail_in_rate_2proc``: the same path in `processes` intake processes at once.

    What a deployment does with more mail than one process takes (several LMTP or IMAP
    intake processes, or the MTA's parallel pipes) against the one PostgreSQL: each
    process takes its share of the mails; the rate is all mails over the wall time from a
    common start to the last process done. Ticket numbers still come from the one counter
    row, so the processes queue there for the length of a ticket's transaction.
    """
    import multiprocessing

    from django.db import connections

    connections.close_all()  # the children open their own connections
    context = multiprocessing.get_context("fork")
    start = context.Event()
    shares = [mails[i::processes] for i in range(processes)]
    children = [context.Process(target=_intake_share, args=(share, start)) for share in shares]
    for child in children:
        child.start()
    time.sleep(0.5)  # let every child import and connect before the clock starts
    began = time.perf_counter()
    start.set()
    for child in children:
        child.join()
    elapsed = time.perf_counter() - began
    failed = [child.exitcode for child in children if child.exitcode != 0]
    if failed:
        raise AssertionError(f"intake processes failed: exit codes {failed}")
    note(f"mail: {len(mails)} mails in {processes} processes in {elapsed:.2f} s")
    return len(mails) / elapsed


def _intake_share(share: list[bytes], start) -> None:
    from django.db import connection

    from triagedesk.intake.services import email_receive

    connection.ensure_connection()
    start.wait()
    for raw in share:
        _expect_opened(email_receive(raw=raw, source="bench"))
    connection.close()


@contextmanager
def _timing_ticket_open():
    """Time spent inside ``tickets.services.ticket_open``, to tell the intake's own cost apart."""
    from triagedesk.intake.services import receive

    spent = [0.0]
    original = receive.ticket_open

    def timed(**kwargs):
        start = time.perf_counter()
        try:
            return original(**kwargs)
        finally:
            spent[0] += time.perf_counter() - start

    receive.ticket_open = timed
    try:
        yield spent
    finally:
        receive.ticket_open = original


def build_world(tag: str, *, accounts: int, contacts_per_account: int) -> dict:
    from triagedesk.accounts import services as acc
    from triagedesk.core.demo import OFFICE_HOURS, PLANS
    from triagedesk.triage.services import catalog_sync

    catalog_sync()
    office = acc.calendar_create(name=f"Bench office {tag}", time_zone="Europe/Rome", weekly_hours=OFFICE_HOURS,
                                 holiday_country="IT")
    plans = [acc.plan_create(name=f"{name} {tag}", slug=f"{slug}-{tag}", calendar=office,
                             monthly_included_hours=hours, personal_manager=False, targets=targets)
             for name, slug, hours, _pm, targets in PLANS]
    languages = ["it", "en", "fr", "ru"]
    contacts, domains = [], []
    for i in range(accounts):
        domain = f"shop{i}-{tag}.example"
        account = acc.account_create(code=f"BM{tag}{i:04d}", name=f"Bench shop {i}", plan=plans[i % len(plans)],
                                     language=languages[i % len(languages)], domains=[domain])
        domains.append(domain)
        for j in range(contacts_per_account):
            contact = acc.contact_create(account=account, name=f"Contact {i}-{j}", email=f"c{j}@{domain}")
            contacts.append((contact.name, contact.email))
    return {"contacts": contacts, "domains": domains}


def load_requests() -> list[tuple[str, str]]:
    path = REPO / "tests" / "data" / "triage" / "train.jsonl"
    rows = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows.append((row["subject"], row["body"]))
    if not rows:
        from triagedesk.core.demo import REQUESTS

        rows = [(s, b) for items in REQUESTS.values() for s, b in items]
    return rows


def generate_mails(senders: dict, count: int, tag: str) -> list[bytes]:
    """Half from contacts, half from new addresses at verified domains; every sender distinct."""
    rng = random.Random(4)
    requests = load_requests()
    contacts = list(senders["contacts"])
    rng.shuffle(contacts)
    mails = []
    now = datetime.now(timezone.utc)
    for i in range(count):
        if i % 2 == 0 and contacts:
            name, address = contacts.pop()
        else:
            name, address = f"Colleague {i}", f"colleague{i}@{senders['domains'][i % len(senders['domains'])]}"
        subject, body = rng.choice(requests)
        msg = EmailMessage()
        msg["From"] = f"{name} <{address}>"
        msg["To"] = "Triagedesk Support <support@triagedesk.example>"
        msg["Subject"] = subject
        msg["Date"] = format_datetime(now)
        msg["Message-ID"] = make_msgid(idstring=f"{tag}.{i}", domain=address.rpartition("@")[2])
        msg.set_content(f"Hello,\n\n{body}\n\nThanks,\n{name}\n")
        mails.append(msg.as_bytes())
    return mails


def pure_parts(mails: list[bytes]) -> None:
    from triagedesk.intake.email.parse import parse_email
    from triagedesk.triage.classify import classify

    start = time.perf_counter()
    parsed = [parse_email(raw) for raw in mails]
    figure("mail_in_parse_ms", (time.perf_counter() - start) / len(mails) * 1e3, "ms")
    start = time.perf_counter()
    for email in parsed:
        classify(email.subject, email.new_text or email.text)
    figure("mail_in_triage_ms", (time.perf_counter() - start) / len(mails) * 1e3, "ms")


def _expect_opened(result) -> None:
    if result.action != "opened":
        raise RuntimeError(f"bench mail was {result.action}, not opened: {result.reason}")


def _is_transaction_control(sql: str) -> bool:
    head = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
    return head in {"BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE"}


def _write_sql(statements) -> None:
    lines = [f"-- {len(statements)} statements for one mail (email_receive, new ticket from a known sender)"]
    for sql, params, seconds in statements:
        lines.append(f"-- {seconds * 1e3:.3f} ms\n{sql};\n-- params: {params!r}")
    (results_dir() / "sql-mail-in.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _check_acknowledgements(expected: int) -> None:
    from django_tasks_db.models import DBTaskResult

    from triagedesk.notify.models import OutboundEmail

    acks = OutboundEmail.objects.filter(kind="acknowledgement").count()
    tasks = DBTaskResult.objects.filter(task_path__endswith="send_outbound_email").count()
    if acks != expected or tasks != expected:
        raise RuntimeError(f"expected {expected} acknowledgements queued, found {acks} rows and {tasks} tasks")
