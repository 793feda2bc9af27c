from django.core.management.base import BaseCommand

from search_insight import services


class Command(BaseCommand):
    help = "Delete logged databank searches older than SEARCH_LOG_RETENTION_MONTHS (default 13)."

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=None, help="Override the retention period.")

    def handle(self, *args, months=None, **options):
        deleted = services.purge(months)
        self.stdout.write(f"Deleted {deleted} logged searches.")
