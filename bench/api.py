"""Latency of the typed page endpoints at databank scale.

Usage: .venv/bin/python bench/api.py [--kits 2000] [--runs 50]
Creates a throwaway SQLite database in /tmp, fills it with lesson kits (taxonomies, tags,
downloads), then times list and detail requests through Django's test client.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kits", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()

    db = Path(tempfile.mkdtemp()) / "bench-api.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page, Site

    from tests.factories import (
        LessonKitPageFactory,
        PartnerFactory,
        RegionSite,
        TargetGroupFactory,
        ThemeFactory,
    )

    call_command("migrate", verbosity=0)
    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    region = RegionSite()
    groups = [TargetGroupFactory() for _ in range(8)]
    themes = [ThemeFactory() for _ in range(10)]
    partners = [PartnerFactory() for _ in range(5)]
    started = time.perf_counter()
    for n in range(args.kits):
        kit = LessonKitPageFactory(
            parent=region.databank, target_groups=groups[n % 8 : n % 8 + 2], partner=partners[n % 5]
        )
        kit.themes.set(themes[n % 10 : n % 10 + 3])
        kit.tags.add("micro:bit", f"thema-{n % 20}")
        kit.save()
    print(f"created {args.kits} kits in {time.perf_counter() - started:.1f} s")

    client = Client()
    kit_ids = list(Page.objects.filter(depth=4).values_list("pk", flat=True))
    cases = {
        "list limit=20": lambda i: client.get(
            "/api/v3/lessonkits/", {"limit": 20, "offset": (i * 20) % args.kits}
        ),
        "list limit=100": lambda i: client.get("/api/v3/lessonkits/", {"limit": 100}),
        "detail": lambda i: client.get(f"/api/v3/lessonkits/{kit_ids[i % len(kit_ids)]}/"),
    }
    print(f"{'request':<16} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for name, request in cases.items():
        request(0)  # warm up
        timings = []
        for i in range(args.runs):
            with CaptureQueriesContext(connection) as queries:
                t0 = time.perf_counter()
                response = request(i)
                timings.append((time.perf_counter() - t0) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{name}: HTTP {response.status_code}")
        print(
            f"{name:<16} {statistics.median(timings):>10.1f} {percentile(timings, 0.95):>8.1f} {len(queries):>8}"
        )


if __name__ == "__main__":
    main()
