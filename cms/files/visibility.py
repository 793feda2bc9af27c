"""Who may see a document or image: whoever may see a page that uses it.

The one rule, for documents and images alike: a file is public when a live page without view
restrictions uses it, or when no page uses it at all (site-wide files: logos of partners, a
privacy statement linked from a snippet). A file that only draft, unpublished or restricted pages
use is hidden from anonymous clients until one of those pages goes live and public. A file used
by a public kit and by a draft is public (the public kit shows it anyway).

"Uses" is Wagtail's reference index (``wagtail.models.ReferenceIndex``): it records foreign keys,
inline children (a kit's downloads), StreamField blocks and rich-text links of every page, and is
rebuilt from the page row whenever a page is saved or published. Unpublishing or restricting a
page changes only the page, which this rule reads live, so files are hidden again at once.

Collection view restrictions (private collections such as contributions) are Wagtail's own
rule and stay with Wagtail's serve view and API queryset; this module only adds the page rule.
Editors with admin access see every file, as in the admin.
"""

from __future__ import annotations

from typing import TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, Model, OuterRef, QuerySet
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex

M = TypeVar("M", bound=Model)


def sees_every_file(user) -> bool:
    """Editors with admin access see (and are served) every file, as they do in the admin."""
    return bool(user and user.is_active and user.has_perm("wagtailadmin.access_admin"))


def _page_uses(model: type[Model]) -> QuerySet[ReferenceIndex]:
    """Reference-index rows saying that a page uses a file of ``model`` (the outer query's row)."""
    return ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(model),
        to_object_id=Cast(OuterRef("pk"), CharField()),
    )


def public_files(queryset: QuerySet[M]) -> QuerySet[M]:
    """The files of ``queryset`` anonymous visitors may see (one query, no per-row look-ups).

    Filters on the primary key only, so the result can still be searched with Wagtail search.
    """
    uses = _page_uses(queryset.model)
    public_page_ids = Page.objects.live().public().annotate(text_pk=Cast("pk", CharField())).values("text_pk")
    visible = queryset.model._default_manager.filter(
        ~Exists(uses) | Exists(uses.filter(object_id__in=public_page_ids))
    ).values("pk")
    return queryset.filter(pk__in=visible)


def files_visible_to(user, queryset: QuerySet[M]) -> QuerySet[M]:
    """``queryset`` narrowed to the files ``user`` (possibly anonymous) may see."""
    return queryset if sees_every_file(user) else public_files(queryset)


def is_visible_to(user, file: Model) -> bool:
    """Whether ``user`` may see (download, find) this one document or image."""
    return sees_every_file(user) or public_files(type(file)._default_manager.filter(pk=file.pk)).exists()
