"""Runs over several files and an existing bibliography: what to write where, decided before writing.

The CLI reads and analyses every input, asks this module for a Plan (targets, the merged
bibliography, key maps), and only then writes: every target is checked first and each file is
written atomically, so a run that fails on any input leaves nothing behind.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from .errors import FootnormError
from .model import Document
from .output import write_bytes, write_text
from .source import decode

SUFFIX = {"markdown": ".md", "latex": ".tex", "plain": ".txt"}


@dataclass
class Plan:
    """Everything a run will write."""

    writes: list[tuple[str | None, str]] = field(default_factory=list)  # (path, or None for stdout; text)
    backups: list[tuple[str, bytes]] = field(default_factory=list)  # --in-place: FILE.bak, the input's bytes
    folders: list[str] = field(default_factory=list)  # made just before writing
    # --diff: what a write to stdout is compared with (the manuscript's input), by index in `writes`
    bases: dict[int, tuple[str, str]] = field(default_factory=dict)

    def diffs(self) -> str:
        return "".join(unified_diff(path, text, self.bases.get(i)) for i, (path, text) in enumerate(self.writes))

    def carry_out(self) -> list[str]:
        """Write everything (stdout last in order of `writes`); the paths written."""
        made = {Path(f).resolve() for f in self.folders}
        for path in [p for p, _ in self.backups] + [p for p, _ in self.writes]:
            preflight(path, made)  # every target is checked before the first is written
        for folder in self.folders:
            Path(folder).mkdir(parents=True, exist_ok=True)
        for path, data in self.backups:
            write_bytes(path, data)
        written = []
        for path, text in self.writes:
            write_text(path, text)
            if path not in (None, "-"):
                written.append(path)
        return written


def preflight(path: str | None, to_be_made: set[Path] = frozenset()) -> None:
    if path in (None, "-"):
        return
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise FootnormError(f"{path}: is a directory")
    if folder.resolve() in to_be_made and not folder.exists():
        return
    if not folder.is_dir():
        raise FootnormError(f"{path}: directory {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise FootnormError(f"{path}: directory {folder} is not writable")


def unified_diff(path: str | None, new: str, base: tuple[str, str] | None = None) -> str:
    """The change writing `new` to `path` would make; for stdout, the change from the input `base`."""
    old, name = "", path
    if path in (None, "-"):
        name, old = base if base else ("<stdout>", "")
    elif Path(path).is_file():
        old = decode(Path(path).read_bytes(), path)
    import difflib  # only --diff needs it

    return "".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                        fromfile=f"a/{name}", tofile=f"b/{name}"))


def output_targets(files: list[str], output: str | None, in_place: bool, diff: bool,
                   flavour: str) -> tuple[list[str | None], list[str]]:
    """Where each input's manuscript goes (None: stdout), and the folders to make for them."""
    if in_place:
        if output:
            raise FootnormError("--in-place and -o exclude each other")
        if "-" in files:
            raise FootnormError("--in-place needs files, not standard input")
        return list(files), []
    if len(files) == 1:
        return [output], []
    if "-" in files:
        raise FootnormError("standard input (-) can only be read alone")
    if output is None or output == "-":
        if diff:
            return [None] * len(files), []
        raise FootnormError(f"{len(files)} inputs need -o FOLDER, --in-place or --diff")
    folder = Path(output)
    if folder.exists() and not folder.is_dir():
        raise FootnormError(f"{output}: several inputs need a folder, not a file")
    names = [folder / (Path(f).stem + SUFFIX[flavour]) for f in files]
    clashes = {str(n) for n in names if names.count(n) > 1}
    if clashes:
        raise FootnormError(f"two inputs would both be written to {sorted(clashes)[0]}")
    return [str(n) for n in names], ([] if folder.is_dir() else [str(folder)])


def abbreviation_table(path: str | None) -> dict | None:
    """The author's table of abbreviated sources (footnorm.abbreviations, issue 4)."""
    if not path:
        return None
    from .abbreviations import load

    return load(path)


@dataclass(frozen=True, slots=True)
class MergeReport:
    source: str
    new: int
    known: int


def merged_bibliography(bib: str, docs: list[Document], biblatex: bool | None
                        ) -> tuple[str, list[Document], dict[str, str], bool, list[MergeReport]]:
    """The bibliography file's new text (the existing text + appended entries), the documents citing
    by the keys now in it, footnorm's key -> final key, the dialect written, and what each input added.
    `biblatex=None`: new entries in the existing file's dialect (BibLaTeX for a new file)."""
    from .merge import is_biblatex, merge, rekey

    existing = ""
    if Path(bib).is_dir():
        raise FootnormError(f"{bib}: is a directory")
    if Path(bib).is_file():
        existing = decode(Path(bib).read_bytes(), bib)
    if biblatex is None:
        biblatex = is_biblatex(existing) is not False
    text, keymap, out, reports = existing, {}, [], []
    for doc in docs:
        m = merge(text, doc.entries, biblatex)
        text += m.appended
        keymap.update(m.keymap)
        out.append(rekey(doc, m.keymap))
        reports.append(MergeReport(doc.source_name, len(m.new_keys), len(doc.entries) - len(m.new_keys)))
    return text, out, keymap, biblatex, reports


def patterned(docs: list[Document], pattern: str | None) -> tuple[list[Document], dict[str, str]]:
    """The documents with keys from the user's pattern (if any), and footnorm's key -> key now used."""
    from .keypattern import keys_by_pattern
    from .merge import rekey

    entries = {e.key: e for d in docs for e in d.entries}
    if not pattern:
        return docs, {k: k for k in entries}
    keys = keys_by_pattern(tuple(entries.values()), pattern)
    return [rekey(d, keys) for d in docs], keys


def keymap_text(path: str, keymap: dict[str, str]) -> str:
    """footnorm's key -> key used: JSON for a .json file, else tab-separated lines (for sed and make)."""
    if path.endswith(".json"):
        return json.dumps(keymap, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return "".join(f"{old}\t{new}\n" for old, new in sorted(keymap.items()))


def csl_items(docs: list[Document]) -> str:
    """CSL-JSON for every work of every document, once each."""
    from .csl import entries_json

    seen, entries = set(), []
    for doc in docs:
        for e in doc.entries:
            if e.key not in seen:
                seen.add(e.key)
                entries.append(e)
    return entries_json(tuple(entries))
