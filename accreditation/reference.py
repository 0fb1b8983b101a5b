"""Reference data shipped with the portal: places, taxonomies and consent purposes.

Loaded by migrations on every installation and re-applied (idempotently) by
``load_demo_data``. The functions take model classes so migrations can pass historical models.
"""

import json
from pathlib import Path

from .text import slugify_tr

ADMIN_UNITS_FILE = Path(__file__).resolve().parent / "data" / "admin_units.json"
PROVINCE_NEIGHBOURS_FILE = Path(__file__).resolve().parent / "data" / "province_neighbours.json"

# (Turkish, English, sensitive) — from the product brief.
WORKING_AREAS = [
    ("Koruyucu ve Önleyici Hizmetler", "Preventive and Protective Services"),
    (
        "Danışmanlık, Arındırma, Tedavi ve Rehabilitasyon Hizmetleri",
        "Counselling, Detoxification, Treatment and Rehabilitation Services",
    ),
    ("Sosyal Uyum Hizmetleri", "Social Cohesion Services"),
    ("İletişim, İzleme ve Değerlendirme", "Communication, Monitoring and Evaluation"),
]
TARGET_GROUPS = [
    ("Çocuklar", "Children", True),
    ("Ergenler ve gençler", "Adolescents and young people", False),
    ("Risk altındaki öğrenciler", "Students at risk", False),
    ("Aileler", "Families", False),
    ("Kadınlar", "Women", False),
    ("Yaşlılar", "Older people", False),
    ("Engelli bireyler", "People with disabilities", False),
    ("Tedavi veya iyileşme sürecindeki kişiler", "People in treatment or recovery", True),
    ("Göçmenler ve mülteciler", "Migrants and refugees", False),
    ("Ev sahibi toplum", "Host community", False),
    ("Mevsimlik tarım işçileri", "Seasonal agricultural workers", False),
    ("Kamu personeli", "Public staff", False),
]
ADDICTION_TYPES = [
    ("Madde", "Substances"),
    ("Alkol", "Alcohol"),
    ("Tütün", "Tobacco"),
    ("Kumar", "Gambling"),
    ("Teknoloji ve medya", "Technology and media"),
]
ACTIVITY_TYPES = [
    ("Farkındalık semineri", "Awareness seminar"),
    ("Eğitim", "Training"),
    ("Okul programı", "School programme"),
    ("Spor", "Sports"),
    ("Kültür ve sanat", "Culture and arts"),
    ("Ev ziyareti", "Home visit"),
    ("Psikososyal destek", "Psychosocial support"),
    ("Yönlendirme", "Referral"),
    ("İstihdam desteği", "Employment support"),
    ("Aile programı", "Family programme"),
    ("Kampanya günü", "Campaign day"),
]

# key: (name, name_en, text, text_en)
CONSENT_PURPOSES = {
    "email_updates": (
        "E-posta ile duyurular",
        "E-mail updates",
        "Kampanyalar, etkinlikler ve gönüllülük fırsatlarıyla ilgili duyuruların e-posta "
        "adresime gönderilmesine açık rıza veriyorum. Bu rızayı istediğim zaman hesabımdan "
        "geri alabilirim.",
        "I give my explicit consent to receive announcements about campaigns, events and "
        "volunteering opportunities by e-mail. I can withdraw this consent at any time from "
        "my account.",
    ),
    "volunteer_matching": (
        "Gönüllü eşleştirmesi",
        "Volunteer matching",
        "Gönüllü profilimdeki beceri, ilgi alanı, il ve ilçe ile uygunluk bilgilerimin beni "
        "sosyal uyum programlarına ve etkinliklere önermek amacıyla işlenmesine açık rıza "
        "veriyorum. Bu rızayı istediğim zaman geri alabilirim.",
        "I give my explicit consent to the processing of the skills, interests, province, "
        "district and availability in my volunteer profile in order to recommend me to "
        "social cohesion programmes and events. I can withdraw this consent at any time.",
    ),
    "ngo_contact": (
        "STK'ların benimle iletişime geçmesi",
        "Contact by NGOs",
        "Başvurduğum veya önerildiğim programları yürüten akredite sivil toplum "
        "kuruluşlarının benimle e-posta adresim üzerinden iletişime geçmesine açık rıza "
        "veriyorum. Bu rızayı istediğim zaman geri alabilirim.",
        "I give my explicit consent to accredited NGOs that run programmes I applied or was "
        "recommended to contacting me at my e-mail address. I can withdraw this consent at "
        "any time.",
    ),
    "public_name": (
        "Adımın herkese açık gösterilmesi",
        "Showing my name publicly",
        "Adımın ve soyadımın portalın herkese açık sayfalarında (örneğin gönüllü ve "
        "katılımcı listelerinde) gösterilmesine açık rıza veriyorum. Bu rızayı istediğim "
        "zaman geri alabilirim.",
        "I give my explicit consent to my full name being shown on the portal's public pages "
        "(for example in volunteer and participant lists). I can withdraw this consent at "
        "any time.",
    ),
}


def load_admin_units(Province, District) -> tuple[int, int]:
    """Create or update the 81 provinces and 973 districts. Returns (provinces, districts)."""
    data = json.loads(ADMIN_UNITS_FILE.read_text(encoding="utf-8"))
    existing = set(District.objects.values_list("province_id", "slug"))
    new_districts = []
    for item in data["provinces"]:
        province, _created = Province.objects.update_or_create(
            code=item["plate_code"],
            defaults={"name": item["name"], "slug": slugify_tr(item["name"])},
        )
        for district in item["districts"]:
            slug = slugify_tr(district["name"])
            if (province.code, slug) not in existing:
                new_districts.append(
                    District(province_id=province.code, name=district["name"], slug=slug)
                )
    District.objects.bulk_create(new_districts, batch_size=500)
    return Province.objects.count(), District.objects.count()


def province_neighbour_pairs() -> set[tuple[int, int]]:
    """Every (province, neighbour) plate-code pair from the file, in both directions."""
    data = json.loads(PROVINCE_NEIGHBOURS_FILE.read_text(encoding="utf-8"))
    pairs = set()
    for code, neighbours in data["neighbours"].items():
        for other in neighbours:
            pairs.add((int(code), other))
            pairs.add((other, int(code)))
    return pairs


def load_province_neighbours(Province) -> int:
    """Add the land-border neighbours of the 81 provinces (both directions of the symmetric
    relation); rows already there are kept. Returns the number of neighbouring pairs."""
    Through = Province.neighbours.through
    existing = set(Through.objects.values_list("from_province_id", "to_province_id"))
    pairs = province_neighbour_pairs()
    Through.objects.bulk_create(
        Through(from_province_id=a, to_province_id=b) for a, b in sorted(pairs - existing)
    )
    return len(pairs) // 2


def load_taxonomies(WorkingArea, TargetGroup, AddictionType, ActivityType) -> None:
    """Create missing taxonomy terms; never overwrite what staff have edited."""
    for model, rows in (
        (WorkingArea, WORKING_AREAS),
        (AddictionType, ADDICTION_TYPES),
        (ActivityType, ACTIVITY_TYPES),
    ):
        for order, (name, name_en) in enumerate(rows, start=1):
            model.objects.get_or_create(
                slug=slugify_tr(name),
                defaults={"name": name, "name_en": name_en, "sort_order": order},
            )
    for order, (name, name_en, sensitive) in enumerate(TARGET_GROUPS, start=1):
        TargetGroup.objects.get_or_create(
            slug=slugify_tr(name),
            defaults={
                "name": name,
                "name_en": name_en,
                "sort_order": order,
                "is_sensitive": sensitive,
            },
        )


def load_consent_purposes(ConsentPurpose, ConsentText) -> None:
    """Create missing purposes with their first text version."""
    for order, (key, (name, name_en, body, body_en)) in enumerate(
        CONSENT_PURPOSES.items(), start=1
    ):
        purpose, _created = ConsentPurpose.objects.get_or_create(
            key=key, defaults={"name": name, "name_en": name_en, "sort_order": order}
        )
        if not ConsentText.objects.filter(purpose=purpose).exists():
            ConsentText.objects.create(purpose=purpose, version=1, body=body, body_en=body_en)


def load_standard(Standard, CriterionGroup, Criterion, *, published_at) -> None:
    """Create version 1 of the accreditation standard from ``standards_seed`` if missing."""
    from . import standards_seed as seed

    data = seed.STANDARD
    if Standard.objects.filter(code=data["code"], version=data["version"]).exists():
        return
    standard = Standard.objects.create(
        code=data["code"],
        version=data["version"],
        title=data["title"],
        title_en=data["title_en"],
        introduction=data["introduction"],
        introduction_en=data["introduction_en"],
        published_at=published_at,
    )
    for group_order, group in enumerate(seed.GROUPS, start=1):
        group_row = CriterionGroup.objects.create(
            standard=standard,
            code=group["code"],
            title=group["title"],
            title_en=group["title_en"],
            sort_order=group_order,
        )
        Criterion.objects.bulk_create(
            Criterion(
                group=group_row,
                code=item["code"],
                title=item["title"],
                title_en=item["title_en"],
                guidance=item["guidance"],
                guidance_en=item["guidance_en"],
                required_evidence=item["required_evidence"],
                required_evidence_en=item["required_evidence_en"],
                levels={str(score): list(texts) for score, texts in item["levels"].items()},
                weight=item["weight"],
                mandatory=item["mandatory"],
                sort_order=order,
            )
            for order, item in enumerate(group["criteria"], start=1)
        )
