"""A vocabulary's pattern as a trie matches what the list of its phrases, longest first, does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.lexicon import _alternation as _listed  # the plain form: every phrase, longest first
from factcheck.lexicon import alternation


def _spans(pattern: str, text: str, flags: int = 0) -> list[tuple[int, int]]:
    return [m.span(1) for m in re.finditer(rf"(?<![\w-])({pattern})(?![\w-])", text, flags)]


def test_the_longest_phrase_that_fits_wins() -> None:
    pattern = alternation(["retail", "retail sales", "retail sales growth", "sales"])
    text = "retail sales growth slowed while retail sales rose and retail held; sales fell"
    assert [text[a:b] for a, b in _spans(pattern, text)] == [
        "retail sales growth",
        "retail sales",
        "retail",
        "sales",
    ]


def test_a_shorter_phrase_is_taken_where_the_longer_does_not_end_at_a_word_edge() -> None:
    # "bank of" fits the start of "bank offers", but the edge after it fails: "bank" it is.
    pattern = alternation(["bank", "bank of"])
    assert _spans(pattern, "the bank offers") == [(4, 8)]


def test_a_space_in_a_phrase_matches_any_run_of_blanks() -> None:
    pattern = alternation(["consumer prices"])
    assert _spans(pattern, "consumer \t prices and consumerprices") == [(0, 17)]


def test_phrases_that_differ_only_in_case_share_a_branch_when_case_is_ignored() -> None:
    # Apart, the branch of "US" would be tried first and win with the shorter match.
    phrases = ["US", "us dollar"]
    text = "priced in US dollar terms"
    merged = alternation(phrases, ignore_case=True)
    assert [text[a:b] for a, b in _spans(merged, text, re.I)] == ["US dollar"]
    assert _spans(merged, text, re.I) == _spans(_listed(phrases), text, re.I)


def test_characters_that_mean_something_to_a_pattern_are_taken_literally() -> None:
    pattern = alternation(["S&P 500", "U.S.", "(core)"])
    assert re.search(pattern, "the S&P 500 and U.S. (core)") is not None
    assert re.fullmatch(pattern, "UxSx") is None


def test_a_run_of_blanks_in_a_phrase_is_one_blank() -> None:
    # A shared first blank would otherwise end the shorter phrase before the longer's run.
    phrases = ["net ", "net   debt"]
    text = "its net  debt rose"
    for pattern in (alternation(phrases), _listed(phrases)):
        assert [text[a:b] for a, b in _spans(pattern, text)] == ["net  debt"]


def test_no_phrases_match_nothing() -> None:
    assert alternation([]) == ""
    assert alternation(["", ""]) == ""


_WORDS = st.text(alphabet="abAB -", min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=8), st.lists(_WORDS, max_size=8))
def test_the_trie_matches_as_the_list_does(phrases: list[str], words: list[str]) -> None:
    text = " ".join(words)
    trie = alternation(phrases)
    assert _spans(trie or "(?!)", text) == _spans(_listed(phrases) or "(?!)", text)
    folded = alternation(phrases, ignore_case=True)
    assert _spans(folded or "(?!)", text, re.I) == _spans(_listed(phrases) or "(?!)", text, re.I)
