"""Flag figures that look comparable but cover different subjects.

## What it flags
Claims from different articles about the same measure, for subjects the
vocabulary relates (one within the other, such as central SOEs within all
SOEs, or two parts of one whole), in periods at most `close_years` apart or
with values within a factor of `look_alike` of each other. One finding for
each pair of scopes names every such figure of each, one per article.

## Why it matters
A reader puts such figures side by side and draws a trend or a conflict that
is not there: "71.4 trillion yuan" of assets for all SOEs in 2012 and "under
¥70 trillion" for central SOEs at the end of 2020 are not one series.

## Example
"total assets of China's SOEs grew from 71.4 trillion yuan in 2012" against
"central SOE assets grew from under ¥70 trillion".

Also consensus figures (an estimate, poll or survey of many forecasters)
for one fact that differ between sources: different panels.

## Not flagged
Unrelated subjects (China's GDP and Germany's); figures of one article.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, Field

from .. import confidence, names
from ..engine import Rule, Verdict
from ..facts import look_alike, period_text, possessive, quotes, years_apart
from ..match import ClaimLink
from ..packs import Packs
from .value_conflict import conflicting


class Options(BaseModel, extra="forbid", frozen=True):
    close_years: int = Field(default=3, ge=0)  # periods this close are "the same time"
    look_alike: float = Field(default=1.5, ge=1)  # values within this factor look alike


def check(link: ClaimLink, packs: Packs, options: Options) -> Iterator[Verdict]:
    if link.kind == "same-fact":
        yield from _panels(link, packs)
        return
    a_part, b_part = link.parts
    gap = years_apart(a_part[0], b_part[0])
    close = gap is not None and gap <= options.close_years
    if not close and not look_alike(a_part, b_part, options.look_alike):
        return
    # One finding per pair of scopes (and confidence), naming every figure of each side.
    for side_a, side_b in confidence.bundled_sides(a_part, b_part):
        ca, cb = side_a[0].claim, side_b[0].claim
        when = (
            f"Different scopes, same period ({period_text(ca.period)})"
            if ca.period == cb.period
            else f"Different scopes and periods ({period_text(ca.period)}; {period_text(cb.period)})"
        )
        yield Verdict(
            message=(
                f"{when}: {quotes(side_a)} is {possessive(ca.subject)} {ca.metric}, "
                f"{quotes(side_b)} is {possessive(cb.subject)} {cb.metric}; not the same fact."
            ),
            facts=side_a + side_b,
            advice=f"Name the scope ({ca.subject} or {cb.subject}) where the figures could be compared.",
        )


def _panels(link: ClaimLink, packs: Packs) -> Iterator[Verdict]:
    """Consensus figures for one fact that differ: two panels of forecasters, not one figure."""
    if not link.facts or not names.is_panel(
        link.facts[0].claim.metric or "", names.words(packs.names)
    ):
        return
    for a, b in conflicting(link.facts):
        if a.doc.path == b.doc.path:
            continue
        c = a.claim
        yield Verdict(
            message=(
                f"Different panels: {c.subject} {c.metric} for {period_text(c.period)} is "
                f'"{a.claim.text}" ({a.where()}) in one source and "{b.claim.text}" ({b.where()}) '
                "in another; a consensus depends on who was asked and when."
            ),
            facts=(a, b),
            advice="Name whose consensus each figure is (the data provider) and when it was taken.",
        )


RULE = Rule(
    name="scope-mismatch",
    default_severity="warning",
    options=Options,
    reads=("scope", "same-fact"),
    check=check,
    doc=__doc__ or "",
)
