from core.exceptions import DomainError


class VolunteerError(DomainError):
    """A volunteering step that cannot be taken, with a message for the person."""


class MatchRefused(VolunteerError):
    """A hard matching rule refuses this person for this role; ``reason`` names the rule."""

    def __init__(self, reason: str, message):
        super().__init__(message)
        self.reason = reason
        self.message = message
