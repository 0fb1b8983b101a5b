"""Public province pages: the map with its measures, the table and CSV, one page per province,
and loading the official service figures and populations."""

import datetime
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from accreditation.factories import OrganisationFactory
from cooperation import provinces
from cooperation.factories import ActivityFactory
from cooperation.models import Activity, ProvincePopulation, ServiceFigure
from core.models import District, Province
from events.factories import EventFactory
from events.models import Event
from volunteers.factories import ProgramFactory
from volunteers.models import Program

pytestmark = pytest.mark.django_db

SHIPPED_FIGURES = (
    Path(django_settings.BASE_DIR) / "cooperation" / "data" / ("province_service_stats.json")
)
MAP_URL = "/provinces/"


def izmir():
    return Province.objects.get(code=35)


def bornova():
    return District.objects.get(province_id=35, slug="bornova")


def izmir_org(**kwargs):
    kwargs.setdefault("accredited", True)
    return OrganisationFactory(province=izmir(), district=bornova(), **kwargs)


def public_activity(organisation, **kwargs):
    today = timezone.localdate()
    defaults = {
        "organisation": organisation,
        "province": organisation.province,
        "district": organisation.district,
        "visibility": Activity.Visibility.PUBLIC,
        "status": Activity.Status.COMPLETED,
        "starts_on": today - datetime.timedelta(days=40),
        "ends_on": today - datetime.timedelta(days=39),
    }
    defaults.update(kwargs)
    return ActivityFactory(**defaults)


def map_link_labels(html: str) -> dict[str, str]:
    """province slug -> aria-label of its link on the map."""
    return dict(
        re.findall(
            r'<a class="map-province[^"]*" href="/provinces/([a-z-]+)/" aria-label="([^"]+)"', html
        )
    )


def small_figures_file(tmp_path, **changes) -> Path:
    data = {
        "provinces": {
            "igdir": {"plate_code": 76, "as_of": "2024-05", "booklet_issue": "2024-2"},
            "izmir": {"plate_code": 35, "as_of": "2024-09", "booklet_issue": "2024-3"},
        },
        "metrics": [
            {
                "key": "shm_count",
                "program_area": "aile_toplum",
                "label_tr": "Sosyal Hizmet Merkezi (SHM) sayısı",
                "label_en": "Social Service Centres",
                "unit": "adet",
                "kind": "stock",
                "since_year": None,
                "values": {"igdir": 2, "izmir": 15},
            },
            {
                "key": "asdep_households",
                "program_area": "aile_toplum",
                "label_tr": "ASDEP kapsamında ulaşılan hane",
                "label_en": "ASDEP households reached",
                "unit": "hane",
                "kind": "cumulative",
                "since_year": 2017,
                "values": {"igdir": 28681, "izmir": 316262},
            },
            {
                "key": "disaster_events",
                "program_area": "afet_psikososyal",
                "label_tr": "Müdahale edilen afet ve acil durum sayısı",
                "label_en": "Disasters/emergencies responded",
                "unit": "adet",
                "kind": "cumulative",
                "since_year": 2013,
                "values": {"igdir": None, "izmir": 11},
            },
        ],
    }
    data.update(changes)
    path = tmp_path / "figures.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# --- The shipped map ---------------------------------------------------------------------------


def test_the_map_file_has_one_path_for_each_of_the_81_provinces_and_stays_small():
    view_box, shapes = provinces.map_shapes()
    assert sorted(shapes) == list(range(1, 82))
    assert all(shape.startswith("M") and shape.endswith("Z") for shape in shapes.values())
    assert view_box.startswith("0 0 1000 ")
    assert provinces.MAP_FILE.stat().st_size < 80_000
    assert (provinces.MAP_FILE.parent / "SOURCE.md").exists()


def test_the_map_builder_matches_natural_earth_misspellings_to_plate_codes():
    from cooperation.data import build_map

    plates = {
        build_map.fold(item["name"]): item["plate_code"]
        for item in json.loads(build_map.ADMIN_UNITS.read_text(encoding="utf-8"))["provinces"]
    }
    for natural_earth, plate in [("Zinguldak", 67), ("Kinkkale", 71), ("K. Maras", 46)]:
        key = build_map.fold(natural_earth)
        assert plates[build_map.ALIASES.get(key, key)] == plate
    for natural_earth, plate in [("Iğdir", 76), ("Gümüshane", 29), ("Sanliurfa", 63)]:
        assert plates[build_map.fold(natural_earth)] == plate
    assert len(plates) == 81


def test_douglas_peucker_keeps_the_corners_and_drops_what_lies_on_a_line():
    from cooperation.data import build_map

    line = [(0, 0), (1, 0.1), (2, 0), (3, 5), (4, 0)]
    assert build_map.douglas_peucker(line, 0.3) == [(0, 0), (2, 0), (3, 5), (4, 0)]


# --- Classes ----------------------------------------------------------------------------------


def test_quantile_breaks_leave_zero_and_no_data_out_and_merge_equal_values():
    assert provinces.quantile_breaks([0, None, 0]) == []
    assert provinces.quantile_breaks([1, 1, 1, 0]) == [1]
    assert provinces.quantile_breaks(list(range(0, 11))) == [2, 4, 6, 8, 10]
    assert provinces.quantile_breaks([1, 2, 3]) == [1, 2, 3]


# --- The map page -----------------------------------------------------------------------------


def test_every_province_is_a_link_on_the_map_named_with_its_figure(client):
    for _ in range(3):
        izmir_org()
    izmir_org(accredited=False)
    izmir_org(expired=True)
    OrganisationFactory(accredited=True)  # İstanbul

    response = client.get(MAP_URL)

    assert response.status_code == 200
    html = response.content.decode()
    labels = map_link_labels(html)
    assert len(labels) == 81
    assert labels["izmir"] == "İzmir: 3 akredite kuruluş"
    assert labels["istanbul"] == "İstanbul: 1 akredite kuruluş"
    assert labels["igdir"] == "Iğdır: 0 akredite kuruluş"
    assert html.count('<path id="il-') == 81
    # Links follow Turkish alphabetical order (Ç after C, I before İ).
    order = list(labels)
    assert order.index("bursa") < order.index("canakkale") < order.index("denizli")
    assert order.index("igdir") < order.index("isparta") < order.index("istanbul")


def test_each_measure_counts_only_what_the_public_may_see(client):
    organisation = izmir_org()
    today = timezone.localdate()
    public_activity(organisation)
    public_activity(organisation, status=Activity.Status.ONGOING, ends_on=today)
    public_activity(organisation, visibility=Activity.Visibility.PLATFORM)
    public_activity(organisation, status=Activity.Status.CANCELLED)
    public_activity(  # more than a year ago
        organisation,
        starts_on=today - datetime.timedelta(days=500),
        ends_on=today - datetime.timedelta(days=499),
    )
    public_activity(izmir_org(expired=True))  # a lapsed accreditation takes listings down
    EventFactory(province=izmir())
    EventFactory(province=izmir(), status=Event.Status.DRAFT)
    EventFactory(
        province=izmir(),
        starts_at=timezone.now() - datetime.timedelta(days=3),
        ends_at=timezone.now() - datetime.timedelta(days=2),
    )
    ProgramFactory(province=izmir(), district=bornova(), organisation=organisation)
    ProgramFactory(
        province=izmir(),
        district=bornova(),
        organisation=organisation,
        status=Program.Status.DRAFT,
        slug="taslak-program",
    )

    counts = {
        key: provinces.province_counts()[key].get(35, 0)
        for key in ("organisations", "activities", "events", "programs")
    }
    assert counts == {"organisations": 1, "activities": 2, "events": 1, "programs": 1}

    labels = map_link_labels(client.get(MAP_URL, {"measure": "activities"}).content.decode())
    assert labels["izmir"] == "İzmir: 2 herkese açık faaliyet (son 12 ay)"
    labels = map_link_labels(client.get(MAP_URL, {"measure": "events"}).content.decode())
    assert labels["izmir"] == "İzmir: 1 yaklaşan etkinlik"
    labels = map_link_labels(client.get(MAP_URL, {"measure": "programs"}).content.decode())
    assert labels["izmir"] == "İzmir: 1 açık program"


def test_the_legend_follows_the_chosen_measure_and_keeps_zero_apart(client):
    izmir_org()
    html = client.get(MAP_URL).content.decode()
    assert "Lejant: Akredite kuruluşlar" in html
    assert 'class="map-province map-fill-3" href="/provinces/izmir/"' in html
    assert 'class="map-province map-zero" href="/provinces/igdir/"' in html
    assert "(80 il)" in html  # the zero class

    html = client.get(MAP_URL, {"measure": "events", "mode": "total"}).content.decode()
    assert "Lejant: Yaklaşan etkinlikler" in html
    assert "map-fill-" not in html.split('<svg class="map-svg"')[1].split("</svg>")[0]


def test_per_100000_people_says_no_data_where_no_population_is_loaded(client):
    for _ in range(3):
        izmir_org()
    ProvincePopulation.objects.create(
        province=izmir(), population=4_479_525, year=2024, source="TÜİK ADNKS 2024"
    )
    ProvincePopulation.objects.create(
        province=Province.objects.get(code=76), population=203_594, year=2024, source="TÜİK"
    )

    response = client.get(MAP_URL, {"measure": "organisations", "mode": "per100k"})

    html = response.content.decode()
    labels = map_link_labels(html)
    assert labels["izmir"] == "İzmir: 100.000 kişide 0,1 (Akredite kuruluşlar)"
    assert labels["igdir"] == "Iğdır: 100.000 kişide 0,0 (Akredite kuruluşlar)"
    assert labels["ankara"] == "Ankara: nüfus verisi yok"
    assert 'class="map-province map-nodata" href="/provinces/ankara/"' in html
    assert 'class="map-province map-zero" href="/provinces/igdir/"' in html
    assert "nüfus verisi yok" in html and "(79 il)" in html


def test_per_100000_people_without_any_population_explains_itself(client):
    html = client.get(MAP_URL, {"mode": "per100k"}).content.decode()
    assert "Henüz hiçbir il için resmî nüfus verisi yüklenmedi" in html
    assert set(map_link_labels(html).values()) == {
        f"{p.name}: nüfus verisi yok" for p in Province.objects.all()
    }


def test_a_wrong_choice_in_the_address_shows_a_message_and_the_default_map(client):
    response = client.get(MAP_URL, {"measure": "drop table", "mode": "total"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Geçerli bir seçenek seçin" in html
    assert len(map_link_labels(html)) == 81
    assert "Lejant: Akredite kuruluşlar" in html


def test_the_form_works_without_javascript_and_keeps_the_choice(client):
    html = client.get(MAP_URL, {"measure": "programs", "mode": "per100k"}).content.decode()
    assert 'method="get"' in html
    assert re.search(r'<option value="programs" selected>', html)
    assert re.search(r'value="per100k"[^>]*checked', html)
    assert 'href="/provinces/map.csv?measure=programs&amp;mode=per100k&amp;sort=name"' in html


def table_order(html: str) -> list[str]:
    table = html.split("<table>")[1]
    return re.findall(r'<th scope="row"><a href="/provinces/([a-z-]+)/">', table)


def test_the_table_lists_all_81_provinces_and_sorts_by_a_column(client):
    izmir_org()
    izmir_org()
    OrganisationFactory(accredited=True)
    html = client.get(MAP_URL).content.decode()
    order = table_order(html)
    assert len(order) == 81
    assert order[:3] == ["adana", "adiyaman", "afyonkarahisar"]
    assert order.index("cankiri") < order.index("corum") < order.index("denizli")

    html = client.get(MAP_URL, {"sort": "-organisations"}).content.decode()
    assert table_order(html)[:3] == ["izmir", "istanbul", "adana"]
    assert 'aria-sort="descending"' in html

    html = client.get(MAP_URL, {"sort": "plate"}).content.decode()
    assert table_order(html)[:2] == ["adana", "adiyaman"] and table_order(html)[-1] == "duzce"

    html = client.get(MAP_URL, {"sort": "-name"}).content.decode()
    assert table_order(html)[0] == "zonguldak"


def test_sorting_by_rate_puts_no_data_last():
    ProvincePopulation.objects.create(province=izmir(), population=100, year=2024, source="x")
    izmir_org()
    data = provinces.province_map(measure="organisations", mode="per100k", sort="-rate")
    assert data.table_rows[0].province.code == 35
    assert data.table_rows[0].value == Decimal("1000.0")
    data = provinces.province_map(measure="organisations", mode="per100k", sort="rate")
    assert data.table_rows[0].province.code == 35  # the only known value comes first


def test_the_table_as_csv_has_every_province_and_the_same_figures(client):
    izmir_org()
    ProvincePopulation.objects.create(
        province=izmir(), population=4_479_525, year=2024, source="TÜİK ADNKS 2024"
    )

    response = client.get(reverse("province_table_csv"), {"sort": "-organisations"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffPlaka,İl,Akredite kuruluşlar,")
    lines = text.strip().splitlines()
    assert len(lines) == 82
    assert lines[1] == '35,İzmir,1,0,0,0,"0,0","0,0","0,0","0,0",4479525,2024,TÜİK ADNKS 2024'
    assert lines[2].startswith("1,Adana,0,0,0,0,,,,,,,")


def test_the_map_page_needs_the_same_number_of_queries_whatever_the_data(client):
    def build(count):
        for index in range(count):
            organisation = izmir_org() if index % 2 else OrganisationFactory(accredited=True)
            public_activity(organisation)
            EventFactory(province=organisation.province)
            ProgramFactory(
                organisation=organisation,
                province=organisation.province,
                district=organisation.district,
            )
        ProvincePopulation.objects.update_or_create(
            province=izmir(), defaults={"population": 1000 + count, "year": 2024, "source": "x"}
        )

    def queries(params):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(MAP_URL, params).status_code == 200
        return len(captured)

    build(2)
    queries({})  # caches the site and settings, as any earlier visit would
    few = queries({"mode": "per100k"}), queries({"measure": "activities"})
    build(8)
    many = queries({"mode": "per100k"}), queries({"measure": "activities"})
    assert few == many
    with CaptureQueriesContext(connection) as captured:
        client.get(reverse("province_table_csv"), {"mode": "per100k"})
    assert len(captured) == 5  # four measures and the provinces with their population


# --- One province -----------------------------------------------------------------------------


def test_an_unknown_province_is_not_found(client):
    assert client.get("/provinces/atlantis/").status_code == 404


def test_each_of_the_81_provinces_has_a_page(client):
    for province in Province.objects.all():
        assert client.get(f"/provinces/{province.slug}/").status_code == 200


def test_the_province_page_lists_what_the_public_may_see(client):
    organisation = izmir_org(legal_name="Bornova Aile ve Gençlik Vakfı")
    izmir_org(accredited=False, legal_name="Karşıyaka Sosyal Uyum Derneği")
    public_activity(organisation, title="Okul bahçesinde spor şenliği", people_reached=120)
    public_activity(
        organisation,
        title="Kurum içi planlama toplantısı",
        visibility=Activity.Visibility.PLATFORM,
    )
    EventFactory(province=izmir(), title="Bornova farkındalık semineri")
    EventFactory(province=izmir(), title="Taslak etkinlik", status=Event.Status.DRAFT)
    ProgramFactory(
        province=izmir(), district=bornova(), organisation=organisation, title="Mahalle atölyesi"
    )

    html = client.get("/provinces/izmir/").content.decode()

    assert "İzmir il profili" in html
    assert "Bornova Aile ve Gençlik Vakfı" in html
    assert "Karşıyaka Sosyal Uyum Derneği" not in html
    assert "Okul bahçesinde spor şenliği" in html and "ulaşılan kişi: 120" in html
    assert "Kurum içi planlama toplantısı" not in html
    assert "Bornova farkındalık semineri" in html
    assert "Taslak etkinlik" not in html
    assert "Mahalle atölyesi" in html
    assert f'href="/organisations/{organisation.slug}/"' in html
    assert 'href="/organisations/?province=35"' in html


def test_a_platform_only_activity_never_appears_on_a_public_province_page(client):
    organisation = izmir_org()
    public_activity(
        organisation, title="Gizli koordinasyon notu", visibility=Activity.Visibility.PLATFORM
    )
    for url in ("/provinces/izmir/", MAP_URL, reverse("province_table_csv")):
        assert "Gizli koordinasyon notu" not in client.get(url).content.decode()
    assert (
        map_link_labels(client.get(MAP_URL, {"measure": "activities"}).content.decode())["izmir"]
        == "İzmir: 0 herkese açık faaliyet (son 12 ay)"
    )


def test_booklet_figures_show_value_source_and_date_and_no_data_differs_from_zero(client, tmp_path):
    provinces.load_service_figures(small_figures_file(tmp_path))
    ServiceFigure.objects.create(
        province=izmir(),
        key="zero_figure",
        program_area="bagimlilik",
        label="Sıfır olan gösterge",
        label_en="A zero figure",
        unit="kişi",
        kind="stock",
        value=0,
        as_of=datetime.date(2024, 9, 1),
        source="Deneme kaynağı",
        sort_order=99,
    )

    html = client.get("/provinces/izmir/").content.decode()

    assert "Aile ve toplum hizmetleri" in html
    assert "316.262" in html
    assert "2017 yılından bu yana toplam" in html
    assert (
        "Kaynak: Aile ve Sosyal Hizmetler Bakanlığı, İzmir İli Bilgilendirme Kitapçığı 2024-3 "
        "(Eylül 2024); veri tarihi: Eylül 2024"
    ) in html
    zero = html.split("Sıfır olan gösterge")[1].split("</li>")[0]
    assert ">\n" in zero and '0 <span class="figure-item__unit">kişi</span>' in zero
    assert "veri yok" not in zero

    html = client.get("/provinces/igdir/").content.decode()
    disaster = html.split("Müdahale edilen afet ve acil durum sayısı")[1].split("</li>")[0]
    assert "veri yok" in disaster
    assert "28.681" in html


def test_a_province_without_figures_says_so(client):
    html = client.get("/provinces/ankara/").content.decode()
    assert "Ankara için henüz resmî sosyal hizmet verisi yüklenmedi." in html
    assert "Bu il için resmî nüfus verisi yüklenmedi." in html


def test_the_province_page_shows_its_population_with_the_source(client):
    ProvincePopulation.objects.create(
        province=izmir(), population=4_479_525, year=2024, source="TÜİK ADNKS 2024"
    )
    html = client.get("/provinces/izmir/").content.decode()
    assert "Nüfus: 4.479.525 (2024; kaynak: TÜİK ADNKS 2024)." in html


def test_the_english_page_uses_the_english_figure_labels(client, tmp_path):
    provinces.load_service_figures(small_figures_file(tmp_path))
    with translation.override("en"):
        url = reverse("province_detail", args=["izmir"])
    assert url == "/en/provinces/izmir/"
    html = client.get(url).content.decode()
    assert "ASDEP households reached" in html
    assert "316,262" in html


def test_the_province_page_needs_the_same_number_of_queries_whatever_the_data(client, tmp_path):
    provinces.load_service_figures(small_figures_file(tmp_path))

    def build(count):
        for _ in range(count):
            organisation = izmir_org()
            public_activity(organisation)
            EventFactory(province=izmir())
            ProgramFactory(organisation=organisation, province=izmir(), district=bornova())

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/provinces/izmir/").status_code == 200
        return len(captured)

    build(2)
    queries()  # caches the site and settings, as any earlier visit would
    few = queries()
    build(8)
    assert queries() == few


# --- Loading the official figures ---------------------------------------------------------------


def test_loading_service_figures_stores_every_value_and_is_idempotent(tmp_path):
    path = small_figures_file(tmp_path)

    assert provinces.load_service_figures(path) == 6
    assert provinces.load_service_figures(path) == 6

    assert ServiceFigure.objects.count() == 6
    figure = ServiceFigure.objects.get(province_id=35, key="asdep_households")
    assert figure.value == Decimal("316262")
    assert figure.label_en == "ASDEP households reached"
    assert figure.since_year == 2017
    assert figure.as_of == datetime.date(2024, 9, 1)
    assert figure.source == (
        "Aile ve Sosyal Hizmetler Bakanlığı, İzmir İli Bilgilendirme Kitapçığı 2024-3 (Eylül 2024)"
    )
    assert ServiceFigure.objects.get(province_id=76, key="disaster_events").value is None
    assert ServiceFigure.objects.get(province_id=76, key="shm_count").as_of == datetime.date(
        2024, 5, 1
    )


def test_loading_again_updates_a_changed_figure_in_place(tmp_path):
    provinces.load_service_figures(small_figures_file(tmp_path))
    figure = ServiceFigure.objects.get(province_id=35, key="shm_count")
    data = json.loads(small_figures_file(tmp_path).read_text(encoding="utf-8"))
    data["metrics"][0]["values"]["izmir"] = 16
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(data), encoding="utf-8")

    provinces.load_service_figures(path)

    figure.refresh_from_db()
    assert figure.value == Decimal("16")
    assert ServiceFigure.objects.count() == 6


def test_the_shipped_booklet_file_loads_igdir_and_izmir():
    data = json.loads(SHIPPED_FIGURES.read_text(encoding="utf-8"))
    stored = provinces.load_service_figures(SHIPPED_FIGURES)
    expected = sum(len(metric["values"]) for metric in data["metrics"])
    assert stored == expected == ServiceFigure.objects.count()
    assert set(ServiceFigure.objects.values_list("province_id", flat=True)) == {35, 76}
    nulls = sum(value is None for m in data["metrics"] for value in m["values"].values())
    assert ServiceFigure.objects.filter(value__isnull=True).count() == nulls > 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"provinces": {"x": {"plate_code": 99, "as_of": "2024-05", "booklet_issue": "1"}}},
            "Bilinmeyen plaka kodu: 99",
        ),
        (
            {"provinces": {"izmir": {"plate_code": 35, "as_of": "Mayıs", "booklet_issue": "1"}}},
            "Veri tarihi YYYY-AA biçiminde olmalı",
        ),
    ],
)
def test_a_bad_figures_file_is_refused_with_a_clear_message_and_stores_nothing(
    tmp_path, change, message
):
    with pytest.raises(ValidationError) as error:
        provinces.load_service_figures(small_figures_file(tmp_path, **change))
    assert message in " ".join(error.value.messages)
    assert ServiceFigure.objects.count() == 0


def test_an_unreadable_or_missing_figures_file_is_refused(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(ValidationError, match="Dosya okunamadı"):
        provinces.load_service_figures(broken)
    with pytest.raises(ValidationError, match="Dosya bulunamadı"):
        provinces.load_service_figures(tmp_path / "yok.json")


def test_the_command_reads_the_official_data_folder_from_the_setting(settings, tmp_path):
    small_figures_file(tmp_path).rename(tmp_path / "province_service_stats.json")
    settings.PORTAL_OFFICIAL_DATA_DIR = tmp_path
    call_command("load_service_figures", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert ServiceFigure.objects.count() == 6

    settings.PORTAL_OFFICIAL_DATA_DIR = tmp_path / "empty"
    with pytest.raises(CommandError, match="Dosya bulunamadı"):
        call_command("load_service_figures")


def test_the_official_figures_ship_with_the_portal(settings):
    """Nothing outside the project is read at run time: the figures are in cooperation/data."""
    assert provinces.official_data_dir() == Path(settings.BASE_DIR) / "cooperation" / "data"
    assert (provinces.official_data_dir() / "province_service_stats.json").is_file()


def test_populations_load_from_a_csv_and_reload_in_place(tmp_path):
    path = tmp_path / "nufus.csv"
    path.write_text(
        "plaka;nufus;yil;kaynak\n35;4479525;2024;TÜİK ADNKS 2024\n76;203594;2024;TÜİK ADNKS 2024\n",
        encoding="utf-8",
    )
    assert provinces.load_population(path) == 2
    assert provinces.load_population(path) == 2
    assert ProvincePopulation.objects.count() == 2
    assert ProvincePopulation.objects.get(province_id=35).population == 4_479_525

    call_command("load_population", str(path), stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert ProvincePopulation.objects.count() == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("35;çok;2024;TÜİK\n", "1. satır okunamadı"),
        ("plaka;nufus;yil;kaynak\n35;100;2024;TÜİK\n99;5;2024;TÜİK\n", "3. satır okunamadı"),
        ("35;0;2024;TÜİK\n", "1. satır"),
    ],
)
def test_a_bad_population_file_is_refused_and_stores_nothing(tmp_path, content, message):
    path = tmp_path / "nufus.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        provinces.load_population(path)
    assert message in error.value.messages[0]
    assert ProvincePopulation.objects.count() == 0
    with pytest.raises(CommandError):
        call_command("load_population", str(path))
