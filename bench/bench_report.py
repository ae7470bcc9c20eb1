"""Benchmark the report formats of `factcheck check` on one generated check.

Generated claims (as `bench_check.py` makes them) are checked once; each format then
renders the same report, and its time is given against the JSON report's, rendered in
the same run: the format CI reads, and the baseline.

    .venv/bin/python bench/bench_report.py                  # 10^5 claims
    .venv/bin/python bench/bench_report.py --claims 30000 --json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from bench_check import generate


def renderers(docs: list[Any]) -> dict[str, Callable[[Any], str]]:
    from factcheck.report import findings, github, html, junit, sarif

    return {
        "json": findings.to_json,
        "text": findings.to_text,
        "text (colour)": lambda report: findings.to_text(report, colour=True),
        "sarif": sarif.to_sarif,
        "github": github.to_github,
        "junit": junit.to_junit,
        "html": lambda report: html.to_html(report, docs),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    from factcheck.check import check_documents

    docs = generate(args.claims, args.seed)
    report = check_documents(docs)
    rows = []
    for name, render in renderers(docs).items():
        start = time.perf_counter()
        size = len(render(report))
        rows.append(
            {"format": name, "seconds": round(time.perf_counter() - start, 3), "chars": size}
        )
    base = rows[0]["seconds"]
    for row in rows:
        row["vs_json"] = round(row["seconds"] / base, 2)
    if args.json:
        print(
            json.dumps({"claims": args.claims, "findings": len(report.findings), "formats": rows})
        )
        return
    print(f"{args.claims:,} claims, {len(report.findings):,} findings")
    print(f"{'format':<14} {'seconds':>8} {'× json':>7} {'MiB':>7}")
    for r in rows:
        print(
            f"{r['format']:<14} {r['seconds']:>8.2f} {r['vs_json']:>7.2f} {r['chars'] / 2**20:>7.1f}"
        )


if __name__ == "__main__":
    main()
