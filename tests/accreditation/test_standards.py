"""Staff keep versioned standards; an application stays on the version it started with."""

import pytest
from django.urls import reverse

from accreditation import applications
from accreditation.factories import AccreditationWorld
from accreditation.models import Criterion, Standard
from core.factories import staff_user
from core.models import StaffRole

pytestmark = pytest.mark.django_db


def test_version_one_is_seeded_with_nine_groups_and_mandatory_criteria():
    standard = Standard.objects.current()
    assert (standard.code, standard.version) == ("STK-AKR", 1)
    assert standard.groups.count() == 9
    criteria = Criterion.objects.filter(group__standard=standard)
    assert criteria.count() == 27 and criteria.filter(mandatory=True).count() == 9
    assert all(set(c.levels) == {"0", "1", "2", "3"} for c in criteria)


def test_the_board_makes_edits_and_publishes_a_new_version_in_the_admin(client):
    world = AccreditationWorld()
    old_application = world.start()
    board = world.board
    client.force_login(board)

    response = client.post(
        reverse("standard:add"),
        {
            "title": "STK Akreditasyon Standardı, Sürüm 2 (2027)",
            "title_en": "NGO Accreditation Standard, version 2 (2027)",
            "introduction": "Güncellenmiş sürüm.",
            "introduction_en": "Updated version.",
        },
    )
    assert response.status_code == 302
    draft = Standard.objects.get(version=2)
    assert not draft.is_published
    assert Criterion.objects.filter(group__standard=draft).count() == 27

    criterion = Criterion.objects.get(group__standard=draft, code="G9.1")
    data = {
        "title": "Gösterge seti ve veri kalitesi",
        "title_en": "Indicators and data quality",
        "guidance": criterion.guidance,
        "guidance_en": criterion.guidance_en,
        "required_evidence": criterion.required_evidence,
        "required_evidence_en": criterion.required_evidence_en,
        "levels": __import__("json").dumps(criterion.levels),
        "weight": 3,
        "mandatory": "on",
    }
    assert client.post(reverse("criterion:edit", args=[criterion.pk]), data).status_code == 302
    criterion.refresh_from_db()
    assert (criterion.weight, criterion.mandatory) == (3, True)

    published_criterion = Criterion.objects.get(group__standard__version=1, code="G9.1")
    before = (published_criterion.title, published_criterion.weight, published_criterion.mandatory)
    response = client.post(reverse("criterion:edit", args=[published_criterion.pk]), data)
    assert response.status_code in (302, 403)
    published_criterion.refresh_from_db()
    after = (published_criterion.title, published_criterion.weight, published_criterion.mandatory)
    assert after == before

    response = client.post(
        reverse("standard:edit", args=[draft.pk]),
        {
            "title": draft.title,
            "title_en": draft.title_en,
            "introduction": "",
            "introduction_en": "",
            "publish": "on",
        },
    )
    assert response.status_code == 302
    assert Standard.objects.current() == draft

    # The open application stays on version 1; a new one starts on version 2.
    old_application.refresh_from_db()
    assert old_application.standard.version == 1
    other = AccreditationWorld()
    assert other.start().standard.version == 2
    assert applications.criteria_of(draft)[0].group.standard == draft


def test_reviewers_and_coordinators_cannot_change_the_standard(client):
    for person in (staff_user(StaffRole.REVIEWER, 34), staff_user(StaffRole.COORDINATOR, 34)):
        client.force_login(person)
        response = client.post(reverse("standard:add"), {"title": "x", "title_en": "x"})
        assert response.status_code in (302, 403)
    assert Standard.objects.count() == 1
