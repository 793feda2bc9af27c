"""The Dutch login page is Dutch throughout (Wagtail's password label came from the field name)."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_login_page_labels_the_password_in_dutch(client):
    html = client.get("/admin/login/", headers={"accept-language": "nl"}).content.decode()

    labels = [
        " ".join(re.sub(r"<[^>]+>", " ", label).split())
        for label in re.findall(r"<label[^>]*>(.*?)</label>", html, re.S)
    ]
    assert any(label.startswith("Wachtwoord") for label in labels), labels
    assert not any("Password" in label for label in labels)
