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

Each finding names the two claims that cannot both be true; "35%" and "36%"
stated to the same digit are two figures, not roundings of one. A change
worded "fell 4.6%" is -4.6%.

## Not flagged
"¥22 trillion" and "exceeding ¥22 trillion" (a rounded figure and a bound at
the same number agree); "fell 4.6%" and "-4.6%"; two figures of one sentence;
a forecast, estimate, target or guidance against a result; two consensus
figures (see scope-mismatch); two conversions of amounts into one currency; figures for
different years or scopes (see period-mismatch and scope-mismatch).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from pydantic import BaseModel, Field

from .. import names
from ..currency import rate_band, reconciled, twins
from ..engine import Rule, Verdict
from ..facts import Fact, agree, amount, period_text
from ..match import ClaimLink
from ..packs import Packs


class Options(BaseModel, extra="forbid", frozen=True):
    within_article: bool = True  # also flag two figures of one article
    fx_band: float = Field(default=0.06, gt=0, lt=1)  # slack on reference rates across currencies


def check(link: ClaimLink, packs: Packs, options: Options) -> Iterator[Verdict]:
    if link.kind == "other-currency":
        yield from _across_currencies(link, packs, options)
        return
    words = names.words(packs.names)
    if link.facts and names.is_panel(link.facts[0].claim.metric or "", words):
        return  # two panels' consensus figures differ by design: scope-mismatch reports them
    if len(link.parts) == 1:
        return  # the matcher found every figure to agree with every other: none conflict
    for a, b in conflicting(link.facts, options.within_article):
        c = a.claim
        yield Verdict(
            message=(
                f"{c.subject} {c.metric} for {period_text(c.period)}: "
                f'"{a.claim.text}" ({a.where()}) and "{b.claim.text}" ({b.where()}) cannot both be true; '
                f"{amount(a.value, a.unit)} against {amount(b.value, b.unit)}, rounding and wording allowed for."
            ),
            facts=(a, b),
            advice="Check each source's figure and correct the one that is wrong, or say why they differ.",
        )


def conflicting(
    facts: tuple[Fact, ...], within_article: bool = True
) -> Iterator[tuple[Fact, Fact]]:
    """Every pair of claims of one fact that cannot both be true, lower figure first.

    Two figures of one sentence are never a conflict: a sentence that states
    two values of one fact compares them ("from 17.1 to 18.1").
    """
    ordered = sorted(facts, key=lambda f: (f.value, f.doc.path, f.claim.line, f.claim.column))
    # Only pairs that can conflict are visited: across articles, and within one only figures
    # whose context is stated beside them. A document of thousands of alike figures is then
    # no square of its figures.
    at: dict[str, list[int]] = defaultdict(list)
    stated_at: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(ordered):
        at[f.doc.path].append(i)
        if _stated(f, f):
            stated_at[f.doc.path].append(i)
    for i, a in enumerate(ordered):
        later = [j for path, js in at.items() if path != a.doc.path for j in js if j > i]
        if within_article and _stated(a, a):
            later += [j for j in stated_at[a.doc.path] if j > i]
        for j in sorted(later):
            b = ordered[j]
            if a.sentence_key == b.sentence_key:
                continue
            if _converted(a) and _converted(b):
                continue  # two conversions at two rates: conversion-mismatch judges them
            if not agree(a, b):
                yield a, b


def _stated(a: Fact, b: Fact) -> bool:
    """Both figures' owner, measure and period are named in or beside their own sentences."""
    return all(
        f.claim.origin is None
        or all(
            getattr(f.claim.origin, part) in ("sentence", "nearby")
            for part in ("subject", "metric", "period")
        )
        for f in (a, b)
    )


def _converted(f: Fact) -> bool:
    """A figure stated as the conversion of another amount ("(about $18.77 trillion)")."""
    return any(link.kind == "conversion" for link in f.claim.links)


def _across_currencies(link: ClaimLink, packs: Packs, options: Options) -> Iterator[Verdict]:
    """Amounts of one fact in two currencies that no reference rate of their time reconciles."""
    for i, group in enumerate(link.parts):
        for other in link.parts[i + 1 :]:
            for a in group:
                for b in other:
                    if twins(a, b) or (not options.within_article and a.doc.path == b.doc.path):
                        continue
                    band = rate_band(a, b, packs, options.fx_band)
                    if band is None or reconciled(a, b, band):
                        continue
                    low, high = band  # units of a's currency per unit of b's
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


RULE = Rule(
    name="value-conflict",
    default_severity="error",
    options=Options,
    reads=("same-fact", "other-currency"),
    check=check,
    doc=__doc__ or "",
    alarm=True,
)
