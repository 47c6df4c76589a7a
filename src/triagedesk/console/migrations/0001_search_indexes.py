"""GIN indexes for the console's full-text search, on PostgreSQL only.

The indexes live on the tickets tables but are built from the very
expressions the search selector queries (tickets.selectors.*_SEARCH_VECTOR),
so the planner can use them. On SQLite the search is a substring match and
this migration does nothing. No model state changes: the tickets app's
models stay the single owner of their schema.
"""

from django.db import migrations

INDEXES = (("tickets", "Ticket", "ticket_fts_idx", "TICKET_SEARCH_VECTOR"),
           ("tickets", "Message", "message_fts_idx", "MESSAGE_SEARCH_VECTOR"))


def _indexes(apps):
    from django.contrib.postgres.indexes import GinIndex

    from triagedesk.tickets import selectors

    for app_label, model_name, name, vector in INDEXES:
        yield apps.get_model(app_label, model_name), GinIndex(getattr(selectors, vector), name=name)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in _indexes(apps):
        schema_editor.add_index(model, index)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in _indexes(apps):
        schema_editor.remove_index(model, index)


class Migration(migrations.Migration):
    dependencies = [("tickets", "0001_initial")]
    operations = [migrations.RunPython(create, drop, elidable=False)]
