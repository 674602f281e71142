"""Typographic repairs for the prose, as named steps; the input itself is never modified."""

from __future__ import annotations

import re
from collections.abc import Callable

Step = Callable[[str, "Context"], str]

# After a letter a backtick is never an opening quote (``quote'' opens after a space).
_BACKTICK_APOSTROPHE = re.compile(r"(?<=[^\W\d_])`(?!`)")


class Context:
    """Facts about the whole document that a step may need (e.g. its quote style)."""

    def __init__(self, text: str):
        self.curly = any(ch in text for ch in "“”‘’")


def apostrophes(text: str, ctx: Context) -> str:
    """`Stalin`s` -> `Stalin’s`, `Hopkins` offer` -> `Hopkins’ offer`: a backtick after a letter is a mistyped apostrophe.

    The replacement follows the document's own quotes: curly if it uses curly quotes anywhere.
    """
    return _BACKTICK_APOSTROPHE.sub("’" if ctx.curly else "'", text)


STEPS: dict[str, Step] = {"apostrophes": apostrophes}
DEFAULT_STEPS = ("apostrophes",)


def cleaner(text: str, steps: tuple[str, ...] = DEFAULT_STEPS) -> Callable[[str], str]:
    """A function applying the named steps to pieces of `text`, with context from the whole of it."""
    ctx = Context(text)
    chosen = [STEPS[name] for name in steps]

    def run(piece: str) -> str:
        for step in chosen:
            piece = step(piece, ctx)
        return piece

    return run
