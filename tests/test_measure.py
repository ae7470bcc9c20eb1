"""Measures named from a figure's own clause, and the words that name none."""

from __future__ import annotations

import pytest

from factcheck import extract_text


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # A pronoun or a wh-word before the verb is no measure's name.
        ("The gauge was last this low in 2021, when it was recorded at 41.2.", "41.2"),
        # Who acts before a transitive verb is no measure either.
        ("Filings show the insurer paid $40 million last year.", "$40 million"),
    ],
)
def test_words_that_name_no_measure(text: str, figure: str) -> None:
    claim = next(c for c in extract_text(text, published="2024-06-01").claims if c.text == figure)
    assert claim.metric is None


def test_a_decline_that_eases_is_named_once() -> None:
    text = "Rents kept falling, and the yearly decline slowed to 1.4% in May."
    claim = next(c for c in extract_text(text, published="2024-06-20").claims)
    assert claim.metric == "decline"
    assert claim.direction == "down"


@pytest.mark.parametrize(
    "text",
    [
        "Cheaper fuel takes inflation down to 1.8% in March.",
        "Food matters most when inflation runs at 1.8%.",
    ],
)
def test_verbs_and_wh_words_do_not_narrow_a_measure(text: str) -> None:
    claim = extract_text(text, published="2025-04-10").claims[0]
    assert claim.metric == "annual inflation"
