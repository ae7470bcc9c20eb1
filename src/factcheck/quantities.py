"""Find the figures in a piece of text and read each into a value, a unit and bounds.

Number recognition is hand-written because no library reads news figures the
way a checker needs them: quantulum3 and Duckling give a value but not the
bounds the wording sets ("under 70" is at most 70), the stated precision, the
conversions in brackets, or the line between a figure and a year, a date, an
ordinal or a name ("14th Five-Year Plan", "Boeing 737"). The word lists all
live in `rules/`; number words are read by text2num. text2num reads no fractions
("half a million", "a third of"), multiples ("twice", "tripled") or numbers that mix
digits and words ("4 thousand 3 hundred and 21"), so those are put together here from
the words of `rules/numbers.toml`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise

from .lexicon import COMPARED_WITH, DIGIT_WORDS, Lexicon, qualifier_key

_CONNECTOR = re.compile(r"[ \t]*(?P<c>-|–|—|to|and)[ \t]*", re.IGNORECASE)
_BETWEEN = re.compile(r"(?<![\w])between[ \t]+\Z", re.IGNORECASE)
_FROM = re.compile(r"(?<![\w])from[ \t]+\Z", re.IGNORECASE)
_WORD_BACK = re.compile(r"([A-Za-z][\w'’&.-]*)[ \t,]*\Z")
_CAPITALISED = re.compile(r"[A-Z][\w&.'’-]*")
_CAMEL = re.compile(r"[a-z]+[A-Z][A-Za-z]*")
_TIME_OF_DAY = re.compile(r"[ \t]*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|hrs\b)", re.IGNORECASE)
_COUNT_WORD = re.compile(r"[ \t]+([A-Za-z][A-Za-z&'’-]*)")
_CONVERSION_GAP = re.compile(r"[ \t]*(?:\([ \t]*|,?[ \t]+or[ \t]+|[ \t]*/[ \t]*)\Z", re.IGNORECASE)
_BAD_BEFORE = frozenset("/:+=<>#^×*@_.\\")
_BAD_AFTER = frozenset("/:=<>^×*@_\\")
_DIGIT_GROUP_AFTER = re.compile(r"[ \t]\d")
_DIGIT_GROUP_BEFORE = re.compile(r"(?:\d|\+\d+)[ \t]\Z")
_GROUPING = re.compile("[,'\u2019\u00a0\u2009\u202f]")  # the thousands separators of the lexicon
_DECIMAL_COMMA = re.compile(r",\d{1,2}(?!\d|[.,]\d)")
_POINT = re.compile(r"[ \t]+point[ \t]+", re.I)
_SPACE_GROUPS = re.compile(r"(?: \d{3})+(?!\d|,\d)(?:\.\d+)?")
_HEAD_BEFORE = re.compile(r"(?<!\d)\d{1,3} \Z")
_PLUS_OR = re.compile(r"\bplus[ \t]*(?:or|/)[ \t]*\Z", re.I)  # a margin: "plus or minus 3"
_MODIFIER = re.compile(
    r"[ \t]+(?:year|month|week|day|hour|minute|season|game|match|point|storey|story)[ \t]+[a-z]",
    re.I,
)
_URLISH = re.compile(r"\S*(?:://|www\.|@|/)\S*\Z")
# Figures read whole, with their own unit: they neither start a range nor count a noun.
_WHOLE = frozenset({"multiple", "span"})
# Bare numbers joined by commas without a space, in groups no thousands separator makes.
_GLUED_LIST = re.compile(r"[,'’]\d")
_GLUED_BEFORE = re.compile(r"\d[,'’]\Z")
# Between a fraction and its magnitude or point: "half a million", "three quarters of a
# billion", "a quarter point", "a half-billion".
_FRACTION_LINK = re.compile(r"(?:[ \t]+of)?[ \t]+(?:an?[ \t]+)?|-", re.IGNORECASE)
_OF_TIME = re.compile(r"[ \t]+of[ \t]+(?:an?|the)[ \t]+([A-Za-z]+)", re.IGNORECASE)
_ONE_IN = re.compile(r"[ \t]+(?:in|out[ \t]+of)[ \t]+(?:every[ \t]+)?", re.IGNORECASE)
_TIMES = re.compile(r"-?fold\b|[ \t]+times\b", re.IGNORECASE)
# "12x forward earnings", "8.5x EBITDA", "3× the supply": a multiple with its sign glued on;
# not "4x4" nor "1080x720", nor before a name in title case ("the 10x Genomics listing").
_TIMES_SIGN = re.compile(r"[x×](?![.,]?\w)(?![ \t]+[A-Z][a-z])")
_SHARE_RANGE = re.compile(r"[ \t]*(?:and|to|or|-|–)[ \t]*", re.IGNORECASE)
_BY_BACK = re.compile(r"([A-Za-z]+)[ \t]+by[ \t]+\Z", re.IGNORECASE)
_STRENGTH = re.compile(r"[-‐]strong\b", re.IGNORECASE)
# A price per unit: "$85-a-barrel", "€1.10-per-share", "$78.50/bbl", "£9.99/month".
_PER_UNIT = re.compile(r"[-‐](?:a|an|per)[-‐][A-Za-z]+\b|/[A-Za-z]+\b(?!/)", re.IGNORECASE)
_AND_BACK = re.compile(r"(\w+)[ \t]+and[ \t]+\Z", re.IGNORECASE)
_DOT_GROUPS = re.compile(r"\d{1,3}(?:\.\d{3})+")  # "10.000", "1.250.000"
_PART_LINK = re.compile(r"[ \t]+(?:and[ \t]+)?", re.IGNORECASE)


@dataclass
class Found:
    """A figure in a text: its span there and its reading."""

    start: int
    end: int
    kind: str
    unit: str | None
    value: float
    low: float | None
    high: float | None
    qualifier: str
    stated: str
    resolution: float
    converts: int | None = None  # index of the figure this one converts into another currency
    record: str | None = None  # the record a count of periods measures: "lowest in N quarters"
    scaled: bool = False  # a magnitude was read after the number ("2.1 billion", "2.1m")


@dataclass
class _Core:
    """A number with its currency, magnitude and percent sign, before any wording."""

    start: int
    end: int
    value: float
    stated: str
    resolution: float
    currency: str | None = None
    percent: str | None = None  # "percent" or "pp"
    factor: float = 1.0  # the magnitude read after the number
    scaled: bool = False  # a magnitude word was read
    spelled: bool = False  # written in words
    weak: bool = False  # a weak number word such as "one"
    flags: set[str] = field(default_factory=set)
    record: str | None = None  # see Found.record


def find(text: str, lex: Lexicon, symbols: dict[str, str]) -> list[Found]:
    """Every figure in `text`, in order; `symbols` resolves ambiguous currency symbols."""
    out: list[Found] = []
    consumed = 0
    # A number whose surroundings, as far as any reading looks, are those of one read just
    # before reads the same: a run of alike figures (a flattened table, "5% 5% 5% ...")
    # costs a lookup each, not a reading. Prose never repeats a stretch that long.
    seen: dict[str, Found | None] = {}
    for match in numbers(text, lex):
        at = match.start()
        if at < consumed:
            continue
        key = text[at - _READ_REACH : at + _READ_REACH] if at >= _READ_REACH else None
        if key is not None and key in seen:
            found = _moved(seen[key], at)
        else:
            found = _read(text, match, lex, symbols)
            # Kept only when the figure (or the number not taken) ends well inside the window.
            if key is not None and (match.end() if found is None else found.end) - at < _KEPT:
                if len(seen) >= 256:
                    seen.clear()
                seen[key] = _moved(found, -at)
        if found is None:
            continue
        out.append(found)
        consumed = found.end
    out = _elided_counts(text, _with_small_change(text, out))
    _in_compared_currency(text, out)
    _link_conversions(text, out)
    return out


_COMPARED_WITH = re.compile(COMPARED_WITH, re.IGNORECASE)


def _in_compared_currency(text: str, found: list[Found]) -> None:
    """An amount compared with money and written without a currency is in that money's: "rose
    to $3.4 billion from 2.1 billion". Only an amount with a magnitude: "to $50 from 45" may
    be anything, and a count ("from 12m shares") names what it counts."""
    for before, f in pairwise(found):
        if (
            f.kind == "number"
            and f.unit is None
            and f.scaled
            and before.kind == "money"
            and before.unit
            and _COMPARED_WITH.fullmatch(text, before.end, f.start) is not None
        ):
            f.kind, f.unit = "money", before.unit


# "fell in four member states, held steady in three and rose in 20": the clauses after a count
# leave out the noun it named. A bare number after the same preposition, closing its clause,
# counts the same things.
_COUNTED_IN = ("in", "at", "across", "among")
_COUNT_AFTER = re.compile(rf"\b({'|'.join(_COUNTED_IN)})[ \t]+\Z", re.IGNORECASE)
_ELIDED = {
    word: re.compile(
        rf"\b{word}[ \t]+(?P<n>\d+|[A-Za-z]+(?:-[A-Za-z]+)?)(?=[ \t]*(?:[,;)]|\.(?!\d)|and\b|or\b|\Z))",
        re.IGNORECASE,
    )
    for word in _COUNTED_IN
}
_SENTENCE_END = re.compile(r"[.;!?](?!\d)|\n")


def _elided_counts(text: str, found: list[Found]) -> list[Found]:
    """The counts whose noun is left out after a count of it in the same sentence."""
    extra: list[Found] = []
    for f in found:
        if f.kind != "count" or f.scaled or f.low is not None:
            continue
        back = _COUNT_AFTER.search(text, max(0, f.start - 10), f.start)
        if back is None:
            continue
        end = _SENTENCE_END.search(text, f.end)
        stop = min(end.start() if end is not None else len(text), f.end + 240)
        for m in _ELIDED[back.group(1).lower()].finditer(text, f.end, stop):
            written = m.group("n")
            if written.isdigit():
                value = float(written)
            else:
                spelled = _spelled(written)
                if spelled is None or spelled[1] != len(written):
                    continue
                value = spelled[0]
            if _is_year(written, value):
                continue
            at = m.start("n")
            same = next((g for g in found if g.start <= at < g.end), None)
            if same is None:
                extra.append(
                    Found(at, m.end("n"), "count", None, value, None, None, "exact", written, 1.0)
                )
            elif same.kind == "number" and same.unit is None and same.value == value:
                same.kind = "count"
    return sorted(found + extra, key=lambda g: g.start) if extra else found


def _with_small_change(text: str, found: list[Found]) -> list[Found]:
    """ "twenty-one dollars and fifty cents", "£1 20p": a whole amount and the small units
    right after it are one price, not two figures."""
    out: list[Found] = []
    for f in found:
        last = out[-1] if out else None
        if (
            last is not None
            and f.kind == last.kind == "money"
            and f.unit == last.unit
            and last.qualifier == f.qualifier == "exact"
            and last.resolution == 1.0
            and f.resolution == 0.01
            and 0 < f.value < 1
            and _PART_LINK.fullmatch(text, last.end, f.start) is not None
        ):
            out[-1] = replace(
                last,
                end=f.end,
                value=last.value + f.value,
                stated=f"{last.stated} {f.stated}",
                resolution=f.resolution,
            )
            continue
        out.append(f)
    return out


def numbers(text: str, lex: Lexicon) -> Iterator[re.Match[str]]:
    """`lex.number.finditer(text)`, quicker: the case-sensitive pattern finds where numbers
    start in the lower-cased text, and the real one reads each there. Lower-casing keeps
    every offset save for a few letters ("İ"), and then the plain scan runs."""
    lower = text.lower()
    if len(lower) != len(text):
        yield from lex.number.finditer(text)
        return
    for folded in lex.number_folded.finditer(lower):
        match = lex.number.match(text, folded.start())
        if match is not None:
            yield match


def _moved(found: Found | None, by: int) -> Found | None:
    """A copy of `found` `by` characters further on (its fields copied: `replace` and
    `copy.copy` cost several times more, which a run of 10^5 figures feels)."""
    if found is None:
        return None
    moved = object.__new__(Found)
    moved.__dict__.update(found.__dict__)
    moved.start += by
    moved.end += by
    return moved


# How far around a number its reading looks (the longest look-behind is a record's lead,
# 100 characters; ahead, a range's end and its unit): beyond it, the text changes nothing.
_READ_REACH = 160
_KEPT = 80


def resolve_symbols(text: str, lex: Lexicon) -> dict[str, str]:
    """Which currency each ambiguous symbol (or small unit, "cents") means in this document.

    A currency the document names ("yen") decides first; failing that, a cue of a reading
    that `decides` ("Japan"), then the most frequent cue (places, institutions); failing
    those, the symbol's default stands.
    """
    out: dict[str, str] = {}
    lower: str | None = None
    for symbol, (default, _cues) in lex.ambiguous.items():
        out[symbol] = default
        if symbol in lex.prefix_code and symbol not in text:
            continue
        lower = lower if lower is not None else text.lower()
        named = lex.named_words.get(symbol)
        counts = _cue_counts(lower, named, lex.named_code.get(symbol, {})) if named else {}
        if not counts:
            counts = _cue_counts(lower, lex.cue_words[symbol], lex.cue_code[symbol])
            decided = [code for code in lex.decides.get(symbol, ()) if code in counts]
            counts = {decided[0]: 1} if decided else counts
        if counts:
            out[symbol] = max(sorted(counts), key=counts.__getitem__)
    return out


def _cue_counts(lower: str, words: re.Pattern[str], codes: dict[str, str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for match in words.finditer(lower):
        code = codes[" ".join(match.group().split())]
        counts[code] = counts.get(code, 0) + 1
    return counts


def _read(text: str, match: re.Match[str], lex: Lexicon, symbols: dict[str, str]) -> Found | None:
    core = _core(text, match, lex, symbols)
    if core is None:
        return None
    qualifier, sets, q_start = _qualifier_before(text, core.start, lex)
    whole = bool(core.flags & _WHOLE)
    first, second = core, None if whole else _range_end(text, core, lex, symbols)
    low = high = None
    if second is not None:
        first, second = _share_units(first, second)
        if first.value <= second.value:
            core = replace(
                second,
                start=first.start,
                value=first.value,  # "4.7 percent to 5 percent": the first number stated
                stated=f"{first.stated}–{second.stated}",
                resolution=min(first.resolution, second.resolution),
            )
            low, high, qualifier, sets = first.value, second.value, "range", "both"
            between = _BETWEEN.search(text, max(0, first.start - 30), first.start)
            if between is not None:
                q_start = between.start()
        else:
            return None  # "3-1": a score or a code, not a figure
    elif "range-like" in core.flags:
        return None  # "978-3" and the like
    elif not whole and _ends_a_ratio(text, core, lex):
        return None  # the "1" of "carried 2 to 1", "odds of 100 to 1"
    end = core.end
    after = lex.after_qualifier.match(text, end)
    if after is not None and qualifier == "exact" and not _digit_follows(text, after.end()):
        qualifier, sets = lex.qualifier_of[qualifier_key(after.group("q") or after.group("s"))]
        end = after.end()
    kind, unit = _kind(core)
    if kind == "number" and (
        _GLUED_LIST.match(text, end)
        or _GLUED_BEFORE.search(text, max(0, core.start - 2), core.start)
    ):
        return None  # "1,1,1", "12,7,9", "4471'2210": numbers in a list of data or a code
    if kind == "number" and not core.spelled and _looks_like_name(text, core.start, lex):
        return None  # "Section 301 tariffs", "Boeing 737 jets"
    if kind == "number" and "strength" in core.flags:
        kind = "count"  # "a 1,000-strong crowd": the count takes the noun it sizes
        noun = _COUNT_WORD.match(text, end)
        if noun is not None and noun.group(1).lower() not in lex.count_stop:
            end = noun.end()
    elif kind == "number" and not whole:
        noun_end, noun_head = _counted_noun(text, end, lex)
        if noun_head is not None:
            kind, end = "count", noun_end
            lead = (
                lex.record_lead.search(text, max(0, core.start - 100), core.start)
                if noun_head.lower() in lex.time_units
                else None
            )
            if lead is not None or (
                noun_head.lower() in lex.time_units and _is_period(text, core.start, noun_end, lex)
            ):
                if lead is None:
                    return None
                # How long a record runs: "the weakest in 18 months".
                kind, core.record = "number", _record(lead.group("record"), noun_head, lex)
        elif _MODIFIER.match(text, end):
            return None  # "a 12 year deal": a number that describes the noun after it
        elif (core.spelled and not _sized(core)) or _looks_like_name(text, core.start, lex):
            return None  # a spelled number counts nothing here; a bare one may be a name
    if sets == "high":
        high = core.value
    elif sets == "low":
        low = core.value
    return Found(
        start=q_start,
        end=end,
        kind=kind,
        unit=unit,
        value=core.value,
        low=low,
        high=high,
        qualifier=qualifier,
        stated=core.stated,
        resolution=core.resolution,
        record=core.record,
        scaled=core.scaled,
    )


def _core(
    text: str,
    match: re.Match[str],
    lex: Lexicon,
    symbols: dict[str, str],
    range_end: bool = False,
    money: bool = False,
) -> _Core | None:
    """Read the number at `match` with what is written around it, or None if it is no figure.

    `range_end`: the number is the second of "5-6%", so the dash before it is no minus sign.
    `money`: the number is the second of a range of money ("£10k-20k").
    """
    n_start, n_end = match.span()
    digits, words = match.group("digits"), match.group("words")
    if match.group("multiple") is not None:
        return _multiple_word(text, match, lex)
    if digits is not None and digits.isdigit() and text[n_end : n_end + 1] == "/":
        fraction = _digit_fraction(text, match, lex)  # "3/4 of voters", "1/2 a million"
        digits = None if fraction is not None else digits  # read on as the fraction
    else:
        fraction = _fraction(text, match, lex) if match.group("fraction") is not None else None
    if fraction is not None and fraction.percent is not None:
        return fraction  # a share ("a third of") or a fraction of a point, read whole
    if match.group("fraction") is not None and fraction is None:
        words = _numerator(match.group("fraction"), lex)  # "three quarters running": a count
        if words is None or _before_point(text, n_end, lex):
            return None  # not "three quarters of a point"
    spelled = digits is None
    point: re.Match[str] | None = None  # "two point five": decimals in words
    whole = ""
    if digits is not None and "/" in digits:  # "7 3/4": stated to the fraction's part
        whole_part, numerator, denominator = map(int, re.split(r"[ \t/-]", digits))
        if numerator >= denominator:
            return None
        stated, value = digits, whole_part + numerator / denominator
        resolution = 1 / denominator
    elif digits is not None:
        digits = _english(digits)
        stated = digits
        value = float(_GROUPING.sub("", digits))
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        resolution = 10.0**-decimals
        vulgar = lex.vulgar.get(text[n_end : n_end + 1])
        if vulgar is not None and not decimals:  # "1½ million", "2¾%"
            value, n_end, resolution = value + vulgar, n_end + 1, _fraction_resolution(vulgar)
            stated = text[n_start:n_end]
    elif words is not None:
        point = _POINT.search(words)
        whole, tail = (words[: point.start()], words[point.end() :]) if point else (words, "")
        parsed = _spelled(whole)
        if parsed is None:
            return None
        value, used = parsed
        resolution = 1.0
        if point and used == len(whole):  # "two point five": its digits one by one
            places = "".join(DIGIT_WORDS[w.lower()] for w in tail.split())
            value += float(f"0.{places}")
            resolution = 10.0 ** -len(places)
            used = len(words)
        n_end = n_start + used
        stated = text[n_start:n_end]
    elif fraction is not None:  # "half a million": the magnitude is read below
        value, stated, resolution, n_end = (
            fraction.value,
            fraction.stated,
            fraction.resolution,
            fraction.end,
        )
    else:
        stated, value, resolution = "a", 1.0, 1.0
    core = _Core(n_start, n_end, value, stated, resolution, spelled=spelled)
    # "one point five" is as weak as "one": "at one point five firms closed" says 5, not 1.5.
    lead = stated[: len(whole)] if point else stated
    core.weak = spelled and lead.lower() in lex.weak_number_words | {"a"}
    part = _and_fraction(text, n_end, lex)
    if part is not None:  # "five and a half million", "2 and a half times"
        core.value += part[0]
        core.resolution = min(core.resolution, _fraction_resolution(part[0]))
        n_end = core.end = part[1]
        core.weak = False

    if match.group("article") is not None:
        share = lex.point_share.match(text, n_end)
        if share is not None:
            return _point_share(text, core, share, lex)

    factor = 1.0
    prefix = lex.prefix_currency.search(text, max(0, n_start - 12), n_start)
    in_brackets = (
        prefix is None
        and digits is not None
        and text[n_start - 1 : n_start] == "("
        and text[n_end : n_end + 1] == ")"
    )
    if in_brackets:
        # "$(5.2) million", "€(0.12) per share": the bracketed amount of an account, a loss.
        prefix = lex.prefix_currency.search(text, max(0, n_start - 13), n_start - 1)
    if prefix is not None:
        written = prefix.group("symbol") or prefix.group("code")
        if (
            written in lex.code_names
            and "," not in (digits or "")
            and lex.magnitude.match(text, n_end) is None
        ):
            return None  # "COP28", "the COP 26 summit", "PHP 8.3", "the R21": a name, numbered
        code = lex.prefix_code.get(written, "")
        if not spelled or written.isalpha():
            core.currency = code or symbols.get(written)
            core.start = prefix.start()
            if digits is not None and not range_end and text[n_start - 1] in "-−":
                _negate(core, core.start)  # "$-99.99"
            if in_brackets:
                _negate(core, core.start)
                n_end = core.end = n_end + 1
            comma = _DECIMAL_COMMA.match(text, n_end)
            if comma is not None and digits is not None and digits.isdigit():
                # "€ 9,99", "R$ 12,50": after a currency a comma before one or two digits
                # is decimal, as no thousands group has fewer than three.
                cents = comma.group()[1:]
                core.value += float(cents) / 10 ** len(cents)
                core.resolution = 10.0 ** -len(cents)
                core.stated = f"{digits}.{cents}"
                n_end = core.end = comma.end()
    elif digits is not None:
        scaled_code = lex.scaled_code_before.search(text, max(0, n_start - 10), n_start)
        named = lex.prefix_name.search(text, max(0, n_start - 20), n_start)
        if scaled_code is not None:  # "MEUR 3.5"
            core.currency = lex.prefix_code[scaled_code.group("code")]
            factor = lex.code_magnitude[scaled_code.group("mag")]
            core.scaled = True
            core.start = scaled_code.start()
        elif named is not None and _magnitude_word_at(text, n_end, lex) is not None:
            # "dollar 22.5 million"
            core.currency = lex.suffix_code[" ".join(named.group("name").lower().split())]
            core.start = named.start()
    before = text[core.start - 1] if core.start > 0 else " "
    if digits is not None and core.currency is None and not range_end:
        if before == "+" and not _glued_sign(text, core.start - 1):
            core.start -= 1  # "+0.53 pp": an explicit plus sign; kept only with a unit
            core.stated = "+" + core.stated
            core.flags.add("plus")
        elif before.isalnum() or (before in _BAD_BEFORE and not _sign_first(text, core.start, lex)):
            return None
        elif before in "-−–" and core.start >= 1:
            if _glued_sign(text, core.start - 1):
                return None  # COVID-19, F-35, 2021-2025
            _negate(core, core.start - 1)
    elif (
        digits is not None
        and core.currency is not None
        and not range_end
        and core.value > 0
        and before in "-−"
        and not _glued_sign(text, core.start - 1)
    ):
        _negate(core, core.start - 1)  # "-$5bn"
    if not range_end and core.value > 0:
        minus = lex.minus_before.search(text, max(0, core.start - 12), core.start)
        if minus is not None and not _PLUS_OR.search(
            text, max(0, minus.start() - 12), minus.start()
        ):
            _negate(core, minus.start())  # "minus 5%", "negative three per cent"
    if digits is not None and _URLISH.match(text, max(0, n_start - 80), n_start + 1) is not None:
        return None
    if core.currency is None and core.value > 0:
        read = _one_in(text, core, lex) or _times(text, core, lex)
        if read is not None:
            return read

    pos = n_end
    if digits is not None and re.fullmatch(r"[1-9]\d{0,2}", digits):
        pos = _space_groups(text, core, lex)
    for _ in range(2):  # "5 hundred million"
        mag = lex.magnitude.match(text, pos) or _hyphened(lex.magnitude, text, pos, "word")
        if mag is None:
            break
        word = (mag.group("word") or mag.group("abbr")).lower()
        if (
            mag.group("abbr")
            and word in lex.money_only
            and core.currency is None
            and not money
            and not _suffix_currency_at(text, mag.end(), lex)
            and not _money_range_follows(text, mag.end(), lex)
            and not _scales_a_count(text, core, mag, lex)
            and lex.compared_money.search(text, max(0, n_start - 60), n_start) is None
        ):
            break
        factor *= lex.magnitude_factor[word]
        core.scaled = True
        pos = mag.end()
    core.value *= factor
    core.resolution *= factor
    core.factor = factor
    if core.scaled:
        pos = _smaller_parts(text, core, pos, lex)

    pct = lex.percent.match(text, pos)
    if pct is not None and core.currency is None:
        written = (pct.group("pct") or pct.group("pct_joined")).lower()
        if written.startswith(("b", "bp")):
            core.percent = "pp"
            core.value /= 100
            core.resolution /= 100
            core.flags.add("basis-points")
        elif written.startswith(("percentage", "pp", "ppt", "of")) or pct.group("pct_points"):
            core.percent = "pp"  # "0.3 of a percentage point", "3 percent points"
        else:
            core.percent = "percent"
        pos = pct.end()
    else:
        pos = _suffix_currency(text, core, pos, lex, symbols)
    core.end = pos
    as_written = match.group("digits")
    if core.currency in lex.dot_grouped and as_written and _DOT_GROUPS.fullmatch(as_written):
        # "Rp 10.000", "25.000 dong": where a currency is written so, the dot groups thousands.
        units = float(as_written.replace(".", ""))
        core.value = math.copysign(units * core.factor, core.value)
        core.resolution = core.factor

    after = text[pos : pos + 2]
    nxt = after[:1]
    priced = core.currency is not None or core.percent is not None
    rate = _PER_UNIT.match(text, pos) if priced else None
    if rate is None and nxt and (nxt.isalnum() or nxt in _BAD_AFTER):
        return None  # 5G, 14th, 1990s, 10:30, 24/7
    if nxt == "+" and _digit_follows(text, pos + 1):
        return None  # 1+1>2
    if nxt == "." and after[1:2].isdigit():
        return None  # section 1.2.3
    span = lex.span_after.match(text, pos)
    if span is not None and core.currency is None and core.percent is None and core.value > 0:
        core.end = span.end()  # "a seven-quarter low": the length of a record
        core.flags.add("span")
        core.record = _record(span.group("record"), span.group("unit"), lex)
        return core
    strength = _STRENGTH.match(text, pos) if core.percent is None and rate is None else None
    if strength is not None and core.currency is None and not _is_year(digits or "", value):
        core.end = strength.end()  # "a 300-strong workforce": how many there are
        core.flags.add("strength")
        return core
    if rate is not None:
        core.end = rate.end()  # "$90-a-barrel oil", "£9.99/month": a price per unit
    elif (
        nxt in "-‐"
        and after[1:2].isalpha()
        and core.percent is None
        and not re.match(r"-plus\b", text[pos : pos + 6], re.I)
    ):
        return None  # five-year, 10-year; not "a 50 percent-owned unit", a share
    unitless = core.currency is None and core.percent is None and not core.scaled
    if core.weak and unitless:
        return None
    if "plus" in core.flags and unitless:
        return None  # "+44 20": a dialling code
    if unitless and digits is not None:
        if _is_year(digits, value):
            return None
        if len(digits) == 2 and _ELIDED_YEAR.search(text, max(0, core.start - 10), core.start):
            return None  # "2023-'24", "FY'24": a year written short
        if _RANGE_INTO_COMPOUND.match(text, pos):
            return None  # "18 to 20-year-olds", "3- to 5-year bonds": the start of a compound
        if _is_list_marker(text, core.start, pos):
            return None
        if nxt in "-–" and after[1:2].isdigit():
            core.flags.add("range-like")
        if _next_to_month(text, core.start, pos, value, lex):
            return None
        if _TIME_OF_DAY.match(text, pos):
            return None
        if _DIGIT_GROUP_AFTER.match(text, pos) or (
            "grouped" not in core.flags
            and _DIGIT_GROUP_BEFORE.search(text, max(0, core.start - 8), core.start)
        ):
            return None  # "020 7946 0958": a phone number or a code, not a figure
    return core


def _spelled(words: str) -> tuple[float, int] | None:
    """Value of a run of number words and how many characters of it were read."""
    from text_to_num import text2num

    parts = re.split(r"(\s+and\s+|[ \t]+|-)", words)
    tokens = parts[::2]
    for n in range(len(tokens), 0, -1):
        phrase = "".join(parts[: 2 * n - 1])
        try:
            value = text2num(phrase.lower().replace("\t", " "), "en")
        except ValueError:
            continue
        return float(value), len(phrase)
    return None


def _sign_first(text: str, start: int, lex: Lexicon) -> bool:
    """ "was >60%", "(<2%)": a comparison sign glued to the figure and standing first, as a
    qualifier; not in "a<5" or "x=5", where it joins two terms."""
    return text[start - 1] in lex.sign_ends and (start < 2 or text[start - 2] in " \t(")


def _english(digits: str) -> str:
    """Digits of a shape the lexicon's number admits, as English writes them: a decimal
    comma ("4,2"; "1.299,00" after thousands dots) becomes a point, thousands dots
    ("3.456.789") go; commas of thousands ("12,50,000", "1,234.5") stay for the caller."""
    head, comma, tail = digits.rpartition(",")
    if comma and (len(tail) <= 2 or "." in head):
        return f"{head.replace('.', '')}.{tail}"
    if digits.count(".") > 1:
        return digits.replace(".", "")
    return digits


def _sized(core: _Core) -> bool:
    """A number in words with a magnitude ("two million", "half a billion", "two hundred
    thousand") is a figure by itself; a small one ("two", "forty") needs a counted noun, and
    so does one led by an article, which idioms use ("one in a million", "a dozen times")."""
    return (core.scaled or core.value >= 1000) and core.stated.lower() != "a"


def _multiple_word(text: str, match: re.Match[str], lex: Lexicon) -> _Core | None:
    """ "twice as many", "tripled", "a fourfold increase": a multiple, kind number."""
    start, end = match.span()
    word = match.group("multiple").lower()
    factor = lex.multiples.get(word)
    if factor is None:  # "threefold", "ten-fold"
        parsed = _spelled(word[: -len("fold")].rstrip("-"))
        if parsed is None:
            return None
        factor = parsed[0]
    elif word in lex.multiple_adverbs:
        if lex.compared.match(text, end) is None:
            return None  # "twice a year": how often, not how much
    elif lex.multiple_verb_not_before.match(text, end) is not None:
        return None  # "doubled down", "doubled as a clinic"
    resolution = 1.0 if factor.is_integer() else _fraction_resolution(factor)
    return _Core(start, end, factor, text[start:end], resolution, spelled=True, flags={"multiple"})


def _times(text: str, core: _Core, lex: Lexicon) -> _Core | None:
    """ "2.5 times the average", "three times as many", "a 3-fold rise": a multiple."""
    times = _TIMES.match(text, core.end) or _TIMES_SIGN.match(text, core.end)
    if times is None:
        return None
    said = times.group().strip().lower()
    if (
        said == "times"
        and core.value.is_integer()
        and lex.compared.match(text, times.end()) is None
    ):
        return None  # "five times this season": how often, a count; "1.5 times" is no count
    return replace(core, end=times.end(), flags=core.flags | {"multiple"}, weak=False)


# "3/4 of voters", "1/3 of the budget": a share written in digits, only before "of"; a
# date ("on 3/4 the market fell"), a score or "24/7" is none. The "/4" of "3/4":
_DENOMINATOR = re.compile(r"/([1-9]\d?)(?![\d/])")
_OF = re.compile(r"[ \t]+of\b", re.IGNORECASE)


def _digit_fraction(text: str, match: re.Match[str], lex: Lexicon) -> _Core | None:
    """A fraction in digits: a share or a fraction of a point, read whole with its percent
    unit; or, before a magnitude word ("1/2 a million"), the fraction, for the caller to scale."""
    start = match.start()
    over = _DENOMINATOR.match(text, match.end())
    if over is None or text[start - 1 : start] in ("/", ".", "-"):
        return None  # "12/3/4", "v1.3/4": a date or a version
    numerator, denominator = int(match.group("digits")), int(over.group(1))
    if not 0 < numerator < denominator <= 12:
        return None
    written = text[start : over.end()]
    of_point = _of_point(text, start, over.end(), numerator / denominator, written, lex)
    if of_point is not None:
        return of_point  # "3/4 of a percentage point", "1/2 a million"
    if _OF.match(text, over.end()) is None or _before_point(text, over.end(), lex):
        return None  # "1/2 of a point" where no rate is spoken of: a score
    of_what = _OF_TIME.match(text, over.end())
    if of_what is not None and of_what.group(1).lower() in lex.time_units:
        return None  # "3/4 of an hour"
    # As coarse as the same share in words ("three quarters of"): a simple fraction.
    value = 100 * numerator / denominator
    return _Core(start, over.end(), value, written, 5.0, percent="percent", flags={"share"})


def _before_point(text: str, end: int, lex: Lexicon) -> bool:
    """Whether "a point" or "of a point" follows a fraction: of a score or a rate, never a
    share of anything ("three quarters of a point", "by half a point")."""
    link = _FRACTION_LINK.match(text, end)
    return link is not None and lex.points.match(text, link.end()) is not None


def _of_point(
    text: str, start: int, end: int, value: float, written: str, lex: Lexicon
) -> _Core | None:
    """A fraction of a point or a percent ("a quarter point", "3/4 of a percentage point"),
    read whole with its unit; or, before a magnitude word ("half a million"), the fraction
    unscaled, ending where the word starts."""
    link = _FRACTION_LINK.match(text, end)
    if link is None:
        return None
    mag = lex.magnitude.match(text, link.end())
    if mag is not None and mag.group("word") and mag.start("word") == link.end():
        return _Core(start, link.end(), value, written, _fraction_resolution(value))
    point = lex.points.match(text, link.end()) or lex.percent.match(text, link.end())
    said = point.group().strip().lower() if point is not None else "b"
    if point is not None and said.startswith("point") and lex.rate_line.search(text) is None:
        point = None  # "half a point ahead of the field": a score, not a rate
    if point is None or said.startswith("b"):  # no "half a basis point"
        return None
    unit = "pp" if said.startswith(("point", "percentage", "pp")) else "percent"
    resolution = _fraction_resolution(value)
    return _Core(
        start, point.end(), value, written, resolution, percent=unit, spelled=True, flags={"share"}
    )


def _fraction(text: str, match: re.Match[str], lex: Lexicon) -> _Core | None:
    """A fraction in words: a share ("nearly half its revenue", "a third of voters"), a
    fraction of a point ("a quarter point"), or one of a magnitude ("half a million").

    A share or a point comes back whole, with its percent unit; a magnitude's fraction comes
    back unscaled, ending where the magnitude word starts, for the caller to scale.
    """
    start, end = match.span()
    written = match.group("fraction")
    *head, noun = re.split(r"[ \t-]+", written.lower())
    denominator = lex.denominators[noun]
    if text[start - 1 : start] in ("-", "‐") and start > 0:
        return None  # "first-half", "second-quarter": a part of a period
    joined = _AND_BACK.search(text, max(0, start - 30), start)
    if joined is not None and (
        joined.group(1).isdigit() or joined.group(1).lower() in lex.time_units | lex.number_words
    ):
        return None  # "an hour and a half": part of a length of time or of a number
    back = _WORD_BACK.search(text, max(0, start - 20), start)
    if not head:
        # Only "half" stands without a numerator, and not as a part: "the second half".
        if denominator != 2 or noun.endswith("s"):
            return None
        if back is not None and back.group(1).lower() in lex.half_not_after:
            return None
        numerator = 1.0
    elif head in (["a"], ["an"]):
        numerator = 1.0
    else:
        parsed = _spelled(" ".join(head))
        if parsed is None or parsed[1] != len(" ".join(head)):
            return None
        numerator = parsed[0]
    if not 0 < numerator < denominator:
        return None  # "the two halves of the match"
    value = numerator / denominator
    of_point = _of_point(text, start, end, value, written, lex)
    if of_point is not None:
        return of_point
    if text[end : end + 1] in "-‐":
        return None  # "half-time", "a third-party"
    if _before_point(text, end, lex):
        return None  # "half a point ahead" where no rate is spoken of: a score
    after = lex.after_qualifier.match(text, end)  # "half or more of the voters"
    follow = lex.share_follow.match(text, end if after is None else after.end())
    if follow is None and not _share_range(text, end, lex) and not _by_share(text, start, end, lex):
        return None  # "a third straight year"
    if lex.share_not.match(text, end) is not None:
        return None  # "a quarter of the way through"
    of_time = _OF_TIME.match(text, end)
    if of_time is not None and of_time.group(1).lower() in lex.time_units:
        return None  # "a quarter of an hour"
    # A share in words rounds to the nearest simple fraction: as coarse as a percentage to
    # the nearest five points.
    return _Core(
        start, end, 100 * value, written, 5.0, percent="percent", spelled=True, flags={"share"}
    )


def _by_share(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """ "sales rose by a third in 2023", "cut by nearly half": after a verb of change, a
    change by a share of the figure it changes; not where a noun follows ("rose by a
    third party's vote")."""
    _, _, q_start = _qualifier_before(text, start, lex)
    by = _BY_BACK.search(text, max(0, q_start - 30), q_start)
    if by is None or by.group(1).lower() not in lex.change_words:
        return False  # "delayed by a quarter": a length of time
    nxt = _COUNT_WORD.match(text, end)  # none where punctuation or the end follows
    return nxt is None or nxt.group(1).lower() in lex.count_stop


def _share_range(text: str, end: int, lex: Lexicon) -> bool:
    """ "between a third and a half of the staff": the first share of a range."""
    conn = _SHARE_RANGE.match(text, end)
    nxt = lex.number.match(text, conn.end()) if conn is not None else None
    if nxt is None or nxt.group("fraction") is None:
        return False
    return lex.share_follow.match(text, nxt.end()) is not None


def _numerator(fraction: str, lex: Lexicon) -> str | None:
    """The number word before a fraction noun that is a time noun ("three quarters running")."""
    head = re.split(r"([ \t-]+)", fraction)
    if len(head) < 3 or head[0].lower() in ("a", "an") or head[-1].lower() not in lex.time_units:
        return None
    return "".join(head[:-2])


def _fraction_resolution(value: float) -> float:
    """ "½" is stated as finely as "0.5", "¾" as "0.75"; thirds to two places."""
    decimals = f"{value % 1:.2f}".rstrip("0").split(".")[1]
    return 10.0 ** -max(1, len(decimals))


def _and_fraction(text: str, pos: int, lex: Lexicon) -> tuple[float, int] | None:
    """ " and a half", " and three quarters" after a number: the fraction and where it ends."""
    part = lex.and_fraction.match(text, pos)
    if part is None:
        return None
    num = part.group("num").lower()
    parsed = (1.0, len(num)) if num in ("a", "an") else _spelled(num)
    denominator = lex.denominators[part.group("den").lower()]
    if parsed is None or not 0 < parsed[0] < denominator:
        return None
    return parsed[0] / denominator, part.end()


def _smaller_parts(text: str, core: _Core, pos: int, lex: Lexicon) -> int:
    """Add what follows a magnitude in smaller parts and return where they end: "4 thousand
    3 hundred and 21", "two million three hundred thousand", "3 million and a half".
    text2num reads words alone, so a mix of digits, words and magnitudes is put together here.
    """
    smallest = core.factor
    while True:
        frac = _and_fraction(text, pos, lex)
        if frac is not None:  # "3 million and a half", "one billion and a quarter million"
            mag = lex.magnitude.match(text, frac[1])
            unit, end = smallest, frac[1]
            if mag is not None and mag.group("word"):
                unit, end = lex.magnitude_factor[mag.group("word").lower()], mag.end()
            if unit > smallest:
                return pos
            core.value += frac[0] * unit
            core.resolution = min(core.resolution, _fraction_resolution(frac[0]) * unit)
            return end
        link = _PART_LINK.match(text, pos)
        nxt = lex.number.match(text, link.end()) if link is not None else None
        if link is None or nxt is None:
            return pos
        digits, words = nxt.group("digits"), nxt.group("words")
        if digits is not None and re.fullmatch(r"\d+", digits):
            value, end = float(digits), nxt.end()
        elif words is not None and (parsed := _spelled(words)) is not None:
            value, end = parsed[0], nxt.start() + parsed[1]
        else:
            return pos
        mag = lex.magnitude.match(text, end)
        factor = 1.0
        if mag is not None and mag.group("word"):
            factor, end = lex.magnitude_factor[mag.group("word").lower()], mag.end()
        joined = "and" in link.group().lower()
        # "2 million 300 thousand" and "twenty-one trillion three hundred" go on without
        # "and"; after "and" only the last, small part does ("3 hundred and 21"), as
        # "$2 billion and 500 jobs" is two figures.
        if factor > 1:
            fits = not joined
        elif joined:
            fits = smallest <= 1000
        else:
            fits = digits is None
        if not fits or value * factor >= smallest or factor >= smallest:
            return pos
        after = text[end : end + 1]
        if after and (after.isalnum() or after in "-%"):  # at the end of the text, nothing
            return pos
        core.value += value * factor
        core.resolution = min(core.resolution, factor)
        smallest = factor
        pos = end


def _one_in(text: str, core: _Core, lex: Lexicon) -> _Core | None:
    """ "one in five adults", "9 out of 10 doctors": a share, in percent."""
    link = _ONE_IN.match(text, core.end)
    if link is None or not core.value.is_integer():
        return None
    nxt = lex.number.match(text, link.end())
    if nxt is None:
        return None
    digits, words = nxt.group("digits"), nxt.group("words")
    if digits is not None and re.fullmatch(r"\d{1,3}(?:,\d{3})*", digits):
        whole, end = float(digits.replace(",", "")), nxt.end()
        if _is_year(digits, whole):
            return None  # "3 in 2021"
    elif words is not None and (parsed := _spelled(words)) is not None:
        whole, end = parsed[0], nxt.start() + parsed[1]
    else:
        return None
    after_char = text[end : end + 1]
    if core.value >= whole or after_char.isalnum() or after_char in "-%":
        return None
    if lex.magnitude.match(text, end) is not None:
        return None  # "one in a million" reads as no share
    after = _COUNT_WORD.match(text, end)
    if after is not None and after.group(1).lower() in lex.time_units:
        return None  # "2 in 10 minutes"
    back = _WORD_BACK.search(text, max(0, core.start - 20), core.start)
    if back is not None and back.group(1).lower() in lex.rank_words:
        return None  # "ranked 2 out of 20": a rank or a score, not a share
    return replace(
        core,
        end=end,
        value=100 * core.value / whole,
        stated=text[core.start : end],
        resolution=min(5.0, 100 / whole),
        percent="percent",
        weak=False,
        flags=core.flags | {"share"},
    )


def _record(word: str, unit: str, lex: Lexicon) -> str:
    """The name of a record: "lowest in N quarters" for "a seven-quarter low"."""
    unit = unit.lower()
    if unit.endswith("s"):
        plural = unit
    elif unit.endswith("y") and not unit.endswith(("ay", "ey")):
        plural = f"{unit[:-1]}ies"  # "century"
    else:
        plural = f"{unit}s"
    return f"{lex.records[' '.join(word.lower().split())]} in N {plural}"


def _hyphened(pattern: re.Pattern[str], text: str, pos: int, group: str) -> re.Match[str] | None:
    """A magnitude or currency word joined by a hyphen: "a $100-billion plan"."""
    if text[pos : pos + 1] not in ("-", "‐"):
        return None
    found = pattern.match(text, pos + 1)
    if found is None or not found.group(group) or found.start(group) != pos + 1:
        return None
    return found


def _suffix_currency_at(text: str, pos: int, lex: Lexicon) -> bool:
    return any(
        p.match(text, pos) is not None
        for p in (lex.suffix_currency, lex.suffix_symbol, lex.scaled_code_after)
    )


def _money_range_follows(text: str, pos: int, lex: Lexicon) -> bool:
    """ "10k-20k euros", "10k to 20k dollars": the end of the range names the currency."""
    conn = _CONNECTOR.match(text, pos)
    if conn is None or conn.group("c").lower() == "and":
        return False
    nxt = lex.number.match(text, conn.end())
    if nxt is None or nxt.group("digits") is None:
        return False
    mag = lex.magnitude.match(text, nxt.end())
    return _suffix_currency_at(text, mag.end() if mag else nxt.end(), lex)


def _negate(core: _Core, start: int) -> None:
    """A minus sign or word at `start` before the figure: it becomes negative and part of it."""
    core.value = -core.value
    core.stated = "-" + core.stated
    core.start = start


def _glued_sign(text: str, sign: int) -> bool:
    """Whether the sign at `sign` joins two things ("COVID-19", "1+1") rather than leads."""
    ahead = text[sign - 1] if sign >= 1 else " "
    return ahead.isalnum() or ahead in "-/+"


def _magnitude_word_at(text: str, pos: int, lex: Lexicon) -> re.Match[str] | None:
    """A magnitude at `pos` that needs no currency beside it ("million", "bn", not "m")."""
    mag = lex.magnitude.match(text, pos)
    if mag is None or (mag.group("word") or mag.group("abbr")).lower() in lex.money_only:
        return None
    return mag


def _space_groups(text: str, core: _Core, lex: Lexicon) -> int:
    """ "in 2023 40 000 people": thousands set apart by plain spaces, where they plausibly are.

    A plain space also separates numbers ("scored 3 10 times", "020 7946 0958"), so the
    groups join only when each has three digits and the whole carries a currency, percent
    or magnitude, or has a head of two or three digits with a word after it.
    """
    groups = _SPACE_GROUPS.match(text, core.end)
    if groups is None or _HEAD_BEFORE.search(text, max(0, core.start - 4), core.start):
        return core.end  # "1 250 000" with a one-digit head: no safe place to start
    end = groups.end()
    unit_after = any(
        p.match(text, end) is not None
        for p in (lex.percent, lex.magnitude, lex.suffix_currency, lex.suffix_symbol, lex.minor)
    )
    word_after = re.match(r"[ \t]+[A-Za-z]", text[end : end + 3]) is not None
    head = core.stated.lstrip("+-")
    if not (core.currency or unit_after or (len(head) >= 2 and word_after)):
        return core.end
    written = text[core.end : end]
    sign = -1.0 if core.value < 0 else 1.0
    core.value = sign * float(head + written.replace(" ", ""))
    core.stated += written
    decimals = len(written.split(".")[1]) if "." in written else 0
    core.resolution = 10.0**-decimals
    core.end = end
    core.flags.add("grouped")
    return end


def _scales_a_count(text: str, core: _Core, mag: re.Match[str], lex: Lexicon) -> bool:
    """ "10M users", "2.33 k views", "-10 k": a money-only abbreviation read without money.

    A single digit glued to a capital letter is a name ("3M", "4K TVs", "2B pencils"), and
    some nouns make the letter a unit ("100m hurdles").
    """
    if core.value < 0:
        return True  # no distance, size or name is negative
    abbr = mag.group("abbr")
    if abbr.isupper() and mag.group(0) == abbr and re.fullmatch(r"\d", core.stated):
        return False
    _end, head = _counted_noun(text, mag.end(), lex)
    return head is not None and head.lower() not in lex.money_only_unit_nouns


def _suffix_currency(
    text: str, core: _Core, pos: int, lex: Lexicon, symbols: dict[str, str]
) -> int:
    """The currency written after the number ("5 billion yuan", "300 USD", "5 €", "75 MUSD",
    "97 cents"), set on `core`; returns where the figure ends."""
    suffix = lex.suffix_currency.match(text, pos)
    if suffix is None and core.scaled:
        suffix = _hyphened(lex.suffix_currency, text, pos, "cur")  # "a 25-million-euro fine"
    if suffix is not None:
        written = " ".join(suffix.group("cur").lower().split())
        code = lex.suffix_code[written]
        if (core.currency is None or core.currency == code) and not _is_measure(
            text, core, written, suffix.end(), lex
        ):
            core.currency = code
            pos = suffix.end()
            mag = None if core.scaled else _magnitude_word_at(text, pos, lex)
            if mag is not None:  # "75 USD million"
                _scale(core, lex.magnitude_factor[(mag.group("word") or mag.group("abbr")).lower()])
                pos = mag.end()
        return pos
    if core.currency is not None:
        return pos
    scaled_code = lex.scaled_code_after.match(text, pos)
    if scaled_code is not None and not core.scaled:  # "75 MUSD"
        core.currency = lex.prefix_code[scaled_code.group("code")]
        _scale(core, lex.code_magnitude[scaled_code.group("mag")])
        return scaled_code.end()
    symbol = lex.suffix_symbol.match(text, pos)
    if symbol is not None:  # "5 €", "20 ¥"
        written = symbol.group("symbol")
        core.currency = lex.prefix_code.get(written) or symbols.get(written)
        return symbol.end()
    minor = lex.minor.match(text, pos)
    if minor is not None:  # "97 cents", "5p", "a penny"
        glued = minor.group("glued")
        unit, factor = lex.minor_of[glued or minor.group("word").lower()]
        if glued and (core.spelled or core.scaled or core.value in lex.glued_not):
            return pos  # "1080p" is a video format, not pence
        core.currency = symbols.get(unit) or lex.ambiguous[unit][0]
        core.flags.add("minor")
        _scale(core, factor)
        return minor.end()
    return pos


def _scale(core: _Core, factor: float) -> None:
    core.value *= factor
    core.resolution *= factor
    core.factor *= factor
    core.scaled = True


def _is_measure(text: str, core: _Core, written: str, end: int, lex: Lexicon) -> bool:
    """ "weighs 2,000 pounds", "20 pounds of flour": a currency name used as a unit of measure."""
    for words, before, after in lex.measures:
        if written not in words:
            continue
        if after.match(text, end) is not None:
            return True
        lead = re.search(r"(?:\S+[ \t]+){0,4}\Z", text[max(0, core.start - 50) : core.start])
        if not core.scaled and lead is not None and before.search(lead.group()) is not None:
            return True
    return False


def _point_share(text: str, core: _Core, share: re.Match[str], lex: Lexicon) -> _Core | None:
    """ "a quarter point", "a half-point cut": a share of a percentage point, in a rate story."""
    if lex.rate_line.search(text) is None:
        return None
    core.value = lex.point_share_of[share.group("share").lower()]
    core.resolution = core.value
    core.stated = text[core.start : share.end()]
    core.percent = "pp"
    core.end = share.end()
    return core


def _digit_follows(text: str, pos: int) -> bool:
    rest = text[pos : pos + 3].lstrip(" \t")
    return rest[:1].isdigit()


def _qualifier_before(text: str, start: int, lex: Lexicon) -> tuple[str, str, int]:
    """The qualifier standing right before a figure: (name, which bound it sets, its start)."""
    # A qualifier ends right before the figure, a word then a space or a sign: the character
    # there rules most figures out without trying the pattern at forty positions.
    j = start
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    last = text[j - 1] if j > 0 else ""
    if last not in lex.sign_ends and (j == start or not (last.isalnum() or last == ".")):
        return "exact", "none", start
    match = lex.before_qualifier.search(text, max(0, start - 40), start)
    if match is None:
        return "exact", "none", start
    phrase = match.group("q") or match.group("s")
    if phrase.lower() == "up to" and _VERB_UP.search(
        text, max(0, match.start() - 20), match.start()
    ):
        return "exact", "none", start  # "sped up to 3.5%": a move to a level, not a cap
    if phrase.lower() == "over" and _VERB_OVER.search(
        text, max(0, match.start() - 20), match.start()
    ):
        return "exact", "none", start  # "after handing over 766 jets": given, not at least
    name, sets = lex.qualifier_of[qualifier_key(phrase)]
    return name, sets, match.start()


# A verb of movement whose particle is the "up" of "up to" ("ticked up to", "went up to");
# "fined up to" and "hire up to" keep their cap.
_VERB_UP = re.compile(
    r"\b(?:sped|speeds|went|goes|moved|moves|ticked|ticks|edged|edges|picked|picks|inched|"
    r"inches|crept|creeps|shot|shoots|climbed|climbs|jumped|revised|bumped|ratcheted)[ \t]+\Z",
    re.I,
)


# A verb whose particle is the "over" before a figure ("handed over 766 jets", "took over
# 40 stores", "rolled over $5 billion of debt"): the figure is exact, not a lower bound.
_VERB_OVER = re.compile(
    r"\b(?:hand|hands|handed|handing|turn|turns|turned|turning|sign|signs|signed|signing|"
    r"take|takes|took|taken|taking|roll|rolls|rolled|rolling|carry|carries|carried|carrying|"
    r"pass|passes|passed|passing)[ \t]+\Z",
    re.I,
)


def _range_end(text: str, first: _Core, lex: Lexicon, symbols: dict[str, str]) -> _Core | None:
    """The second figure of "5-6%", "between 5 and 6 percent", "$1bn to $2bn", if any."""
    conn = _CONNECTOR.match(text, first.end)
    if conn is None:
        return None
    word = conn.group("c").lower()
    if word == "and" and _BETWEEN.search(text, max(0, first.start - 30), first.start) is None:
        return None
    if word == "to" and not _to_is_range(text, first.start, lex):
        return None
    nxt = lex.number.match(text, conn.end())
    if nxt is None:
        # The second figure may carry its own currency symbol: "$1bn-$2bn".
        sym = re.compile(r"[^\w\s]{1,3}|[A-Z]{3}[ \t]?").match(text, conn.end())
        if sym is None:
            return None
        nxt = lex.number.match(text, sym.end())
        if nxt is None:
            return None
    second = _core(text, nxt, lex, symbols, range_end=True, money=first.currency is not None)
    if second is None or second.spelled != first.spelled:
        return None
    if first.currency and second.currency and first.currency != second.currency:
        return None
    if (first.percent or second.percent) and first.percent != second.percent and first.percent:
        return None
    if (first.currency and second.percent) or (first.percent and second.currency):
        return None
    if first.currency and ("minor" in first.flags) != ("minor" in second.flags):
        return None  # "by 25 cents to $2.75": a change and a level, not a range
    return second


_PAIR_BEFORE = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?)[ \t]+to[ \t]+\Z", re.IGNORECASE)


def _ends_a_ratio(text: str, core: _Core, lex: Lexicon) -> bool:
    """Whether the figure ends "N to M" with M below N where "to" would join a range: a
    score, odds or a ratio, whose first number `_read` already turned away."""
    if core.currency is not None or core.percent is not None:
        return False  # "the year to March 2025 to 6.6%": a level after a date
    pair = _PAIR_BEFORE.search(text, max(0, core.start - 24), core.start)
    return (
        pair is not None
        and float(pair.group(1)) > core.value
        and not _is_year(pair.group(1), float(pair.group(1)))
        and _to_is_range(text, pair.start(1), lex)
    )


def _to_is_range(text: str, start: int, lex: Lexicon) -> bool:
    """ "5 to 6 percent" is a range; "grew from A to B" and "rose 5% to B" are changes."""
    window = text[max(0, start - 60) : start]
    if _FROM.search(window):
        words = re.findall(r"[A-Za-z]+", window[: window.lower().rfind("from")])[-3:]
        return any(w.lower() in lex.range_words for w in words)
    # "rose 5% to 6%", "rose by 12,000 to 230,000": a change, not a range.
    words = re.findall(r"[A-Za-z]+", window)[-2:]
    return not any(w.lower() in lex.change_words for w in words)


def _share_units(first: _Core, second: _Core) -> tuple[_Core, _Core]:
    """ "$5-6 billion": the first figure takes the currency, magnitude and sign it omits."""
    if not first.scaled and second.scaled:
        f = second.factor
        first = replace(
            first, value=first.value * f, resolution=first.resolution * f, factor=f, scaled=True
        )
    if "basis-points" in second.flags and first.percent is None:
        first = replace(first, value=first.value / 100, resolution=first.resolution / 100)
    currency = first.currency or second.currency
    percent = first.percent or second.percent
    return (
        replace(first, currency=currency, percent=percent),
        replace(second, currency=currency, percent=percent),
    )


def _kind(core: _Core) -> tuple[str, str | None]:
    if core.currency:
        return "money", core.currency
    if core.percent:
        return "percent", core.percent
    return "number", None


def _counted_noun(text: str, pos: int, lex: Lexicon) -> tuple[int, str | None]:
    """End and head of the plural noun phrase a count counts ("1,854 smart factories")."""
    best_end, best_head = pos, None
    for _ in range(4):
        word = _COUNT_WORD.match(text, pos)
        if word is None:
            break
        w = word.group(1)
        lower = w.lower()
        if lower in lex.count_stop or lower in lex.number_words or lower in lex.months:
            break
        pos = word.end()
        if _is_plural(w, lex):
            best_end, best_head = pos, w
        if len(lower) > 5 and lower.endswith("ing"):
            break
    return best_end, best_head


def _is_plural(word: str, lex: Lexicon) -> bool:
    lower = word.lower().rstrip("'’")
    if lower in lex.count_nouns:
        return True
    if len(lower) < 3 or not lower.endswith("s"):
        return False
    return not lower.endswith(("ss", "us", "is", "'s", "’s", "ous"))


def _is_period(text: str, start: int, noun_end: int, lex: Lexicon) -> bool:
    """ "over the past four years", "in the first 11 months", "two years ago"."""
    if lex.period_lead.search(text, max(0, start - 30), start) is not None:
        return True
    return lex.period_trail.match(text, noun_end) is not None


# The end of a year range or a fiscal year whose year is written with two digits after an
# apostrophe: "2023-'24", "FY’25".
_ELIDED_YEAR = re.compile(r"(?:(?:19|20)\d\d\s*[-–—/]\s*|\bFY\s?)['’]\Z")


# A range whose end is glued to a noun ("20-year-olds"): both ends belong to the compound.
_RANGE_INTO_COMPOUND = re.compile(r"-?[ \t]*(?:to|-|–|and|or)[ \t]*\d+(?:\.\d+)?-[A-Za-z]")


def _is_year(digits: str, value: float) -> bool:
    return len(digits) == 4 and digits.isdigit() and 1800 <= value <= 2100


def _is_list_marker(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(" \t(-*•") != "":
        return False
    return text[end : end + 1] in (".", ")") and text[end + 1 : end + 2] in (" ", "\t", "")


def _next_to_month(text: str, start: int, end: int, value: float, lex: Lexicon) -> bool:
    if not value.is_integer() or not 1 <= value <= 31:  # inf is no integer, and int(inf) raises
        return False
    back = _WORD_BACK.search(text, max(0, start - 14), start)
    if back is not None and back.group(1).lower().rstrip(".") in lex.months:
        return True
    ahead = re.match(r"[ \t]*([A-Za-z]+)", text[end : end + 14])
    return ahead is not None and ahead.group(1).lower() in lex.months


_LETTER = re.compile(r"[^\W\d_]")


def _looks_like_name(text: str, start: int, lex: Lexicon) -> bool:
    """ "Article 5", "Boeing 737", "Line 2": a number that is part of a name."""
    if _LETTER.search(text, max(0, start - 30), start) is None:
        return False  # no word before it ("1,1,1", "5% 5%"): no name it could be part of
    if lex.identifier_lead.search(text, max(0, start - 24), start) is not None:
        return True
    back = re.search(r"(\S+)[ \t]+\Z", text[max(0, start - 30) : start])
    if back is not None and _CAMEL.fullmatch(back.group(1)):
        return True  # "iOS 18.1", "iPadOS 18": a product's version, wherever it stands
    if back is None or not _CAPITALISED.fullmatch(back.group(1)):
        return False
    before_word = text[: start - len(back.group(0))].rstrip(" \t")
    at_sentence_start = not before_word or before_word[-1] in '.!?:\n"“(-•*'
    return not at_sentence_start


def _link_conversions(text: str, found: list[Found]) -> None:
    """ "over ¥90 trillion ($12.5 trillion)": the second amount converts the first."""
    for i in range(1, len(found)):
        a, b = found[i - 1], found[i]
        if a.kind != "money" or b.kind != "money" or a.unit == b.unit:
            continue
        if b.start - a.end > 12 or _CONVERSION_GAP.fullmatch(text, a.end, b.start) is None:
            continue
        b.converts = i - 1
        if b.qualifier == "exact" and a.qualifier in ("under", "over", "nearly"):
            b.qualifier = a.qualifier
            b.low = b.value if a.low is not None else None
            b.high = b.value if a.high is not None else None
        elif b.qualifier == "exact" and a.qualifier == "about":
            b.qualifier = "about"
