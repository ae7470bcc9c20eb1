"""Fiscal calendars and fiscal time expressions, placed by the owner's calendar."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import packs
from factcheck.context import fiscal, periods
from factcheck.errors import InputError

FISCAL = packs.load().fiscal

# (sentence, owner, published, [(text, start, end), ...])
CASES: list[tuple[str, str | None, str, list[tuple[str, str, str]]]] = [
    # Microsoft: July to June, named by the end.
    ("Microsoft's revenue rose 16% in fiscal 2024.", "Microsoft", "2024-08",
     [("fiscal 2024", "2023-07", "2024-06")]),
    ("Microsoft expects spending to rise in fiscal year 2025.", "Microsoft Corp", "2024-08",
     [("fiscal year 2025", "2024-07", "2025-06")]),
    ("Microsoft's fiscal 2025 Q1 revenue beat forecasts.", "Microsoft", "2024-11",
     [("fiscal 2025 Q1", "2024-07", "2024-09")]),
    ("Microsoft's revenue last fiscal year was $245 billion.", "Microsoft", "2025-02",
     [("last fiscal year", "2023-07", "2024-06")]),
    ("In the fourth fiscal quarter, Azure grew 29%.", "Microsoft", "2024-08",
     [("the fourth fiscal quarter", "2024-04", "2024-06")]),
    # Nvidia: the year ends in late January.
    ("Nvidia's fiscal 2025 revenue more than doubled.", "Nvidia", "2025-03",
     [("fiscal 2025", "2024-02", "2025-01")]),
    ("Nvidia posted record revenue for the fourth quarter of fiscal 2025.", "NVIDIA Corporation",
     "2025-02", [("the fourth quarter of fiscal 2025", "2024-11", "2025-01")]),
    ("Data centre sales in Q3 FY25 rose 112%.", "Nvidia", "2024-11",
     [("Q3 FY25", "2024-08", "2024-10")]),
    ("Revenue in fiscal 2025 was more than double fiscal 2024's.", "Nvidia", "2025-03",
     [("fiscal 2025", "2024-02", "2025-01"), ("fiscal 2024", "2023-02", "2024-01")]),
    # Cisco: August to July.
    ("Cisco's FY24 revenue fell 6%.", "Cisco Systems", "2024-09",
     [("FY24", "2023-08", "2024-07")]),
    ("In its fiscal fourth quarter, orders rose 20%.", "Cisco", "2024-09",
     [("its fiscal fourth quarter", "2024-05", "2024-07")]),
    ("Revenue in fiscal 2021-2023 grew each year.", "Cisco", "2024-09",
     [("fiscal 2021-2023", "2020-08", "2023-07")]),
    ("Cisco's fiscal first half ended with record orders.", "Cisco", "2025-02",
     [("fiscal first half", "2024-08", "2025-01")]),
    # Oracle: June to May.
    ("Cloud revenue in the first quarter of fiscal 2025 rose 21%.", "Oracle", "2024-09",
     [("the first quarter of fiscal 2025", "2024-06", "2024-08")]),
    ("Oracle's fiscal year 2024 revenue was $53 billion.", "Oracle Corp.", "2024-06",
     [("fiscal year 2024", "2023-06", "2024-05")]),
    ("Bookings in the first half of the current fiscal year doubled.", "Oracle", "2025-02",
     [("the first half of the current fiscal year", "2024-06", "2024-11")]),
    ("Margins in the first half of the fiscal year fell.", "Oracle", "2025-02",
     [("the first half of the fiscal year", "2024-06", "2024-11")]),
    # Walmart: February to January.
    ("Walmart's fiscal 2025 sales topped $680 billion.", "Walmart", "2025-02",
     [("fiscal 2025", "2024-02", "2025-01")]),
    ("Sales in the third quarter of fiscal year 2025 rose 5.5%.", "Walmart", "2024-11",
     [("the third quarter of fiscal year 2025", "2024-08", "2024-10")]),
    ("Walmart Inc raised its outlook for FY2026.", "Walmart Inc.", "2025-02",
     [("FY2026", "2025-02", "2026-01")]),
    ("Comparable sales in H1 FY25 rose 4%.", "Walmart", "2024-09",
     [("H1 FY25", "2024-02", "2024-07")]),
    # Procter & Gamble and Disney.
    ("Organic sales rose 4% in fiscal 2024.", "Procter & Gamble", "2024-08",
     [("fiscal 2024", "2023-07", "2024-06")]),
    ("Volume in the fiscal second quarter was flat.", "Procter and Gamble", "2025-02",
     [("the fiscal second quarter", "2024-10", "2024-12")]),
    ("Disney's fiscal 2024 operating income rose.", "The Walt Disney Company", "2024-11",
     [("fiscal 2024", "2023-10", "2024-09")]),
    ("Parks revenue in the first fiscal quarter rose 3%.", "Disney", "2025-02",
     [("the first fiscal quarter", "2024-10", "2024-12")]),
    ("The fiscal 2025 second quarter was strong.", "Walt Disney Co", "2025-05",
     [("The fiscal 2025 second quarter", "2025-01", "2025-03")]),
    # Indian companies: April to March, written "2024-25".
    ("Infosys's Q2FY25 revenue rose 3.3%.", "Infosys Ltd", "2024-10",
     [("Q2FY25", "2024-07", "2024-09")]),
    ("TCS posted growth in FY 2024-25.", "Tata Consultancy Services", "2025-04",
     [("FY 2024-25", "2024-04", "2025-03")]),
    ("Wipro's H1 FY25 margin widened.", "Wipro", "2024-10", [("H1 FY25", "2024-04", "2024-09")]),
    ("Revenue in Q1 2024-25 rose 5%.", "Infosys", "2024-08", [("Q1 2024-25", "2024-04", "2024-06")]),
    # Japanese companies: April to March, named by the end (Toyota) or the start (Sony, SoftBank).
    ("Toyota's operating profit in fiscal 2024 hit a record.", "Toyota Motor Corp", "2024-05",
     [("fiscal 2024", "2023-04", "2024-03")]),
    ("Sony's FY2024 operating income rose.", "Sony Group Corporation", "2025-05",
     [("FY2024", "2024-04", "2025-03")]),
    ("Sony's fiscal 2025 second quarter results are due.", "Sony", "2025-05",
     [("fiscal 2025 second quarter", "2025-07", "2025-09")]),
    ("Net income in the first half of fiscal 2024 was ¥1.2 trillion.", "SoftBank Group Corp",
     "2024-11", [("the first half of fiscal 2024", "2024-04", "2024-09")]),
    ("Results for FY3/2025 were a record.", None, "2025-05", [("FY3/2025", "2024-04", "2025-03")]),
    # Governments.
    ("Japan's FY2025 budget totals ¥115 trillion.", "Japanese government", "2025-01",
     [("FY2025", "2025-04", "2026-03")]),
    ("The government borrowed £150bn in 2023-24.", "UK government", "2024-05",
     [("2023-24", "2023-04", "2024-03")]),
    ("Borrowing in 2024/25 overshot forecasts.", "Britain", "2025-05",
     [("2024/25", "2024-04", "2025-03")]),
    ("The deficit for fiscal 2023-24 was C$61.9 billion.", "Government of Canada", "2024-10",
     [("fiscal 2023-24", "2023-04", "2024-03")]),
    ("The budget for 2024-25 forecasts a surplus.", "Australia", "2024-05",
     [("2024-25", "2024-07", "2025-06")]),
    ("The FY24 surplus was A$15.8 billion.", "Australian government", "2024-09",
     [("FY24", "2023-07", "2024-06")]),
    ("The deficit in fiscal 2024 reached $1.8 trillion.", "United States", "2024-10",
     [("fiscal 2024", "2023-10", "2024-09")]),
    ("The CBO projects a deficit for fiscal year 2025.", "Congressional Budget Office", "2025-01",
     [("fiscal year 2025", "2024-10", "2025-09")]),
    ("The deficit in the first half of fiscal 2025 rose.", "U.S. government", "2025-04",
     [("the first half of fiscal 2025", "2024-10", "2025-03")]),
    ("Spending this fiscal year will rise.", "Pentagon", "2025-02",
     [("this fiscal year", "2024-10", "2025-09")]),
    ("India's economy grew 8.2% in FY24.", "India", "2024-06", [("FY24", "2023-04", "2024-03")]),
    ("Growth of 6.5% is expected in 2025-26.", "Reserve Bank of India", "2025-04",
     [("2025-26", "2025-04", "2026-03")]),
    ("The fiscal deficit in the first half of the fiscal year was 29%.", "Government of India",
     "2024-11", [("the first half of the fiscal year", "2024-04", "2024-09")]),
    ("Factory output in FY 2023-24 rose.", "India (manufacturing)", "2024-06",
     [("FY 2023-24", "2023-04", "2024-03")]),
    # Apple: October to September; a scope takes its owner's calendar.
    ("iPhone sales in the fiscal fourth quarter rose.", "Apple", "2024-11",
     [("the fiscal fourth quarter", "2024-07", "2024-09")]),
    ("Sales in fiscal 2024 fell 8%.", "Apple (Greater China)", "2024-11",
     [("fiscal 2024", "2023-10", "2024-09")]),
    # More ways to write one.
    ("Sony's Q4 FY24 sales fell.", "Sony", "2025-05", [("Q4 FY24", "2025-01", "2025-03")]),
    ("Fiscal 2024's fourth quarter was weak.", "Oracle", "2024-09",
     [("Fiscal 2024's fourth quarter", "2024-03", "2024-05")]),
    ("Fourth-quarter fiscal 2024 revenue rose.", "Cisco", "2024-09",
     [("Fourth-quarter fiscal 2024", "2024-05", "2024-07")]),
    ("The fourth quarter of its fiscal year ends in January.", "Walmart", "2025-03",
     [("The fourth quarter of its fiscal year", "2024-11", "2025-01")]),
    ("Sales rose in the 2024 fiscal year.", "Procter & Gamble", "2024-08",
     [("the 2024 fiscal year", "2023-07", "2024-06")]),
    ("Profit fell in FY'24 and rose in fiscal-year 2025.", "Disney", "2025-11",
     [("FY'24", "2023-10", "2024-09"), ("fiscal-year 2025", "2024-10", "2025-09")]),
    ("Tax receipts in financial year 2023-24 rose.", "United Kingdom", "2024-06",
     [("financial year 2023-24", "2023-04", "2024-03")]),
    ("Exports rose in FY24-25.", "Infosys", "2025-04", [("FY24-25", "2024-04", "2025-03")]),
    ("Net income in H2 FY2024 fell.", "SoftBank", "2025-05", [("H2 FY2024", "2024-10", "2025-03")]),
    ("Spending rose in fiscal 2024.", None, "2025-02", []),
    # Nothing to find.
    ("Revenue grew every year in 2021-2025.", "Apple", "2025-02", []),
    ("Revenue grew in 2024-25.", "Apple", "2025-06", []),
    ("Revenue grew in 2024-25.", "Volkswagen", "2025-06", []),
    ("Volkswagen's fiscal 2024 revenue fell.", "Volkswagen", "2025-03", []),
    ("FYI, the company made $5 billion in 2024.", "Microsoft", "2025-02", []),
    ("Trade with FYROM rose 3% in 2019.", "Microsoft", "2025-02", []),
    ("India won the 2024-25 season opener.", "India", "2025-02", []),
    ("Attendance in the 2024-25 Premier League season rose.", "United Kingdom", "2025-06", []),
    ("Rice output in the crop year 2024-25 rose.", "India", "2025-06", []),
    ("Sales in the fourth quarter of 2024 rose.", "Microsoft", "2025-02", []),
    ("Q3 2024 revenue rose.", "Cisco", "2025-02", []),
    ("Fiscal policy in 2024 was tight.", "Japan", "2025-02", []),
    ("Revenue in the fiscal year ended June 30, 2024 rose.", "Microsoft", "2024-08", []),
    ("Spending this fiscal year will rise.", "Microsoft", "2025", []),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "owner", "published", "expected"), CASES)
def test_fiscal_expressions(
    sentence: str, owner: str | None, published: str, expected: list[tuple[str, str, str]]
) -> None:
    calendar = fiscal.calendar_for(owner, FISCAL)
    found = fiscal.find(sentence, calendar, periods.Reference.parse(published))
    assert [(sentence[t.start : t.end], t.period.start, t.period.end) for t in found] == expected
    assert all(t.kind.startswith("fiscal") for t in found)


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("iPhone sales in the September quarter rose.", "2025-02",
         [("the September quarter", "2024-07", "2024-09")]),
        ("Revenue in the June quarter of 2024 rose.", "2025-02",
         [("the June quarter of 2024", "2024-04", "2024-06")]),
        ("Profit for the December 2024 quarter fell.", "2025-02",
         [("the December 2024 quarter", "2024-10", "2024-12")]),
        ("Sales in the quarter ended June 30, 2024 rose.", "2025-02",
         [("the quarter ended June 30, 2024", "2024-04", "2024-06")]),
        ("Sales in the quarter ending March 31 rose.", "2025-06",
         [("the quarter ending March 31", "2025-01", "2025-03")]),
        ("Profit in the three months ended September 30 doubled.", "2024-11",
         [("the three months ended September 30", "2024-07", "2024-09")]),
        ("Output in the quarter to 30 June 2024 fell.", "2025-02",
         [("the quarter to 30 June 2024", "2024-04", "2024-06")]),
        ("Sales in the March quarter rose.", "2025-03",
         [("the March quarter", "2024-01", "2024-03")]),
        ("Sales in the March quarter rose.", "2025", [("the March quarter", "2024-01", "2024-03")]),
        ("Sales in the fourth quarter rose.", "2025-02", []),
        ("Prices may quarter the margin.", "2025-02", []),
    ],
)  # fmt: skip
def test_quarters_by_month(
    sentence: str, published: str, expected: list[tuple[str, str, str]]
) -> None:
    found = fiscal.quarter_by_month(sentence, periods.Reference.parse(published))
    assert [(sentence[t.start : t.end], t.period.start, t.period.end) for t in found] == expected


def test_a_quarter_by_month_without_a_year_needs_a_date() -> None:
    assert fiscal.quarter_by_month("the September quarter", None) == []


def test_relative_fiscal_periods_need_a_date() -> None:
    calendar = fiscal.calendar_for("Apple", FISCAL)
    assert fiscal.find("the fiscal fourth quarter", calendar, None) == []
    assert fiscal.find("this fiscal year", calendar, None) == []
    (span,) = fiscal.find("fiscal 2024", calendar, None)  # a written year needs no date
    assert (span.period.start, span.period.end) == ("2023-10", "2024-09")


@pytest.mark.parametrize(
    ("owner", "calendar"),
    [
        ("Apple", "Apple"),
        ("APPLE INC.", "Apple"),
        ("Apple Inc", "Apple"),
        ("Apple's", "Apple"),
        ("Apple (Greater China)", "Apple"),
        ("India (manufacturing)", "India"),
        ("Government of India", "India"),
        ("Indian government", "India"),
        ("State Bank of India", "Indian companies"),
        ("Sony Group Corp", "Sony"),
        ("The Walt Disney Company", "Disney"),
        ("U.S.", "United States"),
        ("HM Treasury", "United Kingdom"),
        ("Volkswagen", None),
        ("Inc", None),
        ("", None),
        (None, None),
    ],
)
def test_calendar_for(owner: str | None, calendar: str | None) -> None:
    found = fiscal.calendar_for(owner, FISCAL)
    assert (found.name if found else None) == calendar


def test_builtin_calendars_are_sourced_and_owners_unambiguous() -> None:
    seen: dict[str, str] = {}
    for calendar in FISCAL.calendar:
        assert calendar.source.strip()
        for owner in calendar.owners:
            key = owner.lower()
            assert key not in seen, f"{owner!r} is in {seen[key]!r} and {calendar.name!r}"
            seen[key] = calendar.name
            assert fiscal.calendar_for(owner, FISCAL) == calendar


def _write(directory: Path, body: str) -> Path:
    path = directory / "fiscal.toml"
    path.write_text('schema = "factcheck.fiscal/1"\n' + body, encoding="utf-8")
    return path


def test_a_bad_first_month_is_named(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        '[[calendar]]\nname = "Acme"\nowners = ["Acme"]\nfirst_month = 13\nnamed_by = "end"\n'
        'source = "Acme annual report"\n',
    )
    with pytest.raises(InputError) as err:
        packs.load((tmp_path,))
    message = str(err.value)
    assert message.startswith(f"{path}: calendar[")
    assert "('Acme').first_month" in message and "\n" not in message


def test_a_missing_source_is_named(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        '[[calendar]]\nname = "Acme"\nowners = ["Acme"]\nfirst_month = 4\nnamed_by = "end"\n',
    )
    with pytest.raises(InputError) as err:
        packs.load((tmp_path,))
    message = str(err.value)
    assert message.startswith(f"{path}: calendar[")
    assert "('Acme').source: Field required" in message and "\n" not in message


def test_a_bad_naming_is_named(tmp_path: Path) -> None:
    _write(
        tmp_path,
        '[[calendar]]\nname = "Acme"\nowners = ["Acme"]\nfirst_month = 4\nnamed_by = "middle"\n'
        'source = "Acme annual report"\n',
    )
    with pytest.raises(InputError, match=r"calendar\[\d+\] \('Acme'\)\.named_by"):
        packs.load((tmp_path,))


def test_a_user_calendar_adds_an_owner_and_can_move_one(tmp_path: Path) -> None:
    _write(
        tmp_path,
        '[[calendar]]\nname = "Acme"\nowners = ["Acme", "Infosys"]\nfirst_month = 7\n'
        'named_by = "start"\nsource = "Acme annual report"\n',
    )
    extended = packs.load((tmp_path,)).fiscal
    acme = fiscal.calendar_for("Acme Ltd", extended)
    assert acme is not None and acme.name == "Acme"
    assert fiscal.calendar_for("Infosys", extended) == acme  # the later calendar takes the owner
    assert fiscal.calendar_for("Apple", extended) is not None  # the built-in ones stay
    (span,) = fiscal.find("Acme's fiscal 2024 sales", acme, None)
    assert (span.period.start, span.period.end) == ("2024-07", "2025-06")


_FISCAL_WORDING = [
    "Profit in the SECOND QUARTER of FISCAL 2025 beat estimates.",
    "Its fiscal third-quarter sales, q3 FY25 in its own terms, slipped.",
    "Revenue for 2Q FY2024 and for 4q rose, the retailer said.",
    "Margins in the first half of financial year 2023-24 narrowed.",
    "The h1 and 2H figures for its Fiscal 2026 were restated.",
    "Results for FY3/2025 and for fy24 were weak.",
    "Spending in 2025/26 and in 2024 – 25 is budgeted at Rs 5 lakh crore.",
    "Growth of 6% for the fiscal, after the previous financial year's 7%.",
    "The group's full-year fiscal year closed in March with the 2024 financial year behind it.",
]


@pytest.mark.parametrize("sentence", _FISCAL_WORDING)
def test_a_pattern_is_skipped_only_where_it_cannot_match(sentence: str) -> None:
    # Each pattern's cue is searched first: wherever the pattern matches, so must its cue.
    matched = 0
    for (kind, pattern), cue in zip(fiscal._PATTERNS, fiscal._CUES, strict=True):
        if pattern.search(sentence) is not None:
            matched += 1
            assert cue.search(sentence) is not None, kind
    assert matched > 0
