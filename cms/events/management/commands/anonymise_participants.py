from django.core.management.base import BaseCommand

from cms.events.privacy import anonymise_participants


class Command(BaseCommand):
    help = "Remove names and addresses from registrations of events and challenges long past (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override EVENTS_ANONYMISE_AFTER_DAYS.")

    def handle(self, *args, days=None, **options):
        count = anonymise_participants(older_than_days=days)
        self.stdout.write(f"{count} registration(s) anonymised")
