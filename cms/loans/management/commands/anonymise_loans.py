from django.core.management.base import BaseCommand

from cms.loans.privacy import anonymise_loans


class Command(BaseCommand):
    help = "Remove personal data from loans returned longer ago than the retention period (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override LOANS_ANONYMISE_AFTER_DAYS.")

    def handle(self, *args, days=None, **options):
        count = anonymise_loans(older_than_days=days)
        self.stdout.write(f"Anonymised {count} loan(s) and waiting-list entries.")
