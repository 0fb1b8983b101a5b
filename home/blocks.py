"""StreamField blocks shared by every page type."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
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
