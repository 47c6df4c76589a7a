from django.contrib import admin

from .models import DeliveryAttempt, OutboundEmail


class DeliveryAttemptInline(admin.TabularInline):
    model = DeliveryAttempt
    extra = 0
    can_delete = False
    readonly_fields = ("at", "ok", "permanent", "detail")


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    list_display = ("created_at", "kind", "to", "subject", "status", "attempts")
    list_filter = ("kind", "status")
    search_fields = ("to", "subject", "message_id")
    inlines = [DeliveryAttemptInline]
