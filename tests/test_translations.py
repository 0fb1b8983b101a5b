"""English is complete: every interface string has a translation, and the compiled catalogue
matches its source."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
EN_PO = ROOT / "locale" / "en" / "LC_MESSAGES" / "django.po"
SOURCES = [
    "core",
    "accreditation",
    "home",
    "volunteers",
    "events",
    "cooperation",
    "portal",
    "locale",
    "manage.py",
]


def test_every_entry_of_the_english_catalogue_is_translated():
    catalogue = polib.pofile(str(EN_PO))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []


def test_compiled_catalogues_match_their_sources():
    for po_path in (ROOT / "locale").glob("*/LC_MESSAGES/django.po"):
        source = {
            (e.msgctxt, e.msgid): e.msgstr for e in polib.pofile(str(po_path)) if e.translated()
        }
        compiled = {
            (e.msgctxt, e.msgid): e.msgstr
            for e in polib.mofile(str(po_path.with_suffix(".mo")))
            if e.msgid
        }
        assert compiled == source, f"run `make messages` to recompile {po_path}"


def test_no_interface_string_is_missing_from_the_english_catalogue(tmp_path):
    """Extract the strings afresh (GNU gettext) and compare with the committed catalogue."""
    assert shutil.which("xgettext"), "GNU gettext is needed: apt-get install gettext"
    for name in SOURCES:
        source = ROOT / name
        target = tmp_path / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-location"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={"DJANGO_SETTINGS_MODULE": "portal.settings.test", "PATH": "/usr/bin:/bin"},
    )
    fresh = {
        (e.msgctxt, e.msgid)
        for e in polib.pofile(str(tmp_path / EN_PO.relative_to(ROOT)))
        if not e.obsolete
    }
    committed = {
        (e.msgctxt, e.msgid) for e in polib.pofile(str(EN_PO)) if e.translated() and not e.obsolete
    }
    missing = sorted(msgid for _ctx, msgid in fresh - committed)
    assert missing == [], "untranslated strings; run `make messages` and translate them"
