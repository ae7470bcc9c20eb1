"""Flag look-alike figures for one subject and measure that belong to different periods.

## What it flags
Claims from different articles about the same subject and measure, for
different periods at most `max_years_apart` years apart (overlapping, nested
or neighbouring periods), whose values are within a factor of `look_alike` of
each other (for percentages and points, within `look_alike_points` points),
so a reader may take them for one fact; and figures for a period and a part
of it (a year and its last quarter), whatever their size. One finding for each
pair of periods names every such figure of each, one per article.

## Why it matters
A figure for 2023 quoted beside one for the first 11 months of 2024 reads as a
contradiction or as corroboration; it is neither.

## Example
"SOE operating revenue of 74.89 trillion yuan in the first 11 months last
year" against "SOE operating revenue of 80.3 trillion yuan in 2023".

## Not flagged
Figures of one article (a change "from A in 2012 to B in 2023" is the point of
the sentence); figures too far apart in size to be confused.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, Field

from .. import confidence
from ..engine import Rule, Verdict
from ..facts import document_pairs, nested, period_text, possessive, quotes, resemble
from ..match import ClaimLink
from ..packs import Packs


class Options(BaseModel, extra="forbid", frozen=True):
    look_alike: float = Field(default=1.5, ge=1)  # values within this factor look alike
    look_alike_points: float = Field(default=10.0, ge=0)  # rates this many points apart look alike
    max_years_apart: int = Field(
        default=2, ge=0
    )  # further apart, the years themselves tell them apart


def check(link: ClaimLink, packs: Packs, options: Options) -> Iterator[Verdict]:
    a_part, b_part = link.parts
    within = nested(a_part[0].claim.period, b_part[0].claim.period)
    if not within and not resemble(a_part, b_part, options.look_alike, options.look_alike_points):
        return
    pairs = [
        (a, b)
        for a, b in document_pairs(a_part, b_part)
        if within or resemble((a,), (b,), options.look_alike, options.look_alike_points)
    ]
    # One finding per pair of periods (and confidence), naming every figure of each side.
    for side_a, side_b in confidence.bundled(pairs):
        ca, cb = side_a[0].claim, side_b[0].claim
        yield Verdict(
            message=(
                f"Different periods: {quotes(side_a)} is {possessive(ca.subject)} {ca.metric} for "
                f"{period_text(ca.period)}, {quotes(side_b)} for {period_text(cb.period)}; "
                f"the figures look alike but are not one fact."
            ),
            facts=side_a + side_b,
            advice="State the period beside each figure so they are not read as one fact.",
        )


RULE = Rule(
    name="period-mismatch",
    default_severity="info",
    options=Options,
    reads=("period",),
    check=check,
    doc=__doc__ or "",
)
