"""Give each figure its context: who it is about, what it measures, and when.

Three passes: the document pass (`document`: the article's topic and reporting
period), the sentence pass (`sentence`: owners, measures and times, found once per
sentence), then one resolution per figure here. Each of the three parts records
where it came from (the figure's sentence, a sentence next to it, the article, a
reporting convention, or a default), which is what a finding's confidence is
built of. Figures that belong together are linked: a change from one figure to
another, a growth rate and the figure it is the rate of, an amount and its
conversion into another currency.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..models import Direction, Origin, Outlook, Period
from ..packs import Packs
from ..quantities import Found
from . import document, metrics, periods, sentence, subjects
from .direction import direction as find_direction

_FROM_BEFORE = re.compile(r"\bfrom\s+\Z", re.I)
_TO_BETWEEN = re.compile(
    r"\s*\)?\s*(?:\([^)]*\)\s*)?(?:(?:in|at the end of|by the end of)\s+(?:19|20)\d\d\s*)?,?\s*to\s+\Z",
    re.I,
)
_TO_BEFORE = re.compile(r"\bto\s+\Z", re.I)
_FROM_GAP = re.compile(r"\s*\)?\s*(?:\([^)]*\)\s*)?,?\s*from\s+", re.I)
_RATE_TO = re.compile(r"\s*(?:[\w-]+\s+){0,4}?to\s+\Z", re.I)
_EVENT_GAP = re.compile(
    r"(?:\s*(?:a|per)\s+(?:\w+\s+)?share)?,?\s*(?:(?:to\s+be|which\s+will\s+be|will\s+be)\s+)?(?:paid|payable|due|effective|"
    r"distributed|paid\s+out)\s+(?:on\s+)?",
    re.I,
)
_DIRECT_GAP = re.compile(r"[^,;:()]{0,50}\Z")
_METRIC_ATTACHED = re.compile(r"\s*(?:in|of|on|as)\s+(?:the\s+)?\Z", re.I)
# "revenue at Tesla", "a loss for Rivian", "sales of Nvidia": an owner named right after the
# measure or the figure.
_OWNER_AFTER = re.compile(r"\s*(?:at|for|of)\s+(?:the\s+)?\Z", re.I)
# "iPhone revenue in Greater China", "sales in Europe": a place narrows the measure.
_PLACE_AFTER = re.compile(r"\s*(?:in|across|from|for)\s+(?:the\s+)?\Z", re.I)
_BASIS = (
    (
        re.compile(
            r"\b(?:quarter[- ]on[- ]quarter|quarter[- ]over[- ]quarter|q/q|qoq|sequential(?:ly)?|"
            r"from\s+the\s+(?:previous|preceding|prior)\s+quarter|on\s+the\s+quarter)\b",
            re.I,
        ),
        "q/q",
    ),
    (
        re.compile(
            r"\b(?:month[- ]on[- ]month|month[- ]over[- ]month|m/m|mom|from\s+the\s+(?:previous|"
            r"preceding|prior)\s+month|on\s+the\s+month|(?:in|for)\s+(?:January|February|March|April|"
            r"May|June|July|August|September|October|November|December)\s+from\s+(?:January|February|"
            r"March|April|May|June|July|August|September|October|November|December))\b",
            re.I,
        ),
        "m/m",
    ),
    (
        re.compile(
            r"\b(?:year[- ]on[- ]year|year[- ]over[- ]year|y/y|yoy|from\s+a\s+year\s+(?:earlier|ago)|"
            r"than\s+a\s+year\s+(?:earlier|ago|before)|on\s+the\s+year|from\s+the\s+same\s+"
            r"(?:period|quarter|month)\s+(?:a|last)\s+year)\b",
            re.I,
        ),
        "y/y",
    ),
)
_ESTIMATE = re.compile(
    r"\b(?:analysts?|consensus|expectations?|Wall\s+Street|the\s+Street|polled|"
    r"LSEG|FactSet|Visible\s+Alpha|Capital\s+IQ|Zacks)\b",
    re.I,
)
_OUTLOOK_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,?\s*(?:(?:as|that|which)\s+)?(?:was\s+|had\s+been\s+|were\s+)?"
    r"(?:expected|forecast|projected|predicted|estimated|anticipated|targeted)\b",
    re.I,
)
_STARTS_CHANGE = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:(?:in|at\s+the\s+end\s+of)\s+(?:19|20)\d\d\s*)?,?\s*to\s", re.I
)
_SUPERLATIVE = re.compile(
    r"\b(?:[a-z]+est|best|worst|most|least|first\s+time|highest|lowest)\b[^,;]*\Z", re.I
)
_WHOSE = re.compile(r",\s+whose\s+[^,;]*\Z", re.I)
_CHANGE_BY = re.compile(
    r"\b(?:rose|rise|rises|risen|increased|increases|grew|grows|climbed|jumped|fell|falls|fall|"
    r"dropped|declined|decreased|shrank|cut|lowered|reduced|raised|boosted)\s+(?:[a-z]+\s+){0,2}?by\s+"
    r"(?:(?:about|around|nearly|almost|more\s+than|over|some)\s+)?\Z",
    re.I,
)
_LIST_GAP = re.compile(r"[\s,;]*(?:(?:and|or|then)\s+)?(?:a\s+|an\s+)?", re.I)
_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|is\s+(?:expected|forecast|projected|set|seen)\s+to|"
    r"are\s+(?:expected|forecast|projected|set|seen)\s+to)\s+(?:[a-z]+\s+){0,3}\Z",
    re.I,
)
_COMPARED = re.compile(
    r"\b(?:from|against|versus|vs\.?|compared\s+(?:with|to)|than)\s+(?:a\s+|an\s+|the\s+)?"
    r"(?:revised\s+|downwardly\s+revised\s+|upwardly\s+revised\s+)?\Z",
    re.I,
)
# "the ECB's 2% target", "a 5% growth goal": the word right after the figure makes it a target.
_TARGET_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:target|goal|ceiling|objective)s?\b", re.I)
# Words that name no measure of their own: "the rate", "the reading" take the measure the
# paragraph or the article is about.
_GENERIC = frozenset(
    ("rate", "rates", "reading", "readings", "figure", "figures", "level", "number", "print", "pace",
     "data", "estimate", "result", "results", "value", "one", "it")
)  # fmt: skip
# Qualifiers that make another measure of the same name: "diluted EPS", "adjusted EPS".
_QUALIFIERS = frozenset(
    ("adjusted", "diluted", "basic", "underlying", "organic", "comparable", "normalized",
     "normalised", "GAAP", "non-GAAP", "pro forma", "like-for-like", "constant-currency")
)  # fmt: skip


@dataclass
class Item:
    """A figure with where it stands in the article."""

    found: Found
    start: int  # absolute position in the article text
    end: int
    sentence: tuple[int, int]
    paragraph: int
    converts: int | None = None  # index (in the article's list) of the amount it converts
    boilerplate: bool = False


@dataclass
class Context:
    """What the context stage says of one figure."""

    subject: str | None = None
    metric: str | None = None
    period: Period | None = None
    links: list[tuple[str, int]] = field(default_factory=list)  # (kind, index of the other figure)
    subject_origin: Origin = "default"
    metric_origin: Origin = "default"
    period_origin: Origin = "default"
    direction: Direction | None = None
    outlook: Outlook | None = None


@dataclass
class _Paragraph:
    """What the paragraph so far has said, for the sentences after it."""

    index: int = -1
    start: int = 0
    subject: str | None = None  # the last owner a sentence named by grammar
    period: Period | None = None  # the last period a figure was given in its own sentence
    metric: str | None = None  # the last measure a sentence named
    before: str = ""  # the paragraph before, for a back-reference that opens this one
    objects: dict[str, str] = field(default_factory=dict)  # metric head -> object metric


def annotate(
    text: str,
    items: list[Item],
    paragraphs: list[tuple[int, int]],
    packs: Packs,
    reference: str | None,
    title: str | None = None,
) -> list[Context]:
    """Context of every item; `paragraphs` are the article's body lines, in order."""
    doc = document.read(text, title, paragraphs, packs, reference)
    svocab = subjects.vocabulary(packs.subjects)
    mvocab = metrics.vocabulary(packs.metrics)
    out = [Context() for _ in items]
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for i, item in enumerate(items):
        by_sentence.setdefault(item.sentence, []).append(i)
    para = _Paragraph()
    for span in sorted(by_sentence):
        members = by_sentence[span]
        p_index = items[members[0]].paragraph
        if para.index != p_index:
            p_start = paragraphs[p_index][0] if 0 <= p_index < len(paragraphs) else span[0]
            para = _Paragraph(index=p_index, start=p_start)
            if 0 < p_index <= len(paragraphs):
                before = paragraphs[p_index - 1]
                para.before = text[before[0] : before[1]]
            if span[0] > p_start:
                para.subject = _last_owner(text[p_start : span[0]], doc, svocab, mvocab)
        s_text = text[span[0] : span[1]]
        times = document.times(s_text, packs, doc.reference, doc.calendar)
        occupied = [(items[i].start - span[0], items[i].end - span[0]) for i in members]
        sent = sentence.read(
            s_text, span[0], occupied, svocab, mvocab, times, doc.names, doc.actors, doc.persons
        )
        _resolve_sentence(sent, members, items, out, doc, svocab, mvocab, para)
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
    para: _Paragraph,
) -> None:
    s = sent.text
    for m in sent.measures:
        if m.head != m.name:
            para.objects[m.head] = m.name
    members = sorted(members, key=lambda i: items[i].start)
    first_figure = items[members[0]].start - sent.start
    compared = {
        j
        for j in members
        if _COMPARED.search(
            sent.text, max(0, items[j].start - sent.start - 40), items[j].start - sent.start
        )
    }
    group_end = {i: _group_end(i, items) for i in members}
    direct = _bind_times(s, sent.start, members, items, sent.times, group_end)
    named_here: str | None = None
    stated_periods: list[Period] = []
    for i in members:
        item = items[i]
        if item.converts is not None:
            continue
        cs, ce = item.start - sent.start, item.end - sent.start
        ctx = out[i]
        _subject(sent, cs, ce, item.found, doc, svocab, para, ctx)
        if ctx.subject_origin == "sentence" and ctx.subject is not None:
            named_here = ctx.subject
        _metric(
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
        forecast_of = svocab.forecasts_for.get(ctx.subject or "")
        if (
            forecast_of
            and ctx.outlook in ("forecast", "estimate")
            and not _own_instrument(ctx.metric)
        ):
            # "The Bank of Japan forecast inflation of 2%": a forecast of Japan's inflation.
            ctx.subject = forecast_of
        if ctx.subject is not None and ctx.subject.endswith(")") and ctx.metric is not None:
            scope = ctx.subject.rsplit(" (", 1)[-1].rstrip(")")
            if scope in svocab.sector_names.values():
                ctx.metric = _without_sector(ctx.metric, svocab)
        _period(sent, cs, ce, first_figure, compared, item.found, i, direct, doc, para, ctx)
        if ctx.period_origin == "sentence" and ctx.period is not None:
            stated_periods.append(ctx.period)
    _link_changes(s, sent.start, members, items, out, direct, group_end)
    _link_rates(s, sent.start, members, items, out, group_end)
    if named_here is not None:
        para.subject = named_here
    if stated_periods:
        para.period = stated_periods[-1]


# --- subject ------------------------------------------------------------------------------


def _subject(
    sent: sentence.Sentence,
    cs: int,
    ce: int,
    found: Found,
    doc: document.Document,
    vocab: subjects.Vocabulary,
    para: _Paragraph,
    ctx: Context,
) -> None:
    """The owner the figure's grammar names, else the paragraph's, else the article's topic."""
    owner = _owner_by_grammar(sent, cs, ce, found)
    explicit = owner is not None and owner.name is not None
    if owner is not None and owner.name is not None:
        ctx.subject, ctx.subject_origin = _canonical(owner, sent.text, doc, vocab, para), "sentence"
    elif owner is not None:  # a back-reference: "its revenue", "the company earned"
        own = [
            o
            for o in sent.owners
            if o.end <= owner.start and o.name is not None and o.role == "owner" and not o.object
        ]
        if own:  # "SOEs' assets grew ..., while their profits rose": the sentence's own owner
            ctx.subject, ctx.subject_origin = (
                _canonical(own[-1], sent.text, doc, vocab, para),
                "sentence",
            )
        else:
            if para.subject is None and para.before and sent.start == para.start:
                _continue_paragraph(para, doc, vocab)
            ctx.subject = para.subject or doc.topic
            ctx.subject_origin = "nearby" if para.subject else "article"
    elif para.subject is not None:
        ctx.subject, ctx.subject_origin = para.subject, "nearby"
    else:
        ctx.subject = doc.topic
        mentioned = any(o.name == doc.topic for o in sent.owners)
        ctx.subject_origin = "sentence" if mentioned else "article"
    place = _place_of(sent, cs, ce)
    if (
        place is not None
        and place.name is not None
        and not (explicit and owner is not None and owner.place)
    ):
        # ("Romania recorded the highest inflation in the euro area": a place that acts keeps
        # its figure; the other place is where it is compared.)
        name = doc.name(place.name)
        if ctx.subject is None or _is_place(ctx.subject.split(" (")[0], vocab):
            # "inflation in Spain": in a country's or a bloc's story, the place owns its figure.
            ctx.subject, ctx.subject_origin = name, "sentence"
        elif name.lower() not in ctx.subject.lower():
            # "iPhone revenue in Greater China": a firm's figure narrowed to a region.
            ctx.subject = f"{ctx.subject} ({name})"
        return
    note = _scope_note(sent, owner if explicit else None, vocab)
    if note is None and ctx.subject is not None:
        if _is_place(ctx.subject.split(" (")[0], vocab):
            note = _sector(sent, cs, vocab)  # a sector narrows a country's figures
        else:
            note = _segment(sent, cs, ce)  # a division narrows a firm's
    if note is not None and ctx.subject is not None and note.lower() not in ctx.subject.lower():
        ctx.subject = f"{ctx.subject} ({note})"


# "Belgium (4.8%)", "Romania, with 5.4%", "Ireland's at 0.5%", "Spain: 2.4%": an enumeration
# gives each figure the name right before it.
_ENUMERATED = re.compile(r"(?:['’]s)?\s*(?:\(\s*|,\s+with\s+|,?\s+at\s+|:\s*|\s+on\s+)\Z", re.I)


def _owner_by_grammar(
    sent: sentence.Sentence, cs: int, ce: int, found: Found
) -> sentence.Owner | None:
    """The owner the sentence gives the figure at [cs, ce) by grammar, if any."""
    s = sent.text
    owners = [o for o in sent.owners if o.role in ("owner", "refer")]
    whose = _WHOSE.search(s, max(0, cs - 80), cs)
    if whose is not None:
        # "overtaking Tesla, whose revenue came in at $96.8 billion": the name before "whose".
        named = [o for o in sent.owners if o.name is not None and 0 <= whose.start() - o.end <= 2]
        if named:
            return named[-1]
    for o in owners:
        if o.name is not None and 0 <= cs - o.end <= 12 and _ENUMERATED.fullmatch(s, o.end, cs):
            return o
        if o.possessive and 0 <= cs - o.end <= 4:
            return o  # "smaller than Germany's $4.46 trillion"
    # "revenue at Tesla rose 5%", "a loss of $1 billion for Rivian": for/at/of right after.
    for o in owners:
        after = o.name is not None and ce <= o.start <= ce + 30
        if after and not o.place and _OWNER_AFTER.fullmatch(s, ce, o.start):
            return o
    a, _b = sent.clause(cs)
    acting_here = [o for o in owners if a <= o.start and o.end <= cs and o.acting and not o.object]
    if found.kind == "percent" and not acting_here:
        # "16.4 percent of China's total exports": a share belongs to the whole it is part
        # of, unless the clause's subject owns it ("private firms accounted for 53.5%").
        whole = _share_owner(s, ce, owners)
        if whole is not None:
            return whole
    main_a, main_b = sent.clauses[0] if sent.clauses else (0, len(s))
    for lo in (a, main_a) if a != main_a else (a,):
        hi = cs if lo == a else main_b
        here = [o for o in owners if lo <= o.start and o.end <= hi]
        # Grammar first: a possessive, the clause's subject, a name right before the measure.
        for o in reversed(here):
            if o.role == "refer":
                if o.possessive or o.acting:
                    return o  # "its revenue", "the company earned"; not "lifting it back"
                continue
            if (o.possessive or o.acting) and not o.object:
                return o
        attributive = [
            o
            for o in here
            if not o.object and o.role == "owner" and o.actor and _before_measure(sent, o)
        ]
        if attributive:
            return attributive[-1]
    # "Valued at $5.6 billion, the contract encompasses ...": a figure in an opening phrase
    # belongs to the subject after its comma.
    comma = s.find(",", ce)
    if 0 <= comma - ce <= 40 and not any(o.end <= cs for o in owners):
        for o in owners:
            if comma < o.start <= comma + 12 and (o.acting or o.possessive) and not o.object:
                return o
    return None


def _place_of(sent: sentence.Sentence, cs: int, ce: int) -> sentence.Owner | None:
    """A place the figure's measure is "in": "inflation in the euro zone", "sales in Europe"."""
    s = sent.text
    a, b = sent.clause(cs)
    for o in sent.owners:
        if o.name is None or not o.place or not (a <= o.start < b) or o.role != "owner":
            continue
        if not (0 <= o.start - ce <= 40 or 0 <= cs - o.end <= 60):
            continue
        if _PLACE_AFTER.search(s, max(0, o.start - 12), o.start) is None:
            continue
        # The place must follow a measure or the figure itself, or open the figure's clause
        # ("Negotiated wages in the euro zone rose 5.4%"), not some other noun.
        attached = any(0 <= o.start - m.end <= 16 for m in sent.measures) or 0 <= o.start - ce <= 16
        if attached or (o.end <= cs and a <= o.start and cs - o.end <= 40):
            return o
    return None


def _scope_note(
    sent: sentence.Sentence,
    owner: sentence.Owner | None,
    vocab: subjects.Vocabulary,
) -> str | None:
    """A qualifier after the owner that narrows it: "SOEs excluding the financial sector"."""
    s = sent.text
    if owner is not None and owner.name is not None:
        window = s[owner.end : owner.end + 48]
        note = subjects.scope_note(window, vocab)
        if note is not None and window.lower().lstrip(" ,(").startswith(note):
            return note
    return None


_SECTOR_BEFORE = re.compile(
    r"\s*(?:(?:sector|industry|output|activities|GVA|gross\s+value\s+added)\s+)?"
    r"(?:growth|output|GVA|gross\s+value\s+added|sector|grew|expanded|rose|fell|shrank|"
    r"contracted|slid|slowed|picked|was|stood|came|recorded|posted|staged|at|\(|:)",
    re.I,
)


def _sector(sent: sentence.Sentence, cs: int, vocab: subjects.Vocabulary) -> str | None:
    """The sector of an economy the figure's clause is about: "manufacturing growth slid to
    2.2%", "growth in construction (9.1%)", "the farm sector grew 3.5%"."""
    s = sent.text
    a, _ = sent.clause(cs)
    found = None
    for m in vocab.sectors.finditer(s, a, cs):
        if cs - m.end() > 70 or _SECTOR_BEFORE.match(s, m.end()) is None:
            continue
        found = vocab.sector_names.get(" ".join(m.group(1).lower().split()))
    return found


_SEGMENT = re.compile(
    r"(?<!['’])\b(?:its\s+|the\s+|their\s+)?((?:[a-z][\w&-]*,?\s+){0,4}?[a-z][\w&-]*)\s+"
    r"(?:division|unit|segment|business|arm)\b(?!\s+(?:of|in)\b)"
)
_NOT_SEGMENT_WORDS = frozenset(
    ("the", "its", "their", "a", "an", "whole", "entire", "overall", "this", "that", "our", "his",
     "her", "core", "main", "biggest", "largest", "new", "same", "and", "which", "whose", "by")
)  # fmt: skip


_SEGMENT_BREAKS = frozenset(
    ("its", "the", "their", "at", "of", "in", "from", "while", "and", "with", "by", "for", "to",
     "as", "that", "which", "a", "an")
)  # fmt: skip


def _segment(sent: sentence.Sentence, cs: int, ce: int) -> str | None:
    """ "Bayer's pharmaceuticals division grew 5.6%": the division a firm's figure is of."""
    s = sent.text
    a, b = sent.clause(cs)
    for m in _SEGMENT.finditer(s, a, b):
        if not (0 <= cs - m.end() <= 60 or 0 <= m.start() - ce <= 20):
            continue
        words = [w.rstrip(",") for w in m.group(1).split()]
        # The division's name starts after the last article, possessive or preposition
        # ("operating profit at its semiconductor division": "semiconductor").
        cut = max(
            (
                k + 1
                for k, w in enumerate(words)
                if w in _SEGMENT_BREAKS or w.endswith(("'s", "’s"))
            ),
            default=0,
        )
        words = words[cut:]
        while words and words[0] in _NOT_SEGMENT_WORDS:
            words.pop(0)
        if words and not any(w in ("company", "group", "firm") for w in words):
            return " ".join(words)
    return None


def _without_sector(metric: str | None, vocab: subjects.Vocabulary) -> str | None:
    """ "manufacturing GVA growth" -> "GVA growth": the sector went to the subject."""
    if metric is None:
        return None
    rest = vocab.sectors.sub("", metric).strip(" ,")
    rest = " ".join(rest.split())
    if not rest or rest in ("growth", "decline", "output"):
        return f"output {rest}".strip() if rest != "output" else "output"
    return rest


def _is_company(name: str | None, vocab: subjects.Vocabulary) -> bool:
    """A single named firm: neither a vocabulary entity (a sector, a country) nor a place."""
    if name is None:
        return False
    base = name.split(" (")[0]
    return base.lower() not in vocab.canonical and not _is_place(base, vocab)


def _is_place(name: str, vocab: subjects.Vocabulary) -> bool:
    from . import places

    return name in vocab.places or places.is_place(name, vocab.regions)


def _share_owner(
    sentence_text: str, ce: int, owners: list[sentence.Owner]
) -> sentence.Owner | None:
    """ "16.4 percent of China's total exports": a share belongs to the whole it is part of."""
    tail = re.match(r"\s+of\s+(?:the\s+)?(?:total\s+)?", sentence_text[ce : ce + 24])
    if tail is None:
        return None
    start = ce + tail.end()
    for o in owners:
        if start <= o.start <= start + 24 and o.name is not None:
            return o
    return None


def _continue_paragraph(
    para: _Paragraph, doc: document.Document, vocab: subjects.Vocabulary
) -> None:
    """A paragraph that opens with a back-reference ("Valued at $5.6 billion, the contract
    ...") goes on from the one before: its owner and its time."""
    text, para.before = para.before, ""
    para.subject = _last_owner(text, doc, vocab, metrics.vocabulary(doc.packs.metrics))
    if para.subject is not None and para.period is None:
        found = document.times(text, doc.packs, doc.reference, doc.calendar)
        found = [t for t in found if t.period.start is not None]
        if found:
            para.period = found[-1].period


def _own_instrument(metric: str | None) -> bool:
    """A central bank's own lever (its policy rate), not a measure of the economy."""
    return (
        metric is not None
        and re.search(
            r"\b(?:policy|deposit|repo|cash|bank|base|prime|"
            r"lending|refinancing|funds)\s+rate",
            metric,
            re.I,
        )
        is not None
    )


def _last_owner(
    passage: str, doc: document.Document, vocab: subjects.Vocabulary, mvocab: metrics.Vocabulary
) -> str | None:
    """The owner the sentences before a figure's, in its paragraph, last named by grammar."""
    found = sentence.owners_of(passage, vocab, mvocab, doc.names)
    for o in reversed(found):
        # A name that opens the passage is its subject, however long its apposition.
        opens = not passage[: o.start].strip()
        if (
            o.name is not None
            and o.role == "owner"
            and not o.object
            and (o.acting or o.possessive or opens)
        ):
            return doc.acronyms.get(
                " ".join(passage[o.start : o.end].lower().split()), doc.name(o.name)
            )
    return None


def _before_measure(sent: sentence.Sentence, o: sentence.Owner) -> bool:
    """ "China GDP grew", "Samsung Electronics Q3 operating profit": a name modifying a measure."""
    return any(0 <= m.start - o.end <= 25 for m in sent.measures)


def _canonical(
    o: sentence.Owner,
    s: str,
    doc: document.Document,
    vocab: subjects.Vocabulary,
    para: _Paragraph,
) -> str | None:
    name = o.name
    if name is None:
        return None
    name = doc.name(name)
    inner = re.match(r"(.+?)['’]s\s+(.+)", name)
    if inner is not None and not o.known:
        # "Alphabet's Google Cloud": the unit of an owner, a scope of it.
        return f"{doc.name(inner.group(1))} ({inner.group(2)})"
    if o.known:
        written = " ".join(s[o.start : o.end].lower().split())
        name = doc.acronyms.get(written, name)
    narrower = para.subject or doc.topic
    if o.bare and narrower and narrower != name and name in subjects.family(narrower, vocab):
        return narrower  # a plain "SOE" after "central SOEs" keeps the narrower scope
    return name


# --- metric -------------------------------------------------------------------------------


def _metric(
    sent: sentence.Sentence,
    cs: int,
    ce: int,
    found: Found,
    members: list[int],
    items: list[Item],
    out: list[Context],
    i: int,
    vocab: metrics.Vocabulary,
    svocab: subjects.Vocabulary,
    doc: document.Document,
    para: _Paragraph,
    ctx: Context,
) -> None:
    s = sent.text
    earlier = [j for j in members if j < i and items[j].converts is None and out[j].metric]
    a, _b = sent.clause(cs)
    alike = [
        j for j in earlier if items[j].found.unit == found.unit and items[j].start - sent.start >= a
    ]
    starts_change = _STARTS_CHANGE.match(s, ce) is not None  # "from A to B": A starts a change
    listed = bool(alike) and _listed(sent, items[alike[-1]].end - sent.start, cs)
    if alike and not starts_change and (listed or _COMPARED.search(s, max(0, cs - 40), cs)):
        # "rose 5.4%, up from 3.5%", "$0.97 a share, against $1.46": the figure compared
        # with is the same measure's.
        j = alike[-1]
        ctx.direction = out[j].direction
        if listed:  # a list goes on with the same measure, forecast or not
            ctx.metric, ctx.metric_origin, ctx.outlook = out[j].metric, "sentence", out[j].outlook
            return
        ctx.metric, ctx.metric_origin = _strip_outlook(out[j].metric or ""), "sentence"
        outlook = _outlook(sent, cs, ce, vocab)
        if outlook is not None:
            ctx.outlook, ctx.metric = outlook, _with_outlook(ctx.metric, outlook)
        return
    same_kind = [j for j in earlier if items[j].found.unit == found.unit]
    previous = (
        out[same_kind[-1]].metric if same_kind else (out[earlier[-1]].metric if earlier else None)
    )
    if previous is not None:
        previous = _strip_rate(previous)
    base = _base_metric(sent, cs, ce, found, vocab, para, previous)
    origin: Origin = "sentence"
    if base in ("growth", "expansion") and found.kind == "percent":
        # "Growth quickened to 5.4%": the growth of what the article measures.
        whole = para.metric or doc.metric
        base = f"{_strip_rate(whole)} growth" if whole else "growth"
    elif (base is None or base in _GENERIC) and found.kind != "count":
        if para.metric is not None:
            base, origin = para.metric, "nearby"
        elif doc.metric is not None:
            base, origin = doc.metric, "article"
    elif base is not None:
        para.metric = base
    if base in vocab.company_names and _is_company(ctx.subject, svocab):
        base = vocab.company_names[base]
    direction = (
        find_direction(s, cs, ce, doc.directions) if found.unit in ("percent", "pp") else None
    )
    # A percentage with a word of change beside it is a change ("grew 5%", "a 3% drop").
    growth = found.unit in ("percent", "pp") and (
        direction is not None or metrics.is_growth(s, cs, ce, vocab)
    )
    ctx.direction = direction
    name = base
    if not growth and base is not None and re.search(r"\b(?:growth|decline)$", base):
        basis = _basis(s, cs, ce)  # "GDP growth was -0.1% from the previous quarter"
        if basis is not None:
            name = f"{base} {basis}"
    change_by = found.kind in ("money", "count", "number") and _CHANGE_BY.search(
        s, max(0, cs - 40), cs
    )
    if change_by and base is not None:
        # "debt rose by 154 billion euros": the amount of a change, not the level reached.
        down = re.search(
            r"(?:fell|fall|falls|dropped|declined|decreased|shrank|cut|lowered|reduced)",
            change_by.group(0),
            re.I,
        )
        name = f"{base} {'decrease' if down else 'increase'}"
    if growth and found.unit == "pp" and base is not None and base.endswith(("rate", "Rate")):
        # "cut its policy rate by 25 basis points": a rate's change is a cut or a hike.
        growth = False
        name = f"{base} {'cut' if direction == 'down' else 'hike'}"
    if growth:
        word = "decline" if direction == "down" else "growth"
        if base is None:
            name = word
        else:
            name = base if base.endswith((" growth", " decline")) else f"{base} {word}"
        basis = _basis(s, cs, ce)
        if basis is not None and name is not None and basis not in name:
            name = f"{name} {basis}"
    outlook = _outlook(sent, cs, ce, vocab, found.unit in ("percent", "pp"))
    if outlook is not None and name is not None:
        ctx.outlook = outlook
        name = _with_outlook(name, outlook)
    ctx.metric = name
    ctx.metric_origin = origin if name is not None else "default"


_OUTLOOK_NAMES = {"estimate": "consensus estimate", "guidance": "guidance", "forecast": "forecast"}


def _listed(sent: sentence.Sentence, after: int, cs: int) -> bool:
    """ "1.1% this year, 2% next year and 1.8% in 2026": the figure continues a list."""
    gap = sent.text[after:cs]
    for t in sent.times:
        if after <= t.start and t.end <= cs:
            gap = gap.replace(sent.text[t.start : t.end], " ")
    return _LIST_GAP.fullmatch(gap) is not None


def _with_outlook(name: str, outlook: Outlook) -> str:
    """ "revenue" -> "revenue (consensus estimate)"; "EPS (adjusted)" -> "EPS (adjusted, forecast)"."""
    if outlook == "target":
        return name if name.endswith("target") else f"{name} target"
    word = _OUTLOOK_NAMES[outlook]
    if name.endswith(")"):
        return f"{name[:-1]}, {word})"
    return f"{name} ({word})"


def _strip_outlook(metric: str) -> str:
    for word in _OUTLOOK_NAMES.values():
        metric = metric.replace(f", {word})", ")").replace(f" ({word})", "")
    return metric[: -len(" target")] if metric.endswith(" target") else metric


def _strip_rate(metric: str) -> str:
    metric = _strip_outlook(metric)
    for basis in (" y/y", " q/q", " m/m"):
        if metric.endswith(basis):
            metric = metric[: -len(basis)]
    for word in (" growth", " decline"):
        if metric.endswith(word):
            metric = metric[: -len(word)]
    return metric


def _base_metric(
    sent: sentence.Sentence,
    cs: int,
    ce: int,
    found: Found,
    vocab: metrics.Vocabulary,
    para: _Paragraph,
    previous: str | None,
) -> str | None:
    s = sent.text
    mets = sent.measures
    per_share = _PER_SHARE.match(s, ce)
    if per_share is not None and found.kind != "percent":
        return _per_share(sent, cs, per_share)
    if found.kind == "count":
        return _count_metric(s, cs, ce, found, mets, vocab)
    if found.kind == "percent":
        share = metrics.share_of(s, cs, ce, vocab)
        if share is not None:
            return share
    base = metrics.verb_object(s, cs, ce, vocab)
    if base is None:
        mention = _nearest_metric(sent, cs, ce)
        if mention is not None:
            base = _named(sent, mention, para)
    if base is None and previous is not None:
        base = previous  # "64.8%, up 0.2 percentage points": the sentence's earlier figure names it
    if base is None:
        base = _fallback(sent, cs, vocab)
    return base


_VERBISH = re.compile(
    r"^(?:[a-z]+ed|was|were|is|are|be|been|being|stood|reached|hit|rose|fell|grew|came|totaled|"
    r"totalled|amounted|edged|stayed|remained|held|slid|sank|shrank|swung|beat|topped|missed)$"
)
_NP_END = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "this",
        "that",
        "these",
        "those",
        "of",
        "in",
        "on",
        "at",
        "to",
        "by",
        "for",
        "from",
        "with",
        "as",
        "and",
        "or",
        "but",
        "than",
        "while",
        "which",
        "who",
        "that",
        "said",
        "says",
        "about",
        "around",
        "nearly",
        "almost",
        "some",
        "over",
        "under",
        "more",
        "less",
        "up",
        "down",
        "just",
        "only",
        "also",
        "still",
        "now",
        "then",
    ]
)


def _fallback(sent: sentence.Sentence, cs: int, vocab: metrics.Vocabulary) -> str | None:
    """The noun phrase before the figure's verb, when no known measure is named ("Opex climbed to")."""
    a, _ = sent.clause(cs)
    words = re.findall(r"[A-Za-z][\w&'’-]*|[,;:()]", sent.text[a:cs])
    while words and (words[-1].lower() in _NP_END or words[-1].lower() in ("in", "at")):
        words.pop()
    if words and _VERBISH.match(words[-1].lower()):
        words.pop()
        while words and words[-1].lower() in ("up", "down", "also", "sharply", "slightly"):
            words.pop()
    else:
        return None  # no verb links a noun phrase to the figure: better no name than a wrong one
    # "Negotiated wages in the euro zone rose": the measure is before its place.
    tail = " ".join(words[-5:])
    pp = re.search(
        r"\b(?:in|at|across|for|of)\s+(?:the\s+)?(?:[A-Z][\w-]*\s*|[a-z]+\s+[a-z]+$)+$", tail
    )
    if pp is not None and pp.start() > 0:
        cut = len(tail[pp.start() :].split())
        words = words[: len(words) - cut]
    phrase: list[str] = []
    while words and len(phrase) < 3:
        w = words.pop()
        lw = w.lower()
        if not w[0].isalpha() or lw in _NP_END or lw.endswith(("'s", "’s")) or _TIME_WORD.match(lw):
            break
        if lw in _NOT_MODIFIERS and phrase:
            break
        if lw not in _NOT_MODIFIERS:
            phrase.insert(0, w if w.isupper() else lw)
    if not phrase:
        return None
    text = " ".join(phrase)
    return metrics.fuzzy(text, vocab) or text


_PER_SHARE = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:a|per|for\s+each)\s+(?:(?P<q>diluted|adjusted|basic|ordinary)\s+)?share\b",
    re.I,
)


def _per_share(sent: sentence.Sentence, cs: int, m: re.Match[str]) -> str:
    """ "$0.97 a diluted share": earnings per share, or a dividend per share."""
    a, _ = sent.clause(cs)
    before = sent.text[max(a, cs - 80) : cs].lower()
    if re.search(r"\bdividends?\b|\bpayout\b", before):
        return "dividend per share"
    if re.search(
        r"\b(?:excluding|leaving|before|ex-)\b[^,]{0,40}\b(?:charge|items|one-time|one-off)", before
    ):
        found_adjusted = True  # "excluding that charge, earned $1.64 a share"
    else:
        found_adjusted = False
    found = {q.lower() for q in _QUALIFIERS if re.search(rf"\b{re.escape(q.lower())}\b", before)}
    if m.group("q"):
        found.add(m.group("q").lower())
    if found_adjusted:
        found.add("adjusted")
    found.discard("ordinary")
    return f"EPS ({', '.join(sorted(found))})" if found else "EPS"


def _nearest_metric(sent: sentence.Sentence, cs: int, ce: int) -> metrics.MetricMention | None:
    s = sent.text
    a, b = sent.clause(cs)
    for m in sent.measures:
        if m.start >= ce and _METRIC_ATTACHED.fullmatch(s, ce, m.start):
            return m  # "¥2.5 trillion in dividends"
    before = [m for m in sent.measures if a <= m.start and m.end <= cs]
    if before:
        return before[-1]
    after = [m for m in sent.measures if m.start >= ce and m.end <= b]
    if after:
        return after[0]
    # Outside its clause, only a measure named before the figure carries over to it.
    before = [m for m in sent.measures if m.end <= cs]
    return before[-1] if before else None


# Words before a measure that say nothing of which measure it is ("record revenue",
# "fourth-quarter revenue"); the others narrow it ("iPhone revenue", "core inflation").
_NOT_MODIFIERS = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "this",
        "that",
        "these",
        "those",
        "record",
        "total",
        "overall",
        "quarterly",
        "annual",
        "yearly",
        "monthly",
        "full-year",
        "full",
        "year",
        "first-half",
        "second-half",
        "half-year",
        "year-ago",
        "year-earlier",
        "headline",
        "reported",
        "combined",
        "global",
        "worldwide",
        "strong",
        "weak",
        "robust",
        "solid",
        "higher",
        "lower",
        "better-than-expected",
        "worse-than-expected",
        "stronger",
        "weaker",
        "company",
        "group",
        "firm's",
        "company's",
        "group's",
        "latest",
        "new",
        "fresh",
        "current",
        "previous",
        "prior",
        "same",
        "one-time",
        "fiscal",
        "calendar",
        "as",
        "and",
        "or",
        "of",
        "in",
        "on",
        "for",
        "to",
        "from",
        "with",
        "by",
        "at",
        "than",
        "said",
        "says",
        "which",
        "that",
        "while",
        "also",
    ]
)
# Verbs, auxiliaries and conjunctions end a measure's name too ("will spend", "but revenue").
_NOT_MODIFIERS = _NOT_MODIFIERS | frozenset(
    [
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "must",
        "has",
        "have",
        "had",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "being",
        "do",
        "does",
        "did",
        "after",
        "before",
        "since",
        "until",
        "kept",
        "keep",
        "held",
        "hold",
        "cut",
        "cuts",
        "raise",
        "raised",
        "lift",
        "lifted",
        "set",
        "sets",
        "left",
        "leave",
        "leaves",
        "saw",
        "see",
        "sees",
        "put",
        "puts",
        "but",
        "yet",
        "so",
        "nor",
        "because",
        "although",
        "though",
        "whereas",
        "against",
        "versus",
        "vs",
        "via",
        "per",
    ]
)
_NOT_MODIFIERS = _NOT_MODIFIERS | {"whose", "which", "who"}
# Outlook words say the figure is an outlook; the measure's name is what comes after them.
_NOT_MODIFIERS = _NOT_MODIFIERS | set(
    [
        "forecast",
        "forecasts",
        "expected",
        "estimated",
        "projected",
        "predicted",
        "target",
        "targets",
        "sees",
        "saw",
    ]
)
# Irregular verbs: a participle rule cannot see them ("Apple grew revenue").
_NOT_MODIFIERS = _NOT_MODIFIERS | set(
    [
        "grew",
        "rose",
        "fell",
        "saw",
        "made",
        "took",
        "came",
        "went",
        "held",
        "kept",
        "sold",
        "bought",
        "brought",
        "won",
        "lost",
        "paid",
        "spent",
        "shed",
        "hit",
        "beat",
        "got",
        "gave",
        "ran",
        "swung",
        "shrank",
        "stood",
    ]
)
_QUALIFIERS_LOWER = frozenset(q.lower() for q in _QUALIFIERS)
# Participles, comparatives and adverbs describe a figure, they do not name its measure:
# "elevated inflation", "higher revenue", "sharply lower sales".
_DESCRIPTIVE = re.compile(
    r"^(?:[a-z-]+(?:ed|est|ly)|(?:ris|fall|grow|slow|increas|declin|surg|soar|accelerat|eas|cool|"
    r"slid|climb|dropp|shrink|expand|strengthen|weaken|improv|worsen|mount|sagg|plung|jump)ing|"
    r"(?:high|low|strong|weak|big|small|great|larg|fast|slow|soft|firm|tight|loos|cheap|wid|"
    r"narrow|steep|sharp|deep)er|better|worse)$"
)
_TIME_WORD = re.compile(
    r"^(?:first|second|third|fourth|q[1-4]|h[12]|fy\d*|\d{2,4}|(?:19|20)\d\d|january|february|"
    r"march|april|may|june|july|august|september|october|november|december|.*-quarter|.*-month|"
    r".*-year|.*-week)$",
    re.I,
)


def _named(sent: sentence.Sentence, m: metrics.MetricMention, para: _Paragraph) -> str:
    """The measure with the words that narrow it: "iPhone revenue", "services revenue"."""
    name = m.name
    if m.head == m.name and m.name in para.objects:
        return para.objects[m.name]  # a plain "investment" after "investment in X"
    if m.head != m.name:
        return name  # "investment in strategic emerging industries" is named whole
    words = re.findall(
        r"[A-Za-z][\w&'’./-]*|[,;:()\"“”]", sent.text[max(0, m.start - 60) : m.start]
    )
    kept: list[str] = []
    qualifiers: list[str] = []
    for w in reversed(words):
        lw = w.lower()
        if len(kept) >= 3 or not w[0].isalpha() or lw.endswith(("'s", "’s", "'", "’")):
            break
        if lw in _QUALIFIERS_LOWER:
            qualifiers.insert(0, lw)
            continue
        if lw in _NOT_MODIFIERS or _TIME_WORD.match(lw) or _DESCRIPTIVE.match(lw):
            break
        if any(o.actor and o.start <= sent.text.rfind(w, 0, m.start) < o.end for o in sent.owners):
            break  # the owner's name is not part of the measure
        kept.insert(0, w if (sum(ch.isupper() for ch in w) >= 2 or w[1:] != w[1:].lower()) else lw)
    if kept:
        if name.startswith("annual "):
            name = name[len("annual ") :]  # "core inflation", "services inflation"
        name = f"{' '.join(kept)} {name}"
    if qualifiers:
        name = f"{name} ({', '.join(qualifiers)})"
    return name


def _basis(s: str, cs: int, ce: int) -> str | None:
    """What a change is measured against, where the sentence says: y/y, q/q or m/m."""
    window = s[max(0, cs - 80) : min(len(s), ce + 80)]
    for pattern, name in _BASIS:
        if pattern.search(window):
            return name
    return None


def _outlook(
    sent: sentence.Sentence, cs: int, ce: int, vocab: metrics.Vocabulary, percent: bool = False
) -> Outlook | None:
    """A forecast, target or estimate, from the words just before or after the figure."""
    s = sent.text
    found = vocab.expectation.search(s, max(0, cs - 60), cs)
    word = found.group(1).lower() if found is not None else None
    if word is None and _OUTLOOK_AFTER.match(s, ce) is not None:
        word = "expected"
    if word is None and _TARGET_AFTER.match(s, ce) is not None:
        return "target"
    if word is None and percent and _FUTURE_BEFORE.search(s, max(0, cs - 60), cs) is not None:
        # "the economy will grow by 1.1%": a rate to come is a forecast ("will spend
        # ¥112 trillion" is a plan, and stays a plan).
        word = "forecast"
    if word is None:
        return None
    if word in vocab.targets:
        return "target"
    if word in ("guidance", "outlook"):
        return "guidance"
    lead = s[max(0, cs - 80) : cs]
    if _ESTIMATE.search(lead) or word in ("estimate", "estimates", "consensus"):
        return "estimate"
    return "forecast"


def _count_metric(
    sentence_text: str,
    cs: int,
    ce: int,
    found: Found,
    mets: list[metrics.MetricMention],
    vocab: metrics.Vocabulary,
) -> str | None:
    """What a count measures: the verb that counts ("sold 506,804 vehicles": vehicle sales),
    a measure named beside it ("deliveries of 1.8 million"), else the thing counted."""
    noun = _counted_noun(sentence_text[cs:ce], found)
    own = [m for m in mets if cs <= m.start and m.end <= ce]
    if own:
        return own[0].name
    if noun and noun.split()[-1] in ("years", "months", "quarters", "days", "weeks", "decades"):
        near = sorted(mets, key=lambda m: cs - m.end if m.end <= cs else m.start - ce + 1000)
        return near[0].name if near else noun
    thing = _singular(noun) if noun else ""
    if noun and (
        noun.lower() in vocab.count_units or noun.split()[-1].lower() in vocab.count_units
    ):
        # "1.1 million tonnes of copper": the thing is after "of", else the measure beside it.
        of = re.match(r"\s+of\s+((?:[a-z][\w-]*\s*){1,3})", sentence_text[ce : ce + 40])
        words = []
        for w in of.group(1).split() if of else []:
            if w in _NP_END or w in ("during", "last", "year", "quarter"):
                break
            words.append(w)
        thing = " ".join(words[:2])
        if not thing:
            near = [m for m in mets if 0 <= cs - m.end <= 40]
            if near:
                return near[-1].name
    verb = re.search(
        r"([A-Za-z]+)\s+(?:(?:about|around|roughly|some|nearly|almost|over|more|than|fewer|less|"
        r"up|to|a|an|record|total|of|another|just|under)\s+)*\Z",
        sentence_text[max(0, cs - 50) : cs],
    )
    measure = vocab.count_verbs.get(verb.group(1).lower()) if verb else None
    if measure is not None:
        if measure == "employees" or not thing or thing in ("people", "person", "worker", "staff"):
            return measure
        return f"{thing} {measure}"
    near = [m for m in mets if (0 <= cs - m.end <= 40) or (0 <= m.start - ce <= 40)]
    if near:
        m = min(near, key=lambda m: abs(m.start - cs))
        written = sentence_text[m.start : m.end].lower()
        if m.name == "revenue" and written.startswith("sales") and thing:
            return f"{thing} sales"  # sales of things counted are units, not money
        return m.name
    if noun:
        return metrics.fuzzy(noun, vocab) or noun
    return None


def _singular(noun: str) -> str:
    """ "new energy vehicles" -> "new energy vehicle": a counted noun as a modifier."""
    words = noun.split()
    if not words:
        return noun
    last = words[-1]
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        last = last[:-1]
    return " ".join([*words[:-1], last])


def _counted_noun(claim_text: str, found: Found) -> str:
    """ "over 800 AI application scenarios" -> "AI application scenarios"."""
    at = claim_text.find(found.stated)
    rest = claim_text[at + len(found.stated) :] if at >= 0 else claim_text
    words = re.findall(r"[A-Za-z][\w&'-]*", rest)
    words = [
        w for w in words if w.lower() not in ("thousand", "million", "billion", "trillion", "plus")
    ]
    return " ".join(w if sum(ch.isupper() for ch in w) >= 2 else w.lower() for w in words)


# --- period -------------------------------------------------------------------------------


def _period(
    sent: sentence.Sentence,
    cs: int,
    ce: int,
    first_figure: int,
    sent_compared: set[int],
    found: Found,
    i: int,
    direct: dict[int, periods.TimeSpan],
    doc: document.Document,
    para: _Paragraph,
    ctx: Context,
) -> None:
    """The figure's own time, else the nearest in its sentence, else the paragraph's or article's."""
    s = sent.text
    times = sent.times
    relative = i in direct and direct[i].kind in periods.RELATIVE_KINDS
    comparison = relative and (
        re.match(r"(?:from|than)\b", s[direct[i].start : direct[i].end], re.I)
        or re.search(
            r"\b(?:over|from|than|against|versus|on|compared\s+(?:with|to))\s+\Z",
            s[max(0, direct[i].start - 16) : direct[i].start],
            re.I,
        )
    )
    if comparison and found.kind == "percent":
        # "up 78 percent from a year earlier": the rate is of this period, measured against the last.
        direct.pop(i)
        relative = False
    usable = [t for t in times if t.period.start is not None]
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
        ]
        if opener:
            direct[i] = opener[0]
            relative = True
    if relative:
        anchor = [t for t in usable if t is not direct[i]]
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
        ctx.period, ctx.period_origin = direct[i].period, "sentence"
        return
    # Times of an event, and "since" spans ("its fastest since mid-2023"), place only the
    # figure they stand beside.
    usable = [
        t
        for t in usable
        if t.kind not in periods.EVENT_KINDS
        and not (t.kind == "since" and _SUPERLATIVE.search(s, max(0, t.start - 40), t.start))
    ]
    if usable and [
        t for t in usable if id(t) not in {id(x) for j, x in direct.items() if j in sent_compared}
    ]:
        a, b = sent.clause(cs)
        bound = {id(t) for t in direct.values()}
        # A time bound to a figure it compares with ("up from ₹41.86 lakh crore in Q2 of
        # 2023-24") is that figure's alone.
        compared = {id(t) for j, t in direct.items() if j in sent_compared}
        pool = [t for t in usable if id(t) not in bound] or [
            t for t in usable if id(t) not in compared
        ]
        in_clause = [t for t in pool if a <= t.start < b]
        ctx.period = min(in_clause or pool, key=lambda t: _distance(t, cs, ce)).period
        ctx.period_origin = "sentence"
        return
    ctx.period, ctx.period_origin = _carried(doc, para)
    ref = doc.reference
    if (
        ctx.metric is not None
        and ("share price" in ctx.metric or "market capitalization" in ctx.metric)
        and ref is not None
        and ref.month is not None
        and ref.day is not None
    ):
        # A share price moves by the day: without a time of its own, the day the article
        # speaks of is its own.
        day = f"{ref.year}-{ref.month:02d}-{ref.day:02d}"
        ctx.period, ctx.period_origin = Period(start=day, end=day), "convention"


def _carried(doc: document.Document, para: _Paragraph) -> tuple[Period | None, Origin]:
    if para.period is not None:
        return para.period, "nearby"
    return doc.period, doc.period_origin


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
    for t in times:
        for i in heads:
            cs, ce = items[i].start - s_start, group_end[i] - s_start
            if t.start < ce and t.end > cs:
                direct.setdefault(i, t)  # "three consecutive years" is itself a time
            elif ce <= t.start and (
                _DIRECT_GAP.match(sentence_text, ce, t.start) is not None
                # "a dividend of $0.25 a share, to be paid on November 14": a day binds
                # across a comma to the figure before it.
                or (
                    t.kind in periods.EVENT_KINDS
                    and _EVENT_GAP.fullmatch(sentence_text, ce, t.start)
                )
            ):
                between = [j for j in heads if ce <= items[j].start - s_start < t.start]
                if not between:
                    direct.setdefault(i, t)
    return direct


# --- links --------------------------------------------------------------------------------


def _link_changes(
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
            out[a].period = Period(start=str(int(pa.start[:4]) - 1), end=str(int(pa.start[:4]) - 1))
            out[b].period = Period(start=pa.end, end=pa.end)
            _copy_period_to_conversions(a, items, out)
            _copy_period_to_conversions(b, items, out)


def _copy_period_to_conversions(i: int, items: list[Item], out: list[Context]) -> None:
    for j in range(i + 1, min(i + 3, len(items))):
        if items[j].converts == i:
            out[j].period = out[i].period


def _link_rates(
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
        metric = out[i].metric or ""
        if items[i].found.kind != "percent" or not re.search(r"\b(?:growth|decline)\b", metric):
            continue
        base = _strip_rate(metric)
        target = None
        if k + 1 < len(heads):
            j = heads[k + 1]
            gap = sentence_text[items[i].end - s_start : items[j].start - s_start]
            if items[j].found.kind != "percent" and _RATE_TO.fullmatch(gap):
                target = j
        if target is None:
            earlier = [
                j for j in heads[:k] if items[j].found.kind != "percent" and out[j].metric == base
            ]
            target = earlier[-1] if earlier else None
        if target is not None:
            out[i].links.append(("rate-of", target))
