"""JUnit XML, for the test reports of GitLab, Jenkins and the like: one test case per finding.

Errors and warnings are failures; info findings (corroborated, period notes)
are passing cases that carry their message, so the report lists them too.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..models import Report


def to_junit(report: Report) -> str:
    suites = ET.Element("testsuites", name="factcheck")
    by_rule: dict[str, ET.Element] = {}
    for finding in report.findings:
        suite = by_rule.get(finding.rule)
        if suite is None:
            suite = ET.SubElement(suites, "testsuite", name=finding.rule)
            by_rule[finding.rule] = suite
        first = finding.claims[0]
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f"factcheck.{finding.rule}",
            name=f"{first.path}:{first.line}:{first.column}",
        )
        case.set("file", first.path)
        case.set("line", str(first.line))
        properties = ET.SubElement(case, "properties")
        ET.SubElement(properties, "property", name="confidence", value=finding.confidence)
        body = "\n".join(
            [finding.message, *(f"{c.path}:{c.line}:{c.column}: {c.text}" for c in finding.claims)]
            + ([finding.advice] if finding.advice else [])
        )
        if finding.severity in ("error", "warning"):
            failure = ET.SubElement(case, "failure", message=finding.message, type=finding.severity)
            failure.text = body
        else:
            ET.SubElement(case, "system-out").text = body
    for suite in by_rule.values():
        cases = suite.findall("testcase")
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
        suite.set("errors", "0")
    suites.set("tests", str(len(report.findings)))
    suites.set("failures", str(sum(int(s.get("failures", "0")) for s in by_rule.values())))
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )
