"""Benchmark `factcheck check` on generated claim sets of growing size.

Each size runs in its own child process, so the peak memory printed is that
run's alone. Claims are generated as extracted documents would carry them
(subject, metric, period, unit, value, wording), spread over many articles,
and the whole checking pipeline runs on them: facts, blocking and linking,
every rule, the report. Time per claim should stay flat as the size grows
tenfold: the matcher blocks candidates instead of comparing every pair.

With --store, the claims are first written to a claim store (as `factcheck
index` writes them, by another process) and the timed child runs what `factcheck
check --store DIR` runs: the archive read and checked one bucket at a time, out
of core; the time includes reading the claims back from Parquet.

    .venv/bin/python bench/bench_check.py              # 10^4, 10^5, 10^6 claims
    .venv/bin/python bench/bench_check.py --sizes 10000 100000 --json
    .venv/bin/python bench/bench_check.py --store      # the same, through a claim store
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SUBJECTS = [
    "SOEs",
    "central SOEs",
    "local SOEs",
    "SOE-controlled listed firms",
    "China",
    "Japan",
    "Toyota",
    "HSBC",
    "Siemens",
    "Tata Motors",
    "United States",
    "India",
]
METRICS = [
    "total assets",
    "total profits",
    "net profit",
    "operating revenue",
    "exports",
    "imports",
    "R&D spending",
    "dividends",
    "market capitalization",
    "debt",
    "investment",
    "budget",
]
UNITS = ["CNY", "USD", "EUR", "JPY"]
QUALIFIERS = ["exact", "exact", "exact", "about", "over", "under", "nearly"]
CLAIMS_PER_DOC = 50


def generate(n: int, seed: int) -> list[Any]:
    """`n` claims in articles of 50, built as the extractor builds them (`Model.built`).

    Like a real archive, the number of distinct facts grows with its size: more
    articles speak of more companies. A share of claims restate a fact another
    article stated (mostly the same figure, sometimes another one), and a few
    are about the SOE family, whose scopes the matcher relates. A fact (subject,
    metric, year) has one true amount, in one currency: a new claim that happens
    to fall on a fact already stated restates it, so that conflicts come from the
    share of restatements that change it, not from random values colliding more
    often the larger the archive (the few fixed subjects would collect ever more).
    """
    from factcheck.models import Claim, Document, Period, Quantity

    rng = random.Random(seed)
    companies = [f"Company {k}" for k in range(max(10, n // 100))]
    stated: list[tuple[str, str, str, str, float]] = []
    truth: dict[tuple[str, str, str], tuple[str, float]] = {}
    docs = []
    for d in range(0, n, CLAIMS_PER_DOC):
        claims = []
        for k in range(min(CLAIMS_PER_DOC, n - d)):
            if stated and rng.random() < 0.3:
                subject, metric, year, unit, value = rng.choice(stated)
                if rng.random() < 0.1:
                    value *= rng.choice((0.8, 1.25))
            else:
                subject = rng.choice(SUBJECTS) if rng.random() < 0.05 else rng.choice(companies)
                metric, unit = rng.choice(METRICS), rng.choice(UNITS)
                year = str(rng.randint(2010, 2025))
                value = round(rng.uniform(1, 99), 1) * 10 ** rng.choice((9, 12))
                unit, value = truth.setdefault((subject, metric, year), (unit, value))
                stated.append((subject, metric, year, unit, value))
            qualifier = rng.choice(QUALIFIERS)
            quantity = Quantity.built(
                {
                    "kind": "money",
                    "unit": unit,
                    "value": value,
                    "low": value if qualifier == "over" else None,
                    "high": value if qualifier in ("under", "nearly") else None,
                    "qualifier": qualifier,
                    "stated": f"{value:g}",
                    "resolution": value / 1000,
                }
            )
            claims.append(
                Claim.built(
                    {
                        "id": f"d{d}#{k + 1}",
                        "line": k + 1,
                        "column": 1,
                        "end_line": k + 1,
                        "end_column": 10,
                        "text": f"{value:g}",
                        "sentence": "",
                        "quantity": quantity,
                        "subject": subject,
                        "metric": metric,
                        # A dict of its own, as the periods the context passes validate have.
                        "period": Period.model_construct(start=year, end=year),
                        "boilerplate": False,
                        "links": [],
                        "origin": None,
                        "direction": None,
                        "outlook": None,
                    }
                )
            )
        docs.append(
            Document.model_construct(
                path=f"doc{d // CLAIMS_PER_DOC}.txt",
                title=None,
                published="2025",
                reference="2025",
                claims=claims,
            )
        )
    return docs


def synthetic_store(location: Path, claims: int, seed: int) -> None:
    """A store of `claims` generated claims, written as `index` writes them, without extracting."""
    from factcheck import packs
    from factcheck.store.archive import Archive, FileRow
    from factcheck.store.build import rules_version
    from factcheck.store.keys import Keys

    rule_set = packs.load()
    store = Archive(location, rules_version(rule_set, None), writing=True)
    docs = generate(claims, seed)
    files = {}
    for d in docs:
        meta = d.model_copy(update={"claims": []})
        files[d.path] = FileRow(
            d.path, 0, 0, d.path, 1, d.published, len(d.claims), meta.model_dump_json()
        )
    store.write(1, files, docs, Keys(rule_set))


def child(n: int, seed: int, store: Path | None) -> dict[str, Any]:
    from factcheck import collector
    from factcheck.check import check_documents, check_in_parts

    collector.tune()  # as the command line does
    if store is None:
        docs = generate(n, seed)
        start = time.perf_counter()
        report = check_documents(docs)
    else:
        from factcheck.store import query
        from factcheck.store.build import open_store

        start = time.perf_counter()
        archive = open_store(store, (), None)
        report = check_in_parts(query.by_bucket(archive), totals=query.totals(archive))
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "claims": n,
        "seconds": round(seconds, 3),
        "microseconds_per_claim": round(seconds / n * 1e6, 2),
        "findings": len(report.findings),
        "peak_mib": round(peak_kib / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--store", action="store_true", help="check through a claim store")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--write-store", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--read-store", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child and args.write_store:
        synthetic_store(args.write_store, args.child, args.seed)
        return
    if args.child:
        print(json.dumps(child(args.child, args.seed, args.read_store)))
        return
    rows = []
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-check-") as tmp:
        for n in args.sizes:
            command = [sys.executable, __file__, "--child", str(n), "--seed", str(args.seed)]
            if args.store:
                # Written by a process of its own, so that the timed one starts empty.
                location = Path(tmp) / f"store-{n}"
                subprocess.run([*command, "--write-store", str(location)], check=True)
                command += ["--read-store", str(location)]
            out = subprocess.run(command, capture_output=True, text=True, check=True)
            rows.append(json.loads(out.stdout))
    base = rows[0]["microseconds_per_claim"]
    for row in rows:
        row["per_claim_vs_smallest"] = round(row["microseconds_per_claim"] / base, 2)
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(
        f"{'claims':>10} {'seconds':>9} {'µs/claim':>9} {'× smallest':>10} {'findings':>9} {'peak MiB':>9}"
    )
    for r in rows:
        print(
            f"{r['claims']:>10,} {r['seconds']:>9.2f} {r['microseconds_per_claim']:>9.2f} "
            f"{r['per_claim_vs_smallest']:>10.2f} {r['findings']:>9,} {r['peak_mib']:>9.1f}"
        )


if __name__ == "__main__":
    main()
