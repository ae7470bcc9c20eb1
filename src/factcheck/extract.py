"""The extraction pipeline: files in, documents with their claims out."""

from __future__ import annotations

import re
import traceback
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, timedelta
from math import isfinite
from pathlib import Path, PurePath

from . import collector, context, markup, packs, published, quantities, repair, segment
from .context import periods
from .decoding import decode
from .errors import InputError
from .lexicon import build
from .models import (
    Claim,
    ContextOrigin,
    Document,
    Link,
    Quantity,
    Suppression,
    context_basis,
    shared_keys,
)
from .sources import DEFAULT_MAX_SIZE, Skip, Source, discover, read
from .textmap import MappedText, SourceMap


def extract_paths(
    paths: Iterable[Path],
    published_on: str | None = None,
    rules: tuple[Path, ...] = (),
    on_skip: Callable[[Skip], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
    jobs: int = 1,
) -> list[Document]:
    """Read every article under `paths` and extract its claims; `on_progress(done, total)` per file.

    With `jobs` > 1 the files are read in that many processes; the documents, and the
    order they come in, are those of one process.

    An input that cannot be read, is binary, is over `max_size` bytes or meets a bug is
    passed to `on_skip` with the reason, and the others are still read.
    """
    found = discover(list(paths))
    if on_skip is not None:
        for skip in found.skipped:
            on_skip(skip)
    rule_set = packs.load(rules)
    docs = []
    read = read_all(found.files, published_on, rules, max_size, jobs)
    for done, doc in enumerate(read, 1):
        if on_progress is not None:
            on_progress(done, len(found.files))
        if isinstance(doc, Skip):
            if on_skip is not None:
                on_skip(doc)
            continue
        docs.append(doc)
    if published_on is None:
        docs = date_from_siblings(
            docs, lambda doc, when: read_document(Path(doc.path), None, rule_set, max_size, when)
        )
    return align_trading_days(docs)


def read_all(
    files: Sequence[Path],
    published_on: str | None,
    rules: tuple[Path, ...] = (),
    max_size: int = DEFAULT_MAX_SIZE,
    jobs: int = 1,
) -> Iterator[Document | Skip]:
    """Each file's document (or why there is none), in the order of `files`.

    Extraction is pure Python: threads would wait on one another, so `jobs` > 1 means
    that many worker processes, each loading the rules once, fed files in small batches.
    """
    batches = list(_batches(files)) if jobs > 1 else []
    if len(batches) < 2:  # one batch is one worker's: no process is worth starting for it
        rule_set = packs.load(rules)
        for path in files:
            yield read_document(path, published_on, rule_set, max_size)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(
        min(jobs, len(batches)), initializer=_start_worker, initargs=(rules,)
    ) as pool:
        done = pool.map(
            _read_in_worker, batches, [published_on] * len(batches), [max_size] * len(batches)
        )
        for batch in done:
            for doc in batch:
                yield (
                    doc if isinstance(doc, Skip) else shared_keys(Document.model_validate_json(doc))
                )


# Files go to the workers in batches of about this many bytes: the last batch to finish is
# the time one worker waits on the other at the end (with batches of 16 files, --jobs 2 took
# a twentieth longer over 2 MiB), while a batch per file would spend more on the hand-over
# than on a short file.
_BATCH_BYTES = 32 * 1024


def _batches(files: Sequence[Path]) -> Iterator[list[Path]]:
    """The files in order, in runs of about `_BATCH_BYTES` (a larger file alone)."""
    batch: list[Path] = []
    size = 0
    for path in files:
        try:
            length = path.stat().st_size
        except OSError:
            length = 0  # read_document says why it cannot be read
        if batch and size + length > _BATCH_BYTES:
            yield batch
            batch, size = [], 0
        batch.append(path)
        size += length
    if batch:
        yield batch


_WORKER_RULES: list[packs.Packs] = []


def _start_worker(rules: tuple[Path, ...]) -> None:
    _WORKER_RULES[:] = [packs.load(rules)]
    collector.tune()


def _read_in_worker(paths: list[Path], published_on: str | None, max_size: int) -> list[str | Skip]:
    """Each file's document as JSON, or why there is none: the parent validates JSON in two
    thirds of the time it takes to unpickle the models, and its claims share one set of
    their fields where unpickled ones carry a copy each."""
    out: list[str | Skip] = []
    for path in paths:
        doc = read_document(path, published_on, _WORKER_RULES[0], max_size)
        if isinstance(doc, Skip) and doc.error is not None:
            # A bug's exception and its traceback do not cross back to the parent intact:
            # the traceback's text does, for --debug.
            said = "".join(traceback.format_exception(doc.error)).rstrip()
            doc = Skip(doc.path, doc.reason, error=RuntimeError(f"in a worker process:\n{said}"))
        out.append(doc if isinstance(doc, Skip) else doc.model_dump_json())
    return out


def date_from_siblings(
    docs: list[Document], reread: Callable[[Document, str], Document | Skip]
) -> list[Document]:
    """Read again, against its folder's date, an article that states no date of its own.

    A folder read together is most often one story's coverage or one day's archive, so
    the middle of the dates its other articles state stands in for the missing one: where
    the article names no year at all, and where the year it is guessed from the years it
    names is within one of it. It stays a guess (`reference_estimated`), so nothing that
    rests on it raises an alarm.
    """
    stated: dict[PurePath, list[str]] = {}
    for doc in docs:
        if doc.published is not None:
            stated.setdefault(PurePath(doc.path).parent, []).append(doc.published[:10])
    out = []
    for doc in docs:
        around = sorted(stated.get(PurePath(doc.path).parent, ()))
        if doc.published is None and (doc.reference is None or doc.reference_estimated) and around:
            again = reread(doc, around[(len(around) - 1) // 2])
            doc = again if isinstance(again, Document) else doc
        out.append(doc)
    return out


def align_trading_days(docs: list[Document]) -> list[Document]:
    """Date a share's move in extended trading by the earliest report of it in its folder.

    After-hours trading ends after midnight in Europe and Asia: an article dated the day
    after reports the evening before, one dated the same day reports the same evening. When
    the folder holds an article dated the trading day before, that evening is the move's.
    """
    days: dict[PurePath, set[str]] = {}
    for doc in docs:
        if doc.published is not None:
            days.setdefault(PurePath(doc.path).parent, set()).add(doc.published[:10])
    for doc in docs:
        if doc.published is None or len(doc.published) < 10:
            continue
        before = _trading_day_before(doc.published[:10])
        if before is None or before not in days.get(PurePath(doc.path).parent, set()):
            continue
        for claim in doc.claims:
            p, o = claim.period, claim.origin
            if (
                p is not None
                and o is not None
                and o.period == "convention"
                and p.start == p.end == doc.published[:10]
                and (claim.metric or "").endswith("(extended trading)")
            ):
                claim.period = p.model_copy(update={"start": before, "end": before})
                # A copy: alike claims in a row share one origin record.
                basis = context_basis(claim.subject, claim.metric, claim.period)
                claim.origin = o.model_copy(update={"basis": basis})
    return docs


def _trading_day_before(day: str) -> str | None:
    try:
        when = date.fromisoformat(day) - timedelta(days=1)
    except ValueError:
        return None  # a date the calendar does not have
    while when.weekday() >= 5:  # markets are shut at the weekend
        when -= timedelta(days=1)
    return when.isoformat()


def read_document(
    path: Path,
    published_on: str | None,
    rule_set: packs.Packs,
    max_size: int = DEFAULT_MAX_SIZE,
    fallback: str | None = None,
    source: Source | None = None,
) -> Document | Skip:
    """One file's document, or why there is none; never raises but for KeyboardInterrupt.

    `fallback` is the date to read an article against when it names no date and no year.
    """
    try:
        source = source or read(path, max_size)
        doc = extract_source(source, published_on, rule_set, fallback)
    except InputError as exc:
        return Skip(exc.path, exc.message)
    except Exception as exc:  # a bug on one file must not lose the others
        return internal_error(path.as_posix(), exc)
    return doc if doc is not None else Skip(source.path, "skipped: binary file")


def internal_error(path: str, exc: BaseException) -> Skip:
    """`path: internal error: Type: message`, on one line and of a readable length."""
    message = " ".join(str(exc).split())
    if len(message) > 200:
        message = message[:199] + "…"
    said = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    return Skip(path, f"internal error: {said}", error=exc)


def extract_text(
    text: str, path: str = "<text>", published: str | None = None, rules: tuple[Path, ...] = ()
) -> Document:
    """Extract the claims of one article given as text."""
    doc = _extract(SourceMap(text), path, "utf-8", published, packs.load(rules))
    return doc


def extract_source(
    source: Source,
    published_on: str | None = None,
    rule_set: packs.Packs | None = None,
    fallback: str | None = None,
) -> Document | None:
    """Extract the claims of one file read from disk; None for a binary file."""
    decoded = decode(source.data)
    if decoded.binary:
        return None
    rule_set = rule_set or packs.load()
    return _extract(
        SourceMap(decoded.text),
        source.path,
        decoded.encoding,
        published_on,
        rule_set,
        source.suffix,
        fallback,
    )


# An article's passes build hundreds of thousands of short-lived objects and no cycles
# worth collecting early: a collection scans them all for nothing (a fifth of the time of
# a line of 30,000 figures). Reference counting still frees them as they go.
@collector.paused()
def _extract(
    root: SourceMap,
    path: str,
    encoding: str,
    published_on: str | None,
    rule_set: packs.Packs,
    suffix: str = ".txt",
    fallback: str | None = None,
) -> Document:
    repaired, changed = repair.repair(root)
    if suffix in (".html", ".htm"):
        marked = markup.from_html(repaired)
    elif suffix in (".md", ".markdown"):
        marked = markup.from_markdown(repaired)
    else:
        marked = markup.Markup(repaired)
    text = marked.text
    lines = segment.lines(text.text, rule_set.boilerplate, marked.hidden)
    spans = [(ln.start, ln.end) for ln in lines if ln.zone == "body" and ln.end > ln.start]
    when = published_on or (published.normalise(marked.published) if marked.published else None)
    when = when or published.from_text(text.text, [(ln.start, ln.end) for ln in lines])
    title = marked.title or published.title_from_text(text.text, spans)
    hidden = segment.hidden_spans(text.text, marked.hidden)
    body = "\n".join(text.text[s:e] for s, e in spans)
    reference, estimated = when, False
    if reference is None:
        reference, estimated = periods.estimate_reference(body, rule_set.periods), True
        day = published.dateline_day(text.text, [(ln.start, ln.end) for ln in lines])
        if fallback is not None and (
            reference is None or abs(int(reference[:4]) - int(fallback[:4])) <= 1
        ):
            # The folder's date is a better guess than the years the text names, unless the
            # two are years apart (a folder that spans years says little of one article).
            reference = fallback if day is None else published.nearest_day(fallback, *day)
        elif reference is not None and day is not None:
            reference = f"{reference[:4]}-{day[0]:02d}-{day[1]:02d}"  # the year is the guess
    claims = _claims(
        text, lines, hidden, rule_set, PurePath(path).name, reference, title, estimated
    )
    suppressions = [
        Suppression(rules=r, reason=why, line=at, first_line=first, last_line=last)
        for r, why, at, first, last in segment.suppressions(root.text)
    ]
    return Document(
        path=path,
        title=title,
        suppressions=suppressions,
        published=when,
        reference=reference,
        reference_estimated=estimated and reference is not None,
        encoding=encoding,
        repaired=changed,
        claims=claims,
    )


def _blanked(text: str, *spans: list[tuple[int, int]]) -> str:
    """`text` with the characters of `spans` turned to spaces (line breaks kept)."""
    cuts = sorted((s, e) for group in spans for s, e in group if e > s)
    if not cuts:
        return text
    out: list[str] = []
    pos = 0
    for start, end in cuts:
        start = max(start, pos)
        if end <= start:
            continue
        out.append(text[pos:start])
        piece = text[start:end]
        out.append(" " * len(piece) if "\n" not in piece else re.sub(r"[^\n]", " ", piece))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _claims(
    text: MappedText,
    lines: list[segment.Line],
    hidden: list[tuple[int, int]],
    rule_set: packs.Packs,
    name: str,
    reference: str | None,
    title: str | None = None,
    guessed_date: bool = False,
) -> list[Claim]:
    lex = build(rule_set)
    full = text.text
    # What the article passes read: the text with its hidden lines (a trailing data blob,
    # page furniture) and spans blanked, offsets kept, so that a megabyte of JSON after a
    # few paragraphs costs those passes nothing.
    readable = _blanked(full, [(ln.start, ln.end) for ln in lines if ln.zone == "hidden"], hidden)
    symbols = quantities.resolve_symbols(" ".join(readable.split()), lex)  # counts only
    covered = segment.Spans.of(hidden)
    items: list[context.Item] = []
    paragraphs: list[tuple[int, int]] = []
    for line in lines:
        if line.zone != "hidden" and line.end > line.start:
            paragraphs.append((line.start, line.end))
        if line.zone == "hidden" or line.end <= line.start:
            continue
        chunk = full[line.start : line.end]
        found = _finite(quantities.find(chunk, lex, symbols))
        if hidden:
            found = [f for f in found if not covered.hold(line.start + f.start)]
        if not found:
            continue
        sentences = _sentences_around(full, line, found)
        sentence_starts = [s.start for s in sentences]
        first = len(items)
        for f in found:
            start = line.start + f.start
            sentence = _sentence_at(sentences, sentence_starts, start)
            span = (sentence.start, sentence.end) if sentence else (line.start, line.end)
            converts = first + f.converts if f.converts is not None else None
            items.append(
                context.Item(
                    f,
                    start,
                    line.start + f.end,
                    span,
                    len(paragraphs) - 1,
                    converts,
                    boilerplate=line.zone == "teaser",
                )
            )
    contexts = context.annotate(
        readable, items, paragraphs, rule_set, reference, title, guessed_date
    )
    root = text.root()
    claims: list[Claim] = []
    # One string per quote, shared by its claims: a sentence of thousands of figures
    # (a flattened table) is not copied once for each of them.
    written: dict[tuple[int, int], str] = {}
    cut: dict[tuple[int, int], list[tuple[int, int]]] = {}
    starts = root.line_columns(text.origins([item.start for item in items]))
    ends = root.line_columns(text.origin_ends([item.end for item in items]))
    # Alike figures in a row ("5% 5% 5%", a flattened table) share one reading and one record
    # of where their context came from, as they share their period: built once for the run.
    quantity = origin = None
    read_as: tuple[object, ...] = ()
    found_by: tuple[object, ...] = ()
    for k, (item, ctx, (ln, col), (end_ln, end_col)) in enumerate(
        zip(items, contexts, starts, ends, strict=True)
    ):
        f = item.found
        links = [Link.built({"kind": kind, "target": f"{name}#{t + 1}"}) for kind, t in ctx.links]
        if item.converts is not None:
            links.insert(
                0, Link.built({"kind": "conversion", "target": f"{name}#{item.converts + 1}"})
            )
        quoted = _quoted(full, item.sentence, item.start, cut)
        said = written.get(quoted)
        if said is None:
            said = " ".join(full[quoted[0] : quoted[1]].split())
            written[quoted] = said
        reading = (f.kind, f.unit, f.value, f.low, f.high, f.qualifier, f.stated, f.resolution)
        if quantity is None or reading != read_as:
            read_as = reading
            quantity = Quantity.built(
                {
                    "kind": f.kind,
                    "unit": f.unit,
                    "value": float(f.value),
                    "low": None if f.low is None else float(f.low),
                    "high": None if f.high is None else float(f.high),
                    "qualifier": f.qualifier,
                    "stated": f.stated,
                    "resolution": float(f.resolution),
                }
            )
        source = (
            ctx.subject_origin,
            ctx.metric_origin,
            ctx.period_origin,
            ctx.subject,
            ctx.metric,
            ctx.period,
        )
        if origin is None or source != found_by:
            found_by = source
            origin = ContextOrigin.built(
                {
                    "subject": ctx.subject_origin,
                    "metric": ctx.metric_origin,
                    "period": ctx.period_origin,
                    "basis": context_basis(ctx.subject, ctx.metric, ctx.period),
                }
            )
        claims.append(
            Claim.built(
                {
                    "id": f"{name}#{k + 1}",
                    "line": ln,
                    "column": col,
                    "end_line": end_ln,
                    "end_column": end_col,
                    "text": full[item.start : item.end],
                    "sentence": said,
                    "quantity": quantity,
                    "subject": ctx.subject,
                    "metric": ctx.metric,
                    "period": ctx.period,
                    "boilerplate": item.boilerplate,
                    "links": links,
                    "origin": origin,
                    "direction": ctx.direction,
                    "outlook": ctx.outlook,
                }
            )
        )
    return claims


# A claim quotes its sentence; of a longer one (a list or table run together, up to
# segment.MAX_SENTENCE), the stretch around the figure, so that the claims of a run of
# thousands of figures do not each carry a kilobyte of it into every report.
QUOTE_MAX = 400


def _quoted(
    full: str, sentence: tuple[int, int], at: int, cut: dict[tuple[int, int], list[tuple[int, int]]]
) -> tuple[int, int]:
    """The span a figure at `at` quotes: its sentence, or the stretch of it holding `at`;
    a sentence is cut once (`cut`), the same way for all its figures, which share a stretch."""
    start, end = sentence
    if end - start <= QUOTE_MAX:
        return sentence
    stretches = cut.get(sentence)
    if stretches is None:
        stretches = cut[sentence] = list(segment.spaced(full, start, end, QUOTE_MAX))
    return next((s for s in stretches if at < s[1]), sentence)


_MARGIN = (
    600  # longer than nearly any sentence: a window this wide holds the figure's whole sentence
)


def _sentences_around(
    full: str, line: segment.Line, found: list[quantities.Found]
) -> list[segment.Sentence]:
    """Sentences of the stretches of a line that hold figures: segmenting is the costly step."""
    windows: list[list[int]] = []
    for f in found:
        start = max(line.start, line.start + f.start - _MARGIN)
        end = min(line.end, line.start + f.end + _MARGIN)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    out: list[segment.Sentence] = []
    for start, end in windows:
        out.extend(segment.sentences(full, start, end))
    return out


def _finite(found: list[quantities.Found]) -> list[quantities.Found]:
    """The figures whose value and bounds are floats: a 400-digit number overflows to infinity,
    which no check can compare and JSON cannot hold, so it is left out."""
    kept: dict[int, int] = {}
    out: list[quantities.Found] = []
    for k, f in enumerate(found):
        if (
            isfinite(f.value)
            and isfinite(f.resolution)
            and (f.low is None or isfinite(f.low))
            and (f.high is None or isfinite(f.high))
        ):
            kept[k] = len(out)
            out.append(f)
    if len(out) < len(found):
        for f in out:  # a conversion keeps its link only to a figure that stays
            f.converts = kept.get(f.converts) if f.converts is not None else None
    return out


def _sentence_at(
    sentences: list[segment.Sentence], starts: list[int], pos: int
) -> segment.Sentence | None:
    """The sentence holding `pos`: sentences are in order, so a search, not a scan."""
    k = bisect_right(starts, pos)
    if k and sentences[k - 1].start <= pos < sentences[k - 1].end:
        return sentences[k - 1]
    return None
