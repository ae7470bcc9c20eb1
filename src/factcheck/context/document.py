"""The document pass: what the whole article establishes before any figure is resolved.

News writing puts its subject and its period up front: the headline and the lead
say whose results these are and for when ("Apple's fiscal Q4 2024: $14.7B
profit"), and the body's figures belong to that topic and period unless their own
sentence says otherwise. This pass finds the topic (the owner the headline and
lead are most about), the reporting period (the first time the headline or lead
names), the article's acronyms and, for undated articles, the date it speaks from.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..models import Origin, Period
from ..packs import Calendar, Directions, Packs
from . import fiscal, metrics, periods, places, sentence, subjects

# Time expressions that place a comparison, not the article's own period.
_NOT_REPORTING = frozenset(
    ("year_earlier", "previous_quarter", "previous_month", "since", "past_years", "past_decade",
     "consecutive", "now",
     "day", "weekday")
)  # fmt: skip
# Words that make a lead speak of a year's results: published early in the next year, such
# an article reports the year just ended (annual results are out in the first months).
_ANNUAL = re.compile(
    r"\b(?:annual|full[- ]year|for\s+the\s+(?:whole\s+)?year|yearly|last\s+year)\b", re.I
)
_LEAD_PARAGRAPHS = 3
# "By Jane Doe | Outlet | 1 November 2024", "(Wire) -- 06:44 AM EDT, 11/01/2024": who and when.
_BYLINE = re.compile(r"\s*(?:By\s|\(?[A-Z][\w .&-]{0,40}\)?\s*(?:--|—|\|)|[^.|]{0,80}\|)")
_LEAD_CHARS = 1200


@dataclass(frozen=True)
class Document:
    """What the article as a whole says of its figures."""

    topic: str | None
    period: Period | None
    period_origin: Origin
    reference: periods.Reference | None
    acronyms: dict[str, str]  # vocabulary acronyms the article defines: "SOEs" -> central SOEs
    aliases: dict[
        str, str
    ]  # other names' short forms: "AAPL" -> Apple, "RBI" -> Reserve Bank of India
    calendar: Calendar | None  # the topic's fiscal calendar, for "fiscal Q4", "FY25"
    place: bool  # the topic is a country or bloc: its quarters are calendar quarters
    metric: str | None  # the measure the headline names: what "the rate" means in the body
    names: frozenset[str]  # words the article capitalises mid-sentence: names, even opening one
    actors: frozenset[str]  # names the article gives a figure by grammar somewhere
    directions: Directions  # words of change, for which way a growth rate goes
    # Names that own no figures: the people the article names (they speak) and the
    # abbreviations of common nouns ("capital gains tax (CGT)").
    persons: frozenset[str]
    packs: Packs
    # The article's date is a guess from the years it names: a time without a year of its
    # own ("the second quarter") is placed by that guess, not stated.
    guessed_date: bool = False
    # The country or bloc whose economy the article speaks of, where its topic is none:
    # "inflation of 2.5%" in a story about a budget is the country's.
    economy: str | None = None
    # A budget story: its lead has the finance minister and the budget in one sentence, and
    # its headline does not make the topic (a programme, a tax) its own subject.
    budget_story: bool = False

    def name(self, name: str) -> str:
        return self.aliases.get(name, name)


def read(
    text: str,
    title: str | None,
    paragraphs: list[tuple[int, int]],
    packs: Packs,
    reference: str | None,
    guessed_date: bool = False,
) -> Document:
    """The topic, reporting period and acronyms of an article, with its headline."""
    svocab = subjects.vocabulary(packs.subjects)
    ref = periods.Reference.parse(reference)
    acronyms = subjects.acronyms(text, svocab)
    names = _capitalised(text, paragraphs)
    mvocab = metrics.vocabulary(packs.metrics)
    names = names | _headline_name(title, mvocab, svocab)
    head = _head(text, title, paragraphs)
    owners = [
        (sentence.owners_of(passage, svocab, mvocab, names), passage, w) for passage, w in head
    ]
    titled = _titled(text, paragraphs)
    aliases = _aliases(text, paragraphs, svocab, names)
    # "National Statistical Office (NSO)": the short form of a reporter of figures reports too.
    reporters = frozenset(
        m.group("short")
        for m in _SHORT_FORM.finditer(text)
        if (full := _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())) is not None
        and svocab.source_words.search(full.group()) is not None
    )
    persons = (
        _persons(owners, names, titled)
        | titled
        | _terms(text)
        | reporters
        | _title_words(owners, svocab.title_heads)
    )
    owners = [
        ([o for o in found if o.name not in persons or o.known], passage, w)
        for found, passage, w in owners
    ]
    topic = _topic(owners, acronyms, aliases)
    actors = frozenset(
        aliases.get(o.name, o.name)
        for found, _, _ in owners
        for o in found
        if o.name is not None and o.role == "owner" and not o.object and (o.acting or o.possessive)
    ) | frozenset(t for t in (topic,) if t)
    calendar = fiscal.calendar_for(topic, packs.fiscal)
    place = topic is not None and (topic in svocab.places or places.is_place(topic, svocab.regions))
    period, origin = _reporting_period(head, packs, ref, calendar)
    if period is None and ref is not None:
        lead = " ".join(passage for passage, _ in head)
        if ref.month is not None and ref.month <= 3 and _ANNUAL.search(lead):
            period, origin = Period(start=str(ref.year - 1), end=str(ref.year - 1)), "convention"
        else:
            period, origin = Period(start=str(ref.year), end=str(ref.year)), "default"
    return Document(
        topic,
        period,
        origin,
        ref,
        acronyms,
        aliases,
        calendar,
        place,
        _headline_metric(head, packs),
        names,
        actors,
        packs.directions,
        persons,
        packs,
        guessed_date,
        budget_story=(
            not place
            and (topic is None or (title is not None and topic not in title))
            and any(_BUDGET_STORY.search(p) for p, weight in head if weight >= 1)
        ),
    )


# A finance minister and the budget in one sentence of the headline or lead.
_FINANCE_OFFICE = r"(?:Chancellor|[Ff]inance\s+[Mm]inister|[Tt]reasurer|[Ff]inance\s+[Ss]ecretary)"
_BUDGET_STORY = re.compile(
    rf"\b{_FINANCE_OFFICE}\b[^.\n]*\b[Bb]udget\b|\b[Bb]udget\b[^.\n]*\b{_FINANCE_OFFICE}\b"
)


# "Chief Executive Jane Fraser", "Governor Kazuo Ueda": a person named with a title.
_TITLED = re.compile(
    r"\b(?:[Cc]hief\s+[Ee]xecutive(?:\s+[Oo]fficer)?|[Cc]hief\s+[Ff]inancial\s+[Oo]fficer|CEO|CFO|"
    r"Chairman|Chairwoman|Chair|President|Governor|Minister|Chancellor|Secretary|Treasurer|Senator|"
    r"Commissioner|Director|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|[Aa]nalyst|[Ee]conomist|[Ss]pokes(?:person|man|woman))"
    r"(?:\s+of\s+the\s+[A-Z][a-z]+)?\s+((?:[A-Z][a-z]+\s+){0,2}[A-Z](?:[a-z]|['’]?[A-Z])[A-Za-z]*)"
    r"(?=['’]s\b|[^\w'’-]|\Z)"  # whole words: "LeBlanc", "O'Neill", "Cook's"
)


def _titled(text: str, paragraphs: list[tuple[int, int]]) -> frozenset[str]:
    out: set[str] = set()
    for start, end in paragraphs:
        for m in _TITLED.finditer(text, start, end):
            name = m.group(1)
            out.update((name, name.split()[-1]))
    return frozenset(out)


_BRACKETED = re.compile(r"(?<![\w'’-])((?:[A-Za-z][\w'’-]{0,40}\s+){1,6})\(([A-Z]{2,6})s?\)")


def _terms(text: str) -> frozenset[str]:
    """Abbreviations the article spells out in lower case: "national insurance contributions
    (NICs)" is a thing; "Office for Budget Responsibility (OBR)" names a body."""
    out: set[str] = set()
    for m in _BRACKETED.finditer(text):
        words = m.group(1).split()
        letters = m.group(2)
        spelled = words[-len(letters) :]
        if (
            len(spelled) == len(letters)
            and all(w[0].lower() == c.lower() for w, c in zip(spelled, letters, strict=True))
            and all(w[0].islower() for w in spelled)
        ):
            out.update((letters, letters + "s"))
    return frozenset(out)


# "Carer's Allowance", "Children's Hospital": a possessive that opens a title-case name.
_TITLE_AFTER = re.compile(r"(?:['’]s?)?\s+(?P<rest>[A-Z][a-z][\w-]*(?:\s+[A-Z][a-z][\w-]*)*)")


def _title_words(
    owners: list[tuple[list[sentence.Owner], str, float]], heads: frozenset[str]
) -> frozenset[str]:
    """Names the article writes mid-sentence only as the possessive that opens a title-case
    name ending in one of `heads` ("shakes up Carer's Allowance"): part of that name, not an
    owner of figures. At the start of a sentence or a list item a capital says nothing."""
    opening: set[str] = set()
    alone: set[str] = set()
    for found, passage, _ in owners:
        for o in found:
            if o.name is None or o.known:
                continue
            title = _TITLE_AFTER.match(passage, o.end) if o.possessive else None
            if title is not None and title.group("rest").split()[-1] in heads:
                opening.update((o.name, title.group("rest")))  # "Carer", "Allowance"
                continue
            before = passage[: o.start].rstrip(" \t-*•")
            if before.endswith(("'s", "’s")):
                continue  # the rest of such a name: "Carer's Allowance"
            if before and before[-1] not in '.!?:"“':
                alone.add(o.name)  # capitalised mid-sentence on its own: a name
    return frozenset(opening - alone)


def _persons(
    owners: list[tuple[list[sentence.Owner], str, float]],
    names: frozenset[str],
    titled: frozenset[str],
) -> frozenset[str]:
    """People: a name of two or three words whose last word the article also uses alone
    ("Rachel Reeves" ... "Reeves said") or with a title ("Ms Reeves"), or one a title or
    "said" introduces."""
    found = [
        (o, passage)
        for found, passage, _ in owners
        for o in found
        if o.name is not None and not o.known
    ]
    single = {o.name for o, _ in found if o.name is not None and " " not in o.name}
    out: set[str] = {o.name for o, _ in found if o.role == "person" and o.name is not None}
    for o, passage in found:
        words = (o.name or "").split()
        # The first name must be a name too (capitalised mid-sentence), not "Today Apple said".
        if 2 <= len(words) <= 3 and (
            words[-1] in titled
            or (words[-1] in single and words[0] in names)
            or _PERSONAL.search(passage.replace(o.name or "", "\0")) is not None
        ):
            out.update((o.name or "", words[-1]))
    return frozenset(out)


# "when Jane Doe revealed her plan": a name a personal pronoun takes up at once is a
# person's; a firm is "it".
_PERSONAL = re.compile(r"\0(?:\s+[a-z]+){0,2}?\s+(?:her|his|she|he|him|herself|himself)\b")


def _headline_name(
    title: str | None, mvocab: metrics.Vocabulary, svocab: subjects.Vocabulary
) -> frozenset[str]:
    """The word that opens a headline names its subject unless it is a measure or a common
    word: "Heineken Sales Slip As Asia Demand Cools", not "Revenue Falls at ..."."""
    if not title:
        return frozenset()
    words = _WORDS.findall(title)
    if len(words) < 4 or sum(w[0].isupper() for w in words) < 0.7 * len(words):
        return frozenset()  # in sentence case its first word is as ambiguous as any sentence's
    first = re.match(r"\s*([A-Z][\w&'’.-]*)", title)
    if first is None:
        return frozenset()
    word = first.group(1).rstrip(".'’s")
    if metrics.mentions(word, mvocab) or word.lower() in svocab.not_names or len(word) < 2:
        return frozenset()
    return frozenset((word,))


_MID_CAPITAL = re.compile(r"(?<=[a-z,;]\s)([A-Z][\w&'’.-]*)")


def _capitalised(text: str, paragraphs: list[tuple[int, int]]) -> frozenset[str]:
    """Words written with a capital after a lower-case word: names wherever they stand."""
    out: set[str] = set()
    for start, end in paragraphs:
        words = _WORDS.findall(text, start, end)
        if len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
            continue  # a headline in Title Case capitalises every word
        out.update(m.group(1).rstrip(".'’") for m in _MID_CAPITAL.finditer(text, start, end))
    return frozenset(out)


_WORDS = re.compile(r"[A-Za-z][\w&'’.-]*")


def _headline_metric(head: list[tuple[str, float]], packs: Packs) -> str | None:
    """The first measure the headline, else the lead, names."""
    vocab = metrics.vocabulary(packs.metrics)
    for passage, weight in head:
        if weight < 1:
            break
        found = metrics.mentions(passage, vocab)
        if found:
            return found[0].name
    return None


# A sentence that tells of the past: "from October" in it is what a figure is compared with.
_PAST_TENSE = re.compile(
    r"\b(?:was|were|had|rose|fell|grew|shrank|dropped|increased|decreased|declined|climbed|"
    r"jumped|slipped|gained|eased|slowed|edged)\b",
    re.I,
)


def _effective(
    t: periods.TimeSpan, text: str, calendar: Calendar | None
) -> periods.TimeSpan | None:
    """ "From April" (when a rate or allowance changes): a level set from the month a year
    starts holds for that year, the owner's fiscal year or the calendar one. From any other
    month, or as a base ("unchanged from October"), it dates no figure."""
    if t.kind != "from_month" or t.period.start is None:
        return t
    year, month = int(t.period.start[:4]), int(t.period.start[5:7])
    first = calendar.first_month if calendar is not None else 1
    if (
        month not in (1, first)
        or _BASE_BEFORE.search(text, max(0, t.start - 16), t.start)
        # "rose 0.7% in November from October": in a report of what happened, a base.
        or _PAST_TENSE.search(text)
    ):
        return None
    if month == 1:
        return periods.TimeSpan(t.start, t.end, Period(start=str(year), end=str(year)), "effective")
    span = Period(start=f"{year}-{month:02d}", end=f"{year + 1}-{month - 1:02d}")
    return periods.TimeSpan(t.start, t.end, span, "effective")


_BASE_BEFORE = re.compile(
    r"\b(?:unchanged|up|down|higher|lower|rose|fell|increased|decreased|compared|slowed|"
    r"accelerated|eased|edged)\s+\Z",
    re.I,
)


def times(
    text: str,
    packs: Packs,
    ref: periods.Reference | None,
    calendar: Calendar | None,
) -> list[periods.TimeSpan]:
    """Every time expression of a passage: fiscal ones by the calendar first, then the rest."""
    # An owner whose year does not start in January reports in its own quarters, unless its
    # calendar says its statistics come by calendar quarter.
    implicit = calendar is not None and calendar.first_month != 1 and calendar.fiscal_quarters
    special = fiscal.find(text, calendar, ref, implicit) + fiscal.quarter_by_month(text, ref)
    special = [t for t in special if t.period.start is not None]
    plain = [
        e
        for t in periods.find(text, packs.periods, ref)
        if (e := _effective(t, text, calendar)) is not None
    ]
    if not special:
        return _without_restatements(text, plain)
    taken: list[periods.TimeSpan] = []
    for t in sorted(special, key=lambda t: (t.start, -(t.end - t.start))):
        if all(t.end <= o.start or t.start >= o.end for o in taken):
            taken.append(t)
    kept = [p for p in plain if all(p.end <= o.start or p.start >= o.end for o in taken)]
    return _without_restatements(text, sorted(taken + kept, key=lambda t: t.start))


# "in fiscal Q4 2024, the period from 29 June to 28 September": the second time restates
# the first, in other units; figures take the one the article names the period by.
_RESTATES = re.compile(
    r"\s*[,(]\s*(?:i\.e\.,?\s+|that\s+is,?\s+)?(?:the\s+)?"
    r"(?:period|months|quarter|three[\s-]months?|weeks|span)\s*(?:(?:running|covering|spanning)\s+)?"
)


def _without_restatements(text: str, found: list[periods.TimeSpan]) -> list[periods.TimeSpan]:
    out: list[periods.TimeSpan] = []
    for t in found:
        if out and _RESTATES.fullmatch(text, out[-1].end, t.start) is not None:
            continue
        out.append(t)
    return out


# "Apple (AAPL)", "Reserve Bank of India (RBI)", "Samsung Electronics (005930.KS)": a name and
# the short form the article uses for it from then on.
# Capitalised words right before a bracket: the full name a short form stands for.
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w&'’.-]*\s+(?:(?:of|for|and|the)\s+)?){1,6}\Z")
_SHORT_FORM = re.compile(
    r"\(\s*(?:(?:NYSE|NASDAQ|Nasdaq|LSE|TSE|TYO|HKEX|HKG|SSE|SZSE|KRX|KOSPI|BSE|NSE|ASX|TSX|"
    r"Euronext|XETRA|ETR|SIX|OTC)\s*:\s*)?(?P<short>[A-Z][A-Z0-9.&]{1,9})\s*\)"
)


def _aliases(
    text: str,
    paragraphs: list[tuple[int, int]],
    vocab: subjects.Vocabulary,
    names: frozenset[str],
) -> dict[str, str]:
    out: dict[str, str] = {}
    for start, end in paragraphs:
        passage = text[start:end]
        if "(" not in passage:
            continue
        for m in _SHORT_FORM.finditer(passage):
            short = m.group("short")
            if short in out:
                continue
            before = passage[max(0, m.start() - 80) : m.start()].rstrip()
            owners = [
                o
                for o in sentence.owners_of(before, vocab, names=names)
                if o.name is not None and o.end >= len(before) - 1 and not o.known
            ]
            if owners and owners[-1].name != short:
                out[short] = owners[-1].name  # type: ignore[assignment]
    return out


def _head(
    text: str, title: str | None, paragraphs: list[tuple[int, int]]
) -> list[tuple[str, float]]:
    """The headline, the lead and the rest of the body, with their weight: the headline weighs most."""
    out: list[tuple[str, float]] = []
    if title:
        out.append((title, 3))
    taken = 0
    for start, end in paragraphs:
        passage = text[start : min(end, start + _LEAD_CHARS)]
        if title and passage.strip() == title.strip():
            continue
        if end - start < 40 or _BYLINE.match(passage):
            continue  # a byline or a label, not a lead
        out.append((passage, 2.0 if taken == 0 else (1.0 if taken < _LEAD_PARAGRAPHS else 0.25)))
        taken += 1
        if taken >= _BODY_PARAGRAPHS:
            break  # what an article is about is settled long before: a huge file costs no more
    return out


_BODY_PARAGRAPHS = 60  # paragraphs counted for the article's topic


def _topic(
    owners: list[tuple[list[sentence.Owner], str, float]],
    acronyms: dict[str, str],
    aliases: dict[str, str],
) -> str | None:
    """The owner the headline and lead name most, grammar and position weighed."""
    scores: dict[str, float] = {}
    first: dict[str, int] = {}
    for at, (found, passage, weight) in enumerate(owners):
        for owner in found:
            if owner.name is None or owner.role != "owner":
                continue
            name = aliases.get(owner.name, owner.name)
            if owner.known:
                written = " ".join(passage[owner.start : owner.end].lower().split())
                name = acronyms.get(written, name)
            score = weight * (0.5 if owner.object else 1.0)
            if owner.acting or owner.possessive:
                score += 1
            scores[name] = scores.get(name, 0.0) + score
            first.setdefault(name, at * 10_000 + owner.start)
    if not scores:
        return None
    return max(scores, key=lambda n: (scores[n], -first[n]))


_SINCE_BEFORE = re.compile(r"\b(?:since|before|until)\s+(?:the\s+|mid-|early\s+|late\s+)?\Z", re.I)


def _reporting_period(
    head: list[tuple[str, float]],
    packs: Packs,
    ref: periods.Reference | None,
    calendar: Calendar | None,
) -> tuple[Period | None, Origin]:
    """The first period the headline, else the lead, names for the article's own figures.

    When the article's date is only a year (guessed from the years it names), a period
    without a year ("Q2 GDP growth slows") is placed by that guess; a period of the same
    length the lead states with its year ("the July-September quarter of 2024-25") is surer.
    """
    first: Period | None = None
    for passage, weight in head:
        if weight < 1:
            break  # only the headline and the lead set the article's period
        for span in times(passage, packs, ref, calendar):
            if span.kind in _NOT_REPORTING or span.kind in periods.EVENT_KINDS:
                continue
            if _SINCE_BEFORE.search(passage, 0, span.start) or periods.COMPARISON_BASE.search(
                passage, max(0, span.start - 40), span.start
            ):
                continue  # "its weakest since the December 2022 quarter": a time compared with
            if span.period.start is None:
                continue
            if (
                ref is None
                or ref.month is not None
                or _WITH_YEAR.search(passage, span.start, span.end)
            ):
                if first is None or _length(first) == _length(span.period):
                    return span.period, "article"
                return first, "article"
            first = first or span.period
    return first, "article"


_WITH_YEAR = re.compile(r"(?:19|20)\d\d|\bFY\s?['’]?\d\d\b", re.I)


def _length(p: Period) -> int:
    """The months a period spans, by how its bounds are written ("2024-07" to "2024-09": 3)."""
    start, end = p.start or "", p.end or p.start or ""
    if len(start) < 7 or len(end) < 7:
        return 12 * (int(end[:4]) - int(start[:4]) + 1) if start and end else 0
    return (int(end[:4]) - int(start[:4])) * 12 + int(end[5:7]) - int(start[5:7]) + 1


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\b")
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,3}|\b[A-Z]{2,3}\b")


def economy(
    text: str, doc: Document, currencies: list[str], svocab: subjects.Vocabulary
) -> str | None:
    """The economy an article speaks of: its topic if that is a place; else the place it
    names most (as a country or a nationality); else the country of the currency most of its
    amounts are in. A story about a budget may name its country once, or never."""
    if doc.place:
        return doc.topic
    text = " ".join(text.split())  # names counted, not placed: blanked stretches cost nothing
    counts: Counter[str] = Counter()
    for m in _CAPITALISED.finditer(text):
        word = m.group(0)
        for name in (word, word.split()[0]):
            known = svocab.canonical.get(name.lower())
            if known is not None and known in svocab.places:
                counts[known] += 1
                break
            if name in svocab.demonyms:
                counts[svocab.demonyms[name]] += 1
                break
            if places.is_country(name):
                counts[name] += 1
                break
    for m in _INITIALS.finditer(text):
        known = svocab.canonical.get(m.group(0).lower())
        if known is not None and known in svocab.places:
            counts[known] += 1
    if counts:
        return counts.most_common(1)[0][0]
    economies = {c.code: c.economy for c in doc.packs.currencies.currency if c.economy}
    held = Counter(economies[c] for c in currencies if c in economies)
    return held.most_common(1)[0][0] if held else None
