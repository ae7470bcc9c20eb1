"""When an article was published and what it is called, from what the text shows."""

from __future__ import annotations

import re
from datetime import date

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATES = (
    re.compile(rf"\b{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+(?:19|20)\d\d\b", re.IGNORECASE),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTH},?[ \t]+(?:19|20)\d\d\b", re.IGNORECASE),
    re.compile(r"\b(?:19|20)\d\d-[01]\d-[0-3]\d\b"),
    re.compile(r"\b(?:19|20)\d\d/[01]?\d/[0-3]?\d\b"),
    # "11/01/2024" in a wire's dateline: month first, as US wires write it (dateutil's default).
    re.compile(r"\b[01]?\d/[0-3]?\d/(?:19|20)\d\d\b"),
)
_MONTH_YEAR = re.compile(rf"\b{_MONTH}[ \t]+(?:19|20)\d\d\b", re.IGNORECASE)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)[ \t]*((?:19|20)\d\d)\b", re.IGNORECASE)
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
_HEAD_LINES = 12


def normalise(value: str) -> str | None:
    """An ISO date (or `YYYY-MM`, `YYYY`) from a date as written; None if unreadable."""
    text = value.strip()
    partial = _PARTIAL.match(text)
    if partial:
        return text
    from dateutil import parser

    try:
        parsed = parser.parse(text, default=_DEFAULT, fuzzy=True)
    except (ValueError, OverflowError):
        return None
    return str(parsed.date().isoformat())


_DEFAULT = __import__("datetime").datetime(2000, 1, 1)


# A line that says who wrote or sent the article and when, not a sentence of it:
# "By Jane Doe | Outlet | 1 November 2024", "NEW DELHI, Nov 29 (PTI) --", "CNBC | 17 January 2025".
_DATELINE = re.compile(
    r"^\s*(?:By\s|[A-Z][A-Z .'-]{2,40},|\(?[A-Z][\w .&-]{0,40}\)?\s*(?:--|—|\|))|\||\((?:[A-Z][\w .]{1,20})\)\s*(?:--|—|-)"
)
_MONTH_DAY = re.compile(rf"\b{_MONTH}[ \t]+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.IGNORECASE)


def _dateline(line: str) -> bool:
    """Whether a line is a byline or a dateline rather than a sentence that mentions a date."""
    stripped = line.strip()
    return bool(stripped) and (len(stripped) <= 60 or _DATELINE.search(stripped) is not None)


def dateline_day(text: str, lines: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Month and day of a dateline that names no year ("NEW DELHI, Nov 29 (PTI) --")."""
    for start, end in lines[:_HEAD_LINES]:
        line = text[start:end]
        if not _dateline(line):
            continue
        match = _MONTH_DAY.search(line)
        if match:
            found = normalise(f"{match.group()} 2000")
            if found:
                return int(found[5:7]), int(found[8:10])
    return None


def nearest_day(around: str, month: int, day: int) -> str:
    """The date of `month` and `day` nearest to the date `around` ("Nov 29" near 2024-12-03)."""
    year = int(around[:4])
    target = _date(around)
    options = []
    for y in (year - 1, year, year + 1):
        try:
            options.append(date(y, month, day))
        except ValueError:
            continue  # February 29 in a common year
    if not options or target is None:
        return around
    return min(options, key=lambda d: abs((d - target).days)).isoformat()


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        try:
            return date.fromisoformat(f"{text[:7]}-01" if len(text) >= 7 else f"{text[:4]}-07-01")
        except ValueError:
            return None


def from_text(text: str, lines: list[tuple[int, int]]) -> str | None:
    """The dateline near the top of the article, else the copyright year at its foot.

    Only bylines and datelines count: a sentence near the top that mentions a date
    ("in October-December 2022") speaks of its figures, not of when it was written.
    """
    for start, end in lines[:_HEAD_LINES]:
        line = text[start:end]
        if not _dateline(line):
            continue
        for pattern in _DATES:
            match = pattern.search(line)
            if match:
                found = normalise(match.group())
                if found:
                    return found
        match = _MONTH_YEAR.search(line)
        if match:
            found = normalise(match.group())
            if found:
                return found[:7]
    for start, end in reversed(lines[-_HEAD_LINES:]):
        match = _COPYRIGHT.search(text[start:end])
        if match:
            return match.group(1)
    return None


def validate_override(value: str) -> str:
    """The `--published` option: YYYY, YYYY-MM or YYYY-MM-DD."""
    match = _PARTIAL.match(value.strip())
    if not match:
        raise ValueError(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    date(year or 1, month or 1, day or 1)  # raises ValueError on an impossible date
    return value.strip()


def title_from_text(text: str, lines: list[tuple[int, int]]) -> str | None:
    """The first line, if it reads as a headline (a few words, not a bullet or a label)."""
    for start, end in lines[:3]:
        line = text[start:end].strip()
        if not line:
            continue
        heading = re.match(r"#{1,2}[ \t]+(.+?)[ \t#]*$", line)  # a Markdown headline
        if heading is not None:
            line = heading.group(1)
        words = line.split()
        if 3 <= len(words) <= 25 and line[0] not in "-*•#>[{" and not line.endswith(":"):
            return line
        return None
    return None
