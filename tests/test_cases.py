"""One generic runner over the case tables in tests/cases/: each row a named test."""

from __future__ import annotations

import math
import tomllib
from pathlib import Path
from typing import Any

import pytest

from factcheck import extract_text
from factcheck.models import Claim

CASES = Path(__file__).parent / "cases" / "quantities"
FIELDS = ("kind", "unit", "value", "low", "high", "qualifier")


def _load() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.toml")):
        with path.open("rb") as fh:
            table = tomllib.load(fh)
        for case in table.get("case", []):
            params.append(pytest.param("case", case, id=f"{path.stem}:{case['name']}"))
        for same in table.get("same", []):
            for text in same["texts"]:
                params.append(
                    pytest.param(
                        "same", {**same, "text": text}, id=f"{path.stem}:{same['name']}:{text}"
                    )
                )
        for none in table.get("none", []):
            for text in none["texts"]:
                params.append(
                    pytest.param("none", {"text": text}, id=f"{path.stem}:{none['name']}:{text}")
                )
    return params


def _same(expected: Any, actual: Any) -> bool:
    if expected is None or actual is None:
        return expected is actual
    if isinstance(expected, float | int) and isinstance(actual, float | int):
        return math.isclose(expected, actual, rel_tol=1e-9, abs_tol=1e-12)
    return bool(expected == actual)


def _reading(claim: Claim) -> dict[str, Any]:
    q = claim.quantity
    return {
        "text": claim.text,
        "kind": q.kind,
        "unit": q.unit,
        "value": q.value,
        "low": q.low,
        "high": q.high,
        "qualifier": q.qualifier,
    }


def _check(expect: dict[str, Any], claim: Claim, full: bool) -> None:
    got = _reading(claim)
    wanted = dict(expect)
    if full:
        wanted.setdefault("low", None)
        wanted.setdefault("high", None)
        wanted.setdefault("unit", None)
        wanted.setdefault("qualifier", "exact")
    wrong = {k: (v, got[k]) for k, v in wanted.items() if not _same(v, got[k])}
    assert not wrong, f"{claim.text!r}: expected vs got {wrong}"


@pytest.mark.parametrize(("table", "row"), _load())
def test_case(table: str, row: dict[str, Any]) -> None:
    claims = extract_text(row["text"]).claims
    readings = [_reading(c) for c in claims]
    if table == "none":
        assert claims == [], f"expected no claim, got {readings}"
    elif table == "same":
        assert len(claims) == 1, f"expected one claim, got {readings}"
        _check(row["expect"], claims[0], full=True)
    else:
        assert len(claims) == len(row["expect"]), f"expected {len(row['expect'])}, got {readings}"
        for expect, claim in zip(row["expect"], claims, strict=True):
            _check(expect, claim, full=True)


def test_the_table_is_large_enough() -> None:
    rows = _load()
    assert len(rows) >= 200, len(rows)
