from django.core.management.base import BaseCommand

from cms.evaluations.services import anonymise_responses


class Command(BaseCommand):
    help = (
        "Remove names and addresses kept with evaluation answers older than EVALUATIONS_ANONYMISE_AFTER_DAYS."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Anonymised {anonymise_responses()} response(s).")
