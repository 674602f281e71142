"""Finding note markers, note texts and page furniture in a manuscript.

Explicit markup (`[^n]`, `\\footnote{}`) is read as written. Flattened text is
handled in three moves: every digit run that could be a marker or a note's
number becomes a scored candidate from its local context; the numbering then
chooses among them globally (`choose_sequence`, a best-path search in which
consecutive numbers reward each other); and the chosen note numbers decide
where each note's text begins and ends.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from .model import Artefact, Diagnostic, Marker, Note
from .prose import (
    PROSE_WORDS, SIGNAL, capitals_lost, citation_likeness, has_reference_feature, is_back_reference, sentence_ends, words,
)
from .source import LineIndex


@dataclass(frozen=True, slots=True)
class Candidate:
    number: int
    start: int  # the digits
    end: int
    score: float
    style: str  # markers: bare, glued, paragraph, paren, superscript, bracket; labels: line, lone, inline
    text_start: int = -1  # labels: where the note text begins

    def rescored(self, delta: float) -> Candidate:
        # dataclasses.replace is the slow path here: this runs once per digit in the text
        return Candidate(self.number, self.start, self.end, self.score + delta, self.style, self.text_start)


@dataclass(frozen=True, slots=True)
class Layout:
    markers: tuple[Marker, ...]
    notes: tuple[Note, ...]
    artefacts: tuple[Artefact, ...]
    diagnostics: tuple[Diagnostic, ...]


# --------------------------------------------------------------------------- explicit markup

MD_DEF = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]*", re.MULTILINE)
MD_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")
PANDOC_CITATION = re.compile(r"\[[^\[\]\n]{0,200}?(?<![\w\\])-?@(?:\{|[\w])")


def _ascii_digits(s: str) -> bool:
    """str.isdigit() also accepts '¹', which int() and the numbering cannot use."""
    return s.isascii() and s.isdigit()


def _md_number(label: str, fallback: int) -> int:
    return int(label) if _ascii_digits(label) else fallback


def scan_markdown(text: str, index: LineIndex) -> Layout:
    markers, notes = [], []
    defs = list(MD_DEF.finditer(text))
    def_spans = []
    for k, m in enumerate(defs):
        # A definition runs until the next definition, or a blank line not followed by an indented line.
        stop = defs[k + 1].start() if k + 1 < len(defs) else len(text)
        end = m.end()
        pos = m.end()
        while pos < stop:
            nl = text.find("\n", pos, stop)
            line_end = stop if nl == -1 else nl
            if text[pos:line_end].strip():
                end = line_end
            elif line_end + 1 < stop and not text[line_end + 1 : line_end + 2].isspace():
                # blank line followed by a non-indented line ends the footnote
                nxt = line_end + 1
                if text[nxt:nxt + 4] != "    " and text[nxt] != "\t":
                    break
            pos = line_end + 1
        body_text = text[m.end():end]
        # strip trailing whitespace inside the span
        while end > m.end() and text[end - 1].isspace():
            end -= 1
        body_text = text[m.end():end]
        line, col = index.position(m.start())
        notes.append(Note(_md_number(m.group(1), k + 1), body_text, m.end(), end, "definition",
                          m.start(), m.end(), line, col, label=m.group(1)))
        def_spans.append((m.start(), max(end, m.end())))
    order = {}
    for m in MD_REF.finditer(text):
        if any(s <= m.start() < e for s, e in def_spans):
            continue  # a reference inside a definition text is a nested note, not a body marker
        order.setdefault(m.group(1), len(order) + 1)
        line, col = index.position(m.start())
        markers.append(Marker(_md_number(m.group(1), order[m.group(1)]), m.start(), m.end(), line, col,
                              "markdown", m.group(1)))
    return Layout(tuple(markers), tuple(notes), (), ())


FOOTNOTE_CMD = re.compile(r"\\footnote(?:\[[^\]]*\])?\{")


def scan_latex(text: str, index: LineIndex) -> Layout:
    markers, notes, artefacts, diags = [], [], [], []
    number = 0
    for m in FOOTNOTE_CMD.finditer(text):
        depth, pos = 1, m.end()
        while pos < len(text) and depth:
            ch = text[pos]
            if ch == "\\":
                pos += 2
                continue
            depth += (ch == "{") - (ch == "}")
            pos += 1
        line, col = index.position(m.start())
        if depth:
            diags.append(Diagnostic("unclosed-footnote", "error", "\\footnote{ is never closed",
                                    m.start(), m.end(), line, col))
            continue
        number += 1
        markers.append(Marker(number, m.start(), m.end(), line, col, "latex"))
        notes.append(Note(number, text[m.end():pos - 1], m.end(), pos - 1, "latex", -1, -1, line, col))
        artefacts.append(Artefact("note-delimiter", pos - 1, pos, "}"))
    return Layout(tuple(markers), tuple(notes), tuple(artefacts), tuple(diags))


# --------------------------------------------------------------------------- page furniture

NOTES_HEADING = re.compile(
    r"(?:(?:chapter\s+)?(?:end\s*notes?|notes?)(?:\s+(?:and|et|y|und)\s+(?:references|références|referencias|"
    r"sources|quellen))?(?:\s+(?:to|for|on)\s+chapter\s+[\divxlc]{1,5})?|references\s+and\s+notes|"
    r"footnotes|anmerkungen|fußnoten|fussnoten|endnoten|notas|note|références)\s*:?",
    re.IGNORECASE,
)
PAGE_NUMBER = re.compile(r"[-–—]?\s*(?:page\s+|seite\s+|p\.\s*)?(\d{1,4}|[ivxlc]{1,6})\s*[-–—]?", re.IGNORECASE)
PIPE_HEAD = re.compile(r"\d{1,4}\s*[|•](?:\s*\S.{0,200})?|\S.{0,200}[|•]\s*\d{1,4}")
LOWER = re.compile(r"[a-z]")
FOLIO_AT_EDGE = re.compile(r"^\d{1,4}\s|\s\d{1,4}$")  # a page number beside a running head
# What a download stamp carries besides its link: a time of day, a copyright or licence, a download.
STAMP_DETAIL = re.compile(r"\d\d:\d\d|©|open access|licen[cs]e|download|heruntergeladen|\bagb\b", re.IGNORECASE)
BARE_LINK = re.compile(r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?")
LINKISH = re.compile(r"https?://|www\.|©|\bdoi\b", re.IGNORECASE)
PUBLISHED_BY = re.compile(r"published\s+by\b|publiziert\s+(?:von|bei)|publicado\s+por|publié\s+par", re.IGNORECASE)
ARTICLE_DOI = re.compile(r"(?:DOI:?\s*|https?://(?:dx\.)?doi\.org/)(10\.\d{4,9}/\S+?)\.?", re.IGNORECASE)
STAMP = re.compile(r"(?:downloaded|heruntergeladen|descargado|téléchargé)\s+(?:from|von|de|desde)\b", re.IGNORECASE)
CITED_IN_CAPS = re.compile(r"[;(),]")  # a note citing in small capitals has the punctuation of a citation
RUNNING_HEAD = re.compile(r"(?:\d{1,4}\s+[^a-z\n]{6,}|[^a-z\n]{6,}\s\d{1,4})")


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    while pos <= len(text):
        nl = text.find("\n", pos)
        if nl == -1:
            out.append((pos, len(text)))
            break
        out.append((pos, nl))
        pos = nl + 1
    return out


BIBLIOGRAPHY_HEADING = re.compile(
    r"(?:bibliography|references|works\s+cited|literature|literatur(?:verzeichnis)?|bibliografía|bibliografia|"
    r"bibliographie|références(?:\s+bibliographiques)?|quellen-?\s+und\s+literaturverzeichnis|referencias)\s*:?",
    re.IGNORECASE,
)
_ENTRY_HINT = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b|https?://|\bdoi\b|\bpp?\.\s*\d", re.IGNORECASE)


INTRODUCTION_HEADING = re.compile(
    r"(?:(?:\d{1,2}|[IVX]{1,4})\.?\s*)?(?:introduction|einleitung|introducción|introduzione|introdução|"
    r"cap[íi]tulo\s+primero\b.*|wprowadzenie|inleiding)\s*:?",
    re.IGNORECASE,
)
# "1. Does the Directive protect …", "I.": the first section of an article whose sections have no names
FIRST_SECTION = re.compile(r"(?:1|I)\.(?:\s+[A-Z\"“‘'][^.]*[^.\d])?")
NOTE_LINE = re.compile(r"\d{1,3}\s+[A-Z]")
FRONT_HINT = re.compile(r"\b(?:abstract|keywords?|schlüsselwörter|zusammenfassung|resumen|palabras clave|"
                        r"riassunto|résumé|mots-clés|issn|doi)\b|©", re.IGNORECASE)


def _front_matter_end(stripped: list[str]) -> int:
    """The line where an article's text begins, after its title page and abstract.

    Only an article shows both an abstract, keywords, ISSN or DOI and then an introduction heading
    near its start; anything else has no front matter and keeps every line as text.
    """
    limit, seen, hint, noted = 0, 0, -1, False
    for i, line in enumerate(stripped):
        seen += len(line) + 1
        if seen > 12000:
            break
        if FRONT_HINT.search(line):
            hint, noted = i, False
        elif NOTE_LINE.match(line):
            noted = True
        if len(line) <= 40 and INTRODUCTION_HEADING.fullmatch(line):
            limit = i
            break
        # A bare "1." or "I." heads the article only right after the title page: once notes have
        # appeared since the last abstract or DOI line, the text has begun already.
        if len(line) <= 100 and FIRST_SECTION.fullmatch(line) and hint >= 0 and not noted \
                and not stripped[i - 1].endswith((",", "-")):
            limit = i
            break
    if limit and hint >= 0:
        return limit
    return 0


def _bibliography_start(stripped: list[str]) -> int:
    """The line of a closing bibliography's heading, or len(lines): only the last such heading
    counts, and only when the lines after it look like references (years, links, page ranges)."""
    for i in range(len(stripped) - 1, -1, -1):
        if len(stripped[i]) <= 45 and BIBLIOGRAPHY_HEADING.fullmatch(stripped[i]):
            after = [x for x in stripped[i + 1:i + 40] if x]
            # references wrap over two to four lines, and one of them carries the year or the link
            if len(after) >= 3 and sum(bool(_ENTRY_HINT.search(x)) for x in after) >= len(after) * 0.3:
                return i
            break
    return len(stripped)


def _next_note_number(stripped: list[str], before: int) -> int:
    """One more than the number of the last numbered line before line `before` (0 when none is)."""
    for i in range(before - 1, -1, -1):
        if m := LEADING_NUMBER.match(stripped[i]):
            return int(m.group(1)) + 1
    return 0


def _furniture_key(line: str) -> str:
    # Running heads differ only in their folio; the same line of type keeps its spacing, so
    # dropping the digits is enough (no whitespace normalising: this runs on every line).
    return DIGITS.sub("", line).strip().casefold()  # a regex: faster than str.translate


FOUR_LETTERS = re.compile(r"(?:[\W\d_]*[^\W\d_]){4}")  # complementary classes: no backtracking
LEADING_NUMBER = re.compile(r"(\d{1,3})\s")


def _numbered_nearby(count: int, i: int, n: int, number_of) -> bool:
    """Whether a line within three of line i starts with n - 1 or n + 1, as `number_of(j)` reads
    line j's number (None for none): lines numbered in a row are notes."""
    return any(number_of(j) in (n - 1, n + 1) for j in range(max(0, i - 3), min(count, i + 4)) if j != i)


def _among_notes(stripped: list[str], i: int) -> bool:
    """Whether line i starts with a number n and a line close by starts with n - 1 or n + 1: a note
    repeating an earlier one ("64 MICH. COMP. LAWS § 380"), not a running head with its folio."""
    m = LEADING_NUMBER.match(stripped[i])
    if not m:
        return False

    def number_of(j: int) -> int | None:
        other = LEADING_NUMBER.match(stripped[j])
        return int(other.group(1)) if other else None

    return _numbered_nearby(len(stripped), i, int(m.group(1)), number_of)


PAGE_EDGE = 3  # non-blank lines: a head sits above the page's text, with the author's name or the folio by it


def _page_edges(text: str, lines: list[tuple[int, int]], stripped: list[str]) -> list[int] | None:
    """Per line, its page where it is among the first or last PAGE_EDGE non-blank lines of that
    page, else -1; None when the text has no form feeds and so no known pages."""
    if "\f" not in text:
        return None
    page, edges, seen = 0, [-1] * len(lines), 0
    for i, (s, e) in enumerate(lines):
        if "\f" in text[s:e]:
            page, seen = page + 1, 0
        if stripped[i]:
            if seen < PAGE_EDGE:
                edges[i] = page
            seen += 1
    seen = 0
    for i in range(len(lines) - 1, -1, -1):
        if stripped[i]:
            if seen < PAGE_EDGE:
                edges[i] = page
            seen += 1
        if "\f" in text[lines[i][0]:lines[i][1]]:
            page, seen = page - 1, 0
    return edges


def _pages_per_key(line_keys: list[str], edges: list[int]) -> dict[str, int]:
    """How many pages carry each key at their edge: a running head recurs from page to page where
    a prose line that happens to end in a number does not."""
    pages: dict[str, int] = {}
    last: dict[str, int] = {}
    for k, page in zip(line_keys, edges):
        if k and page >= 0 and last.get(k) != page:
            last[k] = page
            pages[k] = pages.get(k, 0) + 1
    return pages


NOTES_RULE = re.compile(r"[_\-–—]{5,}")
STARTS_LIKE_A_LABEL = re.compile(r"\[?\d{1,3}\]?[.)]?(?:\s|[^\W\d_])|[¹²³⁴⁵⁶⁷⁸⁹]")  # "12 ", "[12]", "12.", "12Text"


def _label_follows(stripped: list[str], i: int) -> bool:
    """Whether the first line after line i that is not blank starts with a note's number."""
    return next((bool(STARTS_LIKE_A_LABEL.match(line)) for line in stripped[i + 1:i + 4] if line), False)


def find_furniture(text: str, lines: list[tuple[int, int]], caseless: bool = False) -> dict[int, str]:
    """Line number -> artefact kind, for page numbers, running heads, stamps and notes headings.

    Cheap guards (length, first character) come before each pattern: this runs on every line.
    A running head is known by its capital unless the text lost its capitals (`caseless`).
    """
    stripped = [text[s:e].strip() for s, e in lines]
    line_keys = [_furniture_key(line) if 6 <= len(line) <= 200 else "" for line in stripped]
    # "1940. 84" and "1941. 85" share a key, but a running head has words
    line_keys = [k if k and FOUR_LETTERS.match(k) else "" for k in line_keys]
    keys: dict[str, int] = {}
    for k in line_keys:
        if k:
            keys[k] = keys.get(k, 0) + 1
    edges = _page_edges(text, lines, stripped)
    at_edges = _pages_per_key(line_keys, edges) if edges is not None else {}
    kinds: dict[int, str] = {}
    bibliography_from = _bibliography_start(stripped)
    body_from = _front_matter_end(stripped)
    notes_go_on, note_lines = _next_note_number(stripped, bibliography_from), 0
    for i, line in enumerate(stripped):
        if not line:
            continue
        if i < body_from:
            kinds[i] = "front-matter"
            continue
        if i >= bibliography_from:
            if i > bibliography_from and (m := LEADING_NUMBER.match(line)) and int(m.group(1)) == notes_go_on:
                # a page-bottom note on a page of the bibliography: its number counts on from the notes,
                # and its lines run to the page's furniture
                notes_go_on, note_lines = notes_go_on + 1, 8
            elif note_lines and not kinds.get(i - 1):
                note_lines -= 1
            else:
                note_lines = 0
                kinds[i] = "bibliography-heading" if i == bibliography_from else "bibliography"
                continue
        n = len(line)
        repeats = keys.get(line_keys[i], 0) if line_keys[i] else 0
        # where the pages are known, a head is a line at a page's edge, and what repeats it is other pages' edges
        heads = repeats if edges is None else at_edges.get(line_keys[i], 0) if edges[i] >= 0 else 0
        if n <= 30 and NOTES_HEADING.fullmatch(line) and (i == 0 or not stripped[i - 1] or line[0].isupper()):
            kinds[i] = "notes-heading"
        elif line[0] in "_-–—" and NOTES_RULE.fullmatch(line) and _label_follows(stripped, i):
            kinds[i] = "notes-rule"  # the rule a word processor sets over the notes when it exports text
        elif n <= 16 and PAGE_NUMBER.fullmatch(line) and (edges is None or edges[i] >= 0):
            kinds[i] = "page-number"  # a number alone inside a known page is a section's, not the folio
        elif line[0] in "dDhHtT" and STAMP.match(line):
            kinds[i] = "download-stamp"
        elif line[0] in "dDhH" and n <= 120 and (m := ARTICLE_DOI.fullmatch(line)) and text.count(m.group(1)) >= 3:
            kinds[i] = "article-doi"  # the article's own DOI, which its stamps and heads repeat: not a note's
        elif heads >= 2 and 6 <= n and (n <= 90 or len(" ".join(line.split())) <= 90) \
                and FOLIO_AT_EDGE.search(line) and not line.endswith((".", ",", ";")) \
                and not _among_notes(stripped, i):
            kinds[i] = "running-header"  # pdftotext -layout sets the folio at the right margin
        elif ("|" in line or "•" in line) and (PIPE_HEAD.fullmatch(line) or (heads >= 3 and n <= 120)):
            kinds[i] = "running-header"  # "140 | Author Name", "Volume 1 • No 2 • 2012 • pp. 47-70"
        elif heads >= 3 and n <= 60 and (line[0].isupper() or caseless) and not line.endswith((".", ",", ";", ":")) \
                and line.count(" ") < 8:
            kinds[i] = "running-header"  # the author's name or a short title atop every page
        elif heads >= 3 and n <= 120 and (line[-1].isalpha() or line[-1] in "?)’”…") \
                and not LINKISH.search(line) and (line[0].isupper() or caseless):
            kinds[i] = "running-header"  # a long article title atop alternate pages
        elif heads >= 3 and BARE_LINK.fullmatch(line):
            kinds[i] = "running-header"  # the journal's address atop every page
        elif repeats >= 3 and n > 20 and LINKISH.search(line) and STAMP_DETAIL.search(line):
            kinds[i] = "download-stamp"  # the same long line with a link or a date on every page
        elif line[0] == "©" or (kinds.get(i - 1) == "copyright" and (STAMP_DETAIL.search(line) or LINKISH.search(line)
                                                                     or PUBLISHED_BY.match(line))):
            kinds[i] = "copyright"  # "© The Author(s), 2024." and the licence lines under it
        elif line[0] in "*†‡" and n > 20 and line[1:2] in " \t*†‡" and i > 0 and not stripped[i - 1].endswith("-"):
            kinds[i] = "headnote"  # "* The author is professor of …": a note of the title or author line
        elif 6 <= n <= 70 and not LOWER.search(line) and RUNNING_HEAD.fullmatch(line) \
                and sum(c.isupper() for c in line) >= 6 and (heads >= 2 or not CITED_IN_CAPS.search(line)) \
                and not _among_notes(stripped, i):
            kinds[i] = "running-header"  # "12 THE HISTORY OF THINGS", not "5 ADAM SMITH, THE THEORY (1759);"
    return kinds


# --------------------------------------------------------------------------- candidates

MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec januar februar märz juni juli oktober dezember
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre""".split()
)
NUMBER_WORDS = frozenset(
    """p pp page pages s seite seiten vol vols volume bd band bde no nos nr number n nn note notes fn
    chap chapter ch cap kap kapitel section sec sect art article § fig figure table tab col fol
    teil heft t tome issue verse v vv l ll para paragraph psalm
    year years jahr ad bc arts artt articles para paras nos abs satz lit ziff rn rdnr
    chapitre capítulo capitolo artículo artículos articolo articoli artikel página páginas pagina pagine
    numéro número numero nota notas tome tomo tomos volumen volume libro livre titre título titolo
    alinéa apartado párrafo comma année années año años anno anni siècle siglo secolo jahre jahrhundert""".split()
)
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
CLOSERS = ".,;:!?)”’\"'»]"
DIGITS = re.compile(r"[0-9]+")
# Patterns run over the whole text start with a digit, and check what stands before it in a
# lookbehind after it: led by a lookbehind, a pattern is tried at every offset of the text; led
# by a digit, the engine skips to the next digit (3x faster here).
# A whole run of one to three digits, not after a hyphen, dash, slash or underscore (ranges,
# dates, identifiers): the only runs that can be markers, found without a Python step per digit run.
SHORT_NUMBER = re.compile(r"[0-9](?<![0-9\-–/_][0-9])[0-9]{0,2}(?![0-9])")
# "freedom in 180019 Jack": a marker glued to a year (the lookbehind is the year's \b)
YEAR_GLUED = re.compile(r"((?:1[4-9]|20)\d\d)(?<!\w\d{4})(\d{1,2})(?=[\s.,;:)”’\"]|$)")
PAREN_MARKER = re.compile(r"\((\d{1,3})\)")
BRACKET_MARKER = re.compile(r"\[(\d{1,3})\]")
SUPER_MARKER = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
LINE_LABEL = re.compile(r"[ \t]*(\d{1,3})(?:[.)](?=[ \t]))?[ \t]+(?=\S)")
BRACKET_LABEL = re.compile(r"[ \t]*\[(\d{1,3})\][ \t]*(?=\S)")  # "[12] Text": word processors' text export
LONE_LABEL = re.compile(r"[ \t]*(\d{1,3})\.?[ \t]*")
# "1Gertrud Müller, Die Finanzverwaltung …": a superscript label glued to its note's first word
GLUED_LABEL = re.compile(r"[ \t]*(\d{1,3})(?=[A-ZÀ-ÞĀ-Ž§„“«\"'‘(\[])")
FORM_FEED = re.compile("\f")
NUMBERED_LINE = re.compile(r"\n[ \t]*\[?\d")  # what the three patterns above have in common, after a line break


def _prev_word(text: str, pos: int) -> str:
    j = pos
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    k = j
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] in ".§'’"):
        k -= 1
    return text[k:j].strip(".").lower()


def _next_word_char(text: str, pos: int, skip: dict[int, int] | None = None) -> str:
    """The first character after the blanks at pos; lines in `skip` (start -> end), page furniture,
    are passed over as if the page break had left no trace."""
    j, budget = pos, 8
    while j < len(text) and budget:
        if skip and j in skip:
            j = skip[j]
            continue
        if text[j] not in " \t\n":
            break
        j += 1
        budget -= 1
    return text[j] if j < len(text) else ""


WORD_AFTER = re.compile(r"[ \t\n]{1,4}(?:(?:de|del)[ \t\n]+)?([^\W\d_]{3,10})")  # "3 septembre", "3 de mayo"


def _month_follows(text: str, e: int) -> bool:
    m = WORD_AFTER.match(text, e)
    return bool(m) and m.group(1).lower() in MONTHS


def _glued_on_a_next_line(text: str, s: int, e: int, n: int) -> bool:
    """Whether the line before digits text[s:e] (at a line start) starts with n - 1, or the line
    after it with n + 1, glued to its first word."""
    before = text.rfind("\n", 0, max(0, s - 1)) + 1
    if before < s - 1 and (m := GLUED_LABEL.match(text, before, s - 1)) and int(m.group(1)) == n - 1:
        return True
    after = text.find("\n", e) + 1
    return bool(after) and bool(m := GLUED_LABEL.match(text, after)) and int(m.group(1)) == n + 1


def marker_score(text: str, s: int, e: int, caseless: bool = False, skip: dict[int, int] | None = None) -> float | None:
    """Local evidence that digits text[s:e] are a note marker; None when they cannot be one.

    `caseless`: the text has lost its capitals, so a lower-case word may begin a sentence.
    """
    n = int(text[s:e])
    if n == 0 or text[s] == "0":
        return None
    p = text[s - 1] if s else "\n"
    q = text[e] if e < len(text) else "\n"
    q2 = text[e + 1] if e + 1 < len(text) else ""
    if q == ")" and p != "(":
        return None  # list items: "1) an independent court"
    if q in "-–/:" or p in "-–/:$£€#":
        return None  # ranges, times, ratios, money
    if q in ".," and _ascii_digits(q2):
        return None  # 1,000 and 3.5
    if q.isalpha():
        if p == "\n" and q.isupper():
            # "17Stalin raised": marker glued to the first word of a paragraph
            if _glued_on_a_next_line(text, s, e, n):
                return None  # "1Ibid.\n2Rousseau, …": lines numbered in a row are notes, not paragraphs
            return 3.0
        return None  # 3rd, 12A, 5km
    score = 0.0
    if p.isalpha():
        if p.isupper() and s >= 2 and text[s - 2].isupper() and not (s >= 3 and text[s - 3].isupper()):
            return None  # "WW2", "B52"-style designations
        word = _prev_word(text, s)
        if word in NUMBER_WORDS:
            return None
        score = 1.5
    elif p in CLOSERS:
        j = s - 1
        while j > 0 and text[j - 1] in CLOSERS:
            j -= 1
        before = text[j - 1] if j else ""
        if (not before or before.isspace()) and text[j:s].strip("\"'") == "":
            return None  # 'set this to "5"': a straight quote after a space opens a quotation
        word = _prev_word(text, j)
        if word in NUMBER_WORDS and (len(word) <= 4 or text[j:s] != "."):
            return None  # "p.41", "vol.3" -- but "three years.41" ends a sentence
        if _ascii_digits(before) and text[j:s] not in (".", ").", "]."):
            return None  # "Rec(2004)20", "12,3"; but "(Figure 1).5" ends a sentence as "15.29" may
        if _ascii_digits(before):
            # "15.29": a decimal unless the first number is a day of a month
            k = j - 1
            while k > 0 and _ascii_digits(text[k - 1]):
                k -= 1
            if _prev_word(text, k) in MONTHS:
                score = 1.0
            elif j - k == 4 and 1400 <= int(text[k:j]) <= 2099:
                score = 1.5  # "in 1810.16": years have no decimals
            elif text.startswith(text[s:e] + " ", e + 1):
                score = 1.5
            elif k > 1 and text[k - 1] in "-–" and _ascii_digits(text[k - 2]):
                score = 1.5  # "pp. 54-5.12": a page range has no decimals
            else:
                return None
        else:
            score = 2.5
    elif p in " \t":
        j = s
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        pc = text[j - 1] if j else "\n"
        word = _prev_word(text, s)
        nxt = _next_word_char(text, e, skip)
        if (word in NUMBER_WORDS and (len(word) <= 4 or pc != ".")) or word in MONTHS:
            return None  # "p. 18", "article 18" -- but "the original article. 18" ends a sentence
        if nxt.islower() and _month_follows(text, e):
            return None  # "le 3 septembre", "el 3 de mayo": a day
        if pc == "\n":
            return None  # a number starting a line is a note label or wrapped prose, not a marker
        if q in " \t" and nxt and nxt in ".,;:":
            score = 1.5  # "is heard 1 . The": marker set apart before the punctuation
        elif pc in ".!?”’\"»)":
            if text.startswith(text[s:e] + " ", e + 1):
                score = 2.0  # "colonies. 17 17 See …": the marker, then the flowed note's own number
            elif nxt and (nxt.isupper() or nxt in "“\"‘(" or (caseless and nxt.islower())):
                score = 1.0
            else:
                score = -1.0
        elif _ascii_digits(nxt):
            return None
        elif nxt.islower():
            # "15 years", "3 of them" -- or a superscript set apart ("institutions 2 and the"):
            # only the numbering can tell, so the candidate stays, heavily doubted
            score = -2.0
        else:
            score = -1.5
        if q == "." and text[e + 1:e + 2] == " " and text[e + 2:e + 3].isupper():
            score = min(score, -2.5)  # "1. Introduction; 2. The Commentaries": an enumeration
    else:
        return None
    if n > 400:
        score -= 1.5
    return score


def marker_candidates(text: str, caseless: bool = False,
                      skip: dict[int, int] | None = None) -> tuple[list[Candidate], list[tuple[int, int]]]:
    cands, doubtful = [], []
    for m in SHORT_NUMBER.finditer(text):
        s, e = m.span()
        q = text[e] if e < len(text) else ""
        if q.isupper() and (e + 1 >= len(text) or not text[e + 1].isalpha()) and (s == 0 or not text[s - 1].isalnum()):
            doubtful.append((s, e + 1))  # "12A": note 12 glued to a stray letter, or a page artefact
            continue
        sc = marker_score(text, s, e, caseless, skip)
        if sc is not None:
            style = "paragraph" if sc == 3.0 else ("glued" if text[s - 1:s] not in (" ", "\t") else "bare")
            cands.append(Candidate(int(text[s:e]), s, e, sc, style))
    for m in YEAR_GLUED.finditer(text):
        n = int(m.group(2))
        if n:
            cands.append(Candidate(n, m.start(2), m.end(2), 0.5, "glued"))
    for m in PAREN_MARKER.finditer(text):
        if not m.start() or text[m.start() - 1].isspace() or text[m.start() - 1] in "(" or _ascii_digits(text[m.start() - 1]):
            continue
        cands.append(Candidate(int(m.group(1)), m.start(), m.end(), 2.0, "paren"))
    for m in BRACKET_MARKER.finditer(text):
        if not m.start() or text[m.start() - 1].isspace() or text[m.start() - 1] == "[":
            continue
        cands.append(Candidate(int(m.group(1)), m.start(), m.end(), 2.0, "bracket"))
    for m in SUPER_MARKER.finditer(text):
        cands.append(Candidate(int(m.group().translate(SUPERSCRIPTS)), m.start(), m.end(), 3.5, "superscript"))
    cands.sort(key=lambda c: c.start)
    return cands, doubtful


def label_candidates(text: str, lines: list[tuple[int, int]], furniture: dict[int, str],
                     in_endnotes: set[int], caseless: bool = False) -> list[Candidate]:
    cands = []
    # A Notes heading makes an endnote section only when numbered notes follow it.
    heads = [i for i, k in furniture.items() if k == "notes-heading"]
    has_endnotes = bool(heads) and any(
        LINE_LABEL.match(text, s, e) for s, e in lines[min(heads) + 1:min(heads) + 12])
    # Every label starts its line with a digit: only those lines are tried.
    # ("\n" + text: the first line has its line break too, and m.start() is the line's offset in text)
    for i in sorted({_line_of(lines, m.start()) for m in NUMBERED_LINE.finditer("\n" + text)}):
        s, e = lines[i]
        kind = furniture.get(i)
        if kind == "notes-heading":
            continue
        m = (LINE_LABEL.match(text, s, e) or BRACKET_LABEL.match(text, s, e)) if kind is None else None
        if m:
            first = text[m.end():e]
            n = int(m.group(1))
            if n == 0:
                continue
            score = 0.5 + max(-2.0, min(2.0, 0.5 * citation_likeness(first)))
            if first.isupper() and len(first) < 80 and not re.search(r"\d", first):
                score -= 3.0  # "1. INTRODUCTION": a numbered heading
            elif _titled_heading(first) and not _continues(text, lines, i):
                score -= 3.0  # "2   Conclusion", "3 The Treaty of Paris": a numbered section, not a note
            if VOLUME_CONTINUES.match(first):
                score -= 3.0  # "Quarterly\n22 (1965), 264-286": a volume wrapped to the line start
            elif text.startswith(".", m.end(1)) and _month_follows(text, m.end(1) + 1):
                score -= 3.0  # "am\n5. Dezember 1802": a date wrapped to the line start
            ch = first[:1]
            if ch.islower() and not caseless:
                score -= 2.0
            elif ch.isalpha() or ch in "“\"‘'«(":
                score += 0.5
            if i in in_endnotes:
                score += 2.0
            elif has_endnotes:
                score -= 2.5  # numbered lines before a Notes section are lists or headings
            bracketed = text[m.start(1) - 1:m.start(1)] == "["  # the label is "[12]", brackets and all
            cands.append(Candidate(n, m.start(1) - bracketed, m.end(1) + bracketed, score, "line", m.end()))
        elif kind is None and (m := GLUED_LABEL.match(text, s, e)) and int(m.group(1)):
            # one word with the label: a note only if what follows reads as a reference, or among
            # lines glued the same way and numbered on either side ("13Ibid." "14En 1686, …")
            likeness = citation_likeness(text[m.end():e])
            if likeness >= 1.0 or _glued_neighbour(text, lines, i, int(m.group(1))):
                score = -0.5 + min(2.0, 0.5 * likeness) + (2.0 if i in in_endnotes else 0.0)
                cands.append(Candidate(int(m.group(1)), m.start(1), m.end(1), score, "line", m.end()))
        elif kind in (None, "page-number") and i + 1 < len(lines) and (m := LONE_LABEL.fullmatch(text, s, e)):
            first = i + 1
            if not text[lines[first][0]:lines[first][1]].strip() and i + 2 < len(lines) and (
                    _lone_label_follows(text, lines, i + 2, int(m.group(1)) + 1)
                    or (not _opens_a_page(text, lines, furniture, i) and not text.startswith("\f", lines[i + 2][0])
                        and citation_likeness(text[lines[i + 2][0]:lines[i + 2][1]]) >= 1.0)):
                # pdftotext sets a page's first note apart from its number by a blank line; a folio
                # has the next page, not a reference, after its blank line
                first = i + 2
            ns, ne = lines[first]
            if not text[ns:ne].strip() or first in furniture or text.startswith("\f", ns):
                continue  # a folio: its next line is blank, furniture or the next page
            # what follows the number says more than the number alone: a reference is a note's text
            score = -0.5 + (2.0 if i in in_endnotes else 0.0) \
                + (0.75 if citation_likeness(text[ns:ne]) >= 1.0 else 0.0)
            if _titled_heading(text[ns:ne].strip()) and not _continues(text, lines, first):
                score -= 3.0  # "2" over "Nachgeschichte": a section number set apart from its title
            cands.append(Candidate(int(m.group(1)), m.start(1), m.end(1), score, "lone", ns))
    return cands


def _opens_a_page(text: str, lines: list[tuple[int, int]], furniture: dict[int, str], i: int) -> bool:
    """Whether line i stands at a page's top: after a form feed or under the page's running head."""
    j = i - 1
    while j >= 0 and not text[lines[j][0]:lines[j][1]].strip():
        j -= 1
    return j < 0 or "\f" in text[lines[j][1]:lines[i][0] + 1] or furniture.get(j) not in (None, "page-number")


LABEL_REACH = 30  # lines: a long note's next label may stand this far below its own


def _lone_label_follows(text: str, lines: list[tuple[int, int]], i: int, n: int) -> bool:
    """Whether number n (or n + 1, when pdftotext lost n) stands alone on one of the few lines
    after a text starting at line i."""
    for j in range(i + 1, min(len(lines), i + LABEL_REACH)):
        m = LONE_LABEL.fullmatch(text, *lines[j])
        if m and int(m.group(1)) in (n, n + 1):
            return True
    return False


def _titled_heading(first: str) -> bool:
    """A line's text after its number that reads as a section title: a few words, capitalised
    (articles aside), no full stop, no digit, no citation punctuation."""
    ws = first.split()
    if not 1 <= len(ws) <= 6 or first.rstrip()[-1:] in ".,;:)”\"’'" or any(ch.isdigit() for ch in first):
        return False
    # Title Case ("The Treaty of Paris") or, as French, Spanish and German set them, sentence case
    # ("Los primeros años"): words only, no stop, no digit
    titled = sum(w[:1].isupper() for w in ws) * 2 >= len(ws) or all(w.isalpha() for w in ws[1:])
    return ws[0][:1].isupper() and titled and not any(ch in first for ch in ",;(“\"«„") \
        and ws[0].lower() not in NOTE_OPENERS


# A note of one or two words that lost its stop ("12 Ibid"), not a section title
NOTE_OPENERS = frozenset("ibid ibidem id idem ebd ebenda ders dies vgl see cf siehe voir véase ivi supra infra".split())


def _continues(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """Whether line i's text goes on in the next line (a wrapped note) rather than ending there."""
    if i + 1 >= len(lines):
        return False
    ns, ne = lines[i + 1]
    nxt = text[ns:ne].strip()
    return bool(nxt) and nxt[:1].islower()


VOLUME_CONTINUES = re.compile(r"\(\d{4}\)|[-–]\d|,\s*\d|\d")
# The space comes before the lookbehind (which then takes it in): a pattern that starts with a
# literal is searched for that character, not tried at every offset of the text (6x faster).
HEADING_LABEL = re.compile(r" (?<=[A-ZÀ-Þ]{2} )(\d{1,3}) (?=[A-ZÀ-ÞĀ-Ž“\"‘'«(\[])")  # "IDEALS 1 Address, …"
INLINE_LABEL = re.compile(r" (?<=[.!?”’\"»)\d] )(\d{1,3}) (?=[A-ZÀ-ÞĀ-Ž“\"‘'«(\[])")


def inline_candidates(text: str, marker_starts: dict[int, int]) -> list[Candidate]:
    """Note texts flowed into the prose: ` 36 FRUS: Potsdam, …` after a sentence (or after a
    heading's last word, when the note's number comes back after it)."""
    cands = []
    labels = sorted(list(INLINE_LABEL.finditer(text)) + list(HEADING_LABEL.finditer(text)), key=lambda m: m.start())
    for m in labels:
        s, e = m.span(1)
        n = int(text[s:e])
        if n == 0:
            continue
        window = min(len(text), e + 600)
        para_end = text.find("\n\n", e, window)
        stop = window if para_end == -1 else para_end
        if _prev_word(text, s) in NUMBER_WORDS or VOLUME_CONTINUES.match(text, e + 1):
            continue  # "no. 3 (1982): 35": an issue number, not a note
        ends = sentence_ends(text, e + 1, stop)
        score = max(citation_likeness(text[e + 1:end]) for end in ends[:2]) - 1.0
        # "citizenship.2 2 Washington, …": the note number repeats the marker glued before it
        glued = marker_starts.get(s - 1)
        sandwiched = glued == n or _reappearing_marker(text, n, e, stop)
        if m.re is HEADING_LABEL and not sandwiched:
            continue
        if sandwiched:
            # the note's own number stands before it, or comes back after it (" .21"): a note even
            # when it reads as prose
            score = max(score + 3.0, 1.0)
        elif _ascii_digits(text[s - 2:s - 1]) and glued != n + 1:
            # "pp. 97 133": numbers in a row; but "about.4 3 Jan Rybicki, …" is note 3 flowed in
            # where the flattening met the next marker
            continue
        cands.append(Candidate(n, s, e, score, "inline", e + 1))
    return cands


# --------------------------------------------------------------------------- the global choice

def transition(prev: int, cur: int, restart: float = -0.5) -> float:
    if cur == prev + 1:
        return 2.0
    if prev + 1 < cur <= prev + 3:
        return 0.0
    if cur == 1:
        return restart  # a new chapter or page restarts the numbering
    if cur == prev:
        return -3.0  # the same number twice in a row: one of them is a volume, a page or a date
    if cur < prev:
        return -1.5
    return -0.75  # excerpts skip notes; a jump forward is weak evidence against


class _PrefixMax:
    """Fenwick tree of (score, index) maxima over note numbers, for the forward-jump transitions."""

    def __init__(self, size: int):
        self.size = size
        self.tree = [(-1e18, -1)] * (size + 1)

    def update(self, n: int, item: tuple[float, int]) -> None:
        while n <= self.size:
            if item > self.tree[n]:
                self.tree[n] = item
            n += n & -n

    def query(self, n: int) -> tuple[float, int]:
        best = (-1e18, -1)
        n = min(n, self.size)
        while n > 0:
            if self.tree[n] > best:
                best = self.tree[n]
            n -= n & -n
        return best


def choose_sequence(cands: list[Candidate], restart: float = -0.5) -> list[Candidate]:
    """The subset of candidates, in text order, that best combines local scores and numbering.

    A best-path search over all candidates (not a window): the best chain ending at each candidate
    comes from the best chain ending at number n-1 (+2), n-2 or n-3 (0), any earlier number
    (a forward jump, -0.75), or anything (a restart at 1, or a step back). O(n log n).
    """
    by_start: dict[int, Candidate] = {}
    for c in cands:
        if c.start not in by_start or c.score > by_start[c.start].score:
            by_start[c.start] = c
    cands = sorted(by_start.values(), key=lambda c: c.start)
    best: list[float] = []
    back: list[int] = []
    by_number: dict[int, tuple[float, int]] = {}
    overall = (-1e18, -1)
    prefix = _PrefixMax(1000)
    for i, c in enumerate(cands):
        n = c.number
        options = [(c.score + (0.5 if n == 1 else 0.0), -1)]
        if n - 1 in by_number:
            v, j = by_number[n - 1]
            options.append((v + transition(n - 1, n, restart) + c.score, j))
        for k in (n - 2, n - 3):
            if k in by_number:
                v, j = by_number[k]
                options.append((v + transition(k, n, restart) + c.score, j))
        if overall[1] >= 0:
            step = restart if n == 1 else (-3.0 if cands[overall[1]].number == n else -1.5)
            options.append((overall[0] + step + c.score, overall[1]))
        v, j = prefix.query(n - 4)
        if j >= 0:
            options.append((v + transition(0, n, restart) if n > 4 else v - 0.75, j))
            options[-1] = (options[-1][0] + c.score, j)
        # the best option, the earliest chain on a tie (as max by (score, -index), without a key
        # function: this runs for every candidate)
        b, arg = options[0]
        for v, j in options[1:]:
            if v > b or (v == b and j < arg):
                b, arg = v, j
        best.append(b)
        back.append(arg)
        item = (b, i)
        if item[0] > by_number.get(n, (-1e18, -1))[0]:
            by_number[n] = item
        if b > overall[0]:
            overall = item
        prefix.update(min(n, 1000), item)
    if not best or overall[0] <= 0:
        return []
    i = overall[1]
    chosen = []
    while i != -1:
        chosen.append(cands[i])
        i = back[i]
    chosen.reverse()
    # A chosen candidate with negative local evidence stays only if both neighbours vouch for it.
    return [c for k, c in enumerate(chosen) if c.score > -1.0 or _vouched(chosen, k)]


def _glued_neighbour(text: str, lines: list[tuple[int, int]], i: int, n: int) -> bool:
    """Whether the nearest line above line i that starts with a number glued to its first word
    starts with n - 1, or the nearest below with n + 1: a long note puts its lines between them."""

    def number_of(j: int) -> int | None:
        m = GLUED_LABEL.match(text, *lines[j])
        return int(m.group(1)) if m else None

    for step, want in ((-1, n - 1), (1, n + 1)):
        j = i + step
        while 0 <= j < len(lines) and abs(j - i) <= LABEL_REACH:
            found = number_of(j)
            if found is not None:
                if found == want:
                    return True
                break
            j += step
    return False


def _style_of_long_runs(numbered: list[Candidate], dotted: list[bool]) -> bool | None:
    """The label style (dotted or not) whose lines count on in long runs, when the other style's
    keep starting again: notes numbered 1 to 32 beside lists of "1." "2." "3." in the prose."""
    runs: dict[bool, list[int]] = {True: [], False: []}
    last: dict[bool, int] = {}
    for c, d in zip(numbered, dotted):
        if last.get(d) == c.number - 1:
            runs[d][-1] += 1
        else:
            runs[d].append(1)
        last[d] = c.number
    if not runs[True] or not runs[False]:
        return None
    mean = {d: sum(r) / len(r) for d, r in runs.items()}
    for d in (True, False):
        if sum(runs[d]) >= 5 and mean[d] >= 3 * mean[not d]:
            return d
    return None


def _style_of_citing_labels(text: str, lines: list[tuple[int, int]], numbered: list[Candidate],
                            dotted: list[bool]) -> bool | None:
    """The label style (dotted or not) of the numbered lines that read as references, when nearly
    all of them share it: "1Ibid." "2Rousseau, Révolution, p. 388." are notes, "1. Les registres
    recensent 21 commissaires …" beside them a list."""
    citing = [d for c, d in zip(numbered, dotted)
              if citation_likeness(text[c.text_start:lines[_line_of(lines, c.text_start)][1]]) >= 1.0]
    if len(citing) < 3:
        return None
    for d in (True, False):
        if citing.count(d) * 5 >= len(citing) * 4 and d in dotted and (not d) in dotted:
            return d
    return None


def _marked_before(marker_numbers: dict[int, list[int]], number: int, pos: int) -> bool:
    """Whether a likely marker numbered `number` stands before offset `pos`."""
    return any(p < pos for p in marker_numbers.get(number, ()))


def _supported(labels: list[Candidate], marker_numbers: dict[int, list[int]], text: str,
               endnote_lines: set[int], lines: list[tuple[int, int]]) -> list[Candidate]:
    """Numbered lines kept only with support. A line needs a marker with its number before it or a
    neighbour in the numbering ("1. Notes" alone is a heading); and a run of "1." "2." lines outside
    an endnote section that no marker points to is a numbered list in the prose."""
    def marked(c: Candidate) -> bool:
        return _marked_before(marker_numbers, c.number, c.start)

    runs: list[list[Candidate]] = []
    for c in labels:
        if runs and c.style != "inline" and runs[-1][-1].style != "inline" and c.number == runs[-1][-1].number + 1:
            runs[-1].append(c)
        else:
            runs.append([c])
    keep = []
    for run in runs:
        if run[0].style == "inline":
            keep.extend(run)
            continue
        listed = all(text[c.end:c.end + 1] in ".)" for c in run) and not any(marked(c) for c in run) \
            and not any(_line_of(lines, c.start) in endnote_lines for c in run)
        if listed:
            continue
        keep.extend(c for c in run if len(run) > 1 or marked(c))
    return keep


def _lists_on_the_page(labels: list[Candidate], markers: list[tuple[int, int]], page_of, endnote_lines: set[int],
                       lines: list[tuple[int, int]]) -> list[Candidate]:
    """Without numbered lines that the page's notes outdo. A page's notes are the last run of numbered
    lines on it; an earlier run on the same page, when the last restarts at 1, is a list in the prose:
    if it starts at 1 too ("1." "2." in the prose, the notes 1 to 8 below), or if the page's markers
    count on after it. A marker numbered 1 between the two says a page break was missed: both stay,
    and so does everything before a run that is not a list.
    `markers` are (start, number) of likely markers in text order."""
    runs: list[list[Candidate]] = []
    for c in labels:  # a run may skip one number: pdftotext loses a label now and then
        if runs and c.style != "inline" and runs[-1][-1].style != "inline" \
                and runs[-1][-1].number < c.number <= runs[-1][-1].number + 2:
            runs[-1].append(c)
        else:
            runs.append([c])
    runs = [r for r in runs if r[0].style != "inline" and _line_of(lines, r[0].start) not in endnote_lines]
    listed: set[int] = set()
    for k, last in enumerate(runs):
        if k + 1 < len(runs) and page_of(runs[k + 1][0].start) == page_of(last[0].start):
            continue
        if last[0].number != 1:
            listed.update(_lists_below_the_count(runs, k, markers, page_of))
            continue
        j = k - 1
        while j >= 0 and page_of(runs[j][0].start) == page_of(last[0].start):
            run = runs[j]
            after = lines[_line_of(lines, run[-1].start)][1]
            lo, hi = bisect_right(markers, (after, -1)), bisect_right(markers, (last[0].start, -1))
            between = [n for _, n in markers[lo:hi]]
            if 1 in between or not (run[0].number == 1 or between):
                break
            listed.update(c.start for c in run)
            j -= 1
    return [c for c in labels if c.start not in listed]


def _lists_below_the_count(runs: list[list[Candidate]], k: int, markers: list[tuple[int, int]],
                           page_of) -> set[int]:
    """Starts of the runs before a page's notes `runs[k]` that are lists: where the notes count on from the
    last page's, a run on the same page numbered below the last page's notes, with none of its own
    numbers among the page's markers before it, while the page's markers have counted past it
    ("8. Ibid." below "1." "2.", after the notes 1 to 7 of the page before)."""
    last = runs[k]
    earlier = range(k - 1, -1, -1)  # the runs before it, nearest first (indices: no copy per page)
    page = page_of(last[0].start)
    hi = lo = bisect_right(markers, (last[0].start, -1))
    while lo > 0 and page_of(markers[lo - 1][0]) == page:
        lo -= 1
    on_page = markers[lo:hi]
    before = next((runs[j] for j in earlier if page_of(runs[j][0].start) != page), None)
    if before is None or not before[-1].number < last[0].number <= before[-1].number + 3:
        return set()  # the notes do not count on from the last page's: numbered per page, or a page missed
    listed: set[int] = set()
    for run in (runs[j] for j in earlier):
        if page_of(run[0].start) != page:
            break
        top = run[-1].number
        if top >= before[-1].number:
            break
        own = any(s < run[0].start and run[0].number <= n <= top for s, n in on_page)
        if own or not any(n > top + 1 for _, n in on_page):
            break
        listed.update(c.start for c in run)
    return listed


def _without_names(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Without digits glued to a word that the text writes the same way twice or more ("Covid19",
    "G20"): a name, not a marker, which would follow a different word each time."""
    glued = {}
    for c in cands:
        if c.style == "glued" and text[c.start - 1:c.start].isalpha():
            k = c.start
            while k > 0 and text[k - 1].isalpha():
                k -= 1
            glued[c.start] = text[k:c.end]
    if not glued:
        return cands
    counts: dict[str, int] = {}
    for token in glued.values():
        counts[token] = counts.get(token, 0) + 1
    return [c for c in cands if counts.get(glued.get(c.start, ""), 0) < 2]


TABLE_ROW = re.compile(r"[^\d\n]{1,40}?[ \t]+[\d.,%]+[ \t]*")  # "República Checa 137"


def _table_rows(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines of a table flattened to "label value", three or more in a row: their numbers are data."""
    rows, run = [], []
    for s, e in lines:
        if 0 < e - s <= 60 and text[e - 1] in "0123456789%. \t" and TABLE_ROW.fullmatch(text, s, e):
            run.append((s, e))
            continue
        if len(run) >= 3:
            rows += run
        run = []
    return rows + run if len(run) >= 3 else rows


def _drop_interruptions(chosen: list[Candidate]) -> list[Candidate]:
    """Without runs that restart at 1 inside a numbering that then carries on (9, 1 2 3, 10; also
    9, 1 2, 1 2, 10): a new chapter or page never hands back to the old count, so the runs are lists
    in the prose."""
    out, k = [], 0
    while k < len(chosen):
        c = chosen[k]
        if c.number == 1 and out and out[-1].number > 1:
            j, highest = k, 1
            while True:  # one list, or several in a row ("4, 1 2, 1 2, 5")
                while j + 1 < len(chosen) and chosen[j + 1].number == chosen[j].number + 1:
                    j += 1
                highest = max(highest, chosen[j].number)
                if j + 1 < len(chosen) and chosen[j + 1].number == 1:
                    j += 1
                    continue
                break
            if j + 1 < len(chosen) and out[-1].number < chosen[j + 1].number <= out[-1].number + 3 \
                    and (highest < out[-1].number or _counts_past(chosen, j + 1, out[-1].number, highest)):
                k = j + 1
                continue
        out.append(c)
        k += 1
    return out


def _counts_past(chosen: list[Candidate], k: int, before: int, highest: int) -> bool:
    """Whether the count resumes at k with the very next number after `before` and runs on past
    `highest`: the numbers the restarted runs shared with the count come back in order and go
    further, so those runs were a list set among the notes ("2, 1 2 3 4, 3 4 5 6"). A new page's
    notes would not hand back to the old count."""
    if chosen[k].number != before + 1:
        return False
    while k + 1 < len(chosen) and chosen[k + 1].number == chosen[k].number + 1:
        k += 1
    return chosen[k].number > highest


def _vouched(chosen: list[Candidate], k: int) -> bool:
    n = chosen[k].number
    left = k > 0 and chosen[k - 1].number == n - 1
    if chosen[k].style not in ("line", "lone"):
        return left and k + 1 < len(chosen) and chosen[k + 1].number == n + 1
    # the last note of a page numbered per page has only the restart after it, the last of all nothing
    return left and (k + 1 == len(chosen) or chosen[k + 1].number in (n + 1, 1))


# --------------------------------------------------------------------------- note extents

def _line_of(lines: list[tuple[int, int]], pos: int) -> int:
    return max(0, bisect_right(lines, (pos, 1 << 62)) - 1)  # the last line starting at or before pos


def _reappearing_marker(text: str, number: int, start: int, stop: int) -> re.Match | None:
    """` .13` after note 13's text: the marker put back after the note, with a stray stop before it."""
    for m in REAPPEARING.finditer(text, start, stop):
        if int(m.group(2)) == number:
            return m
    return None


SHORT_REMARK = 6  # words
DOUBTFUL = 0.5  # a chosen marker whose own context scored below this is reported
MAX_FLOWED_NOTE = 4000  # characters; keeps the search for a flowed note's end linear in the input
REAPPEARING = re.compile(r"(?<=\s)(\.)(\d{1,3})(?=\s|$)")


ABBREVIATION_AT_END = re.compile(r"\b[A-Z][a-z]{0,5}\.\s*$")  # "J. Chem.", "Rev.", "Jb."


def _cut_at_an_abbreviation(text: str, start: int, end: int, after: int | None) -> bool:
    """Whether text[start:end], a few words with no prose in them, and the piece after it up to
    `after` read together as a reference: a sentence end found at an abbreviation ("J. Chem.")."""
    if after is None or not ABBREVIATION_AT_END.search(text, start, end):
        return False
    ws = words(text[start:end])
    if not ws or len(ws) > 12 or any(w.lower() in PROSE_WORDS for w in ws):
        return False
    rest = text[end:after]
    return citation_likeness(rest) >= 1.0 and has_reference_feature(rest) and not SIGNAL.match(rest.lstrip())


def _inline_end(text: str, start: int, limit: int, number: int) -> int:
    """End of a flowed note: its first sentence, then every following sentence that reads as a citation."""
    limit = min(limit, start + MAX_FLOWED_NOTE)
    para = text.find("\n\n", start, limit)
    stop = limit if para == -1 else para
    again = _reappearing_marker(text, number, start, stop)
    if again:
        # the note's number put back after it (" .24") closes it: all before is the note
        end = again.start()
        while end > start and text[end - 1].isspace():
            end -= 1
        return end
    ends = sentence_ends(text, start, stop)
    end = ends[0]
    for k, nxt in enumerate(ends[1:], 1):
        if SIGNAL.match(text[end:nxt].lstrip()):
            end = nxt  # "See also …", "Cf. …", "Ibid.": prose does not open with a note's signal
            continue
        if citation_likeness(text[end:nxt]) < 0.5 or not has_reference_feature(text[end:nxt]):
            if _cut_at_an_abbreviation(text, end, nxt, ends[k + 1] if k + 1 < len(ends) else None):
                continue  # "…Zirconium,” J. Chem. | Soc, 1960, 171.": a reference cut at a stop we do not know
            # A short remark right after the references ("Emphasis added.") still belongs to the note.
            # At the paragraph's end only a remark without a verb or pronoun ("Reprinted by permission.").
            remark = words(text[end:nxt])
            prose_words = sum(w.lower() in PROSE_WORDS for w in remark)
            closing = (not prose_words or len(remark) <= 4 and prose_words == 1) and "\n" not in text[end:nxt] \
                and text[end:nxt].rstrip().endswith((".", "!"))  # "Reprinted by permission.", "The italics are mine."
            if len(remark) <= SHORT_REMARK and prose_words <= 1 and (k + 1 < len(ends) or closing) \
                    or is_back_reference(text[end:nxt]):
                end = nxt
            break
        end = nxt
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def scan_flat(text: str, index: LineIndex) -> Layout:
    lines = _lines(text)
    caseless = capitals_lost(text)
    furniture = find_furniture(text, lines, caseless)
    in_endnotes = _endnote_lines(lines, furniture)
    labels = label_candidates(text, lines, furniture, in_endnotes, caseless)
    # what follows a number is read past the page's furniture, as the cleaned text will read it
    pre_markers, doubtful = marker_candidates(text, caseless, {lines[i][0]: lines[i][1] for i in furniture})
    pre_markers = _without_names(text, pre_markers)
    # marker numbers by the offset just after them: an inline label's digits start one space later
    glued_at = {c.end: c.number for c in pre_markers}
    inline = [c for c in inline_candidates(text, glued_at) if _line_of(lines, c.start) not in furniture]
    furniture_starts = sorted(lines[i][0] for i in furniture)
    # The same number as a flowed note and as a page-bottom note: the page-bottom one is the note.
    line_numbers_after: dict[int, int] = {}
    for c in labels:
        if c.score > 0 or c.style == "lone":  # "6" alone on its line, its note on the next
            line_numbers_after[c.number] = max(line_numbers_after.get(c.number, -1), c.start)
    inline = [c.rescored(-2.5) if line_numbers_after.get(c.number, -1) > c.start else c
              for c in inline]
    all_labels = sorted(labels + inline, key=lambda c: c.start)
    marker_numbers_before: dict[int, list[int]] = {}
    for c in pre_markers:
        if c.score > 0:
            marker_numbers_before.setdefault(c.number, []).append(c.start)
    likely_markers = sorted((c.start, c.number) for c in pre_markers if c.score > 0)
    # Page furniture and form feeds break pages; a number alone on its line over a note is a label.
    lone_lines = {_line_of(lines, c.start) for c in labels if c.style == "lone"}
    form_feeds = [m.start() for m in FORM_FEED.finditer(text)]
    page_breaks = sorted({lines[i][0] for i in furniture if i not in lone_lines}
                         | {lines[_line_of(lines, pos)][0] for pos in form_feeds})
    boosted = []
    for c in all_labels:
        if _marked_before(marker_numbers_before, c.number, c.start):
            c = c.rescored(1.0)
        elif c.style != "inline":
            c = c.rescored(-1.0)  # a numbered line no marker points to needs its neighbours' word
        boosted.append(c)
    def choose_labels(cands: list[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
        """(what the numbering chose, what of it has support)."""
        chosen = choose_sequence(cands)
        # A document numbers its notes one way ("12 Text" or "12. Text"; a number alone on its line
        # votes too); lines numbered the other way are lists in the prose. Decide by the first
        # choice, then choose again.
        numbered = [c for c in chosen if c.style in ("line", "lone")]
        dotted = [text[c.end:c.end + 1] in ".)" for c in numbered]
        usual: bool | None
        if len(dotted) >= 5 and (sum(dotted) * 5 >= len(dotted) * 4 or (len(dotted) - sum(dotted)) * 5 >= len(dotted) * 4):
            usual = sum(dotted) * 2 > len(dotted)
        else:
            usual = _style_of_long_runs(numbered, dotted)
            if usual is None:
                usual = _style_of_citing_labels(text, lines, numbered, dotted)
        if usual is not None:
            chosen = choose_sequence([c.rescored(-4.0) if c.style in ("line", "lone") and
                                      (text[c.end:c.end + 1] in ".)") != usual else c for c in cands])
        kept = _supported(_drop_interruptions(chosen), marker_numbers_before, text, in_endnotes, lines)
        if len(page_breaks) >= 2:
            kept = _lists_on_the_page(kept, likely_markers, lambda pos: bisect_right(page_breaks, pos), in_endnotes,
                                      lines)
        return chosen, kept

    chosen_labels, kept_labels = choose_labels(boosted)
    if len(kept_labels) < len(chosen_labels):
        # What the numbering chose and then lost (a list in the prose) may have crowded out a real
        # note, or swayed the vote on the numbering's style: choose again without it.
        lost = {c.start for c in chosen_labels} - {c.start for c in kept_labels}
        _, kept_labels = choose_labels([c for c in boosted if c.start not in lost])
    chosen_labels = kept_labels
    label_digit_starts = {c.start for c in chosen_labels}
    in_table = SpanSet(_table_rows(text, lines))
    markers_raw = [c for c in pre_markers if c.start not in label_digit_starts and c.start not in in_table]

    # Note extents: line labels run to the next label, a furniture line or a blank line.
    label_lines = {_line_of(lines, c.start): c for c in chosen_labels if c.style != "inline"}
    notes: list[Note] = []
    note_spans: list[tuple[int, int]] = []
    # Lines of running text from each line on: a page's body is long, a note's tail is short.
    prose_run = [0] * (len(lines) + 1)
    for li in range(len(lines) - 1, -1, -1):
        ls, le = lines[li]
        if li in label_lines or li in furniture or not text[ls:le].strip():
            prose_run[li] = 0
        else:
            prose_run[li] = prose_run[li + 1] + 1

    # Where notes are set in smaller type, a line as wide as theirs is a note's, however long the run.
    label_widths = [lines[li][1] - lines[li][0] for li in label_lines]
    other_widths = [e - s for li, (s, e) in enumerate(lines) if li not in label_lines and li not in furniture]
    note_w, body_w = _typical_width(label_widths), _typical_width(other_widths)
    note_wide = (note_w + body_w) / 2 if note_w and body_w and note_w >= body_w * NOTE_TYPE_RATIO else 0.0

    sorted_labels = sorted(chosen_labels, key=lambda c: c.start)
    last_end = 0
    glued_before = {c.start: c.start - 1 - len(str(glued_at[c.start - 1])) for c in sorted_labels
                    if c.style == "inline" and glued_at.get(c.start - 1) == c.number}
    stray: list[Artefact] = []
    reappeared: list[Candidate] = []
    for k, c in enumerate(sorted_labels):
        if c.start < last_end:
            continue  # "Journal 22, 3 (2001)": a number inside the previous note's text
        limit = len(text)
        if k + 1 < len(sorted_labels):
            nxt = sorted_labels[k + 1]
            # the next note's own marker, glued before its number ("tasks.23 23 Andrews"), is not ours
            limit = glued_before.get(nxt.start, nxt.start)
        if c.style == "inline":
            k_furniture = bisect_right(furniture_starts, c.start)
            if k_furniture < len(furniture_starts):
                limit = min(limit, furniture_starts[k_furniture])  # a flowed note stops at the page's edge
            end = _inline_end(text, c.text_start, limit, c.number)
            placement = "inline"
            again = _reappearing_marker(text, c.number, end, min(len(text), end + 8))
            if again:
                stray.append(Artefact("stray-punct", again.start(1), again.end(1), "."))
                reappeared.append(Candidate(c.number, again.start(2), again.end(2), 4.0, "glued"))
        else:
            li = _line_of(lines, c.text_start)
            end = lines[li][1]
            li += 1
            body_sign = (-1, -1)  # (the run's end line, where its text last shows itself a page's body)
            while li < len(lines) and li not in label_lines and li not in furniture and lines[li][0] < limit:
                ls, le = lines[li]
                if not text[ls:le].strip():
                    if _resumes_after_blank(text, lines, li, c.text_start, end, label_lines, furniture, limit):
                        li += 1
                        continue
                    break
                first = text[ls:le].lstrip()[:1]
                if prose_run[li] > (2 if first.islower() and not caseless else 6) and _ends_sentence(text, c.text_start, end) \
                        and citation_likeness(text[ls:le]) < 0.5 and not (note_wide and le - ls >= note_wide):
                    # Where form feeds give the pages, a long note's later sentences are the page's
                    # text only if that text shows itself: a page break or a later note's marker.
                    run_end = li + prose_run[li]
                    if form_feeds and body_sign[0] != run_end:
                        body_sign = (run_end, _last_body_sign(form_feeds, likely_markers, c.number, ls,
                                                              lines[run_end - 1][1]))
                    if not form_feeds or body_sign[1] >= ls:
                        break  # the page's last note is over; the next page's prose follows without furniture
                end = le
                li += 1
            placement = "page-bottom"
            while end > c.text_start and text[end - 1].isspace():
                end -= 1
        line, col = index.position(c.start)
        label_end = c.end
        if c.style == "line" and text[c.end:c.end + 1] in ".)":
            label_end = c.end + 1
        notes.append(Note(c.number, text[c.text_start:end], c.text_start, end, placement, c.start, label_end,
                          line, col))
        note_spans.append((c.start, end))
        last_end = end
    notes = [replace(n, placement="endnote") if _line_of(lines, n.start) in in_endnotes else n for n in notes]
    notes = _split_lost_labels(text, lines, notes, marker_numbers_before, index)
    notes = _split_at_columns(text, lines, furniture, notes, set(label_lines))
    notes = _join_continuations(text, lines, furniture, notes, set(label_lines), [pos for pos, _ in likely_markers])
    # the notes' spans as they stand now: a column break may have given some of their lines back
    note_spans = [(n.label_start if n.label_start >= 0 else n.start, n.end) for n in notes]
    note_spans += [span for n in notes for span in n.continued]

    # Markers: candidates outside notes and furniture, rewarded when a note carries their number.
    furn_spans = [(lines[i][0], lines[i][1]) for i in furniture]
    note_numbers = {n.number for n in notes}
    spans = SpanSet(note_spans + furn_spans)
    kept = []
    for c in sorted(markers_raw + reappeared, key=lambda c: c.start):
        if c.start in spans:
            continue
        # Only a real apparatus of notes says which numbers a marker may carry (an excerpt may hold one note).
        if len(note_numbers) >= 3:
            c = c.rescored(1.5 if c.number in note_numbers else -0.75)
        kept.append(c)
    # Markers restart their numbering only where the notes do.
    note_restarts = sum(1 for a, b in zip(notes, notes[1:]) if b.number <= a.number)
    chosen_markers = choose_sequence(kept, restart=-0.5 if note_restarts or not notes else -3.0)
    markers = []
    for c in chosen_markers:
        line, col = index.position(c.start)
        markers.append(Marker(c.number, c.start, c.end, line, col, c.style))
    markers, notes, author_notes = _author_notes(text, lines, markers, notes)
    kept_starts = {m.start for m in markers}
    chosen_markers = [c for c in chosen_markers if c.start in kept_starts]

    artefacts = list(author_notes)
    in_notes = SpanSet(note_spans)
    label_starts = {n.label_start for n in notes}
    for i, kind in sorted(furniture.items()):
        s, e = lines[i]
        stripped_s = s + len(text[s:e]) - len(text[s:e].lstrip())
        if s in in_notes or stripped_s in label_starts:
            continue
        stripped_e = s + len(text[s:e].rstrip())
        artefacts.append(Artefact(kind, stripped_s, stripped_e, text[stripped_s:stripped_e]))
    artefacts = sorted(artefacts + stray, key=lambda a: a.start)
    diags = []
    for c in chosen_markers:
        if c.score < DOUBTFUL:
            line, col = index.position(c.start)
            diags.append(Diagnostic("doubtful-marker", "info",
                                    f"'{text[c.start:c.end]}' taken as marker {c.number} on the numbering's evidence "
                                    "more than its context", c.start, c.end, line, col))
    for n in notes:
        if n.placement == "page-bottom" and n.label_start < 0:
            diags.append(Diagnostic("unnumbered-note", "info",
                                    f"note {n.number} stands without its number between notes {n.number - 1} and "
                                    f"{n.number + 1}; numbered from them", n.start, n.end, n.line, n.column))
    for a in author_notes:
        if a.kind == "author-note":
            line, col = index.position(a.start)
            diags.append(Diagnostic("author-note", "info", "a note on the authors' names, kept with the title page "
                                    "as an artefact, not as a note", a.start, a.end, line, col))
    for s, e in doubtful:
        if s in spans:
            continue
        line, col = index.position(s)
        diags.append(Diagnostic("ambiguous-marker", "warning",
                                f"'{text[s:e]}' may be note {text[s:e - 1]} glued to a letter, or a page artefact; "
                                "left in the body", s, e, line, col))
    return Layout(tuple(markers), tuple(notes), tuple(artefacts), tuple(diags))


HEAD_OF_TEXT = re.compile(r"(?:abstract|summary|resumen|zusammenfassung|résumé|riassunto|sommario|keywords?|"
                          r"palabras clave|schlüsselwörter|mots-clés)\b", re.IGNORECASE)
BYLINE = 160  # characters: a title or a line of authors' names, not a paragraph


def _last_body_sign(form_feeds: list[int], markers: list[tuple[int, int]], number: int, start: int,
                    stop: int) -> int:
    """Where text[start:stop] last shows it is a page's body and not a note's: a form feed (the next
    page's text) or a marker numbered past the note (the next column's text, which points to its own
    notes); -1 where nothing does."""
    last = -1
    k = bisect_right(form_feeds, stop - 1) - 1
    if k >= 0 and form_feeds[k] >= start:
        last = form_feeds[k]
    for j in range(bisect_right(markers, (stop, -1)) - 1, -1, -1):
        pos, n = markers[j]
        if pos < max(start, last):
            break
        if n > number:
            return max(last, pos)
    return last


def _author_notes(text: str, lines: list[tuple[int, int]], markers: list[Marker],
                  notes: list[Note]) -> tuple[list[Marker], list[Note], list[Artefact]]:
    """Markers on the title block's lines of names, and their notes, as artefacts of the title page.

    "Jane Secker 1 , Chris Morrison 2" with "1 Dr Jane Secker is Senior Lecturer …" below: notes on
    the authors, numbered 1 to k, before the abstract or the introduction begins the text.
    """
    head_end = -1
    for i, (s, e) in enumerate(lines[:20]):
        line = text[s:e].strip()
        if HEAD_OF_TEXT.match(line) or (len(line) <= 40 and INTRODUCTION_HEADING.fullmatch(line)):
            head_end = s
            break
    if head_end < 0:
        return markers, notes, []
    on_byline = [m for m in markers if m.start < head_end]
    if not on_byline or [m.number for m in on_byline] != list(range(1, len(on_byline) + 1)):
        return markers, notes, []
    for m in on_byline:
        s, e = lines[_line_of(lines, m.start)]
        if len(text[s:e].strip()) > BYLINE or text[s:e].rstrip().endswith("."):
            return markers, notes, []
    author = []
    for m in on_byline:
        note = next((n for n in notes if n.number == m.number and n.start > m.end), None)
        if note is None or note.continued or citation_likeness(note.text) >= 1.0:
            return markers, notes, []
        author.append(note)
    parts = [Artefact("author-mark", m.start, m.end, text[m.start:m.end]) for m in on_byline]
    for n in author:
        s = n.label_start if n.label_start >= 0 else n.start
        parts.append(Artefact("author-note", s, n.end, text[s:n.end]))
    taken = {id(n) for n in author}
    return markers[len(on_byline):], [n for n in notes if id(n) not in taken], parts


NOTE_TYPE_RATIO = 1.12  # note lines this much longer than body lines: the notes are set in smaller type
OPEN_END = re.compile(r"(?:[\w,;:(\[–-]|\b[A-Z]\.)$")  # "… in A." stops at an initial


def _typical_width(widths: list[int]) -> float:
    full = sorted(w for w in widths if w >= 40)  # full lines; a paragraph's last line says nothing
    return full[len(full) // 2] if len(full) >= 20 else 0.0


def _rest_of_note(text: str, lines: list[tuple[int, int]], start: int, end: int, wide: float,
                  body_width: float) -> int | None:
    """The first line of the note-wide run that ends lines[start:end], or None.

    Each line votes by its width: note-wide for, body-wide against, short (a paragraph's or the
    note's last line) not at all. The rest begins where the votes from there to the end sum highest,
    so a note line cut short by a long word does not end the run (on a tie, a wide line joins it).
    """
    best, best_at, total = 0, None, 0
    for li in range(end - 1, start - 1, -1):
        w = len(text[lines[li][0]:lines[li][1]].rstrip())
        if li != end - 1 and w >= body_width * 0.75:
            total += 1 if w >= wide else -1
        if total > best or (total == best and best_at is not None and w >= wide):
            best, best_at = total, li
    return best_at


SECTION_NUMBER = re.compile(r"[IVXLC]{1,5}\.|\d{1,2}\.")


def _split_lost_labels(text: str, lines: list[tuple[int, int]], notes: list[Note],
                       marker_numbers: dict[int, list[int]], index: LineIndex) -> list[Note]:
    """Note n + 1 whose number pdftotext lost, split off the end of note n: notes n and n + 2 stand
    at the page's foot, a marker n + 1 in the text before them, and note n's lines hold a sentence
    and then a line that starts another ("…Restoration, 285." / "See Campbell v. Acuff-Rose …")."""
    out = []
    for k, n in enumerate(notes):
        nxt = notes[k + 1] if k + 1 < len(notes) else None
        if nxt is None or n.placement != "page-bottom" or nxt.number != n.number + 2 \
                or not _marked_before(marker_numbers, n.number + 1, n.start):
            out.append(n)
            continue
        split = None
        for li in range(_line_of(lines, n.start) + 1, _line_of(lines, n.end) + 1):
            ls = lines[li][0]
            first = text[ls:lines[li][1]].lstrip()[:1]
            if first and (first.isupper() or first in "“\"‘'«(") and _ends_sentence(text, n.start, ls - 1):
                split = ls
                break
        if split is None:
            out.append(n)
            continue
        head_end = split - 1
        while head_end > n.start and text[head_end - 1].isspace():
            head_end -= 1
        line, col = index.position(split)
        out.append(replace(n, text=text[n.start:head_end], end=head_end))
        out.append(Note(n.number + 1, text[split:n.end], split, n.end, n.placement, -1, -1, line, col))
    return out


def _rest_by_content(text: str, lines: list[tuple[int, int]], start: int, end: int) -> int | None:
    """The first line of a note's rest at the end of lines[start:end], told by what it says where the
    type does not tell: a line in lower case or a number that no paragraph begins with, after a
    heading ("II." / "einer öffentlichen Einrichtung …") or after prose when the rest reads as
    references ("… applied to the source" / "2012, pp. 169-174, https://…; S. Bhattacharyya, …")."""
    for li in range(start + 1, end):
        line = text[lines[li][0]:lines[li][1]].strip()
        if not line or not (line[0].islower() or line[0].isdigit()):
            continue
        before = text[lines[li - 1][0]:lines[li - 1][1]].strip()
        if line[0].islower() and len(before) <= 40 and before[:1].isupper() and (
                SECTION_NUMBER.fullmatch(before) or not before.endswith((".", ",", ";", ":", "-", ")"))):
            return li
        rest = " ".join(text[s:e].strip() for s, e in lines[li:end])
        if citation_likeness(before) < 0.5 and citation_likeness(line) >= 2.5 and citation_likeness(rest) >= 2.5:
            return li
    return None


# Below NOTE_TYPE_RATIO: a note that ran on into the next column's text counts that text's lines as
# its own, which narrows the notes' typical width; a split still needs a column's worth of body lines.
COLUMN_TYPE_RATIO = 1.08
COLUMN_BODY = 3  # body-wide lines, net of note-wide ones, that make a column's text
WIDE_REST = 2  # note-wide lines that make a rest where no open sentence asks for one


def _split_at_columns(text: str, lines: list[tuple[int, int]], furniture: dict[int, str], notes: list[Note],
                      label_lines: set[int]) -> list[Note]:
    """Page-bottom notes read apart from the next column's text. pdftotext -raw sets a column's notes
    under its text, and the next column's text right after them, with no furniture between: a note
    that a column break cut runs on into that text (or stops before its own last sentences), and its
    rest stands after that text, over the next column's first label. Only the type tells them apart:
    the lines from the note's second to the next label are note-wide, then body-wide (the column's
    text), then note-wide again (the rest), and the split is where the widths vote so most."""
    in_note, note_width, body_width = _note_and_body_widths(lines, furniture, notes)
    if not (note_width and body_width and note_width >= body_width * COLUMN_TYPE_RATIO):
        return notes
    wide = (note_width + body_width) / 2
    out = list(notes)
    for k, n in enumerate(out):
        if n.placement != "page-bottom" or n.label_start < 0 or n.continued:
            continue
        first, last = _line_of(lines, n.start), _line_of(lines, n.end)
        stop = last + 1
        while stop < len(lines) and stop not in label_lines and stop not in furniture and not in_note[stop] \
                and text[lines[stop][0]:lines[stop][1]].strip():
            stop += 1
        split = _column_split(text, lines, first + 1, last + 1, stop, wide, body_width)
        if split is None:
            continue
        note_end, rest_start = split
        s, e = _stripped(text, n.start, lines[note_end - 1][1])
        if rest_start < stop and (not _ends_sentence(text, s, e) or rest_start + WIDE_REST < stop):
            rs, re_ = _stripped(text, lines[rest_start][0], lines[stop - 1][1])
            out[k] = replace(n, text=text[s:e] + "\n" + text[rs:re_], end=e, continued=((rs, re_),))
        else:
            out[k] = replace(n, text=text[s:e], end=e)
    return out


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end]'s span without the white space around it."""
    chunk = text[start:end]
    s = start + len(chunk) - len(chunk.lstrip())
    return s, s + len(chunk.strip())


def _column_split(text: str, lines: list[tuple[int, int]], start: int, now: int, stop: int, wide: float,
                  body_width: float) -> tuple[int, int] | None:
    """(the line after a note's last, the first line of its rest) over lines[start:stop], a note
    that now ends before line `now`; None where no column's text stands among them. Each line votes
    note-wide, body-wide or (short) not at all; the note and its rest take the note-wide lines and
    the column's text between them the body-wide ones. Short lines on a tie: the note keeps one to
    end its sentence (its paragraph's last line); the column's text keeps the rest (a heading, its
    paragraph's last line)."""
    votes = []
    for li in range(start, stop):
        w = len(text[lines[li][0]:lines[li][1]].rstrip())
        votes.append(1 if w >= wide else -1 if w >= body_width * 0.75 else 0)
    prefix = [0]
    for v in votes:
        prefix.append(prefix[-1] + v)
    best, at, top, top_at = None, None, -1 << 30, 0
    for b in range(len(prefix)):
        if prefix[b] > top:
            top, top_at = prefix[b], b
        if best is None or top - prefix[b] >= best:
            best, at = top - prefix[b], (top_at, b)
    if best is None or at is None or best < COLUMN_BODY:
        return None
    note_end, rest_start = start + at[0], start + at[1]
    if note_end < rest_start and votes[at[0]] == 0 and not _ends_sentence(text, lines[start - 1][0],
                                                                            lines[note_end - 1][1]):
        note_end += 1
    if note_end == now and rest_start == stop:
        return None
    if text[lines[note_end - 1][0]:lines[note_end - 1][1]].rstrip().endswith(":"):
        return None  # the note introduces what follows: a quotation set narrower, not a column's text
    return note_end, rest_start


def _join_continuations(text: str, lines: list[tuple[int, int]], furniture: dict[int, str], notes: list[Note],
                        label_lines: set[int], marker_starts: list[int]) -> list[Note]:
    """Page-bottom notes a page break cut off mid-sentence, joined with their rest on the next page.

    The rest stands at the foot of the next page's text, above that page's first note (or its
    furniture). Only the type tells it from the prose above it: where the notes are set smaller, a
    note line holds more characters than a body line, so the rest is the run of note-wide lines
    (and a short last line) that ends the page's text.
    """
    in_note, note_width, body_width = _note_and_body_widths(lines, furniture, notes)
    by_width = bool(note_width and body_width and note_width >= body_width * NOTE_TYPE_RATIO)
    wide = (note_width + body_width) / 2

    def blank(li: int) -> bool:
        s, e = lines[li]
        return not text[s:e].strip()

    out = list(notes)
    for k, n in enumerate(out):
        if n.placement != "page-bottom":
            continue
        parts: list[tuple[int, int]] = list(n.continued)
        li = _line_of(lines, parts[-1][1] if parts else n.end)
        while OPEN_END.search(text[max(n.start, (end := parts[-1][1] if parts else n.end) - 3):end]):
            # the page break: furniture (and blank lines) right after the note, then the next page's text
            li += 1
            saw_furniture = False
            while li < len(lines) and (li in furniture or blank(li)):
                saw_furniture = saw_furniture or li in furniture
                li += 1
            if not saw_furniture:
                break
            li = _past_missed_head(lines, furniture, label_lines, blank, li)
            # the page's text up to its first note or furniture; the rest ends its last paragraph
            stop = li
            while stop < len(lines) and stop not in furniture and stop not in label_lines and not in_note[stop]:
                stop += 1
            zone_end = stop
            while zone_end > li and blank(zone_end - 1):
                zone_end -= 1
            zone_start = zone_end
            while zone_start > li and not blank(zone_start - 1):
                zone_start -= 1
            if by_width:
                first = _rest_of_note(text, lines, zone_start, zone_end, wide, body_width)
            else:
                first = _rest_by_content(text, lines, zone_start, zone_end)
            if first is not None:
                first = max(first, _after_last_marker(lines, marker_starts, first, zone_end))
            if first is None or first >= zone_end:
                break
            s, e = _stripped(text, lines[first][0], lines[zone_end - 1][1])
            parts.append((s, e))
            for x in range(first, zone_end):
                in_note[x] = True
            li = stop - 1
            if stop in label_lines:
                break  # the next page's notes begin: the rest is complete
        if len(parts) > len(n.continued):
            joined = text[n.start:n.end] + "".join("\n" + text[s:e] for s, e in parts)
            out[k] = replace(n, text=joined, continued=tuple(parts))
    return out


HEAD_LINES = 2  # a running head's lines, at most


def _past_missed_head(lines: list[tuple[int, int]], furniture: dict[int, str], label_lines: set[int], blank,
                      li: int) -> int:
    """The first line of a page's text that starts at line li, past a running head the furniture
    finder missed: a line or two between the last page's folio and this page's (its head's folio)."""
    j, seen = li, 0
    while j < len(lines) and j not in furniture and j not in label_lines and seen <= HEAD_LINES:
        seen += not blank(j)
        j += 1
    if j >= len(lines) or j not in furniture or not 0 < seen <= HEAD_LINES:
        return li
    while j < len(lines) and (j in furniture or blank(j)):
        j += 1
    return j


def _after_last_marker(lines: list[tuple[int, int]], marker_starts: list[int], start: int, end: int) -> int:
    """The line after the last of lines[start:end] that holds a marker, or start: a note's rest
    carries no markers, the page's text that points to the notes does."""
    k = bisect_right(marker_starts, lines[end - 1][1] - 1) - 1
    if k < 0 or marker_starts[k] < lines[start][0]:
        return start
    return _line_of(lines, marker_starts[k]) + 1


def _note_and_body_widths(lines: list[tuple[int, int]], furniture: dict[int, str],
                          notes: list[Note]) -> tuple[list[bool], float, float]:
    """(whether each line is a note's, the typical width of a note's lines, that of the body's)."""
    in_note = [False] * len(lines)
    note_widths = []
    for n in notes:
        for s, e in n.parts:
            first, last = _line_of(lines, s), _line_of(lines, e)
            for li in range(first, last + 1):
                in_note[li] = True
            note_widths += [lines[li][1] - lines[li][0] for li in range(first, last)]
    body_widths = [e - s for i, (s, e) in enumerate(lines) if not in_note[i] and i not in furniture]
    return in_note, _typical_width(note_widths), _typical_width(body_widths)


def _resumes_after_blank(text: str, lines: list[tuple[int, int]], li: int, start: int, end: int,
                         label_lines, furniture, limit: int) -> bool:
    """Whether a note goes on after blank line li: pdftotext -layout sets small type's lines apart
    ("…Erbfolge, S. 99–101; siehe auch Lindemann, Eigentum und Erb-" / "" / "folge, S. 445–470.").
    Only a note cut mid-sentence resumes: by a hyphen or comma, after or before a lower-case word,
    or after an abbreviation ("Vgl.") before a number or a reference."""
    nxt = li + 1
    if nxt >= len(lines) or nxt in label_lines or nxt in furniture or lines[nxt][0] >= limit:
        return False
    following = text[lines[nxt][0]:lines[nxt][1]].strip()
    last = text[max(start, end - 2):end].rstrip()
    if not following or _ends_sentence(text, start, end):
        return False
    if last.endswith(("-", ",")) or last[-1:].islower() or (following[:1].islower() and last[-1:].isalnum()):
        return True
    return last.endswith(".") and (following[:1].isdigit() or citation_likeness(following) >= 1.0)


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] ends at a full stop (not an abbreviation's period)."""
    tail = text[max(start, end - 40):end].rstrip("”’\"')] ")
    if not tail.endswith((".", "!", "?")):
        return False
    probe = tail + " X"
    return len(tail) in sentence_ends(probe, 0, len(probe))[:-1]


def _endnote_lines(lines: list[tuple[int, int]], furniture: dict[int, str]) -> set[int]:
    heads = sorted(i for i, k in furniture.items() if k == "notes-heading")
    if not heads:
        return set()
    return set(range(heads[0] + 1, len(lines)))


class SpanSet:
    """Membership of an offset in a union of spans, in O(log n)."""

    def __init__(self, spans: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for s, e in sorted(spans):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def __contains__(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


def scan(text: str, index: LineIndex | None = None) -> Layout:
    index = index or LineIndex.of(text)
    # Footnotes or citations in Pandoc's syntax: the text is Markdown already (footnorm's own output
    # among it), and its numbers are the author's prose, not flattened markers.
    if "[^" in text and (MD_REF.search(text) or MD_DEF.search(text)) or PANDOC_CITATION.search(text):
        return scan_markdown(text, index)
    if FOOTNOTE_CMD.search(text):
        return scan_latex(text, index)
    if "`" not in text:
        return scan_flat(text, index)
    # The cleaner turns a backtick after a letter into an apostrophe; the scanner must decide the
    # same either way, or footnorm's output would not be a fixed point. Same length, same offsets.
    layout = scan_flat(text.replace("`", "’"), index)
    return Layout(
        layout.markers,
        tuple(replace(n, text=text[n.start:n.end]) for n in layout.notes),
        tuple(replace(a, text=text[a.start:a.end]) for a in layout.artefacts),
        layout.diagnostics,
    )
