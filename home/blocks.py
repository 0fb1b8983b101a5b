"""StreamField blocks shared by every page type."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Başlık"), max_length=120)
    level = blocks.ChoiceBlock(label=_("Düzey"), choices=[("h2", "H2"), ("h3", "H3")], default="h2")

    class Meta:
        icon = "title"
        label = _("Ara başlık")
        template = "home/blocks/heading.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Alıntı"))
    attribution = blocks.CharBlock(label=_("Kaynak"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Alıntı")
        template = "home/blocks/quote.html"


class KeyFigureBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("Sayı"), max_length=20, help_text=_("Örn. 316.262"))
    label = blocks.CharBlock(label=_("Açıklama"), max_length=120)
    source = blocks.CharBlock(label=_("Kaynak"), max_length=200, required=False)

    class Meta:
        icon = "order"
        label = _("Önemli sayı")
        template = "home/blocks/key_figure.html"


class KeyFiguresBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(KeyFigureBlock(), **kwargs)

    class Meta:
        icon = "order"
        label = _("Önemli sayılar")
        template = "home/blocks/key_figures.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Metin"), max_length=120)
    page = blocks.PageChooserBlock(label=_("Sayfa"), required=False)
    url = blocks.URLBlock(label=_("Bağlantı"), required=False)

    class Meta:
        icon = "link"
        label = _("Eylem çağrısı")
        template = "home/blocks/call_to_action.html"


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Görsel"))
    caption = blocks.CharBlock(label=_("Alt yazı"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("Görsel hakkı"), required=False, max_length=120)

    class Meta:
        icon = "image"
        label = _("Görsel")
        template = "home/blocks/image.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Metin"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
        template="home/blocks/paragraph.html",
    )
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    image = ImageWithCaptionBlock()
    call_to_action = CallToActionBlock()


# --- Campaign and language-guide blocks ------------------------------------------------------

VIDEO_PROVIDERS = {
    # host → (provider name, embed URL template). The player is loaded only after the reader
    # asks for it; until then nothing is requested from the provider.
    "youtube.com": ("YouTube", "https://www.youtube-nocookie.com/embed/{id}?autoplay=1"),
    "www.youtube.com": ("YouTube", "https://www.youtube-nocookie.com/embed/{id}?autoplay=1"),
    "m.youtube.com": ("YouTube", "https://www.youtube-nocookie.com/embed/{id}?autoplay=1"),
    "youtu.be": ("YouTube", "https://www.youtube-nocookie.com/embed/{id}?autoplay=1"),
    "vimeo.com": ("Vimeo", "https://player.vimeo.com/video/{id}?autoplay=1&dnt=1"),
    "player.vimeo.com": ("Vimeo", "https://player.vimeo.com/video/{id}?autoplay=1&dnt=1"),
}


def video_embed(url: str) -> tuple[str, str] | None:
    """(provider, embed URL) for a YouTube or Vimeo address, else None."""
    from urllib.parse import parse_qs, urlsplit

    parts = urlsplit(url)
    provider = VIDEO_PROVIDERS.get(parts.netloc.lower())
    if provider is None:
        return None
    name, template = provider
    segments = [s for s in parts.path.split("/") if s]
    video_id = ""
    if parts.netloc.lower() == "youtu.be" and segments:
        video_id = segments[0]
    elif name == "YouTube":
        if segments[:1] == ["watch"]:
            video_id = parse_qs(parts.query).get("v", [""])[0]
        elif len(segments) >= 2 and segments[0] in {"embed", "shorts", "live"}:
            video_id = segments[1]
    else:
        video_id = next((s for s in reversed(segments) if s.isdigit()), "")
    if not video_id or not all(c.isalnum() or c in "-_" for c in video_id):
        return None
    return name, template.format(id=video_id)


class VideoBlock(blocks.StructBlock):
    """A YouTube or Vimeo video behind a click: no request leaves for the provider before the
    reader presses play, and without JavaScript the block is a plain link to the video."""

    url = blocks.URLBlock(label=_("Video adresi"), help_text=_("YouTube ya da Vimeo bağlantısı."))
    title = blocks.CharBlock(
        label=_("Video başlığı"),
        max_length=160,
        help_text=_("Ekran okuyucular ve video yüklenmeden önce gösterilen kutu için."),
    )
    caption = blocks.CharBlock(label=_("Açıklama"), required=False, max_length=300)
    transcript = blocks.TextBlock(
        label=_("Metin dökümü"),
        required=False,
        help_text=_("İşitme engelli okurlar için videodaki konuşmaların yazılı hali."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "home/blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        if video_embed(value["url"]) is None:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Bu adres tanınmadı. Bir YouTube ya da Vimeo video bağlantısı girin.")
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["provider"], context["embed_url"] = video_embed(value["url"]) or ("", "")
        return context


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Soru"), max_length=250)
    answer = blocks.RichTextBlock(label=_("Yanıt"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "help"
        label = _("Soru ve yanıt")


class FAQBlock(blocks.StructBlock):
    """Questions as native disclosure widgets: keyboard and screen-reader friendly, no script."""

    heading = blocks.CharBlock(label=_("Başlık"), max_length=120, default=_("Sık sorulan sorular"))
    items = blocks.ListBlock(FAQItemBlock(), label=_("Sorular"), min_num=1)

    class Meta:
        icon = "help"
        label = _("Sık sorulan sorular")
        template = "home/blocks/faq.html"


class HelplineBlock(blocks.StructBlock):
    """ALO 191 and the counselling units of the reader's province (chosen in a plain form)."""

    heading = blocks.CharBlock(label=_("Başlık"), max_length=120, default=_("Destek almak için"))
    text = blocks.TextBlock(
        label=_("Metin"),
        required=False,
        max_length=400,
        default=_(
            "Kendiniz ya da bir yakınınız için destek arıyorsanız ilk adım ALO 191 Madde "
            "Bağımlılığı Danışma Hattı ya da size en yakın Bağımlılık Danışma Birimidir."
        ),
    )

    class Meta:
        icon = "warning"
        label = _("Yardım hattı (ALO 191 ve BDB)")
        template = "home/blocks/helpline.html"

    def get_context(self, value, parent_context=None):
        from core.models import Province, SupportUnit

        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        chosen = None
        raw = request.GET.get("il", "") if request is not None else ""
        if raw.isdigit():
            chosen = Province.objects.filter(code=int(raw)).first()
        context["provinces"] = Province.objects.alphabetical()
        context["chosen_province"] = chosen
        context["units"] = (
            SupportUnit.objects.active().filter(province=chosen).select_related("district")
            if chosen
            else SupportUnit.objects.none()
        )
        return context


class DocumentsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Başlık"), max_length=120, default=_("İndirilebilir materyaller")
    )
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("Belge")), label=_("Belgeler"))

    class Meta:
        icon = "doc-full"
        label = _("İndirilebilir materyaller")
        template = "home/blocks/documents.html"


class ManualEventBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Etkinlik adı"), max_length=160)
    date = blocks.DateBlock(label=_("Tarih"))
    place = blocks.CharBlock(label=_("Yer"), max_length=160, required=False)
    url = blocks.URLBlock(label=_("Bağlantı"), required=False)

    class Meta:
        icon = "date"
        label = _("Etkinlik")


class RelatedEventsBlock(blocks.StructBlock):
    """Events of the campaign: those linked to it in the portal's event calendar, and any
    the editor adds by hand (an event held elsewhere)."""

    heading = blocks.CharBlock(label=_("Başlık"), max_length=120, default=_("Etkinlikler"))
    extra = blocks.ListBlock(
        ManualEventBlock(), label=_("Elle eklenen etkinlikler"), required=False, default=[]
    )

    class Meta:
        icon = "date"
        label = _("İlgili etkinlikler")
        template = "home/blocks/related_events.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        linked = page.related_events() if hasattr(page, "related_events") else []
        context["events"] = list(linked)
        context["extra"] = sorted(value["extra"], key=lambda item: item["date"])
        return context


class ParticipatingOrganisationsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        label=_("Başlık"), max_length=120, default=_("Kampanyaya katılan STK'lar")
    )

    class Meta:
        icon = "group"
        label = _("Katılan STK'lar")
        template = "home/blocks/participating_organisations.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        parent_context = parent_context or {}
        page = parent_context.get("page")
        if "participating" in parent_context:  # the campaign page has the list already
            context["organisations"] = parent_context["participating"]
        elif hasattr(page, "participating_organisations"):
            context["organisations"] = page.participating_organisations()
        else:
            context["organisations"] = []
        return context


class GlossaryBlock(blocks.StructBlock):
    """The language guide's table of discouraged terms, read from the glossary editors keep."""

    heading = blocks.CharBlock(
        label=_("Başlık"), max_length=120, default=_("Kullanmayalım, bunları kullanalım")
    )

    class Meta:
        icon = "list-ul"
        label = _("Terimler sözlüğü")
        template = "home/blocks/glossary.html"


class CampaignBodyBlock(BodyBlock):
    video = VideoBlock()
    faq = FAQBlock()
    helpline = HelplineBlock()
    documents = DocumentsBlock()
    related_events = RelatedEventsBlock()
    organisations = ParticipatingOrganisationsBlock()


class GuideBodyBlock(CampaignBodyBlock):
    glossary = GlossaryBlock()
