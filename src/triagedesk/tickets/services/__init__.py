"""All writes to tickets. Keyword-only, one transaction each, one audit event,
tasks enqueued inside that transaction."""

from .open import IncomingAttachment, ticket_open
from .lifecycle import (
    ticket_assign, ticket_close, ticket_customer_message, ticket_delivery_failed, ticket_escalate, ticket_note,
    ticket_quote_accepted, ticket_reopen, ticket_reply, ticket_request_quote, ticket_resolve, ticket_resume,
    ticket_retriage, ticket_system_note, ticket_take, ticket_wait_customer,
)

__all__ = [
    "IncomingAttachment", "ticket_open", "ticket_assign", "ticket_close", "ticket_customer_message",
    "ticket_delivery_failed", "ticket_escalate", "ticket_note", "ticket_quote_accepted", "ticket_reopen",
    "ticket_reply", "ticket_request_quote", "ticket_resolve", "ticket_resume", "ticket_retriage",
    "ticket_system_note", "ticket_take", "ticket_wait_customer",
]
