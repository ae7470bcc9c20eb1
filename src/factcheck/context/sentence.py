"""The sentence pass: everything a sentence says about owners, measures and times, found once.

Each figure of the sentence is then resolved from these lists alone (`resolve`).
Owners carry the grammar that decides whether they own a figure: a possessive
("Tesla's profit"), the subject of a clause ("Tesla earned"), the object of a
preposition ("a ruling against Apple"), a source that reports rather than owns
("CCTV reported", "analysts at Jefferies"), a person, a place.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import Literal

from . import metrics, periods, places, subjects

Role = Literal["owner", "source", "person", "place", "refer", "sector"]

# Where one clause ends and another starts: a figure's owner is looked for in its own clause
# first ("revenue rose 6%, while rival Samsung's fell 3%").
_CLAUSE_BREAK = re.compile(
    r";|\s[—–]\s|\s--\s|,\s+(?=(?:while|whereas|but|although|though|as|which|compared|versus|"
    r"against|after|before|with|helped|driven|thanks|even)\b)|\s+(?=(?:while|whereas|but)\s)"
    # A participle clause after a comma says what the figure led to: "grew 5%, lending
    # certainty to the world economy", "rose 3%, bringing the total to 9 billion".
    r"|,\s+(?=(?:lending|bringing|taking|pushing|pulling|adding|giving|putting|leaving|"
    r"sending|making|raising|lifting|dragging|marking|signalling|signaling)\b)",
    re.I,
)
# Verbs (and auxiliaries) after a name that make it the clause's subject: "Tesla earned",
# "China's economy grew", "Apple (AAPL) posted".
_ACTING = re.compile(
    r"(?:\s*\([^)]{1,40}\))?(?:\s*,[^,]{1,60},)?(?:\s+\d+)?(?:\s+(?:index|shares|stock|stocks))?\s+(?:also\s+|has\s+|have\s+|had\s+|will\s+|would\s+|"
    r"could\s+|may\s+|on\s+\w+day\s+|last\s+\w+\s+)?(?:[a-z]+ed|is|was|are|were|has|had|grew|rose|"
    r"fell|saw|made|sold|took|won|lost|paid|spent|kept|held|set|cut|hit|beat|got|gave|put|ran|swung|"
    r"shrank|came|sees|says|said|expects|will|did|does|earns|makes|reports|posts|sells|grows|rises|"
    r"falls|beats|tops|misses|swings|jumps|slips|slides|plunges|soars|surges|climbs|gains|loses|"
    r"pays|spends|books|logs|hits|sets|cuts|raises|lifts|lowers|warns|plans|aims|targets|shipped|"
    r"ships|delivers|employs|owns|holds|generates|records|registers|drops|dips|declines|"
    r"increases|decreases|expands|contracts|shrinks|remains|stays|becomes|accounts|controls|"
    r"brought|bought|built|drew|drove|led|met|stood|struck|told|wrote|shed|made|"
    r"employ|hold|own|make|have|account|generate|earn|report|post|sell|pay|spend|control|"
    r"operate|produce|export|import|contribute|expect|plan|see|remain)\b",
)
_ACTING_S = re.compile(r"\s+(?:also\s+)?[a-z]+(?:s|ed)\b")
_EXAMPLE_BEFORE = re.compile(r"\b(?:such\s+as|including|like|e\.g\.,?)\s+\Z", re.I)
_SOURCE_BEFORE = re.compile(
    r"(?:according\s+to(?:\s+an?)?|analysts?\s+(?:at|from|with)|economists?\s+(?:at|from|with)|data\s+(?:from|by)|"
    r"strategists?\s+at|figures\s+from|estimates\s+from|compiled\s+by|polled\s+by|cited\s+by|"
    r"told|quoted\s+by|via)\s+(?:the\s+)?"
    # "According to National Statistical Office (NSO) data": the short form is the source too.
    r"(?:(?:[A-Z][\w&'’-]*\s+){1,6}\(\s*)?\Z",
    re.I,
)
_SOURCE_AFTER = re.compile(
    r"\s*(?:'s\s+|’s\s+)?(?:poll|polls|survey|analysts?|economists?|calculations|consensus|"
    r"news\s+agency|newswires?|transcript)\b",
    re.I,
)
_PERSON_AFTER = re.compile(
    r",\s+(?:\d{2},|the\s+(?:company's\s+)?(?:chief|head|chair|ceo|cfo)"
    # "Zhang Ming, deputy director of ...": a name, then the post its holder fills
    r"|(?:a\s+|an\s+)?(?:deputy|vice|senior|chief|executive|managing|associate|assistant)\s+"
    r"(?:director|president|chairman|chair|economist|analyst|governor|minister|editor|fellow|"
    r"researcher|head|officer)\b)",
    re.I,
)
_ROLE_BEFORE = re.compile(
    r"(?:chief\s+executive(?:\s+officer)?|chief\s+financial\s+officer|executive|officer|ceo|cfo|coo|"
    r"president|chairman|chairwoman|chair|founder|governor|chancellor|minister|secretary|spokesperson|"
    r"spokesman|spokeswoman|analyst|economist|strategist|director|head|boss|commissioner|"
    r"mr\.?|ms\.?|mrs\.?|dr\.?|sir|dame|lord|professor|prof\.?)\s+\Z",
    re.I,
)
_EMPLOYER_BEFORE = re.compile(
    r"\b(?:director|chief|economist|analyst|strategist|president|chairman|chairwoman|researcher|"
    r"professor|fellow|adviser|advisor|head|dean|secretary-general|spokes(?:person|man|woman))\b"
    r"[^,.;:]{0,60}?\b(?:of|at|under|with|from)\s+(?:the\s+)?\Z",
    re.I,
)
_AGENCY_NAME = re.compile(
    r"\b(?:Department|Ministry|Office|Bureau|Agency|Institute|Commission|Administration|"
    r"Report|Survey)\b"
)
_REPORTS_AFTER = re.compile(
    r"(?:\s*\([^)]{1,12}\))?\s*(?:['’]s\s+)?(?:said|says|reported|reports|showed|shows|"
    r"estimated|estimates|data|figures|report|statistics|survey)\b",
    re.I,
)
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|added|noted|wrote)\s+\Z", re.I)
_BASED = re.compile(r"\s*(?:,\s*[A-Z][a-z]+)?-(?:based|headquartered|listed)\b")
# Prepositions after which a name is not the clause's owner ("its exit from Russia",
# "competition from Xiaomi", "ahead of Samsung's results"); "for/at/of" right after a
# measure are the exception ("revenue at Tesla"), handled where figures are resolved.
_OBJECT_BEFORE = re.compile(
    r"\b(?:from|in|into|to|with|against|across|over|by|like|including|than|versus|vs\.?|"
    r"ahead\s+of|behind|amid|among|between|towards?|such\s+as|unlike|beat|beating|outpacing|"
    r"on|at|for|of|about|after|before|rival|rivals|competitor|competitors|peer|peers)"
    r"\s+(?:the\s+)?\Z",
    re.I,
)


@dataclass(frozen=True)
class Owner:
    """A name that may own a figure, with the grammar around it."""

    start: int
    end: int
    name: str | None  # None for a back-reference ("its", "the company")
    role: Role
    known: bool  # from the vocabulary
    bare: bool  # a plain alias that an earlier, narrower scope may refine ("SOEs")
    possessive: bool  # "Tesla's", "China's"
    acting: bool  # the subject of its clause: "Tesla earned"
    object: bool  # after a preposition: "a ruling against Apple"
    place: bool  # a country or region
    actor: bool = True  # known, or acting as an owner somewhere in the article (else a product)


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article and what it names, positions relative to `start`."""

    start: int
    text: str
    owners: list[Owner]
    measures: list[metrics.MetricMention]
    times: list[periods.TimeSpan]
    clauses: list[tuple[int, int]]

    def clause(self, pos: int) -> tuple[int, int]:
        for a, b in self.clauses:
            if a <= pos < b:
                return a, b
        return 0, len(self.text)


def read(
    text: str,
    start: int,
    occupied: list[tuple[int, int]],
    svocab: subjects.Vocabulary,
    mvocab: metrics.Vocabulary,
    times: list[periods.TimeSpan],
    names: frozenset[str] = frozenset(),
    actors: frozenset[str] | None = None,
    persons: frozenset[str] = frozenset(),
) -> Sentence:
    """The owners, measures and clauses of one sentence; `occupied` are its figures' spans.

    `names` are the words the article capitalises mid-sentence; `actors` the names it ever
    gives a figure by grammar (a possessive, a clause's subject): a capitalised word that
    never acts ("iPhone and Mac sales") names a product, not an owner.
    """
    text_for_names = decase(text, names)
    measures, occasions = _measures(text, mvocab)
    named = subjects.mentions(text_for_names, svocab, names)
    # "State-owned Assets Supervision and Administration Commission": a name, not a measure.
    measures = [
        m
        for m in measures
        if not (
            text[m.start : m.start + 1].isupper()
            and any(n.known and n.start <= m.start and m.end <= n.end for n in named)
        )
    ]
    busy = (
        occupied
        + [(m.start, m.end) for m in measures + occasions]
        + [(t.start, t.end) for t in times]
    )
    kept = [
        m
        for m in named
        if (m.known and m.name is not None) or not any(a < m.end and m.start < b for a, b in busy)
    ]
    owners = _with_grammar(text_for_names, kept, svocab, actors, persons)
    owners = _measure_owners(text, owners, measures)
    owners = _with_demonyms(text, owners, measures, svocab)
    return Sentence(start, text, owners, measures, times, _clauses(text))


# "German inflation", "Japanese core exports", and the country's own institutions in the
# possessive: "the Indian government's tax receipts", "the Turkish economy's growth".
_DEMONYM_GAP = re.compile(
    r"\s+(?:(?:[a-z][\w-]*\s+){0,2}"
    r"|(?:federal\s+|central\s+|national\s+)?(?:government|economy|treasury)['’]s\s+)\Z"
)


def _with_demonyms(
    text: str,
    owners: list[Owner],
    measures: list[metrics.MetricMention],
    svocab: subjects.Vocabulary,
) -> list[Owner]:
    """ "German inflation", "Japanese exports": the country owns the measure after its adjective."""
    if not svocab.demonyms:
        return owners
    added: list[Owner] = []
    for found in svocab.institutions.finditer(text):
        start, end = found.span("demonym")
        # The adjective alone may have been taken for a name ("Turkish"): the country replaces it.
        owners = [o for o in owners if o.known or not (o.start < end and start < o.end)]
        if not any(o.start < end and start < o.end for o in owners):
            country = svocab.demonyms[found.group("demonym")]
            added.append(Owner(start, end, country, "owner", True, False, True, False, False, True))
    for m in measures:
        head = text[max(0, m.start - 40) : m.start]
        if svocab.demonym_written.search(head) is None:
            continue  # no country's adjective before the measure, as for most: one look
        for word, country in svocab.demonyms.items():
            at = head.rfind(word)
            if at < 0 or (at > 0 and head[at - 1].isalnum()):
                continue
            end = at + len(word)
            if _DEMONYM_GAP.fullmatch(head, end) is None:
                continue
            start = m.start - len(head) + at
            if any(o.start < start + len(word) and start < o.end for o in owners + added):
                continue
            added.append(
                Owner(
                    start,
                    start + len(word),
                    country,
                    "owner",
                    True,
                    False,
                    True,
                    False,
                    False,
                    True,
                )
            )
    return sorted(owners + added, key=lambda o: o.start) if added else owners


_THOSE_OF = re.compile(r"\b(?:those|that)\s+of\s+(?:the\s+)?\Z", re.I)  # "those of SOEs"
_OF_AFTER_MEASURE = re.compile(r"\s+(?:of|at|for)\s+(?:the\s+)?\Z", re.I)


def _measure_owners(
    text: str, owners: list[Owner], measures: list[metrics.MetricMention]
) -> list[Owner]:
    """ "the total assets of China's SOEs": the object of "of" after a measure owns it, as a
    possessive would ("China's SOEs' total assets")."""
    out = []
    for o in owners:
        stand_in = _THOSE_OF.search(text, max(0, o.start - 20), o.start) is not None
        if o.object and (
            stand_in
            or any(
                m.end <= o.start and _OF_AFTER_MEASURE.fullmatch(text, m.end, o.start)
                for m in measures
            )
        ):
            o = Owner(**{**o.__dict__, "object": False, "possessive": True})
        out.append(o)
    return out


def _with_grammar(
    text: str,
    named: list[subjects.Mention],
    svocab: subjects.Vocabulary,
    actors: frozenset[str] | None = None,
    persons: frozenset[str] = frozenset(),
) -> list[Owner]:
    owners = [_owner(text, m, svocab) for m in named]
    if persons:
        owners = [
            Owner(**{**o.__dict__, "role": "person"}) if o.name in persons and not o.known else o
            for o in owners
        ]
    if actors is not None:
        owners = [
            o
            if o.known or o.name is None or o.name in actors or o.possessive or o.acting
            else Owner(**{**o.__dict__, "actor": False})
            for o in owners
        ]
    out = []
    for k, o in enumerate(owners):
        nxt = owners[k + 1] if k + 1 < len(owners) else None
        if o.possessive and nxt is not None and nxt.role == "source" and nxt.start - o.end <= 4:
            # "China's statistics bureau said": the possessive names the source's country.
            o = Owner(**{**o.__dict__, "possessive": False})
        out.append(o)
    return out


_WORD = re.compile(r"[A-Za-z][\w&'’.-]*")


def decase(text: str, names: frozenset[str]) -> str:
    """A headline in Title Case with only its names capitalised: "China Hits Official 5% Target"
    reads "China hits official 5% target". Same length, so positions hold."""
    words = _WORD.findall(text)
    if len(words) < 4:
        return text
    capitals = [w for w in words if w[0].isupper()]
    if len(capitals) < 0.7 * len(words):
        return text

    def lower(m: re.Match[str]) -> str:
        w = m.group()
        if m.start() == 0 or w.isupper() or w.rstrip(".'’s") in names or w in names:
            return w
        return w.lower()

    return _WORD.sub(lower, text)


_WORD_BEFORE = re.compile(r"([\w-]+)\s+\Z")


def _measures(
    text: str, mvocab: metrics.Vocabulary
) -> tuple[list[metrics.MetricMention], list[metrics.MetricMention]]:
    """The measures a sentence names, and the measure words that name an occasion there
    ("tax rises in the autumn Budget"): neither a measure nor an owner's name."""
    measures: list[metrics.MetricMention] = []
    occasions: list[metrics.MetricMention] = []
    for m in metrics.mentions(text, mvocab):
        occasion = (m.start > 0 and text[m.start : m.end] in mvocab.occasions) or (
            text[m.start : m.end].lower().startswith("budget")
            and (before := _WORD_BEFORE.search(text, max(0, m.start - 24), m.start)) is not None
            and before.group(1).lower() in mvocab.occasion_words
        )
        (occasions if occasion else measures).append(m)
    return measures, occasions


def _clauses(text: str) -> list[tuple[int, int]]:
    cuts = [0] + [m.start() for m in _CLAUSE_BREAK.finditer(text)] + [len(text)]
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


# "Tesco, Britain's biggest retailer,", "Toyota, Japan's top automaker,": a name, then a
# description that ranks it in a place.
_APPOSITION_OPENS = re.compile(r"[A-Z][\w&.)-]*\s*,\s+\Z")
_APPOSITION_CLOSES = re.compile(
    r"(?:['’]s?)?\s+(?:(?:biggest|largest|top|leading|main|major|oldest|most|best|only|dominant|"
    r"state-owned|flagship|number|No\.|second|third|fourth|fifth|[a-z]+-largest|[a-z]+-biggest|"
    r"[a-z]+est)\b)[^,;.]{0,45},"
)


def _owner(text: str, m: subjects.Mention, vocab: subjects.Vocabulary) -> Owner:
    before = text[max(0, m.start - 70) : m.start]
    after = text[m.end : m.end + 60]
    written = text[m.start : m.end]
    possessive = (
        re.match(r"['’]s?\b|['’](?=\s)", after) is not None
        or written.endswith(("'s", "’s"))
        or (m.name is None and written.lower() in ("its", "their", "his", "her"))
    )
    example = _EXAMPLE_BEFORE.search(before) is not None
    acting = (
        not possessive
        and not example
        and (
            _ACTING.match(after) is not None
            # After "the contract" or "it", a word in -s is a verb; after a name it may be a noun
            # ("Street views"), so names take the listed verbs only.
            or (m.name is None and _ACTING_S.match(after) is not None)
        )
    )
    role: Role = "owner"
    if m.name is None:
        role = "refer"
    elif example and not m.known:
        role = "sector"  # "services such as Apple Music": an example of a kind, not an owner
    elif (m.source and m.known) or _SOURCE_BEFORE.search(before) or _SOURCE_AFTER.match(after):
        role = "source"  # a firm that "said" still owns its figures; an agency never does
    elif (
        not m.known
        and _AGENCY_NAME.search(written) is not None
        and _REPORTS_AFTER.match(text, m.end) is not None
    ):
        # "the Labor Department said", "the Federal Labour Office's data showed": a body that
        # publishes a country's statistics reports figures; it does not own them.
        role = "source"
    elif (
        _EMPLOYER_BEFORE.search(before)
        and not possessive
        and not places.is_place(m.name or "", vocab.regions)
    ):
        # "Zhang Ming, deputy director of the Institute of Finance under the Chinese Academy
        # of Social Sciences, said": where the speaker works, not whose figures follow.
        role = "source"
    elif not m.known and (
        _ROLE_BEFORE.search(before)
        or _PERSON_AFTER.match(after)
        # "said Jane Doe", not "said Nigeria's economy would grow": a clause may follow "said"
        or (
            _SAID_BEFORE.search(before)
            and not possessive
            and not places.is_place(m.name or "", vocab.regions)
        )
    ):
        role = "person"
    elif not m.known and _BASED.match(after):
        role = "place"
    is_place = m.name is not None and (
        m.name in vocab.places or places.is_place(m.name, vocab.regions)
    )
    if (
        m.name is not None
        and not m.known
        and " ".join(m.name.lower().split()) in vocab.sector_names
    ):
        role = "sector"  # "Manufacturing (2.2%)": a sector of the economy, not an owner
    if (
        is_place
        and possessive
        and _APPOSITION_OPENS.search(before) is not None
        and _APPOSITION_CLOSES.match(after) is not None
    ):
        # "Tesco, Britain's biggest retailer, reported": the place describes the name
        # before it, and owns nothing.
        role = "place"
    obj = m.name is not None and _OBJECT_BEFORE.search(before) is not None
    return Owner(
        start=m.start,
        end=m.end,
        name=m.name,
        role=role,
        known=m.known,
        bare=m.bare,
        possessive=possessive,
        acting=acting,
        object=obj,
        place=is_place,
    )


def owners_of(
    text: str,
    svocab: subjects.Vocabulary,
    mvocab: metrics.Vocabulary | None = None,
    names: frozenset[str] = frozenset(),
) -> list[Owner]:
    """Every owner a passage names, with its grammar: for the document pass's topic."""
    text = decase(text, names)
    named = subjects.mentions(text, svocab, names)
    if mvocab is None:
        return _with_grammar(text, named, svocab)
    measures, occasions = _measures(text, mvocab)
    busy = [(m.start, m.end) for m in measures + occasions]
    named = [
        m
        for m in named
        if (m.known and m.name is not None) or not any(a < m.end and m.start < b for a, b in busy)
    ]
    owners = _measure_owners(text, _with_grammar(text, named, svocab), measures)
    return _with_demonyms(text, owners, measures, svocab)
