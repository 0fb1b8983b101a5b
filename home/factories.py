"""Factories for pages. Pages are added under a parent the way the admin adds them."""

import datetime as dt

import factory
from django.utils import timezone
from wagtail.models import Locale, Page

from .models import CampaignIndexPage, CampaignPage, HomePage, StandardPage


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Sayfa {n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, publish=True, **kwargs):
        page = model_class(*args, **kwargs)
        if not publish:
            page.live = False
        parent = parent or Page.get_first_root_node()
        parent.add_child(instance=page)
        if publish:
            page.save_revision().publish()
        return page


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "Ana Sayfa"
    hero_title = "Bağımlılıkla mücadelede birlikte daha güçlüyüz"
    locale = factory.LazyFunction(lambda: Locale.objects.get_or_create(language_code="tr")[0])


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    introduction = "Portal hakkında kısa bilgi."


class CampaignIndexPageFactory(PageFactory):
    class Meta:
        model = CampaignIndexPage

    title = "Kampanyalar"
    slug = "kampanyalar"


class CampaignPageFactory(PageFactory):
    """A running, nationwide campaign unless told otherwise (``days=(start, end)`` relative to
    today moves it into the past or the future)."""

    class Meta:
        model = CampaignPage

    title = factory.Sequence(lambda n: f"Kampanya {n}")
    slogan = "Birlikte daha güçlüyüz"
    summary = "Bağımlılıkla mücadelede ortak bir kampanya."
    start_date = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=5))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=30))
    nationwide = True

    @classmethod
    def _create(cls, model_class, *args, days=None, **kwargs):
        if days is not None:
            today = timezone.localdate()
            kwargs["start_date"] = today + dt.timedelta(days=days[0])
            kwargs["end_date"] = today + dt.timedelta(days=days[1])
        return super()._create(model_class, *args, **kwargs)
