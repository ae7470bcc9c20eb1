"""Property tests: generated figures parse back to their parts; no text makes it raise.

The inputs that found bugs before are generated on purpose: numbers too large for a
float beside months, magnitudes and currencies; control characters and byte-order
marks inside the text; markup and JSON nested deep; very long lines; bytes in mixed
encodings. Plain `st.text()` almost never draws them.
"""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import extract_text, lexicon, packs, quantities
from factcheck.check import check_documents
from factcheck.extract import extract_source
from factcheck.models import Document
from factcheck.report import claims as claims_report
from factcheck.report import findings as findings_report
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


NEWS = st.sampled_from(
    [
        "Season ticket sales at the club rose 6% to 41,200 in May.",
        "The hospital trust spent £3.4bn on agency staff, up from £2.9bn a year earlier.",
        "Solar capacity grew between 12 and 15 percent in the first nine months.",
        "House prices in the region fell 1.8% in March, the lender said.",
        "The chipmaker shipped about 2 million units and earned $840 million.",
        "Retail footfall dropped 4 per cent on Dec 26, the busiest day of the year.",
        "The council's budget for 2025-26 sets aside Rs 3,400 crore for roads.",
        "Fares will rise by up to 5.9% from January, the operator said.",
    ]
)
MONTHS = st.sampled_from(["January", "March", "May", "Sept.", "Dec", "june"])
HUGE = st.integers(min_value=309, max_value=1200).map(lambda n: "9" * n)
CONTROL = st.sampled_from(
    [chr(c) for c in range(32) if c not in (9, 10, 13)]
    + ["\x7f", "\x85", "\u200b", "\u202e", "\u2028", "\ufeff", "\ufffd", "\U0010ffff"]
)


@st.composite
def huge_figures(draw: st.DrawFn) -> str:
    """A number past the float range beside a month, a magnitude, a currency or a percent."""
    digits = draw(HUGE)
    form = draw(
        st.sampled_from(
            [
                "{m} {d}",
                "{d} {m}",
                "${d}",
                "€{d}bn",
                "{d} billion yuan",
                "{d}%",
                "{d}-{d} percent",
                "between {d} and {d}",
                "0.{d}",
                "1.{d} trillion",
                "over ¥{d} trillion ($5 trillion)",
                "FY{d}",
                "{d} basis points",
            ]
        )
    )
    return form.format(d=digits, m=draw(MONTHS))


@st.composite
def nested(draw: st.DrawFn) -> str:
    """Markup or JSON nested deep, closed or not."""
    depth = draw(st.integers(min_value=1, max_value=1500))
    opener, closer = draw(
        st.sampled_from(
            [("<div>", "</div>"), ("<b><i>", "</i></b>"), ('{"a": ', "}"), ("[", "]"), ("> ", "")]
        )
    )
    closes = draw(st.integers(min_value=0, max_value=depth))
    return opener * depth + draw(NEWS) + closer * closes


HOSTILE = st.one_of(
    NEWS,
    huge_figures(),
    nested(),
    CONTROL,
    st.just("\ufeff"),
    st.integers(min_value=1000, max_value=20_000).map(lambda n: "rail fares " * (n // 11) + "5%"),
    st.sampled_from(
        [
            "<script>var s = '</p>$9bn';</script>",
            "<svg><text>$7bn</text></svg>",
            "<!-- 5 billion",
            "&#99999999999; &#x110000; &#0;",
            "---\ntitle: [unclosed\ndate: 2025-02-30\n",
        ]
    ),
    st.text(max_size=40),
)
HOSTILE_TEXT = st.lists(HOSTILE, min_size=1, max_size=8).map(
    lambda parts: "".join(p if len(p) < 2 else p + "\n" for p in parts)
)


def _finite(doc: Document) -> None:
    for claim in doc.claims:
        q = claim.quantity
        assert all(v is None or math.isfinite(v) for v in (q.value, q.low, q.high, q.resolution))
    Document.model_validate_json(doc.model_dump_json())  # as the claim index stores it


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE_TEXT, HOSTILE_TEXT)
def test_hostile_text_never_raises_in_extract_or_check(first: str, second: str) -> None:
    docs = [extract_text(first, path="a.txt"), extract_text(second, path="b.txt")]
    for doc in docs:
        _finite(doc)
        claims_report.to_text([doc])
    report = check_documents(docs)
    findings_report.to_json(report)
    findings_report.to_text(report)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(HOSTILE, st.sampled_from(["utf-8", "cp1252", "latin-1", "utf-16-le", "utf-16"])),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from([".txt", ".md", ".html"]),
)
def test_hostile_bytes_in_mixed_encodings_never_raise(
    pieces: list[tuple[str, str]], suffix: str
) -> None:
    data = b"\n".join(text.encode(codec, errors="replace") for text, codec in pieces)
    doc = extract_source(Source(f"x{suffix}", data))
    if doc is not None:
        _finite(doc)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(NEWS, min_size=1, max_size=3),
    st.integers(min_value=1, max_value=5000),
    st.sampled_from(['{"a": ', '{"revenue": "$5bn", "x": ', "[", '["5%", ']),
    st.booleans(),
)
def test_an_article_ending_in_nested_data_never_raises(
    sentences: list[str], depth: int, opener: str, closed: bool
) -> None:
    closer = "}" if opener.startswith("{") else "]"
    blob = opener * depth + "1" + closer * (depth if closed else depth // 2)
    article = "\n".join(sentences)
    found = extract_text(f"{article}\n{blob}\n").claims
    if closed:  # a blob that runs to the end is data: no figure of it is a claim
        assert [c.text for c in found] == [c.text for c in extract_text(article).claims]


_PIECES = [
    *"0123456789 .,-$€%İıKkTtMmBb\u00a0\u2009\n",
    "Twenty",
    "ONE",
    "half",
    "Quarter",
    "a",
    "bn",
    "Million",
    "fold",
    "Doubled",
]


@settings(deadline=None)  # the first example loads the rules
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_the_quick_number_scan_finds_what_the_pattern_finds(text: str) -> None:
    lex = lexicon.build(packs.load())
    found = [(m.span(), m.lastgroup) for m in quantities.numbers(text, lex)]
    assert found == [(m.span(), m.lastgroup) for m in lex.number.finditer(text)]
