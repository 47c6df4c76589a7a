"""Building real RFC 5322 mails for the intake tests (bytes, as an MTA hands them over)."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from datetime import datetime, timezone


def build_mail(*, sender: str = "Anna Rossi <anna@rossi-shop.it>", to: str = "support@triagedesk.example",
               subject: str = "Sito down", body: str = "Il sito non risponde, errore 502.\n",
               message_id: str | None = None, in_reply_to: str | None = None, references: list[str] | None = None,
               headers: dict[str, str] | None = None, attachments: list[tuple[str, str, bytes]] = (),
               html: str | None = None, date: datetime | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(date or datetime(2026, 11, 23, 10, 0, tzinfo=timezone.utc))
    msg["Message-ID"] = f"<{message_id}>" if message_id else make_msgid(domain="mail.example")
    if in_reply_to:
        msg["In-Reply-To"] = f"<{in_reply_to}>"
    if references:
        msg["References"] = " ".join(f"<{r}>" for r in references)
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(body)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    for filename, content_type, data in attachments:
        maintype, _, subtype = content_type.partition("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return msg.as_bytes()


def reply_to(received, *, sender: str, body: str, quote: str = "") -> bytes:
    """The customer presses Reply on a mail we sent (an email.message.EmailMessage from the SMTP sink)."""
    subject = received["Subject"]
    subject = subject if subject.lower().startswith("re:") else f"Re: {subject}"
    parent = received["Message-ID"].strip().strip("<>")
    refs = [r.strip("<>") for r in (received["References"] or "").split()] + [parent]
    quoted = "\n".join("> " + line for line in (quote or received.get_content()).splitlines())
    return build_mail(sender=sender, subject=subject, body=f"{body}\n\nOn Monday, Triagedesk wrote:\n{quoted}\n",
                      in_reply_to=parent, references=refs)
