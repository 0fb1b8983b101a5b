"""Demo organisations in every state of the accreditation cycle, reached through the services
and ``transition()`` exactly as people would reach them in the interface."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core import services
from core.demo import person
from core.lifecycle import transition
from core.models import AddictionType, District, Province, StaffRole, TargetGroup, User, WorkingArea

from . import applications, certificates, organisations
from .models import Application, Certificate, CertificateStatus, Organisation
from .models import ApplicationStatus as A
from .selectors import criteria_of, missing_mandatory_evidence
from .validators import tax_number_check_digit

DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

# Staff beyond the one-per-role accounts, so every province has two reviewers and a coordinator,
# and an appeal can go to a second board member.
EXTRA_STAFF = [
    ("degerlendirici2@demo.example", "Dr. Selin Arslan", StaffRole.REVIEWER, 34),
    ("koordinator.izmir@demo.example", "Gökhan Erdem", StaffRole.COORDINATOR, 35),
    ("degerlendirici.izmir1@demo.example", "Dr. Elif Yurt", StaffRole.REVIEWER, 35),
    ("degerlendirici.izmir2@demo.example", "Uzm. Psk. Kerem Tan", StaffRole.REVIEWER, 35),
    ("degerlendirici.izmir3@demo.example", "Dr. Nazlı Ege", StaffRole.REVIEWER, 35),
    ("degerlendirici.izmir4@demo.example", "Uzm. Dr. Barış Kaplan", StaffRole.REVIEWER, 35),
    ("koordinator.igdir@demo.example", "Serkan Aras", StaffRole.COORDINATOR, 76),
    ("degerlendirici.igdir1@demo.example", "Dr. Leyla Kara", StaffRole.REVIEWER, 76),
    ("degerlendirici.igdir2@demo.example", "Uzm. Psk. Ahmet Demirtaş", StaffRole.REVIEWER, 76),
    ("kurul2@demo.example", "Prof. Dr. Ayşe Güler", StaffRole.BOARD, None),
]

# (legal name, short name, form, plate, district slug, founded, owner e-mail, target state)
ORGANISATIONS = [
    (
        "Umut Işığı Gençlik ve Dayanışma Derneği",
        "Umut Işığı Derneği",
        "dernek",
        34,
        "kadikoy",
        2009,
        "ngo@demo.example",
        "accredited",
    ),
    (
        "Boğaziçi Bağımlılıkla Mücadele Vakfı",
        "Boğaziçi Vakfı",
        "vakif",
        34,
        "besiktas",
        2004,
        "stk.bogazici@demo.example",
        "in_review_one_done",
    ),
    (
        "Kadıköy Aile Destek Derneği",
        "",
        "dernek",
        34,
        "kadikoy",
        2016,
        "stk.kadikoy@demo.example",
        "submitted",
    ),
    (
        "Üsküdar Spor ve Kültür Derneği",
        "",
        "dernek",
        34,
        "uskudar",
        2011,
        "stk.uskudar@demo.example",
        "decision_pending",
    ),
    (
        "Fatih Gönüllüleri Derneği",
        "",
        "dernek",
        34,
        "fatih",
        2018,
        "stk.fatih@demo.example",
        "changes_requested",
    ),
    (
        "Beyoğlu Sanat ve Dayanışma Kooperatifi",
        "Beyoğlu Kooperatifi",
        "kooperatif",
        34,
        "beyoglu",
        2020,
        "ngo@demo.example",
        "draft",
    ),
    (
        "Ege Yeşil Yaşam Derneği",
        "",
        "dernek",
        35,
        "bornova",
        2007,
        "stk.ege@demo.example",
        "provisional",
    ),
    (
        "Konak Gençlik Merkezi Derneği",
        "",
        "dernek",
        35,
        "konak",
        2013,
        "stk.konak@demo.example",
        "appealed",
    ),
    (
        "Karşıyaka Sosyal Uyum Derneği",
        "",
        "dernek",
        35,
        "karsiyaka",
        2010,
        "stk.karsiyaka@demo.example",
        "suspended",
    ),
    (
        "Iğdır Dayanışma ve Kalkınma Derneği",
        "",
        "dernek",
        76,
        "merkez",
        2005,
        "stk.igdir@demo.example",
        "expired",
    ),
    # Accredited organisations that share the platform with Umut Işığı and Ege Yeşil Yaşam, so
    # each of the three demo provinces has organisations planning side by side.
    (
        "Moda Gençlik ve Spor Kulübü Derneği",
        "Moda Gençlik",
        "dernek",
        34,
        "kadikoy",
        2011,
        "stk.moda@demo.example",
        "accredited",
    ),
    (
        "Bornova Aile ve Gençlik Vakfı",
        "",
        "vakif",
        35,
        "bornova",
        2008,
        "stk.bornova@demo.example",
        "accredited",
    ),
    (
        "Aras Gençlik ve Aile Derneği",
        "",
        "dernek",
        76,
        "merkez",
        2013,
        "stk.aras@demo.example",
        "accredited",
    ),
]

OWNER_NAMES = {
    "stk.bogazici@demo.example": "Nesrin Yıldırım",
    "stk.kadikoy@demo.example": "Ozan Çetin",
    "stk.uskudar@demo.example": "Derya Koç",
    "stk.fatih@demo.example": "Yusuf Aydoğan",
    "stk.ege@demo.example": "Pınar Özkan",
    "stk.konak@demo.example": "Tolga Şimşek",
    "stk.karsiyaka@demo.example": "Sevgi Acar",
    "stk.igdir@demo.example": "Mehmet Ali Aslan",
    "stk.moda@demo.example": "Cem Altun",
    "stk.bornova@demo.example": "Hande Yücel",
    "stk.aras@demo.example": "Zeynep Karataş",
}


def _staff() -> dict[str, User]:
    people = {}
    for email, name, role, plate in EXTRA_STAFF:
        user = person(email, name)
        province = Province.objects.get(code=plate) if plate else None
        services.role_assign(user=user, role=role, province=province)
        people[email] = user
    for email in ("reviewer@demo.example", "coordinator@demo.example", "board@demo.example"):
        people[email] = User.objects.get(email=email)
    return people


def _tax_number(index: int) -> str:
    first_nine = f"{731000100 + index * 37:09d}"
    return first_nine + str(tax_number_check_digit(first_nine))


def _register(index: int, row, owner: User) -> Organisation:
    legal, short, form, plate, district_slug, founded, _email, _state = row
    registry = f"{plate:02d}-0{index:02d}-{1200 + index}" if form == "dernek" else str(4500 + index)
    return organisations.organisation_register(
        user=owner,
        data={
            "legal_name": legal,
            "short_name": short,
            "legal_form": form,
            "registry_number": registry,
            "tax_number": _tax_number(index),
            "founding_year": founded,
            "address": "Merkez Mah. Cumhuriyet Cad. No: " + str(10 + index),
            "province": Province.objects.get(code=plate),
            "district": District.objects.get(province_id=plate, slug=district_slug),
            "phone": f"+90 {'216' if plate == 34 else '232' if plate == 35 else '476'} "
            f"555 {10 + index:02d} {30 + index:02d}",
            "email": f"bilgi{index}@stk.example.org",
            "website": "",
            "description": (
                f"{legal}, {Province.objects.get(code=plate).name} ilinde gençlerle ve "
                "ailelerle bağımlılığı önleme, farkındalık ve sosyal uyum çalışmaları yürütür; "
                "bağımlılıkla ilgili ilk başvuruları Bağımlılık Danışma Birimlerine yönlendirir."
            ),
            "working_areas": list(WorkingArea.objects.filter(sort_order__in=[1, 3])),
            "target_groups": list(TargetGroup.objects.filter(sort_order__in=[2, 4])),
            "addiction_types": list(AddictionType.objects.filter(sort_order__in=[1, 5])),
        },
    )


class Cycle:
    """Moves one organisation's application along, step by step, through the services."""

    def __init__(self, organisation: Organisation, owner: User, staff: dict[str, User]):
        plate = organisation.province_id
        self.owner = owner
        self.organisation = organisation
        self.coordinator = {
            34: staff["coordinator@demo.example"],
            35: staff["koordinator.izmir@demo.example"],
            76: staff["koordinator.igdir@demo.example"],
        }[plate]
        self.reviewers = {
            34: [staff["degerlendirici2@demo.example"], staff["reviewer@demo.example"]],
            35: [
                staff["degerlendirici.izmir1@demo.example"],
                staff["degerlendirici.izmir2@demo.example"],
            ],
            76: [
                staff["degerlendirici.igdir1@demo.example"],
                staff["degerlendirici.igdir2@demo.example"],
            ],
        }[plate]
        self.appeal_reviewers = [
            staff["degerlendirici.izmir3@demo.example"],
            staff["degerlendirici.izmir4@demo.example"],
        ]
        self.board = staff["board@demo.example"]
        self.application = applications.application_start(organisation=organisation, by=owner)

    def self_assess(self) -> None:
        for criterion in criteria_of(self.application.standard):
            applications.answer_save(
                application=self.application,
                criterion=criterion,
                self_score=2,
                narrative=(
                    "Bu ölçüt için yazılı prosedürümüz var ve yönetim kurulu kararıyla "
                    "uygulanıyor; ilgili belgeler ektedir."
                ),
                by=self.owner,
            )
        for criterion in missing_mandatory_evidence(self.application):
            applications.evidence_add(
                application=self.application,
                criterion=criterion,
                by=self.owner,
                upload=SimpleUploadedFile(
                    f"{criterion.code} kanıt.pdf", DEMO_PDF, content_type="application/pdf"
                ),
            )

    def submit(self) -> None:
        self.self_assess()
        applications.application_submit(application=self.application, by=self.owner)

    def screen(self, reviewers=None) -> None:
        transition(self.application, A.SCREENING, by=self.coordinator)
        self.assign(reviewers or self.reviewers)
        transition(self.application, A.IN_REVIEW, by=self.coordinator)

    def assign(self, reviewers) -> None:
        for reviewer in reviewers:
            assignment = applications.reviewer_assign(
                application=self.application, reviewer=reviewer, by=self.coordinator
            )
            applications.assignment_declare(assignment=assignment, by=reviewer)

    def review(self, reviewer, score: int) -> None:
        for criterion in criteria_of(self.application.standard):
            applications.score_save(
                application=self.application,
                criterion=criterion,
                score=score if criterion.mandatory else max(score - 1, 1),
                comment="Belgeler incelendi; uygulama sahada da görüldü.",
                by=reviewer,
            )
        applications.review_complete(application=self.application, by=reviewer)

    def decide(self, outcome: str, note: str = "", board=None) -> None:
        applications.application_decide(
            application=self.application, outcome=outcome, note=note, by=board or self.board
        )


def build() -> dict[str, int]:
    """Create the demo organisations that do not exist yet."""
    staff = _staff()
    for index, row in enumerate(ORGANISATIONS, start=1):
        if Organisation.objects.filter(legal_name=row[0]).exists():
            continue
        owner_email, state = row[6], row[7]
        owner = person(owner_email, OWNER_NAMES.get(owner_email, "Demo"))
        organisation = _register(index, row, owner)
        _advance(Cycle(organisation, owner, staff), state, staff)
    return {
        "organisations": Organisation.objects.count(),
        "applications": Application.objects.count(),
        "certificates": Certificate.objects.count(),
    }


def _advance(cycle: Cycle, state: str, staff: dict[str, User]) -> None:
    if state == "draft":
        applications.answer_save(
            application=cycle.application,
            criterion=criteria_of(cycle.application.standard)[0],
            self_score=2,
            narrative="Tüzüğümüz ve DERBİS kaydımız güncel.",
            by=cycle.owner,
        )
        return
    cycle.submit()
    if state == "submitted":
        return
    if state == "changes_requested":
        cycle.screen()
        transition(
            cycle.application,
            A.CHANGES_REQUESTED,
            by=cycle.reviewers[0],
            note="G2.2 için süpervizyon kayıtlarının son altı ayını ekleyin.",
        )
        return
    cycle.screen()
    if state == "in_review_one_done":
        cycle.review(cycle.reviewers[0], score=3)
        return
    cycle.review(cycle.reviewers[0], score=3 if state != "appealed" else 1)
    cycle.review(cycle.reviewers[1], score=3 if state != "appealed" else 2)
    if state == "decision_pending":
        return
    if state == "provisional":
        cycle.decide(
            "provisional",
            "Gönüllü eğitim programı altı ay içinde belgelenmeli (G7.2); "
            "ara rapor il sağlık müdürlüğüne sunulmalı.",
        )
        return
    if state == "appealed":
        cycle.decide("reject", "Zorunlu ölçüt G4.1 (BDB yönlendirme protokolü) karşılanmadı.")
        transition(
            cycle.application,
            A.APPEALED,
            by=cycle.owner,
            note="İl Sağlık Müdürlüğü ile imzalanan yönlendirme protokolünü ekledik.",
        )
        return
    cycle.decide("accredit")
    certificate = cycle.organisation.certificates.get(status=CertificateStatus.VALID)
    if state == "suspended":
        transition(
            certificate,
            CertificateStatus.SUSPENDED,
            by=cycle.board,
            note="Yerinde denetimde gönüllü kayıtlarında eksiklik saptandı; "
            "düzeltilene kadar askıya alındı.",
        )
    if state == "expired":
        # The certificate was issued three years ago: move its dates back, then let the daily
        # job expire it as it would have.
        today = timezone.localdate()
        type(certificate).objects.filter(pk=certificate.pk).update(
            issued_on=today - datetime.timedelta(days=3 * 365 + 10),
            expires_on=today - datetime.timedelta(days=10),
        )
        certificates.expire_due_certificates(today=today)
