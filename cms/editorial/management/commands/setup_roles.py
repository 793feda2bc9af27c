from django.core.management.base import BaseCommand

from cms.editorial.roles import setup_roles


class Command(BaseCommand):
    help = "Create or update the editorial groups and their permissions (idempotent)."

    def handle(self, *args, **options):
        groups = setup_roles()
        self.stdout.write(self.style.SUCCESS(f"{len(groups)} groups up to date: {', '.join(sorted(groups))}"))
