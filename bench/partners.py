"""Latency of the menukaart: offers API, GeoJSON endpoint and the server-rendered page.

Usage: .venv/bin/python bench/partners.py [--partners 300] [--offers 2000] [--houses 50] [--runs 50]
Creates a throwaway SQLite database in /tmp, fills it with located partners, their offers and
techniekhuizen, then times requests through Django's test client.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--partners", type=int, default=300)
    parser.add_argument("--offers", type=int, default=2000)
    parser.add_argument("--houses", type=int, default=50)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()

    db = Path(tempfile.mkdtemp()) / "bench-partners.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page, Site

    from cms.partners.models import PartnerOffer
    from tests.factories import (
        PartnerFactory,
        RegionFactory,
        RegionSite,
        TargetGroupFactory,
        TechniekhuisPageFactory,
        ThemeFactory,
    )

    call_command("migrate", verbosity=0)
    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    site = RegionSite()
    regions = [site.region, *(RegionFactory() for _ in range(3))]
    groups = [TargetGroupFactory() for _ in range(8)]
    themes = [ThemeFactory() for _ in range(6)]
    started = time.perf_counter()
    for n in range(args.houses):
        TechniekhuisPageFactory(
            parent=site.techniekhuizen,
            latitude=Decimal("51.9"),
            longitude=Decimal("4.4"),
            region=regions[n % 4],
        )
    partners = [
        PartnerFactory(region=regions[n % 4], latitude=Decimal("51.5") + n % 50, longitude=Decimal("4.4"))
        for n in range(args.partners)
    ]
    kinds, places = PartnerOffer.Kind.values, PartnerOffer.Place.values
    offers = PartnerOffer.objects.bulk_create(
        PartnerOffer(
            partner=partners[n % len(partners)],
            title=f"Aanbod {n}",
            kind=kinds[n % len(kinds)],
            place=places[n % len(places)],
            cost=Decimal(n % 3 * 25),
            max_pupils=30,
        )
        for n in range(args.offers)
    )
    PartnerOffer.target_groups.through.objects.bulk_create(
        PartnerOffer.target_groups.through(partneroffer_id=o.pk, targetgroup_id=groups[i % 8].pk)
        for i, o in enumerate(offers)
    )
    PartnerOffer.themes.through.objects.bulk_create(
        PartnerOffer.themes.through(partneroffer_id=o.pk, theme_id=themes[i % 6].pk)
        for i, o in enumerate(offers)
    )
    print(
        f"created {args.houses} techniekhuizen, {args.partners} partners, {args.offers} offers "
        f"in {time.perf_counter() - started:.1f} s"
    )

    client = Client()
    cases = {
        "offers limit=20": lambda i: client.get("/api/v3/partner-offers/", {"limit": 20, "offset": i * 20}),
        "offers filtered": lambda i: client.get(
            "/api/v3/partner-offers/",
            {"kind": "workshop", "target_group": groups[i % 8].slug, "free": "true"},
        ),
        "offers limit=100": lambda i: client.get("/api/v3/partner-offers/", {"limit": 100}),
        "geo (all)": lambda i: client.get("/api/v3/geo/"),
        "geo kind=workshop": lambda i: client.get("/api/v3/geo/", {"kind": "workshop"}),
        "menukaart page": lambda i: client.get("/menukaart/", {"page": i % 5 + 1}),
    }
    print(f"{'request':<18} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
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
            f"{name:<18} {statistics.median(timings):>10.1f} {percentile(timings, 0.95):>8.1f} {len(queries):>8}"
        )


if __name__ == "__main__":
    main()
