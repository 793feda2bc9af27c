"""Signals other apps listen to (evaluations, certificates).

``registration_attended(sender=EventRegistration, registration, occurrence, attendance)``: someone was
checked in at one date of an event (once per registration and date); sent after the change is committed.

``registrations_anonymised(sender=EventRegistration)``: the personal data of registrations was removed
(AVG retention; they now have ``anonymised_at``); what other apps keep about them (certificates) must go
too. Sent inside the anonymising transaction, so a receiver's failure undoes both.
"""

from django.dispatch import Signal

registration_attended = Signal()
registrations_anonymised = Signal()
