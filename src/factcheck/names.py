"""When two free-text names (of a measure or a subject) are one name spelt two ways.

rapidfuzz finds near-equal spellings, but a near-equal spelling is not always
the same thing: "manufacturing" and "non-manufacturing", "GDP" and "GNP",
"growth q/q" and "growth y/y" differ by a few letters and name different
facts. Two names are one only when every word of one has its twin in the
other: the same word, a plural, or a long word spelt a little differently,
never a negated one, and both carry the same qualifiers, bracketed text and
outlook words (rules/names.toml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from .packs import NameWords, per_pack

_TOKEN = re.compile(r"[\w/&.'-]+")
_BRACKETS = re.compile(r"\(([^)]*)\)")
_LONG = 5  # shorter words must match exactly: "GDP" and "GNP" are not variants
_VARIANT = 85  # rapidfuzz ratio at which two long words are one spelt differently


@dataclass(frozen=True)
class Words:
    negations: tuple[str, ...]
    qualifiers: frozenset[str]
    outlook: frozenset[str]
    panels: frozenset[str]
    filler: frozenset[str]
    rate_up: frozenset[str]
    rate_down: frozenset[str]
    year_on_year: frozenset[str]


@per_pack
def words(pack: NameWords) -> Words:
    return Words(
        tuple(sorted((n.lower() for n in pack.negations), key=len, reverse=True)),
        frozenset(q.lower() for q in pack.qualifiers),
        frozenset(o.lower() for o in pack.outlook),
        frozenset(p.lower() for p in pack.panels),
        frozenset(f.lower() for f in pack.filler),
        frozenset(r.lower() for r in pack.rates.up),
        frozenset(r.lower() for r in pack.rates.down),
        frozenset(r.lower() for r in pack.rates.year_on_year),
    )


def fold(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())


def as_growth(name: str, w: Words) -> str:
    """A fall named as the change it is: "exports decline y/y" -> "exports growth y/y"."""
    parts = name.split(" ")
    for i in range(len(parts) - 1, 0, -1):
        if parts[i] in w.rate_down:
            parts[i] = "growth"
            return " ".join(parts)
        if parts[i] not in w.year_on_year and parts[i] not in ("q/q", "m/m"):
            break
    return name


def tokens(name: str, w: Words) -> list[str]:
    """The words of a name that carry meaning, brackets left out."""
    return list(_tokens(name, w))


# Names repeat across an archive's claims: each is read once (the caches stay small, a
# few thousand distinct names of measures and owners).
@lru_cache(maxsize=1 << 16)
def _tokens(name: str, w: Words) -> tuple[str, ...]:
    bare = _BRACKETS.sub(" ", fold(name))
    return tuple(t.strip(".'") for t in _TOKEN.findall(bare) if t.strip(".'") not in w.filler)


@lru_cache(maxsize=1 << 16)
def is_outlook(name: str, w: Words) -> bool:
    """A measure named as a forecast, estimate, target or guidance rather than a result."""
    return any(t in w.outlook for t in _TOKEN.findall(fold(name)))


@lru_cache(maxsize=1 << 16)
def is_panel(name: str, w: Words) -> bool:
    """A figure gathered from many forecasters (a consensus, a poll): it depends on who is asked."""
    return any(t in w.panels for t in _TOKEN.findall(fold(name)))


def same(a: str, b: str, w: Words) -> bool:
    """Whether two names that spell alike are one name."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if _brackets(fa) != _brackets(fb) or is_outlook(fa, w) != is_outlook(fb, w):
        return False
    ta, tb = tokens(fa, w), tokens(fb, w)
    if {t for t in ta if t in w.qualifiers} != {t for t in tb if t in w.qualifiers}:
        return False
    if len(ta) != len(tb):
        return False
    rest = list(tb)
    for t in ta:
        twin = next((u for u in rest if _twins(t, u, w)), None)
        if twin is None:
            return False
        rest.remove(twin)
    return True


def spelling_block(name: str, w: Words) -> tuple[int, tuple[str, ...]]:
    """What every name `same` may take for `name` shares with it: the number of its words,
    and its short numbers, which only the same number twins ("company 12" is never
    "company 21"). Short words may not serve: "core" twins "cores", a long word."""
    toks = [t.rstrip("s") for t in tokens(fold(name), w)]  # "12s" twins "12"
    return len(toks), tuple(sorted(t for t in toks if t.isdigit() and len(t) < _LONG))


def _brackets(name: str) -> frozenset[str]:
    return frozenset(" ".join(m.split()) for m in _BRACKETS.findall(name))


def _twins(a: str, b: str, w: Words) -> bool:
    if a == b or a.rstrip("s") == b.rstrip("s"):
        return True
    if _negated(a, b, w) or _negated(b, a, w):
        return False
    if a in w.qualifiers or b in w.qualifiers:
        return False
    return min(len(a), len(b)) >= _LONG and fuzz.ratio(a, b) >= _VARIANT


def _negated(a: str, b: str, w: Words) -> bool:
    """ "non-manufacturing" against "manufacturing"."""
    return any(a.startswith(n) and a[len(n) :].lstrip("-") == b for n in w.negations)


def narrows(part: str, whole: str, w: Words) -> bool:
    """Whether measure `part` is a share of measure `whole`: "cloud revenue" of "revenue".

    The part names the whole with words in front ("products revenue growth y/y"
    of "revenue growth y/y"); a qualifier or outlook word in front makes another
    measure of the same thing ("core inflation", "net income"), not a part of it.
    """
    fp, fw = fold(part), fold(whole)
    if fp == fw or _brackets(fp) != _brackets(fw) or is_outlook(fp, w) != is_outlook(fw, w):
        return False
    tp, tw = tokens(fp, w), tokens(fw, w)
    if not tw or len(tp) <= len(tw) or tp[len(tp) - len(tw) :] != tw:
        return False
    front = tp[: len(tp) - len(tw)]
    # An owner's name in front ("sweden's industrial production") names no part.
    return not any(t in w.qualifiers or t in w.outlook or t.endswith("'s") for t in front)


def rate_of(metric: str, w: Words) -> tuple[str, float] | None:
    """The measure a yearly rate is named after, and +1 for growth or -1 for a fall.

    "revenue growth y/y" -> ("revenue", 1); "net income decline" -> ("net income", -1);
    None for a rate over another span ("GDP growth q/q") or a name of no rate.
    """
    folded = fold(metric)
    if _BRACKETS.search(folded) or is_outlook(folded, w):
        return None
    parts = folded.split()
    while parts and parts[-1] in w.year_on_year:
        parts.pop()
    if len(parts) < 2 or any(p in w.qualifiers and p not in w.year_on_year for p in parts[-1:]):
        return None
    word = parts[-1]
    if word in w.rate_up:
        sign = 1.0
    elif word in w.rate_down:
        sign = -1.0
    else:
        return None
    base = parts[:-1]
    if any(
        t in w.qualifiers and t not in w.year_on_year and t not in _LEVEL_QUALIFIERS for t in base
    ):
        return None
    return " ".join(base), sign


# Qualifiers a level shares with its rate ("real GDP growth" is the growth of "real GDP").
_LEVEL_QUALIFIERS = frozenset({"real", "nominal", "gross", "net", "core", "headline", "adjusted"})
