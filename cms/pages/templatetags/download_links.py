from django import template
from wagtail import hooks

register = template.Library()

#: Wagtail hook: ``fn(url, request) -> url`` may add to a kit page's download links (search_insight
#: keeps the search a kit was opened from). Pages know no app that registers it.
DOWNLOAD_URL_HOOK = "construct_download_url"


@register.filter
def download_link(url: str, request) -> str:
    """A download link on a kit page, as the installed apps' ``construct_download_url`` hooks make it."""
    for construct in hooks.get_hooks(DOWNLOAD_URL_HOOK):
        url = construct(url, request)
    return url
