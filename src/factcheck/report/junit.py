"""JUnit XML, for the test reports of GitLab, Jenkins and the like: one test case per finding.

Errors and warnings are failures; info findings (corroborated, period notes)
are passing cases that carry their message, so the report lists them too.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from ..models import Finding, Report
from .pieces import batches

_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_INDENT = "  "
_A_BATCH = 512  # test cases written together
# Characters XML 1.0 cannot hold, escaped or not: ElementTree writes them as they are, and the
# report would not parse. A form feed or a control code in an article's figure becomes U+FFFD.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def to_junit(report: Report) -> str:
    return "".join(junit_parts(report))


def junit_parts(report: Report) -> Iterator[str]:
    """`to_junit(report)` in pieces, a few hundred test cases each: one suite per rule, in
    the order the rules first appear, laid out as `ET.indent` lays out the whole tree."""
    by_rule: dict[str, list[int]] = {}
    failures: dict[str, int] = {}
    for k, finding in enumerate(report.findings):
        by_rule.setdefault(finding.rule, []).append(k)
        failures[finding.rule] = failures.get(finding.rule, 0) + _failed(finding)
    top = {
        "name": "factcheck",
        "tests": str(len(report.findings)),
        "failures": str(sum(failures.values())),
    }
    if not by_rule:
        yield _DECLARATION + ET.tostring(ET.Element("testsuites", top), encoding="unicode") + "\n"
        return
    yield _DECLARATION + _opening("testsuites", top)
    for rule, members in by_rule.items():
        suite = {
            "name": rule,
            "tests": str(len(members)),
            "failures": str(failures[rule]),
            "errors": "0",
        }
        yield f"\n{_INDENT}" + _opening("testsuite", suite)
        for some in batches(members, _A_BATCH):
            yield _cases([report.findings[k] for k in some])
        yield f"\n{_INDENT}</testsuite>"
    yield "\n</testsuites>\n"


def _failed(finding: Finding) -> int:
    return 1 if finding.severity in ("error", "warning") else 0


def _opening(tag: str, attributes: dict[str, str]) -> str:
    """The start tag of an element, its attributes escaped as ElementTree escapes them."""
    empty = ET.tostring(ET.Element(tag, attributes), encoding="unicode")
    return empty.removesuffix(" />") + ">"


def _cases(findings: list[Finding]) -> str:
    """Test cases one after another, each on a line of its own: serialised together inside
    a bare element whose tags are then cut off: a case at a time took half as long again."""
    batch = ET.Element("batch")
    batch.text = "\n" + _INDENT * 2
    for finding in findings:
        case = _case(finding)
        case.tail = "\n" + _INDENT * 2
        batch.append(case)
    if len(batch):
        batch[-1].tail = None
    return ET.tostring(batch, encoding="unicode").removeprefix("<batch>").removesuffix("</batch>")


def _case(finding: Finding) -> ET.Element:
    first = finding.claims[0]
    path = _xml(first.path)
    case = ET.Element(
        "testcase",
        classname=f"factcheck.{finding.rule}",
        name=f"{path}:{first.line}:{first.column}",
    )
    case.set("file", path)
    case.set("line", str(first.line))
    properties = ET.SubElement(case, "properties")
    ET.SubElement(properties, "property", name="confidence", value=finding.confidence)
    body = _xml(
        "\n".join(
            [finding.message, *(f"{c.path}:{c.line}:{c.column}: {c.text}" for c in finding.claims)]
            + ([finding.advice] if finding.advice else [])
        )
    )
    if _failed(finding):
        message = _xml(finding.message)
        failure = ET.SubElement(case, "failure", message=message, type=finding.severity)
        failure.text = body
    else:
        ET.SubElement(case, "system-out").text = body
    # Laid out as `ET.indent` lays out a case two levels down, without walking the tree.
    case.text = properties.tail = "\n" + _INDENT * 3
    properties.text = "\n" + _INDENT * 4
    properties[0].tail = "\n" + _INDENT * 3
    case[-1].tail = "\n" + _INDENT * 2
    return case
