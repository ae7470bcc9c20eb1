"""The direction a change's wording gives its figure."""

from __future__ import annotations

import pytest

from factcheck.context.direction import direction


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        ("Copper output fell 4.2% in March.", "4.2%", "down"),
        ("Copper output dropped by about 4.2 percent in March.", "4.2 percent", "down"),
        ("Shipments posted a 4.2% decline from a year earlier.", "4.2%", "down"),
        ("Sales rose 7% while costs shrank 2%.", "7%", "up"),
        ("Sales rose 7% while costs shrank 2%.", "2%", "down"),
        ("Inflation fell to 2.2% in May.", "2.2%", None),
        ("Inflation was 2.2%, down from 2.4% in April.", "2.2%", None),
        ("Inflation dropped below the 2% target.", "2%", None),
        ("Growth will be 1 point lower than the bank's estimate of 6.5%.", "6.5%", None),
        ("The jobless rate was 5.1% in June.", "5.1%", None),
        ("The contraction in factory output narrowed to 1.2 percent.", "1.2 percent", "down"),
        ("The yearly drop in rents narrowed to 1.2 percent.", "1.2 percent", "down"),
        ("Producer-price deflation deepened to 2.8% in July from 2.1% in June.", "2.8%", "down"),
        ("Producer-price deflation deepened to 2.8% in July from 2.1% in June.", "2.1%", "down"),
        (
            "Home prices kept sliding, but the decline slowed to 0.4%, from 0.9% a month before.",
            "0.9%",
            "down",
        ),
        (
            "Home prices kept sliding, but the decline slowed to 0.4%, from 0.9% a month before.",
            "0.4%",
            "down",
        ),
        ("Inflation eased to 2.1% in May.", "2.1%", None),
        ("Losses at the unit narrowed to $40 million.", "$40 million", None),
    ],
)
def test_the_nearest_change_word_in_the_clause_decides(
    sentence: str, figure: str, expected: str | None
) -> None:
    at = sentence.index(figure)
    assert direction(sentence, at, at + len(figure)) == expected
