"""The evaluation helpers, the `triagedesk triage` sub-commands, and the accuracy targets
measured on the labelled sets (tests/data/triage)."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

# The shared conftest reads Django settings even under `-p no:django`; these tests need
# no Django, but must not break the collection hook.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "triagedesk.settings")

from triagedesk.triage.classify import Classification  # noqa: E402
from triagedesk.triage.codes import Code  # noqa: E402
from triagedesk.triage.evaluate import (  # noqa: E402
    Example,
    classify_lines,
    evaluate,
    expected_slug,
    format_report,
    load_examples,
    main,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "triage"
TRAIN = DATA / "train.jsonl"
HELDOUT = DATA / "heldout.jsonl"


@pytest.fixture(autouse=True)
def _isolated_media():
    """Pure tests: replace the shared autouse fixture that needs pytest-django."""
    yield


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


LABELLED = [
    {"id": "a1", "lang": "it", "subject": "sito giù", "body": "il sito è down", "code": "red", "case": "site_down"},
    {"id": "a2", "lang": "en", "subject": "subdomain", "body": "please create blog.example.com", "code": "green", "case": "subdomain"},
    {"id": "a3", "lang": "en", "subject": "logo", "body": "can you design our logo?", "code": "white", "case": "graphics"},
    {"id": "a4", "lang": "en", "subject": "hmm", "body": "the weather is nice", "code": "red", "case": "vague_urgent"},
]


# ------------------------------------------------------------------ helpers

def test_load_examples_reads_labels(tmp_path):
    examples = load_examples(_write(tmp_path / "set.jsonl", LABELLED))
    assert [e.id for e in examples] == ["a1", "a2", "a3", "a4"]
    assert examples[0].code is Code.RED and examples[0].language == "it"


def test_load_examples_names_the_bad_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(LABELLED[0]) + "\n\n{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:3"):
        load_examples(path)


def test_evaluate_counts_confusion_recall_precision():
    def always_red(subject, body, language=None, hints=None):
        return Classification(Code.RED, "site_down", 0.9, ("fake",), "en")

    examples = [Example("x", "", "", Code.RED, "site_down"), Example("y", "", "", Code.GREEN)]
    report = evaluate(examples, classifier=always_red)
    assert report.confusion[Code.RED][Code.RED] == 1
    assert report.confusion[Code.GREEN][Code.RED] == 1
    assert report.accuracy == 0.5
    assert report.recall(Code.RED) == 1.0 and report.precision(Code.RED) == 0.5
    assert report.recall(Code.GREEN) == 0.0 and report.precision(Code.GREEN) == 0.0
    assert [miss.id for miss in report.misses] == ["y"]


def test_labelled_case_names_map_to_catalogue_slugs():
    assert expected_slug("db_restore_live") == "db_restore"
    assert expected_slug("judicial_report") == "expert_report"
    assert expected_slug("site_down") == "site_down"
    assert expected_slug("disk_almost_full") is None
    assert expected_slug(None) is None


def test_format_report_shows_matrix_in_severity_order(tmp_path):
    report = evaluate(load_examples(_write(tmp_path / "set.jsonl", LABELLED)))
    text = format_report(report)
    header = next(line for line in text.splitlines() if line.startswith("expected"))
    assert header.split() == ["expected", "red", "yellow", "green", "white", "total"]
    assert "rows = expected, columns = predicted" in text
    assert "exact-code accuracy:" in text and "recall" in text and "precision" in text
    assert "- a4: expected red (vague_urgent)" in text  # the miss, with its reasons
    quiet = format_report(report, quiet=True)
    assert "misclassified" not in quiet and "exact-code accuracy" in quiet


# ------------------------------------------------------------------ command line

def test_eval_command_prints_the_matrix(tmp_path):
    out = io.StringIO()
    status = main(["eval", str(_write(tmp_path / "set.jsonl", LABELLED))], stdout=out)
    text = out.getvalue()
    assert status == 0
    assert "confusion matrix" in text and "misclassified: 1" in text
    matrix = [line.split() for line in text.splitlines() if line.split()[:1] in (["red"], ["yellow"], ["green"], ["white"])][:4]
    assert matrix[0] == ["red", "1", "0", "0", "1", "2"]  # a4 ("the weather is nice") predicted white
    assert matrix[2] == ["green", "0", "0", "1", "0", "1"]


def test_eval_command_quiet(tmp_path):
    out = io.StringIO()
    assert main(["eval", "--quiet", str(_write(tmp_path / "set.jsonl", LABELLED))], stdout=out) == 0
    assert "misclassified" not in out.getvalue()
    assert "exact-code accuracy: 0.750 (3/4)" in out.getvalue()


def test_eval_command_reports_missing_and_bad_files(tmp_path, capsys):
    assert main(["eval", str(tmp_path / "nope.jsonl")], stdout=io.StringIO()) == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text("[1, 2]\n", encoding="utf-8")
    assert main(["eval", str(bad)], stdout=io.StringIO()) == 1
    assert "bad.jsonl:1" in capsys.readouterr().err


def test_usage_errors_return_2(capsys):
    assert main([]) == 2
    assert main(["frobnicate"]) == 2


def test_classify_command_round_trips_json_lines():
    lines = [
        {"id": "t1", "subject": "sito giù", "body": "il sito non si apre"},
        {"id": 7, "subject": "logo", "body": "ci fate un logo?", "language": "it"},
        {"id": "t3", "subject": "", "body": "vorrei un logo", "hints": {"site_online": False}},
    ]
    stdin = io.StringIO("".join(json.dumps(line) + "\n" for line in lines))
    out = io.StringIO()
    assert main(["classify"], stdin=stdin, stdout=out) == 0
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in results] == ["t1", 7, "t3"]
    assert [r["code"] for r in results] == ["red", "white", "red"]
    assert set(results[0]) == {"id", "code", "case", "confidence", "reasons"}
    assert results[0]["case"] == "site_down" and results[0]["reasons"]
    assert 0 <= results[1]["confidence"] <= 1


def test_classify_command_reports_bad_lines_and_goes_on():
    stdin = io.StringIO('{"id": "ok1", "subject": "sito down", "body": ""}\n{broken json\n\n[1, 2, 3]\n"text"\n{"id": "ok2", "body": null, "subject": 5}\n')
    out = io.StringIO()
    assert main(["classify"], stdin=stdin, stdout=out) == 0
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(results) == 5  # the blank line is skipped
    assert results[0]["id"] == "ok1" and "error" not in results[0]
    assert results[1] == {"id": None, "line": 2, "error": results[1]["error"]}
    assert results[1]["error"].startswith("invalid JSON")
    assert "expected a JSON object" in results[2]["error"] and results[2]["line"] == 4
    assert "error" in results[3]
    assert results[4]["id"] == "ok2" and "code" in results[4]


def test_classify_lines_never_raises_on_odd_values():
    weird = [json.dumps({"id": "w", "subject": {"a": 1}, "body": ["x", None], "hints": "nope", "language": 3})]
    (result,) = list(classify_lines(weird))
    assert result["id"] == "w" and result["code"] in {"red", "yellow", "green", "white"}


# ------------------------------------------------------------------ targets on the labelled sets

def _figures(path: Path) -> tuple[float, float, float, str]:
    """Plain numbers (and the figures-only report), so a failure never prints tickets."""
    report = evaluate(load_examples(path))
    assert report.total > 100
    return report.recall(Code.RED), report.precision(Code.RED), report.accuracy, format_report(report, quiet=True)


def test_targets_on_train():
    red_recall, _, accuracy, figures = _figures(TRAIN)
    assert red_recall >= 0.97, figures
    assert accuracy >= 0.85, figures


@pytest.mark.parametrize("name", ["dev.jsonl", "dev2.jsonl", "dev3.jsonl", "dev4.jsonl", "dev5.jsonl", "dev6.jsonl", "dev7.jsonl", "dev8.jsonl", "dev9.jsonl", "dev10.jsonl", "dev11.jsonl"])
def test_targets_on_the_development_splits(name):
    """The splits the word lists were tuned on (after their first, blind, measurement)."""
    red_recall, red_precision, accuracy, figures = _figures(DATA / name)
    assert red_recall >= 0.94, figures
    assert red_precision >= 0.80, figures
    assert accuracy >= 0.84, figures


#: The issue's targets on the held-out split (measured: RED recall 1.000, precision 0.966,
#: accuracy 0.947 with the statistical backstop; see tests/data/triage/README.md).
HELDOUT_RED_RECALL_FLOOR = 0.97


def test_heldout_figures():
    red_recall, red_precision, accuracy, figures = _figures(HELDOUT)
    assert red_recall >= HELDOUT_RED_RECALL_FLOOR, figures
    assert red_precision >= 0.80, figures
    assert accuracy >= 0.85, figures
