import pytest
from django.db import IntegrityError

from core.models import ActivityType, AddictionType, District, Province, TargetGroup, WorkingArea

pytestmark = pytest.mark.django_db


def test_all_81_provinces_keyed_by_plate_code_and_973_districts():
    assert Province.objects.count() == 81
    assert set(Province.objects.values_list("code", flat=True)) == set(range(1, 82))
    assert District.objects.count() == 973
    assert Province.objects.get(code=34).name == "İstanbul"
    assert Province.objects.get(code=76).name == "Iğdır"
    assert Province.objects.get(code=18).slug == "cankiri"
    assert District.objects.filter(province_id=34).count() == 39
    assert District.objects.filter(province_id=6).count() == 25
    assert District.objects.filter(province_id=35).count() == 30


def test_provinces_sort_in_turkish_alphabetical_order_in_the_database():
    names = list(Province.objects.alphabetical().values_list("name", flat=True))
    assert names[:4] == ["Adana", "Adıyaman", "Afyonkarahisar", "Ağrı"]
    # Ç after C, I (dotless) before İ, Ş after S, Ü after U.
    assert names.index("Bursa") < names.index("Çanakkale") < names.index("Denizli")
    assert names.index("Hatay") < names.index("Iğdır") < names.index("Isparta")
    assert names.index("Isparta") < names.index("İstanbul") < names.index("İzmir")
    assert names.index("Sivas") < names.index("Şanlıurfa") < names.index("Tekirdağ")
    assert names.index("Uşak") < names.index("Van")
    assert names[-1] == "Zonguldak"


def test_districts_sort_in_turkish_order_within_a_province():
    names = list(
        District.objects.filter(province_id=34).alphabetical().values_list("name", flat=True)
    )
    assert names.index("Büyükçekmece") < names.index("Çatalca") < names.index("Esenler")
    assert names.index("Sultangazi") < names.index("Şile") < names.index("Şişli")


def test_district_names_are_unique_within_a_province():
    with pytest.raises(IntegrityError):
        District.objects.create(province_id=34, name="Kadıköy", slug="kadikoy-2")


def test_taxonomies_from_the_product_brief_in_turkish_and_english():
    assert list(WorkingArea.objects.values_list("name", flat=True)) == [
        "Koruyucu ve Önleyici Hizmetler",
        "Danışmanlık, Arındırma, Tedavi ve Rehabilitasyon Hizmetleri",
        "Sosyal Uyum Hizmetleri",
        "İletişim, İzleme ve Değerlendirme",
    ]
    assert TargetGroup.objects.count() == 12
    assert set(TargetGroup.objects.filter(is_sensitive=True).values_list("slug", flat=True)) == {
        "cocuklar",
        "tedavi-veya-iyilesme-surecindeki-kisiler",
    }
    assert AddictionType.objects.count() == 5
    assert ActivityType.objects.count() == 11
    for model in (WorkingArea, TargetGroup, AddictionType, ActivityType):
        assert not model.objects.filter(name_en="").exists()


def test_term_label_follows_the_active_language():
    from django.utils import translation

    area = WorkingArea.objects.get(slug="sosyal-uyum-hizmetleri")
    with translation.override("en"):
        assert area.label == "Social Cohesion Services"
    with translation.override("tr"):
        assert area.label == "Sosyal Uyum Hizmetleri"


def test_the_shipped_slugs_are_the_portals_own():
    """The data files carry their slugs so that migrations need no application code; they must
    be exactly what the portal's slug rule makes of each name."""
    import json
    from pathlib import Path

    from django.conf import settings

    from core.text import slugify_tr

    data = Path(settings.BASE_DIR)
    units = json.loads((data / "core/data/admin_units.json").read_text(encoding="utf-8"))
    for province in units["provinces"]:
        assert province["slug"] == slugify_tr(province["name"])
        for district in province["districts"]:
            assert district["slug"] == slugify_tr(district["name"]), district["name"]
    terms = json.loads((data / "core/data/taxonomies.json").read_text(encoding="utf-8"))
    for rows in (value for key, value in terms.items() if key != "source"):
        for term in rows:
            assert term["slug"] == slugify_tr(term["name"])
    volunteer = json.loads((data / "volunteers/data/reference.json").read_text(encoding="utf-8"))
    for key in ("skills", "languages", "trainings"):
        for term in volunteer[key]:
            assert term["slug"] == slugify_tr(term["name"])


def test_the_reference_data_migration_can_run_again_without_changing_anything():
    from importlib import import_module

    from django.apps import apps

    from core.models import ConsentPurpose, ConsentText

    migration = import_module("core.migrations.0003_reference_data")
    counts = [model.objects.count() for model in (Province, District, WorkingArea, TargetGroup)]
    texts = ConsentText.objects.count()
    migration.load_places(apps, None)
    migration.load_taxonomies(apps, None)
    migration.load_consent_purposes(apps, None)
    assert counts == [
        model.objects.count() for model in (Province, District, WorkingArea, TargetGroup)
    ]
    assert ConsentText.objects.count() == texts
    assert ConsentPurpose.objects.filter(key="volunteer_matching").exists()
