"""The one pint registry: currencies, magnitude words, percent and percentage points.

Every currency is a dimension of its own, so no amount converts into another
currency except through an explicit context of exchange rates.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from .packs import Currencies, Magnitudes

if TYPE_CHECKING:
    import pint


@cache
def registry() -> pint.UnitRegistry[float]:
    """Pint's registry extended with factcheck's units; built once."""
    import pint

    ureg: pint.UnitRegistry[float] = pint.UnitRegistry(on_redefinition="ignore", cache_folder=None)
    ureg.define("percentage_point = [percentage_point] = pp")
    return ureg


def define_currencies(currencies: Currencies) -> None:
    ureg = registry()
    for c in currencies.currency:
        if c.code not in ureg:
            ureg.define(f"{c.code} = [currency_{c.code}]")


def define_magnitudes(magnitudes: Magnitudes) -> None:
    ureg = registry()
    for m in magnitudes.magnitude:
        name = f"magnitude_{m.name}"
        if name not in ureg:
            ureg.define(f"{name} = {m.factor!r}")


def magnitude_factors(magnitudes: Magnitudes) -> dict[str, float]:
    """Each magnitude word or abbreviation (lower case) and its factor, through pint."""
    define_magnitudes(magnitudes)
    ureg = registry()
    out: dict[str, float] = {}
    for m in magnitudes.magnitude:
        factor = float(ureg.Quantity(1, f"magnitude_{m.name}").to("dimensionless").magnitude)
        for word in (*m.words, *m.abbreviations):
            out[word.lower()] = factor
    return out


def as_pint(value: float, unit: str | None) -> pint.Quantity[float]:
    """A claim's value as a pint quantity: money in its currency, percent, pp, or a bare number."""
    ureg = registry()
    if unit is None:
        return ureg.Quantity(value, "dimensionless")
    if unit == "pp":
        return ureg.Quantity(value, "percentage_point")
    if unit == "percent":
        return ureg.Quantity(value, "percent")
    if unit not in ureg:
        ureg.define(f"{unit} = [currency_{unit}]")
    return ureg.Quantity(value, unit)
