"""A region's house style, edited per Wagtail site under Settings > House style; no deploy needed."""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField

from .colours import AA_NORMAL_TEXT, MUTED, WHITE, contrast, darken, validate_hex_colour


@register_setting(icon="image")
class RegionBranding(BaseSiteSetting):
    """Logo, colours and footer text of one region's site. Empty fields keep the default look."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the header next to the site name, at most 48 pixels high."),
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        blank=True,
        validators=[validate_hex_colour],
        help_text=_("Links, buttons and accents, e.g. #1d4f91. White text must be readable on it."),
    )
    footer_colour = models.CharField(
        _("footer colour"),
        max_length=7,
        blank=True,
        validators=[validate_hex_colour],
        help_text=_(
            "Background of the footer; white text must be readable on it. Empty: a darker primary colour."
        ),
    )
    surface_colour = models.CharField(
        _("light background colour"),
        max_length=7,
        blank=True,
        validators=[validate_hex_colour],
        help_text=_("Light background of highlighted areas such as the search box, e.g. #eef3fb."),
    )
    footer_text = RichTextField(
        _("footer text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Contact details or a short description of the region, shown in the footer."),
    )

    panels = [
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("primary_colour"), FieldPanel("footer_colour"), FieldPanel("surface_colour")]
                )
            ],
            heading=_("Colours"),
        ),
        FieldPanel("footer_text"),
    ]

    class Meta:
        verbose_name = _("house style")
        verbose_name_plural = _("house styles")

    def clean(self) -> None:
        """Colours must keep the site readable (WCAG 2.1 AA) with the text the site puts on them."""
        super().clean()
        too_dark = _(
            "White text on this colour is too hard to read (contrast %(ratio)s, at least 4.5 needed)."
        )
        too_light = _(
            "Grey text on this colour is too hard to read (contrast %(ratio)s, at least 4.5 needed); "
            "choose a lighter colour."
        )
        errors = {}
        for name, text_colour, message in (
            ("primary_colour", WHITE, too_dark),
            ("footer_colour", WHITE, too_dark),
            ("surface_colour", MUTED, too_light),  # muted text is the lightest text on it
        ):
            value = getattr(self, name)
            if _is_hex(value) and (ratio := contrast(value, text_colour)) < AA_NORMAL_TEXT:
                errors[name] = message % {"ratio": f"{ratio:.1f}"}
        if errors:
            raise ValidationError(errors)

    def design_tokens(self) -> dict[str, str]:
        """CSS custom properties overriding the defaults in site.css; only validated hex values."""
        tokens = {}
        primary = self.primary_colour.lower() if _is_hex(self.primary_colour) else ""
        if primary:
            tokens["--color-primary"] = primary
            tokens["--color-primary-dark"] = darken(primary)
        if _is_hex(self.footer_colour):
            tokens["--color-footer-bg"] = self.footer_colour.lower()
        elif primary:
            tokens["--color-footer-bg"] = darken(primary, 0.6)
        if _is_hex(self.surface_colour):
            tokens["--color-surface"] = self.surface_colour.lower()
        return tokens

    def stylesheet(self) -> str:
        tokens = self.design_tokens()
        if not tokens:
            return ""
        return ":root {\n" + "".join(f"  {name}: {value};\n" for name, value in tokens.items()) + "}\n"

    def stylesheet_version(self) -> str:
        return hashlib.sha256(self.stylesheet().encode()).hexdigest()[:12]


def _is_hex(value: str) -> bool:
    try:
        validate_hex_colour(value)
    except ValidationError:
        return False
    return True
