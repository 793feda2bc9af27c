from django.conf import settings
from django.core.management.base import BaseCommand

from cms.loans.services import expire_offers, send_reminders


class Command(BaseCommand):
    help = (
        "Daily (cron): reminders before pick-up and return, overdue notices (weekly per loan), and "
        "waiting-list offers past their deadline passed on to the next school. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Days ahead (LOANS_REMINDER_DAYS, default 2)."
        )

    def handle(self, *args, days=None, **options):
        days = days if days is not None else getattr(settings, "LOANS_REMINDER_DAYS", 2)
        expired = expire_offers()
        outcome = send_reminders(days_ahead=days)
        self.stdout.write(f"Queued {outcome.done} reminder(s); {expired.done} offer(s) expired.")
        outcome.report_failures(self.stderr, "reminder(s)")
        expired.report_failures(self.stderr, "offer(s)")
