"""The rule case tables: pairs of articles in, the findings that must and must not follow."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from factcheck import extract_text
from factcheck.check import check_documents
from factcheck.checks import RULES

CASES = Path(__file__).parent / "cases" / "checks"


def _load() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.toml")):
        with path.open("rb") as fh:
            for pair in tomllib.load(fh).get("pair", []):
                params.append(pytest.param(pair, id=f"{path.stem}:{pair['name']}"))
    return params


@pytest.mark.parametrize("pair", _load())
def test_pair(pair: dict[str, Any]) -> None:
    docs = [
        extract_text(pair[k]["text"], path=k, published=pair[k]["published"]) for k in ("a", "b")
    ]
    report = check_documents(docs)
    got = [(f.rule, {f"{c.path}:{c.text}" for c in f.claims}) for f in report.findings]
    for expect in pair.get("expect", []):
        wanted = set(expect["claims"])
        assert any(rule == expect["rule"] and wanted <= claims for rule, claims in got), (
            f"no {expect['rule']} finding linking {sorted(wanted)}; got {got}"
        )
    forbidden = [(rule, sorted(claims)) for rule, claims in got if rule in pair.get("forbid", [])]
    assert not forbidden, f"forbidden findings: {forbidden}"


def test_every_rule_has_cases() -> None:
    pairs = [p.values[0] for p in _load()]
    assert len(pairs) >= 40
    expected_rules = {e["rule"] for p in pairs for e in p.get("expect", [])}
    assert expected_rules >= {r.name for r in RULES}
