from django.core.management.base import BaseCommand

from cms.exports import csv_writer
from cms.newsletters.models import Subscriber

FIELDS = [
    "email",
    "name",
    "status",
    "source",
    "segments",
    "region",
    "created_at",
    "consent_requested_at",
    "consent_given_at",
    "unsubscribed_at",
    "bounced_at",
]


class Command(BaseCommand):
    help = "Write all subscribers (or those with --status) as CSV to stdout or --output."

    def add_arguments(self, parser):
        parser.add_argument("--status", choices=Subscriber.Status.values)
        parser.add_argument("--output")

    def handle(self, status, output, **options):
        subscribers = (
            Subscriber.objects.select_related("region").prefetch_related("segments").order_by("email")
        )
        if status:
            subscribers = subscribers.filter(status=status)
        self.stdout.ending = ""
        file = open(output, "w", newline="", encoding="utf-8") if output else self.stdout  # noqa: SIM115
        try:
            writer = csv_writer(file, lineterminator="\n")
            writer.writerow(FIELDS)
            for s in subscribers.iterator(chunk_size=2000):
                writer.writerow(
                    [
                        s.email,
                        s.name,
                        s.status,
                        s.source,
                        " ".join(seg.slug for seg in s.segments.all()),
                        s.region.slug if s.region else "",
                        *(
                            value.isoformat() if value else ""
                            for value in (
                                s.created_at,
                                s.consent_requested_at,
                                s.consent_given_at,
                                s.unsubscribed_at,
                                s.bounced_at,
                            )
                        ),
                    ]
                )
        finally:
            if output:
                file.close()
