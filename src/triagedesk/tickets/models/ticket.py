from __future__ import annotations

from django.db import models
from django.db.models import Q

from triagedesk.accounts.models import CODE_CHOICES, Account, Agent, Contact, Team
from triagedesk.tickets.rules import OPEN_STATES, RESOLUTION_TYPES, State

SEVERITY = {"red": 0, "yellow": 1, "green": 2, "white": 3}

CHANNEL_CHOICES = [("email", "email"), ("portal", "portal"), ("phone", "phone"), ("api", "api"),
                   ("monitoring", "monitoring"), ("agent", "agent")]


class TicketSequence(models.Model):
    """One counter row per year; incremented with UPDATE ... RETURNING under a row lock."""

    year = models.PositiveIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)


class Ticket(models.Model):
    number = models.CharField(max_length=32, unique=True)
    subject = models.CharField(max_length=300)
    account = models.ForeignKey(Account, null=True, blank=True, on_delete=models.PROTECT, related_name="tickets")
    requester = models.ForeignKey(Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="tickets")
    requester_email = models.EmailField(blank=True)
    requester_name = models.CharField(max_length=200, blank=True)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="tickets")
    assignee = models.ForeignKey(Agent, null=True, blank=True, on_delete=models.SET_NULL, related_name="tickets")
    tier = models.PositiveSmallIntegerField(default=1)
    channel = models.CharField(max_length=16, choices=CHANNEL_CHOICES)
    language = models.CharField(max_length=8, default="en")

    code = models.CharField(max_length=8, choices=CODE_CHOICES)
    severity = models.PositiveSmallIntegerField()  # 0 = RED; denormalised so the queue orders on an index
    case_type = models.ForeignKey("triage.CaseType", null=True, blank=True, on_delete=models.SET_NULL)
    proposed_code = models.CharField(max_length=8, choices=CODE_CHOICES, blank=True,
                                     help_text="What the customer chose or the classifier proposed")
    triage_confidence = models.FloatField(null=True, blank=True)
    triage_reasons = models.JSONField(default=list, blank=True)

    state = models.CharField(max_length=20, choices=[(s.value, s.label) for s in State])
    is_open = models.BooleanField(default=True)
    resolution_type = models.CharField(max_length=16, choices=[(r, r) for r in RESOLUTION_TYPES], blank=True)
    unverified = models.BooleanField(default=False, help_text="Sender not recognised: screening queue")
    linked_to = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="follow_ups")

    opened_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    taken_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    # SLA clock, computed by sla.domain at every change and stored so that the
    # queue and the scan are plain index reads.
    not_before_at = models.DateTimeField(null=True, blank=True)
    due_at = models.DateTimeField(null=True, blank=True)
    warning_at = models.DateTimeField(null=True, blank=True)
    resolution_due_at = models.DateTimeField(null=True, blank=True)
    paused_since = models.DateTimeField(null=True, blank=True)
    sla_version = models.PositiveIntegerField(default=1, help_text="Bumped when the clock is recomputed")
    sla_next_at = models.DateTimeField(null=True, blank=True, help_text="Next instant the SLA scan must look")
    sla_warned_at = models.DateTimeField(null=True, blank=True)
    sla_breached_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["severity", "due_at"], condition=Q(is_open=True), name="ticket_queue_idx"),
            models.Index(fields=["team", "severity", "due_at"], condition=Q(is_open=True), name="ticket_team_queue_idx"),
            models.Index(fields=["sla_next_at"], condition=Q(sla_next_at__isnull=False), name="ticket_sla_scan_idx"),
            # The queue's "not before" list, in not-before order: without it the first page
            # reads every open ticket (100 ms at 100,000 open); only scheduled ones are indexed.
            models.Index(fields=["not_before_at", "id"], condition=Q(is_open=True, not_before_at__isnull=False),
                         name="ticket_scheduled_idx"),
            models.Index(fields=["account", "-opened_at"], name="ticket_account_idx"),
            models.Index(fields=["requester_email", "-opened_at"], name="ticket_requester_email_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.subject}"

    @property
    def state_enum(self) -> State:
        return State(self.state)

    @property
    def awaiting_take_in_charge(self) -> bool:
        return self.is_open and self.taken_at is None


class TicketPause(models.Model):
    """A period during which the SLA clock stops (waiting for the customer or a quote)."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="pauses")
    started_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)
    reason = models.CharField(max_length=32)

    class Meta:
        ordering = ["started_at"]


class SlaEvent(models.Model):
    """A warning (80 %) or a breach (100 %) of a ticket's target.

    The unique constraint is what makes each event happen exactly once, even
    with several scanners running at the same time.
    """

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="sla_events")
    kind = models.CharField(max_length=16)  # warning | breach
    sla_version = models.PositiveIntegerField()
    code = models.CharField(max_length=8)
    at = models.DateTimeField()
    due_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["ticket", "kind", "sla_version"], name="sla_event_once")]
        ordering = ["at"]


OPEN_STATE_VALUES = tuple(s.value for s in OPEN_STATES)
