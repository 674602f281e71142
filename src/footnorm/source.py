"""Reading the input and mapping code-point offsets to line and column."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError


@dataclass(frozen=True, slots=True)
class LineIndex:
    """Offsets of line starts, so any offset maps to a 1-based (line, column) in O(log n)."""

    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> LineIndex:
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return cls(tuple(starts))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


def decode(data: bytes, name: str) -> str:
    """UTF-8 text, or an InputError naming the file and the byte offset of the first bad byte."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (NUL byte at offset {data.index(0)}), expected UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: invalid UTF-8 at byte offset {exc.start}") from None
    # A BOM is not part of the manuscript; dropping it would break offsets, so it is kept
    # and simply treated as body text by every stage.
    return text


def read_text(path: str) -> tuple[str, str]:
    """(text, display name) for a path, or '-' for standard input."""
    import sys

    if path == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>"), "<stdin>"
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, expected a text file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return decode(data, path), path
