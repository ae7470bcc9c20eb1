"""Benchmark how extraction time grows with the text, whatever its line structure.

Why: a tool whose work is per line, per sentence and per bounded window takes
twice as long for twice the text, and the same time for the same text written
as one line (an export without line breaks, a minified page) as with a line per
paragraph. Anything per file squared shows here as a per-MiB cost that grows
with the size, or as a one-line text slower than its many-line twin.

What: the same news text (paragraphs from the grammar of `bench/corpus.py`:
headlines, datelines, facts and filler, story after story) at each size, in
three layouts:

  lines     one paragraph a line, a blank line between paragraphs (.txt)
  one-line  the same paragraphs joined by spaces, no line break at all (.txt)
  html      the same paragraphs as <p> elements of a page with no line break (.html)

Each (size, layout) runs `extract_source` in its own child Python process,
pinned to one CPU, so that its time and peak RSS are its own; the file is read
before the clock starts, and import and a first call are left out. The clock is
the child's CPU time (`time.process_time`), which the other work of a shared
machine disturbs less than wall time (also reported, in the JSON). The report
gives seconds per MiB (and ms per KiB) for each, then, all measured in the same
run, the ratio one-line / lines and html / lines at each size, and each
layout's per-MiB cost at the largest size over that at the smallest.

    .venv/bin/python bench/bench_lines.py                   # 1, 2, 5 and 10 MiB
    .venv/bin/python bench/bench_lines.py --sizes 0.25,0.5  # a quick run
    PYTHONPATH=../other/src .venv/bin/python bench/bench_lines.py --timeout 300
"""

from __future__ import annotations

import argparse
import html
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import corpus
from bench_extract import MIB, child_env, peak_mib, pin_to_one_cpu, rounded

LAYOUTS = ("lines", "one-line", "html")
SUFFIX = {"lines": ".txt", "one-line": ".txt", "html": ".html"}
DEFAULT_SEED = 20250513
Result = dict[str, Any]

# --------------------------------------------------------------------------- the text


def paragraphs(size: int, seed: int) -> list[str]:
    """Paragraphs of about `size` UTF-8 bytes: stories of a headline, a lead and 5 to 30
    paragraphs each; the same seed gives the same paragraphs, a smaller size a prefix."""
    rng = random.Random(seed)
    out: list[str] = []
    total = 0
    left = 0
    ctx = corpus.make_ctx(rng)
    while total < size:
        if left == 0:
            ctx = corpus.make_ctx(rng)
            left = rng.randint(5, 30)
            title = corpus.headline(ctx)
            _, dateline = corpus.header(ctx, title)
            lead = dateline + corpus.fact_sentence(ctx)
            new = [title, lead]
        else:
            new = [corpus.paragraph(ctx, rng.uniform(0.25, 0.8))]
            left -= 1
        for p in new:
            out.append(p)
            total += len(p.encode("utf-8")) + 2
    return out


def written(paras: list[str], layout: str) -> str:
    """The paragraphs in one layout."""
    if layout == "lines":
        return "\n\n".join(paras) + "\n"
    if layout == "one-line":
        return " ".join(paras)
    body = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras)
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>News</title></head>'
        f"<body><main><article>{body}</article></main></body></html>"
    )


def write_files(directory: Path, sizes: list[float], layouts: list[str], seed: int) -> list[Path]:
    """One file per (size, layout), the smaller sizes' paragraphs a prefix of the larger."""
    everything = paragraphs(int(max(sizes) * MIB), seed)
    files = []
    for mib in sizes:
        paras: list[str] = []
        total = 0
        for p in everything:
            if total >= mib * MIB:
                break
            paras.append(p)
            total += len(p.encode("utf-8")) + 2
        for layout in layouts:
            path = directory / f"{layout}-{mib:g}mib{SUFFIX[layout]}"
            path.write_text(written(paras, layout), encoding="utf-8")
            files.append(path)
    return files


# --------------------------------------------------------------------------- child side


def child(path: Path) -> Result:
    """Extract one file in this process; the clocks cover `extract_source` alone."""
    pin_to_one_cpu()
    import factcheck
    from factcheck.extract import extract_source
    from factcheck.sources import Source

    extract_source(Source("warm-up.txt", corpus.article(DEFAULT_SEED, 0).encode("utf-8")))
    data = path.read_bytes()
    before = peak_mib()
    start, wall = time.process_time(), time.perf_counter()
    doc = extract_source(Source(path.name, data))
    seconds, wall = time.process_time() - start, time.perf_counter() - wall
    assert doc is not None
    return {"bytes": len(data), "seconds": seconds, "wall_seconds": wall, "claims": len(doc.claims),
            "rss_before_mib": before, "peak_rss_mib": peak_mib(),
            "factcheck": str(Path(factcheck.__file__).parent)}  # fmt: skip


# --------------------------------------------------------------------------- parent side


def run_child(path: Path, timeout: float | None) -> Result | None:
    """`child()` in a fresh interpreter; None if it ran out of time."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(path)]
    try:
        done = subprocess.run(
            cmd, capture_output=True, text=True, env=child_env(), check=False, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        sys.exit(f"child failed on {path.name} ({done.returncode}):\n{done.stderr}")
    result: Result = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def fastest(path: Path, timeout: float | None, repeat: int) -> Result | None:
    """The least disturbed of `repeat` runs: the one with the least CPU time."""
    runs = [run_child(path, timeout) for _ in range(repeat)]
    done = [r for r in runs if r is not None]
    return min(done, key=lambda r: float(r["seconds"])) if done else None


def measure(args: argparse.Namespace) -> Result:
    """Every (size, layout), one after the other, the layouts of one size side by side."""
    runs: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="bench-lines-") as tmp:
        start = time.perf_counter()
        files = write_files(Path(tmp), args.sizes, args.layouts, args.seed)
        built = time.perf_counter() - start
        for path in files:
            layout, size = path.stem.rsplit("-", 1)
            r = fastest(path, args.timeout, args.repeat)
            row: Result = {"layout": layout, "mib": float(size.removesuffix("mib"))}
            if r is not None:
                row |= r | {"s_per_mib": r["seconds"] / (r["bytes"] / MIB),
                            "ms_per_kib": 1000 * r["seconds"] / (r["bytes"] / 1024)}  # fmt: skip
            runs.append(row)
            print(summary_row(row), file=sys.stderr, flush=True)
    return {"python": sys.version.split()[0], "seed": args.seed, "repeat": args.repeat,
            "build_seconds": built, "runs": runs, "ratios": ratios(runs)}  # fmt: skip


def ratios(runs: list[Result]) -> Result:
    """One-line and html against lines at each size; each layout's largest size against its smallest."""
    cost = {(r["layout"], r["mib"]): r.get("s_per_mib") for r in runs}
    sizes = sorted({r["mib"] for r in runs})
    layouts = list(dict.fromkeys(r["layout"] for r in runs))
    out: Result = {"vs_lines": {}, "largest_vs_smallest": {}}
    for layout in layouts:
        if layout != "lines":
            out["vs_lines"][layout] = {
                f"{m:g}": _ratio(cost.get((layout, m)), cost.get(("lines", m))) for m in sizes
            }
        if len(sizes) > 1:
            out["largest_vs_smallest"][layout] = _ratio(
                cost.get((layout, sizes[-1])), cost.get((layout, sizes[0]))
            )
    slowest = [r["ms_per_kib"] for r in runs if "ms_per_kib" in r]
    out["slowest_ms_per_kib"] = max(slowest) if slowest else None
    return out


def _ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a / b


# --------------------------------------------------------------------------- report


def summary_row(r: Result) -> str:
    if "seconds" not in r:
        return f"{r['layout']:<10}{r['mib']:>7g}{'timed out':>10}"
    return (f"{r['layout']:<10}{r['mib']:>7g}{r['seconds']:>10.2f}{r['s_per_mib']:>8.2f}"
            f"{r['ms_per_kib']:>8.2f}{r['claims']:>9,}{r['rss_before_mib']:>8.0f} MiB"
            f"{r['peak_rss_mib']:>6.0f} MiB")  # fmt: skip


def _fmt(x: float | None) -> str:
    return "   -" if x is None else f"{x:.2f}x"


def table(r: Result) -> str:
    """The figures as a small plain-text table."""
    where = next((x["factcheck"] for x in r["runs"] if "factcheck" in x), "?")
    rows = [
        f"factcheck extraction by size and line structure: Python {r['python']}, one CPU each",
        f"code measured: {where}; text seed {r['seed']}; fastest of {r['repeat']} run(s) each",
        "",
        f"{'layout':<10}{'MiB':>7}{'CPU s':>10}{'s/MiB':>8}{'ms/KiB':>8}{'claims':>9}"
        f"{'RSS before':>12}{'peak RSS':>10}",
        *(summary_row(x) for x in r["runs"]),
        "",
        "per-MiB cost against the lines layout of the same text:",
    ]
    for layout, by_size in r["ratios"]["vs_lines"].items():
        cells = "  ".join(f"{m} MiB {_fmt(v)}" for m, v in by_size.items())
        rows.append(f"  {layout:<10}{cells}")
    if r["ratios"]["largest_vs_smallest"]:
        rows.append("per-MiB cost at the largest size against the smallest:")
        for layout, v in r["ratios"]["largest_vs_smallest"].items():
            rows.append(f"  {layout:<10}{_fmt(v)}")
    slowest = r["ratios"]["slowest_ms_per_kib"]
    rows.append(f"slowest: {'-' if slowest is None else f'{slowest:.2f}'} ms per KiB")
    return "\n".join(rows)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1,2,5,10",
                        help="comma-separated sizes in MiB (default 1,2,5,10)")  # fmt: skip
    parser.add_argument("--layouts", default=",".join(LAYOUTS),
                        help=f"comma-separated, of {', '.join(LAYOUTS)} (default all)")  # fmt: skip
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="text seed")
    parser.add_argument("--timeout", type=float, help="seconds one extraction may take")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each file, the fastest counted (default 1)")  # fmt: skip
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.sizes = sorted(float(s) for s in args.sizes.split(","))
    args.layouts = [x.strip() for x in args.layouts.split(",")]
    unknown = set(args.layouts) - set(LAYOUTS)
    if unknown:
        parser.error(f"unknown layout {sorted(unknown)[0]!r}")
    return args


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child)))
        return
    results = measure(args)
    print(json.dumps(rounded(results), indent=2) if args.json else table(results))


if __name__ == "__main__":
    main()
