"""The SMTP exchange: what sendmail would send, with the sender's work placed around each mail."""

import smtplib

import pytest
from django.core import mail
from django.core.mail import get_connection

from cms.newsletters.exchange import Lookahead, MailExchange
from tests.newsletters.test_prepared import TEXT, batch

RECIPIENTS = ["juf.jansen@basisschool.nl", "meester.ali@basisschool.nl", "weiger@basisschool.nl"]


@pytest.fixture
def exchange(smtp_server):
    backend = get_connection()
    backend.open()
    yield MailExchange(backend, envelope_sender=batch().envelope_sender)
    backend.close()


def nothing() -> None:
    pass


def test_mails_arrive_with_their_envelope_and_lines_starting_with_a_dot_intact(exchange, smtp_server):
    mails = batch()
    mails_with_dots = type(mails)(
        subject=mails.subject,
        text=TEXT + ".\n..twee punten\n",
        html=mails.html,
        from_email=mails.from_email,
        base_url="https://techniek.example/",
    )
    message = mails_with_dots.message(RECIPIENTS[0], "token", "prefs")
    assert message.prepared

    exchange.send(message, before_commit=nothing, meanwhile=nothing)

    ((recipients, received),) = smtp_server.messages
    assert recipients == [RECIPIENTS[0]]
    text = received.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert text.endswith("\n.\n..twee punten\n"), "dot-stuffed on the wire, as the server restores it"
    assert received["From"] == "STO Rijnmond <nieuws@sto.example>"


def test_the_senders_work_runs_while_the_server_has_not_yet_taken_this_mail(exchange, smtp_server):
    """``before_commit`` (the previous mail's mark) always precedes this mail's acceptance."""
    mails = batch()
    seen: list[tuple[str, int]] = []

    for address in RECIPIENTS[:2]:
        exchange.send(
            mails.message(address, "token", "prefs"),
            before_commit=lambda: seen.append(("before_commit", len(smtp_server.messages))),
            meanwhile=lambda: seen.append(("meanwhile", 0)),
        )

    assert [step for step, _ in seen] == ["before_commit", "meanwhile"] * 2
    assert [count for step, count in seen if step == "before_commit"] == [0, 1]
    assert len(smtp_server.messages) == 2


def test_a_refused_recipient_raises_as_sendmail_does_and_the_next_mail_still_goes(exchange, smtp_server):
    smtp_server.refuse = {"weiger@basisschool.nl"}
    mails = batch()

    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        exchange.send(
            mails.message("weiger@basisschool.nl", "t", "p"), before_commit=nothing, meanwhile=nothing
        )
    exchange.send(mails.message(RECIPIENTS[0], "t", "p"), before_commit=nothing, meanwhile=nothing)

    assert refused.value.recipients["weiger@basisschool.nl"][0] == 550
    assert smtp_server.recipients() == [RECIPIENTS[0]], "the refused mail's transaction was reset"


def test_other_backends_send_the_message_itself_with_the_same_steps(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    steps: list[str] = []
    backend = get_connection()

    MailExchange(backend, envelope_sender="nieuws@sto.example").send(
        batch().message(RECIPIENTS[0], "token", "prefs"),
        before_commit=lambda: steps.append("before_commit"),
        meanwhile=lambda: steps.append("meanwhile"),
    )

    assert steps == ["before_commit", "meanwhile"]
    assert mail.outbox[0].to == [RECIPIENTS[0]]
    assert "/nieuwsbrief/afmelden/token/" in mail.outbox[0].body


def test_lookahead_makes_the_next_item_early_and_each_item_once():
    made: list[int] = []

    def items():
        for number in range(3):
            made.append(number)
            yield number

    ahead = Lookahead(items())
    taken = []
    for item in ahead:
        taken.append(item)
        ahead.fill()
        ahead.fill()
        assert len(made) == min(item + 2, 3), "the next one is made early, and only once"

    assert taken == [0, 1, 2]


def test_when_the_senders_own_step_fails_the_mail_is_not_taken_and_the_next_one_goes(exchange, smtp_server):
    mails = batch()

    def database_gone() -> None:
        raise ConnectionError("database gone")

    with pytest.raises(ConnectionError):
        exchange.send(mails.message(RECIPIENTS[0], "t", "p"), before_commit=database_gone, meanwhile=nothing)
    exchange.send(mails.message(RECIPIENTS[1], "t", "p"), before_commit=nothing, meanwhile=nothing)

    assert smtp_server.recipients() == [RECIPIENTS[1]], "the conversation stayed in step"


def test_lookahead_raises_an_error_making_the_next_item_only_when_it_is_taken():
    def items():
        yield "first"
        raise ValueError("cannot make the second")

    ahead = Lookahead(items())
    assert next(ahead) == "first"
    ahead.fill()  # while the first mail is on the wire: must not raise

    with pytest.raises(ValueError):
        next(ahead)
