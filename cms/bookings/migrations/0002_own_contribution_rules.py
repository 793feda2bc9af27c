from decimal import Decimal

from django.db import migrations


def add_rules(apps, schema_editor):
    Rule = apps.get_model("bookings", "OwnContributionRule")
    # From the plans: no own contribution in 2025-2026, 10% from school year 2026-2027.
    for year, percentage in [(2025, Decimal("0")), (2026, Decimal("10"))]:
        Rule.objects.get_or_create(school_year_start=year, defaults={"percentage": percentage})


class Migration(migrations.Migration):
    dependencies = [("bookings", "0001_initial")]
    operations = [migrations.RunPython(add_rules, migrations.RunPython.noop)]
