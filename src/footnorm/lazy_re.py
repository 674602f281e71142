"""Regular expressions compiled when first used rather than at import.

Compiling footnorm's ~230 module-level patterns costs about a tenth of a second of every
command's start-up, and many of them serve rare forms (court reports, treaties, dates written
out in full) that most texts never reach. A `LazyPattern` compiles on its first use, so a text
pays only for the patterns it needs; the result of every match is the same.
"""

from __future__ import annotations

import re

# The methods footnorm calls on its patterns; after the first use they are the compiled
# pattern's own bound methods, found on the instance, so a call costs what it would on the
# compiled pattern.
_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """`re.compile(pattern, flags)`, deferred to the first use.

    `.pattern` is the source string, as on a compiled pattern, so larger patterns can be built
    from it without compiling it. Not for a pattern compared by identity (`m.re is PATTERN`):
    a match's `.re` is the compiled pattern, not this object.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str):
        # Called only for an attribute the instance lacks: the first use of a method, or an
        # attribute of the compiled pattern footnorm rarely reads (groupindex, flags).
        if name in ("pattern", "_flags") or name.startswith("__"):
            raise AttributeError(name)  # not yet initialised (copy, pickle): no compiling
        compiled = re.compile(self.pattern, self._flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags!r})"
