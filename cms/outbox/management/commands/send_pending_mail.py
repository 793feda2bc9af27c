from django.core.management.base import BaseCommand

from cms.outbox.services import prune, retry_due


class Command(BaseCommand):
    help = (
        "Send queued mail that is due, and delete old sent and given-up mail "
        "(OUTBOX_KEEP_SENT_DAYS, OUTBOX_KEEP_FAILED_DAYS). Run every minute from cron."
    )

    def handle(self, *args, **options):
        sent = retry_due()
        pruned = prune()
        self.stdout.write(f"{sent} mail(s) sent, {pruned} old mail(s) deleted")
