"""Split article text into lines and sentences, and mark what is not article.

Zones: `body` is the article; `teaser` is text after a "Related Articles"
heading (figures there are kept but marked boilerplate); `hidden` is page
furniture, comment sections, HTML comments and trailing data blobs, from
which no claim is taken.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from typing import Literal

from .packs import Boilerplate

Zone = Literal["body", "teaser", "hidden"]

_HTML_COMMENT = re.compile(r"<!--.*?(-->|\Z)", re.DOTALL)
_MAX_FURNITURE = 160  # longer lines are prose, whatever they start with
# A line is the unit every later pass works in (figures, sentences, paragraph context), so a
# text without line breaks (an export, a minified page) is cut into units of at most this
# many characters, at sentence ends: several paragraphs' worth, and no article line is longer.
MAX_UNIT = 4000
# Where a unit may end: a sentence's last mark, closing quotes or brackets, then a space.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(\s+)")
_CHECKED_ENDS = 8  # sentence ends a cut tries before it settles for a space
_CONTEXT = 300  # characters around a candidate end that the segmenter reads to judge it
# Longer than any sentence of prose: what the segmenter finds longer is a list or a table
# flattened into text, cut at spaces so that no figure's reading of its sentence is unbounded.
MAX_SENTENCE = 1000


@dataclass(frozen=True)
class Line:
    """One line of the article text: [start, end) and the zone it is in."""

    start: int
    end: int
    zone: Zone


@cache
def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def lines(text: str, boilerplate: Boilerplate, hidden: list[tuple[int, int]] = ()) -> list[Line]:  # type: ignore[assignment]
    """Every line of `text` with its zone; a line longer than MAX_UNIT comes as its units."""
    furniture = _compiled(tuple(boilerplate.furniture))
    teasers = _compiled(tuple(boilerplate.teasers))
    ends = _compiled(tuple(boilerplate.end))
    blob_start = _trailing_blob(text)
    spans = Spans.of(hidden_spans(text, hidden))
    out: list[Line] = []
    zone: Zone = "body"
    pos = 0
    size = len(text)
    while pos <= size:
        nl = text.find("\n", pos)
        end = size if nl < 0 else nl
        stripped = text[pos:end].strip(" \t\r\u00a0-•*#>|")
        line_zone: Zone = zone
        if pos < blob_start < end:
            # A blob that opens mid-line: the prose before it is a line of its own.
            out.append(Line(pos, blob_start, zone))
            pos = blob_start
        if pos >= blob_start or spans.cover(pos, end):
            line_zone = "hidden"
        elif stripped and len(stripped) <= _MAX_FURNITURE:
            if (
                ends is not None
                and ends.fullmatch(stripped)
                and zone == "body"
                and _near_end(text, end)
            ):
                zone = "hidden"
                line_zone = "hidden"
            elif teasers is not None and teasers.fullmatch(stripped):
                zone = "teaser"
                line_zone = "hidden"
            elif furniture is not None and furniture.fullmatch(stripped):
                line_zone = "hidden"
        if end - pos > MAX_UNIT and line_zone != "hidden":
            out.extend(Line(s, e, line_zone) for s, e in units(text, pos, end))
        else:
            out.append(Line(pos, end, line_zone))
        if nl < 0:
            break
        pos = nl + 1
    return out


def hidden_spans(text: str, extra: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:  # type: ignore[assignment]
    """Spans inside lines that are not article: HTML comments, front matter."""
    spans = list(extra)
    if "<!--" in text:
        spans.extend(m.span() for m in _HTML_COMMENT.finditer(text))
    return sorted(spans)


def units(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A long line cut into stretches of at most MAX_UNIT characters, at sentence ends where the
    segmenter agrees there is one; the spaces between them belong to neither."""
    while end - start > MAX_UNIT:
        stop, resume = _cut(text, start + MAX_UNIT // 2, start + MAX_UNIT)
        yield start, stop
        start = resume
    yield start, end


def _cut(text: str, low: int, high: int) -> tuple[int, int]:
    """Where to end a unit within [low, high]: the last sentence end there, else the last
    space, else `high`; returns the unit's end and where the next one starts."""
    ends = list(_SENTENCE_END.finditer(text, low, high))
    for m in reversed(ends[-_CHECKED_ENDS:]):
        stop, resume = m.start(1), m.end(1)
        # A full stop also ends "U.S." and "Inc.": only the segmenter, reading the words
        # around it, knows whether a sentence starts after it.
        around = sentences(text, max(0, stop - _CONTEXT), min(len(text), resume + _CONTEXT // 3))
        if any(s.start == resume for s in around):
            return stop, resume
    space = text.rfind(" ", low, high)
    return (space, space + 1) if space >= 0 else (high, high)


def _near_end(text: str, pos: int) -> bool:
    """An end marker ("0 Comments") ends the article only in its last stretch."""
    return len(text) - pos < max(2000, len(text) // 5)


@dataclass(frozen=True)
class Spans:
    """Spans sorted by start, each with the furthest end reached so far, so that whether any
    span covers a position is one bisection, not a scan of every span for every line."""

    starts: list[int]
    reach: list[int]

    @classmethod
    def of(cls, spans: list[tuple[int, int]]) -> Spans:
        ordered = sorted(spans)
        return cls([s for s, _ in ordered], list(accumulate((e for _, e in ordered), max)))

    def cover(self, start: int, end: int) -> bool:
        """Whether one span holds all of [start, end)."""
        k = bisect_right(self.starts, start)
        return k > 0 and self.reach[k - 1] >= end

    def hold(self, pos: int) -> bool:
        """Whether a span holds the character at `pos`."""
        k = bisect_right(self.starts, pos)
        return k > 0 and self.reach[k - 1] > pos


def _trailing_blob(text: str) -> int:
    """Where a JSON blob that runs to the end of the text begins, or len(text): the start of
    its line, or, for one nested deeper than prose ever is, its opening bracket when prose
    stands before it on that line.

    The blob is found by matching its brackets backwards from the end, one pass over the
    brackets and quotes only: trying a JSON parser at every line was quadratic, and the
    parser recurses, so a blob nested thousands deep overflowed the stack.
    """
    tail = text.rstrip()
    if not tail.endswith(("}", "]")):
        return len(text)
    start, depth = _opening_bracket(tail)
    if start < 0:
        return len(text)
    line_start = tail.rfind("\n", 0, start) + 1
    opens_line = not tail[line_start:start].strip(" \t\r")
    if depth <= _MAX_CHECKED_DEPTH:
        if not opens_line:
            return len(text)  # "var data = {...}": the brackets close a line of something else
        try:
            json.loads(tail[start:])
        except ValueError:
            return len(text)
    # Deeper than that, no prose nests: data, whether or not every comma is in place. A
    # sentence before it on its line ("... the agency said. {"a": [[[...") stays prose.
    if not opens_line:  # unless the data reaches further back than its brackets matched
        start = _data_before(tail, line_start, start)
        opens_line = not tail[line_start:start].strip(" \t\r")
    return line_start if opens_line else start


def _data_before(tail: str, line_start: int, start: int) -> int:
    """Where the data that runs up to `start` begins on its line: a blob cut short closes
    fewer brackets than it opens, and the keys and brackets it leaves open stand before the
    part that matched. Read backwards in one pass, from an opening bracket on."""
    run = _REVERSED_DATA.match(tail[line_start:start][::-1])
    if run is None or not run.group():
        return start
    data = tail[start - len(run.group()) : start]
    first = min((i for i in (data.find("{"), data.find("[")) if i >= 0), default=-1)
    return start if first < 0 else start - len(data) + first


_MAX_CHECKED_DEPTH = 200  # well inside the interpreter's recursion limit
# Read backwards: a JSON string reversed is one token (a quote followed by a backslash was
# escaped), so strings are skipped whole and their brackets never counted.
_REVERSED_TOKENS = re.compile(r'"(?:[^"]|"(?=\\))*"|[][{}]')
_CLOSES = {"]": "[", "}": "{"}
# JSON's tokens written backwards: blanks, punctuation, strings, digits and its three words.
_REVERSED_DATA = re.compile(r'(?:\s|[][{}:,]|"(?:[^"]|"(?=\\))*"|[\d.eE+-]|eurt|eslaf|llun)*+')


def _opening_bracket(tail: str) -> tuple[int, int]:
    """Where the bracket that the last character of `tail` closes opens, and the deepest nesting.

    (-1, 0) when the brackets do not match.
    """
    last = len(tail) - 1
    stack: list[str] = []
    deepest = 0
    for match in _REVERSED_TOKENS.finditer(tail[::-1]):
        char = match.group()
        if len(char) > 1:
            continue  # a string
        if char in _CLOSES:
            stack.append(_CLOSES[char])
            if len(stack) > deepest:
                deepest = len(stack)
        elif not stack or stack.pop() != char:
            return -1, 0
        if not stack:
            return last - match.start(), deepest
    return -1, 0


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


def sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Sentence spans of text[start:end], in positions of `text`."""
    from syntok.segmenter import analyze

    chunk = text[start:end]
    out: list[Sentence] = []
    if "\n" not in chunk and _ENDS_SENTENCE.search(chunk) is None:
        # Nothing can end a sentence inside ("5% 5% 5% ...", a row of a flattened table):
        # one sentence, without a pass of the segmenter over every token.
        s = start + len(chunk) - len(chunk.lstrip())
        e = start + len(chunk.rstrip())
        return [Sentence(a, b) for a, b in spaced(text, s, e, MAX_SENTENCE)] or [
            Sentence(start, end)
        ]
    for paragraph in analyze(chunk):
        for sentence in paragraph:
            if not sentence:
                continue
            first, last = sentence[0], sentence[-1]
            s = start + first.offset
            e = start + last.offset + len(last.value)
            out.extend(Sentence(a, b) for a, b in spaced(text, s, e, MAX_SENTENCE))
    if not out:
        out.append(Sentence(start, end))
    return out


_ENDS_SENTENCE = re.compile(r"[.!?…。！？]")


def spaced(text: str, start: int, end: int, most: int) -> Iterator[tuple[int, int]]:
    """[start, end) in stretches of at most `most` characters, cut at the last space of each."""
    while end - start > most:
        space = text.rfind(" ", start + most // 2, start + most)
        stop, resume = (space, space + 1) if space >= 0 else (start + most, start + most)
        yield start, stop
        start = resume
    yield start, end


_SUPPRESS = re.compile(
    r"<!--\s*factcheck-ignore\s+(?P<rules>[a-z][a-z-]*(?:\s*,\s*[a-z][a-z-]*)*)\s*(?:--\s*(?P<reason>.*?))?\s*-->",
    re.DOTALL,
)


def suppressions(text: str) -> list[tuple[list[str], str | None, int, int, int]]:
    """Inline `<!-- factcheck-ignore RULE[, RULE] -- reason -->` comments of a file's text.

    Each covers its own lines and the next non-blank line: (rules, reason, line, first, last).
    """
    if "factcheck-ignore" not in text:
        return []
    rows = text.split("\n")
    out = []
    line, counted = 1, 0  # lines are counted on from the last comment, not from the top each time
    for m in _SUPPRESS.finditer(text):
        line += text.count("\n", counted, m.start())
        end_line = line + text.count("\n", m.start(), m.end())
        counted = m.start()
        last = end_line
        for k in range(end_line, len(rows)):  # rows[k] is line k + 1
            if rows[k].strip():
                last = k + 1
                break
        rules = [r.strip() for r in m.group("rules").split(",")]
        reason = (m.group("reason") or "").strip() or None
        out.append((rules, reason, line, line, last))
    return out
