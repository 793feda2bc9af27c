from django import template

from .. import services

register = template.Library()


@register.filter
def from_search(url: str, request) -> str:
    """A download link on a kit opened from a search result keeps the search and the position."""
    return services.carry_click(url, request)
