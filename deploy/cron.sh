#!/bin/sh
# The cron table of README.md ("Settings") as one long-running process, for a container without a cron
# daemon (compose.yaml's "cron" service). Keeps the environment (cron daemons clear it). Every command is
# idempotent, so the drift of a sleep loop, a missed or a doubled run does no harm; one failing command
# is logged and the loop goes on.
set -u
run() { python manage.py "$@" || echo "cron: manage.py $* failed with $?" >&2; }
minute=0
while true; do
  run send_pending_mail
  run publish_scheduled
  run send_due_newsletters
  if [ $((minute % 5)) -eq 0 ]; then
    run queue_booking_mails
    if [ -n "${ELASTICSEARCH_URL:-}" ]; then run search_index --retry; fi
  fi
  if [ $((minute % 1440)) -eq 0 ]; then
    run snapshot_milestones
    run send_booking_reminders
    run anonymise_bookings
    run send_loan_reminders
    run anonymise_loans
    run anonymise_participants
  fi
  minute=$((minute + 1))
  sleep 60
done
