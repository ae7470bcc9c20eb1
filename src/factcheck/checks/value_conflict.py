"""Flag figures for the same fact that cannot both be true.

## What it flags
Two claims about the same subject, measure and period whose values cannot
overlap once each figure's stated precision and wording are allowed for
("71.4" is 71.35-71.45; "about" widens by the tolerance in
rules/tolerances.toml; "under 70" is at most 70). Also within one article.

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

from pydantic import BaseModel

from ..engine import Rule, Verdict
from ..facts import Fact, amount, period_text
from ..match import ClaimLink
from ..packs import Packs


class Options(BaseModel, extra="forbid", frozen=True):
    within_article: bool = True  # also flag two figures of one article


def check(link: ClaimLink, packs: Packs, options: Options) -> Iterator[Verdict]:
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


def _closest(low: tuple[Fact, ...], high: tuple[Fact, ...]) -> tuple[Fact, Fact]:
    """The two figures nearest each other across the gap: the pair an editor compares."""
    return max(low, key=lambda f: f.high), min(high, key=lambda f: f.low)


RULE = Rule(
    name="value-conflict",
    default_severity="error",
    options=Options,
    reads=("same-fact",),
    check=check,
    doc=__doc__ or "",
)
