"""HTML and Markdown: article text, title, date; scripts and navigation left out."""

from __future__ import annotations

from pathlib import Path

from factcheck import extract_paths

PAGE = """<!doctype html>
<html><head><title>Q3 results beat forecasts</title>
<meta property="article:published_time" content="2024-10-30T08:00:00Z">
<script>var views = 120000;</script><style>.x{width:300px}</style></head>
<body><nav>Home | 5 sections</nav>
<article><h1>Q3 results beat forecasts</h1>
<p>Revenue rose 12% to $4.3 billion &amp; margins widened by 0.5 percentage points.</p>
<p>The company employs about 12,000 people.</p></article>
<footer>&copy; 2024 Example Corp</footer></body></html>
"""


def test_html_article_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (doc,) = extract_paths([path])
    assert doc.title == "Q3 results beat forecasts"
    assert doc.published == "2024-10-30"
    assert [c.text for c in doc.claims] == [
        "12%",
        "$4.3 billion",
        "0.5 percentage points",
        "about 12,000 people",
    ]
    assert [c.line for c in doc.claims] == [7, 7, 7, 8]


def test_markdown_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text(
        '---\ntitle: "Budget 2025"\ndate: 2025-03-12\nviews: 4000\n---\n# Budget 2025\n\n'
        "The budget sets aside £12.5bn for housing.\n",
        encoding="utf-8",
    )
    (doc,) = extract_paths([path])
    assert (doc.title, doc.published) == ("Budget 2025", "2025-03-12")
    assert [(c.text, c.line) for c in doc.claims] == [("£12.5bn", 8)]


def test_figures_in_a_front_matter_title_are_claims_where_they_stand(tmp_path: Path) -> None:
    # The title is the article's headline; the other fields ("views: 4000") stay hidden.
    path = tmp_path / "post.md"
    path.write_text(
        '---\ntitle: "Nvidia posts $22.1B revenue, up 265%"\ndate: 2024-02-21\nviews: 4000\n'
        "---\n\nNvidia said revenue reached $22.1 billion.\n",
        encoding="utf-8",
    )
    (doc,) = extract_paths([path])
    assert doc.title == "Nvidia posts $22.1B revenue, up 265%"
    assert [(c.text, c.line, c.column, c.metric) for c in doc.claims] == [
        ("$22.1B", 2, 22, "revenue"),
        ("265%", 2, 41, "revenue growth"),
        ("$22.1 billion", 7, 29, "revenue"),
    ]


def test_ld_json_date(tmp_path: Path) -> None:
    path = tmp_path / "ld.html"
    path.write_text(
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2023-06-01"}</script></head><body><p>Up 3 percent.</p></body></html>',
        encoding="utf-8",
    )
    (doc,) = extract_paths([path])
    assert doc.published == "2023-06-01"
    assert [c.text for c in doc.claims] == ["3 percent"]


def test_a_markdown_heading_on_the_first_line_is_the_headline() -> None:
    from factcheck.published import title_from_text

    text = "## Lumen Bank lifts 2025 profit outlook ##\n\nLumen Bank said on Monday...\n"
    assert title_from_text(text, [(0, text.index("\n"))]) == "Lumen Bank lifts 2025 profit outlook"
    tag = "#Lumen trends after results day on the exchange\n"
    assert title_from_text(tag, [(0, len(tag) - 1)]) is None
