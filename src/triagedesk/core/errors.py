"""Domain errors: raised by services, shown to people as they are."""


class DomainError(Exception):
    """A request the desk refuses, with a message fit for the person who made it."""

    code = "invalid"

    def __init__(self, message: str, **context: object) -> None:
        super().__init__(message)
        self.message = message
        self.context = context


class NotFound(DomainError):
    code = "not_found"


class InvalidTransition(DomainError):
    code = "invalid_transition"


class PermissionDenied(DomainError):
    code = "permission_denied"
