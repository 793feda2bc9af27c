import datetime as dt

from django.core.management.base import BaseCommand

from cms.bookings.services import queue_pending_notifications


class Command(BaseCommand):
    help = (
        "Queue the mails of new bookings whose after-commit step did not run (e.g. the process "
        "died right after the booking was saved). Safe to run often, e.g. every 5 minutes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than", type=int, default=60, help="Only bookings at least this many seconds old (60)."
        )

    def handle(self, *args, older_than=60, **options):
        outcome = queue_pending_notifications(older_than=dt.timedelta(seconds=older_than))
        self.stdout.write(f"Queued the mails of {outcome.done} booking(s).")
        outcome.report_failures(self.stderr, "booking(s)")
