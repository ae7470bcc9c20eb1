"""Confidence: findings say how sure their context is, and --min-confidence filters them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from factcheck import confidence
from factcheck.cli import app
from factcheck.facts import Fact, document_pairs
from factcheck.models import Claim, ContextOrigin, Document, Quantity

runner = CliRunner()


def _claims(tmp: Path, origin_b: dict[str, str] | None, second: float = 5.9e9) -> Path:
    def claim(path: str, text: str, value: float, origin: dict[str, str] | None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": f"{path}#1",
            "line": 1,
            "column": 1,
            "text": text,
            "quantity": {"kind": "money", "unit": "USD", "value": value},
            "subject": "Corvid Mining",
            "metric": "revenue",
            "period": {"start": "2023", "end": "2023"},
        }
        if origin is not None:
            out["origin"] = origin
        return out

    doc = {
        "schema": "factcheck.claims/1",
        "documents": [
            {"path": "a.md", "claims": [claim("a.md", "$4.2 billion", 4.2e9, None)]},
            {
                "path": "b.md",
                "claims": [claim("b.md", f"${second / 1e9:g} billion", second, origin_b)],
            },
        ],
    }
    path = tmp / "claims.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _check(path: Path, *options: str) -> tuple[int, list[dict[str, Any]]]:
    result = runner.invoke(app, ["check", "--claims", str(path), "--format", "json", *options])
    return result.exit_code, json.loads(result.stdout)["findings"]


def test_stated_context_gives_a_high_confidence_error(tmp_path: Path) -> None:
    code, findings = _check(_claims(tmp_path, None))
    assert code == 1
    assert [(f["rule"], f["severity"], f["confidence"]) for f in findings] == [
        ("value-conflict", "error", "high")
    ]


def test_a_conflict_resting_on_a_period_from_the_headline_is_a_medium_warning(
    tmp_path: Path,
) -> None:
    # The headline's period is stated by the article, if not beside the figure: the alarm is
    # shown, as a warning that does not stop a build, naming the part it is less sure of.
    origin = {"subject": "sentence", "metric": "sentence", "period": "article"}
    code, findings = _check(_claims(tmp_path, origin))
    assert code == 0
    assert [(f["severity"], f["confidence"]) for f in findings] == [("warning", "medium")]
    assert "period taken from the headline" in findings[0]["message"]
    assert _check(_claims(tmp_path, origin), "--min-confidence", "high")[1] == []


def test_a_conflict_resting_on_a_carried_subject_stays_quiet(tmp_path: Path) -> None:
    origin = {"subject": "article", "metric": "sentence", "period": "article"}
    code, findings = _check(_claims(tmp_path, origin))
    assert (code, findings) == (0, [])  # an alarm on inferred context stays quiet by default
    code, findings = _check(_claims(tmp_path, origin), "--min-confidence", "low")
    assert [(f["severity"], f["confidence"]) for f in findings] == [("warning", "low")]


def test_agreement_resting_on_a_period_from_the_headline_is_medium(tmp_path: Path) -> None:
    origin = {"subject": "sentence", "metric": "sentence", "period": "article"}
    _, findings = _check(_claims(tmp_path, origin, second=4.2e9))
    assert [(f["rule"], f["confidence"]) for f in findings] == [("corroborated", "medium")]
    assert "period taken from the headline" in findings[0]["message"]


def test_a_subject_carried_from_the_article_is_named(tmp_path: Path) -> None:
    origin = {"subject": "article", "metric": "nearby", "period": "sentence"}
    _, findings = _check(_claims(tmp_path, origin), "--min-confidence", "low")
    assert "subject carried from the article" in findings[0]["message"]


@pytest.mark.parametrize(
    ("options", "shown"),
    [((), 0), (("--min-confidence", "low"), 1), (("--min-confidence", "high"), 0)],
)
def test_min_confidence_filters_findings(
    tmp_path: Path, options: tuple[str, ...], shown: int
) -> None:
    origin = {"subject": "sentence", "metric": "sentence", "period": "default"}
    _, findings = _check(_claims(tmp_path, origin), *options)
    assert len(findings) == shown
    assert all(f["confidence"] == "low" for f in findings)


def test_min_confidence_high_hides_medium(tmp_path: Path) -> None:
    origin = {"subject": "convention", "metric": "sentence", "period": "sentence"}
    assert len(_check(_claims(tmp_path, origin, second=4.2e9))[1]) == 1
    assert _check(_claims(tmp_path, origin, second=4.2e9), "--min-confidence", "high")[1] == []


def test_min_confidence_comes_from_the_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("factcheck.toml").write_text('min-confidence = "low"\n', encoding="utf-8")
    origin = {"subject": "sentence", "metric": "sentence", "period": "default"}
    assert len(_check(_claims(tmp_path, origin))[1]) == 1


@pytest.mark.parametrize(
    ("fmt", "mark"),
    [
        ("sarif", '"confidence": "medium"'),
        ("junit", 'name="confidence" value="medium"'),
        ("github", "(medium confidence)"),
        ("text", "(medium confidence)"),
        ("html", "medium confidence"),
    ],
)
def test_every_format_shows_confidence(tmp_path: Path, fmt: str, mark: str) -> None:
    origin = {"subject": "sentence", "metric": "sentence", "period": "article"}
    path = _claims(tmp_path, origin, second=4.2e9)
    result = runner.invoke(
        app, ["check", "--claims", str(path), "--format", fmt, "--fail-on", "never"]
    )
    assert mark in result.stdout


def test_a_time_without_a_year_in_an_undated_article_is_a_guess() -> None:
    from factcheck import extract_text

    text = (
        "Kenya's economy grew 4.6% in the second quarter, the statistics office said, "
        "after growing 5.6% in 2023."
    )
    doc = extract_text(text)  # no date: the year is guessed from the years it names
    assert doc.reference_estimated
    origins = {c.text: c.origin.period for c in doc.claims if c.origin}
    assert origins == {"4.6%": "convention", "5.6%": "sentence"}
    dated = extract_text(text, published="2024-09-02")
    assert {c.text: c.origin.period for c in dated.claims if c.origin}["4.6%"] == "sentence"


def _story(folder: Path, name: str, text: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_an_article_with_no_date_and_no_year_is_read_against_its_folder(tmp_path: Path) -> None:
    from factcheck import extract_paths

    story = tmp_path / "peru-rates"
    dated = (
        "Published: March 13, 2025\n\nPeru's central bank cut its key rate to 4.75% on Thursday.\n"
    )
    _story(story, "a.txt", dated)
    _story(story, "b.txt", dated.replace("13", "14"))
    _story(
        story,
        "c.txt",
        "LIMA, Mar 13 (Wire) --\nPeru's inflation slowed to 1.5% in February, "
        "the statistics institute said.\n",
    )
    _story(tmp_path / "alone", "d.txt", "Peru's inflation slowed to 1.5% in February.\n")
    docs = {Path(d.path).name: d for d in extract_paths([tmp_path])}
    undated = docs["c.txt"]
    assert undated.published is None and undated.reference_estimated
    assert undated.reference == "2025-03-13"  # the dateline's day, in the folder's year
    (claim,) = undated.claims
    assert claim.period is not None and (claim.period.start, claim.period.end) == (
        "2025-02",
        "2025-02",
    )
    # An article with no dated neighbour keeps no date: nothing to read it against.
    assert docs["d.txt"].reference is None
    # The files themselves are never written.
    assert (story / "c.txt").read_text(encoding="utf-8").startswith("LIMA, Mar 13")


def test_a_guessed_year_gives_way_to_the_folder_date_near_it(tmp_path: Path) -> None:
    from factcheck import extract_paths

    dated = "Published: May 7, 2024\n\nChile's copper output rose 4% in March.\n"
    undated = "Chile's copper exports grew 6.1% in April after a weak 2023.\n"
    near, far = tmp_path / "near", tmp_path / "far"
    _story(near, "a.txt", dated)
    _story(near, "b.txt", undated)
    _story(far, "a.txt", dated.replace("2024", "2019"))
    _story(far, "b.txt", undated)
    docs = {
        Path(d.path).parent.name: d for d in extract_paths([tmp_path]) if d.path.endswith("b.txt")
    }
    # "a weak 2023" alone dates the article to 2023 at the earliest; the folder, a year on,
    # says when.
    assert docs["near"].reference == "2024-05-07" and docs["near"].reference_estimated
    (claim,) = docs["near"].claims
    assert claim.period is not None and claim.period.start == "2024-04"
    # A folder five years off says nothing of this article: the guess from its text stays.
    assert docs["far"].reference == "2023"


_ORIGINS = {
    "high": None,
    "medium": ContextOrigin(period="article"),
    "low": ContextOrigin(subject="default"),
}


def _side_fact(index: int, path: str, value: float, sure: str) -> Fact:
    q = Quantity.model_construct(kind="percent", unit="percent", value=value, resolution=0.1)
    claim = Claim.model_construct(
        id=f"{path}#{index}", line=index + 1, text=f"{value}%", quantity=q, origin=_ORIGINS[sure]
    )
    doc = Document.model_construct(path=path, claims=[])
    return Fact(index, doc, claim, value - 0.05, value + 0.05, 0.0)


_side = st.lists(
    st.tuples(
        st.sampled_from(["a.md", "b.md", "c.md", "d.md", "e.md"]),
        st.integers(1, 40).map(lambda n: n / 10),
        st.sampled_from(["high", "high", "medium", "low"]),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=400, deadline=None)
@given(_side, _side)
def test_sides_bundled_without_their_pairs_are_the_bundles_of_the_pairs(
    left: list[tuple[str, float, str]], right: list[tuple[str, float, str]]
) -> None:
    # The shortcut for one figure an article must give what pairing every figure gives,
    # and articles with two figures, or on both sides, must still be paired.
    a = tuple(_side_fact(i, *row) for i, row in enumerate(left))
    b = tuple(_side_fact(len(a) + i, *row) for i, row in enumerate(right))

    def indices(bundles: list[confidence.Sides]) -> list[tuple[list[int], list[int]]]:
        return [([f.index for f in x], [f.index for f in y]) for x, y in bundles]

    want = indices(confidence.bundled(document_pairs(a, b)))
    assert indices(confidence.bundled_sides(a, b)) == want
