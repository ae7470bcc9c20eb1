"""SARIF 2.1.0: one result per finding, every claim a location, the rules' documentation as metadata.

GitHub code scanning and other SARIF viewers read this.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.metadata import version
from typing import Any

from pydantic_core import to_json

from ..checks import RULES
from ..models import Finding, Report
from .pieces import spliced

LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def to_sarif(report: Report) -> str:
    return "".join(sarif_parts(report))


_RESULTS_AT = '"results": []'  # where the results stand in a log that has none
_A_BATCH = 512  # results serialised together


def sarif_parts(report: Report) -> Iterator[str]:
    """The SARIF log in pieces, a few hundred results each (see `pieces`)."""
    index = {rule.name: i for i, rule in enumerate(RULES)}
    parts = spliced(
        _dumps(_log([])),
        _RESULTS_AT,
        report.findings,
        lambda f: _dumps(_result(f, index)),
        _A_BATCH,
    )
    if parts is not None:
        return parts
    # Laid out otherwise than expected: the whole log, as one text.
    whole = _log([_result(f, index) for f in report.findings])
    return iter([_dumps(whole)])


def _dumps(data: dict[str, Any]) -> str:
    """`json.dumps(data, ensure_ascii=False, indent=2)`, the same text, written by pydantic's
    compiled serialiser: the standard library writes indented JSON in Python, seven times
    slower than the JSON report."""
    return to_json(data, indent=2).decode()


def _log(results: list[dict[str, Any]]) -> dict[str, Any]:
    rules = [
        {
            "id": rule.name,
            "name": "".join(part.title() for part in rule.name.split("-")),
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.doc.strip()},
            "help": {"text": rule.doc.strip(), "markdown": rule.doc.strip()},
            "defaultConfiguration": {"level": LEVEL[rule.default_severity]},
        }
        for rule in RULES
    ]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": version("factcheck"),
                        "informationUri": "https://pypi.org/project/factcheck/",
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def _result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    return {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": LEVEL[finding.severity],
        "message": {"text": finding.message + (f" {finding.advice}" if finding.advice else "")},
        "locations": [
            _location(c.path, c.line, c.column, c.end_line, c.end_column, c.text)
            for c in finding.claims
        ],
        "properties": {"confidence": finding.confidence},
    }


def _location(
    path: str, line: int, column: int, end_line: int | None, end_column: int | None, text: str
) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": line, "startColumn": column, "snippet": {"text": text}}
    if end_line is not None and end_column is not None:
        region.update(endLine=end_line, endColumn=end_column)
    return {"physicalLocation": {"artifactLocation": {"uri": path}, "region": region}}
