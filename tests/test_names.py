"""Names of owners and measures: which spellings are one name, and where they are looked for."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import names, packs

WORDS = names.words(packs.load().names)
VOCABULARY = [
    "net",
    "income",
    "revenue",
    "exports",
    "Volkswagen",
    "group",
    "core",
    "GDP",
    "12",
    "21",
]


@st.composite
def spellings(draw: st.DrawFn) -> tuple[str, str]:
    """A name and a variant of it: a word in the plural, or with a letter changed, lost or added."""
    words = draw(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=3))
    variant = list(words)
    k = draw(st.integers(0, len(words) - 1))
    word = variant[k]
    edit = draw(st.sampled_from(["plural", "drop", "swap", "insert", "none"]))
    at = draw(st.integers(0, len(word) - 1))
    if edit == "plural":
        variant[k] = word + "s"
    elif edit == "drop" and len(word) > 1:
        variant[k] = word[:at] + word[at + 1 :]
    elif edit == "swap":
        variant[k] = word[:at] + draw(st.sampled_from("aeiouxz")) + word[at + 1 :]
    elif edit == "insert":
        variant[k] = word[:at] + draw(st.sampled_from("aeiousxz0")) + word[at:]
    return " ".join(words), " ".join(variant)


@settings(max_examples=1000)
@given(spellings())
def test_names_that_are_one_name_share_their_spelling_block(pair: tuple[str, str]) -> None:
    # The matcher compares a new name only with the names of its block: sound only if no
    # two names `same` takes for one fall in different blocks.
    a, b = pair
    if names.same(a, b, WORDS):
        assert names.spelling_block(a, WORDS) == names.spelling_block(b, WORDS)


def test_short_numbers_set_names_apart_and_words_do_not() -> None:
    block = names.spelling_block
    assert block("Company 12", WORDS) != block("Company 21", WORDS)
    assert block("Volkswagen", WORDS) == block("Volkswagon", WORDS)
    assert block("net income", WORDS) == block("net incomes", WORDS)
    assert block("core rate", WORDS) == block("core rates", WORDS)
