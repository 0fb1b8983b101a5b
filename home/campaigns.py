"""What people do with a campaign: organisations join and leave it, visitors follow it by e-mail
(double opt-in), staff send updates to its followers.

Pledges and follows move through the portal's one life-cycle machinery, so each change is in the
history table with who and when.
"""

import datetime as dt

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.utils import timezone, translation
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _

from accreditation.audit import ACTIONS
from accreditation.exceptions import DomainError
from accreditation.lifecycle import SYSTEM, Lifecycle, Move, record_start, transition
from accreditation.mail import absolute_url, send_templated_mail
from accreditation.models import ConsentText, Organisation, Role
from accreditation.permissions import can, has_role, membership_role, rule, staff_mfa_satisfied
from accreditation.selectors import register_personal_data

from .models import CampaignFollower, CampaignPage, CampaignPledge, CampaignUpdate, Phase
from .models.campaigns import CHANNEL_LIMITS

FOLLOW_PURPOSE = "campaign_updates"
CONFIRM_SALT = "home.campaign-follow.confirm"
UNSUBSCRIBE_SALT = "home.campaign-follow.unsubscribe"
CONFIRM_MAX_AGE = dt.timedelta(days=7)
RESEND_AFTER = dt.timedelta(minutes=10)
FOLLOW_ATTEMPTS_PER_HOUR = 10

ACTIONS.update(
    {
        "portal.campaign.update_send": _("Kampanya takipçilerine duyuru gönderildi"),
    }
)


class CampaignError(DomainError):
    """A campaign action that cannot be done, with a message for the person."""


# --- Rules -----------------------------------------------------------------------------------


@rule("campaign.pledge")
def _campaign_pledge(user, pledge) -> bool:
    """Any member of an organisation may join or leave a campaign on its behalf."""
    return membership_role(user, pledge.organisation) is not None


@rule("campaign.send_update")
def _campaign_send_update(user, campaign) -> bool:
    return (has_role(user, Role.EDITOR) or has_role(user, Role.ADMIN)) and staff_mfa_satisfied(user)


# --- Pledges ---------------------------------------------------------------------------------


def _may_join(pledge: CampaignPledge, by) -> None:
    if not pledge.organisation.is_accredited:
        raise CampaignError(_("Kampanyalara yalnızca akredite kuruluşlar katılabilir."))
    if pledge.campaign.phase == Phase.PAST:
        raise CampaignError(_("Bu kampanya sona erdi; artık katılınamaz."))


PLEDGE_LIFECYCLE = Lifecycle(
    "campaign_pledge",
    [
        Move(CampaignPledge.Status.JOINED, CampaignPledge.Status.LEFT, "campaign.pledge"),
        Move(
            CampaignPledge.Status.LEFT,
            CampaignPledge.Status.JOINED,
            "campaign.pledge",
            guard=_may_join,
        ),
    ],
)

FOLLOWER_LIFECYCLE = Lifecycle(
    "campaign_follower",
    [
        # The visitor acts through a signed link, so the portal makes the move on their behalf.
        Move(CampaignFollower.Status.PENDING, CampaignFollower.Status.CONFIRMED, SYSTEM),
        Move(CampaignFollower.Status.PENDING, CampaignFollower.Status.UNSUBSCRIBED, SYSTEM),
        Move(CampaignFollower.Status.CONFIRMED, CampaignFollower.Status.UNSUBSCRIBED, SYSTEM),
        Move(CampaignFollower.Status.UNSUBSCRIBED, CampaignFollower.Status.PENDING, SYSTEM),
    ],
)


def attach() -> None:
    CampaignPledge.lifecycle = PLEDGE_LIFECYCLE
    CampaignFollower.lifecycle = FOLLOWER_LIFECYCLE


def pledge_join(*, campaign: CampaignPage, organisation: Organisation, by) -> CampaignPledge:
    """Join ``campaign`` on behalf of ``organisation``: once; a pledge that was left is
    re-joined rather than duplicated."""
    campaign = campaign.canonical
    if membership_role(by, organisation) is None:
        raise CampaignError(_("Yalnızca üyesi olduğunuz bir kuruluş adına katılabilirsiniz."))
    existing = CampaignPledge.objects.filter(campaign=campaign, organisation=organisation).first()
    if existing is not None:
        if existing.status == CampaignPledge.Status.JOINED:
            raise CampaignError(_("%(name)s bu kampanyaya zaten katıldı.") % {"name": organisation})
        transition(existing, CampaignPledge.Status.JOINED, by=by)
        return existing
    pledge = CampaignPledge(campaign=campaign, organisation=organisation, created_by=by)
    _may_join(pledge, by)
    try:
        with transaction.atomic():
            pledge.save()
            record_start(pledge, by=by)
    except IntegrityError as error:  # two members pressed the button at once
        raise CampaignError(
            _("%(name)s bu kampanyaya zaten katıldı.") % {"name": organisation}
        ) from error
    return pledge


def pledge_leave(*, campaign: CampaignPage, organisation: Organisation, by) -> CampaignPledge:
    pledge = CampaignPledge.objects.filter(
        campaign=campaign.canonical, organisation=organisation
    ).first()
    if pledge is None or pledge.status != CampaignPledge.Status.JOINED:
        raise CampaignError(_("%(name)s bu kampanyaya katılmamış.") % {"name": organisation})
    transition(pledge, CampaignPledge.Status.LEFT, by=by)
    return pledge


# --- Following by e-mail ---------------------------------------------------------------------


def follow_consent_text() -> ConsentText | None:
    return ConsentText.objects.filter(purpose__key=FOLLOW_PURPOSE).order_by("-version").first()


def confirm_url(follower: CampaignFollower) -> str:
    token = signing.dumps(follower.pk, salt=CONFIRM_SALT)
    return _localized_url("campaign_follow_confirm", token, follower.language)


def unsubscribe_url(follower: CampaignFollower) -> str:
    token = signing.dumps(follower.pk, salt=UNSUBSCRIBE_SALT)
    return _localized_url("campaign_unsubscribe", token, follower.language)


def _localized_url(name: str, token: str, language: str) -> str:
    from django.urls import reverse

    with translation.override(language):
        return absolute_url(reverse(name, args=[token]))


def _send_confirmation(follower: CampaignFollower) -> None:
    follower.confirmation_sent_at = timezone.now()
    follower.save(update_fields=["confirmation_sent_at"])
    campaign = page_in_language(follower.campaign, follower.language)
    send_templated_mail(
        "home/mail/follow_confirm",
        {
            "campaign": campaign,
            "confirm_url": confirm_url(follower),
            "unsubscribe_url": unsubscribe_url(follower),
            "days": CONFIRM_MAX_AGE.days,
        },
        to=follower.email,
        language=follower.language,
        headers=_unsubscribe_headers(follower),
    )


def _unsubscribe_headers(follower: CampaignFollower) -> dict:
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(follower)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def page_in_language(campaign: CampaignPage, language: str) -> CampaignPage:
    """The campaign's page in ``language`` when it has one, else the campaign itself."""
    from wagtail.models import Locale

    locale = Locale.objects.filter(language_code=language).first()
    if locale is None or locale.pk == campaign.locale_id:
        return campaign
    translated = campaign.get_translation_or_none(locale)
    return translated if translated is not None and translated.live else campaign


class FollowOutcome:
    SENT = "sent"
    RESENT = "resent"
    RECENTLY_SENT = "recently_sent"


@transaction.atomic
def follow(*, campaign: CampaignPage, email: str, language: str) -> str:
    """Start (or restart) following; returns a FollowOutcome. The address is confirmed by the
    link in the e-mail before anything else is sent to it."""
    campaign = campaign.canonical
    email = email.strip().lower()
    consent_text = follow_consent_text()
    if consent_text is None:
        raise CampaignError(_("Takip şu anda açık değil. Lütfen daha sonra yeniden deneyin."))
    follower = (
        CampaignFollower.objects.select_for_update().filter(campaign=campaign, email=email).first()
    )
    now = timezone.now()
    if follower is not None:
        if follower.status == CampaignFollower.Status.CONFIRMED:
            raise CampaignError(_("Bu e-posta adresi bu kampanyayı zaten takip ediyor."))
        if follower.status == CampaignFollower.Status.PENDING:
            if follower.confirmation_sent_at and now - follower.confirmation_sent_at < RESEND_AFTER:
                return FollowOutcome.RECENTLY_SENT
            follower.language = language
            follower.save(update_fields=["language"])
            _send_confirmation(follower)
            return FollowOutcome.RESENT
        follower.consent_text = consent_text
        follower.consented_at = now
        follower.language = language
        follower.confirmed_at = None
        follower.save(update_fields=["consent_text", "consented_at", "language", "confirmed_at"])
        transition(follower, CampaignFollower.Status.PENDING)
    else:
        follower = CampaignFollower.objects.create(
            campaign=campaign,
            email=email,
            language=language,
            consent_text=consent_text,
            consented_at=now,
        )
        record_start(follower)
    _send_confirmation(follower)
    return FollowOutcome.SENT


def _load(token: str, salt: str, max_age=None) -> CampaignFollower | None:
    try:
        pk = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    return CampaignFollower.objects.filter(pk=pk).select_related("campaign").first()


def follower_for_confirmation(token: str) -> CampaignFollower | None:
    return _load(token, CONFIRM_SALT, CONFIRM_MAX_AGE)


def follower_for_unsubscribe(token: str) -> CampaignFollower | None:
    return _load(token, UNSUBSCRIBE_SALT)


@transaction.atomic
def follow_confirm(follower: CampaignFollower) -> bool:
    """Confirm a pending follow. False when the follow was withdrawn meanwhile."""
    if follower.status == CampaignFollower.Status.CONFIRMED:
        return True
    if follower.status != CampaignFollower.Status.PENDING:
        return False
    transition(follower, CampaignFollower.Status.CONFIRMED)
    CampaignFollower.objects.filter(pk=follower.pk).update(confirmed_at=timezone.now())
    follower.refresh_from_db()
    return True


def unsubscribe(follower: CampaignFollower) -> None:
    if follower.status != CampaignFollower.Status.UNSUBSCRIBED:
        transition(follower, CampaignFollower.Status.UNSUBSCRIBED)


def follow_attempt_allowed(request) -> bool:
    """A few follow requests an hour per address, so the form cannot be used to flood
    strangers' inboxes with confirmation mails."""
    from allauth.account.adapter import get_adapter

    key = f"campaign-follow:{get_adapter(request).get_client_ip(request) or ''}"
    cache.add(key, 0, timeout=3600)
    try:
        return cache.incr(key) <= FOLLOW_ATTEMPTS_PER_HOUR
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, timeout=3600)
        return True


# --- Updates to followers --------------------------------------------------------------------


@transaction.atomic
def update_create(*, campaign: CampaignPage, subject: str, body: str, by) -> CampaignUpdate:
    from .tasks import send_campaign_update

    campaign = campaign.canonical
    if not can(by, "campaign.send_update", campaign):
        raise CampaignError(_("Takipçilere duyuru göndermeye yetkiniz yok."))
    update = CampaignUpdate.objects.create(
        campaign=campaign, subject=subject.strip(), body=body.strip(), created_by=by
    )
    send_campaign_update.enqueue(update.pk)
    return update


def deliver_update(update: CampaignUpdate) -> int:
    """Send ``update`` to each confirmed follower in their language (run by the worker).
    Idempotent: an update already sent is not sent twice."""
    with transaction.atomic():
        locked = CampaignUpdate.objects.select_for_update().get(pk=update.pk)
        if locked.sent_at is not None:
            return locked.recipient_count
        followers = CampaignFollower.objects.filter(
            campaign_id=locked.campaign_id, status=CampaignFollower.Status.CONFIRMED
        ).order_by("pk")
        count = 0
        for follower in followers.iterator():
            send_templated_mail(
                "home/mail/campaign_update",
                {
                    "campaign": page_in_language(locked.campaign, follower.language),
                    "update": locked,
                    "unsubscribe_url": unsubscribe_url(follower),
                },
                to=follower.email,
                language=follower.language,
                headers=_unsubscribe_headers(follower),
            )
            count += 1
        locked.sent_at = timezone.now()
        locked.recipient_count = count
        locked.save(update_fields=["sent_at", "recipient_count"])
        from accreditation.audit import audit

        audit(
            locked.campaign,
            "portal.campaign.update_send",
            user=locked.created_by,
            data={"update": locked.pk, "recipients": count},
        )
    return count


# --- Personal data ---------------------------------------------------------------------------


@register_personal_data("campaign_follows")
def _follows_of(user) -> list[dict]:
    """Follows made with any of the person's verified addresses."""
    from allauth.account.models import EmailAddress

    addresses = {user.email.lower()} | {
        address.email.lower() for address in EmailAddress.objects.filter(user=user, verified=True)
    }
    return [
        {
            "campaign": follower.campaign.title,
            "email": follower.email,
            "status": follower.status,
            "consent_text_version": follower.consent_text.version,
            "consented_at": follower.consented_at.isoformat(),
            "confirmed_at": follower.confirmed_at.isoformat() if follower.confirmed_at else None,
        }
        for follower in CampaignFollower.objects.filter(email__in=addresses).select_related(
            "campaign", "consent_text"
        )
    ]


@register_personal_data("campaign_pledges_made")
def _pledges_by(user) -> list[dict]:
    return [
        {
            "campaign": pledge.campaign.title,
            "organisation": pledge.organisation.legal_name,
            "status": pledge.status,
            "joined_at": pledge.created_at.isoformat(),
        }
        for pledge in CampaignPledge.objects.filter(created_by=user).select_related(
            "campaign", "organisation"
        )
    ]


# --- The campaign page: context and forms ----------------------------------------------------


class FollowForm(forms.Form):
    email = forms.EmailField(
        label=_("E-posta adresiniz"),
        max_length=254,
        error_messages={
            "required": _("E-posta adresinizi yazın."),
            "invalid": _("Geçerli bir e-posta adresi yazın, örn. ad@ornek.org."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_(
            "Bu kampanyayla ilgili duyuruların e-posta adresime gönderilmesine açık rıza veriyorum."
        ),
        error_messages={"required": _("Duyuru gönderebilmemiz için onay kutusunu işaretleyin.")},
    )


class PledgeForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Kuruluş"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("Bu kuruluş adına işlem yapamazsınız.")},
    )

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations


class UpdateForm(forms.Form):
    subject = forms.CharField(label=_("Konu"), max_length=150)
    body = forms.CharField(
        label=_("Metin"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("Düz metin. Her e-postanın sonuna takipten çıkma bağlantısı eklenir."),
    )


def _user_organisations(user):
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(memberships__user=user).select_related("province")


def campaign_context(page: CampaignPage, request, *, follow_form=None, pledge_errors=None) -> dict:
    """What the campaign template needs beyond the page itself."""
    user = request.user
    canonical = page.canonical
    participating = list(page.participating_organisations())
    mine = []
    if user.is_authenticated:
        pledges = dict(
            CampaignPledge.objects.filter(campaign=canonical).values_list(
                "organisation_id", "status"
            )
        )
        for organisation in _user_organisations(user).alphabetical():
            mine.append(
                {
                    "organisation": organisation,
                    "joined": pledges.get(organisation.pk) == CampaignPledge.Status.JOINED,
                    "accredited": organisation.is_accredited,
                }
            )
    kit = [
        {
            "message": message,
            "length": message.length,
            "limit": CHANNEL_LIMITS[message.channel],
        }
        for message in page.messages.all()
    ]
    return {
        "kit_messages": kit,
        "kit_visuals": page.visuals.select_related("image"),
        "can_copy": bool(mine),
        "participating": participating,
        # The body may list them already (the "participating NGOs" block); say it once.
        "participants_in_body": any(block.block_type == "organisations" for block in page.body),
        "my_organisations": mine,
        "follow_form": follow_form or FollowForm(),
        "follow_consent": follow_consent_text(),
        "pledge_errors": pledge_errors or [],
        "share_url": request.build_absolute_uri(page.url) if page.url else "",
        "share_text": " ".join(filter(None, [f"{page.title}: {page.slogan}", page.hashtag])),
    }


def handle_post(page: CampaignPage, request):
    """The campaign page's forms: follow, join and leave. Success redirects back to the page
    with a message; a refused request re-renders the page with what was entered."""
    action = request.POST.get("action")
    if action == "follow":
        form = FollowForm(request.POST)
        if not follow_attempt_allowed(request):
            form.add_error(
                None,
                _("Kısa sürede çok fazla deneme yapıldı. Lütfen bir saat sonra yeniden deneyin."),
            )
            return None, {"follow_form": form}
        if form.is_valid():
            try:
                outcome = follow(
                    campaign=page,
                    email=form.cleaned_data["email"],
                    language=translation.get_language() or "tr",
                )
            except CampaignError as error:
                form.add_error("email", str(error))
                return None, {"follow_form": form}
            text = {
                FollowOutcome.SENT: _gettext(
                    "Onay e-postası gönderildi. Takibi başlatmak için e-postadaki bağlantıya "
                    "tıklayın."
                ),
                FollowOutcome.RESENT: _gettext(
                    "Bu adres için onay bekleniyordu; onay e-postasını yeniden gönderdik."
                ),
                FollowOutcome.RECENTLY_SENT: _gettext(
                    "Bu adrese az önce bir onay e-postası gönderdik. Gelen kutunuzu (ve "
                    "istenmeyen klasörünü) kontrol edin."
                ),
            }[outcome]
            messages.success(request, text)
            return HttpResponseRedirect(page.url + "#takip"), None
        return None, {"follow_form": form}

    if action in {"join", "leave"}:
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(page.url), None
        form = PledgeForm(request.POST, organisations=_user_organisations(request.user))
        if not form.is_valid():
            return None, {"pledge_errors": [e for errors in form.errors.values() for e in errors]}
        organisation = form.cleaned_data["organisation"]
        try:
            if action == "join":
                pledge_join(campaign=page, organisation=organisation, by=request.user)
                messages.success(
                    request,
                    _gettext("%(name)s kampanyaya katıldı. Teşekkürler!") % {"name": organisation},
                )
            else:
                pledge_leave(campaign=page, organisation=organisation, by=request.user)
                messages.success(
                    request,
                    _gettext("%(name)s kampanyadan ayrıldı.") % {"name": organisation},
                )
        except DomainError as error:
            return None, {"pledge_errors": [str(error)]}
        return HttpResponseRedirect(page.url + "#katilim"), None
    return HttpResponseRedirect(page.url), None
