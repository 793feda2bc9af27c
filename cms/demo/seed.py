"""Building blocks of ``manage.py seed_demo``: idempotent upserts of snippets, sites, pages and accounts.

Every function is keyed on stable identifiers (slugs, BRIN codes, numbers, usernames, titles), so running
the seed again updates the same rows instead of adding new ones. Pages are published through revisions
like editor content, and only get a new revision when their content actually changed.
"""

import ipaddress
import json
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, Site

from cms.editorial.roles import Role
from cms.pages.models import (
    ChallengeIndexPage,
    ChallengePage,
    DatabankPage,
    EventIndexPage,
    EventPage,
    HomePage,
    LessonKitDownload,
    LessonKitPage,
    NewsArticlePage,
    NewsIndexPage,
    NewsRelatedPage,
    StandardPage,
    TechniekhuisIndexPage,
    TechniekhuisPage,
    TechniekhuisPhoto,
)
from cms.snippets.models import CoreGoal, Partner, Region, School, TargetGroup, TechWorld, Theme

from . import pdfs
from .datafiles import DemoDataError, load, lookup, lookup_all, stream
from .images import get_or_create_image

TZ = ZoneInfo("Europe/Amsterdam")


# --- Small helpers ------------------------------------------------------------------------------------------------


def parse_datetime(value: str | None) -> datetime | None:
    return datetime.strptime(value, "%Y-%m-%d %H:%M").replace(tzinfo=TZ) if value else None


def parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def decimal(value: str | None) -> Decimal | None:
    return Decimal(value) if value else None


def _normalise(value, drop: frozenset[str]):
    """Strip volatile parts (ids, block UUIDs, sort orders, parent keys) so content can be compared."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, dict):
        return {
            k: _normalise(v, frozenset())
            for k, v in value.items()
            if k not in drop | {"id", "pk", "sort_order"}
        }
    if isinstance(value, list):
        return [_normalise(v, drop) for v in value]
    return value


def content_fingerprint(page: Page, keys: list[str]) -> str:
    """A comparable JSON string of the given fields and child relations of a page."""
    data = page.serializable_data()
    parent_keys = {
        rel.get_accessor_name(): frozenset({rel.field.name}) for rel in get_all_child_relations(page)
    }
    result = {}
    for key in keys:
        value = _normalise(data.get(key), parent_keys.get(key, frozenset()))
        if isinstance(value, list) and (key in parent_keys or all(isinstance(item, int) for item in value)):
            # Child relations and many-to-many ids have no meaningful order in the serialised data.
            value = sorted(value, key=lambda item: json.dumps(item, sort_keys=True, cls=DjangoJSONEncoder))
        result[key] = value
    return json.dumps(result, sort_keys=True, cls=DjangoJSONEncoder)


class PageStats:
    """Counts what the seed did with pages, for the summary."""

    def __init__(self) -> None:
        self.created = 0
        self.updated = 0
        self.unchanged = 0


STATS = PageStats()


def upsert_page(
    parent: Page,
    model: type[Page],
    slug: str,
    fields: dict,
    tags: list[str] | None = None,
    create_only: bool = False,
) -> Page:
    """Create or update the child of ``parent`` with this slug and publish it through a revision.

    ``fields`` may hold plain fields, raw StreamField data, ParentalManyToMany lists and child-relation
    lists. A new revision is only published when the content differs from the live page.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        page = existing.specific
        if not isinstance(page, model):
            raise TypeError(f"Page {page.url_path} is a {type(page).__name__}, expected {model.__name__}.")
        if create_only:
            return page
        keys = ["title", *fields, *(["tagged_items"] if tags is not None else [])]
        before = content_fingerprint(page, keys)
        for name, value in fields.items():
            setattr(page, name, value)
        if tags is not None:
            page.tags.set(tags)
        if content_fingerprint(page, keys) == before and page.live and not page.has_unpublished_changes:
            STATS.unchanged += 1
            return page
        STATS.updated += 1
    else:
        page = model(slug=slug, live=False, **{k: v for k, v in fields.items() if not _is_relation(model, k)})
        for name, value in fields.items():
            if _is_relation(model, name):
                setattr(page, name, value)
        if tags is not None:
            page.tags.set(tags)
        parent.add_child(instance=page)
        STATS.created += 1
    page.save_revision().publish()
    return page


def _is_relation(model: type[Page], name: str) -> bool:
    """True for ParentalManyToMany fields and child relations, which cannot go into the constructor."""
    try:
        field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - reverse child relations are not regular fields
        return True
    return field.many_to_many or field.one_to_many


# --- Taxonomies and reference data -------------------------------------------------------------------------------


def seed_taxonomies() -> dict:
    """Create or update themes, worlds, target groups and core goals; return lookups by slug/number."""
    data = load("taxonomies")
    themes = {}
    for order, item in enumerate(data["themes"]):
        themes[item["slug"]], _ = Theme.objects.update_or_create(
            slug=item["slug"],
            defaults={"name": item["name"], "description": item["description"], "sort_order": order},
        )
    worlds = {}
    for order, item in enumerate(data["tech_worlds"]):
        worlds[item["slug"]], _ = TechWorld.objects.update_or_create(
            slug=item["slug"],
            defaults={"name": item["name"], "description": item["description"], "sort_order": order},
        )
    groups = {}
    for order, item in enumerate(data["target_groups"]):
        groups[item["slug"]], _ = TargetGroup.objects.update_or_create(
            slug=item["slug"], defaults={"name": item["name"], "level": item["level"], "sort_order": order}
        )
    core_goals = {}
    for item in data["core_goals"]:
        number = item["number"]
        core_goals[number], _ = CoreGoal.objects.update_or_create(
            number=number,
            defaults={
                "name": item["name"],
                "slug": f"kerndoel-{number}",
                "description": item["description"],
                "sort_order": number,
            },
        )
    return {"themes": themes, "worlds": worlds, "groups": groups, "core_goals": core_goals}


def seed_regions() -> dict[str, Region]:
    regions = {}
    for data in load("regions")["regions"]:
        regions[data["slug"]], _ = Region.objects.update_or_create(
            slug=data["slug"], defaults={"name": data["name"], "description": data["description"]}
        )
    return regions


def _address(data: dict) -> dict:
    return {
        "street": data.get("street", ""),
        "postcode": data.get("postcode", ""),
        "city": data.get("city", ""),
        "latitude": decimal(data.get("lat")),
        "longitude": decimal(data.get("lon")),
    }


def seed_schools(regions: dict[str, Region]) -> dict[str, School]:
    schools = {}
    for data in load("schools")["schools"]:
        school, _ = School.objects.update_or_create(
            brin_code=data["brin_code"],
            defaults={
                "name": data["name"],
                "school_type": data["school_type"],
                "region": lookup(regions, data["region"], "region", f"schools.yaml {data['brin_code']}"),
                "website": data["website"],
                "contact_email": data.get("contact_email", ""),
                **_address(data),
            },
        )
        school.full_clean()
        schools[school.brin_code] = school
    return schools


def seed_partners(regions: dict[str, Region]) -> dict[str, Partner]:
    partners = {}
    for data in load("partners")["partners"]:
        logo = get_or_create_image(f"Logo {data['name']}", f"logo-{data['slug']}", size=(480, 240))
        partner, _ = Partner.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "partner_type": data["partner_type"],
                "region": lookup(regions, data["region"], "region", f"partners.yaml {data['slug']}"),
                "description": data["description"],
                "offering": data["offering"],
                "website": data["website"],
                "logo": logo,
                **_address(data),
            },
        )
        partner.full_clean()
        partners[partner.slug] = partner
    return partners


# --- Sites and page tree -------------------------------------------------------------------------------------------


def seed_home_pages(regions: dict[str, Region]) -> dict[str, HomePage]:
    """Create each region's HomePage under the tree root (full content is set in ``finish_home_pages``)."""
    root = Page.get_first_root_node()
    homes = {}
    for data in load("regions")["regions"]:
        home = data["home"]
        homes[data["slug"]] = upsert_page(
            root,
            HomePage,
            home["slug"],
            {"title": home["title"], "intro": home["intro"], "region": regions[data["slug"]]},
            create_only=True,
        )
    return homes


#: Addresses ``runserver`` listens on that are no name a browser visits: the demo sites keep theirs.
LOCAL_ADDRESSES = {"", "localhost", "127.0.0.1", "0.0.0.0", "::", "::1"}  # noqa: S104 (names, not a bind)


def site_address(config: dict, host: str | None) -> tuple[str, int]:
    """Hostname and port of a demo site when the demo is served at ``host`` (``make run HOST=...``,
    runserver's ``[addr:]port``), so that links in mails and feeds (``site_root_url``) work there.

    The port is always the served one. A local address keeps regions.yaml's names (``localhost``,
    ``goal.localhost``); another name replaces ``localhost`` in them (``demo.example.nl``,
    ``goal.demo.example.nl``); an IP address is taken by the default site only.
    """
    hostname, port = config["hostname"], config["port"]
    if not host:
        return hostname, port
    address, _, served_port = host.rpartition(":") if not host.isdigit() else ("", "", host)
    address = address.strip("[]").lower()
    if address in LOCAL_ADDRESSES:
        return hostname, int(served_port)
    if _is_ip_address(address):
        return (address if config["is_default_site"] else hostname), int(served_port)
    return hostname.removesuffix("localhost") + address, int(served_port)


def _is_ip_address(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def seed_sites(
    regions: dict[str, Region], homes: dict[str, HomePage], host: str | None = None
) -> dict[str, Site]:
    """Point one Wagtail Site per region at its HomePage; the TechTown site takes over the default site.

    With ``host`` (where the demo is served) the sites take its port and name (:func:`site_address`).
    """
    sites = {}
    for data in load("regions")["regions"]:
        config = data["site"]
        hostname, port = site_address(config, host)
        region = regions[data["slug"]]
        site = region.site or Site.objects.filter(hostname=hostname, port=port).first()
        if site is None and config["is_default_site"]:
            site = Site.objects.filter(is_default_site=True).first()
        site = site or Site()
        site.hostname = hostname
        site.port = port
        site.site_name = config["site_name"]
        site.is_default_site = config["is_default_site"]
        site.root_page = homes[data["slug"]]
        site.save()
        sites[data["slug"]] = site
        if region.site_id != site.pk:
            region.site = site
            region.save(update_fields=["site"])
    return sites


def remove_welcome_page() -> None:
    """Delete Wagtail's default "Welcome to your new Wagtail site!" page once no site uses it."""
    page_type = ContentType.objects.get_for_model(Page)
    for page in Page.objects.filter(depth=2, content_type=page_type):
        if not Site.objects.filter(root_page=page).exists() and page.numchild == 0:
            page.delete()


def seed_sections(homes: dict[str, HomePage]) -> dict[tuple[str, str], Page]:
    """The index pages under each home; returns them keyed by (region slug, section key)."""
    models = {
        "news": NewsIndexPage,
        "techniekhuizen": TechniekhuisIndexPage,
        "challenges": ChallengeIndexPage,
        "events": EventIndexPage,
    }
    data = load("regions")
    sections = {}
    for region_slug, region_sections in data["sections"].items():
        where = f"regions.yaml sections {region_slug}"
        for key, section in region_sections.items():
            sections[(region_slug, key)] = upsert_page(
                lookup(homes, region_slug, "region", where),
                lookup(models, key, "section (news, techniekhuizen, challenges, events)", where),
                section["slug"],
                {
                    "title": section["title"],
                    "intro": section["intro"],
                    "show_in_menus": True,
                    "listing_summary": section["intro"][:300],
                },
            )
        for page in data["standard_pages"].get(region_slug, []):
            upsert_page(
                lookup(homes, region_slug, "region", where),
                StandardPage,
                page["slug"],
                {
                    "title": page["title"],
                    "intro": page["intro"],
                    "body": stream(page["body"]),
                    "show_in_menus": page["menu"],
                },
            )
    return sections


def seed_databank(homes: dict[str, HomePage]) -> DatabankPage:
    data = load("regions")["databank"]
    return upsert_page(
        homes["techtown"],
        DatabankPage,
        data["slug"],
        {
            "title": data["title"],
            "intro": data["intro"],
            "show_in_menus": True,
            "listing_summary": data["intro"],
        },
    )


def finish_home_pages(regions: dict[str, Region], homes: dict[str, HomePage], databank: DatabankPage) -> None:
    """Set the full home-page content, which links to the databank created after the home pages."""
    data_file = load("regions")
    for data in data_file["regions"]:
        home = data["home"]
        hero = get_or_create_image(
            home["title"], f"hero-{data['slug']}", subtitle="Sterk Techniekonderwijs", size=(1600, 900)
        )
        body = [
            *stream(data_file["home_body"].get(data["slug"], [])),
            {
                "type": "call_to_action",
                "value": {"text": "Zoek lesmateriaal in de databank", "page": databank.pk, "url": ""},
            },
        ]
        homes[data["slug"]] = upsert_page(
            Page.get_first_root_node(),
            HomePage,
            home["slug"],
            {
                "title": home["title"],
                "intro": home["intro"],
                "region": regions[data["slug"]],
                "hero_image": hero,
                "body": body,
                "listing_summary": home["intro"][:300],
            },
        )


# --- Lesson kits --------------------------------------------------------------------------------------------------


def kit_documents(kit: dict) -> list[tuple[str, object]]:
    """Generate (once) the kit's lesson plan, teacher manual and worksheet PDFs; return (kind, document)."""
    Kind = LessonKitDownload.Kind
    specs = [
        (Kind.LESSON_PLAN, "Lesplan", "lesplan", pdfs.lesson_plan_sections),
        (Kind.TEACHER_MANUAL, "Docentenhandleiding", "docentenhandleiding", pdfs.teacher_manual_sections),
        (Kind.WORKSHEET, "Werkblad", "werkblad", pdfs.worksheet_sections),
    ]
    documents = []
    for kind, label, file_label, sections in specs:
        title = f"{label} – {kit['title']}"
        document = pdfs.get_or_create_document(
            title,
            f"{kit['slug']}-{file_label}",
            lambda title=title, sections=sections: pdfs.render_pdf(
                title, sections(kit), author=kit["author"]
            ),
        )
        documents.append((kind, label, document))
    return documents


def seed_lesson_kits(
    databank: DatabankPage, taxonomies: dict, regions: dict, partners: dict
) -> dict[str, LessonKitPage]:
    pages = {}
    for kit in load("kits")["kits"]:
        where = f"kits.yaml {kit['slug']}"
        image = get_or_create_image(kit["title"], f"leskist-{kit['slug']}", subtitle="Leskist")
        downloads = [
            LessonKitDownload(document=document, kind=kind, title=label)
            for kind, label, document in kit_documents(kit)
        ]
        goals = "<ul>" + "".join(f"<li>{goal}</li>" for goal in kit["goals"]) + "</ul>"
        materials = [
            {"type": "material", "value": {key: item[key] for key in ("name", "quantity", "consumable")}}
            for item in kit["materials"]
        ]
        steps = [
            {
                "type": "step",
                "value": {
                    "title": step["title"],
                    "minutes": step["minutes"],
                    "instructions": f"<p>{step['text']}</p>",
                },
            }
            for step in kit["steps"]
        ]
        pages[kit["slug"]] = upsert_page(
            databank,
            LessonKitPage,
            kit["slug"],
            {
                "title": kit["title"],
                "summary": kit["summary"],
                "learning_goals": goals,
                "listing_summary": kit["summary"][:300],
                "listing_image": image,
                "target_groups": lookup_all(taxonomies["groups"], kit["groups"], "target group", where),
                "tech_worlds": lookup_all(taxonomies["worlds"], kit["worlds"], "world of technology", where),
                "themes": lookup_all(taxonomies["themes"], kit["themes"], "theme", where),
                "core_goals": lookup_all(taxonomies["core_goals"], kit["core_goals"], "core goal", where),
                "duration_minutes": kit["duration"],
                "preparation_minutes": kit["preparation"],
                "group_size_min": kit["group"]["min"],
                "group_size_max": kit["group"]["max"],
                "materials": materials,
                "steps": steps,
                "licence": kit["licence"],
                "author": kit["author"],
                "partner": lookup(partners, kit["partner"], "partner", where) if kit["partner"] else None,
                "region": lookup(regions, kit["region"], "region", where),
                "downloads": downloads,
            },
            tags=kit["tags"],
        )
    return pages


# --- Techniekhuizen, challenges, events, news ------------------------------------------------------------------------


def seed_techniekhuizen(sections, regions, taxonomies, kit_pages) -> dict[str, TechniekhuisPage]:
    pages = {}
    for data in load("techniekhuizen")["techniekhuizen"]:
        where = f"techniekhuizen.yaml {data['slug']}"
        photos = []
        for number, photo in enumerate(data["photos"], start=1):
            image = get_or_create_image(photo["title"], f"{data['slug']}-{number}", subtitle=data["title"])
            photos.append(TechniekhuisPhoto(image=image, alt_text=photo["alt_text"], caption=photo["title"]))
        pages[data["slug"]] = upsert_page(
            lookup(sections, (data["region"], "techniekhuizen"), "region", where),
            TechniekhuisPage,
            data["slug"],
            {
                "title": data["title"],
                "kind": data["kind"],
                "region": lookup(regions, data["region"], "region", where),
                "intro": data["intro"],
                "listing_summary": data["intro"][:300],
                "body": stream(data["body"]),
                "listing_image": photos[0].image,
                "contact_name": data["contact_name"],
                "email": data["email"],
                "phone": data["phone"],
                "website": data["website"],
                "opening_hours": data["opening_hours"],
                "how_to_get_there": data["how_to_get_there"],
                "service_area": data["service_area"],
                "target_groups": lookup_all(taxonomies["groups"], data["groups"], "target group", where),
                "lesson_kits": lookup_all(kit_pages, data["kits"], "kit", where),
                "photos": photos,
                **_address(data),
            },
        )
    return pages


def seed_challenges(sections, taxonomies, partners) -> dict[str, ChallengePage]:
    pages = {}
    for data in load("challenges")["challenges"]:
        where = f"challenges.yaml {data['slug']}"
        image = get_or_create_image(data["title"], data["slug"], subtitle="Challenge")
        phases = [
            {
                "type": "phase",
                "value": {
                    "name": phase["name"],
                    "start_date": phase["start"],
                    "end_date": phase["end"] or None,
                    "description": phase["description"],
                },
            }
            for phase in data["phases"]
        ]
        prizes = [
            {"type": "prize", "value": {"name": prize["name"], "description": prize["description"]}}
            for prize in data["prizes"]
        ]
        pages[data["slug"]] = upsert_page(
            lookup(sections, (data["region"], "challenges"), "region", where),
            ChallengePage,
            data["slug"],
            {
                "title": data["title"],
                "intro": data["intro"],
                "listing_summary": data["intro"][:300],
                "image": image,
                "image_alt_text": data["title"],
                "listing_image": image,
                "body": stream(data["body"]),
                "target_groups": lookup_all(taxonomies["groups"], data["groups"], "target group", where),
                "partners": lookup_all(partners, data["partners"], "partner", where),
                "phases": phases,
                "prizes": prizes,
                "results": data["results"],
                "registration_deadline": parse_datetime(data["registration_deadline"]),
            },
        )
    return pages


def seed_events(sections, taxonomies, partners) -> dict[str, EventPage]:
    pages = {}
    for data in load("events")["events"]:
        where = f"events.yaml {data['slug']}"
        start, end = parse_datetime(data["start"]), parse_datetime(data["end"])
        if end <= start or not (data["location_name"] or data["online_url"]):
            raise DemoDataError(f"{where}: an event needs an end after its start and a location or link.")
        pages[data["slug"]] = upsert_page(
            lookup(sections, (data["region"], "events"), "region", where),
            EventPage,
            data["slug"],
            {
                "title": data["title"],
                "event_type": data["event_type"],
                "audience": data["audience"],
                "intro": data["intro"],
                "listing_summary": data["intro"][:300],
                "body": stream([{"paragraph": data["body"]}]),
                "start": start,
                "end": end,
                "location_name": data["location_name"],
                "online_url": data["online_url"],
                "capacity": data["capacity"],
                "professionalisation_hours": decimal(data.get("professionalisation_hours")),
                "organiser": data["organiser"],
                "partner": lookup(partners, data["partner"], "partner", where) if data["partner"] else None,
                "themes": lookup_all(taxonomies["themes"], data["themes"], "theme", where),
                **_address(data),
            },
        )
    return pages


def seed_news(sections, related_lookup: dict[tuple[str, str], Page]) -> dict[str, NewsArticlePage]:
    pages = {}
    for data in load("news")["news"]:
        where = f"news.yaml {data['slug']}"
        image = get_or_create_image(data["title"], f"nieuws-{data['slug']}", subtitle="Nieuws")
        related = [
            NewsRelatedPage(page=lookup(related_lookup, key, "related page", where))
            for item in data["related"]
            for key in item.items()
        ]
        pages[data["slug"]] = upsert_page(
            lookup(sections, (data["region"], "news"), "region", where),
            NewsArticlePage,
            data["slug"],
            {
                "title": data["title"],
                "date": parse_date(data["date"]),
                "intro": data["intro"],
                "listing_summary": data["intro"][:300],
                "image": image,
                "image_alt_text": data["title"],
                "listing_image": image,
                "body": stream([{"paragraph": data["body"]}]),
                "related_pages": related,
            },
            tags=data["tags"],
        )
    return pages


# --- Accounts --------------------------------------------------------------------------------------------------------


def demo_accounts_enabled() -> bool:
    return bool(getattr(settings, "DEMO_ACCOUNTS_ENABLED", False))


def create_demo_accounts() -> list[dict]:
    """Create or update the demo superuser and editors; return their credentials.

    Their editorial groups are assigned by ``cms.editorial.demo.assign_demo_roles(demo_editorial_roles())``.
    """
    user_model = get_user_model()
    created = []
    for account in load("accounts")["accounts"]:
        user, was_created = user_model.objects.update_or_create(
            username=account["username"],
            defaults={
                "email": account["email"],
                "first_name": account["first_name"],
                "last_name": account["last_name"],
                "is_active": True,
                "is_staff": account["superuser"],
                "is_superuser": account["superuser"],
            },
        )
        # Hashing costs ~0.4 s a password: a new account is hashed once, not first checked as well.
        if was_created or not user.check_password(account["password"]):
            user.set_password(account["password"])
            user.save(update_fields=["password"])
        created.append({"username": user.username, "password": account["password"], "role": account["role"]})
    return created


def demo_editorial_roles() -> dict[str, Role]:
    """username -> editorial role of the demo accounts that have one (accounts.yaml ``editorial_role``)."""
    return {
        account["username"]: lookup(
            {str(role): role for role in Role}, account["editorial_role"], "editorial role", "accounts.yaml"
        )
        for account in load("accounts")["accounts"]
        if account.get("editorial_role")
    }
