"""Text with a map back to the file on disk, so every claim keeps its line and column."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass
class TextBuilder:
    """Collects pieces of derived text, each tied to a span of its source text."""

    parts: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # where each piece starts in the new text
    origins: list[int] = field(default_factory=list)  # where it starts in the source
    widths: list[int] = field(default_factory=list)  # how long its source span is
    size: int = 0
    # Text merged into the last piece, joined when the piece is done: `+=` on a list item
    # copies the whole piece each time, which grows with the square of a long run.
    _run: list[str] = field(default_factory=list)

    def copy(self, text: str, origin: int) -> None:
        """Append text that stands unchanged at `origin` in the source."""
        self.add(text, origin, len(text))

    def add(self, text: str, origin: int, width: int) -> None:
        """Append text that replaces the source span [origin, origin + width)."""
        if not text:
            return
        last = len(self.parts) - 1
        if (
            last >= 0
            and self.widths[last] == self.size - self.starts[last]
            and width == len(text)
            and self.origins[last] + self.widths[last] == origin
        ):
            # Merge runs of unchanged text: the map stays small on clean input.
            self._run.append(text)
            self.widths[last] += width
        else:
            self._close()
            self.parts.append(text)
            self.starts.append(self.size)
            self.origins.append(origin)
            self.widths.append(width)
        self.size += len(text)

    def ends_with(self, char: str) -> bool:
        """Whether the text so far ends with the character `char`."""
        tail = self._run[-1] if self._run else (self.parts[-1] if self.parts else "")
        return tail.endswith(char)

    def _close(self) -> None:
        if self._run:
            self.parts[-1] = "".join((self.parts[-1], *self._run))
            self._run.clear()

    def build(self, source: SourceMap) -> MappedText:
        self._close()
        return MappedText("".join(self.parts), self.starts, self.origins, self.widths, source)


class SourceMap:
    """Positions in a text: the root of every chain of maps."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0]
        find = text.find
        pos = find("\n")
        while pos >= 0:
            self.line_starts.append(pos + 1)
            pos = find("\n", pos + 1)

    def origin(self, pos: int) -> int:
        return pos

    def line_column(self, pos: int) -> tuple[int, int]:
        """1-based line and column of a position in the source text."""
        line = bisect_right(self.line_starts, pos)
        return line, pos - self.line_starts[line - 1] + 1


class MappedText:
    """Derived text whose every position maps back through `source` to the file."""

    def __init__(
        self,
        text: str,
        starts: list[int],
        origins: list[int],
        widths: list[int],
        source: SourceMap | MappedText,
    ) -> None:
        self.text = text
        self._starts = starts
        self._origins = origins
        self._widths = widths
        self.source = source

    @classmethod
    def identity(cls, source: SourceMap) -> MappedText:
        return cls(source.text, [0], [0], [len(source.text)], source)

    def origin(self, pos: int) -> int:
        """Position in the root source of `pos` in this text."""
        if not self._starts:
            return self.source.origin(0)
        i = max(bisect_right(self._starts, pos) - 1, 0)
        offset = pos - self._starts[i]
        piece_len = (
            self._starts[i + 1] if i + 1 < len(self._starts) else len(self.text)
        ) - self._starts[i]
        if piece_len == self._widths[i]:
            inner = self._origins[i] + offset
        else:
            # A replaced piece maps as a whole: its start, or its end just past it.
            inner = self._origins[i] + (self._widths[i] if offset >= piece_len else 0)
        return self.source.origin(inner)

    def origin_end(self, end: int) -> int:
        """Position in the root source just past the character before `end`."""
        if end <= 0:
            return self.origin(0)
        i = max(bisect_right(self._starts, end - 1) - 1, 0)
        offset = end - 1 - self._starts[i]
        piece_len = (
            self._starts[i + 1] if i + 1 < len(self._starts) else len(self.text)
        ) - self._starts[i]
        if piece_len == self._widths[i]:
            inner_end = self._origins[i] + offset + 1
        else:
            inner_end = self._origins[i] + self._widths[i]
        if isinstance(self.source, MappedText):
            return self.source.origin_end(inner_end)
        return inner_end

    def root(self) -> SourceMap:
        node: SourceMap | MappedText = self
        while isinstance(node, MappedText):
            node = node.source
        return node
