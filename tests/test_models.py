"""The boundary models: what they keep per instance."""

from __future__ import annotations

from factcheck.models import Claim, Period, Quantity


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
