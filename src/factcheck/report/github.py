"""GitHub Actions workflow commands: each finding annotates every claim's line on the pull request."""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Report

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
    lines: list[str] = []
    for k, finding in enumerate(report.findings, 1):
        message = finding.message + (f" {finding.advice}" if finding.advice else "")
        message = _data(message + f" ({finding.confidence} confidence)")
        head = f"::{COMMAND[finding.severity]} "
        title = f",title={_property(finding.rule)}::"
        for c in finding.claims:
            where = f"file={_property(c.path)},line={c.line},col={c.column}"
            if c.end_line is not None and c.end_column is not None:
                where += f",endLine={c.end_line},endColumn={c.end_column}"
            lines.append(f"{head}{where}{title}{message}\n")
        if k % _A_BATCH == 0:
            yield "".join(lines)
            lines.clear()
    if lines:
        yield "".join(lines)
