"""The checking pipeline: documents in, findings out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import collector, confidence, engine, facts, match, packs
from .checks import RULES
from .config import Settings
from .models import Claim, Document, Finding, Report, Severity, Summary
from .store.keys import Keys, bucket

# Above this many claims, a check of articles against each other runs a part at a time: the
# claim store's buckets, which no link crosses. The findings are the same, and what the
# matcher and the rules hold at once is one part's: at 10^6 claims the check peaks at 1.7 GB
# instead of 2.5 GB, for about a sixth more time (54 s against 46 s), a trade worth making
# only where memory runs short.
PARTS_FROM = 250_000


def check_documents(
    docs: list[Document],
    settings: Settings | None = None,
    rules: tuple[Path, ...] = (),
    focus: Iterable[str] | None = None,
) -> Report:
    """Link the claims of `docs` and run the rules; `focus` keeps findings that involve those paths."""
    claims = sum(len(d.claims) for d in docs)
    if focus is None and claims > PARTS_FROM:
        rule_set = packs.load(tuple((settings or Settings()).rule_packs) + rules)
        return check_in_parts(in_parts(docs, rule_set), settings, rules, (len(docs), claims))
    return _check_whole(docs, settings, rules, focus)


def in_parts(docs: list[Document], rule_set: packs.Packs) -> Iterator[list[Document]]:
    """The articles a bucket at a time, each with that bucket's claims, in the order given;
    a claim without a measure, which nothing links, is in none."""
    by = Keys(rule_set)
    buckets: dict[str | None, int | None] = {}  # a few thousand measures among 10^6 claims
    parts: dict[int, dict[int, list[Claim]]] = defaultdict(dict)
    for k, doc in enumerate(docs):
        for claim in doc.claims:
            number = buckets.get(claim.metric, -1)
            if number == -1:
                block = by.block(claim.metric)
                number = buckets[claim.metric] = None if block is None else bucket(block)
            if number is not None:
                parts[number].setdefault(k, []).append(claim)
    for number in sorted(parts):
        yield [docs[k].model_copy(update={"claims": claims}) for k, claims in parts[number].items()]


def _check_whole(
    docs: list[Document],
    settings: Settings | None,
    rules: tuple[Path, ...],
    focus: Iterable[str] | None,
) -> Report:
    settings = settings or Settings()
    rule_set = packs.load(tuple(settings.rule_packs) + rules)
    configured = engine.configure(
        RULES, settings.rules, rule_set.tolerances.rule, settings.source or "configuration"
    )
    with collector.paused(freeze_kept=True):
        all_facts = facts.build(docs, rule_set.tolerances)
        links = match.links(all_facts, rule_set, _reach(configured))
        if focus is not None:
            # Against an archive, links among published articles alone say nothing of the
            # draft: they are not checked at all, however many the archive holds.
            drafts = set(focus)
            links = (link for link in links if any(f.doc.path in drafts for f in link.facts))
        findings = engine.run(links, configured, rule_set)
    findings = [f for f in findings if confidence.at_least(f.confidence, settings.min_confidence)]
    if focus is not None:
        keep = set(focus)
        findings = [f for f in findings if any(c.path in keep for c in f.claims)]
    marked = {d.path: d for d in docs if d.suppressions}  # once: findings may be 10^5
    kept = [f for f in findings if not _suppressed(f, marked)] if marked else findings
    summary = summarise(docs, kept)
    summary.suppressed = len(findings) - len(kept)
    return Report(findings=kept, summary=summary)


def check_in_parts(
    parts: Iterable[list[Document]],
    settings: Settings | None = None,
    rules: tuple[Path, ...] = (),
    totals: tuple[int, int] | None = None,
) -> Report:
    """Check documents given in parts that no link crosses (a claim store's buckets), one part
    in memory at a time; `totals` are the articles and claims the parts come from."""
    findings: list[Finding] = []
    suppressed = 0
    paths: set[str] = set()
    claims = 0
    for docs in parts:
        report = _check_whole(docs, settings, rules, None)
        findings.extend(report.findings)
        suppressed += report.summary.suppressed
        paths.update(d.path for d in docs)
        claims += report.summary.claims
    findings.sort(key=engine.order)
    summary = summarise([], findings)
    summary.documents, summary.claims = totals if totals is not None else (len(paths), claims)
    summary.suppressed = suppressed
    return Report(findings=findings, summary=summary)


def _suppressed(finding: Finding, by_path: dict[str, Document]) -> bool:
    """Whether an author's inline comment beside one of the finding's claims names its rule."""
    for claim in finding.claims:
        doc = by_path.get(claim.path)
        if doc is None:
            continue
        for s in doc.suppressions:
            if finding.rule in s.rules and s.first_line <= claim.line <= s.last_line:
                return True
    return False


def summarise(docs: list[Document], findings: list[Finding]) -> Summary:
    counts: dict[Severity, int] = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[f.severity] += 1
    return Summary(
        documents=len(docs),
        claims=sum(len(d.claims) for d in docs),
        findings=counts,
    )


def exit_status(report: Report, fail_on: str) -> int:
    """0 when no finding reaches `fail_on`, else 1."""
    if fail_on == "never":
        return 0
    limit = engine.SEVERITY_ORDER[fail_on]
    return int(any(engine.SEVERITY_ORDER[f.severity] <= limit for f in report.findings))


def _reach(configured: list[engine.Configured]) -> match.Reach:
    """How far the matcher looks, from the options of the rules that are on."""
    on = {c.rule.name: c.options for c in configured}
    scope, period = on.get("scope-mismatch"), on.get("period-mismatch")
    return match.Reach(
        scope=scope is not None,
        period=period is not None,
        close_years=getattr(scope, "close_years", 0),
        scope_look_alike=getattr(scope, "look_alike", 1.0),
        period_look_alike=getattr(period, "look_alike", 1.0),
        period_years=getattr(period, "max_years_apart", 0),
        period_points=getattr(period, "look_alike_points", 0.0),
    )
