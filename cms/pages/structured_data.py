"""schema.org JSON-LD for public pages, so general search engines understand what a kit is.

Written as ``<script type="application/ld+json">``: browsers never execute that type, so the strict
CSP (``script-src 'self'``) has nothing to block, and the JSON is escaped like Django's
``json_script`` (``<``, ``>`` and ``&`` as ``\\u`` escapes) so kit text can never close the element.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from .models import LessonKitPage

#: The same escapes as :func:`django.utils.html.json_script`.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
#: What a kit is, in the page's language (schema.org leaves learningResourceType free text).
KIT_RESOURCE_TYPE = "leskist"


def iso_duration(minutes: int) -> str:
    """ISO 8601 duration: 90 -> ``PT1H30M``, 45 -> ``PT45M``, 0 -> ``PT0M``."""
    hours, rest = divmod(max(minutes, 0), 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{rest}M" if rest or not hours else "")


def learning_resource(kit: LessonKitPage, request: HttpRequest | None = None) -> dict[str, Any]:
    """The kit as a schema.org ``LearningResource``."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "name": kit.title,
        "description": kit.summary,
        "url": kit.get_full_url(request),
        "inLanguage": "nl",
        "learningResourceType": KIT_RESOURCE_TYPE,
        "educationalLevel": [group.name for group in kit.target_groups.all()],
        "timeRequired": iso_duration(kit.duration_minutes),
        "teaches": [
            {"@type": "DefinedTerm", "name": goal.name, "termCode": str(goal.number)}
            for goal in kit.core_goals.all()
        ],
    }
    if kit.licence_url:
        data["license"] = kit.licence_url
    return data


def json_ld(data: dict[str, Any]) -> SafeString:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(JSON_SCRIPT_ESCAPES)
    # Safe: the three characters that could end the element or start markup are \u-escaped above.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308
