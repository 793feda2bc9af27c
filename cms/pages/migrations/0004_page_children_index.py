"""An index for the children of a page: (depth, path) on Wagtail's page table.

Treebeard asks for a page's children as ``path BETWEEN '<parent>0000' AND '<parent>ZZZZ' AND depth = d``.
The range covers every descendant, so under the home page that holds the national databank (50,000
kits) PostgreSQL read the whole page table for each navigation menu: 29 ms per page view on every page
of that site (bench/national.py, issue #15). With depth first the children are one index range.
"""

from django.db import migrations

SQL = "CREATE INDEX IF NOT EXISTS pages_page_depth_path ON wagtailcore_page (depth, path)"
REVERSE = "DROP INDEX IF EXISTS pages_page_depth_path"


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_event_worlds_core_goals"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunSQL(SQL, REVERSE, elidable=False)]
