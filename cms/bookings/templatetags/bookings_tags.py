"""Template helpers of the public booking pages (the list, the techniekhuis section)."""

from django import template
from django.utils.translation import gettext as _

from ..models import LessonOffering
from ..services import offering_groups

register = template.Library()


@register.filter
def group_range(offering: LessonOffering) -> str:
    """The groups a lesson is meant for, as a teacher reads them: "groep 5 en 6", "groep 3 t/m 8"."""
    groups = offering_groups(offering)
    if len(groups) > 2 and groups == list(range(groups[0], groups[-1] + 1)):
        numbers = _("%(first)s to %(last)s") % {"first": groups[0], "last": groups[-1]}
    elif len(groups) > 1:
        numbers = _("%(list)s and %(last)s") % {"list": ", ".join(map(str, groups[:-1])), "last": groups[-1]}
    else:
        numbers = str(groups[0])
    return _("group %(n)s") % {"n": numbers}
