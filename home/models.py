from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock, KeyFiguresBlock


class HomePage(Page):
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

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["home.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("ana sayfa")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = home_sections()
        return context


def home_sections() -> list[dict]:
    """The front page's lists. Later features register their querysets here."""
    return [
        {
            "key": "campaigns",
            "title": _("Güncel kampanyalar"),
            "items": [],
            "empty": _("Şu anda yayında bir kampanya yok."),
        },
        {
            "key": "events",
            "title": _("Yaklaşan etkinlikler"),
            "items": [],
            "empty": _("Yaklaşan etkinlik henüz yok."),
        },
        {
            "key": "organisations",
            "title": _("Akredite STK'lar"),
            "items": [],
            "empty": _("Akredite STK listesi yakında burada yer alacak."),
        },
    ]


class StandardPage(Page):
    """About, privacy notice, accessibility statement, contact and similar pages."""

    introduction = models.TextField(_("giriş"), max_length=500, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("gövde"))

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standart sayfa")


@register_setting(icon="cog")
class PortalSettings(BaseSiteSetting):
    """Links the site chrome needs: privacy notice, accessibility statement, contact."""

    privacy_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("aydınlatma metni sayfası"),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("erişilebilirlik beyanı sayfası"),
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("iletişim sayfası"),
    )
    about_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hakkında sayfası"),
    )
    footer_text = RichTextField(
        _("alt bilgi metni"), blank=True, features=["bold", "italic", "link"]
    )

    panels = [
        FieldPanel("about_page"),
        FieldPanel("privacy_notice_page"),
        FieldPanel("accessibility_page"),
        FieldPanel("contact_page"),
        FieldPanel("footer_text"),
    ]

    class Meta:
        verbose_name = _("portal ayarları")
