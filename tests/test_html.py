"""The HTML report: self-contained, escaped, and working in a real browser (headless Chromium)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

from .conftest import SEEDS
from .test_check import _golden

runner = CliRunner()


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _report(monkeypatch: pytest.MonkeyPatch, folder: Path, out: Path) -> str:
    monkeypatch.chdir(folder.parent)
    result = runner.invoke(app, ["check", folder.name, "--format", "html", "-o", str(out)])
    assert result.exit_code in (0, 1), result.output
    return out.read_text(encoding="utf-8")


def test_seeds_page_is_golden_and_self_contained(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    page = _report(monkeypatch, SEEDS, tmp_path / "report.html")
    _golden("report.html", page)
    parsed = _Elements()
    parsed.feed(page)
    assert not [a for t, a in parsed.tags if t in ("link", "img", "iframe") or a.get("src")]
    assert "http://" not in page.replace("http-equiv", "") and "https://" not in page
    assert page.count("class='finding ") == 14


def test_article_text_cannot_run_in_the_page(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(
        'China\'s SOEs earned total profits of 4.5 trillion yuan in 2023. <script>alert("a")</script>\n'
        '<img src=x onerror="alert(1)"> " onload="alert(2)\n',
        encoding="utf-8",
    )
    (news / "b.txt").write_text(
        "Total profits of China's SOEs reached 4.63 trillion yuan in 2023.", encoding="utf-8"
    )
    page = _report(monkeypatch, news, tmp_path / "report.html")
    parsed = _Elements()
    parsed.feed(page)
    assert [t for t, _ in parsed.tags].count("script") == 1  # only the page's own
    assert not any(t == "img" for t, _ in parsed.tags)
    assert not any(k.startswith("on") for _, attrs in parsed.tags for k in attrs)
    assert "&lt;script&gt;alert(&quot;a&quot;)&lt;/script&gt;" in page


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("CI installs Debian's chromium for this test (see .ci/run)")
        pytest.skip("headless Chromium is not installed")
    return found


def _dom(page: Path, fragment: str, profile: Path) -> str:
    args = [
        _chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile}", "--dump-dom", f"{page.as_uri()}#{fragment}",
    ]  # fmt: skip
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


@pytest.mark.parametrize(
    ("fragment", "shown"),
    [
        ("", 14),
        ("rule=scope-mismatch", 14),
        ("severity=error", 0),
        ("rule=value-conflict", 0),
        ("severity=warning,info", 14),
    ],
)
def test_filters_work_in_a_real_browser(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fragment: str, shown: int
) -> None:
    out = tmp_path / "report.html"
    _report(monkeypatch, SEEDS, out)
    dom = _dom(out, fragment, tmp_path / "profile")
    findings = re.findall(r"<article class=\"finding [^\"]*\"[^>]*>", dom)
    assert len(findings) == 14
    assert sum("hidden" not in tag for tag in findings) == shown
    assert f'<span id="shown">{shown}</span>' in dom
    # The article view marks the figures the findings name.
    assert dom.count('<mark class="caution">') >= 14
