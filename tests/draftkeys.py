"""The key footnorm gives a work of a test draft, so tests say "Grant's book" rather than spell the key
(key style is resolve/keys.py's business and may change; what these tests check is where keys go)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import footnorm

DRAFTS = Path(__file__).resolve().parent / "peers" / "drafts"


@cache
def _keys(path: Path) -> dict[str, str]:
    doc = footnorm.analyse(path.read_text(encoding="utf-8"))
    return {(e.reference.author[0].family if e.reference.author else e.key).casefold(): e.key for e in doc.entries}


def key(family: str, draft: str = "page-bottom.txt") -> str:
    """The key of the work by `family` in tests/peers/drafts/`draft`."""
    return _keys(DRAFTS / draft)[family.casefold()]


GRANT = key("Grant")
BELLINI = key("Bellini")
BYRNE = key("Byrne", "endnotes.txt")
RIADA = key("Riada", "endnotes.txt")
VOGEL = key("Vogel", "draft.md")
LINDQVIST = key("Lindqvist", "draft.md")
