"""Fuzz the extractor and the checker with generated articles full of hostile pieces.

Each input is news-style prose (sentences written for this script, across many
fields) mixed with what breaks parsers: numbers too large for a float next to
months, magnitudes and currencies; control characters; byte-order marks in the
middle; fragments in other encodings; markup and JSON nested thousands deep;
lines of 10^5 characters; <script> and inline SVG in HTML; front matter that
does not parse. Inputs go in as bytes, through the same in-process functions
the command line runs (decoding, extraction, the claim index's JSON round
trip, the reports), and every few inputs the last documents are checked
together.

An input's time is what `factcheck extract` spends on it: reading, extraction,
the text table and the JSON. Reading that JSON back into models, as a claim
store does when a check reads an archive, is timed apart and printed beside:
it is a store's work, done once per archive, not per article.

Input N is generated from (--seed, N) alone, so `--only N` replays it. A crash
prints its type and message and saves a reproducer (the input's bytes and the
traceback) under --out, which must lie outside the repository.

    .venv/bin/python bench/fuzz.py --count 2000 --out /tmp/fuzz
    .venv/bin/python bench/fuzz.py --seed 7 --only 1234 --out /tmp/fuzz
"""

from __future__ import annotations

import argparse
import random
import resource
import signal
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from factcheck import collector, packs
from factcheck.check import check_documents
from factcheck.extract import extract_source
from factcheck.models import Document, Report
from factcheck.report import claims, findings, github, html, junit, sarif
from factcheck.sources import Source

REPO = Path(__file__).resolve().parents[1]

# --- prose --------------------------------------------------------------------------------

SUBJECTS = [
    "Northwind Rail",
    "Harbour Energy Group",
    "the city council",
    "Kestrel Pharma",
    "the national health service",
    "Bluefin Retail",
    "the football club",
    "Larch Semiconductors",
    "the finance ministry",
    "Meridian Homes",
]
MONTHS = ["January", "March", "May", "June", "Sept.", "October", "Dec"]
CURRENCIES = ["$", "US$", "€", "£", "¥", "HK$", "Rs ", "RMB "]
CODES = ["USD", "EUR", "GBP", "yuan", "rupees", "euros", "dollars", "crore"]
MAGNITUDES = ["", " million", " billion", "bn", "m", " trillion", " thousand", " crore", "tn"]
QUALIFIERS = ["", "about ", "nearly ", "more than ", "under ", "up to ", "at least ", "some "]
TEMPLATES = [
    "{s} said revenue rose {pct} to {money} in the {q} quarter.",
    "Ticket sales at {s} fell {pct} in {month} {year}, the club's third drop in a row.",
    "{s} plans to spend {money} on new wind farms by {year}.",
    "Waiting lists at {s} reached {count} patients in {month}, up from {count2} a year earlier.",
    "Average house prices handled by {s} climbed {pct} year on year to {money}.",
    "{s} shipped {count} chips in fiscal {year}, {pct} more than analysts expected.",
    "The budget of {s} for {year}-{yy} sets aside {money} for schools, {pct} of the total.",
    "Shares of {s} jumped {pct} on {month} {day} after it raised guidance to {money}.",
    "{s} employs {count} people and made a net profit of {money} last year.",
    "Attendance at {s} averaged {count} fans over {n} home games this season.",
    "Electricity output from {s} rose between {pct} and {pct2} in the first {n} months.",
    "{s} cut prices by {bp} basis points, its deepest cut since {year}.",
    "Inflation eased to {pct} in {month} from {pct2} in the previous month, the agency said.",
    "{s} will pay {money} ({money2}) for a stake in a rival, people familiar said.",
    "Capital spending at {s} is forecast at {money} to {money2} for {year}.",
    "About {count} households signed up, {s} said on {month} {day}, {year}.",
    "Same-store sales at {s} grew {pct}, while online orders doubled to {count}.",
    "The deficit of {s} narrowed to {pct} of GDP, or {money}, in {year}.",
]
FILLER = [
    "The company did not respond to a request for comment.",
    "Analysts said the figures pointed to a slow recovery.",
    "\u201cWe are confident in the plan,\u201d the chief executive told reporters.",
    "Related Articles",
    "0 Comments",
    "Back To Top",
    "Reporting by staff; editing by the desk.",
    "- Fares will rise in spring\n- Services resume next week",
    "Q&A: what the new rules mean for renters",
]


def _number(rng: random.Random) -> str:
    whole = rng.choice([rng.randint(1, 99), rng.randint(100, 999), rng.randint(1000, 999_999)])
    text = f"{whole:,}" if rng.random() < 0.6 else str(whole)
    if rng.random() < 0.4:
        text += "." + str(rng.randint(0, 99))
    return text


def _money(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return (
            rng.choice(QUALIFIERS) + rng.choice(CURRENCIES) + _number(rng) + rng.choice(MAGNITUDES)
        )
    return rng.choice(QUALIFIERS) + _number(rng) + rng.choice(MAGNITUDES) + " " + rng.choice(CODES)


def _pct(rng: random.Random) -> str:
    return (
        rng.choice(QUALIFIERS) + _number(rng) + rng.choice(["%", " percent", " per cent", " pct"])
    )


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return rng.choice(FILLER)
    year = rng.randint(1990, 2030)
    return rng.choice(TEMPLATES).format(
        s=rng.choice(SUBJECTS),
        pct=_pct(rng),
        pct2=_pct(rng),
        money=_money(rng),
        money2=_money(rng),
        count=_number(rng),
        count2=_number(rng),
        month=rng.choice(MONTHS),
        day=rng.randint(1, 31),
        year=year,
        yy=f"{(year + 1) % 100:02d}",
        q=rng.choice(["first", "second", "third", "fourth", "final"]),
        n=rng.choice(["two", "11", "three", "nine"]),
        bp=rng.choice(["25", "50", "75"]),
    )


# --- hostile pieces -----------------------------------------------------------------------


def huge_number(rng: random.Random) -> str:
    size = rng.choice([20, 310, 400]) if rng.random() < 0.97 else 5000
    digits = "".join(rng.choice("0123456789") for _ in range(size))
    digits = rng.choice("123456789") + digits
    if rng.random() < 0.3:
        digits = f"{int(digits[:4300]):,}" if len(digits) <= 4300 else digits
    form = rng.choice(
        [
            "{m} {d}",
            "{d} {m}",
            "{m} {d}, {y}",
            "{c}{d}",
            "{c}{d}{g}",
            "{d}{g} {code}",
            "{d}%",
            "{d}-{d}%",
            "between {d} and {d} percent",
            "0.{d}",
            "1.{d}{g}",
            "{d}.{d}",
            "-{d}",
            "{d} basis points",
            "FY{d}",
            "Q{d} {y}",
            "{d} years ago",
            "in {d}",
            "the {d}th",
        ]
    )
    return form.format(
        m=rng.choice(MONTHS),
        d=digits,
        y=rng.randint(1990, 2030),
        c=rng.choice(CURRENCIES),
        g=rng.choice(MAGNITUDES),
        code=rng.choice(CODES),
    )


CONTROL = [chr(c) for c in range(0, 32) if c not in (9, 10, 13)] + [
    "\x7f",
    "\x85",
    "\x9d",
    "\u200b",
    "\u200d",
    "\u202e",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\ufffd",
    "\ufffe",
    "\U0010ffff",
]


def controls(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 12)):
        chars.insert(rng.randint(0, len(chars)), rng.choice(CONTROL))
    return "".join(chars)


def nested_markup(rng: random.Random) -> str:
    depth = rng.choice([3, 10, 40]) if rng.random() < 0.97 else rng.choice([300, 3000])
    tag = rng.choice(["div", "b", "blockquote", "li", "span", "a href='#'", "p"])
    name = tag.split()[0]
    inner = sentence(rng)
    if rng.random() < 0.5:
        return f"<{tag}>" * depth + inner + f"</{name}>" * rng.randint(0, depth)
    return rng.choice([">", "* ", "- ", "1. ", "  "]) * depth + inner


def nested_json(rng: random.Random) -> str:
    depth = rng.choice([3, 40, 500]) if rng.random() < 0.96 else rng.choice([5000, 100_000])
    if depth <= 40:
        key = rng.choice(['{"a": ', '{"revenue": "$5bn", "x": ', "[", '["5%", '])
    else:
        key = rng.choice(['{"a": ', "[", '{"k": "v", "x": '])
    close = "}" if key.startswith("{") else "]"
    body = key * depth + rng.choice(["1", '"May 1"', "null", "9" * 400])
    balanced = rng.random() < 0.8
    return body + close * (depth if balanced else depth // 2)


def long_line(rng: random.Random) -> str:
    unit = rng.choice(
        [
            "word ",
            "5% ",
            "$1bn, ",
            sentence(rng) + " ",
            "a" * 50,
            "1,",
            "11,",  # groupings of other countries with a required ending: "12,50,000"
            "1.111,",
            "1'111",
            "<b>",
            "March 3 ",
            "(",
            "\u201c",
        ]
    )
    return unit * max(1, 100_000 // len(unit))


def html_page(rng: random.Random, body: str) -> str:
    script = rng.choice(
        [
            '<script>var s = "</div><p>$9bn</p>"; if (a < b && c > d) {}</script>',
            "<script>document.write('<p>5%</p>')",  # never closed
            '<script type="application/ld+json">{"datePublished": "2024-13-45", "a": '
            + "[" * 2000
            + "]" * 2000
            + "}</script>",
            "<style>p { width: 50% } /* 5 billion */</style>",
            '<svg viewBox="0 0 100 100"><text x="5">$7bn</text><path d="M0 0L10 10"/></svg>',
            "<svg><foreignObject><p>Revenue rose 4%</p></foreignObject>",
            "<!-- 5 billion <p> unclosed comment",
            "<![CDATA[ 12 percent ]]>",
            "&#99999999999; &#x110000; &#0; &bogus; &amp;amp; &#-5;",
            "<title>" + "Budget $" + "9" * 400 + "bn</title>",
            "<meta name='date' content='99999-99-99'><meta property='article:published_time' content='x'>",
        ]
    )
    return f"<html><head>{script}</head><body><article>{body}</article></body></html>"


def front_matter(rng: random.Random) -> str:
    return rng.choice(
        [
            "---\ntitle: [unclosed\ndate: 2025-02-30\n",
            "---\n---\n",
            "---\ndate: 99999999999999999999-01-01\ntitle: '\n---\n",
            "---\ndate: 2025-13-45T99:99\npublished: yesterday\n---\n",
            "---\r\ntitle: {a: [1, 2\r\n---\r\n",
            "+++\ndate = 2025-01-01\n+++\n",
            "---\ndate: " + "9" * 5000 + "\n---\n",
        ]
    )


def dates(rng: random.Random) -> str:
    return rng.choice(
        [
            "Published: 31 February 2025",
            "Updated May 99, 2025 at 25:61",
            f"LONDON, {rng.choice(MONTHS)} {'9' * 30} (Staff) -",
            "Posted 0000-00-00",
            "By Staff | " + "9" * 400 + "-01-01",
            "In fiscal 99999 the ministry expects growth of 3%.",
            "Sales in FY" + "9" * 25 + " were $5bn.",
            "The 2024-" + "9" * 30 + " budget rose 4%.",
            "In the first 9999999999999999999 months of 2025, output rose 5%.",
        ]
    )


def encoded(rng: random.Random, text: str) -> bytes:
    """Text as bytes, now and then in another encoding, in pieces or with stray BOMs."""
    roll = rng.random()
    if roll < 0.55:
        return text.encode("utf-8", errors="replace")
    if roll < 0.65:
        return text.encode("cp1252", errors="replace")
    if roll < 0.7:
        return text.encode("latin-1", errors="replace")
    if roll < 0.76:
        bom = rng.random() < 0.5
        name = rng.choice(["utf-16-le", "utf-16-be"])
        data = text.encode(name, errors="replace")
        prefix = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[name] if bom else b""
        return prefix + data
    if roll < 0.8:
        return b"\xef\xbb\xbf" + text.encode("utf-8", errors="replace")
    # A patchwork: each piece in its own encoding, BOMs between them.
    out = bytearray()
    for piece in text.split(" "):
        codec = rng.choice(["utf-8", "cp1252", "latin-1", "utf-16-le", "cp874", "shift_jis"])
        out += piece.encode(codec, errors="replace")
        if rng.random() < 0.05:
            out += rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\xc3", b"\xe2\x80"])
        out += b" "
    return bytes(out)


def binary_blob(rng: random.Random) -> bytes:
    return rng.choice(
        [
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(400),
            b"\xff\xd8\xff\xe0\x00\x10JFIF" + rng.randbytes(400),
            b"%PDF-1.7\n" + rng.randbytes(300),
            rng.randbytes(rng.choice([1, 64, 3000])),
        ]
    )


@dataclass
class Case:
    data: bytes
    suffix: str
    pieces: list[str] = field(default_factory=list)


def generate(seed: int, index: int) -> Case:
    """Input `index` of the run seeded `seed`: the same pair always gives the same bytes.

    Most inputs are a few sentences with one or two hostile pieces, so that a run of
    10^5 stays within minutes; a few are long articles (for time per KB), and the
    costly pieces (10^5-character lines, nesting thousands deep) are rare.
    """
    rng = random.Random(f"{seed}:{index}")
    suffix = rng.choice([".txt", ".txt", ".md", ".html"])
    if rng.random() < 0.02:
        return Case(binary_blob(rng), suffix, ["binary"])
    long_article = rng.random() < 0.01
    parts = [
        sentence(rng) for _ in range(rng.randint(40, 120) if long_article else rng.randint(1, 3))
    ]
    pieces = ["long-article"] if long_article else []
    hostile: list[tuple[str, float, Callable[[random.Random], str]]] = [
        ("huge", 0.3, huge_number),
        ("markup", 0.15, nested_markup),
        ("dates", 0.15, dates),
        ("json", 0.06, nested_json),
        ("long-line", 0.0005, long_line),
    ]
    for name, share, make in hostile:
        if rng.random() < share:
            piece = make(rng)
            at = len(parts) if name == "json" else rng.randint(0, len(parts))
            parts.insert(at, piece)
            pieces.append(name)
    separator = rng.choice(["\n", "\n\n", " ", "\r\n"])
    text = separator.join(parts)
    if rng.random() < 0.25:
        text = controls(rng, text)
        pieces.append("controls")
    if suffix == ".md" and rng.random() < 0.5:
        text = front_matter(rng) + text
        pieces.append("front-matter")
    if suffix == ".html":
        text = html_page(rng, "".join(f"<p>{p}</p>" for p in text.split("\n")))
    return Case(encoded(rng, text), suffix, pieces)


# --- running ------------------------------------------------------------------------------


class Timeout(BaseException):
    """An input that ran past --timeout (a BaseException, so no `except Exception` eats it)."""


_ARMED = [False]  # whether a timer runs for the input at hand


def _alarm(signum: int, frame: object) -> None:
    # An alarm that arrives while the timer is being cleared, after the input is done,
    # must not escape from the `finally` that clears it.
    if _ARMED[0]:
        raise Timeout


def _arm(seconds: float) -> None:
    _ARMED[0] = seconds > 0
    signal.setitimer(signal.ITIMER_REAL, seconds)


@dataclass
class Crash:
    index: int
    stage: str
    error: str
    saved: Path


@dataclass
class Timing:
    index: int
    size: int
    seconds: float
    pieces: list[str]
    read_back: float = 0.0  # the claim index's JSON read back into models

    @property
    def ms_per_kb(self) -> float:
        return self.seconds * 1000 / max(self.size / 1024, 0.001)


def _render(report: Report, docs: list[Document], every_format: bool) -> None:
    findings.to_json(report)
    sarif.to_sarif(report)
    github.to_github(report)
    junit.to_junit(report)
    if every_format:  # the text and HTML reports cost ten times the others
        findings.to_text(report)
        html.to_html(report, docs)


def _save(out: Path, name: str, files: list[tuple[str, bytes]], error: str) -> Path:
    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    for file_name, data in files:
        (folder / file_name).write_bytes(data)
    (folder / "traceback.txt").write_text(error, encoding="utf-8")
    return folder


def run(count: int, seed: int, out: Path, only: int | None, batch: int, timeout: float) -> int:
    rule_set = packs.load()
    signal.signal(signal.SIGALRM, _alarm)
    extract_source(Source("warm-up.txt", sentence(random.Random(0)).encode()), None, rule_set)
    collector.tune()  # as the command line does
    crashes: list[Crash] = []
    hangs: list[Crash] = []
    timings: list[Timing] = []
    pending: list[tuple[Document, str, bytes]] = []
    total_bytes = 0
    started = time.perf_counter()
    indices = [only] if only is not None else range(count)
    for index in indices:
        case = generate(seed, index)
        name = f"input-{index}{case.suffix}"
        total_bytes += len(case.data)
        t0 = time.perf_counter()
        try:
            # The timer is cleared in an inner `finally`, so an alarm that arrives even while
            # it is being cleared lands in the handlers below.
            try:
                _arm(timeout)
                doc = extract_source(Source(name, case.data), None, rule_set)
                extracted = read_back = time.perf_counter()
                if doc is not None:
                    claims.to_text([doc])
                    written = doc.model_dump_json()
                    extracted = time.perf_counter()
                    # The index's round trip, read back with the collector paused as a store
                    # is (not frozen: this harness reads and checks in turn, the store never).
                    with collector.paused():
                        Document.model_validate_json(written)
                    read_back = time.perf_counter()
            finally:
                _arm(0)
        except Timeout:
            saved = _save(out, f"seed{seed}-slow{index}", [(name, case.data)], "timeout")
            hangs.append(Crash(index, "extract", f"over {timeout:g} s", saved))
            timings.append(Timing(index, len(case.data), timeout, case.pieces))
            print(f"input {index} ({', '.join(case.pieces)}) ran past {timeout:g} s: {saved}")
            continue
        except Exception:  # a fuzzer's job is to catch everything
            error = traceback.format_exc()
            saved = _save(out, f"seed{seed}-input{index}", [(name, case.data)], error)
            crashes.append(Crash(index, "extract", error.strip().splitlines()[-1], saved))
            print(f"crash in input {index} ({', '.join(case.pieces)}): {crashes[-1].error}")
            continue
        timings.append(
            Timing(index, len(case.data), extracted - t0, case.pieces, read_back - extracted)
        )
        if timings[-1].seconds > 1:
            t = timings[-1]
            print(f"slow input {index} ({', '.join(t.pieces)}): {t.seconds:.1f} s, {t.size} bytes")
        if doc is not None:
            pending.append((doc, name, case.data))
        if len(pending) >= batch or (only is not None and pending):
            docs = [d for d, _, _ in pending]
            try:
                try:
                    _arm(timeout)
                    _render(check_documents(docs), docs, every_format=index % (batch * 20) < batch)
                finally:
                    _arm(0)
            except Timeout:
                files = [(n, data) for _, n, data in pending]
                saved = _save(out, f"seed{seed}-slow-check{index}", files, "timeout")
                hangs.append(Crash(index, "check", f"over {timeout:g} s", saved))
                print(f"checking inputs up to {index} ran past {timeout:g} s: {saved}")
            except Exception:
                error = traceback.format_exc()
                first = pending[0][1]
                files = [(n, data) for _, n, data in pending]
                saved = _save(out, f"seed{seed}-check-{first}", files, error)
                crashes.append(Crash(index, "check", error.strip().splitlines()[-1], saved))
                print(f"crash checking inputs up to {index}: {crashes[-1].error}")
            pending.clear()
        if only is None and (index + 1) % 1000 == 0:
            print(f"  {index + 1} inputs, {time.perf_counter() - started:.0f} s", flush=True)
    elapsed = time.perf_counter() - started
    _summary(crashes, hangs, timings, total_bytes, elapsed)
    return 1 if crashes else 0


def _summary(
    crashes: list[Crash], hangs: list[Crash], timings: list[Timing], size: int, elapsed: float
) -> None:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"\n{len(timings) + len(crashes)} inputs, {size / 1e6:.1f} MB in {elapsed:.1f} s")
    print(f"peak memory (max RSS): {peak:.0f} MiB")
    print(f"crashes: {len(crashes)}")
    for c in crashes:
        print(f"  input {c.index} [{c.stage}] {c.error}\n    reproducer: {c.saved}")
    print("slowest per KB (inputs of 1 KB or more):")
    big = [t for t in timings if t.size >= 1024]
    for t in sorted(big, key=lambda t: t.ms_per_kb, reverse=True)[:10]:
        print(
            f"  input {t.index}: {t.ms_per_kb:.1f} ms/KB, {t.size / 1024:.1f} KB,"
            f" {t.seconds * 1000:.0f} ms ({', '.join(t.pieces) or 'prose'})"
        )
    print(f"inputs stopped at --timeout: {len(hangs)}")
    for h in hangs:
        print(f"  input {h.index}: {h.saved}")
    over = [t for t in timings if t.seconds > 1]
    print(f"inputs over 1 s: {len(over)}" + "".join(f"\n  input {t.index}" for t in over[:20]))
    if timings:
        back = max(timings, key=lambda t: t.read_back)
        both = [t for t in timings if t.seconds + t.read_back > 1]
        print(
            f"reading the claims' JSON back (a store's work): slowest {back.read_back:.2f} s"
            f" (input {back.index}, {back.seconds:.2f} s to extract);"
            f" inputs over 1 s with it added: {len(both)}"
            + "".join(f"\n  input {t.index}: {t.seconds + t.read_back:.2f} s" for t in both[:20])
        )
    slow = [t for t in timings if t.size >= 10 * 1024 and t.ms_per_kb > 20]
    print(f"inputs of 10 KB or more slower than 20 ms/KB: {len(slow)}")
    for t in slow[:20]:
        print(f"  input {t.index}: {t.ms_per_kb:.1f} ms/KB, {t.size / 1024:.0f} KB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="inputs to generate")
    parser.add_argument("--seed", type=int, default=1, help="the run's seed")
    parser.add_argument("--only", type=int, help="replay this one input of the run")
    parser.add_argument("--batch", type=int, default=16, help="documents checked together")
    parser.add_argument(
        "--timeout", type=float, default=10.0, help="seconds before an input counts as a hang"
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path(tempfile.gettempdir()) / "factcheck-fuzz",
        help="where reproducers are saved (outside the repository)",
    )
    args = parser.parse_args()
    out = args.out.resolve()
    if out == REPO or REPO in out.parents:
        parser.error(f"--out {out} is inside the repository; name a folder outside it")
    print(f"seed {args.seed}, {args.count} inputs, reproducers under {out}", flush=True)
    return run(args.count, args.seed, out, args.only, args.batch, args.timeout)


if __name__ == "__main__":
    sys.exit(main())
