"""`factcheck check`: golden reports for the seeds, exit codes, configuration."""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from factcheck import check, claimsfile, extract_text
from factcheck.check import check_documents
from factcheck.cli import app
from factcheck.config import Settings
from factcheck.extract import extract_paths

from .conftest import ROOT, SEEDS, UPDATE

runner = CliRunner()
GOLDEN = Path(__file__).parent / "golden" / "seeds"


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, (
        f"{path} is stale: FACTCHECK_UPDATE_GOLDEN=1 rewrites it"
    )


def test_seeds_json_report_is_golden_and_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["check", "seeds", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data["summary"]["documents"] == 5
    _golden("report.json", result.stdout)


def test_seeds_terminal_report_is_golden(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["check", "seeds", "--no-color"])
    assert result.exit_code == 0
    assert "scope-mismatch" in result.stdout
    _golden("report.txt", result.stdout)


def test_design_example_is_a_scope_mismatch_not_a_conflict() -> None:
    docs = [
        extract_text((SEEDS / n).read_text(encoding="utf-8"), path=n)
        for n in ("000_4edcbf6b8f8cb3e9.txt", "004_c83623c98217df50.txt")
    ]
    report = check_documents(docs)
    rules = {(f.rule, frozenset(c.text for c in f.claims)) for f in report.findings}
    assert ("scope-mismatch", frozenset({"71.4 trillion yuan", "under ¥70 trillion"})) in rules
    assert not any(f.rule == "value-conflict" for f in report.findings)
    message = next(
        f.message
        for f in report.findings
        if {c.text for c in f.claims} == {"71.4 trillion yuan", "under ¥70 trillion"}
    )
    assert "central SOEs" in message and "2012" in message and "2020" in message


CONFLICT = (
    "China's SOEs earned total profits of 4.5 trillion yuan in 2023, the ministry said.",
    "Total profits of China's SOEs reached 4.63 trillion yuan in 2023.",
)


def _write_pair(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text(CONFLICT[0], encoding="utf-8")
    (folder / "b.txt").write_text(CONFLICT[1], encoding="utf-8")


def test_a_conflict_fails_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write_pair(tmp_path / "news")
    result = runner.invoke(app, ["check", "news", "--format", "json"])
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert [f["rule"] for f in findings] == ["value-conflict"]
    assert {c["text"] for c in findings[0]["claims"]} == {"4.5 trillion yuan", "4.63 trillion yuan"}
    assert runner.invoke(app, ["check", "news", "--fail-on", "never"]).exit_code == 0


def test_configuration_regrades_and_switches_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _write_pair(tmp_path / "news")
    (tmp_path / "factcheck.toml").write_text(
        '[rules.value-conflict]\nseverity = "info"\n', encoding="utf-8"
    )
    assert runner.invoke(app, ["check", "news"]).exit_code == 0
    assert runner.invoke(app, ["check", "news", "--fail-on", "info"]).exit_code == 1
    (tmp_path / "factcheck.toml").write_text(
        '[rules.value-conflict]\nseverity = "off"\n', encoding="utf-8"
    )
    result = runner.invoke(app, ["check", "news", "--format", "json", "--fail-on", "info"])
    assert result.exit_code == 0 and json.loads(result.stdout)["findings"] == []


def test_pyproject_table_sets_fail_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _write_pair(tmp_path / "news")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcheck]\nfail-on = "never"\n', encoding="utf-8"
    )
    assert runner.invoke(app, ["check", "news"]).exit_code == 0


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ('fail_on = "error"\n', "factcheck.toml: fail_on: Extra inputs are not permitted"),
        ('fail-on = "sometimes"\n', "factcheck.toml: fail-on: Input should be"),
        (
            '[rules.no-such-rule]\nseverity = "off"\n',
            "factcheck.toml: rules.no-such-rule: no such rule",
        ),
        (
            "[rules.scope-mismatch]\nclose_yers = 2\n",
            "factcheck.toml: rules.scope-mismatch.close_yers: Extra inputs",
        ),
        (
            '[rules.scope-mismatch]\nseverity = "loud"\n',
            "factcheck.toml: rules.scope-mismatch.severity",
        ),
    ],
)
def test_a_bad_configuration_names_the_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    _write_pair(tmp_path / "news")
    (tmp_path / "factcheck.toml").write_text(config, encoding="utf-8")
    result = runner.invoke(app, ["check", "news"])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith(message), result.stderr


def test_rule_options_come_from_the_configuration() -> None:
    docs = [
        extract_text(
            "Central SOEs held total assets of ¥80 trillion in 2024.", path="a", published="2025"
        ),
        extract_text(
            "China's SOEs held total assets of 400 trillion yuan in 2022.",
            path="b",
            published="2025",
        ),
    ]
    assert [f.rule for f in check_documents(docs).findings] == ["scope-mismatch"]
    strict = Settings.model_validate({"rules": {"scope-mismatch": {"options": {"close_years": 1}}}})
    assert check_documents(docs, strict).findings == []


def test_rules_command_explains_each_rule() -> None:
    listing = runner.invoke(app, ["rules"])
    assert listing.exit_code == 0
    for name in (
        "value-conflict",
        "scope-mismatch",
        "period-mismatch",
        "conversion-mismatch",
        "arithmetic-mismatch",
        "corroborated",
    ):
        assert name in listing.stdout
        text = runner.invoke(app, ["rules", name]).stdout
        assert "## What it flags" in text and "## Example" in text
    assert runner.invoke(app, ["rules", "nope"]).exit_code == 2


def test_against_reports_only_findings_that_involve_the_draft(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(ROOT)
    draft = "seeds/000_4edcbf6b8f8cb3e9.txt"
    corpus = [
        str(p.relative_to(ROOT)) for p in sorted(SEEDS.glob("*.txt")) if p.name != Path(draft).name
    ]
    args = ["check", draft, "--format", "json", "--cache", str(tmp_path / "store")]
    for c in corpus:
        args += ["--against", c]
    data = json.loads(runner.invoke(app, args).stdout)
    assert data["findings"]
    assert all(any(c["path"] == draft for c in f["claims"]) for f in data["findings"])


@pytest.mark.parametrize(
    ("yen_text", "conflict"),
    [
        ("Toyota's net profit for 2023 was 4.94 trillion yen.", False),  # about $35 billion in 2023
        (
            "Toyota's net profit for 2023 was 9.5 trillion yen.",
            True,
        ),  # no 2023-2024 rate makes that $35bn
    ],
)
def test_amounts_in_two_currencies_compare_through_reference_rates(
    yen_text: str, conflict: bool
) -> None:
    docs = [
        extract_text(yen_text, path="a", published="2024-05-10"),
        extract_text(
            "Toyota's net profit for 2023 was $35 billion.", path="b", published="2024-05-10"
        ),
    ]
    found = [f for f in check_documents(docs).findings if f.rule == "value-conflict"]
    assert bool(found) is conflict
    if conflict:
        assert {c.text for c in found[0].claims} == {"9.5 trillion yen", "$35 billion"}
        assert "JPY per USD" in found[0].message


def test_a_stated_conversion_is_not_compared_with_its_own_amount() -> None:
    docs = [
        extract_text(
            "Sales reached ¥90 trillion ($2 trillion) in 2025.", path="a", published="2025-12"
        )
    ]
    assert not [f for f in check_documents(docs).findings if f.rule == "value-conflict"]


@pytest.mark.parametrize(
    ("fmt", "name"),
    [("sarif", "report.sarif"), ("github", "report.github.txt"), ("junit", "report.junit.xml")],
)
def test_ci_formats_are_golden(monkeypatch: pytest.MonkeyPatch, fmt: str, name: str) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["check", "seeds", "--format", fmt])
    assert result.exit_code == 0, result.output
    _golden(name, result.stdout)


@pytest.mark.parametrize(
    ("fmt", "module", "name"),
    [
        ("text", "findings", "report.txt"),
        ("json", "findings", "report.json"),
        ("sarif", "sarif", "report.sarif"),
        ("github", "github", "report.github.txt"),
        ("junit", "junit", "report.junit.xml"),
        ("html", "html", "report.html"),
    ],
)
def test_every_format_written_a_finding_at_a_time_is_the_golden_report(
    monkeypatch: pytest.MonkeyPatch, fmt: str, module: str, name: str
) -> None:
    # Reports are written a few hundred findings at a time, so that a large one is never held
    # whole; cut after every finding, the seeds' report is still the very same text.
    import importlib

    monkeypatch.setattr(importlib.import_module(f"factcheck.report.{module}"), "_A_BATCH", 1)
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["check", "seeds", "--format", fmt, "--no-color"])
    assert result.exit_code == 0, result.output
    _golden(name, result.stdout)


def test_a_report_without_findings_in_every_format(tmp_path: Path) -> None:
    article = tmp_path / "budget.md"
    article.write_text("The council set aside £4.2 million for libraries in 2024.\n", "utf-8")
    args = ["check", str(article), "--no-color", "--format"]
    out = {fmt: runner.invoke(app, [*args, fmt]) for fmt in ("text", "github", "junit", "html")}
    assert all(r.exit_code == 0 for r in out.values())
    assert out["text"].stdout == "1 documents, 1 claims: 0 errors, 0 warnings, 0 info\n"
    assert out["github"].stdout == ""
    assert out["junit"].stdout == (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<testsuites name="factcheck" tests="0" failures="0" />\n'
    )
    page = out["html"].stdout
    assert "<h2>Findings</h2>\n</section>" in page and page.count("<details") == 1


def test_the_terminal_report_keeps_an_articles_control_characters_off_the_terminal() -> None:
    # Words quoted from an article are printed as they are, but a line break stays out of a
    # report's line and an escape sequence (here: clear the screen) never reaches the terminal.
    from factcheck.report.findings import to_text

    report = check_documents(extract_paths([SEEDS]))
    first = report.findings[0]
    odd = first.claims[0].model_copy(update={"text": "under ¥70\ntrillion\x1b[2J", "metric": "a:b"})
    report.findings[0] = first.model_copy(update={"claims": [odd, *first.claims[1:]]})
    for colour in (False, True):
        text = to_text(report, colour=colour)
        line = next(s for s in text.splitlines() if s.startswith("      ") and "¥70" in s)
        assert "under ¥70 trillion[2J" in line and "; a:b; " in line
        assert "\x1b[2J" not in text
        assert ("\x1b[" in text) is colour


def test_the_junit_report_parses_whatever_an_article_holds() -> None:
    # A form feed from a PDF's text, or any control code, in a quoted figure: XML 1.0 cannot
    # hold it even escaped, so it is replaced, and the report still parses.
    import xml.etree.ElementTree as ET

    from factcheck.report.junit import to_junit

    report = check_documents(extract_paths([SEEDS]))
    first = report.findings[0]
    odd = first.claims[0].model_copy(update={"text": "under ¥70\x0ctrillion\x01"})
    report.findings[0] = first.model_copy(
        update={"claims": [odd, *first.claims[1:]], "message": "page\x0cbreak"}
    )
    suites = ET.fromstring(to_junit(report))
    failure = suites.find("testsuite/testcase/failure")
    assert failure is not None and failure.text is not None
    assert "under ¥70\ufffdtrillion\ufffd" in failure.text
    assert failure.get("message") == "page\ufffdbreak"
    assert len(suites.findall("testsuite/testcase")) == len(report.findings)


def test_colour_asked_for_is_kept_on_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    # `factcheck check --color | less -R`: the styles reach the pipe, and only when asked.
    monkeypatch.chdir(ROOT)
    coloured = runner.invoke(app, ["check", "seeds", "--color"]).stdout
    plain = runner.invoke(app, ["check", "seeds"]).stdout
    assert "\x1b[1mscope-mismatch\x1b[0m" in coloured
    assert "\x1b[" not in plain
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain


def test_sarif_names_every_claim_and_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    sarif = json.loads(runner.invoke(app, ["check", "seeds", "--format", "sarif"]).stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "scope-mismatch" in rules and all(
        r["fullDescription"]["text"] for r in run["tool"]["driver"]["rules"]
    )
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
        assert len(result["locations"]) == 2
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["endColumn"] > region["startColumn"]


def test_github_annotations_escape_their_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _write_pair(tmp_path / "news, 100%")
    out = runner.invoke(app, ["check", "news, 100%", "--format", "github"]).stdout.splitlines()
    assert out and all(line.startswith("::error file=news%2C 100%25/") for line in out)
    assert all(",title=value-conflict::" in line for line in out)


def test_an_inline_comment_suppresses_the_rule_it_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _write_pair(tmp_path / "news")
    article = tmp_path / "news" / "b.txt"
    article.write_text(
        "<!-- factcheck-ignore value-conflict -- the ministry revised its figure -->\n"
        + CONFLICT[1],
        encoding="utf-8",
    )
    before = article.read_bytes()
    result = runner.invoke(app, ["check", "news", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["findings"] == [] and data["summary"]["suppressed"] == 1
    assert article.read_bytes() == before
    # A comment naming another rule suppresses nothing.
    article.write_text(
        "<!-- factcheck-ignore scope-mismatch -- other -->\n" + CONFLICT[1], encoding="utf-8"
    )
    assert runner.invoke(app, ["check", "news"]).exit_code == 1


def test_the_baseline_reports_only_new_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _write_pair(tmp_path / "news")
    written = runner.invoke(app, ["check", "news", "--write-baseline"])
    assert written.exit_code == 0 and "1 findings recorded" in written.stderr
    assert (tmp_path / ".factcheck-baseline.json").exists()
    again = runner.invoke(app, ["check", "news", "--format", "json"])
    assert again.exit_code == 0
    assert json.loads(again.stdout)["summary"]["baselined"] == 1
    (tmp_path / "news" / "c.txt").write_text(
        "China's SOEs made total profits of 3.9 trillion yuan in 2023.", encoding="utf-8"
    )
    fresh = json.loads(runner.invoke(app, ["check", "news", "--format", "json"]).stdout)
    assert fresh["findings"] and all(
        any(c["path"].endswith("c.txt") for c in f["claims"]) for f in fresh["findings"]
    )


def test_a_broken_baseline_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _write_pair(tmp_path / "news")
    (tmp_path / "known.json").write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["check", "news", "--baseline", "known.json"])
    assert result.exit_code == 2 and result.stderr.startswith("known.json:1: not valid JSON")


def test_against_rereads_only_what_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "archive"
    shutil.copytree(SEEDS, corpus)
    moved = tmp_path / "draft.txt"
    (corpus / "000_4edcbf6b8f8cb3e9.txt").rename(moved)
    from factcheck import extract

    opened: list[str] = []
    real_read = extract.read

    def counting_read(path: Path, *args: Any) -> Any:
        opened.append(path.name)
        return real_read(path, *args)

    monkeypatch.setattr(extract, "read", counting_read)
    # One process, so that the count sees every read.
    args = ["check", str(moved), "--against", str(corpus), "--format", "json", "--jobs", "1"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    # The draft, and each article of the archive (an undated one again, against its
    # folder's date).
    assert set(opened) == {"draft.txt"} | {p.name for p in corpus.glob("*.txt")}, opened
    assert (corpus / ".factcheck-store" / "files.parquet").exists()
    opened.clear()
    second = runner.invoke(app, args)
    assert opened == ["draft.txt"]  # nothing in the corpus changed: no corpus file is read
    assert json.loads(second.stdout) == json.loads(first.stdout)
    changed = corpus / "004_c83623c98217df50.txt"
    changed.write_bytes(changed.read_bytes() + b"\nProfits rose 9 percent.\n")
    opened.clear()
    runner.invoke(app, args)
    assert set(opened) == {"draft.txt", changed.name}, opened
    (corpus / ".factcheck-store" / "files.parquet").write_bytes(b"not a parquet file")
    opened.clear()
    rebuilt = runner.invoke(app, args)
    assert rebuilt.exit_code == 0, rebuilt.output
    assert set(opened) == {"draft.txt"} | {p.name for p in corpus.glob("*.txt")}, opened


def test_progress_is_reported_per_file_and_silent_off_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from factcheck import extract_paths

    seen: list[tuple[int, int]] = []
    extract_paths([SEEDS], on_progress=lambda done, total: seen.append((done, total)))
    assert seen == [(k, 5) for k in range(1, 6)]
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["check", "seeds", "--format", "json"])
    assert result.stderr == ""  # CliRunner's stderr is no terminal: no bar, nothing else either


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "junit", "html"])
def test_every_format_can_go_to_a_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fmt: str
) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / f"report.{fmt}"
    result = runner.invoke(app, ["check", "seeds", "--format", fmt, "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    assert "scope-mismatch" in out.read_text(encoding="utf-8")


def test_claims_file_is_checked_as_the_articles_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    extracted = runner.invoke(app, ["extract", "seeds", "--format", "json"])
    claims = tmp_path / "claims.json"
    claims.write_text(extracted.stdout, encoding="utf-8")
    from_claims = runner.invoke(app, ["check", "--claims", str(claims), "--format", "json"])
    from_articles = runner.invoke(app, ["check", "seeds", "--format", "json"])
    assert from_claims.exit_code == from_articles.exit_code == 0
    assert json.loads(from_claims.stdout) == json.loads(from_articles.stdout)


def test_claims_file_may_hold_only_the_contract_fields(tmp_path: Path) -> None:
    def claim(n: int, text: str, value: float, path: str) -> dict[str, Any]:
        return {
            "id": f"{path}#{n}",
            "line": 1,
            "column": 1,
            "text": text,
            "quantity": {"kind": "money", "unit": "USD", "value": value, "low": None, "high": None},
            "subject": "Acme",
            "metric": "revenue",
            "period": {"start": "2024", "end": "2024"},
        }

    doc = {
        "schema": "factcheck.claims/1",
        "documents": [
            {"path": "a.md", "claims": [claim(1, "$4.2 billion", 4.2e9, "a.md")]},
            {"path": "b.md", "claims": [claim(1, "$5.9 billion", 5.9e9, "b.md")]},
        ],
    }
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = runner.invoke(app, ["check", "--claims", str(path), "--format", "json"])
    assert result.exit_code == 1, result.output
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["value-conflict"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "claims.json:1: not JSON"),
        ('{"schema": "factcheck.report/1"}', "not a claims document"),
        (
            '{"schema": "factcheck.claims/1", "documents": [{"path": "a", "claims": [{"id": 1}]}]}',
            "claims.json: documents[0].claims[0]",
        ),
    ],
)
def test_a_bad_claims_file_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("claims.json").write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["check", "--claims", "claims.json"])
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_check_takes_articles_or_claims_not_both(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["check", "seeds", "--claims", "-"])
    assert result.exit_code == 2
    assert "one of them" in result.stderr


def test_a_context_part_edited_in_a_claims_file_counts_as_given(tmp_path: Path) -> None:
    # Both periods come from the headline, so the conflict is only a warning of medium
    # confidence; once an editor sets the period in the claims file, it stands as stated.
    (tmp_path / "a.md").write_text(
        "# Acme's results for 2023\n\nAcme's revenue was $4.2 billion, the company said.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.md").write_text(
        "# Acme reports 2023 results\n\nAcme's revenue came to $5.9 billion.\n", encoding="utf-8"
    )
    extracted = json.loads(
        runner.invoke(app, ["extract", str(tmp_path), "--format", "json"]).stdout
    )
    claims = [d["claims"][0] for d in extracted["documents"]]
    assert [c["origin"]["period"] for c in claims] == ["article", "article"]
    path = tmp_path / "claims.json"
    path.write_text(json.dumps(extracted), encoding="utf-8")
    unsure = runner.invoke(app, ["check", "--claims", str(path), "--format", "json"])
    assert [
        (f["rule"], f["severity"], f["confidence"]) for f in json.loads(unsure.stdout)["findings"]
    ] == [("value-conflict", "warning", "medium")]
    assert "period taken from the headline or lead" in unsure.stdout

    for claim in claims:
        claim["period"] = {"start": "2023-01", "end": "2023-12"}
    path.write_text(json.dumps(extracted), encoding="utf-8")
    loaded = [d.claims[0].origin for d in claimsfile.load(str(path))]
    assert [(o.subject, o.period) for o in loaded if o] == [("sentence", "given")] * 2
    shown = runner.invoke(app, ["check", "--claims", str(path), "--format", "json"])
    findings = json.loads(shown.stdout)["findings"]
    assert [(f["rule"], f["severity"], f["confidence"]) for f in findings] == [
        ("value-conflict", "error", "high")
    ]


def test_a_conflict_whose_measure_is_carried_from_the_article_stays_quiet(tmp_path: Path) -> None:
    # Neither sentence names the measure: "the figure" is the headline's revenue only by
    # guess, so no alarm rests on it.
    (tmp_path / "a.md").write_text(
        "# Acme's revenue for 2023\n\nAcme said the figure was $4.2 billion.\n", encoding="utf-8"
    )
    (tmp_path / "b.md").write_text(
        "# Acme's revenue in 2023\n\nAcme put the figure at $5.9 billion.\n", encoding="utf-8"
    )
    extracted = json.loads(
        runner.invoke(app, ["extract", str(tmp_path), "--format", "json"]).stdout
    )
    origins = [d["claims"][0]["origin"]["metric"] for d in extracted["documents"]]
    assert origins == ["article", "article"]
    result = runner.invoke(app, ["check", str(tmp_path), "--format", "json"])
    assert [f for f in json.loads(result.stdout)["findings"] if f["rule"] == "value-conflict"] == []


def _reports(path: str, text: str) -> Any:
    return extract_text(text, path=path, published="2024-08-01")


def test_a_look_alike_restated_by_many_articles_is_one_finding_naming_each() -> None:
    # Three wires give the port's 2023 throughput, two give the first half of 2024's: one
    # period-mismatch naming all five figures, not one for each of the six pairs.
    year = "The Port of Rotterdam handled 13.4 million containers in 2023, its operator said."
    half = "The Port of Rotterdam handled 13.2 million containers in the first half of 2024."
    docs = [_reports(p, year) for p in ("w1", "w2", "w3")] + [
        _reports(p, half) for p in ("w4", "w5")
    ]
    found = [f for f in check_documents(docs).findings if f.rule == "period-mismatch"]
    assert len(found) == 1
    assert sorted(c.path for c in found[0].claims) == ["w1", "w2", "w3", "w4", "w5"]
    assert found[0].message.count("13.4 million") == 3


def test_a_finding_never_names_two_figures_of_one_article() -> None:
    # One article gives a member's figure twice (first and revised); the other gives the
    # whole bloc's. Each of the member's figures is set against the bloc's in a finding of
    # its own: no finding puts two figures of one article side by side.
    member = (
        "Germany's exports totalled €1.56 trillion in 2023, the statistics office said. "
        "Revised figures put Germany's exports at €1.57 trillion in 2023."
    )
    bloc = "The euro zone's exports totalled €2.9 trillion in 2023, Eurostat said."
    docs = [_reports("a", member), _reports("b", bloc)]
    found = [f for f in check_documents(docs).findings if f.rule == "scope-mismatch"]
    assert sorted([c.text for c in f.claims] for f in found) == [
        ["€1.56 trillion", "€2.9 trillion"],
        ["€1.57 trillion", "€2.9 trillion"],
    ]


def test_a_large_check_runs_in_parts_with_the_findings_of_one_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Every article of the rule case tables beside the seeds: links of every kind, across
    # measures whose blocking keys fall in many parts.
    docs = extract_paths([SEEDS])
    for table in sorted((ROOT / "tests" / "cases" / "checks").glob("*.toml")):
        for case in tomllib.loads(table.read_text(encoding="utf-8")).get("pair", []):
            for side in ("a", "b"):
                path = f"{table.stem}/{case['name']}/{side}.txt"
                docs.append(
                    extract_text(case[side]["text"], path=path, published=case[side]["published"])
                )
    whole = check.check_documents(docs)
    monkeypatch.setattr(check, "PARTS_FROM", 0)
    parts = check.check_documents(docs)
    assert len(whole.findings) > 100
    assert parts.model_dump_json() == whole.model_dump_json()
