"""The pure parts of the intake: ticket numbers in subjects, our Message-IDs, raw-mail fingerprints."""

from __future__ import annotations

import pytest

from triagedesk.intake.fingerprint import fingerprint, message_id_of
from triagedesk.intake.threading import (
    is_our_message_id, strip_ticket_numbers, thread_message_ids, ticket_number_from_our_message_id,
    ticket_numbers_in_subject,
)


@pytest.mark.parametrize("subject, numbers", [
    ("Re: [TD-2026-000123] Sito down", ["TD-2026-000123"]),
    ("RE: AW: [td-2026-000123] x", ["TD-2026-000123"]),
    ("[ TD-2026-123 ] short number", ["TD-2026-000123"]),
    ("Re: [TD-2026-000200] ack: Re: [TD-2026-000100] old", ["TD-2026-000200", "TD-2026-000100"]),
    ("[TD-2026-000123] and again [TD-2026-000123]", ["TD-2026-000123"]),
    ("TD-2026-000123 without brackets", []),
    ("[Ticket#11162] another desk", []),
    ("[TD-26-000123] two-digit year", []),
    ("", []),
])
def test_ticket_numbers_in_subject(subject, numbers):
    assert ticket_numbers_in_subject(subject, "TD") == numbers


def test_another_prefix():
    assert ticket_numbers_in_subject("Re: [HD-2026-000007] x", "HD") == ["HD-2026-000007"]
    assert ticket_numbers_in_subject("Re: [TD-2026-000007] x", "HD") == []


@pytest.mark.parametrize("subject, stripped", [
    ("Re: [TD-2026-000001] Sito down", "Sito down"),
    ("RE: R: Fwd: [TD-2026-000001] Sito down", "Sito down"),
    ("AW: Re[2]: [TD-2026-000001] Server", "Server"),
    ("Re: [TD-2026-000001] Re: the customer's own Re: stays", "the customer's own Re: stays"),
    ("Nothing to strip", "Nothing to strip"),
])
def test_strip_ticket_numbers(subject, stripped):
    assert strip_ticket_numbers(subject) == stripped


def test_thread_ids_in_reply_to_first_then_references_newest_first():
    assert thread_message_ids(["c@x"], ["a@x", "b@x", "c@x"]) == ["c@x", "b@x", "a@x"]
    assert thread_message_ids([], ["<a@x>", " b@x "]) == ["b@x", "a@x"]
    assert len(thread_message_ids([], [f"{i}@x" for i in range(500)])) == 50


@pytest.mark.parametrize("message_id, number", [
    ("td.td-2026-000123.0123456789abcdef@triagedesk.example", "TD-2026-000123"),
    ("<td.td-2026-000123.0123456789abcdef@TRIAGEDESK.example>", "TD-2026-000123"),
    ("td.td-2026-000123.0123456789abcdef@elsewhere.example", None),
    ("td.2026-000118.3@triagedesk.example", None),
    ("CAF3x7kQ9v2pX@mail.gmail.com", None),
])
def test_our_message_ids(message_id, number):
    assert ticket_number_from_our_message_id(message_id, domain="triagedesk.example") == number


def test_is_our_message_id():
    assert is_our_message_id("td.abc@triagedesk.example", domain="triagedesk.example")
    assert not is_our_message_id("abc@triagedesk.example", domain="triagedesk.example")


def test_fingerprint_sees_the_same_mail_through_crlf_and_extra_trace_headers():
    lf = b"From: a@b.example\nMessage-ID: <m1@b.example>\nSubject: x\n\nline one  \nline two\n"
    crlf = b"Received: from mx2\r\n" + lf.replace(b"\n", b"\r\n")
    one, two = fingerprint(lf), fingerprint(crlf)
    assert one.sha256 != two.sha256
    assert (one.message_id, one.body_sha256) == (two.message_id, two.body_sha256) == ("m1@b.example",
                                                                                     one.body_sha256)
    assert fingerprint(lf.replace(b"line two", b"line 2")).body_sha256 != one.body_sha256


@pytest.mark.parametrize("raw, expected", [
    (b"Message-ID: <a@b>\n\nbody", "a@b"),
    (b"message-id:\n <folded@b>\nSubject: x\n\n", "folded@b"),
    (b"Message-Id: no-brackets@b\n\n", "no-brackets@b"),
    (b"Subject: none\n\nMessage-ID: <in-body@b>\n", ""),
    (b"", ""),
])
def test_message_id_of_raw_bytes(raw, expected):
    assert message_id_of(raw) == expected
