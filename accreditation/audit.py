"""Audit trail through Wagtail's log, so history shows in the admin beside each record."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

ACTIONS = {
    "portal.consent.grant": _("Rıza verildi"),
    "portal.consent.withdraw": _("Rıza geri alındı"),
    "portal.consent_text.publish": _("Rıza metni yayımlandı"),
    "portal.role.assign": _("Rol atandı"),
    "portal.role.revoke": _("Rol kaldırıldı"),
    "portal.account.export": _("Kişisel veriler indirildi"),
    "portal.organisation.register": _("Kuruluş kaydedildi"),
    "portal.organisation.update": _("Kuruluş bilgileri güncellendi"),
    "portal.organisation.invite": _("Üyelik daveti gönderildi"),
    "portal.organisation.invite_revoke": _("Üyelik daveti geri alındı"),
    "portal.organisation.join": _("Kuruluşa katıldı"),
    "portal.organisation.leave": _("Kuruluştan ayrıldı"),
    "portal.organisation.member_role": _("Üyenin rolü değişti"),
    "portal.organisation.member_remove": _("Üye çıkarıldı"),
    "portal.organisation.transfer": _("Sahiplik devredildi"),
    "portal.certificate.issue": _("Belge düzenlendi"),
    "portal.standard.new_version": _("Standardın yeni sürümü oluşturuldu"),
    "portal.standard.publish": _("Standart sürümü yayımlandı"),
    "portal.application.assign": _("Değerlendirici atandı"),
    "portal.application.declare": _("Çıkar çatışması olmadığı beyan edildi"),
    "portal.application.recuse": _("Değerlendirici çekildi"),
    "portal.application.site_visit": _("Saha ziyareti kaydedildi"),
    "portal.application.review_complete": _("Değerlendirme tamamlandı"),
}


def audit(instance, action: str, *, user=None, data: dict[str, Any] | None = None) -> None:
    if action not in ACTIONS:
        raise ValueError(f"Unregistered audit action {action!r}.")
    log(instance, action, user=user, data=data or {})
