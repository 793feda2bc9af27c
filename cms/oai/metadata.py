"""One kit as the values its metadata formats need (absolute URLs, vocabulary terms)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.http import HttpRequest

from cms.pages.models import LessonKitPage
from cms.pages.models.lessonkit import LICENCE_URLS

from . import vocabularies as vocab

# Characters XML 1.0 forbids even when escaped: one stray control character in a summary must not
# make the whole harvest page unparseable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value) -> str:
    return _NOT_XML.sub("", str(value or ""))


@dataclass
class KitMetadata:
    title: str
    description: str
    keywords: list[str]
    url: str
    files: list[dict[str, str]]
    contexts: list[str]
    target_groups: list[str]
    end_user_roles: tuple[str, ...]
    learning_resource_type: str
    learning_time: str
    copyright_value: str
    licence_url: str
    licence_label: str
    contributors: list[dict[str, str]]
    published: str
    core_goals: list[dict[str, str]]
    themes: list[str]


def _vcard(name: str) -> str:
    name = xml_text(name).replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return f"BEGIN:VCARD\nVERSION:3.0\nFN:{name}\nN:{name}\nEND:VCARD"


def kit_metadata(kit: LessonKitPage, request: HttpRequest) -> KitMetadata:
    """Expects the prefetches of :func:`cms.oai.repository.headers` (``with_kits=True``)."""
    themes = [t.name for t in kit.themes.all()]
    tags = [t.name for t in kit.tags.all()]
    url = kit.get_full_url(request) or request.build_absolute_uri(kit.url or "/")
    files = [
        {"url": request.build_absolute_uri(d.download_url), "title": xml_text(d.display_title)}
        for d in kit.downloads.all()
    ]
    contributors = []
    if kit.author:
        contributors.append({"role": "author", "name": xml_text(kit.author), "vcard": _vcard(kit.author)})
    if kit.partner_id:
        contributors.append(
            {"role": "publisher", "name": xml_text(kit.partner.name), "vcard": _vcard(kit.partner.name)}
        )
    published = kit.first_published_at or kit.last_published_at
    return KitMetadata(
        title=xml_text(kit.title),
        description=xml_text(kit.summary),
        keywords=[xml_text(k) for k in dict.fromkeys(themes + tags)],
        url=url,
        files=files,
        contexts=vocab.contexts_for_levels(tg.level for tg in kit.target_groups.all()),
        target_groups=[xml_text(tg.name) for tg in kit.target_groups.all()],
        end_user_roles=vocab.KIT_END_USER_ROLES,
        learning_resource_type=vocab.KIT_LEARNING_RESOURCE_TYPE,
        learning_time=vocab.iso_duration(kit.duration_minutes),
        copyright_value=vocab.COPYRIGHT_BY_LICENCE.get(kit.licence, vocab.ALL_RIGHTS_RESERVED),
        licence_url=LICENCE_URLS.get(kit.licence, ""),
        licence_label=kit.get_licence_display(),
        contributors=contributors,
        published=published.isoformat(timespec="seconds") if published else "",
        core_goals=[
            {"id": str(goal.number), "entry": xml_text(f"Kerndoel {goal.number}: {goal.name}")}
            for goal in kit.core_goals.all()
        ],
        themes=[xml_text(t) for t in themes],
    )
