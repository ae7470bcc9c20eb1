"""Split article text into lines and sentences, and mark what is not article.

Zones: `body` is the article; `teaser` is text after a "Related Articles"
heading (figures there are kept but marked boilerplate); `hidden` is page
furniture, comment sections, HTML comments and trailing data blobs, from
which no claim is taken.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from .packs import Boilerplate

Zone = Literal["body", "teaser", "hidden"]

_HTML_COMMENT = re.compile(r"<!--.*?(-->|\Z)", re.DOTALL)
_MAX_FURNITURE = 160  # longer lines are prose, whatever they start with


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
    """Every line of `text` with its zone."""
    furniture = _compiled(tuple(boilerplate.furniture))
    teasers = _compiled(tuple(boilerplate.teasers))
    ends = _compiled(tuple(boilerplate.end))
    blob_start = _trailing_blob(text)
    spans = hidden_spans(text, hidden)
    out: list[Line] = []
    zone: Zone = "body"
    pos = 0
    size = len(text)
    while pos <= size:
        nl = text.find("\n", pos)
        end = size if nl < 0 else nl
        stripped = text[pos:end].strip(" \t\r\u00a0-•*#>|")
        line_zone: Zone = zone
        if pos >= blob_start or _inside(pos, end, spans):
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


def _near_end(text: str, pos: int) -> bool:
    """An end marker ("0 Comments") ends the article only in its last stretch."""
    return len(text) - pos < max(2000, len(text) // 5)


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _trailing_blob(text: str) -> int:
    """Start of a JSON blob that runs to the end of the text, or len(text)."""
    tail = text.rstrip()
    if not tail.endswith(("}", "]")):
        return len(text)
    decoder = json.JSONDecoder()
    pos = 0
    while True:
        nl = tail.find("\n", pos)
        line_start = pos
        first = tail[line_start : line_start + 2].lstrip()
        if first[:1] in "[{" and first:
            try:
                _, end = decoder.raw_decode(
                    tail, line_start + (len(tail[line_start:]) - len(tail[line_start:].lstrip()))
                )
            except ValueError:
                pass
            else:
                if not tail[end:].strip():
                    return line_start
        if nl < 0:
            return len(text)
        pos = nl + 1


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


def sentences(text: str, start: int, end: int) -> list[Sentence]:
    """Sentence spans of text[start:end], in positions of `text`."""
    from syntok.segmenter import analyze

    chunk = text[start:end]
    out: list[Sentence] = []
    for paragraph in analyze(chunk):
        for sentence in paragraph:
            if not sentence:
                continue
            first, last = sentence[0], sentence[-1]
            s = start + first.offset
            e = start + last.offset + len(last.value)
            out.append(Sentence(s, e))
    if not out:
        out.append(Sentence(start, end))
    return out


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
    for m in _SUPPRESS.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        end_line = text.count("\n", 0, m.end()) + 1
        last = end_line
        for k in range(end_line, len(rows)):  # rows[k] is line k + 1
            if rows[k].strip():
                last = k + 1
                break
        rules = [r.strip() for r in m.group("rules").split(",")]
        reason = (m.group("reason") or "").strip() or None
        out.append((rules, reason, line, line, last))
    return out
