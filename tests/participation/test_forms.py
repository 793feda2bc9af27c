"""The public form plumbing every participation form shares: honeypot, idempotency key, domain errors."""

from django import forms
from django.utils import translation

from cms.participation.forms import ParticipationForm


class NameForm(ParticipationForm):
    name = forms.CharField()


class Refused(Exception):
    def __init__(self, message: str, field: str | None = None, code: str = "invalid"):
        super().__init__(message)
        self.message, self.field, self.code = message, field, code


def test_every_rendered_form_gets_a_fresh_idempotency_key():
    first, second = NameForm(), NameForm()

    assert first["idempotency_key"].value() != second["idempotency_key"].value()
    assert 'type="hidden" name="idempotency_key"' in str(first["idempotency_key"])


def test_a_filled_in_honeypot_refuses_the_form_in_dutch():
    form = NameForm({"name": "Anna", "idempotency_key": "a" * 32, "website": "http://spam.example"})

    with translation.override("nl"):
        assert not form.is_valid()
        assert form.non_field_errors() == ["Je inzending kon niet worden verwerkt."]


def test_a_forged_idempotency_key_is_refused():
    form = NameForm({"name": "Anna", "idempotency_key": "<script>"})

    assert not form.is_valid()
    assert "idempotency_key" in form.errors


def test_the_plumbing_comes_after_the_fields_people_fill_in():
    assert list(NameForm().fields) == ["name", "idempotency_key", "website"]


def test_a_services_error_lands_on_its_field_or_on_the_form():
    form = NameForm({"name": "Anna", "idempotency_key": "a" * 32})
    assert form.is_valid()

    form.add_domain_error(Refused("Name taken", field="name", code="duplicate"))
    form.add_domain_error(Refused("Event full", field="event"))

    assert form.errors["name"] == ["Name taken"]
    assert form.non_field_errors() == ["Event full"]
