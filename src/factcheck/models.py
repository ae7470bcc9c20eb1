"""Pydantic models for everything that crosses a boundary: claims, documents, reports."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Any, ClassVar, Literal, Self

from pydantic import BaseModel, ConfigDict, Field

CLAIMS_SCHEMA = "factcheck.claims/1"

Kind = Literal["money", "percent", "count", "number"]
Qualifier = Literal["exact", "under", "over", "nearly", "about", "range"]
LinkKind = Literal["conversion", "change-from", "rate-of"]
# Where a part of a claim's context was found: in the figure's own sentence, in a sentence
# next to it, in the article's headline or lead (its topic or reporting period), by a
# reporting convention, or not found and defaulted (the publication year); or given with
# the claim (a claims file whose context was set or edited after extraction).
Origin = Literal["sentence", "nearby", "article", "convention", "default", "given"]
Confidence = Literal["high", "medium", "low"]
Direction = Literal["up", "down"]
Outlook = Literal["forecast", "target", "estimate", "guidance"]


class Model(BaseModel):
    """Base: strict about unknown fields, so a typo in a caller fails loudly."""

    model_config = ConfigDict(extra="forbid")
    _every_field: ClassVar[set[str]] = set()

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls._every_field = set(cls.model_fields)
        # Instances whose attributes are set one by one share the names with every other
        # instance of the class (key-sharing dictionaries), while a dict of their own holds
        # a copy of every name and its hash: 550 bytes of a finding's quote become 300, and
        # a check of 10^6 claims holds half a gigabyte less. A class shares only the names
        # its first instances set, before others without them use up its table: one such
        # instance now, before any validated instance (which brings a dict of its own).
        first = cls.__new__(cls)
        for name in cls.model_fields:
            object.__setattr__(first, name, None)

    def model_post_init(self, context: Any, /) -> None:
        # Pydantic gives every instance a set of the fields it was given: 700 bytes for a
        # claim's sixteen names, as much again for its quantity, more than their values;
        # about 2 GB over an archive's million claims. Instances given every field share
        # one set instead: assigning a field adds a name that set already holds.
        if len(self.__pydantic_fields_set__) == len(self._every_field):
            object.__setattr__(self, "__pydantic_fields_set__", self._every_field)

    @classmethod
    def built(cls, values: dict[str, Any]) -> Self:
        """An instance of values this program made and typed itself, every field given.

        Not validated: pydantic's compiled validator takes 4 µs over an extracted claim and
        its `model_construct` 9 µs, more than the rest of building it in a run of figures
        ("5% 5% 5% ..."); what comes from outside (JSON, a store) is validated as ever. The
        tests hold what this builds equal to what validation builds from the same values.
        """
        if len(values) != len(cls._every_field):
            missing = sorted(cls._every_field - values.keys())
            raise TypeError(f"{cls.__name__} built without {', '.join(missing) or 'known fields'}")
        made = cls.__new__(cls)
        # Into the instance's own, shared-key dictionary, not `__dict__ = values` (see
        # above); item by item, as a dict given whole would replace its table.
        made.__dict__.update(values.items())
        # The other three slots `model_construct` fills.
        object.__setattr__(made, "__pydantic_fields_set__", cls._every_field)
        object.__setattr__(made, "__pydantic_extra__", None)
        object.__setattr__(made, "__pydantic_private__", None)
        return made


class Period(Model):
    """When a figure holds: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` at each end."""

    start: str | None = None
    end: str | None = None


class Quantity(Model):
    """A figure normalised to whole units, with the bounds its wording sets."""

    kind: Kind
    unit: str | None = Field(description="ISO 4217 code, 'percent', 'pp', or null")
    value: float
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = "exact"
    stated: str = Field(description="the digits as written, e.g. '71.4' or 'six'")
    resolution: float = Field(
        description="one unit of the last stated digit, in whole units: '71.4 trillion' is 1e11"
    )


class Link(Model):
    """A relation from one claim to another in the same document.

    `conversion`: this amount is the target converted into another currency.
    `change-from`: this figure is the end of a change that starts at the target.
    `rate-of`: this percentage is the growth rate of the target figure.
    """

    kind: LinkKind
    target: str = Field(description="id of the other claim")


class ContextOrigin(Model):
    """Where each part of a claim's context came from: what a finding's confidence is built of."""

    subject: Origin = "sentence"
    metric: Origin = "sentence"
    period: Origin = "sentence"
    basis: str | None = Field(
        default=None,
        description="a digest of the subject, metric and period as found, one part each; "
        "a part edited since no longer matches its digest and counts as given",
    )


def context_basis(subject: str | None, metric: str | None, period: Period | None) -> str:
    """`ContextOrigin.basis`: six hex digits for each of subject, metric and period."""
    span = f"{period.start}/{period.end}" if period is not None else ""
    return f"{_digest(subject or '')}.{_digest(metric or '')}.{_digest(span)}"


@lru_cache(maxsize=4096)  # an article repeats its few subjects, metrics and periods
def _digest(part: str) -> str:
    return hashlib.blake2b(part.encode(), digest_size=3).hexdigest()


class Claim(Model):
    """One numeric claim found in a document."""

    id: str
    line: int = Field(ge=1, description="1-based line in the file on disk")
    column: int = Field(ge=1, description="1-based character column in the file on disk")
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1, description="column just past the claim's last character")
    text: str
    sentence: str
    quantity: Quantity
    subject: str | None = None
    metric: str | None = None
    period: Period | None = None
    boilerplate: bool = Field(
        default=False, description="true for figures outside the article proper (teasers)"
    )
    links: list[Link] = Field(default_factory=list)
    origin: ContextOrigin | None = Field(
        default=None,
        description="where subject, metric and period were found; absent: given with the claim",
    )
    direction: Direction | None = Field(
        default=None,
        description="for a change or growth rate, the direction its wording gives (fell: down)",
    )
    outlook: Outlook | None = Field(
        default=None,
        description="a forecast, target, guidance or estimate rather than a result",
    )


class Suppression(Model):
    """An author's `<!-- factcheck-ignore RULE -- reason -->`: findings of RULE on these lines are not reported."""

    rules: list[str]
    reason: str | None = None
    line: int = Field(ge=1, description="where the comment stands")
    first_line: int = Field(ge=1, description="first line it covers")
    last_line: int = Field(
        ge=1, description="last line it covers: the comment's and the next non-blank one"
    )


class Document(Model):
    """One article: where it is, what it is, and the claims it makes."""

    path: str
    title: str | None = None
    published: str | None = None
    reference: str | None = Field(
        default=None, description="the date relative periods are resolved against"
    )
    reference_estimated: bool = Field(
        default=False, description="true when the article is undated and `reference` is inferred"
    )
    encoding: str | None = None
    repaired: bool = Field(default=False, description="true when mojibake was repaired")
    claims: list[Claim] = Field(default_factory=list)
    suppressions: list[Suppression] = Field(default_factory=list)


def shared_keys(doc: Document) -> Document:
    """The document, its claims' records moved into key-sharing dictionaries, in place.

    Validation gives each record a dictionary of its own (see `Model`): for the documents
    worker processes hand back as JSON, 1.4 KB a claim becomes 0.9 KB, for a few µs of the
    0.8 ms a worker spends extracting it. A claim store's parts are checked and dropped
    one by one, and are left as validated.
    """
    for claim in doc.claims:
        _move(claim)
        _move(claim.quantity)
        if claim.period is not None:
            _move(claim.period)
        if claim.origin is not None:
            _move(claim.origin)
        for link in claim.links:
            _move(link)
    return doc


def _move(record: Model) -> None:
    kind = type(record)
    shared = kind.__new__(kind).__dict__  # an empty dictionary on the class's shared keys
    shared.update(record.__dict__.items())
    object.__setattr__(record, "__dict__", shared)


class ClaimsReport(Model):
    """The document `factcheck extract --format json` prints."""

    schema_: Literal["factcheck.claims/1"] = Field(default="factcheck.claims/1", alias="schema")
    documents: list[Document]

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


REPORT_SCHEMA = "factcheck.report/1"
Severity = Literal["error", "warning", "info"]


class FindingClaim(Model):
    """A claim as a finding quotes it."""

    path: str
    line: int
    column: int
    text: str
    value: float
    unit: str | None
    subject: str | None
    metric: str | None
    period: Period | None
    id: str | None = None
    sentence: str | None = None
    published: str | None = None
    end_line: int | None = None
    end_column: int | None = None


class Finding(Model):
    """What a rule says about linked claims."""

    rule: str
    severity: Severity
    confidence: Confidence = Field(
        default="high",
        description="how sure the link is: high when every claim's context is stated beside it",
    )
    message: str
    claims: list[FindingClaim]
    advice: str | None = Field(default=None, description="what an editor can do about it")


class Summary(Model):
    documents: int
    claims: int
    findings: dict[Severity, int]
    suppressed: int = Field(default=0, description="findings left out by inline comments")
    baselined: int = Field(
        default=0, description="findings left out because the baseline holds them"
    )


class Report(Model):
    """The document `factcheck check --format json` prints."""

    schema_: Literal["factcheck.report/1"] = Field(default="factcheck.report/1", alias="schema")
    findings: list[Finding]
    summary: Summary

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
