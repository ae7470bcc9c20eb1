"""Figures of one sentence that belong together: a change from one to another ("grew from A
to B") and a growth rate with the figure it is the rate of ("up 7.4% to 4.63 trillion")."""

from __future__ import annotations

import itertools
import re

from ..models import Period
from . import periods
from .measure import strip_rate
from .state import Context, Item

_FROM_BEFORE = re.compile(r"\bfrom\s+\Z", re.I)


_TO_BETWEEN = re.compile(
    r"\s*\)?\s*(?:\([^)]*\)\s*)?(?:(?:in|at the end of|by the end of)\s+(?:19|20)\d\d\s*)?,?\s*to\s+\Z",
    re.I,
)


_TO_BEFORE = re.compile(r"\bto\s+\Z", re.I)


_FROM_GAP = re.compile(r"\s*\)?\s*(?:\([^)]*\)\s*)?,?\s*from\s+", re.I)


_RATE_TO = re.compile(r"\s*(?:[\w-]+\s+){0,4}?to\s+\Z", re.I)


def link_changes(
    sentence_text: str,
    s_start: int,
    members: list[int],
    items: list[Item],
    out: list[Context],
    direct: dict[int, periods.TimeSpan],
    group_end: dict[int, int],
) -> None:
    """ "grew from A to B": B is the end of a change that starts at A."""
    heads = [i for i in members if items[i].converts is None and items[i].found.kind != "percent"]
    for a, b in itertools.pairwise(heads):
        a_start = items[a].start - s_start
        b_start = items[b].start - s_start
        gap_text = sentence_text[group_end[a] - s_start : b_start]
        if _TO_BEFORE.search(sentence_text, max(0, a_start - 8), a_start) and _FROM_GAP.fullmatch(
            gap_text
        ):
            # "advanced to $46.22 billion from $43.81 billion": the second figure is the start.
            out[a].links.append(("change-from", b))
            end_period = out[a].period
            if b not in direct and end_period is not None and out[b].period == end_period:
                shifted = periods.shift(end_period, "year_earlier")
                if shifted is not None:
                    # Results compare with the same period a year earlier unless they say not.
                    out[b].period, out[b].period_origin = shifted, "convention"
                    _copy_period_to_conversions(b, items, out)
            continue
        if _FROM_BEFORE.search(sentence_text, max(0, a_start - 8), a_start) is None:
            continue
        gap = (group_end[a] - s_start, items[b].start - s_start)
        if _TO_BETWEEN.fullmatch(sentence_text, *gap) is None:
            continue
        out[b].links.append(("change-from", a))
        pa, pb = out[a].period, out[b].period
        # "grew from A to B during 2021-2025": A stands at the end of 2020, B at 2025.
        if (
            a not in direct
            and pa is not None
            and pa == pb
            and pa.start
            and pa.end
            and pa.start != pa.end
        ):
            if _months(pa) <= 12:
                # "over the financial year, free cash flow rose from A to B": a year's flow
                # against the year before's.
                out[a].period = periods.shift(pa, "year_earlier") or pa
            else:
                out[a].period = Period(
                    start=str(int(pa.start[:4]) - 1), end=str(int(pa.start[:4]) - 1)
                )
                out[b].period = Period(start=pa.end, end=pa.end)
            _copy_period_to_conversions(a, items, out)
            _copy_period_to_conversions(b, items, out)


def _months(p: Period) -> int:
    """How many months a period spans: "2023-10".."2024-09" is 12, "2021".."2025" is 60."""
    start, end = p.start or "", p.end or ""
    sy, sm = int(start[:4]), int(start[5:7]) if len(start) >= 7 else 1
    ey, em = int(end[:4]), int(end[5:7]) if len(end) >= 7 else 12
    return (ey - sy) * 12 + em - sm + 1


# Between the two readings: a few words of the later one's ("yoy", "in the third quarter"),
# then "from", perhaps after "up"/"down" or a verb of the change ("slowing from").
_RATE_FROM = re.compile(
    r"\s*(?:(?!(?:and|but|while|whereas|against|compared|than)\b)[A-Za-z/-]+,?\s+){0,8}?,?\s*"
    r"(?:(?P<way>up|down|slowing|easing|rising|falling|accelerating|slipping|climbing)\s+)?"
    r"from\s+(?:a\s+|an\s+)?",
    re.I,
)
_AT_BEFORE = re.compile(r"\b(?:to|at)\s+(?:about\s+|around\s+)?\Z", re.I)


def link_rate_changes(
    sentence_text: str,
    s_start: int,
    members: list[int],
    items: list[Item],
    out: list[Context],
    direct: dict[int, periods.TimeSpan],
    group_end: dict[int, int],
) -> None:
    """ "inflation rose to 2.4% from 1.8%", "5.4%, down from 6.7%": a rate's earlier reading.

    Without a time of its own, the earlier reading is of the period before the later one's:
    the month before a month, the quarter before a quarter, the year before a year.
    """
    rates = [i for i in members if items[i].converts is None and items[i].found.kind == "percent"]
    for a, b in itertools.pairwise(rates):
        gap = _RATE_FROM.fullmatch(sentence_text, group_end[a] - s_start, items[b].start - s_start)
        if gap is None:
            continue
        a_start = items[a].start - s_start
        if not gap.group("way") and not _AT_BEFORE.search(sentence_text, 0, a_start):
            continue
        sa, sb = out[a].subject, out[b].subject
        if sa is not None and sb is not None and sa.startswith(f"{sb} ("):
            # "Manufacturing growth fell to 2.2% from 14.3%": both readings are the sector's.
            out[b].subject = sa
        pa = out[a].period
        if b in direct or pa is None or out[b].period != pa or out[b].outlook is not None:
            continue
        earlier = _previous(pa)
        if earlier is not None:
            out[b].period, out[b].period_origin = earlier, "convention"


def _previous(period: Period) -> Period | None:
    """The period of the same length just before `period`: a month, a quarter or a year."""
    start, end = period.start or "", period.end or ""
    if re.fullmatch(r"\d{4}", start) and start == end:
        return periods.shift(period, "year_earlier")
    if re.fullmatch(r"\d{4}-\d{2}", start) and start == end:
        return periods.shift(period, "previous_month")
    if re.fullmatch(r"\d{4}-\d{2}", start) and re.fullmatch(r"\d{4}-\d{2}", end):
        months = (int(end[:4]) - int(start[:4])) * 12 + int(end[5:]) - int(start[5:])
        if months == 2:
            return periods.shift(period, "previous_quarter")
    return None


def _copy_period_to_conversions(i: int, items: list[Item], out: list[Context]) -> None:
    for j in range(i + 1, min(i + 3, len(items))):
        if items[j].converts == i:
            out[j].period = out[i].period


_RATE_METRIC = re.compile(r"\b(?:growth|decline)\b")


def link_rates(
    sentence_text: str,
    s_start: int,
    members: list[int],
    items: list[Item],
    out: list[Context],
    group_end: dict[int, int],
) -> None:
    """ "up 7.4 percent to 4.63 trillion yuan": the percentage is the growth rate of the amount."""
    heads = [i for i in members if items[i].converts is None]
    for k, i in enumerate(heads):
        metric = out[i].metric
        if items[i].found.kind != "percent" or not metric or not _RATE_METRIC.search(metric):
            continue
        base = strip_rate(metric)
        target = None
        if k + 1 < len(heads):
            j = heads[k + 1]
            gap = sentence_text[items[i].end - s_start : items[j].start - s_start]
            if items[j].found.kind != "percent" and _RATE_TO.fullmatch(gap):
                target = j
        if target is None:
            # An earlier level is the rate's only when it is of the same measure and period:
            # a quarter's growth is not the rate of the full year stated before it.
            earlier = [
                j
                for j in heads[:k]
                if items[j].found.kind != "percent"
                and out[j].metric == base
                and out[j].period == out[i].period
            ]
            target = earlier[-1] if earlier else None
        if target is not None:
            out[i].links.append(("rate-of", target))
