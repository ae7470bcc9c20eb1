"""Load and validate the data in `rules/`: vocabularies, words and patterns.

Each file is TOML with a `schema` line and one pydantic model. A user's rule
directory (`--rules DIR`) extends the built-in one: lists are appended and
entries with the same key replace built-in ones.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .errors import InputError


class Pack(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Currency(Pack):
    code: str = Field(pattern=r"^[A-Z]{3}$")
    name: str
    symbols: list[str] = []
    codes: list[str] = []
    names: list[str] = []
    names_before: list[str] = []  # also before a scaled number ("dollar 22.5 million")
    economy: str | None = None  # the country or bloc it is the currency of
    # Its amounts are grouped by dots in the English press too ("Rp 10.000" is ten thousand).
    groups_with_dots: bool = False


class Ambiguous(Pack):
    symbol: str
    default: str
    cues: dict[str, list[str]]
    # Words that name one reading outright ("yen", "JPY"): when the document has any, they
    # decide before the looser cues (places, institutions) are counted.
    named: dict[str, list[str]] = {}
    # Readings that any cue of theirs decides, before the cues are counted ("¥" in a story
    # that speaks of Japan is yen, though China be named more often).
    decides: list[str] = []


class MinorUnit(Pack):
    """A currency's small unit written after the number ("97 cents", "5p", "a penny")."""

    name: str
    words: list[str]
    glued: list[str] = []  # glued to the number ("5p", "345p"), never to a spelled one
    # Numbers that, with a glued form, are something else: "1080p" is a video format.
    glued_not: list[int] = []
    factor: float = Field(gt=0, lt=1)
    default: str = Field(pattern=r"^[A-Z]{3}$")
    cues: dict[str, list[str]] = {}  # as for an ambiguous symbol: which major currency


class Measure(Pack):
    """Currency names that also name a unit of measure ("pounds" of weight)."""

    name: str
    words: list[str]
    before: list[str] = []  # words before the figure that make it the measure ("weighs")
    after: list[str] = []  # words right after the name that do ("of flour", "heavier")


class Currencies(Pack):
    schema_: Literal["factcheck.currencies/1"] = Field(alias="schema")
    currency: list[Currency]
    ambiguous: list[Ambiguous] = []
    minor: list[MinorUnit] = []
    measure: list[Measure] = []
    # Codes that are also words ("try 10 minutes"): read in capitals only.
    words_like_codes: list[str] = []
    # Codes and symbols that also name things numbered after them ("COP28", "PHP 8.3", the
    # "R21" road): before a number, money only with a magnitude or thousands grouping
    # ("COP 50,000", "PHP 2.5 billion", "R1.2bn").
    names_like_codes: list[str] = []


class Magnitude(Pack):
    name: str
    factor: float = Field(gt=0)
    words: list[str] = []
    abbreviations: list[str] = []
    money_only: list[str] = []
    # Glued before a currency code, the magnitude of the amount ("MUSD 75", "75 kEUR").
    before_codes: list[str] = []
    # Nouns after which a money-only abbreviation is a unit, not a magnitude ("100m hurdles").
    unit_nouns: list[str] = []


class Magnitudes(Pack):
    schema_: Literal["factcheck.magnitudes/1"] = Field(alias="schema")
    magnitude: list[Magnitude]


class QualifierWords(Pack):
    name: Literal["under", "over", "nearly", "about"]
    sets: Literal["high", "low", "none"]
    before: list[str] = []
    after: list[str] = []


class Qualifiers(Pack):
    schema_: Literal["factcheck.qualifiers/1"] = Field(alias="schema")
    qualifier: list[QualifierWords]


class Boilerplate(Pack):
    schema_: Literal["factcheck.boilerplate/1"] = Field(alias="schema")
    furniture: list[str] = []
    teasers: list[str] = []
    end: list[str] = []

    @field_validator("furniture", "teasers", "end")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{pattern!r} is not a regular expression: {exc}") from exc
        return patterns


class Parsing(Pack):
    schema_: Literal["factcheck.parsing/1"] = Field(alias="schema")
    number_words: list[str]
    weak_number_words: list[str] = []
    months: list[str]
    time_units: list[str]
    period_lead: list[str] = []
    period_trail: list[str] = []
    count_stop: list[str] = []
    count_nouns: list[str] = []
    identifier_lead: list[str] = []
    # Words that make the figure after them negative ("minus 5%", "negative 0.3%").
    minus_words: list[str] = []
    # "a quarter point" in a rate story: the share of a percentage point each word names,
    # and the words that make a line a story about rates.
    point_shares: dict[str, float] = {}
    rate_words: list[str] = []
    change_words: list[str] = []
    range_words: list[str] = []


class Entity(Pack):
    name: str
    aliases: list[str] = []
    within: str | None = None
    role: Literal["subject", "source"] = "subject"
    place: bool = False  # a country or bloc: "sales in China" narrows a firm's figure to it
    forecasts_for: str | None = None  # whose economy its forecasts are of (a central bank's)


class Refer(Pack):
    words: list[str] = []


class Scope(Pack):
    phrases: list[str] = []
    neutral: list[str] = []
    sectors: dict[str, list[str]] = {}


class Names(Pack):
    demonyms: dict[str, str] = {}
    regions: list[str] = []
    source_words: list[str] = []
    suffixes: list[str] = []
    actions: list[str] = []
    not_names: list[str] = []
    # Nouns that end a title-case name opened by a possessive ("Carer's Allowance",
    # "Children's Hospital"): the possessive there is part of the name, not an owner.
    title_heads: list[str] = []


class Subjects(Pack):
    schema_: Literal["factcheck.subjects/1"] = Field(alias="schema")
    entity: list[Entity]
    refer: Refer = Refer()
    scope: Scope = Scope()
    names: Names = Names()

    @model_validator(mode="after")
    def _within_known(self) -> Subjects:
        known = {e.name for e in self.entity}
        for i, e in enumerate(self.entity):
            if e.within is not None and e.within not in known:
                raise ValueError(
                    f"entity[{i + 1}] ({e.name!r}): within {e.within!r} names no entity"
                )
        return self


class MetricWords(Pack):
    name: str
    aliases: list[str] = []


class MetricPatterns(Pack):
    company_names: dict[str, str] = {}
    count_units: list[str] = []
    not_after: list[str] = []
    # Nouns after a measure that name a bound set on it: "the debt ceiling" is no debt.
    bounds: list[str] = []
    count_verbs: dict[str, str] = {}
    object_metrics: list[str] = []
    object_first: list[str] = []
    verb_objects: dict[str, str] = {}
    growth_words: list[str] = []
    decline_words: list[str] = []
    forecast_words: list[str] = []
    target_words: list[str] = []
    share_words: list[str] = []
    # Measure words that, capitalised inside a sentence, name an occasion: "the Budget".
    occasions: list[str] = []
    occasion_words: list[str] = []
    public_finances: list[str] = []
    not_public_finances: list[str] = []
    # Goods whose "sales" are counted in units, not money: "vehicle sales", "home sales".
    unit_goods: list[str] = []


class Metrics(Pack):
    schema_: Literal["factcheck.metrics/1"] = Field(alias="schema")
    metric: list[MetricWords]
    patterns: MetricPatterns = MetricPatterns()


class NamedPeriod(Pack):
    name: str
    aliases: list[str] = []
    start: str = Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    end: str = Field(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    source: str = Field(min_length=1)


class Periods(Pack):
    schema_: Literal["factcheck.periods/1"] = Field(alias="schema")
    period: list[NamedPeriod] = []


class Calendar(Pack):
    name: str = Field(min_length=1)
    owners: list[str] = Field(min_length=1)
    first_month: int = Field(ge=1, le=12)
    named_by: Literal["end", "start"]
    split_years: bool = False
    # Whether "the second quarter" without a fiscal cue is the owner's fiscal quarter: true
    # for companies and for statistics published in fiscal quarters (India's GDP), false
    # where the fiscal year is the budget's only (US, UK, Japan GDP come by calendar quarter).
    fiscal_quarters: bool = True
    source: str = Field(min_length=1)


class Fiscal(Pack):
    schema_: Literal["factcheck.fiscal/1"] = Field(alias="schema")
    calendar: list[Calendar] = []
    suffixes: list[str] = []


class FxCurrency(Pack):
    code: str = Field(pattern=r"^[A-Z]{3}$")
    source: str = Field(min_length=1)
    average: dict[str, float] = {}
    year_end: dict[str, float] = {}

    @field_validator("average", "year_end")
    @classmethod
    def _years(cls, rates: dict[str, float]) -> dict[str, float]:
        for year, rate in rates.items():
            if not re.fullmatch(r"\d{4}", year):
                raise ValueError(f"{year!r} is not a year")
            if rate <= 0:
                raise ValueError(f"{year}: a rate must be positive")
        return rates


class Fx(Pack):
    schema_: Literal["factcheck.fx/1"] = Field(alias="schema")
    base: str = Field(pattern=r"^[A-Z]{3}$")
    currency: list[FxCurrency] = []


class Whole(Pack):
    name: str
    members: list[str] = []


class RateWords(Pack):
    up: list[str] = []
    down: list[str] = []
    year_on_year: list[str] = []


class NameWords(Pack):
    """Words that keep look-alike names apart, and members of wholes (rules/names.toml)."""

    schema_: Literal["factcheck.names/1"] = Field(alias="schema")
    negations: list[str] = []
    qualifiers: list[str] = []
    outlook: list[str] = []
    panels: list[str] = []
    filler: list[str] = []
    whole: list[Whole] = []
    rates: RateWords = RateWords()


class Directions(Pack):
    """Words that give a change its direction (rules/directions.toml)."""

    schema_: Literal["factcheck.directions/1"] = Field(alias="schema")
    down: list[str] = []
    up: list[str] = []
    clause_breaks: list[str] = []
    levels: list[str] = []
    resizes: list[str] = []

    @model_validator(mode="after")
    def _one_way(self) -> Directions:
        both = sorted(set(self.down) & set(self.up))
        if both:
            raise ValueError(f"words both up and down: {', '.join(both)}")
        return self


class Tolerances(Pack):
    schema_: Literal["factcheck.tolerances/1"] = Field(alias="schema")
    rounding: float = Field(ge=0, lt=1)
    about: float = Field(ge=0, lt=1)
    nearly: float = Field(ge=0, lt=1)
    rule: dict[str, dict[str, Any]] = {}  # each rule's parameters, validated by the rule


class Numbers(Pack):
    """Figures written in words beyond text2num's reach (rules/numbers.toml)."""

    schema_: Literal["factcheck.numbers/1"] = Field(alias="schema")
    denominators: dict[str, int] = {}
    vulgar: dict[str, tuple[int, int]] = {}
    share_follow: list[str] = []
    share_not: list[str] = []
    half_not_after: list[str] = []
    rank_words: list[str] = []
    points: list[str] = []
    multiple_adverbs: dict[str, float] = {}
    multiple_verbs: dict[str, float] = {}
    multiple_verb_not_before: list[str] = []
    compared: list[str] = []
    span_nouns: dict[str, str] = {}  # "low" -> "lowest": the record the word names
    record_words: dict[str, str] = {}

    @model_validator(mode="after")
    def _positive(self) -> Numbers:
        for word, d in self.denominators.items():
            if d < 2:
                raise ValueError(f"denominators: {word!r}: a denominator is at least 2")
        for char, (n, d) in self.vulgar.items():
            if len(char) != 1 or not 0 < n < d:
                raise ValueError(f"vulgar: {char!r}: one character standing for n/d, 0 < n < d")
        for word, factor in {**self.multiple_adverbs, **self.multiple_verbs}.items():
            if factor <= 0:
                raise ValueError(f"{word!r}: a multiple is positive")
        return self


class Packs(Pack):
    """Every rule file, validated."""

    currencies: Currencies
    magnitudes: Magnitudes
    qualifiers: Qualifiers
    boilerplate: Boilerplate
    parsing: Parsing
    subjects: Subjects
    metrics: Metrics
    periods: Periods
    fiscal: Fiscal
    fx: Fx
    tolerances: Tolerances
    names: NameWords
    directions: Directions
    numbers: Numbers


P = TypeVar("P", bound=Pack)
T = TypeVar("T")
R = TypeVar("R")


def per_pack(build: Callable[[T], R]) -> Callable[[T], R]:
    """Cache what is built from a rule pack, keyed by the pack itself.

    Packs are immutable and live as long as the process (`load` caches them),
    but hold lists, so they cannot be hashed for functools.cache.
    """
    built: dict[int, tuple[T, R]] = {}

    def cached(pack: T) -> R:
        hit = built.get(id(pack))
        if hit is None or hit[0] is not pack:
            hit = (pack, build(pack))
            built[id(pack)] = hit
        return hit[1]

    return cached


_FILES: dict[str, type[Pack]] = {
    "currencies": Currencies,
    "magnitudes": Magnitudes,
    "qualifiers": Qualifiers,
    "boilerplate": Boilerplate,
    "parsing": Parsing,
    "subjects": Subjects,
    "metrics": Metrics,
    "periods": Periods,
    "fiscal": Fiscal,
    "fx": Fx,
    "tolerances": Tolerances,
    "names": NameWords,
    "directions": Directions,
    "numbers": Numbers,
}
_KEYS = {
    "currency": "code",
    "ambiguous": "symbol",
    "minor": "name",
    "measure": "name",
    "magnitude": "name",
    "qualifier": "name",
    "entity": "name",
    "metric": "name",
    "period": "name",
    "calendar": "name",
    "whole": "name",
}


def builtin_dir() -> Path:
    """The rules shipped with factcheck: inside the wheel, or the source checkout's."""
    here = Path(__file__).resolve().parent
    shipped = here / "rules"
    return shipped if shipped.is_dir() else here.parents[1] / "rules"


def load(extra: tuple[Path, ...] = ()) -> Packs:
    """Built-in rules extended by the user's rule directories, validated."""
    return _load(tuple(p.resolve() for p in extra))


@cache
def _load(extra: tuple[Path, ...]) -> Packs:
    for directory in extra:
        if not directory.is_dir():
            raise InputError(str(directory), "rule directory not found")
    packs: dict[str, Pack] = {}
    for stem, model in _FILES.items():
        path = builtin_dir() / f"{stem}.toml"
        raw = _read(path)
        for directory in extra:
            user = directory / f"{stem}.toml"
            if user.is_file():
                raw = _merge(raw, _read(user))
                path = user
        packs[stem] = _validate(model, raw, path)
    return Packs.model_validate(packs)


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise InputError(str(path), (exc.strerror or "cannot read").lower()) from exc
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise InputError(
            str(path), f"not valid TOML: {exc}", int(line.group(1)) if line else None
        ) from exc


def _merge(base: dict[str, Any], user: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in user.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = {**out[key], **value}  # a table's entries replace the built-in ones
            continue
        if key not in out or not isinstance(value, list) or not isinstance(out[key], list):
            out[key] = value
            continue
        ident = _KEYS.get(key)
        if ident is None:
            out[key] = out[key] + [v for v in value if v not in out[key]]
            continue
        mine = {v.get(ident): v for v in value if isinstance(v, dict)}
        kept = [v for v in out[key] if not (isinstance(v, dict) and v.get(ident) in mine)]
        out[key] = kept + value
    return out


def _validate(model: type[P], raw: dict[str, Any], path: Path) -> P:
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = _describe(err["loc"], raw)
        raise InputError(str(path), f"{where}: {err['msg']}") from exc


def _describe(loc: tuple[int | str, ...], raw: dict[str, Any]) -> str:
    """`currency[3] (code 'CNY').symbols`: the entry as an editor finds it in the file."""
    parts: list[str] = []
    node: Any = raw
    for step in loc:
        if isinstance(step, int):
            parts[-1] += f"[{step + 1}]"
            node = node[step] if isinstance(node, list) and step < len(node) else None
            if isinstance(node, dict):
                label = next((node[k] for k in ("code", "name", "symbol") if k in node), None)
                if label is not None:
                    parts[-1] += f" ({label!r})"
        else:
            parts.append(str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return ".".join(parts) or "file"
