"""The demo province pages: Iğdır and İzmir with their booklet figures, built once."""

import json
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from cooperation.demo import provinces as demo
from cooperation.models import ProvincePopulation, ServiceFigure

pytestmark = pytest.mark.django_db

OFFICIAL = Path(django_settings.BASE_DIR) / "cooperation" / "data"


def test_the_demo_loads_the_booklet_figures_of_igdir_and_izmir_once(client, settings):
    settings.PORTAL_OFFICIAL_DATA_DIR = OFFICIAL
    data = json.loads((OFFICIAL / "province_service_stats.json").read_text(encoding="utf-8"))
    expected = sum(len(metric["values"]) for metric in data["metrics"])

    first = demo.build()
    assert first == {"service_figures": expected, "province_populations": 0}
    assert demo.build() == {"service_figures": 0, "province_populations": 0}
    assert ServiceFigure.objects.count() == expected
    assert set(ServiceFigure.objects.values_list("province_id", flat=True)) == {35, 76}
    assert not ProvincePopulation.objects.exists()  # no official file, nothing invented

    html = client.get("/provinces/igdir/").content.decode()
    assert "Sosyal Hizmet Merkezi (SHM) sayısı" in html
    assert "Iğdır İli Bilgilendirme Kitapçığı 2024-2 (Mayıs 2024)" in html
    html = client.get("/provinces/izmir/").content.decode()
    assert "316.262" in html and "Eylül 2024" in html


def test_the_demo_skips_the_figures_with_a_message_when_the_file_is_missing(
    settings, tmp_path, capsys
):
    settings.PORTAL_OFFICIAL_DATA_DIR = tmp_path
    assert demo.build() == {"service_figures": 0, "province_populations": 0}
    assert "province_service_stats.json is missing" in capsys.readouterr().err


def test_the_demo_loads_populations_only_from_an_official_file(settings, tmp_path):
    (tmp_path / "province_population.csv").write_text(
        "plaka;nufus;yil;kaynak\n35;4479525;2024;TÜİK ADNKS 2024\n", encoding="utf-8"
    )
    settings.PORTAL_OFFICIAL_DATA_DIR = tmp_path
    assert demo.build()["province_populations"] == 1
    assert demo.build()["province_populations"] == 0
