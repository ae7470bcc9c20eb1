"""The context table: passages from many fields, scored field by field against floors.

`tests/cases/context/` pins behaviours case by case: every row must hold.
`tests/cases/context_table/` is broader and harder news copy (company results,
central banks, trade, labour, public finance ...) whose expectations say what is
right, whether or not the tool gets it yet. It is scored as the answer keys are,
field by field, and the floors below are what the tool reaches today: a guard
against regressions, raised as the context stage improves, never a target to
tune to.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from factcheck import extract_text

from .test_context_cases import same_name

TABLE = Path(__file__).parent / "cases" / "context_table"
FLOORS = {"subject": 0.87, "metric": 0.63, "period": 0.93}


def _rows() -> Iterator[tuple[dict[str, Any], Any]]:
    for path in sorted(TABLE.glob("*.toml")):
        with path.open("rb") as fh:
            for case in tomllib.load(fh).get("case", []):
                doc = extract_text(case["text"], published=case["published"])
                claims = {c.text: c for c in doc.claims}
                for expect in case["expect"]:
                    yield expect, claims.get(expect["text"])


@pytest.fixture(scope="module")
def scores() -> dict[str, tuple[int, int]]:
    totals = {field: [0, 0] for field in FLOORS}
    for expect, claim in _rows():
        for field in FLOORS:
            if field not in expect:
                continue
            totals[field][1] += 1
            if claim is None:
                continue
            if field == "period":
                got = claim.period.model_dump() if claim.period else None
                totals[field][0] += got == expect["period"]
            else:
                totals[field][0] += same_name(getattr(claim, field), expect[field])
    return {field: (right, total) for field, (right, total) in totals.items()}


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_context_table_accuracy(scores: dict[str, tuple[int, int]], field: str) -> None:
    right, total = scores[field]
    assert total >= 400, f"the table has only {total} {field} expectations"
    assert right / total >= FLOORS[field], f"{field}: {right}/{total} = {right / total:.3f}"


def test_every_expected_figure_is_extracted() -> None:
    missing = [expect["text"] for expect, claim in _rows() if claim is None]
    assert not missing, missing
