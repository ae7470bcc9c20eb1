"""Flag a stated change that the stated figures do not bear out.

## What it flags
A growth rate stated with the figures it links ("up 21.8 percent to 2.7
trillion" where another claim gives last year's 2.18 trillion; "rose from A to
B, up X%") whose rate, recomputed from the figures, differs from the stated
one by more than rounding and `slack_pp` percentage points allow.

## Why it matters
A wrong rate or a wrong base figure: one of the three numbers is off, and the
reader cannot tell which.

Also a yearly rate named after a measure ("revenue growth y/y" for a
quarter) against that measure's levels for the same subject in the period and
a year before, stated in any article.

## Example
"Net profit rose 21.8 percent to 2.7 trillion yuan" with "2.18 trillion yuan
last year": the figures give +23.9%.

## Not flagged
A change with no rate stated ("from ¥1.9 trillion to ¥2.6 trillion"); figures
whose wording leaves the rate open ("under ¥70 trillion to over ¥90 trillion").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from pydantic import BaseModel, Field

from .. import names
from ..engine import Rule, Verdict
from ..facts import Fact
from ..match import ClaimLink
from ..packs import Packs


class Options(BaseModel, extra="forbid", frozen=True):
    slack_pp: float = Field(default=0.5, ge=0)  # percentage points allowed beyond rounding


def check(link: ClaimLink, packs: Packs, options: Options) -> Iterator[Verdict]:
    start, result, rate = link.facts
    if rate.unit != "percent" or start.unit != result.unit:
        return
    growth = _growth(start, result)
    if growth is None:
        return
    # A signed figure or a worded direction is already in the fact's interval.
    sign = -1.0 if rate.value > 0 and rate.claim.direction is None and _falls(rate, packs) else 1.0
    stated = sorted((sign * rate.low, sign * rate.high))
    lo, hi = growth
    slack = options.slack_pp
    if stated[0] <= hi + slack and stated[1] >= lo - slack:
        return
    computed = (result.value / start.value - 1) * 100
    yield Verdict(
        message=(
            f'"{rate.claim.text}" ({rate.where()}) does not follow from "{start.claim.text}" '
            f'({start.where()}) to "{result.claim.text}" ({result.where()}): the figures give '
            f"{computed:+.1f}%, the text says {sign * rate.value:+g}%."
        ),
        facts=(start, result, rate),
        advice="Recompute the rate from the source's figures, or check the base figure.",
    )


def _growth(start: Fact, result: Fact) -> tuple[float, float] | None:
    """Growth in percent from start to result, over every value their intervals allow."""
    if start.low <= 0 or not math.isfinite(start.high) or not math.isfinite(start.low):
        return None
    if not (math.isfinite(result.low) and math.isfinite(result.high)):
        return None
    return (result.low / start.high - 1) * 100, (result.high / start.low - 1) * 100


def _falls(rate: Fact, packs: Packs) -> bool:
    """ "fell 3 percent", or a rate named a fall ("net income decline"): the stated rate is a fall."""
    named = names.rate_of(rate.claim.metric or "", names.words(packs.names))
    if named is not None and named[1] < 0:
        return True
    sentence, text = rate.claim.sentence, rate.claim.text
    at = sentence.find(text)
    if at < 0:
        return False
    before = sentence[max(0, at - 40) : at].lower()
    words = packs.metrics.patterns.decline_words
    return any(re.search(rf"\b{re.escape(w)}\s+(?:\w+\s+){{0,2}}\Z", before) for w in words)


RULE = Rule(
    name="arithmetic-mismatch",
    default_severity="warning",
    options=Options,
    reads=("change",),
    check=check,
    doc=__doc__ or "",
    alarm=True,
)
