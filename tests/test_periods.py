"""Time expressions and their periods, against the article's date."""

from __future__ import annotations

import pytest

from factcheck import packs
from factcheck.context import periods

REF = periods.Reference(2025, 1)


@pytest.mark.parametrize(
    ("sentence", "ref", "expected"),
    [
        ("profits in 2023", REF, [("in 2023", "2023", "2023")]),
        ("at the end of 2023", REF, [("at the end of 2023", "2023", "2023")]),
        ("during 2021-2025", REF, [("during 2021-2025", "2021", "2025")]),
        ("in 2021–25", REF, [("in 2021–25", "2021", "2025")]),
        (
            "during the 14th Five-Year Plan (2021–2025)",
            REF,
            [("the 14th Five-Year Plan (2021–2025)", "2021", "2025")],
        ),
        ("under the 13th Five-Year Plan", REF, [("the 13th Five-Year Plan", "2016", "2020")]),
        ("since 2021", REF, [("since 2021", "2021", "2025")]),
        ("over the past four years", REF, [("over the past four years", "2021", "2024")]),
        ("for three consecutive years", REF, [("for three consecutive years", "2022", "2024")]),
        ("in the first half of 2023", REF, [("in the first half of 2023", "2023-01", "2023-06")]),
        (
            "in the third quarter of 2024",
            REF,
            [("in the third quarter of 2024", "2024-07", "2024-09")],
        ),
        ("Q3 2024", REF, [("Q3 2024", "2024-07", "2024-09")]),
        (
            "in the first 11 months last year",
            REF,
            [("in the first 11 months last year", "2024-01", "2024-11")],
        ),
        (
            "between January and November",
            REF,
            [("between January and November", "2024-01", "2024-11")],
        ),
        (
            "between January and November",
            periods.Reference(2025, 12),
            [("between January and November", "2025-01", "2025-11")],
        ),
        ("last month", REF, [("last month", "2024-12", "2024-12")]),
        ("last year", REF, [("last year", "2024", "2024")]),
        ("in May 2024", REF, [("in May 2024", "2024-05", "2024-05")]),
        ("up 5 percent year-on-year", REF, []),
        ("the 1990s boom", REF, []),
    ],
)
def test_time_expressions(
    sentence: str, ref: periods.Reference, expected: list[tuple[str, str, str]]
) -> None:
    found = periods.find(sentence, packs.load().periods, ref)
    assert [(sentence[t.start : t.end], t.period.start, t.period.end) for t in found] == expected


def test_relative_periods_need_a_date() -> None:
    assert periods.find("over the past four years", packs.load().periods, None) == []


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Profits rose to 4.5 trillion yuan in 2023. The plant will open in 2029.", "2024"),
        (
            "Assets reached 317 trillion yuan in 2023. Revenue in the first 11 months last year rose.",
            "2025",
        ),
        ("During the current 14th Five-Year Plan (2021–2025), six groups merged.", "2025"),
        ("No years here at all.", None),
    ],
)
def test_reference_estimate_for_undated_articles(text: str, year: str | None) -> None:
    assert periods.estimate_reference(text, packs.load().periods) == year


def test_a_guessed_yearless_period_takes_the_year_the_lead_states() -> None:
    from types import SimpleNamespace

    from factcheck.context.when import _in_the_articles_year
    from factcheck.models import Period

    # An undated article: "Q2" in the headline was placed by the guessed year; the lead says
    # "the July-September quarter of 2025-26".
    doc = SimpleNamespace(period=Period(start="2025-07", end="2025-09"), period_origin="article")
    guessed = Period(start="2024-07", end="2024-09")
    assert _in_the_articles_year(guessed, "convention", doc) == doc.period  # type: ignore[arg-type]
    # Stated with its own year, or other months: kept as it is.
    assert _in_the_articles_year(guessed, "sentence", doc) == guessed  # type: ignore[arg-type]
    other = Period(start="2024-04", end="2024-06")
    assert _in_the_articles_year(other, "convention", doc) == other  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("around", "month", "day", "expected"),
    [
        ("2025-03-14", 3, 13, "2025-03-13"),
        ("2025-01-02", 12, 31, "2024-12-31"),  # a dateline from the last days of the year before
        ("2024-12-30", 1, 2, "2025-01-02"),
        ("2023-03-01", 2, 29, "2024-02-29"),  # only a leap year has the day
    ],
)
def test_a_dateline_day_takes_the_nearest_year(
    around: str, month: int, day: int, expected: str
) -> None:
    from factcheck.published import nearest_day

    assert nearest_day(around, month, day) == expected
