"""Enqueuing a task with the other rows of the change that causes it (see ``core.rows``).

With the django-tasks-db backend a task is one ``DBTaskResult`` row. Here that row is built
exactly as ``DatabaseBackend.enqueue`` builds it (same validation, id function, fields,
``pre_save`` handler through the writer, ``task_enqueued`` signal once it is written) but
goes out in the writer's single INSERT statement instead of a round trip of its own. Any
other backend (or a subclass of it), or a writer that does not defer rows, gets the plain
``task.enqueue()``. Either way the task is written in the caller's transaction.
"""

from __future__ import annotations

from typing import Any

from django_tasks.signals import task_enqueued
from django_tasks_db import DatabaseBackend
from django_tasks_db.compat import normalize_json
from django_tasks_db.models import DBTaskResult

from .rows import RowWriter


def task_enqueue_with(writer: RowWriter, task, *args: Any, **kwargs: Any) -> None:
    backend = task.get_backend()
    if not writer.deferred or type(backend) is not DatabaseBackend:
        task.enqueue(*args, **kwargs)
        return
    backend.validate_task(task)
    row = DBTaskResult(
        id=backend._get_id(),
        args_kwargs=normalize_json({"args": args, "kwargs": kwargs}),
        priority=task.priority,
        task_path=task.module_path,
        queue_name=task.queue_name,
        run_after=task.run_after,
        backend_name=backend.alias,
    )
    writer.add(row)
    writer.on_flush(lambda: task_enqueued.send(type(backend), task_result=row.task_result))
