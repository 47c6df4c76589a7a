from .ticket import Ticket, TicketPause, TicketSequence, SlaEvent
from .message import Attachment, Message

__all__ = ["Ticket", "TicketPause", "TicketSequence", "SlaEvent", "Message", "Attachment"]
