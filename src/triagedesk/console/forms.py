"""Forms of the console: they parse input, services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from triagedesk.accounts.models import CODE_CHOICES
from triagedesk.tickets.models.ticket import OPEN_STATE_VALUES
from triagedesk.tickets.rules import RESOLUTION_TYPES
from triagedesk.tickets.services import IncomingAttachment
from triagedesk.triage.codes import Code

from . import labels


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Any number of files (``<input type=file multiple>``), as IncomingAttachments."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else ([data] if data else [])
        single = super().clean
        return [single(f, initial) for f in files if f]


def as_attachments(files) -> list[IncomingAttachment]:
    return [IncomingAttachment(filename=f.name, content_type=getattr(f, "content_type", "") or
                               "application/octet-stream", data=f.read()) for f in files or ()]


def _code_choices(blank: str | None = None):
    language = get_language() or "en"
    choices = [(value, Code(value).label(language).upper()) for value, _label in CODE_CHOICES]
    return ([("", blank)] if blank is not None else []) + choices


class BoardFilterForm(forms.Form):
    """The board's filters live in the URL; anything that does not parse is ignored."""

    code = forms.ChoiceField(label=_("Code"), required=False, choices=())
    state = forms.ChoiceField(label=_("State"), required=False, choices=())
    tier = forms.TypedChoiceField(label=_("Tier"), required=False, coerce=int, empty_value=None,
                                  choices=[("", _("all tiers")), ("1", "L1"), ("2", "L2"), ("3", "L3")])
    team = forms.TypedChoiceField(label=_("Team"), required=False, coerce=int, empty_value=None, choices=())
    plan = forms.ChoiceField(label=_("Plan"), required=False, choices=())
    account = forms.CharField(label=_("Customer code"), required=False, max_length=32)
    unverified = forms.BooleanField(label=_("Unverified senders only"), required=False)

    def __init__(self, data, *, teams, plans):
        super().__init__(data)
        self.fields["code"].choices = _code_choices(str(_("all codes")))
        self.fields["state"].choices = [("", _("all open states"))] + [
            (s, labels.state_label(s)) for s in OPEN_STATE_VALUES]
        self.fields["team"].choices = [("", _("my teams"))] + [(str(t.pk), t.name) for t in teams]
        self.fields["plan"].choices = [("", _("all plans"))] + [(p.slug, p.name) for p in plans]

    def filters(self) -> dict:
        if not self.is_valid():
            # Keep whatever did parse: one bad value should not blank the board.
            return {name: self.cleaned_data.get(name) for name in self.fields
                    if name not in self.errors and self.cleaned_data.get(name) not in (None, "", False)}
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "", False)}


class ReplyForm(forms.Form):
    body = forms.CharField(label=_("Reply to the customer"), widget=forms.Textarea(attrs={"rows": 5}))
    attachments = MultipleFileField(label=_("Attachments"))


class NoteForm(forms.Form):
    body = forms.CharField(label=_("Internal note"), widget=forms.Textarea(attrs={"rows": 3}))


class RetriageForm(forms.Form):
    code = forms.ChoiceField(label=_("New code"), choices=())
    reason = forms.CharField(label=_("Reason"), max_length=500)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["code"].choices = _code_choices()


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500)


class OptionalReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)


class AssignForm(forms.Form):
    agent = forms.TypedChoiceField(label=_("Assign to"), coerce=int, empty_value=None, required=False, choices=())

    def __init__(self, data=None, *, agents):
        super().__init__(data)
        self.agents = {a.pk: a for a in agents}
        self.fields["agent"].choices = [("", _("nobody"))] + [(a.pk, f"{a.display_name} (L{a.tier})")
                                                                for a in agents]


class ResolveForm(forms.Form):
    resolution_type = forms.ChoiceField(label=_("Resolution"), choices=())
    note = forms.CharField(label=_("Note"), max_length=1000, required=False)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["resolution_type"].choices = [(r, labels.RESOLUTIONS[r]) for r in RESOLUTION_TYPES]


class TimeForm(forms.Form):
    minutes = forms.IntegerField(label=_("Minutes"), min_value=1, max_value=24 * 60)
    note = forms.CharField(label=_("What was done"), max_length=500, required=False)


class PhoneTicketForm(forms.Form):
    contact = forms.IntegerField(widget=forms.HiddenInput)
    subject = forms.CharField(label=_("Subject"), max_length=300)
    body = forms.CharField(label=_("What the caller says"), widget=forms.Textarea(attrs={"rows": 6}))
    code = forms.ChoiceField(label=_("Code"), required=False,
                             choices=())

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["code"].choices = _code_choices(str(pgettext_lazy("triage code", "automatic (classifier)")))


def select_fields(form: BoardFilterForm) -> list[dict]:
    """The board's select filters as plain data, for a hand-written form (see board.html)."""
    out = []
    for name in ("code", "state", "tier", "team", "plan"):
        field = form.fields[name]
        value = form.data.get(name, "") if form.is_bound else ""
        out.append({"name": name, "label": field.label, "value": str(value),
                    "choices": [(str(v), str(label)) for v, label in field.choices]})
    return out
