"""Who is at the keyboard: an agent (console), a contact (portal), or nobody (sign-in).

Shared by the console and the portal. The related rows are read once per
request and cached on ``request.user`` by Django itself.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render

from triagedesk.accounts.models import Agent, Contact
from triagedesk.tickets.selectors import agent_of

SUPPORTED_LANGUAGES = frozenset(code for code, _name in settings.LANGUAGES)


def agent_for(user) -> Agent | None:
    return agent_of(user)


def contact_for(user) -> Contact | None:
    if not getattr(user, "is_authenticated", False) or agent_for(user) is not None:
        return None
    try:
        contact = user.contact
    except Contact.DoesNotExist:
        return None
    return contact if contact.is_active else None


def preferences(user) -> tuple[str | None, str | None]:
    """(language, time zone) the user chose, or None to let the browser decide."""
    agent = agent_for(user)
    if agent is not None:
        return (agent.language if agent.language in SUPPORTED_LANGUAGES else None), None
    contact = contact_for(user)
    if contact is not None:
        language = contact.effective_language
        return (language if language in SUPPORTED_LANGUAGES else None), contact.account.time_zone
    return None, None


def home_url(user) -> str:
    if agent_for(user) is not None:
        return "/console/"
    if contact_for(user) is not None:
        return "/portal/"
    return settings.LOGIN_URL


def _forbidden(request, message: str):
    return render(request, "403.html", {"message": message, "home": home_url(request.user)}, status=403)


def agent_required(view):
    """Console pages: anonymous people sign in first; customers are refused."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        agent = agent_for(request.user)
        if agent is None:
            from django.utils.translation import gettext as _

            return _forbidden(request, _("The agent console is for support staff only."))
        request.agent = agent
        return view(request, *args, **kwargs)

    return wrapper


def contact_required(view):
    """Portal pages: anonymous people sign in first; only active contacts of active accounts get in."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        contact = contact_for(request.user)
        if contact is None or not contact.account.is_active:
            from django.utils.translation import gettext as _

            return _forbidden(request, _("The customer portal is for our customers' contacts."))
        request.contact = contact
        return view(request, *args, **kwargs)

    return wrapper
