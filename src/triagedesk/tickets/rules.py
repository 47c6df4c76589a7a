"""The ticket state machine, as a pure module.

``next_state(state, action)`` answers what a ticket becomes when an action is
applied, or raises ``TransitionError`` with a message an agent can read.
"""

from __future__ import annotations

from enum import StrEnum


class State(StrEnum):
    NEW = "new"
    TRIAGED = "triaged"
    SCHEDULED = "scheduled"          # GREEN/WHITE before their not-before time
    IN_PROGRESS = "in_progress"      # taken in charge
    WAITING_CUSTOMER = "waiting_customer"
    WAITING_QUOTE = "waiting_quote"  # surcharge or priced work, waiting for acceptance
    REOPENED = "reopened"
    RESOLVED = "resolved"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ")


class Action(StrEnum):
    TRIAGE = "triage"
    SCHEDULE = "schedule"
    TAKE = "take"
    WAIT_CUSTOMER = "wait_customer"
    CUSTOMER_REPLIED = "customer_replied"
    REQUEST_QUOTE = "request_quote"
    QUOTE_ACCEPTED = "quote_accepted"
    RESOLVE = "resolve"
    CLOSE = "close"
    REOPEN = "reopen"


RESOLUTION_TYPES = ("answer", "guideline", "service", "workaround", "hotfix", "other")

OPEN_STATES = frozenset({State.NEW, State.TRIAGED, State.SCHEDULED, State.IN_PROGRESS,
                         State.WAITING_CUSTOMER, State.WAITING_QUOTE, State.REOPENED})
# States in which nobody has taken the ticket in charge yet: the take-in-charge clock runs.
AWAITING_STATES = frozenset({State.NEW, State.TRIAGED, State.SCHEDULED, State.REOPENED})
PAUSED_STATES = frozenset({State.WAITING_CUSTOMER, State.WAITING_QUOTE})

_S = State
TRANSITIONS: dict[Action, dict[State, State]] = {
    Action.TRIAGE: {_S.NEW: _S.TRIAGED, _S.SCHEDULED: _S.TRIAGED},
    Action.SCHEDULE: {_S.NEW: _S.SCHEDULED, _S.TRIAGED: _S.SCHEDULED},
    Action.TAKE: {_S.NEW: _S.IN_PROGRESS, _S.TRIAGED: _S.IN_PROGRESS, _S.SCHEDULED: _S.IN_PROGRESS,
                  _S.REOPENED: _S.IN_PROGRESS},
    Action.WAIT_CUSTOMER: {_S.IN_PROGRESS: _S.WAITING_CUSTOMER, _S.TRIAGED: _S.WAITING_CUSTOMER,
                           _S.NEW: _S.WAITING_CUSTOMER, _S.REOPENED: _S.WAITING_CUSTOMER},
    Action.CUSTOMER_REPLIED: {_S.WAITING_CUSTOMER: _S.IN_PROGRESS},
    Action.REQUEST_QUOTE: {_S.IN_PROGRESS: _S.WAITING_QUOTE, _S.TRIAGED: _S.WAITING_QUOTE,
                           _S.NEW: _S.WAITING_QUOTE, _S.SCHEDULED: _S.WAITING_QUOTE},
    Action.QUOTE_ACCEPTED: {_S.WAITING_QUOTE: _S.IN_PROGRESS},
    Action.RESOLVE: {s: _S.RESOLVED for s in OPEN_STATES},
    Action.CLOSE: {_S.RESOLVED: _S.CLOSED},
    Action.REOPEN: {_S.RESOLVED: _S.REOPENED, _S.CLOSED: _S.REOPENED},
}


class TransitionError(ValueError):
    pass


def next_state(state: State | str, action: Action | str) -> State:
    try:
        state, action = State(state), Action(action)
    except ValueError as exc:
        raise TransitionError(str(exc)) from None
    target = TRANSITIONS[action].get(state)
    if target is None:
        allowed = ", ".join(sorted(s.label for s in TRANSITIONS[action])) or "no state"
        raise TransitionError(f"cannot {action.value.replace('_', ' ')} a ticket that is {state.label} "
                              f"(allowed from: {allowed})")
    return target


def allowed_actions(state: State | str) -> list[Action]:
    state = State(state)
    return [a for a, table in TRANSITIONS.items() if state in table]


def validate_resolution(resolution_type: str) -> str:
    if resolution_type not in RESOLUTION_TYPES:
        raise TransitionError(f"unknown resolution type {resolution_type!r}; use one of {', '.join(RESOLUTION_TYPES)}")
    return resolution_type
