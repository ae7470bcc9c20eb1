"""The extraction pipeline: files in, documents with their claims out."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from pathlib import Path, PurePath

from . import context, markup, packs, published, quantities, repair, segment
from .context import periods
from .decoding import decode
from .lexicon import build
from .models import Claim, ContextOrigin, Document, Link, Quantity, Suppression, context_basis
from .sources import Source, discover, read
from .textmap import MappedText, SourceMap


def extract_paths(
    paths: Iterable[Path],
    published_on: str | None = None,
    rules: tuple[Path, ...] = (),
    on_skip: Callable[[str, str], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> list[Document]:
    """Read every article under `paths` and extract its claims; `on_progress(done, total)` per file."""
    found = discover(list(paths))
    if on_skip is not None:
        for path, reason in found.skipped:
            on_skip(path.as_posix(), reason)
    rule_set = packs.load(rules)
    docs = []
    for done, path in enumerate(found.files, 1):
        source = read(path)
        doc = extract_source(source, published_on, rule_set)
        if on_progress is not None:
            on_progress(done, len(found.files))
        if doc is None:
            if on_skip is not None:
                on_skip(source.path, "binary file")
            continue
        docs.append(doc)
    return docs


def extract_text(
    text: str, path: str = "<text>", published: str | None = None, rules: tuple[Path, ...] = ()
) -> Document:
    """Extract the claims of one article given as text."""
    doc = _extract(SourceMap(text), path, "utf-8", published, packs.load(rules))
    return doc


def extract_source(
    source: Source, published_on: str | None = None, rule_set: packs.Packs | None = None
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
    )


def _extract(
    root: SourceMap,
    path: str,
    encoding: str,
    published_on: str | None,
    rule_set: packs.Packs,
    suffix: str = ".txt",
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
        if reference is not None and day is not None:
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
    symbols = quantities.resolve_symbols(full, lex)
    covered = segment.Spans.of(hidden)
    items: list[context.Item] = []
    paragraphs: list[tuple[int, int]] = []
    for line in lines:
        if line.zone != "hidden" and line.end > line.start:
            paragraphs.append((line.start, line.end))
        if line.zone == "hidden" or line.end <= line.start:
            continue
        chunk = full[line.start : line.end]
        found = quantities.find(chunk, lex, symbols)
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
    contexts = context.annotate(full, items, paragraphs, rule_set, reference, title, guessed_date)
    root = text.root()
    claims: list[Claim] = []
    for k, (item, ctx) in enumerate(zip(items, contexts, strict=True)):
        f = item.found
        o_start, o_end = text.origin(item.start), text.origin_end(item.end)
        ln, col = root.line_column(o_start)
        end_ln, end_col = root.line_column(o_end)
        links = [Link(kind=kind, target=f"{name}#{target + 1}") for kind, target in ctx.links]
        if item.converts is not None:
            links.insert(0, Link(kind="conversion", target=f"{name}#{item.converts + 1}"))
        s_text = full[item.sentence[0] : item.sentence[1]]
        claims.append(
            Claim(
                id=f"{name}#{k + 1}",
                line=ln,
                column=col,
                end_line=end_ln,
                end_column=end_col,
                text=full[item.start : item.end],
                sentence=" ".join(s_text.split()),
                quantity=Quantity(
                    kind=f.kind,
                    unit=f.unit,
                    value=f.value,
                    low=f.low,
                    high=f.high,
                    qualifier=f.qualifier,
                    stated=f.stated,
                    resolution=f.resolution,
                ),
                subject=ctx.subject,
                metric=ctx.metric,
                period=ctx.period,
                boilerplate=item.boilerplate,
                links=links,
                origin=ContextOrigin(
                    subject=ctx.subject_origin,
                    metric=ctx.metric_origin,
                    period=ctx.period_origin,
                    basis=context_basis(ctx.subject, ctx.metric, ctx.period),
                ),
                direction=ctx.direction,
                outlook=ctx.outlook,
            )
        )
    return claims


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


def _sentence_at(
    sentences: list[segment.Sentence], starts: list[int], pos: int
) -> segment.Sentence | None:
    """The sentence holding `pos`: sentences are in order, so a search, not a scan."""
    k = bisect_right(starts, pos)
    if k and sentences[k - 1].start <= pos < sentences[k - 1].end:
        return sentences[k - 1]
    return None
