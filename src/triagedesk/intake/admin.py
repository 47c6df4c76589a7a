from django import forms
from django.contrib import admin

from .models import Mailbox, RawEmail


@admin.register(RawEmail)
class RawEmailAdmin(admin.ModelAdmin):
    list_display = ("received_at", "from_email", "subject", "source", "status", "action", "ticket")
    list_filter = ("status", "action", "source")
    search_fields = ("message_id", "sha256", "reason", "from_email", "subject")
    exclude = ("content",)
    readonly_fields = [f.name for f in RawEmail._meta.fields if f.name != "content"]


class MailboxForm(forms.ModelForm):
    # The password is write-only: never sent back to the browser; empty keeps the stored one.
    password = forms.CharField(widget=forms.PasswordInput(render_value=False), required=False,
                               help_text="Leave empty to keep the current password. 'env:NAME' reads the "
                                         "environment variable NAME instead.")

    class Meta:
        model = Mailbox
        exclude = ("uidvalidity", "last_uid", "last_polled_at", "last_error", "locked_until")

    def clean_password(self):
        value = self.cleaned_data.get("password")
        if not value:
            if self.instance.pk:
                return self.instance.password
            raise forms.ValidationError("a new mailbox needs a password")
        return value


@admin.register(Mailbox)
class MailboxAdmin(admin.ModelAdmin):
    form = MailboxForm
    list_display = ("name", "host", "port", "username", "folder", "is_active", "last_polled_at", "last_uid",
                    "last_error")
    readonly_fields = ("uidvalidity", "last_uid", "last_polled_at", "last_error", "locked_until")
