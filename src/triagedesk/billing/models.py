"""Time worked on tickets, the basis of the monthly hours ledger."""

from __future__ import annotations

from django.db import models

from triagedesk.accounts.models import Account, Agent


class TimeEntry(models.Model):
    """Minutes an agent spent on a ticket.

    ``account`` repeats ``ticket.account`` so that "hours used this month" is a
    read of one index, however many tickets the account has.
    """

    ticket = models.ForeignKey("tickets.Ticket", on_delete=models.CASCADE, related_name="time_entries")
    account = models.ForeignKey(Account, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    agent = models.ForeignKey(Agent, null=True, on_delete=models.SET_NULL, related_name="time_entries")
    minutes = models.PositiveIntegerField()
    note = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]
        indexes = [
            models.Index(fields=["account", "at"], name="time_entry_account_idx"),
            models.Index(fields=["ticket", "at"], name="time_entry_ticket_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.minutes} min on ticket #{self.ticket_id}"
