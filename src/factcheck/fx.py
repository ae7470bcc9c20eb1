"""Reference exchange rates from `rules/fx.toml`, as pint contexts between currencies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .packs import Fx, FxCurrency


@dataclass(frozen=True)
class Rate:
    """How many units of `quote` one unit of `base` buys, in a year, by one reckoning."""

    year: int
    kind: str  # "average" or "year_end"
    value: float


def rates(fx: Fx, base: str, quote: str, years: range) -> list[Rate]:
    """Reference rates base->quote for the years asked, where the table has both currencies."""
    # Asked again and again for the same few pairs and years (once per pair of amounts
    # across currencies): kept per table, which the rule packs load once.
    key = (id(fx), base, quote, years.start, years.stop)
    hit = _RATES.get(key)
    if hit is None or hit[0] is not fx:
        hit = _RATES[key] = (fx, _rates(fx, base, quote, years))
    return hit[1]


_RATES: dict[tuple[int, str, str, int, int], tuple[Fx, list[Rate]]] = {}


def _rates(fx: Fx, base: str, quote: str, years: range) -> list[Rate]:
    table = {c.code: c for c in fx.currency}
    out: list[Rate] = []
    for year in years:
        for kind in ("average", "year_end"):
            per_usd_base = _per_usd(table, fx.base, base, str(year), kind)
            per_usd_quote = _per_usd(table, fx.base, quote, str(year), kind)
            if per_usd_base and per_usd_quote:
                out.append(Rate(year, kind, per_usd_quote / per_usd_base))
    return out


def _per_usd(
    table: dict[str, FxCurrency], usd: str, code: str, year: str, kind: str
) -> float | None:
    if code == usd:
        return 1.0
    entry = table.get(code)
    if entry is None:
        return None
    series = entry.average if kind == "average" else entry.year_end
    value = series.get(year)
    return float(value) if value is not None else None


def source(fx: Fx, *codes: str) -> str:
    """Where the rates for these currencies come from."""
    return "; ".join(c.source for c in fx.currency if c.code in codes)


def convert(value: float, base: str, quote: str, rate: float) -> float:
    """`value` in `base` expressed in `quote` at `rate`: only inside an explicit pint context."""
    import pint

    from .units import registry

    ureg = registry()
    for code in (base, quote):
        if code not in ureg:
            ureg.define(f"{code} = [currency_{code}]")
    name = f"fx_{base}_{quote}_{rate!r}"
    if name not in ureg._contexts:
        context = pint.Context(name)

        def forward(registry: Any, amount: Any, **_: Any) -> Any:
            return amount * rate * registry.Unit(quote) / registry.Unit(base)

        context.add_transformation(f"[currency_{base}]", f"[currency_{quote}]", forward)  # type: ignore[arg-type]
        ureg.add_context(context)
    with ureg.context(name):
        return float(ureg.Quantity(value, base).to(quote).magnitude)


def years_to_judge(fx: Fx, span: tuple[int, int] | None, reference_year: int | None) -> range:
    """The years whose rates may apply to a figure: from its period to the article's date.

    Articles often convert an old figure at the rate of the day they are written,
    so every year in between counts; years outside the table take its nearest.
    """
    first_known, last_known = _known_years(fx)
    start = span[0] if span else (reference_year if reference_year else last_known)
    end = max(span[1] if span else start, reference_year if reference_year else start)
    start, end = max(start, first_known), min(end, last_known)
    if start > end:
        start = end = last_known if start > last_known else first_known
    return range(start, end + 1)


_KNOWN: dict[int, tuple[Fx, tuple[int, int]]] = {}


def _known_years(fx: Fx) -> tuple[int, int]:
    """The first and last years the table has a rate for."""
    hit = _KNOWN.get(id(fx))
    if hit is None or hit[0] is not fx:
        known = [int(y) for c in fx.currency for y in (*c.average, *c.year_end)]
        hit = _KNOWN[id(fx)] = (fx, (min(known), max(known)))
    return hit[1]
