"""Rule files: validated on load, errors name file and entry, user packs extend."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import extract_text, packs
from factcheck.errors import InputError


def test_builtin_packs_are_valid() -> None:
    loaded = packs.load()
    codes = {c.code for c in loaded.currencies.currency}
    assert {"CNY", "USD", "EUR", "GBP", "JPY"} <= codes
    assert {q.name for q in loaded.qualifiers.qualifier} == {"under", "over", "nearly", "about"}


def test_a_bad_entry_is_named(tmp_path: Path) -> None:
    (tmp_path / "currencies.toml").write_text(
        'schema = "factcheck.currencies/1"\n[[currency]]\ncode = "yuan"\nname = "x"\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as err:
        packs.load((tmp_path,))
    message = str(err.value)
    assert message.startswith(f"{tmp_path / 'currencies.toml'}: currency[")
    assert "code" in message and "'yuan'" in message


def test_invalid_toml_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "qualifiers.toml").write_text(
        'schema = "factcheck.qualifiers/1"\n[[qualifier]\n', encoding="utf-8"
    )
    with pytest.raises(InputError) as err:
        packs.load((tmp_path,))
    assert err.value.line == 2
    assert str(err.value).startswith(f"{tmp_path / 'qualifiers.toml'}:2: not valid TOML")


def test_a_bad_pattern_is_named(tmp_path: Path) -> None:
    (tmp_path / "boilerplate.toml").write_text(
        'schema = "factcheck.boilerplate/1"\nfurniture = ["(unclosed"]\n', encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"furniture: .*not a regular expression"):
        packs.load((tmp_path,))


def test_a_missing_rule_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="rule directory not found"):
        packs.load((tmp_path / "nowhere",))


def test_user_pack_adds_a_currency_and_a_qualifier(tmp_path: Path) -> None:
    text = "Reserves reached a shade under 40 billion zorkmids."
    assert extract_text(text).claims[0].quantity.unit is None
    (tmp_path / "currencies.toml").write_text(
        'schema = "factcheck.currencies/1"\n[[currency]]\ncode = "ZRK"\nname = "zorkmid"\n'
        'names = ["zorkmids"]\n',
        encoding="utf-8",
    )
    (tmp_path / "qualifiers.toml").write_text(
        'schema = "factcheck.qualifiers/1"\n[[qualifier]]\nname = "nearly"\nsets = "high"\n'
        'before = ["nearly", "almost", "a shade under"]\n',
        encoding="utf-8",
    )
    (claim,) = extract_text(text, rules=(tmp_path,)).claims
    assert claim.text == "a shade under 40 billion zorkmids"
    assert (claim.quantity.unit, claim.quantity.value, claim.quantity.high) == ("ZRK", 4e10, 4e10)
    # The built-in currencies are still there.
    assert extract_text("It cost $5 billion.", rules=(tmp_path,)).claims[0].quantity.unit == "USD"


def test_user_pack_replaces_a_small_unit_by_name(tmp_path: Path) -> None:
    text = "A loaf went up 12 cents at the village shop."
    assert extract_text(text).claims[0].quantity.unit == "USD"
    (tmp_path / "currencies.toml").write_text(
        'schema = "factcheck.currencies/1"\ncurrency = []\n'
        '[[minor]]\nname = "cent"\nwords = ["cents", "cent"]\nfactor = 0.01\ndefault = "CAD"\n',
        encoding="utf-8",
    )
    (claim,) = extract_text(text, rules=(tmp_path,)).claims
    assert (claim.quantity.unit, claim.quantity.value) == ("CAD", 0.12)
    assert len(packs.load((tmp_path,)).currencies.minor) == 2  # the penny is still there


def test_an_emptied_word_list_matches_nothing(tmp_path: Path) -> None:
    (tmp_path / "currencies.toml").write_text(
        'schema = "factcheck.currencies/1"\ncurrency = []\n'
        '[[measure]]\nname = "weight"\nwords = ["pound", "pounds"]\nbefore = ["weighs"]\n',
        encoding="utf-8",
    )
    paid = extract_text("He paid 300 pounds for it.", rules=(tmp_path,)).claims[0]
    weighs = extract_text("The calf weighs 300 pounds.", rules=(tmp_path,)).claims[0]
    assert (paid.quantity.unit, weighs.quantity.unit) == ("GBP", None)


def test_user_numbers_pack_adds_a_fraction_and_keeps_the_others(tmp_path: Path) -> None:
    text = "A twelfth of the fleet was grounded, and a third of the crews were idle."
    assert [c.text for c in extract_text(text).claims] == ["a third"]
    (tmp_path / "numbers.toml").write_text(
        'schema = "factcheck.numbers/1"\ndenominators.twelfth = 12\n', encoding="utf-8"
    )
    claims = extract_text(text, rules=(tmp_path,)).claims
    assert [(c.text, round(c.quantity.value, 2)) for c in claims] == [
        ("A twelfth", 8.33),
        ("a third", 33.33),
    ]


def test_a_bad_numbers_entry_is_named(tmp_path: Path) -> None:
    (tmp_path / "numbers.toml").write_text(
        'schema = "factcheck.numbers/1"\nvulgar."½" = [2, 1]\n', encoding="utf-8"
    )
    with pytest.raises(InputError, match="vulgar"):
        packs.load((tmp_path,))
