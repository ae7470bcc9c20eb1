"""Mojibake repair, in general: cp874 and cp1252 mis-decodings, and what must stay as it is."""

from __future__ import annotations

import pytest

from factcheck.repair import repair, repair_text
from factcheck.textmap import SourceMap


def _as_cp874_mojibake(text: str, drop_c1: bool = False) -> str:
    """What a UTF-8 text looks like after a cp874 decoder dropped the bytes it cannot show.

    With `drop_c1` the decoder also dropped 0x80-0x9F (as TIS-620 readers do), so
    "’" leaves only "โ": the form found in real articles.
    """
    data = text.encode("utf-8")
    if drop_c1:
        data = bytes(b for b in data if not 0x80 <= b <= 0x9F)
    return data.decode("cp874", errors="ignore")


@pytest.mark.parametrize(
    "original",
    [
        "Assets of ¥90 trillion",
        "China’s top leadership",
        "the 15th Five-Year Plan (2026–2030)",
        "it is a directive to compete—backed by state capital",
        "emphasizing “key and core technologies,” deeper integration",
        "Beijing isn’t just shuffling paper—it’s welding",
        "© 2025 Rare Earth Exchanges™",
        "a price of £5 and €7",
    ],
)
@pytest.mark.parametrize("drop_c1", [False, True])
def test_cp874_mojibake_is_undone(original: str, drop_c1: bool) -> None:
    broken = _as_cp874_mojibake(original, drop_c1)
    assert broken != original
    assert repair_text(broken) == original


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        ("Itâ€™s â‚¬5 and cafÃ© â€” ok", "It’s €5 and café — ok"),
        ("The â€œbestâ€\x9d year", "The “best” year"),
        ("naÃ¯ve rÃ©sumÃ©", "naïve résumé"),
    ],
)
def test_cp1252_mojibake_is_undone(broken: str, fixed: str) -> None:
    assert repair_text(broken) == fixed


@pytest.mark.parametrize(
    "clean",
    [
        "ภาษาไทยเป็นภาษาราชการของประเทศไทย มีผู้พูด 65 ล้านคน",
        "café, naïve, São Paulo, Zürich, €5, ¥70, “quotes”",
        "Москва и Санкт-Петербург",
        "plain ASCII text with 5 numbers",
    ],
)
def test_clean_text_is_left_alone(clean: str) -> None:
    mapped, changed = repair(SourceMap(clean))
    assert not changed
    assert mapped.text == clean


def test_repaired_positions_map_back_to_the_broken_text() -> None:
    broken = _as_cp874_mojibake("Chinaโs assets: ¥90 trillion ($12.5 trillion)")
    mapped, changed = repair(SourceMap(broken))
    assert changed
    at = mapped.text.index("¥90")
    origin = mapped.origin(at)
    assert broken[origin : mapped.origin_end(at + 3)] == _as_cp874_mojibake("¥90")


def test_a_long_run_of_repairs_that_keep_the_length_reads_and_maps_whole() -> None:
    # cp1252's curly apostrophe left as a C1 control: each repair keeps the text's length, so
    # the whole text stays one piece of the map, built from thousands of runs.
    broken = "It\x92s up 5% and it\x92s $4bn. " * 2000
    mapped, changed = repair(SourceMap(broken))
    assert changed
    assert mapped.text == broken.replace("\x92", "\u2019")
    at = mapped.text.rindex("$4bn")
    assert broken[mapped.origin(at) : mapped.origin_end(at + 4)] == "$4bn"
