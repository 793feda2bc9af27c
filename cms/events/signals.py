"""Signals other apps listen to (evaluations, certificates): sent after the change is committed.

``registration_attended(sender=EventRegistration, registration, occurrence, attendance)``: someone was
checked in at one date of an event (once per registration and date).
"""

from django.dispatch import Signal

registration_attended = Signal()
