from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, reverse_lazy
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.feeds import CampaignAtomFeed, CampaignFeed
from home.sitemaps import PortalSitemap

urlpatterns = [
    # The admin's own sign-in page is replaced by allauth's, where rate limits and MFA apply.
    path(
        "admin/login/",
        RedirectView.as_view(url=reverse_lazy("account_login"), query_string=True),
        name="wagtailadmin_login",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("core.urls")),
    path("accounts/", include("allauth.urls")),
    path("organisations/", include("accreditation.organisation_urls")),
    path("accreditation/", include("accreditation.accreditation_urls")),
    path("events/", include("events.urls")),
    path("volunteers/", include("volunteers.urls")),
    path("platform/", include("cooperation.urls")),
    path("provinces/", include("cooperation.province_urls")),
    path("search/", home_views.search, name="search"),
    path("campaign-follow/", include("home.urls")),
    # Campaign feeds, before Wagtail's pages: they win over a page at the same path.
    path("kampanyalar/rss/", CampaignFeed(), name="campaign_feed_rss"),
    path("kampanyalar/atom/", CampaignAtomFeed(), name="campaign_feed_atom"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns = (
        staticfiles_urlpatterns()
        + static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
        + urlpatterns
    )

handler403 = "home.views.permission_denied"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
