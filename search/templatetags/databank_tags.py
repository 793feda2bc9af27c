"""Template tags for pages that show databank results outside the search page."""

from django import template

from search import services

register = template.Library()


@register.simple_tag
def similar_kits(page) -> list:
    """The kit pages most like ``page`` (empty for a draft or private kit, e.g. in a preview)."""
    return services.similar_kit_pages(page.pk)
