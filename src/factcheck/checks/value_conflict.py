"""Flag figures for the same fact that cannot both be true.

## What it flags
Two claims about the same subject, measure and period whose values cannot
overlap once each figure's stated precision and wording are allowed for
("71.4" is 71.35-71.45; "about" widens by the tolerance in
rules/tolerances.toml; "under 70" is at most 70). Also within one article.
Amounts in different currencies are compared through the reference exchange
rates of rules/fx.toml for the years between the figure's period and the
article's date, widened by `fx_band`: they conflict only when no plausible
rate reconciles them.

## Why it matters
One of the two figures is wrong, or the two sources measure different things
under one name; either way a reader cannot trust both.

## Example
"China's SOEs earned total profits of 4.5 trillion yuan in 2023" in one article
and "SOE profits reached 4.63 trillion yuan in 2023" in another.

## Not flagged
"¥22 trillion" and "exceeding ¥22 trillion" (a rounded figure and a bound at
the same number agree); figures for different years or scopes (see
period-mismatch and scope-mismatch).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from pydantic import BaseModel, Field

from .. import fx
from ..context.periods import Reference
from ..engine import Rule, Verdict
from ..facts import Fact, amount, period_text, years
from ..match import ClaimLink
from ..packs import Packs


class Options(BaseModel, extra="forbid", frozen=True):
    within_article: bool = True  # also flag two figures of one article
    fx_band: float = Field(default=0.06, gt=0, lt=1)  # slack on reference rates across currencies


def check(link: ClaimLink, packs: Packs, options: Options) -> Iterator[Verdict]:
    if link.kind == "other-currency":
        yield from _across_currencies(link, packs, options)
        return
    parts = link.parts
    for low, high in itertools.pairwise(parts):
        if not options.within_article and {f.doc.path for f in low} == {f.doc.path for f in high}:
            continue
        a, b = _closest(low, high)
        c = a.claim
        yield Verdict(
            message=(
                f"{c.subject} {c.metric} for {period_text(c.period)}: "
                f'"{a.claim.text}" ({a.where()}) and "{b.claim.text}" ({b.where()}) cannot both be true; '
                f"{amount(a.value, a.unit)} against {amount(b.value, b.unit)}, rounding and wording allowed for."
            ),
            facts=tuple(low) + tuple(high),
            advice="Check each source's figure and correct the one that is wrong, or say why they differ.",
        )


def _across_currencies(link: ClaimLink, packs: Packs, options: Options) -> Iterator[Verdict]:
    """Amounts of one fact in two currencies that no reference rate of their time reconciles."""
    for i, group in enumerate(link.parts):
        for other in link.parts[i + 1 :]:
            for a in group:
                for b in other:
                    if _twins(a, b) or (not options.within_article and a.doc.path == b.doc.path):
                        continue
                    band = _rate_band(a, b, packs, options.fx_band)
                    if band is None:
                        continue
                    low, high = band  # units of a's currency per unit of b's
                    if a.high < b.low * low or a.low > b.high * high:
                        yield Verdict(
                            message=(
                                f"{a.claim.subject} {a.claim.metric} for {period_text(a.claim.period)}: "
                                f'"{a.claim.text}" ({a.where()}) and "{b.claim.text}" ({b.where()}) '
                                f"cannot both be true at any rate near {low / (1 - options.fx_band):,.4g}-"
                                f"{high / (1 + options.fx_band):,.4g} {a.unit} per {b.unit} "
                                f"({amount(b.value * low, a.unit)} to {amount(b.value * high, a.unit)})."
                            ),
                            facts=(a, b),
                            advice="Check both figures and the exchange rate behind them.",
                        )


def _twins(a: Fact, b: Fact) -> bool:
    """An amount and its stated conversion: the conversion rule judges those."""
    if a.doc.path != b.doc.path:
        return False
    ids = {a.claim.id, b.claim.id}
    return any(
        link.kind == "conversion" and link.target in ids for f in (a, b) for link in f.claim.links
    )


def _rate_band(a: Fact, b: Fact, packs: Packs, band: float) -> tuple[float, float] | None:
    span = years(a.claim.period)
    ref = Reference.parse(a.doc.reference) or Reference.parse(b.doc.reference)
    if span is None or a.unit is None or b.unit is None:
        return None
    judged = fx.years_to_judge(packs.fx, span, ref.year if ref else None)
    rates = [r.value for r in fx.rates(packs.fx, b.unit, a.unit, judged)]
    if not rates:
        return None
    return min(rates) * (1 - band), max(rates) * (1 + band)


def _closest(low: tuple[Fact, ...], high: tuple[Fact, ...]) -> tuple[Fact, Fact]:
    """The two figures nearest each other across the gap: the pair an editor compares."""
    return max(low, key=lambda f: f.high), min(high, key=lambda f: f.low)


RULE = Rule(
    name="value-conflict",
    default_severity="error",
    options=Options,
    reads=("same-fact", "other-currency"),
    check=check,
    doc=__doc__ or "",
)
