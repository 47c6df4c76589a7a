"""All writes of the mail intake: receiving a mail, reprocessing one, the IMAP mailboxes' bookmarks."""

from .mailboxes import mailbox_bookmark, mailbox_claim, mailbox_create, mailbox_release
from .receive import ACTIONS, DATABASE_DOWN, IntakeResult, email_receive, raw_email_reprocess

__all__ = ["ACTIONS", "DATABASE_DOWN", "IntakeResult", "email_receive", "raw_email_reprocess", "mailbox_bookmark",
           "mailbox_claim", "mailbox_create", "mailbox_release"]
