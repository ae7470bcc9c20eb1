"""Link claims that speak of the same fact, or of facts a reader may take for one.

Claims are blocked by metric and unit, then by subject and period, so the work
grows with the number of claims and the number of distinct (subject, period)
pairs per metric, never with the square of the claims. Metric and subject
names outside the vocabularies are merged when rapidfuzz finds them near-equal.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal, cast

from rapidfuzz import fuzz, process

from . import names
from .context import subjects
from .facts import Fact, nested, overlap, resemble, years
from .models import Period
from .packs import NameWords, Packs

LinkKind = Literal[
    "same-fact",
    "undated",
    "other-currency",
    "scope",
    "period",
    "conversion",
    "double-conversion",
    "change",
]


@dataclass(frozen=True)
class ClaimLink:
    """Claims the matcher put together, and why."""

    kind: LinkKind
    facts: tuple[Fact, ...]
    parts: tuple[tuple[Fact, ...], ...] = field(default=())


class _Names:
    """Canonical forms of free-text names: spellings of one name share one key.

    rapidfuzz proposes near-equal keys; `names.same` decides, so a name is
    never merged with its opposite or with another qualifier of one measure.
    """

    def __init__(self, words: names.Words) -> None:
        self.words = words
        # Keys by spelling block: a new name is compared with the keys it could be one with,
        # not with all of them, which across an archive's thousands of names is a square.
        self.keys: dict[tuple[int, tuple[str, ...]], list[str]] = defaultdict(list)
        self.cache: dict[str, str] = {}
        self.written: dict[str, str] = {}

    def key(self, name: str) -> str:
        written = self.written.get(name)  # most names recur: skip folding them again
        if written is None:
            written = self.written[name] = self._key(name)
        return written

    def _key(self, name: str) -> str:
        # "net income decline" and "net income growth" are one measure: a fall is a negative
        # change, and the figure carries the sign (facts.direction_sign).
        folded = names.as_growth(names.fold(name), self.words)
        hit = self.cache.get(folded)
        if hit is not None:
            return hit
        block = self.keys[names.spelling_block(folded, self.words)]
        found = process.extract(
            folded, block, scorer=fuzz.token_sort_ratio, score_cutoff=92, limit=5
        )
        key = next((k for k, _, _ in found if names.same(folded, k, self.words)), None)
        if key is None:
            key = folded
            block.append(folded)
        self.cache[folded] = key
        return key


_OUTLOOK = " [outlook]"  # marks the metric key of a forecast, estimate, target or guidance
Keyed = tuple[Fact, str, str, tuple[str | None, str | None]]
SameKey = tuple[str, str | None, str, tuple[str | None, str | None]]
ScopeKey = tuple[str, str, tuple[str | None, str | None]]  # a subject's measure in a period


def links(facts: list[Fact], packs: Packs, reach: Reach | None = None) -> Iterator[ClaimLink]:
    """Every link the rules look at, each kind from its own blocking."""
    reach = reach or Reach()
    vocab = subjects.vocabulary(packs.subjects)
    words = names.words(packs.names)
    metric_names, subject_names = _Names(words), _Names(words)
    keyed: list[Keyed] = []
    for f in facts:
        c = f.claim
        if c.metric is None or c.subject is None:
            continue
        period: tuple[str | None, str | None] = (
            (c.period.start, c.period.end) if c.period and c.period.start else (None, None)
        )
        metric = metric_names.key(c.metric)
        if c.outlook is not None or names.is_outlook(c.metric, words):
            # An outlook is never the result it looks ahead to: a block of its own.
            metric = f"{metric}{_OUTLOOK}"
        keyed.append((f, metric, subject_names.key(c.subject), period))

    same: dict[SameKey, list[Fact]] = defaultdict(list)
    for f, metric, subject, when in keyed:
        same[(metric, f.measure, subject, when)].append(f)
    for (_m, _u, _s, when), group in same.items():
        if when != (None, None) and len(group) > 1:  # a fact stated once has nothing to agree with
            yield ClaimLink("same-fact", tuple(group), clusters(group))
    yield from _undated_links(same)
    yield from _currency_links(same)

    dated = [k for k in keyed if k[3] != (None, None)]
    # A look-alike across scopes is worth a reader's attention only for figures whose measure
    # their own text names; a measure carried from the article is a guess. Across periods one
    # figure naming it is enough: the other is the article's measure ("Poland: 4.9%" under an
    # inflation headline), and the finding only informs.
    measured = [k for k in dated if _measured(k[0])]
    if reach.scope:
        yield from _scope_links(measured, vocab, words, packs.names, reach)
    if reach.period:
        yield from _period_links(dated, reach)
    by_id = {(f.doc.path, f.claim.id): f for f in facts}  # the targets of in-article links
    yield from _conversion_links(facts, same, by_id)
    yield from _change_links(facts, same, by_id, metric_names, subject_names)
    yield from _growth_links(dated, same, metric_names, words)


def _measured(f: Fact) -> bool:
    origin = f.claim.origin
    return origin is None or origin.metric in ("sentence", "nearby", "given")


def clusters(group: list[Fact] | tuple[Fact, ...]) -> tuple[tuple[Fact, ...], ...]:
    """Claims that all agree with one another: each cluster can be one true fact.

    Intervals that merely chain (1.8 agrees with 1.9, 1.9 with 2.0, 2.0 with
    2.08) do not make one fact; every member must agree with every other.
    """
    if len(group) == 1:
        return (tuple(group),)  # most facts are stated once
    out: list[_Run] = []
    for f in sorted(group, key=lambda f: (f.value, f.low, f.doc.path, f.claim.line)):
        home = next((c for c in out if c.fits(f)), None)
        if home is None:
            out.append(_Run([f]))
        else:
            home.add(f)
    # A figure may fit more than one run: "up to 2.3%" fits 2.2 and 2.3, and "$94.93 billion"
    # fits both "$94.9 billion" and "$94.5 billion", which do not fit each other.
    for f in group:
        for c in out:
            if id(f) not in c.ids and c.fits(f):
                c.add(f)
    return tuple(tuple(c.members) for c in out)


class _Run:
    """A cluster with what it takes to agree with all its members, kept as it grows.

    `agree` with every member is, for intervals, lying within the tightest bounds of all,
    and for a figure stated to the same digit as some exact members, lying within half a
    digit of the lowest and the highest of them: so each test is one comparison, not one
    per member (a document of thousands of alike figures stays linear).
    """

    def __init__(self, members: list[Fact]) -> None:
        self.members: list[Fact] = []
        self.ids: set[int] = set()
        self.max_low = -math.inf
        self.min_high = math.inf
        self.exact: dict[float, tuple[float, float]] = {}  # resolution -> lowest, highest value
        for f in members:
            self.add(f)

    def fits(self, f: Fact) -> bool:
        if f.low > self.min_high or f.high < self.max_low:
            return False
        q = f.claim.quantity
        if q.qualifier != "exact" or q.resolution <= 0:
            return True
        for resolution, (lowest, highest) in self.exact.items():
            if math.isclose(q.resolution, resolution, rel_tol=1e-6) and (
                abs(f.value - lowest) >= q.resolution / 2
                or abs(f.value - highest) >= q.resolution / 2
            ):
                return False
        return True

    def add(self, f: Fact) -> None:
        self.members.append(f)
        self.ids.add(id(f))
        self.max_low = max(self.max_low, f.low)
        self.min_high = min(self.min_high, f.high)
        q = f.claim.quantity
        if q.qualifier == "exact" and q.resolution > 0:
            lowest, highest = self.exact.get(q.resolution, (f.value, f.value))
            self.exact[q.resolution] = (min(lowest, f.value), max(highest, f.value))


def _undated_links(same: dict[SameKey, list[Fact]]) -> Iterator[ClaimLink]:
    """Claims that state no period, beside the dated claims of the same subject and measure.

    Agreement between them is worth reporting; a difference is not a conflict,
    since the undated figure may be for another period.
    """
    by_fact: dict[tuple[str, str | None, str], list[Fact]] = defaultdict(list)
    undated: set[tuple[str, str | None, str]] = set()
    for (metric, measure, subject, period), group in same.items():
        by_fact[(metric, measure, subject)].extend(group)
        if period == (None, None):
            undated.add((metric, measure, subject))
    for key in sorted(undated, key=str):
        group = by_fact[key]
        yield ClaimLink("undated", tuple(group), clusters(group))


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
    period_points: float = 10.0
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
    if name in vocab.nested:
        return name
    return next((e for e in vocab.nested if name.startswith(e + " ")), None)


_NARROWED = re.compile(r"^(?P<whole>.+?)\s*\((?P<scope>[^()]+)\)$")


def _lineage(name: str, vocab: subjects.Vocabulary, members: dict[str, list[str]]) -> list[str]:
    """A subject and every whole it is part of, widest last.

    "Acme (Europe)" -> [Acme (Europe), Acme]; Germany -> [Germany,
    euro zone, European Union]. "Entity (scope)" narrows Entity; the vocabulary's
    `within` nests scopes of one family; rules/names.toml lists members of wholes.
    """
    m = _NARROWED.match(name)
    base = m.group("whole") if m else name
    entity = vocab.canonical.get(names.fold(base)) or _base_entity(base, vocab) or base
    chain = [names.fold(name)] if m or entity != base else []
    for step in subjects.family(entity, vocab):
        chain.append(names.fold(step))
    queue = [chain[-1]]
    while queue and len(chain) < 12:
        for whole in members.get(queue.pop(0), []):
            if whole not in chain:
                chain.append(whole)
                queue.append(whole)
    return chain


class Families:
    """The widest whole a subject belongs to ("germany" -> "european union"; "acme (europe)"
    -> "acme"): the scope links' blocking key. Subjects that may be linked share it."""

    def __init__(self, pack: NameWords, vocab: subjects.Vocabulary) -> None:
        self.vocab = vocab
        self.members = _memberships(pack, vocab)
        self.cache: dict[str, str] = {}

    def root(self, name: str) -> str:
        hit = self.cache.get(name)
        if hit is None:
            chain = _lineage(name, self.vocab, self.members)
            hit = self.cache[name] = chain[-1] if chain else names.fold(name)
        return hit


def _memberships(pack: NameWords, vocab: subjects.Vocabulary) -> dict[str, list[str]]:
    """Member -> the wholes it belongs to, narrowest first, in folded canonical names."""

    def canon(n: str) -> str:
        return names.fold(vocab.canonical.get(names.fold(n), n))

    out: dict[str, list[str]] = defaultdict(list)
    for w in pack.whole:
        for member in w.members:
            out[canon(member)].append(canon(w.name))
    sizes = {canon(w.name): len(w.members) for w in pack.whole}
    return {k: sorted(v, key=lambda w: sizes.get(w, 0)) for k, v in out.items()}


def _scope_links(
    keyed: list[Keyed],
    vocab: subjects.Vocabulary,
    words: names.Words,
    pack: NameWords,
    reach: Reach,
) -> Iterator[ClaimLink]:
    """Groups of one family of subjects and measures: a part beside its whole.

    Two parts of one whole are linked only where the vocabulary nests them
    (central and local SOEs); a part and its whole are linked for the same or
    an enclosing period, or, within the vocabulary's families, a close one.
    """
    members = _memberships(pack, vocab)
    blocks: dict[tuple[str, str | None, str], dict[object, list[Fact]]] = defaultdict(
        lambda: defaultdict(list)
    )
    lineage: dict[str, list[str]] = {}
    heads: dict[str, str] = {}  # a few hundred measures among 10^5 figures: each read once
    for f, metric, _subject, period in keyed:
        name = f.claim.subject or ""
        if name not in lineage:
            lineage[name] = _lineage(name, vocab, members)
        root = lineage[name][-1] if lineage[name] else names.fold(name)
        written = f.claim.metric or ""
        head = heads.get(written)
        if head is None:
            head = heads[written] = measure_key(written, words) or ""
        if metric.endswith(_OUTLOOK):
            head += _OUTLOOK
        # Groups are compared with the few nearest in size of their block: a block of one
        # measure's key, not of every growth rate, so that other measures' figures take no
        # place among them (and a claim store's bucket, which holds a key whole, holds the
        # block: an archive checked part by part links what it links checked whole).
        blocks[(head, f.measure, root)][(name, metric, period)].append(f)
    for groups in blocks.values():
        if len({cast(ScopeKey, k)[:2] for k in groups}) < 2:
            continue  # one name's one measure in several periods: no scope to tell apart
        pairs = _pairs(groups, reach.scope_look_alike, reach.neighbours, reach.close_years)
        # In the order of the pairs' text, each group's written once: the keys hold None.
        label = {k: str(k) for k in groups}
        for a, b in sorted(pairs, key=lambda pair: (label[pair[0]], label[pair[1]])):
            ga, gb = groups[a], groups[b]
            if _across_documents(ga, gb) and _scoped(a, b, lineage, vocab, words):
                yield ClaimLink("scope", tuple(ga + gb), (tuple(ga), tuple(gb)))


def _scoped(
    a: object,
    b: object,
    lineage: dict[str, list[str]],
    vocab: subjects.Vocabulary,
    words: names.Words,
) -> bool:
    sa, ma, pa = cast(ScopeKey, a)
    sb, mb, pb = cast(ScopeKey, b)
    if sa == sb and ma == mb:
        return False
    if ma == mb and _base_entity(sa, vocab) and _base_entity(sb, vocab):
        return True  # one family of the vocabulary: parts and wholes, periods close
    same_time = pa == pb or nested(Period(start=pa[0], end=pa[1]), Period(start=pb[0], end=pb[1]))
    if not same_time:
        return False
    fa, fb = names.fold(sa), names.fold(sb)
    part_of = fa == fb or fb in lineage[sa][1:] or fa in lineage[sb][1:]
    if not part_of:
        return False
    if ma == mb:
        return fa != fb
    return names.narrows(ma, mb, words) or names.narrows(mb, ma, words)


def measure_key(metric: str | None, words: names.Words) -> str | None:
    """The noun a measure is named after, its blocking key; None for a claim without one.

    The last word of its name once qualifiers, words of change and a plural are left out:
    "net profits growth y/y" and "net profit" are both "profit", "iPhone revenue" and
    "revenue" both "revenue", so a part and its whole, a level and its change, share it.
    """
    if not metric:
        return None
    kept = [
        t
        for t in names.tokens(names.fold(metric), words)
        if t not in words.qualifiers
        and t not in words.rate_up
        and t not in words.rate_down
        and t not in words.year_on_year
    ]
    return singular(kept[-1]) if kept else "growth"


def singular(token: str) -> str:
    """ "profits" -> "profit"; "loss", "gas" and short words as they are."""
    return (
        token[:-1] if len(token) > 3 and token.endswith("s") and not token.endswith("ss") else token
    )


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
        label = {k: str(k) for k in groups}
        for key, (first, last) in spans.items():
            for y in range(first - reach.period_years - longest, last + reach.period_years + 1):
                for other in by_year.get(y, ()):
                    if other != key and _years_gap(spans[key], spans[other]) <= reach.period_years:
                        a, b = label[key], label[other]
                        pairs.add((a, b) if a < b else (b, a))
        named = {label[k]: k for k in groups}
        for a, b in sorted(pairs):
            ga, gb = groups[named[a]], groups[named[b]]
            if (
                _across_documents(ga, gb)
                and any(_measured(f) for f in ga + gb)
                and (
                    resemble(tuple(ga), tuple(gb), reach.period_look_alike, reach.period_points)
                    or nested(ga[0].claim.period, gb[0].claim.period)
                )
            ):
                yield ClaimLink("period", tuple(ga + gb), (tuple(ga), tuple(gb)))


def _years_gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _across_documents(a: list[Fact], b: list[Fact]) -> bool:
    """A pair of groups is for the editor only if it spans two articles."""
    return len({f.doc.path for f in a} | {f.doc.path for f in b}) > 1


def _conversion_links(
    facts: list[Fact],
    same: dict[tuple[str, str | None, str, tuple[str | None, str | None]], list[Fact]],
    by_id: dict[tuple[str, str], Fact],
) -> Iterator[ClaimLink]:
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
    by_id: dict[tuple[str, str], Fact],
    metric_names: _Names,
    subject_names: _Names,
) -> Iterator[ClaimLink]:
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


def _growth_links(
    keyed: list[Keyed],
    same: dict[SameKey, list[Fact]],
    metric_names: _Names,
    words: names.Words,
) -> Iterator[ClaimLink]:
    """A yearly rate ("revenue growth y/y", period P) beside the levels it joins, in any article.

    The levels are those of the measure it is named after, for the same subject,
    in P and in P a year earlier; each agreeing run of levels is tried once.
    """
    levels: dict[tuple[str, str, tuple[str | None, str | None]], list[Fact]] = defaultdict(list)
    for (metric, measure, subject, period), group in same.items():
        if measure not in ("percent", "pp"):
            levels[(metric, subject, period)].extend(group)
    for rate, metric, subject, period in keyed:
        if rate.unit != "percent" or metric.endswith(_OUTLOOK) or rate.claim.metric is None:
            continue
        named = names.rate_of(rate.claim.metric, words)
        if named is None or not named[0]:
            continue
        base = metric_names.key(named[0])
        before = (_shift_year(period[0]), _shift_year(period[1]))
        now, then = levels.get((base, subject, period), []), levels.get((base, subject, before), [])
        for end in _representatives(now):
            for start in _representatives(then):
                if start.unit == end.unit:
                    yield ClaimLink("change", (start, end, rate))


def _representatives(group: list[Fact]) -> list[Fact]:
    """The most precise claim of each run of agreeing claims."""
    return [
        min(c, key=lambda f: (f.claim.quantity.resolution, f.doc.path, f.claim.line))
        for c in clusters(group)
    ]
