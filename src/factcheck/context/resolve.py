"""Give each figure its context: who it is about, what it measures, and when.

Three passes: the document pass (`document`: the article's topic and reporting
period), the sentence pass (`sentence`: owners, measures and times, found once per
sentence), then one resolution per figure: its owner (`owner`), its measure
(`measure`) and its time (`when`), each recording where it came from (the figure's
sentence, a sentence next to it, the article, a reporting convention, or a
default), which is what a finding's confidence is built of. Figures of one
sentence that belong together are linked (`links`).
"""

from __future__ import annotations

import dataclasses
import re

from ..models import Period
from ..packs import Calendar, Packs
from . import document, fiscal, metrics, periods, places, sentence, subjects
from .links import link_changes, link_rate_changes, link_rates
from .measure import COMPARED, resolve_metric, with_outlook
from .owner import is_place, last_owner, own_instrument, resolve_subject, without_sector
from .state import Context, Item, Paragraph
from .when import bind_times, dated_from_a_change, figure_end, owns, resolve_period

__all__ = ["Context", "Item", "annotate"]


# Measures of an economy, which a central bank watches but does not own.
_ECONOMY = re.compile(
    r"\b(?:inflation|GDP|economic growth|unemployment|wages?|consumer prices|output|"
    r"consumption|retail sales|exports|imports)\b",
    re.I,
)


def annotate(
    text: str,
    items: list[Item],
    paragraphs: list[tuple[int, int]],
    packs: Packs,
    reference: str | None,
    title: str | None = None,
    guessed_date: bool = False,
) -> list[Context]:
    """Context of every item; `paragraphs` are the article's body lines, in order."""
    doc = document.read(text, title, paragraphs, packs, reference, guessed_date)
    svocab = subjects.vocabulary(packs.subjects)
    units = [item.found.unit for item in items if item.found.kind == "money" and item.found.unit]
    doc = dataclasses.replace(doc, economy=document.economy(text, doc, units, svocab))
    if doc.economy is not None and doc.budget_story:
        # "Reeves hikes taxes by £40bn" ... "the Chancellor": a budget story's figures are
        # its government's, whatever programme or tax its lead names most.
        doc = dataclasses.replace(doc, topic=f"{doc.economy} government")
    own = fiscal.calendar_for(doc.economy, packs.fiscal) if doc.calendar is None else None
    if own is not None and own.split_years:
        # "2029-30" in a story about a British budget: the country's financial year, as its
        # government counts it, where the topic has no calendar of its own.
        doc = dataclasses.replace(doc, calendar=own)
    mvocab = metrics.vocabulary(packs.metrics)
    out = [Context() for _ in items]
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for i, item in enumerate(items):
        by_sentence.setdefault(item.sentence, []).append(i)
    para = Paragraph()
    for span in sorted(by_sentence):
        members = by_sentence[span]
        p_index = items[members[0]].paragraph
        if para.index != p_index:
            p_start = paragraphs[p_index][0] if 0 <= p_index < len(paragraphs) else span[0]
            para = Paragraph(index=p_index, start=p_start)
            if 0 < p_index <= len(paragraphs):
                before = paragraphs[p_index - 1]
                para.before = text[before[0] : before[1]]
            if span[0] > p_start:
                para.subject = last_owner(text[p_start : span[0]], doc, svocab, mvocab)
        # A bounded stretch: a copy of the whole paragraph per sentence is the square of a
        # one-line article's length.
        para.so_far = text[max(para.start, span[0] - _SO_FAR_CHARS) : span[0]]
        s_text = text[span[0] : span[1]]
        times = document.times(s_text, packs, doc.reference, _calendar(s_text, doc, svocab))
        occupied = [(items[i].start - span[0], items[i].end - span[0]) for i in members]
        sent = sentence.read(
            s_text, span[0], occupied, svocab, mvocab, times, doc.names, doc.actors, doc.persons
        )
        _resolve_sentence(sent, members, items, out, doc, svocab, mvocab, para)
    for ctx, item in zip(out, items, strict=True):
        if ctx.period_origin != "default":
            continue
        # Read in place, a bounded stretch around the figure: a sentence of thousands of
        # figures (a flattened table) is no square of its length.
        first, last = item.sentence
        near = text[max(first, item.start - 160) : min(last, item.end + 30)].lower()
        if not any(word in near for word in _TENSE_WORDS):
            continue  # neither a count to date nor a plan: the cheap test most figures take
        if _SO_FAR.search(text, max(first, item.start - 160), item.start):
            # "China has built 1,854 smart factories", "now hold ¥22 trillion": a count to
            # date is of the year the article was written.
            ctx.period_origin = "convention"
        elif _PLANNED.search(text, max(first, item.start - 120), min(last, item.end + 30)):
            # "£1.5 billion will go on new hospital beds", "earmarked £1.4 billion": a plan
            # that states no time has none the publication year could stand for.
            ctx.period, ctx.period_origin = None, "convention"
    for i, item in enumerate(items):
        if item.converts is not None:
            target = out[item.converts]
            ctx = out[i]
            ctx.subject, ctx.metric, ctx.period = target.subject, target.metric, target.period
            ctx.subject_origin, ctx.metric_origin = target.subject_origin, target.metric_origin
            ctx.period_origin, ctx.outlook = target.period_origin, target.outlook
    return out


def _resolve_sentence(
    sent: sentence.Sentence,
    members: list[int],
    items: list[Item],
    out: list[Context],
    doc: document.Document,
    svocab: subjects.Vocabulary,
    mvocab: metrics.Vocabulary,
    para: Paragraph,
) -> None:
    s = sent.text
    for m in sent.measures:
        # "investment in X ... the investment": a later plain mention is of the same object.
        # Not so for a part written in front ("sales of iPhones lifted its revenue"): the
        # plain measure there is the whole.
        if m.head != m.name and not m.name.endswith(f" {m.head}"):
            para.objects[m.head] = m.name
    members = sorted(members, key=lambda i: items[i].start)
    first_figure = items[members[0]].start - sent.start
    compared = {
        j
        for j in members
        if metrics.word_before(sent.text, items[j].start - sent.start)
        and COMPARED.search(
            sent.text, max(0, items[j].start - sent.start - 40), items[j].start - sent.start
        )
    }
    for k, j in enumerate(members[1:], 1):
        # "compared with $22.96 billion, or $1.47 a share": the same figure put another way.
        if members[k - 1] in compared and _OR_AGAIN.search(
            sent.text, max(0, items[j].start - sent.start - 8), items[j].start - sent.start
        ):
            compared.add(j)
    group_end = {i: figure_end(i, items) for i in members}
    direct = bind_times(s, sent.start, members, items, sent.times, group_end)
    named_here: str | None = None
    stated_periods: list[Period] = []
    dense = len(members) > _DENSE
    previous: int | None = None
    for i in members:
        item = items[i]
        if item.converts is not None:
            continue
        cs, ce = item.start - sent.start, item.end - sent.start
        ctx = out[i]
        if (
            dense
            and previous is not None
            and i not in direct
            and items[previous].found.unit == item.found.unit
            and _NO_WORDS.fullmatch(s, items[previous].end - sent.start, cs) is not None
        ):
            # A flattened table or a run of bare figures ("5% 5% 5% ..."): a figure with no
            # word between it and the last is of the same owner, measure and time.
            ctx.__dict__.update(out[previous].__dict__)
            ctx.links = []
            previous = i
            continue
        previous = i
        resolve_subject(sent, cs, ce, item.found, doc, svocab, para, ctx)
        if ctx.subject is None:
            # "Statistics Canada said the unemployment rate rose to 6.5%": the country whose
            # statistics office reports it.
            ctx.subject = _reporters_country(sent)
            if ctx.subject is not None:
                ctx.subject_origin = "sentence"
        if i in compared and ctx.subject_origin != "sentence":
            # "the rate was 2.5%, compared with 3.1% a year earlier": the figure compared with
            # is of the owner its sentence gave the figure before it.
            before = [out[j] for j in members if j < i and items[j].converts is None]
            narrowed = (
                bool(before)
                and ctx.subject is not None
                and (before[-1].subject or "").startswith(f"{ctx.subject} (")
            )  # "farm GVA grew 3.5%, faster than 1.7% a year ago": the farm sector's too
            if before and (before[-1].subject_origin == "sentence" or narrowed):
                ctx.subject = before[-1].subject
                ctx.subject_origin = before[-1].subject_origin
        resolve_metric(
            sent,
            cs,
            group_end[i] - sent.start,
            item.found,
            members,
            items,
            out,
            i,
            mvocab,
            svocab,
            doc,
            para,
            ctx,
        )
        if ctx.metric is not None:
            # "food, alcohol, and tobacco", "food, alcohol & tobacco": one list, one name.
            ctx.metric = _LIST_AND.sub(" and ", ctx.metric)
        forecast_of = svocab.forecasts_for.get(ctx.subject or "")
        bank = next((b for b, place in svocab.forecasts_for.items() if place == ctx.subject), None)
        named_bank = next(
            (doc.name(o.name) for o in sent.owners if o.name and doc.name(o.name) == bank), None
        )
        if bank is not None and (
            own_instrument(ctx.metric) or (ctx.outlook == "target" and named_bank is not None)
        ):
            # "India's repo rate", "a cut in the euro area's deposit rate": a policy rate and
            # its moves are the central bank's, whoever the sentence names; so is the target
            # a bank the sentence names aims for ("the 2% the Riksbank aims for").
            ctx.subject = bank
        elif (
            forecast_of
            and (ctx.outlook in ("forecast", "estimate") or _ECONOMY.search(ctx.metric or ""))
            and not own_instrument(ctx.metric)
            and ctx.outlook != "target"  # "the 2% the ECB aims for": the bank's own target
        ):
            # "The Bank of Japan forecast inflation of 2%": a forecast of Japan's inflation; in
            # a story about the ECB, "inflation climbed to 2.3%" is still the euro area's.
            ctx.subject = forecast_of
        elif (
            ctx.outlook in ("forecast", "estimate")
            and _ECONOMY.search(ctx.metric or "")
            and not own_instrument(ctx.metric)
            and (place := _economy_named(sent, cs, doc, svocab)) is not None
            and place != ctx.subject
        ):
            # "Goldman Sachs expects Japan's economy to grow 1.2%", "Nomura cut its forecast for
            # Brazil's growth to 1.9%": a forecaster's forecast of the economy the sentence names.
            ctx.subject, ctx.subject_origin = place, "sentence"
        elif (
            doc.place
            and doc.topic is not None
            and ctx.outlook in ("forecast", "estimate")
            and ctx.subject not in (None, doc.topic)
            and ctx.subject not in svocab.canonical.values()
            and _ECONOMY.search(ctx.metric or "")
        ):
            # "Emkay Global cut its forecast to 6%" in a story about India's economy: a
            # forecaster's forecast of the economy the story is about.
            ctx.subject = doc.topic
        elif (
            doc.economy is not None
            and ctx.subject_origin != "sentence"
            and _ECONOMY_WIDE.search(ctx.metric or "")
            and not own_instrument(ctx.metric)
            and ctx.subject not in svocab.forecasts_for
            and not (ctx.subject and is_place(ctx.subject.split(" (")[0], svocab))
        ):
            # "The OBR expects inflation of 2.5% this year" in a story about a budget: a
            # measure of a whole economy is the article's country's, not its topic's.
            ctx.subject, ctx.subject_origin = doc.economy, "article"
        if ctx.subject_origin == "sentence" and ctx.subject is not None:
            # The owner the sentence leaves to the next ones: a forecaster whose forecast went
            # to the economy it forecasts owns nothing after it either.
            named_here = ctx.subject
        if (
            ctx.metric is not None
            and ctx.subject is not None
            and _OUTPUT.match(ctx.metric)
            and is_place(ctx.subject, svocab)
        ):
            # "Output grew 5.4%" of a country: its economic output, GDP, unless the paragraph
            # was about one kind of it ("Industrial output rose 5.8% ... output growth climbed
            # to 6.2%").
            kinds = (
                _KIND_OF_OUTPUT.match(out[j].metric or "")
                for j in range(i - 1, max(-1, i - 48), -1)
                if items[j].paragraph == item.paragraph
            )
            kind = next((k.group(1) for k in kinds if k is not None), None)
            ctx.metric = (kind or "GDP") + ctx.metric[len("output") :]
        if ctx.subject is not None and ctx.subject.endswith(")") and ctx.metric is not None:
            scope = ctx.subject.rsplit(" (", 1)[-1].rstrip(")")
            if scope in svocab.sector_names.values():
                named = without_sector(ctx.metric, svocab)
                if named is not None and re.match(r"GDP\b(?!\s+share)", named):
                    # A sector has no GDP of its own: its part of it is its output.
                    named = "output" + named[len("GDP") :]
                if named == "output" and item.found.unit == "percent":
                    named = "output growth"  # "manufacturing (2.2%)": a sector's rate is growth
                if (
                    named is not None
                    and named.startswith("output")
                    and _NATIONAL_ACCOUNTS.search(doc.metric or para.metric or "")
                ):
                    # In a story about GDP, a sector's output is its gross value added: the
                    # national accounts measure sectors so, whatever word the copy uses.
                    named = "GVA" + named[len("output") :]
                ctx.metric = named
        if (
            ctx.subject is not None
            and metrics.public_finance(ctx.metric or "", mvocab)
            and is_place(ctx.subject, svocab)
        ):
            # "Reeves will raise UK taxes by £40bn": a country's public finances are its
            # government's, where its GDP and exports are its own.
            ctx.subject = f"{ctx.subject} government"
        resolve_period(sent, cs, ce, first_figure, compared, item.found, i, direct, doc, para, ctx)
        dated_from_a_change(sent, cs, ce, ctx)
        if (
            ctx.outlook is None
            and item.found.unit in ("percent", "pp")
            and ctx.period_origin == "sentence"
            and ctx.metric is not None
            and not ctx.metric.startswith("share of")  # how a plan is split is no forecast
            and _after_the_article(ctx.period, doc)
        ):
            # "with the rate then easing to 2.3% in 2026": a rate for a time still to come is
            # a forecast, whoever makes it.
            ctx.outlook, ctx.metric = "forecast", with_outlook(ctx.metric, "forecast")
        if i not in direct and (ctx.metric or "").endswith(", previous)"):
            # "cut its forecast to 6% for the fiscal, from 6.5%": the earlier forecast was of
            # the same year as the new one.
            before = [out[j] for j in members if j < i and items[j].converts is None]
            if before and before[-1].period is not None:
                ctx.period, ctx.period_origin = before[-1].period, before[-1].period_origin
        if (
            ctx.period_origin == "sentence"
            and ctx.period is not None
            and i not in compared
            and len(ctx.period.start or "") < 10
            # "matching October's 2.7%": a time in the possessive is its figure's alone.
            and not (i in direct and owns(s, direct[i], cs))
        ):
            # A compared figure's time is not the paragraph's, nor is a day ("on Friday"):
            # the day a figure was published or traded dates no other figure.
            stated_periods.append(ctx.period)
    _respectively(s, [i for i in members if items[i].converts is None], out)
    _respective_times(s, sent.times, members, items, out)
    link_changes(s, sent.start, members, items, out, direct, group_end)
    link_rate_changes(s, sent.start, members, items, out, direct, group_end)
    link_rates(s, sent.start, members, items, out, group_end)
    if named_here is not None:
        para.subject = named_here
    if stated_periods:
        para.period = stated_periods[-1]


_NATIONAL_ACCOUNTS = re.compile(r"\b(?:GDP|GVA|gross value added|economic growth)\b")
_ECONOMY_WIDE = re.compile(
    r"^(?:annual |core |headline )?(?:inflation|GDP|economic growth|unemployment rate|"
    r"consumer prices)\b"
)
_SO_FAR = re.compile(
    r"\b(?:has|have)\s+(?:(?:now|so\s+far|already|since)\s+)?(?!been\b|had\b)[a-z]+(?:ed|en|wn|lt|ght|un|de)\b"
    r"|\b(?:now|so\s+far|to\s+date|currently)\b",
    re.I,
)
# Words one of the two patterns below needs: a stretch without any is neither.
_TENSE_WORDS = (
    "has ", "have ", "now", "so far", "to date", "currently", "will", "would", "shall",
    "set ", "is to", "are to", "plan", "earmark", "pledge", "promise", "to go", "to rise",
    "to fall", "to increase", "to spend", "to raise", "to receive", "to get",
)  # fmt: skip
_PLANNED = re.compile(
    r"\b(?:will|would|shall|set\s+to|is\s+to|are\s+to|plans?\s+to|planned|earmark(?:s|ed)?|"
    r"set\s+aside|pledged?|promised?|to\s+(?:go|rise|fall|increase|spend|raise|receive|get)\b)",
    re.I,
)
_LIST_AND = re.compile(r",?\s+(?:and|&)\s+")
_OUTPUT = re.compile(r"output(?:\s+(?:growth|decline)|:|$)")
_KIND_OF_OUTPUT = re.compile(r"((?:[\w-]+\s+)+output)\b")
_SO_FAR_CHARS = 600  # the paragraph's text before a sentence that a share's move may lean on
_FISCAL_CUE = re.compile(r"\b(?:fiscal|financial\s+year|FY)", re.I)


def _after_the_article(period: Period | None, doc: document.Document) -> bool:
    """Whether `period` starts after the month the article was written in."""
    ref = doc.reference
    if period is None or not period.start or ref is None or ref.month is None:
        return False
    if len(period.start) == 4:
        return int(period.start) > ref.year
    return (int(period.start[:4]), int(period.start[5:7])) > (ref.year, ref.month)


def _reporters_country(sent: sentence.Sentence) -> str | None:
    for o in sent.owners:
        if o.role != "source" or o.name is None:
            continue
        words = o.name.split()
        for k in range(len(words)):
            for n in (3, 2, 1):
                name = " ".join(words[k : k + n])
                if len(words[k : k + n]) == n and places.is_country(name):
                    return name
    return None


def _economy_named(
    sent: sentence.Sentence, cs: int, doc: document.Document, svocab: subjects.Vocabulary
) -> str | None:
    """The place whose economy a clause names before the figure, other than as the one that
    acts: "expects Japan's economy to grow", "its forecast for Brazil's growth"."""
    a, _ = sent.clause(cs)
    for o in reversed(sent.owners):
        if o.end > cs or o.start < a or o.name is None or not o.place:
            continue
        if not o.acting:  # the forecaster acts; the economy it forecasts is named beside it
            return doc.name(o.name)
    return None


def _calendar(s: str, doc: document.Document, svocab: subjects.Vocabulary) -> Calendar | None:
    """ "Microsoft said its fiscal-year revenue rose 16%" in a story about Apple: a fiscal
    period a sentence gives another owner is placed by that owner's calendar."""
    if _FISCAL_CUE.search(s) is None:
        return doc.calendar
    for m in subjects.mentions(s, svocab, doc.names):
        own = fiscal.calendar_for(doc.name(m.name), doc.packs.fiscal) if m.name else None
        if own is not None:
            return own
    return doc.calendar


_OR_AGAIN = re.compile(r",\s*or\s+\Z")
_DENSE = 32  # figures in one sentence beyond which it is read as a table
_NO_WORDS = re.compile(r"[^\w]*")
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


_LIST_GAP = re.compile(r",?\s+and\s+|,\s*")


def _respective_times(
    s: str, times: list[periods.TimeSpan], members: list[int], items: list[Item], out: list[Context]
) -> None:
    """ "in 2020, 2021 and 2022, when output passed 100, 110 and 120 million tonnes,
    respectively": each figure, with its conversion, takes the listed time in order."""
    if not _RESPECTIVELY.search(s):
        return
    listed: list[periods.TimeSpan] = []
    for t in times:
        if listed and _LIST_GAP.fullmatch(s, listed[-1].end, t.start) is None:
            if len(listed) > 1:
                break
            listed = []
        listed.append(t)
    heads = [i for i in members if items[i].converts is None]
    if len(listed) < 2 or len(listed) != len(heads):
        return
    for i, t in zip(heads, listed, strict=True):
        for j in [i, *(k for k in members if items[k].converts == i)]:
            out[j].period, out[j].period_origin = t.period, "sentence"


def _respectively(s: str, heads: list[int], out: list[Context]) -> None:
    """ "Mac and iPad revenue ... at $7.74 billion and $6.95 billion respectively": the
    figures take the listed parts of the measure in order."""
    if not _RESPECTIVELY.search(s):
        return
    for k in range(len(heads) - 1):
        run = [heads[k]]
        while k + len(run) < len(heads) and out[heads[k + len(run)]].metric == out[run[0]].metric:
            run.append(heads[k + len(run)])
        metric = out[run[0]].metric
        if len(run) < 2 or metric is None or " " not in metric:
            continue
        last, head = metric.split(" ", 1)
        listed = re.search(
            rf"((?:[\w&-]+,\s+){{{len(run) - 2}}}[\w&-]+),?\s+and\s+{re.escape(last)}\s+"
            rf"{re.escape(head)}\b",
            s,
            re.I,
        )
        if listed is None:
            continue
        parts = [p.strip() for p in listed.group(1).split(",")] + [last]
        for i, part in zip(run, parts, strict=True):
            out[i].metric = f"{metrics.as_named(part)} {head}"  # one case, as everywhere
        return
