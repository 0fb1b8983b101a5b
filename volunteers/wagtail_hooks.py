"""Volunteering taxonomies in the admin: skills, languages and trainings, edited by staff.
The matching weights and the mentor credential's terms are a site setting ("Eşleştirme
ayarları"). Recovery declarations are never in the admin."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup

from core.viewsets import TERM_FIELDS, TermViewSet

from .models import Language, Skill, Training


class SkillViewSet(TermViewSet):
    model = Skill
    icon = "pick"


class LanguageViewSet(TermViewSet):
    model = Language
    icon = "globe"


class TrainingViewSet(TermViewSet):
    model = Training
    icon = "doc-full-inverse"
    form_fields = TERM_FIELDS + ["hours", "valid_years", "counts_for_mentor"]
    list_display = ["name", "hours", "valid_years", "counts_for_mentor", "is_active"]


class VolunteeringGroup(ViewSetGroup):
    menu_label = _("Gönüllülük")
    menu_icon = "group"
    menu_order = 270
    items = (SkillViewSet, LanguageViewSet, TrainingViewSet)


@hooks.register("register_admin_viewset")
def register_volunteering_viewsets():
    return VolunteeringGroup()
