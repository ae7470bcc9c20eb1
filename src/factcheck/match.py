"""Link claims that speak of the same fact, or of facts a reader may take for one.

Claims are blocked by metric and unit, then by subject and period, so the work
grows with the number of claims and the number of distinct (subject, period)
pairs per metric, never with the square of the claims. Metric and subject
names outside the vocabularies are merged when rapidfuzz finds them near-equal.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz, process

from .context import subjects
from .facts import Fact, look_alike, overlap, years
from .packs import Packs

LinkKind = Literal[
    "same-fact", "other-currency", "scope", "period", "conversion", "double-conversion", "change"
]


@dataclass(frozen=True)
class ClaimLink:
    """Claims the matcher put together, and why."""

    kind: LinkKind
    facts: tuple[Fact, ...]
    parts: tuple[tuple[Fact, ...], ...] = field(default=())


class _Names:
    """Canonical forms of free-text names: near-equal spellings share one key."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.cache: dict[str, str] = {}

    def key(self, name: str) -> str:
        folded = " ".join(name.lower().split())
        hit = self.cache.get(folded)
        if hit is not None:
            return hit
        found = process.extractOne(folded, self.keys, scorer=fuzz.token_sort_ratio, score_cutoff=92)
        key = found[0] if found else folded
        if not found:
            self.keys.append(folded)
        self.cache[folded] = key
        return key


def links(facts: list[Fact], packs: Packs, reach: Reach | None = None) -> Iterator[ClaimLink]:
    """Every link the rules look at, each kind from its own blocking."""
    reach = reach or Reach()
    vocab = subjects.vocabulary(packs.subjects)
    metric_names, subject_names = _Names(), _Names()
    keyed: list[tuple[Fact, str, str, tuple[str | None, str | None]]] = []
    for f in facts:
        c = f.claim
        if c.metric is None or c.subject is None or c.period is None:
            continue
        keyed.append(
            (
                f,
                metric_names.key(c.metric),
                subject_names.key(c.subject),
                (c.period.start, c.period.end),
            )
        )

    same: dict[tuple[str, str | None, str, tuple[str | None, str | None]], list[Fact]] = (
        defaultdict(list)
    )
    for f, metric, subject, period in keyed:
        same[(metric, f.measure, subject, period)].append(f)
    for group in same.values():
        yield ClaimLink("same-fact", tuple(group), _components(group))
    yield from _currency_links(same)

    if reach.scope:
        yield from _scope_links(keyed, vocab, reach)
    if reach.period:
        yield from _period_links(keyed, reach)
    yield from _conversion_links(facts, same)
    yield from _change_links(facts, same, metric_names, subject_names)


def _currency_links(
    same: dict[tuple[str, str | None, str, tuple[str | None, str | None]], list[Fact]],
) -> Iterator[ClaimLink]:
    """One fact stated in two currencies: the groups of each currency, side by side."""
    by_fact: dict[tuple[str, str, tuple[str | None, str | None]], list[tuple[Fact, ...]]] = (
        defaultdict(list)
    )
    for (metric, _measure, subject, period), group in same.items():
        if group[0].claim.quantity.kind == "money":
            by_fact[(metric, subject, period)].append(tuple(group))
    for groups in by_fact.values():
        if len(groups) > 1:
            yield ClaimLink("other-currency", tuple(f for g in groups for f in g), tuple(groups))


def _components(group: list[Fact]) -> tuple[tuple[Fact, ...], ...]:
    """Runs of claims whose intervals chain into one another; two runs cannot both be true."""
    ordered = sorted(group, key=lambda f: (f.low, f.high))
    parts: list[list[Fact]] = []
    reach = -float("inf")
    for f in ordered:
        if parts and f.low <= reach:
            parts[-1].append(f)
            reach = max(reach, f.high)
        else:
            parts.append([f])
            reach = f.high
    return tuple(tuple(p) for p in parts)


@dataclass(frozen=True)
class Reach:
    """How far apart two groups of figures may be and still be worth a look.

    Taken from the options of the rules that read the links, so the matcher
    never builds a candidate a rule would throw away, and a switched-off rule
    costs nothing.
    """

    scope: bool = True
    period: bool = True
    close_years: int = 3
    scope_look_alike: float = 1.5
    period_look_alike: float = 1.5
    period_years: int = 1
    neighbours: int = 4  # look-alike groups compared on each side, nearest in size first


Group = tuple[Fact, ...]


def _pairs(
    groups: dict[object, list[Fact]], look_alike: float, neighbours: int, close_years: int | None
) -> set[tuple[object, object]]:
    """Group pairs near in size (a few nearest each way) or, with close_years, near in time."""
    keys = list(groups)
    size = {k: sorted(f.magnitude for f in groups[k])[len(groups[k]) // 2] for k in keys}
    ordered = sorted(keys, key=lambda k: size[k])
    limit = math.log10(look_alike) if look_alike > 1 else 0.0
    out: set[tuple[object, object]] = set()
    position = {k: i for i, k in enumerate(ordered)}
    for i, a in enumerate(ordered):
        for taken, b in enumerate(ordered[i + 1 :]):
            if size[b] - size[a] > limit or taken >= neighbours:
                break
            out.add((a, b))
    if close_years is not None:
        by_year: dict[int, list[object]] = defaultdict(list)
        for k in keys:
            span = years(groups[k][0].claim.period)
            if span is not None:
                for y in range(span[0], span[1] + 1):
                    by_year[y].append(k)
        for k in keys:
            span = years(groups[k][0].claim.period)
            if span is None:
                continue
            for y in range(span[0] - close_years, span[1] + close_years + 1):
                for other in by_year.get(y, ()):
                    if other != k:
                        out.add((k, other) if position[k] < position[other] else (other, k))
    return out


def _base_entity(name: str, vocab: subjects.Vocabulary) -> str | None:
    """The vocabulary entity a subject is, or narrows ("SOEs excluding the financial sector")."""
    related = set(vocab.within) | set(vocab.within.values())
    if name in related:
        return name
    head = next(
        (e for e in sorted(related, key=len, reverse=True) if name.startswith(e + " ")), None
    )
    return head


def _scope_links(
    keyed: list[tuple[Fact, str, str, tuple[str | None, str | None]]],
    vocab: subjects.Vocabulary,
    reach: Reach,
) -> Iterator[ClaimLink]:
    blocks: dict[tuple[str, str | None, str], dict[object, list[Fact]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for f, metric, _subject, period in keyed:
        name = f.claim.subject or ""
        base = _base_entity(name, vocab)
        if base is None:
            continue  # only scopes the vocabulary relates can be conflated
        root = subjects.family(base, vocab)[-1]
        blocks[(metric, f.measure, root)][(name, period)].append(f)
    for groups in blocks.values():
        pairs = _pairs(groups, reach.scope_look_alike, reach.neighbours, reach.close_years)
        for a, b in sorted(pairs, key=str):
            if a[0] == b[0]:  # type: ignore[index]
                continue
            ga, gb = groups[a], groups[b]
            if _across_documents(ga, gb):
                yield ClaimLink("scope", tuple(ga + gb), (tuple(ga), tuple(gb)))


def _period_links(
    keyed: list[tuple[Fact, str, str, tuple[str | None, str | None]]],
    reach: Reach,
) -> Iterator[ClaimLink]:
    blocks: dict[tuple[str, str | None, str], dict[object, list[Fact]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for f, metric, subject, period in keyed:
        blocks[(metric, f.measure, subject)][period].append(f)
    for groups in blocks.values():
        if len(groups) < 2:
            continue
        by_year: dict[int, list[object]] = defaultdict(list)
        spans: dict[object, tuple[int, int]] = {}
        for key, members in groups.items():
            span = years(members[0].claim.period)
            if span is not None:
                spans[key] = span
                by_year[span[0]].append(key)
        pairs: set[tuple[str, str]] = set()
        longest = max((last - first for first, last in spans.values()), default=0)
        for key, (first, last) in spans.items():
            for y in range(first - reach.period_years - longest, last + reach.period_years + 1):
                for other in by_year.get(y, ()):
                    if other != key and _years_gap(spans[key], spans[other]) <= reach.period_years:
                        pairs.add(tuple(sorted((str(key), str(other)))))  # type: ignore[arg-type]
        named = {str(k): k for k in groups}
        for a, b in sorted(pairs):
            ga, gb = groups[named[a]], groups[named[b]]
            if _across_documents(ga, gb) and look_alike(
                tuple(ga), tuple(gb), reach.period_look_alike
            ):
                yield ClaimLink("period", tuple(ga + gb), (tuple(ga), tuple(gb)))


def _years_gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _across_documents(a: list[Fact], b: list[Fact]) -> bool:
    """A pair of groups is for the editor only if it spans two articles."""
    return len({f.doc.path for f in a} | {f.doc.path for f in b}) > 1


def _by_id(facts: list[Fact]) -> dict[tuple[str, str], Fact]:
    return {(f.doc.path, f.claim.id): f for f in facts}


def _conversion_links(
    facts: list[Fact],
    same: dict[tuple[str, str | None, str, tuple[str | None, str | None]], list[Fact]],
) -> Iterator[ClaimLink]:
    by_id = _by_id(facts)
    twin: dict[int, Fact] = {}
    for f in facts:
        for link in f.claim.links:
            if link.kind == "conversion":
                original = by_id.get((f.doc.path, link.target))
                if original is not None:
                    twin[original.index] = f
                    yield ClaimLink("conversion", (original, f))
    # The same amount converted by two sources: do the conversions agree?
    for group in same.values():
        converted = [(f, twin[f.index]) for f in group if f.index in twin]
        for i, (a, ta) in enumerate(converted):
            for b, tb in converted[i + 1 :]:
                if a.doc.path == b.doc.path or ta.unit != tb.unit or not overlap(a, b):
                    continue
                if not overlap(ta, tb):
                    yield ClaimLink("double-conversion", (a, ta, b, tb))


def _change_links(
    facts: list[Fact],
    same: dict[tuple[str, str | None, str, tuple[str | None, str | None]], list[Fact]],
    metric_names: _Names,
    subject_names: _Names,
) -> Iterator[ClaimLink]:
    by_id = _by_id(facts)
    for rate in facts:
        for link in rate.claim.links:
            if link.kind != "rate-of":
                continue
            result = by_id.get((rate.doc.path, link.target))
            if result is None:
                continue
            starts = [
                by_id[(result.doc.path, other.target)]
                for other in result.claim.links
                if other.kind == "change-from" and (result.doc.path, other.target) in by_id
            ]
            if not starts:
                starts = _year_before(result, same, metric_names, subject_names)
            for start in starts:
                yield ClaimLink("change", (start, result, rate))


def _year_before(
    result: Fact,
    same: dict[tuple[str, str | None, str, tuple[str | None, str | None]], list[Fact]],
    metric_names: _Names,
    subject_names: _Names,
) -> list[Fact]:
    """Figures for the same subject and measure a year earlier, in any article."""
    c = result.claim
    if c.metric is None or c.subject is None or c.period is None or c.period.start is None:
        return []
    shift = [_shift_year(p) for p in (c.period.start, c.period.end)]
    key = (
        metric_names.key(c.metric),
        result.measure,
        subject_names.key(c.subject),
        (shift[0], shift[1]),
    )
    return list(same.get(key, []))


def _shift_year(value: str | None) -> str | None:
    if value is None:
        return None
    return f"{int(value[:4]) - 1}{value[4:]}"
