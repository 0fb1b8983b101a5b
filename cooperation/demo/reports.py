"""Demo indicators, targets and quarterly reports.

Performance indicators for each of the four working areas (computed from activities, and one
entered by hand), targets for İstanbul, İzmir and Iğdır for every quarter of last year and this
year (set by each province's coordinator), hand-entered values for the quarters that have
ended, and quarterly reports for the last ended quarter: sent by most accredited demo
organisations, one still a draft (Bornova Aile ve Gençlik Vakfı) and one missing (Aras Gençlik
ve Aile Derneği). Everything goes through ``cooperation.indicators`` and
``cooperation.reports``; running it twice makes nothing new.
"""

from decimal import Decimal

from django.utils import timezone

from accreditation.models import Membership, Organisation
from core.models import ActivityType, Province, RoleAssignment, StaffRole, WorkingArea

from ..indicators import (
    indicator_save,
    last_ended_quarter,
    quarter_has_ended,
    target_set,
    value_set,
)
from ..models import Indicator, IndicatorValue, QuarterlyReport, Target
from ..reports import report_start, report_submit, report_update

M = Indicator.Method
UMUT = "Umut Işığı Gençlik ve Dayanışma Derneği"
MODA = "Moda Gençlik ve Spor Kulübü Derneği"
EGE = "Ege Yeşil Yaşam Derneği"
BORNOVA = "Bornova Aile ve Gençlik Vakfı"
ARAS = "Aras Gençlik ve Aile Derneği"
ADMIN_EMAIL = "admin@demo.example"

# (working area order, name, name_en, unit, unit_en, method, activity type name or None,
#  quarterly target in İstanbul)
INDICATORS = [
    (
        1,
        "Önleme çalışmalarıyla ulaşılan kişi",
        "People reached by prevention work",
        "kişi",
        "people",
        M.PEOPLE_REACHED,
        None,
        400,
    ),
    (
        1,
        "Tamamlanan okul programı",
        "School programmes completed",
        "faaliyet",
        "activities",
        M.ACTIVITIES,
        "Okul programı",
        4,
    ),
    (
        2,
        "Sunulan psikososyal destek ve danışmanlık hizmeti",
        "Psychosocial support and counselling services delivered",
        "hizmet",
        "services",
        M.SERVICES,
        None,
        150,
    ),
    (
        2,
        "Tedavi ve danışmanlık birimlerine yönlendirilen kişi",
        "People referred to treatment and counselling units",
        "kişi",
        "people",
        M.MANUAL,
        None,
        30,
    ),
    (
        3,
        "Sosyal uyum çalışmalarıyla ulaşılan tekil kişi",
        "Unique people reached by social cohesion work",
        "kişi",
        "people",
        M.UNIQUE_PEOPLE_REACHED,
        None,
        120,
    ),
    (
        3,
        "Sosyal uyum çalışmalarında gönüllü saati",
        "Volunteer hours in social cohesion work",
        "saat",
        "hours",
        M.VOLUNTEER_HOURS,
        None,
        200,
    ),
    (
        4,
        "İletişim ve izleme çalışması yürüten kuruluş",
        "Organisations doing communication and monitoring work",
        "kuruluş",
        "organisations",
        M.ORGANISATIONS,
        None,
        3,
    ),
]
# Province → (coordinator e-mail, share of İstanbul's targets).
PROVINCES = {
    34: ("coordinator@demo.example", Decimal("1")),
    35: ("koordinator.izmir@demo.example", Decimal("0.6")),
    76: ("koordinator.igdir@demo.example", Decimal("0.25")),
}
# Referrals entered by hand per province and quarter (İl Sağlık Müdürlüğü figures shared in
# the coordination meetings), as a share of the target.
REFERRAL_SOURCE = "İl Sağlık Müdürlüğü ve kuruluşların bildirimleri"
REFERRAL_SHARE = {1: Decimal("0.8"), 2: Decimal("1.1"), 3: Decimal("0.9"), 4: Decimal("1.2")}

REPORTS = {
    UMUT: (
        "submitted",
        "Bu çeyrek sahada tamamlanan bir faaliyetimiz olmadı; okul yılına hazırlık yaptık. "
        "Kadıköy'deki liselerle akran eğitimi takvimini belirledik ve Moda Gençlik ile ortak "
        "çalışma için görüşmelere başladık.",
        "Okulların yaz tatilinde olması nedeniyle oturumlar Ekim ayına kaldı.",
        "Ekim ayında veli buluşmalarını Moda'daki gençlik merkezinde sürdüreceğiz.",
    ),
    MODA: (
        "submitted",
        "Yaz boyunca gençlere yönelik spor atölyeleri düzenledik; gönüllü antrenörler açık "
        "saha etkinliklerini yürüttü.",
        "Sahanın bakım çalışmaları nedeniyle Ağustos'ta iki hafta ara verildi.",
        "Sonbaharda okul takımlarıyla ortak turnuva planlanıyor.",
    ),
    EGE: (
        "submitted",
        "Bornova'da ailelere yönelik farkındalık seminerleri ve doğa yürüyüşleri düzenledik; "
        "seminerlerden sonra isteyen ailelere danışmanlık birimlerinin bilgisi verildi.",
        "Ulaşım desteği bulunamadığı için kırsal mahallelere yalnızca bir kez gidilebildi.",
        "İlçe Milli Eğitim Müdürlüğü ile okul programı takvimi netleştirilecek.",
    ),
    BORNOVA: (
        "draft",
        "Aile programının ilk modülü tamamlandı.",
        "",
        "",
    ),
    # ARAS: no report for the last ended quarter (shows as missing to the coordinator).
}


def _user(email):
    from core.models import User

    return User.objects.filter(email=email).first()


def _admin():
    admin = _user(ADMIN_EMAIL)
    if admin is None:
        assignment = (
            RoleAssignment.objects.filter(role=StaffRole.ADMIN).select_related("user").first()
        )
        admin = assignment.user if assignment else None
    return admin


def _owner(organisation):
    membership = (
        Membership.objects.managing()
        .filter(organisation=organisation)
        .select_related("user")
        .order_by("role", "pk")
        .first()
    )
    return membership.user if membership else None


def _indicators(admin) -> tuple[list[Indicator], int]:
    areas = {area.sort_order: area for area in WorkingArea.objects.all()}
    types = {t.name: t for t in ActivityType.objects.all()}
    made, created = [], 0
    for order, (area_order, name, name_en, unit, unit_en, method, type_name, _base) in enumerate(
        INDICATORS, start=1
    ):
        indicator = Indicator.objects.filter(name=name).first()
        if indicator is None:
            indicator = indicator_save(
                data={
                    "name": name,
                    "name_en": name_en,
                    "working_area": areas[area_order],
                    "unit": unit,
                    "unit_en": unit_en,
                    "method": method,
                    "activity_type": types.get(type_name) if type_name else None,
                    "sort_order": order,
                    "description": (
                        "İl koordinatörü, il sağlık müdürlüğü ve kuruluşların bildirdiği "
                        "yönlendirme sayısını çeyrek sonunda girer."
                        if method == M.MANUAL
                        else ""
                    ),
                    "is_active": True,
                },
                by=admin,
            )
            created += 1
        made.append(indicator)
    return made, created


def _target_value(base: int, share: Decimal, quarter: int) -> Decimal:
    # Targets grow a little through the year; rounded to whole units.
    value = Decimal(base) * share * (Decimal("0.9") + Decimal("0.05") * quarter)
    return max(value.quantize(Decimal("1")), Decimal("1"))


def _targets_and_values(indicators) -> tuple[int, int]:
    year = timezone.localdate().year
    targets_made = values_made = 0
    bases = {row[1]: row[7] for row in INDICATORS}
    for code, (email, share) in PROVINCES.items():
        coordinator = _user(email)
        if coordinator is None:
            continue
        province = Province.objects.get(code=code)
        for indicator in indicators:
            for target_year in (year - 1, year):
                for quarter in range(1, 5):
                    value = _target_value(bases[indicator.name], share, quarter)
                    exists = Target.objects.filter(
                        indicator=indicator, province=province, year=target_year, quarter=quarter
                    ).exists()
                    if not exists:
                        target_set(
                            indicator=indicator,
                            province=province,
                            year=target_year,
                            quarter=quarter,
                            value=value,
                            by=coordinator,
                        )
                        targets_made += 1
                    if (
                        indicator.method == M.MANUAL
                        and quarter_has_ended(target_year, quarter)
                        and not IndicatorValue.objects.filter(
                            indicator=indicator,
                            province=province,
                            year=target_year,
                            quarter=quarter,
                        ).exists()
                    ):
                        value_set(
                            indicator=indicator,
                            province=province,
                            year=target_year,
                            quarter=quarter,
                            value=(value * REFERRAL_SHARE[quarter]).quantize(Decimal("1")),
                            source=REFERRAL_SOURCE,
                            by=coordinator,
                        )
                        values_made += 1
    return targets_made, values_made


def _reports() -> tuple[int, int]:
    year, quarter = last_ended_quarter()
    started = submitted = 0
    for name, (status, highlights, challenges, next_steps) in REPORTS.items():
        organisation = Organisation.objects.filter(legal_name=name).first()
        owner = _owner(organisation) if organisation else None
        if owner is None:
            continue
        if QuarterlyReport.objects.filter(
            organisation=organisation, year=year, quarter=quarter
        ).exists():
            continue
        report = report_start(organisation=organisation, year=year, quarter=quarter, by=owner)
        report_update(
            report=report,
            data={"highlights": highlights, "challenges": challenges, "next_steps": next_steps},
            by=owner,
        )
        started += 1
        if status == "submitted":
            report_submit(report=report, by=owner)
            submitted += 1
    return started, submitted


def build() -> dict[str, int]:
    admin = _admin()
    if admin is None:
        return {"indicators": 0, "targets": 0, "indicator_values": 0, "quarterly_reports": 0}
    indicators, indicators_made = _indicators(admin)
    targets_made, values_made = _targets_and_values(indicators)
    started, submitted = _reports()
    return {
        "indicators": indicators_made,
        "targets": targets_made,
        "indicator_values": values_made,
        "quarterly_reports": started,
        "quarterly_reports_submitted": submitted,
    }
