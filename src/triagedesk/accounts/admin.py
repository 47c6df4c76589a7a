from django.contrib import admin

from .models import Account, Agent, BusinessCalendar, ClosedDay, Contact, EmailDomain, Plan, PlanTarget, Team


class ClosedDayInline(admin.TabularInline):
    model = ClosedDay
    extra = 1


@admin.register(BusinessCalendar)
class BusinessCalendarAdmin(admin.ModelAdmin):
    list_display = ("name", "time_zone", "holiday_country")
    inlines = [ClosedDayInline]


class PlanTargetInline(admin.TabularInline):
    model = PlanTarget
    extra = 0


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("name", "monthly_included_hours", "personal_manager", "calendar", "default_code")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [PlanTargetInline]


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0
    fields = ("name", "email", "phone", "language", "is_active")


class EmailDomainInline(admin.TabularInline):
    model = EmailDomain
    extra = 0


@admin.register(Account)
class AccountAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "plan", "language", "team", "account_manager", "is_active")
    list_filter = ("plan", "team", "language", "is_active")
    search_fields = ("code", "name", "contacts__email", "domains__domain")
    inlines = [ContactInline, EmailDomainInline]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ("name", "email", "phone", "account")
    search_fields = ("name", "email", "phone", "account__code")
    raw_id_fields = ("user",)


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ("name", "lead")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Agent)
class AgentAdmin(admin.ModelAdmin):
    list_display = ("__str__", "tier", "language", "sees_all_teams")
    list_filter = ("tier", "teams")
    filter_horizontal = ("teams",)
