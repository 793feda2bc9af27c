"""Magic links (no account): a teacher's record, signed with their e-mail address, and a school's
overview of its consenting teachers, signed with the school and its contact address (so a link
mailed to a former contact stops working once the editor records a new one). Both last a week."""

from django.conf import settings

from cms.signed_links import InvalidLink, SignedLink


def _max_age() -> int:
    return getattr(settings, "PROFESSIONALISATION_RECORD_LINK_DAYS", 7) * 24 * 3600


RECORD_LINK = SignedLink("cms.professionalisation.record", max_age=_max_age)
SCHOOL_LINK = SignedLink("cms.professionalisation.school", max_age=_max_age)


def make_record_token(email: str) -> str:
    return RECORD_LINK.make(email.strip().lower())


def make_school_token(school_id: int, contact_email: str) -> str:
    return SCHOOL_LINK.make_object({"s": school_id, "e": contact_email.strip().lower()})


def read_school_token(token: str) -> tuple[int, str]:
    """``(school id, contact address)``; raises :class:`~cms.signed_links.InvalidLink` (or ``ExpiredLink``)."""
    data = SCHOOL_LINK.read_object(token)
    try:
        return int(data["s"]), str(data["e"])
    except (KeyError, TypeError, ValueError):
        raise InvalidLink("malformed link") from None
