"""Mentor credentials for staff: the queue of what waits for each hat (coordinators
assign, reviewers review, the board decides), a credential's page with the forms of its
life cycle, and the recovery declaration, shown to the assigned reviewer only once they
state why they read it, never cached."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.exceptions import DomainError
from core.forms import add_service_errors
from core.lifecycle import lifecycle_of
from core.models import StaffRole, User
from core.permissions import can, has_role, province_ids_for, staff_in_role, staff_mfa_satisfied

from ... import credentials, declarations
from ...forms.staff import AssignForm, DecideForm, PurposeForm, ReviewForm, RevokeForm
from ...models import MentorCredential
from .common import in_reach, person_name, staff_nav

C = MentorCredential.Status
EXPIRY_HORIZON_DAYS = 60


def _credentials():
    # Never the declaration: lists join the person's profile for the name, nothing else.
    return MentorCredential.objects.select_related(
        "person", "person__volunteer_profile", "province", "reviewer"
    )


def _named(rows) -> list:
    rows = list(rows)
    for credential in rows:
        credential.person_name = person_name(credential.person)
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
                    in_reach(base.filter(status=C.SUBMITTED), reach).order_by("submitted_at", "pk")
                ),
            }
        )
        sections.append(
            {
                "key": "following",
                "title": _("İlimde değerlendirmede olanlar"),
                "empty": _("Değerlendirmede başvuru yok."),
                "rows": _named(
                    in_reach(base.filter(status=C.IN_REVIEW), reach).order_by("submitted_at", "pk")
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
                "rows": _named(expiring if board else in_reach(expiring, reach)),
            }
        )
    return render(
        request,
        "volunteers/staff/credential_queue.html",
        {"sections": sections, "nav": staff_nav(user)},
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
        "person_name": person_name(credential.person),
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
        "nav": staff_nav(user),
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
            "person_name": person_name(credential.person),
            "form": form,
            "content": content,
            "nav": staff_nav(user),
        },
    )
    response["Cache-Control"] = "no-store, private, max-age=0"
    return response
