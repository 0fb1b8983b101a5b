"""Factories for pages. Pages are added under a parent the way the admin adds them."""

import factory
from wagtail.models import Locale, Page

from .models import HomePage, StandardPage


class PageFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Sayfa {n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, publish=True, **kwargs):
        page = model_class(*args, **kwargs)
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
