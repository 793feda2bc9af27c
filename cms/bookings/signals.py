"""Signals other apps listen to (evaluations): sent after the change is committed.

``booking_given(sender=Booking, booking)``: a coordinator marked the lesson as given ("gegeven");
``booking.actual_pupils`` holds the number of pupils who took part (None: as booked).
"""

from django.dispatch import Signal

booking_given = Signal()
