"""Customers (accounts, contacts, email domains), plans with their targets and
business calendars, and the agents with their teams and tiers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower

LANGUAGE_CHOICES = [("en", "English"), ("it", "Italiano"), ("fr", "Français"), ("ru", "Русский"),
                    ("de", "Deutsch"), ("es", "Español")]
CODE_CHOICES = [("red", "RED"), ("yellow", "YELLOW"), ("green", "GREEN"), ("white", "WHITE")]


class BusinessCalendar(models.Model):
    """Opening hours in a time zone, with public holidays by country and custom closed days.

    ``weekly_hours`` is a list of seven lists (Monday first) of ["HH:MM", "HH:MM"] pairs.
    """

    name = models.CharField(max_length=100, unique=True)
    time_zone = models.CharField(max_length=64, default="Europe/Rome")
    weekly_hours = models.JSONField(default=list, blank=True)
    holiday_country = models.CharField(max_length=8, blank=True, help_text="ISO country for public holidays, e.g. IT")
    holiday_subdiv = models.CharField(max_length=16, blank=True)

    def __str__(self) -> str:
        return self.name


class ClosedDay(models.Model):
    calendar = models.ForeignKey(BusinessCalendar, on_delete=models.CASCADE, related_name="closed_days")
    date = models.DateField()
    reason = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["calendar", "date"], name="closed_day_unique")]
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {self.reason}"


class Plan(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(unique=True)
    monthly_included_hours = models.DecimalField(max_digits=6, decimal_places=2, default=0)
    personal_manager = models.BooleanField(default=False, help_text="Premium: a named account manager")
    calendar = models.ForeignKey(BusinessCalendar, on_delete=models.PROTECT, related_name="plans",
                                 help_text="Business hours used by targets that follow business hours")
    default_code = models.CharField(max_length=8, choices=CODE_CHOICES, default="yellow",
                                    help_text="Code given when nothing better is known")

    def __str__(self) -> str:
        return self.name


class PlanTarget(models.Model):
    """The take-in-charge target of one code under one plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="targets")
    code = models.CharField(max_length=8, choices=CODE_CHOICES)
    take_in_charge_minutes = models.PositiveIntegerField()
    not_before_minutes = models.PositiveIntegerField(null=True, blank=True)
    resolution_minutes = models.PositiveIntegerField(null=True, blank=True)
    business_hours = models.BooleanField(default=False, help_text="Count only the plan calendar's open hours (else 24x7)")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="plan_target_unique")]

    def __str__(self) -> str:
        return f"{self.plan} {self.code}: {self.take_in_charge_minutes} min"


class Team(models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(unique=True)
    lead = models.ForeignKey("Agent", null=True, blank=True, on_delete=models.SET_NULL, related_name="led_teams")

    def __str__(self) -> str:
        return self.name


class Agent(models.Model):
    class Tier(models.IntegerChoices):
        L1 = 1, "L1"
        L2 = 2, "L2"
        L3 = 3, "L3"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agent")
    tier = models.PositiveSmallIntegerField(choices=Tier.choices, default=Tier.L1)
    teams = models.ManyToManyField(Team, related_name="agents", blank=True)
    language = models.CharField(max_length=8, choices=LANGUAGE_CHOICES, default="en")
    phone = models.CharField(max_length=40, blank=True)
    sees_all_teams = models.BooleanField(default=False, help_text="Supervisors see every team's queue")

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.get_username()

    @property
    def display_name(self) -> str:
        return str(self)


class Account(models.Model):
    code = models.CharField("customer code", max_length=32, unique=True)
    name = models.CharField(max_length=200)
    language = models.CharField(max_length=8, choices=LANGUAGE_CHOICES, default="it")
    time_zone = models.CharField(max_length=64, default="Europe/Rome")
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="accounts")
    account_manager = models.ForeignKey(Agent, null=True, blank=True, on_delete=models.SET_NULL,
                                        related_name="managed_accounts")
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL, related_name="accounts",
                             help_text="Team whose queue receives this account's tickets")
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Contact(models.Model):
    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(max_length=200)
    email = models.EmailField()
    phone = models.CharField(max_length=40, blank=True)
    language = models.CharField(max_length=8, choices=LANGUAGE_CHOICES, blank=True,
                                help_text="Empty: the account's language")
    user = models.OneToOneField(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="contact")
    is_active = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(Lower("email"), name="contact_email_unique")]
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    @property
    def effective_language(self) -> str:
        return self.language or self.account.language


class EmailDomain(models.Model):
    """A domain whose senders belong to the account (once verified)."""

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="domains")
    domain = models.CharField(max_length=253, unique=True)
    verified = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.domain
