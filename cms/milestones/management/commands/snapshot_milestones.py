from django.core.management.base import BaseCommand

from cms.milestones.services import snapshot_all


class Command(BaseCommand):
    help = (
        "Record each milestone's figure per quarter (past quarters once, the current quarter refreshed). "
        "Idempotent: run it daily or weekly from cron; the last run in a quarter keeps its end figure."
    )

    def handle(self, *args, **options):
        written = snapshot_all()
        self.stdout.write(f"{written} milestone snapshots written.")
