"""The boundary models: what they keep per instance."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from factcheck import extract_text
from factcheck.check import check_documents
from factcheck.extract import extract_paths
from factcheck.models import (
    Claim,
    Document,
    Finding,
    FindingClaim,
    Link,
    Period,
    Quantity,
    shared_keys,
)


def _claim(**given: object) -> Claim:
    fields: dict[str, object] = {
        "id": "a.txt#1",
        "line": 1,
        "column": 1,
        "end_line": 1,
        "end_column": 5,
        "text": "$5bn",
        "sentence": "Exports reached $5bn in 2024.",
        "quantity": {
            "kind": "money",
            "unit": "USD",
            "value": 5e9,
            "low": None,
            "high": None,
            "qualifier": "exact",
            "stated": "5",
            "resolution": 1e9,
        },
        "subject": "Chile",
        "metric": "exports",
        "period": {"start": "2024", "end": "2024"},
        "boilerplate": False,
        "links": [],
        "origin": None,
        "direction": None,
        "outlook": None,
    }
    fields.update(given)
    return Claim.model_validate(fields)


def test_claims_given_every_field_share_one_record_of_it() -> None:
    a, b = _claim(), _claim(id="a.txt#2")
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
    assert a.quantity.__pydantic_fields_set__ is b.quantity.__pydantic_fields_set__
    assert a.model_fields_set == set(Claim.model_fields)
    a.subject = "Peru"  # a field already in the shared record: nothing changes for b
    assert b.model_fields_set == set(Claim.model_fields)
    assert b.subject == "Chile"


def test_a_claim_missing_fields_keeps_its_own_record() -> None:
    full = _claim()
    partial = Claim.model_validate(
        {k: v for k, v in full.model_dump().items() if k not in ("direction", "outlook")}
    )
    assert partial.__pydantic_fields_set__ is not full.__pydantic_fields_set__
    partial.direction = "up"  # recorded on this claim alone
    assert "direction" in partial.model_fields_set
    assert "outlook" not in partial.model_fields_set
    assert partial.model_dump(exclude_unset=True).keys() == Claim.model_fields.keys() - {"outlook"}
    assert full.model_fields_set == set(Claim.model_fields)


def test_built_without_validation_and_copied_alike() -> None:
    q = Quantity.model_construct(
        kind="percent",
        unit="percent",
        value=5.0,
        low=None,
        high=None,
        qualifier="exact",
        stated="5",
        resolution=1.0,
    )
    assert (
        q.__pydantic_fields_set__ is Quantity.model_validate(q.model_dump()).__pydantic_fields_set__
    )
    half = Period(start="2024")
    moved = half.model_copy(update={"end": "2025"})
    assert half.model_fields_set == {"start"}
    assert moved.end == "2025"


def _as_validated(claim: Claim) -> Claim:
    return Claim.model_validate(claim.model_dump())


def test_extracted_claims_are_what_validation_would_build(seeds: Path) -> None:
    # Extraction builds its claims unvalidated (`Model.built`): every one must equal the
    # claim validation makes of the same values, to the float type of a whole number.
    claims = [c for doc in extract_paths([seeds]) for c in doc.claims]
    claims += extract_text(
        "Shares rose 3 points to 120p, or 2 1/2 per cent, after the firm sold 1,200 homes "
        "for $15 million (£12m) in the first half; the stake is worth about 40%."
    ).claims
    assert len(claims) > 40
    for claim in claims:
        again = _as_validated(claim)
        assert claim == again
        assert claim.model_dump_json() == again.model_dump_json()
        assert claim.__pydantic_fields_set__ is again.__pydantic_fields_set__
        numbers = (claim.quantity.value, claim.quantity.resolution)
        assert all(type(n) is float for n in numbers)
    assert any(c.links for c in claims)  # links were built too


def test_findings_and_their_quotes_are_what_validation_would_build(seeds: Path) -> None:
    report = check_documents(extract_paths([seeds]))
    assert report.findings
    for finding in report.findings:
        again = Finding.model_validate(finding.model_dump())
        assert finding == again
        assert finding.model_dump_json() == again.model_dump_json()


def test_built_without_a_field_says_which() -> None:
    with pytest.raises(TypeError, match="Link built without target"):
        Link.built({"kind": "conversion"})
    link = Link.built({"kind": "conversion", "target": "a.txt#1"})
    assert link == Link(kind="conversion", target="a.txt#1")


def test_alike_figures_in_a_row_share_their_reading_and_its_origin() -> None:
    # A flattened table repeats one figure thousands of times: one record serves the run.
    claims = extract_text("Shares of the fund, by year: 4% 4% 4% 4% 5% 5%.").claims
    assert [c.quantity.value for c in claims] == [4.0, 4.0, 4.0, 4.0, 5.0, 5.0]
    assert claims[0].quantity is claims[3].quantity
    assert claims[3].quantity is not claims[4].quantity
    assert claims[0].origin is claims[3].origin
    assert [c.id for c in claims] == [f"<text>#{k}" for k in range(1, 7)]


def test_built_records_share_their_field_names_with_each_other() -> None:
    # A check of 10^6 claims holds about as many claims and quotes: each built one keeps only
    # its values, while one validated from JSON keeps a dictionary of every name besides.
    quote = {
        "path": "wire/2024-03-01.md",
        "line": 12,
        "column": 5,
        "text": "$4.2 billion",
        "value": 4.2e9,
        "unit": "USD",
        "subject": "Acme Corp",
        "metric": "revenue",
        "period": None,
        "id": "wire/2024-03-01.md#3",
        "sentence": None,
        "published": "2024-03-01",
        "end_line": 12,
        "end_column": 17,
    }
    FindingClaim.model_validate(quote)  # one validated first must not spoil it for the rest

    def held(make: Callable[[], FindingClaim]) -> int:
        tracemalloc.start()
        try:
            kept = [make() for _ in range(2000)]
            return tracemalloc.get_traced_memory()[0] // len(kept)
        finally:
            tracemalloc.stop()

    built = held(lambda: FindingClaim.built(dict(quote)))
    validated = held(lambda: FindingClaim.model_validate(quote))
    assert built < 0.7 * validated
    assert FindingClaim.built(dict(quote)) == FindingClaim.model_validate(quote)


def test_documents_from_worker_processes_keep_their_claims_as_built_ones_do(
    seeds: Path,
) -> None:
    # --jobs hands documents back as JSON: validated, each record has a dictionary of its
    # own until `shared_keys` moves it onto its class's shared keys, changing nothing else.
    texts = [doc.model_dump_json() for doc in extract_paths([seeds])]

    def held(share: bool) -> tuple[int, list[Document]]:
        tracemalloc.start()
        try:
            docs = [Document.model_validate_json(t) for t in texts]
            if share:
                docs = [shared_keys(d) for d in docs]
            return tracemalloc.get_traced_memory()[0], docs
        finally:
            tracemalloc.stop()

    plain, validated = held(False)
    compact, shared = held(True)
    assert compact < 0.85 * plain
    assert shared == validated
    assert [d.model_dump_json() for d in shared] == texts
    assert any(c.links for d in shared for c in d.claims)  # links and origins moved too
