"""Each province knows the provinces it shares a land border with, for distance scoring."""

import json
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

from core.models import Province

pytestmark = pytest.mark.django_db

PROVINCE_NEIGHBOURS_FILE = Path(settings.BASE_DIR) / "core" / "data" / "province_neighbours.json"
REFERENCE_DATA = import_module("core.migrations.0003_reference_data")

# Plate codes.
ADANA, AGRI, ANKARA, AYDIN, BALIKESIR, BILECIK, BOLU, BURSA = 1, 4, 6, 9, 10, 11, 14, 16
CANAKKALE, CANKIRI, ELAZIG, ERZINCAN, ESKISEHIR, GAZIANTEP = 17, 18, 23, 24, 26, 27
HATAY, ISTANBUL, IZMIR, KARS, KIRKLARELI, KIRSEHIR, KOCAELI = 31, 34, 35, 36, 39, 40, 41
KONYA, MALATYA, MANISA, SAKARYA, TEKIRDAG, TUNCELI, VAN = 42, 44, 45, 54, 59, 62, 65
AKSARAY, KIRIKKALE, IGDIR, YALOVA, KARABUK, KILIS = 68, 71, 76, 77, 78, 79


def neighbours_in_db() -> dict[int, set[int]]:
    through = Province.neighbours.through.objects.values_list("from_province_id", "to_province_id")
    relation: dict[int, set[int]] = {code: set() for code in range(1, 82)}
    for a, b in through:
        relation[a].add(b)
    return relation


def codes(province: int) -> set[int]:
    return set(Province.objects.get(code=province).neighbours.values_list("code", flat=True))


def test_the_file_lists_every_province_with_sorted_symmetric_neighbours():
    data = json.loads(PROVINCE_NEIGHBOURS_FILE.read_text(encoding="utf-8"))
    assert data["source"]
    neighbours = {int(code): others for code, others in data["neighbours"].items()}
    assert set(neighbours) == set(range(1, 82))
    for code, others in neighbours.items():
        assert others == sorted(set(others)), code
        assert code not in others
        assert set(others) <= set(range(1, 82))
        for other in others:
            assert code in neighbours[other], (code, other)


def test_every_province_has_a_land_neighbour_and_is_never_its_own():
    relation = neighbours_in_db()
    for code, others in relation.items():
        assert others, code
        assert code not in others
    assert sum(len(others) for others in relation.values()) == 2 * 199


def test_the_relation_is_symmetric_in_the_database():
    relation = neighbours_in_db()
    for code, others in relation.items():
        for other in others:
            assert code in relation[other], (code, other)
    assert ISTANBUL in Province.objects.get(code=KOCAELI).neighbours.values_list("code", flat=True)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (ISTANBUL, KOCAELI),
        (ISTANBUL, TEKIRDAG),
        (ISTANBUL, KIRKLARELI),  # Çatalca–Vize, a short border at the Black Sea coast
        (IZMIR, MANISA),
        (IGDIR, KARS),
        (IGDIR, AGRI),
        (ADANA, HATAY),
        (ELAZIG, ERZINCAN),
        (BILECIK, BOLU),
        (BURSA, SAKARYA),
    ],
)
def test_known_neighbours(a, b):
    assert b in codes(a)
    assert a in codes(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (ISTANBUL, BURSA),  # across the Sea of Marmara
        (ISTANBUL, YALOVA),  # across the Gulf of İzmit
        (CANAKKALE, ISTANBUL),
        (IGDIR, VAN),  # Ağrı lies between
        (ANKARA, KARABUK),  # Bolu and Çankırı lie between
        (MALATYA, TUNCELI),  # Elazığ and Erzincan meet between them
        (KILIS, HATAY),
    ],
)
def test_provinces_without_a_land_border_are_not_neighbours(a, b):
    assert b not in codes(a)
    assert a not in codes(b)


def test_known_full_lists():
    assert codes(ISTANBUL) == {KOCAELI, TEKIRDAG, KIRKLARELI}
    assert codes(IZMIR) == {AYDIN, BALIKESIR, MANISA}
    assert codes(IGDIR) == {AGRI, KARS}
    assert codes(ANKARA) == {BOLU, CANKIRI, ESKISEHIR, KIRSEHIR, KONYA, AKSARAY, KIRIKKALE}
    assert codes(KILIS) == {GAZIANTEP}


def test_loading_again_changes_nothing():
    before = neighbours_in_db()
    REFERENCE_DATA.load_places(apps, None)
    assert neighbours_in_db() == before
    assert Province.objects.count() == 81


def test_the_orm_keeps_the_relation_symmetric():
    istanbul = Province.objects.get(code=ISTANBUL)
    istanbul.neighbours.remove(KOCAELI)
    assert ISTANBUL not in codes(KOCAELI)
    istanbul.neighbours.add(KOCAELI)
    assert ISTANBUL in codes(KOCAELI)
