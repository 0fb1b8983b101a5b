"""Demo joint projects, reached through the services and ``transition()`` as people would.

- "Kadıköy Gençlik Önleme Ağı": led by Umut Işığı, born from the overlapping Kadıköy plans of
  Umut Işığı and Moda Gençlik (both activities linked); Moda Gençlik accepted the invitation,
  the project is active, with updates and a shared file; Aras Gençlik asked to join (pending)
  and Bornova Aile ve Gençlik Vakfı's invitation waits for an answer.
- "Bornova Aile Buluşmaları": led by Ege Yeşil Yaşam with Bornova Aile ve Gençlik Vakfı,
  completed, with their completed İzmir activities linked.

Running it again makes nothing new.
"""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Q
from django.utils import timezone

from accreditation.models import Organisation
from core.lifecycle import transition
from core.models import Province, User, WorkingArea

from .. import projects
from ..models import Activity, Project, ProjectPartner

UMUT = "Umut Işığı Gençlik ve Dayanışma Derneği"
MODA = "Moda Gençlik ve Spor Kulübü Derneği"
EGE = "Ege Yeşil Yaşam Derneği"
BORNOVA = "Bornova Aile ve Gençlik Vakfı"
ARAS = "Aras Gençlik ve Aile Derneği"
OWNERS = {
    UMUT: "ngo@demo.example",
    MODA: "stk.moda@demo.example",
    EGE: "stk.ege@demo.example",
    BORNOVA: "stk.bornova@demo.example",
    ARAS: "stk.aras@demo.example",
}
KADIKOY = "Kadıköy Gençlik Önleme Ağı"
IZMIR = "Bornova Aile Buluşmaları"
# A tiny valid PDF (the same bytes as the accreditation demo's evidence).
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
PREVENTION = "Koruyucu ve Önleyici Hizmetler"
COHESION = "Sosyal Uyum Hizmetleri"


def _area(name: str) -> WorkingArea | None:
    return (
        WorkingArea.objects.filter(name=name).first()
        or WorkingArea.objects.order_by("sort_order", "pk").first()
    )


def _overlapping_pair(first: Organisation, second: Organisation):
    """The planned or ongoing Kadıköy activities of the two organisations that overlap (same
    working area, intersecting dates, a shared target group); None when the activities demo has
    not made them."""
    live = Activity.objects.live().filter(district__slug="kadikoy", project__isnull=True)
    for own in live.filter(organisation=first).order_by("starts_on", "pk"):
        groups = own.target_groups.values("pk")
        theirs = (
            live.filter(
                organisation=second,
                working_area=own.working_area_id,
                starts_on__lte=own.ends_on,
                ends_on__gte=own.starts_on,
                target_groups__in=groups,
            )
            .order_by("starts_on", "pk")
            .first()
        )
        if theirs is not None:
            return own, theirs
    return None


def _link(project: Project, activity: Activity, by: User) -> int:
    if activity.project_id is not None:
        return 0
    projects.activity_link(project=project, activity=activity, by=by)
    return 1


def _kadikoy(orgs: dict, owners: dict, today: datetime.date) -> dict[str, int]:
    counts = {"project_partners": 0, "project_updates": 0, "project_files": 0, "linked": 0}
    pair = _overlapping_pair(orgs[UMUT], orgs[MODA])
    area = pair[0].working_area if pair else _area(PREVENTION)
    starts = min(pair[0].starts_on, pair[1].starts_on) if pair else today
    project = projects.project_propose(
        organisation=orgs[UMUT],
        by=owners[UMUT],
        data={
            "title": KADIKOY,
            "aims": (
                "Kadıköy'de aynı gençlere aynı dönemde ayrı ayrı ulaşmak yerine okul "
                "seminerlerini ve spor temelli önleme oturumlarını tek bir takvimde birleştirmek; "
                "gençleri ve aileleri Bağımlılık Danışma Birimleri ile ALO 191'e yönlendirmek."
            ),
            "description": (
                "Umut Işığı okul seminerlerini, Moda Gençlik spor temelli oturumları yürütür. "
                "Oturumlar ortak bir takvimle planlanır, sonuçlar çeyrek raporlarında birlikte "
                "izlenir. Katılımcılara ilişkin yalnızca toplam sayılar tutulur."
            ),
            "starts_on": starts - datetime.timedelta(days=14),
            "ends_on": starts + datetime.timedelta(days=270),
            "partner_roles_needed": (
                "Aile oturumları yürütebilecek bir kuruluş; gönüllü spor eğitmenleri."
            ),
            "working_areas": [area],
            "provinces": [Province.objects.get(code=34)],
        },
    )
    partner = projects.partner_invite(
        project=project,
        organisation=orgs[MODA],
        role="Spor temelli önleme oturumlarını yürütür.",
        message=(
            "Kadıköy'deki planlarımız aynı gençlere, aynı haftalarda ulaşıyor. Birlikte "
            "yürütmeyi öneriyoruz."
        ),
        by=owners[UMUT],
    )
    transition(partner, ProjectPartner.Status.ACCEPTED, by=owners[MODA])
    counts["project_partners"] += 1
    transition(project, Project.Status.ACTIVE, by=owners[UMUT])
    if pair:
        counts["linked"] += _link(project, pair[0], owners[UMUT])
        counts["linked"] += _link(project, pair[1], owners[MODA])
    projects.partner_request(
        project=project,
        organisation=orgs[ARAS],
        message=(
            "Iğdır'da gençlerle benzer bir spor ve önleme programı yürütüyoruz; deneyimlerimizi "
            "paylaşmak ve ortak materyal geliştirmek isteriz."
        ),
        by=owners[ARAS],
    )
    projects.partner_invite(
        project=project,
        organisation=orgs[BORNOVA],
        role="Aile oturumlarının materyalini hazırlar.",
        message="İzmir'deki aile programınızın materyalini Kadıköy'de de kullanmak isteriz.",
        by=owners[UMUT],
    )
    counts["project_partners"] += 2
    projects.update_post(
        project=project,
        organisation=orgs[UMUT],
        text=(
            "Ortak takvim hazır: okul seminerleri salı, spor oturumları cumartesi günleri. "
            "İlk ay iki lisede başlıyoruz."
        ),
        by=owners[UMUT],
    )
    projects.update_post(
        project=project,
        organisation=orgs[MODA],
        text=(
            "Moda sahilindeki spor alanı cumartesi sabahları için ayrıldı; 6 gönüllü eğitmen hazır."
        ),
        by=owners[MODA],
    )
    counts["project_updates"] += 2
    projects.file_upload(
        project=project,
        organisation=orgs[UMUT],
        upload=SimpleUploadedFile("ortak-takvim.pdf", DEMO_PDF, content_type="application/pdf"),
        title="Ortak oturum takvimi",
        by=owners[UMUT],
    )
    counts["project_files"] += 1
    return counts


def _izmir(orgs: dict, owners: dict, today: datetime.date) -> dict[str, int]:
    counts = {"project_partners": 0, "project_updates": 0, "project_files": 0, "linked": 0}
    project = projects.project_propose(
        organisation=orgs[EGE],
        by=owners[EGE],
        data={
            "title": IZMIR,
            "aims": (
                "Bornova'da tedavi sonrası sosyal uyum sürecindeki gençlerin aileleriyle aylık "
                "buluşmalar düzenlemek ve aileleri il sosyal hizmetlerine yönlendirmek."
            ),
            "description": "Aylık aile buluşmaları, gönüllü kolaylaştırıcılarla.",
            "starts_on": today - datetime.timedelta(days=330),
            "ends_on": today - datetime.timedelta(days=30),
            "partner_roles_needed": "",
            "working_areas": [_area(COHESION)],
            "provinces": [Province.objects.get(code=35)],
        },
    )
    partner = projects.partner_request(
        project=project,
        organisation=orgs[BORNOVA],
        message="Aile danışmanlarımızla buluşmaları birlikte yürütebiliriz.",
        by=owners[BORNOVA],
    )
    transition(partner, ProjectPartner.Status.ACCEPTED, by=owners[EGE])
    counts["project_partners"] += 1
    transition(project, Project.Status.ACTIVE, by=owners[EGE])
    projects.update_post(
        project=project,
        organisation=orgs[BORNOVA],
        text="On bir buluşma tamamlandı; ailelerden gelen öneriler ortak dosyada toplandı.",
        by=owners[BORNOVA],
    )
    counts["project_updates"] += 1
    done = Activity.objects.filter(
        Q(organisation=orgs[EGE]) | Q(organisation=orgs[BORNOVA]),
        province_id=35,
        status=Activity.Status.COMPLETED,
        project__isnull=True,
        ends_on__gte=project.starts_on,
        ends_on__lte=project.ends_on,
    ).order_by("starts_on", "pk")
    for organisation in (orgs[EGE], orgs[BORNOVA]):
        for activity in [a for a in done if a.organisation_id == organisation.pk][:2]:
            counts["linked"] += _link(project, activity, owners[organisation.legal_name])
    transition(project, Project.Status.COMPLETED, by=owners[EGE])
    return counts


def build() -> dict[str, int]:
    """Create the demo projects that do not exist yet; counts of what was made."""
    made = {"projects": 0, "project_partners": 0, "project_updates": 0, "project_files": 0}
    made["project_linked_activities"] = 0
    orgs = {org.legal_name: org for org in Organisation.objects.filter(legal_name__in=OWNERS)}
    owners = {name: User.objects.filter(email=email).first() for name, email in OWNERS.items()}
    if len(orgs) < len(OWNERS) or not all(owners.values()):
        return made  # the accreditation demo is not in this database
    today = timezone.localdate()
    for title, lead, maker in ((KADIKOY, UMUT, _kadikoy), (IZMIR, EGE, _izmir)):
        if Project.objects.filter(title=title, lead=orgs[lead]).exists():
            continue
        counts = maker(orgs, owners, today)
        made["projects"] += 1
        made["project_partners"] += counts["project_partners"]
        made["project_updates"] += counts["project_updates"]
        made["project_files"] += counts["project_files"]
        made["project_linked_activities"] += counts["linked"]
    return made
