"""Bytes to text: byte-order marks, UTF-8, then a detected legacy code page."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


@dataclass(frozen=True)
class Decoded:
    """A file's text as it reads on disk, and how it was read."""

    text: str
    encoding: str
    binary: bool = False


def decode(data: bytes) -> Decoded:
    """Decode any byte sequence without raising; never guesses where UTF-8 fits."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(name, errors="replace"), name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if "\x00" not in text:
            return Decoded(text, "utf-8", binary=_controls(text))
    # NUL bytes: UTF-16 without a byte-order mark (ASCII in it is valid UTF-8 too), or binary.
    utf16 = _utf16(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data[:4096]:
        return Decoded(data.decode("utf-8", errors="replace"), "binary", binary=True)
    from charset_normalizer import from_bytes

    results = from_bytes(data[:262144])
    best = results.best()
    name = best.encoding if best is not None else "cp1252"
    if best is not None:
        # Short texts leave many code pages equally likely; among those, the
        # Western one is by far the most common source of English articles.
        tied = {
            m.encoding for m in results if m.chaos <= best.chaos and m.coherence >= best.coherence
        }
        if "cp1252" in tied:
            name = "cp1252"
    try:
        text = data.decode(name, errors="replace")
    except LookupError:
        text, name = data.decode("cp1252", errors="replace"), "cp1252"
    return Decoded(text, name, binary=_controls(text))


def _utf16(data: bytes) -> Decoded | None:
    """UTF-16 without a byte-order mark: text in Latin script has a NUL in every other byte."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    for name, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= half * 0.3 and others <= half * 0.02:
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text and not _controls(text):
                return Decoded(text, name)
    return None


_CONTROL = frozenset(chr(c) for c in range(32)) - set("\t\n\r\f\v") | {"\ufffd"}


def _controls(text: str) -> bool:
    """Whether control characters or undecodable bytes fill more than a tenth of the start:
    a file that is no text (an image, an archive) under an article's name."""
    sample = text[:8192]
    return sum(ch in _CONTROL for ch in sample) > max(len(sample) // 10, 8)
