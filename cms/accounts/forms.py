from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    """One code: from the authenticator app, or (when verifying) one of the recovery codes."""

    token = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )

    def clean_token(self) -> str:
        return "".join(self.cleaned_data["token"].split())
