"""The kernel's part of the demo: the demo people with their staff roles and consents.

``manage.py load_demo_data`` calls each app's ``demo.build()`` in dependency order (core first);
every part is offline, seeded and idempotent, and builds through the same services as the
interface, so each demo state was reached the way people reach it.
"""

from dataclasses import dataclass

from . import services
from .models import ConsentPurpose, Province, StaffRole, User

DEMO_PASSWORD = "demo-parola-2026"
SEED = 2026


@dataclass(frozen=True)
class DemoAccount:
    email: str
    full_name: str
    roles: tuple[tuple[StaffRole, int | None], ...] = ()
    consents: tuple[str, ...] = ()


DEMO_ACCOUNTS = [
    DemoAccount("admin@demo.example", "Aylin Demir", ((StaffRole.ADMIN, None),)),
    DemoAccount("editor@demo.example", "Emre Yıldız", ((StaffRole.EDITOR, None),)),
    DemoAccount(
        "reviewer@demo.example",
        "Dr. Zeynep Kaya",
        ((StaffRole.REVIEWER, 34), (StaffRole.REVIEWER, 41)),
    ),
    DemoAccount("board@demo.example", "Prof. Dr. Mehmet Öztürk", ((StaffRole.BOARD, None),)),
    DemoAccount("coordinator@demo.example", "Hülya Çelik", ((StaffRole.COORDINATOR, 34),)),
    DemoAccount("ngo@demo.example", "Murat Şahin", consents=("email_updates",)),
    DemoAccount(
        "volunteer@demo.example",
        "Çağrı Aydın",
        consents=("email_updates", "volunteer_matching", "ngo_contact"),
    ),
    DemoAccount(
        "mentor@demo.example", "İbrahim Koç", consents=("volunteer_matching", "ngo_contact")
    ),
]


def create_accounts() -> list[User]:
    purposes = {p.key: p for p in ConsentPurpose.objects.all()}
    people = []
    for account in DEMO_ACCOUNTS:
        user = User.objects.filter(email=account.email).first()
        if user is None:
            user = services.account_create(
                email=account.email,
                password=DEMO_PASSWORD,
                full_name=account.full_name,
                verified=True,
            )
        for role, plate_code in account.roles:
            province = Province.objects.get(code=plate_code) if plate_code else None
            services.role_assign(user=user, role=role, province=province)
        for key in account.consents:
            services.consent_grant(user=user, purpose=purposes[key], source="demo")
        people.append(user)
    return people


def build() -> dict[str, int]:
    return {"accounts": len(create_accounts())}


def person(email: str, full_name: str) -> User:
    """A demo person with a verified address and the demo password, made once."""
    user = User.objects.filter(email=email).first()
    return user or services.account_create(
        email=email, password=DEMO_PASSWORD, full_name=full_name, verified=True
    )
