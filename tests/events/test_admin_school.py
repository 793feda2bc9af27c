"""An editor links a registration to the school the participant came for, in the admin."""

import pytest

from cms.events.models import EventRegistration
from tests.factories import EventPageFactory, SchoolFactory

from .factories import EventRegistrationFactory

pytestmark = pytest.mark.django_db


def test_editor_links_a_registration_to_its_school(admin_client, region_site):
    event = EventPageFactory(parent=region_site.events, title="Open dag techniek")
    registration = EventRegistrationFactory(event=event, organisation="De Akker, Gouda")
    school = SchoolFactory(region=region_site.region, name="Basisschool De Akker")
    url = f"/admin/snippets/events/eventregistration/edit/{registration.pk}/"

    form = admin_client.get(url)
    assert 'name="school"' in form.content.decode()
    response = admin_client.post(
        url,
        {
            "event": event.pk,
            "name": registration.name,
            "email": registration.email,
            "organisation": registration.organisation,
            "role": registration.role,
            "school": school.pk,
        },
    )

    assert response.status_code == 302
    assert EventRegistration.objects.get(pk=registration.pk).school == school
