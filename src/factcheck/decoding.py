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
        return Decoded(text, "utf-8", binary="\x00" in text)
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
        return Decoded(data.decode(name, errors="replace"), name)
    except LookupError:
        return Decoded(data.decode("cp1252", errors="replace"), "cp1252")
