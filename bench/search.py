"""Benchmark of the databank search's embedded (database) backend at 10,000 lesson materials.

Builds a throw-away SQLite database (``/tmp/bench-search.sqlite3``, or ``BENCH_DATABASE_URL``) with
10,000 live lesson kits (Dutch text, taxonomies, attachment text), rebuilds the index, then times 20
representative queries (query + 0-3 filters + all facets) through ``GET /api/v3/databank/search``
and the same queries through a plain ORM ``icontains`` search with ORM facet counts. Then 20
misspelled queries (answered with the results of their correction) and the similar kits of 100 kits
(``GET /api/v3/databank/kits/{id}/similar``).

    .venv/bin/python bench/search.py [--materials 10000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", "sqlite:////tmp/bench-search.sqlite3")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Count, Q  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.documents.models import Document  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

from cms.pages.models import DatabankPage, HomePage, LessonKitPage  # noqa: E402
from cms.pages.models.lessonkit import LessonKitDownload, Licence  # noqa: E402
from cms.snippets.models import CoreGoal, Partner, Region, TargetGroup, TechWorld, Theme  # noqa: E402
from search import services  # noqa: E402
from search.models import DocumentText  # noqa: E402

WORDS = [
    "brug",
    "bruggen",
    "bouwen",
    "gebouwd",
    "constructie",
    "driehoek",
    "toren",
    "spaghetti",
    "stevig",
    "stabiel",
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
    "magneten",
    "kompas",
    "kompasnaald",
    "noorden",
    "elektriciteit",
    "motor",
    "windmolen",
    "wind",
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
    "plakband",
    "lijm",
    "schaar",
    "zaag",
    "boor",
    "materiaal",
    "kunststof",
    "metaal",
    "duurzaam",
    "recyclen",
    "afval",
    "plastic",
    "energie",
    "besparen",
    "isoleren",
    "warmte",
    "temperatuur",
    "thermometer",
    "licht",
    "geluid",
    "trilling",
    "kracht",
    "hefboom",
    "katrol",
    "tandwiel",
    "fiets",
    "auto",
    "vliegtuig",
    "raket",
    "drone",
    "brandstof",
    "waterstof",
    "klimaat",
    "weer",
    "regen",
    "zon",
    "maan",
    "seizoen",
    "plant",
    "kas",
    "groente",
    "voeding",
    "gezond",
    "lichaam",
    "hart",
    "spier",
    "techniek",
    "technologie",
    "leerlingen",
    "groepje",
    "klas",
    "juf",
    "meester",
    "docent",
    "werkblad",
    "opdracht",
    "onderzoek",
    "vraag",
    "hypothese",
    "resultaat",
    "conclusie",
    "presenteren",
    "samenwerken",
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
QUERIES = [
    ("bruggen bouwen", {}),
    ("zonne-energie", {"target_group": ["po-groep-7-8"]}),
    ("magneet", {"theme": ["energie"]}),
    ("micro:bit programmeren", {}),
    ("kompasnaald", {}),
    ("", {"target_group": ["po-groep-5-6"], "duration": ["60-120"]}),
    ("duurzaam", {"tech_world": ["bouwen-wonen"], "licence": ["cc-by-sa-4.0"]}),
    ("windmolen", {}),
    ("3d-printen", {"target_group": ["vmbo-onderbouw"]}),
    ("robot sensor", {"theme": ["digitalisering"], "duration": ["30-60"], "core_goal": ["45"]}),
    ("toren", {}),
    ("", {}),
    ("waterstof", {"region": ["regio-1"]}),
    ("hefboom katrol", {"target_group": ["po-groep-7-8"], "theme": ["bouwen"]}),
    ("isoleren warmte", {}),
    ("lasersnijden hout", {"material_kind": ["worksheet"]}),
    ("klimaat", {"theme": ["vergroenen"], "target_group": ["po-groep-5-6", "po-groep-7-8"]}),
    ("plastic recyclen", {}),
    ("elektriciteit schakeling lampje", {"duration": ["lt30", "30-60"]}),
    ("ontwerpcyclus", {"core_goal": ["45"], "partner": ["partner-3"], "licence": ["cc-by-4.0"]}),
]

#: Typos a teacher makes; each finds nothing as typed, so the API answers with the correction.
MISSPELLED = [
    ("spagetti", {}),
    ("programeren", {}),
    ("brugen bouwen", {}),
    ("kompasnald", {}),
    ("driehoeck", {}),
    ("zonnepanneel", {}),
    ("elektricitijt", {}),
    ("batterei", {"target_group": ["po-groep-7-8"]}),
    ("schakling lampje", {}),
    ("waterrat", {}),
    ("sensorr", {"theme": ["digitalisering"]}),
    ("windmoolen", {}),
    ("ontwerpcyclis", {}),
    ("constructe", {}),
    ("magneeet", {}),
    ("spanninng", {}),
    ("stabeil", {}),
    ("toren spagetti", {}),
    ("kompas noordn", {}),
    ("motr", {}),
]


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) if rng.random() < 0.55 else rng.choice(FILLER) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def text(rng: random.Random, words: int) -> str:
    return " ".join(sentence(rng, 12) for _ in range(max(1, words // 12)))


def step_path(parent_path: str, i: int) -> str:
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    digits = []
    for _ in range(4):
        i, r = divmod(i, 36)
        digits.append(alphabet[r])
    return parent_path + "".join(reversed(digits))


def build(n: int) -> None:
    rng = random.Random(42)
    call_command("migrate", verbosity=0)
    Site.objects.all().delete()
    Page.objects.filter(depth__gt=1).delete()
    for model in (TargetGroup, Theme, TechWorld, CoreGoal, Partner, Region):
        model.objects.all().delete()
    groups = [
        TargetGroup.objects.create(
            name=f"po groep {a}/{a + 1}", slug=f"po-groep-{a}-{a + 1}", level="po", sort_order=a
        )
        for a in (1, 3, 5, 7)
    ]
    groups.append(
        TargetGroup.objects.create(name="vmbo onderbouw", slug="vmbo-onderbouw", level="vmbo", sort_order=9)
    )
    themes = [
        Theme.objects.create(name=t.capitalize(), slug=t)
        for t in ("energie", "digitalisering", "vergroenen", "bouwen", "vervoeren", "inclusie")
    ]
    worlds = [
        TechWorld.objects.create(name=w, slug=w)
        for w in ("bouwen-wonen", "energie", "ict-communicatie", "mobiliteit-transport", "productie-maken")
    ]
    goals = [
        CoreGoal.objects.create(name=f"Kerndoel {k}", slug=f"kerndoel-{k}", number=k) for k in range(42, 47)
    ]
    regions = [Region.objects.create(name=f"Regio {i}", slug=f"regio-{i}") for i in range(1, 4)]
    partners = [
        Partner.objects.create(name=f"Partner {i}", slug=f"partner-{i}", partner_type="company")
        for i in range(1, 9)
    ]
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Bench", slug="bench", region=regions[0]))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    databank = home.add_child(instance=DatabankPage(title="Databank", slug="databank"))
    documents = []
    for i in range(60):
        document = Document.objects.create(
            title=f"Werkblad {i}", file=f"documents/werkblad-{i}.pdf", file_hash=f"bench{i}"
        )
        DocumentText.objects.create(document=document, file_hash=document.file_hash, text=text(rng, 150))
        documents.append(document)

    from django.contrib.contenttypes.models import ContentType

    kit_type = ContentType.objects.get_for_model(LessonKitPage)
    locale = Locale.get_default()
    now = timezone.now()
    licences = Licence.values
    with transaction.atomic():
        pages = []
        for i in range(n):
            title = f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {i}"
            slug = f"kit-{i}"
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=kit_type,
                    path=step_path(databank.path, i + 1),
                    depth=databank.depth + 1,
                    numchild=0,
                    url_path=f"{databank.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                )
            )
        Page.objects.bulk_create(pages, batch_size=1000)
        Page.objects.filter(pk=databank.pk).update(numchild=n)
        ids = list(
            Page.objects.filter(path__startswith=databank.path, depth=databank.depth + 1)
            .order_by("path")
            .values_list("pk", flat=True)
        )
        kits = []
        for pk in ids:
            kit = LessonKitPage(
                page_ptr_id=pk,
                summary=text(rng, 30),
                learning_goals=f"<p>{text(rng, 40)}</p>",
                duration_minutes=rng.choice([20, 45, 60, 90, 120, 180]),
                preparation_minutes=10,
                licence=rng.choice(licences),
                author="Bench",
                region=rng.choice(regions + [None]),
                partner=rng.choice(partners + [None] * 4),
                listing_summary="",
                steps=[
                    {
                        "type": "step",
                        "value": {
                            "title": sentence(rng, 5),
                            "minutes": 10,
                            "instructions": f"<p>{text(rng, 200)}</p>",
                        },
                    }
                ],
            )
            kits.append(kit)
        fields = list(LessonKitPage._meta.local_concrete_fields)
        for start in range(0, len(kits), 500):
            LessonKitPage._base_manager._insert(kits[start : start + 500], fields=fields, using="default")
        through = {
            "target_groups": (LessonKitPage.target_groups.through, "targetgroup_id", groups),
            "themes": (LessonKitPage.themes.through, "theme_id", themes),
            "tech_worlds": (LessonKitPage.tech_worlds.through, "techworld_id", worlds),
            "core_goals": (LessonKitPage.core_goals.through, "coregoal_id", goals),
        }
        for model, column, terms in through.values():
            rows = [
                model(lessonkitpage_id=pk, **{column: t.pk})
                for pk in ids
                for t in rng.sample(terms, rng.randint(1, 2))
            ]
            model.objects.bulk_create(rows, batch_size=2000)
        LessonKitDownload.objects.bulk_create(
            [
                LessonKitDownload(
                    page_id=pk,
                    document=rng.choice(documents),
                    kind=rng.choice(LessonKitDownload.Kind.values),
                    sort_order=0,
                )
                for pk in ids
            ],
            batch_size=2000,
        )


def orm_search(q: str, filters: dict[str, list[str]]) -> tuple[int, list, dict]:
    """The naive alternative: icontains on every text field, ORM grouped counts per facet."""
    queryset = LessonKitPage.objects.live().public()
    for word in q.replace("-", " ").replace(":", " ").split():
        queryset = queryset.filter(
            Q(title__icontains=word)
            | Q(summary__icontains=word)
            | Q(learning_goals__icontains=word)
            | Q(steps__icontains=word)
        )
    lookups = {
        "target_group": "target_groups__slug",
        "theme": "themes__slug",
        "tech_world": "tech_worlds__slug",
        "core_goal": "core_goals__number",
        "region": "region__slug",
        "partner": "partner__slug",
        "licence": "licence",
        "material_kind": "downloads__kind",
    }
    for key, values in filters.items():
        if key == "duration":
            continue
        queryset = queryset.filter(**{f"{lookups[key]}__in": values})
    queryset = queryset.distinct()
    total = queryset.count()
    page = list(queryset.order_by("-first_published_at")[:20].values("pk", "title"))
    facets = {
        key: list(queryset.values(lookup).annotate(n=Count("pk", distinct=True)))
        for key, lookup in lookups.items()
    }
    return total, page, facets


def timed(fn, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        for q, filters in QUERIES:
            started = time.perf_counter()
            fn(q, filters)
            samples.append((time.perf_counter() - started) * 1000)
    return samples


def summary(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * len(ordered))) - 1)]
    return f"median {statistics.median(ordered):7.1f} ms   p95 {p95:7.1f} ms   (n={len(ordered)})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--materials", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-build", action="store_true")
    args = parser.parse_args()
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    print("load average (1/5/15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    call_command("migrate", verbosity=0)
    if not args.skip_build:
        started = time.perf_counter()
        build(args.materials)
        print(f"created {args.materials} lesson kits in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    count = services.rebuild_database_index()
    print(f"full index rebuild: {count} materials in {time.perf_counter() - started:.1f} s")

    client = Client()

    def api(q, filters):
        params = {"q": q, **filters}
        response = client.get("/api/v3/databank/search", params)
        if response.status_code != 200:
            raise RuntimeError(response.content)
        return response

    api("warm", {})
    for q, filters in QUERIES[:3]:
        data = api(q, filters).json()
        print(f"  {q!r} {filters}: {data['total']} hits")
    print("API /api/v3/databank/search (database backend):", summary(timed(api, args.repeat)))
    print(
        "plain ORM icontains + ORM facet counts:        ",
        summary(timed(orm_search, max(1, args.repeat // 5))),
    )
    print("load average (1/5/15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))

    corrected = sum(api(q, filters).json()["corrected"] for q, filters in MISSPELLED)
    print(f"misspelled queries answered with their correction: {corrected}/{len(MISSPELLED)}")
    samples = []
    for _ in range(args.repeat):
        for q, filters in MISSPELLED:
            started = time.perf_counter()
            api(q, filters)
            samples.append((time.perf_counter() - started) * 1000)
    print("API search, misspelled -> corrected:            ", summary(samples))

    kit_ids = random.Random(7).sample(list(LessonKitPage.objects.live().values_list("pk", flat=True)), 100)

    def similar(kit_id):
        response = client.get(f"/api/v3/databank/kits/{kit_id}/similar")
        if response.status_code != 200 or not response.json():
            raise RuntimeError(response.content)

    similar(kit_ids[0])
    samples = []
    for _ in range(max(1, args.repeat // 5)):
        for kit_id in kit_ids:
            started = time.perf_counter()
            similar(kit_id)
            samples.append((time.perf_counter() - started) * 1000)
    print("API similar kits:                               ", summary(samples))
    print("API search again (floor, same run):             ", summary(timed(api, 1)))
    print("load average (1/5/15 min): {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
