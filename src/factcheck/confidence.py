"""How sure a finding is: built from where each claim's subject, metric and period came from.

High when every part of every claim is stated in or next to its sentence (or
given with the claim); medium when some part was carried from the article or
set by a reporting convention; low when some part was not found and assumed.
"""

from __future__ import annotations

from collections.abc import Iterable

from .facts import Fact, document_pairs
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


def level(fact: Fact) -> Confidence:
    """One claim's confidence: that of its least sure part."""
    origin = fact.claim.origin
    if origin is None:
        return "high"
    parts = (_LEVEL[origin.subject], _LEVEL[origin.metric], _LEVEL[origin.period])
    return min(parts, key=ORDER.__getitem__)


Sides = tuple[tuple[Fact, ...], tuple[Fact, ...]]


def bundled(pairs: Iterable[tuple[Fact, Fact]]) -> list[Sides]:
    """Pairs of figures gathered into pairs of sides: one finding's worth each.

    A finding for each pair names a fact that n articles restate n² times; one finding for
    all of them takes the confidence of its least sure claim and hides the sure pairs behind
    it, and links two figures of one article, which no rule compares. So a pair joins a
    bundle of its own level in which each of its articles is absent or stands for the same
    figure: a bundle is as sure as each of its pairs (the confidence filter keeps exactly
    the pairs it kept one by one), and names at most one figure of an article.
    """
    bundles: list[tuple[Confidence, dict[str, int], dict[int, Fact], dict[int, Fact]]] = []
    for a, b in pairs:
        pair_level = min(level(a), level(b), key=ORDER.__getitem__)
        home = next(
            (
                x
                for x in bundles
                if x[0] == pair_level
                and x[1].get(a.doc.path, a.index) == a.index
                and x[1].get(b.doc.path, b.index) == b.index
            ),
            None,
        )
        if home is None:
            home = (pair_level, {}, {}, {})
            bundles.append(home)
        _, figure_of, left, right = home
        figure_of[a.doc.path], figure_of[b.doc.path] = a.index, b.index
        left.setdefault(a.index, a)
        right.setdefault(b.index, b)
    bundles.sort(key=lambda x: -ORDER[x[0]])  # surest first; stable within a level
    return [(tuple(left.values()), tuple(right.values())) for _, _, left, right in bundles]


def bundled_sides(a: tuple[Fact, ...], b: tuple[Fact, ...]) -> list[Sides]:
    """`bundled(document_pairs(a, b))`, without making the pairs where it need not.

    Where every article states one figure and none stands on both sides, as most do, each
    article's figure is paired with every figure of the other side and no bundle ever
    refuses a pair: there is one bundle per level, and a figure is in a level's bundle when
    some figure of the other side makes a pair of that level with it. Found from each
    side's levels in turn, not from the n x m pairs: a fact restated by fifty articles
    beside another scope's fifty made 2,500 pairs for one finding.
    """
    if not a or not b:
        return []
    by_a = {f.doc.path: f for f in a}
    by_b = {f.doc.path: f for f in b}
    if len(by_a) < len(a) or len(by_b) < len(b) or by_a.keys() & by_b.keys():
        return bundled(document_pairs(a, b))
    # The pairs come article by article of `a`, then of `b`, each side in order of path.
    left = [by_a[p] for p in sorted(by_a)]
    right = [by_b[p] for p in sorted(by_b)]
    rank_a = [ORDER[level(f)] for f in left]
    rank_b = [ORDER[level(f)] for f in right]
    surest_b, ranks_b = max(rank_b), set(rank_b)
    out: list[tuple[int, Sides]] = []
    for rank in sorted(set(ORDER.values()), reverse=True):  # surest first
        # A pair's level is its less sure figure's: this one's when the other is as sure.
        in_a = [
            i
            for i, r in enumerate(rank_a)
            if (r == rank and surest_b >= rank) or (r > rank and rank in ranks_b)
        ]
        if not in_a:
            continue
        # A figure of `b` joins the bundle at the first figure of `a` it makes this level with.
        first_same = next((i for i, r in enumerate(rank_a) if r == rank), None)
        first_surer = next((i for i, r in enumerate(rank_a) if r >= rank), None)
        joins = []
        for j, r in enumerate(rank_b):
            at = first_surer if r == rank else (first_same if r > rank else None)
            if at is not None:
                joins.append((at, j))
        joins.sort()
        out.append((rank, (tuple(left[i] for i in in_a), tuple(right[j] for _, j in joins))))
    return [sides for _, sides in out]
