"""The pure state machine, table-driven."""

import pytest

from triagedesk.tickets.rules import (
    AWAITING_STATES, OPEN_STATES, Action, State, TransitionError, allowed_actions, next_state, validate_resolution,
)

S, A = State, Action


@pytest.mark.parametrize("state, action, expected", [
    (S.NEW, A.TRIAGE, S.TRIAGED),
    (S.TRIAGED, A.SCHEDULE, S.SCHEDULED),
    (S.TRIAGED, A.TAKE, S.IN_PROGRESS),
    (S.SCHEDULED, A.TAKE, S.IN_PROGRESS),
    (S.REOPENED, A.TAKE, S.IN_PROGRESS),
    (S.IN_PROGRESS, A.WAIT_CUSTOMER, S.WAITING_CUSTOMER),
    (S.TRIAGED, A.WAIT_CUSTOMER, S.WAITING_CUSTOMER),
    (S.WAITING_CUSTOMER, A.CUSTOMER_REPLIED, S.IN_PROGRESS),
    (S.IN_PROGRESS, A.REQUEST_QUOTE, S.WAITING_QUOTE),
    (S.WAITING_QUOTE, A.QUOTE_ACCEPTED, S.IN_PROGRESS),
    (S.IN_PROGRESS, A.RESOLVE, S.RESOLVED),
    (S.WAITING_CUSTOMER, A.RESOLVE, S.RESOLVED),
    (S.TRIAGED, A.RESOLVE, S.RESOLVED),
    (S.RESOLVED, A.CLOSE, S.CLOSED),
    (S.RESOLVED, A.REOPEN, S.REOPENED),
    (S.CLOSED, A.REOPEN, S.REOPENED),
])
def test_allowed_transitions(state, action, expected):
    assert next_state(state, action) is expected


@pytest.mark.parametrize("state, action", [
    (S.TRIAGED, A.CLOSE),
    (S.IN_PROGRESS, A.TAKE),
    (S.CLOSED, A.RESOLVE),
    (S.RESOLVED, A.RESOLVE),
    (S.IN_PROGRESS, A.REOPEN),
    (S.WAITING_QUOTE, A.CUSTOMER_REPLIED),
    (S.NEW, A.QUOTE_ACCEPTED),
    (S.CLOSED, A.TAKE),
])
def test_refused_transitions_explain_themselves(state, action):
    with pytest.raises(TransitionError, match=f"cannot {action.value.replace('_', ' ')} a ticket that is"):
        next_state(state, action)


def test_unknown_state_or_action_is_a_transition_error():
    with pytest.raises(TransitionError):
        next_state("limbo", "take")
    with pytest.raises(TransitionError):
        next_state("new", "teleport")


def test_allowed_actions_from_in_progress():
    assert set(allowed_actions("in_progress")) == {A.WAIT_CUSTOMER, A.REQUEST_QUOTE, A.RESOLVE}


def test_state_groups():
    assert S.RESOLVED not in OPEN_STATES and S.CLOSED not in OPEN_STATES
    assert AWAITING_STATES < OPEN_STATES and S.IN_PROGRESS not in AWAITING_STATES


@pytest.mark.parametrize("kind", ["answer", "guideline", "service", "workaround", "hotfix", "other"])
def test_every_resolution_type_of_the_seeds_is_accepted(kind):
    assert validate_resolution(kind) == kind


def test_unknown_resolution_type_is_refused():
    with pytest.raises(TransitionError, match="unknown resolution type"):
        validate_resolution("magic")
