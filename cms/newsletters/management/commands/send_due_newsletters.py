from django.core.management.base import BaseCommand

from cms.newsletters import services


class Command(BaseCommand):
    help = "Start newsletter sends whose time has come and resume stalled ones (run every minute)."

    def handle(self, *args, **options):
        started, resumed = services.send_due()
        self.stdout.write(f"started {started}, resumed {resumed}")
