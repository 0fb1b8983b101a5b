"""Campaign pages, their message kit and the language guide."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from accreditation.models import Organisation
from core.selectors import current_consent_text

from ..blocks import CampaignBodyBlock, GuideBodyBlock
from ..filters import CampaignFilter
from ..forms import FollowForm
from .pages import PortalPage
from .participation import FOLLOW_PURPOSE, CampaignPledge
from .phases import Phase


class Channel(models.TextChoices):
    """Social-media channels of the message kit, with each one's character limit."""

    X = "x", "X (Twitter)"
    BLUESKY = "bluesky", "Bluesky"
    THREADS = "threads", "Threads"
    INSTAGRAM = "instagram", "Instagram"
    LINKEDIN = "linkedin", "LinkedIn"
    FACEBOOK = "facebook", "Facebook"
    WHATSAPP = "whatsapp", "WhatsApp"


CHANNEL_LIMITS = {
    Channel.X: 280,
    Channel.BLUESKY: 300,
    Channel.THREADS: 500,
    Channel.INSTAGRAM: 2200,
    Channel.LINKEDIN: 3000,
    Channel.FACEBOOK: 63206,
    Channel.WHATSAPP: 65536,
}


def message_length(text: str) -> int:
    """Characters as the kit counts them: Unicode code points, the same count the editor's
    live counter shows (``[...text].length`` in the browser)."""
    return len(text)


PHASE_ORDER = {Phase.ACTIVE: 0, Phase.UPCOMING: 1, Phase.PAST: 2}


class CampaignQuerySet(PageQuerySet):
    def with_phase(self, today: dt.date | None = None) -> "CampaignQuerySet":
        """Annotate ``phase_rank`` (0 active, 1 upcoming, 2 past) for ordering and grouping."""
        today = today or timezone.localdate()
        return self.annotate(
            phase_rank=Case(
                When(start_date__gt=today, then=Value(PHASE_ORDER[Phase.UPCOMING])),
                When(end_date__lt=today, then=Value(PHASE_ORDER[Phase.PAST])),
                default=Value(PHASE_ORDER[Phase.ACTIVE]),
                output_field=IntegerField(),
            )
        )

    def in_phase(self, phase: str, today: dt.date | None = None) -> "CampaignQuerySet":
        today = today or timezone.localdate()
        if phase == Phase.UPCOMING:
            return self.filter(start_date__gt=today)
        if phase == Phase.PAST:
            return self.filter(end_date__lt=today)
        if phase == Phase.ACTIVE:
            return self.filter(start_date__lte=today, end_date__gte=today)
        return self

    def current(self, today: dt.date | None = None) -> "CampaignQuerySet":
        """Campaigns that have not ended: the active and the upcoming."""
        return self.filter(end_date__gte=today or timezone.localdate())

    def in_province(self, province) -> "CampaignQuerySet":
        """Campaigns that reach a province: those held there and the nationwide ones."""
        return self.filter(Q(nationwide=True) | Q(provinces=province)).distinct()

    def for_listing(self) -> "CampaignQuerySet":
        """Active first (ending soonest), then upcoming (starting soonest), then past (most
        recent first)."""
        return self.with_phase().order_by(
            "phase_rank",
            Case(When(phase_rank=PHASE_ORDER[Phase.PAST], then="end_date")).desc(),
            "start_date",
            "end_date",
            "pk",
        )


CampaignManager = PageManager.from_queryset(CampaignQuerySet)


def _checkboxes():
    from django import forms

    return forms.CheckboxSelectMultiple


def user_organisations(user):
    """The organisations the person is a member of (they join campaigns on their behalf)."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user).select_related("province")


class CampaignIndexPage(PortalPage):
    """The list of campaigns, filterable by taxonomy and province, in one language tree."""

    introduction = models.TextField(_("giriş"), max_length=500, blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.CampaignPage"]
    max_count_per_parent = 1

    PAGE_SIZE = 9

    class Meta:
        verbose_name = _("kampanya listesi")

    def campaigns(self):
        return CampaignPage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filterset = CampaignFilter(request.GET or None, queryset=self.campaigns(), request=request)
        campaigns = filterset.qs.for_listing().prefetch_related(
            models.Prefetch(
                "hero_image",
                queryset=get_image_model().objects.prefetch_renditions("fill-640x320"),
            )
        )
        paginator = Paginator(campaigns, self.PAGE_SIZE)
        page_number = request.GET.get("page") or 1
        context["filter"] = filterset
        context["campaigns"] = paginator.get_page(page_number)
        return context


class CampaignPageForm(WagtailAdminPageForm):
    """Checks that need several fields at once; every message says which field to fix."""

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("Bitiş tarihi başlangıç tarihinden önce olamaz."))
        if cleaned.get("hero_image") and not (cleaned.get("hero_image_alt") or "").strip():
            self.add_error(
                "hero_image_alt",
                _("Görseli göremeyen okurlar için görselde ne olduğunu kısaca yazın."),
            )
        if not cleaned.get("nationwide") and not cleaned.get("provinces"):
            self.add_error(
                "provinces",
                _("Kampanyanın yürütüldüğü illeri seçin ya da “Tüm Türkiye” kutusunu işaretleyin."),
            )
        hashtag = (cleaned.get("hashtag") or "").strip()
        if hashtag:
            tag = hashtag.lstrip("#")
            if not tag or not all(char.isalnum() or char == "_" for char in tag):
                self.add_error(
                    "hashtag",
                    _("Etiket boşluk ya da noktalama içermeden yazılır, örn. #isteSENyeter."),
                )
            else:
                cleaned["hashtag"] = f"#{tag}"
        return cleaned


class CampaignPage(PortalPage):
    slogan = models.CharField(_("slogan"), max_length=160)
    summary = models.TextField(
        _("özet"), max_length=400, help_text=_("Listelerde ve paylaşımlarda görünen kısa metin.")
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("kapak görseli"),
    )
    hero_image_alt = models.CharField(
        _("kapak görselinin metin karşılığı"),
        max_length=250,
        blank=True,
        help_text=_("Görseli göremeyen okurlar için görselde ne olduğu (zorunlu, görsel varsa)."),
    )
    start_date = models.DateField(_("başlangıç tarihi"))
    end_date = models.DateField(_("bitiş tarihi"))
    nationwide = models.BooleanField(_("Tüm Türkiye"), default=True)
    provinces = ParentalManyToManyField(
        "core.Province", blank=True, related_name="campaigns", verbose_name=_("İller")
    )
    working_areas = ParentalManyToManyField(
        "core.WorkingArea",
        blank=True,
        related_name="campaigns",
        verbose_name=_("çalışma alanları"),
    )
    target_groups = ParentalManyToManyField(
        "core.TargetGroup",
        blank=True,
        related_name="campaigns",
        verbose_name=_("hedef gruplar"),
    )
    addiction_types = ParentalManyToManyField(
        "core.AddictionType",
        blank=True,
        related_name="campaigns",
        verbose_name=_("bağımlılık türleri"),
    )
    body = StreamField(CampaignBodyBlock(), blank=True, verbose_name=_("gövde"))

    # The message kit: one hashtag, texts per channel and a moment all NGOs publish together.
    hashtag = models.CharField(_("etiket (hashtag)"), max_length=60, blank=True)
    publish_moment = models.DateTimeField(
        _("ortak paylaşım zamanı"),
        null=True,
        blank=True,
        help_text=_("Türkiye saati (TSİ). Katılan STK'lar mesajları bu anda birlikte paylaşır."),
    )
    kit_note = models.TextField(
        _("mesaj kiti notu"),
        max_length=600,
        blank=True,
        help_text=_("STK'lara kısa bir yönlendirme: hangi görsel hangi mesajla kullanılır vb."),
    )

    objects = CampaignManager()

    base_form_class = CampaignPageForm

    content_panels = Page.content_panels + [
        FieldPanel("slogan"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Kapak görseli")
        ),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Tarihler")),
        MultiFieldPanel(
            [
                FieldPanel("working_areas", widget=_checkboxes()),
                FieldPanel("target_groups", widget=_checkboxes()),
                FieldPanel("addiction_types", widget=_checkboxes()),
                FieldPanel("nationwide"),
                FieldPanel("provinces"),
            ],
            heading=_("Kapsam"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("hashtag"),
                FieldPanel("publish_moment"),
                FieldPanel("kit_note"),
                InlinePanel("messages", label=_("Mesaj"), heading=_("Kanal mesajları")),
                InlinePanel("visuals", label=_("Görsel"), heading=_("İndirilecek görseller")),
            ],
            heading=_("Mesaj kiti"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.AutocompleteField("slogan"),
        index.SearchField("slogan", boost=2),
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.SearchField("body"),
        index.SearchField("hashtag"),
        index.AutocompleteField("hashtag"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
    ]

    parent_page_types = ["home.CampaignIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("kampanya")
        verbose_name_plural = _("kampanyalar")

    # --- Dates ---------------------------------------------------------------------------

    @property
    def phase(self) -> str:
        today = timezone.localdate()
        if self.start_date > today:
            return Phase.UPCOMING
        if self.end_date < today:
            return Phase.PAST
        return Phase.ACTIVE

    @property
    def phase_label(self) -> str:
        return Phase(self.phase).label

    # --- One campaign in several languages -----------------------------------------------

    @cached_property
    def canonical(self) -> "CampaignPage":
        """The campaign in the default language. Pledges and followers belong to the campaign,
        not to one translation of its page, so they attach here."""
        if self.locale_id == Locale.get_default().pk:
            return self
        source = (
            CampaignPage.objects.filter(
                translation_key=self.translation_key, locale=Locale.get_default()
            )
            .only("pk", "translation_key", "locale_id")
            .first()
        )
        return source or self

    # --- Participation -------------------------------------------------------------------

    def participating_organisations(self):
        """Accredited organisations that have joined, alphabetically. An organisation that
        loses its accreditation drops out here (the one accreditation check)."""
        return (
            Organisation.objects.accredited()
            .filter(
                campaign_pledges__campaign_id=self.canonical.pk,
                campaign_pledges__status=CampaignPledge.Status.JOINED,
            )
            .select_related("province")
            .alphabetical()
        )

    def related_events(self):
        """Events of this campaign from the portal's calendar, soonest first."""
        related = getattr(self.canonical, "events", None)
        if related is None:
            return []
        return related.upcoming_public().select_related("province", "district")

    # --- Rendering -----------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        # The page's own forms (follow, join, leave) post back to it; ``views.campaign_page_post``
        # renders it again with what was entered (``forms``) when a request is refused.
        forms = kwargs.pop("forms", None) or {}
        context = super().get_context(request, *args, **kwargs)
        context.update(self.campaign_context(request, **forms))
        return context

    def campaign_context(self, request, *, follow_form=None, pledge_errors=None) -> dict:
        """What the campaign template needs beyond the page itself."""
        user = request.user
        canonical = self.canonical
        participating = list(self.participating_organisations())
        mine = []
        if user.is_authenticated:
            pledges = dict(
                CampaignPledge.objects.filter(campaign=canonical).values_list(
                    "organisation_id", "status"
                )
            )
            for organisation in user_organisations(user).alphabetical():
                mine.append(
                    {
                        "organisation": organisation,
                        "joined": pledges.get(organisation.pk) == CampaignPledge.Status.JOINED,
                        "accredited": organisation.is_accredited,
                    }
                )
        kit = [
            {
                "message": message,
                "length": message.length,
                "limit": CHANNEL_LIMITS[message.channel],
            }
            for message in self.messages.all()
        ]
        return {
            "kit_messages": kit,
            "kit_visuals": self.visuals.select_related("image"),
            "can_copy": bool(mine),
            "participating": participating,
            # The body may list them already (the "participating NGOs" block); say it once.
            "participants_in_body": any(block.block_type == "organisations" for block in self.body),
            "my_organisations": mine,
            "follow_form": follow_form or FollowForm(),
            "follow_consent": current_consent_text(FOLLOW_PURPOSE),
            "pledge_errors": pledge_errors or [],
            "share_url": request.build_absolute_uri(self.url) if self.url else "",
            "share_text": " ".join(filter(None, [f"{self.title}: {self.slogan}", self.hashtag])),
        }


class CampaignMessage(Orderable):
    """One ready-to-post text of the message kit, for one channel."""

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="messages")
    channel = models.CharField(_("kanal"), max_length=20, choices=Channel.choices)
    text = models.TextField(_("metin"))

    panels = [FieldPanel("channel"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("kanal mesajı")
        verbose_name_plural = _("kanal mesajları")

    def __str__(self) -> str:
        return f"{self.get_channel_display()}: {self.text[:40]}"

    @property
    def limit(self) -> int:
        return CHANNEL_LIMITS[Channel(self.channel)]

    @property
    def length(self) -> int:
        return message_length(self.text)

    def clean(self) -> None:
        super().clean()
        if not self.channel or not self.text:
            return
        if self.length > self.limit:
            raise ValidationError(
                {
                    "text": _(
                        "%(channel)s için en fazla %(limit)s karakter yazılabilir; bu metin "
                        "%(length)s karakter. %(over)s karakter kısaltın."
                    )
                    % {
                        "channel": self.get_channel_display(),
                        "limit": self.limit,
                        "length": self.length,
                        "over": self.length - self.limit,
                    }
                }
            )


class CampaignVisual(Orderable):
    """A visual NGOs download and post with the kit's messages."""

    page = ParentalKey(CampaignPage, on_delete=models.CASCADE, related_name="visuals")
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name=_("görsel")
    )
    title = models.CharField(_("ad"), max_length=120)
    alt = models.CharField(
        _("metin karşılığı"),
        max_length=250,
        help_text=_("Görseli göremeyenler için görselde ne olduğu; paylaşırken de kullanılabilir."),
    )

    panels = [FieldPanel("image"), FieldPanel("title"), FieldPanel("alt")]

    class Meta(Orderable.Meta):
        verbose_name = _("kit görseli")
        verbose_name_plural = _("kit görselleri")

    def __str__(self) -> str:
        return self.title


class LanguageGuidePage(PortalPage):
    """The common communication language (iletişim rehberi), built from the campaign blocks
    plus the glossary table."""

    introduction = models.TextField(_("giriş"), max_length=500, blank=True)
    body = StreamField(GuideBodyBlock(), blank=True, verbose_name=_("gövde"))

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.AutocompleteField("introduction"),
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("İletişim rehberi")
