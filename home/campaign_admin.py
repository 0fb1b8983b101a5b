"""Admin side of campaigns: updates to followers, the pledge list, and the message kit's live
character counter in the page editor."""

from django import forms
from django.db.models import Count, Q
from django.templatetags.static import static
from django.utils.html import format_html, json_script
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.models import Locale

from core.admin_views import ImmutableEditView
from core.viewsets import RuleViewSet

from .models import CHANNEL_LIMITS, CampaignFollower, CampaignPage, CampaignPledge, CampaignUpdate
from .services import update_create

UPDATE_RULES = {"view": "campaign.send_update", "add": "campaign.send_update"}


class CampaignChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, campaign):
        return _("%(title)s (%(count)s onaylı takipçi)") % {
            "title": campaign.title,
            "count": campaign.confirmed_followers,
        }


class CampaignUpdateForm(WagtailAdminModelForm):
    campaign = CampaignChoiceField(
        label=_("Kampanya"),
        queryset=CampaignPage.objects.none(),
        help_text=_("Duyuru bu kampanyayı onaylayarak takip eden herkese kendi dilinde gider."),
    )

    class Meta:
        model = CampaignUpdate
        fields = ["campaign", "subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Followers belong to the campaign in the default language (see CampaignPage.canonical).
        self.fields["campaign"].queryset = (
            CampaignPage.objects.filter(locale=Locale.get_default())
            .annotate(
                confirmed_followers=Count(
                    "followers", filter=Q(followers__status=CampaignFollower.Status.CONFIRMED)
                )
            )
            .order_by("-start_date")
        )
        self.fields["body"].help_text = _(
            "Düz metin. Her e-postanın sonuna kampanyanın bağlantısı ve takibi bırakma "
            "bağlantısı eklenir."
        )


class CampaignUpdateCreateView(generic.CreateView):
    """Saving queues the update; the worker sends it to each confirmed follower."""

    def save_instance(self):
        data = self.form.cleaned_data
        return update_create(
            campaign=data["campaign"],
            subject=data["subject"],
            body=data["body"],
            by=self.request.user,
        )

    def get_success_message(self, instance):
        return _("Duyuru gönderim sırasına alındı; takipçilere arka planda gönderilecek.")


class CampaignUpdateViewSet(RuleViewSet):
    model = CampaignUpdate
    rules = UPDATE_RULES
    icon = "mail"
    menu_label = _("Takipçilere duyurular")
    form_fields = ["campaign", "subject", "body"]
    list_display = [
        "subject",
        "campaign",
        Column("created_at", label=_("Oluşturulma")),
        Column("sent_at", label=_("Gönderim")),
        "recipient_count",
    ]
    list_filter = ["campaign"]
    add_view_class = CampaignUpdateCreateView
    edit_view_class = ImmutableEditView
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return CampaignUpdateForm


class CampaignPledgeViewSet(RuleViewSet):
    """Who joined which campaign, for staff; joining and leaving happen on the campaign page."""

    model = CampaignPledge
    rules = {"view": "staff.use"}
    icon = "group"
    menu_label = _("Kampanya katılımları")
    form_fields = ["status"]  # required by the viewset; no rule allows adding or editing
    list_display = ["organisation", "campaign", "status", "status_changed_at"]
    list_filter = ["status", "campaign"]
    list_export = ["organisation", "campaign", "status", "created_at", "status_changed_at"]
    export_filename = "kampanya-katilimlari"
    search_fields = ["organisation__legal_name"]
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_queryset(self, request):
        return CampaignPledge.objects.select_related("organisation", "campaign")


class CampaignGroup(ViewSetGroup):
    menu_label = _("Kampanyalar")
    menu_icon = "pick"
    menu_order = 250
    items = (CampaignUpdateViewSet, CampaignPledgeViewSet)


@hooks.register("register_admin_viewset")
def register_campaign_viewsets():
    return CampaignGroup()


@hooks.register("insert_editor_js")
def message_kit_counter():
    """Live character counts under each message of the kit, with the channel's limit."""
    limits = {str(channel.value): limit for channel, limit in CHANNEL_LIMITS.items()}
    labels = {
        "count": str(_("%(length)s / %(limit)s karakter")),
        "over": str(_("%(over)s karakter fazla")),
    }
    return format_html(
        '{}{}<script src="{}" defer></script>',
        json_script(limits, "message-kit-limits"),
        json_script(labels, "message-kit-labels"),
        static("home/js/message-kit-admin.js"),
    )
