"""Repair mojibake: UTF-8 text that was once decoded with the wrong code page.

ftfy repairs the common code pages (cp1252, latin-1, ...). It does not repair
UTF-8 read as Thai cp874, where the Thai letters stand for the bytes of one
character ("ยฅ" is "¥") and bytes cp874 cannot show are lost, so "โ" alone is
what is left of a quote or dash. That repair is written here because no
library does it: the surviving bytes pin down the character where they can,
and the neighbouring characters choose among quotes, apostrophes and dashes
where only the lead byte survived.
"""

from __future__ import annotations

import re
from functools import cache

from .textmap import MappedText, SourceMap, TextBuilder

# Runs of characters that UTF-8 bytes decoded as cp874 turn into.
_THAI_RUN = re.compile("[\u0e01-\u0e5b\u20ac\u2026\u2018\u2019\u201c\u201d\u2022\u2013\u2014]+")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
# Characters a lone three-byte lead E2 most often stood for.
_PUNCTUATION = "\u2019\u2018\u201c\u201d\u2013\u2014\u2026\u2022\u2122\u20ac\u2032\u2033"
_CONTRACTION_TAIL = re.compile(r"(s|t|re|ll|ve|d|m)\b", re.IGNORECASE)


def repair(source: SourceMap) -> tuple[MappedText, bool]:
    """Return the repaired text mapped to `source`, and whether anything changed."""
    text = source.text
    if text.isascii():
        return MappedText.identity(source), False
    builder = TextBuilder()
    changed = False
    pos = 0
    thai = _looks_like_cp874_mojibake(text)
    for match in (_THAI_RUN if thai else _NON_ASCII_RUN).finditer(text):
        start, end = match.span()
        run = match.group()
        fixed = _fix_cp874(text, start, end) if thai else _fix_with_ftfy(run)
        if fixed is None or fixed == run:
            continue
        builder.copy(text[pos:start], pos)
        builder.add(fixed, start, end - start)
        pos = end
        changed = True
    if not changed:
        return MappedText.identity(source), False
    builder.copy(text[pos:], pos)
    return builder.build(source), True


def repair_text(text: str) -> str:
    """Repaired text alone, for callers that need no map."""
    return repair(SourceMap(text))[0].text


def _looks_like_cp874_mojibake(text: str) -> bool:
    """Thai letters standing for UTF-8 bytes decode as UTF-8 again; real Thai does not."""
    runs = _THAI_RUN.findall(text)
    if not runs:
        return False
    readable = sum(1 for r in runs if _decode_cp874_run(r) is not None)
    # Real Thai prose has runs whose bytes are not UTF-8; mojibake has short runs
    # that are, or are what is left of one once the decoder dropped some bytes.
    return readable >= 0.9 * len(runs)


def _decode_cp874_run(run: str, strict: bool = False) -> list[str | int] | None:
    """Decode a run's cp874 bytes as UTF-8; a lost character becomes its lead byte (int)."""
    try:
        data = run.encode("cp874")
    except UnicodeEncodeError:
        return None
    out: list[str | int] = []
    i = 0
    while i < len(data):
        b = data[i]
        need = 1 if 0xC2 <= b <= 0xDF else 2 if 0xE0 <= b <= 0xEF else 3 if 0xF0 <= b <= 0xF4 else 0
        if need == 0:
            return None
        tail = data[i + 1 : i + 1 + need]
        cont = 0
        while cont < len(tail) and 0x80 <= tail[cont] <= 0xBF:
            cont += 1
        if cont == need:
            try:
                out.append(data[i : i + 1 + need].decode("utf-8"))
            except UnicodeDecodeError:
                return None
            i += 1 + need
        else:
            if strict:
                return None
            out.append(_guess_lost(data[i : i + 1 + cont]))
            i += 1 + cont
    return out


@cache
def _candidates(known: bytes) -> tuple[str, ...]:
    """Punctuation whose UTF-8 form could have lost exactly the bytes cp874 cannot show."""
    found = []
    for ch in _PUNCTUATION:
        enc = ch.encode("utf-8")
        if enc[0] != known[0]:
            continue
        lost = list(enc[1:])
        for b in known[1:]:
            if b not in lost:
                break
            lost.remove(b)
        else:
            if all(_cp874_cannot_show(b) for b in lost):
                found.append(ch)
    return tuple(found)


def _cp874_cannot_show(byte: int) -> bool:
    try:
        bytes([byte]).decode("cp874")
    except UnicodeDecodeError:
        return True
    return False


def _guess_lost(known: bytes) -> str | int:
    options = _candidates(known)
    if len(options) == 1:
        return options[0]
    return known[0]


def _fix_cp874(text: str, start: int, end: int) -> str | None:
    decoded = _decode_cp874_run(text[start:end])
    if decoded is None:
        return None
    out = []
    for k, piece in enumerate(decoded):
        if isinstance(piece, str):
            out.append(piece)
            continue
        if piece != 0xE2:
            out.append("\ufffd")
            continue
        before = text[start - 1] if start > 0 and k == 0 else (out[-1][-1:] if out else " ")
        after = text[end : end + 3] if k == len(decoded) - 1 else ""
        out.append(_punctuation_from_context(before, after))
    return "".join(out)


def _punctuation_from_context(before: str, after: str) -> str:
    """Choose the quote, apostrophe or dash that a lost character most likely was."""
    nxt = after[:1]
    if before.isdigit() and nxt.isdigit():
        return "\u2013"  # 2026–2030
    if before.isalpha() and _CONTRACTION_TAIL.match(after):
        return "\u2019"  # China’s, isn’t
    if before.isalnum() and nxt.isalnum():
        return "\u2014"  # compete—backed
    if (not before or before.isspace() or before in "([{") and nxt and not nxt.isspace():
        return "\u201c"  # opening quote
    if nxt == "" or nxt.isspace() or nxt in ".,;:!?)]}":
        if before.isspace():
            return "\u2014"  # spaced dash
        return "\u201d"  # closing quote
    return "\u2014"


def _fix_with_ftfy(run: str) -> str | None:
    import ftfy
    from ftfy.badness import is_bad

    if not is_bad(run):
        return None
    return ftfy.fix_encoding(run)
