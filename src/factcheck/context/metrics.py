"""Which measure a figure gives: metric phrases, growth rates and shares.

Metric names and their synonyms come from `rules/metrics.toml`; rapidfuzz maps
near variants; a measure not in the vocabulary is kept as a normalised phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ..lexicon import alternation
from ..packs import Metrics, per_pack
from . import periods

_NP_WORD = re.compile(r"[“\"‘']?([A-Za-z][\w&-]*)[”\"’']?")
_NP_STOP = frozenset(
    [
        "has",
        "have",
        "had",
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "with",
        "since",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "to",
        "as",
        "and",
        "or",
        "but",
        "that",
        "which",
        "who",
        "while",
        "including",
        "than",
        "rose",
        "fell",
        "grew",
        "increased",
        "surged",
        "jumped",
        "dropped",
        "declined",
        "reached",
        "hit",
        "stood",
        "totalled",
        "totaled",
        "amounted",
    ]
)
_MONTH_WORDS = periods.FULL_MONTH_NAMES | {"end", "start", "beginning"}
_FALLBACK_SKIP = frozenset(
    [
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "of",
        "at",
        "to",
        "by",
        "reached",
        "hit",
        "stood",
        "totalled",
        "totaled",
        "amounted",
        "about",
        "around",
        "some",
        "nearly",
        "almost",
        "over",
        "under",
        "more",
        "less",
        "than",
        "up",
        "down",
        "rose",
        "fell",
        "grew",
        "increased",
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "a",
        "total",
        "record",
        "new",
    ]
)


_CHANGE_NOUN = re.compile(
    r"\s+(?:year-on-year\s+|annual\s+|quarterly\s+|monthly\s+)?(?:gain|rise|increase|drop|decline|fall|growth|jump|"
    r"expansion|contraction|slump|surge|advance|climb|slide)s?\b",
    re.I,
)


@dataclass(frozen=True)
class MetricMention:
    start: int
    end: int
    name: str
    head: str  # the plain metric an object metric refines: "investment in X" -> "investment"


@dataclass(frozen=True)
class Vocabulary:
    aliases: re.Pattern[str]
    exact: re.Pattern[str]
    canonical: dict[str, str]
    objects: re.Pattern[str] | None
    # The same two patterns in lower case, for a lower-cased sentence: a case-folding pattern
    # of hundreds of phrases is several times slower than a plain one.
    folded: re.Pattern[str]
    folded_objects: re.Pattern[str] | None
    verbs: dict[str, str]  # verb -> object metric it makes ("invested" -> "investment in")
    expectation: re.Pattern[str]  # "estimates of", "forecast ... of", "target of" before a figure
    targets: frozenset[str]
    growth_before: re.Pattern[str]
    growth_after: re.Pattern[str]
    share_before: re.Pattern[str]
    choices: list[str]
    company_names: dict[str, str]  # an aggregate's measure as a single company's: profit
    count_verbs: dict[str, str]  # "sold" -> "sales": what a count after the verb measures
    count_units: frozenset[str]  # "tonnes", "barrels": a count's unit, not the thing counted
    object_first: frozenset[str]  # "sales of": the object is written in front ("X revenue")
    occasions: frozenset[str]  # "Budget": capitalised inside a sentence, an occasion
    occasion_words: frozenset[str]  # "spring": the budget after it is an occasion
    public_finances: frozenset[str]  # "tax", "debt": a country's such measure is its government's
    not_public_finances: frozenset[str]  # "consumer", "trade": unless these say whose it is
    unit_goods: frozenset[str]  # "vehicle": its "sales" are units sold, not revenue
    bound_after: re.Pattern[str] | None  # " ceiling": the measure before it is a bound's


def _cased(text: str, lower: bool) -> str:
    return text.lower() if lower else text


def _key(text: str) -> str:
    return " ".join(text.lower().split())


@per_pack
def vocabulary(metrics: Metrics) -> Vocabulary:
    canonical: dict[str, str] = {}
    folded: list[str] = []
    exact: list[str] = []
    for m in metrics.metric:
        for alias in (m.name, *m.aliases):
            canonical[_key(alias)] = m.name
            (exact if sum(ch.isupper() for ch in alias) >= 2 else folded).append(alias)
    p = metrics.patterns

    def edge(lower: bool) -> str:
        not_after = alternation([w.lower() for w in p.not_after] if lower else p.not_after)
        tail = r"(?![\w-])" + (rf"(?!\s+(?:{not_after})\b)" if not_after else "")
        # The lower-cased pattern reads a sentence with a space put before it and takes the
        # character before a phrase into the match: a pattern that opens with a character
        # class lets the engine skip ahead, where one that opens with a look-behind tries
        # every position (several times slower over hundreds of phrases).
        return (r"[^\w-]({})" if lower else r"(?<![\w-])({})") + tail

    def objects(lower: bool) -> re.Pattern[str] | None:
        if not p.object_metrics:
            return None
        return re.compile(
            "|".join(
                # "investment by central SOEs in X" is still investment in X.
                # The word boundary is checked after the head word, for the same reason.
                rf"(?P<h{i}>{re.escape(_cased(o.split()[0], lower))})"
                rf"(?<![\w-]{re.escape(_cased(o.split()[0], lower))})"
                rf"(?:\s+by(?:\s+[\w-]+){{1,4}}?)?"
                rf"\s+(?P<p{i}>{re.escape(_cased(o.split()[-1], lower))})\s+"
                for i, o in enumerate(p.object_metrics)
            ),
            0 if lower else re.I,
        )

    growth = [w for w in p.growth_words if w not in ("year-on-year", "year on year")]
    return Vocabulary(
        aliases=re.compile(edge(False).format(alternation(folded, ignore_case=True)), re.I),
        exact=re.compile(edge(False).format(alternation(exact))),
        canonical=canonical,
        objects=objects(False),
        folded=re.compile(edge(True).format(alternation(a.lower() for a in folded))),
        folded_objects=objects(True),
        verbs={k.lower(): v for k, v in p.verb_objects.items()},
        expectation=re.compile(
            rf"(?<![\w-])({alternation(p.forecast_words + p.target_words, ignore_case=True) or '(?!)'})\b"
            # "a target of 5%", "forecast growth of 5%"; not "hits its goal with 5% growth" or
            # "beat the forecast after 5% growth": there the figure is the result.
            r"(?:\s+(?!(?:with|after|despite|beating|beat|beats|exceeding|topping|above|below)\b)"
            # A quotation may open right before the figure: 'its goal of "around 5%"'.
            r"[\w'’-]+){0,4}?\s+(?:of|at|to|for|was|is|stood at|around|about)?\s*[\"“‘]?\Z",
            re.I,
        ),
        targets=frozenset(w.lower() for w in p.target_words),
        growth_before=re.compile(
            rf"(?<![\w-])(?:{alternation(growth, ignore_case=True)})\s+(?:\w+\s+){{0,4}}\Z", re.I
        ),
        growth_after=re.compile(
            r"\s*(?:\([^)]*\)\s*)?,?\s*(?:year[- ]on[- ]year|year[- ]over[- ]year|from a year (?:earlier|ago)|on the year|annually)\b",
            re.I,
        ),
        share_before=re.compile(
            rf"(?<![\w-])(?:{alternation(p.share_words, ignore_case=True)})\s+(?:\w+\s+){{0,2}}\Z",
            re.I,
        ),
        choices=sorted(canonical),
        company_names=dict(p.company_names),
        count_verbs={k.lower(): v for k, v in p.count_verbs.items()},
        count_units=frozenset(u.lower() for u in p.count_units),
        object_first=frozenset(_key(o) for o in p.object_first),
        occasions=frozenset(p.occasions),
        occasion_words=frozenset(w.lower() for w in p.occasion_words),
        public_finances=frozenset(p.public_finances),
        not_public_finances=frozenset(p.not_public_finances),
        unit_goods=frozenset(g.lower() for g in p.unit_goods),
        # Singular only: "debt limits growth" is a verb.
        bound_after=(
            re.compile(rf"\s+({alternation(p.bounds, ignore_case=True)})\b(?!-)", re.I)
            if p.bounds
            else None
        ),
    )


def mentions(sentence: str, vocab: Vocabulary) -> list[MetricMention]:
    """Metric phrases in a sentence, in order; "investment in X" is kept whole."""
    out: list[MetricMention] = []
    taken: list[tuple[int, int]] = []
    lower = sentence.lower()
    same_length = len(lower) == len(sentence)  # not so for a few scripts: match the slow way
    aliases = (
        [(m.start(1) - 1, m.end(1) - 1, m.group(1)) for m in vocab.folded.finditer(f" {lower}")]
        if same_length
        else [(m.start(), m.end(), m.group(1)) for m in vocab.aliases.finditer(sentence)]
    )
    found = [[(m.start(), m.end(), m.group(1)) for m in vocab.exact.finditer(sentence)], aliases]
    named = [(a, b) for a, b, _ in aliases]
    objects = (
        (vocab.folded_objects.finditer(lower) if vocab.folded_objects is not None else ())
        if same_length
        else (vocab.objects.finditer(sentence) if vocab.objects is not None else ())
    )
    if vocab.objects is not None:
        for m in objects:
            obj, end = _object_phrase(sentence, m.end())
            if not obj:
                continue
            if any(a <= m.start() and end <= b for a, b in named):
                continue  # "retail sales of consumer goods" is a measure of the vocabulary
            parts = [v for k, v in m.groupdict().items() if v is not None]
            verb = f"{_key(parts[0])} {_key(parts[1])}"
            head = vocab.canonical.get(verb.split()[0], verb.split()[0])
            name = f"{obj} {head}" if verb in vocab.object_first else f"{verb} {obj}"
            out.append(MetricMention(m.start(), end, vocab.canonical.get(_key(name), name), head))
            taken.append((m.start(), end))
    for matches in found:  # exact spellings first, then aliases
        for start, end, written in matches:
            if any(not (end <= a or start >= b) for a, b in taken):
                continue
            name = vocab.canonical[_key(written)]
            bound = vocab.bound_after.match(sentence, end) if vocab.bound_after else None
            if bound is not None:
                # "the debt ceiling of $31.4 trillion": a limit on debt, which the figure is,
                # named as written; no amount of debt, with which it must never be compared.
                name, end = f"{_key(written)} {bound.group(1).lower()}", bound.end()
            out.append(MetricMention(start, end, name, name))
            taken.append((start, end))
    return sorted(out, key=lambda x: x.start)


def _object_phrase(sentence: str, pos: int) -> tuple[str, int]:
    """What is invested in: words up to punctuation, a verb or a preposition (at most six)."""
    words: list[str] = []
    written: list[str] = []  # the words as written, for the case of a name
    end = pos
    quoted = sentence[pos : pos + 1] in '“"‘'
    for m in _NP_WORD.finditer(sentence, pos):
        gap = sentence[end : m.start()]
        if not words and re.search(r"[\d$€£¥%]", gap):
            break  # "sales of $9 billion": a figure, not what is sold
        if words and (gap.strip() not in ("", ",") or len(words) >= 6):
            break
        low = m.group(1).lower()
        if not words and (low in ("the", "its", "their", "a", "an") or low in EVALUATIVE):
            end = m.end()
            continue  # "revenue from the flagship iPhone": the object starts after the article
        if words and (low.endswith("ed") or low in ("such", "as", "like", "which", "that")):
            break  # "the flagship iPhone advanced to": a verb ends the object
        if gap.strip() == ",":
            words[-1] += ","  # a list: "wearables, home and accessories"
        word = m.group(1)
        joins = word.lower() == "and" and words and not quoted and len(words) < 3
        if word.lower() in _NP_STOP and not quoted and not joins:
            break
        words.append(as_named(word))
        written.append(word)
        end = m.end()
        if m.group().endswith(("”", '"', "’")):
            break
    while words and words[-1].endswith(","):
        words[-1] = words[-1].rstrip(",")
    return " ".join(from_the_name(words, written)), end


def from_the_name(words: list[str], written: list[str]) -> list[str]:
    """ "the weight-loss drug Wegovy": from the product's name on, without the lower-case words
    that describe it; `written` are the same words as the text writes them."""
    named_at = next(
        (k for k, w in enumerate(written) if k > 0 and w[:1].isupper() and not w.isupper()), None
    )
    if named_at is not None and all(w.islower() for w in written[:named_at]):
        return words[named_at:]
    return words


# Words that praise or size a thing without narrowing it: "the flagship iPhone" is the iPhone.
EVALUATIVE = frozenset(
    "flagship bumper hefty whopping robust solid healthy massive huge big key major "
    "star best-selling top-selling popular sticky stubborn persistent closely-watched "
    "closely watched much-watched".split()
)


def as_named(word: str) -> str:
    """A word of a measure's name in one case wherever it stands: lower case, but for one
    with a capital past its first letter ("iPhone", "GDP", "EPS"). "Mac revenue" opening a
    sentence and "mac revenue" inside one are then one name."""
    return word if any(c.isupper() for c in word[1:]) else word.lower()


def fuzzy(phrase: str, vocab: Vocabulary) -> str | None:
    best = process.extractOne(_key(phrase), vocab.choices, scorer=fuzz.ratio, score_cutoff=90)
    return vocab.canonical[best[0]] if best else None


def fallback(sentence: str, start: int, vocab: Vocabulary) -> str | None:
    """The noun phrase before a figure's verb, when no known metric is named ("Sales rose 5%")."""
    words = re.findall(r"[A-Za-z][\w&'-]*", sentence[max(0, start - 80) : start])
    while words and (words[-1].lower() in _FALLBACK_SKIP or words[-1].lower() in _MONTH_WORDS):
        words.pop()
    phrase: list[str] = []
    while words and len(phrase) < 3:
        w = words.pop()
        if w.lower() in _FALLBACK_SKIP or w.lower() in _NP_STOP:
            break
        phrase.insert(0, w)
    if not phrase:
        return None
    text = " ".join(as_named(w) for w in phrase)
    return fuzzy(text, vocab) or text


_LEVEL_BEFORE = re.compile(
    r"\b(?:to|from|at)\s+(?:(?:about|around|nearly|almost|some|over|under|more|less|than|just|a|"
    r"record)\s+)*\Z",
    re.I,
)


def word_before(s: str, start: int) -> bool:
    """Whether a word (then only spaces) stands right before `start`: the words that make a
    figure compared, forecast, expected or a change all end so, and most figures in a run of
    figures ("1,2,3", "5% 6%") have none, so those patterns need not be tried for them."""
    j = start
    if j > 0 and s[j - 1] in '"“‘':
        j -= 1  # 'a goal of "around 5%"': the quotation opens on the figure
    while j > 0 and s[j - 1].isspace():
        j -= 1
    return j > 0 and (s[j - 1].isalnum() or s[j - 1] in "'’-")


def is_growth(sentence: str, start: int, end: int, vocab: Vocabulary) -> bool:
    """A percentage right after a word of change, or followed by "year-on-year"."""
    if _CHANGE_NOUN.match(sentence, end) is not None:
        return True  # "slowing from a 3.5% gain": the figure is a change, whatever comes before
    # The words before a figure that make it a change or a level end right before it: with
    # none there ("5%, 6%"), only the words after can.
    worded = word_before(sentence, start)
    if worded and _LEVEL_BEFORE.search(sentence, max(0, start - 30), start):
        return False  # "rose to 3.9 percent": the level reached, not the change
    before = worded and vocab.growth_before.search(sentence, max(0, start - 40), start) is not None
    return before or vocab.growth_after.match(sentence, end) is not None


_NP_BREAK = frozenset(
    ("on", "in", "at", "by", "for", "to", "from", "with", "over", "than", "as", "of", "into")
)
_TIME_NOUN = re.compile(
    r"^(?:first|second|third|fourth|quarters?|years?|months?|weeks?|days?|half|(?:19|20)\d\d)$",
    re.I,
)


def share_of(sentence: str, start: int, end: int, vocab: Vocabulary) -> str | None:
    """ "accounting for 40 percent of total investment" -> "share of total investment"."""
    # "60% of GDP", "nearly half its revenue": a percentage of a named whole is a share of it
    # without a word of sharing before it.
    after = re.match(
        r"\s+(?:of\s+(?=(?:its|their|his|her|our|the)\s+)|of\s+)?(?:(?:its|their|his|her|our|the)\s+)?"
        r"((?:[A-Za-z][\w&'.-]*\s*){1,5})",
        sentence[end : end + 70],
    )
    led = vocab.share_before.search(sentence, max(0, start - 40), start) is not None
    own = re.match(
        r"\s+of\s+(?!which\b|whom\b|them\b|those\b|these\b)|\s+(?:its|their)\b", sentence[end:]
    )
    if after is None or not (led or own):
        return None
    determiners = {"their", "its", "his", "her", "our", "the", "a", "an"}
    words = [w.rstrip(".,;:") for w in after.group(1).split()]
    # The whole ends where its noun phrase does: at a verb, a preposition or an -ing word.
    kept: list[str] = []
    for k, w in enumerate(words):
        low = w.lower()
        particle = k + 1 < len(words) and words[k + 1].lower() in _NP_BREAK
        if low in _NP_STOP or low in _NP_BREAK or (kept and low.endswith("ing") and particle):
            break  # "extra borrowing going on": the verb; "extra borrowing" stays a noun
        if low not in determiners:
            kept.append(w)
    words = kept
    if not words or any(_TIME_NOUN.match(w) for w in words):
        return None  # "4.6% in the third quarter" read as "of the third quarter": a time
    # Names inside the phrase ("total U.S. goods imports") belong to the owner, not the measure.
    words = [w for w in words[:1] + [w for w in words[1:] if "." not in w and not w[:1].isupper()]]
    # Acronyms keep their case ("share of GDP"); other words are the measure's, in lower case.
    words = [as_named(w) for w in words]
    return "share of " + " ".join(words) if words else None


def verb_object(sentence: str, cs: int, ce: int, vocab: Vocabulary) -> str | None:
    """ "invested 35 billion euros in battery-electric vehicles" -> "investment in battery-electric vehicles"."""
    before = re.search(
        r"([A-Za-z]+)\s+(?:(?:about|around|more|than|over|nearly|some|up|to|at|least|a|an|record|total|of)\s+)*\Z",
        sentence[max(0, cs - 40) : cs],
    )
    if before is None or before.group(1).lower() not in vocab.verbs:
        return None
    pattern = vocab.verbs[before.group(1).lower()]
    preposition = pattern.split()[-1]
    after = re.match(rf"\s*(?:\([^)]*\)\s*)?{preposition}\s+", sentence[ce : ce + 40], re.I)
    if after is None:
        return None
    obj, _ = _object_phrase(sentence, ce + after.end())
    if not obj:
        return None
    name = f"{pattern} {obj}"
    return vocab.canonical.get(_key(name), name)


def expectation(sentence: str, start: int, vocab: Vocabulary) -> str | None:
    """ "analysts' estimates of 5.2 trillion yen": "forecast"; "a growth target of 5%": "target"."""
    found = vocab.expectation.search(sentence, max(0, start - 60), start)
    if found is None:
        return None
    return "target" if found.group(1).lower() in vocab.targets else "forecast"


def public_finance(metric: str, vocab: Vocabulary) -> bool:
    """A measure of a government's finances: "budget deficit", "tax revenue", "public debt"."""
    base = metric.split(" (", 1)[0].lower()
    words = set(re.findall(r"[a-z]+", base))
    return bool(words & vocab.public_finances) and not any(
        (w in words) if w.isalpha() else (w in base) for w in vocab.not_public_finances
    )
