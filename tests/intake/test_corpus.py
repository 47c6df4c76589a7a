"""Every real mail of the shared corpus through ``email_receive``: the action it gets, no crash,
no mojibake; the zammad files against zammad's own expected parse; then all of it again: duplicates.

Decisions the table encodes (docs/mail.md):

* delivery reports -> "bounce", never a ticket (none of these is about a mail of ours, so
  they only stay on record);
* RFC 3834 auto-replies, feedback reports (ARF), and bulk/junk mail (``Precedence: junk``,
  ``List-Id``) -> "auto_reply": no ticket and, above all, no acknowledgement;
* everything else, spam included, -> "opened" as an *unverified* ticket: it waits in the
  screening queue, nobody is acknowledged (no backscatter), an agent deletes or accepts it.
"""

from __future__ import annotations

import html
import re
from collections import Counter

import pytest

from triagedesk.intake.models import RawEmail
from triagedesk.intake.services import email_receive
from triagedesk.notify.models import OutboundEmail
from triagedesk.tickets.models import Ticket

from ..conftest import CORPUS
from .zammad_yml import read_top_level

MAILS = sorted((CORPUS / "email").glob("*.eml"))

# Files that are not "opened": the rest of the corpus must open an unverified ticket.
EXPECTED = {
    # delivery status notifications and non-RFC bounces (Postfix, Exim, qmail, Exchange, Notes, Gmail...)
    **{name: "bounce" for name in (
        "mikel-mail__multi_address_bounce1", "mikel-mail__multipart_report_multiple_status",
        "mikel-mail__raw_email_with_mimepart_without_content_type", "mikel-mail__report_422",
        "sisimai__lhost-domino-02", "sisimai__lhost-einsundeins-02", "sisimai__lhost-exchange2007-01",
        "sisimai__lhost-exim-01", "sisimai__lhost-gmail-01", "sisimai__lhost-mailru-01", "sisimai__lhost-notes-03",
        "sisimai__lhost-office365-01", "sisimai__lhost-postfix-01", "sisimai__lhost-qmail-02",
        "sisimai__lhost-sendmail-01", "sisimai__lhost-v5sendmail-01", "sisimai__lhost-yahoo-01",
        "sisimai__rhost-franceptt-03", "zammad__mail033-undelivered-mail-returned-to-sender-notification",
    )},
    # RFC 3834 auto-replies and an abuse feedback report
    "sisimai__rfc3834-01": "auto_reply", "sisimai__rfc3834-02": "auto_reply", "sisimai__rfc3834-05": "auto_reply",
    "sisimai__arf-01": "auto_reply",
    # bulk mail that says so (Precedence: junk / List-Id): newsletters and spam runs
    "mikel-mail__bad_date_header": "auto_reply", "mikel-mail__empty_in_reply_to": "auto_reply",
    "spamscope-mailparser__mail_test_13": "auto_reply", "spamscope-mailparser__mail_test_16": "auto_reply",
}

# Mis-decoded text: UTF-8 read as Latin-1/cp1252 ("Ã©", "â€™"), Cyrillic read as Latin-1, U+FFFD.
MOJIBAKE = re.compile("Ã[\u0080-\u00bf]|â€|\ufffd|[ÐÑ][\u0080-\u00bf]")


def expected_action(path) -> str:
    return EXPECTED.get(path.stem, "opened")


def test_the_table_names_only_files_that_exist():
    assert MAILS, f"no corpus at {CORPUS}: set TRIAGEDESK_CORPUS"
    assert set(EXPECTED) <= {p.stem for p in MAILS}


@pytest.mark.django_db
@pytest.mark.parametrize("path", MAILS, ids=lambda p: p.stem)
def test_corpus_mail(path, clock):
    result = email_receive(raw=path.read_bytes(), source="pipe", clock=clock)
    assert result.action == expected_action(path), result.reason
    raw = RawEmail.objects.get(pk=result.raw_email_id)
    assert raw.status == "processed" and raw.action == result.action
    assert not MOJIBAKE.search(raw.subject), raw.subject
    assert not OutboundEmail.objects.exists()  # strangers, daemons and robots are never answered
    if result.action in ("bounce", "auto_reply"):
        assert result.ticket_number is None and not Ticket.objects.exists()
        return
    ticket = Ticket.objects.get(number=result.ticket_number)
    assert ticket.unverified and ticket.account is None and ticket.channel == "email"
    message = ticket.messages.get()
    for text in (ticket.subject, ticket.requester_name, message.body, message.quoted):
        assert not MOJIBAKE.search(text), text[:200]
    assert "\x00" not in message.body
    assert ticket.subject == (raw.subject.strip()[:300] or "(no subject)")
    assert ticket.requester_email == raw.from_email


# --------------------------------------------------------------------------- zammad's expected parse

ZAMMAD = sorted((CORPUS / "email").glob("zammad__*.yml"))


def words(text: str) -> Counter:
    text = re.sub(r"<br\s*/?>|</(?:div|p|h\d|li|tr)>", "\n", text, flags=re.I)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return Counter(re.findall(r"\w+", text.lower()))


@pytest.mark.django_db
@pytest.mark.parametrize("yml", ZAMMAD, ids=lambda p: p.stem)
def test_zammad_mails_match_zammads_expected_parse(yml, clock):
    """Deliberate differences: addresses are lower-cased; a bounce is no ticket (its sender and
    subject are kept on the stored mail); the body is split into new text and the folded quote;
    of multipart/alternative we show the text/plain part as the body and keep the sanitised HTML
    beside it, where zammad shows the HTML (in mail001 the two alternatives even differ: the
    phone numbers are anonymised differently in each)."""
    expected = read_top_level(yml)
    result = email_receive(raw=yml.with_suffix(".eml").read_bytes(), source="pipe", clock=clock)
    raw = RawEmail.objects.get(pk=result.raw_email_id)
    assert raw.from_email == expected["from_email"].lower()
    assert raw.subject == expected["subject"].strip()
    if result.action == "bounce":
        return
    ticket = Ticket.objects.get(number=result.ticket_number)
    assert (ticket.requester_email, ticket.requester_name) == (expected["from_email"].lower(),
                                                               expected["from_display_name"])
    assert ticket.subject == expected["subject"].strip()
    message = ticket.messages.get()
    ours, theirs = words(message.body + "\n" + message.quoted), words(expected["body"])
    if expected["content_type"] == "text/html":
        ours |= words(message.body_html)
    missing = theirs - ours
    assert sum(missing.values()) <= 0.02 * sum(theirs.values()) + 1, missing


# --------------------------------------------------------------------------- again: all duplicates


@pytest.mark.django_db
def test_the_whole_corpus_twice_is_all_duplicates_the_second_time(clock):
    first = [email_receive(raw=p.read_bytes(), source="pipe", clock=clock) for p in MAILS]
    tickets = Ticket.objects.count()
    second = [email_receive(raw=p.read_bytes(), source="imap:archive", clock=clock) for p in MAILS]
    assert [r.action for r in second] == ["duplicate"] * len(MAILS)
    assert [r.ticket_number for r in second] == [r.ticket_number if r.action != "duplicate" else s.ticket_number
                                                 for r, s in zip(first, second)]
    assert Ticket.objects.count() == tickets and RawEmail.objects.count() == len(MAILS) - sum(
        r.action == "duplicate" for r in first)
    counts = Counter(r.action for r in first)
    # Two corpus files are the same mail (same Message-ID, same body, only the From name differs).
    assert counts["duplicate"] == 1
