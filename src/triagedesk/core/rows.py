"""Writing the several new rows of one service call in as few round trips as the database allows.

A service that creates a ticket also writes its first message, an audit event, a mail and
its task: five INSERTs that depend on each other only through ids. On PostgreSQL the ids
are reserved up front (``nextval`` on the tables' own identity sequences, in the statement
the service sends anyway, see ``tickets.services.common.allocate_number``) and the rows go
out as ONE statement, a chain of data-modifying CTEs. Foreign keys are ``DEFERRABLE
INITIALLY DEFERRED`` (Django creates them so), so they are checked at COMMIT exactly as
when the rows go one by one, and a unique violation fails the statement, hence the service's
transaction, just the same. Elsewhere (SQLite) each row is saved by the ORM as it is added.

What ``Model.save()`` does around an INSERT is kept: the unsaved-related-object check,
the ``pre_save``/``post_save`` signals (django-tasks-db fills ``run_after`` in one) and
Django's own field conversion (``Field.pre_save`` + ``get_db_prep_save``), so the values
stored are the ORM's. An UPDATE of existing rows can ride along (``RowWriter.update``, the
SQL Django's ``QuerySet.update`` compiles), its row count handed back. A model's own ``save()`` override is NOT called: only pass models
whose ``save()`` adds nothing to an insert (``AuditEvent.save`` only refuses updates).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.db import connections, models, router
from django.db.models import sql as query_classes
from django.db.models.signals import post_save, pre_save

_sql_cache: dict[tuple[type[models.Model], bool], tuple[str, list]] = {}
_sequence_cache: dict[tuple[str, str], str] = {}


def id_sequence(model: type[models.Model], using: str = "default") -> str:
    """The identity sequence behind ``model``'s primary key (PostgreSQL), looked up once per process."""
    connection = connections[using]
    key = (connection.settings_dict["NAME"], model._meta.db_table)
    name = _sequence_cache.get(key)
    if name is None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [model._meta.db_table, model._meta.pk.column])
            name = cursor.fetchone()[0]
        if not name:
            raise RuntimeError(f"{model._meta.db_table}.{model._meta.pk.column} has no sequence")
        _sequence_cache[key] = name
    return name


def _insert_sql(model: type[models.Model], with_pk: bool, connection) -> tuple[str, list]:
    key = (model, with_pk)
    hit = _sql_cache.get(key)
    if hit is None:
        meta = model._meta
        if meta.parents:
            raise TypeError(f"{model.__name__}: multi-table inheritance needs Model.save()")
        fields = [f for f in meta.local_concrete_fields
                  if not f.generated and (with_pk or f is not meta.auto_field)]
        quote = connection.ops.quote_name
        sql = (f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
               f"VALUES ({', '.join(['%s'] * len(fields))})")
        hit = _sql_cache[key] = (sql, fields)
    return hit


class RowWriter:
    """Collects new model instances and inserts them together, in the order they were added.

    ``add()`` on SQLite saves at once (the instance has its pk afterwards); on PostgreSQL it
    queues the row, so an instance other rows point to must carry a reserved pk (a row
    added without one gets its id from the database, but the instance is not told it).
    Call ``flush()`` before leaving the transaction.
    """

    def __init__(self, using: str = "default") -> None:
        self.using = using
        self.connection = connections[using]
        self.deferred = self.connection.vendor == "postgresql"
        self._rows: list[models.Model] = []
        self._updates: list[tuple[str, tuple, Callable[[int], None]]] = []
        self._after: list[Callable[[], None]] = []
        self._reserved: dict[type[models.Model], list[int]] = {}

    # --- ids reserved up front (PostgreSQL), for rows that other rows point to ---

    def reserve_columns(self, wanted: Sequence[type[models.Model]]) -> list[str]:
        """SQL select-list items that reserve one id each, to put in a statement sent anyway."""
        return [f"nextval('{id_sequence(model, self.using).replace(chr(39), chr(39) * 2)}'::regclass)"
                for model in wanted]

    def keep_reserved(self, wanted: Sequence[type[models.Model]], ids: Sequence[int]) -> None:
        for model, pk in zip(wanted, ids, strict=True):
            self._reserved.setdefault(model, []).append(pk)

    def reserved(self, model: type[models.Model]) -> int:
        """An id for a new ``model`` row: one reserved earlier, or a fresh one (one more round trip)."""
        kept = self._reserved.get(model)
        if kept:
            return kept.pop(0)
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT {self.reserve_columns([model])[0]}")
            return cursor.fetchone()[0]

    def add(self, obj: models.Model) -> models.Model:
        if router.db_for_write(type(obj), instance=obj) != self.using:
            raise ValueError(f"{type(obj).__name__} is not written to {self.using!r}")
        if not self.deferred:
            obj.save(force_insert=True, using=self.using)
            return obj
        self._rows.append(obj)
        return obj

    def update(self, queryset: models.QuerySet, values: dict, *, then: Callable[[int], None]) -> None:
        """``queryset.update(**values)``, sent with the rows; ``then(count)`` gets the rows it changed.

        On PostgreSQL it is one more data-modifying CTE of the flush's statement, which
        sees the database as it was before the statement (not the rows added with it).
        ``then`` may raise to abandon the transaction (a guard that matched nothing).
        """
        if queryset.db != self.using:
            raise ValueError(f"the update is not on {self.using!r}")
        if not self.deferred:
            then(queryset.update(**values))
            return
        query = queryset.query.chain(query_classes.UpdateQuery)
        query.add_update_values(values)
        if query.related_updates:
            raise TypeError("an update of several tables needs QuerySet.update()")
        sql, params = query.get_compiler(self.using).as_sql()
        self._updates.append((sql, tuple(params), then))

    def on_flush(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the rows added so far are written (at once where nothing is deferred)."""
        if self.deferred:
            self._after.append(callback)
        else:
            callback()

    def flush(self) -> None:
        rows, self._rows = self._rows, []
        updates, self._updates = self._updates, []
        after, self._after = self._after, []
        if rows or updates:
            self._write(rows, updates)
        for callback in after:
            callback()

    def _write(self, rows: list[models.Model], updates: list[tuple[str, tuple, Callable[[int], None]]]) -> None:
        connection = self.connection
        statements, params = [], []
        for obj in rows:
            # What Model.save() checks first: no related object that is still unsaved.
            obj._prepare_related_fields_for_save(operation_name="save")
            cls = type(obj)
            if pre_save.has_listeners(cls):
                pre_save.send(sender=cls, instance=obj, raw=False, using=self.using, update_fields=None)
            sql, fields = _insert_sql(cls, obj.pk is not None, connection)
            statements.append(sql)
            params.extend(f.get_db_prep_save(f.pre_save(obj, True), connection=connection) for f in fields)
        for sql, update_params, _then in updates:
            statements.append(f"{sql} RETURNING 1")
            params.extend(update_params)
        if not updates:
            # Data-modifying CTEs always run to completion, referenced or not.
            *chained, last = statements
            tail = last
        else:
            # The updates' counts come back: the first CTEs are the inserts, the last ones the updates.
            chained = statements
            first_update = len(rows)
            tail = "SELECT " + ", ".join(f"(SELECT count(*) FROM r{i})"
                                         for i in range(first_update, len(statements)))
        sql = tail if not chained else (
            "WITH " + ", ".join(f"r{i} AS ({s})" for i, s in enumerate(chained)) + " " + tail)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            counts = cursor.fetchone() if updates else ()
        for obj in rows:
            obj._state.adding = False
            obj._state.db = self.using
            cls = type(obj)
            if post_save.has_listeners(cls):
                post_save.send(sender=cls, instance=obj, created=True, update_fields=None, raw=False,
                               using=self.using)
        for (_sql, _params, then), count in zip(updates, counts, strict=True):
            then(count)
