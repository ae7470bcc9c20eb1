"""Benchmark the claim store: building it, locally and on a Dask cluster, and asking it.

Why: an archive is indexed once and asked often. Building must use every core (or
every machine) it is given; a draft checked against the archive must answer in about
the time it takes to read the draft, whatever the archive's size.

What, each figure measured in this run:

  index     `factcheck index` of N generated short articles (a few paragraphs of news
            with figures each), with local worker processes (`--jobs`), then with a
            Dask LocalCluster of 2 single-threaded worker processes (`--scheduler`),
            into fresh stores; then a second local run over the unchanged archive
            (nothing is read again). Wall seconds, articles per second, and the ratio
            cluster / local.
  against   one draft checked against stores of 10^5 and 10^6 claims (written straight
            from generated documents, as `index` would store them): wall seconds of the
            DuckDB query for its candidates and of the whole check, median of 5; and, as
            the baseline, the same draft checked alone.

    .venv/bin/python bench/bench_store.py                      # 10^5 articles, 10^5 and 10^6 claims
    .venv/bin/python bench/bench_store.py --articles 5000 --claims 100000 1000000 --json
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_check
from factcheck import packs
from factcheck.store.keys import Keys

COMPANIES = ["Northwind", "Harbour Energy", "Kestrel Pharma", "Bluefin Retail", "Larch Semis",
             "Meridian Homes", "Osprey Air", "Quill Media", "Tamarind Foods", "Vantage Steel"]  # fmt: skip
MEASURES = ["revenue", "net income", "operating profit", "exports", "spending", "sales"]


def article(rng: random.Random, k: int) -> str:
    company = rng.choice(COMPANIES)
    year = rng.randint(2015, 2025)
    lines = [f"{company} results for {year}", ""]
    for _ in range(rng.randint(3, 6)):
        measure = rng.choice(MEASURES)
        value = rng.randint(10, 990) / 10
        change = rng.randint(1, 300) / 10
        lines.append(
            f"{company}'s {measure} rose {change}% to ${value} billion in {year}, "
            f"the company said on Tuesday, against ${value / (1 + change / 100):.1f} billion "
            f"a year earlier. Analysts had expected about ${value * 0.98:.1f} billion."
        )
        lines.append("")
    lines.append(f"Article {k} of the generated archive.")
    return "\n".join(lines)


def write_archive(folder: Path, count: int, seed: int) -> int:
    rng = random.Random(seed)
    size = 0
    for k in range(count):
        sub = folder / f"{k // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        text = article(rng, k)
        (sub / f"a{k:06d}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


def timed_index(archive: Path, store: Path, **options: Any) -> tuple[float, Any]:
    from factcheck.store.build import index

    start = time.perf_counter()
    built = index([archive], store, **options)
    return time.perf_counter() - start, built


def measure_index(work: Path, count: int, seed: int, jobs: int) -> dict[str, Any]:
    archive = work / "archive"
    size = write_archive(archive, count, seed)
    local, built = timed_index(archive, work / "local", jobs=jobs)
    claims = built.claims
    del built  # the local run's store is not held while the cluster's is built
    rerun, _ = timed_index(archive, work / "local", jobs=jobs)
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        remote, _ = timed_index(archive, work / "cluster", scheduler=cluster.scheduler_address)
    return {
        "articles": count,
        "mib": size / 2**20,
        "claims": claims,
        "local_jobs": jobs,
        "local_seconds": local,
        "cluster_seconds": remote,
        "unchanged_rerun_seconds": rerun,
        "articles_per_s_local": count / local,
        "articles_per_s_cluster": count / remote,
        "cluster_vs_local": remote / local,
    }


def measure_against(work: Path, sizes: list[int], seed: int, runs: int = 5) -> list[dict[str, Any]]:
    from factcheck.check import check_documents
    from factcheck.store import query
    from factcheck.store.build import open_store

    by = Keys(packs.load())
    # A draft is one article about one or two subjects: 50 claims about two companies of
    # the archive, across its measures and years.
    draft = bench_check.generate(50, seed + 1)[0]
    for k, claim in enumerate(draft.claims):
        claim.subject = f"Company {3 if k % 2 else 7}"
    alone = []
    for _ in range(runs):
        start = time.perf_counter()
        check_documents([draft])
        alone.append(time.perf_counter() - start)
    rows = []
    for n in sizes:
        location = work / f"claims-{n}"
        start = time.perf_counter()
        bench_check.synthetic_store(location, n, seed)
        written = time.perf_counter() - start
        store = open_store(location, (), None)
        asked, whole, found = [], [], 0
        for _ in range(runs):
            start = time.perf_counter()
            candidates = query.candidates(store, [draft], by)
            asked.append(time.perf_counter() - start)
            check_documents([draft, *candidates], focus=[draft.path])
            whole.append(time.perf_counter() - start)
            found = sum(len(d.claims) for d in candidates)
        rows.append({
            "store_claims": n, "write_seconds": written, "candidates": found,
            "query_seconds": statistics.median(asked), "check_seconds": statistics.median(whole),
            "draft_alone_seconds": statistics.median(alone),
            "vs_draft_alone": statistics.median(whole) / statistics.median(alone),
        })  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--claims", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--jobs", type=int, default=2, help="local worker processes")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--skip-index", action="store_true", help="only the --against figures")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-store-") as tmp:
        work = Path(tmp)
        result: dict[str, Any] = {"python": sys.version.split()[0]}
        if not args.skip_index:
            result["index"] = measure_index(work, args.articles, args.seed, args.jobs)
        result["against"] = measure_against(work, args.claims, args.seed)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    if "index" in result:
        x = result["index"]
        print(f"index: {x['articles']:,} articles, {x['mib']:.1f} MiB, {x['claims']:,} claims")
        print(f"  local, {x['local_jobs']} processes   {x['local_seconds']:8.1f} s  "
              f"{x['articles_per_s_local']:7.1f} articles/s")  # fmt: skip
        print(f"  Dask LocalCluster, 2 workers {x['cluster_seconds']:8.1f} s  "
              f"{x['articles_per_s_cluster']:7.1f} articles/s  ({x['cluster_vs_local']:.2f}x local)")  # fmt: skip
        print(f"  local again, nothing changed {x['unchanged_rerun_seconds']:8.1f} s")
    print("against: one draft of 50 claims (median of 5)")
    for r in result["against"]:
        print(f"  store of {r['store_claims']:>9,} claims: query {r['query_seconds']:.3f} s, "
              f"check {r['check_seconds']:.3f} s ({r['vs_draft_alone']:.1f}x the draft alone, "
              f"{r['draft_alone_seconds']:.3f} s), {r['candidates']:,} candidates")  # fmt: skip


if __name__ == "__main__":
    main()
