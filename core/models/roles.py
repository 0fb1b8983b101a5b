from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models.places import Province


class StaffRole(models.TextChoices):
    """Staff roles. Each maps to a Django group that carries its admin permissions."""

    REVIEWER = "reviewer", _("Değerlendirici")
    BOARD = "board", _("Akreditasyon kurulu üyesi")
    COORDINATOR = "coordinator", _("İl koordinatörü")
    EDITOR = "editor", _("Editör")
    ADMIN = "admin", _("Yönetici")


# Roles whose work is bound to provinces: a reviewer reviews in, and a coordinator coordinates,
# the provinces they are assigned to. The board may be national (no province) or provincial.
PROVINCE_SCOPED_ROLES = frozenset({StaffRole.REVIEWER, StaffRole.COORDINATOR})
OPTIONALLY_SCOPED_ROLES = frozenset({StaffRole.BOARD})

GROUP_NAMES = {
    StaffRole.REVIEWER: "Değerlendiriciler",
    StaffRole.BOARD: "Akreditasyon Kurulu",
    StaffRole.COORDINATOR: "İl Koordinatörleri",
    StaffRole.EDITOR: "Editörler",
    StaffRole.ADMIN: "Yöneticiler",
}


class RoleAssignmentQuerySet(models.QuerySet):
    def for_user(self, user) -> "RoleAssignmentQuerySet":
        return self.filter(user=user)


class RoleAssignment(models.Model):
    """A staff role held by a person, in one province or (province empty) nationwide."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="role_assignments",
        verbose_name=_("kişi"),
    )
    role = models.CharField(_("rol"), max_length=20, choices=StaffRole.choices)
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="role_assignments",
        verbose_name=_("İl"),
        help_text=_("Boş bırakılırsa ulusal düzeyde."),
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("atayan"),
    )
    granted_at = models.DateTimeField(_("atanma zamanı"), auto_now_add=True)

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("rol ataması")
        verbose_name_plural = _("rol atamaları")
        ordering = ["role", "province_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "province"],
                name="role_assignment_unique",
                violation_error_message=_("Bu kişi bu rolü bu ilde zaten üstleniyor."),
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=models.Q(province__isnull=True),
                name="role_assignment_unique_national",
                violation_error_message=_("Bu kişi bu rolü ulusal düzeyde zaten üstleniyor."),
            ),
            models.CheckConstraint(
                condition=~models.Q(role__in=sorted(PROVINCE_SCOPED_ROLES))
                | models.Q(province__isnull=False),
                name="role_assignment_scoped_roles_have_province",
                violation_error_message=_(
                    "Değerlendirici ve il koordinatörü rolleri bir il için atanır; il seçin."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=StaffRole.values), name="role_assignment_role_valid"
            ),
        ]

    def __str__(self) -> str:
        scope = self.province.name if self.province_id else _("Ulusal")
        return f"{self.get_role_display()} · {scope}"
