"""The volunteer's own pages: overview, profile, recommended roles, placements, hours and the
experience mentor credential. Each page shows the signed-in person's own records only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.exceptions import DomainError
from core.forms import add_service_errors
from core.lifecycle import lifecycle_of
from core.models import ConsentPurpose, ConsentRecord

from .. import availability, credentials, declarations, placements
from .. import hours as hours_services
from ..exceptions import VolunteerError
from ..forms.common import CheckInForm
from ..forms.me import (
    CloseForm,
    DeclarationForm,
    DeclineForm,
    HoursForm,
    ProfileForm,
    ReferenceForm,
)
from ..matching import recommended_roles as recommend
from ..models import (
    CONTACT_CONSENT,
    MATCHING_CONSENT,
    PUBLIC_NAME_CONSENT,
    CompletedTraining,
    HoursLog,
    Match,
    MentorCredential,
    VolunteerProfile,
)
from ..profiles import profile_of, profile_save

M = Match.Status
C = MentorCredential.Status
CONSENT_KEYS = (MATCHING_CONSENT, CONTACT_CONSENT, PUBLIC_NAME_CONSENT)
# The action names the volunteer's and the organisation's match pages share.
MATCH_ACTIONS = {
    M.ACCEPTED: "accept",
    M.DECLINED: "decline",
    M.WITHDRAWN: "withdraw",
    M.ACTIVE: "start",
    M.CLOSED: "close",
}
DASHBOARD_RECOMMENDATIONS = 3
PAST_MATCHES = 20


def _safe_next(request) -> str | None:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return None


def consents_in_force(user) -> dict[str, bool]:
    keys = set(
        ConsentRecord.objects.in_force()
        .filter(user=user, purpose__key__in=CONSENT_KEYS)
        .values_list("purpose__key", flat=True)
    )
    return {key: key in keys for key in CONSENT_KEYS}


def _consent_rows(user) -> list[dict]:
    in_force = consents_in_force(user)
    labels = {
        purpose.key: purpose.label
        for purpose in ConsentPurpose.objects.filter(key__in=CONSENT_KEYS)
    }
    return [
        {"key": key, "label": labels.get(key, key), "granted": in_force[key]}
        for key in CONSENT_KEYS
        if key in labels
    ]


def _grouped_matches(user) -> dict[str, list[Match]]:
    """Invitations waiting for the person's answer first, then their applications waiting for
    the organisation, their placements, and what is over."""
    groups = {"invitations": [], "applications": [], "placements": [], "past": []}
    for match in placements.matches_for_person(user):
        if match.status == M.PROPOSED:
            key = "invitations" if match.origin == Match.Origin.INVITATION else "applications"
        elif match.status in Match.HOLDING_PLACE:
            key = "placements"
        else:
            key = "past"
        groups[key].append(match)
    groups["past"] = groups["past"][:PAST_MATCHES]
    return groups


def history_rows(record, user) -> list[dict]:
    """A record's life-cycle history as the person reads it: the status in their language,
    when, whether they or the portal itself made the move, and the note."""
    labels = dict(type(record).Status.choices)
    return [
        {
            "label": labels.get(change.to_status, change.to_status),
            "at": change.at,
            "by_self": change.by_id == user.pk,
            "by_portal": change.by_id is None,
            "note": change.note,
        }
        for change in record.history()
    ]


def _current_credential(user) -> MentorCredential | None:
    """The person's credential in progress or in force, else their latest one."""
    mine = MentorCredential.objects.filter(person=user).select_related(
        "province", "reference_organisation", "reference_unit"
    )
    return (
        mine.filter(status__in=[C.DRAFT, C.SUBMITTED, C.IN_REVIEW, C.GRANTED])
        .order_by("-created_at", "-pk")
        .first()
        or mine.order_by("-created_at", "-pk").first()
    )


# --- Overview --------------------------------------------------------------------------------


@login_required
def dashboard(request):
    user = request.user
    profile = profile_of(user)
    consents = consents_in_force(user)
    recommendations = []
    if profile is not None and consents[MATCHING_CONSENT] and profile.is_active:
        recommendations = recommend(user, limit=DASHBOARD_RECOMMENDATIONS)
        for recommendation in recommendations:
            recommendation.when = availability.describe(recommendation.role.program.schedule)
    return render(
        request,
        "volunteers/me/dashboard.html",
        {
            "profile": profile,
            "when": availability.describe(profile.availability) if profile else "",
            "consent_rows": _consent_rows(user),
            "matching_consent": consents[MATCHING_CONSENT],
            "recommendations": recommendations,
            "groups": _grouped_matches(user),
            "totals": hours_services.hours_totals(user),
            "credential": _current_credential(user),
            "certificates": hours_services.volunteering_certificates(user).order_by(
                "-issued_on", "-pk"
            ),
            "trainings": CompletedTraining.objects.filter(person=user).select_related(
                "training", "certificate"
            ),
        },
    )


# --- Profile ---------------------------------------------------------------------------------


@login_required
def profile_edit(request):
    user = request.user
    existing = VolunteerProfile.objects.filter(user=user).first()
    instance = existing or VolunteerProfile(user=user)
    next_url = _safe_next(request)
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=instance)
        if form.is_valid():
            try:
                profile_save(
                    user=user,
                    data=form.service_data(),
                    skills=form.cleaned_data["skills"],
                    languages=form.cleaned_data["languages"],
                    working_areas=form.cleaned_data["working_areas"],
                    target_groups=form.cleaned_data["target_groups"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Gönüllü profiliniz kaydedildi."))
                if not consents_in_force(user)[MATCHING_CONSENT]:
                    messages.warning(
                        request,
                        _(
                            "Eşleştirme izniniz yok: kuruluşlar sizi önerilerde görmez ve size "
                            "rol önerilmez. İzni Rızalarım sayfasından verebilirsiniz."
                        ),
                    )
                return redirect(next_url or "volunteer_dashboard")
    else:
        form = ProfileForm(instance=instance)
    return render(
        request,
        "volunteers/me/profile_form.html",
        {
            "form": form,
            "grid": form.availability_grid(),
            "creating": existing is None,
            "next": next_url,
            "matching_consent": consents_in_force(user)[MATCHING_CONSENT],
        },
    )


# --- Recommended roles -----------------------------------------------------------------------


@login_required
def recommended_roles(request):
    user = request.user
    profile = profile_of(user)
    consent = consents_in_force(user)[MATCHING_CONSENT]
    recommendations = []
    if profile is not None and consent and profile.is_active:
        recommendations = recommend(user)
        for recommendation in recommendations:
            recommendation.when = availability.describe(recommendation.role.program.schedule)
    return render(
        request,
        "volunteers/me/recommended_roles.html",
        {"profile": profile, "consent": consent, "recommendations": recommendations},
    )


# --- One placement ---------------------------------------------------------------------------


def _own_match(request, pk: int) -> Match:
    """The person's own match; anyone else's does not exist for them."""
    match = (
        Match.objects.select_related(
            "role__program__organisation",
            "role__program__support_unit",
            "role__program__province",
            "role__program__district",
        )
        .filter(pk=pk, person=request.user)
        .first()
    )
    if match is None:
        raise Http404
    return match


def _match_moves(match: Match, user) -> set[str]:
    return {
        MATCH_ACTIONS[move.target]
        for move in lifecycle_of(Match).available(match, user)
        if move.target in MATCH_ACTIONS
    }


@login_required
def match_detail(request, pk: int):
    match = _own_match(request, pk)
    user = request.user
    decline_form, close_form, check_in_form = DeclineForm(), CloseForm(), CheckInForm()
    problem = None
    if request.method == "POST":
        action = request.POST.get("action", "")
        moves = _match_moves(match, user)
        try:
            if action == "check_in":
                check_in_form = CheckInForm(request.POST)
                if check_in_form.is_valid():
                    try:
                        placements.check_in_add(match=match, by=user, **check_in_form.cleaned_data)
                    except ValidationError as error:
                        add_service_errors(check_in_form, error)
                    else:
                        messages.success(request, _("Görüşme notunuz kaydedildi."))
                        return redirect("my_match", pk=match.pk)
            elif action not in moves:
                problem = _("Bu adım şu anda atılamıyor; sayfadaki güncel durumu kontrol edin.")
            elif action == "accept":
                placements.match_accept(match=match, by=user)
                messages.success(request, _("Daveti kabul ettiniz. Kuruluş size ulaşacak."))
                return redirect("my_match", pk=match.pk)
            elif action == "decline":
                decline_form = DeclineForm(request.POST)
                if decline_form.is_valid():
                    placements.match_decline(
                        match=match, by=user, note=decline_form.cleaned_data["note"]
                    )
                    messages.success(request, _("Daveti geri çevirdiniz."))
                    return redirect("my_match", pk=match.pk)
            elif action == "withdraw":
                placements.match_withdraw(match=match, by=user)
                messages.success(request, _("Başvurunuzu geri çektiniz."))
                return redirect("my_match", pk=match.pk)
            elif action == "close":
                close_form = CloseForm(request.POST)
                if close_form.is_valid():
                    placements.match_close(match=match, by=user, **close_form.cleaned_data)
                    messages.success(request, _("Yerleştirme kapatıldı."))
                    return redirect("my_match", pk=match.pk)
            else:
                problem = _("Bu adım şu anda atılamıyor; sayfadaki güncel durumu kontrol edin.")
        except ValidationError as error:
            form = close_form if action == "close" else decline_form
            add_service_errors(form, error)
        except (DomainError, PermissionDenied) as error:
            problem = (
                str(error) if isinstance(error, DomainError) else _("Bu adımı atmaya yetkiniz yok.")
            )
        match.refresh_from_db()
    moves = _match_moves(match, user)
    return render(
        request,
        "volunteers/me/match_detail.html",
        {
            "match": match,
            "program": match.role.program,
            "when": availability.describe(match.role.program.schedule),
            "history": history_rows(match, user),
            "moves": moves,
            "decline_form": decline_form,
            "close_form": close_form,
            "check_in_form": check_in_form,
            "may_check_in": match.status in Match.HOLDING_PLACE,
            "check_ins": list(match.check_ins.select_related("by")),
            "problem": problem,
        },
    )


# --- Hours -----------------------------------------------------------------------------------


@login_required
def hours(request):
    user = request.user
    if request.method == "POST":
        form = HoursForm(request.POST, person=user)
        if form.is_valid():
            place = form.place_objects()
            if not place:
                form.add_error("place", _("Listeden bir rol ya da etkinlik seçin."))
            else:
                try:
                    hours_services.hours_log(
                        person=user,
                        on=form.cleaned_data["on"],
                        hours=form.cleaned_data["hours"],
                        kind=form.cleaned_data["kind"],
                        description=form.cleaned_data["description"],
                        **place,
                    )
                except ValidationError as error:
                    add_service_errors(form, error)
                except VolunteerError as error:
                    form.add_error(None, str(error))
                else:
                    messages.success(
                        request, _("Saatleriniz kaydedildi; kuruluşun onayını bekliyor.")
                    )
                    return redirect("my_hours")
    else:
        form = HoursForm(person=user)
    logs = HoursLog.objects.filter(person=user).select_related(
        "match__role__program", "signup__event", "organisation"
    )
    return render(
        request,
        "volunteers/me/hours.html",
        {
            "form": form,
            "logs": logs,
            "totals": hours_services.hours_totals(user),
            "certificates": hours_services.volunteering_certificates(user).order_by(
                "-issued_on", "-pk"
            ),
            "has_places": len(form.fields["place"].choices) > 1,
        },
    )


@login_required
@require_POST
def certificate_issue(request):
    try:
        certificate = hours_services.volunteering_certificate_issue(person=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Gönüllülük belgeniz hazır: %(number)s. Aşağıdaki listeden indirebilirsiniz.")
            % {"number": certificate.number},
        )
    return redirect("my_hours")


# --- Experience mentor credential ------------------------------------------------------------


def _withdrawable(credential: MentorCredential | None, user) -> bool:
    if credential is None:
        return False
    return any(
        move.target == C.WITHDRAWN
        for move in lifecycle_of(MentorCredential).available(credential, user)
    )


def _reference_initial(credential: MentorCredential) -> dict:
    return {
        "reference_organisation": credential.reference_organisation_id,
        "reference_unit": credential.reference_unit_id,
        "referee_name": credential.referee_name,
        "referee_position": credential.referee_position,
        "reference_statement": credential.reference_statement,
    }


@login_required
def mentor_credential(request):
    user = request.user
    credential = _current_credential(user)
    reference_form = None
    problem = None
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "start":
                credentials.credential_start(person=user)
                messages.success(
                    request,
                    _("Başvurunuz taslak olarak açıldı. Referansınızı ve beyanınızı ekleyin."),
                )
                return redirect("mentor_credential")
            if credential is None:
                raise VolunteerError(_("Önce bir başvuru başlatın."))
            if action == "reference":
                reference_form = ReferenceForm(request.POST, credential=credential)
                if reference_form.is_valid():
                    try:
                        credentials.credential_update(
                            credential=credential, by=user, data=reference_form.cleaned_data
                        )
                    except ValidationError as error:
                        add_service_errors(reference_form, error)
                    else:
                        messages.success(request, _("Referans bilgileri kaydedildi."))
                        return redirect("mentor_credential")
            elif action == "submit":
                credentials.credential_submit(credential=credential, by=user)
                messages.success(
                    request,
                    _("Başvurunuz gönderildi. İlinizin koordinatörü bir değerlendirici atayacak."),
                )
                return redirect("mentor_credential")
            elif action == "withdraw":
                credentials.credential_withdraw(
                    credential=credential, by=user, note=request.POST.get("note", "")[:500]
                )
                messages.success(request, _("Başvurunuzu geri çektiniz."))
                return redirect("mentor_credential")
            else:
                problem = _("Bu adım şu anda atılamıyor; sayfadaki güncel durumu kontrol edin.")
        except (DomainError, PermissionDenied) as error:
            problem = (
                str(error) if isinstance(error, DomainError) else _("Bu adımı atmaya yetkiniz yok.")
            )
            credential = _current_credential(user)
    if credential is not None and credential.status == C.DRAFT and reference_form is None:
        reference_form = ReferenceForm(
            initial=_reference_initial(credential), credential=credential
        )
    profile = profile_of(user)
    accesses = []
    if credential is not None:
        accesses = list(declarations.declaration_accesses(credential))
    return render(
        request,
        "volunteers/me/mentor_credential.html",
        {
            "profile": profile,
            "credential": credential,
            "progress": credentials.credential_progress(user),
            "missing": credentials.credential_missing(credential)
            if credential is not None and credential.status == C.DRAFT
            else [],
            "history": history_rows(credential, user) if credential is not None else [],
            "reference_form": reference_form,
            "declaration_exists": credential is not None
            and declarations.declaration_exists(credential),
            "accesses": accesses,
            "may_withdraw": _withdrawable(credential, user),
            "may_start": profile is not None
            and (
                credential is None
                or credential.status in (C.WITHDRAWN, C.DECLINED, C.EXPIRED, C.REVOKED)
            ),
            "trainings": credentials.trainings_in_force(user),
            "problem": problem,
        },
    )


@never_cache
@login_required
def mentor_declaration(request):
    """The recovery declaration: written here while the application is a draft; its stored
    content is shown only after the person presses "show", which is logged like any reading.
    No page of the portal renders it otherwise, and nothing here may be cached."""
    user = request.user
    credential = _current_credential(user)
    if credential is None:
        messages.info(
            request, _("Beyan, deneyim mentoru başvurusunun parçasıdır; önce başvuru başlatın.")
        )
        return redirect("mentor_credential")
    editable = credential.status == C.DRAFT
    content = None
    form = None
    problem = None
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "show":
            try:
                content = declarations.declaration_read(credential=credential, by=user)
            except (DomainError, PermissionDenied, ValidationError) as error:
                problem = (
                    str(error) if isinstance(error, DomainError) else _("Beyan gösterilemedi.")
                )
            else:
                if editable:
                    form = DeclarationForm(initial=content)
        elif action == "save" and editable:
            form = DeclarationForm(request.POST)
            if form.is_valid():
                try:
                    declarations.declaration_save(
                        credential=credential, by=user, **form.cleaned_data
                    )
                except ValidationError as error:
                    add_service_errors(form, error)
                except DomainError as error:
                    problem = str(error)
                else:
                    messages.success(request, _("Beyanınız şifrelenerek kaydedildi."))
                    return redirect("mentor_declaration")
        else:
            problem = _("Bu adım şu anda atılamıyor; sayfadaki güncel durumu kontrol edin.")
    if form is None and editable:
        form = DeclarationForm()
    return render(
        request,
        "volunteers/me/mentor_declaration.html",
        {
            "credential": credential,
            "editable": editable,
            "exists": declarations.declaration_exists(credential),
            "content": content,
            "form": form,
            "problem": problem,
            "accesses": list(declarations.declaration_accesses(credential)[:20]),
        },
    )
