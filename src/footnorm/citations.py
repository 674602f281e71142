"""Attaching citations to each note: the grammar's, or the Pandoc citations already written there."""

from __future__ import annotations

import os
import pickle
import re
import threading
from dataclasses import replace

from .keys import LEGAL_TYPES
from .model import Citation, Diagnostic, Note, Reference
from .prose import PROSE_WORDS, words
from .references import parse_note_text

# [see @key, 142; @other] — footnorm's own output, read back without re-parsing (idempotence).
PANDOC_GROUP = re.compile(r"\[([^\[\]]*@[^\[\]]*)\]")
PANDOC_ITEM = re.compile(r"^\s*(?P<prefix>[^@;]*?)\s*-?@(?:\{(?P<bkey>[^}]+)\}|(?P<key>[\w:.#$%&+?<>~/-]*\w))\s*(?:,\s*(?P<loc>.*?))?\s*$")


def pandoc_citations(note: Note) -> tuple[Citation, ...] | None:
    found = []
    for g in PANDOC_GROUP.finditer(note.text):
        pos = g.start(1)
        for part in g.group(1).split(";"):
            m = PANDOC_ITEM.match(part)
            if m:
                locator = (m.group("loc") or "").strip()
                found.append(Citation(note.position(pos), note.position(pos + len(part)), part.strip(), "full",
                                      Reference(), m.group("prefix") or "", locator, "page" if locator else "",
                                      m.group("key") or m.group("bkey")))
            pos += len(part) + 1
    return tuple(found) if found else None


WRAPPED_WORD = re.compile(r"[^\W\d_]+-\n[^\W\d_]+")  # a word hyphenated at the end of a line


def dehyphenate(ref: Reference, text: str, start: int, end: int) -> Reference:
    """`pre-\ndictive` in a page-bottom note is one word: join it in the fields that carry it."""
    broken = {m.group(0) for m in WRAPPED_WORD.finditer(text, start, end)}
    if not broken:
        return ref
    changes = {}
    for name in ("title", "container_title", "collection_title", "publisher", "publisher_place"):
        value = getattr(ref, name)
        for word in broken:
            head, tail = word.split("-\n")
            if tail[:1].islower():
                value = value.replace(f"{head}- {tail}", head + tail).replace(f"{head}-{tail}", head + tail)
        if value != getattr(ref, name):
            changes[name] = value
    return replace(ref, **changes) if changes else ref


def _where_published(ref: Reference) -> bool:
    return any((ref.publisher, ref.publisher_place, ref.container_title, ref.url, ref.doi, ref.archive))


def _publication_facts(ref: Reference) -> bool:
    return bool(ref.issued) or _where_published(ref)


def settle_form(c: Citation) -> Citation:
    """A citation is full only when it says where the work was published; `FRUS: Potsdam, Bd. 2, 1587`
    names a work without publication facts, so the author must still complete its entry."""
    if c.form == "full" and not _publication_facts(c.reference):
        return replace(c, form="short")
    return c


def is_commentary(c: Citation) -> bool:
    """A "citation" with no author, no pinpoint and no publication facts is a sentence of the note's
    own prose ("The same case is discussed there."), not a reference to a work — unless it names a
    case or an act by its number ("Case C-5/08", "§ 16 UrhG"), which is all such a citation needs.
    Nor is a long "title" in lower case after one word as its "author": a sentence read from its
    second word."""
    ref = c.reference
    if ref.type in LEGAL_TYPES and any(ch.isdigit() or ch == "§" for ch in ref.title) \
            and sum(w.lower() in PROSE_WORDS for w in words(ref.title)) <= 1:
        return False  # a designation: a case or act number, a section
    if c.locator or ref.volume or _where_published(ref):
        return False
    one_word = not ref.editor and (not ref.author or (len(ref.author) == 1 and ref.author[0].family
                                                      and not ref.author[0].given and " " not in ref.author[0].family))
    if one_word and ref.title[:1].islower() and len(words(ref.title)) >= 6 \
            and not any(ch.isdigit() for ch in ref.title):
        return True  # "Dès 1909, les députés avaient accepté …": a sentence read after its first word
    return c.form == "short" and not (ref.author or ref.editor) and not ref.issued


# Below this many distinct note texts a second process costs more (fork, pickling back) than it saves.
PARALLEL_MIN = 200


def _parse_safely(text: str) -> tuple[tuple[Citation, ...], tuple[Diagnostic, ...]] | str:
    try:
        return parse_note_text(text)
    except Exception as exc:  # the parser promises not to raise; a bug there must not lose the note
        return repr(exc)


def _parse_many(texts: list[str]) -> list:
    return [_parse_safely(t) for t in texts]


def _parse_all(texts: list[str], workers: int) -> list:
    """Each text parsed; with `workers` > 1, the later shares in forked processes.  The parser is
    a pure function of the text, so the split changes nothing in the result."""
    # fork copies only the calling thread: with other threads alive (a Dask worker) it can deadlock
    if workers < 2 or len(texts) < PARALLEL_MIN or threading.active_count() > 1 or not hasattr(os, "fork"):
        return _parse_many(texts)
    size = -(-len(texts) // workers)
    shares = [texts[i:i + size] for i in range(0, len(texts), size)]
    # A bare fork and a pipe per share, not a process pool: importing multiprocessing and
    # starting a pool's threads cost more start-up than a book's second share saves.
    # The first text builds the parsers (~50 ms), here, once, for the children to inherit.
    results = _parse_many(shares[0][:1])
    children = [(share, _fork_parsing(share)) for share in shares[1:]]
    results += _parse_many(shares[0][1:])
    for share, child in children:
        found = _collect(child) if child is not None else None
        results.extend(found if found is not None else _parse_many(share))  # no child to be had: here
    return results


def _fork_parsing(share: list[str]) -> tuple[int, int] | None:
    """(pid, read end of a pipe) of a forked process that parses `share` and writes back the
    pickled results; None when the system has no process to give."""
    try:
        read, write = os.pipe()
        pid = os.fork()
    except OSError:
        return None
    if pid == 0:  # the child: parse, write, and leave without running the parent's exit handlers
        code = 1
        try:
            os.close(read)
            with os.fdopen(write, "wb") as out:
                pickle.dump(_parse_many(share), out, pickle.HIGHEST_PROTOCOL)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def _collect(child: tuple[int, int]) -> list | None:
    """The results a forked child wrote, or None when it failed (the parent then parses its share)."""
    pid, read = child
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or not data:
        return None
    return pickle.loads(data)


def attach(notes: tuple[Note, ...], workers: int = 1) -> tuple[tuple[Note, ...], tuple[Diagnostic, ...]]:
    """Each note with its citations: Pandoc citations already in it, or the grammar's reading.

    `workers` > 1 parses the notes of a long text in that many processes where the platform forks."""
    existing = [pandoc_citations(note) for note in notes]
    # Line breaks from the page are spaces to the grammar; the length stays, so offsets hold.
    flat = [note.text.replace("\n", " ") for note in notes]
    # Books repeat their notes ("Ibid.", "Ibid., 12.", the same short form): parse each text once.
    texts = list(dict.fromkeys(t for t, e in zip(flat, existing) if e is None))
    parsed = dict(zip(texts, _parse_all(texts, workers)))
    out, diags = [], []
    for note, flat_text, found in zip(notes, flat, existing):
        if found is not None:
            out.append(note.with_citations(found))
            continue
        result = parsed[flat_text]
        if isinstance(result, str):
            cites, ds = (), (Diagnostic("parser-error", "error", f"note {note.number}: {result}", 0, len(note.text)),)
        else:
            cites, ds = result
        if "-\n" in note.text:
            cites = tuple(replace(c, reference=dehyphenate(c.reference, note.text, c.start, c.end)) for c in cites)
        settled = (settle_form(c) for c in cites)
        out.append(note.with_citations(tuple(c.spanning(note.position(c.start), note.position(c.end))
                                             for c in settled if not is_commentary(c))))
        diags.extend(d.spanning(note.position(d.start), note.position(d.end)) for d in ds)
    return tuple(out), tuple(diags)
