"""Flag currency conversions that the reference exchange rates do not bear out.

## What it flags
A stated conversion ("¥90 trillion ($12.5 trillion)") whose implied exchange
rate, allowing for the rounding of both figures, lies more than `fx_band` away
from every reference rate (yearly average or year-end, rules/fx.toml) between
the figure's period and the article's date; or the same amount converted by
two sources at rates more than `fx_band` apart, with the rate each implies.

## Why it matters
A wrong rate, a slipped digit or a misplaced magnitude ("billion" for
"trillion") in the converted figure misleads readers who think in the other
currency.

## Example
"¥2.5 trillion ($34 billion)": 73.5 yuan per dollar, ten times any rate of the
period.

## Not flagged
An old figure converted at the rate of the day the article was written
("71.4 trillion yuan ($9.78 trillion) in 2012", written in 2025); currencies
or years the rate table does not cover; one amount converted by two sources at
two rates of its time ("$18.4 trillion" at 7.33 yuan, "$18.77 trillion" at 7.19):
a yearly average and a day's rate may both be fair.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, Field

from .. import fx
from ..context.periods import Reference
from ..engine import Rule, Verdict
from ..facts import Fact, amount, years
from ..match import ClaimLink
from ..packs import Packs


class Options(BaseModel, extra="forbid", frozen=True):
    fx_band: float = Field(default=0.06, gt=0, lt=1)  # relative distance from a reference rate


def check(link: ClaimLink, packs: Packs, options: Options) -> Iterator[Verdict]:
    if link.kind == "double-conversion":
        yield from _double(link, options)
        return
    original, converted = link.facts
    if original.unit is None or converted.unit is None:
        return
    low, high = _implied(original, converted)
    if low is None or high is None:
        return
    refs = fx.rates(packs.fx, converted.unit, original.unit, _years(original, packs))
    if not refs:
        return
    band = options.fx_band
    if any(low <= r.value * (1 + band) and high >= r.value * (1 - band) for r in refs):
        return
    lo_ref, hi_ref = min(r.value for r in refs), max(r.value for r in refs)
    first, last = min(r.year for r in refs), max(r.year for r in refs)
    mid = original.value / converted.value
    yield Verdict(
        message=(
            f'"{original.claim.text}" converted as "{converted.claim.text}" ({original.where()}) implies '
            f"{mid:,.4g} {original.unit} per {converted.unit}; reference rates for {first}-{last} are "
            f"{lo_ref:,.4g}-{hi_ref:,.4g} ({fx.source(packs.fx, original.unit, converted.unit)})."
        ),
        facts=(original, converted),
        advice="Check the converted figure and the rate the source used.",
    )


def _precise(f: Fact) -> tuple[float, float]:
    """A figure's interval from its stated digits alone: a bound word does not move a conversion."""
    half = f.claim.quantity.resolution / 2
    return f.value - half, f.value + half


def _implied(original: Fact, converted: Fact) -> tuple[float | None, float | None]:
    o_lo, o_hi = _precise(original)
    c_lo, c_hi = _precise(converted)
    if c_lo <= 0 or o_lo <= 0:
        return None, None
    return o_lo / c_hi, o_hi / c_lo


def _years(original: Fact, packs: Packs) -> range:
    ref = Reference.parse(original.doc.reference)
    return fx.years_to_judge(packs.fx, years(original.claim.period), ref.year if ref else None)


def _double(link: ClaimLink, options: Options) -> Iterator[Verdict]:
    a, ta, b, tb = link.facts
    ra, rb = a.value / ta.value, b.value / tb.value
    if abs(ra - rb) <= options.fx_band * min(ra, rb):
        return  # two rates a period's rates can span: each conversion is fair
    yield Verdict(
        message=(
            f'The same amount is converted differently: "{a.claim.text}" as "{ta.claim.text}" '
            f'({a.where()}, {a.value / ta.value:,.4g} {a.unit} per {ta.unit}) and "{b.claim.text}" as '
            f'"{tb.claim.text}" ({b.where()}, {b.value / tb.value:,.4g} {b.unit} per {tb.unit}); '
            f"{amount(ta.value, ta.unit)} and {amount(tb.value, tb.unit)} cannot both be right."
        ),
        facts=link.facts,
        advice="Use one rate for the amount and say which.",
    )


RULE = Rule(
    name="conversion-mismatch",
    default_severity="warning",
    options=Options,
    reads=("conversion", "double-conversion"),
    check=check,
    doc=__doc__ or "",
)
