"""One self-contained HTML page for editors: findings with their claims side by side, filters,
and each article's text with its figures marked. No network: styles and script are inline.

Every piece of article text is escaped, so an article cannot run anything in the browser.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from ..checks import RULES
from ..decoding import decode
from ..models import Document, Finding, FindingClaim, Report
from ..repair import repair_text
from .pieces import batches

# What a claim's mark says, by the most telling rule that names it.
MARK = {
    "value-conflict": "conflict",
    "conversion-mismatch": "conflict",
    "arithmetic-mismatch": "conflict",
    "scope-mismatch": "caution",
    "period-mismatch": "caution",
    "corroborated": "agrees",
}
ORDER = {"conflict": 0, "caution": 1, "agrees": 2}

STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header,main{max-width:1100px;margin:0 auto;padding:0 20px}
header{padding-top:18px}h1{font-size:22px;margin:0 0 4px}
.summary span{display:inline-block;margin-right:14px;font-weight:600}
.s-error{color:#b3261e}.s-warning{color:#8a5a00}.s-info{color:#1f5fa8}
.filters{margin:12px 0;padding:10px 12px;background:#fff;border:1px solid #ddd;border-radius:8px}
.filters label{margin-right:14px}
.finding{background:#fff;border:1px solid #ddd;border-left:6px solid #999;border-radius:8px;margin:12px 0;padding:10px 14px}
.finding.error{border-left-color:#b3261e}.finding.warning{border-left-color:#e0a100}.finding.info{border-left-color:#1f5fa8}
.finding h3{margin:0 0 6px;font-size:15px}.confidence{font-size:12px;font-weight:normal;color:#666;margin-left:8px}.badge{font-size:12px;padding:1px 7px;border-radius:9px;background:#eee;margin-right:6px}
.claims{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:10px}
.claim{background:#f6f6f8;border-radius:6px;padding:8px 10px}.where{font-size:12px;color:#555}
.advice{font-style:italic;color:#444}
mark{padding:0 2px;border-radius:3px}mark.conflict{background:#f9c4c0}mark.caution{background:#ffe29a}
mark.agrees{background:#bfe8c4}mark.plain{background:#e4e4ea}
pre.article{white-space:pre-wrap;background:#fff;border:1px solid #ddd;border-radius:8px;padding:12px;font:14px/1.6 Georgia,serif}
details{margin:8px 0}summary{cursor:pointer;font-weight:600}
[hidden]{display:none!important}
"""

SCRIPT = """
(function(){
  var boxes=[].slice.call(document.querySelectorAll('input[data-severity]'));
  var rule=document.getElementById('rule');
  function apply(){
    var on={};boxes.forEach(function(b){on[b.dataset.severity]=b.checked});
    var shown=0;
    document.querySelectorAll('.finding').forEach(function(f){
      var ok=on[f.dataset.severity]&&(rule.value===''||rule.value===f.dataset.rule);
      f.hidden=!ok;if(ok)shown++;
    });
    document.getElementById('shown').textContent=shown;
  }
  var params=new URLSearchParams(location.hash.slice(1));
  if(params.has('severity')){var want=params.get('severity').split(',');boxes.forEach(function(b){b.checked=want.indexOf(b.dataset.severity)>=0})}
  if(params.has('rule')){rule.value=params.get('rule')}
  boxes.forEach(function(b){b.addEventListener('change',apply)});rule.addEventListener('change',apply);apply();
})();
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def to_html(report: Report, docs: list[Document]) -> str:
    """The page for `report`; `docs` give the articles' dates and, read again, their text."""
    return "".join(html_parts(report, docs))


_A_BATCH = 512  # findings written together


def html_parts(report: Report, docs: list[Document]) -> Iterator[str]:
    """`to_html(report, docs)` in pieces: a few hundred findings, or one article, each."""
    published = {d.path: _date(d) for d in docs}
    marks = _marks(report.findings)
    s = report.summary
    rules = [rule.name for rule in RULES]
    yield (
        "\n".join(
            [
                "<!doctype html><html lang='en'><head><meta charset='utf-8'>",
                "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">",
                f"<title>factcheck report</title><style>{STYLE}</style></head><body>",
                "<header><h1>factcheck report</h1><p class='summary'>",
                f"<span>{s.documents} documents</span><span>{s.claims} claims</span>",
                f"<span class='s-error'>{s.findings['error']} errors</span>",
                f"<span class='s-warning'>{s.findings['warning']} warnings</span>",
                f"<span class='s-info'>{s.findings['info']} info</span></p></header><main>",
                "<div class='filters'>Show: ",
                *(
                    f"<label><input type='checkbox' data-severity='{sev}' checked> {sev}</label>"
                    for sev in ("error", "warning", "info")
                ),
                "<label>rule <select id='rule'><option value=''>all rules</option>",
                *(f"<option value='{_e(r)}'>{_e(r)}</option>" for r in rules),
                "</select></label> <span><span id='shown'>0</span> shown</span></div>",
                "<section id='findings'><h2>Findings</h2>",
            ]
        )
        + "\n"
    )
    for batch in batches(report.findings, _A_BATCH):
        yield "".join(_finding(f, published) + "\n" for f in batch)
    yield "</section><section id='articles'><h2>Articles</h2>\n"
    for d in docs:
        yield _article(d, marks.get(d.path, {})) + "\n"
    yield f"</section></main><script>{SCRIPT}</script></body></html>\n"


def _date(doc: Document) -> str | None:
    if doc.published:
        return doc.published
    return f"unknown (about {doc.reference})" if doc.reference else None


def _finding(f: Finding, published: dict[str, str | None]) -> str:
    claims = "".join(_claim(c, published.get(c.path), MARK.get(f.rule, "plain")) for c in f.claims)
    advice = f"<p class='advice'>{_e(f.advice)}</p>" if f.advice else ""
    return (
        f"<article class='finding {f.severity}' data-severity='{f.severity}' data-rule='{_e(f.rule)}' "
        f"data-confidence='{f.confidence}'>"
        f"<h3><span class='badge s-{f.severity}'>{f.severity}</span>{_e(f.rule)}"
        f"<span class='confidence'>{f.confidence} confidence</span></h3>"
        f"<p class='message'>{_e(f.message)}</p><div class='claims'>{claims}</div>{advice}</article>"
    )


def _claim(c: FindingClaim, published: str | None, kind: str) -> str:
    sentence = c.sentence or c.text
    at = sentence.find(c.text)
    if at >= 0:
        quoted = (
            _e(sentence[:at])
            + f"<mark class='{kind}'>{_e(c.text)}</mark>"
            + _e(sentence[at + len(c.text) :])
        )
    else:
        quoted = f"<mark class='{kind}'>{_e(c.text)}</mark> {_e(sentence)}"
    period = (
        f"{c.period.start}–{c.period.end}"
        if c.period and c.period.end != c.period.start
        else (c.period.start if c.period else "?")
    )
    return (
        f"<div class='claim'><div class='where'>{_e(c.path)}:{c.line}:{c.column}"
        f" · published {_e(published or 'unknown')} · {_e(c.subject or '?')} · {_e(c.metric or '?')}"
        f" · {_e(period)}</div><blockquote>{quoted}</blockquote></div>"
    )


def _marks(findings: list[Finding]) -> dict[str, dict[tuple[int, int], tuple[int, int, str]]]:
    """For each file, the claims findings name: (line, column) -> (end line, end column, mark)."""
    out: dict[str, dict[tuple[int, int], tuple[int, int, str]]] = defaultdict(dict)
    for f in findings:
        kind = MARK.get(f.rule, "plain")
        for c in f.claims:
            key = (c.line, c.column)
            end = (c.end_line or c.line, c.end_column or c.column + len(c.text))
            old = out[c.path].get(key)
            if old is None or ORDER.get(kind, 9) < ORDER.get(old[2], 9):
                out[c.path][key] = (*end, kind)
    return out


def _article(doc: Document, marks: dict[tuple[int, int], tuple[int, int, str]]) -> str:
    """The article's text as on disk (repaired for reading), its flagged figures marked."""
    try:
        text = decode(Path(doc.path).read_bytes()).text
    except OSError:
        text = ""
    by_line: dict[int, list[tuple[int, tuple[int, int, str]]]] = defaultdict(list)
    for (ln, col), mark in marks.items():
        by_line[ln].append((col, mark))
    body: list[str] = []
    for number, line in enumerate(text.split("\n"), 1):
        pos = 0
        for col, (end_line, end_col, kind) in sorted(by_line.get(number, ())):
            start = col - 1
            stop = end_col - 1 if end_line == number else len(line)
            if start < pos:
                continue
            body.append(_e(repair_text(line[pos:start])))
            body.append(f"<mark class='{kind}'>{_e(repair_text(line[start:stop]))}</mark>")
            pos = stop
        body.append(_e(repair_text(line[pos:])) + "\n")
    title = f" — {_e(doc.title)}" if doc.title else ""
    return (
        f"<details data-path='{_e(doc.path)}'><summary>{_e(doc.path)}{title} · published "
        f"{_e(_date(doc) or 'unknown')} · {len(doc.claims)} claims</summary>"
        f"<pre class='article'>{''.join(body)}</pre></details>"
    )
