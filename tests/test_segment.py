"""What is article and what is not: furniture, teasers, comments, data blobs."""

from __future__ import annotations

from factcheck import extract_paths, extract_text

from .conftest import SEEDS


def test_no_claim_comes_from_a_trailing_json_blob() -> None:
    (doc,) = extract_paths([SEEDS / "004_c83623c98217df50.txt"])
    blob_line = 21
    assert all(c.line < blob_line for c in doc.claims)
    assert doc.claims[-1].text == "1.3 percent"


def test_teaser_figures_are_marked_boilerplate() -> None:
    (doc,) = extract_paths([SEEDS / "003_3ce34696dd0060a3.txt"])
    assert [c.text for c in doc.claims] == ["5 percent", "4.5 percent", "5%"]
    assert all(c.boilerplate for c in doc.claims)


def test_page_furniture_yields_nothing() -> None:
    text = "\n".join(
        [
            "Markets rally as exports jump",
            "Exports rose 7 percent in May.",
            "0 Comments",
            "12 Shares",
            "Back To Top",
            "© 2025 Example News. All rights reserved.",
        ]
    )
    assert [c.text for c in extract_text(text).claims] == ["7 percent"]


def test_comment_section_at_the_end_is_not_article() -> None:
    body = "Exports rose 7 percent in May.\n" * 3
    text = body + "3 Comments\nJoe: I bought 500 shares and lost 20 percent.\n"
    claims = extract_text(text).claims
    assert [c.text for c in claims] == ["7 percent"] * 3


def test_html_comments_are_hidden() -> None:
    text = "Sales rose 9 percent. <!-- draft: was 12 percent -->\nProfit fell 3 percent."
    assert [c.text for c in extract_text(text).claims] == ["9 percent", "3 percent"]


def test_text_ending_in_a_brace_is_not_a_blob() -> None:
    text = "Sales rose 9 percent.\nThe survey covered 1,200 households {see note}"
    assert [c.text for c in extract_text(text).claims] == ["9 percent", "1,200 households"]


def test_sentence_is_the_claims_own() -> None:
    text = "Revenue rose. Profit hit $5 billion in 2024. Costs fell."
    (claim,) = extract_text(text).claims
    assert claim.sentence == "Profit hit $5 billion in 2024."
