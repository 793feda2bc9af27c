from django.conf import settings
from django.core.management.base import BaseCommand

from cms.bookings.services import send_reminders


class Command(BaseCommand):
    help = "Mail a reminder for confirmed bookings whose lesson is coming up (each booking once)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Days ahead (BOOKINGS_REMINDER_DAYS, default 3)."
        )

    def handle(self, *args, days=None, **options):
        days = days if days is not None else getattr(settings, "BOOKINGS_REMINDER_DAYS", 3)
        outcome = send_reminders(days_ahead=days)
        self.stdout.write(f"Queued {outcome.done} reminder(s).")
        outcome.report_failures(self.stderr, "reminder(s)")
