"""``manage.py seed_demo``: fill the site with realistic, idempotent Dutch demo content."""

import time

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from cms.demo import seed, services
from cms.demo.indexing import indexes_rebuilt_at_the_end
from cms.editorial.demo import assign_demo_roles
from cms.editorial.workflows import setup_workflows
from cms.pages.models import LessonKitPage


class Command(BaseCommand):
    help = (
        "Create demo content for two STO regions (TechTown Rotterdam, STO GOAL Gorinchem-Altena): taxonomies, "
        "sites, page tree, lesson kits with generated PDFs, events, challenges, news and, where enabled, "
        "demo accounts. Running it again updates the same content without duplicates."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-accounts",
            action="store_true",
            help="Do not create demo accounts, even when settings.DEMO_ACCOUNTS_ENABLED is true.",
        )
        parser.add_argument(
            "--host",
            help=(
                "Where the demo is served, as runserver takes it ([addr:]port, e.g. demo.example.nl:8080): "
                "the demo sites take that port and name, so links in mails and feeds work there."
            ),
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        seed.STATS.__init__()
        accounts = None
        with indexes_rebuilt_at_the_end():
            with transaction.atomic():
                self.seed_content(options["host"])
                setup_workflows()  # editorial groups, permissions and workflows (runs setup_roles)
            if not options["no_accounts"] and seed.demo_accounts_enabled():
                with transaction.atomic():
                    accounts = seed.create_demo_accounts()
                    assign_demo_roles(seed.demo_editorial_roles())
                    services.seed_coordinator()
        self.print_summary(time.monotonic() - started)
        self.stdout.write("Sites: " + ", ".join(f"{site.root_url}/" for site in Site.objects.order_by("pk")))
        self.print_accounts(accounts, skipped_by_flag=options["no_accounts"])

    def seed_content(self, host: str | None = None) -> None:
        taxonomies = seed.seed_taxonomies()
        regions = seed.seed_regions()
        schools = seed.seed_schools(regions)
        partners = seed.seed_partners(regions)

        homes = seed.seed_home_pages(regions)
        sites = seed.seed_sites(regions, homes, host)
        services.seed_branding(sites)
        seed.remove_welcome_page()
        sections = seed.seed_sections(homes)
        databank = seed.seed_databank(homes)
        seed.finish_home_pages(regions, homes, databank)

        kit_pages = seed.seed_lesson_kits(databank, taxonomies, regions, partners)
        techniekhuizen = seed.seed_techniekhuizen(sections, regions, taxonomies, kit_pages)
        challenges = seed.seed_challenges(sections, taxonomies, partners)
        events = seed.seed_events(sections, taxonomies, partners)
        related = {
            **{("kit", slug): page for slug, page in kit_pages.items()},
            **{("techniekhuis", slug): page for slug, page in techniekhuizen.items()},
            **{("challenge", slug): page for slug, page in challenges.items()},
            **{("event", slug): page for slug, page in events.items()},
        }
        seed.seed_news(sections, related)
        services.seed_bookings(techniekhuizen, taxonomies)
        services.seed_loans(techniekhuizen, kit_pages)
        services.seed_newsletters(homes, regions, databank)
        services.seed_partner_offers()
        services.seed_milestones(regions, techniekhuizen)
        services.seed_attendances(events, schools)

    def print_summary(self, seconds: float) -> None:
        stats = seed.STATS
        self.stdout.write(self.style.SUCCESS(f"Demo content ready in {seconds:.1f} s."))
        self.stdout.write(
            f"  pages: {Page.objects.filter(depth__gt=1).count()} "
            f"({stats.created} created, {stats.updated} updated, {stats.unchanged} unchanged)"
        )
        self.stdout.write(f"  lesson kits: {LessonKitPage.objects.live().count()}")
        self.stdout.write(f"  documents: {get_document_model().objects.count()}")
        self.stdout.write(f"  images: {get_image_model().objects.count()}")

    def print_accounts(self, accounts: list[dict] | None, skipped_by_flag: bool) -> None:
        if accounts is None:
            reason = "--no-accounts" if skipped_by_flag else "settings.DEMO_ACCOUNTS_ENABLED is off"
            self.stdout.write(f"Demo accounts skipped ({reason}).")
            return
        self.stdout.write(self.style.WARNING("Demo accounts (demo passwords, never use in production):"))
        for account in accounts:
            self.stdout.write(f"  {account['username']:<14} {account['password']:<26} {account['role']}")
