"""Who a figure is about: entity mentions in a sentence, back-references, scope.

Entities and their aliases come from `rules/subjects.toml`; rapidfuzz maps
near variants of an alias ("centrally-administered SOE's") onto it. A name not
in the vocabulary is kept as a normalised proper-noun phrase, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ..lexicon import alternation
from ..packs import Subjects, per_pack
from . import periods, places

# A name of capitalised words; a possessive ends it ("Chile's GDP" is Chile's).
_PROPER = re.compile(
    r"\b(?:[A-Z][A-Za-z0-9&'’.-]*[A-Za-z0-9&]|[A-Z])(?:(?:(?<!['’]s)|(?=\s+(?:Corp|Inc|Co|Ltd|Plc|PLC|LLC|AG|SA|NV)\b))"
    r"\s+(?:of\s+|and\s+|&\s+)?(?:[A-Z][A-Za-z0-9&'’.-]*[A-Za-z0-9&]))*"
)
# Speech verbs make a name a speaker; "Apple reported revenue of ..." keeps Apple the owner.
_POSSESSIVE = re.compile(r"['’]s\b")
_REPORTING = re.compile(
    r"\s*(?:,[^,]{0,60},\s*)?(?:said|says|told|noted|added|stressed|urged|emphasized|emphasised|according)\b",
    re.I,
)
_TITLES = re.compile(
    r"(?:President|Premier|Minister|Chief|Chairman|Chairwoman|Director|Deputy|Governor|Secretary|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|CEO|Spokesperson|spokesman|spokeswoman|chief|researcher|analyst|economist)\s*\Z"
)
_COMPARISON_WORDS = frozenset(
    ("rival", "rivals", "peer", "competitor", "fellow", "compatriot", "today", "yesterday",
     "tonight", "meanwhile", "overall", "separately", "elsewhere")
)  # fmt: skip
_TITLE_WORDS = frozenset(
    [
        "President",
        "Premier",
        "Prime",
        "Minister",
        "Chancellor",
        "Chief",
        "Chairman",
        "Chairwoman",
        "Chair",
        "CEO",
        "CFO",
        "COO",
        "Governor",
        "Secretary",
        "Mr",
        "Ms",
        "Mrs",
        "Dr",
        "Sir",
        "Dame",
        "Lord",
        "Lady",
        "Senator",
        "Sen",
        "Rep",
        "Representative",
        "Commissioner",
        "Vice",
        "Deputy",
        "Director",
        "Spokesperson",
        "Spokesman",
        "Spokeswoman",
        "King",
        "Queen",
        "Pope",
        "Prof",
        "Professor",
        "Judge",
        "Justice",
        "General",
        "Gen",
        "Col",
        "Captain",
        "Mayor",
        "Ambassador",
        "Economist",
        "Analyst",
        "Founder",
    ]
)
_NOT_NAMES = (
    frozenset(
        [
            "the",
            "this",
            "that",
            "these",
            "those",
            "it",
            "its",
            "in",
            "on",
            "at",
            "for",
            "with",
            "as",
            "by",
            "from",
            "to",
            "of",
            "a",
            "an",
            "and",
            "but",
            "or",
            "if",
            "when",
            "while",
            "after",
            "before",
            "during",
            "since",
            "over",
            "under",
            "about",
            "according",
            "data",
            "however",
            "notably",
            "meanwhile",
            "also",
            "thanks",
            "highlights",
            "disclaimer",
            "why",
            "how",
            "what",
            "where",
            "who",
            "which",
            "there",
            "here",
            "they",
            "their",
            "we",
            "our",
            "you",
            "your",
            "he",
            "she",
            "experts",
            "executives",
            "officials",
            "analysts",
            "companies",
            "firms",
            "enterprises",
            "valued",
            "total",
            "annual",
            "cumulative",
            "central",
            "local",
        ]
    )
    | periods.FULL_MONTH_NAMES
    | frozenset(periods.WEEKDAYS)
)
_TIME_TOKEN = re.compile(
    r"(?:Q[1-4]|H[12]|FY\d{0,4}|\d{1,2}Q|[1-4]Q\d{0,4}|(?:19|20)\d\d|AM|PM|EDT|EST|CDT|CST|PDT|PST|GMT|"
    r"UTC|BST|CET|CEST|IST|JST|KST|HKT|SGT|AEST|AEDT)['’]?s?",
    re.I,
)
# Words no owner's name holds: plans, magnitudes, and holidays ("his New Year's Eve address").
_NOT_NAME_WORDS = frozenset(
    ("five-year", "plan", "percent", "trillion", "billion", "million", "year", "eve",
     "christmas", "easter", "ramadan", "diwali", "thanksgiving", "hanukkah")
)  # fmt: skip


@dataclass(frozen=True)
class Mention:
    """A named entity, a back-reference or a proper name found in a sentence."""

    start: int
    end: int
    name: str | None  # canonical or normalised name; None for a back-reference
    source: bool = False  # a body that reports figures rather than owns them
    known: bool = True  # from the vocabulary
    bare: bool = False  # a plain alias ("SOEs") that an earlier, narrower scope may refine


@dataclass(frozen=True)
class Vocabulary:
    aliases: re.Pattern[str]
    exact: re.Pattern[str]
    canonical: dict[str, str]  # alias (lower case) -> entity name
    written: dict[str, str]  # alias (lower case) -> alias as written in the vocabulary
    sources: frozenset[str]
    within: dict[str, str]
    nested: tuple[str, ...]  # the entities `within` relates, parts and wholes, longest first
    refer: re.Pattern[str]
    suffixes: frozenset[str]
    scope: re.Pattern[str] | None
    neutral: frozenset[str]
    choices: list[str]
    actions: re.Pattern[str]
    fuzzy_cache: dict[str, str | None]  # names repeat across sentences: match each once
    not_names: frozenset[str]
    folded: re.Pattern[str]  # the aliases in lower case, for matching a lower-cased sentence
    bare: dict[str, frozenset[str]]  # entity -> its aliases that mark no whole ("SOEs")
    regions: frozenset[str]  # regions of the world no country list holds, lower case
    places: frozenset[str]  # vocabulary entities that are countries or blocs
    source_words: re.Pattern[str]  # words that make a name a reporter of figures
    sectors: re.Pattern[str]  # sectors of an economy, as written
    sector_names: dict[str, str]  # a sector as written (lower case) -> its name
    demonyms: dict[str, str]  # "German" -> "Germany"
    demonym_written: re.Pattern[str]  # any of them, anywhere, as written: a cheap first look
    title_heads: frozenset[str]  # "Allowance": ends a name a possessive opens
    # "the Indian government's", "the Turkish economy's", "Philippine growth": a country's own
    # institution or growth owns what follows, whether or not the vocabulary names the measure.
    institutions: re.Pattern[str]
    forecasts_for: dict[str, str]  # a forecaster -> whose economy it forecasts


@per_pack
def vocabulary(subjects: Subjects) -> Vocabulary:
    canonical: dict[str, str] = {}
    written: dict[str, str] = {}
    for e in subjects.entity:
        for alias in (e.name, *e.aliases):
            canonical[_key(alias)] = e.name
            written[_key(alias)] = alias
    edge = r"(?<![\w-])({})(?![\w-])"
    scope = subjects.scope.phrases
    everything = alternation(written.values(), ignore_case=True)
    bare: dict[str, set[str]] = {}
    for alias, name in canonical.items():
        if not re.search(r"'s\b|chinese|nationwide|all ", alias):
            bare.setdefault(name, set()).add(alias)
    return Vocabulary(
        # Read with a space put before the sentence: a pattern that opens with a character
        # class lets the engine skip ahead, one that opens with a look-behind tries every
        # position (several times slower over hundreds of names).
        folded=re.compile(rf"[^\w-]({alternation(a.lower() for a in written.values())})(?![\w-])"),
        bare={k: frozenset(v) for k, v in bare.items()},
        aliases=re.compile(edge.format(everything), re.I),
        exact=re.compile(r"(?!)"),
        canonical=canonical,
        written=written,
        sources=frozenset(e.name for e in subjects.entity if e.role == "source"),
        within={e.name: e.within for e in subjects.entity if e.within},
        nested=tuple(
            sorted(
                {e.name for e in subjects.entity if e.within}
                | {e.within for e in subjects.entity if e.within},
                key=lambda name: (-len(name), name),
            )
        ),
        refer=re.compile(edge.format(alternation(subjects.refer.words, ignore_case=True)), re.I),
        suffixes=frozenset(s.lower() for s in subjects.names.suffixes),
        scope=re.compile(edge.format(alternation(scope, ignore_case=True)), re.I)
        if scope
        else None,
        neutral=frozenset(s.lower() for s in subjects.scope.neutral),
        choices=sorted(canonical),
        actions=re.compile(
            rf"\s+(?:{alternation(subjects.names.actions, ignore_case=True)})\b", re.I
        )
        if subjects.names.actions
        else re.compile(r"(?!)"),
        # A nationality alone is no name: "Kenyan exports" are Kenya's.
        not_names=frozenset(
            w.lower() for w in (*subjects.names.not_names, *subjects.names.demonyms)
        ),
        fuzzy_cache={},
        regions=frozenset(r.lower() for r in subjects.names.regions),
        places=frozenset(e.name for e in subjects.entity if e.place),
        sectors=re.compile(
            r"(?<![\w-])({})(?![\w-])".format(
                alternation(
                    (a for aliases in subjects.scope.sectors.values() for a in aliases),
                    ignore_case=True,
                )
                or "(?!)"
            ),
            re.I,
        ),
        demonyms=dict(subjects.names.demonyms),
        demonym_written=re.compile(alternation(subjects.names.demonyms) or "(?!)"),
        title_heads=frozenset(subjects.names.title_heads),
        institutions=re.compile(
            r"(?<![\w-])(?P<demonym>{})\s+(?:(?:(?:federal|central|national)\s+)?"
            r"(?:government|economy|treasury)['’]s|(?:economic\s+)?growth)(?![\w-])".format(
                alternation(subjects.names.demonyms) or "(?!)"
            )
        ),
        forecasts_for={e.name: e.forecasts_for for e in subjects.entity if e.forecasts_for},
        sector_names={
            _key(a): name for name, aliases in subjects.scope.sectors.items() for a in aliases
        },
        source_words=re.compile(rf"\b(?:{alternation(subjects.names.source_words)})\b")
        if subjects.names.source_words
        else re.compile(r"(?!)"),
    )


def _key(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


# "Bank of America", "University of Tokyo": an institution's name opening a sentence is a
# name, though its first word alone is a common noun.
_INSTITUTION = re.compile(
    # "State Bank of India", "Royal Bank of Canada": a name or two may stand before the noun
    r"(?:[A-Z][\w&.'’-]*\s+){0,2}"
    r"(?:Bank|University|Republic|Ministry|Department|Bureau|Office|Board|Commission|Council|"
    r"Institute|Association|Federation|Court|Port|Kingdom|Province|State|Government)\s+of\s+[A-Z]"
)


def _ends_the_name(rest: str) -> bool:
    """ "Eurozone CPI", "China GDP", "Bank of Japan Governor Kazuo Ueda": a name followed by a
    measure's acronym or by a title and a person's name, not one longer name."""
    words = rest.split()
    if words and words[0].rstrip(".") in _TITLE_WORDS:
        return True
    return bool(words) and all(w.isupper() and w.isalpha() and 2 <= len(w) <= 4 for w in words)


def mentions(
    sentence: str, vocab: Vocabulary, names: frozenset[str] = frozenset()
) -> list[Mention]:
    """Entity mentions, back-references and proper names in a sentence, in order.

    `names` are words the article writes capitalised mid-sentence: such a word opening a
    sentence or a headline is still a name ("Apple fiscal Q4 beats views").
    """
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    longer = [
        (p.start() + _leading_article(p.group()), p.end())
        for p in _PROPER.finditer(sentence)
        if len(p.group().split()) > 1 and _key(p.group()) not in vocab.canonical
    ]
    lower = sentence.lower()
    # Matching the lower-cased sentence is much faster than a case-folding pattern; the
    # two have the same length for all but a few scripts, where the slow path is taken.
    spans = (
        [(m.start(1) - 1, m.end(1) - 1) for m in vocab.folded.finditer(f" {lower}")]
        if len(lower) == len(sentence)
        else [m.span(1) for m in vocab.aliases.finditer(sentence)]
    )
    for start, end in spans:
        written_text = sentence[start:end]
        if not free(start, end) or not _acronyms_as_written(written_text, vocab):
            continue
        # A longer name opening the sentence counts only from its own start ("China Eastern
        # Airlines reported"); "Profits of SOEs" at a sentence's start is no name.
        around = [
            (a, b)
            for a, b in longer
            if a <= start
            and end <= b
            and (b - a) > (end - start) + 3
            and (
                a > 0
                or a == start
                or sentence[a:b].split()[0] in names
                or _INSTITUTION.match(sentence, a) is not None
            )
            and not _ends_the_name(sentence[end:b])
        ]
        possessive = _POSSESSIVE.match(sentence, end) is not None
        # "State Bank of India's profit": the possessive is the longer name's.
        whole_possessive = possessive and any(
            sentence[end:b] in ("", "'s", "’s", "'", "’") for _, b in around
        )
        if around and written_text[:1].isupper() and (not possessive or whole_possessive):
            continue  # part of a longer name: "China Eastern Airlines", "Bank of Japan"
        known = vocab.canonical[_key(written_text)]
        bare = _key(written_text) in vocab.bare.get(known, frozenset()) and not _qualified(
            sentence, start
        )
        found.append(Mention(start, end, known, known in vocab.sources, True, bare))
        taken.append((start, end))
    for m in vocab.refer.finditer(sentence):
        if free(*m.span()):
            found.append(Mention(m.start(), m.end(), None))
            taken.append(m.span())
    for m in _PROPER.finditer(sentence):
        if not free(*m.span()):
            continue
        proper = _proper_name(sentence, m, vocab, names)
        if proper is None:
            continue
        matched = _fuzzy(proper, vocab)
        reporter = _REPORTING.match(sentence, m.end()) is not None
        if vocab.source_words.search(proper):
            found.append(Mention(m.start(), m.end(), proper, True, known=True))
            taken.append(m.span())
            continue
        if matched is not None:
            found.append(Mention(m.start(), m.end(), matched, matched in vocab.sources or reporter))
        else:
            # The mention spans the name kept: "Shares of Toyota" is Toyota, where Toyota stands.
            at = sentence.find(proper, m.start(), m.end())
            found.append(
                Mention(at if at >= 0 else m.start(), m.end(), proper, reporter, known=False)
            )
        taken.append(m.span())
    return sorted(found, key=lambda x: x.start)


def _leading_article(name: str) -> int:
    """ "The Bank of Japan" opening a sentence: the name starts after "The "."""
    m = re.match(r"(?:The|A|An)\s+", name)
    return m.end() if m else 0


def _acronyms_as_written(found: str, vocab: Vocabulary) -> bool:
    """Acronyms match only as written: "US" is not "us", "SOE" is not "Soe"; other words fold case."""
    alias = vocab.written[_key(found)]
    for a, f in zip(alias.split(), found.split(), strict=False):
        if sum(ch.isupper() for ch in a) >= 2 and a != f:
            return False
    return True


def _bare_forms(name: str, vocab: Vocabulary) -> frozenset[str]:
    """Aliases that name a family without marking its whole ("SOEs", not "China's SOEs")."""
    return frozenset(
        a
        for a, n in vocab.canonical.items()
        if n == name and not re.search(r"'s\b|chinese|nationwide|all ", a)
    )


def _qualified(sentence: str, start: int) -> bool:
    """ "all SOEs", "total SOE assets": the writer marks the whole, not a narrower scope."""
    return (
        re.search(
            r"\b(?:all|every|total|overall|whole)\s+\Z", sentence[max(0, start - 12) : start], re.I
        )
        is not None
    )


_DATELINE_AFTER = re.compile(r",\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}|\()")
# "Barclays plc's pretax profit": a corporate suffix in lower case after the name.
_SUFFIX_AFTER = re.compile(r"\s+(?:plc|inc|corp|ltd|co|ag|sa|nv|se|spa|llc|group)\.?(['’]s)?\b")
_SENTENCE_START = re.compile(r"(?:^\s*|[.!?:]['\"”’)]?\s+|\n\s*|^\s*[-*•]\s+)\Z")


def _proper_name(
    sentence: str, m: re.Match[str], vocab: Vocabulary, names: frozenset[str] = frozenset()
) -> str | None:
    words = m.group().split()
    several = len(words) > 1  # "Apple Inc.", "Siemens AG": a name even at a sentence's start
    after = sentence[m.end() : m.end() + 2]
    possessive = after[:1] in ("'", "’") or re.search(r"(?:'s|’s)$", m.group()) is not None
    if words:
        words[-1] = re.sub(r"(?:'s|’s|'|’)$", "", words[-1])
    # "Munich-based", "Beijing-headquartered": where a company sits, not who it is.
    words = [w for w in words if not re.search(r"-[a-z]+$", w)]
    # A capital at the start of a sentence says nothing: drop such a first word.
    while words and (
        words[0].lower() in _NOT_NAMES
        or (words[0].lower() in vocab.not_names and len(words) > 1 and words[1].lower() == "of")
    ):
        words.pop(0)  # "Shares of Toyota": the name is Toyota
    while words and words[-1].lower() in vocab.suffixes:
        words.pop()
    if not words or any(w.lower() in _NOT_NAME_WORDS for w in words):
        return None
    if len(words) == 1 and words[0].lower() in vocab.not_names:
        return None  # "a Japanese company": a nationality, not a name
    if all(part.lower().rstrip(".") in periods.MONTH_NAMES for w in words for part in w.split("-")):
        return None  # "Dec", "January-October": a time, not a name
    if any(_TIME_TOKEN.fullmatch(w) for w in words):
        return None  # "Q4", "H1 Results", "FY24": a time, not a name
    if sentence[m.end() : m.end() + 1] == "$":
        return None  # "NT$805 billion", "HK$3": a currency's prefix, not a name
    if (
        m.start() == 0
        and m.group().isupper()
        and _DATELINE_AFTER.match(sentence, m.end()) is not None
    ):
        return None  # "BEIJING, Dec 27 (Reuters) -": a dateline's city
    if _TITLES.search(sentence[: m.start()]) is not None or words[0].rstrip(".") in _TITLE_WORDS:
        return None  # a person named by title: a speaker, not a subject
    while len(words) > 1 and words[0].lower() in _COMPARISON_WORDS:
        words.pop(0)  # "Rival Samsung": the name is Samsung
    name = " ".join(words).strip(".,'’")
    if len(name) < 2 or name.lower() in _NOT_NAMES:
        return None
    # "Revenue rose": an ordinary word opens the sentence; "Apple reported" is a company acting.
    before = sentence[max(0, m.start() - 6) : m.start()]
    starts = m.start() == 0 or _SENTENCE_START.search(before) is not None
    suffix = _SUFFIX_AFTER.match(sentence, m.end())
    if suffix is not None:
        several = True  # "Barclays plc", "Siemens AG": a company's name with its suffix
    opener = starts and not several and not name.isupper() and not possessive
    shares = re.match(r"\s+(?:shares|stock)\s+[a-z]+", sentence[m.end() : m.end() + 30]) is not None
    if (
        opener
        and name not in names
        and not shares
        and vocab.actions.match(sentence, m.end()) is None
        # "Foxconn, the world's largest contract electronics maker, said": the verb after the
        # description of the name
        and not _described_acting(sentence, m.end(), vocab)
        # "Spain: 2.4%", "Chile grew 2%": a country's name is a name wherever it stands.
        and not places.is_country(name)
    ):
        return None
    return name


_DESCRIPTION = re.compile(r",\s+(?:the|a|an|its)\s+[^,;.]{3,70},")


def _described_acting(sentence: str, end: int, vocab: Vocabulary) -> bool:
    described = _DESCRIPTION.match(sentence, end)
    return described is not None and vocab.actions.match(sentence, described.end()) is not None


def _fuzzy(name: str, vocab: Vocabulary) -> str | None:
    """A vocabulary entity for a near variant of one of its aliases."""
    key = _key(name)
    if key not in vocab.fuzzy_cache:
        best = process.extractOne(key, vocab.choices, scorer=fuzz.ratio, score_cutoff=90)
        vocab.fuzzy_cache[key] = vocab.canonical[best[0]] if best else None
    return vocab.fuzzy_cache[key]


def family(name: str, vocab: Vocabulary) -> list[str]:
    """The entity and every broader one it lies within: central SOEs -> [central SOEs, SOEs]."""
    chain = [name]
    while chain[-1] in vocab.within and len(chain) < 10:
        chain.append(vocab.within[chain[-1]])
    return chain


def scope_note(sentence: str, vocab: Vocabulary) -> str | None:
    """A scope qualifier that changes the fact ("excluding the financial sector")."""
    if vocab.scope is None:
        return None
    for m in vocab.scope.finditer(sentence):
        phrase = _key(m.group(1))
        if phrase not in vocab.neutral:
            return phrase
    return None


_PREPOSITION = re.compile(
    r"\b(?:from|in|into|to|with|against|across|over|by|like|including)\s+(?:the\s+)?\Z",
    re.I,
)


def is_object(sentence: str, mention: Mention) -> bool:
    """ "its exit from Russia", "sales in China": a name after a preposition is rarely the owner."""
    return _PREPOSITION.search(sentence, max(0, mention.start - 16), mention.start) is not None


_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z]{1,9})\s*\)")


def acronyms(text: str, vocab: Vocabulary) -> dict[str, str]:
    """ "central state-owned enterprises (SOEs)": what the article's acronyms stand for."""
    out: dict[str, str] = {}
    for bracket in _ACRONYM.finditer(text):
        acronym = bracket.group(1)
        if _key(acronym) not in vocab.canonical:
            continue
        window_start = max(0, bracket.start() - 90)
        before = text[window_start : bracket.start()].rstrip()
        named = None
        for m in vocab.aliases.finditer(before):
            if m.end() == len(before) and _acronyms_as_written(m.group(1), vocab):
                named = vocab.canonical[_key(m.group(1))]
        if named is None or vocab.canonical[_key(acronym)] == named:
            continue
        out.setdefault(_key(acronym), named)
        singular = acronym[:-1] if acronym.endswith("s") else acronym
        out.setdefault(_key(singular), named)
    return out
