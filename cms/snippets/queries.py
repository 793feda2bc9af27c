"""Finding a known school from what a teacher typed, for every public form that asks for one."""

from django.db.models import QuerySet

from .models import School
from .validators import BRIN_RE, normalize_brin

#: Matches shown for what a teacher typed: they recognise their school among ten; beyond that, type more.
SCHOOLS_LISTED = 10


def find_schools(
    query: str, schools: QuerySet[School] | None = None, *, limit: int = SCHOOLS_LISTED
) -> list[School]:
    """Schools among ``schools`` (default: all) for what a teacher typed: a BRIN code (exact, or
    its 4-character main code) or a name (an exact name first, else names containing it). At
    most ``limit + 1`` results, so callers can tell "too many" from "exactly ``limit``".
    """
    query = " ".join(query.split())
    if not query:
        return []
    schools = (School.objects.all() if schools is None else schools).order_by("name", "brin_code")
    brin = normalize_brin(query)
    if BRIN_RE.match(brin):
        if found := list(schools.filter(brin_code=brin)[: limit + 1]):
            return found
        if len(brin) == 4:
            return list(schools.filter(brin_code__startswith=brin)[: limit + 1])
        return []
    if exact := list(schools.filter(name__iexact=query)[: limit + 1]):
        return exact
    return list(schools.filter(name__icontains=query)[: limit + 1])


def exact_school_match(query: str, matches: list[School]) -> School | None:
    """The one school that is exactly what was typed (its whole BRIN code or name), else None.

    A partial match ("De Regenboog" for "CBS De Regenboog Noord") is never taken silently:
    the teacher confirms it from the list.
    """
    query = " ".join(query.split())
    exact = [
        school
        for school in matches
        if school.brin_code == normalize_brin(query) or school.name.casefold() == query.casefold()
    ]
    return exact[0] if len(exact) == 1 else None
