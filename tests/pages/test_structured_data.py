"""Kit pages describe themselves as a schema.org LearningResource (JSON-LD) within the strict CSP."""

import json
import re

import pytest
from lxml import html as lxml_html

from cms.pages.models import LessonKitPage
from cms.pages.structured_data import iso_duration
from tests.factories import CoreGoalFactory, LessonKitPageFactory, TargetGroupFactory

pytestmark = pytest.mark.django_db


def publish(region_site, **fields) -> LessonKitPage:
    goals = fields.pop("goals", [])
    kit = LessonKitPageFactory(parent=region_site.databank, **fields)
    kit.core_goals.set(goals)
    kit.save_revision().publish()
    return LessonKitPage.objects.get(pk=kit.pk)


def json_ld(response) -> dict:
    scripts = lxml_html.fromstring(response.content).xpath('//script[@type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].text)


def test_kit_page_is_a_learning_resource(client, region_site):
    kit = publish(
        region_site,
        title="Bruggen bouwen van papier",
        summary="Een vakwerkbrug van papier.",
        duration_minutes=90,
        licence="cc-by-sa-4.0",
        target_groups=[TargetGroupFactory(name="po groep 5/6")],
        goals=[CoreGoalFactory(number=45, name="Ontwerpen")],
    )
    data = json_ld(client.get(kit.url))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "LearningResource"
    assert data["name"] == "Bruggen bouwen van papier"
    assert data["description"] == "Een vakwerkbrug van papier."
    assert data["url"] == kit.get_full_url()
    assert data["inLanguage"] == "nl"
    assert data["educationalLevel"] == ["po groep 5/6"]
    assert data["learningResourceType"] == "leskist"
    assert data["timeRequired"] == "PT1H30M"
    assert data["license"] == kit.licence_url
    assert data["license"].startswith("https://creativecommons.org/licenses/by-sa/4.0/")
    assert data["teaches"] == [{"@type": "DefinedTerm", "name": "Ontwerpen", "termCode": "45"}]


def test_kit_text_cannot_break_out_of_the_json_ld_and_nothing_inline_executes(client, region_site):
    title = "</script><script>alert(1)</script> & co"
    kit = publish(region_site, title=title, summary="<b>vet</b>", licence="all-rights-reserved")
    response = client.get(kit.url)
    page = response.content.decode()
    assert "</script><script>alert(1)" not in page
    data = json_ld(response)
    assert data["name"] == title
    assert "license" not in data
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    for script in lxml_html.fromstring(response.content).xpath("//script"):
        # Only external files ('self') or data blocks the browser never runs.
        assert script.get("src") or script.get("type") == "application/ld+json", lxml_html.tostring(script)
    assert not re.search(r"\son[a-z]+=", page), "no inline event handlers"


@pytest.mark.parametrize(("minutes", "iso"), [(90, "PT1H30M"), (45, "PT45M"), (120, "PT2H"), (0, "PT0M")])
def test_iso_8601_durations(minutes, iso):
    assert iso_duration(minutes) == iso
