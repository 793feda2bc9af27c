"""National scale, simulated (issue #15): one installation for every STO region on PostgreSQL.

Creates its own PostgreSQL database (``wt_nat`` unless ``--database``; dropped at the end unless
``--keep``), migrates it with the test settings (plus DEBUG off and no rate limits), and generates
at ``--scale 1.0``:

    70 region sites (home, news, techniekhuizen, challenges, agenda; 2 techniekhuizen each),
    7,000 schools, 50,000 lesson kits in the shared databank (index rebuilt), 2,000 offerings with
    40,000 slots, 500,000 bookings over 5 school years, 100,000 subscribers, 5,000 events.

Every count scales with ``--scale``, the number of sites too (at least 2): per site the data stays
the same size, so a page whose cost grows from 0.1 to 1.0 depends on the national total.
Pages are written in bulk (Page rows with their treebeard paths computed here, then the specific
rows), slots, bookings and subscribers with COPY; the search index through its bulk rebuild.

Then it times, through Django's test client in this process (p50/p95 over ``--runs`` rounds):
home page per site, databank search with facets (``/api/v3/databank/search``, database backend),
the databank page with a query, kit page, the typed API lists, the coordinator's booking list in
the admin, the funders' dashboard for one region; and the booking API under ``--concurrency``
parallel clients against gunicorn (``deploy/gunicorn.conf.py``, ``--web-processes``).

    .venv/bin/python bench/national.py --scale 0.01          # development, about a minute
    .venv/bin/python bench/national.py --scale 0.1 --keep    # for the record
    .venv/bin/python bench/national.py --scale 1.0

Needs PostgreSQL: BENCH_PG_URL (default postgres://postgres:postgres@127.0.0.1:5432/postgres) is
used to create and drop the database.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Full-size counts (``--scale 1.0``).
FULL = {
    "sites": 70,
    "schools": 7_000,
    "kits": 50_000,
    "offerings": 2_000,
    "slots": 40_000,
    "bookings": 500_000,
    "subscribers": 100_000,
    "events": 5_000,
}
TECHNIEKHUIZEN_PER_SITE = 2
FIRST_SCHOOL_YEAR = 2022  # five school years: 2022-2023 .. 2026-2027
YEARS = 5

WORDS = [
    "brug",
    "bruggen",
    "bouwen",
    "constructie",
    "driehoek",
    "toren",
    "spaghetti",
    "stevig",
    "ontwerp",
    "ontwerpen",
    "ontwerpcyclus",
    "testen",
    "meten",
    "zonnepaneel",
    "zonne-energie",
    "stroom",
    "spanning",
    "batterij",
    "lampje",
    "schakeling",
    "magneet",
    "kompas",
    "elektriciteit",
    "motor",
    "windmolen",
    "water",
    "waterrad",
    "programmeren",
    "micro:bit",
    "sensor",
    "robot",
    "lego",
    "code",
    "algoritme",
    "printer",
    "3d-printen",
    "lasersnijden",
    "hout",
    "karton",
    "papier",
    "materiaal",
    "kunststof",
    "metaal",
    "duurzaam",
    "recyclen",
    "afval",
    "plastic",
    "energie",
    "isoleren",
    "warmte",
    "temperatuur",
    "licht",
    "geluid",
    "kracht",
    "hefboom",
    "katrol",
    "tandwiel",
    "fiets",
    "raket",
    "drone",
    "waterstof",
    "klimaat",
    "plant",
    "kas",
    "voeding",
    "lichaam",
    "techniek",
    "technologie",
    "leerlingen",
    "onderzoek",
    "hypothese",
    "conclusie",
]
FILLER = [
    "de",
    "het",
    "een",
    "en",
    "van",
    "in",
    "op",
    "met",
    "voor",
    "aan",
    "als",
    "je",
    "we",
    "ze",
    "dat",
    "die",
    "dit",
    "zo",
    "om",
]
#: Databank searches: words, then filters (facet slugs as the bench creates them).
QUERIES = [
    ("bruggen bouwen", {}),
    ("zonne-energie", {"target_group": ["po-groep-7-8"]}),
    ("magneet", {"theme": ["energie"]}),
    ("micro:bit programmeren", {}),
    ("", {"target_group": ["po-groep-5-6"], "duration": ["60-120"]}),
    ("duurzaam", {"tech_world": ["bouwen-wonen"]}),
    ("windmolen", {}),
    ("robot sensor", {"theme": ["digitalisering"], "duration": ["30-60"]}),
    ("", {}),
    ("hefboom katrol", {"target_group": ["po-groep-7-8"], "theme": ["bouwen"]}),
]

# The test settings on the bench's database, as a module the test client and gunicorn both load.
SETTINGS = """
from cms.settings.test import *  # noqa
import dj_database_url, os
DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=600, conn_health_checks=True)}
TASKS = {"default": {"BACKEND": os.environ.get("BENCH_TASKS", "django_tasks_db.DatabaseBackend")}}
RATE_LIMITS = {scope: None for scope in ("bookings", "events.registrations", "newsletters.subscribe")}
DEBUG = False
"""


def load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def admin_sql(pg_url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(sql)


def sentence(rng: random.Random, n: int, topic: list[str] = WORDS) -> str:
    words = [rng.choice(topic) if rng.random() < 0.55 else rng.choice(FILLER) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def text(rng: random.Random, words: int, topic: list[str] = WORDS) -> str:
    """Dutch-looking text about ``topic``: a kit is about a few subjects, so a query word occurs in
    about a tenth of the kits (random words from the whole list would put every word in every kit)."""
    return " ".join(sentence(rng, 12, topic) for _ in range(max(1, words // 12)))


def kit_fields(rng: random.Random, i: int, regions: list, partners: list, licences: list) -> tuple[str, dict]:
    topic = rng.sample(WORDS, 7)
    return (
        f"{topic[0].capitalize()} {topic[1]} {i}",
        {
            "summary": text(rng, 30, topic),
            "learning_goals": f"<p>{text(rng, 36, topic)}</p>",
            "duration_minutes": rng.choice([20, 45, 60, 90, 120, 180]),
            "preparation_minutes": 10,
            "licence": rng.choice(licences),
            "author": "Bench",
            "region": rng.choice(regions),
            "partner": rng.choice([*partners, None, None]),
            "steps": [
                {
                    "type": "step",
                    "value": {
                        "title": sentence(rng, 5, topic),
                        "minutes": 10,
                        "instructions": f"<p>{text(rng, 84, topic)}</p>",
                    },
                }
            ],
        },
    )


# --- generation ---------------------------------------------------------------------------------


def child_path(parent_path: str, i: int) -> str:
    """Treebeard's materialised path of the ``i``-th child (1-based): base 36, four digits a level."""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    digits = []
    for _ in range(4):
        i, r = divmod(i, 36)
        digits.append(alphabet[r])
    return parent_path + "".join(reversed(digits))


def bulk_pages(parent, model, items: list[tuple[str, dict]], *, slug_prefix: str) -> list[int]:
    """Live children of ``parent`` without ``add_child`` per page: Page rows with their paths, then
    the specific rows. ``items`` is a list of (title, specific field values). Returns the page ids."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import F
    from django.utils import timezone
    from wagtail.models import Page

    parent.refresh_from_db()
    last = parent.get_last_child()
    start = int(last.path[-4:], 36) if last else 0
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    rows = []
    for n, (title, _fields) in enumerate(items, start=1):
        slug = f"{slug_prefix}-{start + n}"
        rows.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                path=child_path(parent.path, start + n),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                locale_id=parent.locale_id,
                translation_key=uuid.uuid4(),
            )
        )
    Page.objects.bulk_create(rows, batch_size=2000)
    ids = list(
        Page.objects.filter(
            path__startswith=parent.path, depth=parent.depth + 1, path__gt=child_path(parent.path, start)
        )
        .order_by("path")
        .values_list("pk", flat=True)
    )
    fields = list(model._meta.local_concrete_fields)
    specific = [model(page_ptr_id=pk, **values) for pk, (_title, values) in zip(ids, items, strict=True)]
    for chunk in range(0, len(specific), 1000):
        model._base_manager._insert(specific[chunk : chunk + 1000], fields=fields, using="default")
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(ids))
    return ids


def copy_rows(model, columns: list[str], rows) -> int:
    """COPY rows into ``model``'s table: ``columns`` vary per row, every other field gets its default
    (auto_now fields: now). Callable defaults are called once, so unique fields must be in ``columns``."""
    from django.db import connection
    from django.utils import timezone

    now = timezone.now()
    fixed = {}
    for field in model._meta.concrete_fields:
        if field.primary_key or field.attname in columns:
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            fixed[field.column] = now
        else:
            fixed[field.column] = field.get_db_prep_save(field.get_default(), connection)
    column_names = [f'"{model._meta.get_field(c).column}"' for c in columns] + [f'"{c}"' for c in fixed]
    constant = tuple(fixed.values())
    count = 0
    raw = connection.connection
    with raw.cursor() as cursor:
        sql = f"COPY {model._meta.db_table} ({', '.join(column_names)}) FROM STDIN"
        with cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(tuple(row) + constant)
                count += 1
    return count


def generate(counts: dict[str, int], rng: random.Random) -> dict:
    """The national installation; returns what the measurements need (sites, users, ids)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.documents.models import Document
    from wagtail.models import Page, Site

    from cms.bookings.models import Booking, Coordinator, LessonOffering, TimeSlot
    from cms.newsletters.models import Subscriber
    from cms.pages.models import DatabankPage, EventPage, LessonKitPage
    from cms.pages.models.lessonkit import LessonKitDownload, Licence
    from cms.snippets.models import CoreGoal, Partner, School, TargetGroup, TechWorld, Theme
    from search.models import DocumentText
    from tests.factories import RegionSite, TechniekhuisPageFactory

    timings: dict[str, float] = {}

    def step(name: str, started: float) -> None:
        timings[name] = time.perf_counter() - started
        print(f"  {name:<34} {timings[name]:7.1f} s   load {load()}", flush=True)

    t = time.perf_counter()
    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    groups = [
        TargetGroup.objects.create(
            name=f"po groep {a}/{a + 1}", slug=f"po-groep-{a}-{a + 1}", level="po", sort_order=a
        )
        for a in (1, 3, 5, 7)
    ]
    themes = [
        Theme.objects.create(name=name.capitalize(), slug=name)
        for name in ("energie", "digitalisering", "vergroenen", "bouwen", "vervoeren", "inclusie")
    ]
    worlds = [
        TechWorld.objects.create(name=name, slug=name)
        for name in ("bouwen-wonen", "energie", "ict-communicatie", "mobiliteit-transport", "productie-maken")
    ]
    goals = [
        CoreGoal.objects.create(name=f"Kerndoel {k}", slug=f"kerndoel-{k}", number=k) for k in range(42, 47)
    ]
    partners = [
        Partner.objects.create(name=f"Partner {i}", slug=f"partner-{i}", partner_type="company")
        for i in range(20)
    ]
    sites = []
    techniekhuizen = []  # (techniekhuis page, region id)
    for i in range(counts["sites"]):
        site = RegionSite(hostname=f"regio-{i}.nat.test", is_default=i == 0)
        sites.append(site)
        for _ in range(TECHNIEKHUIZEN_PER_SITE):
            techniekhuizen.append((TechniekhuisPageFactory(parent=site.techniekhuizen), site.region.pk))
    step(f"{len(sites)} sites, {len(techniekhuizen)} techniekhuizen", t)

    t = time.perf_counter()
    databank = sites[0].home.add_child(instance=DatabankPage(title="Databank", slug="databank"))
    documents = []
    for i in range(60):
        document = Document.objects.create(
            title=f"Werkblad {i}", file=f"documents/werkblad-{i}.pdf", file_hash=f"nat{i}"
        )
        DocumentText.objects.create(
            document=document, file_hash=document.file_hash, text=text(rng, 150, rng.sample(WORDS, 7))
        )
        documents.append(document)
    regions = [site.region for site in sites]
    with transaction.atomic():
        items = [kit_fields(rng, i, regions, partners, Licence.values) for i in range(counts["kits"])]
        kit_ids = bulk_pages(databank, LessonKitPage, items, slug_prefix="kit")
        del items
        for relation, column, terms in (
            ("target_groups", "targetgroup_id", groups),
            ("themes", "theme_id", themes),
            ("tech_worlds", "techworld_id", worlds),
            ("core_goals", "coregoal_id", goals),
        ):
            through = getattr(LessonKitPage, relation).through
            through.objects.bulk_create(
                [
                    through(lessonkitpage_id=pk, **{column: term.pk})
                    for pk in kit_ids
                    for term in rng.sample(terms, rng.randint(1, 2))
                ],
                batch_size=5000,
            )
        LessonKitDownload.objects.bulk_create(
            [
                LessonKitDownload(
                    page_id=pk,
                    document=rng.choice(documents),
                    kind=rng.choice(LessonKitDownload.Kind.values),
                    sort_order=0,
                )
                for pk in kit_ids
            ],
            batch_size=5000,
        )
    step(f"{len(kit_ids)} lesson kits", t)

    t = time.perf_counter()
    first_day = dt.date(FIRST_SCHOOL_YEAR, 8, 20)
    days = (dt.date(FIRST_SCHOOL_YEAR + YEARS, 7, 10) - first_day).days
    tz = timezone.get_current_timezone()
    with transaction.atomic():
        per_site = max(1, counts["events"] // len(sites))
        events = 0
        for site in sites:
            items = []
            for n in range(per_site):
                start = dt.datetime.combine(
                    first_day + dt.timedelta(days=rng.randrange(days)), dt.time(15, 30), tz
                )
                items.append(
                    (
                        f"Leernetwerk {site.region.name} {n}",
                        {
                            "event_type": rng.choice(EventPage.EventType.values),
                            "intro": sentence(rng, 20),
                            "start": start,
                            "end": start + dt.timedelta(hours=2),
                            "location_name": "Techniekhuis",
                            "capacity": 40,
                        },
                    )
                )
            events += len(bulk_pages(site.events, EventPage, items, slug_prefix="event"))
    step(f"{events} events", t)

    t = time.perf_counter()
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    School.objects.bulk_create(
        [
            School(
                name=f"Basisschool {rng.choice(WORDS).capitalize()} {n}",
                brin_code=f"{10 + n % 90:02d}{letters[n // 90 // 26 % 26]}{letters[n // 90 % 26]}",
                school_type=School.SchoolType.PO,
                street="Schoolstraat 1",
                postcode="3011 AB",
                city="Rotterdam",
                region=regions[n % len(regions)],
            )
            for n in range(counts["schools"])
        ],
        batch_size=5000,
    )
    schools_by_region: dict[int, list[int]] = {}
    for pk, region_id in School.objects.values_list("pk", "region_id"):
        schools_by_region.setdefault(region_id, []).append(pk)
    step(f"{counts['schools']} schools", t)

    t = time.perf_counter()
    offerings = LessonOffering.objects.bulk_create(
        [
            LessonOffering(
                title=f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {n}",
                techniekhuis=techniekhuizen[n % len(techniekhuizen)][0],
                description=sentence(rng, 20),
                duration_minutes=90,
                max_pupils_per_class=32,
                price=200,
            )
            for n in range(counts["offerings"])
        ],
        batch_size=5000,
    )
    through = LessonOffering.target_groups.through
    through.objects.bulk_create(
        [through(lessonoffering_id=o.pk, targetgroup_id=rng.choice(groups).pk) for o in offerings],
        batch_size=5000,
    )
    offering_region = {o.pk: techniekhuizen[n % len(techniekhuizen)][1] for n, o in enumerate(offerings)}
    per_offering = max(1, counts["slots"] // len(offerings))
    step_days = max(1, days // per_offering)
    slot_rows = [
        (o.pk, first_day + dt.timedelta(days=k * step_days + n % step_days), dt.time(9, 30), dt.time(11), 20)
        for n, o in enumerate(offerings)
        for k in range(per_offering)
    ]
    with transaction.atomic():
        copy_rows(TimeSlot, ["offering_id", "date", "start", "end", "capacity_classes"], slot_rows)
    slots = list(TimeSlot.objects.values_list("pk", "offering_id", "date"))
    step(f"{len(offerings)} offerings, {len(slots)} slots", t)

    t = time.perf_counter()
    today = timezone.localdate()

    def bookings():
        for n in range(counts["bookings"]):
            slot_id, offering_id, day = slots[n % len(slots)]
            local_schools = schools_by_region[offering_region[offering_id]]
            if day < today:
                status = Booking.Status.CANCELLED if n % 10 == 0 else Booking.Status.COMPLETED
            else:
                status = Booking.Status.REQUESTED if n % 3 == 0 else Booking.Status.CONFIRMED
            created = dt.datetime.combine(day - dt.timedelta(days=20 + n % 60), dt.time(10), tz)
            yield (
                uuid.uuid4().hex,
                slot_id,
                local_schools[n % len(local_schools)],
                f"Juf {n}",
                f"juf{n}@school.nl",
                3 + n % 6,
                20 + n % 10,
                True,
                status,
                created,
                created,
            )

    columns = [
        "idempotency_key", "slot_id", "school_id", "contact_name", "email", "group", "pupils",
        "privacy_consent", "status", "created_at", "updated_at",
    ]  # fmt: skip
    with transaction.atomic():
        copy_rows(Booking, columns, bookings())
        with connection.cursor() as cursor:
            cursor.execute(
                """UPDATE bookings_timeslot s SET booked_classes = b.classes, booked_pupils = b.pupils
                   FROM (SELECT slot_id, count(*) AS classes, sum(pupils) AS pupils FROM bookings_booking
                         WHERE status IN ('requested', 'confirmed', 'completed') GROUP BY slot_id) b
                   WHERE b.slot_id = s.id"""
            )
    step(f"{counts['bookings']} bookings", t)

    t = time.perf_counter()
    statuses = [Subscriber.Status.ACTIVE] * 8 + [Subscriber.Status.PENDING, Subscriber.Status.UNSUBSCRIBED]
    now = timezone.now()
    with transaction.atomic():
        copy_rows(
            Subscriber,
            ["email", "region_id", "status", "confirm_token", "consent_given_at"],
            (
                (
                    f"lezer{n}@example.nl",
                    regions[n % len(regions)].pk,
                    statuses[n % 10],
                    uuid.uuid4().hex,
                    now,
                )
                for n in range(counts["subscribers"])
            ),
        )
    step(f"{counts['subscribers']} subscribers", t)

    t = time.perf_counter()
    users = get_user_model()
    admin = users.objects.create_superuser("nat-admin", "admin@nat.test", "x")
    coordinator = users.objects.create_user("nat-coordinator", "coordinator@nat.test", "x", is_staff=True)
    coordinator.user_permissions.add(Permission.objects.get(codename="access_admin"))
    Coordinator.objects.create(user=coordinator, techniekhuis=techniekhuizen[0][0])
    step("users", t)

    t = time.perf_counter()
    from search import services

    indexed = services.rebuild_database_index()
    step(f"search index rebuild ({indexed} kits)", t)
    t = time.perf_counter()
    # What autovacuum does after a bulk load: statistics for the planner, and a visibility map so
    # index-only scans (taxonomy filters, counts) need not visit the table rows.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    step("VACUUM ANALYZE", t)
    return {
        "sites": [(s.site.hostname, s.region.pk) for s in sites],
        "kit_urls": [f"/databank/kit-{n}/" for n in range(1, counts["kits"] + 1)],
        "admin": admin,
        "coordinator": coordinator,
        "timings": timings,
    }


# --- measurements in this process ---------------------------------------------------------------


def timed(label: str, requests: list, results: dict, client) -> None:
    """Warm up on the first two (path, params, host), time them all, then count the SQL of the first."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    samples = []
    for path, params, host in requests[:2]:
        client.get(path, params, HTTP_HOST=host)
    for path, params, host in requests:
        started = time.perf_counter()
        response = client.get(path, params, HTTP_HOST=host)
        samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{label}: {path} {params} -> HTTP {response.status_code}")
    path, params, host = requests[0]
    with CaptureQueriesContext(connection) as queries:
        client.get(path, params, HTTP_HOST=host)
    results[label] = {
        "queries": len(queries),
        "sql_ms": sum(float(query["time"]) for query in queries.captured_queries) * 1000,
        "p50": statistics.median(samples),
        "p95": percentile(samples, 0.95),
        "n": len(samples),
        "load": load(),
    }
    row = results[label]
    print(
        f"  {label:<36} p50 {row['p50']:7.1f} ms  p95 {row['p95']:7.1f} ms  n={row['n']:<3} "
        f"{row['queries']:>3} queries ({row['sql_ms']:.0f} ms SQL)  load {row['load']}",
        flush=True,
    )


def measure(world: dict, runs: int, rng: random.Random) -> dict:
    from django.test import Client

    from cms.pages.models import DatabankPage

    results: dict = {}
    client = Client()
    main_host = world["sites"][0][0]
    sites = world["sites"]
    timed(
        "home page, per site",
        [("/", {}, host) for _ in range(runs) for host, _ in sites][: max(runs * 5, len(sites))],
        results,
        client,
    )
    timed(
        "databank search API + facets",
        [("/api/v3/databank/search", {"q": q, **f}, main_host) for _ in range(runs) for q, f in QUERIES],
        results,
        client,
    )
    databank_url = DatabankPage.objects.get().url_path.split("/", 2)[2]
    timed(
        "databank page (HTML) with a query",
        [
            (f"/{databank_url}", {"q": q, **f}, main_host)
            for _ in range(max(1, runs // 2))
            for q, f in QUERIES
        ],
        results,
        client,
    )
    kit_urls = rng.sample(world["kit_urls"], min(len(world["kit_urls"]), runs * 5))
    timed("kit page", [(url, {}, main_host) for url in kit_urls], results, client)
    region_slug = (
        __import__("cms.snippets.models", fromlist=["Region"]).Region.objects.get(pk=sites[1][1]).slug
    )
    for prefix, filters in (
        ("lessonkits", {}),
        ("lessonkits", {"theme": "energie"}),
        ("events", {"region": region_slug}),
        ("techniekhuizen", {}),
        ("news", {}),
        ("challenges", {}),
    ):
        label = f"API /api/v3/{prefix}/" + (f"?{next(iter(filters))}=" if filters else "")
        timed(
            label,
            [
                (f"/api/v3/{prefix}/", {"limit": 20, "offset": 20 * (i % 5), **filters}, main_host)
                for i in range(runs * 2)
            ],
            results,
            client,
        )
    client.force_login(world["coordinator"])
    timed(
        "admin booking list (coordinator)",
        [
            ("/admin/bookings/booking/", params, main_host)
            for _ in range(runs)
            for params in ({}, {"status": "requested"})
        ],
        results,
        client,
    )
    client.logout()
    client.force_login(world["admin"])
    timed(
        "dashboard, one region",
        [
            ("/admin/funders-dashboard/", {"region": sites[i % len(sites)][1]}, main_host)
            for i in range(runs * 2)
        ],
        results,
        client,
    )
    client.logout()
    return results


# --- the booking API burst against gunicorn -----------------------------------------------------

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str]:
    """Fields of /proc/<pid>/stat after the command name (field 3 onwards)."""
    with open(f"/proc/{pid}/stat") as handle:
        return handle.read().rsplit(")", 1)[1].split()


def _processes() -> dict[int, tuple[str, int]]:
    """pid -> (command name, parent pid) of every process we can see."""
    found = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/comm") as handle:
                    name = handle.read().strip()
                found[int(entry)] = (name, int(_stat(int(entry))[1]))
            except (OSError, IndexError, ValueError):
                continue
    return found


def cpu_seconds(master: int) -> tuple[float, float]:
    """CPU seconds used so far by gunicorn (``master`` and its workers) and by PostgreSQL (all its
    processes, plus the backends that have exited, which the postmaster's counters keep)."""
    processes = _processes()
    web = db = 0.0
    for pid, (name, parent) in processes.items():
        try:
            fields = _stat(pid)
        except OSError:
            continue
        own = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime, stime
        if pid == master or parent == master:
            web += own
        elif name == "postgres":
            db += own
            if processes.get(parent, ("",))[0] != "postgres":  # the postmaster: add its reaped children
                db += (int(fields[13]) + int(fields[14])) / CLOCK_TICKS  # cutime, cstime
    return web, db


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()  # noqa: S310 (our own http:// URL)
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    raise RuntimeError(f"server at {url} did not come up")


def request(url: str, host: str, payload: dict | None = None) -> tuple[int, float]:
    """One GET (or JSON POST when ``payload``); returns the status (0: no connection) and seconds."""
    headers = {"Host": host}
    body = None
    if payload is not None:
        body = json.dumps(payload).encode()
        headers["Content-Type"] = "application/json"
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, body, headers), timeout=60) as response:  # noqa: S310
            status = response.status
            response.read()
    except urllib.error.HTTPError as error:
        status = error.code
        error.read()
    except OSError:
        status = 0
    return status, time.perf_counter() - started


def under_load(label: str, server: int, calls: list, concurrency: int) -> dict:
    """Fire ``calls`` (no-argument functions returning (status, seconds)) from ``concurrency`` threads;
    latency, throughput and the CPU seconds gunicorn and PostgreSQL used meanwhile."""
    load_before = load()
    web_before, db_before = cpu_seconds(server)
    client_before = time.process_time()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        results = list(pool.map(lambda call: call(), calls))
    elapsed = time.perf_counter() - started
    client_cpu = time.process_time() - client_before
    web_after, db_after = cpu_seconds(server)
    codes: dict[int, int] = {}
    for status, _ in results:
        codes[status] = codes.get(status, 0) + 1
    latencies = [latency * 1000 for _, latency in results]
    n = len(results)
    row = {
        "p50": statistics.median(latencies),
        "p95": percentile(latencies, 0.95),
        "n": n,
        "load": f"{load_before} -> {load()}",
        "codes": codes,
        "throughput": n / elapsed,
        "wall_s": elapsed,
        "web_cpu_ms": (web_after - web_before) / n * 1000,
        "db_cpu_ms": (db_after - db_before) / n * 1000,
        "client_cpu_s": client_cpu,
    }
    print(
        f"  {label}: p50 {row['p50']:.0f} ms  p95 {row['p95']:.0f} ms  {row['throughput']:.1f} req/s  "
        f"codes {dict(sorted(codes.items()))}  load {row['load']}\n"
        f"    CPU per request: gunicorn {row['web_cpu_ms']:.1f} ms, PostgreSQL {row['db_cpu_ms']:.1f} ms "
        f"(all databases); clients {client_cpu:.1f} s in {elapsed:.1f} s wall",
        flush=True,
    )
    return row


def bursts(env: dict, args, world: dict) -> dict:
    """Against gunicorn: ``args.requests`` booking POSTs on 10 future slots of region 0, then as many
    GETs mixing home pages, databank searches and kit pages, each from ``args.concurrency`` clients."""
    from django.db import connections
    from django.utils import timezone

    from cms.bookings.models import TimeSlot
    from cms.snippets.models import School

    # Ten future slots of lessons for groups 3-8; each booking names a group the lesson is for.
    rows = (
        TimeSlot.objects.filter(
            date__gt=timezone.localdate() + dt.timedelta(days=14),
            offering__target_groups__sort_order__in=(3, 5, 7),
        )
        .order_by("date")
        .values_list("pk", "offering__target_groups__sort_order")[:10]
    )
    slots, groups = [pk for pk, _ in rows], [group for _, group in rows]
    TimeSlot.objects.filter(pk__in=slots).update(capacity_classes=None)
    schools = list(
        School.objects.order_by("pk").values("name", "brin_code", "street", "postcode", "city")[
            : args.requests
        ]
    )
    connections.close_all()
    port = free_port()
    processes = args.web_processes
    server = subprocess.Popen(  # noqa: S603 (our own interpreter and config)
        [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "--bind", f"127.0.0.1:{port}",
         "--workers", str(processes), "--log-level", "warning"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    main_host = world["sites"][0][0]
    results = {}
    try:
        wait_for(base + "/healthz")
        bookings = []
        for i in range(args.requests):
            school = schools[i % len(schools)]
            payload = {
                "slot": slots[i % len(slots)],
                "school_name": school["name"],
                "school_brin": school["brin_code"],
                "school_street": school["street"],
                "school_postcode": school["postcode"],
                "school_city": school["city"],
                "contact_name": "Juf Bench",
                "email": f"burst{i}@school.nl",
                "group": groups[i % len(slots)],
                "pupils": 24,
                "privacy_consent": True,
                "idempotency_key": uuid.uuid4().hex,
            }
            bookings.append(lambda payload=payload: request(base + "/api/v3/bookings/", main_host, payload))
        rng = random.Random(50)
        reads = []
        for i in range(args.requests):
            kind = i % 3
            if kind == 0:
                host, path = world["sites"][i % len(world["sites"])][0], "/"
            elif kind == 1:
                q, _filters = QUERIES[i % len(QUERIES)]
                host, path = main_host, "/api/v3/databank/search?" + urllib.parse.urlencode({"q": q})
            else:
                host, path = main_host, rng.choice(world["kit_urls"])
            reads.append(lambda host=host, path=path: request(base + path, host))
        # Warm every process (imports, URL resolver, facet bitmaps) before the clock starts.
        under_load("warm-up", server.pid, reads[: processes * 6], processes * 2)
        label = f"booking API, {args.concurrency} clients, gunicorn x{processes}"
        results["booking API burst"] = under_load(label, server.pid, bookings, args.concurrency)
        label = f"reads (home/search/kit), {args.concurrency} clients, gunicorn x{processes}"
        results["read burst"] = under_load(label, server.pid, reads, args.concurrency)
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    if any(500 in row["codes"] or 0 in row["codes"] for row in results.values()):
        print(errors.decode()[-3000:])
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.01)
    parser.add_argument("--database", default="wt_nat")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--reuse", action="store_true", help="measure the kept database of an earlier run")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--requests", type=int, default=200, help="booking POSTs in the burst")
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--web-processes", type=int, default=3)
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args()

    counts = {key: max(1, round(value * args.scale)) for key, value in FULL.items()}
    counts["sites"] = max(2, counts["sites"])
    pg_url = os.environ.get("BENCH_PG_URL", "postgres://postgres:postgres@127.0.0.1:5432/postgres")
    db_url = pg_url.rsplit("/", 1)[0] + "/" + args.database
    settings_dir = tempfile.mkdtemp(prefix="bench-national-")
    Path(settings_dir, "bench_national_settings.py").write_text(SETTINGS)
    env = {
        **os.environ,
        "DATABASE_URL": db_url,
        "DJANGO_SETTINGS_MODULE": "bench_national_settings",
        "PYTHONPATH": os.pathsep.join([settings_dir, str(ROOT), os.environ.get("PYTHONPATH", "")]),
    }
    os.environ.update({k: env[k] for k in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")})
    sys.path[:0] = [settings_dir, str(ROOT)]
    print(f"scale {args.scale}: {counts}")
    print(f"database {args.database}; load {load()} (2 cores, shared)", flush=True)

    started_all = time.perf_counter()
    if not args.reuse:
        admin_sql(pg_url, f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')
        admin_sql(pg_url, f'CREATE DATABASE "{args.database}"')
    try:
        import django

        django.setup()
        from django.core.management import call_command

        rng = random.Random(15)
        if args.reuse:
            world = reuse_world(counts)
        else:
            t = time.perf_counter()
            call_command("migrate", verbosity=0)
            print(
                f"  migrate                            {time.perf_counter() - t:7.1f} s   load {load()}",
                flush=True,
            )
            t = time.perf_counter()
            world = generate(counts, rng)
            generated = time.perf_counter() - t
            booking_seconds = next(v for k, v in world["timings"].items() if k.endswith(" bookings"))
            print(
                f"generated in {generated:.0f} s ({counts['kits'] + counts['events']} pages in bulk; "
                f"bookings by COPY at {counts['bookings'] / max(booking_seconds, 0.001):.0f} rows/s)",
                flush=True,
            )
        gc.collect()
        gc.freeze()
        print("measuring (Django test client, this process):", flush=True)
        results = measure(world, args.runs, rng)
        results.update(bursts(env, args, world))
        print(f"whole run {time.perf_counter() - started_all:.0f} s; load {load()}")
        if args.json:
            Path(args.json).write_text(
                json.dumps(
                    {"scale": args.scale, "counts": counts, "timings": world["timings"], "results": results},
                    indent=1,
                )
            )
    finally:
        from django.db import connections

        connections.close_all()
        if not args.keep:
            admin_sql(pg_url, f'DROP DATABASE IF EXISTS "{args.database}" WITH (FORCE)')


def reuse_world(counts: dict) -> dict:
    """What ``generate`` returns, read back from a kept database."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Site

    from cms.pages.models import LessonKitPage
    from cms.snippets.models import Region

    users = get_user_model()
    regions = {r.site_id: r.pk for r in Region.objects.all()}
    sites = [(s.hostname, regions[s.pk]) for s in Site.objects.order_by("pk")]
    kit_urls = [
        "/" + url.split("/", 2)[2] for url in LessonKitPage.objects.values_list("url_path", flat=True)
    ]
    return {
        "sites": sites,
        "kit_urls": kit_urls,
        "admin": users.objects.get(username="nat-admin"),
        "coordinator": users.objects.get(username="nat-coordinator"),
        "timings": {},
    }


if __name__ == "__main__":
    main()
