"""What logging a databank search costs: :func:`search_insight.services.log_search` in isolation.

The log is one INSERT plus signing the log id and adding ``?zoek=…&pos=…`` to the page's hits; it
does not depend on the index size, so this bench needs no 10k-kit index: it migrates a throw-away
database (``/tmp/bench-insight.sqlite3``, or ``BENCH_DATABASE_URL`` for PostgreSQL), then logs
``--searches`` result pages of 20 hits each, in autocommit as a web request does, on a region's site.

    .venv/bin/python bench/search_insight.py [--searches 2000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", "sqlite:////tmp/bench-insight.sqlite3")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from wagtail.models import Site  # noqa: E402

from cms.snippets.models import Region  # noqa: E402
from search.backends.base import Hit, SearchParams, SearchResults  # noqa: E402
from search_insight import services as insight  # noqa: E402
from search_insight.models import SearchLog  # noqa: E402

QUERIES = ["bruggen bouwen", "zonne-energie", "robot", "magneten", "spaghettitoren", "microbit"]


def page_of_hits(params: SearchParams) -> SearchResults:
    hits = [
        Hit(
            id=1000 + i,
            title=f"Leskist {i}",
            url=f"/databank/leskist-{i}/",
            summary="Leerlingen ontwerpen en testen.",
            published_at=None,
            duration_minutes=60,
            download_count=3,
            score=1.0,
            facets={},
            highlights={},
        )
        for i in range(params.page_size)
    ]
    return SearchResults(params=params, total=137, hits=hits, facets={}, backend="database")


def percentile(ordered: list[float], p: float) -> float:
    return ordered[min(len(ordered) - 1, int(round(p * len(ordered))) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--searches", type=int, default=2000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    site = Site.objects.first()
    Region.objects.get_or_create(slug="bench", defaults={"name": "Bench", "site": site})
    print(f"{connection.vendor}, {args.searches} logged searches of 20 hits")

    def run(fn) -> list[float]:
        samples = []
        for n in range(args.searches):
            params = SearchParams(
                q=QUERIES[n % len(QUERIES)], filters={"theme": ["energie"]} if n % 3 else {}
            )
            results = page_of_hits(params)
            started = time.perf_counter()
            fn(results)
            samples.append((time.perf_counter() - started) * 1000)
        return sorted(samples)

    token = insight._SIGNER.sign("1")
    links_only = run(lambda r: [insight.tracked_url(h.url, token, i) for i, h in enumerate(r.hits, 1)])
    logged = run(lambda r: insight.log_search(r, site=site))
    for name, samples in (
        ("links only (sign + 20 URLs)", links_only),
        ("log_search (INSERT + links)", logged),
    ):
        print(
            f"{name:30} median {statistics.median(samples):6.3f} ms   p95 {percentile(samples, 0.95):6.3f} ms"
            f"   max {samples[-1]:6.3f} ms"
        )
    if SearchLog.objects.count() < args.searches:
        raise SystemExit("not every search was logged")
    started = time.perf_counter()
    insight.purge(months=0, today=dt.date.today() + dt.timedelta(days=1))
    print(f"purge of {args.searches} searches: {(time.perf_counter() - started) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
