"""The default Dutch question sets (a primary class lesson, a masterclass, a leernetwerk meeting)."""

from django.db import migrations

from cms.evaluations.defaults import load_default_question_sets


def load(apps, schema_editor):
    load_default_question_sets(apps.get_model("evaluations", "QuestionSet"), apps.get_model("evaluations", "Question"))


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
