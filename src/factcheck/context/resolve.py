"""Give each figure its context: who it is about, what it measures, and when.

Works sentence by sentence through an article, carrying the subject and time
forward where the text refers back ("their total profits", "Valued at $5.6
billion, the contract..."), and links figures that belong together: a change
from one figure to another, a growth rate and the figure it is the rate of, an
amount and its conversion into another currency.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..models import Period
from ..packs import Packs
from ..quantities import Found
from . import metrics, periods, subjects

_FROM_BEFORE = re.compile(r"\bfrom\s+\Z", re.I)
_TO_BETWEEN = re.compile(
    r"\s*\)?\s*(?:\([^)]*\)\s*)?(?:(?:in|at the end of|by the end of)\s+(?:19|20)\d\d\s*)?,?\s*to\s+\Z",
    re.I,
)
_RATE_TO = re.compile(r"\s*(?:[\w-]+\s+){0,4}?to\s+\Z", re.I)
_DIRECT_GAP = re.compile(r"[^,;:()]{0,50}\Z")
_METRIC_ATTACHED = re.compile(r"\s*(?:in|of|on|as)\s+(?:the\s+)?\Z", re.I)


@dataclass
class Item:
    """A figure with where it stands in the article."""

    found: Found
    start: int  # absolute position in the article text
    end: int
    sentence: tuple[int, int]
    paragraph: int
    converts: int | None = None  # index (in the article's list) of the amount it converts


@dataclass
class Context:
    """What the context stage says of one figure."""

    subject: str | None = None
    metric: str | None = None
    period: Period | None = None
    links: list[tuple[str, int]] = field(default_factory=list)  # (kind, index of the other figure)


@dataclass
class _State:
    """What the article has established so far, for back-references."""

    topic: str | None = None
    topic_period: Period | None = None
    paragraph: int = -1
    paragraph_subject: str | None = None
    objects: dict[str, str] = field(default_factory=dict)  # metric head -> object metric


def annotate(
    text: str,
    items: list[Item],
    paragraphs: list[tuple[int, int]],
    packs: Packs,
    reference: str | None,
) -> list[Context]:
    """Context of every item; `paragraphs` are the article's body lines, in order."""
    svocab = subjects.vocabulary(packs.subjects)
    mvocab = metrics.vocabulary(packs.metrics)
    ref = periods.Reference.parse(reference)
    acronyms = subjects.acronyms(text, svocab)
    out = [Context() for _ in items]
    state = _State()
    by_paragraph: dict[int, list[int]] = {}
    for i, item in enumerate(items):
        by_paragraph.setdefault(item.paragraph, []).append(i)
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        if state.paragraph != p_index:
            state.paragraph, state.paragraph_subject = p_index, None
        members = by_paragraph.get(p_index)
        if not members:
            _follow_topic(text[p_start:p_end], svocab, acronyms, state, packs, ref)
            continue
        sentences: dict[tuple[int, int], list[int]] = {}
        for i in members:
            sentences.setdefault(items[i].sentence, []).append(i)
        cursor = p_start
        for span in sorted(sentences):
            if span[0] > cursor:
                _follow_topic(text[cursor : span[0]], svocab, acronyms, state, packs, ref)
            _sentence(
                text, span, sentences[span], items, out, svocab, mvocab, acronyms, packs, ref, state
            )
            cursor = max(cursor, span[1])
    for i, item in enumerate(items):
        if item.converts is not None:
            target = out[item.converts]
            out[i].subject, out[i].metric, out[i].period = (
                target.subject,
                target.metric,
                target.period,
            )
    return out


def _follow_topic(
    text: str,
    vocab: subjects.Vocabulary,
    acronyms: dict[str, str],
    state: _State,
    packs: Packs,
    ref: periods.Reference | None,
) -> None:
    """A stretch without figures still moves the topic on ("CRRC Corp ... secured a contract")."""
    if not text.strip():
        return
    for m in subjects.mentions(text, vocab):
        if m.name is not None and not m.source:
            state.topic = _resolve(m, text, acronyms, state, vocab)
            state.paragraph_subject = state.topic
            times = periods.find(text, packs.periods, ref)
            state.topic_period = times[-1].period if times else None
            return


def _resolve(
    m: subjects.Mention,
    sentence: str,
    acronyms: dict[str, str],
    state: _State,
    vocab: subjects.Vocabulary,
) -> str | None:
    if m.name is None:
        return state.topic
    name = m.name
    if m.known:
        written = " ".join(sentence[m.start : m.end].lower().split())
        name = acronyms.get(written, name)
    if m.bare and state.paragraph_subject and state.paragraph_subject != name:
        narrower = state.paragraph_subject
        # A plain "SOE" after "central SOEs" in the same paragraph keeps the narrower scope.
        if name in subjects.family(narrower, vocab):
            return narrower
    return name


def _sentence(
    text: str,
    span: tuple[int, int],
    members: list[int],
    items: list[Item],
    out: list[Context],
    svocab: subjects.Vocabulary,
    mvocab: metrics.Vocabulary,
    acronyms: dict[str, str],
    packs: Packs,
    ref: periods.Reference | None,
    state: _State,
) -> None:
    s_start, s_end = span
    sentence = text[s_start:s_end]
    mets = metrics.mentions(sentence, mvocab)
    times = periods.find(sentence, packs.periods, ref)
    # A name inside a figure, a measure or a time ("USD", "R&D", "Q4") is not an owner.
    occupied = [(items[i].start - s_start, items[i].end - s_start) for i in members]
    occupied += [(m.start, m.end) for m in mets] + [(t.start, t.end) for t in times]
    named = subjects.mentions(sentence, svocab)
    # "State-owned Assets Supervision and Administration Commission": a name, not a measure.
    mets = [
        m
        for m in mets
        if not (
            sentence[m.start : m.start + 1].isupper()
            and any(n.known and n.start <= m.start and m.end <= n.end for n in named)
        )
    ]
    ments = [
        m
        for m in named
        if (m.known and m.name is not None)
        or not any(a < m.end and m.start < b for a, b in occupied)
    ]
    for m in mets:
        if m.head != m.name:
            state.objects[m.head] = m.name
    members = sorted(members, key=lambda i: items[i].start)
    group_end = {i: _group_end(i, items) for i in members}
    direct = _bind_times(sentence, s_start, members, items, times, group_end)
    carried = False
    sentence_periods: list[Period] = []
    previous_topic_period = state.topic_period
    for i in members:
        item = items[i]
        if item.converts is not None:
            continue
        cs, ce = item.start - s_start, item.end - s_start
        ctx = out[i]
        subject, from_back, mention = _subject(sentence, cs, ments, acronyms, state, svocab)
        whole = _share_owner(sentence, ce, ments) if item.found.kind == "percent" else None
        if whole is not None and (mention is None or subjects.is_object(sentence, mention)):
            subject, from_back, mention = (
                _resolve(whole, sentence, acronyms, state, svocab),
                False,
                whole,
            )
        carried = carried or from_back
        base_subject = subject
        note = _scope_near(sentence, mention, svocab) if mention is not None else None
        if subject is not None and note and note not in subject.lower():
            subject = f"{subject} {note}"
        ctx.subject = subject
        earlier = [j for j in members if j < i and items[j].converts is None and out[j].metric]
        same_kind = [j for j in earlier if items[j].found.unit == item.found.unit]
        # "up from $39.5 billion in 2022": an earlier figure of the sentence names the measure
        previous = (
            out[same_kind[-1]].metric
            if same_kind
            else (out[earlier[-1]].metric if earlier else None)
        )
        if previous is not None and previous.endswith(" growth"):
            previous = previous[: -len(" growth")]
        ctx.metric = _metric(
            sentence, cs, group_end[i] - s_start, item.found, mets, mvocab, state, previous
        )
        expected = metrics.expectation(sentence, cs, mvocab)
        if expected is not None and ctx.metric is not None and not ctx.metric.endswith(expected):
            ctx.metric = f"{ctx.metric} {expected}"  # a forecast or target is not the result
        relative = i in direct and direct[i].kind in ("year_earlier", "previous_quarter")
        comparison = relative and re.match(
            r"(?:from|than)\b", sentence[direct[i].start : direct[i].end], re.I
        )
        if comparison and item.found.kind == "percent":
            # "up 78 percent from a year earlier": the rate is of this period, measured against the last.
            direct.pop(i)
            relative = False
        if relative:
            anchor = [t for t in times if t.period.start is not None and t is not direct[i]]
            base = (
                anchor[0].period
                if anchor
                else (Period(start=str(ref.year), end=str(ref.year)) if ref is not None else None)
            )
            ctx.period = periods.shift(base, direct[i].kind) if base is not None else None
        elif i in direct:
            ctx.period = direct[i].period
        elif [t for t in times if t.period.start is not None]:
            usable = [t for t in times if t.period.start is not None]
            bound = {id(t) for t in direct.values()}
            pool = [t for t in usable if id(t) not in bound] or usable
            ctx.period = min(pool, key=lambda t: _distance(t, cs, ce)).period
        elif (
            from_back
            and mention is None
            and previous_topic_period is not None
            and not _has_reference(sentence, ments)
        ):
            ctx.period = previous_topic_period
        elif ref is not None:
            ctx.period = Period(start=str(ref.year), end=str(ref.year))
        if ctx.period is not None:
            sentence_periods.append(ctx.period)
        state.topic = base_subject or state.topic
        if base_subject:
            state.paragraph_subject = base_subject
    _link_changes(sentence, s_start, members, items, out, direct, group_end)
    _link_rates(sentence, s_start, members, items, out, group_end)
    if sentence_periods:
        state.topic_period = sentence_periods[-1]
    if not carried and not sentence_periods:
        state.topic_period = None


def _distance(t: periods.TimeSpan, cs: int, ce: int) -> int:
    if t.end <= cs:
        return cs - t.end
    if t.start >= ce:
        return t.start - ce
    return 0


def _group_end(i: int, items: list[Item]) -> int:
    """End of a figure with its bracketed conversion: "¥90 trillion ($12.5 trillion)"."""
    end = items[i].end
    for j in range(i + 1, min(i + 3, len(items))):
        if items[j].converts == i:
            end = max(end, items[j].end)
    return end


def _bind_times(
    sentence: str,
    s_start: int,
    members: list[int],
    items: list[Item],
    times: list[periods.TimeSpan],
    group_end: dict[int, int],
) -> dict[int, periods.TimeSpan]:
    """A time expression right after a figure, or around it, is that figure's own."""
    direct: dict[int, periods.TimeSpan] = {}
    heads = [i for i in members if items[i].converts is None]
    for t in times:
        for i in heads:
            cs, ce = items[i].start - s_start, group_end[i] - s_start
            if t.start < ce and t.end > cs:
                direct.setdefault(i, t)  # "three consecutive years" is itself a time
            elif ce <= t.start and _DIRECT_GAP.match(sentence, ce, t.start) is not None:
                between = [j for j in heads if ce <= items[j].start - s_start < t.start]
                if not between:
                    direct.setdefault(i, t)
    return direct


def _subject(
    sentence: str,
    cs: int,
    ments: list[subjects.Mention],
    acronyms: dict[str, str],
    state: _State,
    vocab: subjects.Vocabulary,
) -> tuple[str | None, bool, subjects.Mention | None]:
    """The subject of the figure at `cs`, whether it was carried from earlier text, and its mention."""
    owners = [m for m in ments if not m.source]
    before = [m for m in owners if m.end <= cs]
    # Prefer an owner that is not the object of a preposition ("its exit from Russia").
    direct = [m for m in before if m.name is None or not subjects.is_object(sentence, m)]
    before = direct or before
    if before:
        m = before[-1]
        if m.name is None:
            # "Chinese SOEs saw their exports grow": "their" is the sentence's own owner;
            # "Ping An Insurance said its net profit": so is a company that speaks.
            named = [
                n
                for n in ments
                if n.end <= m.start
                and n.name is not None
                and (not n.source or not n.known)
                and not subjects.is_object(sentence, n)
            ]
            if named:
                return _resolve(named[-1], sentence, acronyms, state, vocab), False, named[-1]
            return state.topic, True, None
        return _resolve(m, sentence, acronyms, state, vocab), False, m
    after = [
        m
        for m in owners
        if m.start >= cs and m.name is not None and not subjects.is_object(sentence, m)
    ]
    if after:
        return _resolve(after[0], sentence, acronyms, state, vocab), False, after[0]
    # "Toyota Motor Corp said operating profit ... more than doubled": a company that speaks of
    # its own figure, when the sentence names no other owner.
    speakers = [m for m in ments if m.source and not m.known and m.end <= cs]
    if speakers:
        return _resolve(speakers[0], sentence, acronyms, state, vocab), False, speakers[0]
    return state.topic, True, None


def _share_owner(sentence: str, ce: int, ments: list[subjects.Mention]) -> subjects.Mention | None:
    """ "16.4 percent of China's total exports": a share belongs to the whole it is part of."""
    tail = re.match(r"\s+of\s+(?:the\s+)?(?:total\s+)?", sentence[ce : ce + 24])
    if tail is None:
        return None
    start = ce + tail.end()
    for m in ments:
        if start <= m.start <= start + 24 and m.name is not None and not m.source:
            return m
    return None


def _has_reference(sentence: str, ments: list[subjects.Mention]) -> bool:
    """Whether the sentence names its owner at all, if only as "the bank" or "they"."""
    return any(m.name is None for m in ments)


def _scope_near(sentence: str, mention: subjects.Mention, vocab: subjects.Vocabulary) -> str | None:
    """A scope qualifier right after the owner's name ("SOEs excluding the financial sector")."""
    window = sentence[mention.end : mention.end + 48]
    note = subjects.scope_note(window, vocab)
    return note if note is not None and window.lower().lstrip(" ,(").startswith(note) else None


def _metric(
    sentence: str,
    cs: int,
    ce: int,
    found: Found,
    mets: list[metrics.MetricMention],
    vocab: metrics.Vocabulary,
    state: _State,
    previous: str | None = None,
) -> str | None:
    if found.kind == "count":
        return _count_metric(sentence, cs, ce, found, mets, vocab)
    if found.kind == "percent":
        share = metrics.share_of(sentence, cs, ce, vocab)
        if share is not None:
            return share
    base = metrics.verb_object(sentence, cs, ce, vocab) or _nearest_metric(
        sentence, cs, ce, mets, state
    )
    if base is None and previous is not None:
        base = previous  # "64.8%, up 0.2 percentage points": the sentence's earlier figure names it
    if base is None:
        base = metrics.fallback(sentence, cs, vocab)
    if found.kind == "percent" and metrics.is_growth(sentence, cs, ce, vocab):
        if base is None:
            return "growth"
        return base if base.endswith("growth") else f"{base} growth"
    return base


def _nearest_metric(
    sentence: str, cs: int, ce: int, mets: list[metrics.MetricMention], state: _State
) -> str | None:
    for m in mets:
        if m.start >= ce and _METRIC_ATTACHED.fullmatch(sentence, ce, m.start):
            return _refine(m, state)  # "¥2.5 trillion in dividends"
    before = [m for m in mets if m.end <= cs]
    if before:
        return _refine(before[-1], state)
    after = [m for m in mets if m.start >= ce]
    if after:
        return _refine(after[0], state)
    return None


def _refine(m: metrics.MetricMention, state: _State) -> str:
    """A plain "investment" after "investment in X" is that investment."""
    if m.head == m.name and m.name in state.objects:
        return state.objects[m.name]
    return m.name


def _count_metric(
    sentence: str,
    cs: int,
    ce: int,
    found: Found,
    mets: list[metrics.MetricMention],
    vocab: metrics.Vocabulary,
) -> str | None:
    noun = _counted_noun(sentence[cs:ce], found)
    own = [m for m in mets if cs <= m.start and m.end <= ce]
    if own:
        return own[0].name
    if noun and noun.split()[-1] in ("years", "months", "quarters", "days", "weeks", "decades"):
        near = sorted(mets, key=lambda m: cs - m.end if m.end <= cs else m.start - ce + 1000)
        return near[0].name if near else noun
    near = [m for m in mets if (0 <= cs - m.end <= 40) or (0 <= m.start - ce <= 40)]
    if near:
        return min(near, key=lambda m: abs(m.start - cs)).name
    if noun:
        return metrics.fuzzy(noun, vocab) or noun
    return None


def _counted_noun(claim_text: str, found: Found) -> str:
    """ "over 800 AI application scenarios" -> "AI application scenarios"."""
    at = claim_text.find(found.stated)
    rest = claim_text[at + len(found.stated) :] if at >= 0 else claim_text
    words = re.findall(r"[A-Za-z][\w&'-]*", rest)
    words = [
        w for w in words if w.lower() not in ("thousand", "million", "billion", "trillion", "plus")
    ]
    return " ".join(w if sum(ch.isupper() for ch in w) >= 2 else w.lower() for w in words)


def _link_changes(
    sentence: str,
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
        if _FROM_BEFORE.search(sentence, max(0, a_start - 8), a_start) is None:
            continue
        gap = (group_end[a] - s_start, items[b].start - s_start)
        if _TO_BETWEEN.fullmatch(sentence, *gap) is None:
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
            out[a].period = Period(start=str(int(pa.start[:4]) - 1), end=str(int(pa.start[:4]) - 1))
            out[b].period = Period(start=pa.end, end=pa.end)
            _copy_period_to_conversions(a, items, out)
            _copy_period_to_conversions(b, items, out)


def _copy_period_to_conversions(i: int, items: list[Item], out: list[Context]) -> None:
    for j in range(i + 1, min(i + 3, len(items))):
        if items[j].converts == i:
            out[j].period = out[i].period


def _link_rates(
    sentence: str,
    s_start: int,
    members: list[int],
    items: list[Item],
    out: list[Context],
    group_end: dict[int, int],
) -> None:
    """ "up 7.4 percent to 4.63 trillion yuan": the percentage is the growth rate of the amount."""
    heads = [i for i in members if items[i].converts is None]
    for k, i in enumerate(heads):
        metric = out[i].metric or ""
        if items[i].found.kind != "percent" or not metric.endswith("growth"):
            continue
        base = metric[: -len("growth")].strip()
        target = None
        if k + 1 < len(heads):
            j = heads[k + 1]
            gap = sentence[items[i].end - s_start : items[j].start - s_start]
            if items[j].found.kind != "percent" and _RATE_TO.fullmatch(gap):
                target = j
        if target is None:
            earlier = [
                j for j in heads[:k] if items[j].found.kind != "percent" and out[j].metric == base
            ]
            target = earlier[-1] if earlier else None
        if target is not None:
            out[i].links.append(("rate-of", target))
