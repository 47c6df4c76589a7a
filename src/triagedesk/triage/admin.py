from django.contrib import admin

from .models import CaseType


@admin.register(CaseType)
class CaseTypeAdmin(admin.ModelAdmin):
    list_display = ("slug", "code", "english_name", "price_kind", "price_min", "price_max", "surcharge", "is_active")
    list_filter = ("code", "price_kind", "surcharge", "builtin", "is_active")
    search_fields = ("slug", "names")
    ordering = ("position", "slug")

    @admin.display(description="name")
    def english_name(self, obj):
        return obj.name("en")
