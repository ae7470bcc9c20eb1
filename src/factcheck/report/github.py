"""GitHub Actions workflow commands: each finding annotates every claim's line on the pull request."""

from __future__ import annotations

from ..models import Report

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(report: Report) -> str:
    lines = []
    for finding in report.findings:
        for c in finding.claims:
            where = f"file={_property(c.path)},line={c.line},col={c.column}"
            if c.end_line is not None and c.end_column is not None:
                where += f",endLine={c.end_line},endColumn={c.end_column}"
            message = finding.message + (f" {finding.advice}" if finding.advice else "")
            message += f" ({finding.confidence} confidence)"
            lines.append(
                f"::{COMMAND[finding.severity]} {where},title={_property(finding.rule)}::{_data(message)}"
            )
    return "\n".join(lines) + ("\n" if lines else "")
