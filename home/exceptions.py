from core.exceptions import DomainError


class CampaignError(DomainError):
    """A campaign action that cannot be done, with a message for the person."""
