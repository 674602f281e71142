"""Citation keys in the Better BibTeX style: auth.lower + shorttitle(3,3) + year."""

from __future__ import annotations

import re

from anyascii import anyascii

from .model import Reference

# Words Better BibTeX's shorttitle skips (function words in the languages we meet).
SKIP = frozenset(
    """a an the and or of in on at to for from by with as into about over under between via
    der die das des dem den ein eine einer und oder von vom zu zur zum im in am an auf für mit über
    le la les l un une des du de et ou au aux en sur pour par dans
    il lo gli i una uno di del della dei delle e o per con su
    el los las un una y o del al por para con sobre""".split()
)
_WORD = re.compile(r"[A-Za-z0-9]+")
LEGAL_TYPES = frozenset(["legislation", "bill", "legal_case", "regulation", "treaty"])


def fold(text: str) -> str:
    return anyascii(text)


_SKIP_FOLDED = frozenset(anyascii(w) for w in SKIP)


def title_words(title: str) -> list[str]:
    return [w for w in _WORD.findall(fold(title)) if w.lower() not in _SKIP_FOLDED]


def main_title(title: str) -> str:
    """The title without its subtitle: what a Chicago short title keeps, so that a work's key is the
    same whether it was first cited in full or in short form."""
    head = re.split(r"[:?!]\s|(?<=\w\w\w)\.\s", title + " ", maxsplit=1)[0]  # not at "v. " or "St. "
    return head if len(title_words(head)) >= 2 else title


def base_key(ref: Reference) -> str:
    words = title_words(main_title(ref.title or ref.container_title))
    if ref.type in LEGAL_TYPES:
        # "Regulation (EU) 2017/821", "Smith v. Jones": the numbers repeat the year, "v." says nothing
        words = [w for w in words if not w.isdigit() and w.lower() not in ("v", "vs")]
    words = words[:3]
    short = "".join(w[:1].upper() + w[1:].lower() if not w.isupper() or len(w) > 1 else w for w in words)
    lead = ref.author[0].sort_name if ref.author else (ref.editor[0].sort_name if ref.editor else "")
    auth = "".join(_WORD.findall(fold(lead))).lower()
    year = (re.search(r"\d{4}", ref.issued) or [""])[0] if ref.issued else ""
    if not auth:
        # No author: the title leads, as in Better BibTeX ("frusPotsdam").
        short = short[:1].lower() + short[1:]
    key = f"{auth}{short}{year}"
    return key or "anon"


def assign_keys(works: list[tuple[str, Reference]]) -> dict[str, str]:
    """Stable keys for (work id, reference) pairs; clashes get a/b/c suffixes.

    Suffixes are ordered by the work id (derived from content), never by position in the
    document, so adding an unrelated note never renames an existing work.
    """
    by_base: dict[str, list[str]] = {}
    for wid, ref in works:
        by_base.setdefault(base_key(ref), []).append(wid)
    keys = {}
    for base, ids in by_base.items():
        ids = sorted(set(ids))
        if len(ids) == 1:
            keys[ids[0]] = base
        else:
            for i, wid in enumerate(ids):
                keys[wid] = base + _suffix(i)
    return keys


def _suffix(i: int) -> str:
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(97 + r) + out
    return out
