from django.core.management.base import BaseCommand

from cms.evaluations.services import send_invitations, send_reminders


class Command(BaseCommand):
    help = (
        "Invite participants of lessons and events that ended to a short evaluation (each once) and "
        "remind those who did not answer after EVALUATIONS_REMINDER_AFTER_DAYS (once)."
    )

    def handle(self, *args, **options):
        invited = send_invitations()
        reminded = send_reminders()
        self.stdout.write(f"Queued {invited.done} invitation(s) and {reminded.done} reminder(s).")
        invited.report_failures(self.stderr, "invitation(s)")
        reminded.report_failures(self.stderr, "reminder(s)")
