from django.core.management.base import BaseCommand

from cms.outbox.services import retry_due


class Command(BaseCommand):
    help = "Send queued mail that is due (run every minute from cron)."

    def handle(self, *args, **options):
        sent = retry_due()
        self.stdout.write(f"{sent} mail(s) sent")
