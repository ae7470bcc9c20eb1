"""SARIF 2.1.0: one result per finding, every claim a location, the rules' documentation as metadata.

GitHub code scanning and other SARIF viewers read this.
"""

from __future__ import annotations

import json
from importlib.metadata import version
from typing import Any

from ..checks import RULES
from ..models import Report

LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def to_sarif(report: Report) -> str:
    index = {rule.name: i for i, rule in enumerate(RULES)}
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
    results = []
    for finding in report.findings:
        result: dict[str, Any] = {
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
        results.append(result)
    document = {
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
    return json.dumps(document, ensure_ascii=False, indent=2)


def _location(
    path: str, line: int, column: int, end_line: int | None, end_column: int | None, text: str
) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": line, "startColumn": column, "snippet": {"text": text}}
    if end_line is not None and end_column is not None:
        region.update(endLine=end_line, endColumn=end_column)
    return {"physicalLocation": {"artifactLocation": {"uri": path}, "region": region}}
