"""The school's coverage link: the school's contact opens its own coverage page without an account."""

from django.conf import settings

from cms.signed_links import SignedLink

DEFAULT_MAX_AGE_DAYS = 180


def _max_age() -> int:
    return 60 * 60 * 24 * getattr(settings, "COVERAGE_LINK_MAX_AGE_DAYS", DEFAULT_MAX_AGE_DAYS)


COVERAGE_LINK = SignedLink("cms.milestones.coverage", max_age=_max_age)


def make_coverage_token(school_id: int) -> str:
    return COVERAGE_LINK.make(str(school_id))


def read_coverage_token(token: str) -> int:
    """The school id; raises :class:`cms.signed_links.InvalidLink` (or ``ExpiredLink``)."""
    return int(COVERAGE_LINK.read(token))
