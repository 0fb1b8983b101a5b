from core.exceptions import DomainError


class SignUpRefused(DomainError):
    """A sign-up the portal refuses, with the reason code and a message for the person."""

    def __init__(self, reason: str, message):
        super().__init__(message)
        self.reason = reason


class EventError(DomainError):
    """An organiser's change that cannot be made, with a message for the person."""
