"""The public newsletter archive and the web version of each newsletter, as readers see them."""

import pytest

from tests.newsletters.factories import NewsletterPageFactory

pytestmark = pytest.mark.django_db


def test_the_archive_lists_published_newsletters_and_invites_to_subscribe(client, archive):
    NewsletterPageFactory(parent=archive, title="Nieuwsbrief oktober")
    NewsletterPageFactory(parent=archive, title="Nieuwsbrief november (concept)", live=False)

    response = client.get(archive.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Nieuwsbrief oktober" in html
    assert "concept" not in html
    assert "Aanmelden voor de nieuwsbrief" in html


def test_a_newsletter_with_a_search_description_is_described_by_it(client, archive):
    newsletter = NewsletterPageFactory(
        parent=archive, title="Nieuwsbrief december", search_description="Drones, waterstof en de agenda."
    )

    response = client.get(newsletter.url)

    assert response.status_code == 200
    assert '<meta name="description" content="Drones, waterstof en de agenda.">' in response.content.decode()
