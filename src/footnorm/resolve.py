"""Which work each citation refers to: ibid. to its antecedent, short forms to full forms."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

from .abbreviations import expand
from .keys import assign_keys, fold
from .model import Diagnostic, Entry, Note, Reference

_PUNCT = re.compile(r"[^\w\s]+")


# A book repeats its names and titles in every short form: each distinct string is folded once.
@functools.lru_cache(maxsize=8192)
def norm(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", fold(text).casefold()).split())


def families(ref: Reference) -> tuple[str, ...]:
    """First-author-first family names, particles joined in: "van der Linden" and "Vander Linden",
    "del Rey" and "Del Rey" are one name however a note split them."""
    names = ref.author or ref.editor
    return tuple(norm(f"{n.particle}{n.sort_name}").replace(" ", "") for n in names)


def name_tokens(ref: Reference) -> set[str]:
    names = ref.author or ref.editor
    return {t for n in names for t in norm(f"{n.given} {n.particle} {n.family} {n.literal}").split() if len(t) > 1}


@dataclass(frozen=True, slots=True)
class Probe:
    """A reference's names and title, normalised once: resolution compares them many times."""

    fams: tuple[str, ...]
    title: str
    tokens: frozenset[str]

    @classmethod
    def of(cls, ref: Reference) -> Probe:
        return cls(families(ref), identifying_title(ref), frozenset(name_tokens(ref)))


def identifying_title(ref: Reference) -> str:
    """The title, or for a work cited without one ("Raue, ZGE 2017, 514") its journal, year and
    first page: two such articles of one author are two works."""
    if ref.title or not (ref.container_title and ref.page):
        return norm(ref.title)
    return norm(f"{ref.container_title} {ref.issued} {ref.page}")


class Work:
    def __init__(self, wid: str, reference: Reference, full: bool):
        self.wid, self.full, self.order = wid, full, -1
        self.reference = reference

    @property
    def reference(self) -> Reference:
        return self._reference

    @reference.setter
    def reference(self, ref: Reference) -> None:
        self._reference, self.probe = ref, Probe.of(ref)

    def matches_short(self, ref: Reference | Probe) -> bool:
        p = ref if isinstance(ref, Probe) else Probe.of(ref)
        mine = self.probe
        same_author = not p.fams or mine.fams[:1] == p.fams[:1]
        if not p.title:
            return bool(p.fams) and same_author
        short, full = p.title, mine.title
        if not short or not full:
            return False
        if full.startswith(short) or short.startswith(full):
            title_match = True
        else:
            # Chicago short titles keep the key words but may drop articles and subtitles.
            sw, fw = short.split(), set(full.split())
            title_match = len(sw) >= 1 and all(w in fw for w in sw)
        if not title_match:
            return False
        if same_author:
            return True
        # The names were split differently in the full and the short note ("Janie Voyer" read as
        # a family name): the same long title and a shared name word still make one work.
        return len(short.split()) >= 3 and bool(p.tokens & mine.tokens)


class WorkIndex:
    """Works by name word and title word, so a short form is compared with the few works that could
    be its full form, not with every work of the book (which made resolution quadratic)."""

    def __init__(self) -> None:
        self.works: list[Work] = []
        self._by_word: dict[str, set[int]] = {}

    def add(self, work: Work) -> None:
        work.order = len(self.works)
        self.works.append(work)
        self.reindex(work)

    def reindex(self, work: Work) -> None:
        p = work.probe
        for word in (*p.fams, *p.tokens, *p.title.split()):
            self._by_word.setdefault(word, set()).add(work.order)

    def candidates(self, p: Probe) -> list[Work]:
        """Most recent first, as a short form refers to the nearest matching work."""
        keys = p.fams[:1] + tuple(p.tokens) if p.fams else tuple(p.title.split()[:1])
        ids = set().union(*(self._by_word.get(k, set()) for k in keys)) if keys else set()
        return [self.works[i] for i in sorted(ids, reverse=True)]


def _years_agree(a: Reference, b: Reference) -> bool:
    return not (a.issued and b.issued and a.issued[:4] != b.issued[:4])


def _merge(a: Reference, b: Reference) -> Reference:
    """Fill a's empty fields from b."""
    changes = {}
    for name in a.__dataclass_fields__:
        if not getattr(a, name) and getattr(b, name):
            changes[name] = getattr(b, name)
    return replace(a, **changes) if changes else a


def resolve(notes: tuple[Note, ...], abbreviations: dict[str, Reference] | None = None
            ) -> tuple[tuple[Note, ...], tuple[Entry, ...], tuple[Diagnostic, ...]]:
    """Works for every citation; keys come from the citations as written, so an abbreviations
    table expands the entries without renaming them."""
    index = WorkIndex()
    works = index.works
    by_ident: dict[tuple, Work] = {}
    assigned: list[list[Work | None]] = []
    diags: list[Diagnostic] = []
    previous: list[Work | None] = []

    def new_work(ref: Reference, full: bool, probe: Probe) -> Work:
        wid = "|".join((",".join(probe.fams), probe.title or norm(ref.container_title), ref.volume if not full else ""))
        w = Work(wid, ref, full)
        index.add(w)
        return w

    for note in notes:
        mine: list[Work | None] = []
        for c in note.citations:
            ref = c.reference
            work: Work | None = None
            if c.form == "ibid":
                if mine and mine[-1] is not None:
                    work = mine[-1]
                elif previous:
                    candidates = [w for w in previous if w is not None]
                    if len(set(id(w) for w in candidates)) > 1:
                        diags.append(Diagnostic("ambiguous-ibid", "warning",
                                                f"ibid. in note {note.number} follows a note citing several works; "
                                                "taken as the last of them", c.start, c.end))
                    work = candidates[-1] if candidates else None
                if work is None:
                    diags.append(Diagnostic("ibid-without-antecedent", "warning",
                                            f"ibid. in note {note.number} has no preceding citation", c.start, c.end))
                elif not ref.is_empty():
                    work = None  # "Ibid., Title" style with its own fields: treat as a short form below
                if work is not None:
                    mine.append(work)
                    continue
            if ref.is_empty():
                mine.append(None)
                continue
            # The same author and title, or a short form of a work already cited: one work.
            probe = Probe.of(ref)
            ident = (probe.fams, probe.title)
            full = c.form == "full"
            work = by_ident.get(ident)
            if work is None:
                work = next((w for w in index.candidates(probe)
                             if w.matches_short(probe) and _years_agree(w.reference, ref)), None)
            if work is None:
                work = new_work(ref, full, probe)
            else:
                if full and not work.full:
                    work.reference = _merge(ref, work.reference)
                    work.full = True
                else:
                    if work.reference.editor and not work.reference.author:
                        ref = replace(ref, author=())  # a short form names an edited volume's editors
                    work.reference = _merge(work.reference, ref)
                index.reindex(work)
            by_ident[ident] = work
            mine.append(work)
        assigned.append(mine)
        if any(w is not None for w in mine):
            previous = mine

    keys = assign_keys([(w.wid, w.reference) for w in works])
    out_notes = []
    for note, mine in zip(notes, assigned):
        cites = tuple(c.keyed(keys[w.wid]) if w is not None else c for c, w in zip(note.citations, mine))
        out_notes.append(note.with_citations(cites))
    seen: dict[str, Entry] = {}
    for w in works:
        k = keys[w.wid]
        if k not in seen:
            reference, known = expand(w.reference, abbreviations) if abbreviations else (w.reference, False)
            seen[k] = Entry(k, reference, incomplete=not (w.full or known))
    entries = tuple(sorted(seen.values(), key=lambda e: e.key))
    return tuple(out_notes), entries, tuple(diags)
