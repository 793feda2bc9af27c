"""The plugin set as a package: the wheel in a fresh ``wagtail start`` project (``make package-check``).

    .venv/bin/python scripts/package_check.py [--keep]

Takes exactly the steps of the README's "Use in your own Wagtail project" (its two Python blocks are
the settings and ``urls.py`` written into the new project), in a temporary folder:

1. builds the wheel (``pip wheel --no-deps --no-build-isolation``);
2. makes a fresh virtualenv that sees this environment's packages through a ``.pth`` file (nothing is
   downloaded) and installs the wheel into it with ``--no-index``: its declared dependencies must be
   met, and ``cms``, ``search`` and ``search_insight`` are imported from the installed wheel;
3. ``wagtail start``, removes the template's ``home`` and ``search`` apps and base templates, appends
   the README's settings, writes its ``urls.py``;
4. ``migrate`` on an empty SQLite database; then in one process ``check``, ``makemigrations --check``,
5. and creates one page of each page type, requests each of them, a static file, ``/api/v3/pages/``,
   the typed API lists and ``/api/v3/openapi.json`` with Django's test client.

Exits non-zero on any failure; ``--keep`` leaves the folder for a look.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README_SECTION = "### Use in your own Wagtail project"
PROJECT = "mysite"

# Run inside the new project (its settings, its interpreter): pages of every type, then requests.
EXERCISE = textwrap.dedent(
    """
    import datetime as dt
    import json
    import sys
    from pathlib import Path

    import django

    django.setup()

    from django.core.management import call_command

    call_command("check", fail_level="WARNING")  # manage.py check, without another start-up
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)

    import cms
    import search
    import search_insight
    from django.test import Client
    from django.utils import timezone
    from wagtail.models import Page, Site

    from cms.newsletters.models import NewsletterArchivePage, NewsletterPage
    from cms.pages import models as pages
    from cms.snippets.models import TargetGroup

    site_packages = Path(sys.argv[1]).resolve()
    for module in (cms, search, search_insight):
        where = Path(module.__file__).resolve()
        assert site_packages in where.parents, f"{module.__name__} imported from {where}, not the wheel"

    now = timezone.now()
    root = Page.get_first_root_node()
    home = root.add_child(instance=pages.HomePage(title="Regio Pakket", slug="regio-pakket"))
    Site.objects.update(root_page=home, is_default_site=True)
    group = TargetGroup.objects.create(name="Groep 7-8")

    def child(parent, page):
        parent.add_child(instance=page)
        return page

    kit = pages.LessonKitPage(
        title="Papieren brug",
        summary="Leerlingen ontwerpen en bouwen een brug van papier.",
        learning_goals="<p>De ontwerpcyclus.</p>",
        duration_minutes=60,
        preparation_minutes=15,
    )
    kit.target_groups = [group]
    created = [
        home,
        child(home, pages.StandardPage(title="Over ons")),
        child(child(home, pages.NewsIndexPage(title="Nieuws")), pages.NewsArticlePage(
            title="Zonneauto", intro="Leerlingen bouwden een zonneauto.", date=now.date()
        )),
        child(child(home, pages.TechniekhuisIndexPage(title="Techniekhuizen")), pages.TechniekhuisPage(
            title="Techniekhuis Zuid", intro="Praktijklessen.", street="Zuidplein 1", postcode="3083 CW",
            city="Rotterdam",
        )),
        child(child(home, pages.DatabankPage(title="Databank")), kit),
        child(child(home, pages.ChallengeIndexPage(title="Challenges")), pages.ChallengePage(
            title="Zonnerace", intro="Bouw de snelste zonneauto.",
            registration_deadline=now + dt.timedelta(days=30),
        )),
        child(child(home, pages.EventIndexPage(title="Agenda")), pages.EventPage(
            title="Leernetwerk", intro="Voor decanen.", event_type=pages.EventPage.EventType.LEARNING_NETWORK,
            start=now + dt.timedelta(days=14), end=now + dt.timedelta(days=14, hours=2),
            location_name="Techniekhuis Zuid",
        )),
        child(child(home, NewsletterArchivePage(title="Nieuwsbrieven")), NewsletterPage(
            title="Nieuwsbrief juni", subject="Techniek in de regio",
            body=[("intro", "Welkom bij de nieuwsbrief.")],
        )),
    ]
    created += [page.get_parent().specific for page in created[2:]]
    page_types = {type(page) for page in created}
    missing = [
        model.__name__ for model in django.apps.apps.get_models()
        if issubclass(model, Page) and model is not Page and model not in page_types
    ]
    assert not missing, f"no page made of {missing}"

    client = Client()
    failures = []

    def expect(url, status=200, content_type="text/html"):
        response = client.get(url)
        kind = response.headers.get("Content-Type", "")
        if response.status_code != status or not kind.startswith(content_type):
            failures.append(f"{url}: {response.status_code} {kind}")
        return response

    for page in created:
        expect(page.url)
    expect("/static/css/site.css", content_type="text/css")
    listed = {item["id"] for item in expect("/api/v3/pages/", content_type="application/json").json()["items"]}
    if unlisted := {page.pk for page in created} - listed:
        failures.append(f"/api/v3/pages/ does not list pages {sorted(unlisted)}")
    for url in (
        "/api/v3/bookings/offerings/",
        "/api/v3/partner-offers/",
        "/api/v3/databank/search?q=brug",
        f"/api/v3/pages/{kit.pk}/",
    ):
        expect(url, content_type="application/json")
    schema = expect("/api/v3/openapi.json", content_type="application/json").json()
    print(json.dumps({"pages": len(created), "api_paths": len(schema.get("paths", {})), "failures": failures}))
    sys.exit(1 if failures else 0)
    """
)


def readme_blocks() -> tuple[str, str]:
    """The settings and ``urls.py`` of the README's section (its two Python blocks, in that order)."""
    text = (ROOT / "README.md").read_text()
    section = text.split(README_SECTION, 1)[1].split("\n### ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    if len(blocks) != 2:
        raise SystemExit(f"README: expected 2 Python blocks under {README_SECTION!r}, found {len(blocks)}")
    return blocks[0], blocks[1]


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    started = time.monotonic()
    result = subprocess.run(  # noqa: S603 - our own interpreters and commands
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )
    label = " ".join(str(a) for a in args[1:4])
    print(f"  {time.monotonic() - started:5.1f}s  {label}", flush=True)
    if result.returncode != 0:
        raise SystemExit(f"FAILED: {' '.join(map(str, args))}\n{result.stdout}\n{result.stderr}")
    return result.stdout


def build_wheel(dist: Path) -> Path:
    shutil.rmtree(ROOT / "build", ignore_errors=True)  # no stale files from an earlier build
    try:
        run(
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            dist,
            ".",
            cwd=ROOT,
        )
    finally:
        shutil.rmtree(ROOT / "build", ignore_errors=True)
    (wheel,) = dist.glob("sto_cms-*.whl")
    return wheel


def fresh_venv(where: Path) -> tuple[Path, Path]:
    """A virtualenv that sees this environment's packages (offline) but gets the wheel of its own."""
    run(sys.executable, "-m", "venv", "--without-pip", where, cwd=where.parent)
    python = where / "bin" / "python"
    site_packages = Path(
        run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=where).strip()
    )
    (site_packages / "outer-environment.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python, site_packages


def start_project(python: Path, work: Path, settings_block: str, urls_block: str) -> Path:
    project = work / PROJECT
    project.mkdir()
    run(python, "-m", "wagtail.bin.wagtail", "start", PROJECT, project, cwd=project)
    for name in (
        "home",
        "search",
        f"{PROJECT}/templates/base.html",
        f"{PROJECT}/templates/404.html",
        f"{PROJECT}/templates/500.html",
    ):
        target = project / name
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    settings = project / PROJECT / "settings" / "base.py"
    settings.write_text(settings.read_text() + "\n\n" + settings_block)
    (project / PROJECT / "urls.py").write_text(urls_block)
    return project


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--keep", action="store_true", help="leave the temporary folder")
    args = parser.parse_args()
    started = time.monotonic()
    settings_block, urls_block = readme_blocks()
    work = Path(tempfile.mkdtemp(prefix="sto-package-"))
    try:
        print(f"package check in {work}", flush=True)
        wheel = build_wheel(work / "dist")
        python, site_packages = fresh_venv(work / "venv")
        run(python, "-m", "pip", "install", "-q", "--no-index", wheel, cwd=work)
        project = start_project(python, work, settings_block, urls_block)
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DATABASE_URL", "PYTHONPATH", "VIRTUAL_ENV"))
        }
        env["DJANGO_SETTINGS_MODULE"] = f"{PROJECT}.settings.dev"
        manage = (python, "manage.py")
        run(*manage, "migrate", "--noinput", "-v", "0", cwd=project, env=env)
        (project / "exercise.py").write_text(EXERCISE)
        print("  " + run(python, "exercise.py", site_packages, cwd=project, env=env).strip())
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"package check passed in {time.monotonic() - started:.0f}s")


if __name__ == "__main__":
    main()
