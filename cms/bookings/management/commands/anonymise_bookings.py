from django.core.management.base import BaseCommand

from cms.bookings.privacy import anonymise_bookings


class Command(BaseCommand):
    help = "Remove personal data from bookings whose lesson is older than the retention period (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override BOOKINGS_ANONYMISE_AFTER_DAYS.")

    def handle(self, *args, days=None, **options):
        count = anonymise_bookings(older_than_days=days)
        self.stdout.write(f"Anonymised {count} booking(s).")
