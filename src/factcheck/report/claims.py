"""Render extracted claims: the contract's JSON, or a table for a person."""

from __future__ import annotations

from ..models import ClaimsReport, Document


def to_json(docs: list[Document]) -> str:
    report = ClaimsReport(documents=docs)
    # Serialised straight to text: no copy of the report as Python objects first, which
    # for hundreds of thousands of claims is most of the memory the run needs.
    return report.model_dump_json(by_alias=True, indent=2)


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:.4g}"


_FIGURE_WIDTH = 40  # a 5,000-digit "figure" would make every row of the table that wide


def _clip(text: str, width: int = _FIGURE_WIDTH) -> str:
    """The figure as written, cut with an ellipsis when longer than the column; JSON keeps it whole."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def to_text(docs: list[Document]) -> str:
    rows: list[tuple[str, ...]] = [("where", "figure", "value", "unit", "low", "high", "kind")]
    for doc in docs:
        for c in doc.claims:
            q = c.quantity
            rows.append(
                (
                    f"{doc.path}:{c.line}:{c.column}",
                    _clip(c.text) + (" [teaser]" if c.boilerplate else ""),
                    _number(q.value),
                    q.unit or "-",
                    _number(q.low),
                    _number(q.high),
                    q.kind,
                )
            )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(r)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    count = sum(len(d.claims) for d in docs)
    lines.append(
        f"\n{count} claim{'s' * (count != 1)} in {len(docs)} document{'s' * (len(docs) != 1)}"
    )
    return "\n".join(lines)
