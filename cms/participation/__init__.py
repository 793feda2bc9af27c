"""The participation core: rules shared by every way a school or person takes part.

Lesson bookings (:mod:`cms.bookings`), event and challenge registrations (:mod:`cms.events`) and,
next, kit loans are thin layers on these modules: capacity bookkeeping, calendar files, the
public form plumbing. It sits below those apps and imports none of them.
"""
