"""Property tests: generated figures parse back to their parts; no text makes it raise."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import extract_text
from factcheck.extract import extract_source
from factcheck.sources import Source

QUALIFIERS = {
    "": ("exact", None, None),
    "about ": ("about", None, None),
    "around ": ("about", None, None),
    "under ": ("under", None, "v"),
    "less than ": ("under", None, "v"),
    "up to ": ("under", None, "v"),
    "over ": ("over", "v", None),
    "more than ": ("over", "v", None),
    "at least ": ("over", "v", None),
    "exceeding ": ("over", "v", None),
    "nearly ": ("nearly", None, "v"),
    "almost ": ("nearly", None, "v"),
}
CURRENCIES = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "RMB ": "CNY", "HK$": "HKD"}
MAGNITUDES = {
    "": 1.0,
    " thousand": 1e3,
    " million": 1e6,
    " billion": 1e9,
    " trillion": 1e12,
    "bn": 1e9,
    "m": 1e6,
    " mn": 1e6,
    "tn": 1e12,
}


@st.composite
def figures(draw: st.DrawFn) -> tuple[str, str, float, str, str | None, str | None]:
    qualifier = draw(st.sampled_from(sorted(QUALIFIERS)))
    symbol = draw(st.sampled_from(sorted(CURRENCIES)))
    magnitude = draw(st.sampled_from(sorted(MAGNITUDES)))
    whole = draw(st.integers(min_value=1, max_value=999_999))
    decimals = draw(st.integers(min_value=0, max_value=2))
    frac = draw(st.integers(min_value=0, max_value=10**decimals - 1)) if decimals else 0
    number = f"{whole:,}" + (f".{frac:0{decimals}d}" if decimals else "")
    value = float(number.replace(",", "")) * MAGNITUDES[magnitude]
    name, low, high = QUALIFIERS[qualifier]
    return f"{qualifier}{symbol}{number}{magnitude}", CURRENCIES[symbol], value, name, low, high


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    figures(),
    st.sampled_from(["Revenue reached {}.", "The fund holds {} in bonds.", "{} was spent"]),
)
def test_generated_figure_parses_back(
    fig: tuple[str, str, float, str, str | None, str | None], frame: str
) -> None:
    written, unit, value, qualifier, low, high = fig
    claims = extract_text(frame.format(written)).claims
    assert len(claims) == 1, (written, [c.text for c in claims])
    q = claims[0].quantity
    assert claims[0].text == written
    assert (q.kind, q.unit, q.qualifier) == ("money", unit, qualifier)
    assert math.isclose(q.value, value, rel_tol=1e-12)
    assert (q.low is not None, q.high is not None) == (low is not None, high is not None)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_never_raises(text: str) -> None:
    extract_text(text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from([".txt", ".md", ".html"]))
def test_any_bytes_never_raise(data: bytes, suffix: str) -> None:
    extract_source(Source(f"x{suffix}", data))


NUMBERISH = st.text(alphabet="0123456789.,-–$€£¥%() abcmnbtkpercent", max_size=60)


@settings(max_examples=400, deadline=None)
@given(NUMBERISH)
def test_numberish_text_never_raises(text: str) -> None:
    for claim in extract_text(text).claims:
        assert claim.text in text or claim.text
