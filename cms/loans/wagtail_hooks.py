from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail_modeladmin.options import modeladmin_register

from . import desk, services
from .modeladmin import LoansGroup, may_work_loans

modeladmin_register(LoansGroup)


@hooks.register("lesson_kit_page_sections")
def loan_section(page, request) -> str:
    """The lesson kit page shows whether and when its physical box can be borrowed."""
    items = list(services.lendable_items().filter(lesson_kit=page))
    if not items:
        return ""
    calendars = services.availability_many([item.pk for item in items])
    rows = [(item, calendars.get(item.pk, [])) for item in items]
    return render_to_string("loans/kit_section.html", {"items": rows, "page": page}, request=request)


@hooks.register("databank_kit_facets")
def lending_facet(page_ids: list[int]) -> dict[int, dict[str, list[tuple[str, str, int]]]]:
    """The databank's "te leen" filter: kits with a physical box schools can borrow."""
    lendable = services.lendable_items().filter(lesson_kit__in=page_ids).values_list("lesson_kit", flat=True)
    return {page_id: {"lending": [("te-leen", str(_("Can be borrowed")), 0)]} for page_id in set(lendable)}


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("uitleenbalie/", desk.desk, name="loans_desk"),
        path("uitleenbalie/etiketten/<int:point_id>/", desk.labels, name="loans_labels"),
    ]


class DeskMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return may_work_loans(request.user)


@hooks.register("register_admin_menu_item")
def register_desk_menu_item():
    return DeskMenuItem(_("Loan desk"), reverse("loans_desk"), icon_name="folder-open-inverse", order=261)
