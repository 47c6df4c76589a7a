"""Periodic work of the mail intake, run by the task worker (the scheduler enqueues it)."""

from __future__ import annotations

from django_tasks import task


@task(queue_name="default")
def imap_poll_all() -> dict:
    """Poll every active IMAP mailbox once; a mailbox another worker is polling is skipped."""
    from .imap import poll_all

    return {r.mailbox: {"fetched": r.fetched, "actions": r.actions, "errors": len(r.errors), "skipped": r.skipped}
            for r in poll_all()}
