"""The matcher's links between real articles' claims."""

from __future__ import annotations

from factcheck import extract_text, facts, match, packs


def _links(*articles: tuple[str, str]) -> list[match.ClaimLink]:
    rules = packs.load(())
    docs = [extract_text(text, path=path, published="2024-05-02") for path, text in articles]
    return list(match.links(facts.build(docs, rules.tolerances), rules))


def test_a_fact_two_articles_state_is_linked_and_one_stated_once_is_not() -> None:
    links = _links(
        (
            "wire.md",
            "Northwind Mining said its revenue rose to $4.2 billion in 2023. It employs "
            "12,000 people in 2023.",
        ),
        ("daily.md", "Northwind Mining's revenue was $4.2 billion in 2023, the company said."),
    )
    same = [link for link in links if link.kind == "same-fact"]
    assert [[f.claim.text for f in link.facts] for link in same] == [["$4.2 billion"] * 2]
    assert [len(link.parts) for link in same] == [1]  # the two agree: one cluster
