"""Sections other apps add to the public organisation profile through the core registry."""

import pytest
from django.urls import reverse
from django.utils.html import format_html

from accreditation.factories import OrganisationFactory
from accreditation.profile_sections import (
    profile_sections,
    register_profile_section,
    unregister_profile_section,
)

pytestmark = pytest.mark.django_db


def _section(request, organisation):
    return format_html('<section id="extra"><h2>Ek bölüm: {}</h2></section>', organisation.slug)


def _empty(request, organisation):
    return ""


def _unsafe(request, organisation):
    return "<script>alert(1)</script>"


@pytest.fixture
def registered():
    added = [_section, _empty, _unsafe]
    for func in added:
        register_profile_section(func)
    yield
    for func in added:
        unregister_profile_section(func)


def test_registered_sections_appear_on_the_profile_in_order(client, registered):
    organisation = OrganisationFactory(accredited=True)
    html = client.get(reverse("organisation_profile", args=[organisation.slug])).content.decode()
    assert f'<section id="extra"><h2>Ek bölüm: {organisation.slug}</h2></section>' in html
    # Text not marked safe is escaped, never run.
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_empty_sections_are_left_out_and_registering_twice_adds_once(registered):
    register_profile_section(_section)
    organisation = OrganisationFactory()
    sections = profile_sections(None, organisation)
    assert len(sections) == 2
    assert sum("Ek bölüm" in section for section in sections) == 1


def test_an_unregistered_section_is_gone(client):
    register_profile_section(_section)
    unregister_profile_section(_section)
    organisation = OrganisationFactory(accredited=True)
    html = client.get(reverse("organisation_profile", args=[organisation.slug])).content.decode()
    assert "Ek bölüm" not in html
