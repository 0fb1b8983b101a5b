"""A number too large for any integer column, in a multiple choice or an ``__in`` filter, is a
wrong choice, never a server error (SQLite would raise OverflowError)."""

import pytest
from django import forms
from django.core.exceptions import ValidationError

from core.models import TargetGroup

pytestmark = pytest.mark.django_db


def test_a_huge_id_in_a_multiple_choice_is_an_invalid_choice():
    field = forms.ModelMultipleChoiceField(queryset=TargetGroup.objects.all())
    with pytest.raises(ValidationError) as error:
        field.clean(["99999999999999999999"])
    assert "99999999999999999999" in str(error.value)


def test_huge_ids_are_left_out_of_an_in_filter_and_the_others_still_match():
    first = TargetGroup.objects.order_by("pk").first()
    assert list(TargetGroup.objects.filter(pk__in=[first.pk, 10**20, -(10**20)])) == [first]
    assert not TargetGroup.objects.filter(pk__in=[10**20]).exists()
