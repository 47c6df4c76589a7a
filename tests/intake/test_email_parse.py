"""Tests for the Django-free inbound mail parser (triagedesk.intake.email).

Run without Django:  .venv/bin/pytest tests/intake -q -p no:django

The shared real-world corpus lives beside the repository
(<repo>/../shared/corpus, override with TRIAGEDESK_CORPUS); our own fixtures
are in tests/fixtures/email.
"""

from __future__ import annotations

import os
import re
from datetime import datetime, timezone
from email import message_from_bytes
from pathlib import Path

import pytest

from triagedesk.intake.email.classify_mail import BounceInfo
from triagedesk.intake.email.html import html_to_text, sanitize_html
from triagedesk.intake.email.parse import (
    MAX_TEXT,
    EmailParseError,
    InboundEmail,
    ParsedAttachment,
    parse_email,
)
from triagedesk.intake.email.quoting import decode_flowed, split_reply

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "email"


def _corpus_email_dir() -> Path:
    from tests.conftest import CORPUS as root

    return root / "email" if (root / "email").is_dir() else root


CORPUS = _corpus_email_dir()
CORPUS_FILES = sorted(CORPUS.glob("*.eml")) if CORPUS.is_dir() else []
# Locally a checkout without the shared corpus skips these; in CI a missing corpus is a failure.
needs_corpus = pytest.mark.skipif(not CORPUS_FILES and os.environ.get("CI") != "true",
                                  reason=f"shared corpus not found at {CORPUS}")


def corpus(name: str) -> InboundEmail:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{name} not in corpus")
    return parse_email(path.read_bytes())


def fixture(name: str) -> InboundEmail:
    return parse_email((FIXTURES / name).read_bytes())


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

# What bytes 0x80-0xBF (UTF-8 continuation bytes) look like when read as
# cp1252 or latin-1: the second character of classic mojibake pairs.
_CONT = "".join(sorted({chr(b) for b in range(0x80, 0xC0)}
                       | {bytes([b]).decode("cp1252", "ignore") for b in range(0x80, 0xC0)} - {""}))
_MOJIBAKE = re.compile(
    "\ufffd"                                     # replacement character
    f"|[ÃÂÐÑ][{re.escape(_CONT)}]"               # é -> Ã©, ° -> Â°, о -> Ð¾, р -> Ñ€
    f"|â[€‚][{re.escape(_CONT)}]"                  # ’ -> â€™, – -> â€“
    f"|ã[{re.escape(_CONT)}][{re.escape(_CONT)}]"  # Japanese kana read as latin-1
)


def looks_mojibake(s: str) -> bool:
    """True when s shows typical UTF-8-read-as-latin-1/cp1252 damage or U+FFFD."""
    return bool(_MOJIBAKE.search(s))


def test_looks_mojibake_helper():
    assert looks_mojibake("CafÃ© crÃ¨me")
    assert looks_mojibake("donâ€™t")
    assert looks_mojibake("ÐŸÑ€Ð¸Ð²ÐµÑ‚")
    assert looks_mojibake("broken \ufffd char")
    assert not looks_mojibake("Café crème, don’t, Привет, まみむめも, ESPAÑA, Ã")


_ADDRESS = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")
_WS = re.compile(r"\s+")


def norm(s: str) -> str:
    return _WS.sub(" ", s).strip()


# --------------------------------------------------------------------------
# every corpus file
# --------------------------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_file_parses_cleanly(path: Path):
    raw = path.read_bytes()
    mail = parse_email(raw)
    assert isinstance(mail, InboundEmail)
    source_has_fffd = b"\xef\xbf\xbd" in raw
    for field in ("subject", "from_name", "text"):
        value = getattr(mail, field)
        assert isinstance(value, str)
        if not source_has_fffd:
            assert not looks_mojibake(value), f"{field}: {value[:200]!r}"
    assert mail.from_email is None or _ADDRESS.match(mail.from_email), mail.from_email
    assert mail.from_email is None or mail.from_email == mail.from_email.lower()
    assert mail.date is None or mail.date.tzinfo is not None
    assert mail.kind in ("message", "auto_reply", "bounce")
    assert (mail.bounce is not None) == (mail.kind == "bounce")
    assert mail.message_id is None or not mail.message_id.startswith("<")
    assert all(isinstance(a, ParsedAttachment) and a.filename for a in mail.attachments)
    assert all("/" not in a.filename and "\\" not in a.filename for a in mail.attachments)
    if mail.html is not None:
        assert "<script" not in mail.html.lower()
        assert not re.search(r"\son\w+\s*=", mail.html, re.I)
        assert "javascript:" not in mail.html.lower()
    # history split never invents text
    assert len(mail.new_text) <= len(mail.text) + 2


# Expected kind per corpus file.  Anything not listed is skipped by the kind
# test (a held-out corpus may add files), so the table lists every file.
BOUNCE = "bounce"
AUTO = "auto_reply"
MSG = "message"
EXPECTED_KIND = {
    # DSNs (multipart/report; report-type=delivery-status) and non-RFC bounces
    **{name: BOUNCE for name in (
        "sisimai__lhost-domino-02.eml",
        "sisimai__lhost-einsundeins-02.eml",
        "sisimai__lhost-exchange2007-01.eml",
        "sisimai__lhost-exim-01.eml",
        "sisimai__lhost-gmail-01.eml",
        "sisimai__lhost-mailru-01.eml",
        "sisimai__lhost-notes-03.eml",
        "sisimai__lhost-office365-01.eml",
        "sisimai__lhost-postfix-01.eml",
        "sisimai__lhost-qmail-02.eml",
        "sisimai__lhost-sendmail-01.eml",
        "sisimai__lhost-v5sendmail-01.eml",
        "sisimai__lhost-yahoo-01.eml",
        # "rhost" = remote-host classification in sisimai, still an Exim bounce
        "sisimai__rhost-franceptt-03.eml",
        "mikel-mail__multi_address_bounce1.eml",
        "mikel-mail__multipart_report_multiple_status.eml",
        # the two "Warning: could not send message for past ..." DSNs are
        # delayed (4.x.x) bounces: kind bounce, permanent False
        "mikel-mail__report_422.eml",
        "mikel-mail__raw_email_with_mimepart_without_content_type.eml",
        "zammad__mail033-undelivered-mail-returned-to-sender-notification.eml",
    )},
    "sisimai__rfc3834-01.eml": AUTO,
    "sisimai__rfc3834-02.eml": AUTO,
    "sisimai__rfc3834-05.eml": AUTO,  # nonsense subject: only Auto-Submitted tells
    "sisimai__arf-01.eml": AUTO,      # ARF feedback report: not our bounce, not a request
    # Judgement calls - bulk markers make these "auto_reply" by the product
    # rules (List-Id / Precedence), although a human wrote (or spammed) them:
    "mikel-mail__bad_date_header.eml": AUTO,           # Precedence: junk (spam)
    "mikel-mail__empty_in_reply_to.eml": AUTO,         # List-Id (sent via a list)
    "spamscope-mailparser__mail_test_13.eml": AUTO,    # MailChimp newsletter, List-Id
    "spamscope-mailparser__mail_test_16.eml": AUTO,    # GTUBE test, Precedence: junk
    **{name: MSG for name in (
        "django-helpdesk__all-special-chars.eml",
        "django-helpdesk__blank-body-with-attachment.eml",
        "django-helpdesk__forwarded-message.eml",
        "django-helpdesk__pgp.eml",
        "django-helpdesk__quoted_printable.eml",
        "mikel-mail__attachment_content_location.eml",
        "mikel-mail__attachment_message_rfc822.eml",
        "mikel-mail__attachment_nonascii_filename.eml",
        "mikel-mail__attachment_only_email.eml",
        "mikel-mail__attachment_pdf.eml",
        "mikel-mail__attachment_with_base64_encoded_name.eml",
        "mikel-mail__attachment_with_encoded_name.eml",
        "mikel-mail__bad_subject.eml",
        "mikel-mail__basic_email.eml",
        "mikel-mail__cant_parse_from.eml",
        "mikel-mail__content_transfer_encoding_empty.eml",
        "mikel-mail__content_transfer_encoding_with_8bits.eml",  # newsletter without bulk headers
        "mikel-mail__content_transfer_encoding_x_uuencode.eml",  # list mail, but no List-* headers
        "mikel-mail__email_with_similar_boundaries.eml",
        "mikel-mail__empty_group_lists.eml",
        "mikel-mail__header_fields_with_empty_values.eml",
        "mikel-mail__japanese.eml",
        "mikel-mail__japanese_attachment_long_name.eml",
        "mikel-mail__japanese_shift_jis.eml",
        "mikel-mail__missing_body.eml",
        "mikel-mail__multiple_content_types.eml",
        "mikel-mail__new_line_in_to_header.eml",
        "mikel-mail__raw_email2.eml",
        "mikel-mail__raw_email7.eml",
        "mikel-mail__raw_email_double_at_in_header.eml",
        "mikel-mail__raw_email_incorrect_header.eml",
        "mikel-mail__raw_email_multiple_from.eml",
        "mikel-mail__raw_email_quoted_with_0d0a.eml",  # fax notification, no auto headers
        "mikel-mail__raw_email_reply.eml",
        "mikel-mail__raw_email_string_in_date_field.eml",
        "mikel-mail__raw_email_with_at_display_name.eml",
        "mikel-mail__raw_email_with_binary_encoded.eml",
        "mikel-mail__raw_email_with_illegal_boundary.eml",
        "mikel-mail__raw_email_with_nested_attachment.eml",
        "mikel-mail__raw_email_with_partially_quoted_subject.eml",
        "mikel-mail__sig_only_email.eml",
        "mikel-mail__trademark_character_in_subject.eml",
        "mikel-mail__two_from_in_message.eml",
        "mikel-mail__utf8_headers.eml",
        "nodemailer-mailparser__base64encodedroot.eml",
        "nodemailer-mailparser__decoderended.eml",
        "nodemailer-mailparser__mixed.eml",
        "nodemailer-mailparser__nested.eml",
        "nodemailer-mailparser__nodemailer.eml",
        "nodemailer-mailparser__spam.eml",
        "spamscope-mailparser__mail_malformed_3.eml",
        "spamscope-mailparser__mail_test_14.eml",
        "spamscope-mailparser__mail_test_17.eml",  # phishing, but looks like a person
        "spamscope-mailparser__mail_test_18.eml",
        "spamscope-mailparser__mail_test_19.eml",
        "spamscope-mailparser__mail_test_3.eml",
        "spamscope-mailparser__mail_test_8.eml",
        "zammad__mail001.eml",
        "zammad__mail005.eml",
        "zammad__mail110.eml",
        "zbateson-mmp__m0001.eml",
        "zbateson-mmp__m0004.eml",
        "zbateson-mmp__m0010.eml",
        "zbateson-mmp__m0011.eml",
        "zbateson-mmp__m0014.eml",
        "zbateson-mmp__m0016.eml",
        "zbateson-mmp__m0024.eml",
        "zbateson-mmp__m1005.eml",
        "zbateson-mmp__m1015.eml",
        "zbateson-mmp__m2003.eml",
        "zbateson-mmp__m2005.eml",
        "zbateson-mmp__m3001.eml",
        "zbateson-mmp__m3004.eml",
        "zbateson-mmp__m4001.eml",
    )},
}


@needs_corpus
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_kind(path: Path):
    if path.name not in EXPECTED_KIND:
        pytest.skip("not in the expected-kind table")
    mail = parse_email(path.read_bytes())
    assert mail.kind == EXPECTED_KIND[path.name], mail.kind_reason


@needs_corpus
def test_kind_table_covers_the_corpus():
    assert {p.name for p in CORPUS_FILES} >= set(EXPECTED_KIND)


# --------------------------------------------------------------------------
# zammad expected parses (.yml)
# --------------------------------------------------------------------------


def _yaml_scalars(text: str) -> dict[str, str]:
    """Top-level scalars of zammad's fixture YAML (plain, '..', "..", |, |-).

    Only what these files use; nested keys (attachments) are ignored.
    """
    out: dict[str, str] = {}
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = re.match(r"^([A-Za-z_]+):(?: (.*))?$", lines[i])
        i += 1
        if not m:
            continue
        key, value = m.group(1), (m.group(2) or "")
        block: list[str] = []
        while i < len(lines) and (lines[i].startswith("  ") or lines[i] == ""):
            block.append(lines[i])
            i += 1
        if value in ("|", "|-"):
            body = "\n".join(b[2:] for b in block)
            out[key] = body.rstrip("\n") + ("\n" if value == "|" else "")
        elif value.startswith('"'):
            joined = value + "".join(" " + b.strip() if b.strip() else "\n" for b in block)
            inner = joined[1: joined.rindex('"')]
            out[key] = re.sub(r'\\(.)', lambda e: {"n": "\n", "t": "\t"}.get(e.group(1), e.group(1)), inner)
        elif value.startswith("'"):
            joined = value + "".join(" " + b.strip() for b in block)
            out[key] = joined[1: joined.rindex("'")].replace("''", "'")
        else:
            out[key] = (value + "".join(" " + b.strip() for b in block)).strip()
    return out


ZAMMAD = ["zammad__mail001", "zammad__mail005",
          "zammad__mail033-undelivered-mail-returned-to-sender-notification", "zammad__mail110"]


@needs_corpus
@pytest.mark.parametrize("stem", ZAMMAD)
def test_zammad_expected_parse(stem: str):
    yml_path = CORPUS / f"{stem}.yml"
    if not yml_path.exists():
        pytest.skip("yml missing")
    expected = _yaml_scalars(yml_path.read_text("utf-8"))
    mail = corpus(f"{stem}.eml")
    # Deliberate differences, all by our spec: from_email is lower-cased
    # (zammad keeps "John.Smith@"), subject is whitespace-normalised (zammad
    # keeps mail001's trailing blank).
    assert mail.from_email == expected["from_email"].lower()
    assert mail.from_name == expected.get("from_display_name", "")
    assert mail.subject == norm(expected["subject"])
    # Body: zammad stores mail001/mail110 as HTML (it prefers the HTML part),
    # we keep text/plain in `text`; compare text content, whitespace-normalised.
    body = expected["body"]
    if expected.get("content_type") == "text/html":
        body = html_to_text(body)
    head = norm(body)[:200].rsplit(" ", 1)[0]
    assert head in norm(mail.text)


# --------------------------------------------------------------------------
# charsets and encodings
# --------------------------------------------------------------------------


@needs_corpus
def test_iso_2022_jp_subject_and_body():
    mail = corpus("sisimai__lhost-domino-02.eml")
    assert mail.subject.startswith("DELIVERY FAILURE: ユーザー Neko (kijitora@example.co.jp) は Domino")
    assert "Domino ディレクトリには見つかりません" in mail.text
    assert mail.bounce.diagnostic and "ディレクトリ" in mail.bounce.diagnostic


@needs_corpus
def test_shift_jis_body():
    mail = corpus("mikel-mail__japanese_shift_jis.eml")
    assert "このメールはテスト用のメールです。" in mail.text


@needs_corpus
def test_euc_kr_encoded_word_and_base64_body():
    mail = corpus("mikel-mail__raw_email_double_at_in_header.eml")
    assert mail.subject == "NOTE: 한국말로 하는 것"
    assert mail.text.startswith("대부분의 마찬가지로")


@needs_corpus
def test_partially_encoded_subject():
    assert corpus("mikel-mail__raw_email_with_partially_quoted_subject.eml").subject == \
        'Re: Test: "漢字" mid "漢字" tail'


@needs_corpus
def test_big5_double_encoded_subject_and_body_are_repaired():
    # big5 bytes that some relay read as latin-1 and re-saved as UTF-8
    mail = corpus("mikel-mail__content_transfer_encoding_empty.eml")
    assert "大家說英語" in mail.subject
    assert "軟體帝國更新迅速" in mail.text


@needs_corpus
def test_raw_8bit_headers():
    assert corpus("zbateson-mmp__m0001.eml").subject == "Die Hasen und die Frösche (Microsoft Outlook 00)"
    utf8 = corpus("mikel-mail__utf8_headers.eml")
    assert (utf8.subject, utf8.from_name, utf8.from_email) == ("Säying Hello", "Jöhn Doe", "jdöe@mächine.example")


@needs_corpus
def test_windows_1252_quoted_printable():
    mail = corpus("sisimai__lhost-office365-01.eml")
    assert "The email address wasn’t found" in mail.text


def test_utf7_fixture():
    mail = fixture("utf7.eml")
    assert mail.subject == "Certificato scaduto – sito bloccato"
    assert "il certificato è scaduto: «NET::ERR_CERT_DATE_INVALID»" in mail.text


def test_italian_iso_8859_1_quoted_printable():
    mail = fixture("it_iso8859_qp.eml")
    assert mail.subject == "Il sito è down da stamattina, è urgente!"
    assert (mail.from_name, mail.from_email) == ("Niccolò Ferrà", "niccolo@ferra-calzature.example")
    assert "il sito è down da stamattina alle 7:40" in mail.text
    assert "È un problema per noi perché oggi" in mail.text
    assert mail.language_hint == "it-IT"
    assert mail.kind == "message" and not mail.is_forward
    assert mail.date == datetime(2026, 1, 12, 7, 2, 9, tzinfo=timezone.utc)
    # the "-- " signature is gone from new_text, kept in text
    assert "Tel. 055" in mail.text and "Tel. 055" not in mail.new_text
    assert mail.new_text.endswith("Ferrà Calzature S.r.l.")


def test_russian_koi8_r():
    mail = fixture("ru_koi8r.eml")
    assert mail.subject == "Не работает почта"
    assert mail.from_name == "Иван Петров"
    assert "Не работает почта на домене shop-ivanov.example" in mail.text


def test_french_windows_1252_reply_with_history():
    mail = fixture("fr_cp1252_reply.eml")
    assert mail.subject == "Re: [TD-2026-000118] Mise à jour PHP – boutique hors ligne"
    assert "notre boutique ne s’affiche plus, erreur 502" in mail.new_text
    assert "300 € de commandes" in mail.new_text
    assert "a écrit" not in mail.new_text and "PHP 8.3" not in mail.new_text
    assert mail.quoted_text.startswith("Le lun. 12 janv. 2026 à 18:05, Support Triagedesk")
    assert "> la mise à jour de PHP 8.3 est prévue ce soir à 22h." in mail.quoted_text
    assert mail.in_reply_to == ["td.2026-000118.3@triagedesk.example"]
    assert mail.references == ["td.2026-000118.1@triagedesk.example", "td.2026-000118.3@triagedesk.example"]


@needs_corpus
def test_unknown_transfer_encodings_are_lenient():
    eightbits = corpus("mikel-mail__content_transfer_encoding_with_8bits.eml")
    assert "Can't read this email?" in eightbits.text
    assert any("8bits" in d for d in eightbits.defects)
    uu = corpus("mikel-mail__content_transfer_encoding_x_uuencode.eml")
    assert [a.filename for a in uu.attachments] == ["PGP_Cmts_on_12-14-01_Pkg.doc"]


def test_uuencoded_part_is_decoded():
    payload = b"hello uuencode\n"
    import binascii

    uu = b"begin 644 note.txt\n" + binascii.b2a_uu(payload) + b"`\nend\n"
    raw = (b"From: a@example.com\nSubject: uu\nMIME-Version: 1.0\n"
           b"Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nsee file\n"
           b"--b\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: x-uuencode\n\n"
           + uu + b"--b--\n")
    mail = parse_email(raw)
    assert mail.text == "see file"
    assert [(a.filename, a.data) for a in mail.attachments] == [("note.txt", payload)]


# --------------------------------------------------------------------------
# attachments
# --------------------------------------------------------------------------


@needs_corpus
def test_rfc2231_continued_filename():
    mail = corpus("mikel-mail__japanese_attachment_long_name.eml")
    assert [a.filename for a in mail.attachments] == ["かきくけこ" * 5 + ".txt"]


@needs_corpus
@pytest.mark.parametrize(("name", "expected"), [
    ("mikel-mail__attachment_with_base64_encoded_name.eml", "This is a test.pdf"),  # unquoted =?B?
    ("zbateson-mmp__m0024.eml", "Biodiversite de semaine en semaine.doc"),           # quoted =?Q?
    ("zbateson-mmp__m1015.eml", "HasenundFrösche.txt"),                               # iso-8859-1 =?Q?
    ("zbateson-mmp__m3004.eml", "HasenundFrösche.txt"),                               # quoted RFC 2231
    ("mikel-mail__attachment_nonascii_filename.eml", "ciële.txt"),                    # raw 8-bit UTF-8
    ("mikel-mail__attachment_content_location.eml", "Photo25.jpg"),                   # Content-Location
    ("nodemailer-mailparser__nodemailer.eml", "nyan cat ✔.gif"),                      # mixed words
])
def test_encoded_attachment_names(name: str, expected: str):
    assert expected in [a.filename for a in corpus(name).attachments]


@needs_corpus
def test_rfc2231_name_with_bytes_invalid_in_declared_charset():
    # iso-2022-jp declared, but %8a is not iso-2022-jp: must not raise or drop
    name = corpus("mikel-mail__attachment_with_encoded_name.eml").attachments[0].filename
    assert name.startswith("01 Quien Te Dij") and name.endswith("at. Pitbull.mp3")


@needs_corpus
def test_windows_paths_reduced_to_base_name():
    names = [a.filename for a in corpus("zbateson-mmp__m1005.eml").attachments]
    assert names[:2] == ["nsmailEG.png", "nsmail39.png"]


@needs_corpus
def test_inline_cid_images():
    mail = corpus("nodemailer-mailparser__nodemailer.eml")
    by_name = {a.filename: a for a in mail.attachments}
    assert by_name["nyan cat ✔.gif"].inline and by_name["nyan cat ✔.gif"].content_id == "nyan@example.com"
    assert not by_name["notes.txt"].inline
    assert 'src="cid:nyan@example.com"' in mail.html
    related = corpus("zbateson-mmp__m0016.eml")
    assert [a.inline for a in related.attachments] == [True, True]


def test_tnef_winmail_dat_kept_and_extracted():
    # The shared corpus has no real TNEF part (only X-MS-TNEF-Correlator
    # headers), so this fixture carries a hand-built winmail.dat.
    mail = fixture("tnef_winmail.eml")
    names = [a.filename for a in mail.attachments]
    assert names == ["winmail.dat", "error-log.txt"]
    assert mail.attachments[0].content_type == "application/ms-tnef"
    assert mail.attachments[1].data.startswith(b"[12-Jan-2026 08:00:01] PHP Fatal error")
    assert mail.text == "Buongiorno, in allegato il log degli errori."


def test_broken_tnef_is_only_a_defect():
    raw = (b"From: a@example.com\nSubject: t\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n"
           b"--b\nContent-Type: text/plain\n\nhi\n--b\nContent-Type: application/ms-tnef\n"
           b"Content-Transfer-Encoding: base64\n\nAAAAAAAA\n--b--\n")
    mail = parse_email(raw)
    assert [a.filename for a in mail.attachments] == ["winmail.dat"]
    assert any("TNEF" in d for d in mail.defects)


@needs_corpus
def test_forwarded_message_rfc822_attachment():
    mail = corpus("mikel-mail__attachment_message_rfc822.eml")
    assert mail.is_forward
    eml = [a for a in mail.attachments if a.content_type == "message/rfc822"]
    assert [a.filename for a in eml] == ["Another PDF.eml"]
    assert message_from_bytes(eml[0].data)["subject"] == "Another PDF"
    fwd = corpus("nodemailer-mailparser__decoderended.eml")
    assert fwd.is_forward and fwd.subject == "Fwd: fotos"
    assert "forwarded-message.eml" in [a.filename for a in fwd.attachments]  # inner mail has no subject


@needs_corpus
def test_attachment_only_and_missing_parts():
    only = corpus("mikel-mail__attachment_only_email.eml")
    assert only.text == "" and [a.filename for a in only.attachments] == ["blah.gz"]
    root_png = corpus("nodemailer-mailparser__base64encodedroot.eml")
    assert root_png.attachments[0].data.startswith(b"\x89PNG")


# --------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------


@needs_corpus
def test_html_only_newsletter():
    mail = corpus("mikel-mail__content_transfer_encoding_with_8bits.eml")
    assert mail.html and "<script" not in mail.html.lower()
    assert "Issue#: e13011" in mail.text
    assert "Click here (http://www.provantage.com/scripts/go.dll/e13011_RD/e13011)" in mail.text


def test_hostile_html_is_sanitised():
    mail = fixture("html_only_hostile.eml")
    html = mail.html
    assert "<script" not in html and "document.cookie" not in html
    assert "onclick" not in html and "onload" not in html
    assert "javascript:" not in html and "<iframe" not in html and "<style" not in html
    assert 'href="https://status.triagedesk.example/maintenance" rel="noopener noreferrer"' in html
    assert '<img src="cid:logo.2026@triagedesk.example"' in html
    assert mail.text.startswith("Server maintenance on 20 January\n\nDear customer, our data centre")
    assert "the status page (https://status.triagedesk.example/maintenance)" in mail.text
    assert "steal" not in mail.text and "alert" not in mail.text
    [logo] = mail.attachments
    assert (logo.content_id, logo.inline, logo.content_type) == ("logo.2026@triagedesk.example", True, "image/png")


def test_html_to_text_structure():
    text = html_to_text(
        "<p>Hello&nbsp;<b>there</b></p><ul><li>one</li><li>two</li></ul>"
        '<p>See <a href="https://x.example/a">docs</a> or <a href="mailto:a@x.example">a@x.example</a></p>'
        "<div>On Mon, Bob wrote:<blockquote><p>quoted</p></blockquote></div><p>after</p>"
    )
    assert text == ("Hello there\n\n- one\n- two\n\nSee docs (https://x.example/a) or a@x.example\n\n"
                    "On Mon, Bob wrote:\n\n> quoted\n\nafter")


def test_sanitize_keeps_basic_formatting():
    out = sanitize_html('<p style="color:red;position:fixed">x <a href="http://e.example" onclick="x()">l</a></p>')
    assert out == '<p style="color:red">x <a href="http://e.example" rel="noopener noreferrer">l</a></p>'


@needs_corpus
def test_multipart_alternative_prefers_plain_text():
    mail = corpus("zammad__mail001.eml")
    assert mail.text.startswith("Hallo Martin,")
    assert "<" not in mail.text[:200]
    assert mail.html and "Hallo Martin," in mail.html


@needs_corpus
def test_text_and_html_parts_in_mixed_are_concatenated():
    mail = corpus("zammad__mail110.eml")
    assert mail.text == "This is the text part\n\nThis is the html part (signature)"
    assert mail.html == "<div>This is the text part</div>\n<h1>This is the html part (signature) </h1>"


def test_gmail_alternative_reply_fixture():
    mail = fixture("gmail_alternative_reply.eml")
    assert "[TD-2026-000123]" in mail.subject
    assert mail.new_text == ("Hi,\n\nthe errors are back since 09:00, about one request in ten fails with\n"
                             '"SQLSTATE[HY000] [2002] Connection refused".\n\nThanks,\nAnna')
    assert mail.quoted_text.startswith("On Mon, Jan 12, 2026 at 4:31 PM Triagedesk Support")
    assert "> we restarted the database cluster" in mail.quoted_text
    assert mail.html and "gmail_quote" not in mail.html  # class attributes are dropped
    assert mail.in_reply_to == ["td.2026-000123.2@triagedesk.example"]
    assert mail.message_id == "CAF3x7kQ9v2pX+Lm4Rr0eZ8sT1uYw@mail.gmail.com"


# --------------------------------------------------------------------------
# quoting
# --------------------------------------------------------------------------


@needs_corpus
def test_zammad_bottom_posted_reply():
    mail = corpus("zammad__mail005.eml")  # attribution + quote on top, answer below
    assert mail.quoted_text.startswith("Am 07.05.2012 08:10, schrieb Martin Edenhofer via Znuny Team:")
    assert mail.new_text.startswith("Hallo Martin,")
    assert mail.new_text.endswith("John & Marc")
    assert "Ich freu mich" not in mail.new_text


@needs_corpus
def test_outlook_original_message_is_history():
    mail = corpus("django-helpdesk__forwarded-message.eml")
    assert mail.new_text == "This is email body"
    assert mail.quoted_text.startswith("-----Original Message-----\nFrom: GitHub")


@pytest.mark.parametrize("attribution", [
    "On Mon, 12 Jan 2026 at 10:00, Support <support@triagedesk.example> wrote:",
    "Il giorno lun 12 gen 2026 alle ore 10:00 Supporto <support@triagedesk.example> ha scritto:",
    "Le lun. 12 janv. 2026 à 10:00, Support <support@triagedesk.example> a écrit :",
    "12 янв. 2026 г., в 10:00, Support <support@triagedesk.example> написал(а):",
    "Am Mo., 12. Jan. 2026 um 10:00 Uhr schrieb Support <support@triagedesk.example>:",
    "El lun, 12 ene 2026 a las 10:00, Support (<support@triagedesk.example>) escribió:",
    "пн, 12 янв. 2026 г. в 10:00, Support <support@triagedesk.example>:",
])
def test_attribution_styles(attribution: str):
    text = f"Still broken, see log.\n\n{attribution}\n> Please restart the service.\n> Regards\n"
    new, quoted = split_reply(text)
    assert new == "Still broken, see log."
    assert quoted.startswith(attribution[:12]) and quoted.endswith("> Regards")


def test_attribution_wrapped_over_two_lines():
    text = ("ok now\n\nOn Mon, Jan 12, 2026 at 4:31 PM Triagedesk Support <support@triagedesk.example>\n"
            "wrote:\n\n> old\n")
    assert split_reply(text) == ("ok now", text[8:].rstrip("\n"))


@pytest.mark.parametrize("separator", [
    "-----Original Message-----",
    "-----Messaggio originale-----",
    "________________________________\nFrom: Support <support@triagedesk.example>\nSent: Monday, January 12, 2026 10:00 AM",
    "Da: Supporto <support@triagedesk.example>\nInviato: lunedì 12 gennaio 2026 10:00",
    "De : Support <support@triagedesk.example>\nEnvoyé : lundi 12 janvier 2026 10:00",
    "Von: Support <support@triagedesk.example>\nGesendet: Montag, 12. Januar 2026 10:00",
])
def test_outlook_history_blocks(separator: str):
    text = f"Thanks, works now.\n\n{separator}\nTo: x@example.com\nSubject: Re: ticket\n\nold text\n"
    new, quoted = split_reply(text)
    assert new == "Thanks, works now."
    assert quoted.startswith(separator.split("\n")[0]) and quoted.endswith("old text")


def test_trailing_quote_without_attribution_and_interleaved_answers():
    assert split_reply("new words\n\n> old\n> older\n") == ("new words", "> old\n> older")
    interleaved = "> question one?\nanswer one\n> question two?\nanswer two"
    assert split_reply(interleaved) == (interleaved, "")


def test_forward_is_not_history():
    mail = fixture("gmail_inline_forward.eml")
    assert mail.is_forward and mail.kind == "message"  # "Fwd: Delivery Status ..." is a customer
    assert "---------- Forwarded message ---------" in mail.new_text
    assert "because the domain couldn't be found" in mail.new_text
    assert "> original order text" in mail.new_text and mail.quoted_text == ""


def test_outlook_forward_keeps_content_when_subject_says_forward():
    text = "FYI\n\n-----Original Message-----\nFrom: Bank <b@example.com>\nSent: today\n\nPayment failed"
    assert split_reply(text, is_forward=True) == (text, "")


def test_signature_removed_only_from_new_text():
    new, quoted = split_reply("Hi,\nsite down.\n-- \nMario\nCEO\n\nOn Mon, X <x@example.com> wrote:\n> a")
    assert new == "Hi,\nsite down." and quoted == "On Mon, X <x@example.com> wrote:\n> a"


def test_format_flowed():
    flowed = "This is a long \nline.\n> quoted soft \n> break\n-- \nsig"
    assert decode_flowed(flowed) == "This is a long line.\n> quoted soft break\n-- \nsig"
    assert decode_flowed("a  \nb", delsp=True) == "a b"


# --------------------------------------------------------------------------
# classification
# --------------------------------------------------------------------------


@needs_corpus
@pytest.mark.parametrize(("name", "message_id"), [
    ("zammad__mail033-undelivered-mail-returned-to-sender-notification.eml",
     "notification.20150830145600.1.4.5f4fd063-f69b-4e64-a92d-5e7128bd6682@127.0.0.1:3000"),  # message/rfc822
    ("mikel-mail__report_422.eml",
     "15655788.13.1200472642578.JavaMail.Administrator@mail.ttttt.com.au"),  # text/rfc822-headers
    ("mikel-mail__multipart_report_multiple_status.eml", "4c2a146147ac8_61ff157c4ec1652df@s.h.c.mail"),
    ("sisimai__lhost-exim-01.eml", "E1P1ce6-000Egt-GZ@e1.example.org"),  # plain-text copy
    ("sisimai__lhost-office365-01.eml", "FFFFFFFF.EEEEEEEE@example.ed.jp"),  # "Original message headers"
    ("sisimai__lhost-yahoo-01.eml", "6AE6249A-E7A8-4980-862C-F499F6B8E7C5@y.example.co.jp"),
])
def test_bounce_original_message_id(name: str, message_id: str):
    mail = corpus(name)
    assert mail.kind == "bounce"
    assert mail.bounce.original_message_id == message_id


@needs_corpus
def test_dsn_fields():
    bounce = corpus("zammad__mail033-undelivered-mail-returned-to-sender-notification.eml").bounce
    assert bounce == BounceInfo(
        original_message_id="notification.20150830145600.1.4.5f4fd063-f69b-4e64-a92d-5e7128bd6682@127.0.0.1:3000",
        recipients=["not_existing@znuny.com"], status="5.1.1", action="failed",
        diagnostic="550 5.1.1 <not_existing@znuny.com>: Recipient address rejected: User unknown",
        permanent=True,
    )
    multi = corpus("mikel-mail__multi_address_bounce1.eml").bounce
    assert len(multi.recipients) == 5 and multi.status == "5.1.1"


@needs_corpus
def test_delayed_dsn_is_not_permanent():
    for name in ("mikel-mail__report_422.eml", "mikel-mail__raw_email_with_mimepart_without_content_type.eml"):
        mail = corpus(name)
        assert mail.kind == "bounce" and mail.bounce.action == "delayed"
        assert mail.bounce.permanent is False and mail.bounce.status.startswith("4.")


@needs_corpus
def test_non_rfc_bounces():
    qmail = corpus("sisimai__lhost-qmail-02.eml").bounce
    assert qmail.recipients == ["userunknown@example.jp", "filtered@example.jp"] and qmail.permanent
    gmail = corpus("sisimai__lhost-gmail-01.eml").bounce
    assert gmail.recipients == ["userunknown@example.jp"] and gmail.status == "5.1.1"
    notes = corpus("sisimai__lhost-notes-03.eml")
    assert notes.kind == "bounce" and notes.bounce.recipients == ["kijitora@example.com"]


@needs_corpus
def test_bounce_wins_over_auto_submitted():
    mail = corpus("sisimai__lhost-exim-01.eml")
    assert mail.headers["auto-submitted"] == "auto-replied"
    assert mail.kind == "bounce"


@needs_corpus
def test_feedback_report_and_auto_replies():
    arf = corpus("sisimai__arf-01.eml")
    assert (arf.kind, arf.kind_reason, arf.bounce) == ("auto_reply", "feedback report", None)
    vacation = corpus("sisimai__rfc3834-05.eml")
    assert vacation.kind_reason == "Auto-Submitted: auto-replied"


def test_italian_out_of_office():
    mail = fixture("it_outlook_oof.eml")
    assert mail.kind == "auto_reply"
    assert mail.subject.startswith("Risposta automatica: [TD-2026-000123]")
    assert mail.headers["x-auto-response-suppress"] == "All"
    assert mail.kind_reason == "X-Auto-Response-Suppress: All"


def _mail(subject: str, extra: str = "", body: str = "Hello") -> bytes:
    return (f"From: Customer <c@example.com>\nTo: support@triagedesk.example\nSubject: {subject}\n"
            f"{extra}\n{body}\n").encode()


@pytest.mark.parametrize("subject", [
    "Out of Office: ticket", "Automatic reply: x", "Risposta automatica: x", "Fuori ufficio - x",
    "Réponse automatique : x", "Absence du bureau: x", "Abwesenheitsnotiz: x", "Automatische Antwort: x",
    "Respuesta automática: x", "Автоматический ответ: x", "Autoreply: x", "Vacation",
])
def test_out_of_office_subjects(subject: str):
    mail = parse_email(_mail(subject))
    assert (mail.kind, mail.kind_reason) == ("auto_reply", "subject looks like out-of-office")


@pytest.mark.parametrize("subject", [
    "Vacation rental site is down", "Mail delivery failed since yesterday", "Re: Undelivered Mail Returned to Sender",
    "Our out of office page shows error 500",
])
def test_customer_subjects_are_messages(subject: str):
    assert parse_email(_mail(subject)).kind == "message"


@pytest.mark.parametrize(("extra", "reason"), [
    ("Auto-Submitted: auto-generated", "Auto-Submitted: auto-generated"),
    ("X-Autoreply: yes", "x-autoreply: yes"),
    ("Precedence: bulk", "Precedence: bulk"),
    ("X-Auto-Response-Suppress: OOF, AutoReply", "X-Auto-Response-Suppress: OOF, AutoReply"),
    ("List-Id: <news.example.com>", "bulk mail (List-Id)"),
])
def test_auto_reply_headers(extra: str, reason: str):
    mail = parse_email(_mail("Hello", extra))
    assert (mail.kind, mail.kind_reason) == ("auto_reply", reason)


def test_auto_submitted_no_is_a_message():
    assert parse_email(_mail("Hello", "Auto-Submitted: no")).kind == "message"


def test_bounce_subject_with_null_sender():
    mail = parse_email(_mail("Undeliverable: invoice", "Return-Path: <>"))
    assert (mail.kind, mail.kind_reason) == ("bounce", "subject looks like a bounce")


# --------------------------------------------------------------------------
# robustness
# --------------------------------------------------------------------------


@pytest.mark.parametrize("raw", [b"", b"\r\n  \r\n", b"just some words, no header at all\n", b"\x89PNG\r\n\x1a\n\x00"])
def test_not_an_email(raw: bytes):
    with pytest.raises(EmailParseError):
        parse_email(raw)


def test_minimal_mail():
    mail = parse_email(b"Subject: hi\n\nbody")
    assert (mail.subject, mail.text, mail.from_email, mail.date, mail.kind) == ("hi", "body", None, None, "message")


@needs_corpus
def test_junk_line_inside_header_block():
    mail = corpus("mikel-mail__raw_email_incorrect_header.eml")
    assert mail.from_email == "xxx@xxx.xxx" and mail.subject == "Stop adware/spyware once and for all."
    assert mail.text.startswith("You are infected with:")


@needs_corpus
def test_bad_dates_and_addresses():
    assert corpus("mikel-mail__bad_date_header.eml").date is None
    # 8-bit garbage only in the zone comment: the date itself is fine
    assert corpus("mikel-mail__raw_email_string_in_date_field.eml").date == \
        datetime(2008, 9, 20, 17, 4, 30, tzinfo=timezone.utc)
    assert corpus("mikel-mail__raw_email_multiple_from.eml").from_email == "tim@powerupdev.com"
    at = corpus("mikel-mail__raw_email_with_at_display_name.eml")
    assert at.from_email == "test@lindsaar.net" and "raasdnil@gmail.com" in at.to
    comma = corpus("spamscope-mailparser__mail_test_18.eml")
    assert comma.from_name == "LastßlName, FirstName"
    assert comma.cc == ["simple@example.net", "john.doe@example.com"]
    zammad = corpus("zammad__mail005.eml")
    assert zammad.from_name == "Marc Smith"  # "addr (Comment)" form
    assert zammad.date == datetime(2012, 5, 7, 6, 45, 46, tzinfo=timezone.utc)


@needs_corpus
def test_boundary_mismatch_is_repaired():
    mail = corpus("spamscope-mailparser__mail_malformed_3.eml")
    assert "¡Feliz Navidad!" in mail.text and "compañía" in mail.text
    assert "multipart boundary mismatch repaired" in mail.defects


def test_text_is_capped():
    mail = parse_email(b"Subject: log\nContent-Type: text/plain\n\n" + b"x" * (MAX_TEXT + 10))
    assert len(mail.text) == MAX_TEXT
    assert "body text truncated at 1 MB" in mail.defects


def test_wrong_declared_charset_falls_back():
    body = "Grüße aus München".encode("utf-8")
    mail = parse_email(b"Subject: x\nContent-Type: text/plain; charset=us-ascii\n\n" + body)
    assert mail.text == "Grüße aus München"
    latin = "Grüße aus München, ça va très bien".encode("latin-1")
    mail = parse_email(b"Subject: x\nContent-Type: text/plain; charset=utf-8\n\n" + latin)
    assert mail.text == "Grüße aus München, ça va très bien"
    bogus = parse_email(b"Subject: x\nContent-Type: text/plain; charset=x-no-such\n\n" + body)
    assert bogus.text == "Grüße aus München" and any("x-no-such" in d for d in bogus.defects)


@needs_corpus
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_damaged_corpus_files_never_raise(path: Path):
    # Mail arrives cut off by size limits and flaky connections: truncated
    # anywhere, a parse may only ever fail with EmailParseError.
    raw = path.read_bytes()
    for cut in (len(raw) // 5, len(raw) // 2, len(raw) - 7):
        try:
            parse_email(raw[:cut])
        except EmailParseError:
            pass


def test_outlook_html_reply_split():
    # Outlook HTML replies have no ">" marks: an <hr>, then a bold header block
    html = ('<div>Grazie, ora funziona.</div><div><br></div><hr style="display:inline-block;width:98%">'
            '<div id="divRplyFwdMsg"><b>Da:</b> Supporto &lt;support@triagedesk.example&gt;<br>'
            '<b>Inviato:</b> lunedì 12 gennaio 2026 10:00<br><b>A:</b> Mario<br><b>Oggetto:</b> ticket</div>'
            '<div>testo vecchio</div>')
    new, quoted = split_reply(html_to_text(html))
    assert new == "Grazie, ora funziona."
    assert quoted.startswith("----\nDa: Supporto <support@triagedesk.example>\nInviato:")
    assert quoted.endswith("testo vecchio")


@pytest.mark.parametrize(("text", "charset"), [
    ("Не работает почта на сайте", "koi8_r"),
    ("Не работает почта на сайте", "cp1251"),
    ("Problème avec le site, très urgent", "cp1252"),
    ("Il sito è down, perché?", "latin-1"),
    ("サイトが表示されません", "shift_jis"),
])
def test_legacy_8bit_header_without_any_charset_hint(text: str, charset: str):
    mail = parse_email(b"From: x@example.com\nSubject: " + text.encode(charset) + b"\n\nbody")
    assert mail.subject == text
    assert "raw 8-bit non-UTF-8 bytes in headers" in mail.defects


def test_undeclared_legacy_body_is_detected():
    text = "Здравствуйте! Не работает почта на нашем сайте, письма не уходят уже второй день."
    mail = parse_email(b"From: x@example.com\nSubject: x\nContent-Type: text/plain\n\n" + text.encode("koi8_r"))
    assert mail.text == text
