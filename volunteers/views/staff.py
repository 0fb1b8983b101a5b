"""Staff pages of volunteering: mentor credentials (coordinators assign, reviewers review, the
board decides), the recovery declaration (the assigned reviewer only, with a stated purpose),
volunteers' background checks and trainings, batch assignment, and hours totals.

Every page asks the permission rules of ``volunteers.workflow``; coordinators reach only the
provinces they cover. The recovery declaration appears on one page only, in the response to
the reviewer's request that stated a purpose, never cached.
"""

import datetime
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import CharField, Q, Value
from django.db.models.functions import Concat, Lower, Replace
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from accreditation.models import Organisation
from core.exceptions import DomainError
from core.forms import add_service_errors
from core.lifecycle import lifecycle_of
from core.models import Province, StaffRole, User
from core.permissions import (
    can,
    has_role,
    province_ids_for,
    require,
    staff_in_role,
    staff_mfa_satisfied,
)
from core.spreadsheets import csv_response, spreadsheet_safe
from core.text import tr_fold

from .. import credentials, declarations, hours, matching
from ..forms.staff import (
    AssignForm,
    BackgroundCheckForm,
    BatchForm,
    DecideForm,
    PurposeForm,
    ReviewForm,
    RevokeForm,
    TotalsFilterForm,
    TrainingRecordForm,
    VolunteerSearchForm,
)
from ..models import (
    BackgroundCheck,
    BatchAssignment,
    CompletedTraining,
    HoursLog,
    MentorCredential,
    Program,
    Role,
    VolunteerProfile,
)

C = MentorCredential.Status
EXPIRY_HORIZON_DAYS = 60
PAGE_SIZE = 25
TOTALS_SHOWN = 100

# What a person types is matched the way accreditation.text.tr_fold folds it: Turkish lower
# case with the diacritics dropped, so "Çağrı", "CAGRI" and "çağri" find the same person.
_FOLD_PAIRS = (
    ("İ", "i"),
    ("I", "i"),
    ("ı", "i"),
    ("Ç", "c"),
    ("ç", "c"),
    ("Ğ", "g"),
    ("ğ", "g"),
    ("Ö", "o"),
    ("ö", "o"),
    ("Ş", "s"),
    ("ş", "s"),
    ("Ü", "u"),
    ("ü", "u"),
    ("Â", "a"),
    ("â", "a"),
    ("Î", "i"),
    ("î", "i"),
    ("Û", "u"),
    ("û", "u"),
)


def _folded(expression):
    for letter, plain in _FOLD_PAIRS:
        expression = Replace(expression, Value(letter), Value(plain))
    return Lower(expression)


# --- Reach -----------------------------------------------------------------------------------


def _coordinator_reach(user) -> set[int] | None:
    """Province ids the user coordinates (administrators: None, all provinces). Refused with
    403 for anyone else, or for staff without their second factor."""
    if has_role(user, StaffRole.ADMIN):
        reach = None
    elif has_role(user, StaffRole.COORDINATOR):
        reach = province_ids_for(user, StaffRole.COORDINATOR)
    else:
        raise PermissionDenied("coordinator")
    if not staff_mfa_satisfied(user):
        raise PermissionDenied("mfa")
    return reach


def _in_reach(queryset, reach: set[int] | None, field: str = "province_id"):
    return queryset if reach is None else queryset.filter(**{f"{field}__in": reach})


def _provinces(reach: set[int] | None):
    provinces = Province.objects.all() if reach is None else Province.objects.filter(pk__in=reach)
    return provinces.alphabetical()


def _person_name(person) -> str:
    """The display name the person chose for their volunteering, else their full name."""
    profile = getattr(person, "volunteer_profile", None)
    if profile is not None and profile.display_name:
        return profile.display_name
    return person.full_name or person.email


# --- Mentor credentials ----------------------------------------------------------------------


def _credentials():
    # Never the declaration: lists join the person's profile for the name, nothing else.
    return MentorCredential.objects.select_related(
        "person", "person__volunteer_profile", "province", "reviewer"
    )


def _named(rows) -> list:
    rows = list(rows)
    for credential in rows:
        credential.person_name = _person_name(credential.person)
    return rows


@login_required
def credential_queue(request):
    """What waits for the user: assignments (coordinators), reviews (the assigned reviewer),
    decisions (the board), and credentials in force that end within 60 days."""
    user = request.user
    if not staff_in_role(
        user, StaffRole.COORDINATOR, StaffRole.REVIEWER, StaffRole.BOARD, StaffRole.ADMIN
    ):
        raise PermissionDenied("staff")
    base = _credentials().exclude(person=user)
    today = timezone.localdate()
    coordinates = has_role(user, StaffRole.COORDINATOR) or has_role(user, StaffRole.ADMIN)
    reach = (
        None if has_role(user, StaffRole.ADMIN) else province_ids_for(user, StaffRole.COORDINATOR)
    )
    board = has_role(user, StaffRole.BOARD)
    sections = []
    if coordinates:
        sections.append(
            {
                "key": "assign",
                "title": _("Değerlendirici atanacak başvurular"),
                "empty": _("Değerlendirici bekleyen başvuru yok."),
                "rows": _named(
                    _in_reach(base.filter(status=C.SUBMITTED), reach).order_by("submitted_at", "pk")
                ),
            }
        )
        sections.append(
            {
                "key": "following",
                "title": _("İlimde değerlendirmede olanlar"),
                "empty": _("Değerlendirmede başvuru yok."),
                "rows": _named(
                    _in_reach(base.filter(status=C.IN_REVIEW), reach).order_by("submitted_at", "pk")
                ),
            }
        )
    if has_role(user, StaffRole.REVIEWER):
        sections.append(
            {
                "key": "review",
                "title": _("Değerlendirmem beklenenler"),
                "empty": _("Size atanmış başvuru yok."),
                "rows": _named(
                    base.filter(status=C.IN_REVIEW, reviewer=user).order_by("submitted_at", "pk")
                ),
            }
        )
    if board:
        sections.append(
            {
                "key": "decide",
                "title": _("Kurul kararı bekleyenler"),
                "empty": _("Karar bekleyen başvuru yok."),
                "rows": _named(
                    base.filter(status=C.IN_REVIEW)
                    .exclude(recommendation="")
                    .exclude(reviewer=user)
                    .order_by("submitted_at", "pk")
                ),
            }
        )
    if coordinates or board:
        expiring = base.filter(
            status=C.GRANTED,
            valid_until__gte=today,
            valid_until__lte=today + datetime.timedelta(days=EXPIRY_HORIZON_DAYS),
        ).order_by("valid_until", "pk")
        sections.append(
            {
                "key": "expiring",
                "title": _("60 gün içinde süresi dolacak yetkinlikler"),
                "empty": _("Yakında süresi dolacak yetkinlik yok."),
                "rows": _named(expiring if board else _in_reach(expiring, reach)),
            }
        )
    return render(
        request,
        "volunteers/staff/credential_queue.html",
        {"sections": sections, "nav": _nav(user)},
    )


def _credential_access(user, credential: MentorCredential) -> dict:
    """Which hats the user wears for this credential; none → 403. The person never uses the
    staff pages for their own credential."""
    if credential.person_id == user.pk:
        raise PermissionDenied("own credential")
    access = {
        "coordinator": can(user, "mentor.assign", credential),
        "reviewer": can(user, "mentor.review", credential),
        "board": has_role(user, StaffRole.BOARD) and staff_mfa_satisfied(user),
    }
    if not any(access.values()):
        raise PermissionDenied("mentor credential")
    return access


def _timeline(credential: MentorCredential) -> list[dict]:
    labels = dict(C.choices)
    return [
        {
            "at": change.at,
            "from": labels.get(change.from_status, ""),
            "to": labels.get(change.to_status, change.to_status),
            "who": change.by.full_name if change.by_id else _("Portal"),
            "note": change.note,
        }
        for change in credential.history()
    ]


def _reviewers(credential: MentorCredential):
    """People holding the reviewer role in the credential's province (or nationwide)."""
    return (
        User.objects.filter(is_active=True, role_assignments__role=StaffRole.REVIEWER)
        .filter(
            Q(role_assignments__province_id=credential.province_id)
            | Q(role_assignments__province__isnull=True)
        )
        .exclude(pk=credential.person_id)
        .distinct()
        .order_by("full_name", "pk")
    )


@login_required
@require_http_methods(["GET", "POST"])
def credential_detail(request, pk: int):
    user = request.user
    credential = get_object_or_404(_credentials(), pk=pk)
    access = _credential_access(user, credential)
    targets = {move.target for move in lifecycle_of(MentorCredential).available(credential, user)}
    can_assign = C.IN_REVIEW in targets
    can_review = access["reviewer"] and credential.status == C.IN_REVIEW
    can_decide = C.GRANTED in targets or C.DECLINED in targets
    can_revoke = C.REVOKED in targets
    action = request.POST.get("action") if request.method == "POST" else None
    posted = request.POST if action else None

    assign_form = AssignForm(
        posted if action == "assign" else None, reviewers=_reviewers(credential), prefix="assign"
    )
    review_form = ReviewForm(
        posted if action == "review" else None,
        prefix="review",
        initial={"recommendation": credential.recommendation, "note": credential.review_note},
    )
    decide_form = DecideForm(posted if action == "decide" else None, prefix="decide")
    revoke_form = RevokeForm(posted if action == "revoke" else None, prefix="revoke")

    if action is not None:
        permitted = {
            "assign": access["coordinator"],
            "review": access["reviewer"],
            "decide": can(user, "mentor.decide", credential),
            "revoke": can(user, "mentor.decide", credential),
        }
        possible = {
            "assign": can_assign,
            "review": can_review,
            "decide": can_decide,
            "revoke": can_revoke,
        }
        if action not in permitted:
            messages.error(request, _("Bu işlem tanınmadı; formu yeniden gönderin."))
            return redirect("staff_credential", pk=credential.pk)
        if not permitted[action]:
            raise PermissionDenied(action)
        if not possible[action]:
            # A second click, or someone else moved the credential in the meantime.
            messages.info(
                request, _("Bu adım başvurunun şu anki durumunda atılamaz; sayfa yenilendi.")
            )
            return redirect("staff_credential", pk=credential.pk)
        form = {
            "assign": assign_form,
            "review": review_form,
            "decide": decide_form,
            "revoke": revoke_form,
        }[action]
        if form.is_valid():
            data = form.cleaned_data
            try:
                if action == "assign":
                    credentials.credential_assign(
                        credential=credential, reviewer=data["reviewer"], by=user
                    )
                    done = _("Değerlendirici atandı; başvuru değerlendirmede.")
                elif action == "review":
                    credentials.credential_review(
                        credential=credential,
                        by=user,
                        recommendation=data["recommendation"],
                        note=data["note"],
                    )
                    done = _("Görüşünüz kaydedildi; başvuru kurul kararına hazır.")
                elif action == "decide":
                    credentials.credential_decide(
                        credential=credential,
                        by=user,
                        grant=data["decision"] == "grant",
                        note=data["note"],
                    )
                    done = _("Karar kaydedildi; kişiye e-postayla bildirildi.")
                else:
                    credentials.credential_revoke(credential=credential, by=user, note=data["note"])
                    done = _("Yetkinlik geri alındı; kişiye e-postayla bildirildi.")
            except ValidationError as error:
                add_service_errors(form, error)
            except DomainError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, done)
                return redirect("staff_credential", pk=credential.pk)

    can_read_declaration = can(user, "declaration.read", credential) and (
        declarations.declaration_exists(credential)
    )
    context = {
        "credential": credential,
        "person_name": _person_name(credential.person),
        "access": access,
        "progress": credentials.credential_progress(credential.person),
        "timeline": _timeline(credential),
        "has_declaration": declarations.declaration_exists(credential),
        "can_read_declaration": can_read_declaration,
        "accesses": (
            list(declarations.declaration_accesses(credential))
            if access["coordinator"] or access["reviewer"]
            else None
        ),
        "assign_form": assign_form if can_assign else None,
        "review_form": review_form if can_review else None,
        "decide_form": decide_form if can_decide else None,
        "revoke_form": revoke_form if can_revoke else None,
        "awaiting_recommendation": (
            access["board"] and credential.status == C.IN_REVIEW and not credential.recommendation
        ),
        "nav": _nav(user),
    }
    return render(request, "volunteers/staff/credential_detail.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def credential_declaration(request, pk: int):
    """The recovery declaration, for the assigned reviewer, once they state why they read it.
    Shown in the answer to that request only; nothing is read or logged without a purpose."""
    user = request.user
    credential = get_object_or_404(
        MentorCredential.objects.select_related("person", "person__volunteer_profile", "province"),
        pk=pk,
    )
    if credential.person_id == user.pk or not can(user, "declaration.read", credential):
        raise PermissionDenied("declaration.read")
    form = PurposeForm(request.POST if request.method == "POST" else None)
    content = None
    if form.is_bound and form.is_valid():
        try:
            content = declarations.declaration_read(
                credential=credential, by=user, purpose=form.cleaned_data["purpose"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except DomainError as error:
            form.add_error(None, str(error))
    response = render(
        request,
        "volunteers/staff/credential_declaration.html",
        {
            "credential": credential,
            "person_name": _person_name(credential.person),
            "form": form,
            "content": content,
            "nav": _nav(user),
        },
    )
    response["Cache-Control"] = "no-store, private, max-age=0"
    return response


# --- Volunteers: background checks and trainings ---------------------------------------------


@login_required
def volunteer_search(request):
    user = request.user
    reach = _coordinator_reach(user)
    provinces = _provinces(reach)
    form = VolunteerSearchForm(request.GET or None, provinces=provinces)
    profiles = _in_reach(
        VolunteerProfile.objects.select_related("user", "province", "district"), reach
    )
    query = ""
    if form.is_bound and form.is_valid():
        query = form.cleaned_data["q"].strip()
        if form.cleaned_data["province"] is not None:
            profiles = profiles.filter(province=form.cleaned_data["province"])
        if query:
            profiles = profiles.annotate(
                search_text=_folded(
                    Concat(
                        "display_name",
                        Value(" "),
                        "user__full_name",
                        Value(" "),
                        "user__email",
                        output_field=CharField(),
                    )
                )
            ).filter(search_text__contains=tr_fold(query))
    elif form.is_bound:
        profiles = profiles.none()
    page = Paginator(profiles.order_by("display_name", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "volunteers/staff/volunteer_search.html",
        {
            "form": form,
            "page_obj": page,
            "nav": _nav(user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def volunteer_detail(request, pk: int):
    user = request.user
    reach = _coordinator_reach(user)
    profile = get_object_or_404(
        VolunteerProfile.objects.select_related("user", "province", "district"), pk=pk
    )
    if reach is not None and profile.province_id not in reach:
        raise Http404
    person = profile.user
    action = request.POST.get("action") if request.method == "POST" else None
    check_form = BackgroundCheckForm(
        request.POST if action == "background" else None, prefix="check"
    )
    training_form = TrainingRecordForm(
        request.POST if action == "training" else None, prefix="training"
    )
    if action is not None:
        if action not in ("background", "training"):
            messages.error(request, _("Bu işlem tanınmadı; formu yeniden gönderin."))
            return redirect("staff_volunteer", pk=profile.pk)
        form = check_form if action == "background" else training_form
        if form.is_valid():
            data = form.cleaned_data
            try:
                if action == "background":
                    credentials.background_check_record(
                        person=person,
                        checked_on=data["checked_on"],
                        valid_until=data["valid_until"],
                        by=user,
                    )
                    done = _("Adli sicil kontrolü kaydedildi.")
                else:
                    credentials.training_record(
                        person=person,
                        training=data["training"],
                        completed_on=data["completed_on"],
                        by=user,
                    )
                    done = _("Eğitim kaydedildi ve kişiye eğitim belgesi düzenlendi.")
            except ValidationError as error:
                add_service_errors(form, error)
            except DomainError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, done)
                return redirect("staff_volunteer", pk=profile.pk)
    today = timezone.localdate()
    context = {
        "profile": profile,
        "person": person,
        "today": today,
        "checks": BackgroundCheck.objects.filter(person=person).select_related("recorded_by"),
        "trainings": CompletedTraining.objects.filter(person=person).select_related(
            "training", "certificate"
        ),
        "mentor_credentials": MentorCredential.objects.filter(person=person).order_by(
            "-created_at"
        ),
        "check_form": check_form,
        "training_form": training_form,
        "nav": _nav(user),
    }
    return render(request, "volunteers/staff/volunteer_detail.html", context)


# --- Batch assignment ------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def batch_new(request):
    user = request.user
    reach = _coordinator_reach(user)
    programs = _in_reach(Program.objects.published(), reach).select_related("province")
    form = BatchForm(
        request.POST if request.method == "POST" else None,
        provinces=_provinces(reach),
        programs=programs.order_by("title", "pk"),
    )
    if form.is_bound and form.is_valid():
        try:
            batch = matching.batch_compute(
                province=form.cleaned_data["province"],
                program=form.cleaned_data["program"],
                by=user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except DomainError as error:
            form.add_error(None, str(error))
        else:
            return redirect("batch_detail", pk=batch.pk)
    recent = _in_reach(
        BatchAssignment.objects.select_related("province", "program", "created_by"), reach
    )[:10]
    return render(
        request,
        "volunteers/staff/batch_new.html",
        {"form": form, "recent": recent, "nav": _nav(user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def batch_detail(request, pk: int):
    user = request.user
    batch = get_object_or_404(
        BatchAssignment.objects.select_related("province", "program", "created_by"), pk=pk
    )
    require(user, "matching.batch", batch.province_id)
    if request.method == "POST":
        try:
            created, skipped = matching.batch_confirm(batch=batch, by=user)
        except DomainError as error:
            messages.info(request, str(error))
        else:
            text = ngettext(
                "%(count)s davet gönderildi.", "%(count)s davet gönderildi.", created
            ) % {"count": created}
            if skipped:
                text += " " + ngettext(
                    "%(count)s eşleşme, hesaplamadan bu yana değişen bir durum (geri alınan "
                    "rıza, dolan yer, yeni bir başvuru) nedeniyle atlandı.",
                    "%(count)s eşleşme, hesaplamadan bu yana değişen bir durum (geri alınan "
                    "rıza, dolan yer, yeni bir başvuru) nedeniyle atlandı.",
                    skipped,
                ) % {"count": skipped}
            messages.success(request, text)
        return redirect("batch_detail", pk=batch.pk)
    rows = matching.batch_rows(batch)
    return render(
        request,
        "volunteers/staff/batch_detail.html",
        {
            "batch": batch,
            "rows": rows,
            "optimal_count": len(batch.pairs),
            "difference": round(batch.total_score - batch.greedy_score, 1),
            "nav": _nav(user),
        },
    )


# --- Hours totals ----------------------------------------------------------------------------


def _totals(queryset) -> dict[str, list[dict]]:
    """Approved hours per province, organisation, role and person, with names: a fixed
    number of queries whatever the size."""
    by_province = hours.totals_by("province", queryset)
    by_organisation = hours.totals_by("organisation", queryset)
    by_role = hours.totals_by("match__role", queryset)
    by_person = hours.totals_by("person", queryset)

    provinces = Province.objects.in_bulk([row["province"] for row in by_province])
    organisations = Organisation.objects.in_bulk(
        [row["organisation"] for row in by_organisation if row["organisation"]]
    )
    roles = Role.objects.select_related("program").in_bulk(
        [row["match__role"] for row in by_role if row["match__role"]]
    )
    person_ids = [row["person"] for row in by_person]
    display = dict(
        VolunteerProfile.objects.filter(user_id__in=person_ids).values_list(
            "user_id", "display_name"
        )
    )
    missing = [pk for pk in person_ids if not display.get(pk)]
    if missing:
        display.update(User.objects.filter(pk__in=missing).values_list("pk", "full_name"))

    def row(name, detail, total):
        return {"name": name, "detail": detail, "total": total}

    return {
        "province": [
            row(
                provinces[r["province"]].name if r["province"] in provinces else "—", "", r["total"]
            )
            for r in by_province
        ],
        "organisation": [
            row(
                organisations[r["organisation"]].display_name
                if r["organisation"] in organisations
                else _("Kuruluş dışı (Sosyal Uyum Birimi ya da kurum)"),
                "",
                r["total"],
            )
            for r in by_organisation
        ],
        "role": [
            row(
                roles[r["match__role"]].title if r["match__role"] in roles else _("Etkinlikler"),
                roles[r["match__role"]].program.title if r["match__role"] in roles else "",
                r["total"],
            )
            for r in by_role
        ],
        "person": [row(display.get(r["person"]) or "—", "", r["total"]) for r in by_person],
    }


def _hours_text(total) -> str:
    """5 or 2.5 on every database (SQLite and PostgreSQL sum decimals to different scales)."""
    return f"{Decimal(total).normalize():f}"


TOTAL_GROUPS = ("province", "organisation", "role", "person")


@login_required
def hours_totals(request):
    user = request.user
    reach = _coordinator_reach(user)
    provinces = _provinces(reach)
    params = request.GET.copy()
    wants_csv = params.pop("format", [""])[0] == "csv"
    form = TotalsFilterForm(params or None, provinces=provinces)
    logs = _in_reach(HoursLog.objects.all(), reach)
    if form.is_bound and form.is_valid() and form.cleaned_data["province"] is not None:
        logs = logs.filter(province=form.cleaned_data["province"])
    elif form.is_bound and not form.is_valid():
        logs = logs.none()
    totals = _totals(logs)
    labels = {
        "province": _("İl"),
        "organisation": _("Kuruluş"),
        "role": _("Rol"),
        "person": _("Gönüllü"),
    }
    if wants_csv:
        rows = [[_("Grup"), _("Ad"), _("Ayrıntı"), _("Onaylı saat")]]
        for key in TOTAL_GROUPS:
            for item in totals[key]:
                rows.append(
                    [
                        labels[key],
                        spreadsheet_safe(item["name"]),
                        spreadsheet_safe(item["detail"]),
                        _hours_text(item["total"]),
                    ]
                )
        return csv_response(rows, filename="gonullu-saatleri.csv")
    groups = [
        {
            "key": key,
            "label": labels[key],
            "rows": totals[key][:TOTALS_SHOWN],
            "more": max(len(totals[key]) - TOTALS_SHOWN, 0),
        }
        for key in TOTAL_GROUPS
    ]
    csv_params = params.copy()
    csv_params["format"] = "csv"
    return render(
        request,
        "volunteers/staff/hours_totals.html",
        {
            "form": form,
            "groups": groups,
            "csv_query": csv_params.urlencode(),
            "nav": _nav(user),
        },
    )


# --- Navigation ------------------------------------------------------------------------------


def _nav(user) -> dict:
    """Which staff pages to offer (one permission check each, roles cached per request)."""
    coordinates = (
        has_role(user, StaffRole.COORDINATOR) or has_role(user, StaffRole.ADMIN)
    ) and staff_mfa_satisfied(user)
    return {"coordinates": coordinates}
