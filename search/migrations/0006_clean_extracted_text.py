"""Extracted attachment text is cleaned (:func:`search.attachments.clean_text`): clean what is stored.

Text extracted before this migration could hold control characters and stray glyphs that showed in
search highlights as boxes. The cached text and the databank's copy are cleaned in place; the
search vectors need nothing (those characters never formed words). An Elasticsearch index keeps its
old copy until the next ``manage.py search_index --rebuild``.
"""

from django.db import migrations

from search.attachments import clean_text


def clean_stored_text(apps, schema_editor):
    for model_name, field in (("DocumentText", "text"), ("LessonMaterial", "attachment_text")):
        model = apps.get_model("search", model_name)
        for pk, text in model.objects.values_list("pk", field).iterator():
            if (cleaned := clean_text(text)) != text:
                model.objects.filter(pk=pk).update(**{field: cleaned})


class Migration(migrations.Migration):
    dependencies = [("search", "0005_narrow_vector_table")]
    operations = [migrations.RunPython(clean_stored_text, migrations.RunPython.noop)]
