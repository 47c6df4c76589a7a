"""Measure the classifier on labelled tickets, and classify tickets in bulk.

Pure helpers (`load_examples`, `evaluate`, `format_report`, `classify_lines`) and the
`main(argv)` behind the ``triagedesk triage`` command::

    triagedesk triage eval tests/data/triage/train.jsonl [--quiet]
    triagedesk triage classify < tickets.jsonl > codes.jsonl
    triagedesk triage train-model [--cv]

`eval` reads JSON lines with at least ``id``, ``subject``, ``body`` and ``code`` (and
optionally ``case``, ``lang``/``language``, ``hints``) and prints the confusion matrix
(rows = expected, columns = predicted, most urgent first), recall and precision per code,
the exact-code accuracy and the misclassified tickets with the classifier's reasons.

`classify` reads ``{"id", "subject", "body"}`` lines (optionally ``language`` and
``hints``) and writes ``{"id", "code", "case", "confidence", "reasons"}`` lines.  A line
that is not a JSON object gets ``{"id": null, "line": n, "error": "..."}``: one bad line
never stops the stream.

`train-model` retrains the statistical RED backstop from the labelled files and writes
``red_model.json``; with ``--cv`` it cross-validates instead (see `model.main`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .catalog_data import CATALOG_BY_SLUG
from .classify import Classification, Hints, classify
from .codes import Code, InvalidCode

__all__ = [
    "CASE_ALIASES",
    "Example",
    "Report",
    "classify_lines",
    "evaluate",
    "format_report",
    "load_examples",
    "main",
]

CODES: tuple[Code, ...] = tuple(sorted(Code, key=lambda code: code.severity))

#: Case names used by the labelled sets that differ from catalogue slugs.  Names that are
#: situations from the code definitions (e.g. "disk_almost_full") have no slug: the
#: classifier reports case None for them.
CASE_ALIASES: dict[str, str] = {
    "file_data_loss": "file_loss",
    "db_data_loss": "db_loss",
    "db_restore_live": "db_restore",
    "file_restore_live": "file_restore",
    "scale_up_traffic_peak": "scale_up_migration",
    "backup_restore_staging": "staging_restore",
    "clone_prod_to_staging": "staging_clone",
    "new_hosting_space": "hosting_activation",
    "new_dedicated_server": "dedicated_activation",
    "lost_mysql_password": "mysql_password",
    "lost_ftp_password": "ftp_password",
    "lost_email_password": "email_password",
    "lost_cms_password": "cms_password",
    "pagespeed_cwv": "pagespeed",
    "performance_optimisation": "performance_tuning",
    "server_downgrade": "instance_downgrade",
    "epp_auth_code": "epp_code",
    "judicial_report": "expert_report",
    "new_theme": "theme_development",
    "social_media_marketing": "social_media",
}


def expected_slug(case: str | None) -> str | None:
    """The catalogue slug a labelled case name stands for (None for situations)."""
    if not case:
        return None
    slug = CASE_ALIASES.get(case, case)
    return slug if slug in CATALOG_BY_SLUG else None


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Example:
    id: str
    subject: str
    body: str
    code: Code
    case: str | None = None
    language: str | None = None
    hints: Hints | None = None


def load_examples(path: str | Path) -> list[Example]:
    """Labelled tickets from a JSON-lines file; blank lines are skipped.

    Raises ValueError naming the line when a line is not a labelled ticket.
    """
    examples: list[Example] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                if not isinstance(data, dict):
                    raise ValueError("not a JSON object")
                examples.append(
                    Example(
                        id=str(data.get("id", f"line{number}")),
                        subject=str(data.get("subject") or ""),
                        body=str(data.get("body") or ""),
                        code=Code.parse(data["code"]),
                        case=data.get("case") or None,
                        language=data.get("language") or data.get("lang") or None,
                        hints=Hints.from_mapping(data.get("hints")),
                    )
                )
            except (ValueError, KeyError, TypeError, InvalidCode) as exc:
                raise ValueError(f"{path}:{number}: not a labelled ticket ({exc})") from exc
    return examples


# --------------------------------------------------------------------------- evaluation


@dataclass(frozen=True)
class Miss:
    id: str
    expected: Code
    expected_case: str | None
    predicted: Classification


@dataclass
class Report:
    total: int = 0
    correct: int = 0
    case_total: int = 0
    case_correct: int = 0
    confusion: dict[Code, dict[Code, int]] = field(
        default_factory=lambda: {e: {p: 0 for p in CODES} for e in CODES}
    )
    misses: list[Miss] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    @property
    def case_accuracy(self) -> float:
        return self.case_correct / self.case_total if self.case_total else 0.0

    def support(self, code: Code) -> int:
        return sum(self.confusion[code].values())

    def predicted(self, code: Code) -> int:
        return sum(self.confusion[expected][code] for expected in CODES)

    def recall(self, code: Code) -> float:
        support = self.support(code)
        return self.confusion[code][code] / support if support else 0.0

    def precision(self, code: Code) -> float:
        predicted = self.predicted(code)
        return self.confusion[code][code] / predicted if predicted else 0.0


def evaluate(
    examples: Iterable[Example],
    classifier: Callable[..., Classification] = classify,
) -> Report:
    """Run `classifier` over labelled examples and count hits and misses."""
    report = Report()
    for example in examples:
        result = classifier(example.subject, example.body, language=example.language, hints=example.hints)
        report.total += 1
        report.confusion[example.code][result.code] += 1
        if result.code is example.code:
            report.correct += 1
        else:
            report.misses.append(Miss(example.id, example.code, example.case, result))
        if example.case is not None:
            report.case_total += 1
            if result.code is example.code and result.case == expected_slug(example.case):
                report.case_correct += 1
    return report


def format_report(report: Report, quiet: bool = False) -> str:
    """The confusion matrix and the figures; unless `quiet`, the misclassified tickets."""
    width = max(len(code.value) for code in CODES) + 2
    lines = [
        f"tickets: {report.total}",
        "",
        "confusion matrix (rows = expected, columns = predicted)",
        "expected".ljust(10) + "".join(code.value.rjust(width) for code in CODES) + "total".rjust(width),
    ]
    for expected in CODES:
        row = report.confusion[expected]
        lines.append(
            expected.value.ljust(10)
            + "".join(str(row[predicted]).rjust(width) for predicted in CODES)
            + str(report.support(expected)).rjust(width)
        )
    lines.append("")
    lines.append("code".ljust(10) + "recall".rjust(10) + "precision".rjust(11) + "support".rjust(9))
    for code in CODES:
        lines.append(
            code.value.ljust(10)
            + f"{report.recall(code):10.3f}"
            + f"{report.precision(code):11.3f}"
            + f"{report.support(code):9d}"
        )
    lines.append("")
    lines.append(f"exact-code accuracy: {report.accuracy:.3f} ({report.correct}/{report.total})")
    if report.case_total:
        lines.append(
            f"case accuracy (code and catalogue case right): {report.case_accuracy:.3f} "
            f"({report.case_correct}/{report.case_total})"
        )
    if not quiet:
        lines.append("")
        lines.append(f"misclassified: {len(report.misses)}")
        for miss in report.misses:
            got = miss.predicted
            lines.append(
                f"- {miss.id}: expected {miss.expected.value}"
                + (f" ({miss.expected_case})" if miss.expected_case else "")
                + f", got {got.code.value}"
                + (f" ({got.case})" if got.case else "")
                + f" confidence {got.confidence:.2f}"
            )
            for reason in got.reasons:
                lines.append(f"    {reason}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- bulk classify


def classify_lines(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """One output object per non-blank input line; bad lines give an "error" object."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield {"id": None, "line": number, "error": f"invalid JSON: {exc}"}
            continue
        if not isinstance(data, dict):
            yield {"id": None, "line": number, "error": f"expected a JSON object, got {type(data).__name__}"}
            continue
        hints = data.get("hints")
        if hints is not None and not isinstance(hints, dict):
            hints = None
        result = classify(
            _text(data.get("subject")),
            _text(data.get("body")),
            language=data.get("language") if isinstance(data.get("language"), str) else None,
            hints=Hints.from_mapping(hints),
        )
        yield {
            "id": data.get("id"),
            "code": result.code.value,
            "case": result.case,
            "confidence": result.confidence,
            "reasons": list(result.reasons),
        }


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else str(value)


# --------------------------------------------------------------------------- command line


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="triagedesk triage", description="Triage classifier tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    evaluation = commands.add_parser("eval", help="measure the classifier on a labelled JSON-lines file")
    evaluation.add_argument("file", help="labelled tickets, one JSON object per line")
    evaluation.add_argument("--quiet", action="store_true", help="only the figures, not the misclassified tickets")
    commands.add_parser("classify", help="classify JSON lines from stdin to stdout")
    training = commands.add_parser(
        "train-model", add_help=False,
        help="retrain the statistical RED backstop (red_model.json); --cv cross-validates, --help for more",
    )
    training.add_argument("options", nargs=argparse.REMAINDER)
    return parser


def main(argv: list[str], stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """Run a sub-command; returns the exit status (0 ok, 1 bad input file, 2 usage)."""
    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    if argv[:1] == ["train-model"]:
        from .model import main as train_model

        return train_model(argv[1:], stdout=stdout)
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.command == "eval":
        try:
            examples = load_examples(args.file)
        except OSError as exc:
            print(f"cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        except ValueError as exc:
            print(str(exc), file=sys.stderr)
            return 1
        print(format_report(evaluate(examples), quiet=args.quiet), file=stdout)
        return 0
    for output in classify_lines(stdin):
        stdout.write(json.dumps(output, ensure_ascii=False) + "\n")
        stdout.flush()
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main(sys.argv[1:]))
