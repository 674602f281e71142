"""Citation keys from a user's pattern (`key-pattern = "{auth}{year}"`), applied after resolution.

Fields: {auth} first author's (or editor's) family name in lower case, {Auth} capitalised, {year},
{title} first significant title word in lower case, {Title} capitalised, {shorttitle} the first three
significant title words run together (Better BibTeX's shorttitle). Works that end up with the same key
get a, b, c… in the order of footnorm's own keys, which are stable.
"""

from __future__ import annotations

import re
import string

from .errors import FootnormError
from .keys import _WORD, _suffix, fold, title_words
from .model import Entry

FIELDS = ("auth", "Auth", "year", "title", "Title", "shorttitle")


def check_pattern(pattern: str) -> None:
    try:
        names = [name for _, name, spec, conv in string.Formatter().parse(pattern) if name is not None]
    except ValueError as exc:
        raise FootnormError(f"key pattern {pattern!r}: {exc}") from None
    unknown = [n for n in names if n not in FIELDS]
    if unknown:
        raise FootnormError(f"key pattern {pattern!r}: unknown field {{{unknown[0]}}} (known: "
                            + ", ".join("{" + f + "}" for f in FIELDS) + ")")
    if re.search(r"[\s,{}%#\\\"'()=]", re.sub(r"\{[A-Za-z]+\}", "", pattern)):
        raise FootnormError(f"key pattern {pattern!r}: a key cannot hold spaces, commas, braces or quotes")


def key_for(entry: Entry, pattern: str) -> str:
    ref = entry.reference
    lead = ref.author[0].sort_name if ref.author else (ref.editor[0].sort_name if ref.editor else "")
    auth = "".join(_WORD.findall(fold(lead))).lower()
    words = title_words(ref.title or ref.container_title)
    year = (re.search(r"\d{4}", ref.issued) or [""])[0] if ref.issued else ""
    first = words[0].lower() if words else ""
    values = {"auth": auth, "Auth": auth[:1].upper() + auth[1:], "year": year, "title": first,
              "Title": first[:1].upper() + first[1:],
              "shorttitle": "".join(w[:1].upper() + w[1:].lower() for w in words[:3])}
    return pattern.format(**values) or entry.key


def keys_by_pattern(entries: tuple[Entry, ...], pattern: str) -> dict[str, str]:
    """footnorm's key -> the pattern's key, unique across `entries`."""
    check_pattern(pattern)
    by_key: dict[str, list[str]] = {}
    for e in entries:
        by_key.setdefault(key_for(e, pattern), []).append(e.key)
    out = {}
    for key, olds in by_key.items():
        olds = sorted(set(olds))
        for i, old in enumerate(olds):
            out[old] = key if len(olds) == 1 else key + _suffix(i)
    return out
