from django.template.loader import render_to_string
from wagtail import hooks
from wagtail_modeladmin.options import modeladmin_register

from .modeladmin import BookingsGroup
from .queries import bookable_offerings

modeladmin_register(BookingsGroup)


@hooks.register("techniekhuis_page_sections")
def lesson_offerings_section(page, request) -> str:
    """The techniekhuis page lists its bookable lessons with their open slots and places left."""
    offerings = list(bookable_offerings(page.pk))
    if not offerings:
        return ""
    return render_to_string(
        "bookings/techniekhuis_section.html", {"offerings": offerings, "page": page}, request=request
    )
