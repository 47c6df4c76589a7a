"""Pages speak the signed-in person's language (their setting), else the browser's."""

from __future__ import annotations

from django.utils import timezone, translation

from .access import preferences


class UserLanguageMiddleware:
    """Runs after authentication; LocaleMiddleware has already picked the browser's language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language, zone = preferences(request.user) if request.user.is_authenticated else (None, None)
        if language:
            translation.activate(language)
            request.LANGUAGE_CODE = language
        if zone:
            timezone.activate(zone)
        try:
            return self.get_response(request)
        finally:
            if zone:
                timezone.deactivate()
