"""The blocking key a claim is stored and looked up by: the noun its measure is named after.

The matcher links claims whose measures it finds alike (`match.links`): spellings of one
name, a fall named as a change, a rate beside the levels it joins, a part beside its
whole ("iPhone revenue" of "revenue"). Every such pair shares the last word of the
measure's name once qualifiers, words of change, brackets and plurals are left out ("net
profits growth y/y (forecast)" and "net profit" are both "profit"; "iPhone revenue growth"
and "revenue" both "revenue"). That key is coarser than the matcher's, never finer, so
the claims it gathers are a superset of those the matcher could link: the store
partitions by it, and a draft's candidates are the stored claims that share its keys.
"""

from __future__ import annotations

import hashlib
import re

from .. import names
from ..context import subjects
from ..match import Families, measure_key, singular
from ..packs import Packs

BUCKETS = 64  # partitions of the store: a key's claims all lie in one


class Keys:
    """The blocking keys of claims, by the rules' words and the subjects' families."""

    def __init__(self, rule_set: Packs) -> None:
        self.words = names.words(rule_set.names)
        self.families = Families(rule_set.names, subjects.vocabulary(rule_set.subjects))
        # How far apart in years two linked claims' periods can be: the rules' own reach
        # (scope-mismatch's close years, period-mismatch's years apart), and a year for a
        # change against the year before.
        options = rule_set.tolerances.rule
        self.reach_years = max(
            1,
            int(options.get("scope-mismatch", {}).get("close_years", 0)),
            int(options.get("period-mismatch", {}).get("max_years_apart", 0)),
        )

    def block(self, metric: str | None) -> str | None:
        return measure_key(metric, self.words)

    def family(self, subject: str | None) -> str | None:
        return family(subject, self.families)


def bucket(key: str) -> int:
    """The partition a key's claims are kept in (stable across runs and machines)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=4).digest()) % BUCKETS


def family(subject: str | None, families: Families) -> str | None:
    """The subject's blocking key: the widest whole it belongs to, spelled loosely (case,
    punctuation and a plural ending left out), as the matcher may take two spellings for one."""
    if not subject:
        return None
    words = re.findall(r"[a-z0-9&]+", families.root(subject).lower())
    if words:
        words[-1] = singular(words[-1])
    return " ".join(words) or subject.lower()
