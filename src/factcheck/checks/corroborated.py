"""Report a fact that two or more sources state consistently.

## What it flags
Claims about the same subject, measure and period, from at least
`min_sources` articles, whose values all fit together once precision and
wording are allowed for.

## Why it matters
An editor sees which figures are backed by more than one source, and which
rest on one alone.

## Example
"over ¥90 trillion" in one article and "more than ¥90 trillion" in another,
both for central SOEs' total assets in 2025.

An amount in one currency corroborates the same amount in another when a
reference rate of its time (rules/fx.toml, widened by `fx_band`) joins them.
A claim that states no period corroborates a dated claim of the same subject
and measure that it agrees with.

## Not flagged
A forecast, estimate, target or guidance and the result it looks ahead to;
restatements within one article; look-alike figures for another scope or
year (2 trillion yuan for all SOEs in 2012 does not back ¥1.9 trillion for
central SOEs in 2020).
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, Field

from ..currency import rate_band, reconciled, same_digits, twins
from ..engine import Rule, Verdict
from ..facts import Fact, agree, period_text
from ..match import ClaimLink
from ..packs import Packs


class Options(BaseModel, extra="forbid", frozen=True):
    min_sources: int = Field(default=2, ge=2)  # articles that must state the fact
    # Slack on reference rates across currencies: tighter than value-conflict's, since
    # agreement must be shown, not merely left possible.
    fx_band: float = Field(default=0.02, gt=0, lt=1)


def check(link: ClaimLink, packs: Packs, options: Options) -> Iterator[Verdict]:
    if link.kind == "other-currency":
        yield from _across_currencies(link, packs, options)
        return
    if link.kind == "undated":
        yield from _undated(link)
        return
    for part in link.parts:
        sources = sorted({f.doc.path for f in part})
        if len(sources) < options.min_sources:
            continue
        c = part[0].claim
        quoted = "; ".join(f'"{f.claim.text}" ({f.where()})' for f in part)
        yield Verdict(
            message=(
                f"{c.subject} {c.metric} for {period_text(c.period)} is stated consistently "
                f"by {len(sources)} sources: {quoted}."
            ),
            facts=tuple(part),
        )


def _undated(link: ClaimLink) -> Iterator[Verdict]:
    """A claim with no period that agrees with another article's claim of the fact: one pair each.

    Pairs, not groups: two dated claims of different periods may each agree
    with the undated one without being one fact themselves.
    """
    # Visited by article, so that an article's own figures are never a square of its size.
    by_doc: dict[str, list[Fact]] = {}
    for f in link.facts:
        by_doc.setdefault(f.doc.path, []).append(f)
    for u in link.facts:
        if _dated(u):
            continue
        for o in (o for path, group in by_doc.items() if path != u.doc.path for o in group):
            if not _dated(o) and o.index < u.index:
                continue
            if agree(u, o):
                yield Verdict(
                    message=(
                        f'{u.claim.subject} {u.claim.metric}: "{u.claim.text}" ({u.where()}), '
                        f"which states no period, agrees with "
                        f'"{o.claim.text}" ({o.where()}) for {period_text(o.claim.period)}.'
                    ),
                    facts=(u, o),
                )


def _dated(f: Fact) -> bool:
    return f.claim.period is not None and f.claim.period.start is not None


def _across_currencies(link: ClaimLink, packs: Packs, options: Options) -> Iterator[Verdict]:
    """One amount stated in two currencies by two articles, at a rate of its time."""
    for i, group in enumerate(link.parts):
        for other in link.parts[i + 1 :]:
            for a, b in ((x, y) for x in group for y in other):
                if twins(a, b) or a.doc.path == b.doc.path or same_digits(a, b, packs):
                    continue
                band = rate_band(a, b, packs, options.fx_band)
                if band is None or not reconciled(a, b, band):
                    continue
                yield Verdict(
                    message=(
                        f"{a.claim.subject} {a.claim.metric} for {period_text(a.claim.period)} is "
                        f'stated consistently in two currencies: "{a.claim.text}" ({a.where()}) and '
                        f'"{b.claim.text}" ({b.where()}), at a rate of their time.'
                    ),
                    facts=(a, b),
                )


RULE = Rule(
    name="corroborated",
    default_severity="info",
    options=Options,
    reads=("same-fact", "undated", "other-currency"),
    check=check,
    doc=__doc__ or "",
)
