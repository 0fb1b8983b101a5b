"""Uploaded evidence files: content checks, private storage and safe download responses.

Evidence (activity reports, statutes, photos) is personal and organisational data, so it never
lives under MEDIA_ROOT and never gets a public URL: it is stored in ``private_storage`` under a
random name and served only through a view that checks permission and then returns
``private_file_response``.

The type of a file is decided by its content, never by its name or the browser's content type.
A file whose extension disagrees with its content (a real PNG called ``rapor.pdf``) is accepted
and stored with the extension of the detected type, so the stored name always tells the truth.
"""

import math
import os
import re
import unicodedata
import uuid
import zipfile
import zlib
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import FileSystemStorage
from django.db.models.fields.files import FieldFile
from django.http import FileResponse
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

EVIDENCE_MAX_BYTES = 10 * 1024 * 1024

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# Canonical content type -> the extension a stored file of that type gets.
EVIDENCE_CONTENT_TYPES = {PDF: "pdf", JPEG: "jpg", PNG: "png", DOCX: "docx"}

# A DOCX is a ZIP archive. Real documents have a few dozen members and rarely expand past a few
# tens of megabytes; anything beyond these limits is refused before a single member is inflated,
# so a zip bomb cannot hurt this check or any later preview or text extraction.
DOCX_MAX_MEMBERS = 1000
DOCX_MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
_CONTENT_TYPES_MAX_BYTES = 1024 * 1024
_DOCX_MAIN_PART = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_DOCM_MAIN_PART = "application/vnd.ms-word.document.macroEnabled.main+xml"

_MAGIC = (
    (b"%PDF-", PDF),
    (b"\xff\xd8\xff", JPEG),
    (b"\x89PNG\r\n\x1a\n", PNG),
)
_ZIP_MAGIC = b"PK\x03\x04"

MESSAGE_TOO_LARGE = _("Dosya en fazla 10 MB olabilir; bu dosya %(size)s MB.")
MESSAGE_EMPTY = _("Yüklenen dosya boş.")
MESSAGE_UNSUPPORTED = _("Bu dosya türü kabul edilmiyor. PDF, JPEG, PNG veya DOCX yükleyin.")
MESSAGE_MACROS = _(
    "Makro içeren Word dosyaları kabul edilmiyor. Belgeyi DOCX veya PDF olarak kaydedip yükleyin."
)
MESSAGE_ARCHIVE_TOO_LARGE = _(
    "Bu DOCX dosyası açıldığında çok büyük. Lütfen belgeyi PDF olarak kaydedip yükleyin."
)


def validate_evidence_file(upload: File) -> str:
    """Check an uploaded evidence file and return its canonical content type.

    Works as a form or model field validator (the return value is then ignored) and as a plain
    call where the caller keeps the detected type. The file is rewound afterwards.
    """
    size = _size_of(upload)
    if size == 0:
        raise ValidationError(MESSAGE_EMPTY, code="empty")
    if size > EVIDENCE_MAX_BYTES:
        # Round up so a file just over the limit never reads as "10,0 MB".
        megabytes = math.ceil(size * 10 / (1024 * 1024)) / 10
        raise ValidationError(
            MESSAGE_TOO_LARGE, code="too_large", params={"size": number_format(megabytes, 1)}
        )
    try:
        upload.seek(0)
        head = upload.read(8)
        for magic, content_type in _MAGIC:
            if head.startswith(magic):
                return content_type
        if head.startswith(_ZIP_MAGIC):
            _check_docx(upload)
            return DOCX
        raise ValidationError(MESSAGE_UNSUPPORTED, code="unsupported_type")
    finally:
        upload.seek(0)


def _size_of(upload: File) -> int:
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, 2)
        size = upload.tell()
        upload.seek(0)
    return size


def _check_docx(upload: File) -> None:
    """A DOCX is a ZIP holding ``[Content_Types].xml`` and ``word/document.xml`` whose main part
    is a Word document (not a macro-enabled one). Only the central directory and the small
    content-types part are read."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
            if len(members) > DOCX_MAX_MEMBERS or (
                sum(member.file_size for member in members) > DOCX_MAX_UNCOMPRESSED_BYTES
            ):
                raise ValidationError(MESSAGE_ARCHIVE_TOO_LARGE, code="archive_too_large")
            names = {member.filename for member in members}
            if "[Content_Types].xml" not in names or "word/document.xml" not in names:
                raise ValidationError(MESSAGE_UNSUPPORTED, code="unsupported_type")
            # Read at most one byte past the limit: the declared size may lie.
            with archive.open("[Content_Types].xml") as part:
                content_types = part.read(_CONTENT_TYPES_MAX_BYTES + 1)
    except (
        zipfile.BadZipFile,
        RuntimeError,
        NotImplementedError,
        EOFError,
        OSError,
        zlib.error,
    ) as exc:
        # Corrupt, encrypted or oddly compressed archives are not documents we can accept.
        raise ValidationError(MESSAGE_UNSUPPORTED, code="unsupported_type") from exc
    if len(content_types) > _CONTENT_TYPES_MAX_BYTES:
        raise ValidationError(MESSAGE_ARCHIVE_TOO_LARGE, code="archive_too_large")
    text = content_types.decode("utf-8", errors="replace")
    if _DOCM_MAIN_PART.lower() in text.lower() or "word/vbaProject.bin" in names:
        raise ValidationError(MESSAGE_MACROS, code="macro_document")
    if _DOCX_MAIN_PART not in text:
        raise ValidationError(MESSAGE_UNSUPPORTED, code="unsupported_type")


# --- Private storage ----------------------------------------------------------------------------


def private_media_root() -> Path:
    return Path(
        getattr(settings, "PORTAL_PRIVATE_MEDIA_ROOT", Path(settings.MEDIA_ROOT).parent / "private")
    )


@deconstructible(path="core.files.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """File storage outside MEDIA_ROOT with no URLs.

    The root is read from the settings on every use, not at import, so migrations stay free of
    machine paths and tests can point it at a temporary folder with ``settings`` overrides.
    ``FileSystemStorage(base_url=None)`` would fall back to MEDIA_URL, so ``url()`` refuses
    instead: a private file is only reachable through a view that checks permission.
    """

    @property
    def base_location(self):
        return private_media_root()

    @property
    def location(self):
        return os.path.abspath(private_media_root())

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError(
            "Private files have no URL; serve them through a permission-checking view "
            "that returns accreditation.files.private_file_response()."
        )


private_storage = PrivateStorage()


def _safe_extension(filename: str) -> str:
    suffix = Path(filename).suffix.lower().lstrip(".")
    suffix = re.sub(r"[^a-z0-9]", "", suffix)[:10]
    if suffix == "jpeg":
        return "jpg"
    return suffix or "bin"


def evidence_upload_to(instance, filename: str) -> str:
    """``evidence/<yyyy>/<mm>/<random>.<ext>``; the original name never reaches the disk.

    The extension comes from ``instance.content_type`` when the caller stored the type returned
    by ``validate_evidence_file`` there; otherwise from the original name, sanitised.
    """
    extension = EVIDENCE_CONTENT_TYPES.get(getattr(instance, "content_type", None) or "")
    if extension is None:
        extension = _safe_extension(filename)
    today = timezone.localdate()
    return f"evidence/{today:%Y}/{today:%m}/{uuid.uuid4().hex}.{extension}"


# --- Download responses -------------------------------------------------------------------------

_ASCII_FOLD = str.maketrans({"ı": "i", "İ": "I", "—": "-", "–": "-", "’": "'", "‘": "'"})


def _clean_download_name(name: str) -> str:
    # Drop any path, and control and format characters: a right-to-left override can make
    # "rapor\u202efdp.exe" display as "raporexe.pdf".
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(char for char in name if not unicodedata.category(char).startswith("C"))
    return name.strip() or "dosya"


def _ascii_fallback(name: str) -> str:
    stem, extension = Path(name).stem, Path(name).suffix
    parts = []
    for part in (stem, extension):
        folded = unicodedata.normalize("NFKD", part.translate(_ASCII_FOLD))
        folded = folded.encode("ascii", "ignore").decode("ascii")
        parts.append(re.sub(r"[^A-Za-z0-9 ._()\-]+", "_", folded))
    stem, extension = parts
    return (stem.strip(" ._") or "dosya") + extension


def content_disposition_attachment(download_name: str) -> str:
    """An RFC 6266 attachment header with an ASCII fallback and an RFC 5987 UTF-8 name."""
    name = _clean_download_name(download_name)
    return (
        f"attachment; filename=\"{_ascii_fallback(name)}\"; filename*=UTF-8''{quote(name, safe='')}"
    )


def private_file_response(
    field_file: FieldFile, *, download_name: str, content_type: str
) -> FileResponse:
    """Serve a stored private file as a download that a browser will never render.

    The caller has already checked permission and passes the name and type it recorded at
    upload time; nothing here trusts the stored file name.
    """
    response = FileResponse(
        field_file.storage.open(field_file.name, "rb"),
        as_attachment=True,
        content_type=content_type,
    )
    response["Content-Disposition"] = content_disposition_attachment(download_name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
