"""Render a check report: the contract's JSON, or a terminal report grouped by finding."""

from __future__ import annotations

import re
from collections.abc import Iterator
from io import StringIO

from ..facts import period_text
from ..models import Finding, Report, Severity
from .pieces import batches, spliced

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_COUNTED: tuple[tuple[Severity, str], ...] = (
    ("error", "errors"),
    ("warning", "warnings"),
    ("info", "info"),
)


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


def to_text(report: Report, colour: bool = False) -> str:
    """Findings grouped by rule, most severe first; each with the claims it quotes. Lines
    are never wrapped: a terminal wraps them, and a pipe keeps each finding's claims whole."""
    return "".join(text_parts(report, colour))


def text_parts(report: Report, colour: bool = False) -> Iterator[str]:
    """`to_text(report)` in pieces, a few hundred findings each: the text of a large check
    is never held whole."""
    paint = _Painter(colour)
    current = None
    for batch in batches(report.findings, _A_BATCH):
        lines: list[str] = []
        for finding in batch:
            if finding.rule != current:
                if current is not None:  # a blank line between rules
                    lines.append("")
                current = finding.rule
                lines.append(
                    f"{paint(_STYLE[finding.severity], finding.severity)} {paint('bold', current)}"
                )
            _finding(lines, finding, paint)
        yield "".join(line + "\n" for line in lines)
    s = report.summary
    lines = [""] if report.findings else []
    lines.append(
        f"{s.documents} documents, {s.claims} claims: "
        + ", ".join(paint(_STYLE[level], f"{s.findings[level]} {name}") for level, name in _COUNTED)
        + (f"; {s.suppressed} suppressed by comments" if s.suppressed else "")
        + (f"; {s.baselined} already in the baseline" if s.baselined else "")
    )
    yield "".join(line + "\n" for line in lines)


# Breaks and control characters in an article's words: a line of the report stays one line,
# and nothing read from an article can move the cursor or restyle the terminal.
_BREAKS = re.compile(r"[\t\n\r\v\f\x85\u2028\u2029]")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _plain(text: str) -> str:
    return _CONTROLS.sub("", _BREAKS.sub(" ", text))


class _Painter:
    """Text in a style, with the codes rich gives the terminal for it (none without colour).

    Rich's console lays out some 1,500 findings a second, parsing markup and measuring
    every line; a report is unwrapped lines whose styles are a handful of fixed spans, so
    each style's codes are taken from rich once and put around the words.
    """

    def __init__(self, colour: bool) -> None:
        from rich.console import COLOR_SYSTEMS, Console

        console = Console(file=StringIO(), force_terminal=colour, no_color=not colour)
        name = console.color_system if colour else None
        self.system = COLOR_SYSTEMS[name] if name is not None else None
        self.codes: dict[str, tuple[str, str]] = {}

    def __call__(self, style: str, text: str) -> str:
        if self.system is None:
            return text
        codes = self.codes.get(style)
        if codes is None:
            from rich.style import Style

            head, _, tail = (
                Style.parse(style).render("\0", color_system=self.system).partition("\0")
            )
            codes = self.codes[style] = (head, tail)
        return codes[0] + text + codes[1]


def _finding(lines: list[str], finding: Finding, paint: _Painter) -> None:
    lines.append(
        f"  - {_plain(finding.message)} {paint('dim', f'({finding.confidence} confidence)')}"
    )
    for c in finding.claims:
        lines.append(
            f"      {_plain(c.path)}:{c.line}:{c.column}  {paint('bold', _plain(c.text))}  "
            f"({_plain(c.subject or '?')}; {_plain(c.metric or '?')}; {_plain(period_text(c.period))})"
        )
    if finding.advice:
        lines.append(f"      {paint('dim', '→ ' + _plain(finding.advice))}")
