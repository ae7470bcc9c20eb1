"""Claims made comparable: each one an interval of values, in its document, with its years.

A figure is an interval before it is compared (statcheck's rule): its stated
precision ("71.4" is 71.35-71.45), widened for rounding, then bounded by its
wording ("under 70" is at most 70, "nearly 50%" at most 50 and not far below).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from dataclasses import dataclass

from .models import Claim, Document, FindingClaim, Period
from .packs import Tolerances


@dataclass(frozen=True, slots=True)
class Fact:
    """A claim with where it stands and the values it allows."""

    index: int
    doc: Document
    claim: Claim
    low: float
    high: float
    magnitude: float  # log10 of the size of the figure, for "looks alike" comparisons

    @property
    def unit(self) -> str | None:
        return self.claim.quantity.unit

    @property
    def measure(self) -> str | None:
        """What the figure is counted in: its unit, or for a count the thing counted."""
        q = self.claim.quantity
        if q.kind != "count":
            return q.unit
        words = self.claim.text.lower().split()
        head = words[-1] if words else ""
        return head[:-1] if head.endswith("s") and len(head) > 3 else head

    @property
    def value(self) -> float:
        return self.claim.quantity.value

    def quote(self) -> FindingClaim:
        c = self.claim
        # Built from validated claims: constructing without validation again is safe and fast.
        return FindingClaim.model_construct(
            path=self.doc.path,
            line=c.line,
            column=c.column,
            text=c.text,
            value=c.quantity.value,
            unit=c.quantity.unit,
            subject=c.subject,
            metric=c.metric,
            period=c.period,
            id=c.id,
            sentence=c.sentence,
            published=self.doc.published,
            end_line=c.end_line,
            end_column=c.end_column,
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
            size = abs(claim.quantity.value)
            out.append(Fact(len(out), doc, claim, lo, hi, math.log10(size) if size else -300.0))
    return out


def years(period: Period | None) -> tuple[int, int] | None:
    if period is None or period.start is None:
        return None
    start = int(period.start[:4])
    end = int((period.end or period.start)[:4])
    return start, end


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


def cross_pairs(a: tuple[Fact, ...], b: tuple[Fact, ...]) -> list[tuple[Fact, Fact]]:
    """Each figure of one group with its nearest look-alike of the other, across articles.

    A finding names two claims, so an editor (and a CI annotation) gets one
    finding per place to fix, without one for every pair of restatements.
    """
    pairs: list[tuple[Fact, Fact]] = []

    def nearest(f: Fact, others: tuple[Fact, ...]) -> Fact | None:
        candidates = [o for o in others if o.doc.path != f.doc.path]
        if not candidates:
            return None
        return min(
            candidates,
            key=lambda o: abs(math.log(abs(o.value) or 1e-300) - math.log(abs(f.value) or 1e-300)),
        )

    for f in a:
        other = nearest(f, b)
        if other is not None and (f, other) not in pairs:
            pairs.append((f, other))
    for f in b:
        other = nearest(f, a)
        if other is not None and (other, f) not in pairs:
            pairs.append((other, f))
    return pairs


def possessive(name: str | None) -> str:
    """ "SOEs'", "China's": a name that owns a measure."""
    if not name:
        return "the subject's"
    return f"{name}'" if name.endswith("s") else f"{name}'s"
