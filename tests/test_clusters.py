"""Clusters of agreeing claims: the running bounds give what pairwise agreement gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.checks.value_conflict import conflicting
from factcheck.facts import Fact, agree
from factcheck.match import clusters
from factcheck.models import Claim, Document, Quantity


def _pairwise(group: list[Fact]) -> tuple[tuple[Fact, ...], ...]:
    """Every member must agree with every other: the rule, written out pair by pair."""
    out: list[list[Fact]] = []
    for f in sorted(group, key=lambda f: (f.value, f.low, f.doc.path, f.claim.line)):
        home = next((c for c in out if all(agree(f, o) for o in c)), None)
        if home is None:
            out.append([f])
        else:
            home.append(f)
    for f in group:
        for c in out:
            if f not in c and all(agree(f, o) for o in c):
                c.append(f)
    return tuple(tuple(c) for c in out)


_DOC = Document.model_construct(path="a.txt", claims=[])


def _fact(i: int, value: float, resolution: float, qualifier: str, width: float) -> Fact:
    q = Quantity.model_construct(
        kind="percent", unit="percent", value=value, qualifier=qualifier, resolution=resolution
    )
    claim = Claim.model_construct(
        id=f"a#{i}", line=i + 1, column=1, text=f"{value}%", sentence=f"s{i}", quantity=q, links=[]
    )
    low = value - resolution / 2 - (width if qualifier != "exact" else 0.0)
    return Fact(i, _DOC, claim, low, value + resolution / 2, 0.0)


figures = st.lists(
    st.tuples(
        st.integers(0, 40).map(lambda n: n / 10),
        st.sampled_from([0.1, 1.0, 0.01]),
        st.sampled_from(["exact", "exact", "about", "over"]),
        st.sampled_from([0.0, 0.3, 1.0]),
    ),
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(figures)
def test_running_bounds_cluster_as_pairwise_agreement(
    rows: list[tuple[float, float, str, float]],
) -> None:
    group = [_fact(i, *row) for i, row in enumerate(rows)]
    got = [[f.index for f in c] for c in clusters(group)]
    want = [[f.index for f in c] for c in _pairwise(group)]
    assert got == want


def test_two_figures_stated_to_one_digit_are_two_facts() -> None:
    a, b, c = (
        _fact(0, 35.0, 1.0, "exact", 0),
        _fact(1, 36.0, 1.0, "exact", 0),
        _fact(2, 35.0, 1.0, "exact", 0),
    )
    assert [[f.index for f in run] for run in clusters([a, b, c])] == [[0, 2], [1]]


@settings(max_examples=300, deadline=None)
@given(figures)
def test_figures_of_one_cluster_have_no_pair_in_conflict(
    rows: list[tuple[float, float, str, float]],
) -> None:
    # value-conflict skips a fact whose figures the matcher put in one cluster.
    group = tuple(_fact(i, *row) for i, row in enumerate(rows))
    pairs = list(conflicting(group))
    if len(clusters(group)) <= 1:
        assert pairs == []
    else:
        assert pairs  # two clusters: some two figures cannot both be true
