"""Reads of applications that span models."""

from dataclasses import dataclass

# --- Applications ----------------------------------------------------------------------------


def criteria_of(standard) -> list:
    from .models import Criterion

    return list(
        Criterion.objects.filter(group__standard=standard)
        .select_related("group")
        .order_by("group__sort_order", "sort_order")
    )


def missing_mandatory_evidence(application) -> list:
    """Mandatory criteria of the application's standard without a current evidence file."""
    from .models import Criterion

    covered = set(
        application.evidence.filter(removed_at__isnull=True).values_list("criterion_id", flat=True)
    )
    return list(
        Criterion.objects.filter(group__standard=application.standard_id, mandatory=True)
        .exclude(pk__in=covered)
        .select_related("group")
        .order_by("group__sort_order", "sort_order")
    )


def active_assignments(application, *, for_appeal: bool | None = None):
    from .models import ReviewAssignment

    assignments = application.assignments.exclude(state=ReviewAssignment.State.RECUSED)
    if for_appeal is not None:
        assignments = assignments.filter(for_appeal=for_appeal)
    return assignments.select_related("reviewer").order_by("position")


@dataclass(frozen=True)
class CriterionResult:
    criterion: object
    scores: tuple[int, ...]
    average: float | None
    disagreement: bool
    mandatory_failed: bool


@dataclass(frozen=True)
class ReviewSummary:
    rows: list[CriterionResult]
    weighted_score: float | None  # 0–100
    complete: bool
    mandatory_failures: list
    disagreements: list


DISAGREEMENT_LEVELS = 1  # reviewers more than one level apart on a criterion are flagged


def review_summary(application) -> ReviewSummary:
    """Weighted score of the current round's reviews, mandatory check and disagreements.

    The weighted score is the weight-averaged mean of the reviewers' scores, as a percentage of
    the maximum (3 on every criterion). A mandatory criterion fails when its mean is below 2.
    """
    from .models import CriterionScore

    criteria = criteria_of(application.standard)
    assignments = list(active_assignments(application, for_appeal=application.is_appeal))
    scores: dict[int, list[int]] = {}
    for criterion_id, score in CriterionScore.objects.filter(
        assignment__in=assignments, round=application.round
    ).values_list("criterion_id", "score"):
        scores.setdefault(criterion_id, []).append(score)
    rows, total, maximum = [], 0.0, 0
    for criterion in criteria:
        given = tuple(scores.get(criterion.pk, ()))
        average = sum(given) / len(given) if given else None
        rows.append(
            CriterionResult(
                criterion=criterion,
                scores=given,
                average=average,
                disagreement=len(given) > 1 and max(given) - min(given) > DISAGREEMENT_LEVELS,
                mandatory_failed=criterion.mandatory and average is not None and average < 2,
            )
        )
        if average is not None:
            total += criterion.weight * average
        maximum += criterion.weight * 3
    complete = (
        bool(assignments) and len(assignments) >= 2 and all(len(row.scores) >= 2 for row in rows)
    )
    return ReviewSummary(
        rows=rows,
        weighted_score=round(100 * total / maximum, 1) if complete and maximum else None,
        complete=complete,
        mandatory_failures=[row.criterion for row in rows if row.mandatory_failed],
        disagreements=[row.criterion for row in rows if row.disagreement],
    )


def applications_for_staff(user, queryset):
    """The applications a staff member works on: coordinators their provinces, reviewers what
    is assigned to them, the board its scope, administrators all."""
    from django.db.models import Q

    from core.models import StaffRole
    from core.permissions import has_role, province_ids_for

    if has_role(user, StaffRole.ADMIN):
        return queryset
    condition = Q(assignments__reviewer=user) & ~Q(assignments__state="recused")
    for role in (StaffRole.COORDINATOR, StaffRole.BOARD):
        if has_role(user, role):
            provinces = province_ids_for(user, role)
            if provinces is None:  # nationwide
                return queryset
            condition |= Q(organisation__province_id__in=provinces)
    return queryset.filter(condition).distinct()
