"""Every input ends in a result or a one-line reason: nothing raises, nothing is written."""

from __future__ import annotations

import json
import math
import shutil
import time
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from factcheck import extract_text
from factcheck.check import check_documents
from factcheck.cli import app
from factcheck.decoding import decode
from factcheck.report import claims as claims_report
from factcheck.sources import format_size, parse_size

from .conftest import ROOT

runner = CliRunner()
HUGE = "7" + "3" * 399  # past the float range: 10^399

CONFLICT = (
    "Harbour Energy reported an operating profit of 2.1 billion euros in 2024, it said.",
    "Harbour Energy's operating profit reached 2.6 billion euros in 2024.",
)


@pytest.mark.parametrize(
    "text",
    [
        f"The ferry line reopened on March {HUGE} after repairs.",
        f"Ticket sales hit {HUGE} May figures.",
        f"The hospital trust owes ${HUGE} billion to suppliers.",
        f"Output rose {HUGE}% and then {HUGE}-{HUGE} percent.",
        f"The league's fund is worth €{HUGE}bn, or {HUGE} dollars.",
        f"Rents climbed 0.{HUGE} percent in Sept. {HUGE}, {HUGE} homes said.",
        f"Over ¥{HUGE} trillion ($12 trillion) was pledged.",
        f"Between {HUGE} and {HUGE} fans attended on Dec {HUGE}.",
    ],
)
def test_numbers_past_the_float_range_never_raise(text: str) -> None:
    doc = extract_text(text)
    for claim in doc.claims:  # what is kept has a value a check can compare
        q = claim.quantity
        assert all(v is None or math.isfinite(v) for v in (q.value, q.low, q.high, q.resolution))
    check_documents([doc, extract_text(text, path="other.txt")])
    data = json.loads(claims_report.to_json([doc]))
    schema = json.loads((ROOT / "schemas" / "claims.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)


@pytest.mark.parametrize(
    "text",
    [
        "---\ndate: 2024-13-05\n---\n# Shares slip\n\nThe shares fell 2% in after-hours trading.\n",
        "Published: 2024-02-31\n\nThe shares fell 2% in after-hours trading on Thursday.\n",
    ],
)
def test_a_date_no_calendar_has_never_raises(text: str, tmp_path: Path) -> None:
    # A share's move is dated by the article's day, which here names no real day.
    doc = extract_text(text, path="a.md")
    assert [c.text for c in doc.claims] == ["2%"]
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert runner.invoke(app, ["check", str(tmp_path), "--format", "json"]).exit_code in (0, 1)


def test_a_huge_number_beside_a_finite_conversion_keeps_the_link_right() -> None:
    doc = extract_text(f"The utility paid ¥{HUGE} trillion ($12 trillion) and 5% more later.")
    assert [c.text for c in doc.claims] == ["$12 trillion", "5%"]
    assert all(link.kind != "conversion" for c in doc.claims for link in c.links)


def test_a_deeply_nested_json_tail_is_hidden_without_recursion(tmp_path: Path) -> None:
    article = "Bus fares in the city rose 4% in June, the transport authority said.\n"
    blob = '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
    path = tmp_path / "fares.txt"
    path.write_text(article + blob, encoding="utf-8")
    started = time.perf_counter()
    result = runner.invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert time.perf_counter() - started < 10
    (doc,) = json.loads(result.stdout)["documents"]
    assert [c["text"] for c in doc["claims"]] == ["4%"]


@pytest.mark.parametrize(
    ("tail", "hidden"),
    [
        ('{"price": "$5bn", "note": "a \\"quoted\\" [5%] bracket", "n": [1, 2]}', True),
        ('[{"revenue": 12}, {"revenue": 14}]', True),
        ("[Editing by the business desk; 3 photos]", False),
        ('window.data = {"revenue": 12}', False),
        ('{"broken": 12,, }', False),
    ],
)
def test_a_trailing_blob_is_hidden_only_when_it_is_json(tail: str, hidden: bool) -> None:
    text = f"The retailer's sales rose 6% in the spring quarter.\n{tail}\n"
    figures = [c.text for c in extract_text(text).claims]
    assert ("6%" in figures) and (len(figures) == 1) == hidden, figures


def test_long_figures_are_cut_in_the_text_table_and_whole_in_json(tmp_path: Path) -> None:
    digits = "1" * 3000  # within one reading unit (a longer token is cut at 4,000 characters)
    path = tmp_path / "pi.txt"
    path.write_text(f"The index rose 3.{digits} percent, officials said.\n", encoding="utf-8")
    text = runner.invoke(app, ["extract", str(path)]).stdout
    assert max(len(line) for line in text.splitlines()) < 200
    assert "3.1111111" in text and "…" in text
    data = json.loads(runner.invoke(app, ["extract", str(path), "--format", "json"]).stdout)
    assert data["documents"][0]["claims"][0]["text"] == f"3.{digits} percent"


@pytest.mark.parametrize(
    ("written", "size"),
    [
        ("20MB", 20_000_000),
        ("20 mb", 20_000_000),
        ("500kB", 500_000),
        ("1.5GB", 1_500_000_000),
        ("1MiB", 1_048_576),
        ("2000000", 2_000_000),
        ("64 b", 64),
    ],
)
def test_sizes_are_read(written: str, size: int) -> None:
    assert parse_size(written) == size


@pytest.mark.parametrize("written", ["", "twenty MB", "20XB", "-5MB", "1e9", "iB", "9" * 400])
def test_a_bad_size_is_refused(written: str) -> None:
    with pytest.raises(ValueError, match="not a size"):
        parse_size(written)


def test_sizes_are_written_shortly() -> None:
    assert [format_size(n) for n in (31_200_000, 20_000_000, 1_500, 999)] == [
        "31.2 MB",
        "20 MB",
        "1.5 kB",
        "999 B",
    ]


def test_a_file_over_the_size_limit_is_skipped_and_the_others_read(tmp_path: Path) -> None:
    (tmp_path / "small.txt").write_text("Gym memberships rose 8% this year.", encoding="utf-8")
    (tmp_path / "large.txt").write_text("Crop yields fell 3%. " * 75, encoding="utf-8")
    result = runner.invoke(
        app, ["extract", str(tmp_path), "--format", "json", "--max-file-size", "1kB"]
    )
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"{(tmp_path / 'large.txt').as_posix()}: skipped: 1.6 kB is over --max-file-size 1 kB"
    )
    paths = [Path(d["path"]).name for d in json.loads(result.stdout)["documents"]]
    assert paths == ["small.txt"]


def test_a_bad_size_option_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path), "--max-file-size", "lots"])
    assert result.exit_code == 2
    assert "--max-file-size" in result.stderr


def test_an_image_renamed_txt_is_skipped_but_utf16_without_a_mark_is_read(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
    (tmp_path / "photo.txt").write_bytes(png)
    text = "Broadband subscriptions grew 12% to 4.1 million homes."
    (tmp_path / "le.txt").write_bytes(text.encode("utf-16-le"))
    (tmp_path / "be.txt").write_bytes(text.encode("utf-16-be"))
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "json"])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"{(tmp_path / 'photo.txt').as_posix()}: skipped: binary file"
    docs = json.loads(result.stdout)["documents"]
    assert {d["encoding"] for d in docs} == {"utf-16-le", "utf-16-be"}
    assert all([c["text"] for c in d["claims"]] == ["12%", "4.1 million homes"] for d in docs)


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n" + bytes(range(1, 32)) * 40,
        bytes(range(256)) * 8,
    ],
)
def test_bytes_that_are_no_text_are_binary(data: bytes) -> None:
    assert decode(data).binary


def test_an_article_with_a_few_control_characters_is_still_text() -> None:
    decoded = decode(b"Water bills rose 9%\x0c this spring.\x1b\n")
    assert not decoded.binary


def test_a_bug_on_one_file_is_one_line_and_the_others_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck import extract

    real = extract.extract_source

    def failing(source, *args, **kwargs):  # type: ignore[no-untyped-def]
        if source.path.endswith("bad.txt"):
            raise RuntimeError("boom\nsecond line")
        return real(source, *args, **kwargs)

    monkeypatch.setattr(extract, "extract_source", failing)
    (tmp_path / "bad.txt").write_text("Exports rose 2%.", encoding="utf-8")
    (tmp_path / "good.txt").write_text("Imports fell 5%.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "json"])
    assert result.exit_code == 2
    bad = (tmp_path / "bad.txt").as_posix()
    assert result.stderr.strip() == f"{bad}: internal error: RuntimeError: boom second line"
    assert [Path(d["path"]).name for d in json.loads(result.stdout)["documents"]] == ["good.txt"]
    debug = runner.invoke(app, ["--debug", "extract", str(tmp_path), "--format", "json"])
    assert "Traceback (most recent call last)" in debug.stderr
    assert 'raise RuntimeError("boom' in debug.stderr


def test_a_bug_outside_the_files_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck import check

    def failing(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise ZeroDivisionError("division by zero")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(check, "check_documents", failing)
    (tmp_path / "a.txt").write_text("Imports fell 5%.", encoding="utf-8")
    result = runner.invoke(app, ["check", "a.txt"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "factcheck: internal error: ZeroDivisionError: division by zero"


def _pair(folder: Path) -> None:
    folder.mkdir()
    (folder / "a.txt").write_text(CONFLICT[0], encoding="utf-8")
    (folder / "b.txt").write_text(CONFLICT[1], encoding="utf-8")


def test_a_skipped_input_outranks_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _pair(tmp_path / "news")
    assert runner.invoke(app, ["check", "news"]).exit_code == 1
    (tmp_path / "news" / "scan.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    result = runner.invoke(app, ["check", "news", "--format", "json"])
    assert result.exit_code == 2
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["value-conflict"]
    (tmp_path / "news" / "scan.txt").unlink()
    missing = runner.invoke(app, ["check", "news", "gone.md"])
    assert missing.exit_code == 2 and missing.stderr.strip() == "gone.md: no such file or folder"


def test_files_a_folder_holds_besides_articles_do_not_fail_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _pair(tmp_path / "news")
    (tmp_path / "news" / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = runner.invoke(app, ["check", "news", "--fail-on", "never"])
    assert result.exit_code == 0
    assert result.stderr.strip() == "news/chart.png: ignored: not an article file"


def test_against_goes_on_when_the_index_cannot_be_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _pair(tmp_path / "news")
    (tmp_path / "a-file").write_text("not a folder\n", encoding="utf-8")
    cache = tmp_path / "a-file" / "store"
    result = runner.invoke(
        app, ["check", "news/a.txt", "--against", "news", "--cache", str(cache), "--format", "json"]
    )
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith(f"{cache}: cannot keep the claim store")
    assert len(result.stderr.strip().splitlines()) == 1
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["value-conflict"]


def _news_with_a_scan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two articles that conflict, and an image saved as text beside them."""
    monkeypatch.chdir(tmp_path)
    _pair(tmp_path / "news")
    (tmp_path / "news" / "scan.txt").write_bytes(b"\x00\x01\x02\x03" * 50)


def test_a_cached_document_with_a_binary_neighbour_is_read_again_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _news_with_a_scan(tmp_path, monkeypatch)
    cache = tmp_path / "store"
    args = ["check", "news/a.txt", "--against", "news", "--cache", str(cache), "-f", "json"]
    first, second = runner.invoke(app, args), runner.invoke(app, args)
    assert first.exit_code == second.exit_code == 2
    assert first.stdout == second.stdout
    assert first.stderr == second.stderr == "news/scan.txt: skipped: binary file\n"


def test_check_writes_nothing_into_the_folders_it_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    _pair(tmp_path / "news")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    cache = tmp_path.parent / f"{tmp_path.name}-store"
    for args in (
        ["check", str(tmp_path / "news")],
        ["check", str(tmp_path / "news" / "a.txt"), "--against", str(tmp_path / "news"),
         "--cache", str(cache)],
        ["extract", str(tmp_path / "news"), "--format", "json"],
    ):  # fmt: skip
        runner.invoke(app, args)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    shutil.rmtree(cache)


def test_a_baseline_written_over_a_skipped_input_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _news_with_a_scan(tmp_path, monkeypatch)
    result = runner.invoke(app, ["check", "news", "--write-baseline"])
    assert result.exit_code == 2
    assert (tmp_path / ".factcheck-baseline.json").exists()
    assert "news/scan.txt: skipped: binary file" in result.stderr


def test_a_deep_blob_that_opens_mid_line_is_hidden_and_the_prose_before_it_kept() -> None:
    text = "Bus fares rose 4% in May, the operator said. " + '{"a": ' * 5_000 + "1" + "}" * 5_000
    assert [c.text for c in extract_text(text).claims] == ["4%"]


def test_a_figure_in_a_run_of_thousands_quotes_the_stretch_around_it() -> None:
    # A price list run together on one line: each figure quotes a few hundred characters
    # of it, not the whole kilobyte, and figures side by side share their quote.
    row = " ".join(f"Lot {k} sold at €{k}0" for k in range(1, 200))
    claims = extract_text(f"Auction results: {row}\n").claims
    assert len(claims) > 150
    assert all(len(c.sentence) <= 400 and c.text in c.sentence for c in claims)
    assert claims[0].sentence == claims[1].sentence
    assert claims[0].sentence != claims[-1].sentence


def test_a_sentence_of_prose_is_quoted_whole() -> None:
    sentence = (
        "The regional carrier, which flew 4.1 million passengers last year on routes that "
        "link eleven islands, said on Tuesday that fares would rise by an average of 6% "
        "from next month, blaming fuel costs that have climbed by nearly a third since "
        "the spring and a shortage of pilots that has grounded two of its turboprops."
    )
    assert len(sentence) > 300
    assert {c.sentence for c in extract_text(sentence).claims} == {sentence}


def test_a_deep_blob_cut_short_is_hidden_from_its_first_bracket() -> None:
    # An export cut off mid-way closes only some of the brackets it opens: the keys and
    # brackets left open before the part that matches are data too, not prose.
    opened = '[{"route": 12, "riders": "9%", "stops": ' * 3_000
    text = "Ridership on the night buses rose 7% in 2024, the council said. " + opened
    text += "null" + "}]" * 1_500
    doc = extract_text(text)
    assert [c.text for c in doc.claims] == ["7%"]
    assert doc.claims[0].sentence.endswith("the council said.")
