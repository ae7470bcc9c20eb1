"""The parser's word lists compiled into lookups and regular expressions, once per rule set."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .packs import Packs, per_pack

# The digits after "point" in words ("two point seven five"): a closed class of English,
# read one by one, not vocabulary an editor would extend.
DIGIT_WORDS = {
    w: str(d)
    for d, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    )
}


def _next_word(words: list[str]) -> re.Pattern[str]:
    """One of `words` right after the figure, past spaces: "twice *as*", "a third *of*"."""
    return re.compile(rf"[ \t]+(?:{_alternation(words)})\b", re.IGNORECASE)


def _alternation(phrases: list[str]) -> str:
    """Longest first, so "more than" wins over "more"; a space matches any run of blanks.

    The parser's lists are short and some of its patterns are lower-cased afterwards
    (`_folded`), so they stay a flat list; a vocabulary of hundreds takes `alternation`.
    """
    unique = sorted({_spaced(p) for p in phrases} - {""}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in unique)


def _spaced(phrase: str) -> str:
    """A phrase as its words: a run of blanks in it is one, as in the text it matches."""
    return " ".join(phrase.split())


Trie = dict[str, "Trie"]


# The words that put one amount beside another it is compared with: "$3.4bn, up from 2.1bn",
# "€1.9 billion against 1.6 billion", "compared with", "versus".
COMPARED_WITH = (
    r"[ \t]*,?[ \t]*(?:(?:up|down)[ \t]+)?"
    r"(?:from|against|compared[ \t]+(?:with|to)|versus|vs\.?)[ \t]+"
)


def alternation(phrases: Iterable[str], ignore_case: bool = False) -> str:
    """A pattern for any of `phrases`, the longest that fits tried first ("more than" before
    "more"); a space in a phrase matches any run of blanks.

    Written as a trie ("sale(?:s(?:\\s+tax)?)?"), not as a list of every phrase: at each
    position the engine tries the few letters a phrase can start with, not each of hundreds
    of names in turn (four to five times quicker over the subject vocabulary, the same
    matches). A library for regex tries does not merge blank runs or letter case, hence this.
    `ignore_case` is for a pattern compiled with IGNORECASE: phrases that differ only in case
    then share one branch, so that the longest still wins.
    """
    trie: Trie = {}
    for phrase in map(_spaced, phrases):
        if ignore_case and len(phrase.lower()) == len(phrase):
            phrase = phrase.lower()
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        if phrase:
            node[""] = {}  # a phrase ends here
    return _branches(trie)


def _branches(node: Trie) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _branches(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    ends_here = "" in node
    if len(branches) == 1 and not ends_here:
        return branches[0]
    group = f"(?:{'|'.join(branches)})"
    return f"{group}?" if ends_here else group  # greedy: the longer phrase is tried first


def _some(phrases: list[str]) -> str:
    """An alternation that matches nothing when a rule list is empty (a user may empty one)."""
    return _alternation(phrases) or "(?!)"


@dataclass(frozen=True)
class Lexicon:
    """Everything the figure finder looks up, built from the rule packs."""

    number: re.Pattern[str]
    number_folded: re.Pattern[str]  # `number` lower-cased, without IGNORECASE
    magnitude: re.Pattern[str]
    magnitude_factor: dict[str, float]
    money_only: frozenset[str]
    money_only_unit_nouns: frozenset[str]  # "100m hurdles": the abbreviation is a unit
    prefix_currency: re.Pattern[str]
    prefix_code: dict[str, str]  # symbol or code as written -> ISO code ("" when ambiguous)
    code_names: frozenset[str]  # codes and symbols that also name numbered things ("COP28")
    dot_grouped: frozenset[str]  # ISO codes whose amounts are grouped by dots ("Rp 10.000")
    suffix_currency: re.Pattern[str]
    suffix_code: dict[str, str]
    suffix_symbol: re.Pattern[str]  # "5 €", "-15€"
    prefix_name: re.Pattern[str]  # "dollar 22.5 million"
    compared_money: re.Pattern[str]  # "$3.4bn, up from ": money, then what compares it
    scaled_code_after: re.Pattern[str]  # "75 MUSD"
    scaled_code_before: re.Pattern[str]  # "MEUR 3.5"
    code_magnitude: dict[str, float]  # "M" of "MUSD" -> 1e6
    minor: re.Pattern[str]  # "97 cents", "5p"
    minor_of: dict[str, tuple[str, float]]  # word -> (minor unit, factor)
    glued_not: frozenset[float]  # numbers a glued small unit does not follow ("1080p")
    measures: tuple[tuple[frozenset[str], re.Pattern[str], re.Pattern[str]], ...]
    ambiguous: dict[str, tuple[str, dict[str, tuple[str, ...]]]]
    cue_words: dict[str, re.Pattern[str]]  # ambiguous symbol -> its cue words, lower case
    cue_code: dict[str, dict[str, str]]  # ambiguous symbol -> cue word -> currency code
    named_words: dict[str, re.Pattern[str]]  # ambiguous symbol -> words that name a reading
    named_code: dict[str, dict[str, str]]
    decides: dict[str, tuple[str, ...]]  # ambiguous symbol -> readings any cue decides
    percent: re.Pattern[str]
    before_qualifier: re.Pattern[str]
    sign_ends: frozenset[str]  # last characters of the signs that qualify a figure ("~", ">")
    after_qualifier: re.Pattern[str]
    qualifier_of: dict[str, tuple[str, str]]  # phrase -> (name, sets)
    number_words: frozenset[str]
    weak_number_words: frozenset[str]
    months: frozenset[str]
    time_units: frozenset[str]
    period_lead: re.Pattern[str]
    period_trail: re.Pattern[str]
    count_stop: frozenset[str]
    count_nouns: frozenset[str]
    identifier_lead: re.Pattern[str]
    minus_before: re.Pattern[str]
    point_share: re.Pattern[str]  # "a quarter point": after the article
    point_share_of: dict[str, float]
    rate_line: re.Pattern[str]
    change_words: frozenset[str]
    range_words: frozenset[str]
    denominators: dict[str, int]  # fraction noun -> denominator ("thirds" -> 3)
    vulgar: dict[str, float]  # "½" -> 0.5
    and_fraction: re.Pattern[str]  # " and a half", " and three quarters"
    share_follow: re.Pattern[str]
    share_not: re.Pattern[str]
    half_not_after: frozenset[str]
    rank_words: frozenset[str]
    points: re.Pattern[str]
    multiples: dict[str, float]  # "twice" -> 2, "halved" -> 0.5
    multiple_adverbs: frozenset[str]
    multiple_verb_not_before: re.Pattern[str]
    compared: re.Pattern[str]
    span_after: re.Pattern[str]
    record_lead: re.Pattern[str]
    records: dict[str, str]  # span noun or record word -> the record it names


@per_pack
def build(packs: Packs) -> Lexicon:
    """The lexicon of a rule set, built once."""
    from .units import magnitude_factors

    parsing = packs.parsing
    numbers = packs.numbers
    words = _alternation(parsing.number_words)
    digit_words = _alternation(list(DIGIT_WORDS))
    fractions = _alternation(list(numbers.denominators))
    multiples = {
        w.lower(): f for w, f in {**numbers.multiple_adverbs, **numbers.multiple_verbs}.items()
    }
    mag_words = [w for m in packs.magnitudes.magnitude for w in m.words]
    # "a penny", "a quarter point": units an article can stand for the number one before.
    singular = [w for m in packs.currencies.minor for w in m.words if not w.endswith("s")]
    shares = _some(list(parsing.point_shares))
    article_units = (
        rf"{_alternation(mag_words + singular)}"
        rf"|(?:{shares})[ \t-]+(?:percentage[ \t-]+)?points?"
    )
    mag_alt = _alternation(
        mag_words + [a for m in packs.magnitudes.magnitude for a in m.abbreviations]
    )
    # "4,2%", "5,50 €": also before a percent or currency sign the comma is a decimal one.
    signs = _alternation(
        ["%"]
        + [s for c in packs.currencies.currency for s in c.symbols if not s[-1].isalpha()]
        + [a.symbol for a in packs.currencies.ambiguous]
    )
    # Words for percent and currencies after a number: before them, too, a comma is decimal.
    after_words = _alternation(
        ["per cent", "percent", "pct"]
        + [w for c in packs.currencies.currency for w in (*c.codes, *c.names)]
    )
    number = re.compile(
        # "14,7 billion": a comma before one or two digits and a magnitude is a decimal comma,
        # as no thousands group has fewer than three digits.
        rf"(?P<digits>\d{{1,3}},\d{{1,2}}(?=[ \t]?(?:(?:{mag_alt}|{after_words})\b|{signs}))"
        # Shapes no English figure takes: the groupings of other countries, India's lakhs
        # ("12,50,000"), dots for thousands with a decimal comma ("1.299,00") or in two
        # groups ("3.456.789"; three are as often an address, "192.168.100.200"), Swiss
        # apostrophes ("1'250.00"); and a whole number with a fraction as bond and rate
        # tables write it ("7 3/4%", "3-1/2 percent"; a fraction alone, "24/7", is none).
        # Each repeat is bounded (no figure has more groups), or a long run of "11,11,11"
        # would be scanned to its end again from each of its numbers; the lookahead turns
        # a plain number away from all five at once (a fifth less time to scan an article
        # than with each tried in turn).
        r"|(?=\d{1,3}[,.'\u2019 \t-]\d)(?:\d{1,2}(?:,\d{2}){1,5},\d{3}(?!\d|[.,]\d)"
        r"|\d{1,3}(?:\.\d{3}){1,5},\d+(?!\d|[.,]\d)"
        r"|\d{1,3}(?:\.\d{3}){2}(?!\d|[.,]\d)"
        r"|\d{1,3}(?:['\u2019]\d{3}){1,5}(?!\d|['\u2019]\d)(?:\.\d+)?"
        r"|\d{1,3}[ \t-][1-9]\d?/(?:2|4|8|16|32)(?![\d/]))"
        r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
        # Thin and no-break spaces are put between thousands on purpose: "40\u202f000".
        r"|[1-9]\d{0,2}(?:[\u00a0\u2009\u202f]\d{3})+(?!\d)(?:\.\d+)?"
        r"|\d+(?:\.\d+)?|\.\d+)"
        rf"|(?P<fraction>\b(?:(?:an?|{words})[ \t-]+)?(?:{fractions})\b)"
        rf"|(?P<multiple>\b(?:{_alternation(list(multiples))})\b|\b(?:{words})-?fold\b)"
        # "two point five per cent": decimals in words are read digit by digit.
        rf"|(?P<words>\b(?:{words})(?:(?:\s+and\s+|[ \t]+|-)(?:{words}))*"
        rf"(?:[ \t]+point(?:[ \t]+(?:{digit_words}))+)?\b)"
        rf"|(?P<article>\ba(?=[ \t]+(?:{article_units})\b))"
        rf"|(?P<vulgar>[{''.join(numbers.vulgar)}])",
        re.IGNORECASE,
    )
    # The same pattern, case-sensitive, for text already lower-cased: re's search loop skips
    # ahead on an alternative's first letter only when it is case-sensitive, which makes
    # the scan of a whole article three to four times quicker (quantities.numbers).
    number_folded = re.compile(_folded(number.pattern))
    factor = magnitude_factors(packs.magnitudes)
    money_only = {a.lower() for m in packs.magnitudes.magnitude for a in m.money_only}
    unit_nouns = {w.lower() for m in packs.magnitudes.magnitude for w in m.unit_nouns}
    spelled = _alternation([w for m in packs.magnitudes.magnitude for w in m.words])
    abbrev = _alternation([a for m in packs.magnitudes.magnitude for a in m.abbreviations])
    magnitude = re.compile(
        rf"(?:[ \t]*(?P<word>{spelled})\b|[ \t]?(?P<abbr>{abbrev})(?![\w$€£¥]))", re.IGNORECASE
    )

    prefix_code: dict[str, str] = {}
    suffix_code: dict[str, str] = {}
    for c in packs.currencies.currency:
        for s in c.symbols:
            prefix_code[s] = c.code
        for code in c.codes:
            prefix_code[code] = c.code
            suffix_code[code.lower()] = c.code
        for n in c.names:
            suffix_code[n.lower()] = c.code
    ambiguous: dict[str, tuple[str, dict[str, tuple[str, ...]]]] = {}
    named: dict[str, dict[str, tuple[str, ...]]] = {}
    for a in packs.currencies.ambiguous:
        ambiguous[a.symbol] = (a.default, {k: tuple(v) for k, v in a.cues.items()})
        named[a.symbol] = {k: tuple(v) for k, v in a.named.items()}
        prefix_code[a.symbol] = ""
    # A small unit's major currency is settled like an ambiguous symbol's, under its name.
    minor_of: dict[str, tuple[str, float]] = {}
    for m in packs.currencies.minor:
        ambiguous[m.name] = (m.default, {k: tuple(v) for k, v in m.cues.items()})
        minor_of.update({w.lower(): (m.name, m.factor) for w in m.words})
        minor_of.update({w: (m.name, m.factor) for w in m.glued})  # "p" only lower case
    cue_code = {symbol: _lookup(cues) for symbol, (_, cues) in ambiguous.items()}
    cue_words = {symbol: _words(list(words)) for symbol, words in cue_code.items()}
    named_code = {symbol: _lookup(cues) for symbol, cues in named.items() if cues}
    named_words = {symbol: _words(list(words)) for symbol, words in named_code.items()}
    symbols = [s for s in prefix_code if not s.isalpha()]
    codes = [s for s in prefix_code if s.isalpha()]
    # ISO codes are also written in lower case ("rmb 10", "usd 20"); other words are not.
    word_codes = {w.lower() for w in packs.currencies.words_like_codes}
    lower_codes = [
        c.lower() for c in codes if re.fullmatch(r"[A-Z]{3}", c) and c.lower() not in word_codes
    ]
    for lower in lower_codes:
        prefix_code[lower] = prefix_code[lower.upper()]
    # A symbol glued to letters before it is part of one that is not listed ("Z$5bn"): no
    # reading of its tail ("$") would be the right currency.
    prefix_currency = re.compile(
        rf"(?:(?<![A-Za-z])(?P<symbol>{_alternation(symbols)})|(?<![\w])(?P<code>{_alternation(codes + lower_codes)}))[ \t]?(?:-[ \t]?)?\Z"
    )
    suffix_currency = re.compile(
        rf"[ \t]*(?P<cur>{_alternation([k for k in suffix_code if k not in word_codes])}"
        rf"|(?-i:{_alternation([w.upper() for w in word_codes])}))(?![\w$])",
        re.IGNORECASE,
    )
    # A symbol after the number; not one that begins the next amount ("in 2023 $5bn").
    suffix_symbol = re.compile(
        rf"[ \t]?(?P<symbol>{_some([s for s in symbols if not s[-1].isalpha()])})"
        r"(?![ \t]?[\d.,]?\d)(?!\w)"
    )
    names = [n for c in packs.currencies.currency for n in c.names_before]
    prefix_name = re.compile(rf"(?<![\w])(?P<name>{_some(names)})[ \t]+\Z", re.I)
    # "rose to $3.4bn from 2.1bn a year earlier": an amount written with its currency, then
    # the words that compare it with the figure after them, which need not repeat it.
    compared_money = re.compile(
        rf"(?:(?<![A-Za-z]){_alternation(symbols)}|(?<![\w]){_alternation(codes)})[ \t]?"
        rf"\d[\d.,]*(?:[ \t]?(?:{mag_alt})\b)?{COMPARED_WITH}\Z",
        re.IGNORECASE,
    )
    code_magnitude = {
        p: factor[(m.words or m.abbreviations)[0].lower()]
        for m in packs.magnitudes.magnitude
        for p in m.before_codes
    }
    iso = _some([c for c in codes if re.fullmatch(r"[A-Z]{3}", c)])
    scaled = _some(list(code_magnitude))
    scaled_code_after = re.compile(rf"[ \t]*(?P<mag>{scaled})(?P<code>{iso})(?![\w$])")
    scaled_code_before = re.compile(rf"(?<![\w])(?P<mag>{scaled})(?P<code>{iso})[ \t]?\Z")
    glued = [w for m in packs.currencies.minor for w in m.glued]
    words_minor = [w for m in packs.currencies.minor for w in m.words]
    minor = re.compile(
        # "40 cents", "a 25-cent fare", "a 40-cent-per-share dividend"; not "penny-pinching".
        rf"(?:(?:[ \t]*|[-‐])(?P<word>{_some(words_minor)})(?!\w|-(?!(?:a|an|per)-)\w)"
        rf"|(?P<glued>(?-i:{_some(glued)}))(?![\w-]|\.\w))",
        re.I,
    )
    measures = tuple(
        (
            frozenset(w.lower() for w in m.words),
            re.compile(rf"(?<![\w])(?:{_some(m.before)})\b", re.I),
            re.compile(rf"[ \t]+(?:{_some(m.after)})\b", re.I),
        )
        for m in packs.currencies.measure
    )
    percent = re.compile(
        # "3 percent points", a looser "percentage points", before "percent" alone.
        r"(?:[ \t]?(?P<pct>(?P<pct_points>per[ \t-]?cent[ \t-]points?\b)|%|per[ \t-]?cent\b|pct\b"
        r"|(?-i:pc)\b|(?-i:p\.c\.)"
        r"|percentage[ \t-](?:points?|pts?)\b|of[ \t]+a[ \t]+percentage[ \t-]point\b"
        r"|ppts?\b"
        r"|pp\b|basis[ \t-](?:points?|pts?)\b|bps\b|bp\b)"
        # "a 25-basis-point cut", "a 2-percentage-point rise"
        r"|-(?P<pct_joined>per[ \t-]?cent\b|percentage[ \t-]points?\b|basis[ \t-]points?\b))",
        re.IGNORECASE,
    )

    qualifier_of: dict[str, tuple[str, str]] = {}
    before: list[str] = []
    after: list[str] = []
    for q in packs.qualifiers.qualifier:
        for p in q.before:
            qualifier_of[_key(p)] = (q.name, q.sets)
            before.append(p)
        for p in q.after:
            qualifier_of[_key(p)] = (q.name, q.sets)
            after.append(p)
    word_before = [p for p in before if p[-1].isalnum() or p[-1] == "."]
    sign_before = [p for p in before if not (p[-1].isalnum() or p[-1] == ".")]
    before_qualifier = re.compile(
        rf"(?:(?<![\w])(?P<q>{_alternation(word_before)})[ \t]+"
        rf"|(?P<s>{_alternation(sign_before) or '(?!)'})[ \t]*)\Z",
        re.IGNORECASE,
    )
    word_after = [p for p in after if p[0].isalnum()]
    sign_after = [p for p in after if not p[0].isalnum()]
    after_qualifier = re.compile(
        rf"(?:[ \t]+(?P<q>{_alternation(word_after)})\b|(?P<s>{_alternation(sign_after) or '(?!)'}))",
        re.IGNORECASE,
    )
    return Lexicon(
        number=number,
        number_folded=number_folded,
        magnitude=magnitude,
        magnitude_factor=factor,
        money_only=frozenset(money_only),
        money_only_unit_nouns=frozenset(unit_nouns),
        prefix_currency=prefix_currency,
        prefix_code=prefix_code,
        code_names=frozenset(packs.currencies.names_like_codes),
        dot_grouped=frozenset(c.code for c in packs.currencies.currency if c.groups_with_dots),
        suffix_currency=suffix_currency,
        suffix_code=suffix_code,
        suffix_symbol=suffix_symbol,
        prefix_name=prefix_name,
        compared_money=compared_money,
        scaled_code_after=scaled_code_after,
        scaled_code_before=scaled_code_before,
        code_magnitude=code_magnitude,
        minor=minor,
        minor_of=minor_of,
        glued_not=frozenset(float(n) for m in packs.currencies.minor for n in m.glued_not),
        measures=measures,
        ambiguous=ambiguous,
        cue_words=cue_words,
        cue_code=cue_code,
        named_words=named_words,
        named_code=named_code,
        decides={a.symbol: tuple(a.decides) for a in packs.currencies.ambiguous},
        percent=percent,
        before_qualifier=before_qualifier,
        sign_ends=frozenset(c for p in sign_before for c in (p[-1].lower(), p[-1].upper())),
        after_qualifier=after_qualifier,
        qualifier_of=qualifier_of,
        number_words=frozenset(w.lower() for w in parsing.number_words),
        weak_number_words=frozenset(w.lower() for w in parsing.weak_number_words),
        months=frozenset(m.lower() for m in parsing.months),
        time_units=frozenset(parsing.time_units),
        period_lead=re.compile(
            rf"(?<![\w])(?:{_alternation(parsing.period_lead)})[ \t]+\Z", re.IGNORECASE
        ),
        period_trail=re.compile(
            rf"[ \t]+(?:{_alternation(parsing.period_trail)})\b", re.IGNORECASE
        ),
        count_stop=frozenset(parsing.count_stop),
        count_nouns=frozenset(parsing.count_nouns),
        identifier_lead=re.compile(
            rf"(?<![\w])(?:{_alternation(parsing.identifier_lead)})[ \t]*#?\Z", re.IGNORECASE
        ),
        minus_before=re.compile(rf"(?<![\w])(?:{_some(parsing.minus_words)})[ \t]+\Z", re.I),
        point_share=re.compile(
            rf"[ \t]+(?P<share>{shares})"
            r"(?:[ \t-]+percentage)?[ \t-]+points?\b",
            re.I,
        ),
        point_share_of={k.lower(): v for k, v in parsing.point_shares.items()},
        rate_line=re.compile(rf"(?<![\w])(?:{_some(parsing.rate_words)})\b", re.I),
        change_words=frozenset(parsing.change_words),
        range_words=frozenset(parsing.range_words),
        denominators={w.lower(): d for w, d in numbers.denominators.items()},
        vulgar={c: n / d for c, (n, d) in numbers.vulgar.items()},
        and_fraction=re.compile(
            # " and a half", "-and-a-half" ("a one-and-a-half percent rise")
            rf"(?:[ \t]+and[ \t]+|-and-)(?P<num>an?|{words})[ \t-]+(?P<den>{fractions})\b",
            re.IGNORECASE,
        ),
        share_follow=_next_word(numbers.share_follow),
        share_not=_next_word(numbers.share_not),
        half_not_after=frozenset(w.lower() for w in numbers.half_not_after),
        rank_words=frozenset(w.lower() for w in numbers.rank_words),
        points=re.compile(rf"[ \t]*(?:{_alternation(numbers.points)})\b", re.IGNORECASE),
        multiples=multiples,
        multiple_adverbs=frozenset(w.lower() for w in numbers.multiple_adverbs),
        multiple_verb_not_before=_next_word(numbers.multiple_verb_not_before),
        compared=_next_word(numbers.compared),
        span_after=re.compile(
            rf"-(?P<unit>{_alternation(parsing.time_units)})[ \t]+"
            rf"(?P<record>{_alternation(list(numbers.span_nouns))})\b",
            re.IGNORECASE,
        ),
        # "the weakest growth in 18 months", "India's fastest pace in six quarters".
        record_lead=re.compile(
            rf"(?<![\w])(?:the|its|their|his|her|our|\w+['’]s)[ \t]+"
            rf"(?P<record>{_alternation(list(numbers.record_words))})\b[^.;!?\n]{{0,60}}?"
            # "in 18 months, or six quarters": the same record restated in another unit.
            r"(?<![\w])in[ \t]+(?:[\w.-]+[ \t]+[a-z]+,?[ \t]+or[ \t]+)?\Z",
            re.IGNORECASE,
        ),
        records={
            " ".join(w.lower().split()): r
            for w, r in {**numbers.record_words, **numbers.span_nouns}.items()
        },
    )


def _lookup(cues: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Cue word (lower case, single-spaced) -> the currency code it points at."""
    return {" ".join(w.lower().split()): code for code, words in cues.items() for w in words}


def _words(words: list[str]) -> re.Pattern[str]:
    """Whole cue words; a cue that is a sign ("$", "€") may touch the digits after it."""
    return re.compile(rf"(?:(?<![\w])|(?=\W))(?:{_some(words)})(?:(?<=\W)|(?![\w]))")


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split())


def qualifier_key(phrase: str) -> str:
    """The lookup key of a qualifier phrase as written in a text."""
    return _key(phrase)


def _folded(pattern: str) -> str:
    """`pattern` lower-cased outside its escapes (`\\S` is not `\\s`) and group names."""
    return re.sub(
        r"\\.|\(\?P<\w+>|[^\\(]+|\(",
        lambda m: m.group() if m.group()[0] in "\\(" else m.group().lower(),
        pattern,
    )
