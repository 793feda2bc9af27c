"""PostgreSQL: the tsvector moves out of ``search_lessonmaterial`` into a narrow table of its own.

In the wide row (title, summary, body, attachment text) PostgreSQL compressed the vector and moved
it out of line, so ranking 5,000 matches read ~29,000 buffers and decompressed every vector. In
``search_lessonmaterial_tsv`` (page id + vector, kept in the row: ``STORAGE MAIN``) the same ranked
statement reads ~2,000 buffers: 16 ms instead of 32 ms at 10,000 kits (docs/performance.md).
SQLite is untouched: its FTS5 table was always separate. Like that table, this one has no foreign
key (Django's flush truncates only model tables): the backend deletes its rows with the material's,
and a row left by a cascade from a deleted page matches no indexed kit.
"""

from django.db import migrations

PG_FORWARD = [
    """CREATE TABLE IF NOT EXISTS search_lessonmaterial_tsv (
        page_id integer PRIMARY KEY,
        search_vector tsvector NOT NULL
    )""",
    "ALTER TABLE search_lessonmaterial_tsv ALTER COLUMN search_vector SET STORAGE MAIN",
    """INSERT INTO search_lessonmaterial_tsv (page_id, search_vector)
        SELECT page_id, search_vector FROM search_lessonmaterial WHERE search_vector IS NOT NULL
        ON CONFLICT (page_id) DO NOTHING""",
    "CREATE INDEX IF NOT EXISTS search_lessonmaterial_tsv_vector ON search_lessonmaterial_tsv USING GIN (search_vector)",
    "DROP INDEX IF EXISTS search_lessonmaterial_vector",
    "ALTER TABLE search_lessonmaterial DROP COLUMN IF EXISTS search_vector",
]
PG_BACKWARD = [
    "ALTER TABLE search_lessonmaterial ADD COLUMN IF NOT EXISTS search_vector tsvector",
    """UPDATE search_lessonmaterial m SET search_vector = t.search_vector
        FROM search_lessonmaterial_tsv t WHERE t.page_id = m.page_id""",
    "CREATE INDEX IF NOT EXISTS search_lessonmaterial_vector ON search_lessonmaterial USING GIN (search_vector)",
    "DROP TABLE IF EXISTS search_lessonmaterial_tsv",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0004_index_state_and_download_log")]
    operations = [migrations.RunPython(run(PG_FORWARD), run(PG_BACKWARD))]
