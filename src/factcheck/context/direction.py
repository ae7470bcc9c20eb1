"""Which way a stated change goes: "fell 4.6%" is down, "a 3.5% gain" is up.

The change word nearest the figure in its clause decides. A word separated
from the figure by a level word of rules/directions.toml ("fell to 2.2%",
"down from 2.4%") speaks of a level, not of the change the figure states, and
gives no direction, unless that level is the size of a decline that a verb of
rules/directions.toml `resizes` changes ("the decline eased to 2%, from 4.6%").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Direction
from ..packs import Directions, load, per_pack

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_BEFORE = 4  # words allowed between a change word and the figure after it ("fell by about")
_AFTER = 3  # words allowed between the figure and a change word after it ("5% annual decline")
_REACH = 240  # characters that hold any decline's size with its figure ("the decline eased to")
_CLAUSE = 60  # characters first searched back for the break a figure's clause starts after
_HEDGE = r"(?:(?:about|around|roughly|some|nearly|almost|just)\s+)?"
# A figure and up to three words of its own ("2% in October"), then the other end of the change.
_OTHER_END = r"(?:-?[\d.,]+\s*(?:%|per\s*cent|percent)?(?:\s+[a-z]+){0,3}?\s*,?\s+(?:from|to)\s+)?"
# How a decline's size ends, right before its figure: searched first, as most figures have no
# "to" or "from" before them, and it costs a twentieth of the whole phrase's search.
_SIZE_TAIL = re.compile(rf"(?:to|from)\s+{_HEDGE}{_OTHER_END}{_HEDGE}$")


@dataclass(frozen=True)
class _Words:
    way: dict[str, Direction]
    breaks: re.Pattern[str]
    levels: frozenset[str]  # between word and figure: the figure is a level
    decline_size: re.Pattern[str]  # "the decline eased to ": what follows is a decline's size


@per_pack
def _words(pack: Directions) -> _Words:
    way: dict[str, Direction] = {w.lower(): "down" for w in pack.down}
    way.update({w.lower(): "up" for w in pack.up})
    marks = sorted([*pack.clause_breaks, ",", ".", "(", ")"], key=len, reverse=True)
    down = "|".join(re.escape(w.lower()) for w in pack.down)
    resizes = "|".join(re.escape(w.lower()) for w in pack.resizes) or r"(?!)"
    return _Words(
        way,
        re.compile("|".join(re.escape(m) for m in marks), re.I),
        frozenset(w.lower() for w in pack.levels),
        re.compile(
            rf"\b(?:{down})\s+(?:(?:in|of)\s+(?:[a-z-]+\s+){{1,3}})?(?:[a-z]+\s+)?(?:{resizes})\s+"
            rf"{_SIZE_TAIL.pattern}"
        ),
    )


_LETTER = re.compile(r"[^\W\d_]")


_TOLERANCE = re.compile(r"(?:plus\s+or\s+minus|give\s+or\s+take|±)\s*\Z", re.I)


def direction(
    sentence: str, start: int, end: int, pack: Directions | None = None
) -> Direction | None:
    """The direction the wording gives the figure at `sentence[start:end]`, if any."""
    words = _words(pack or load().directions)
    # Read back a bounded stretch, not to the sentence's start, or a sentence of many figures
    # costs the square of its length; the character before it keeps `\b` as it was.
    low = max(0, start - _REACH)
    if _LETTER.search(sentence, low, min(len(sentence), end + _REACH)) is None:
        return None  # no word near it ("5% 5% 5%"): nothing gives it a direction
    if _TOLERANCE.search(sentence, max(0, start - 20), start) is not None:
        return None  # "plus or minus 2%": a margin either way, no change
    head = max(0, low - 1)
    stretch = sentence[head:start].lower()
    if _SIZE_TAIL.search(stretch, low - head) and words.decline_size.search(stretch, low - head):
        return "down"
    before = _clause_tail(sentence, start, words.breaks)
    after = _clause_head(sentence, end, words.breaks)
    back = [m.group(0).lower() for m in _WORD.finditer(before)][::-1]
    ahead = [m.group(0).lower() for m in _WORD.finditer(after)]
    found = [
        hit
        for hit in (_first_way(back[: _BEFORE + 1], words), _first_way(ahead[: _AFTER + 1], words))
        if hit is not None
    ]
    return min(found)[1] if found else None


def _first_way(near: list[str], words: _Words) -> tuple[int, Direction] | None:
    """The nearest word of change, with how far it stands, unless a word of level comes first."""
    for gap, w in enumerate(near):
        if w in words.levels:
            return None
        if w in words.way:
            return gap, words.way[w]
    return None


def _clause_tail(text: str, start: int, breaks: re.Pattern[str]) -> str:
    """The clause that ends at `start`: the last break is looked for near first, then further."""
    reach = _CLAUSE  # most clauses are shorter: one look, seldom a second
    while True:
        low = max(0, start - reach)
        ends = [m.end() for m in breaks.finditer(text, low, start)]
        if ends:
            return text[ends[-1] : start]
        if low == 0 or reach >= _REACH:
            # Only the few words nearest the figure are read: a clause longer than this
            # (a flattened table) need not be searched to its start for every figure.
            return text[low:start]
        reach *= 4


def _clause_head(text: str, end: int, breaks: re.Pattern[str]) -> str:
    first = breaks.search(text, end, end + _REACH)
    return text[end : first.start()] if first else text[end : end + _REACH]
