"""Demo campaigns, the language guide and support units, built the way editors and NGO members
build them: pages through Wagtail's revisions, pledges and follows through home.services.

Dates are relative to the day the demo is loaded, so the first campaign is always running, one
is always upcoming and one is over.
"""

import datetime as dt
import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale

from accreditation.models import Organisation
from core.models import (
    AddictionType,
    District,
    Province,
    SupportUnit,
    TargetGroup,
    User,
    WorkingArea,
)
from core.pdf import FONT_DIR

from .. import services as campaign_services
from ..models import (
    CampaignIndexPage,
    CampaignMessage,
    CampaignPage,
    CampaignPledge,
    CampaignVisual,
    HomePage,
    LanguageGuidePage,
)
from .campaign_content import (
    CAMPAIGNS,
    GUIDE,
    KIT_GUIDE_LINES,
    KIT_GUIDE_TITLE,
    PAST_PLEDGES,
    PLEDGES,
    SUPPORT_UNITS,
)

BOLD_FONT_FILE = FONT_DIR / "DejaVuSans-Bold.ttf"


def _picture(title: str, lines: list[str], colours: tuple[str, str], name: str) -> Image:
    """A simple poster drawn locally (no stock photos, nothing fetched)."""
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

    width, height = 1600, 900
    top = tuple(int(colours[0][i : i + 2], 16) for i in (1, 3, 5))
    bottom = tuple(int(colours[1][i : i + 2], 16) for i in (1, 3, 5))
    picture = PILImage.new("RGB", (width, height))
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        mix = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(round(a + (b - a) * mix) for a, b in zip(top, bottom, strict=True)),
        )
    big = ImageFont.truetype(str(BOLD_FONT_FILE), 120)
    small = ImageFont.truetype(str(BOLD_FONT_FILE), 54)
    y = 260
    for index, line in enumerate(lines):
        font = big if index == 0 else small
        draw.text((200, y), line, font=font, fill=(255, 255, 255))
        y += 170 if index == 0 else 80
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    image = Image(title=title)
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name=name)
    image.save()
    return image


def _kit_guide_pdf() -> Document:
    title = KIT_GUIDE_TITLE
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from core.pdf import FONT, FONT_BOLD, register_fonts

    register_fonts()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(title)
    pdf.setFont(FONT_BOLD, 18)
    pdf.drawString(60, 780, title)
    pdf.setFont(FONT, 11)
    y = 740
    for line in KIT_GUIDE_LINES:
        pdf.drawString(60, y, line)
        y -= 22
    pdf.showPage()
    pdf.save()
    document = Document(title=title)
    document.file.save("istesenyeter-mesaj-kiti.pdf", ContentFile(buffer.getvalue()), save=False)
    document.save()
    return document


def _ids(model, slugs: list[str]) -> list:
    return list(model.objects.filter(slug__in=slugs))


def _publish(page) -> None:
    page.save_revision().publish()


def _campaign_index(home: HomePage, locale: Locale, title: str, slug: str, intro: str):
    index = CampaignIndexPage.objects.child_of(home).first()
    if index is None:
        index = CampaignIndexPage(title=title, slug=slug, locale=locale, introduction=intro)
        tr_index = CampaignIndexPage.objects.filter(locale__language_code="tr").first()
        if tr_index is not None and locale.language_code != "tr":
            index.translation_key = tr_index.translation_key
        home.add_child(instance=index)
        _publish(index)
    return index


def _build_campaign(spec: dict, language: str, index, locale, source, picture, document, guide):
    content = spec[language]
    page = CampaignPage.objects.child_of(index).filter(slug=content["slug"]).first()
    if page is not None:
        return page
    today = timezone.localdate()
    publish_moment = None
    if spec["publish_in_days"] is not None:
        day = today + dt.timedelta(days=spec["publish_in_days"])
        publish_moment = timezone.make_aware(dt.datetime.combine(day, dt.time(20, 0)))
    page = CampaignPage(
        title=content["title"],
        slug=content["slug"],
        locale=locale,
        slogan=content["slogan"],
        summary=content["summary"],
        search_description=content["summary"][:250],
        hero_image=picture,
        hero_image_alt=content["hero_alt"],
        start_date=today + dt.timedelta(days=spec["days"][0]),
        end_date=today + dt.timedelta(days=spec["days"][1]),
        nationwide=spec["nationwide"],
        hashtag=spec["hashtag"],
        publish_moment=publish_moment,
        kit_note=content["kit_note"],
        body=content["body"](document, guide),
    )
    if source is not None:
        page.translation_key = source.translation_key
    page.provinces = list(Province.objects.filter(code__in=spec["provinces"]))
    page.working_areas = _ids(WorkingArea, spec["areas"])
    page.target_groups = _ids(TargetGroup, spec["groups"])
    page.addiction_types = _ids(AddictionType, spec["types"])
    page.messages = [CampaignMessage(channel=c, text=t) for c, t in content["messages"]]
    if language == "tr":
        page.visuals = [
            CampaignVisual(image=picture, title=spec["picture"][0], alt=content["hero_alt"])
        ]
    index.add_child(instance=page)
    _publish(page)
    return page


def _guide(home: HomePage, locale: Locale, content: dict, source=None):
    page = LanguageGuidePage.objects.child_of(home).first()
    if page is None:
        page = LanguageGuidePage(
            title=content["title"],
            slug=content["slug"],
            locale=locale,
            introduction=content["introduction"],
            body=content["body"],
        )
        if source is not None:
            page.translation_key = source.translation_key
        home.add_child(instance=page)
        _publish(page)
    return page


def _pledge(campaign: CampaignPage, legal_name: str, email: str, *, while_running=False) -> None:
    organisation = Organisation.objects.filter(legal_name=legal_name).first()
    person = User.objects.filter(email=email).first()
    if organisation is None or person is None:
        return
    if CampaignPledge.objects.filter(campaign=campaign, organisation=organisation).exists():
        return
    if while_running:
        # The pledge was made while the campaign ran: record it as the service would have,
        # with the campaign's dates of then.
        pledge = CampaignPledge.objects.create(
            campaign=campaign, organisation=organisation, created_by=person
        )
        from core.lifecycle import record_start

        record_start(pledge, by=person, note="")
        return
    campaign_services.pledge_join(campaign=campaign, organisation=organisation, by=person)


def build(home_tr: HomePage) -> dict[str, int]:
    tr = Locale.objects.get(language_code="tr")
    en = Locale.objects.get(language_code="en")
    home_en = home_tr.get_translation(en)
    document = _kit_guide_pdf()
    index_tr = _campaign_index(
        home_tr,
        tr,
        "Kampanyalar",
        "kampanyalar",
        "Kamu kurumları ve akredite STK'ların birlikte yürüttüğü farkındalık kampanyaları.",
    )
    index_en = _campaign_index(
        home_en,
        en,
        "Campaigns",
        "campaigns",
        "Awareness campaigns run together by public institutions and accredited NGOs.",
    )
    guide = _guide(home_tr, tr, GUIDE["tr"])
    guide_en = _guide(home_en, en, GUIDE["en"], source=guide)
    pages = {}
    for spec in CAMPAIGNS:
        title, lines, colours = spec["picture"]
        picture = _picture(title, lines, colours, f"{spec['key']}.png")
        source = _build_campaign(spec, "tr", index_tr, tr, None, picture, document, guide)
        _build_campaign(spec, "en", index_en, en, source, picture, document, guide_en)
        pages[spec["key"]] = source

    for key, legal_name, email in PLEDGES:
        _pledge(pages[key], legal_name, email)
    for key, legal_name, email in PAST_PLEDGES:
        _pledge(pages[key], legal_name, email, while_running=True)

    for kind, name, plate, district_slug in SUPPORT_UNITS:
        province = Province.objects.get(code=plate)
        SupportUnit.objects.get_or_create(
            name=name,
            province=province,
            defaults={
                "kind": kind,
                "district": District.objects.filter(province=province, slug=district_slug).first(),
            },
        )

    follower_email = "volunteer@demo.example"
    if not pages["istesenyeter"].followers.filter(email=follower_email).exists():
        campaign_services.follow_start(
            campaign=pages["istesenyeter"], email=follower_email, language="tr"
        )
        follower = pages["istesenyeter"].followers.get(email=follower_email)
        campaign_services.follow_confirm(follower)
    return {"campaigns": CampaignPage.objects.count(), "guides": LanguageGuidePage.objects.count()}
