import pytest

from core.text import slugify_tr, tr_fold, tr_lower, tr_sort_key, tr_title, tr_upper


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Çankırı", "cankiri"),
        ("Iğdır", "igdir"),
        ("İstanbul", "istanbul"),
        ("Şanlıurfa", "sanliurfa"),
        ("Eyüpsultan", "eyupsultan"),
        ("Bağımlılıkla Mücadele Derneği", "bagimlilikla-mucadele-dernegi"),
        ("19 Mayıs", "19-mayis"),
    ],
)
def test_slugs_are_ascii_and_keep_dotless_i_as_i(name, slug):
    assert slugify_tr(name) == slug


def test_turkish_casing_pairs_dotted_and_dotless_i():
    assert tr_upper("istanbul ılgaz") == "İSTANBUL ILGAZ"
    assert tr_lower("IĞDIR İZMİR") == "ığdır izmir"
    assert tr_title("IĞDIR") == "Iğdır"
    assert tr_title("izmir") == "İzmir"


def test_folding_matches_what_people_type_without_turkish_letters():
    assert tr_fold("Çankırı") == tr_fold("CANKIRI") == tr_fold("cankiri") == "cankiri"


def test_turkish_alphabetical_order():
    names = ["Zonguldak", "Çorum", "Iğdır", "İzmir", "Ceyhan", "Ağrı", "Aydın", "Ordu", "Ödemiş"]
    assert sorted(names, key=tr_sort_key) == [
        "Ağrı",
        "Aydın",
        "Ceyhan",
        "Çorum",
        "Iğdır",
        "İzmir",
        "Ordu",
        "Ödemiş",
        "Zonguldak",
    ]
