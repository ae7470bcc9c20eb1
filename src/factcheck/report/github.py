"""GitHub Actions workflow commands: each finding annotates every claim's line on the pull request."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Finding, Report
from .pieces import batches

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(report: Report) -> str:
    return "".join(github_parts(report))


_A_BATCH = 512  # findings written together


def github_parts(report: Report) -> Iterator[str]:
    """`to_github(report)` in pieces: one line per claim of each finding, a few hundred
    findings at a time."""
    for batch in batches(report.findings, _A_BATCH):
        yield "".join(line for finding in batch for line in _lines(finding))


def _lines(finding: Finding) -> Iterator[str]:
    """A workflow command for each claim of the finding."""
    message = finding.message + (f" {finding.advice}" if finding.advice else "")
    message = _data(message + f" ({finding.confidence} confidence)")
    head = f"::{COMMAND[finding.severity]} "
    title = f",title={_property(finding.rule)}::"
    for c in finding.claims:
        where = f"file={_property(c.path)},line={c.line},col={c.column}"
        if c.end_line is not None and c.end_column is not None:
            where += f",endLine={c.end_line},endColumn={c.end_column}"
        yield f"{head}{where}{title}{message}\n"
