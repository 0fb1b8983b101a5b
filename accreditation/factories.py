"""Factories of organisations and of applications moved along their life cycle."""

import datetime

import factory
from django.utils import timezone

from core.factories import UserFactory, staff_user
from core.models import District, Province

from .models import Standard


def valid_tax_number(seed: int) -> str:
    first_nine = f"{seed:09d}"[-9:]
    from .validators import tax_number_check_digit

    return first_nine + str(tax_number_check_digit(first_nine))


class OrganisationFactory(factory.django.DjangoModelFactory):
    """A registered organisation in İstanbul/Kadıköy, not accredited; ``owner`` gets ownership.

    Traits: ``accredited`` (full, until a year from now), ``provisional``, ``expired``.
    """

    class Meta:
        model = "accreditation.Organisation"
        skip_postgeneration_save = True

    class Params:
        accredited = factory.Trait(
            accreditation_status="accredited",
            accredited_until=factory.LazyFunction(
                lambda: timezone.localdate() + datetime.timedelta(days=365)
            ),
        )
        provisional = factory.Trait(
            accreditation_status="provisional",
            accredited_until=factory.LazyFunction(
                lambda: timezone.localdate() + datetime.timedelta(days=200)
            ),
        )
        expired = factory.Trait(
            accreditation_status="accredited",
            accredited_until=factory.LazyFunction(
                lambda: timezone.localdate() - datetime.timedelta(days=1)
            ),
        )

    legal_name = factory.Sequence(lambda n: f"Umut Işığı Dayanışma Derneği {n}")
    short_name = ""
    slug = factory.Sequence(lambda n: f"umut-isigi-{n}")
    legal_form = "dernek"
    registry_number = factory.Sequence(lambda n: f"34-012-{n + 1:04d}")
    tax_number = factory.Sequence(lambda n: valid_tax_number(100000 + n))
    founding_year = 2012
    address = "Caferağa Mah. Moda Cad. No: 10"
    province = factory.LazyFunction(lambda: Province.objects.get(code=34))
    district = factory.LazyFunction(lambda: District.objects.get(province_id=34, slug="kadikoy"))
    phone = "+90 216 555 12 34"
    email = factory.Sequence(lambda n: f"iletisim{n}@stk.example.org")
    description = "Gençlerle bağımlılığı önleme ve sosyal uyum çalışmaları yürütür."

    @factory.post_generation
    def owner(self, create, extracted, **kwargs):
        if create and extracted is not None:
            from .models import Membership

            Membership.objects.create(organisation=self, user=extracted, role="owner")

    @factory.post_generation
    def working_areas(self, create, extracted, **kwargs):
        from core.models import WorkingArea

        if create:
            self.working_areas.set(extracted or WorkingArea.objects.filter(sort_order=1))


class ApplicationFactory(factory.django.DjangoModelFactory):
    """An application of a new organisation, set straight into ``status`` (a draft by default)
    on the newest published standard: for tests that need a state, not the way to it (the move
    table refuses an illegal move before any rule or guard looks at the record)."""

    class Meta:
        model = "accreditation.Application"

    organisation = factory.SubFactory(OrganisationFactory, owner=factory.SubFactory(UserFactory))
    standard = factory.LazyFunction(
        lambda: Standard.objects.filter(published_at__isnull=False).order_by("-version").first()
    )
    status = "draft"
    created_by = factory.LazyAttribute(lambda a: a.organisation.memberships.first().user)


MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def evidence_upload(name: str = "tuzuk.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, MINIMAL_PDF, content_type="application/pdf")


class AccreditationWorld:
    """An organisation in İstanbul with its owner, the province's coordinator, two reviewers,
    a board member, and people from elsewhere who must be refused. Moves an application along
    its life cycle through the services, as the interface does."""

    def __init__(self, province_code: int = 34):
        from core.models import StaffRole

        self.owner = UserFactory()
        self.organisation = OrganisationFactory(owner=self.owner)
        self.coordinator = staff_user(StaffRole.COORDINATOR, province_code)
        self.reviewer1 = staff_user(StaffRole.REVIEWER, province_code)
        self.reviewer2 = staff_user(StaffRole.REVIEWER, province_code)
        self.reviewer3 = staff_user(StaffRole.REVIEWER, province_code)
        self.reviewer4 = staff_user(StaffRole.REVIEWER, province_code)
        self.board = staff_user(StaffRole.BOARD)
        self.board2 = staff_user(StaffRole.BOARD)
        self.application = None

    def start(self):
        from . import applications

        self.application = applications.application_start(
            organisation=self.organisation, by=self.owner
        )
        return self.application

    def upload_mandatory_evidence(self):
        from . import applications
        from .selectors import missing_mandatory_evidence

        for criterion in missing_mandatory_evidence(self.application):
            applications.evidence_add(
                application=self.application,
                criterion=criterion,
                upload=evidence_upload(),
                by=self.owner,
            )

    def move(self, target, by, note="Gerekçe"):
        from core.lifecycle import transition

        return transition(self.application, target, by=by, note=note)

    def assign_reviewers(self, first=None, second=None):
        from . import applications

        for reviewer in (first or self.reviewer1, second or self.reviewer2):
            assignment = applications.reviewer_assign(
                application=self.application, reviewer=reviewer, by=self.coordinator
            )
            applications.assignment_declare(assignment=assignment, by=reviewer)

    def score_all(self, reviewer, score=3, by_code=None):
        from . import applications
        from .selectors import criteria_of

        for criterion in criteria_of(self.application.standard):
            applications.score_save(
                application=self.application,
                criterion=criterion,
                score=(by_code or {}).get(criterion.code, score),
                comment="Kanıtlar yeterli.",
                by=reviewer,
            )

    def reach(self, status: str, *, changes_from: str = "in_review"):
        """Bring a fresh application to ``status`` the legal way."""
        from . import applications
        from .models import ApplicationStatus as A

        self.start()
        if status == A.DRAFT:
            return self.application
        if status == A.WITHDRAWN:
            self.move(A.WITHDRAWN, self.owner)
            return self.application
        self.upload_mandatory_evidence()
        applications.application_submit(application=self.application, by=self.owner)
        if status == A.SUBMITTED:
            return self.application
        self.move(A.SCREENING, self.coordinator)
        if status == A.SCREENING:
            return self.application
        if status == A.CHANGES_REQUESTED and changes_from == "screening":
            self.move(A.CHANGES_REQUESTED, self.coordinator, note="Tüzük eksik.")
            return self.application
        self.assign_reviewers()
        self.move(A.IN_REVIEW, self.coordinator)
        if status == A.IN_REVIEW:
            return self.application
        if status == A.CHANGES_REQUESTED:
            self.move(A.CHANGES_REQUESTED, self.reviewer1, note="Denetim raporu ekleyin.")
            return self.application
        if status == A.SITE_VISIT:
            self.move(A.SITE_VISIT, self.reviewer1)
            return self.application
        self.score_all(self.reviewer1)
        applications.review_complete(application=self.application, by=self.reviewer1)
        self.score_all(self.reviewer2)
        applications.review_complete(application=self.application, by=self.reviewer2)
        self.application.refresh_from_db()
        if status == A.DECISION_PENDING:
            return self.application
        if status in {A.ACCREDITED, A.PROVISIONAL}:
            self.move(status, self.board, note="Koşullar: denetim raporu altı ay içinde.")
            return self.application
        self.move(A.REJECTED, self.board, note="Zorunlu ölçütler karşılanmadı.")
        if status == A.REJECTED:
            return self.application
        self.move(A.APPEALED, self.owner, note="Eksik belgeler tamamlandı.")
        return self.application
