"""What the context stage holds while it reads an article: each figure, what is said of it,
and what the paragraph so far has established."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Direction, Origin, Outlook, Period
from ..quantities import Found


@dataclass
class Item:
    """A figure with where it stands in the article."""

    found: Found
    start: int  # absolute position in the article text
    end: int
    sentence: tuple[int, int]
    paragraph: int
    converts: int | None = None  # index (in the article's list) of the amount it converts
    boilerplate: bool = False


@dataclass
class Context:
    """What the context stage says of one figure."""

    subject: str | None = None
    metric: str | None = None
    period: Period | None = None
    links: list[tuple[str, int]] = field(default_factory=list)  # (kind, index of the other figure)
    subject_origin: Origin = "default"
    metric_origin: Origin = "default"
    period_origin: Origin = "default"
    direction: Direction | None = None
    outlook: Outlook | None = None


@dataclass
class Paragraph:
    """What the paragraph so far has said, for the sentences after it."""

    index: int = -1
    start: int = 0
    subject: str | None = None  # the last owner a sentence named by grammar
    period: Period | None = None  # the last period a figure was given in its own sentence
    metric: str | None = None  # the last measure a sentence named
    before: str = ""  # the paragraph before, for a back-reference that opens this one
    objects: dict[str, str] = field(default_factory=dict)  # metric head -> object metric
    so_far: str = ""  # the paragraph's text before the sentence being read
