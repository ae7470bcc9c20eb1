"""Amounts of one fact in two currencies: the exchange rates that could join them."""

from __future__ import annotations

from . import fx
from .context.periods import Reference
from .facts import Fact, years
from .packs import Packs


def rate_band(a: Fact, b: Fact, packs: Packs, band: float) -> tuple[float, float] | None:
    """Units of a's currency per unit of b's, from the reference rates of their time, widened by `band`."""
    span = years(a.claim.period) or years(b.claim.period)
    ref = Reference.parse(a.doc.reference) or Reference.parse(b.doc.reference)
    if span is None or a.unit is None or b.unit is None:
        return None
    judged = fx.years_to_judge(packs.fx, span, ref.year if ref else None)
    rates = [r.value for r in fx.rates(packs.fx, b.unit, a.unit, judged)]
    if not rates:
        return None
    return min(rates) * (1 - band), max(rates) * (1 + band)


def reconciled(a: Fact, b: Fact, band: tuple[float, float]) -> bool:
    """Whether some rate of the band makes the two amounts one."""
    low, high = band
    return not (a.high < b.low * low or a.low > b.high * high)


def same_digits(a: Fact, b: Fact, packs: Packs) -> bool:
    """Whether two amounts give the same digits in currencies that are not near par
    ("€10.2 billion" and "$10.2 billion"): more likely a currency sign copied wrong than a
    conversion, however wide the rate band that would reconcile them."""
    if a.unit == b.unit or a.claim.quantity.value != b.claim.quantity.value:
        return False
    if a.claim.quantity.qualifier != "exact" or b.claim.quantity.qualifier != "exact":
        return False  # "more than $10 billion" may well be "€10 billion"
    band = rate_band(a, b, packs, 0.0)
    return band is not None and not (band[0] <= 1 + _PAR and band[1] >= 1 - _PAR)


_PAR = 0.03  # currencies this close (HKD and MOP, EUR and USD in 2022) may share digits


def twins(a: Fact, b: Fact) -> bool:
    """An amount and its stated conversion in one article: the conversion rule judges those."""
    if a.doc.path != b.doc.path:
        return False
    ids = {a.claim.id, b.claim.id}
    return any(
        link.kind == "conversion" and link.target in ids for f in (a, b) for link in f.claim.links
    )
