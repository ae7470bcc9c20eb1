"""Render a check report: the contract's JSON, or a terminal report grouped by finding."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO

from ..facts import period_text
from ..models import Finding, Report
from .pieces import spliced

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def to_json(report: Report) -> str:
    # Serialised straight to text: no copy of the report as Python objects first, which
    # for hundreds of thousands of claims is most of the memory the run needs.
    return report.model_dump_json(by_alias=True, indent=2)


_FINDINGS_AT = '"findings": []'  # where the findings stand in a report that has none
_A_BATCH = 512  # findings serialised together: fewer writes, and each text stays small


def json_parts(report: Report) -> Iterator[str]:
    """`to_json(report)` in pieces, a few hundred findings each (see `pieces`)."""
    empty = report.model_copy(update={"findings": []}).model_dump_json(by_alias=True, indent=2)
    parts = spliced(
        empty, _FINDINGS_AT, report.findings, lambda f: f.model_dump_json(indent=2), _A_BATCH
    )
    # Laid out otherwise than expected: the whole report, as one text.
    return parts if parts is not None else iter([to_json(report)])


def to_text(report: Report, colour: bool = False, width: int = 100) -> str:
    """Findings grouped by rule, most severe first; each with the claims it quotes."""
    return "".join(text_parts(report, colour, width))


def text_parts(report: Report, colour: bool = False, width: int = 100) -> Iterator[str]:
    """`to_text(report)` in pieces, a few hundred findings each: the text of a large check
    is never held whole."""
    from rich.console import Console
    from rich.markup import escape

    buffer = StringIO()
    console = Console(
        file=buffer,
        force_terminal=colour,
        no_color=not colour,
        width=width,
        highlight=False,
        soft_wrap=True,
    )

    def taken() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    current = None
    started = False  # the report opens on its first line of text, not on a blank line
    for k, finding in enumerate(report.findings, 1):
        if finding.rule != current:
            current = finding.rule
            console.print()
            console.print(
                f"[{_STYLE[finding.severity]}]{finding.severity}[/] [bold]{finding.rule}[/]"
            )
        _finding(console, finding, escape)
        if k % _A_BATCH == 0:
            text = taken()
            if not started:
                text = text.lstrip("\n")
                started = bool(text)
            yield text
    s = report.summary
    console.print()
    console.print(
        f"{s.documents} documents, {s.claims} claims: "
        f"[{_STYLE['error']}]{s.findings['error']} errors[/], "
        f"[{_STYLE['warning']}]{s.findings['warning']} warnings[/], "
        f"[{_STYLE['info']}]{s.findings['info']} info[/]"
        + (f"; {s.suppressed} suppressed by comments" if s.suppressed else "")
        + (f"; {s.baselined} already in the baseline" if s.baselined else "")
    )
    text = taken()
    yield text if started else text.lstrip("\n")


def _finding(console: object, finding: Finding, escape: object) -> None:
    from rich.console import Console

    assert isinstance(console, Console)
    esc = escape if callable(escape) else str
    console.print(f"  - {esc(finding.message)} [dim]({finding.confidence} confidence)[/]")
    for c in finding.claims:
        console.print(
            f"      {esc(c.path)}:{c.line}:{c.column}  [bold]{esc(c.text)}[/]  "
            f"({esc(c.subject or '?')}; {esc(c.metric or '?')}; {esc(period_text(c.period))})"
        )
    if finding.advice:
        console.print(f"      [dim]→ {esc(finding.advice)}[/]")
