from django.core.management.base import BaseCommand

from cms.evaluations.defaults import load_default_question_sets
from cms.evaluations.models import Question, QuestionSet


class Command(BaseCommand):
    help = "Create the default Dutch evaluation question sets that are missing (idempotent; edits are kept)."

    def handle(self, *args, **options):
        created = load_default_question_sets(QuestionSet, Question)
        self.stdout.write(f"Created {created} question set(s).")
