"""Reads that span models."""

from dataclasses import dataclass

from .models import ConsentPurpose, ConsentRecord, User


@dataclass(frozen=True)
class ConsentRow:
    purpose: ConsentPurpose
    record: ConsentRecord | None  # the consent in force, if any
    current_version: int | None


def consent_overview(*, user: User) -> list[ConsentRow]:
    """Each purpose with the person's consent in force: three queries whatever the counts."""
    in_force = {
        record.purpose_id: record
        for record in ConsentRecord.objects.in_force()
        .filter(user=user)
        .select_related("text", "purpose")
    }
    rows = []
    for purpose in ConsentPurpose.objects.prefetch_related("texts"):
        versions = [text.version for text in purpose.texts.all()]
        record = in_force.get(purpose.pk)
        if purpose.is_active or record is not None:
            rows.append(ConsentRow(purpose, record, max(versions) if versions else None))
    return rows


def consent_history(*, user: User):
    return ConsentRecord.objects.filter(user=user).select_related("purpose", "text")


# Apps built on the core add what they hold about a person: name → function(user) → data.
PERSONAL_DATA_SECTIONS: dict = {}


def register_personal_data(name: str):
    """Decorator: the function's result joins the person's data export under ``name``."""

    def register(function):
        PERSONAL_DATA_SECTIONS[name] = function
        return function

    return register


def personal_data_export(*, user: User) -> dict:
    """Everything the portal holds about the person, as they may download it (KVKK art. 11)."""
    from allauth.account.models import EmailAddress

    from .permissions import roles_of

    return {
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
        "roles": {
            role: sorted(p or 0 for p in provinces) for role, provinces in roles_of(user).items()
        },
        "consents": [
            {
                "purpose": record.purpose.key,
                "text_version": record.text.version,
                "granted_at": record.granted_at.isoformat(),
                "withdrawn_at": record.withdrawn_at.isoformat() if record.withdrawn_at else None,
            }
            for record in consent_history(user=user)
        ],
        **{name: section(user) for name, section in PERSONAL_DATA_SECTIONS.items()},
    }


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

    from .models import Role
    from .permissions import has_role, province_ids_for

    if has_role(user, Role.ADMIN):
        return queryset
    condition = Q(assignments__reviewer=user) & ~Q(assignments__state="recused")
    for role in (Role.COORDINATOR, Role.BOARD):
        if has_role(user, role):
            provinces = province_ids_for(user, role)
            if provinces is None:  # nationwide
                return queryset
            condition |= Q(organisation__province_id__in=provinces)
    return queryset.filter(condition).distinct()
