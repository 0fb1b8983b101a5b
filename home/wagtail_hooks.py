"""The site's Wagtail hooks: the campaign page's forms on the public site, and (each concern
in its own module) the campaign and language screens of the admin."""

from wagtail import hooks

from . import campaign_admin, language_admin, views  # noqa: F401  (their hooks register)
from .models import CampaignPage


@hooks.register("before_serve_page")
def campaign_forms(page, request, serve_args, serve_kwargs):
    """The campaign page's own forms (follow, join, leave) post back to the page."""
    if request.method == "POST" and isinstance(page, CampaignPage):
        return views.campaign_page_post(page, request, serve_args, serve_kwargs)
    return None
