"""Services for accreditation standards: a new version is a draft copy; publishing freezes it."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import audit
from core.exceptions import DomainError

from .models import Criterion, CriterionGroup, Standard

# Audit actions of this module, registered from the app's ready().
AUDIT_ACTIONS = {
    "portal.standard.new_version": gettext_lazy("Standardın yeni sürümü oluşturuldu"),
    "portal.standard.publish": gettext_lazy("Standart sürümü yayımlandı"),
}


@transaction.atomic
def standard_new_version(*, based_on: Standard, by) -> Standard:
    """Copy a standard with its groups and criteria into the next version, as a draft."""
    if Standard.objects.filter(code=based_on.code, published_at__isnull=True).exists():
        raise DomainError(_("Bu standardın yayımlanmamış bir taslak sürümü zaten var."))
    latest = Standard.objects.filter(code=based_on.code).order_by("-version").first()
    draft = Standard.objects.create(
        code=based_on.code,
        version=latest.version + 1,
        title=based_on.title,
        title_en=based_on.title_en,
        introduction=based_on.introduction,
        introduction_en=based_on.introduction_en,
    )
    for group in based_on.groups.prefetch_related("criteria"):
        criteria = list(group.criteria.all())
        group.pk, group.standard = None, draft
        group.save()
        for criterion in criteria:
            criterion.pk, criterion.group = None, group
        Criterion.objects.bulk_create(criteria)
    audit(draft, "portal.standard.new_version", user=by, data={"from": based_on.version})
    return draft


@transaction.atomic
def standard_publish(*, standard: Standard, by) -> Standard:
    """From now on new applications start on this version; it is never edited again."""
    if standard.is_published:
        raise DomainError(_("Bu sürüm zaten yayımlandı."))
    if not Criterion.objects.filter(group__standard=standard).exists():
        raise DomainError(_("Ölçütü olmayan bir sürüm yayımlanamaz."))
    standard.published_at = timezone.now()
    standard.save(update_fields=["published_at"])
    audit(standard, "portal.standard.publish", user=by)
    return standard


def is_draft_part(obj) -> bool:
    """A standard, group or criterion belonging to an unpublished version."""
    if isinstance(obj, Standard):
        return not obj.is_published
    if isinstance(obj, CriterionGroup):
        return not obj.standard.is_published
    if isinstance(obj, Criterion):
        return not obj.group.standard.is_published
    return False
