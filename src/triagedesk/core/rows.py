"""Writing the several new rows of one service call in as few round trips as the database allows.

A service that creates a ticket also writes its first message, an audit event, a mail and
its task: five INSERTs that depend on each other only through ids. On PostgreSQL the ids
of rows that others point to come from the tables' own sequences ahead of time (a few at
a time per process, ``take_id``) and the rows go out as ONE statement, a chain of
data-modifying CTEs, bound on the server and prepared (``prepared_cursor``). A value that
must be taken last (a ticket's number, whose counter row stays locked until COMMIT) is
computed by the same statement (``LateValue``). Foreign keys are ``DEFERRABLE
INITIALLY DEFERRED`` (Django creates them so), so they are checked at COMMIT exactly as
when the rows go one by one, and a unique violation fails the statement, hence the service's
transaction, just the same. Elsewhere (SQLite) each row is saved by the ORM as it is added.

What ``Model.save()`` does around an INSERT is kept: the unsaved-related-object check,
the ``pre_save``/``post_save`` signals (django-tasks-db fills ``run_after`` in one) and
Django's own field conversion (``Field.pre_save`` + ``get_db_prep_save``), so the values
stored are the ORM's. An UPDATE of an existing row can ride along (``RowWriter.update_row``),
its row count handed back. A model's own ``save()`` override is NOT called: only pass
models whose ``save()`` adds nothing to an insert (``AuditEvent.save`` only refuses updates).
"""

from __future__ import annotations

import functools
import json
import os
import secrets
from collections.abc import Callable, Sequence

from django.conf import settings
from django.db import DataError, connections, models, router
from django.db.models.signals import post_save, pre_save

_sql_cache: dict[tuple[type[models.Model], bool], tuple[str, str, list]] = {}
_update_cache: dict[tuple, tuple[str, list]] = {}
#: Private-use characters around a late value's stand-in: no text a customer sends holds them.
_MARK_OPEN, _MARK_CLOSE = "\ue000", "\ue001"
_PROCESS_MARK = secrets.token_hex(6).upper()


class LateValue:
    """A text the flush's statement computes before its rows; ``text`` stands for it until then.

    Where nothing is deferred (SQLite) the statement runs at once and ``text`` is the value.
    On PostgreSQL ``text`` is a stand-in: rows may hold it inside their text values (as is,
    or lower-cased), the flush swaps the value in, in SQL and in the instances. Used for a
    ticket's number, whose counter row stays locked to the end of the transaction: taken
    in the last statement, it is locked for the shortest time.
    """

    def __init__(self, sql: str, params: Sequence, *, value: str | None = None, index: int = 0) -> None:
        self.sql, self.params = sql, list(params)
        self.value = value
        # The same stand-in for the n-th late value of every flush: the statements of one
        # shape are the same text, which PostgreSQL can keep prepared.
        self.text = value if value is not None else f"{_MARK_OPEN}L{_PROCESS_MARK}{index}{_MARK_CLOSE}"

    def swap(self, text: str) -> str:
        """``text`` with the stand-in (either case) replaced by the value."""
        return text.replace(self.text, self.value).replace(self.text.lower(), self.value.lower())


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


#: Ids taken from a sequence at a time, per process (as ORMs' "pooled" id generators do).
ID_BLOCK = 50
_id_pools: dict[tuple[str, str], list[int]] = {}
# A forked child must not hand out its parent's ids again.
os.register_at_fork(after_in_child=_id_pools.clear)


def take_id(model: type[models.Model], using: str = "default") -> int:
    """A new id for a ``model`` row (PostgreSQL), from ids this process took ID_BLOCK at a time.

    The ids come from the table's own sequence, so they never collide with rows inserted
    any other way; ids a process takes and does not use are gaps, as a rolled-back insert
    leaves. Call ``clear_id_pools()`` when the database is dropped and created again.
    """
    sequence = id_sequence(model, using)
    key = (connections[using].settings_dict["NAME"], sequence)
    pool = _id_pools.get(key)
    if not pool:
        with connections[using].cursor() as cursor:
            cursor.execute("SELECT nextval(%s::regclass) FROM generate_series(1, %s)", [sequence, ID_BLOCK])
            pool = _id_pools[key] = sorted((row[0] for row in cursor.fetchall()), reverse=True)
    return pool.pop()


def clear_id_pools() -> None:
    _id_pools.clear()


def prepared_cursor(using: str = "default"):
    """A cursor for a hot statement on PostgreSQL: the values are bound on the server (Django's
    own cursors bind them on the client) and the statement is prepared, so each shape is
    parsed and planned once per connection, and large values (message bodies, raw mail) go
    out without being quoted into the SQL text. Wrapped as Django wraps its cursors (query
    log, ``execute_wrapper``). ``TRIAGEDESK["PREPARE_STATEMENTS"]`` turns the preparing off
    (poolers that cannot keep prepared statements); the binding stays. Elsewhere (SQLite)
    Django's own cursor.
    """
    connection = connections[using]
    if connection.vendor != "postgresql":
        return connection.cursor()
    connection.ensure_connection()
    prepare = settings.TRIAGEDESK.get("PREPARE_STATEMENTS", True)
    raw = connection.connection
    if prepare and raw.prepare_threshold is None:
        # Django turns psycopg's automatic preparing off (None); a threshold no statement
        # reaches keeps it off for every other query and lets ours ask for it.
        raw.prepare_threshold = 2**31 - 1
    return connection._prepare_cursor(_server_binding_cursor(prepare)(raw))


@functools.cache
def _server_binding_cursor(prepare: bool) -> type:
    from django.db.backends.postgresql.base import ServerBindingCursor

    class Cursor(ServerBindingCursor):
        def execute(self, query, params=None, *, prepare=prepare, binary=None):
            result = super().execute(query, params, prepare=prepare, binary=binary)
            # What Django's query log reads back (``last_executed_query``): the statement,
            # its values logged apart, as with server-side binding they are not in the text.
            self._query = _Executed(query.encode() if isinstance(query, str) else query)
            return result

    return Cursor


class _Executed:
    __slots__ = ("query",)

    def __init__(self, query: bytes) -> None:
        self.query = query


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
        head = f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) VALUES "
        hit = _sql_cache[key] = (head, f"({', '.join(['%s'] * len(fields))})", fields)
    return hit


class RowWriter:
    """Collects new model instances and inserts them together, in the order they were added.

    ``add()`` on SQLite saves at once (the instance has its pk afterwards); on PostgreSQL it
    queues the row, so an instance other rows point to must carry a reserved pk (a row
    added without one gets its id from the database, but the instance is not told it).
    Call ``flush()`` before leaving the transaction.
    """

    def __init__(self, using: str = "default", *, one_statement: bool = False) -> None:
        self.using = using
        #: the caller sends nothing but this writer's flush: on PostgreSQL that one statement
        #: can be the whole transaction (services then need no transaction.atomic() around it)
        self.one_statement = one_statement
        self.connection = connections[using]
        self.deferred = self.connection.vendor == "postgresql"
        self._rows: list[models.Model] = []
        self._updates: list[tuple[str, tuple, Callable[[int], None], bool]] = []
        self._late: list[LateValue] = []
        self._after: list[Callable[[], None]] = []

    def reserved(self, model: type[models.Model]) -> int:
        """An id for a new ``model`` row that other rows point to (PostgreSQL: see ``take_id``)."""
        return take_id(model, self.using)

    def add(self, obj: models.Model) -> models.Model:
        if router.db_for_write(type(obj), instance=obj) != self.using:
            raise ValueError(f"{type(obj).__name__} is not written to {self.using!r}")
        if not self.deferred:
            obj.save(force_insert=True, using=self.using)
            return obj
        self._rows.append(obj)
        return obj

    def late_value(self, sql: str, params: Sequence = ()) -> LateValue:
        """A text that ``sql`` (one row, one column) computes: now, or first thing in the flush."""
        if not self.deferred:
            with self.connection.cursor() as cursor:
                cursor.execute(sql, list(params))
                return LateValue(sql, params, value=cursor.fetchone()[0])
        late = LateValue(sql, params, index=len(self._late))
        self._late.append(late)
        return late

    def update_row(self, model: type[models.Model], pk, values: dict, *, then: Callable[[int], None],
                   where_in: dict[str, Sequence] | None = None, required: bool = False) -> None:
        """UPDATE ``model``'s row ``pk`` (and only if each ``where_in`` field holds one of its values),
        sent with the rows; ``then(count)`` gets the number of rows it changed.

        On PostgreSQL it is one more data-modifying CTE of the flush's statement, which sees
        the database as it was before the statement (not the rows added with it). ``then``
        may raise to abandon the transaction (a guard that matched nothing). Values go
        through the fields' own conversion; a related instance stands for its pk.
        ``required``: on PostgreSQL, when the row does not match, the whole statement fails
        and writes nothing (then ``then(0)``), so that it is safe without a transaction.
        """
        meta = model._meta
        where_in = where_in or {}
        key = (model, tuple(values), tuple((name, len(options)) for name, options in where_in.items()))
        cached = _update_cache.get(key)
        if cached is None:
            quote = self.connection.ops.quote_name
            fields = [meta.get_field(name) for name in values]
            conditions = [f"{quote(meta.pk.column)} = %s"] + [
                f"{quote(meta.get_field(name).column)} IN ({', '.join(['%s'] * len(options))})"
                for name, options in where_in.items()]
            sql = (f"UPDATE {quote(meta.db_table)} SET "
                   + ", ".join(f"{quote(f.column)} = %s" for f in fields) + " WHERE " + " AND ".join(conditions))
            cached = _update_cache[key] = (sql, fields)
        sql, fields = cached
        params = [f.get_db_prep_save(value.pk if isinstance(value, models.Model) else value, connection=self.connection)
                  for f, value in zip(fields, values.values())]
        params.append(pk)
        for options in where_in.values():
            params.extend(options)
        if not self.deferred:
            with self.connection.cursor() as cursor:
                cursor.execute(sql, params)
                then(cursor.rowcount)
            return
        if required and any(already for *_rest, already in self._updates):
            raise ValueError("one required update per statement: a failure must say which one failed")
        self._updates.append((sql, tuple(params), then, required))

    def on_flush(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the rows added so far are written (at once where nothing is deferred)."""
        if self.deferred:
            self._after.append(callback)
        else:
            callback()

    def flush(self) -> None:
        rows, self._rows = self._rows, []
        updates, self._updates = self._updates, []
        late, self._late = self._late, []
        after, self._after = self._after, []
        if rows or updates or late:
            self._write(rows, updates, late)
        for callback in after:
            callback()

    def _write(self, rows: list[models.Model], updates: list[tuple[str, tuple, Callable[[int], None], bool]],
               late: list[LateValue]) -> None:
        connection = self.connection
        statements, params = [], []
        # The late values first, r0, r1... (the rows' values refer to them), then the rows, then the updates.
        for value in late:
            statements.append(value.sql)
            params.extend(value.params)
        swapped: list[tuple[models.Model, str]] = []
        for obj in rows:
            # What Model.save() checks first: no related object that is still unsaved.
            obj._prepare_related_fields_for_save(operation_name="save")
            cls = type(obj)
            if pre_save.has_listeners(cls):
                pre_save.send(sender=cls, instance=obj, raw=False, using=self.using, update_fields=None)
            head, placeholders, fields = _insert_sql(cls, obj.pk is not None, connection)
            values = [f.get_db_prep_save(f.pre_save(obj, True), connection=connection) for f in fields]
            if late:
                placeholders = self._late_placeholders(obj, fields, values, late, swapped)
            statements.append(head + placeholders)
            params.extend(values)
        for sql, update_params, _then, _required in updates:
            statements.append(f"{sql} RETURNING 1")
            params.extend(update_params)
        if not updates and not late:
            # Data-modifying CTEs always run to completion, referenced or not.
            *chained, last = statements
            tail = last
        else:
            # The late values and the updates' counts come back.
            chained = statements
            first_update = len(late) + len(rows)
            # A required update that matched nothing divides by zero: the statement fails whole.
            tail = "SELECT " + ", ".join(
                [f"(SELECT * FROM r{i})" for i in range(len(late))]
                + [f"(SELECT {'1 / ' if required else ''}count(*) FROM r{first_update + k})"
                   for k, (_sql, _params, _then, required) in enumerate(updates)])
        sql = tail if not chained else (
            "WITH " + ", ".join(f"r{i} AS ({s})" for i, s in enumerate(chained)) + " " + tail)
        try:
            with prepared_cursor(self.using) as cursor:
                cursor.execute(sql, params)
                returned = cursor.fetchone() if updates or late else ()
        except DataError as exc:
            if getattr(exc.__cause__, "sqlstate", None) != "22012":  # division_by_zero: a required update
                raise
            for _sql, _params, then, required in updates:
                if required:
                    then(0)
            raise
        for value, computed in zip(late, returned, strict=False):
            value.value = computed
        counts = returned[len(late):]
        for obj, attname in swapped:
            text = getattr(obj, attname)
            for value in late:
                text = value.swap(text)
            setattr(obj, attname, text)
        for obj in rows:
            obj._state.adding = False
            obj._state.db = self.using
            cls = type(obj)
            if post_save.has_listeners(cls):
                post_save.send(sender=cls, instance=obj, created=True, update_fields=None, raw=False,
                               using=self.using)
        for (_sql, _params, then, _required), count in zip(updates, counts, strict=True):
            then(count)

    @staticmethod
    def _late_placeholders(obj: models.Model, fields: list, values: list, late: list[LateValue],
                           swapped: list[tuple[models.Model, str]]) -> str:
        """The VALUES list of one row, with ``replace()`` around each value that holds a stand-in."""
        out = []
        for field, value in zip(fields, values):
            placeholder = "%s"
            if isinstance(value, str) and _MARK_OPEN in value:
                for i, late_value in enumerate(late):
                    if late_value.text in value:
                        placeholder = f"replace({placeholder}, '{late_value.text}', (SELECT * FROM r{i}))"
                    if late_value.text.lower() in value:
                        placeholder = f"replace({placeholder}, '{late_value.text.lower()}', lower((SELECT * FROM r{i})))"
                swapped.append((obj, field.attname))
            elif hasattr(value, "obj") and _MARK_OPEN in json.dumps(value.obj, ensure_ascii=False, default=str):
                raise ValueError(f"{type(obj).__name__}.{field.name}: a late value inside a structured value")
            out.append(placeholder)
        return "(" + ", ".join(out) + ")"
