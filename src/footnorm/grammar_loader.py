"""Load the lark grammars shipped as package data (``footnorm/grammar/*.lark``).

The wheel maps the top-level ``grammar/`` directory to ``footnorm/grammar/``; an
editable install has no such resource, so the source checkout's ``grammar/`` is the
fallback.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

_SOURCE_DIR = Path(__file__).resolve().parents[2] / "grammar"


@functools.cache
def load_grammar(name: str) -> str:
    """Return the text of grammar ``name`` (e.g. ``"citation.lark"``)."""
    try:
        resource = resources.files("footnorm") / "grammar" / name
        if resource.is_file():
            return resource.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError, TypeError):
        pass
    return (_SOURCE_DIR / name).read_text(encoding="utf-8")
