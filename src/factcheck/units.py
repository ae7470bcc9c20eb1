"""The one pint registry: currencies and magnitude words.

Every currency is a dimension of its own, so no amount converts into another
currency except through an explicit context of exchange rates.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from .packs import Magnitudes

if TYPE_CHECKING:
    import pint


@cache
def registry() -> pint.UnitRegistry[float]:
    """A registry of factcheck's units alone; built once.

    Without pint's default definitions: reading them took a quarter of a second of every
    run, a fifth of a one-article check, and none of them is a unit a figure has.
    """
    import pint

    ureg: pint.UnitRegistry[float] = pint.UnitRegistry(
        None, on_redefinition="ignore", cache_folder=None
    )
    return ureg


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
