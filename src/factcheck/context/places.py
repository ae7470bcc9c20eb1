"""Whether a name is a place: a country (ISO 3166, through pycountry) or a region of the world.

A place in "iPhone revenue in Greater China" narrows a company's figure to a
scope; in "inflation in Spain" it owns the figure itself. Regions that no
standard lists ("Greater China", "the Americas") come from `rules/subjects.toml`.
"""

from __future__ import annotations

from functools import cache

import pycountry


@cache
def _countries() -> frozenset[str]:
    names: set[str] = set()
    for c in pycountry.countries:
        for field in ("name", "common_name", "official_name"):
            value = getattr(c, field, None)
            if value:
                names.add(value.lower())
    for s in pycountry.subdivisions:
        if s.type in ("Province", "State", "Autonomous region", "Municipality", "Country"):
            names.add(s.name.lower())
    return frozenset(names)


def is_place(name: str, regions: frozenset[str] = frozenset()) -> bool:
    """A country, a first-level subdivision, or a listed region, by name as written."""
    key = " ".join(name.lower().replace("the ", "", 1).split()) if name else ""
    return key in _countries() or key in regions


def is_country(name: str) -> bool:
    """A country by one of its names in ISO 3166 (not a subdivision or a region)."""
    key = " ".join(name.lower().replace("the ", "", 1).split()) if name else ""
    return key in _country_names()


@cache
def _country_names() -> frozenset[str]:
    return frozenset(
        value.lower()
        for c in pycountry.countries
        for field in ("name", "common_name", "official_name")
        if (value := getattr(c, field, None))
    )
