"""The command line: exit codes, formats, and one-line errors that name the file."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from factcheck import __version__
from factcheck.cli import app

from .conftest import ROOT, SEEDS

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"factcheck {__version__}"


def test_help_lists_the_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "extract" in result.output


def test_missing_path_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, ["extract", str(missing)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{missing}: no such file or folder"


def test_unreadable_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    if hasattr(__import__("os"), "geteuid") and __import__("os").geteuid() == 0:
        # root reads everything; a folder passed where a file is read stands in.
        target = tmp_path / "dir.txt"
        target.mkdir()
        (target / "inner.txt").write_text("5 firms", encoding="utf-8")
        result = runner.invoke(app, ["extract", str(target / "inner.txt"), str(tmp_path / "x.md")])
    else:
        target = tmp_path / "locked.txt"
        target.write_text("5 firms", encoding="utf-8")
        target.chmod(0)
        result = runner.invoke(app, ["extract", str(target)])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_bad_published_date_is_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(SEEDS), "--published", "2025-13-40"])
    assert result.exit_code == 2
    assert result.stderr.startswith("--published:")


def test_json_follows_the_published_schema() -> None:
    result = runner.invoke(app, ["extract", str(SEEDS), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    schema = json.loads((ROOT / "schemas" / "claims.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data["schema"] == "factcheck.claims/1"
    doc = next(d for d in data["documents"] if d["path"].endswith("004_c83623c98217df50.txt"))
    first = doc["claims"][0]
    assert {
        "id",
        "line",
        "column",
        "text",
        "sentence",
        "quantity",
        "subject",
        "metric",
        "period",
    } <= set(first)
    assert first["quantity"] == {
        **first["quantity"],
        "kind": "money",
        "unit": "CNY",
        "value": 7.14e13,
    }


def test_text_format_is_a_table() -> None:
    result = runner.invoke(app, ["extract", str(SEEDS / "004_c83623c98217df50.txt")])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split()[:4] == ["where", "figure", "value", "unit"]
    assert "004_c83623c98217df50.txt:17:24" in result.stdout
    assert result.stdout.rstrip().endswith("10 claims in 1 document")


def test_other_files_are_skipped_with_a_note(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Sales rose 5 percent.", encoding="utf-8")
    (tmp_path / "b.pdf").write_bytes(b"%PDF-1.4 5 percent")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02 binary 5 percent \x00")
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "json"])
    assert result.exit_code == 2  # c.txt was named like an article and could not be read
    assert "b.pdf: ignored: not an article file" in result.stderr
    assert "c.txt: skipped: binary file" in result.stderr
    paths = [Path(d["path"]).name for d in json.loads(result.stdout)["documents"]]
    assert paths == ["a.txt"]


def test_extract_never_writes_into_the_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in corpus.iterdir()}
    assert runner.invoke(app, ["extract", str(corpus), "--format", "json"]).exit_code == 0
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in corpus.iterdir()}
    assert after == before


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xff\xfe" + "Profit rose 5 percent to $2 billion.".encode("utf-16-le"),
        "Profit rose 5 percent to £2 billion.".encode("cp1252"),
        b"\xc3\x28 invalid utf-8 then 5 percent",
        b"x" * 2_000_000 + b" 7 percent",
    ],
    ids=["empty", "utf16-bom", "cp1252", "invalid-utf8", "long-line"],
)
def test_any_bytes_are_read(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    result = runner.invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output


def test_bytes_that_are_no_text_are_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(bytes(range(256)) * 10)
    result = runner.invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 2
    assert result.stderr == f"{path.as_posix()}: skipped: binary file\n"
    assert json.loads(result.stdout)["documents"] == []


def test_utf16_and_cp1252_figures_are_found(tmp_path: Path) -> None:
    (tmp_path / "u16.txt").write_bytes(
        b"\xff\xfe" + "Profit rose 5 percent to $2 billion.".encode("utf-16-le")
    )
    (tmp_path / "win.txt").write_bytes("Profit of £2 billion, up 5 percent.".encode("cp1252"))
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "json"])
    docs = {Path(d["path"]).name: d for d in json.loads(result.stdout)["documents"]}
    assert [c["text"] for c in docs["u16.txt"]["claims"]] == ["5 percent", "$2 billion"]
    assert [c["text"] for c in docs["win.txt"]["claims"]] == ["£2 billion", "5 percent"]


def test_published_override_and_dateline(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Headline about sales\nBy Staff\nMay 13, 2025\nSales rose 5 percent.", encoding="utf-8"
    )
    found = json.loads(runner.invoke(app, ["extract", str(tmp_path), "--format", "json"]).stdout)
    assert found["documents"][0]["published"] == "2025-05-13"
    forced = runner.invoke(
        app, ["extract", str(tmp_path), "--format", "json", "--published", "2024-01"]
    )
    assert json.loads(forced.stdout)["documents"][0]["published"] == "2024-01"


def test_python_dash_m_runs() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0 and proc.stdout.startswith("factcheck ")


def test_an_after_hours_move_takes_the_evening_its_earliest_report_is_dated(
    tmp_path: Path,
) -> None:
    # A paper dated the morning after reports the evening's extended trading; with a report
    # from that evening in the folder, both moves are that evening's.
    (tmp_path / "evening.md").write_text(
        "# Nvidia tops forecasts\n\nPublished: 2025-02-26\n\n"
        "Nvidia beat estimates, and its shares rose 1.5% in extended trading.\n",
        encoding="utf-8",
    )
    (tmp_path / "morning.md").write_text(
        "# Nvidia results lift chip stocks\n\nPublished: 2025-02-27\n\n"
        "Nvidia shares gained 1.5% in after-hours trading.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "json"])
    found = {
        Path(d["path"]).name: [(c["metric"], c["period"]) for c in d["claims"]]
        for d in json.loads(result.stdout)["documents"]
    }
    evening = {"start": "2025-02-26", "end": "2025-02-26"}
    assert found["evening.md"] == [("share price growth (extended trading)", evening)]
    assert found["morning.md"] == [("share price growth (extended trading)", evening)]


def test_the_json_report_is_written_in_pieces_as_one_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A large report is written a few hundred findings at a time; here three at a time, so
    # that the seeds' findings make several pieces, on stdout and in --output alike.
    from factcheck.check import check_documents
    from factcheck.extract import extract_paths
    from factcheck.report import findings

    monkeypatch.setattr(findings, "_A_BATCH", 3)
    report = check_documents(extract_paths([SEEDS]))
    assert len(report.findings) > 6
    assert len(list(findings.json_parts(report))) > 3
    whole = report.model_dump_json(by_alias=True, indent=2) + "\n"
    out = tmp_path / "report.json"
    args = ["check", str(SEEDS), "--format", "json", "--fail-on", "never"]
    printed = runner.invoke(app, args)
    written = runner.invoke(app, [*args, "--output", str(out)])
    assert printed.exit_code == written.exit_code == 0
    assert printed.stdout == out.read_text(encoding="utf-8") == whole
    none = report.model_copy(update={"findings": []})
    assert "".join(findings.json_parts(none)) == findings.to_json(none)
    assert json.loads(whole)["findings"] and json.loads(findings.to_json(none))["findings"] == []
    # Should the layout differ from the one the pieces are cut at, the report comes whole.
    monkeypatch.setattr(findings, "_FINDINGS_AT", '\n    "findings": [],')
    assert list(findings.json_parts(report)) == [whole.removesuffix("\n")]


def test_the_sarif_log_is_written_in_pieces_as_one_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from factcheck.check import check_documents
    from factcheck.extract import extract_paths
    from factcheck.report import sarif

    monkeypatch.setattr(sarif, "_A_BATCH", 3)
    report = check_documents(extract_paths([SEEDS]))
    pieces = list(sarif.sarif_parts(report))
    assert len(pieces) > 3
    printed = runner.invoke(app, ["check", str(SEEDS), "--format", "sarif", "--fail-on", "never"])
    assert printed.exit_code == 0
    assert printed.stdout == "".join(pieces) + "\n"
    # The same text as the log laid out whole, which it falls back to where it cannot cut.
    monkeypatch.setattr(sarif, "_RESULTS_AT", "no such text")
    (whole,) = sarif.sarif_parts(report)
    assert "".join(pieces) == whole
    assert len(json.loads(whole)["runs"][0]["results"]) == len(report.findings)
