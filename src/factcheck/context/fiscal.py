"""Fiscal years, quarters and halves, placed by the calendar of the owner that reports them.

"fiscal 2024", "FY25", "FY 2024-25", "Q2 FY25", "the second quarter of fiscal
2025", "H1 FY25", "the first half of the fiscal year" name different months for
Apple (years from October, named by their end), Sony (from April, named by their
start) and India (from April, written "2024-25"). Calendars come from
`rules/fiscal.toml`; without one a fiscal year cannot be placed, so nothing is
returned and the caller decides. `quarter_by_month` reads quarters named by
their last month ("the September quarter", "the three months ended June 30"),
which need no calendar.
"""

from __future__ import annotations

import re
from typing import Literal

from ..models import Period
from ..packs import Calendar, Fiscal, per_pack
from .periods import Reference, TimeSpan

__all__ = ["calendar_for", "find", "quarter_by_month"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
_YEAR = r"(?:19|20)\d\d"
_SEP = r"\s*[-–—/]\s*['’]?"  # "2024-25", "2024-'25"
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}  # fmt: skip
# "FY" only where it stands alone ("FY24", "Q2FY25", "2QFY25"), never inside a word ("FYROM").
_FY = r"(?:(?<=[Qq])|(?<![A-Za-z]))FY"
# Words beside a bare "2024-25" that make it another kind of year. Grammar of the
# sentence rather than a fact about an owner, so kept here and not in the rules.
_OTHER_YEARS = frozenset(
    ("season", "seasons", "academic", "school", "crop", "harvest", "marketing", "sugar", "winter",
     "summer", "league", "championship", "tournament", "series", "cup", "term", "session")
)  # fmt: skip
_CUE = re.compile(r"fiscal|financial|FY", re.I)


def _fy(tag: str) -> str:
    """A fiscal year as written; group names carry `tag` so one pattern can hold two."""
    t = tag
    return (
        rf"(?:(?:fiscal|financial)(?:[\s-]+year)?\s+(?P<{t}y>{_YEAR})(?:{_SEP}(?P<{t}y2>{_YEAR}|\d\d))?(?!\d)"
        rf"|{_FY}\s?['’]?(?P<{t}f>{_YEAR}|\d\d)(?:{_SEP}(?P<{t}f2>{_YEAR}|\d\d))?(?!\d)"
        rf"|(?:(?:the|its|their)\s+)?(?P<{t}a>{_YEAR})(?:{_SEP}(?P<{t}a2>{_YEAR}|\d\d))?[\s-]+(?:fiscal|financial)[\s-]+year"
        rf"|(?:(?:the|its|their)\s+)?(?P<{t}r>current|this|last|previous|past|prior|next|coming)\s+(?:fiscal|financial)(?:[\s-]+year)?(?![\s-]+(?:quarter|half|Q\d))"
        # "the fiscal" on its own, as Indian English writes the current fiscal year ("growth
        # of 6% for the fiscal", "the first half of the fiscal"): the year running now.
        rf"|(?:the|its|their)\s+(?P<{t}c>fiscal)(?=\s*(?:[,.;:)]|\Z)|\s+(?:and|but|as|with|after|while|"
        rf"when|compared|against|amid|despite|because|so|even|down|up|from|is|was|were|will|would|"
        rf"could|has|had|in|on|at|for)\b)"
        # "the fiscal year" names no year: the latest part of that name that has ended.
        rf"|(?:the|its|their|the\s+(?:group|company|firm|bank|carrier|retailer|insurer)['’]s)\s+(?:(?:full|whole|entire)[\s-]+)?(?:fiscal|financial)[\s-]+year(?P<{t}n>)(?!\s+(?:ended|ending|to|through)\b))"
    )


# After a quarter or half: "of fiscal 2025", "FY25", "2024-25", or a plain year a cue elsewhere vouches for.
_AFTER = rf"(?:\s*(?:(?:of|in)\s+)?(?:{_fy('o')}|(?P<xy>{_YEAR})(?:{_SEP}(?P<xy2>{_YEAR}|\d\d))?(?![\d%])))?"
_BEFORE = rf"(?:{_fy('p')}(?:['’]s)?[\s-]+)?"

# Each pattern is tried over the whole sentence; the first to claim a span keeps it.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("quarter", re.compile(rf"\b(?:(?:the|its|their)\s+)?{_BEFORE}(?:fiscal[\s-]+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?quarter{_AFTER}", re.I)),
    ("quarter", re.compile(rf"\b{_BEFORE}(?:fiscal[\s-]+)?(?:Q(?P<qn>[1-4])|(?P<nq>[1-4])Q){_AFTER}", re.I)),
    ("half", re.compile(rf"\b(?:(?:the|its|their)\s+)?{_BEFORE}(?:fiscal[\s-]+)?(?P<h>first|second|1st|2nd)[\s-]+(?:fiscal[\s-]+)?half{_AFTER}", re.I)),
    ("half", re.compile(rf"\b{_BEFORE}(?:fiscal[\s-]+)?(?:H(?P<hn>[12])|(?P<nh>[12])H){_AFTER}", re.I)),
    # Japanese filings name a year by the month it ends: "FY3/2025" ends in March 2025.
    ("ending", re.compile(rf"{_FY}\s?(?P<em>1[0-2]|0?[1-9])/(?P<ey>{_YEAR}|\d\d)(?!\d)")),
    ("year", re.compile(rf"\b{_fy('o')}", re.I)),
    ("split", re.compile(rf"(?<![\w/.–-])(?P<sy>{_YEAR}){_SEP}(?P<sy2>{_YEAR}|\d\d)(?![\w/%–-]|\.\d)")),
]  # fmt: skip

# What each pattern cannot match without, searched first: a pattern that opens with a
# look-behind or a word edge is tried at every position of the sentence, and most
# sentences hold no quarter, half or fiscal year at all.
_CUES: list[re.Pattern[str]] = [
    re.compile(r"quarter", re.I),
    re.compile(r"q[1-4]|[1-4]q", re.I),
    re.compile(r"half", re.I),
    re.compile(r"h[12]|[12]h", re.I),
    re.compile(r"FY"),
    _CUE,
    re.compile(rf"{_YEAR}{_SEP}"),
]

_KINDS = {"quarter": "fiscal_quarter", "half": "fiscal_half", "ending": "fiscal_year"}

_QUARTER_BY_MONTH: list[re.Pattern[str]] = [
    re.compile(rf"\b(?:(?:the|its|their)\s+)?(?P<m>{_MONTH})(?:\s+(?P<y>{_YEAR}))?[\s-]+quarter\b(?:\s+(?:of\s+)?(?P<y2>{_YEAR})\b)?", re.I),
    re.compile(rf"\b(?:(?:the|its|their)\s+)?(?:(?:fiscal|financial)\s+)?(?:quarter|(?:three|3)\s+months)\s+(?:(?:that|which)\s+)?(?:ended|ending|to|through)\s+(?:(?:in|on)\s+)?(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<m>{_MONTH})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<y>{_YEAR})\b)?", re.I),
]  # fmt: skip


def calendar_for(owner: str | None, fiscal: Fiscal) -> Calendar | None:
    """The fiscal calendar `owner` reports on, or None when it has none in the rules."""
    if not owner or not owner.strip():
        return None
    return _owners(fiscal).get(_key(owner, _suffixes(fiscal)))


@per_pack
def _suffixes(fiscal: Fiscal) -> frozenset[str]:
    return frozenset(s.lower().rstrip(".") for s in fiscal.suffixes)


@per_pack
def _owners(fiscal: Fiscal) -> dict[str, Calendar]:
    suffixes = _suffixes(fiscal)
    out: dict[str, Calendar] = {}
    for calendar in fiscal.calendar:  # a later calendar takes an owner over: user packs come last
        for name in (calendar.name, *calendar.owners):
            out[_key(name, suffixes)] = calendar
    return out


def _key(name: str, suffixes: frozenset[str]) -> str:
    """A name as matched: lower case, no scope in brackets, possessive or corporate suffix."""
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name.replace("’", "'"))  # "Apple (Greater China)"
    name = re.sub(r"'s$", "", name.strip())
    words = re.sub(r"[.,]", "", name).lower().split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in suffixes:
        words = words[:-1]
    return " ".join(words)


def find(
    sentence: str, calendar: Calendar | None, ref: Reference | None, implicit: bool = False
) -> list[TimeSpan]:
    """Every fiscal year, quarter and half in `sentence`, placed by `calendar`.

    With `implicit`, a quarter or half without a fiscal cue ("the fourth quarter") is the
    owner's fiscal one too: a company reports in its own quarters.
    """
    if not re.search(
        r"fiscal|financial|FY|\d\d" + (r"|quarter|half|\b[QH][1-4]\b" if implicit else ""),
        sentence,
        re.I,
    ):
        return []
    taken: list[tuple[int, int]] = []
    out: list[TimeSpan] = []
    for (kind, pattern), cue in zip(_PATTERNS, _CUES, strict=True):
        if calendar is None and kind != "ending":
            continue  # months of a fiscal year cannot be known without its calendar
        if cue.search(sentence) is None:
            continue
        for m in pattern.finditer(sentence):
            s, e = m.span()
            if not m.group().strip() or any(s < b and e > a for a, b in taken):
                continue
            # Implicitly only a quarter or half without a year: "the fourth quarter" is the
            # owner's own, "the first half of 2024" the calendar's.
            bare = not re.search(r"(?:19|20)\d\d", m.group())
            period = _resolve(
                kind, m, calendar, ref, implicit and bare and kind in ("quarter", "half")
            )
            if period is None:
                continue
            taken.append((s, e))
            out.append(TimeSpan(s, e, period, _KINDS.get(kind, "fiscal_year")))
    return sorted(out, key=lambda t: t.start)


def quarter_by_month(sentence: str, ref: Reference | None) -> list[TimeSpan]:
    """Quarters named by their last month: "the September quarter", "the quarter ended June 30"."""
    if not re.search(r"quarter|months", sentence, re.I):
        return []
    out: list[TimeSpan] = []
    for pattern in _QUARTER_BY_MONTH:
        for m in pattern.finditer(sentence):
            if any(m.start() < t.end and m.end() > t.start for t in out):
                continue
            if not m.group("m")[0].isupper():
                continue  # "may" the verb; articles write months with a capital
            month = _MONTHS[m.group("m").lower()[:3]]
            year = m.group("y") or m.groupdict().get("y2")
            # No year: the latest such quarter that has ended.
            end = _index(int(year), month) if year else _latest_ending(month - 1, ref)
            if end is None:
                continue
            out.append(TimeSpan(m.start(), m.end(), _months(end - 2, 3), "quarter_by_month"))
    return sorted(out, key=lambda t: t.start)


# Months are counted as one index, year * 12 + month - 1, so spans cross years by addition.
def _index(year: int, month: int) -> int:
    return year * 12 + month - 1


def _months(first: int, count: int) -> Period:
    last = first + count - 1
    return Period(
        start=f"{first // 12}-{first % 12 + 1:02d}", end=f"{last // 12}-{last % 12 + 1:02d}"
    )


def _latest_ending(month_index: int, ref: Reference | None) -> int | None:
    """The last month of the latest run ending in calendar month `month_index` (0-11) that is over.

    A run ending in the reference month is not over yet: figures for it come later.
    Without a month, only runs that ended by the previous December are certainly over.
    """
    if ref is None:
        return None
    now = _index(ref.year, ref.month or 1)
    return now - 1 - (now - 1 - month_index) % 12


def _year(text: str, base: int | None = None) -> int:
    """A year as written: "2024", "24" ("25" after 2024 is 2025; "00" after 1999 is 2000)."""
    if len(text) == 4:
        return int(text)
    if base is not None:
        year = base // 100 * 100 + int(text)
        return year + 100 if year < base else year
    return 2000 + int(text) if int(text) < 70 else 1900 + int(text)


_Years = tuple[int, int] | Literal["latest"] | None  # (first month index, count of years)


def _fiscal_years(calendar: Calendar, first: str, second: str | None) -> tuple[int, int] | None:
    """The months of "fiscal 2024", "FY 2024-25" or "fiscal 2021-2025" in `calendar`."""
    a = _year(first)
    fm = calendar.first_month
    if second is None:
        start_year = a - 1 if calendar.named_by == "end" and fm != 1 else a
        return _index(start_year, fm), 1
    b = _year(second, a)
    if b == a + 1 and fm != 1:
        return _index(a, fm), 1  # "2024-25": the one year that starts in 2024
    if b > a:
        first_years = _fiscal_years(calendar, first, None)  # "fiscal 2021-2025": five years
        return None if first_years is None else (first_years[0], b - a + 1)
    return None


def _which_years(g: dict[str, str | None], calendar: Calendar, ref: Reference | None) -> _Years:
    for tag in ("p", "o"):
        for branch in ("y", "f", "a"):
            written = g.get(tag + branch)
            if written:
                return _fiscal_years(calendar, written, g.get(tag + branch + "2"))
        rel = g.get(tag + "r") or ("current" if g.get(tag + "c") else None)
        if rel:
            if ref is None or ref.month is None:
                return None  # which fiscal year is current depends on the month
            now = _index(ref.year, ref.month)
            current = now - (now - (calendar.first_month - 1)) % 12
            step = {"current": 0, "this": 0, "next": 12, "coming": 12}.get(rel.lower(), -12)
            return current + step, 1
        if g.get(tag + "n") is not None:
            return "latest"
    if g.get("xy"):
        return _fiscal_years(calendar, g["xy"] or "", g.get("xy2"))
    return "latest"


def _resolve(
    kind: str,
    m: re.Match[str],
    calendar: Calendar | None,
    ref: Reference | None,
    implicit: bool = False,
) -> Period | None:
    g = m.groupdict()
    if kind == "ending":
        closing = _index(_year(g["ey"] or ""), int(g["em"] or "0"))
        return _months(closing - 11, 12)
    if calendar is None:
        return None
    if kind == "split":
        # A bare "2024-25" is a fiscal year only for owners that write their years so.
        if not calendar.split_years or _other_year(m):
            return None
        a, b = _year(g["sy"] or ""), _year(g["sy2"] or "", _year(g["sy"] or ""))
        return _months(_index(a, calendar.first_month), 12) if b == a + 1 else None
    split = bool(g.get("xy2")) and calendar.split_years
    if _CUE.search(m.group()) is None and not split and not implicit:
        return None  # "the fourth quarter", "Q3 2024": calendar quarters, not ours
    years = _which_years(g, calendar, ref)
    if years is None:
        return None
    if kind == "year":
        if years == "latest":
            # "the fiscal year": the latest one ended, as results speak of a year just closed.
            end = _latest_ending((calendar.first_month + 10) % 12, ref)
            return None if end is None else _months(end - 11, 12)
        return _months(years[0], 12 * years[1])
    size = 3 if kind == "quarter" else 6
    part_text = next((g[k] for k in ("q", "qn", "nq", "h", "hn", "nh") if g.get(k)), None) or ""
    part = _ORDINALS.get(part_text.lower()) or int(part_text)
    if part * size > 12:
        return None
    if years == "latest":
        last = (calendar.first_month - 1 + part * size - 1) % 12
        end = _latest_ending(last, ref)
        return None if end is None else _months(end - size + 1, size)
    if years[1] != 1:
        return None  # a quarter of several years names no one quarter
    return _months(years[0] + (part - 1) * size, size)


def _other_year(m: re.Match[str]) -> bool:
    """Whether the words around a bare "2024-25" make it a season or a crop year instead."""
    text = m.string
    near = text[: m.start()].split()[-2:] + text[m.end() :].split()[:2]
    return any(re.sub(r"\W", "", w).lower() in _OTHER_YEARS for w in near)
