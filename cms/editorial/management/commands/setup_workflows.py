from django.core.management.base import BaseCommand

from cms.editorial.workflows import setup_workflows


class Command(BaseCommand):
    help = "Create the moderation workflows and attach them to the page tree (idempotent; runs setup_roles)."

    def handle(self, *args, **options):
        workflows = setup_workflows()
        self.stdout.write(
            self.style.SUCCESS(f"{len(workflows)} workflows up to date: {', '.join(sorted(workflows))}")
        )
