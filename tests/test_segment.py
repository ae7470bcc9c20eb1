"""What is article and what is not: furniture, teasers, comments, data blobs."""

from __future__ import annotations

from factcheck import extract_paths, extract_text, packs, segment

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


# Wire copy whose every paragraph ends a sentence, so that its sentences are the same however
# its paragraphs are laid out; "U.S." puts a full stop inside many sentences.
_WIRE = [
    "Exports rose {a}.1 percent in May from a year earlier, customs data showed on Friday.",
    "The U.S. Treasury sold ${b} billion of five-year notes at a yield of 4.{a}%.",
    "Factory output grew {a}.4% in the quarter, while U.S. demand for steel fell for a third month.",
    "Shares of Acme Corp. rose {a} percent after it said revenue reached $1.{b} billion.",
    "About {b}0 workers lost their jobs when the plant closed, the union said.",
    "Analysts polled by the agency had expected the central bank to hold rates at {a}.25%.",
]


def _wire(paragraphs: int) -> list[str]:
    return [_WIRE[k % len(_WIRE)].format(a=k % 9 + 1, b=k % 7 + 2) for k in range(paragraphs)]


def test_a_text_without_line_breaks_is_cut_into_units_at_sentence_ends() -> None:
    text = " ".join(_wire(250))
    assert len(text) > 4 * segment.MAX_UNIT
    lines = segment.lines(text, packs.load().boilerplate)
    units = [text[ln.start : ln.end] for ln in lines]
    assert len(units) > 4 and all(len(u) <= segment.MAX_UNIT for u in units)
    assert " ".join(units) == text
    # Every cut is where a sentence ends, never after the full stop of "U.S." or "Corp.".
    assert all(u.endswith(".") and not u.endswith(("U.S.", "Corp.")) for u in units)
    assert all(u[0].isupper() for u in units)


def test_a_long_line_without_sentences_is_cut_at_spaces() -> None:
    text = " ".join(f"{k},{k * 7 % 1000:03d}" for k in range(3000))
    lines = segment.lines(text, packs.load().boilerplate)
    assert len(lines) > 1 and all(ln.end - ln.start <= segment.MAX_UNIT for ln in lines)
    assert " ".join(text[ln.start : ln.end] for ln in lines) == text


def test_claims_do_not_depend_on_line_breaks() -> None:
    paragraphs = _wire(120)
    text = " ".join(paragraphs)
    assert len(text) > 2 * segment.MAX_UNIT
    as_lines = extract_text("\n\n".join(paragraphs)).claims
    one_line = extract_text(text).claims
    assert len(as_lines) > 150
    assert [(c.text, c.quantity.value, c.sentence) for c in one_line] == [
        (c.text, c.quantity.value, c.sentence) for c in as_lines
    ]
    # Places still point at the figure on its one line.
    assert all(c.line == 1 and text[c.column - 1 :].startswith(c.text) for c in one_line)


def test_spans_answer_as_a_scan_of_every_span_would() -> None:
    spans = [(20, 30), (0, 10), (2, 4), (25, 50), (60, 61)]
    found = segment.Spans.of(spans)
    for start in range(70):
        assert found.hold(start) == any(s <= start < e for s, e in spans)
        for end in range(start, 70):
            assert found.cover(start, end) == any(s <= start and end <= e for s, e in spans)


def test_each_suppression_has_its_own_lines() -> None:
    text = (
        "<!-- factcheck-ignore value-conflict -- a revision -->\nSales rose 9 percent.\n\n"
        "Profit fell.\n<!-- factcheck-ignore period-mismatch,\n scope-mismatch -- revised -->\n"
        "\nCosts rose 2 percent.\n"
    )
    assert segment.suppressions(text) == [
        (["value-conflict"], "a revision", 1, 1, 2),
        (["period-mismatch", "scope-mismatch"], "revised", 5, 5, 8),
    ]


def test_a_list_without_full_stops_is_read_in_bounded_sentences() -> None:
    text = "Monthly sales growth, by region: " + ", ".join(
        f"{k % 40 + 1}.{k % 10}%" for k in range(600)
    )
    claims = extract_text(text).claims
    assert len(claims) == 600
    assert all(len(c.sentence) <= segment.MAX_SENTENCE for c in claims)
    assert len({c.sentence for c in claims}) > 3
