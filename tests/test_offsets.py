"""Every claim's line and column point at its figure in the file as it is on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import extract_paths
from factcheck.decoding import decode
from factcheck.repair import repair_text

from .conftest import SEEDS


def _span(text: str, line: int, column: int, end_line: int, end_column: int) -> str:
    rows = text.split("\n")
    if line == end_line:
        return rows[line - 1][column - 1 : end_column - 1]
    head = rows[line - 1][column - 1 :]
    middle = rows[line : end_line - 1]
    tail = rows[end_line - 1][: end_column - 1]
    return "\n".join([head, *middle, tail])


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name)
def test_seed_claims_point_at_their_bytes(path: Path) -> None:
    (doc,) = extract_paths([path])
    disk = decode(path.read_bytes()).text
    for claim in doc.claims:
        raw = _span(disk, claim.line, claim.column, claim.end_line, claim.end_column)
        assert repair_text(raw) == claim.text, (claim.id, raw)


def test_every_seed_with_figures_yields_claims() -> None:
    docs = extract_paths([SEEDS])
    counts = {Path(d.path).name[:3]: len(d.claims) for d in docs}
    assert counts["000"] == 12 and counts["004"] == 10 and counts["002"] == 0


def test_columns_count_characters_of_the_decoded_file(tmp_path: Path) -> None:
    # "ยฅ" on disk is six UTF-8 bytes but two characters; the column counts characters.
    article = tmp_path / "a.txt"
    article.write_text(
        "Assets rose to ยฅ90 trillion, and profits to ยฅ2 trillion.\n", encoding="utf-8"
    )
    (doc,) = extract_paths([article])
    assert [c.text for c in doc.claims] == ["¥90 trillion", "¥2 trillion"]
    assert [c.column for c in doc.claims] == [16, 46]
    assert doc.repaired


def test_html_claims_point_into_the_markup(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>Results</title></head>\n<body><p>Revenue rose to &euro;4.5 billion,"
        " up <b>7&#37;</b>.</p>\n<script>var x = 500;</script></body></html>\n",
        encoding="utf-8",
    )
    (doc,) = extract_paths([page])
    disk = page.read_text(encoding="utf-8")
    assert [(c.text, c.line) for c in doc.claims] == [("€4.5 billion", 2), ("7%", 2)]
    first, second = doc.claims
    assert disk.split("\n")[1][first.column - 1 :].startswith("&euro;4.5 billion")
    assert disk.split("\n")[1][second.column - 1 :].startswith("7&#37;")
    assert doc.title == "Results"
