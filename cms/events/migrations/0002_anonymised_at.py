from django.db import migrations, models
from django.utils import timezone

#: The marker anonymised rows carried before ``anonymised_at`` (cms.events.privacy.ANONYMOUS_DOMAIN).
ANONYMOUS_DOMAIN = "@anoniem.invalid"


def stamp_anonymised_rows(apps, schema_editor):
    """Rows anonymised before this field (marked by their address) get ``anonymised_at``: now, as the
    moment they were anonymised was not recorded."""
    now = timezone.now()
    EventRegistration = apps.get_model("events", "EventRegistration")
    ChallengeTeam = apps.get_model("events", "ChallengeTeam")
    EventRegistration.objects.filter(email__endswith=ANONYMOUS_DOMAIN).update(anonymised_at=now)
    ChallengeTeam.objects.filter(teacher_email__endswith=ANONYMOUS_DOMAIN).update(anonymised_at=now)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="challengeteam",
            name="anonymised_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="anonymised"),
        ),
        migrations.AddField(
            model_name="eventregistration",
            name="anonymised_at",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="anonymised"),
        ),
        migrations.RunPython(stamp_anonymised_rows, migrations.RunPython.noop, elidable=True),
    ]
