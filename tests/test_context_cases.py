"""The context case tables: each passage's claims get the expected subject, metric and period.

Names agree as the seed answer key's scorer has them agree: by content words,
after folding case, plural -s and the long forms of common abbreviations.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from factcheck import extract_text

CASES = Path(__file__).parent / "cases" / "context"
STOPWORDS = {
    "of",
    "the",
    "in",
    "a",
    "an",
    "and",
    "for",
    "on",
    "to",
    "by",
    "china's",
    "chinese",
    "rate",
}
LONG_FORMS = (
    ("state-owned enterprises", "soes"),
    ("state owned enterprises", "soes"),
    ("state-owned enterprise", "soe"),
    ("research and development", "r&d"),
    ("centrally administered", "central"),
    ("market capitalisation", "market capitalization"),
)


def name_tokens(text: str) -> frozenset[str]:
    t = text.lower().replace("’", "'")
    for long, short in LONG_FORMS:
        t = t.replace(long, short)
    words = "".join(ch if ch.isalnum() or ch in "&'" else " " for ch in t).split()
    out = set()
    for w in words:
        if w in STOPWORDS:
            continue
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return frozenset(out)


def same_name(got: str | None, wanted: str) -> bool:
    if got is None:
        return False
    a, b = name_tokens(got), name_tokens(wanted)
    return bool(a and b) and len(a & b) / len(a | b) >= 0.6


def _load() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.toml")):
        with path.open("rb") as fh:
            for case in tomllib.load(fh).get("case", []):
                params.append(pytest.param(case, id=f"{path.stem}:{case['name']}"))
    return params


@pytest.mark.parametrize("case", _load())
def test_context(case: dict[str, Any]) -> None:
    claims = {c.text: c for c in extract_text(case["text"], published=case["published"]).claims}
    problems = []
    for expect in case["expect"]:
        claim = claims.get(expect["text"])
        if claim is None:
            problems.append(f"{expect['text']!r}: no such claim among {sorted(claims)}")
            continue
        if "subject" in expect and not same_name(claim.subject, expect["subject"]):
            problems.append(
                f"{expect['text']!r}: subject {claim.subject!r}, expected {expect['subject']!r}"
            )
        if "metric_is" in expect and claim.metric != expect["metric_is"]:
            problems.append(
                f"{expect['text']!r}: metric {claim.metric!r}, exactly {expect['metric_is']!r}"
            )
        if "not_subject" in expect and same_name(claim.subject, expect["not_subject"]):
            problems.append(f"{expect['text']!r}: subject {claim.subject!r} must not be")
        if "not_metric" in expect and same_name(claim.metric, expect["not_metric"]):
            problems.append(f"{expect['text']!r}: metric {claim.metric!r} must not be")
        if "metric" in expect and not same_name(claim.metric, expect["metric"]):
            problems.append(
                f"{expect['text']!r}: metric {claim.metric!r}, expected {expect['metric']!r}"
            )
        for part in ("outlook", "direction"):  # "none": the claim has none
            if part in expect and (getattr(claim, part) or "none") != expect[part]:
                problems.append(
                    f"{expect['text']!r}: {part} {getattr(claim, part)!r}, expected {expect[part]!r}"
                )
        if expect.get("no_period") and claim.period is not None:
            problems.append(f"{expect['text']!r}: period {claim.period}, expected none")
        if "period" in expect:
            got = claim.period.model_dump() if claim.period else None
            if got != expect["period"]:
                problems.append(f"{expect['text']!r}: period {got}, expected {expect['period']}")
    assert not problems, "\n".join(problems)


def test_the_table_is_large_enough() -> None:
    assert len(_load()) >= 80


@pytest.mark.parametrize(
    ("got", "wanted", "same"),
    [
        ("central state-owned enterprises", "central SOEs", True),
        ("SOEs", "central SOEs", False),
        ("market capitalisation", "market capitalization", True),
        ("R&D spending", "research and development spending", True),
        (None, "SOEs", False),
    ],
)
def test_name_agreement(got: str | None, wanted: str, same: bool) -> None:
    assert same_name(got, wanted) is same
