from django.core.management.base import BaseCommand, CommandError

from cms.newsletters import services
from cms.newsletters.models import Segment
from cms.snippets.models import Region


class Command(BaseCommand):
    help = (
        "Import subscribers from a CSV file with columns email[,name]. With --consent the addresses "
        "become active (you hold their consent); without it they stay pending and get nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--consent", action="store_true", help="The list owner has recorded consent.")
        parser.add_argument("--segment", action="append", default=[], help="Mailing list slug (repeatable).")
        parser.add_argument("--region", help="Region slug.")

    def handle(self, path, consent, segment, region, **options):
        segments = list(Segment.objects.filter(slug__in=segment))
        if len(segments) != len(set(segment)):
            raise CommandError(f"Unknown mailing list in {segment}")
        region_obj = Region.objects.filter(slug=region).first() if region else None
        if region and region_obj is None:
            raise CommandError(f"Unknown region {region}")
        with open(path, "rb") as file:
            try:
                rows = services.read_subscriber_csv(file)
            except (ValueError, UnicodeDecodeError) as error:
                raise CommandError(str(error)) from None
        created, updated, errors = services.import_subscribers(
            rows, consent=consent, segments=segments, region=region_obj
        )
        for error in errors:
            self.stderr.write(error)
        self.stdout.write(f"created {created}, updated {updated}, errors {len(errors)}")
