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

## Not flagged
Restatements within one article; look-alike figures for another scope or
year (2 trillion yuan for all SOEs in 2012 does not back ¥1.9 trillion for
central SOEs in 2020).
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, Field

from ..engine import Rule, Verdict
from ..facts import period_text
from ..match import ClaimLink
from ..packs import Packs


class Options(BaseModel, extra="forbid", frozen=True):
    min_sources: int = Field(default=2, ge=2)  # articles that must state the fact


def check(link: ClaimLink, packs: Packs, options: Options) -> Iterator[Verdict]:
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


RULE = Rule(
    name="corroborated",
    default_severity="info",
    options=Options,
    reads=("same-fact",),
    check=check,
    doc=__doc__ or "",
)
