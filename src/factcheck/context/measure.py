"""Which measure a figure gives: the measure phrase its clause names, with the words that
narrow it, named as a change, a share, a per-share figure or an outlook where the wording says so."""

from __future__ import annotations

import re

from ..models import Origin, Outlook
from ..quantities import Found
from . import document, metrics, sentence, subjects
from .direction import direction as find_direction
from .owner import is_company, is_place
from .state import Context, Item, Paragraph

# "¥2.5 trillion in dividends", "a $10bn tax charge": a measure right after the figure.
_METRIC_ATTACHED = re.compile(r"\s*(?:(?:in|of|on|as)\s+(?:the\s+)?)?\Z", re.I)


_BASIS = (
    (
        re.compile(
            r"\b(?:quarter[- ]on[- ]quarter|quarter[- ]over[- ]quarter|q/q|qoq|sequential(?:ly)?|"
            r"(?:from|with|to|than|against)\s+the\s+(?:previous|preceding|prior)\s+"
            r"(?:quarter|three\s+months)|"
            r"on\s+the\s+quarter)\b",
            re.I,
        ),
        "q/q",
    ),
    (
        re.compile(
            r"\b(?:month[- ]on[- ]month|month[- ]over[- ]month|m/m|mom|(?:from|with|to|than|against)\s+the\s+(?:previous|"
            r"preceding|prior)\s+month|on\s+the\s+month|(?:in|for)\s+(?:January|February|March|April|"
            r"May|June|July|August|September|October|November|December)\s+from\s+(?:January|February|"
            r"March|April|May|June|July|August|September|October|November|December))\b",
            re.I,
        ),
        "m/m",
    ),
    (
        re.compile(
            r"\b(?:year[- ]on[- ]year|year[- ]over[- ]year|y/y|yoy|from\s+a\s+year\s+(?:earlier|ago)|"
            r"(?:than|with|against)\s+a\s+year\s+(?:earlier|ago|before)|on\s+the\s+year|"
            r"(?:from|than|against)\s+(?:in\s+)?the\s+same\s+(?:period|quarter|month)\s+"
            r"(?:a|last|of\s+the\s+previous)\s+year)\b",
            re.I,
        ),
        "y/y",
    ),
)


_ESTIMATE = re.compile(
    r"\b(?:analysts?|consensus|expectations?|Wall\s+Street|the\s+Street|polled|markets?|traders|"
    r"priced\s+in|pricing\s+in|"
    r"LSEG|FactSet|Visible\s+Alpha|Capital\s+IQ|Zacks)\b",
    re.I,
)


_OUTLOOK_AFTER = re.compile(
    r"\s*(?:\([^)]*\)\s*)?,?\s*(?:(?:as|that|which)\s+)?(?:was\s+|had\s+been\s+|were\s+)?"
    r"(?:[a-z]+\s+)?(?:expected|forecast|projected|predicted|estimated|anticipated|targeted)\b"
    # "the $69.8 billion analysts expect", "the 3.5% economists had forecast"
    r"|\s+(?:that\s+)?(?:analysts|economists|forecasters|investors|markets|the\s+market)\s+"
    r"(?:had\s+|were\s+)?(?:expect|expected|forecast|predicted|projected|anticipated|estimated|"
    r"pencilled\s+in|penciled\s+in)\b"
    # "the 3.5% Reuters had forecast", "the 3.3% increase economists had projected", "the 2.3%
    # annual rate that economists polled by Reuters had anticipated": who expected it may be
    # named, and the figure's noun may come first; the words between join no other clause.
    r"|(?:\s+(?:annual\s+|monthly\s+|quarterly\s+)?(?:increase|rise|gain|growth|decline|drop|"
    r"fall|expansion|contraction|pace|rate|reading|figure))?\s+(?:that\s+|which\s+)?"
    r"(?:(?!(?:after|before|while|but|and|as|when|despite|because|since|though|although|than|"
    r"following|if|so)\b)[\w&.’'-]+\s+){1,5}?(?:had\s+|have\s+|has\s+|were\s+|was\s+)"
    r"(?:expected|forecast|predicted|projected|anticipated|estimated|pencilled\s+in|penciled\s+in)\b",
    re.I,
)


# "the 6.5% median estimate", "a $45 billion consensus forecast", "its 3% projection": the
# figure modifies a noun of expectation. Only words that qualify an estimate may stand between,
# so that "5% above estimates" or "$9bn beat forecasts" stay results.
_ESTIMATE_NOUN_AFTER = re.compile(
    r"\s+(?:(?:median|mean|average|consensus|analysts?'?|economists'?|market|official|"
    r"full-year|annual|earlier|previous|prior|revised|initial|own|poll)\s+){0,2}"
    r"(?P<noun>estimates?|forecasts?|projections?|predictions?|expectations?|consensus)\b",
    re.I,
)


_STARTS_CHANGE = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:(?:in|at\s+the\s+end\s+of)\s+(?:19|20)\d\d\s*)?,?\s*to\s", re.I
)


_CHANGE_BY = re.compile(
    r"\b(?:rose|rise|rises|risen|increased|increases|grew|grows|climbed|jumped|fell|falls|fall|"
    r"dropped|declined|decreased|shrank|cut|lowered|reduced|raised|raises|raise|boosted|hikes|"
    r"hiked|hike|lifts|lifted)\s+(?:[a-z]+\s+){0,2}?by\s+"
    r"(?:(?:about|around|nearly|almost|more\s+than|over|some)\s+)?\Z",
    re.I,
)


_LIST_GAP = re.compile(r"[\s,;]*(?:(?:and|or|then)\s+)?(?:a\s+|an\s+)?", re.I)
# "£40bn of tax rises", "tax rises of £40bn", "a £40bn increase in taxes": an amount the
# measure changes by, named by a noun of change beside the measure.
_CHANGE_NOUN = re.compile(
    r"\s+(?:rises|increases|hikes|rise|increase|hike|cuts|cut|reductions?)\b", re.I
)
_CHANGE_NOUN_BEFORE = re.compile(
    r"\s+(?:rises?|increases?|hikes?|cuts?|reductions?)\s+in\s+(?:the\s+)?\Z", re.I
)


def _change_noun(sent: sentence.Sentence, cs: int, ce: int) -> re.Match[str] | None:
    a, b = sent.clause(cs)
    for m in sent.measures:
        if not (a <= m.start < b) or abs(m.start - ce if m.start >= ce else cs - m.end) > 30:
            continue
        after = _CHANGE_NOUN.match(sent.text, m.end)
        if after is not None:
            return after
        if m.start >= ce:
            before = _CHANGE_NOUN_BEFORE.search(sent.text, ce, m.start)
            if before is not None:
                return before
    return None


_FUTURE_BEFORE = re.compile(
    r"\b(?:will|would|shall|is\s+(?:expected|forecast|projected|set|seen)\s+to|"
    r"are\s+(?:expected|forecast|projected|set|seen)\s+to)\s+(?:[a-z]+\s+){0,3}\Z",
    re.I,
)


# "is expected to have reached 2.3%", "estimated to have grown by 4%": a first estimate
# of a past figure (a flash reading) is reported as the figure, not a forecast.
_BENCHMARK_BEFORE = re.compile(
    r"\b(?:ahead\s+of|above|below|beat|beating|beats|missed|missing|misses|topped|topping|"
    r"tops|versus|vs\.?|against|than|short\s+of|in\s+line\s+with|matched|matching)\s+"
    r"(?:the\s+|an?\s+)?(?:[A-Za-z-]+\s+)?\Z",
    re.I,
)
_BENCHMARK_ESTIMATED = re.compile(
    r"\b(?:ahead\s+of|above|below|beat|beating|beats|missed|missing|misses|topped|topping|tops|"
    r"versus|vs\.?|against|short\s+of|in\s+line\s+with|matched|matching)\s+(?:the\s+|an?\s+)?"
    r"(?:estimated|expected|forecast|projected|anticipated|predicted)\s+"
    r"(?:(?:about|around|some|roughly)\s+)?\Z",
    re.I,
)
# "beating an LSEG SmartEstimate of 5.7 trillion won", "above the FactSet consensus of $2.1
# billion": a named provider's estimate, one word or several, set against the result.
_NAMED_ESTIMATE = re.compile(
    r"\b(?:beat|beating|beats|missed|missing|misses|topped|topping|tops|above|below|versus|vs\.?|"
    r"against|ahead\s+of|short\s+of|in\s+line\s+with)\s+(?:the\s+|an?\s+)?"
    r"(?:[A-Z][\w&-]*\s+){0,2}[\w-]*(?:[Ee]stimates?|[Cc]onsensus|[Ff]orecasts?)\s+(?:of\s+|at\s+)?\Z"
)
_ESTIMATED_WORD = re.compile(r"(?:an?\s+)?(?:estimated|expected|forecast|projected)\b", re.I)
_PAST_ESTIMATE = re.compile(r"\bto\s+have\s+(?:been\s+)?[a-z]+\s+(?:[a-z]+\s+){0,2}\Z", re.I)


_EXPECTS_TO = re.compile(
    r"\b(?:expects?|expected|forecasts?|projects?|projected|predicts?|predicted|sees?|saw|anticipates?)"
    # "expect the bank to trim borrowing costs by a quarter point"
    r"\b[^.;%]{0,50}?\b(?:to\s+[a-z]+(?:\s+[a-z-]+){0,3}\s+by|to\s+[a-z]+|growing|expanding|rising|"
    r"falling|shrinking|contracting)"
    r"(?:\s+by)?\s+(?:(?:about|around|some|nearly|roughly)\s+)?\Z",
    re.I,
)
_APPOSED_CHANGE = re.compile(
    r",\s+(?:an?\s+)?(?:(?:increase|rise|gain|jump)\s+of|up|(?P<down>(?:decrease|drop|decline|fall)\s+of|down))"
    r"\s+(?:(?:about|around|nearly|almost|some|roughly|more\s+than)\s+)?\Z",
    re.I,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:an?\s+|the\s+)?\Z", re.I)
_LOOK_BACK = 48  # figures before this one in its sentence that may lend it their measure


COMPARED = re.compile(
    r"(?:\b(?:from|against|versus|vs\.?|compared\s+(?:with|to)|than|after|following)\s+(?:a\s+|an\s+|the\s+)?"
    # "against growth of 11.1%", "compared with a rise of 3%", "after gaining 0.3%"
    r"(?:(?:growth|rise|gain|increase|decline|drop|fall|expansion|contraction)\s+of\s+)?"
    r"(?:(?:rising|gaining|growing|falling|dropping|declining|increasing|climbing|expanding|"
    r"contracting|shrinking|slipping|jumping|advancing|edging\s+up|easing)\s+(?:by\s+)?)?"
    # "slightly below the 4.0% recorded in October": "the" makes it a figure compared
    # with, where "below 2%" is a bound.
    r"|\b(?:below|above|under|short\s+of|shy\s+of|ahead\s+of|in\s+line\s+with|reversing|reversed|"
    r"erasing|erased|undoing|offsetting)\s+the\s+)"
    r"(?:revised\s+|downwardly\s+revised\s+|upwardly\s+revised\s+)?\Z",
    re.I,
)


# "the ECB's 2% target", "a 5% growth goal": the word right after the figure makes it a target.
_TARGET_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:target|goal|ceiling|objective)s?\b", re.I)


# Words that name no measure of their own: "the rate", "the reading" take the measure the
# paragraph or the article is about.
_GENERIC = frozenset(
    ("rate", "rates", "reading", "readings", "figure", "figures", "level", "number", "print", "pace",
     "data", "estimate", "result", "results", "value", "one", "it")
)  # fmt: skip


# Qualifiers that make another measure of the same name: "diluted EPS", "adjusted EPS".
_QUALIFIERS = frozenset(
    ("adjusted", "diluted", "basic", "underlying", "organic", "comparable", "normalized",
     "normalised", "GAAP", "non-GAAP", "pro forma", "like-for-like", "constant-currency")
)  # fmt: skip


def resolve_metric(
    sent: sentence.Sentence,
    cs: int,
    ce: int,
    found: Found,
    members: list[int],
    items: list[Item],
    out: list[Context],
    i: int,
    vocab: metrics.Vocabulary,
    svocab: subjects.Vocabulary,
    doc: document.Document,
    para: Paragraph,
    ctx: Context,
) -> None:
    s = sent.text
    a, _b = sent.clause(cs)
    # The figures before this one that have a measure: the last of them, the last in the same
    # unit, and the last in the same unit and clause. A look-back of a few dozen figures keeps
    # a sentence of hundreds of figures (a flattened table) linear.
    k = members.index(i)
    last: int | None = None
    last_kind: int | None = None
    last_alike: int | None = None
    for j in reversed(members[max(0, k - _LOOK_BACK) : k]):
        if items[j].converts is not None or not out[j].metric:
            continue
        last = j if last is None else last
        if items[j].found.unit == found.unit:
            last_kind = j if last_kind is None else last_kind
            if last_alike is None and items[j].start - sent.start >= a:
                last_alike = j
        if last_kind is not None and (last_alike is not None or items[j].start - sent.start < a):
            break
    if (
        last_alike is None
        and last_kind is not None
        and _BENCHMARK_THE.search(s, max(0, cs - 30), cs)
    ):
        # "slower than a 3.8% gain in November but above the 2.4% forecast": a figure set
        # against "the" one before is of its measure, across a clause's "but".
        last_alike = last_kind
    alike = [] if last_alike is None else [last_alike]
    starts_change = _STARTS_CHANGE.match(s, ce) is not None  # "from A to B": A starts a change
    per_share = _PER_SHARE.match(s, ce) if found.kind != "percent" else None
    listed = bool(alike) and _listed(sent, items[alike[-1]].end - sent.start, cs)
    if (
        alike
        and per_share is None
        and not starts_change
        and (listed or (metrics.word_before(s, cs) and COMPARED.search(s, max(0, cs - 40), cs)))
    ):
        # "rose 5.4%, up from 3.5%", "$0.97 a share, against $1.46": the figure compared
        # with is the same measure's.
        j = alike[-1]
        own = find_direction(s, cs, ce, doc.directions) if found.unit in ("percent", "pp") else None
        ctx.direction = own or out[j].direction  # "reversing the 0.3% increase": its own way
        if listed:  # a list goes on with the same measure, forecast or not
            ctx.metric, ctx.metric_origin, ctx.outlook = out[j].metric, "sentence", out[j].outlook
            if found.record is not None and ctx.metric is not None:
                # "in 18 months, or six quarters": a record restated in its own unit.
                ctx.metric = f"{ctx.metric.split(': ', 1)[0]}: {found.record}"
            return
        ctx.metric, ctx.metric_origin = _strip_outlook(out[j].metric or ""), "sentence"
        outlook = _outlook(sent, cs, ce, vocab)
        earlier = out[j].outlook
        if (
            outlook in (None, "forecast", "estimate", "guidance")
            and earlier in ("forecast", "estimate", "guidance")
            and earlier is not None
            and _FROM_BEFORE.search(s, max(0, cs - 12), cs)
        ):
            # "cut its forecast to 6% from 6.5%", "down from the 2.2% it had predicted before":
            # the figure it moved from was an earlier one, an outlook too but not the same
            # fact as the new one.
            ctx.outlook = earlier
            ctx.metric = f"{with_outlook(ctx.metric, earlier)[:-1]}, previous)"
            return
        if outlook is not None:
            ctx.outlook = outlook
            ctx.metric = with_outlook(
                ctx.metric, outlook, _maker(sent, cs, doc, ctx, outlook, svocab)
            )
        return
    if (
        found.unit == "percent"
        and last is not None
        and items[last].found.unit not in ("percent", "pp")
        and _APPOSED_CHANGE.search(s, max(0, cs - 40), cs)
    ):
        # "earned $1.64 per share, an increase of 12%", "a dividend of $0.25, up 4.2%": the
        # change of the amount just named.
        named = _strip_outlook(out[last].metric or "")
        down = _APPOSED_CHANGE.search(s, max(0, cs - 40), cs)
        word = "decline" if down is not None and down.group("down") else "growth"
        ctx.metric, ctx.metric_origin = f"{named} {word}", "sentence"
        ctx.direction = "down" if word == "decline" else "up"
        return
    recorded = (out[last].metric or "").split(": ", 1)[0] if last is not None else ""
    if (
        last is not None
        and items[last].found.record is not None
        and recorded.endswith((" growth", " decline"))
        and re.fullmatch(r"\s+(?:of|at)\s+", s[items[last].end - sent.start : cs])
    ):
        # "slowed to a five-month low of 1.2%": the figure is of the measure the record is.
        ctx.metric, ctx.metric_origin = recorded, "sentence"
        ctx.direction = out[last].direction
        return
    previous = (
        out[last_kind].metric
        if last_kind is not None
        # "climbed for two consecutive months after sinking to 1.7%": a count of months names
        # no measure of a percentage after it.
        else (
            out[last].metric
            if last is not None and (items[last].found.kind != "count" or found.kind == "count")
            else None
        )
    )
    if previous is not None:
        previous = strip_rate(previous)
    source = last_kind if last_kind is not None else last
    # A figure of the clause before ("exports grew 3%, and copper output growth slowed to
    # 1.2%") names the measure only when this clause names none.
    apart_from = (
        items[source].end - sent.start
        if source is not None
        and _NEW_CLAUSE.search(s, items[source].end - sent.start, cs) is not None
        else None
    )
    base = _base_metric(sent, cs, ce, found, vocab, para, previous, doc, apart_from)
    outlook = _outlook(sent, cs, ce, vocab, found.unit in ("percent", "pp"))
    if base is None and found.unit in ("percent", "pp"):
        base = _revised_forecast(outlook, out, i)
    whole = doc.metric or para.metric
    if (
        found.unit in ("percent", "pp")
        and whole is not None
        and not (base or "").startswith("share of ")
    ):
        before = [items[members[k - 1]].end - sent.start] if k else []
        part = _component(s, max([a, *before]), cs, sent)
        if part is None and not before and base in (None, whole, strip_rate(whole)):
            part = _opening_part(s, a, cs, whole, vocab)
        if part is not None:
            # "food, alcohol & tobacco at 2.8%, energy at -1.9%": parts of the article's measure.
            head = strip_rate(whole)
            head = head[len("annual ") :] if head.startswith("annual ") else head
            base = f"{part} {head}"
    if found.unit == "pp":
        share = _contribution(sent, cs, base, para, ctx, para.subject or doc.topic, doc.metric)
        if share is not None:
            ctx.metric, ctx.metric_origin = share, "sentence"
            return
    origin: Origin = "sentence"
    if base in ("growth", "expansion") and found.kind == "percent":
        # "Growth quickened to 5.4%": the growth of what the article measures; a country's
        # growth, where the article names no measure, is its economy's.
        whole = para.metric or doc.metric
        if whole is not None and _RATE_LIKE.search(whole):
            whole = None  # inflation or a rate does not grow: "growth" is of something else
        if (
            whole is None
            and ctx.subject is not None
            and (is_place(ctx.subject, svocab) or ctx.subject in svocab.forecasts_for)
        ):
            whole = "GDP"  # a country's growth, or its central bank's forecast of it
        base = f"{strip_rate(whole)} growth" if whole else "growth"
    elif (base is None or base in _GENERIC) and found.kind != "count":
        if para.metric is not None:
            base, origin = para.metric, "nearby"
        elif doc.metric is not None:
            base, origin = doc.metric, "article"
    elif base is not None and not (found.kind == "count" and _DURATION.search(base)):
        para.metric = base  # a count of months or years is no measure the paragraph goes on with
    terms = _TERMS.search(s, 0, cs) if base is not None and _ACCOUNTS.match(base) else None
    if terms is not None and base is not None:
        # "In nominal terms, GDP grew by 8 per cent": the sentence's terms qualify the measure.
        base = f"{'nominal' if terms.group(1).lower() in ('nominal', 'current') else 'real'} {base}"
    if base in vocab.company_names and is_company(ctx.subject, svocab):
        base = vocab.company_names[base]
    direction = (
        find_direction(s, cs, ce, doc.directions) if found.unit in ("percent", "pp") else None
    )
    # A percentage with a word of change beside it is a change ("grew 5%", "a 3% drop").
    growth = (
        found.unit in ("percent", "pp")
        and not (base or "").startswith("share of ")  # "60% of GDP" is a level, not a change
        and (
            direction is not None
            or metrics.is_growth(s, cs, ce, vocab)
            or _growth_named(sent, cs, ce, found.kind == "money")
        )
    )
    ctx.direction = direction
    name = base
    if not growth and base is not None and re.search(r"\b(?:growth|decline)$", base):
        basis = _basis(s, cs, ce)  # "GDP growth was -0.1% from the previous quarter"
        if basis is not None:
            name = f"{base} {basis}"
    change_by = found.kind in ("money", "count", "number") and _CHANGE_BY.search(
        s, max(0, cs - 40), cs
    )
    if not change_by and base is not None and found.kind == "money":
        change_by = _change_noun(sent, cs, ce)
    if change_by and base is not None:
        # "debt rose by 154 billion euros": the amount of a change, not the level reached.
        down = re.search(
            r"(?:fell|fall|falls|dropped|declined|decreased|shrank|cut|lowered|reduced|"
            r"reductions?)",
            change_by.group(0),
            re.I,
        )
        name = f"{base} {'decrease' if down else 'increase'}"
    if growth and found.unit == "pp" and base is not None and base.endswith(("rate", "Rate")):
        # "cut its policy rate by 25 basis points": a rate's change is a cut or a hike.
        growth = False
        name = f"{base} {'cut' if direction == 'down' else 'hike'}"
    if growth and base is not None and "inflation" in base and found.unit == "percent":
        # "Consumer prices were 2.3% higher than a year before": that rise is the inflation rate.
        growth = False
        basis = _basis(s, cs, ce)
        if basis == "m/m":
            name = f"{base.removeprefix('annual ')} m/m"
    if growth:
        word = "decline" if direction == "down" else "growth"
        if base is None:
            name = word
        else:
            changed = base in ("growth", "decline") or base.endswith((" growth", " decline"))
            name = base if changed else f"{base} {word}"
        basis = _basis(s, cs, ce)
        if basis is not None and name is not None and basis not in name:
            name = f"{name} {basis}"
    if name == "dividends" and found.kind == "money" and found.value < 1000:
        name = "dividend per share"  # "a dividend of $0.25": an amount that small is per share
    if _ACTIVITY.search(name or "") and found.unit == "percent" and not _SHARE_OF.match(s, ce):
        # "after 4.6 percent in the third", "growth slows to 5.4%": a percentage of a measure
        # of activity is its growth rate, unless it is a share of it ("3% of GDP").
        name = f"{name} growth"
    run = _RUN.search(s, cs, ce) if found.kind == "count" else None
    way = _RUN_WAY.search(s, max(a, cs - 60), cs) if run is not None else None
    if run is not None and way is not None:
        # "Inflation has risen for two straight months", "for two consecutive months": the
        # length of a run of the measure's rises or falls, however the run is worded. (A
        # level held for years, "above ¥1 trillion for three consecutive years", is the
        # measure's own.)
        measure = name if name and not _DURATION.search(name) else (para.metric or doc.metric)
        what = f"consecutive {run.group('unit').lower()}"
        what += " of falls" if way.group("down") else " of rises"
        name = f"{strip_rate(measure)}: {what}" if measure else what
    if found.record is not None:
        # "a seven-quarter low of 5.4%": the length of a record of the measure, not the measure.
        rate = out[last].metric if last is not None else None
        if (
            last is not None
            and rate
            and items[last].found.unit == "percent"
            and not re.match(r"\s+(?:of|at)\b", s[ce:])  # "a low of 2.7%" is the next one's
            and not any(items[last].end - sent.start <= m.start < cs for m in sent.measures)
        ):
            # "Growth slowed to 5.4%, a seven-quarter low": the record is the rate's.
            name = _strip_outlook(rate).split(": ", 1)[0]
            for basis in (" y/y", " q/q", " m/m"):
                name = name.removesuffix(basis)
        name = f"{name}: {found.record}" if name else found.record
    if name is not None:
        name = _REAL_GROWTH.sub(r"\1", name)
    if name is not None and name.startswith("share price") and _AFTER_HOURS.search(s):
        # A move in after-hours trading is not the regular session's: two measures.
        name = f"{name} (extended trading)"
    if outlook is not None and name is not None:
        ctx.outlook = outlook
        name = with_outlook(name, outlook, _maker(sent, cs, doc, ctx, outlook, svocab, name))
        since = max(
            [items[j].end - sent.start for j in members if items[j].end - sent.start <= cs],
            default=a,
        )
        after = _CLAUSE_REST.match(s, ce, min(len(s), ce + 50))
        window = s[max(a, since) : cs] + " " + (after.group() if after is not None else "")
        if outlook in ("forecast", "estimate") and (
            _EARLIER_OUTLOOK.search(window)
            or (_HAD_FORECAST.search(window) and _EARLIER_WORD.search(window))
        ):
            # "the forecaster had pencilled in 2% growth", "the 1.9% rise the OBR had predicted
            # before": an earlier forecast, not the one the article reports.
            name = f"{name[:-1]}, previous)"
    elif name == "EPS":
        # Companies report, and news quotes, diluted earnings per share unless it says
        # "basic" or "adjusted": "$0.97 a share" and "$0.97 per diluted share" are one figure.
        name = "EPS (diluted)"
    ctx.metric = name
    ctx.metric_origin = origin if name is not None else "default"


_OWN_ESTIMATE = re.compile(
    r"\b(?:its|their|his|her)\s+(?:(?:own|previous|earlier|prior|latest|new)\s+)?estimates?\s+"
    r"(?:of\s+|at\s+)?(?:(?:about|around|some|nearly)\s+)?\Z",
    re.I,
)
# "its previous estimate", "previously forecast"; or "had pencilled in" with a word that puts
# it before ("at the previous budget", "had predicted before"). "Economists had expected
# 5%" alone is the consensus before a release, not an earlier forecast.
_EARLIER_OUTLOOK = re.compile(
    r"\b(?:previous|earlier|prior|old)\s+(?:forecasts?|estimates?|projections?)\b"
    r"|\bpreviously\s+(?:forecast|predicted|projected|expected|estimated)\b",
    re.I,
)
_HAD_FORECAST = re.compile(
    r"\bhad\s+(?:\w+\s+)?(?:forecast|predicted|projected|expected|pencill?ed\s+in|estimated|"
    r"anticipated)\b",
    re.I,
)
_EARLIER_WORD = re.compile(r"\b(?:previous|previously|earlier|prior|before)\b", re.I)
_CLAUSE_REST = re.compile(r"[^,;\d]*")


# Growth of an economy is reported in real terms unless the text says "nominal": "real GDP
# growth" and "GDP growth" are one measure. Levels differ (real GDP is not nominal GDP).
_REAL_GROWTH = re.compile(r"^real\s+((?:GDP|GVA|output|economic)\b.*\b(?:growth|decline))")


_ACTIVITY = re.compile(r"(?:^|\s)(?:GDP|GVA|economic output)$")  # "GDP", "manufacturing GVA"
_SHARE_OF = re.compile(r"\s+(?:of|to)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:GDP|GVA|output)\b", re.I)


_OUTLOOK_NAMES = {"estimate": "consensus estimate", "guidance": "guidance", "forecast": "forecast"}


def _revised_forecast(outlook: Outlook | None, out: list[Context], i: int) -> str | None:
    """ "Goldman now expects growth of 6%. Barclays lowered its estimate to 6.3%": a forecast
    that names no measure is of the measure the article's last forecast was."""
    if outlook not in ("forecast", "estimate", "guidance"):
        return None
    for j in range(i - 1, max(-1, i - _LOOK_BACK), -1):
        earlier = out[j].metric
        if out[j].outlook in ("forecast", "estimate", "guidance") and earlier:
            return _strip_outlook(earlier.replace(", previous)", ")"))
    return None


def _listed(sent: sentence.Sentence, after: int, cs: int) -> bool:
    """ "1.1% this year, 2% next year and 1.8% in 2026": the figure continues a list."""
    gap = sent.text[after:cs]
    for t in sent.times:
        if after <= t.start and t.end <= cs:
            gap = gap.replace(sent.text[t.start : t.end], " ")
    return _LIST_GAP.fullmatch(gap) is not None


def with_outlook(name: str, outlook: Outlook, by: str | None = None) -> str:
    """ "revenue" -> "revenue (consensus estimate)"; "EPS (adjusted)" -> "EPS (adjusted, forecast)";
    with who made it: "GDP growth (Reserve Bank of India forecast)", "(Reuters poll forecast)"."""
    if outlook == "target":
        return name if name.endswith("target") else f"{name} target"
    word = f"{by} forecast" if by else _OUTLOOK_NAMES[outlook]
    if name.endswith(")"):
        return f"{name[:-1]}, {word})"
    return f"{name} ({word})"


# An outlook's label at the end of a name, with or without who made it: "(forecast)",
# "(RBI forecast)", "(adjusted, consensus estimate)".
_LABEL = r"(?:[^(),]+\s)?(?:consensus estimate|guidance|forecast)\)$"
_LABEL_LAST = re.compile(r",\s*" + _LABEL)
_LABEL_ONLY = re.compile(r"\s\(" + _LABEL)


def _strip_outlook(metric: str) -> str:
    metric = _LABEL_ONLY.sub("", _LABEL_LAST.sub(")", metric))
    return metric[: -len(" target")] if metric.endswith(" target") else metric


# Who made a forecast: a poll's or survey's publisher ("in a Reuters poll", "economists
# polled by Mint"), the owner of a forecast in the possessive ("the Reserve Bank of India's
# projection of 7%") or the clause's subject that forecasts ("Barclays lowered its estimate").
_POLL = re.compile(
    r"\b(?P<a>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})\s+(?P<kind>poll|survey)s?\b"
    r"|\b(?P<kind2>polled|surveyed)\s+by\s+(?P<b>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})"
)
_OUTLOOK_NOUN_AFTER = re.compile(
    r"(?:['’]s?)?(?:\s*\([A-Z]{2,6}\))?\s+(?:own\s+|latest\s+|new\s+|previous\s+|"
    r"growth\s+|inflation\s+)?(?:projection|forecast|estimate|outlook|guidance|prediction)s?\b"
)
_CENTRAL_BANK_OUTLOOK = re.compile(
    r"\b(?:the|its)\s+central\s+bank['’]s?(?:\s+(?:own|latest|new|growth|inflation))?\s+"
    r"(?:projection|forecast|estimate|outlook|prediction)s?\b",
    re.I,
)
_ECONOMY_MEASURE = re.compile(
    r"(?:real\s+|nominal\s+)?(?:GDP|GVA|economic|annual\s+inflation|core\s+inflation|inflation|"
    r"unemployment)\b"
)
_ANALYSTS = re.compile(r"\banalysts?\b", re.I)
_OUR_OUTLOOK = re.compile(
    r"\b(?:our|its)\s+(?:\w+\s+)?(?:outlook|forecast|estimate|projection)s?\b", re.I
)
_SPEAKER_FIRM = re.compile(
    r"\bsaid\s+(?P<firm>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})\s+(?:(?:chief|senior|lead|principal|"
    r"group)\s+)*(?:economist|analyst|strategist)s?\b"
)
_QUANTIFIERS = frozenset(
    "most many some all several other others the few top private independent leading local "
    "foreign senior".split()
)
_FIRM_STAFF = re.compile(
    r"(?:^|[,;]\s+|\b(?:and|while|but)\s+)(?P<firm>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})\s+"
    r"(?:economists?|analysts?|strategists?)\b[^.;]{0,60}?\b(?:expects?|forecasts?|projects?|"
    r"predicts?|sees?|see|estimates?|lowered|raised|cut|trimmed|revised)\b"
)
_STAFF_FORECAST = re.compile(
    r"\s+(?:economists?|analysts?|strategists?)\b[^.;]{0,60}?\b(?:expects?|forecasts?|projects?|"
    r"predicts?|sees?|see|estimates?|lowered|raised|cut|trimmed|revised)\b"
)
_FORECAST_VERB_AFTER = re.compile(
    r"(?:\s+\w+){0,3}?\s+(?:forecasts?|forecasted|projects?|projected|predicts?|predicted|expects?|"
    r"expected|sees|saw|estimates?|estimated|lowered|raised|cut|trimmed|revised|upgraded|"
    r"downgraded)\b"
)


def _maker(
    sent: sentence.Sentence,
    cs: int,
    doc: document.Document,
    ctx: Context,
    outlook: Outlook,
    svocab: subjects.Vocabulary,
    name: str | None = None,
) -> str | None:
    """Who made the forecast, when it is another's: a forecast of one's own figures ("Apple
    expects revenue ...") and a target are named plainly. A forecast of an economy
    ("Barclays lowered its estimate", "the Reserve Bank of India's estimate of 7%") is of
    another's figure."""
    if outlook == "target":
        return None
    by = _forecaster(sent, cs, doc, svocab)
    if by is None:
        return None
    economy = by in svocab.forecasts_for or _ECONOMY_MEASURE.match(name or "") is not None
    if ctx.subject in (by, by.rsplit(" ", 1)[0]) and not economy:
        return None
    return _short_form(by, doc, svocab)


def _short_form(name: str, doc: document.Document, svocab: subjects.Vocabulary) -> str:
    """ "Reserve Bank of India" -> "RBI", "Office for Budget Responsibility" -> "OBR": the
    initials, where the vocabulary or the article uses them as the name, so that articles
    that write it out and articles that abbreviate it name one forecaster."""
    words = re.findall(r"[A-Z][\w&'’.-]*", name)
    if len(words) < 2:
        return name
    initials = "".join(w[0] for w in words)
    known = svocab.canonical.get(initials.lower())
    if known is not None and known == svocab.canonical.get(" ".join(name.lower().split())):
        return initials
    if doc.aliases.get(initials) == name:
        return initials
    return name


_CROWDS = frozenset(
    ("analysts", "economists", "investors", "markets", "forecasters", "experts", "traders",
     "wall street", "the street", "the market", "consensus")
)  # fmt: skip


def _forecaster(
    sent: sentence.Sentence, cs: int, doc: document.Document, svocab: subjects.Vocabulary
) -> str | None:
    """The nearest maker of a forecast the sentence names around the figure, if any."""
    s = sent.text
    a, _b = sent.clause(cs)
    found: list[tuple[int, int, str]] = []
    bank = (
        doc.topic
        if doc.topic in svocab.forecasts_for
        else next((b for b, place in svocab.forecasts_for.items() if place == doc.topic), None)
    )
    if bank is not None:
        # "the central bank's growth forecast of 7.2%", in an article about India: India's.
        for m in _CENTRAL_BANK_OUTLOOK.finditer(s, max(a, cs - 80), cs):
            found.append((cs - m.end(), 1, bank))
    for poll in _POLL.finditer(s, max(0, cs - 120), min(len(s), cs + 120)):
        if _ANALYSTS.search(s, max(0, poll.start() - 30), min(len(s), poll.end() + 25)):
            # "Analysts polled by Capital IQ": the analysts' consensus, whoever gathers it;
            # a poll of economists ("in a Reuters poll") is that poll's own forecast.
            continue
        who = (poll.group("a") or poll.group("b")).rstrip(".")
        if who.split()[0] not in ("The", "A", "An", "In"):
            gap = cs - poll.end() if poll.end() <= cs else poll.start() - cs
            kind = (
                "survey"
                if (poll.group("kind") or poll.group("kind2")) in ("survey", "surveyed")
                else "poll"
            )
            found.append((gap, 0, f"{doc.name(who)} {kind}"))
    for m in _FIRM_STAFF.finditer(s, 0, cs):
        firm = m.group("firm")
        if (
            firm.lower() not in _CROWDS
            and firm not in svocab.demonyms
            and firm.lower() not in svocab.not_names
            and firm.split()[0].lower() not in _QUANTIFIERS
        ):
            # "Nomura economists Ana Ruiz and Tom Lee now expect": the firm.
            found.append((cs - m.end("firm"), 1, doc.name(firm)))
    for m in _SPEAKER_FIRM.finditer(s):
        if _OUR_OUTLOOK.search(s, 0, cs) is not None:
            # '"... our outlook of 6.8 per cent," said Crisil chief economist D.K. Joshi': the
            # speaker's firm.
            found.append((abs(m.start() - cs), 1, doc.name(m.group("firm"))))
    for o in sent.owners:
        if o.name is None or o.end > cs or o.start < a or o.role not in ("owner", "source"):
            continue
        if _STAFF_FORECAST.match(s, o.end, cs) is not None:
            # "Goldman Sachs economists Santanu Sengupta and Arjun Varma now expect": the firm.
            found.append((cs - o.end, 1, doc.name(o.name)))
            continue
        # A reporter of figures is named as written: the vocabulary files "the IMF" and
        # "Bloomberg" under kinds of source, and one forecaster is not another.
        written = re.sub(r"['’]s?$", "", s[o.start : o.end]).strip()
        name = written if o.role == "source" else o.name
        if not name[:1].isupper() or name.lower() in _CROWDS:
            continue  # "analysts' estimates": a consensus, not one forecaster
        if o.place and not o.possessive:
            continue  # "growth in India": the economy forecast, not who forecasts it
        if (o.possessive and _OUTLOOK_NOUN_AFTER.match(s, o.end) is not None) or (
            o.acting and not o.place and _FORECAST_VERB_AFTER.match(s, o.end) is not None
        ):
            found.append((cs - o.end, 1, doc.name(name)))
    # Nearest first; a poll before the name it is published by ("polled by Reuters had
    # forecast": the poll's).
    return min(found)[2] if found else None


def strip_rate(metric: str) -> str:
    # "growth: highest in N quarters" names the record, not the rate a figure after it has.
    metric = _strip_outlook(metric).split(": ", 1)[0]
    for basis in (" y/y", " q/q", " m/m"):
        if metric.endswith(basis):
            metric = metric[: -len(basis)]
    for word in (" growth", " decline"):
        if metric.endswith(word):
            metric = metric[: -len(word)]
    return metric


# "made the largest contribution to annual inflation", "contributed 0.4 points to growth".
_CONTRIBUTES = re.compile(r"\bcontribut(?:ion|ions|ed|es|ing|or|ors)\b", re.I)
_TAKES_POINTS = re.compile(
    r"\b(?:(?:took|takes|taking)\s+away|subtract(?:ed|s|ing)?|shaved(?:\s+off)?|knocked(?:\s+off)?|"
    r"added|adds|adding)\s+(?:(?:about|around|some|nearly|another|a\s+further)\s+)?\Z",
    re.I,
)
_TO_MEASURE = re.compile(r"(?:[^.;]|\.\d){0,60}?\bto\s+(?:the\s+)?", re.I)
# The part that contributes opens its clause: "Services made ...", "net exports added ...".
_CONTRIBUTOR = re.compile(
    r"(?:^|[,;]\s*(?:and\s+|while\s+|with\s+)?|\band\s+|\bfollowed\s+by\s+)(?:the\s+)?"
    r"(?P<np>[A-Za-z][\w&'’-]*(?:,?\s+(?:&\s+|and\s+)?[a-z][\w&'’-]*){0,4}?)"
    r"(?:,[^,]{1,30},)?\s+"  # "Energy, on the other hand, made ..."
    r"(?:made|came|added|contributed|subtracted|accounted|took|knocked|was|were|with)\b",
    re.I,
)


def _contribution(
    sent: sentence.Sentence,
    cs: int,
    base: str | None,
    para: Paragraph,
    ctx: Context,
    topic: str | None,
    whole_measure: str | None,
) -> str | None:
    """ "Services made the largest contribution to inflation, adding +1.74 percentage points",
    then "food came next with +0.53 pp": each part's contribution to the measure."""
    s = sent.text
    carried = para.metric if para.metric and para.metric.startswith("contribution to ") else None
    said = _CONTRIBUTES.search(s)
    to = _TO_MEASURE.match(s, said.end()) if said is not None else None
    target = next(
        (m.name for m in sent.measures if to is not None and to.end() <= m.start <= to.end() + 30),
        base or whole_measure,
    )
    taken = _TAKES_POINTS.search(s, max(0, cs - 40), cs) if said is None else None
    if said is not None and target is not None:
        whole = f"contribution to {target.removesuffix(' rate').removeprefix('contribution to ')}"
    elif carried is not None:
        whole = carried
    elif taken is not None and whole_measure is not None:
        # "Energy took away -0.19 percentage points": a part's points added to or taken
        # from the measure the article is about.
        whole = f"contribution to {whole_measure.removesuffix(' rate')}"
    else:
        return None
    para.metric = whole
    last = None
    for m in _CONTRIBUTOR.finditer(s, 0, cs):
        last = m
    if last is None:
        return whole
    part = re.sub(r"^followed\s+by\s+", "", last.group("np"), flags=re.I)
    words = [w for w in part.lower().replace(",", "").split() if w not in ("and", "&")]
    if any(w in _NP_END or w in ("it", "this", "that", "which") for w in words):
        return whole
    if ctx.subject is not None and ctx.subject.lower() == part.lower():
        # The part that contributes opens the clause as if it owned the figure; it is the
        # measure's part, and the figure stays the article's.
        ctx.subject, ctx.subject_origin = topic, "article"
    return f"{part.lower()} {whole}"


_COMPONENT = re.compile(
    r"\s*(?:(?:and|while|with|by|then|but|followed\s+by)\s+)*(?:the\s+)?"
    r"(?P<np>[A-Za-z][\w&'’-]*(?:,?\s+(?:&\s+|and\s+)?[a-z][\w&'’-]*){0,4}?)\s+"
    r"(?:(?:came|come|comes)\s+(?:in|next)\s+|stood\s+|was\s+|were\s+)?(?:at|of|:)\s+(?:a\s+|an\s+)?"
)
_ITEM_START = re.compile(r"^|,|;|\b(?:and|while|with|by|then|but)\b")


_DURATION = re.compile(r"\b(?:days?|weeks?|months?|quarters?|years?|decades?)\b")


def _component(s: str, start: int, cs: int, sent: sentence.Sentence) -> str | None:
    """ "..., followed by non-energy industrial goods at 0.7%": a part named in a list."""
    segment = s[start:cs]
    for boundary in _ITEM_START.finditer(segment):
        m = _COMPONENT.fullmatch(segment, boundary.end())
        if m is None:
            continue
        np = m.group("np")
        words = [w for w in np.lower().replace(",", "").split() if w not in ("and", "&")]
        # A participle may describe the part ("used cars"); its last word must be a noun.
        if _VERBISH.match(words[-1]) or any(
            w in _NP_END or (w in _NOT_MODIFIERS and not w.endswith("ed")) for w in words
        ):
            continue
        at = start + m.start("np")
        if any(x.start <= at < x.end for x in sent.measures):
            return None  # "and inflation at 2.7%": a measure of its own, not a part of one
        if any(
            at <= o.start < cs and o.role == "owner" and (o.actor or o.place or o.known)
            for o in sent.owners
        ):
            return None  # "Belgium at 4.8%": an owner, not a part of the measure
        return np.lower()
    return None


_OPENING_PART = re.compile(
    r"(?:(?:of|among|across)\s+the\s+(?:main\s+|major\s+|big\s+)?(?:components|categories|items)"
    r"\s*,\s*)?(?:the\s+)?(?P<np>[a-z][\w&'’-]*(?:\s+[a-z][\w&'’-]*){0,2}?)\s+"
    r"(?:is|are|was|were|showed|show|shows|posted|recorded|registered|saw|set|had)\b",
    re.I,
)


def _opening_part(s: str, a: int, cs: int, whole: str, vocab: metrics.Vocabulary) -> str | None:
    """ "Of the main components, services are set to show the highest annual rate at 3.9%": a
    part of the article's measure that opens the clause, where the vocabulary knows that part
    of it ("services inflation")."""
    m = _OPENING_PART.match(s, a)
    if m is None or m.end() > cs:
        return None
    head = strip_rate(whole).removeprefix("annual ")
    part = m.group("np").lower()
    return part if vocab.canonical.get(f"{part} {head}") == f"{part} {head}" else None


_PRONOUN_OPENS = re.compile(r"[:;]\s+(?:it|they)\b[^:;]*\Z", re.I)


def _pronoun_antecedent(
    sent: sentence.Sentence, cs: int, mention: metrics.MetricMention | None
) -> metrics.MetricMention | None:
    """ "Services inflation is what keeps the core rate up: it eased to 3.9%": "it" after a
    colon is the subject the sentence opened with, not the last measure named before."""
    if mention is None or mention.end > cs:
        return mention
    opens = _PRONOUN_OPENS.search(sent.text, max(0, cs - 120), cs)
    if opens is None or mention.start >= opens.start():
        return mention
    first = sent.measures[0] if sent.measures else None
    return first if first is not None and first.end <= opens.start() else mention


def _base_metric(
    sent: sentence.Sentence,
    cs: int,
    ce: int,
    found: Found,
    vocab: metrics.Vocabulary,
    para: Paragraph,
    previous: str | None,
    doc: document.Document,
    apart_from: int | None = None,
) -> str | None:
    s = sent.text
    mets = sent.measures
    per_share = _PER_SHARE.match(s, ce)
    if per_share is not None and found.kind != "percent":
        return _per_share(sent, cs, per_share)
    if found.kind == "count":
        counted = _count_metric(s, cs, ce, found, mets, vocab)
        if counted is None or counted.lower() in vocab.count_units:
            # "output fell to 1.32 million tonnes": the noun phrase before the verb names it.
            return _fallback(sent, cs, vocab) or counted
        return counted
    if found.kind == "percent":
        share = metrics.share_of(s, cs, ce, vocab)
        if share is not None:
            return share
    base = metrics.verb_object(s, cs, ce, vocab)
    if base is None:
        mention = _nearest_metric(sent, cs, ce, found.kind == "money")
        mention = _pronoun_antecedent(sent, cs, mention)
        if mention is not None and apart_from is not None and mention.end <= apart_from:
            # "exports grew 3%, and copper output growth slowed to 1.2%": the measure named
            # before the earlier figure is that figure's; this clause's noun phrase names its.
            named = _fallback(sent, cs, vocab)
            if named is not None and named.endswith((" growth", " expansion")):
                base = named
        if base is None and mention is not None:
            base = _named(sent, mention, para, doc)
    if base is None and previous is not None:
        base = previous  # "64.8%, up 0.2 percentage points": the sentence's earlier figure names it
    if base is None and _GROWTH_BEFORE.search(s, max(0, cs - 60), cs) is not None:
        base = "growth"  # "its forecast for Brazil's growth to 1.9%"
    if base is None:
        base = _fallback(sent, cs, vocab)
    return base


_FIRST_RELEASE = re.compile(
    r"\b(?:flash|initial|preliminary|advance|provisional|first|earlier)\s+(?:official\s+)?\Z", re.I
)
_MEASURED_AGAINST = re.compile(
    r"\b(?:short\s+of|above|below|beat|beats|beating|missed|missing|misses|topped|topping|tops|"
    r"exceeded|exceeding|exceeds|ahead\s+of|in\s+line\s+with|than)\s+"
    r"(?:(?:the|market|analysts['’]?|economists['’]?|wall\s+street(?:['’]s)?)\s+)*\Z",
    re.I,
)
_ACCOUNTS = re.compile(r"(?:GDP|GVA)\b")
_TERMS = re.compile(r"\b(?:in|at)\s+(nominal|real|current|constant)\s+(?:terms|prices)\b", re.I)
_AFTER_HOURS = re.compile(
    r"\b(?:after-hours|after\s+hours|extended\s+trading|after\s+the\s+(?:bell|close)|"
    r"post-market|premarket|pre-market)\b",
    re.I,
)
_RUN = re.compile(
    r"\b(?:consecutive|straight|successive)\s+(?P<unit>days|weeks|months|quarters|years)\b", re.I
)
_RUN_WAY = re.compile(
    r"\b(?:(?P<down>fell|fallen|falling|declined|declining|dropped|slipped|shrank|shrunk|"
    r"contracted|eased|lower)|rose|risen|rising|climbed|increased|grew|grown|growing|gained|"
    r"higher|accelerated)\b[^.;]*\Z",
    re.I,
)
_JOBS_CHANGE = re.compile(
    r"\b(?:(?P<cut>cut|cuts|cutting|shed|sheds|shedding|eliminat\w+|ax(?:e|es|ed|ing)|slash\w*|"
    r"lay\s+off|lays\s+off|laid\s+off|lost|lose|loses|losing)|add|adds|added|adding|create|"
    r"creates|created|creating|gained|gains|gain)\s+(?:(?:about|around|roughly|some|nearly|"
    r"almost|over|more\s+than|another|a\s+further|up\s+to)\s+)?\Z",
    re.I,
)
_BENCHMARK_THE = re.compile(
    r"\b(?:below|above|under|short\s+of|shy\s+of|ahead\s+of|in\s+line\s+with|beating|beat|"
    r"missing|missed|topping|topped|reversing|reversed|erasing|erased|undoing|offsetting)"
    r"\s+(?:the|an?)\s+\Z",
    re.I,
)
_RATE_ONLY = re.compile(r"\binflation\b|\b(?:rate|ratio|margin|market share)$", re.I)
_RATE_LIKE = re.compile(r"\b(?:inflation|rate|ratio|margin|share|yield)\b", re.I)
_GROWTH_BEFORE = re.compile(
    # "its forecast for Brazil's growth to 1.9%", "cut its growth forecast for 2025 to 0.9%"
    r"\b(?:growth|expansion)\s+(?:(?:forecasts?|outlook|estimates?|projections?|targets?)\s+)?"
    r"(?:for\s+(?:(?:this|next|the)\s+)?[\w-]+\s+)?(?:(?:to|of|at|by)\s+)?"
    r"(?:(?:about|around|some|nearly|just|only)\s+)?\Z",
    re.I,
)


_VERBISH = re.compile(
    r"^(?:[a-z]+ed|was|were|is|are|be|been|being|stood|reached|hit|rose|fell|grew|came|totaled|"
    r"totalled|amounted|edged|stayed|remained|held|slid|sank|shrank|swung|beat|topped|missed)$"
)


# Words that end a noun phrase read backwards from a figure.
_DETERMINERS = frozenset(
    "the a an its their his her our this that these those".split()
)  # fmt: skip
_NP_END = _DETERMINERS | frozenset(
    """
    of in on at to by for from with as and or but than while which who said says about around
    nearly almost some over under more less up down just only also still now then
    it they he she we when where whereas was were is are has have had been
    """.split()
)  # fmt: skip
# Who acts, not what is measured: "the carmaker booked a $1.2 billion charge" names no measure
# before the figure.
_AGENTS = re.compile(
    r"(?:company|companies|firm|firms|group|maker|makers|carmaker|automaker|chipmaker|bank|"
    r"lender|insurer|retailer|brewer|miner|airline|government|ministry|giant|operator|owner)$"
)


def _fallback(sent: sentence.Sentence, cs: int, vocab: metrics.Vocabulary) -> str | None:
    """The noun phrase before the figure's verb, when no known measure is named ("Opex climbed to")."""
    a, _ = sent.clause(cs)
    # The noun phrase and its verb are a few words: a bounded look back keeps a clause of
    # hundreds of figures linear.
    words = re.findall(r"(?<![\w.,])[A-Za-z][\w&'’-]*|[,;:()]", sent.text[max(a, cs - 160) : cs])
    while words and (words[-1].lower() in _NP_END or words[-1].lower() in ("in", "at")):
        words.pop()
    if words and _VERBISH.match(words[-1].lower()):
        words.pop()
        while words and words[-1].lower() in ("up", "down", "also", "sharply", "slightly"):
            words.pop()
    else:
        return None  # no verb links a noun phrase to the figure: better no name than a wrong one
    # "Negotiated wages in the euro zone rose": the measure is before its place.
    tail = " ".join(words[-5:])
    pp = re.search(
        r"\b(?:in|at|across|for|of)\s+(?:the\s+)?(?:[A-Z][\w-]*\s*|[a-z]+\s+[a-z]+$)+$", tail
    )
    if pp is not None and pp.start() > 0:
        cut = len(tail[pp.start() :].split())
        words = words[: len(words) - cut]
    phrase: list[str] = []
    written: list[str] = []
    while words and len(phrase) < 3:
        w = words.pop()
        lw = w.lower()
        if not w[0].isalpha() or lw in _NP_END or lw.endswith(("'s", "’s")) or _TIME_WORD.match(lw):
            break
        if lw in _NOT_MODIFIERS and phrase:
            break
        if lw not in _NOT_MODIFIERS:
            phrase.insert(0, w if w.isupper() else lw)
            written.insert(0, w)
    if not phrase or _AGENTS.search(phrase[-1].lower()):
        return None
    if len(written) >= 2 and all(w[:1].isupper() and w[1:].islower() for w in written):
        return None  # "Rachel Reeves revealed": a name, no measure
    text = " ".join(phrase).strip("'’\"")
    return metrics.fuzzy(text, vocab) or text


_ADJUSTED_NAMES = frozenset(("normalized", "normalised", "non-gaap"))


_PER_SHARE = re.compile(
    r"\s*(?:\([^)]*\)\s*)?(?:a|per|for\s+each)\s+(?:(?P<q>diluted|adjusted|basic|ordinary)\s+)?share\b",
    re.I,
)


def _per_share(sent: sentence.Sentence, cs: int, m: re.Match[str]) -> str:
    """ "$0.97 a diluted share": earnings per share, or a dividend per share."""
    a, _ = sent.clause(cs)
    before = sent.text[max(a, cs - 80) : cs].lower()
    if re.search(r"\bdividends?\b|\bpayout\b", before):
        return "dividend per share"
    if re.search(
        r"\b(?:excluding|leaving|before|ex-)\b[^,]{0,40}\b(?:charge|items|one-time|one-off)", before
    ):
        found_adjusted = True  # "excluding that charge, earned $1.64 a share"
    else:
        found_adjusted = False
    found = {q.lower() for q in _QUALIFIERS if re.search(rf"\b{re.escape(q.lower())}\b", before)}
    if m.group("q"):
        found.add(m.group("q").lower())
    if found_adjusted:
        found.add("adjusted")
    found.discard("ordinary")
    # "Normalized" and "non-GAAP" are the company's adjusted figure by other names: one
    # measure, kept apart from the reported (GAAP) one. ("Underlying" may name a measure of
    # its own, as "underlying replacement cost profit" does.)
    found = {"adjusted" if q in _ADJUSTED_NAMES else q for q in found}
    return f"EPS ({', '.join(sorted(found))})" if found else "EPS"


_ASIDE = re.compile(r",\s+(?:which|who|that|the|a|an|its|their)\b", re.I)  # opens an aside


def _nearest_metric(
    sent: sentence.Sentence, cs: int, ce: int, money: bool = False
) -> metrics.MetricMention | None:
    s = sent.text
    a, b = sent.clause(cs)
    # An amount of money is no rate: "gets an extra £500m, and rents may rise above
    # inflation" names no measure of the £500m.
    measures = [m for m in sent.measures if not (money and _RATE_ONLY.search(m.name))]
    for m in measures:
        if m.start >= ce and _METRIC_ATTACHED.fullmatch(s, ce, m.start):
            return m  # "¥2.5 trillion in dividends"
    before = _outside_asides(
        s,
        [m for m in measures if a <= m.start and m.end <= cs and not _in_relative_clause(s, m, cs)],
        cs,
    )
    if before:
        return before[-1]
    after = [m for m in measures if m.start >= ce and m.end <= b]
    if after:
        return after[0]
    # Outside its clause, only a measure named before the figure carries over to it.
    before = _outside_asides(s, [m for m in measures if m.end <= cs], cs)
    return before[-1] if before else None


_NEW_CLAUSE = re.compile(r",\s+and\s+(?!(?:a|an|the)?\s*[\d$€£¥-])|;\s+|\bwhile\b|\bwhereas\b")
_GROWTH_NOUN_AFTER = re.compile(
    r"\s+(?:growth|expansion)\b(?!\s+(?:forecasts?|targets?|outlook|goal))"
)


def _growth_named(sent: sentence.Sentence, cs: int, ce: int, money: bool) -> bool:
    """ "Export growth eased to 3%", "industrial output growth slowed to a low of 1.2%": the
    level a rate of growth reached is that growth rate."""
    m = _nearest_metric(sent, cs, ce, money)
    return m is not None and m.end <= cs and _GROWTH_NOUN_AFTER.match(sent.text, m.end) is not None


_RELATIVE_OPENS = re.compile(r",\s+(?:which|who|whose)\b[^,;:()]*(?:,[^,;:()]*){0,3}\Z", re.I)


def _in_relative_clause(s: str, m: metrics.MetricMention, cs: int) -> bool:
    """ "Core inflation, which leaves out food and energy prices, held at 2.7%": a measure
    inside a relative clause closed before the figure describes the one before it."""
    return (
        s.find(",", m.end, cs) != -1
        and _RELATIVE_OPENS.search(s, max(0, m.start - 100), m.start) is not None
    )


def _outside_asides(
    s: str, before: list[metrics.MetricMention], cs: int
) -> list[metrics.MetricMention]:
    """ "Retail sales, the main yardstick of consumer spending, increased 3.5%": a measure
    inside an aside between commas describes the one before it."""
    if len(before) < 2:
        return before
    last_comma = s.rfind(",", before[0].end, cs)
    aside = [
        (x.start(), last_comma)
        for x in _ASIDE.finditer(s, before[0].end, cs)
        if x.start() < last_comma
    ]
    outside = [m for m in before if not any(p <= m.start < q for p, q in aside)]
    return outside or before


# Words before a measure that say nothing of which measure it is ("record revenue",
# "fourth-quarter revenue", "will spend", "forecast inflation"); the others narrow it
# ("iPhone revenue", "core inflation").
_NOT_MODIFIERS = _DETERMINERS | frozenset(
    """
    after against also although and annual are as at be beat because been before being
    better-than-expected bought brought but by calendar came can combined company company's
    could current cut cuts did do does estimated expected fell firm's first-half fiscal for
    forecast forecasts fresh from full full-year gave global got grew group group's had
    half-year has have headline held higher hit hold in is keep kept latest leave leaves left
    lift lifted lost lower made may might monthly must new nor of on one-time or overall paid
    per predicted previous prior projected put puts quarterly raise raised ran record reported
    robust rose said same saw says second-half see sees set sets shed should shrank since so
    sold solid spent stood strong stronger swung target targets than though to took total until
    versus via vs was weak weaker went were whereas which while who whose will with won
    worldwide worse-than-expected would year year-ago year-earlier yearly yet
    """.split()
)  # fmt: skip


# Times, pronouns and magnitudes name no measure ("year-earlier revenue", "they decline",
# "trillion yuan debt").
_NOT_MODIFIERS = _NOT_MODIFIERS | set(
    "year years earlier ago quarter quarters month months week weeks day days they it we he she "
    "you i million billion trillion thousand bn mn tn m k yuan dollars euros pounds yen rupees won "
    # wh-words and verbs that precede a measure without narrowing it ("when inflation",
    # "takes inflation back above 2%")
    "when where what how why whether if once take takes taking pushes pushed push drive drives "
    "drove keeps send sends sent bring brings expects expect anticipates projects sees "
    # verbs of a change an actor makes ("raises taxes by £40bn")
    "raises hikes hike lifts boosts slash slashes trim trims trimmed "
    # headline verbs in the present ("Nvidia posts $22.1B revenue")
    "posts reports books logs records beats misses tops hits delivers generates "
    # the unit of a hyphenated figure ("a 25-basis-point cut")
    "basis-point percentage-point point half-point quarter-point".split()
)
_QUALIFIERS_LOWER = frozenset(q.lower() for q in _QUALIFIERS)


# Participles, comparatives and adverbs describe a figure, they do not name its measure:
# "elevated inflation", "higher revenue", "sharply lower sales".
_DESCRIPTIVE = re.compile(
    r"^(?:[a-z-]+(?:ed|est|ly)|(?:ris|fall|grow|slow|increas|declin|surg|soar|accelerat|eas|cool|"
    r"slid|climb|dropp|shrink|expand|strengthen|weaken|improv|worsen|mount|sagg|plung|jump)ing|"
    r"(?:high|low|strong|weak|big|small|great|larg|fast|slow|soft|firm|tight|loos|cheap|wid|"
    r"narrow|steep|sharp|deep)er|better|worse)$"
)


_TIME_WORD = re.compile(
    r"^(?:first|second|third|fourth|q[1-4]|h[12]|fy\d*|\d{2,4}|(?:19|20)\d\d|january|february|"
    r"march|april|may|june|july|august|september|october|november|december|.*-quarter|.*-month|"
    r".*-year|.*-week)$",
    re.I,
)


def _named(
    sent: sentence.Sentence, m: metrics.MetricMention, para: Paragraph, doc: document.Document
) -> str:
    """The measure with the words that narrow it: "iPhone revenue", "services revenue"."""
    name = _narrowed_name(sent, m, para, doc)
    if (
        _GROWTH_OF.search(sent.text, max(0, m.start - 64), m.start)
        and not _RATE_LIKE.search(name)
        and not name.endswith(("growth", "expansion"))
    ):
        name = f"{name} growth"  # "growth in gross domestic product" is GDP growth
    return name


def _narrowed_name(
    sent: sentence.Sentence, m: metrics.MetricMention, para: Paragraph, doc: document.Document
) -> str:
    name = m.name
    if m.head == m.name and m.name in para.objects:
        return para.objects[m.name]  # a plain "investment" after "investment in X"
    if m.head != m.name:
        return name  # "investment in strategic emerging industries" is named whole
    words = re.findall(
        # A letter glued to digits ("$14.7B", "5bn") is the figure's magnitude, no word.
        r"(?<![\w.,])[A-Za-z][\w&'’./-]*|[,;:()\"“”]",
        sent.text[max(0, m.start - 60) : m.start],
    )
    kept: list[str] = []
    raw: list[str] = []  # the kept words as written
    qualifiers: list[str] = []
    for w in reversed(words):
        lw = w.lower()
        if len(kept) >= 3 or not w[0].isalpha() or lw.endswith(("'s", "’s", "'", "’")):
            break
        if lw in _QUALIFIERS_LOWER:
            qualifiers.insert(0, "adjusted" if lw in _ADJUSTED_NAMES else lw)
            continue
        if lw in metrics.EVALUATIVE:
            continue  # "flagship iPhone revenue" is iPhone revenue
        if lw in _NOT_MODIFIERS or _TIME_WORD.match(lw) or _DESCRIPTIVE.match(lw):
            break
        at = sent.text.rfind(w, 0, m.start)
        if any(
            (o.actor or o.place or o.known) and o.name is not None and o.start <= at < o.end
            for o in sent.owners
        ):
            break  # an owner's or a place's name is not part of the measure ("Eurozone CPI")
        kept.insert(0, metrics.as_named(w))
        raw.insert(0, w)
    kept = metrics.from_the_name(kept, raw)
    if not kept and not qualifiers:
        product = _product_subject(sent, m, doc)
        if product is not None:
            kept = [product]
    if (
        kept
        and name == "revenue"
        and sent.text[m.start : m.end].lower() == "sales"
        and kept[-1].lower() in _unit_goods(doc)
    ):
        return f"{' '.join(kept)} sales"  # "vehicle sales dropped 8.2%": units sold, not money
    if kept:
        if name.startswith("annual "):
            name = name[len("annual ") :]  # "core inflation", "services inflation"
        if sent.text[m.start : m.end].lower() in ("rates", "rate"):
            # "growth rates", "mortgage rates": a bare "rates" is the central bank's only alone.
            if "growth" in kept:
                return "growth"  # "sub-optimal growth rates": the growth of what is measured
            name = "rate"
        name = f"{' '.join(kept)} {name}"
    if qualifiers:
        name = f"{name} ({', '.join(qualifiers)})"
    return name


# "growth in GDP", "growth in gross domestic product (GDP)": the acronym after its expansion.
_GROWTH_OF = re.compile(
    r"\b(?:growth|expansion)\s+(?:in|of)\s+(?:the\s+)?(?:[A-Za-z][\w -]{0,40}\(\s*)?\Z", re.I
)


# "The iPhone, Apple's cash cow, grew sales by 6%": a product or unit that opens the sentence
# and whose verb takes the measure as its object narrows the measure to itself.
_OPENING_NAME = re.compile(
    r"(?:The\s+)?(?P<name>[a-z]*[A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*){0,2})(?=[\s,])"
)
_MEASURE_VERB = re.compile(
    r"\b(?:grew|increased|lifted|boosted|raised|posted|reported|booked|recorded|generated|"
    r"delivered|doubled|cut|lost)\s+(?:its\s+|their\s+)?\Z"
)


def _product_subject(
    sent: sentence.Sentence, m: metrics.MetricMention, doc: document.Document
) -> str | None:
    s = sent.text
    verb = _MEASURE_VERB.search(s, max(0, m.start - 30), m.start)
    if verb is None:
        return None
    opening = _OPENING_NAME.match(s)
    if opening is None or opening.end() > verb.start():
        return None
    if not re.fullmatch(r"\s*(?:,[^,;:]*,\s*)?", s[opening.end() : verb.start()]):
        return None  # the name is not the verb's subject ("Shares of suppliers rose after")
    at = opening.start("name")
    if any(
        o.start <= at < o.end and (o.actor or o.place or o.known) and o.role != "refer"
        for o in sent.owners
    ):
        return None  # "Apple grew sales": the owner, not a part of the measure
    name = opening.group("name")
    if name.lower() in _NOT_MODIFIERS or doc.name(name) == doc.topic or name in doc.actors:
        return None  # the article's owner of figures, written without its grammar here
    return name


def _unit_goods(doc: document.Document) -> frozenset[str]:
    return metrics.vocabulary(doc.packs.metrics).unit_goods


def _basis(s: str, cs: int, ce: int) -> str | None:
    """What a change is measured against, where the sentence says: y/y, q/q or m/m."""
    lo = max(0, cs - 80)
    window = s[lo : min(len(s), ce + 80)]
    best: tuple[int, str] | None = None
    for pattern, name in _BASIS:
        for m in pattern.finditer(window):
            a, b = m.start() + lo, m.end() + lo
            gap = cs - b if b <= cs else max(0, a - ce)
            if best is None or gap < best[0]:
                best = (gap, name)  # the basis nearest the figure is its own
    if best is None:
        best = _opening_basis(s, cs)
    if best is not None and best[1] != "y/y":
        return best[1]
    # A year-on-year change is how news states change unless it says otherwise: "grew 5.4%"
    # and "grew 5.4% year on year" name one measure; q/q and m/m stay apart.
    return None


# "On a quarter-on-quarter basis, ...", "Month on month, ...": a sentence's opening phrase.
_OPENING = re.compile(r"\s*(?P<phrase>[^,;:.]{3,60}),")


def _opening_basis(s: str, cs: int) -> tuple[int, str] | None:
    """The basis a sentence's opening phrase gives every figure after it, however far:
    "On a quarter-on-quarter basis, GDP rose 1.6% ..., after a revised 1.3% gain"."""
    opening = _OPENING.match(s)
    if opening is None or opening.end() > cs:
        return None
    for pattern, name in _BASIS:
        if pattern.search(opening.group("phrase")):
            return cs - opening.end(), name
    return None


def _outlook(
    sent: sentence.Sentence, cs: int, ce: int, vocab: metrics.Vocabulary, percent: bool = False
) -> Outlook | None:
    """A forecast, target or estimate, from the words just before or after the figure."""
    s = sent.text
    worded = metrics.word_before(s, cs)
    found = vocab.expectation.search(s, max(0, cs - 60), cs) if worded else None
    if (
        found is not None
        and _MEASURED_AGAINST.search(s, max(0, found.start(1) - 40), found.start(1))
        and not re.search(r"\b(?:of|for)\b", s[found.end(1) : cs])
    ):
        # "fell short of expectations at $7.74 billion": the result, measured against them
        # ("beat expectations of $94.6 billion" gives the expectation itself).
        found = None
    if found is not None and _FIRST_RELEASE.search(s, max(0, found.start(1) - 20), found.start(1)):
        # "the initial estimate of 2.3%", "Eurostat's flash estimate": a first release of
        # the statistic, a result, not a forecast of it.
        return None
    word = found.group(1).lower() if found is not None else None
    after = _OUTLOOK_AFTER.match(s, ce) if word is None else None
    if after is not None:
        word = "expected"
    if word is None:
        noun = _ESTIMATE_NOUN_AFTER.match(s, ce)
        if noun is not None:
            named = noun.group(0).lower()
            word = (
                "estimate"
                if "estimate" in named or "consensus" in named or "median" in named
                else "forecast"
            )
    if word is None and (
        _BENCHMARK_ESTIMATED.search(s, max(0, cs - 50), cs) is not None
        or _NAMED_ESTIMATE.search(s, max(0, cs - 60), cs) is not None
        or (
            _ESTIMATED_WORD.match(s, cs, ce) is not None
            and _BENCHMARK_BEFORE.search(s, max(0, cs - 40), cs) is not None
        )
    ):
        return "estimate"  # "beating an estimated 3.6% gain", "versus an expected 2.1%"
    if word is None and _TARGET_AFTER.match(s, ce) is not None:
        return "target"
    if word is None and percent and worded and _EXPECTS_TO.search(s, max(0, cs - 80), cs):
        word = "expected"  # "the OBR expects the economy to grow by 1.1%"
    if word is None and percent and worded and _FUTURE_BEFORE.search(s, max(0, cs - 60), cs):
        # "the economy will grow by 1.1%": a rate to come is a forecast ("will spend
        # ¥112 trillion" is a plan, and stays a plan).
        word = "forecast"
    if word is None or _PAST_ESTIMATE.search(s, max(0, cs - 40), cs) is not None:
        return None
    if word in vocab.targets:
        return "target"
    if word in ("guidance", "outlook"):
        return "guidance"
    # Who expected it, before the figure or in the words after it ("polled by Reuters").
    lead = s[max(0, cs - 80) : cs] + (after.group() if after is not None else "")
    if _OWN_ESTIMATE.search(s, max(0, cs - 40), cs):
        return "forecast"  # "up from its previous estimate of 0.8%": a forecaster's own
    if _ESTIMATE.search(lead) or word in ("estimate", "estimates", "consensus"):
        return "estimate"
    if _BENCHMARK_BEFORE.search(s, max(0, cs - 40), cs):
        # "ahead of the $45.47 billion forecast", "versus the $1.60 expected": a result is
        # measured against the market's estimate.
        return "estimate"
    return "forecast"


def _count_metric(
    sentence_text: str,
    cs: int,
    ce: int,
    found: Found,
    mets: list[metrics.MetricMention],
    vocab: metrics.Vocabulary,
) -> str | None:
    """What a count measures: the verb that counts ("sold 506,804 vehicles": vehicle sales),
    a measure named beside it ("deliveries of 1.8 million"), else the thing counted."""
    noun = _counted_noun(sentence_text[cs:ce], found)
    own = [m for m in mets if cs <= m.start and m.end <= ce]
    if own and own[0].name == "employees":
        # "added 227,000 jobs", "will cut 15,000 jobs": a change in jobs, not a headcount.
        change = _JOBS_CHANGE.search(sentence_text, max(0, cs - 40), cs)
        if change is not None:
            return "job cuts" if change.group("cut") else "jobs added"
    if own:
        return own[0].name
    if noun and noun.split()[-1] in ("years", "months", "quarters", "days", "weeks", "decades"):
        near = sorted(mets, key=lambda m: cs - m.end if m.end <= cs else m.start - ce + 1000)
        return near[0].name if near else noun
    thing = _singular(noun) if noun else ""
    if noun and (
        noun.lower() in vocab.count_units or noun.split()[-1].lower() in vocab.count_units
    ):
        # "1.1 million tonnes of copper": the thing is after "of", else the measure beside it.
        of = re.match(r"\s+of\s+((?:[a-z][\w-]*\s*){1,3})", sentence_text[ce : ce + 40])
        words = []
        for w in of.group(1).split() if of else []:
            if w in _NP_END or w in ("during", "last", "year", "quarter"):
                break
            words.append(w)
        thing = " ".join(words[:2])
        if not thing:
            near = [m for m in mets if 0 <= cs - m.end <= 40]
            if near:
                return near[-1].name
    verb = re.search(
        r"([A-Za-z]+)\s+(?:(?:about|around|roughly|some|nearly|almost|over|more|than|fewer|less|"
        r"up|to|a|an|record|total|of|another|just|under)\s+)*\Z",
        sentence_text[max(0, cs - 50) : cs],
    )
    measure = vocab.count_verbs.get(verb.group(1).lower()) if verb else None
    if measure is not None:
        if measure == "employees" or not thing or thing in ("people", "person", "worker", "staff"):
            return measure
        return f"{thing} {measure}"
    near = [m for m in mets if (0 <= cs - m.end <= 40) or (0 <= m.start - ce <= 40)]
    if near:
        m = min(near, key=lambda m: abs(m.start - cs))
        written = sentence_text[m.start : m.end].lower()
        if m.name == "revenue" and written.startswith("sales") and thing:
            return f"{thing} sales"  # sales of things counted are units, not money
        return m.name
    if noun and not thing and noun.split()[-1].lower() in vocab.count_units:
        return None  # a unit alone names nothing: the caller reads the sentence for it
    if noun:
        return metrics.fuzzy(noun, vocab) or noun
    return None


def _singular(noun: str) -> str:
    """ "new energy vehicles" -> "new energy vehicle": a counted noun as a modifier."""
    words = noun.split()
    if not words:
        return noun
    last = words[-1]
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        last = last[:-1]
    return " ".join([*words[:-1], last])


def _counted_noun(claim_text: str, found: Found) -> str:
    """ "over 800 AI application scenarios" -> "AI application scenarios"."""
    at = claim_text.find(found.stated)
    rest = claim_text[at + len(found.stated) :] if at >= 0 else claim_text
    words = re.findall(r"[A-Za-z][\w&'-]*", rest)
    words = [
        w for w in words if w.lower() not in ("thousand", "million", "billion", "trillion", "plus")
    ]
    return " ".join(metrics.as_named(w) for w in words)
