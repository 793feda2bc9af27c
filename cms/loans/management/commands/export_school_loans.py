import json

from django.core.management.base import BaseCommand, CommandError

from cms.loans.privacy import export_school_data
from cms.snippets.models import School
from cms.snippets.validators import normalize_brin


class Command(BaseCommand):
    help = "Print, as JSON, all loan data held about one school (a subject-access request)."

    def add_arguments(self, parser):
        parser.add_argument("brin_code")

    def handle(self, *args, brin_code: str, **options):
        school = School.objects.filter(brin_code=normalize_brin(brin_code)).first()
        if school is None:
            raise CommandError(f"No school with BRIN code {brin_code!r}.")
        self.stdout.write(json.dumps(export_school_data(school), indent=2, ensure_ascii=False))
