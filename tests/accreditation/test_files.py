import io
import re
import zipfile
from types import SimpleNamespace
from urllib.parse import unquote

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.fields.files import FieldFile, FileField
from PIL import Image

from core.files import (
    DOCX,
    DOCX_MAX_MEMBERS,
    EVIDENCE_MAX_BYTES,
    JPEG,
    PDF,
    PNG,
    evidence_upload_to,
    private_file_response,
    private_storage,
    validate_evidence_file,
)

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
CONTENT_TYPES_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="{main}"/>'
    "</Types>"
)
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def image_bytes(image_format: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format=image_format)
    return buffer.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_bytes(main: str = DOCX_MAIN, **extra: bytes) -> bytes:
    return zip_bytes(
        {
            "[Content_Types].xml": CONTENT_TYPES_XML.format(main=main).encode(),
            "word/document.xml": b"<w:document/>",
            **extra,
        }
    )


def upload(name: str, content: bytes, browser_type: str = "application/pdf"):
    return SimpleUploadedFile(name, content, content_type=browser_type)


def refusal(file) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_evidence_file(file)
    return caught.value


UNSUPPORTED = "Bu dosya türü kabul edilmiyor. PDF, JPEG, PNG veya DOCX yükleyin."


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("rapor.pdf", MINIMAL_PDF, PDF),
        ("fotograf.jpg", image_bytes("JPEG"), JPEG),
        ("afis.png", image_bytes("PNG"), PNG),
        ("tuzuk.docx", docx_bytes(), DOCX),
    ],
)
def test_each_allowed_type_is_accepted_and_the_file_is_rewound(name, content, content_type):
    file = upload(name, content, browser_type="application/octet-stream")
    assert validate_evidence_file(file) == content_type
    assert file.tell() == 0
    assert file.read() == content


def test_type_comes_from_content_so_a_png_named_pdf_is_accepted_as_png():
    assert validate_evidence_file(upload("rapor.pdf", image_bytes("PNG"))) == PNG


def test_a_windows_executable_renamed_to_pdf_is_refused():
    executable = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200
    error = refusal(upload("rapor.pdf", executable))
    assert error.code == "unsupported_type"
    assert error.messages == [UNSUPPORTED]


def test_html_named_png_is_refused():
    html = b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"
    error = refusal(upload("afis.png", html, browser_type="image/png"))
    assert error.code == "unsupported_type"
    assert error.messages == [UNSUPPORTED]


def test_a_file_over_10_mb_is_refused_with_its_size():
    error = refusal(upload("rapor.pdf", MINIMAL_PDF + b"0" * (11 * 1024 * 1024 - len(MINIMAL_PDF))))
    assert error.code == "too_large"
    assert error.messages == ["Dosya en fazla 10 MB olabilir; bu dosya 11,0 MB."]


def test_a_file_just_over_the_limit_does_not_read_as_10_mb():
    error = refusal(upload("rapor.pdf", MINIMAL_PDF + b"0" * EVIDENCE_MAX_BYTES))
    assert error.messages == ["Dosya en fazla 10 MB olabilir; bu dosya 10,1 MB."]


def test_a_file_of_exactly_10_mb_is_accepted():
    content = MINIMAL_PDF + b"0" * (EVIDENCE_MAX_BYTES - len(MINIMAL_PDF))
    assert validate_evidence_file(upload("rapor.pdf", content)) == PDF


def test_an_empty_file_is_refused():
    error = refusal(upload("rapor.pdf", b""))
    assert error.code == "empty"
    assert error.messages == ["Yüklenen dosya boş."]


def test_a_zip_that_is_not_a_docx_is_refused():
    archive = zip_bytes({"rapor.pdf": MINIMAL_PDF, "notlar.txt": b"merhaba"})
    assert refusal(upload("rapor.docx", archive)).code == "unsupported_type"


def test_a_zip_with_the_member_names_but_another_main_type_is_refused():
    archive = docx_bytes(main="application/vnd.oasis.opendocument.text")
    assert refusal(upload("rapor.docx", archive)).code == "unsupported_type"


def test_a_macro_enabled_word_document_is_refused():
    archive = docx_bytes(main=DOCM_MAIN, **{"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"})
    error = refusal(upload("rapor.docx", archive))
    assert error.code == "macro_document"


def test_a_corrupt_zip_is_refused():
    assert refusal(upload("rapor.docx", b"PK\x03\x04" + b"\x00" * 100)).code == "unsupported_type"


def test_a_zip_bomb_is_refused_before_it_is_inflated():
    # 200 MB of zeros compresses to about 200 KB: well under the upload limit.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES_XML.format(main=DOCX_MAIN))
        archive.writestr("word/document.xml", b"<w:document/>")
        with archive.open("word/media/bomb.bin", "w", force_zip64=True) as member:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(200):
                member.write(chunk)
    content = buffer.getvalue()
    assert len(content) < EVIDENCE_MAX_BYTES
    assert refusal(upload("rapor.docx", content)).code == "archive_too_large"


def test_a_docx_with_too_many_members_is_refused():
    extra = {f"word/media/{index}.xml": b"" for index in range(DOCX_MAX_MEMBERS)}
    assert refusal(upload("rapor.docx", docx_bytes(**extra))).code == "archive_too_large"


def test_works_as_a_form_field_validator():
    class EvidenceForm(forms.Form):
        file = forms.FileField(validators=[validate_evidence_file])

    form = EvidenceForm(files={"file": upload("afis.png", b"<html></html>")})
    assert not form.is_valid()
    assert form.errors["file"] == [UNSUPPORTED]
    good = EvidenceForm(files={"file": upload("afis.png", image_bytes("PNG"))})
    assert good.is_valid()


def test_upload_path_is_random_dated_and_has_no_trace_of_the_original_name():
    original = "Çağrı Derneği gizli liste.pdf"
    first = evidence_upload_to(SimpleNamespace(content_type=PDF), original)
    second = evidence_upload_to(SimpleNamespace(content_type=PDF), original)
    assert re.fullmatch(r"evidence/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", first)
    assert first != second
    for word in ("Çağrı", "Cagri", "Derne", "gizli", "liste"):
        assert word.lower() not in first.lower()


def test_upload_path_takes_the_extension_of_the_detected_type():
    path = evidence_upload_to(SimpleNamespace(content_type=PNG), "rapor.pdf")
    assert path.endswith(".png")


def test_upload_path_without_a_detected_type_keeps_a_sanitised_original_extension():
    assert evidence_upload_to(SimpleNamespace(), "Foto.JPEG").endswith(".jpg")
    assert evidence_upload_to(SimpleNamespace(), "kötü.p<d>f").endswith(".pdf")
    assert evidence_upload_to(SimpleNamespace(), "uzantısız").endswith(".bin")


@pytest.fixture
def private_root(settings, tmp_path):
    settings.PORTAL_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return tmp_path / "private"


def stored_field_file(name: str, content: bytes) -> FieldFile:
    field = FileField(storage=private_storage, upload_to=evidence_upload_to)
    field.set_attributes_from_name("file")
    instance = SimpleNamespace(content_type=PDF)
    field_file = FieldFile(instance, field, None)
    field_file.save(name, ContentFile(content), save=False)
    return field_file


def test_private_storage_writes_under_the_private_root_and_has_no_urls(private_root):
    field_file = stored_field_file("rapor.pdf", MINIMAL_PDF)
    assert (private_root / field_file.name).read_bytes() == MINIMAL_PDF
    with pytest.raises(ValueError, match="no URL"):
        field_file.url  # noqa: B018


def test_private_storage_deconstructs_without_a_machine_path():
    path, args, kwargs = private_storage.deconstruct()
    assert (path, args, kwargs) == ("core.files.PrivateStorage", (), {})


def test_download_response_is_an_attachment_that_the_browser_will_not_render(private_root, db):
    field_file = stored_field_file("whatever.pdf", MINIMAL_PDF)
    name = "Faaliyet raporu 2025 — Çağrı Derneği.pdf"

    response = private_file_response(field_file, download_name=name, content_type=PDF)

    assert response["Content-Type"] == PDF
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert 'filename="Faaliyet raporu 2025 - Cagri Dernegi.pdf"' in disposition
    encoded = re.search(r"filename\*=UTF-8''(\S+)$", disposition).group(1)
    assert unquote(encoded, encoding="utf-8") == name
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert int(response["Content-Length"]) == len(MINIMAL_PDF)
    assert b"".join(response.streaming_content) == MINIMAL_PDF
    response.close()


def test_download_name_cannot_carry_a_path_quotes_or_a_direction_override(private_root, db):
    field_file = stored_field_file("whatever.pdf", MINIMAL_PDF)
    name = '../../etc/"rapor\u202efdp.exe'

    response = private_file_response(field_file, download_name=name, content_type=PDF)

    disposition = response["Content-Disposition"]
    assert 'filename="raporfdp.exe"' in disposition
    assert "%E2%80%AE" not in disposition
    assert "etc" not in disposition
    response.close()
