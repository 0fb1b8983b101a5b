"""A person's data export (KVKK article 11): the kernel's part, and what each app adds.

Each app registers a function ``(user) -> data`` under a name from its ``AppConfig.ready()``;
the export joins them all.
"""

from .models import User
from .selectors import consent_history

# Apps built on the core add what they hold about a person: name → function(user) → data.
PERSONAL_DATA_SECTIONS: dict = {}


def register_personal_data(sections: dict) -> None:
    """Add an app's sections (name → function(user) → data), from its ``AppConfig.ready()``."""
    for name, function in sections.items():
        if PERSONAL_DATA_SECTIONS.get(name, function) is not function:
            raise ValueError(f"A personal data section {name!r} is already registered.")
        PERSONAL_DATA_SECTIONS[name] = function


def personal_data_export(*, user: User) -> dict:
    """Everything the portal holds about the person, as they may download it (KVKK art. 11)."""
    from allauth.account.models import EmailAddress

    from .permissions import roles_of

    return {
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
        "roles": {
            role: sorted(p or 0 for p in provinces) for role, provinces in roles_of(user).items()
        },
        "consents": [
            {
                "purpose": record.purpose.key,
                "text_version": record.text.version,
                "granted_at": record.granted_at.isoformat(),
                "withdrawn_at": record.withdrawn_at.isoformat() if record.withdrawn_at else None,
            }
            for record in consent_history(user=user)
        ],
        **{name: section(user) for name, section in PERSONAL_DATA_SECTIONS.items()},
    }
