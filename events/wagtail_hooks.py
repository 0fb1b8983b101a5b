from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.viewsets import RuleViewSet

from . import organising
from .admin_views import EventCreateView, EventEditView
from .models import Event

EVENT_RULES = {"view": "staff.use", "add": "event.staff_manage", "change": "event.staff_manage"}


class EventViewSet(RuleViewSet):
    """Events in the admin: staff enter public institutions' events and follow every event."""

    model = Event
    rules = EVENT_RULES
    icon = "date"
    menu_label = _("Etkinlikler")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    add_view_class = EventCreateView
    edit_view_class = EventEditView
    # What organisers edit on the site, plus what only staff set here. The status is not
    # here: publishing and cancelling go through the event's life cycle on its page.
    form_fields = [
        "slug",
        "organiser",
        "organiser_institution",
        *organising.EVENT_FIELDS,
        "image",
        "image_alt",
    ]
    list_display = ["title", "kind", "province", "starts_at", "capacity", "status"]
    list_filter = ["kind", "status", "province"]
    list_export = ["title", "kind", "province", "starts_at", "ends_at", "capacity", "status"]
    export_filename = "etkinlikler"
    search_fields = ["title", "venue"]

    def get_queryset(self, request):
        return Event.objects.select_related("province", "organiser")


@hooks.register("register_admin_viewset")
def register_event_viewset():
    return EventViewSet()
