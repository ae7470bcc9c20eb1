"""Who a figure is about: the owner its sentence gives it by grammar, else the paragraph's or
the article's topic, narrowed by a region, a division or a sector where the sentence says so."""

from __future__ import annotations

import re

from ..quantities import Found
from . import document, metrics, periods, sentence, subjects
from .state import Context, Paragraph

# "revenue at Tesla", "a loss for Rivian", "sales of Nvidia": an owner named right after the
# measure or the figure.
_OWNER_AFTER = re.compile(r"\s*(?:at|for|of)\s+(?:the\s+)?\Z", re.I)


# "iPhone revenue in Greater China", "sales in Europe": a place narrows the measure.
_PLACE_AFTER = re.compile(r"\s*(?:in|across|from|for)\s+(?:the\s+)?\Z", re.I)


_WHOSE = re.compile(r",\s+whose\s+[^,;]*\Z", re.I)


def resolve_subject(
    sent: sentence.Sentence,
    cs: int,
    ce: int,
    found: Found,
    doc: document.Document,
    vocab: subjects.Vocabulary,
    para: Paragraph,
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
        if (
            ctx.subject is None
            or is_place(ctx.subject.split(" (")[0], vocab)
            or ctx.subject in vocab.forecasts_for
        ):
            # "inflation in Spain": in a country's or a bloc's story (or its central bank's),
            # the place owns its figure.
            ctx.subject, ctx.subject_origin = name, "sentence"
        elif name.lower() not in ctx.subject.lower():
            # "iPhone revenue in Greater China": a firm's figure narrowed to a region.
            ctx.subject = f"{ctx.subject} ({name})"
        return
    note = _scope_note(sent, owner if explicit else None, vocab)
    if note is None and ctx.subject is not None:
        if is_place(ctx.subject.split(" (")[0], vocab):
            note = _sector(sent, cs, vocab)  # a sector narrows a country's figures
        else:
            note = _segment(sent, cs, ce)  # a division narrows a firm's
    if note is not None and ctx.subject is not None and note.lower() not in ctx.subject.lower():
        ctx.subject = f"{ctx.subject} ({note})"


# "Belgium (4.8%)", "Romania, with 5.4%", "Ireland's at 0.5%", "Spain: 2.4%": an enumeration
# gives each figure the name right before it.
_ENUMERATED = re.compile(
    r"(?:['’]s)?\s*(?:\(\s*|,\s+with\s+|,?\s+(?:also\s+)?at\s+|:\s*|\s+on\s+)\Z", re.I
)


_COMMON_NOUN_AFTER = re.compile(r"(?:['’]s?)?\s+(?:[a-z]|\d)")


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
            # A possessive owns the noun after it even after a preposition ("its forecast for
            # Brazil's growth to 1.9%"), unless that noun is a name of its own ("a decision
            # of the European Union's Court of Justice"); a plain name after a preposition is
            # no subject ("a ruling against Apple").
            if (o.possessive or o.acting) and not o.object:
                return o
            if o.possessive and o.place and _COMMON_NOUN_AFTER.match(s, o.end) is not None:
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
        of_measure = any(0 <= o.start - m.end <= 16 for m in sent.measures)
        # "a tax expense in Europe sharply reduced net profit, and the stock slid 2%": the place
        # narrows the measure it follows, not another measure named between it and the figure.
        between = o.end <= cs and any(o.end <= m.start and m.end <= cs for m in sent.measures)
        if 0 <= o.start - ce <= 16 or (of_measure and not between):
            return o
        if not of_measure and o.end <= cs and a <= o.start and cs - o.end <= 40:
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


_PARTICIPLE = re.compile(
    r"[\s,]*(?:growing|rising|expanding|increasing|gaining|climbing|falling|declining|"
    r"shrinking|contracting|slipping|dropping|up|down)\b",
    re.I,
)


_SECTOR_BEFORE = re.compile(
    # "Output in 'mining and quarrying' contracted": the sector may be quoted.
    r"['’\"”]?\s*(?:(?:sector|industry|output|activities|GVA|gross\s+value\s+added)\s+)?"
    r"(?:growth|output|GVA|gross\s+value\s+added|sector|grew|expanded|rose|fell|shrank|"
    r"contracted|slid|slowed|picked|was|stood|came|recorded|posted|staged|also|at|\(|:)",
    re.I,
)


_SECTOR_OPENS = re.compile(r"\s*(?P<lead>(?:In|Within|For)\s+(?:the\s+)?)?['‘\"]?", re.I)
# A clause that goes on with the sentence's subject ("with growth of", "after growing"),
# not one that names its own ("while electricity grew").
_NEW_SUBJECT = re.compile(
    r"[\s,;]*+(?!(?:with|after|before|against|from|than|faster|slower|compared|up|down|versus|"
    r"following|helped|led|growing|rising|falling|expanding|shrinking|contracting)\b)",
    re.I,
)


def _sector(sent: sentence.Sentence, cs: int, vocab: subjects.Vocabulary) -> str | None:
    """The sector of an economy the figure's clause is about: "manufacturing growth slid to
    2.2%", "growth in construction (9.1%)", "the farm sector grew 3.5%"."""
    s = sent.text
    a, _ = sent.clause(cs)
    if a > 1 and _PARTICIPLE.match(s, a, cs):
        # "The service sector also did its part, growing 5 per cent": the participle's
        # subject is the clause before.
        a = sent.clause(a - 2)[0]
    found = None
    for m in vocab.sectors.finditer(s, a, cs):
        if cs - m.end() > 70 or _SECTOR_BEFORE.match(s, m.end()) is None:
            continue
        found = vocab.sector_names.get(" ".join(m.group(1).lower().split()))
    if found is not None:
        return found
    # "In construction, demand helped the sector post growth of 7.7%", "Agriculture was the
    # bright spot, with growth firming to 3.5% from 2%": a sector that opens the sentence
    # holds for the clauses after it that name no subject of their own.
    opener = _SECTOR_OPENS.match(s)
    if opener is None or (
        not opener.group("lead") and (a == 0 or _NEW_SUBJECT.match(s, a) is not None)
    ):
        return None
    first = vocab.sectors.match(s, opener.end())
    if first is None:
        return None
    return vocab.sector_names.get(" ".join(first.group(1).lower().split()))


_SEGMENT = re.compile(
    r"(?<!['’])\b(?:its\s+|the\s+|their\s+)?((?:[a-z][\w&-]*,?\s+){0,4}?[a-z][\w&-]*)\s+"
    r"(?:division|unit|segment|business|arm)\b(?!\s+(?:of|in)\b)"
)


_SEGMENT_NOUNS = ("division", "unit", "segment", "business", "arm")
_NOT_SEGMENT_WORDS = frozenset(
    ("the", "its", "their", "a", "an", "whole", "entire", "overall", "this", "that", "our", "his",
     "her", "core", "main", "biggest", "largest", "new", "same", "and", "which", "whose", "by")
)  # fmt: skip


_SEGMENT_BREAKS = frozenset(
    ("its", "the", "their", "at", "of", "in", "from", "while", "and", "with", "by", "for", "to",
     "as", "that", "which", "a", "an")
)  # fmt: skip


_NEAR = 200  # characters around a figure where its division may be named


def _segment(sent: sentence.Sentence, cs: int, ce: int) -> str | None:
    """ "Bayer's pharmaceuticals division grew 5.6%": the division a firm's figure is of."""
    s = sent.text
    a, b = sent.clause(cs)
    # Only a name near the figure counts, so only a window around it is searched: a clause of
    # hundreds of figures is not read again for each of them.
    lo, hi = max(a, cs - _NEAR), min(b, ce + _NEAR // 2)
    if not any(w in s[lo:hi] for w in _SEGMENT_NOUNS):
        return None  # the pattern needs one of its nouns: most windows have none
    for m in _SEGMENT.finditer(s, lo, hi):
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


def without_sector(metric: str | None, vocab: subjects.Vocabulary) -> str | None:
    """ "manufacturing GVA growth" -> "GVA growth": the sector went to the subject."""
    if metric is None:
        return None
    rest, removed = vocab.sectors.subn("", metric)
    words = rest.replace(",", " ").split()
    if removed:
        # "Financial, real estate and professional services GVA": the measure's modifiers
        # stop at "services", and the words of the sector's longer name before it go too.
        named = _sector_words(vocab)
        while len(words) > 1 and words[0].lower() in named:
            words.pop(0)
    rest = " ".join(words)
    if not rest or rest in ("growth", "decline", "output"):
        return f"output {rest}".strip() if rest != "output" else "output"
    return rest


def _sector_words(vocab: subjects.Vocabulary) -> frozenset[str]:
    return frozenset(
        w
        for alias in vocab.sector_names
        for w in alias.replace(",", " ").split()
        if w not in ("and", "&", "other", "sector", "the", "of")
    )


def is_company(name: str | None, vocab: subjects.Vocabulary) -> bool:
    """A single named firm: neither a vocabulary entity (a sector, a country) nor a place."""
    if name is None:
        return False
    base = name.split(" (")[0]
    return base.lower() not in vocab.canonical and not is_place(base, vocab)


def is_place(name: str, vocab: subjects.Vocabulary) -> bool:
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
    para: Paragraph, doc: document.Document, vocab: subjects.Vocabulary
) -> None:
    """A paragraph that opens with a back-reference ("Valued at $5.6 billion, the contract
    ...") goes on from the one before: its owner and its time."""
    text, para.before = para.before, ""
    para.subject = last_owner(text, doc, vocab, metrics.vocabulary(doc.packs.metrics))
    if para.subject is not None and para.period is None:
        found = document.times(text, doc.packs, doc.reference, doc.calendar)
        # "official data showed on Friday": the day news came out dates no figure.
        found = [
            t for t in found if t.period.start is not None and t.kind not in periods.EVENT_KINDS
        ]
        if found:
            para.period = found[-1].period


def own_instrument(metric: str | None) -> bool:
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


def last_owner(
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
            and (o.known or o.name not in doc.persons)  # "as Reeves was speaking": she speaks
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
    para: Paragraph,
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
