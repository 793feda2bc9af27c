"""Two indexes on Wagtail's page table for a national databank (bench/national.py, issue #15).

- (depth, path): treebeard asks for a page's children as ``path BETWEEN '<parent>0000' AND
  '<parent>ZZZZ' AND depth = d``. The range covers every descendant, so under the home page that holds
  the databank (50,000 kits) PostgreSQL read the whole page table for each navigation menu: 29 ms per
  page view on every page of that site. With depth first the children are one index range (0.06 ms).
- (title): the databank page lists its kits by title, 24 a page; without an index PostgreSQL sorted
  all 50,000 (95 ms, spilling to disk); with it the first page is read in title order (0.2 ms).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_event_worlds_core_goals"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS pages_page_depth_path ON wagtailcore_page (depth, path)",
            "DROP INDEX IF EXISTS pages_page_depth_path",
            elidable=False,
        ),
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS pages_page_title ON wagtailcore_page (title)",
            "DROP INDEX IF EXISTS pages_page_title",
            elidable=False,
        ),
    ]
