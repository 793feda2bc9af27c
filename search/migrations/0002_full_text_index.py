"""The engine-specific full-text structures next to ``search_lessonmaterial``.

SQLite: an FTS5 table with stemmed text (rowid = page id). PostgreSQL: a weighted tsvector column
with the 'dutch' configuration and a GIN index. Other vendors get neither (the backend then falls
back to LIKE matching).
"""

from django.db import migrations

SQLITE_CREATE = """
CREATE VIRTUAL TABLE IF NOT EXISTS search_lessonmaterial_fts USING fts5(
    title, summary, body, attachments, tokenize = 'unicode61 remove_diacritics 2'
)
"""
SQLITE_DROP = "DROP TABLE IF EXISTS search_lessonmaterial_fts"
PG_CREATE = [
    "ALTER TABLE search_lessonmaterial ADD COLUMN IF NOT EXISTS search_vector tsvector",
    "CREATE INDEX IF NOT EXISTS search_lessonmaterial_vector ON search_lessonmaterial USING GIN (search_vector)",
]
PG_DROP = [
    "DROP INDEX IF EXISTS search_lessonmaterial_vector",
    "ALTER TABLE search_lessonmaterial DROP COLUMN IF EXISTS search_vector",
]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)
    elif vendor == "postgresql":
        for sql in PG_CREATE:
            schema_editor.execute(sql)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_DROP)
    elif vendor == "postgresql":
        for sql in PG_DROP:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_lesson_material_index")]
    operations = [migrations.RunPython(create, drop)]
