"""Run the rules over the matcher's links: severities, switches and options from the config."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from . import confidence
from .errors import InputError
from .facts import Fact
from .match import ClaimLink, LinkKind
from .models import Finding, FindingClaim, Severity
from .packs import Packs

SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Verdict:
    """What a rule's check says of a link: the message and advice, and the claims it names."""

    message: str
    facts: tuple[Fact, ...]
    advice: str | None = None


@dataclass(frozen=True)
class Rule:
    """A rule: its name (its only ID), default severity, options model, what it reads, and its check."""

    name: str
    default_severity: Severity
    options: type[BaseModel]
    reads: tuple[LinkKind, ...]
    check: Callable[[ClaimLink, Packs, Any], Iterable[Verdict]]
    doc: str
    # An alarm says a figure is wrong: it rests on context stated beside every figure, and
    # one whose owner, measure or period was inferred is low confidence (shown on request).
    alarm: bool = False

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0]


class RuleSetting(BaseModel, extra="forbid"):
    """How the configuration sets one rule: its severity ("off" switches it off) and options."""

    severity: Severity | str | None = None
    options: dict[str, Any] = {}


@dataclass(frozen=True)
class Configured:
    rule: Rule
    severity: Severity
    options: BaseModel


def configure(
    rules: list[Rule],
    settings: dict[str, RuleSetting],
    defaults: dict[str, dict[str, Any]] | None = None,
    where: str = "configuration",
) -> list[Configured]:
    """Apply severities and options over the defaults in rules/tolerances.toml; mistakes are errors."""
    defaults = defaults or {}
    known = {r.name for r in rules}
    for name in settings:
        if name not in known:
            raise InputError(where, f"rules.{name}: no such rule (see `factcheck rules`)")
    out = []
    for rule in rules:
        setting = settings.get(rule.name, RuleSetting())
        severity = setting.severity or rule.default_severity
        if severity == "off":
            continue
        if severity not in SEVERITY_ORDER:
            raise InputError(
                where,
                f"rules.{rule.name}.severity: {severity!r} is not error, warning, info or off",
            )
        try:
            options = rule.options.model_validate(
                {**defaults.get(rule.name, {}), **setting.options}
            )
        except ValidationError as exc:
            err = exc.errors()[0]
            key = ".".join(str(p) for p in err["loc"])
            raise InputError(where, f"rules.{rule.name}.{key}: {err['msg']}") from exc
        out.append(Configured(rule, severity, options))  # type: ignore[arg-type]
    return out


def run(links: Iterable[ClaimLink], rules: list[Configured], packs: Packs) -> list[Finding]:
    """Every finding of every rule, most severe first, then by rule and place.

    Each finding carries its confidence; an error below high confidence is a warning.
    """
    readers: dict[str, list[Configured]] = {}
    for c in rules:
        for kind in c.rule.reads:
            readers.setdefault(kind, []).append(c)
    findings: list[Finding] = []
    seen: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
    # One quote per claim, shared by every finding that names it: across an archive a
    # claim may stand in dozens of findings, and its quote is most of a finding's size.
    quotes: dict[int, FindingClaim] = {}
    for link in links:
        for c in readers.get(link.kind, ()):
            for verdict in c.rule.check(link, packs, c.options):
                ids = tuple(sorted({(f.doc.path, f.claim.id) for f in verdict.facts}))
                if (c.rule.name, ids) in seen:
                    continue
                seen.add((c.rule.name, ids))
                ordered = sorted(
                    verdict.facts, key=lambda f: (f.doc.path, f.claim.line, f.claim.column)
                )
                level, note = confidence.assess(ordered)
                if c.rule.alarm and level != "high" and not _dated_by_article(ordered):
                    level = "low"
                severity, message = c.severity, verdict.message
                if note is not None:
                    message = f"{message} Less sure: {note}."
                if severity == "error" and level != "high":
                    # An error stops a build; one that rests on guessed context only warns.
                    severity = "warning"
                findings.append(
                    Finding.built(
                        {
                            "rule": c.rule.name,
                            "severity": severity,
                            "confidence": level,
                            "message": message,
                            "claims": [quotes.get(f.index) or _quote(f, quotes) for f in ordered],
                            "advice": verdict.advice,
                        }
                    )
                )
    findings.sort(key=order)
    return findings


def _quote(fact: Fact, quotes: dict[int, FindingClaim]) -> FindingClaim:
    quotes[fact.index] = quote = fact.quote()
    return quote


def order(f: Finding) -> tuple[int, str, str, int, int]:
    """How findings are listed: most severe first, then by rule and place."""
    return (
        SEVERITY_ORDER[f.severity],
        f.rule,
        f.claims[0].path,
        f.claims[0].line,
        f.claims[0].column,
    )


def _dated_by_article(facts: list[Fact]) -> bool:
    """Every part of every claim stated beside it, save periods taken from the headline or lead."""
    for f in facts:
        o = f.claim.origin
        if o is None:
            continue
        if o.subject not in ("sentence", "nearby", "given") or o.metric not in (
            "sentence",
            "nearby",
            "given",
        ):
            return False
        if o.period not in ("sentence", "nearby", "given", "article"):
            return False
    return True
