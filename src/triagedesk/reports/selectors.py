"""Read-only figures for supervisors and team leads, always scoped by `tickets_visible_to`.

Triage quality: how often the code first proposed (by the classifier, which already
weighs the case type the customer picked and the portal's guided answers) differed from
the code the ticket has now, after agents re-triaged it.  Over-triage (proposed more
urgent than final) costs the on-call team sleep; under-triage (proposed less urgent)
leaves a customer waiting while their business is down, so it is the figure to watch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count

from triagedesk.tickets.selectors import tickets_visible_to
from triagedesk.triage.codes import Code, triage_outcome

#: The codes in urgency order, as stored on tickets.
CODES = tuple(code.value for code in sorted(Code, key=lambda code: code.severity))


@dataclass
class TriageQuality:
    since: datetime
    until: datetime
    #: matrix[proposed][final] -> tickets
    matrix: dict[str, dict[str, int]] = field(default_factory=lambda: {p: dict.fromkeys(CODES, 0) for p in CODES})
    #: tickets opened without a proposal (older data, or an agent set the code at intake)
    unproposed: int = 0

    @property
    def total(self) -> int:
        return sum(sum(row.values()) for row in self.matrix.values())

    def _count(self, outcome: str) -> int:
        return sum(n for p, row in self.matrix.items() for f, n in row.items() if triage_outcome(p, f) == outcome)

    @property
    def agreed(self) -> int:
        return self._count("agreed")

    @property
    def over(self) -> int:
        """Proposed more urgent than the final code."""
        return self._count("over")

    @property
    def under(self) -> int:
        """Proposed less urgent than the final code: the dangerous mistake."""
        return self._count("under")

    def rate(self, count: int) -> float | None:
        return count / self.total if self.total else None

    def recall(self, code: str) -> float | None:
        """Of the tickets that ended as `code`, the share first proposed as `code`."""
        ended = sum(self.matrix[p][code] for p in CODES)
        return self.matrix[code][code] / ended if ended else None

    def rows(self) -> list[tuple[str, list[tuple[str, int]], int]]:
        """(proposed, [(final, tickets), ...], row total) in code order."""
        return [(p, [(f, self.matrix[p][f]) for f in CODES], sum(self.matrix[p].values())) for p in CODES]

    def column_totals(self) -> list[int]:
        return [sum(self.matrix[p][f] for p in CODES) for f in CODES]


def triage_quality(*, user, since: datetime, until: datetime) -> TriageQuality:
    """Proposed versus final code of the tickets opened in [since, until] that `user` may see."""
    report = TriageQuality(since=since, until=until)
    counts = (
        tickets_visible_to(user)
        .filter(opened_at__gte=since, opened_at__lte=until)
        .order_by()
        .values_list("proposed_code", "code")
        .annotate(n=Count("id"))
    )
    for proposed, final, n in counts:
        if proposed in report.matrix and final in CODES:
            report.matrix[proposed][final] += n
        else:
            report.unproposed += n
    return report
