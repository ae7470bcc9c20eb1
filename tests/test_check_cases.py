"""The rule case tables: pairs of articles in, the findings that must and must not follow.

`[[pair]]` cases give two articles' text; `[[given]]` cases give claims with
their context already stated (as `check --claims` reads them), for behaviour
of the checker that must not wait on the context stage to name things.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from factcheck import claimsfile, extract_text
from factcheck.check import check_documents
from factcheck.checks import RULES
from factcheck.models import Document, Report

CASES = Path(__file__).parent / "cases" / "checks"


def _load(table: str = "pair") -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.toml")):
        with path.open("rb") as fh:
            for pair in tomllib.load(fh).get(table, []):
                params.append(pytest.param(pair, id=f"{path.stem}:{pair['name']}"))
    return params


def _assert_findings(case: dict[str, Any], report: Report) -> None:
    got = [(f.rule, {f"{c.path}:{c.text}" for c in f.claims}) for f in report.findings]
    for expect in case.get("expect", []):
        wanted = set(expect["claims"])
        assert any(rule == expect["rule"] and wanted <= claims for rule, claims in got), (
            f"no {expect['rule']} finding linking {sorted(wanted)}; got {got}"
        )
    forbidden = [(rule, sorted(claims)) for rule, claims in got if rule in case.get("forbid", [])]
    assert not forbidden, f"forbidden findings: {forbidden}"


@pytest.mark.parametrize("pair", _load())
def test_pair(pair: dict[str, Any]) -> None:
    docs = [
        extract_text(pair[k]["text"], path=k, published=pair[k]["published"]) for k in ("a", "b")
    ]
    _assert_findings(pair, check_documents(docs))


def _given_docs(case: dict[str, Any], tmp: Path) -> list[Document]:
    documents = []
    for path in ("a", "b", "c"):
        if path not in case:
            continue
        claims = []
        for n, c in enumerate(case[path]["claims"], 1):
            period = c.get("period")
            start, end = (period, period) if isinstance(period, str) else (period or [None, None])
            claim: dict[str, Any] = {
                "id": f"{path}#{n}",
                "line": n,
                "column": 1,
                "text": c["text"],
                "sentence": c.get("sentence", f"{c['text']} (sentence {n})"),
                "quantity": {
                    "kind": c.get(
                        "kind", "percent" if c.get("unit") in ("percent", "pp") else "money"
                    ),
                    "unit": c.get("unit"),
                    "value": c["value"],
                    "qualifier": c.get("qualifier", "exact"),
                },
                "subject": c["subject"],
                "metric": c["metric"],
                "period": {"start": start, "end": end} if start else None,
            }
            for key in ("direction", "outlook", "origin"):
                if key in c:
                    claim[key] = c[key]
            claims.append(claim)
        documents.append({"path": path, "published": case[path].get("published"), "claims": claims})
    file = tmp / "claims.json"
    file.write_text(json.dumps({"schema": "factcheck.claims/1", "documents": documents}), "utf-8")
    return claimsfile.load(str(file))


@pytest.mark.parametrize("case", _load("given"))
def test_given(case: dict[str, Any], tmp_path: Path) -> None:
    _assert_findings(case, check_documents(_given_docs(case, tmp_path)))


def test_every_rule_has_cases() -> None:
    pairs = [p.values[0] for p in _load()]
    assert len(pairs) >= 40
    expected_rules = {e["rule"] for p in pairs for e in p.get("expect", [])}
    assert expected_rules >= {r.name for r in RULES}
