"""Benchmark factcheck's claim extraction: throughput, memory, a quantulum3 baseline, start-up.

Why: "fast" means nothing without a baseline measured on the same machine in
the same run, so every figure here sits beside one. The corpus is the
generated one of `bench/corpus.py` (varied, deterministic, 12 MiB by
default), built once and reused from `bench/.corpus/`.

What, each measurement in its own child process pinned to one CPU, so that
its peak RSS is its own and nothing runs in parallel with it:

  (a) factcheck `extract_text` over the whole corpus: MiB, seconds, MiB/s,
      claims, RSS before the loop and at its peak;
  (b) factcheck and quantulum3 (`parser.parse`) over the same sample (the
      first `--sample-mb` MiB of the corpus), and the ratio of their MiB/s;
  (c) start-up: the median wall time of `factcheck --version` against the
      median of `python -c pass`, both run `--startup-runs` times.

Timings cover the extraction loop only (time.perf_counter); corpus
generation and imports are measured and printed apart.

    .venv/bin/python bench/bench_extract.py
    .venv/bin/python bench/bench_extract.py --size-mb 20 --sample-mb 0.5 --json
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import corpus

MIB = 1024 * 1024
WARM_UP = "Revenue rose 3.9% to $1.2bn in 2024, beating forecasts of over 1,000 units."
Result = dict[str, Any]

# --------------------------------------------------------------------------- corpus and samples


def load_corpus(directory: Path) -> list[tuple[str, str]]:
    """Every article as (path, text), decoded from UTF-8 with line endings kept."""
    return [(p.as_posix(), p.read_bytes().decode("utf-8")) for p in corpus.corpus_files(directory)]


def take_sample(docs: list[tuple[str, str]], limit: int) -> list[tuple[str, str]]:
    """The first `limit` bytes of the corpus: whole articles, the last cut at a line end."""
    sample: list[tuple[str, str]] = []
    left = limit
    for path, text in docs:
        data = text.encode("utf-8")
        if len(data) > left:
            cut = data[:left].rfind(b"\n")
            if cut > 0:
                sample.append((path, data[: cut + 1].decode("utf-8", errors="ignore")))
            break
        sample.append((path, text))
        left -= len(data)
    return sample


def size_of(docs: list[tuple[str, str]]) -> int:
    return sum(len(text.encode("utf-8")) for _, text in docs)


def paragraphs(docs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The sample split into non-blank lines (paragraphs), for quantulum3's fast path."""
    return [(path, line) for path, text in docs for line in text.splitlines() if line.strip()]


# --------------------------------------------------------------------------- child side


def pin_to_one_cpu() -> None:
    """Keep the measured work on one core, whatever the libraries underneath would do."""
    if hasattr(os, "sched_setaffinity"):
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpus[-1]})


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def timed_loop(run: Callable[[str, str], int], docs: list[tuple[str, str]]) -> tuple[float, int]:
    """Run `run(path, text)` over the documents; seconds taken and the total it returned."""
    found = 0
    start = time.perf_counter()
    for path, text in docs:
        found += run(path, text)
    return time.perf_counter() - start, found


def import_factcheck() -> tuple[Callable[[str, str], int], float, float]:
    """factcheck's extractor as a counting function, its import time and its first call's."""
    start = time.perf_counter()
    import factcheck

    extract_text = factcheck.extract_text  # the package imports its pipeline on first use
    imported = time.perf_counter() - start
    start = time.perf_counter()
    extract_text(WARM_UP)
    first = time.perf_counter() - start

    def run(path: str, text: str) -> int:
        return len(extract_text(text, path=path).claims)

    return run, imported, first


def import_quantulum3() -> tuple[Callable[[str, str], int], float, float]:
    """quantulum3's parser as a counting function, its import time and its first call's."""
    warnings.filterwarnings("ignore", message="Classifier dependencies", category=UserWarning)
    warnings.filterwarnings("ignore", category=UserWarning, module=r"quantulum3(\.|$)")
    start = time.perf_counter()
    from quantulum3 import parser

    imported = time.perf_counter() - start
    start = time.perf_counter()
    parser.parse(WARM_UP)
    first = time.perf_counter() - start

    def run(path: str, text: str) -> int:
        return len(parser.parse(text))

    return run, imported, first


def child(tool: str, directory: Path, sample_bytes: int | None, unit: str) -> Result:
    """Measure one tool in this process: the whole corpus, or its first `sample_bytes`."""
    pin_to_one_cpu()
    docs = load_corpus(directory)
    if sample_bytes is not None:
        docs = take_sample(docs, sample_bytes)
    size = size_of(docs)
    if tool == "quantulum3" and unit == "paragraph":
        docs = paragraphs(docs)
    run, imported, first = import_factcheck() if tool == "factcheck" else import_quantulum3()
    from factcheck import collector

    collector.tune()  # as factcheck's command line does; the baseline gets the same
    before = peak_mib()
    seconds, found = timed_loop(run, docs)
    return {
        "tool": tool, "bytes": size, "mib": size / MIB, "calls": len(docs),
        "seconds": seconds, "mib_per_s": size / MIB / seconds, "found": found,
        "import_seconds": imported, "first_call_seconds": first,
        "rss_before_mib": before, "peak_rss_mib": peak_mib(),
    }  # fmt: skip


# --------------------------------------------------------------------------- parent side


def child_env() -> dict[str, str]:
    """The environment for children: one thread for any numeric library, no bytecode noise."""
    env = dict(os.environ)
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[name] = "1"
    return env


def run_child(tool: str, directory: Path, sample_bytes: int | None, unit: str) -> Result:
    """Run `child()` in a fresh interpreter and return what it reports."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", tool, "--corpus", str(directory),
           "--quantulum-unit", unit]  # fmt: skip
    if sample_bytes is not None:
        cmd += ["--child-sample-bytes", str(sample_bytes)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=child_env(), check=False)
    if done.returncode != 0:
        sys.exit(f"{tool} child failed ({done.returncode}):\n{done.stderr}")
    result: Result = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def version_command() -> list[str]:
    """The venv's `factcheck` console script, else `python -m factcheck`."""
    script = Path(sys.executable).with_name("factcheck")
    if script.exists():
        return [str(script), "--version"]
    return [sys.executable, "-m", "factcheck", "--version"]


def median_wall(cmd: list[str], runs: int) -> float:
    """Median wall time of `runs` runs of `cmd`, after one untimed run to warm the caches."""
    subprocess.run(cmd, capture_output=True, check=True, env=child_env())
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True, env=child_env())
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def startup(runs: int) -> Result:
    cmd = version_command()
    baseline = median_wall([sys.executable, "-c", "pass"], runs)
    seconds = median_wall(cmd, runs)
    return {"command": " ".join(Path(cmd[0]).name if i == 0 else c for i, c in enumerate(cmd)),
            "runs": runs, "seconds": seconds, "python_pass_seconds": baseline,
            "ratio": seconds / baseline}  # fmt: skip


def prepare_corpus(args: argparse.Namespace) -> Result:
    """Build or reuse the corpus; how big it is and how long building took."""
    directory = args.corpus or corpus.default_dir(args.size_mb, args.seed)
    reused = corpus.is_current(directory, args.size_mb, args.seed)
    start = time.perf_counter()
    corpus.build(directory, args.size_mb, args.seed)
    meta = corpus.manifest_for(directory) or {}
    return {"directory": str(directory), "seed": args.seed, "files": meta.get("files"),
            "bytes": meta.get("bytes"), "reused": reused,
            "build_seconds": time.perf_counter() - start}  # fmt: skip


def jobs_child(directory: Path, sample_bytes: int, jobs: int) -> Result:
    """Wall time of `extract_paths` over a sample of the corpus's files with `jobs` processes."""
    from factcheck.extract import extract_paths

    files, total = [], 0
    for path in sorted(directory.glob("*.txt")):
        if total >= sample_bytes:
            break
        files.append(path)
        total += path.stat().st_size
    extract_paths(files[:1])  # rules loaded, first call made: not in the timing
    start = time.perf_counter()
    docs = extract_paths(files, jobs=jobs)
    seconds = time.perf_counter() - start
    return {"jobs": jobs, "files": len(files), "mib": total / MIB, "seconds": seconds,
            "mib_per_s": total / MIB / seconds, "found": sum(len(d.claims) for d in docs)}  # fmt: skip


def jobs_scaling(directory: Path, sample_bytes: int, counts: list[int]) -> list[Result]:
    """`--jobs` 1 to N on the same files, each in a fresh child process (not pinned)."""
    rows = []
    for jobs in counts:
        out = subprocess.run(
            [sys.executable, __file__, "--corpus", str(directory), "--child-jobs", str(jobs),
             "--child-sample-bytes", str(sample_bytes)],
            capture_output=True, text=True, check=True, env=child_env(),
        )  # fmt: skip
        rows.append(json.loads(out.stdout))
    for row in rows:
        row["speed_up"] = rows[0]["seconds"] / row["seconds"]
    return rows


def measure(args: argparse.Namespace) -> Result:
    """Every figure of the benchmark, measured one after the other."""
    info = prepare_corpus(args)
    directory = Path(info["directory"])
    sample = int(args.sample_mb * MIB)
    full = run_child("factcheck", directory, None, args.quantulum_unit)
    fc_sample = run_child("factcheck", directory, sample, args.quantulum_unit)
    q_sample = run_child("quantulum3", directory, sample, args.quantulum_unit)
    scaling = jobs_scaling(directory, int(args.jobs_mb * MIB), [1, 2])
    return {
        "python": sys.version.split()[0], "corpus": info, "full": full,
        "sample": {"factcheck": fc_sample, "quantulum3": q_sample, "quantulum_unit": args.quantulum_unit,
                   "ratio": fc_sample["mib_per_s"] / q_sample["mib_per_s"]},
        "jobs": scaling,
        "startup": startup(args.startup_runs),
    }  # fmt: skip


def jobs_rows(r: Result) -> list[str]:
    rows = [
        f"{'--jobs (same files, wall time)':<{W}}{'MiB':>6}{'seconds':>9}{'MiB/s':>8}{'speed-up':>10}"
    ]
    for x in r["jobs"]:
        rows.append(f"{'extract_paths, jobs=' + str(x['jobs']):<{W}}{x['mib']:>6.2f}{x['seconds']:>9.2f}"
                    f"{x['mib_per_s']:>8.3f}{x['speed_up']:>9.2f}x")  # fmt: skip
    return rows


# --------------------------------------------------------------------------- report


W = 34  # label column of the table


def throughput_rows(r: Result) -> list[str]:
    s = r["sample"]
    head = f"{'throughput':<{W}}{'MiB':>6}{'seconds':>9}{'MiB/s':>8}{'found':>9}{'RSS before':>12}{'peak RSS':>10}"
    rows = [head]
    for label, x in (("factcheck, whole corpus", r["full"]), ("factcheck, sample", s["factcheck"]),
                     (f"quantulum3, sample ({s['quantulum_unit']}s)", s["quantulum3"])):  # fmt: skip
        rows.append(f"{label:<{W}}{x['mib']:>6.2f}{x['seconds']:>9.2f}{x['mib_per_s']:>8.3f}"
                    f"{x['found']:>9,}{x['rss_before_mib']:>8.0f} MiB{x['peak_rss_mib']:>6.0f} MiB")  # fmt: skip
    rows.append(f"factcheck / quantulum3 throughput on the sample: {s['ratio']:.2f}x")
    rows.append("(found: claims for factcheck, quantities for quantulum3)")
    return rows


def import_rows(r: Result) -> list[str]:
    rows = [f"{'imports (not in the timings)':<{W}}{'import s':>9}{'first call s':>14}"]
    for label, x in (("factcheck", r["full"]), ("quantulum3", r["sample"]["quantulum3"])):
        rows.append(f"{label:<{W}}{x['import_seconds']:>9.2f}{x['first_call_seconds']:>14.2f}")
    return rows


def startup_rows(r: Result) -> list[str]:
    up = r["startup"]
    return [
        f"{'start-up (median of ' + str(up['runs']) + ' runs)':<{W}}{'seconds':>9}{'ratio':>8}",
        f"{'python -c pass':<{W}}{up['python_pass_seconds']:>9.3f}{1.0:>8.2f}",
        f"{up['command']:<{W}}{up['seconds']:>9.3f}{up['ratio']:>8.2f}",
    ]


def table(r: Result) -> str:
    """The figures as a small plain-text table."""
    c = r["corpus"]
    built = "reused" if c["reused"] else f"built in {c['build_seconds']:.1f} s"
    rows = [
        f"factcheck extract benchmark: Python {r['python']}, one CPU per measurement",
        f"corpus: {c['files']:,} files, {c['bytes'] / MIB:.2f} MiB, seed {c['seed']} ({built})",
    ]
    for block in (throughput_rows(r), jobs_rows(r), import_rows(r), startup_rows(r)):
        rows += ["", *block]
    return "\n".join(rows)


def rounded(value: Any) -> Any:
    """Floats to 4 significant figures, for a readable JSON report."""
    if isinstance(value, float):
        return float(f"{value:.4g}")
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    return value


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=corpus.DEFAULT_SIZE_MB, help="corpus MiB")
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED, help="corpus seed")
    parser.add_argument(
        "--corpus", "--out", type=Path, help="corpus directory (default bench/.corpus/…)"
    )
    parser.add_argument("--sample-mb", type=float, default=1.0, help="MiB compared with quantulum3")
    parser.add_argument("--quantulum-unit", choices=("paragraph", "document"), default="paragraph",
                        help="what one quantulum3 parse() call gets (default: paragraph)")  # fmt: skip
    parser.add_argument("--startup-runs", type=int, default=5)
    parser.add_argument("--jobs-mb", type=float, default=2.0, help="MiB read with --jobs 1 and 2")
    parser.add_argument("--child-jobs", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--child", choices=("factcheck", "quantulum3"), help=argparse.SUPPRESS)
    parser.add_argument("--child-sample-bytes", type=int, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.child_jobs:
        print(json.dumps(jobs_child(args.corpus, args.child_sample_bytes, args.child_jobs)))
        return
    if args.child:
        result = child(args.child, args.corpus, args.child_sample_bytes, args.quantulum_unit)
        print(json.dumps(result))
        return
    results = measure(args)
    print(json.dumps(rounded(results), indent=2) if args.json else table(results))


if __name__ == "__main__":
    main()
