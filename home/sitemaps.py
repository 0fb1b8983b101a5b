from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class PortalSitemap(Sitemap):
    """Every live public page in every language.

    Wagtail's sitemap lists the site root's descendants only; each language's tree hangs from a
    translation of that root, so all of those trees are listed.
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = Page.objects.filter(translation_key=root.translation_key).only("path")
        in_any_tree = reduce(or_, (Q(path__startswith=r.path) for r in roots))
        return (
            Page.objects.filter(in_any_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
