from __future__ import annotations

from decimal import Decimal

from django.db import models

from triagedesk.accounts.models import CODE_CHOICES


class CaseType(models.Model):
    """One line of the catalogue: a kind of request, its code and its price.

    Built-in rows come from ``catalog_data`` (the seeds' four lists) and are
    refreshed by ``catalog_sync``; admins edit prices and add their own rows.
    """

    class PriceKind(models.TextChoices):
        AMOUNT = "amount", "fixed amount"
        RANGE = "range", "range"
        FREE = "free", "free"
        QUOTE = "quote", "on quote"
        CONTRACT = "contract", "as contract"
        INSTANCE_PLUS = "instance_plus", "instance cost plus"
        INCLUDED = "included", "included in the service"

    slug = models.SlugField(max_length=64, unique=True)
    code = models.CharField(max_length=8, choices=CODE_CHOICES)
    price_kind = models.CharField(max_length=16, choices=PriceKind.choices, default=PriceKind.INCLUDED)
    price_min = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    price_max = models.DecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, default="EUR")
    surcharge = models.BooleanField(default=False, help_text="20-50 EUR when the customer caused it, as a quote")
    names = models.JSONField(default=dict, help_text='{"it": "...", "en": "...", "fr": "...", "ru": "..."}')
    descriptions = models.JSONField(default=dict, blank=True)
    builtin = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return f"{self.code.upper()} {self.name('en')}"

    def name(self, language: str = "en") -> str:
        return self.names.get(language) or self.names.get("en") or self.slug

    def price_label(self, language: str = "en") -> str:
        def money(value: Decimal | None) -> str:
            return f"{value.normalize():f} {self.currency}" if value is not None else ""

        kind = self.PriceKind
        if self.price_kind == kind.AMOUNT:
            return money(self.price_min)
        if self.price_kind == kind.RANGE:
            return f"{money(self.price_min)} - {money(self.price_max)}"
        if self.price_kind == kind.INSTANCE_PLUS:
            return f"instance + {money(self.price_min)}"
        return self.get_price_kind_display()
