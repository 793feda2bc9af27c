"""The magic link of a teacher's record: their e-mail address, signed, valid for a week (no account)."""

from django.conf import settings

from cms.signed_links import SignedLink


def _max_age() -> int:
    return getattr(settings, "PROFESSIONALISATION_RECORD_LINK_DAYS", 7) * 24 * 3600


RECORD_LINK = SignedLink("cms.professionalisation.record", max_age=_max_age)


def make_record_token(email: str) -> str:
    return RECORD_LINK.make(email.strip().lower())
