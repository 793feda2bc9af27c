"""``manage.py search_index --rebuild``: rebuild the database index (and the Elasticsearch index when
configured, into a new versioned index with an alias swap); ``--retry`` pushes pending ES updates."""

import time

from django.core.management.base import BaseCommand

from search import services


class Command(BaseCommand):
    help = "Rebuild the databank search indexes or retry pending Elasticsearch updates."

    def add_arguments(self, parser):
        parser.add_argument("--rebuild", action="store_true", help="Rebuild every index from the pages.")
        parser.add_argument("--retry", action="store_true", help="Retry index updates Elasticsearch missed.")

    def handle(self, *args, rebuild=False, retry=False, **options):
        if rebuild:
            started = time.perf_counter()
            count = services.rebuild_database_index()
            self.stdout.write(f"Database index: {count} materials in {time.perf_counter() - started:.1f} s")
            es = services.elasticsearch_backend()
            if es is not None:
                started = time.perf_counter()
                count = es.rebuild()
                self.stdout.write(
                    f"Elasticsearch: {count} materials in {time.perf_counter() - started:.1f} s"
                )
        if retry or not rebuild:
            self.stdout.write(f"Pending Elasticsearch updates: {services.retry_pending_updates()}")
