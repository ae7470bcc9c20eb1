"""Time expressions in a sentence, resolved to periods against the article's date.

"in 2023", "2021-2025", "during the 14th Five-Year Plan (2021–2025)", "since
2021", "over the past four years", "the first 11 months last year", "between
January and November", "for three consecutive years", "last month"... Named
periods come from `rules/periods.toml`; everything relative needs the date the
article speaks from (its publication date, or an estimate when it has none).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from text_to_num import text2num

from ..models import Period
from ..packs import Periods, per_pack

_FULL_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")  # fmt: skip
_MONTHS = {name: n for n, name in enumerate(_FULL_MONTHS, 1)} | {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Names of months and weekdays, for the stages that must not read them as names or measures.
MONTH_NAMES = frozenset(_MONTHS)  # full and abbreviated
FULL_MONTH_NAMES = frozenset(_FULL_MONTHS)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR = r"(?:19|20)\d\d"
_COUNT = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_HALVES = {"first": 1, "second": 2, "1": 1, "2": 2}

# Each pattern is tried over the whole sentence; the first to claim a span keeps it.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("year_range", re.compile(rf"(?:\b(?:from|between|during|in|over)\s+)?\b(?P<y1>{_YEAR})\s*(?:-|–|—|/|to|and|through)\s*['’]?(?P<y2>{_YEAR}|\d\d)\b", re.I)),
    ("first_months", re.compile(rf"\b(?:in\s+)?(?:the\s+)?first\s+(?P<n>{_COUNT})\s+months\s*(?:of\s+)?(?:(?P<year>{_YEAR})|(?P<rel>last|this|the\s+previous|the\s+current)\s+year)?", re.I)),
    ("month_range", re.compile(rf"\b(?:between|from)\s+(?P<m1>{_MONTH})\s+(?:and|to|through)\s+(?P<m2>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?", re.I)),
    ("month_range", re.compile(rf"\b(?P<m1>{_MONTH})\s*(?:-|–|—|to|through)\s*(?P<m2>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?", re.I)),
    # "from April", "starting in January 2026", "with effect from 1 April": when a new level
    # takes effect. Not "from April to June" (a range) nor "from April's 2.1%" (a figure's).
    ("from_month", re.compile(rf"\b(?:[Ff]rom|[Ss]tarting(?:\s+in)?|[Bb]eginning(?:\s+in)?|[Ee]ffective(?:\s+from)?)\s+(?:1(?:st)?\s+(?:of\s+)?)?(?P<m>(?:January|February|March|April|May|June|July|August|September|October|November|December))(?:\s+1(?:st)?\b)?(?:,?\s+(?P<year>{_YEAR}))?\b(?!['’]s)(?!\s*(?:\d|to\b|through\b|and\b|-|–))")),
    ("months_to", re.compile(rf"\b(?:in\s+)?(?:the\s+)?(?P<n>{_COUNT})\s+months\s+(?:(?:that|which)\s+)?(?:to|through|ended|ending)\s+(?:in\s+)?(?:the\s+end\s+of\s+)?(?P<m>{_MONTH})(?:\s+\d{{1,2}}(?!\d))?(?:,?\s+(?P<year>{_YEAR}))?", re.I)),
    ("fiscal_ended", re.compile(rf"\b(?:the\s+)?(?:fiscal\s+|financial\s+)?year\s+(?:that\s+)?(?:ended|ending|to)\s+(?:in\s+)?(?P<m>{_MONTH})(?:\s+\d{{1,2}}(?!\d))?(?:,?\s+(?P<year>{_YEAR}))?", re.I)),
    ("half", re.compile(rf"\b(?:in\s+)?(?:the\s+)?(?P<h>first|second)\s+half(?:\s+(?:of\s+)?(?:(?P<year>{_YEAR})|(?P<rel>last|this)\s+year))?|\bH(?P<h2>[12])\s*(?P<year2>{_YEAR})?", re.I)),
    ("quarter", re.compile(rf"\b(?:in\s+)?(?:the\s+)?(?P<q>first|second|third|fourth)[\s-]+quarter\s*(?:of\s+)?(?:(?P<year>{_YEAR})|(?P<rel>last|this)\s+year)?|\bQ(?P<q2>[1-4])\s*(?P<year2>{_YEAR})?", re.I)),
    ("since", re.compile(rf"\bsince\s+(?:(?:the\s+)?(?:start|end|beginning|middle)\s+of\s+|mid-|early\s+|late\s+)?(?P<year>{_YEAR})\b", re.I)),
    ("past_years", re.compile(rf"\b(?:over|in|during|for)?\s*(?:the\s+)?(?:past|last|previous)\s+(?P<n>{_COUNT})\s+years\b", re.I)),
    ("past_decade", re.compile(r"\b(?:over|in|during|for)?\s*(?:the\s+)?(?:past|last|previous)\s+decade\b", re.I)),
    ("year_earlier", re.compile(r"\b(?:from\s+|than\s+)?(?:(?:a|one)\s+year\s+(?:earlier|before|ago)|(?:in\s+|from\s+)?the\s+(?:same\s+(?:period|quarter|month|time)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year|the\s+previous\s+year)|year[- ](?:ago|earlier)\s+(?:period|quarter|month)|prior[- ]year\s+(?:period|quarter)))\b", re.I)),
    ("previous_quarter", re.compile(r"\b(?:in\s+|from\s+|than\s+)?the\s+(?:previous|preceding|prior)\s+(?:quarter|three[\s-]month\s+period|three\s+months)\b", re.I)),
    ("previous_month", re.compile(r"\b(?:in\s+|from\s+|than\s+|of\s+)?(?:the\s+(?:previous|preceding|prior)\s+month|the\s+month\s+before|(?:a|one)\s+month\s+(?:earlier|before|ago))\b", re.I)),
    ("consecutive", re.compile(rf"\b(?:for\s+)?(?P<n>{_COUNT})\s+(?:consecutive|straight|successive)\s+years\b", re.I)),
    # "from 29 June to 28 September", "between April 1 and June 30, 2024": one span of days.
    # "for the week ended Dec. 7": the seven days that end on that day.
    ("week_ended", re.compile(rf"\b(?:in\s+|for\s+)?(?:the\s+)?week\s+(?:that\s+)?(?:ended|ending|to|through)\s+(?:(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}))(?:,?\s+(?P<year>{_YEAR}))?\b", re.I)),
    ("day_range", re.compile(rf"\b(?:from|between)\s+(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH})|(?P<m1b>{_MONTH})\s+(?P<d1b>\d{{1,2}})(?:st|nd|rd|th)?)(?:,?\s+(?P<year1>{_YEAR}))?\s+(?:to|and|until|through)\s+(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH})|(?P<m2b>{_MONTH})\s+(?P<d2b>\d{{1,2}})(?:st|nd|rd|th)?)(?:,?\s+(?P<year>{_YEAR}))?\b", re.I)),
    ("day", re.compile(rf"\b(?:(?:as\s+)?(?:of|at|on)\s+(?:the\s+end\s+of\s+)?)?(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}}),?\s+(?P<year>{_YEAR})\b", re.I)),
    ("day", re.compile(rf"\b(?:(?:as\s+)?(?:of|at|on)\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH})(?:,?\s+(?P<year>{_YEAR}))?\b", re.I)),
    ("day_no_year", re.compile(rf"\b(?:as\s+of|on|by|until|from|before|after)\s+(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?![,\s]*(?:19|20)\d\d)", re.I)),
    ("weekday", re.compile(r"\b(?:on|last|this|late|early)\s+(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I)),
    ("month_year", re.compile(rf"\b(?:(?:at|by)\s+the\s+end\s+of\s+|in\s+|as\s+of\s+)?(?P<m>{_MONTH})\s+(?P<year>{_YEAR})\b", re.I)),
    ("year", re.compile(rf"\b(?:(?:at|by|as\s+of)\s+the\s+end\s+of\s+|in\s+|as\s+of\s+|fiscal\s+(?:year\s+)?|FY\s?)?(?P<year>{_YEAR})\b(?!\s*(?:-|–|/)\s*\d)", re.I)),
    # A bare month name counts after a preposition, as "end-September" or as a possessive
    # ("September's reading"); "a September order" is no time of a figure.
    ("month", re.compile(r"(?:\b(?:[Ii]n|[Dd]uring|[Ff]or|[Ss]ince|of|[Bb]y|[Tt]hrough|[Uu]ntil)\s+(?:the\s+end\s+of\s+)?|\bend-|\b(?=(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:'s|’s)))(?P<m>(?:January|February|March|April|May|June|July|August|September|October|November|December))(?:'s|’s)?\b(?!\s*\d)")),
    ("year_to_date", re.compile(r"\b(?:since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year|so\s+far\s+this\s+year|year[- ]to[- ]date)\b", re.I)),
    ("relative_year", re.compile(r"\b(?:(?:in|during|for)\s+)?(?P<rel>last|this|next|the\s+previous|the\s+current)\s+year\b", re.I)),
    ("relative_month", re.compile(r"\b(?P<rel>last|this)\s+month\b", re.I)),
    # "is now set to borrow", "now expects": "now" of a plan or a forecast dates no figure.
    ("now", re.compile(r"\b(?:now|currently|to\s+date|so\s+far)\b(?!\s+(?:(?:set|expected|forecast|projected|due|likely|poised|on\s+track|planning|plans|expects|forecasts|sees|projects|predicts|estimates)\b))", re.I)),
]  # fmt: skip


_MONTH_WORDS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DIGIT = "0123456789"
# Words one of which a sentence must hold for a pattern to be worth trying: a sentence is
# scanned for a handful of substrings instead of by every pattern.
_NEEDS: dict[str, tuple[str, ...]] = {
    "year_range": tuple(_DIGIT),
    "first_months": ("month",),
    "month_range": _MONTH_WORDS,
    "from_month": _MONTH_WORDS,
    "months_to": ("month",),
    "fiscal_ended": ("year",),
    "half": ("half", "h1", "h2"),
    "quarter": ("quarter", "q1", "q2", "q3", "q4"),
    "since": ("since",),
    "past_years": ("year",),
    "past_decade": ("decade",),
    "year_earlier": ("year",),
    "year_to_date": ("year",),
    "previous_month": ("month",),
    "weekday": ("day",),
    "previous_quarter": ("quarter", "month"),
    "consecutive": ("consecutive", "straight", "successive"),
    "week_ended": ("week",),
    "day_range": _MONTH_WORDS,
    "day": _MONTH_WORDS,
    "day_no_year": _MONTH_WORDS,
    "month_year": _MONTH_WORDS,
    "year": tuple(_DIGIT),
    "month": _MONTH_WORDS,
    "relative_year": ("year",),
    "relative_month": ("month",),
    "now": ("now", "current", "to date", "so far"),
}


@dataclass(frozen=True)
class Reference:
    """The date an article speaks from: `year`, and `month` when known."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> Reference | None:
        if not value:
            return None
        match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
        if not match:
            return None
        month = int(match.group(2)) if match.group(2) else None
        day = int(match.group(3)) if match.group(3) and month else None
        return cls(int(match.group(1)), month, day)


@dataclass(frozen=True)
class TimeSpan:
    """A time expression found in a sentence: where it stands and what it covers."""

    start: int
    end: int
    period: Period
    kind: str  # which pattern: "year", "year_range", "since", ...


def _count(value: str) -> int | None:
    if value.isdigit():
        return int(value)
    try:
        return int(text2num(value.lower(), "en"))
    except ValueError:
        return None


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


@per_pack
def _named(periods: Periods) -> re.Pattern[str] | None:
    aliases = sorted(
        {a for p in periods.period for a in (p.name, *p.aliases)}, key=len, reverse=True
    )
    if not aliases:
        return None
    alternation = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in aliases)
    # The years in brackets after a named period belong to it: "(2021–2025)".
    return re.compile(
        rf"(?:the\s+)?(?:current\s+)?(?P<name>{alternation})(?:\s*\(\s*{_YEAR}\s*(?:-|–|—|to)\s*{_YEAR}\s*\))?",
        re.I,
    )


@per_pack
def _named_words(periods: Periods) -> frozenset[str]:
    """The last word of every named period, lower case: a cheap test before the pattern."""
    return frozenset(a.split()[-1].lower() for p in periods.period for a in (p.name, *p.aliases))


@per_pack
def _named_lookup(periods: Periods) -> dict[str, Period]:
    out = {}
    for p in periods.period:
        for alias in (p.name, *p.aliases):
            out[" ".join(alias.lower().split())] = Period(start=p.start, end=p.end)
    return out


_HINT = re.compile(
    r"\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|year|month|quarter|half|decade|plan|now|current"
    r"|to date|so far",
    re.I,
)


_FISCAL_BEFORE = re.compile(r"\b(?:fiscal|financial)(?:[\s-]+year)?[\s-]*\Z", re.I)


_ORIGIN_BEFORE = re.compile(
    r"\b(?:(?:dat(?:ing|es|ed|e)|go(?:ing|es)|went|stretch(?:ing|es)|reach(?:ing|es))\s+back\s+to|"
    r"dat(?:ing|es|ed)\s+from|first\s+(?:opened|filed|launched|founded)\s+in|founded\s+in)\s+"
    r"(?:the\s+)?(?:(?:early|mid|late)[- ])?\Z",
    re.I,
)


def find(sentence: str, periods: Periods, ref: Reference | None) -> list[TimeSpan]:
    """Every time expression in `sentence`, resolved where it can be."""
    if _HINT.search(sentence) is None:
        return []  # most sentences name no time: one cheap look saves every pattern
    taken: list[tuple[int, int]] = []
    out: list[TimeSpan] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    lower = sentence.lower()
    named = _named(periods)
    if named is not None and any(w in lower for w in _named_words(periods)):
        lookup = _named_lookup(periods)
        for m in named.finditer(sentence):
            period = lookup.get(" ".join(m.group("name").lower().split()))
            if period is not None:
                taken.append(m.span())
                out.append(TimeSpan(m.start(), m.end(), period, "named"))
    held: dict[tuple[str, ...], bool] = {}  # a few word lists serve thirty patterns
    for kind, pattern in _PATTERNS:
        needs = _NEEDS[kind]
        present = held.get(needs)
        if present is None:
            present = held[needs] = any(w in lower for w in needs)
        if not present:
            continue
        for m in pattern.finditer(sentence):
            if not m.group().strip() or not free(*m.span()):
                continue
            if kind == "year_range" and _LISTED.search(m.group()):
                continue  # "in 2021 and 2022": two years listed, not a span
            if _ORIGIN_BEFORE.search(sentence, max(0, m.start() - 30), m.start()):
                # "a dispute dating back to 2016": when a story began, no figure's period.
                taken.append(m.span())
                continue
            if kind in ("quarter", "half") and _FISCAL_BEFORE.search(sentence, 0, m.start()):
                # "fiscal Q4": a fiscal quarter is placed only with its owner's calendar.
                taken.append(m.span())
                continue
            period = _resolve(kind, m, ref)
            if period is None:
                continue
            taken.append(m.span())
            out.append(TimeSpan(m.start(), m.end(), period, kind))
    if "quarter" in lower:
        # "grew 5.4% in the fourth quarter, after 4.6% in the third": the quarter left unsaid.
        for m in _QUARTER_ELLIPSIS.finditer(sentence):
            if free(*m.span()):
                period = _resolve("quarter", m, ref)
                if period is not None:
                    taken.append(m.span())
                    out.append(TimeSpan(m.start(), m.end(), period, "quarter"))
    out.sort(key=lambda t: t.start)
    # "A year earlier, in November 2023, ...": the relative phrase restates the date beside it.
    return [
        t
        for t, after in zip(out, [*out[1:], None][: len(out)], strict=True)
        if not (
            t.kind in RELATIVE_KINDS
            and after is not None
            and after.kind not in RELATIVE_KINDS
            and _APPOSITION.fullmatch(sentence, t.end, after.start) is not None
        )
    ]


_LISTED = re.compile(r"^(?!between\b).*\band\b", re.I)
_APPOSITION = re.compile(r"\s*[,(–—-]\s*(?:that\s+is,?\s+|i\.e\.,?\s+)?")


_QUARTER_ELLIPSIS = re.compile(
    r"\b(?:in|of|for)\s+the\s+(?P<q>first|second|third|fourth)(?=\s*(?:[,.;)]|and\b|$))", re.I
)


def _resolve(kind: str, m: re.Match[str], ref: Reference | None) -> Period | None:
    g = m.groupdict()
    if kind == "year_range":
        y1, y2 = g["y1"], g["y2"]
        if len(y2) == 2:
            y2 = y1[:2] + y2
        return Period(start=y1, end=y2) if y1 <= y2 else None
    if kind == "year":
        return Period(start=g["year"], end=g["year"])
    if kind in ("day", "day_no_year"):
        month, number = _month(g["m"]), int(g["d"])
        year = int(g["year"]) if g.get("year") else _nearest_year(month, number, ref)
        if year is None or not 1 <= number <= 31:
            return None
        day = f"{year}-{month:02d}-{number:02d}"
        return Period(start=day, end=day)
    if kind == "week_ended":
        return _week_ended(g, ref)
    if kind == "day_range":
        return _day_range(g, ref)
    if kind == "weekday":
        return _weekday(g["w"], ref)
    if kind == "year_to_date":
        if ref is None:
            return None
        if ref.month is None or ref.day is None:
            return Period(start=str(ref.year), end=str(ref.year))
        return Period(start=f"{ref.year}-01-01", end=f"{ref.year}-{ref.month:02d}-{ref.day:02d}")
    if kind == "month_year":
        stamp = f"{g['year']}-{_month(g['m']):02d}"
        return Period(start=stamp, end=stamp)
    if kind == "since":
        return Period(start=g["year"], end=str(ref.year) if ref else None)
    if kind in ("months_to", "fiscal_ended"):
        end_month = _month(g["m"])
        n = 12 if kind == "fiscal_ended" else _count(g["n"])
        year = int(g["year"]) if g.get("year") else _latest_year_ending(end_month, ref)
        if n is None or year is None or not 1 <= n <= 12:
            return None
        start_year, start_month = (
            (year, end_month - n + 1) if end_month >= n else (year - 1, end_month - n + 13)
        )
        return Period(start=f"{start_year}-{start_month:02d}", end=f"{year}-{end_month:02d}")
    if kind == "from_month":
        number = _month(g["m"])
        if g.get("year"):
            year = int(g["year"])
        elif ref is None or ref.month is None:
            return None
        else:
            # A change that takes effect names the next such month; the context stage dates
            # one already past by its sentence's tense.
            year = ref.year if number >= ref.month else ref.year + 1
        return Period(start=f"{year}-{number:02d}", end=f"{year}-{number:02d}")
    if kind == "month":
        number = _month(g["m"])
        latest = _latest_year_ending(number, ref)
        if latest is None:
            return None
        return Period(start=f"{latest}-{number:02d}", end=f"{latest}-{number:02d}")
    if kind in RELATIVE_KINDS:
        return Period()  # relative to the sentence's own period: the context stage resolves it
    if kind == "first_months":
        n = _count(g["n"])
        if n is not None and not g.get("year") and not g.get("rel") and ref and ref.month:
            # "in the first 11 months", written in January: the latest such months that are over.
            year = _latest_year_ending(n, ref) if 1 <= n <= 12 else None
        else:
            year = _year_of(g.get("year"), g.get("rel"), ref)
        if n is None or year is None or not 1 <= n <= 12:
            return None
        return Period(start=f"{year}-01", end=f"{year}-{n:02d}")
    if kind == "month_range":
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        year = int(g["year"]) if g.get("year") else _latest_year_ending(m2, ref)
        if year is None or m1 > m2:
            return None
        return Period(start=f"{year}-{m1:02d}", end=f"{year}-{m2:02d}")
    if kind in ("half", "quarter"):
        part = (g.get("h") or g.get("h2") or g.get("q") or g.get("q2") or "").lower()
        last_month = 6 * _HALVES[part] if kind == "half" else 3 * _QUARTERS[part]
        written = g.get("year") or g.get("year2")
        if written or g.get("rel"):
            year = _year_of(written, g.get("rel"), ref)
        else:
            year = _latest_year_ending(last_month, ref)  # "the first quarter": the latest one
        if year is None:
            return None
        first_month = last_month - (5 if kind == "half" else 2)
        return Period(start=f"{year}-{first_month:02d}", end=f"{year}-{last_month:02d}")
    if ref is None:
        return None
    if kind == "past_decade":
        return Period(start=str(ref.year - 10), end=str(ref.year - 1))
    if kind in ("past_years", "consecutive"):
        n = _count(g["n"])
        if n is None or not 1 <= n <= 50:
            return None
        return Period(start=str(ref.year - n), end=str(ref.year - 1))
    if kind == "relative_year":
        year = _year_of(None, g["rel"], ref)
        return Period(start=str(year), end=str(year))
    if kind == "relative_month":
        if ref.month is None:
            return None
        y, mo = ref.year, ref.month - (1 if g["rel"].lower() == "last" else 0)
        if mo == 0:
            y, mo = y - 1, 12
        return Period(start=f"{y}-{mo:02d}", end=f"{y}-{mo:02d}")
    if kind == "now":
        return Period(start=str(ref.year), end=str(ref.year))
    return None


def _week_ended(g: dict[str, str | None], ref: Reference | None) -> Period | None:
    """The seven days that end on the day named; without a year, the latest such day."""
    month = _month(g.get("m") or g.get("m2") or "")
    day = int(g.get("d") or g.get("d2") or 0)
    if g.get("year"):
        year = int(g["year"] or 0)
    elif ref is not None:
        year = ref.year if (month, day) <= (ref.month or 12, ref.day or 31) else ref.year - 1
    else:
        return None
    try:
        end = dt.date(year, month, day)
    except ValueError:
        return None  # a day the calendar does not have
    start = end - dt.timedelta(days=6)
    return Period(start=start.isoformat(), end=end.isoformat())


def _day_range(g: dict[str, str | None], ref: Reference | None) -> Period | None:
    """The first day and the last of a span; a year written once belongs to both, and the
    first day falls in the year before the last one when it comes later in the calendar."""
    m1, d1 = g["m1"] or g["m1b"], g["d1"] or g["d1b"]
    m2, d2 = g["m2"] or g["m2b"], g["d2"] or g["d2b"]
    if m1 is None or d1 is None or m2 is None or d2 is None:
        return None
    first, last = (_month(m1), int(d1)), (_month(m2), int(d2))
    if not (1 <= first[1] <= 31 and 1 <= last[1] <= 31):
        return None
    written_end, written_start = g.get("year"), g.get("year1")
    end_year = int(written_end) if written_end else _nearest_year(*last, ref)
    if end_year is None:
        return None
    start_year = int(written_start) if written_start else end_year - (first > last)
    if (start_year, *first) > (end_year, *last):
        return None
    return Period(
        start=f"{start_year}-{first[0]:02d}-{first[1]:02d}",
        end=f"{end_year}-{last[0]:02d}-{last[1]:02d}",
    )


def _nearest_year(month: int, day: int, ref: Reference | None) -> int | None:
    """ "on November 14", "from January 1": the year that puts the day nearest the article."""
    if ref is None:
        return None
    if ref.month is None:
        return ref.year
    here = ref.month * 31 + (ref.day or 15)
    there = month * 31 + day
    if there - here > 6 * 31:
        return ref.year - 1
    if here - there > 6 * 31:
        return ref.year + 1
    return ref.year


# "well down on the previous year", "up 2% from 2023": a time a change is measured
# against, which dates no figure of its sentence.
COMPARISON_BASE = re.compile(
    r"\b(?:up|down|higher|lower|more|less|rise|fall|increase|decrease|growth|decline|change)"
    r"(?:\s+[\w%.,$€£¥-]+){0,4}?\s+(?:on|from|over|than|against|versus|compared\s+(?:with|to))\s+"
    r"(?:the\s+)?\Z",
    re.I,
)


# Times of an event ("on Thursday", "on November 14"): they place the figure they stand
# beside, never the other figures of a sentence ("said on Thursday that sales rose").
EVENT_KINDS = frozenset(("weekday", "day_no_year"))


def _weekday(name: str, ref: Reference | None) -> Period | None:
    """ "on Thursday": the latest such day on or before the article's date."""
    import datetime as dt

    if ref is None or ref.month is None or ref.day is None:
        return None
    try:
        today = dt.date(ref.year, ref.month, ref.day)
    except ValueError:
        return None
    back = (today.weekday() - WEEKDAYS.index(name.lower())) % 7
    day = (today - dt.timedelta(days=back)).isoformat()
    return Period(start=day, end=day)


def _year_of(year: str | None, rel: str | None, ref: Reference | None) -> int | None:
    if year:
        return int(year)
    if ref is None:
        return None
    if rel is None:
        return ref.year
    rel = " ".join(rel.lower().split())
    if rel in ("last", "the previous"):
        return ref.year - 1
    if rel == "next":
        return ref.year + 1
    return ref.year


def _latest_year_ending(month: int, ref: Reference | None) -> int | None:
    """The year of the latest completed run of months ending in `month`, before the reference."""
    if ref is None:
        return None
    if ref.month is None:
        return ref.year - 1  # only the year is known: the latest stretch certainly over
    # A month's figures can come out within the month (flash estimates): "in November" in an
    # article of November 29 is this November.
    return ref.year if month <= ref.month else ref.year - 1


RELATIVE_KINDS = frozenset(("year_earlier", "previous_quarter", "previous_month"))


def shift(period: Period, kind: str) -> Period | None:
    """The period a year, or a quarter, before `period` ("a year earlier", "the previous quarter")."""
    if period.start is None:
        return None
    if kind in ("year_earlier", "year_later"):
        step = -1 if kind == "year_earlier" else 1
        return Period(
            start=_shift_years(period.start, step),
            end=_shift_years(period.end or period.start, step),
        )
    match = re.fullmatch(r"(\d{4})-(\d{2})", period.start)
    if kind == "previous_month" and match and period.end == period.start:
        year, month = int(match.group(1)), int(match.group(2)) - 1
        if month < 1:
            year, month = year - 1, 12
        return Period(start=f"{year}-{month:02d}", end=f"{year}-{month:02d}")
    if kind == "previous_quarter" and match:
        year, month = int(match.group(1)), int(match.group(2)) - 3
        if month < 1:
            year, month = year - 1, month + 12
        return Period(start=f"{year}-{month:02d}", end=f"{year}-{month + 2:02d}")
    return None


def _shift_years(value: str, step: int = -1) -> str:
    return f"{int(value[:4]) + step}{value[4:]}"


_PAST_YEAR = re.compile(
    rf"\b(?:in|of|at the end of|by the end of|since|from|for)\s+(?P<year>{_YEAR})\b", re.I
)
_FUTURE = re.compile(
    r"\b(?:will|expected|forecast|projected|plans?\s+to|target|aims?|goal|by\s+(?:19|20)\d\d|"
    r"(?:is|are)\s+(?:moving|set|due|going)\s+to|(?:is|are)\s+moving|next\s+year)\b",
    re.I,
)


def estimate_reference(text: str, periods: Periods) -> str | None:
    """A reference year for an undated article, from the years it speaks of as past or current.

    An article reports the latest full-year figures, so it speaks from after the
    latest year it names as past ("in 2023"); one that speaks of "the current
    14th Five-Year Plan (2021-2025)" speaks from within that plan, at the latest
    its last year. Years in sentences about the future ("expected to start
    operations in 2029") do not count. A text that says "last year" names that
    year that way rather than by number, so when the estimate's previous year is
    also named by number, one more year has passed.
    """
    candidates: list[int] = []
    named: list[int] = []
    latest_month: dict[int, int] = {}  # year -> the latest month named with it ("November 2024")
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if _FUTURE.search(sentence):
            continue
        for m in _MONTH_OF_YEAR.finditer(sentence):
            y = int(m.group("year"))
            latest_month[y] = max(latest_month.get(y, 0), _month(m.group("m")))
        for m in _PAST_YEAR.finditer(sentence):
            year = int(m.group("year"))
            named.append(year)
            if _SPLIT_YEAR.match(sentence, m.end()):
                candidates.append(year)  # "of 2024-25": a fiscal year still running
                continue
            candidates.append(
                year + 1 if m.group().lower().startswith(("in", "of", "at", "by")) else year
            )
        for m in _CURRENT.finditer(sentence):
            spans = find(sentence[m.end() : m.end() + 80], periods, None)
            if spans and spans[0].start < 40 and spans[0].period.end:
                candidates.append(int(spans[0].period.end[:4]))
    most = _most_named_year(text)
    if not candidates:
        if most is None:
            return None
        year = most
    else:
        year = max(candidates)
        if re.search(r"\blast year\b", text, re.I) and (year - 1) in named:
            year += 1
        if most is not None and most - year > 3:
            year = most  # "the first budget since 2010": an old year named once is history
    # "inflation in November 2024": the latest month it names of that year is past or current,
    # so the article speaks from that month or later.
    return f"{year}-{latest_month[year]:02d}" if year in latest_month else str(year)


_MONTH_OF_YEAR = re.compile(rf"\b(?P<m>{_MONTH})\s+(?:\d{{1,2}},?\s+)?(?P<year>{_YEAR})\b", re.I)


_ANY_YEAR = re.compile(r"(?<![\d-])((?:19|20)\d\d)(?![\d%])")


def _most_named_year(text: str) -> int | None:
    """The year an article names most often, ties to the later one."""
    counts: dict[int, int] = {}
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        if _FUTURE.search(sentence):
            continue
        for m in _ANY_YEAR.finditer(sentence):
            year = int(m.group(1))
            counts[year] = counts.get(year, 0) + 1
    return max(counts, key=lambda y: (counts[y], y)) if counts else None


_SPLIT_YEAR = re.compile(r"\s*[-–/]\s*\d\d(?!\d)")


_CURRENT = re.compile(r"\b(?:the\s+)?(?:current|ongoing|present)\b", re.I)
