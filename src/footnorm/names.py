"""Personal names in citations: does a field look like names, and how to split it.

Notes write names in display order ("Tsuyoshi Hasegawa", "R. J. J. Cluxton",
"Ludwig van Beethoven"); bibliographies invert the first or every name
("Hasegawa, Tsuyoshi", "Bergk, V., Haefeli, W. E. & Gasse, C.").  Joiners come in
every language the notes are written in (and, &, und, e, et, y), and lists may end
with "et al." / "u. a." / "et coll.", which are dropped.
"""

from __future__ import annotations

import functools
import re

from .model import Name

# Lower-case words allowed inside a name: particles of family names.
PARTICLES = frozenset(
    "van von de der den del della delle dei degli di da das dos du des la le ten ter "
    "vom zu zur y e bin ibn al el af av zum st. st d' dal".split()
)
JOINERS = frozenset(["and", "&", "und", "e", "et", "y", "u.", "i", "og", "en", "och"])
_ET_AL = re.compile(
    r",?\s*\(?(?:et\s+al(?:ii|\.)?|u\.\s?a\.|et\s+coll\.|and\s+others|y\s+otros|e\s+altri|"
    r"und\s+andere|et\s+autres|e\s+outros)\.?\)?\s*$",
    re.I,
)
_ET_AL_ENDS = ("al", "alii", "coll", "others", "otros", "altri", "andere", "autres", "outros")  # before a last stop
_SUFFIX = re.compile(r"^(?:Jr|Sr|II|III|IV|Jun|Sen)\.?$")
# A token that can be part of a personal name: a capitalised word (hyphens and
# apostrophes inside), an all-caps family name, or initials such as "J.", "J.-P.", "A.J.".
# Combining marks (U+0300–U+036F) count as letters: decomposed "Suárez" is a name too.
_NAME_WORD = re.compile(
    r"^(?:[A-ZÀ-ÖØ-ÞĀ-Ž][^\s\d,;:()\[\]“”\"«»!?.&]*\.?|(?:[A-ZÀ-ÖØ-Þ]\.-?){1,4}[A-ZÀ-ÖØ-Þ]?\.?|"
    r"(?:[A-ZÀ-ÖØ-Þ]\.){1,3}[A-ZÀ-ÖØ-Þ][\w\u0300-\u036f’'\-]+|"
    r"(?:d'|D'|O'|O’|d’|l'|dall')[A-ZÀ-ÖØ-Þ][\w\u0300-\u036f’'\-]*)$"
)
_INITIALS = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ]\.?-?){1,4}$|^(?:[A-ZÀ-ÖØ-Þ][a-z]?\.-?)+$")
# Capitalised words that start titles and commentary, never names.
_NOT_NAME = frozenset(
    "The An On In Of For From To With Towards Toward Why How What When Where "
    "Is Are Was Do Does Der Die Das Ein Eine Zur Zum Über Le La Les Un Une Des Du "
    "Il Lo Gli Una El Los Las Sobre Para Por Con See Cf Vgl Siehe Ibid Ibidem Ebd "
    "This That These Those It Its Also But And Or Not No New Journal Review Proceedings "
    "University Press Report Committee Court Act Law Article Chapter Vol Volume Part "
    "Introduction History Theory Studies Study Analysis Handbook".split()
)


_SPACED_INITIALS = re.compile(r"\b([A-Z]) \.")  # OCR: "R . A . Easterlin"
# a name broken at the line's end: "K . Lock- ridge" (but "Bildungs- und …" is a suspended compound)
_BROKEN_WORD = re.compile(r"(?<=[a-zà-ÿ])- (?!(?:und|oder|bzw|sowie|and|or|et|ou|e|y|o)\b)(?=[a-zà-ÿ])")


def _mend(text: str) -> str:
    if " ." in text:
        text = _SPACED_INITIALS.sub(r"\1.", text)
    return _BROKEN_WORD.sub("", text) if "- " in text else text


def strip_et_al(text: str) -> tuple[str, bool]:
    """Remove a trailing "et al." (and kin); say whether one was there."""
    # _ET_AL ends the text: one of its forms (et al, et alii, u. a., et coll., and others, y otros,
    # e altri, und andere, et autres, e outros), then only stops, a parenthesis and spaces.  An
    # ASCII ending that is none of these rules it out without a search over the whole text (a
    # non-ASCII character may case-fold to an ASCII letter under re.I: such an ending is searched).
    i = len(text)
    while i and (text[i - 1] in ".)" or text[i - 1].isspace()):
        i -= 1
    tail = text[max(0, i - 8) : i]
    if tail.isascii():
        low = tail.lower()
        if not (low.endswith(_ET_AL_ENDS) or low.endswith("a") and (low[-3:-1] == "u." or low[-4:-2] == "u." and low[-2].isspace())):
            return text, False
    m = _ET_AL.search(text)
    if m and m.start() > 0:
        return text[: m.start()].rstrip(" ,"), True
    return text, False


@functools.lru_cache(maxsize=8192)
def looks_like_names(text: str, *, max_words: int = 14) -> bool:
    """A field of one or more personal names in display or inverted order."""
    text, _ = strip_et_al(_mend(text.strip()))
    if not text or len(text) > 160:
        return False
    words = text.replace(",", " , ").split()
    if not words or len(words) > max_words:
        return False
    if len(words) > 1 and re.fullmatch(r"[a-z]\.", words[0]):  # OCR: "d. Vandaele"; "e. Vuori" is no joiner "e"
        words = [words[0].upper()] + words[1:]
    if len(words) > 1 and words[0] in _NOT_NAME or words[0].lower() in JOINERS:
        return False
    capitalised = 0
    for w in words:
        if w == ",":
            continue
        lw = w.lower()
        if lw in JOINERS or lw in PARTICLES or _SUFFIX.match(w):
            continue
        # (letters only is no digit: the per-character test only for the other words)
        if not w.isalpha() and any(ch.isdigit() for ch in w) or w.endswith("-"):
            return False  # "Bildungs- und Wissenschaftsschranke": a compound's suspended half is no name
        if not _NAME_WORD.match(w):
            return False
        capitalised += 1
    return capitalised >= 1


# "Dreier/Schulze/Dreier": German legal writing joins authors (and a commentary's editors) by slashes
_NAME_JOINER = re.compile(r"\s*,\s*(?:(?:and|und|et|e|y|&)\s+)?|\s+(?:and|und|et|e|y|&)\s+|(?<=[^\W\d])\s?/\s?(?=[^\W\d])")


def _split_joined(text: str) -> list[str]:
    """Split 'A and B', 'A, B, and C', 'A & B', 'A e B', 'A und B' into names."""
    parts = _NAME_JOINER.split(text)
    return [p.strip() for p in parts if p and p.strip()]


def split_display_name(text: str) -> Name:
    """'Tsuyoshi Hasegawa' -> Name(family='Hasegawa', given='Tsuyoshi')."""
    text = text.strip().strip(",")
    if not text:
        return Name()
    if "," in text:  # inverted: "Hasegawa, Tsuyoshi"
        family, _, given = text.partition(",")
        return _with_particle(family.strip(), given.strip())
    words = text.split()
    suffix = ""
    if len(words) > 1 and _SUFFIX.match(words[-1]):
        suffix = words.pop()
    if len(words) == 1:
        return Name(family=words[0], suffix=suffix)
    if len(words) >= 2 and _INITIALS.match(words[-1]) and not _INITIALS.match(words[0]) and len(words[0]) > 1 and not (
        words[0].isupper() and "." not in words[-1] and len(words[-1]) > 2
    ):
        # "GAUDICHAUD F." / "Quill N": family first, initials after
        return _with_particle(" ".join(words[:-1]), words[-1])
    if len(words) == 2 and words[0].isupper() and words[0].isalpha() and len(words[0]) > 2 and not words[1].isupper():
        return Name(family=words[0], given=words[1], suffix=suffix)  # "BARONE Robert"
    if len(words) == 2 and words[0].lower() in PARTICLES and words[0][:1].isupper():
        return Name(family=words[1], particle=words[0], suffix=suffix)  # "Del Rey", "Van Dijk"
    # Particles: "Ludwig van Beethoven" -> given Ludwig, particle van.
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in PARTICLES:
        i -= 1
    family_words = words[i:]
    given_words = words[:i]
    particle = []
    while family_words[:-1] and family_words[0].lower() in PARTICLES:
        particle.append(family_words.pop(0))
    # "ALL CAPS" family names written first: "GAÏTI Brigitte" is rare in notes; keep order.
    return Name(
        family=" ".join(family_words),
        given=" ".join(given_words),
        particle=" ".join(particle),
        suffix=suffix,
    )


def _with_particle(family: str, given: str) -> Name:
    words = family.split()
    particle = []
    while len(words) > 1 and words[0].lower() in PARTICLES:
        particle.append(words.pop(0))
    # "Bloch, Marc de" style particle after the given name
    gwords = given.split()
    while len(gwords) > 1 and gwords[-1].lower() in PARTICLES:
        particle.insert(0, gwords.pop())
    return Name(family=" ".join(words), given=" ".join(gwords), particle=" ".join(particle))


@functools.lru_cache(maxsize=8192)  # pure, and a note repeats its authors' names
def split_family_names(text: str) -> tuple[Name, ...]:
    """Names of a short note, family names only: 'Vander Linden, Cumming, and Martin'."""
    text, _ = strip_et_al(_mend(text.strip().rstrip(",;")))
    out = []
    for piece in _split_joined(text):
        words = piece.split()
        if any(_INITIALS.match(w) for w in words[:-1]) or len(words) > 3:
            out.append(split_display_name(piece))  # initials: not a family name alone
            continue
        particle = []
        while len(words) > 1 and words[0].islower() and words[0] in PARTICLES:
            particle.append(words.pop(0))
        out.append(Name(family=" ".join(words), particle=" ".join(particle)))
    return tuple(n for n in out if n.family)


@functools.lru_cache(maxsize=8192)  # pure, and a note repeats its authors' names
def split_names(text: str) -> tuple[Name, ...]:
    """Split a display-order name list: 'David Hoiem, Alexei Efros, and Martial Hebert'."""
    text, _ = strip_et_al(_mend(text.strip().rstrip(",;")))
    text = text.strip()
    if not text:
        return ()
    return tuple(n for n in (split_display_name(p) for p in _split_joined(text)) if n.family)


@functools.lru_cache(maxsize=8192)  # pure, and a note repeats its authors' names
def split_inverted_names(text: str) -> tuple[Name, ...]:
    """Split a bibliography name list, inverted or not, name by name.

    'Bergk, V., Haefeli, W. E. & Gasse, C.' / 'Cvetkovich, George, and Patricia L. Winter'
    / 'Wu, N.; Mo, Y.' / 'McAllister AK, Katz LC' (Vancouver) / 'R. S. Zemel, M. C. Mozer'
    """
    text, _ = strip_et_al(_mend(text.strip().rstrip(",;")))
    text = re.sub(r"(?:,\s*|\s+)(?:and|und|et|e|y|&)\s+", " ; ", text)
    pieces = [p.strip() for p in re.split(r"[,;]", text) if p.strip()]
    names: list[Name] = []
    inverted_list = False
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        words = piece.split()
        nxt = pieces[i + 1] if i + 1 < len(pieces) else ""
        if _SUFFIX.match(piece) and names:  # "Ferren, W. R., Jr."
            last = names[-1]
            names[-1] = Name(family=last.family, given=last.given, particle=last.particle, suffix=piece)
            i += 1
            continue
        if len(words) >= 2 and _SUFFIX.match(words[-1]) and nxt and (_is_given_part(nxt) or _is_plain_given(nxt)):  # "Blyth Jr., C."
            names.append(Name(family=" ".join(words[:-1]), given=nxt, suffix=words[-1]))
            i += 2
            continue
        if len(words) >= 2 and _is_given_part(words[-1]) and not _is_given_part(words[0]) and len(words[0]) > 1:
            # Vancouver / astronomy: "McAllister AK", "Dias F.C.", "Lipeck U. W."
            cut = len(words) - 1
            while cut > 1 and _is_given_part(words[cut - 1]):
                cut -= 1
            names.append(_with_particle(" ".join(words[:cut]), " ".join(words[cut:])))
            i += 1
            continue
        if nxt and len(words) <= 3 and not _is_given_part(piece) and (
            _is_given_part(nxt) or ((i == 0 or inverted_list) and _is_plain_given(nxt) and (
                len(words) == 1 or len(words) == 2 and (words[0].lower() in PARTICLES or len(nxt.split()) == 1)
                or len([w for w in words if w.lower() not in PARTICLES]) <= 2 and len(nxt.split()) == 1
            ))
        ) and not (len(words) >= 2 and _is_given_part(words[0])):
            names.append(_with_particle(piece, nxt))
            inverted_list = inverted_list or i == 0
            i += 2
            continue
        names.append(split_display_name(piece))
        i += 1
    return tuple(n for n in names if n.family)


def _is_given_part(piece: str) -> bool:
    """'V.' 'W. E.' 'J.-P.' 'Y.Y.' 'M. L' — initials after a comma are a given name."""
    words = piece.split()
    return bool(words) and all(_INITIALS.match(w) for w in words)


def _is_plain_given(piece: str) -> bool:
    """'George' 'Edward P.' 'Marie-Claire' — the given part of an inverted first name."""
    words = piece.split()
    return 0 < len(words) <= 3 and all(
        _NAME_WORD.match(w) or w.lower() in PARTICLES for w in words
    ) and words[0] not in _NOT_NAME
