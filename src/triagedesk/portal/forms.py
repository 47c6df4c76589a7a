"""Portal forms: the guided triage questions, replies, call-back bookings."""

from __future__ import annotations

from datetime import datetime

from django import forms
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from triagedesk.console.forms import MultipleFileField
from triagedesk.triage.codes import Code

ANSWERS = [("yes", pgettext_lazy("answer", "Yes")), ("no", pgettext_lazy("answer", "No")),
           ("unknown", pgettext_lazy("answer", "I don't know"))]
_ANSWER_VALUES = {"yes": True, "no": False, "unknown": None, "": None}


def answer(value: str | None) -> bool | None:
    return _ANSWER_VALUES.get(value or "", None)


class GuidedTicketForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=300,
                              widget=forms.TextInput(attrs={"autocomplete": "off"}))
    site_online = forms.ChoiceField(label=_("Is your site online?"), choices=ANSWERS, initial="unknown",
                                    widget=forms.RadioSelect)
    email_working = forms.ChoiceField(label=_("Is email working?"), choices=ANSWERS, initial="unknown",
                                      widget=forms.RadioSelect)
    losing_sales = forms.ChoiceField(label=_("Are you losing sales right now?"), choices=ANSWERS,
                                     initial="unknown", widget=forms.RadioSelect)
    case = forms.ChoiceField(label=_("What is it about?"), required=False, choices=())
    body = forms.CharField(label=_("Describe the problem"), widget=forms.Textarea(attrs={"rows": 7}))
    attachments = MultipleFileField(label=_("Attachments"))

    def __init__(self, *args, case_types=(), **kwargs):
        super().__init__(*args, **kwargs)
        language = get_language() or "en"
        groups: dict[str, list] = {}
        for case_type in case_types:
            groups.setdefault(case_type.code, []).append((case_type.slug, case_type.name(language)))
        self.fields["case"].choices = [("", _("I'm not sure / something else"))] + [
            (Code(code).label(language), items) for code, items in
            sorted(groups.items(), key=lambda item: Code(item[0]).severity)]

    def hints(self):
        from triagedesk.triage.classify import Hints

        data = self.cleaned_data
        return Hints(site_online=answer(data.get("site_online")), email_working=answer(data.get("email_working")),
                     losing_sales=answer(data.get("losing_sales")), case=data.get("case") or None)


class PreviewForm(GuidedTicketForm):
    """The same questions, answered as far as the customer got: nothing is required yet."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Your message"), widget=forms.Textarea(attrs={"rows": 5}))
    attachments = MultipleFileField(label=_("Attachments"))


class CallbackForm(forms.Form):
    # Any time is accepted here; the booking service checks it against business hours.
    slot = forms.CharField(label=_("When should we call?"), widget=forms.Select)
    phone = forms.CharField(label=_("Phone number"), max_length=40)
    note = forms.CharField(label=_("Anything we should know before calling?"), max_length=500, required=False)

    def __init__(self, *args, slots=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slot"].widget.choices = [
            (slot.isoformat(), formats.date_format(timezone.localtime(slot), "D j M, H:i")) for slot in slots]

    def clean_slot(self):
        try:
            slot = datetime.fromisoformat(self.cleaned_data["slot"])
        except ValueError:
            raise forms.ValidationError(_("Choose a time from the list.")) from None
        if slot.tzinfo is None:
            raise forms.ValidationError(_("Choose a time from the list."))
        return slot


class MagicLinkForm(forms.Form):
    email = forms.EmailField(label=_("Your email address"))
