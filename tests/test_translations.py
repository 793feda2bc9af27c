"""Dutch first: every translatable string of every app has a Dutch translation, compiled.

Runs ``makemessages`` on a copy of each app, so a new string without a translation fails here.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not shutil.which("xgettext"), reason="gettext (xgettext) is not installed")


def catalogues():
    """(directory with a ``locale/``, what to copy from it): every app, and the project's templates."""
    our_apps = sorted(
        Path(config.path)
        for config in apps.get_app_configs()
        if config.name.startswith(("cms.", "search")) and Path(config.path).is_relative_to(ROOT)
    )
    return [pytest.param(app, None, id=str(app.relative_to(ROOT))) for app in our_apps] + [
        pytest.param(ROOT, ["templates", "locale"], id="templates")
    ]


@pytest.mark.parametrize(("app", "parts"), catalogues())
def test_every_string_has_a_compiled_dutch_translation(app, parts, tmp_path):
    copy = tmp_path / "copy"
    ignore = shutil.ignore_patterns("__pycache__", "migrations", "static")
    if parts is None:
        shutil.copytree(app, copy, ignore=ignore)
    else:
        for part in parts:
            shutil.copytree(app / part, copy / part, ignore=ignore)
    (copy / "locale").mkdir(exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "nl", "--no-location", "--no-obsolete"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": ""},
    )
    po_path = copy / "locale" / "nl" / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(po_path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"no Dutch translation in {app.name}/locale: {untranslated}"
    assert not fuzzy, f"fuzzy (unchecked) translations in {app.name}/locale: {fuzzy}"

    assert (app / "locale" / "nl" / "LC_MESSAGES" / "django.mo").exists(), (
        f"{app.name} has no Dutch catalogue"
    )
    compiled = polib.mofile(str(app / "locale" / "nl" / "LC_MESSAGES" / "django.mo"))
    compiled_ids = {entry.msgid for entry in compiled}
    missing = [entry.msgid for entry in catalogue.translated_entries() if entry.msgid not in compiled_ids]
    assert not missing, f"django.mo is stale, run `make messages`: {missing}"
