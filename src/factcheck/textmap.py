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

    def origins(self, positions: list[int]) -> list[int]:
        return positions

    def origin_ends(self, ends: list[int]) -> list[int]:
        return ends

    def line_columns(self, positions: list[int]) -> list[tuple[int, int]]:
        """1-based line and column of each position in the source text."""
        starts = self.line_starts
        out = []
        for pos in positions:
            line = bisect_right(starts, pos)
            out.append((line, pos - starts[line - 1] + 1))
        return out


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

    # Positions are mapped a list at a time, one call per map in the chain: a call per
    # figure and map costs more than the mapping in a run of thousands of figures.
    def origin(self, pos: int) -> int:
        """Position in the root source of `pos` in this text."""
        return self.origins([pos])[0]

    def origin_end(self, end: int) -> int:
        """Position in the root source just past the character before `end`."""
        return self.origin_ends([end])[0]

    def origins(self, positions: list[int]) -> list[int]:
        """`origin` of each of `positions`."""
        starts, origins, widths = self._starts, self._origins, self._widths
        if not starts:
            return self.source.origins([0] * len(positions))
        last, size = len(starts) - 1, len(self.text)
        inner = []
        for pos in positions:
            i = max(bisect_right(starts, pos) - 1, 0)
            offset = pos - starts[i]
            piece_len = (starts[i + 1] if i < last else size) - starts[i]
            if piece_len == widths[i]:
                inner.append(origins[i] + offset)
            else:
                # A replaced piece maps as a whole: its start, or its end just past it.
                inner.append(origins[i] + (widths[i] if offset >= piece_len else 0))
        return self.source.origins(inner)

    def origin_ends(self, ends: list[int]) -> list[int]:
        """`origin_end` of each of `ends`."""
        starts, origins, widths = self._starts, self._origins, self._widths
        last, size = len(starts) - 1, len(self.text)
        inner: list[int] = []
        at_start: list[int] = []  # where an end at or before 0 stands: mapped as a start
        for k, end in enumerate(ends):
            if end <= 0:
                at_start.append(k)
                inner.append(0)
                continue
            i = max(bisect_right(starts, end - 1) - 1, 0)
            piece_len = (starts[i + 1] if i < last else size) - starts[i]
            if piece_len == widths[i]:
                inner.append(origins[i] + end - starts[i])
            else:
                inner.append(origins[i] + widths[i])
        out = self.source.origin_ends(inner)
        if at_start:
            first = self.origin(0)
            for k in at_start:
                out[k] = first
        return out

    def root(self) -> SourceMap:
        node: SourceMap | MappedText = self
        while isinstance(node, MappedText):
            node = node.source
        return node
