"""Find the figures in a piece of text and read each into a value, a unit and bounds.

Number recognition is hand-written because no library reads news figures the
way a checker needs them: quantulum3 and Duckling give a value but not the
bounds the wording sets ("under 70" is at most 70), the stated precision, the
conversions in brackets, or the line between a figure and a year, a date, an
ordinal or a name ("14th Five-Year Plan", "Boeing 737"). The word lists all
live in `rules/`; number words are read by text2num.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .lexicon import Lexicon, qualifier_key

_CONNECTOR = re.compile(r"[ \t]*(?P<c>-|–|—|to|and)[ \t]*", re.IGNORECASE)
_BETWEEN = re.compile(r"(?<![\w])between[ \t]+\Z", re.IGNORECASE)
_FROM = re.compile(r"(?<![\w])from[ \t]+\Z", re.IGNORECASE)
_WORD_BACK = re.compile(r"([A-Za-z][\w'’&.-]*)[ \t,]*\Z")
_CAPITALISED = re.compile(r"[A-Z][\w&.'’-]*")
_TIME_OF_DAY = re.compile(r"[ \t]*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|hrs\b)", re.IGNORECASE)
_COUNT_WORD = re.compile(r"[ \t]+([A-Za-z][A-Za-z&'’-]*)")
_CONVERSION_GAP = re.compile(r"[ \t]*(?:\([ \t]*|,?[ \t]+or[ \t]+|[ \t]*/[ \t]*)\Z", re.IGNORECASE)
_BAD_BEFORE = frozenset("/:+=<>#^×*@_.\\")
_BAD_AFTER = frozenset("/:=<>^×*@_\\")
_DIGIT_GROUP_AFTER = re.compile(r"[ \t]\d")
_DIGIT_GROUP_BEFORE = re.compile(r"(?:\d|\+\d+)[ \t]\Z")
_MODIFIER = re.compile(
    r"[ \t]+(?:year|month|week|day|hour|minute|season|game|match|point|storey|story)[ \t]+[a-z]",
    re.I,
)
_URLISH = re.compile(r"\S*(?:://|www\.|@|/)\S*\Z")


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


def find(text: str, lex: Lexicon, symbols: dict[str, str]) -> list[Found]:
    """Every figure in `text`, in order; `symbols` resolves ambiguous currency symbols."""
    out: list[Found] = []
    consumed = 0
    for match in lex.number.finditer(text):
        if match.start() < consumed:
            continue
        found = _read(text, match, lex, symbols)
        if found is None:
            continue
        out.append(found)
        consumed = found.end
    _link_conversions(text, out)
    return out


def resolve_symbols(text: str, lex: Lexicon) -> dict[str, str]:
    """Which currency each ambiguous symbol means in this document, by its cue words."""
    out: dict[str, str] = {}
    lower: str | None = None
    for symbol, (default, _cues) in lex.ambiguous.items():
        out[symbol] = default
        if symbol not in text:
            continue
        lower = lower if lower is not None else text.lower()
        counts: dict[str, int] = {}
        for match in lex.cue_words[symbol].finditer(lower):
            code = lex.cue_code[symbol][match.group()]
            counts[code] = counts.get(code, 0) + 1
        if counts:
            out[symbol] = max(sorted(counts), key=lambda code: counts[code])
    return out


def _read(text: str, match: re.Match[str], lex: Lexicon, symbols: dict[str, str]) -> Found | None:
    core = _core(text, match, lex, symbols)
    if core is None:
        return None
    qualifier, sets, q_start = _qualifier_before(text, core.start, lex)
    first, second = core, _range_end(text, core, lex, symbols)
    low = high = None
    if second is not None:
        first, second = _share_units(first, second)
        if first.value <= second.value:
            core = replace(
                second,
                start=first.start,
                value=(first.value + second.value) / 2,
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
    end = core.end
    after = lex.after_qualifier.match(text, end)
    if after is not None and qualifier == "exact" and not _digit_follows(text, after.end()):
        qualifier, sets = lex.qualifier_of[qualifier_key(after.group("q") or after.group("s"))]
        end = after.end()
    kind, unit = _kind(core)
    if kind == "number" and not core.spelled and _looks_like_name(text, core.start, lex):
        return None  # "Section 301 tariffs", "Boeing 737 jets"
    if kind == "number":
        noun_end, noun_head = _counted_noun(text, end, lex)
        if noun_head is not None:
            if noun_head.lower() in lex.time_units and _is_period(text, core.start, noun_end, lex):
                return None
            kind, end = "count", noun_end
        elif _MODIFIER.match(text, end):
            return None  # "a 12 year deal": a number that describes the noun after it
        elif core.spelled or _looks_like_name(text, core.start, lex):
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
    )


def _core(
    text: str, match: re.Match[str], lex: Lexicon, symbols: dict[str, str], range_end: bool = False
) -> _Core | None:
    """Read the number at `match` with what is written around it, or None if it is no figure.

    `range_end`: the number is the second of "5-6%", so the dash before it is no minus sign.
    """
    n_start, n_end = match.span()
    digits, words = match.group("digits"), match.group("words")
    spelled = digits is None
    if digits is not None:
        if re.fullmatch(r"\d+,\d{1,2}", digits):
            digits = digits.replace(",", ".")  # a decimal comma (see the lexicon's number)
        stated = digits
        value = float(digits.replace(",", ""))
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        resolution = 10.0**-decimals
    elif words is not None:
        parsed = _spelled(words)
        if parsed is None:
            return None
        value, used = parsed
        n_end = n_start + used
        stated = text[n_start:n_end]
        resolution = 1.0
    else:
        stated, value, resolution = "a", 1.0, 1.0
    core = _Core(n_start, n_end, value, stated, resolution, spelled=spelled)
    core.weak = spelled and stated.lower() in lex.weak_number_words | {"a"}

    prefix = lex.prefix_currency.search(text, max(0, n_start - 12), n_start)
    if prefix is not None:
        written = prefix.group("symbol") or prefix.group("code")
        code = lex.prefix_code.get(written, "")
        if not spelled or written.isalpha():
            core.currency = code or symbols.get(written)
            core.start = prefix.start()
    before = text[core.start - 1] if core.start > 0 else " "
    if digits is not None and core.currency is None and not range_end:
        if before.isalnum() or before in _BAD_BEFORE:
            return None
        if before in "-−–" and core.start >= 1:
            ahead = text[core.start - 2] if core.start >= 2 else " "
            if ahead.isalnum() or ahead in "-/":
                return None  # COVID-19, F-35, 2021-2025
            core.value = -core.value
            core.stated = "-" + core.stated
            core.start -= 1
    if digits is not None and _URLISH.match(text, max(0, n_start - 80), n_start + 1) is not None:
        return None

    pos = n_end
    factor = 1.0
    for _ in range(2):  # "5 hundred million"
        mag = lex.magnitude.match(text, pos)
        if mag is None:
            break
        word = (mag.group("word") or mag.group("abbr")).lower()
        if (
            mag.group("abbr")
            and word in lex.money_only
            and core.currency is None
            and not _suffix_currency_at(text, mag.end(), lex)
        ):
            break
        factor *= lex.magnitude_factor[word]
        core.scaled = True
        pos = mag.end()
    core.value *= factor
    core.resolution *= factor
    core.factor = factor

    pct = lex.percent.match(text, pos)
    if pct is not None and core.currency is None:
        written = pct.group("pct").lower()
        if written.startswith(("b", "bp")):
            core.percent = "pp"
            core.value /= 100
            core.resolution /= 100
            core.flags.add("basis-points")
        elif written.startswith(("percentage", "pp", "ppt")):
            core.percent = "pp"
        else:
            core.percent = "percent"
        pos = pct.end()
    else:
        suffix = lex.suffix_currency.match(text, pos)
        if suffix is not None:
            code = lex.suffix_code[" ".join(suffix.group("cur").lower().split())]
            if core.currency is None or core.currency == code:
                core.currency = code
                pos = suffix.end()
    core.end = pos

    after = text[pos : pos + 2]
    nxt = after[:1]
    if nxt and (nxt.isalnum() or nxt in _BAD_AFTER):
        return None  # 5G, 14th, 1990s, 10:30, 24/7
    if nxt == "+" and _digit_follows(text, pos + 1):
        return None  # 1+1>2
    if nxt == "." and after[1:2].isdigit():
        return None  # section 1.2.3
    if nxt in "-‐" and after[1:2].isalpha() and not re.match(r"-plus\b", text[pos : pos + 6], re.I):
        return None  # five-year, 10-year
    unitless = core.currency is None and core.percent is None and not core.scaled
    if core.weak and unitless:
        return None
    if unitless and digits is not None:
        if _is_year(digits, value):
            return None
        if _is_list_marker(text, core.start, pos):
            return None
        if nxt in "-–" and after[1:2].isdigit():
            core.flags.add("range-like")
        if _next_to_month(text, core.start, pos, value, lex):
            return None
        if _TIME_OF_DAY.match(text, pos):
            return None
        if _DIGIT_GROUP_AFTER.match(text, pos) or _DIGIT_GROUP_BEFORE.search(
            text, max(0, core.start - 8), core.start
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


def _suffix_currency_at(text: str, pos: int, lex: Lexicon) -> bool:
    return lex.suffix_currency.match(text, pos) is not None


def _digit_follows(text: str, pos: int) -> bool:
    rest = text[pos : pos + 3].lstrip(" \t")
    return rest[:1].isdigit()


def _qualifier_before(text: str, start: int, lex: Lexicon) -> tuple[str, str, int]:
    """The qualifier standing right before a figure: (name, which bound it sets, its start)."""
    match = lex.before_qualifier.search(text, max(0, start - 40), start)
    if match is None:
        return "exact", "none", start
    phrase = match.group("q") or match.group("s")
    if phrase.lower() == "up to" and _VERB_UP.search(
        text, max(0, match.start() - 20), match.start()
    ):
        return "exact", "none", start  # "sped up to 3.5%": a move to a level, not a cap
    name, sets = lex.qualifier_of[qualifier_key(phrase)]
    return name, sets, match.start()


# A verb of movement whose particle is the "up" of "up to" ("ticked up to", "went up to");
# "fined up to" and "hire up to" keep their cap.
_VERB_UP = re.compile(
    r"\b(?:sped|speeds|went|goes|moved|moves|ticked|ticks|edged|edges|picked|picks|inched|"
    r"inches|crept|creeps|shot|shoots|climbed|climbs|jumped|revised|bumped|ratcheted)[ \t]+\Z",
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
    second = _core(text, nxt, lex, symbols, range_end=True)
    if second is None or second.spelled != first.spelled:
        return None
    if first.currency and second.currency and first.currency != second.currency:
        return None
    if (first.percent or second.percent) and first.percent != second.percent and first.percent:
        return None
    if (first.currency and second.percent) or (first.percent and second.currency):
        return None
    return second


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


def _looks_like_name(text: str, start: int, lex: Lexicon) -> bool:
    """ "Article 5", "Boeing 737", "Line 2": a number that is part of a name."""
    if lex.identifier_lead.search(text, max(0, start - 24), start) is not None:
        return True
    back = re.search(r"(\S+)[ \t]+\Z", text[max(0, start - 30) : start])
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
