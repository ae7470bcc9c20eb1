"""When a figure holds: its own time, the nearest in its clause, else the paragraph's or the
article's reporting period, with comparisons ("a year earlier") resolved against their anchor."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from ..models import Origin, Period
from ..quantities import Found
from . import document, periods, sentence
from .state import Context, Item, Paragraph

_EVENT_GAP = re.compile(
    r"(?:\s*(?:a|per)\s+(?:\w+\s+)?share)?,?\s*(?:(?:to\s+be|which\s+will\s+be|will\s+be)\s+)?(?:paid|payable|due|effective|"
    r"distributed|paid\s+out)\s+(?:on\s+)?",
    re.I,
)


_CHANGE_BEFORE = re.compile(
    r"(?:\b(?:rise|drop|increase|decrease|fall|gain|decline|jump|growth|contraction|reduction)"
    r"\s+of|\b(?:up|down)(?:\s+by)?)\s+(?:(?:about|around|some|nearly|almost|roughly)\s+)?\Z",
    re.I,
)


_TOLD = re.compile(
    r"\b(?:said|says|announced|announces|reported|reports|told|added|disclosed|revealed|"
    r"confirmed|stated)\s+\Z",
    re.I,
)


_DIRECT_GAP = re.compile(r"\s*\)?[^,;:()]{0,50}\Z")  # may close the bracket of a conversion


_SUPERLATIVE = re.compile(
    r"\b(?:[a-z]+est|best|worst|most|least|first\s+time|highest|lowest)\b[^,;]*\Z", re.I
)


def dated_from_a_change(sent: sentence.Sentence, cs: int, ce: int, ctx: Context) -> None:
    """A level a change starts from, in a sentence dated by when the change takes effect
    ("from April"), is of the year before."""
    if (
        ctx.period is None
        or ctx.period_origin != "sentence"
        or not any(t.kind == "effective" and t.period == ctx.period for t in sent.times)
    ):
        return
    s = sent.text
    if (
        _LEVEL_BEFORE.search(s, max(0, cs - 12), cs)
        or _LEVEL_NOW.match(s, ce)
        or _CHANGES_TO.match(s, ce, min(len(s), ce + 80))
    ):
        # "falls to £5,000 from April, down from £9,100 at present", "the £2 cap will go up
        # to £3 from January": the level it changes from is the year's before.
        ctx.period = periods.shift(ctx.period, "year_earlier")


_CHANGES_TO = re.compile(
    r"[^,;.\d]{0,50}?\b(?:will\s+|is\s+to\s+|are\s+to\s+)?(?:go(?:es)?\s+(?:up|down)|rises?|falls?|"
    r"increases?|decreases?|drops?|(?:be|is|are)\s+(?:raised|cut|lowered|increased|reduced))"
    r"\s+to\s+\S*\d",
    re.I,
)
_LEVEL_BEFORE = re.compile(r"\bfrom\s+(?:the\s+|an?\s+)?\Z", re.I)
_LEVEL_NOW = re.compile(r"\s*(?:an?\s+\w+\s+)?(?:at\s+present|currently|now|today)\b", re.I)


def resolve_period(
    sent: sentence.Sentence,
    cs: int,
    ce: int,
    first_figure: int,
    sent_compared: set[int],
    found: Found,
    i: int,
    direct: dict[int, periods.TimeSpan],
    doc: document.Document,
    para: Paragraph,
    ctx: Context,
) -> None:
    """The figure's own time, else the nearest in its sentence, else the paragraph's or article's."""
    s = sent.text
    times = sent.times
    if i not in direct and i in sent_compared:
        # "compared with $22.96 billion, or $1.47 a share, a year earlier": the figures compared
        # in one clause share the time that ends it.
        _a, b = sent.clause(cs)
        later = [t for t in times if t.kind in periods.RELATIVE_KINDS and ce <= t.start < b]
        if later:
            direct[i] = later[0]
    relative = i in direct and direct[i].kind in periods.RELATIVE_KINDS
    comparison = relative and (
        re.match(r"(?:from|than)\b", s[direct[i].start : direct[i].end], re.I)
        or re.search(
            r"\b(?:over|from|than|against|versus|on|compared\s+(?:with|to))\s+\Z",
            s[max(0, direct[i].start - 16) : direct[i].start],
            re.I,
        )
    )
    if comparison and (found.kind == "percent" or _CHANGE_BEFORE.search(s, max(0, cs - 40), cs)):
        # "up 78 percent from a year earlier", "a drop of 1.2 million from a year earlier": the
        # rate or change is of this period, measured against the last.
        direct.pop(i)
        relative = False
    if (
        i in direct
        and not relative
        and found.kind == "percent"
        and periods.COMPARISON_BASE.search(s, max(0, direct[i].start - 20), direct[i].start)
        and not owns(s, direct[i], cs)  # "up from the third quarter's 4.6%": 4.6% is Q3's
    ):
        direct.pop(i)  # "up 2% from 2023": the year the rate is measured against
    # "well down on the previous year", "up 2% from 2023": a base of comparison dates no
    # other figure of the sentence either.
    usable = [
        t
        for t in times
        if t.period.start is not None
        and not (
            i not in direct and periods.COMPARISON_BASE.search(s, max(0, t.start - 20), t.start)
        )
    ]
    if not relative and i not in direct:
        # "In the same quarter a year ago, Apple brought in $89.5 billion": a comparison that
        # opens the sentence places every figure after it.
        first = min((t.start for t in sent.times if t.period.start is not None), default=len(s))
        opener = [
            t
            for t in times
            if t.kind in periods.RELATIVE_KINDS
            and t.end <= first_figure
            and t.start < first
            and not re.match(r"(?:from|than)\b", s[t.start : t.end], re.I)
            # "Compared with a year earlier, exports rose 8%", "Compared with the previous month,
            # inflation fell in four member states": the base of the comparison, not the time
            # of the figures it introduces.
            and not re.search(
                r"\bcompared\s+(?:with|to)\s+\Z", s[max(0, t.start - 16) : t.start], re.I
            )
        ]
        if opener:
            direct[i] = opener[0]
            relative = True
    if relative:
        # The anchor is the sentence's own time, not the time of a figure it compares with.
        theirs = {id(t) for j, t in direct.items() if j in sent_compared and j != i}
        anchor = [t for t in usable if t is not direct[i] and id(t) not in theirs]
        # "said on Thursday that profit rose from a year earlier": the day of the telling
        # is no anchor while the sentence names the figure's own period.
        anchor = [t for t in anchor if t.kind not in periods.EVENT_KINDS] or [
            t for t in anchor if not _TOLD.search(s, max(0, t.start - 24), t.start)
        ]
        base: Period | None
        origin: Origin
        if anchor:
            base, origin = anchor[0].period, "sentence"
        else:
            base, origin = _carried(doc, para)
        ctx.period = periods.shift(base, direct[i].kind) if base is not None else None
        ctx.period_origin = origin
        return
    if i in direct:
        ctx.period = _ahead(_narrowed(s, direct[i], doc, para), s, direct[i], ctx, doc)
        ctx.period_origin = _stated(s, direct[i], doc)
        ctx.period = _in_the_articles_year(ctx.period, ctx.period_origin, doc)
        return
    # Times of an event, and "since" spans ("its fastest since mid-2023"), place only the
    # figure they stand beside; a year that frames a part of it ("the July-September period
    # of FY25") places nothing the part does not.
    frames = _frames(s, usable)
    usable = [
        t
        for t in usable
        if t.kind not in periods.EVENT_KINDS
        and not (t.kind == "since" and _SUPERLATIVE.search(s, max(0, t.start - 40), t.start))
        and id(t) not in frames
    ]
    if usable and [
        t for t in usable if id(t) not in {id(x) for j, x in direct.items() if j in sent_compared}
    ]:
        a, b = sent.clause(cs)
        bound = {id(t) for t in direct.values()}
        # A time bound to a figure it compares with ("up from ₹41.86 lakh crore in Q2 of
        # 2023-24") is that figure's alone.
        compared = {id(t) for j, t in direct.items() if j in sent_compared}
        # A time in the possessive ("October's 2.9%") is its own figure's alone.
        owned = {id(t) for j, t in direct.items() if j != i and _possessive(s, t)}
        pool = [t for t in usable if id(t) not in bound] or [
            t for t in usable if id(t) not in compared and id(t) not in owned
        ]
        in_clause = [t for t in pool if a <= t.start < b]
        if not in_clause:
            # "Manufacturing (2.2%) and mining (-0.1%) in Q2": a time that ends a list of the
            # clause's figures dates each of them, not only the one beside it.
            in_clause = [
                t
                for t in usable
                if ce <= t.start < b
                and id(t) not in compared
                and id(t) in bound
                and id(t) not in owned
            ]
        day = _trading_day(ctx, doc, sent.times, para)
        if day is not None:
            # "fourth-quarter results, released on Thursday, beat estimates, and the shares
            # dipped 2% in extended trading": a share's move is the day's unless a time is
            # its own ("rose 20% in the third quarter"); the others date the results.
            ctx.period, ctx.period_origin = day, "convention"
            return
        if in_clause or pool:
            nearest = min(in_clause or pool, key=lambda t: _distance(t, cs, ce))
            ctx.period = _ahead(_narrowed(s, nearest, doc, para), s, nearest, ctx, doc)
            ctx.period_origin = _stated(s, nearest, doc)
            ctx.period = _in_the_articles_year(ctx.period, ctx.period_origin, doc)
            return
    ctx.period, ctx.period_origin = _carried(doc, para)
    compared_times = [t.period for j, t in direct.items() if j in sent_compared and j != i]
    if ctx.period_origin == "nearby" and ctx.period in compared_times and doc.period is not None:
        # "fell to 4.0% from 4.1% in December", after a paragraph about December: the
        # figure compared with is December's, so this one is not; it is the article's.
        ctx.period, ctx.period_origin = doc.period, doc.period_origin
    if (
        ctx.period_origin == "nearby"
        and _months_long(ctx.period) == 1
        and _months_long(doc.period) == 3
        and _QUARTERLY.search(s, max(0, cs - 60), cs) is not None
    ):
        # "in September ... The payment cut its quarterly profit by 36%": a quarter's figure
        # takes the article's quarter, not the month the paragraph named.
        ctx.period, ctx.period_origin = doc.period, doc.period_origin
    day = _trading_day(ctx, doc, sent.times, para)
    if day is not None:
        # A share price moves by the day: without a time of its own, the day the article
        # speaks of is its own.
        ctx.period, ctx.period_origin = day, "convention"


_QUARTERLY = re.compile(r"\bquarterly\b|\bfor\s+the\s+quarter\b", re.I)


def _months_long(period: Period | None) -> int | None:
    if period is None or not period.start or not period.end:
        return None
    if len(period.start) != 7 or len(period.end) != 7:
        return None
    a, b = (
        int(period.start[:4]) * 12 + int(period.start[5:]),
        int(period.end[:4]) * 12 + int(period.end[5:]),
    )
    return b - a + 1


_DAILY = ("share price", "market capitalization", "exchange rate")  # prices that move by the day


def _trading_day(
    ctx: Context,
    doc: document.Document,
    times: Sequence[periods.TimeSpan] = (),
    para: Paragraph | None = None,
) -> Period | None:
    """The article's day, for a share price, a market value or an exchange rate: the day the
    sentence, or the paragraph before it, names for an event ("results, released on
    Thursday, ... the shares dipped 2%"), else the article's."""
    ref = doc.reference
    if (
        ctx.metric is None
        or not any(m in ctx.metric for m in _DAILY)
        or ref is None
        or ref.month is None
        or ref.day is None
    ):
        return None
    # ISO days compare as text; no calendar arithmetic, so an impossible date cannot raise.
    day = f"{ref.year:04d}-{ref.month:02d}-{ref.day:02d}"
    if para is not None and para.so_far and not any(t.kind in periods.EVENT_KINDS for t in times):
        # "The results, released on Thursday, beat estimates. Even so, the shares dipped 2%":
        # the day the paragraph names before.
        times = [
            *document.times(para.so_far, doc.packs, ref, doc.calendar)[-3:],
            *times,
        ]
    for t in reversed(times):
        start = t.period.start
        if t.kind in periods.EVENT_KINDS and start and len(start) == 10 and start <= day:
            return Period(start=start, end=start)
    return Period(start=day, end=day)


_OWN_YEAR = re.compile(r"(?:19|20)\d\d|\bFY\s?'?\d\d\b|'\d\d\b", re.I)


def _stated(s: str, t: periods.TimeSpan, doc: document.Document) -> Origin:
    """A time the sentence states; one without a year in an article whose date is guessed
    ("Q2" in an undated article) is only as sure as that guess."""
    if doc.guessed_date and _OWN_YEAR.search(s, t.start, t.end) is None:
        return "convention"
    return "sentence"


# Words that look ahead from the article's day ("expects", "will"); "had expected" looks back.
_COMING = re.compile(
    r"\b(?:expects?|forecasts|sees|projects|predicts|anticipates|guides|will|would|"
    r"(?:is|are)\s+expected|priced\s+in|pricing\s+in|bets?\s+on|betting\s+on)\b"
    # "Nvidia on Wednesday forecast first-quarter revenue": the verb in the past looks ahead
    # too, unless it is a past before the past ("had forecast").
    r"|(?<!\bhad\s)(?<!\bhave\s)(?<!\bhas\s)\b(?:forecast|projected|predicted|guided)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:revenue|sales|profit|earnings|growth|income|margin)",
    re.I,
)


def _ahead(
    period: Period, s: str, t: periods.TimeSpan, ctx: Context, doc: document.Document
) -> Period:
    """ "For the first quarter, Apple expects revenue to grow": a forecast or guidance for a
    period named without a year is for the coming one, not the latest one that has ended."""
    ref = doc.reference
    if (
        ctx.outlook is None
        or _COMING.search(s) is None
        or ref is None
        or ref.month is None
        or _OWN_YEAR.search(s, t.start, t.end) is not None
        or not period.end
        or len(period.end) < 7
    ):
        return period
    if (int(period.end[:4]), int(period.end[5:7])) >= (ref.year, ref.month):
        return period
    later = periods.shift(period, "year_later")
    return later if later is not None else period


def _in_the_articles_year(
    period: Period | None, origin: Origin, doc: document.Document
) -> Period | None:
    """ "Q2" in an undated article whose lead says "the July-September quarter of 2024-25": the
    months the sentence names, in the year the lead states rather than the guessed one."""
    own = doc.period
    if (
        origin != "convention"
        or period is None
        or own is None
        or doc.period_origin != "article"
        or not (period.start and period.end and own.start and own.end)
        or len(period.start) != len(own.start)
        or len(period.end) != len(own.end)
        or period.start[4:] != own.start[4:]
        or period.end[4:] != own.end[4:]
    ):
        return period
    return own


_SAME_PART = re.compile(
    r"\b(?:the\s+)?(?:same|corresponding|comparable|equivalent)\s+(?:quarter|period|month|half)"
    r"\s+(?:of|in|a)\s+(?:the\s+)?\Z",
    re.I,
)


def _narrowed(s: str, t: periods.TimeSpan, doc: document.Document, para: Paragraph) -> Period:
    """ "the corresponding quarter of 2023-24": the article's own quarter, in that year."""
    if not _SAME_PART.search(s, max(0, t.start - 50), t.start):
        return t.period
    own = _carried(doc, para)[0]
    span = t.period
    if own is None or span.start is None or own.start is None or own.end is None:
        return span
    whole_start, whole_end = span.start, span.end or span.start
    for _ in range(12):  # step back a year at a time until the part lies in the whole
        if own.start >= whole_start and own.end[: len(whole_end)] <= whole_end:
            return own
        earlier = periods.shift(own, "year_earlier")
        if earlier is None or earlier.start is None or earlier.end is None:
            break
        own = earlier
    return span


_OF_FRAME = re.compile(r"\)?\s+(?:(?:period|quarter|months?|half)\s+)?of\s+(?:the\s+)?\Z", re.I)


def _frames(s: str, times: list[periods.TimeSpan]) -> set[int]:
    """Ids of times that only frame the one before them: "FY25" in "July-September of FY25"."""
    out: set[int] = set()
    for part, whole in pairwise(times):
        p, w = part.period, whole.period
        if p.start is None or w.start is None or part.end > whole.start:
            continue
        inside = p.start >= w.start and (p.end or p.start)[: len(w.end or w.start)] <= (
            w.end or w.start
        )
        if inside and _OF_FRAME.fullmatch(s, part.end, whole.start) is not None:
            out.add(id(whole))
    return out


def _carried(doc: document.Document, para: Paragraph) -> tuple[Period | None, Origin]:
    if para.period is not None:
        return para.period, "nearby"
    return doc.period, doc.period_origin


def _distance(t: periods.TimeSpan, cs: int, ce: int) -> int:
    if t.end <= cs:
        return cs - t.end
    if t.start >= ce:
        return t.start - ce
    return 0


def figure_end(i: int, items: list[Item]) -> int:
    """End of a figure with its bracketed conversion: "¥90 trillion ($12.5 trillion)"."""
    end = items[i].end
    for j in range(i + 1, min(i + 3, len(items))):
        if items[j].converts == i:
            end = max(end, items[j].end)
    return end


# "October's 2.9%", "the third quarter's 4.6%": a time in the possessive right before a
# figure is that figure's own, and no other figure's.
_POSSESSED = re.compile(
    r"(?:['’]s)?\s+(?:(?:about|around|roughly|some|nearly|almost|just|only|a|an)\s+)*"
)


def owns(sentence_text: str, t: periods.TimeSpan, cs: int) -> bool:
    if t.end > cs or _POSSESSED.fullmatch(sentence_text, t.end, cs) is None:
        return False
    return _possessive(sentence_text, t)


def _possessive(sentence_text: str, t: periods.TimeSpan) -> bool:
    return sentence_text[t.start : t.end].endswith(("'s", "’s")) or sentence_text[
        t.end : t.end + 2
    ] in ("'s", "’s")


def bind_times(
    sentence_text: str,
    s_start: int,
    members: list[int],
    items: list[Item],
    times: list[periods.TimeSpan],
    group_end: dict[int, int],
) -> dict[int, periods.TimeSpan]:
    """A time expression right after a figure, or around it, is that figure's own."""
    direct: dict[int, periods.TimeSpan] = {}
    heads = [i for i in members if items[i].converts is None]
    # "slowed to 2.7% from October's 2.9%": a time in the possessive is the next figure's only.
    possessed = {
        id(t) for t in times for i in heads if owns(sentence_text, t, items[i].start - s_start)
    }
    for t in times:
        for i in heads:
            cs, ce = items[i].start - s_start, group_end[i] - s_start
            if t.start < ce and t.end > cs:
                direct.setdefault(i, t)  # "three consecutive years" is itself a time
            elif owns(sentence_text, t, cs):
                direct.setdefault(i, t)
            elif (
                ce <= t.start
                and id(t) not in possessed
                and (
                    _DIRECT_GAP.match(sentence_text, ce, t.start) is not None
                    # "a dividend of $0.25 a share, to be paid on November 14": a day binds
                    # across a comma to the figure before it.
                    or (
                        t.kind in periods.EVENT_KINDS
                        and _EVENT_GAP.fullmatch(sentence_text, ce, t.start)
                    )
                )
            ):
                between = [j for j in heads if ce <= items[j].start - s_start < t.start]
                if not between:
                    direct.setdefault(i, t)
    return direct
