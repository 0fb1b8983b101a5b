from core.permissions import can


def platform(request) -> dict:
    """Whether the navigation offers the shared platform (members of accredited organisations
    and staff). Asked lazily, so pages that never show the link pay nothing."""
    user = getattr(request, "user", None)
    return {"portal_on_platform": lambda: bool(user and can(user, "platform.enter"))}
