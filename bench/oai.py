"""Benchmark of the OAI-PMH endpoint: a full ``ListRecords`` harvest (NL LOM) of 10,000 kits.

Builds a throw-away SQLite database (``/tmp/bench-oai.sqlite3``, or ``BENCH_DATABASE_URL``) with
10,000 live lesson kits (bulk-created, themes, core goals, target groups), then follows every
resumption token (100 records per page) through Django's test client and prints the total time.

    .venv/bin/python bench/oai.py [--kits 10000]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
BENCH_SQLITE = Path("/tmp/bench-oai.sqlite3")  # noqa: S108 - a throw-away benchmark database
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{BENCH_SQLITE}")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db.models.signals import post_save  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from lxml import etree  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

from cms.pages.models import DatabankPage, HomePage, LessonKitPage  # noqa: E402
from cms.snippets.models import CoreGoal, Region, TargetGroup, Theme  # noqa: E402

NS = {"oai": "http://www.openarchives.org/OAI/2.0/"}


def build(kits: int) -> None:
    if BENCH_SQLITE.exists() and "BENCH_DATABASE_URL" not in os.environ:
        BENCH_SQLITE.unlink()
    call_command("migrate", verbosity=0)
    locale = Locale.objects.get_or_create(language_code="nl")[0]
    root = Page.get_first_root_node()
    region = Region.objects.create(name="TechTown", slug="techtown")
    home = root.add_child(instance=HomePage(title="TechTown", slug="techtown", locale=locale, region=region))
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    databank = home.add_child(instance=DatabankPage(title="Databank", slug="databank", locale=locale))
    themes = [Theme.objects.create(name=f"Thema {i}", slug=f"thema-{i}") for i in range(8)]
    goals = [
        CoreGoal.objects.create(name=f"Kerndoel {n}", slug=f"kerndoel-{n}", number=n) for n in range(42, 47)
    ]
    group = TargetGroup.objects.create(name="po groep 5/6", slug="po-5-6", level="po")
    now = timezone.now()
    post_save.receivers, saved = [], post_save.receivers  # no search indexing: not what is measured
    try:
        for i in range(kits):
            kit = databank.add_child(
                instance=LessonKitPage(
                    title=f"Leskist {i} over zonne-energie",
                    slug=f"leskist-{i}",
                    locale=locale,
                    summary="Leerlingen ontwerpen en bouwen een zonneauto en testen hem buiten.",
                    learning_goals="<p>De ontwerpcyclus doorlopen.</p>",
                    duration_minutes=90,
                    author="Juf Ans",
                    region=region if i % 2 else None,
                    first_published_at=now,
                    last_published_at=now,
                )
            )
            kit.target_groups.set([group])
            kit.themes.set([themes[i % 8]])
            kit.core_goals.set([goals[i % 5]])
    finally:
        post_save.receivers = saved


def harvest() -> tuple[int, int, float]:
    client = Client()
    params = {"verb": "ListRecords", "metadataPrefix": "lom"}
    records = pages = 0
    start = time.perf_counter()
    while True:
        tree = etree.fromstring(client.get("/oai/", params).content)
        records += len(tree.findall(".//oai:record", NS))
        pages += 1
        token = tree.findtext(".//oai:resumptionToken", namespaces=NS)
        if not token:
            break
        params = {"verb": "ListRecords", "resumptionToken": token}
    return records, pages, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kits", type=int, default=10_000)
    args = parser.parse_args()
    build(args.kits)
    records, pages, seconds = harvest()
    print(
        f"ListRecords lom: {records} records in {pages} pages, {seconds:.1f} s ({1000 * seconds / pages:.0f} ms/page)"
    )


if __name__ == "__main__":
    main()
