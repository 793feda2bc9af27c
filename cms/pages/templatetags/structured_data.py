from django import template
from django.utils.safestring import SafeString

from ..structured_data import json_ld, learning_resource

register = template.Library()


@register.simple_tag(takes_context=True)
def learning_resource_json_ld(context, kit) -> SafeString:
    """``<script type="application/ld+json">`` with the kit as a schema.org LearningResource."""
    return json_ld(learning_resource(kit, context.get("request")))
