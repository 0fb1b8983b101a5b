class DomainError(Exception):
    """A business rule refused the operation. The message is shown to the person."""


class ConsentError(DomainError):
    pass


class RoleError(DomainError):
    pass
