"""Validators for Turkish identifiers, with messages people can act on."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Dernek kütük numarası in DERBİS: plate code, district code and sequence ("34-012-0456").
DERNEK_REGISTRY = re.compile(r"^\d{2}-\d{3}-\d{1,6}$")
# Vakıf sicil numarası in VAKIFBİS and kooperatif ticaret sicil numarası: digits only.
NUMERIC_REGISTRY = re.compile(r"^\d{1,8}$")
OTHER_REGISTRY = re.compile(r"^[0-9A-Za-z][0-9A-Za-z./-]{0,29}$")


def normalize_registry_number(value: str) -> str:
    return re.sub(r"\s+", "", value or "").upper()


def validate_registry_number(value: str, legal_form: str) -> None:
    value = normalize_registry_number(value)
    if legal_form == "dernek" and not DERNEK_REGISTRY.match(value):
        raise ValidationError(
            _("Dernek kütük numarası “il-ilçe-sıra” biçiminde olmalı, örneğin 34-012-0456."),
            code="registry_format",
        )
    if legal_form in {"vakif", "kooperatif"} and not NUMERIC_REGISTRY.match(value):
        raise ValidationError(
            _("Sicil numarası yalnızca rakamlardan oluşmalı (en çok 8 hane)."),
            code="registry_format",
        )
    if legal_form == "other" and not OTHER_REGISTRY.match(value):
        raise ValidationError(
            _("Kayıt numarası harf, rakam, nokta, eğik çizgi ve tireden oluşabilir."),
            code="registry_format",
        )


def tax_number_check_digit(first_nine: str) -> int:
    """The tenth digit of a Turkish tax number (vergi kimlik numarası) from the first nine."""
    total = 0
    for index, char in enumerate(first_nine, start=1):
        shifted = (int(char) + 10 - index) % 10
        total += 9 if shifted == 9 else (shifted * 2 ** (10 - index)) % 9
    return (10 - total % 10) % 10


def validate_tax_number(value: str) -> None:
    if not re.fullmatch(r"\d{10}", value or ""):
        raise ValidationError(_("Vergi numarası 10 haneli olmalı."), code="tax_format")
    if tax_number_check_digit(value[:9]) != int(value[9]):
        raise ValidationError(
            _("Vergi numarası geçerli değil; rakamları kontrol edin."), code="tax_checksum"
        )
