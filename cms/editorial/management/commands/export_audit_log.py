import datetime as dt
import sys

from django.core.management.base import BaseCommand, CommandError

from cms.editorial.audit import audit_rows, day_bounds, write_csv


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value}") from error


class Command(BaseCommand):
    help = "Export Wagtail's audit log (approvals, publications, edits) for a period as CSV."

    def add_arguments(self, parser):
        parser.add_argument("--since", required=True, help="first day, YYYY-MM-DD")
        parser.add_argument("--until", required=True, help="last day (inclusive), YYYY-MM-DD")
        parser.add_argument(
            "--action", default="", help="only actions starting with this, e.g. wagtail.workflow"
        )
        parser.add_argument("--output", default="-", help="file to write; '-' for stdout")

    def handle(self, *args, since, until, action, output, **options):
        start, end = day_bounds(_date(since), _date(until))
        if end <= start:
            raise CommandError("--until is before --since")
        rows = audit_rows(start, end, action_prefix=action)
        if output == "-":
            count = write_csv(self.stdout, rows)
        else:
            with open(output, "w", newline="", encoding="utf-8") as out:
                count = write_csv(out, rows)
        sys.stderr.write(f"{count} log entries exported\n")
