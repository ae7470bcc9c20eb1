"""Claims made comparable: each one an interval of values, in its document, with its years.

A figure is an interval before it is compared (statcheck's rule): its stated
precision ("71.4" is 71.35-71.45), widened for rounding, then bounded by its
wording ("under 70" is at most 70, "nearly 50%" at most 50 and not far below).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass, field

from .models import Claim, Document, FindingClaim, Period
from .packs import Tolerances


# Not frozen, though nothing changes a fact once built: a frozen dataclass sets each field
# through object.__setattr__, which doubles the cost of building one (10^6 in a large check).
@dataclass(slots=True)
class Fact:
    """A claim with where it stands and the values it allows."""

    index: int
    doc: Document
    claim: Claim
    low: float
    high: float
    magnitude: float  # log10 of the size of the figure, for "looks alike" comparisons
    sign: float = 1.0  # -1 for a change whose wording says it went down ("fell 4.6%")
    # Set once from the claim, not computed on each read: blocking, sorting and comparing
    # read them millions of times in a large check.
    measure: str | None = field(init=False)  # what it is counted in (facts.measure_of)
    value: float = field(init=False)  # with its direction: "fell 4.6%" is -4.6

    def __post_init__(self) -> None:
        self.measure = measure_of(self.claim)
        self.value = self.sign * self.claim.quantity.value

    @property
    def unit(self) -> str | None:
        return self.claim.quantity.unit

    @property
    def sentence_key(self) -> tuple[str, str]:
        return self.doc.path, self.claim.sentence

    def quote(self) -> FindingClaim:
        c = self.claim
        # Built from a claim that is already a model, not validated again: a check of 10^6
        # claims quotes a million of them.
        return FindingClaim.built(
            {
                "path": self.doc.path,
                "line": c.line,
                "column": c.column,
                "text": c.text,
                "value": c.quantity.value,
                "unit": c.quantity.unit,
                "subject": c.subject,
                "metric": c.metric,
                "period": c.period,
                "id": c.id,
                "sentence": c.sentence,
                "published": self.doc.published,
                "end_line": c.end_line,
                "end_column": c.end_column,
            }
        )

    def where(self) -> str:
        return f"{self.doc.path}:{self.claim.line}"


def interval(claim: Claim, tol: Tolerances) -> tuple[float, float]:
    """The values a claim allows, its precision and wording allowed for."""
    q = claim.quantity
    half = q.resolution / 2
    slack = abs(q.value) * tol.rounding
    lo, hi = q.value - half - slack, q.value + half + slack
    if q.qualifier == "about":
        spread = abs(q.value) * tol.about
        lo, hi = lo - spread, hi + spread
    elif q.qualifier == "under":
        lo = -math.inf
    elif q.qualifier == "over":
        hi = math.inf
    elif q.qualifier == "nearly":
        lo = q.value - abs(q.value) * tol.nearly - half
    elif q.qualifier == "range" and q.low is not None and q.high is not None:
        lo, hi = q.low - half - slack, q.high + half + slack
    return lo, hi


def build(docs: list[Document], tol: Tolerances) -> list[Fact]:
    """Every non-boilerplate claim of every document, as a fact."""
    out: list[Fact] = []
    for doc in docs:
        for claim in doc.claims:
            if claim.boilerplate:
                continue
            lo, hi = interval(claim, tol)
            sign = direction_sign(claim)
            if sign < 0:
                lo, hi = -hi, -lo
            size = abs(claim.quantity.value)
            magnitude = math.log10(size) if size else -300.0
            out.append(Fact(len(out), doc, claim, lo, hi, magnitude, sign))
    return out


def measure_of(claim: Claim) -> str | None:
    """What a figure is counted in: its unit, or for a count the thing counted ("flights")."""
    q = claim.quantity
    if q.kind != "count":
        return q.unit
    words = claim.text.lower().split()
    head = words[-1] if words else ""
    return head[:-1] if head.endswith("s") and len(head) > 3 else head


def direction_sign(claim: Claim) -> float:
    """-1 when the wording gives a positive figure a downward direction; a signed figure says it itself."""
    return -1.0 if claim.direction == "down" and claim.quantity.value > 0 else 1.0


def agree(a: Fact, b: Fact) -> bool:
    """Whether two claims can both be true of one fact.

    Their intervals must overlap; and two plain figures stated to the same
    digit ("35%" and "36%", "$1.46" and "$1.47") agree only when they are the
    same figure: had they been roundings of one value, they would read alike.
    """
    if not overlap(a, b):
        return False
    qa, qb = a.claim.quantity, b.claim.quantity
    same_digit = qa.resolution > 0 and math.isclose(qa.resolution, qb.resolution, rel_tol=1e-6)
    if qa.qualifier == qb.qualifier == "exact" and same_digit:
        return abs(a.value - b.value) < qa.resolution / 2
    return True


def years(period: Period | None) -> tuple[int, int] | None:
    if period is None or period.start is None:
        return None
    start = int(period.start[:4])
    end = int((period.end or period.start)[:4])
    return start, end


def quotes(side: tuple[Fact, ...], most: int = 5) -> str:
    """The figures of one side of a finding as a message quotes them, the first `most` in full."""
    said = ", ".join(f'"{f.claim.text}" ({f.where()})' for f in side[:most])
    return said if len(side) <= most else f"{said} and {len(side) - most} more"


def period_text(period: Period | None) -> str:
    if period is None or period.start is None:
        return "an unstated period"
    if period.end in (None, period.start):
        return period.start
    return f"{period.start} to {period.end}"


def overlap(a: Fact, b: Fact) -> bool:
    return a.low <= b.high and b.low <= a.high


def amount(value: float, unit: str | None) -> str:
    """A figure as an editor reads it: "¥71.4 trillion", "12.5%"."""
    if unit == "percent":
        return f"{value:g}%"
    if unit == "pp":
        return f"{value:g} percentage points"
    scaled, word = value, ""
    for factor, name in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")):
        if abs(value) >= factor:
            scaled, word = value / factor, name
            break
    number = f"{scaled:,.4g}" if word else f"{value:,.6g}"
    return f"{number}{word} {unit}" if unit else f"{number}{word}"


def years_apart(a: Fact, b: Fact) -> int | None:
    """Whole years between two figures' periods (0 when they overlap)."""
    ya, yb = years(a.claim.period), years(b.claim.period)
    if ya is None or yb is None:
        return None
    return max(0, max(ya[0], yb[0]) - min(ya[1], yb[1]))


def look_alike(a: tuple[Fact, ...], b: tuple[Fact, ...], ratio: float) -> bool:
    """Some pair of figures close enough in size that a reader may take one for the other."""
    limit = math.log10(ratio)
    sizes = sorted(f.magnitude for f in b)
    for fa in a:
        at = bisect_left(sizes, fa.magnitude)
        for k in (at - 1, at):
            if 0 <= k < len(sizes) and abs(sizes[k] - fa.magnitude) <= limit:
                return True
    return False


def document_pairs(a: tuple[Fact, ...], b: tuple[Fact, ...]) -> list[tuple[Fact, Fact]]:
    """For each pair of articles, each figure of one side with its nearest of the other.

    Every figure an editor compares gets named, without a finding for each
    pair of restatements, and restatements within one article are never
    linked to each other.
    """
    by_a: dict[str, list[Fact]] = {}
    by_b: dict[str, list[Fact]] = {}
    for f in a:
        by_a.setdefault(f.doc.path, []).append(f)
    for f in b:
        by_b.setdefault(f.doc.path, []).append(f)
    out: list[tuple[Fact, Fact]] = []
    seen: set[tuple[int, int]] = set()  # a set, not a scan of `out`: groups may be large
    for da in sorted(by_a):
        ga = tuple(by_a[da])
        for db in sorted(by_b):
            if db == da:
                continue
            gb = tuple(by_b[db])
            pairs = [(x, _closest(x, gb)) for x in ga] + [(_closest(y, ga), y) for y in gb]
            for pair in pairs:
                key = (id(pair[0]), id(pair[1]))
                if key not in seen:
                    seen.add(key)
                    out.append(pair)
    return out


def _closest(fact: Fact, group: tuple[Fact, ...]) -> Fact:
    """The figure of `group` closest in size to `fact` (the first of equals)."""
    if len(group) == 1:
        return group[0]  # an article states a figure once, mostly
    return min(group, key=lambda g: abs(g.magnitude - fact.magnitude))


def possessive(name: str | None) -> str:
    """ "SOEs'", "China's": a name that owns a measure."""
    if not name:
        return "the subject's"
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def resemble(a: tuple[Fact, ...], b: tuple[Fact, ...], ratio: float, points: float) -> bool:
    """Figures a reader may take for one: near in size, or rates a few points apart.

    Rates of a few percent are all "near in size" to a reader whatever their
    ratio (2% and 6% growth are compared), so percentages and points are
    judged by their difference.
    """
    if a and b and a[0].unit in ("percent", "pp") and b[0].unit == a[0].unit:
        return any(abs(x.value - y.value) <= points for x in a for y in b)
    return look_alike(a, b, ratio)


def nested(a: Period | None, b: Period | None) -> bool:
    """One period within the other (a quarter within its year), not the same one."""
    if a is None or b is None or a.start is None or b.start is None or a == b:
        return False
    sa, ea = a.start, a.end or a.start
    sb, eb = b.start, b.end or b.start
    return (sa <= sb and _end_key(eb) <= _end_key(ea)) or (
        sb <= sa and _end_key(ea) <= _end_key(eb)
    )


def _end_key(end: str) -> str:
    """An end compares after every date within it: "2024" ends after "2024-12-31"."""
    return end + "~"
