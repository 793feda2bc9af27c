from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def vocab(source: str, value: str, element: str) -> str:
    """An NL LOM vocabulary element: ``<element><source>..</source><value>..</value></element>``."""
    return format_html(
        '<{0}><source><langstring xml:lang="x-none">{1}</langstring></source>'
        '<value><langstring xml:lang="x-none">{2}</langstring></value></{0}>',
        element,
        source,
        value,
    )
