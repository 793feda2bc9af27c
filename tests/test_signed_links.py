"""Signed links: one salt per use, expiry, and links in mails sent before this helper still work."""

import pytest
from django.core import signing

from cms.signed_links import ExpiredLink, InvalidLink, RowLink, SignedLink


def at(monkeypatch, seconds: float, function, *args):
    """Call ``function`` with the signing clock at ``seconds`` since the epoch."""
    monkeypatch.setattr(signing.time, "time", lambda: seconds)
    return function(*args)


def test_a_token_only_works_for_its_own_use():
    cancel, unsubscribe = SignedLink("test.cancel"), SignedLink("test.unsubscribe")

    token = cancel.make("42")

    assert cancel.read(token) == "42"
    with pytest.raises(InvalidLink):
        unsubscribe.read(token)


def test_a_changed_token_is_refused():
    link = SignedLink("test.cancel")
    with pytest.raises(InvalidLink):
        link.read(link.make("42")[:-2] + "xx")
    with pytest.raises(InvalidLink):
        link.read_object("garbage")


def test_a_token_expires_after_max_age(monkeypatch):
    link = SignedLink("test.confirm", max_age=60)
    token = at(monkeypatch, 1_000_000, link.make, "7")
    assert at(monkeypatch, 1_000_059, link.read, token) == "7"
    with pytest.raises(ExpiredLink):
        at(monkeypatch, 1_000_061, link.read, token)


def test_max_age_can_follow_a_setting(settings, monkeypatch):
    settings.TEST_LINK_MAX_AGE = 60
    link = SignedLink("test.confirm", max_age=lambda: settings.TEST_LINK_MAX_AGE)
    token = at(monkeypatch, 1_000_000, link.make, "7")
    settings.TEST_LINK_MAX_AGE = 10
    with pytest.raises(ExpiredLink):
        at(monkeypatch, 1_000_030, link.read, token)


def test_a_link_without_timestamp_cannot_be_given_a_max_age():
    with pytest.raises(ValueError, match="cannot expire"):
        SignedLink("test.unsubscribe", max_age=60, timestamped=False)


def test_tokens_from_mails_sent_before_the_helper_still_work():
    """The formats are Django's: ``signing.dumps`` and ``Signer`` tokens read back unchanged."""
    old_cancel = signing.dumps({"b": 5, "k": "abcdefabcdef"}, salt="cms.bookings.cancel")
    old_unsubscribe = signing.Signer(salt="newsletters.unsubscribe").sign("3.0")

    assert RowLink(SignedLink("cms.bookings.cancel"), id_name="b").read(old_cancel) == (5, "abcdefabcdef")
    assert SignedLink("newsletters.unsubscribe", timestamped=False).read(old_unsubscribe) == "3.0"


def test_a_row_link_names_the_row_and_its_key_prefix():
    link = RowLink(SignedLink("test.row"), id_name="r")

    token = link.make(9, "0123456789abcdef0123")

    assert link.read(token) == (9, "0123456789ab")
    with pytest.raises(InvalidLink):
        link.read(SignedLink("test.row").make_object({"x": 1}))
