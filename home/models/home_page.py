"""The front page of each language: current campaigns, upcoming events, accredited NGOs and
key figures."""

from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from accreditation.models import Organisation

from ..blocks import BodyBlock, KeyFiguresBlock
from .campaigns import CampaignIndexPage, CampaignPage
from .pages import PortalPage
from .phases import Phase


class HomePage(PortalPage):
    """The front page: campaigns, events, accredited NGOs and key figures.

    The campaign, event and NGO sections fill themselves as those features arrive; until then
    each shows a short note instead of an empty box.
    """

    hero_title = models.CharField(_("ana başlık"), max_length=120)
    hero_text = models.TextField(_("giriş metni"), max_length=400, blank=True)
    key_figures = StreamField(
        [("figures", KeyFiguresBlock())], blank=True, max_num=1, verbose_name=_("önemli sayılar")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("gövde"))

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text")], heading=_("Giriş")),
        FieldPanel("key_figures"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("hero_text")]

    # One home page per language, each a translation of the others, directly under the root.
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.StandardPage", "home.CampaignIndexPage", "home.LanguageGuidePage"]

    class Meta:
        verbose_name = _("ana sayfa")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = home_sections(self)
        return context


HOME_ORGANISATIONS = 6
HOME_CAMPAIGNS = 3
HOME_EVENTS = 3


def home_sections(home: "HomePage") -> list[dict]:
    """The front page's lists: items are dicts with ``title``, ``url`` and ``meta``.
    Events fill in when that feature arrives."""
    index = CampaignIndexPage.objects.child_of(home).live().first()
    campaigns = [
        {
            "title": campaign.title,
            "url": campaign.url,
            "meta": _("%(phase)s · %(start)s – %(end)s")
            % {
                "phase": Phase.ACTIVE.label if campaign.phase_rank == 0 else Phase.UPCOMING.label,
                "start": date_format(campaign.start_date, "SHORT_DATE_FORMAT"),
                "end": date_format(campaign.end_date, "SHORT_DATE_FORMAT"),
            },
        }
        for campaign in (
            CampaignPage.objects.descendant_of(home)
            .live()
            .public()
            .current()
            .for_listing()[:HOME_CAMPAIGNS]
        )
    ]
    organisations = [
        {
            "title": organisation.display_name,
            "url": reverse("organisation_profile", args=[organisation.slug]),
            "meta": organisation.province.name,
        }
        for organisation in Organisation.objects.accredited()
        .select_related("province")
        .alphabetical()[:HOME_ORGANISATIONS]
    ]
    events = []
    if apps.is_installed("events"):
        Event = apps.get_model("events", "Event")
        events = [
            {
                "title": event.title,
                "url": reverse("event_detail", args=[event.slug]),
                "meta": " · ".join(
                    [
                        date_format(timezone.localtime(event.starts_at), "SHORT_DATETIME_FORMAT"),
                        event.place_label,
                    ]
                ),
            }
            for event in Event.objects.upcoming_public()
            .filter(audience="public")
            .select_related("province", "district")[:HOME_EVENTS]
        ]
    return [
        {
            "key": "campaigns",
            "title": _("Güncel kampanyalar"),
            "items": campaigns,
            "empty": _("Şu anda yayında bir kampanya yok."),
            "more_url": index.url if index else None,
            "more_label": _("Tüm kampanyalar"),
        },
        {
            "key": "events",
            "title": _("Yaklaşan etkinlikler"),
            "items": events,
            "empty": _("Yaklaşan etkinlik henüz yok."),
        },
        {
            "key": "organisations",
            "title": _("Akredite STK'lar"),
            "items": organisations,
            "empty": _("Henüz akredite bir STK yok."),
            "more_url": reverse("organisation_directory"),
            "more_label": _("Tüm STK rehberi"),
        },
    ]
