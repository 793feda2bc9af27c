"""The databank's facets: one definition both backends and the API share."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Facet:
    key: str
    label: str


FACETS: tuple[Facet, ...] = (
    Facet("target_group", _("Target group")),
    Facet("theme", _("Theme")),
    Facet("tech_world", _("World of technology")),
    Facet("core_goal", _("Core goal")),
    Facet("duration", _("Duration")),
    Facet("material_kind", _("Material")),
    Facet("region", _("Region")),
    Facet("partner", _("Partner")),
    Facet("licence", _("Licence")),
    # Terms from the ``databank_kit_facets`` hook (cms.loans: "te leen"); empty without one.
    Facet("lending", _("Lending")),
)
FACET_KEYS: tuple[str, ...] = tuple(f.key for f in FACETS)
FACET_LABELS = {f.key: f.label for f in FACETS}

# (value, label, upper bound in minutes, exclusive); the order is the display order.
DURATION_BUCKETS: tuple[tuple[str, str, int | None], ...] = (
    ("lt30", _("less than 30 min"), 30),
    ("30-60", _("30-60 min"), 61),
    ("60-120", _("60-120 min"), 121),
    ("gt120", _("more than 120 min"), None),
)


def duration_bucket(minutes: int) -> tuple[str, str, int]:
    """(value, label, position) of the bucket ``minutes`` falls in: <30, 30-60, 60-120, >120."""
    for position, (value, label, upper) in enumerate(DURATION_BUCKETS):
        if upper is None or minutes < upper:
            return value, str(label), position
    raise AssertionError("unreachable")


SORTS: tuple[str, ...] = ("relevance", "newest", "downloads", "title")
