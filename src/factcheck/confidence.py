"""How sure a finding is: built from where each claim's subject, metric and period came from.

High when every part of every claim is stated in or next to its sentence (or
given with the claim); medium when some part was carried from the article or
set by a reporting convention; low when some part was not found and assumed.
"""

from __future__ import annotations

from collections.abc import Iterable

from .facts import Fact
from .models import Confidence, Origin

ORDER: dict[Confidence, int] = {"low": 0, "medium": 1, "high": 2}
_LEVEL: dict[Origin, Confidence] = {
    "sentence": "high",
    "nearby": "high",
    "article": "medium",
    "convention": "medium",
    "default": "low",
    "given": "high",
}
_PART = {"subject": "subject", "metric": "measure", "period": "period"}
_HOW: dict[tuple[str, Origin], str] = {
    ("period", "article"): "period taken from the headline or lead",
    ("period", "default"): "period not stated (the publication year assumed)",
}


def _how(part: str, origin: Origin) -> str:
    hit = _HOW.get((part, origin))
    if hit is not None:
        return hit
    if origin == "article":
        return f"{_PART[part]} carried from the article"
    if origin == "convention":
        return f"{_PART[part]} set by a reporting convention"
    return f"{_PART[part]} not stated (assumed)"


def assess(facts: Iterable[Fact]) -> tuple[Confidence, str | None]:
    """The finding's confidence (its least sure claim) and a note naming each uncertain part."""
    level: Confidence = "high"
    notes: list[str] = []
    for f in facts:
        origin = f.claim.origin
        if origin is None:
            continue  # context given with the claim counts as stated
        weak = []
        for part in ("subject", "metric", "period"):
            o: Origin = getattr(origin, part)
            if _LEVEL[o] != "high":
                weak.append(_how(part, o))
                if ORDER[_LEVEL[o]] < ORDER[level]:
                    level = _LEVEL[o]
        if weak:
            notes.append(f'"{f.claim.text}" ({f.where()}): {", ".join(weak)}')
    return level, ("; ".join(notes) if notes else None)


def at_least(level: Confidence, minimum: Confidence) -> bool:
    return ORDER[level] >= ORDER[minimum]
