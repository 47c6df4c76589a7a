"""Helpers for tests: run queued tasks in-process, a fixed clock, a small world."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from django.utils.module_loading import import_string


def run_queued_tasks(*, now: datetime | None = None, limit: int = 1000, raise_errors: bool = True) -> int:
    """Run every task that is ready in the django-tasks-db queue, as a worker would (in-process)."""
    from django.db.models import Q
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = now or datetime.now(timezone.utc)
    done = 0
    while done < limit:
        row = (DBTaskResult.objects.filter(status="READY")
               .filter(Q(run_after=get_date_max()) | Q(run_after__lte=now))
               .order_by("-priority", "enqueued_at").first())
        if row is None:
            return done
        row.claim("test-worker")
        task = import_string(row.task_path)
        try:
            value = task.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
        except Exception as exc:
            row.set_failed(exc)
            if raise_errors:
                raise
        else:
            row.set_successful(value)
        done += 1
    return done


@dataclass
class FixedClock:
    """A clock that only moves when told; services accept it as ``clock=``."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> datetime:
        from datetime import timedelta

        self.now = self.now + timedelta(**delta)
        return self.now
