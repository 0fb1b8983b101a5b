"""Pages of the accreditation cycle: applicant, coordinator, reviewer and board."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from accreditation.models import (
    Answer,
    Application,
    ApplicationStatus,
    Criterion,
    CriterionScore,
    Evidence,
    Organisation,
    ReviewAssignment,
)
from core.exceptions import DomainError
from core.files import private_file_response
from core.lifecycle import lifecycle_of, transition
from core.models import StaffRole, User
from core.permissions import can, has_role, province_ids_for, require

from .. import applications as services
from ..forms import AnswerForm, DecisionForm, EvidenceForm, ScoreForm, SiteVisitForm
from ..selectors import criteria_of, missing_mandatory_evidence, review_summary


def _application(pk: int, user) -> Application:
    application = get_object_or_404(
        Application.objects.select_related("organisation", "organisation__province", "standard"),
        pk=pk,
    )
    require(user, "application.view", application)
    return application


def _int(value) -> int:
    """An id from a form; anything else (tampered or garbled input) matches nothing."""
    return int(value) if value and str(value).isdigit() else 0


def _back(application: Application):
    return redirect("application_detail", pk=application.pk)


def _timeline(application: Application) -> list[dict]:
    """The history as the applicant sees it: reviewers appear as "Değerlendirici 1/2"."""
    pseudonyms = {a.reviewer_id: a.pseudonym for a in application.assignments.all()}
    rows = []
    for change in application.history():
        if change.by_id in pseudonyms:
            who = pseudonyms[change.by_id]
        elif change.by is None:
            who = _("Portal")
        else:
            who = change.by.full_name
        rows.append(
            {
                "at": change.at,
                "from": dict(ApplicationStatus.choices).get(change.from_status, ""),
                "to": dict(ApplicationStatus.choices).get(change.to_status, change.to_status),
                "who": who,
                "note": change.note,
            }
        )
    return rows


@login_required
def application_start(request, slug: str):
    organisation = get_object_or_404(Organisation, slug=slug)
    require(request.user, "organisation.edit", organisation)
    current = organisation.applications.open().first()
    if current is not None:
        return _back(current)
    if request.method == "POST":
        try:
            application = services.application_start(organisation=organisation, by=request.user)
        except DomainError as error:
            messages.error(request, str(error))
            return redirect("organisation_profile", slug=organisation.slug)
        messages.success(request, _("Başvuru taslağı oluşturuldu."))
        return _back(application)
    return render(request, "accreditation/application_start.html", {"organisation": organisation})


@login_required
def application_detail(request, pk: int):
    application = _application(pk, request.user)
    user = request.user
    criteria = criteria_of(application.standard)
    answers = {
        a.criterion_id: a
        for a in Answer.objects.filter(application=application, round=application.round)
    }
    evidence: dict[int, list] = {}
    for item in application.evidence.filter(removed_at__isnull=True).order_by("uploaded_at"):
        evidence.setdefault(item.criterion_id, []).append(item)
    my_assignment = application.assignments.filter(reviewer=user).exclude(state="recused").first()
    # Until a reviewer declares no conflict of interest they see only that they were assigned.
    declared = (
        my_assignment is None or my_assignment.state != ReviewAssignment.State.AWAITING_DECLARATION
    )
    is_staff_view = declared and (
        can(user, "application.screen", application)
        or can(user, "application.decide", application)
        or my_assignment is not None
    )
    context = {
        "application": application,
        "organisation": application.organisation,
        "rows": [
            {"criterion": c, "answer": answers.get(c.pk), "evidence": evidence.get(c.pk, [])}
            for c in criteria
        ]
        if declared
        else [],
        "missing": missing_mandatory_evidence(application),
        "timeline": _timeline(application),
        "moves": [
            {
                "target": move.target,
                "label": dict(ApplicationStatus.choices)[move.target],
                "note_required": move.note_required,
            }
            for move in lifecycle_of(Application).available(application, user)
            # Board decisions have their own form with the outcome and the reasons.
            if move.rule != "application.decide"
        ],
        "can_edit": can(user, "application.edit", application) and application.is_editable,
        "can_screen": can(user, "application.screen", application),
        "can_decide": can(user, "application.decide", application),
        "my_assignment": my_assignment,
        "assignments": list(application.assignments.select_related("reviewer")),
        "summary": review_summary(application) if is_staff_view else None,
        "reviewers": (
            User.objects.filter(
                role_assignments__role=StaffRole.REVIEWER,
                role_assignments__province_id=application.organisation.province_id,
            )
            .exclude(review_assignments__application=application)
            .distinct()
            if can(user, "application.screen", application)
            else []
        ),
        "decision_form": DecisionForm(),
        "site_visit_form": SiteVisitForm(),
        "site_visits": application.site_visits.all(),
    }
    return render(request, "accreditation/application_detail.html", context)


@login_required
def criterion_edit(request, pk: int, criterion_id: int):
    """The applicant's self-assessment and evidence for one criterion."""
    application = _application(pk, request.user)
    require(request.user, "application.edit", application)
    criterion = get_object_or_404(
        Criterion.objects.select_related("group"),
        pk=criterion_id,
        group__standard=application.standard,
    )
    answer = Answer.objects.filter(
        application=application, criterion=criterion, round=application.round
    ).first()
    answer_form = AnswerForm(
        request.POST if "save_answer" in request.POST else None,
        initial={
            "self_score": answer.self_score if answer else None,
            "narrative": answer.narrative if answer else "",
        },
    )
    evidence_form = EvidenceForm(
        request.POST if "upload" in request.POST else None,
        request.FILES if "upload" in request.POST else None,
    )
    if request.method == "POST":
        try:
            if "save_answer" in request.POST and answer_form.is_valid():
                services.answer_save(
                    application=application,
                    criterion=criterion,
                    by=request.user,
                    **answer_form.cleaned_data,
                )
                messages.success(request, _("Yanıtınız kaydedildi."))
                return redirect(
                    "application_criterion", pk=application.pk, criterion_id=criterion.pk
                )
            if "upload" in request.POST and evidence_form.is_valid():
                services.evidence_add(
                    application=application,
                    criterion=criterion,
                    upload=evidence_form.cleaned_data["file"],
                    by=request.user,
                )
                messages.success(request, _("Dosya yüklendi."))
                return redirect(
                    "application_criterion", pk=application.pk, criterion_id=criterion.pk
                )
            if "remove" in request.POST:
                item = get_object_or_404(
                    Evidence, pk=_int(request.POST.get("remove")), application=application
                )
                services.evidence_remove(evidence=item, by=request.user)
                messages.success(request, _("Dosya kaldırıldı."))
                return redirect(
                    "application_criterion", pk=application.pk, criterion_id=criterion.pk
                )
        except ValidationError as error:
            evidence_form.add_error("file", error)
        except DomainError as error:
            messages.error(request, str(error))
    return render(
        request,
        "accreditation/application_criterion.html",
        {
            "application": application,
            "criterion": criterion,
            "answer_form": answer_form,
            "evidence_form": evidence_form,
            "evidence": application.evidence.filter(criterion=criterion, removed_at__isnull=True),
            "editable": application.is_editable,
        },
    )


@login_required
def evidence_download(request, evidence_id: int):
    item = get_object_or_404(Evidence.objects.select_related("application"), pk=evidence_id)
    application = item.application
    require(request.user, "application.view", application)
    # A reviewer sees the file only after declaring no conflict of interest.
    assignment = application.assignments.filter(reviewer=request.user).first()
    if (
        assignment is not None
        and assignment.state != ReviewAssignment.State.ACTIVE
        and not can(request.user, "application.edit", application)
    ):
        raise PermissionDenied
    return private_file_response(
        item.file, download_name=item.original_name, content_type=item.content_type
    )


@login_required
@require_POST
def application_move(request, pk: int):
    """One button per allowed move; the life cycle decides what is legal and for whom."""
    application = _application(pk, request.user)
    target = request.POST.get("target", "")
    note = request.POST.get("note", "")
    if target == application.status:  # a second click on the same button
        messages.info(request, _("Bu işlem zaten yapıldı."))
        return _back(application)
    try:
        if target in {ApplicationStatus.SUBMITTED, ApplicationStatus.IN_REVIEW} and (
            application.status in {ApplicationStatus.DRAFT, ApplicationStatus.CHANGES_REQUESTED}
        ):
            services.application_submit(application=application, by=request.user)
        else:
            transition(application, target, by=request.user, note=note)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Başvurunun yeni durumu: %(status)s.") % {"status": application.get_status_display()},
        )
    return _back(application)


@login_required
@require_POST
def reviewer_assign(request, pk: int):
    application = _application(pk, request.user)
    reviewer = User.objects.filter(pk=_int(request.POST.get("reviewer"))).first()
    if reviewer is None:
        messages.error(request, _("Bir değerlendirici seçin."))
        return _back(application)
    try:
        services.reviewer_assign(application=application, reviewer=reviewer, by=request.user)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Değerlendirici atandı."))
    return _back(application)


@login_required
@require_POST
def assignment_answer(request, assignment_id: int):
    """The reviewer declares no conflict of interest, or recuses with a reason."""
    assignment = get_object_or_404(ReviewAssignment, pk=assignment_id, reviewer=request.user)
    try:
        if request.POST.get("action") == "declare":
            services.assignment_declare(assignment=assignment, by=request.user)
            messages.success(request, _("Beyanınız kaydedildi; başvuruyu değerlendirebilirsiniz."))
        else:
            services.assignment_recuse(
                assignment=assignment, by=request.user, reason=request.POST.get("reason", "")
            )
            messages.success(request, _("Değerlendirmeden çekildiniz."))
            return redirect("accreditation_work")
    except DomainError as error:
        messages.error(request, str(error))
    return _back(assignment.application)


@login_required
def review(request, pk: int):
    """The reviewer's scoring form for the current round: every criterion, 0–3 and a comment."""
    application = _application(pk, request.user)
    require(request.user, "application.review", application)
    assignment = application.assignments.get(reviewer=request.user, state="active")
    criteria = criteria_of(application.standard)
    existing = {
        s.criterion_id: s
        for s in CriterionScore.objects.filter(assignment=assignment, round=application.round)
    }
    forms = [
        (
            criterion,
            ScoreForm(
                request.POST or None,
                prefix=f"c{criterion.pk}",
                initial={
                    "score": existing[criterion.pk].score,
                    "comment": existing[criterion.pk].comment,
                }
                if criterion.pk in existing
                else None,
            ),
        )
        for criterion in criteria
    ]
    answers = {
        a.criterion_id: a
        for a in Answer.objects.filter(application=application, round=application.round)
    }
    if request.method == "POST":
        saved = 0
        for criterion, form in forms:
            if form.is_valid() and form.cleaned_data.get("score") is not None:
                try:
                    services.score_save(
                        application=application,
                        criterion=criterion,
                        by=request.user,
                        score=form.cleaned_data["score"],
                        comment=form.cleaned_data["comment"],
                    )
                    saved += 1
                except DomainError as error:
                    form.add_error("comment", str(error))
        if "complete" in request.POST and all(form.is_valid() for _c, form in forms):
            try:
                moved = services.review_complete(application=application, by=request.user)
            except DomainError as error:
                messages.error(request, str(error))
            else:
                messages.success(
                    request,
                    _("Değerlendirmeniz tamamlandı; başvuru kurula gönderildi.")
                    if moved
                    else _("Değerlendirmeniz tamamlandı; diğer değerlendirme bekleniyor."),
                )
                return _back(application)
        elif all(form.is_valid() for _c, form in forms):
            messages.success(
                request,
                ngettext("%(count)s puan kaydedildi.", "%(count)s puan kaydedildi.", saved)
                % {"count": saved},
            )
            return redirect("application_review", pk=application.pk)
    return render(
        request,
        "accreditation/application_review.html",
        {
            "application": application,
            "rows": [{"criterion": c, "form": f, "answer": answers.get(c.pk)} for c, f in forms],
        },
    )


@login_required
@require_POST
def site_visit(request, pk: int):
    application = _application(pk, request.user)
    form = SiteVisitForm(request.POST)
    if form.is_valid():
        try:
            services.site_visit_record(
                application=application, by=request.user, **form.cleaned_data
            )
        except (DomainError, ValidationError) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("Saha ziyareti kaydedildi."))
    else:
        messages.error(request, _("Ziyaret tarihini ve raporunu yazın."))
    return _back(application)


@login_required
def work(request):
    """Staff's own queue: what waits for them, in their provinces."""
    user = request.user
    require(user, "staff.use")
    applications = Application.objects.open().select_related(
        "organisation", "organisation__province"
    )
    coordinator_provinces = province_ids_for(user, StaffRole.COORDINATOR)
    queues = {
        "screening": applications.filter(
            status__in=[
                ApplicationStatus.SUBMITTED,
                ApplicationStatus.SCREENING,
                ApplicationStatus.APPEALED,
            ]
        ).in_provinces(coordinator_provinces)
        if has_role(user, StaffRole.COORDINATOR)
        else [],
        "review": applications.filter(
            assignments__reviewer=user,
            assignments__state__in=["awaiting", "active"],
            status__in=[ApplicationStatus.IN_REVIEW, ApplicationStatus.SITE_VISIT],
        ).distinct(),
        "decision": [
            application
            for application in applications.filter(
                status=ApplicationStatus.DECISION_PENDING
            ).in_provinces(province_ids_for(user, StaffRole.BOARD))
            if can(user, "application.decide", application)
        ]
        if has_role(user, StaffRole.BOARD)
        else [],
    }
    return render(request, "accreditation/work.html", {"queues": queues})


@login_required
@require_POST
def application_decide(request, pk: int):
    application = _application(pk, request.user)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Bir karar seçin."))
        return _back(application)
    try:
        services.application_decide(application=application, by=request.user, **form.cleaned_data)
    except DomainError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Karar kaydedildi: %(status)s.") % {"status": application.get_status_display()},
        )
    return _back(application)
