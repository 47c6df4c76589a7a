"""Signing in and out, password reset, language: shared by agents and customers."""

from __future__ import annotations

import logging
import smtplib

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.shortcuts import redirect
from django.urls import reverse_lazy
from django.utils import translation
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from triagedesk.core.audit import Actor
from triagedesk.core.errors import DomainError

from ..access import SUPPORTED_LANGUAGES, agent_for, contact_for, home_url, preferences

log = logging.getLogger(__name__)


def home(request):
    return redirect(home_url(request.user))


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    redirect_authenticated_user = True


class ResetForm(PasswordResetForm):
    """Django's reset form, writing in the person's own language and surviving a mail server hiccup."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email,
                  html_email_template_name=None):
        language = preferences(context["user"])[0] or translation.get_language()
        with translation.override(language):
            try:
                super().send_mail(subject_template_name, email_template_name, context, from_email, to_email,
                                  html_email_template_name)
            except (smtplib.SMTPException, OSError) as exc:
                # Same answer to the visitor either way: it must not tell which addresses exist.
                log.warning("password reset mail to user %s not sent: %s", context["user"].pk, exc)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = ResetForm
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("console:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "registration/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("console:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "registration/password_reset_complete.html"


@require_POST
def language(request):
    """The language switcher: saved on the agent or contact, and in a cookie for the sign-in page."""
    code = request.POST.get("language", "")
    if code in SUPPORTED_LANGUAGES and request.user.is_authenticated:
        actor = Actor.for_user(request.user)
        try:
            if (agent := agent_for(request.user)) is not None:
                from ..services import agent_language_set

                agent_language_set(agent=agent, language=code, actor=actor)
            elif (contact := contact_for(request.user)) is not None:
                from triagedesk.portal.services import contact_language_set

                contact_language_set(contact=contact, language=code, actor=actor)
        except DomainError as exc:
            messages.error(request, exc.message)
    # Django's view sets the language cookie and redirects to ``next``.
    return set_language(request)
