"""The parser stage: one note's text (or one bibliography string) -> citations.

Three steps, each linear in the length of the note:

1. ``grammar/tokens.lark`` defines the coarse tokens (its terminals are compiled
   into one regular expression): quotations, parentheses and brackets are single
   tokens, so separators inside a title never split anything.
2. The tokens are cut into citation candidates at semicolons and sentence ends (a
   cut at a full stop is tentative and undone when the citation before it is
   incomplete: "Proc. Natl. Acad. Sci."); a candidate loses its signal ("See also",
   "vgl.") and any commentary before the citation ("This is discussed at length
   in ..."), and is cut into fields at commas.  Each field is classified by its
   shape and its position (names, quoted title, publication parenthetical,
   volume, issue, pinpoint, ...).
3. ``grammar/citation.lark`` (LALR, strict, tree-less) parses the typed fields and
   decides the roles; ``_interpret`` turns the roles into a ``model.Reference``.

A text that opens like a bibliography entry (an inverted or Vancouver name list,
a name list closed by a full stop or a date) takes the same route through
``grammar/bibliography.lark``: name list, date, title, then the typed fields of the
rest; its page ranges are the work's pages, not pinpoints.

When the grammar rejects a candidate the stage retries without the fields from the
error on (trailing commentary), and otherwise falls back to a field-by-field reading
with an ``unparsed-reference`` diagnostic.  Nothing here raises on any input.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from lark import Lark, Token, Transformer
from lark.exceptions import LarkError, UnexpectedInput
from lark.lexer import Lexer

from .grammar_loader import load_grammar
from .keys import LEGAL_TYPES
from .lazy_re import LazyPattern  # for the patterns of rare forms: compiled when a text needs them
from .legal import Legal, case_in, gazetted_act_in, provision_in, read_legal
from .model import Citation, Diagnostic, Name, Reference
from .names import looks_like_names, split_family_names, split_inverted_names, split_names

__all__ = ["list_number", "parse_note_text", "parse_reference"]

# --------------------------------------------------------------------------
# level 1: tokens
# --------------------------------------------------------------------------


class _Tok(NamedTuple):
    """A level-1 token: its terminal name and its span in the note."""

    type: str
    start: int
    end: int


@functools.cache
def _token_scanner() -> tuple[re.Pattern[str], frozenset[str]]:
    """One compiled alternation of the terminals of tokens.lark.

    The grammar file is the single source of the patterns; lark orders them (priority,
    literal strings, then width) as its basic lexer would.  Scanning with one ``re`` pattern
    avoids building a lark lexer per note, which ``Lark.lex`` does."""
    lk = Lark(load_grammar("tokens.lark"), parser="lalr", lexer="basic", cache=True)
    terms = sorted(
        lk.terminals,
        # literal separators before the catch-all OTHER, as lark's own lexer tries them
        key=lambda t: (-t.priority, t.pattern.type != "str", -t.pattern.max_width, t.name),
    )
    alternation = "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in terms)
    return re.compile(alternation), frozenset(lk.lexer_conf.ignore)


@functools.cache
def _spaced_scanner() -> re.Pattern[str] | None:
    """The scanner without its whitespace alternative: each match first skips the blanks before
    its token ("\\s*+", possessive: no backtracking), so a note's spaces cost no match of their
    own.  The same tokens as _token_scanner's, because the only ignored terminal is whitespace
    and no other terminal of tokens.lark opens with whitespace; at the end of the text the blanks
    match alone (no group).  None when the grammar's ignored terminals are not just "\\s+"."""
    scanner, ignore = _token_scanner()
    parts = scanner.pattern.split("|(?P<")
    blank = [p for p in parts if p.split(">", 1)[0] in ignore]
    if len(blank) != 1 or blank[0].split(">", 1)[1] != r"\s+)":
        return None
    kept = "|(?P<".join(p for p in parts if p not in blank)
    return re.compile(r"\s*+(?:" + kept + r"|\Z)")


_SPLIT_PUNCT = {".": "PERIOD", ",": "COMMA", ";": "SEMI", ":": "COLON"}


_NEW_TUPLE = tuple.__new__  # builds a _Tok without the Python-level __new__ of a NamedTuple


def _tokens(text: str, start: int = 0, end: int | None = None) -> list[_Tok]:
    scanner, ignore = _token_scanner()
    spaced = _spaced_scanner()
    if spaced is not None and "http" not in text and "www." not in text:
        # no URL token can occur (the URL terminal opens with "http" or "www."): one pass,
        # every token kept as it is but TAG
        return [
            _NEW_TUPLE(_Tok, (kind, m.start(kind), m.end()))
            for m in spaced.finditer(text, start, len(text) if end is None else end)
            if (kind := m.lastgroup) is not None and kind != "TAG"
        ]
    out: list[_Tok] = []
    for m in scanner.finditer(text, start, len(text) if end is None else end):
        kind = m.lastgroup or "OTHER"
        if kind in ignore or kind == "TAG":
            continue
        start, end = m.span()
        if kind == "URL":  # a URL does not own the sentence's final stop or a closing paren
            full_end = end
            while end > start and text[end - 1] in ".,;:)]>":
                end -= 1
            out.append(_Tok(kind, start, end))
            for pos in range(end, full_end):
                out.append(_Tok(_SPLIT_PUNCT.get(text[pos], "OTHER"), pos, pos + 1))
            continue
        out.append(_Tok(kind, start, end))
    return out


# --------------------------------------------------------------------------
# level 2: the citation grammar over typed fields
# --------------------------------------------------------------------------


class _FieldStream(Lexer):
    """The 'lexer' of citation.lark: the typed fields are already tokens."""

    def __init__(self, lexer_conf) -> None:  # noqa: D107 - lark's interface
        pass

    def lex(self, data):  # type: ignore[override]
        return iter(data)


@dataclass
class _Parse:
    """What the grammar decided: roles of the fields, in order."""

    kind: str = "cit"  # cit, ibid, author_only
    authors: list[Token] = field(default_factory=list)
    edmark: bool = False
    title: list[Token] = field(default_factory=list)
    parts: list[Token] = field(default_factory=list)
    locators: list[Token] = field(default_factory=list)
    bibliography: bool = False  # a bibliography entry: names inverted, ranges are the work's pages


class _Roles(Transformer):
    """Tree-less transformer: every rule returns plain lists / a _Parse."""

    def start(self, children):
        return children[0]

    def ibid(self, children):
        p = _Parse(kind="ibid", title=[children[0]])
        if len(children) > 1:
            p.locators = [t for t in children[1] if t.type == "LOC"]
            p.parts = [t for t in children[1] if t.type != "LOC"]
        return p

    def _cit(self, children, kind):
        p = _Parse(kind=kind)
        for c in children:
            if isinstance(c, tuple) and c[0] == "authors":
                p.authors, p.edmark = c[1], c[2]
            elif isinstance(c, tuple) and c[0] == "work":
                p.title, p.parts = c[1], c[2]
                if c[3]:
                    p.kind = c[3]
            elif isinstance(c, list):
                p.locators = [t for t in c if t.type == "LOC"]
                p.parts = p.parts + [t for t in c if t.type != "LOC"]
        return p

    def cit(self, children):
        return self._cit(children, "cit")

    def author_only(self, children):
        return self._cit(children, "author_only")

    def anonymous(self, children):
        return self._cit(children, "cit")

    def authors(self, children):
        edmark = bool(children) and children[-1].type == "EDMARK"
        names = [c for c in children if c.type != "EDMARK"]
        return ("authors", names, edmark)

    def quoted_work(self, children):
        return ("work", [children[0]], children[1] if len(children) > 1 else [], "")

    def plain_work(self, children):
        title = [c for c in children if isinstance(c, Token)]
        tail = next((c for c in children if isinstance(c, list)), [])
        return ("work", title, tail, "")

    def opcit_work(self, children):
        return ("work", [], list(children[1:]) if len(children) > 1 else [], "opcit")

    def crossref_work(self, children):
        return ("work", [], [children[0]], "opcit")

    def crossref(self, children):
        return children[0]

    def quoted_tail(self, children):
        return list(children)

    def container(self, children):
        tok = children[0]
        return Token("CONTAINER", str(tok), tok.start_pos, tok.line, tok.column, end_pos=tok.end_pos)

    def plain_tail(self, children):
        return list(children)

    def locators(self, children):
        return list(children)


@functools.cache
def _citation_parser() -> Lark:
    return Lark(
        load_grammar("citation.lark"),
        parser="lalr",
        lexer=_FieldStream,
        strict=True,
        transformer=_Roles(),
        cache=True,
    )


# --------------------------------------------------------------------------
# vocabularies (Chicago in en/de/fr/it/es, Oxford, legal)
# --------------------------------------------------------------------------

_SIGNAL = re.compile(
    r"""^(?:
        (?:see|cf|compare|contra|but\s+see|but\s+cf|accord)\.?
            (?:\s+(?:also|generally|further|esp\.?|e\.g\.)|,?\s*(?:e\.g\.|for\s+example|for\s+instance|among\s+others),?)*
      | e\.g\. | i\.e\. | for\s+example | for\s+instance
      | vgl\.?(?:\s+(?:auch|dazu|nur|etwa|insbesondere|ferner))* | siehe(?:\s+auch)? | s\.\s+auch
      | dazu(?:\s+(?:etwa|auch|näher|ausführlich|grundlegend|nur|allgemein))? | ferner | so\s+auch | ebenso
      | (?:ausführlich|grundlegend|allgemein|kritisch|zustimmend|anders|näher)(?:\s+(?:dazu|etwa|nur|auch))*(?=:)
      | voir(?:\s+aussi|\s+également)? | cfr\. | cf\. | v\. | véase(?:\s+también)? | ver(?:\s+también)? | vid\.
      | see\s+also
    )\.?[,:]?\s+""",
    re.I | re.X,
)
_SIGNAL_WORDS = frozenset("see cf. cf vgl. vgl siehe voir véase cfr. compare".split())

_IBID = re.compile(
    r"^(?:ibid|ibidem|ib|id|idem|ebd|ebda|ebenda|ibd|ivi|ibíd|ídem|eadem|ead)\.?(?=$|[\s,])", re.I
)
_OPCIT = re.compile(
    r"^(?:op\.?\s*cit|loc\.?\s*cit|art\.?\s*cit|ouvr\.?\s*cit|cit|a\.\s?a\.\s?O|aaO|o\.\s?c)\.?(?=$|[\s,])",
    re.I,
)
_CROSSREF = re.compile(
    r"^(?:supra|infra|above|below|oben|unten|vide\s+supra)\b|^(?:see\s+)?(?:n|note|fn|Fn|Anm)\.?\s*\d+\s+(?:above|supra|oben)\b",
    re.I,
)
_EDMARK = re.compile(
    r"^\(?(?:eds?|editors?|hrsg|hg|hgg|éds?|dir|coord|comps?|coords?|a\s+cura\s+di|a\s+c\.\s+di|ed\.\s*lit|Hrsg\.\s*v)\.?\)?$", re.I
)
_EDBY = re.compile(
    r"^(?:eds?\.|edited\s+by|ed\.\s+by|hrsg\.\s*v(?:on|\.)?|hg\.\s*v(?:on|\.)?|herausgegeben\s+von|"
    r"éds?\.\s+par|édité\s+par|sous\s+la\s+dir(?:ection|\.)?\s+de|dir\.|a\s+cura\s+di|a\s+c\.\s+di|"
    r"ed\.\s+(?:por|de)|edición\s+de|editado\s+por|coord\.|comp\.)\s+(?=\S)",
    re.I,
)
_TRANSBY = re.compile(
    r"^(?:trans\.|translated\s+by|tr\.|übers\.\s*v(?:on|\.)?|übersetzt\s+von|trad\.\s+(?:par|di|por|de)|"
    r"traduit\s+par|tradotto\s+da|traducido\s+por|traducción\s+de|trad\.)\s+(?=\S)",
    re.I,
)
_INBOOK = re.compile(r"^(?:in:?|In:|dans|en(?!\s+ligne\b)|in\s+den|in\s+der|in\s+dem)\s+(?=\S)")
_ACCESSED = re.compile(
    r"^(?:accessed|last\s+accessed|retrieved|abgerufen|zugegriffen|consulté|consultato|consultado|"
    r"last\s+modified|aufgerufen|visited)\b",
    re.I,
)
_ROMAN = r"[ivxlc]+"
# roman numerals in lower case, or of two letters and more: a lone "C." is an initial
_NUM = r"(?:[A-Z]{0,2}\d+[a-z]?|(?-i:" + _ROMAN + r"|[IVXLC]{2,}))"
_RANGE = _NUM + r"(?:\s*[-‐‑−–—‒]\s*" + _NUM + r")?(?:\s*(?:f|ff|sq|sqq|et\s+seq)\.?)?"
_VOL = re.compile(r"^(?:volume|vol|vols|bd|bde|band|t|tome|tomo|v|teil|tl|part|pt)\.?\s*(" + _NUM + r"(?:[-‐‑−–/]" + _NUM + r")?)$", re.I)
_ISSUE = re.compile(
    r"^(?:no|nos|nr|nᵒ|n°|nº|n\.º|n\.°|núm|num|n|heft|h|issue|fasc|iss)\.?\s*(\d+[a-z]?(?:\s*[-‐‑−–/]\s*\d+)?)$",
    re.I,
)
_EDITION = re.compile(
    r"^(?:\d+(?:st|nd|rd|th|d|e|\.?ª|\.?º|\.|a)?\s*(?:rev\.\s*)?(?:ed|edn|edition|aufl|auflage|éd|édition|ediz|edición)\.?"
    r"|rev\.\s*ed\.?|revised(?:\s+edition)?|new\s+ed\.?|reprint(?:ed)?|illustrated|expanded\s+edition)(?:\s+\d{4})?$",
    re.I,
)
_GENRE = re.compile(
    r"^(?:unpublished\s+)?(?:ph\.?\s?d\.?\s+(?:diss(?:ertation)?|thesis)|diss(?:ertation)?|doctoral\s+(?:diss(?:ertation)?|thesis)|"
    r"master['’]?s\s+thesis|ma\s+thesis|m\.a\.\s+thesis|m\.?sc?\.?\s+thesis|thesis|working\s+paper|discussion\s+paper|"
    r"tech-?\s?nical\s+report|tech\.\s+rep|report|preprint|unpublished\s+manuscript|"
    r"habilitationsschrift|tesis(?:\s+doctoral)?|thèse(?:\s+de\s+doctorat)?|tesi(?:\s+di\s+dottorato)?|"
    r"mémoire|white\s+paper|policy\s+brief|conference\s+paper|paper\s+presented\s+at\b.*|"
    r"manuscript|personal\s+communication|press\s+release|draft\s+paper|tech\.?\s+rpt)\.?"
    r"(?:\s+(?:no\.\s*)?[A-Z0-9][\w./-]*){0,2}",
    re.I,
)
# "US Patent 3,712,959", "CMU CS Tech Report CMU-CS-94-123", "Technical Report TU Wien rr-02-92":
# a document's kind and its number, up to a few words of issuer between them
_NUMBERED_GENRE = re.compile(
    r"^(?:[A-Z][\w./-]*\s+){0,4}(?:patent|tech(?:nical)?\.?\s+rep(?:ort)?\.?|working\s+paper|discussion\s+paper|"
    r"research\s+report|report\s+no\.?)\s+(?:no\.?\s*)?(?:[A-Z\w./-]+\s+){0,3}[\w./-]*\d[\w.,/-]*$",
    re.I,
)
_PATENT = re.compile(r"\bpatent\b", re.I)
_THESIS = re.compile(r"diss|thesis|tesi|thèse|habilitation|mémoire", re.I)
_REPORT = re.compile(r"report|working\s+paper|discussion\s+paper|brief|white\s+paper|tech", re.I)
_MONTHS = (
    r"jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|"
    r"sep(?:t(?:ember)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?|"
    r"januar|februar|märz|mai|juni|juli|oktober|dezember|"
    r"janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|dicembre|"
    r"enero|febrero|abril|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|"
    r"spring|summer|fall|autumn|winter|frühjahr|sommer|herbst|printemps|été|automne|hiver"
)
_DATE = re.compile(  # a month alone ("Mai", "May") is a name, not a date: a digit is required
    r"^(?=.*\d)(?:(?:\d{1,2}\.?\s+(?:de\s+)?)?(?:" + _MONTHS + r")\.?\s*(?:de\s+)?(?:\d{1,2}(?:st|nd|rd|th)?)?(?:\s*,?\s*(?:de\s+)?\d{4})?"
    r"|\d{4}-\d{2}(?:-\d{2})?|\d{1,2}\.\d{1,2}\.\d{4})$",
    re.I,
)
_YEAR = re.compile(r"^(?:c\.\s*|ca\.\s*|año\s+|anno\s+)?((?:1[5-9]|20)\d\d)(?:[a-z]|\s*\[(?:1[5-9]|20)\d\d\])?[.,]?$")
_NO_DATE = re.compile(r"^(?:n\.\s?d|o\.\s?J|s\.\s?d|s\.\s?f|sans\s+date|sin\s+fecha)\.?$", re.I)
_ANY_YEAR = re.compile(r"(?<!\d)((?:1[5-9]|20)\d\d)(?!\d)")
_LOC_LABELS = {
    "p": "page", "pp": "page", "pg": "page", "pgs": "page", "s": "page", "seite": "page", "pág": "page",
    "págs": "page", "pag": "page", "pagg": "page", "at": "page", "page": "page", "pages": "page",
    "n": "note", "nn": "note", "fn": "note", "note": "note", "notes": "note", "anm": "note",
    "chap": "chapter", "ch": "chapter", "chaps": "chapter", "cap": "chapter", "kap": "chapter", "chapter": "chapter",
    "col": "column", "cols": "column", "sp": "column",
    "fol": "folio", "fols": "folio", "ff": "folio", "f": "folio", "fo": "folio",
    "l": "line", "ll": "line", "line": "line", "lines": "line", "z": "line",
    "sec": "section", "secs": "section", "§": "section", "§§": "section", "sect": "section", "art": "section",
    "arts": "section", "recital": "paragraph", "recitals": "paragraph", "punto": "paragraph", "abs": "paragraph",
    "para": "paragraph", "paras": "paragraph", "par": "paragraph", "¶": "paragraph", "¶¶": "paragraph",
    "rn": "paragraph", "rdnr": "paragraph", "rz": "paragraph", "nm": "paragraph", "item": "paragraph",
    "vol": "volume", "bd": "volume", "t": "volume", "book": "book", "bk": "book", "lib": "book",
    "fig": "figure", "table": "table", "tab": "table", "no": "issue", "nr": "issue", "v": "verse", "vv": "verse",
}
_SUBDIVISION = r"(?:\([\dA-Za-z]{1,5}\))*"  # "art. 3(c)(i)": a provision's paragraphs and points
_SUBDIVISION_PAREN = re.compile(r"\([\dA-Za-z]{1,5}\)")
_LOC = re.compile(
    r"^(?:(?P<label>pp?|pgs?|s|seite|págs?|pagg?|at|pages?|nn?|fn|notes?|anm|chaps?|ch|cap|kap|chapter|"
    r"cols?|sp|fols?|fo|ll?|lines?|z|secs?|sect|§§?|arts?|paras?|par|¶¶?|rn|rdnr|rz|nm|item|book|bk|lib|fig|table|tab|vv?|"
    r"recitals?|punto|abs)"
    r"(?:\s?\.\s*|\s+|(?=\d)))?(?P<value>" + _RANGE + _SUBDIVISION + r"(?:\s*[,&]\s*|\s+(?:and|u\.|y|e|et)\s+)"
    r"?(?:(?<=[\s,&])" + _RANGE + _SUBDIVISION + r")?"
    r"(?:\s*(?:n|nn|fn|Anm)\.?\s*\d+(?:[-‐‑−–]\d+)?)?"
    # "§ 44a Rn. 3", "Art. 5 Abs. 2 S. 1": German subdivisions after the section
    r"(?:\s+(?:Rn|Rz|Rdnr|Abs|S|Satz|Nr|lit)\.?\s*\d{1,4}[a-z]?(?:\s*[-–]\s*\d{1,4})?(?:\s*f{1,2}\.?)?){0,3})\.?$",
    re.I,
)
_BARE_NUMBER = re.compile(r"^\d+$")
_TRAILING_NUMBER = re.compile(r"^(?P<text>.*\D)\s+(?P<num>\d+[A-Z]?|\d+\.\d+|[IVXLC]+)$")
_PUBLISHER_WORDS = LazyPattern(
    r"\b(?:press|verlag|university|universit\w*|univ\.|inc\.?|ltd\.?|llc|books?|publish\w*|publications?|"
    r"editions?|éditions|editorial|editore|edizioni|ediciones|co\.|company|institut\w*|gmbh|kg|ag|"
    r"group|house|media|springer|elsevier|wiley|routledge|macmillan|penguin|gallimard|seuil|suhrkamp|"
    r"beck|mohr|siebeck|kohlhammer|fayard|puf|einaudi|laterza|mulino|cátedra|akademie|academic|"
    r"society|council|office|bureau|ministry|department|centre|center|foundation|association|"
    r"sons|brothers|bros\.|&)\b",
    re.I,
)
_ABBREVIATIONS = frozenset(
    """ed eds trans tr vol vols no nos nr p pp s bd hrsg hg vgl cf cfr ders dies op cit loc art
    n nn fn anm ch chap cap kap fol fols col cols ff f sq sqq ca c repr diss dept univ inc co
    jr sr dr mr mrs ms st mt et al u a v vs e g i aufl ebd ibid id éd dir trad núm pág págs
    coord comp rev esp fig jan feb mar apr jun jul aug sep sept oct nov dec assn natl intl
    proc j am rep supp ser nf hist dt ders phil theol jur med pol soc sci""".split()
)
_ORDINAL_NOUNS = frozenset(
    "aufl auflage ausg ausgabe jg jahrgang jh jahrhundert bd band heft tl teil ed éd edition édition "
    "ediz edición siècle secolo siglo".split()
)
_SENTENCE_ENDERS = frozenset("ibid ibidem ebd ebenda id idem ivi al cit".split())


# --------------------------------------------------------------------------
# step 2: candidates and fields
# --------------------------------------------------------------------------


def _segments(text: str, toks: list[_Tok]) -> list[tuple[list[_Tok], bool]]:
    """Cut a note's tokens into citation candidates at ';' and at sentence ends.

    Each segment says whether a full stop ended it: such a cut is only tentative
    (journal abbreviations, titles with full stops) and may be undone later."""
    segs: list[tuple[list[_Tok], bool]] = []
    cur: list[_Tok] = []
    n = len(toks)
    for i, t in enumerate(toks):
        if t.type == "SEMI":
            if cur:
                segs.append((cur, False))
            cur = []
            continue
        cur.append(t)
        if t.type == "PERIOD" and i + 1 < n and _is_sentence_end(text, toks, i):
            segs.append((cur, True))
            cur = []
    if cur:
        segs.append((cur, False))
    return segs


def _is_sentence_end(text: str, toks: list[_Tok], i: int) -> bool:
    if i + 1 >= len(toks):
        return True  # the last stop ends the last sentence
    t, nxt = toks[i], toks[i + 1]
    if nxt.start == t.end:  # "e.g." "U.S." "10.1" : no space after the stop
        return False
    first = text[nxt.start]
    if not (first.isupper() or first in "“„«\"‘'([" or _lower_signal_opens(text, toks, i + 1)):
        return False
    prev = toks[i - 1] if i else None
    if prev is not None and prev.type == "WORD" and prev.end < t.start and text[prev.start : prev.end].isalpha() \
            and text[prev.start : prev.end].islower() and text[prev.start : prev.end] not in _ABBREVIATIONS:
        # OCR spaces the stop off its word ("… Canadian research . At times, …"); an initial or an
        # abbreviation keeps its capital or is listed ("H . Dobyns", "Ind ., 1976", "ed .")
        return True
    if prev is None or prev.type != "WORD" or prev.end != t.start:
        return prev is not None and prev.type in ("QUOTED", "PAREN", "BRACKET")
    word = text[prev.start : prev.end]
    low = word.lower()
    if low in _SENTENCE_ENDERS:
        return not text[nxt.start].isdigit()
    if word.isdigit() and text[nxt.start : nxt.end].rstrip(".").lower() in _ORDINAL_NOUNS:
        return False  # "3. Aufl." "19. Jahrhundert"
    if len(word.lstrip("-")) == 1 and word.lstrip("-").isupper():  # an initial: "J. Bryden", "C.-W. Tseng"
        return False
    if low in _ABBREVIATIONS:
        return False
    if word.isupper() and len(word) <= 3 and word.isalpha():  # "U.S.A", initials "JR"
        return False
    return True


_LOWER_SIGNALS = frozenset("see cf vgl siehe voir véase".split())


def _lower_signal_opens(text: str, toks: list[_Tok], k: int) -> bool:
    """"… (isolation). see: M. deutsch, …": where the capitals were lost, a signal in lower case
    after a full stop still opens a sentence, when a colon or a capitalised word follows it."""
    if text[toks[k].start : toks[k].end] not in _LOWER_SIGNALS or k + 1 >= len(toks):
        return False
    after = toks[k + 2] if toks[k + 1].type == "PERIOD" and k + 2 < len(toks) else toks[k + 1]
    return after.type == "COLON" or text[after.start].isupper()


@dataclass(slots=True)
class _Field:
    kind: str  # text quoted paren url doi bracket
    start: int
    end: int


@functools.lru_cache(maxsize=4096)  # pure; asked for every comma field of a note's first clauses
def _lone_signal(s: str) -> bool:
    """Whether `s` is a signal and nothing else ("see", "vgl. etwa"): a colon after it ends its field."""
    s = s.strip()
    m = _SIGNAL.match(s + " ")
    return m is not None and m.end() == len(s) + 1


def _fields(text: str, toks: list[_Tok]) -> list[_Field]:
    """Cut one candidate into fields at commas; quotes, parens, URLs stand alone."""
    out: list[_Field] = []
    cur: _Field | None = None

    def close() -> None:
        nonlocal cur
        if cur is not None:
            out.append(cur)
            cur = None

    for t in toks:
        ty = t.type
        if ty == "COMMA":
            close()
        elif ty in ("QUOTED", "PAREN", "URL", "DOI", "BRACKET"):
            if ty == "BRACKET" and cur is not None:  # "[THE ECONOMICS OF JUSTICE]" inside a name
                cur.end = t.end
                continue
            close()
            out.append(_Field(ty.lower(), t.start, t.end))
        elif ty == "COLON" and cur is None:
            # "(1999): 45" — the colon before a pinpoint is a separator
            if out and out[-1].kind in ("paren", "quoted"):
                continue
            cur = _Field("text", t.start, t.end)
        elif ty == "COLON" and cur is not None and _lone_signal(text[cur.start : cur.end]):
            close()
        else:
            if cur is None:
                cur = _Field("text", t.start, t.end)
            else:
                cur.end = t.end
    close()
    return out


# --------------------------------------------------------------------------
# field classification
# --------------------------------------------------------------------------


def _tok(type_: str, text: str, start: int, end: int, index: int) -> Token:
    # all positional (end_line, end_column None): lark's Token.__new__ is quicker without keywords
    return Token(type_, text[start:end], start, 0, index, None, None, end)


@functools.lru_cache(maxsize=4096)  # pure on the string; notes repeat their parentheses ("(1990)", "(ed.)")
def _paren_kind(inner: str) -> str:
    s = inner.strip()
    if not s:
        return "PARENX"
    if _EDMARK.match("(" + s + ")") or _EDMARK.match(s):
        return "EDMARK"
    if _YEAR.match(s) or _DATE.match(s) or _NO_DATE.match(s):
        return "DATEPAREN"
    if _GENRE.match(s):
        return "PUB"
    if re.search(r"n\.\s?d\.|o\.\s?J\.|s\.\s?[df]\.", s):
        return "PUB"
    if _ANY_YEAR.search(s) and re.match(r"\d+(?:st|nd|rd|th|d|e)?\s+ed\.", s):
        return "PUB"  # Bluebook: "(4th ed. 1995)"
    if _ANY_YEAR.search(s) and ("," in s or ":" in s or len(s.split()) <= 2):
        return "PUB"  # "(London, 1866)" / "(Leipzig 1899)" — not "(ION NTM 1999)"
    if ":" in s and s.split(":")[0].strip()[:1].isupper():
        return "PUB"
    return "PARENX"


@functools.lru_cache(maxsize=8192)
def _classify_text(s: str) -> str:
    """The class of a bare text field from its own shape."""
    if _IBID.match(s):
        return "IBID"
    if _OPCIT.match(s):
        return "OPCIT"
    if _CROSSREF.match(s):
        return "CROSSREF"
    if _EDMARK.match(s):
        return "EDMARK"
    if _EDBY.match(s):
        return "EDBY"
    if _TRANSBY.match(s) and re.search(r"\b[A-ZÀ-Þ][a-zà-ÿ]{2,}\b(?!\.)", s[_TRANSBY.match(s).end() :]):
        return "TRANSBY"  # "Trans. Amer. Math. Soc." is a journal
    if _ACCESSED.match(s):
        return "ACCESSED"
    if _INBOOK.match(s):
        return "INBOOK"
    if _VOL.match(s):
        return "VOL"
    if _YEAR.match(s) or _NO_DATE.match(s):
        return "YEAR"
    if _ISSUE.match(s):
        return "ISSUE"
    if _LOC.match(s):
        return "LOCLIKE"
    if _EDITION.match(s):
        return "EDITION"
    if _DATE.match(s):
        return "DATE"
    if _GENRE.fullmatch(s) or _NUMBERED_GENRE.match(s):
        return "GENRE"
    low = s.lower()
    if low.startswith(("and ", "& ", "und ", "e ", "et ", "y ")) and looks_like_names(s.split(None, 1)[1]):
        return "ANDNAMES"
    if looks_like_names(s):
        return "NAMESLIKE"
    return "TEXT"


# "Warszawa 2010", "Berlin/New York 2001", "Frankfurt a. M. 1990": a place, then the year
_PLACE_WORDS = r"[A-ZÀ-ÞŁŚŻ][\w'’.-]+(?:(?:\s+|\s*/\s*)(?:[A-ZÀ-ÞŁŚŻ][\w'’.-]*|a\.|am|an|der|upon|on|sur|de|del|la))*"
_PLACE_YEAR = re.compile(_PLACE_WORDS + r"\s+(?:1[5-9]|20)\d\d")
_PLACE_ONLY = re.compile(_PLACE_WORDS)
_HAS_INITIAL = re.compile(r"(?:^|\s)(?:[A-Z]\.-?){1,3}(?:\s|$)|^[A-Z][a-z]+\s+[A-Z]{1,3}$")
_YEAR_RANGE = LazyPattern(r"^(?:1[5-9]|20)\d\d\s*[-‐‑−–—]\s*(?:\d{2}|(?:1[5-9]|20)\d\d)$")
_LOST_CAPITAL_INITIAL = re.compile(r"[a-z]\.\s?[A-ZÀ-Þ][a-zà-ÿ]")
_ET_AL_PAREN = re.compile(r"^\((?:et\s+al\.?|u\.\s?a\.|eds?\.|hrsg\.)\)$", re.I)
_INNER_JOINER = re.compile(r"\s(?:and|&|und|e|et|y)\s")


def _closes_name_list(field_text: str) -> bool:
    """'S. F. Franco and S. Kachru' ends a list; 'Romeo and Juliet' may be a title."""
    parts = _INNER_JOINER.split(field_text, maxsplit=1)
    if len(parts) != 2:
        return False
    left, right = parts[0].split(), parts[1].split()
    has_initial = any(re.fullmatch(r"(?:[A-Z]\.-?){1,3}", w) for w in left + right)
    return has_initial or (len(left) >= 2 and len(right) >= 2)


def _split_head(text: str, f: _Field, rx: re.Pattern, head_type: str, idx: int) -> list[Token] | None:
    """'Ibid. 45' / 'op. cit. p. 12' -> IBID + LOC when the rest is a pinpoint."""
    s = text[f.start : f.end]
    m = rx.match(s)
    if not m:
        return None
    rest = s[m.end() :]
    stripped = rest.lstrip(" .,")
    if not stripped:
        return [_tok(head_type, text, f.start, f.end, idx)]
    if _LOC.match(stripped):
        r0 = f.start + len(s) - len(stripped)
        return [_tok(head_type, text, f.start, f.start + m.end(), idx), _tok("LOC", text, r0, f.end, idx)]
    return None


def _classify(text: str, fields: list[_Field]) -> list[Token]:
    """Typed tokens for citation.lark: shape first, then position."""
    kinds: list[str] = []
    for f in fields:
        s = text[f.start : f.end]
        if f.kind == "quoted":
            kinds.append("QTITLE")
        elif f.kind == "paren":
            kinds.append(_paren_kind(s[1:-1]))
        elif f.kind == "url":
            kinds.append("URL")
        elif f.kind == "doi":
            kinds.append("DOI")
        elif f.kind == "bracket":
            kinds.append("PARENX")
        else:
            kinds.append(_classify_text(s))
    n = len(fields)

    # "US Patent 3,712,959": a number's thousands are not fields
    k = 0
    while k + 1 < n:
        if kinds[k] == "GENRE" and text[fields[k].end - 1 : fields[k].end].isdigit() and \
                fields[k + 1].start == fields[k].end + 1 and re.fullmatch(r"\d{3}", text[fields[k + 1].start : fields[k + 1].end]):
            fields[k] = _Field(fields[k].kind, fields[k].start, fields[k + 1].end)
            del fields[k + 1], kinds[k + 1]
            n -= 1
            continue
        k += 1

    # A parenthesis that is not publication facts belongs to the text before it.
    i = 1
    while i < n:
        if kinds[i] == "PARENX" and kinds[i - 1] == "LOCLIKE" and _SUBDIVISION_PAREN.fullmatch(text, fields[i].start, fields[i].end):
            fields[i - 1] = _Field(fields[i - 1].kind, fields[i - 1].start, fields[i].end)  # "art. 3" + "(c)"
            del fields[i], kinds[i]
            n -= 1
            continue
        if kinds[i] == "PARENX" and kinds[i - 1] in ("TEXT", "NAMESLIKE", "QTITLE", "INBOOK", "EDBY", "TRANSBY"):
            fields[i - 1] = _Field(fields[i - 1].kind, fields[i - 1].start, fields[i].end)
            if kinds[i - 1] == "NAMESLIKE" and not _ET_AL_PAREN.match(text[fields[i].start : fields[i].end]):
                kinds[i - 1] = "TEXT"  # "(et al.)" keeps a name a name
            del fields[i], kinds[i]
            n -= 1
            continue
        i += 1
    kinds = ["TEXT" if k == "PARENX" else k for k in kinds]

    # Trailing pinpoints.
    last = n
    while last > 0 and kinds[last - 1] in ("URL", "DOI", "ACCESSED"):
        last -= 1
    if last > 1 and kinds[last - 1] == "YEAR" and re.match(
        r"^(?:pp?\.|pages)\s*\d+\s*[-‐‑−–—]", text[fields[last - 2].start : fields[last - 2].end], re.I
    ):
        pass  # "..., pp. 13-26, 1987": the year is the date, the range the work's pages
    elif last > 0 and kinds[last - 1] in ("LOCLIKE", "YEAR", "ISSUE", "VOL") and _LOC.match(
        text[fields[last - 1].start : fields[last - 1].end]
    ):
        kinds[last - 1] = "LOC"
    # A year-like last field after a container with no other date is the date, not a page:
    # (bibliography strings "..., Journal, 2005").  Only when nothing else could be the year.
    for k in range(n):
        if kinds[k] == "LOCLIKE":
            s = text[fields[k].start : fields[k].end]
            m = _LOC.match(s)
            kinds[k] = "NUMBER" if _BARE_NUMBER.match(s) else ("PAGES" if m and m.group("label") else "NUMBER")

    # The leading run of names, and the title that may hide at its end.
    # "Banking and Economic Development: Brazil, 1889–1930 (New York: ...)": a title's years
    for k in range(1, n):
        if kinds[k] == "LOCLIKE" and kinds[k - 1] in ("TEXT", "NAMESLIKE") and k + 1 < n and kinds[k + 1] in ("PUB", "EDBY", "TRANSBY") and (
            _YEAR_RANGE.match(text[fields[k].start : fields[k].end])
        ):
            kinds[k] = "TEXT"

    # OCR: "J. gronkowska, “Polityka ...”" — initials and a lower-cased family before a title
    if n > 1 and kinds[0] == "TEXT" and kinds[1] == "QTITLE" and re.fullmatch(
        r"(?:[A-Za-z]\.\s?){1,3}[a-zà-ÿ][\w'’-]+", text[fields[0].start : fields[0].end].strip()
    ):
        kinds[0] = "NAMESLIKE"

    # An institution as author: "The Boston Consulting Group, Perspectives on Strategy, 12"
    if n > 1 and kinds[0] == "TEXT" and kinds[1] in ("TEXT", "QTITLE", "NAMESLIKE"):
        head = text[fields[0].start : fields[0].end]
        words = head.split()
        if len(words) <= 8 and _INSTITUTION.search(head) and all(
            w[:1].isupper() or w in ("of", "for", "the", "and", "on", "de", "des", "du", "für", "der", "la")
            for w in words
        ):
            kinds[0] = "NAMESLIKE"

    # "Ben-Tal, El Ghaoui, et Nemirovski": between names and the joined last name, a short
    # capitalised field is a name too, even one that opens like an article ("El", "Le")
    for k in range(1, n - 1):
        if kinds[k] == "TEXT" and kinds[k - 1] == "NAMESLIKE" and kinds[k + 1] == "ANDNAMES":
            piece = text[fields[k].start : fields[k].end].split()
            if len(piece) <= 3 and all(w[:1].isupper() for w in piece):
                kinds[k] = "NAMESLIKE"

    # Chicago joins the last of several authors with "and": without a joiner only the
    # first field is names and the rest is the title ("Weber, Movements, Currents, 164").
    run = 0
    display_first = n > 0 and len(text[fields[0].start : fields[0].end].split()) >= 2
    j = 1
    while j < n and kinds[j] == "NAMESLIKE":
        j += 1
    if j < n and kinds[j] == "ANDNAMES" and not _HAS_INITIAL.search(text[fields[0].start : fields[0].end]):
        display_first = False  # "Vander Linden, Cumming, and Martin": a list with its joiner
    while run < n and kinds[run] in ("NAMESLIKE", "ANDNAMES"):
        if run > 0 and display_first and kinds[run] == "NAMESLIKE" and len(text[fields[run].start : fields[run].end].split()) == 1:
            break  # "V. O. Key, Politics, Parties, and Pressure Groups": full notes name people in full
        run += 1
        if kinds[run - 1] == "ANDNAMES":
            break
        if run > 1 and _closes_name_list(text[fields[run - 1].start : fields[run - 1].end]):
            kinds[run - 1] = "ANDNAMES"  # "R. Argurio, M. Bertolini, S. F. Franco and S. Kachru"
            break
    if run:
        if kinds[0] == "ANDNAMES":
            run = 0
        elif kinds[run - 1] == "ANDNAMES":
            pass
        elif run >= 2:
            # without a joiner only names with initials go on ("R. Chandra, S. Devine, ...")
            keep = 1
            while keep < run and (_HAS_INITIAL.search(text[fields[keep].start : fields[keep].end])
                                  or _LOST_CAPITAL_INITIAL.match(text, fields[keep].start)):  # OCR: "e. Vuori"
                keep += 1
            run = keep
        elif (kinds[1] if n > 1 else None) not in (
            "QTITLE", "TEXT", "NAMESLIKE", "INBOOK", "OPCIT", "CROSSREF", "EDMARK", "ACCESSED", "LOC", None,
        ):
            run = 0  # "Beowulf (London: Folio, 1990)": the only field is the title
    for k in range(n):
        if k < run:
            kinds[k] = "NAMES" if kinds[k] == "NAMESLIKE" else kinds[k]
        elif kinds[k] in ("NAMESLIKE", "ANDNAMES"):
            kinds[k] = "TEXT"
        elif kinds[k] == "EDMARK" and not (k == run and run > 0):
            kinds[k] = "TEXT"

    # Continental notes give place and year bare after the title: "Prawo administracyjne, Warszawa
    # 2010, s. 45", "Diritto privato, Milano, 2015, p. 12". Only after an unquoted title and not
    # before an issue ("Państwo i Prawo 2010, nr 3" is a journal and its year).
    if "QTITLE" not in kinds:
        # a first field of four words or more is a title, never a name ("Access to Justice …, Washington, 2007")
        long_title = len(text[fields[0].start : fields[0].end].split()) >= 4
        k = 1
        while k < n:
            nxt = kinds[k + 1] if k + 1 < n else None
            prev_ok = kinds[k - 1] in ("TEXT", "EDITION")  # "Title, 6. Aufl., Berlin 1991, S. 320"
            s_k = text[fields[k].start : fields[k].end]
            past_names = k >= 2 or long_title
            year_next = nxt == "YEAR" and (past_names or run > 0)
            # "…, Washington, 2007.": after a place, the last number is the year
            year_last = nxt == "LOC" and k + 2 >= n and past_names and _YEAR.fullmatch(
                text[fields[k + 1].start : fields[k + 1].end].strip(" ."))
            if prev_ok and kinds[k] == "TEXT" and nxt in (None, "LOC", "PAGES", "URL", "DOI", "ACCESSED") \
                    and _PLACE_YEAR.fullmatch(s_k):
                kinds[k] = "PUB"
            elif prev_ok and kinds[k] == "TEXT" and _PLACE_ONLY.fullmatch(s_k) and (year_next or year_last) \
                    and (k + 2 >= n or kinds[k + 2] in ("LOC", "PAGES", "URL", "DOI", "ACCESSED")):
                fields[k] = _Field(fields[k].kind, fields[k].start, fields[k + 1].end)
                kinds[k] = "PUB"
                del fields[k + 1], kinds[k + 1]
                n -= 1
            k += 1

    # "[3] J. Nelson, The Physics of Solar Cells, Imperial College Press, 2003": a bare
    # publisher after an unquoted title (bibliography styles; Chicago notes use parentheses)
    if "QTITLE" not in kinds:
        for k in range(2, n):
            if kinds[k] == "TEXT" and kinds[k - 1] in ("TEXT", "EDITION", "VOL", "NUMBER"):
                s_k = text[fields[k].start : fields[k].end]
                if _STRONG_PUBLISHER.search(s_k) and not _CONTAINER_WORDS.search(s_k) and ":" not in s_k:
                    kinds[k] = "PUBLISHER"

    # "ed. B. Skarabela, S. Fish, and A. H.-J. Do": the list goes on over commas
    k = 1
    while k < n:
        piece = text[fields[k].start : fields[k].end]
        if kinds[k - 1] in ("EDBY", "TRANSBY") and kinds[k] in ("TEXT", "ANDNAMES") and looks_like_names(
            re.sub(r"^(?:and|und|et|e|y|&)\s+", "", piece)
        ) and (len(piece.split()) > 1 or _HAS_INITIAL.search(piece)):
            fields[k - 1] = _Field(fields[k - 1].kind, fields[k - 1].start, fields[k].end)
            del fields[k], kinds[k]
            n -= 1
            continue
        k += 1

    out: list[Token] = []
    for k, f in enumerate(fields):
        kind = kinds[k]
        if kind in ("IBID", "OPCIT"):
            split = _split_head(text, f, _IBID if kind == "IBID" else _OPCIT, kind, k)
            if split:
                out.extend(split)
                continue
            kind = "TEXT"
        if kind == "TEXT":
            # "Journal of Things 12" before "no. 3" or "(1999)": container + volume
            s = text[f.start : f.end]
            nxt = kinds[k + 1] if k + 1 < n else None
            # (the trailing number matters only before such a field: no backtracking search otherwise)
            m = _TRAILING_NUMBER.match(s) if nxt in ("ISSUE", "DATEPAREN", "YEAR", "NUMBER", "LOC", "PAGES") else None
            if m and not _ANY_YEAR.fullmatch(m.group("num")) and (
                m.group("num")[0].isdigit() or nxt in ("ISSUE", "DATEPAREN")
            ):
                cut = f.start + m.end("text")
                out.append(_tok("TEXT", text, f.start, cut, k))
                out.append(_tok("NUMBER", text, f.start + m.start("num"), f.end, k))
                continue
        out.append(_tok(kind, text, f.start, f.end, k))
    return out


# --------------------------------------------------------------------------
# step 3: parse and interpret
# --------------------------------------------------------------------------


def _error_index(tokens: list[Token], tok: Token | None) -> int:
    """The index of the token an UnexpectedInput names (its first look-alike), or len(tokens)."""
    if tok is not None and getattr(tok, "type", "") != "$END":
        for i, t in enumerate(tokens):
            if t is tok or (t.start_pos == tok.start_pos and t.type == tok.type):
                return i
    return len(tokens)


# --------------------------------------------------------------------------
# memoised grammar parses
#
# The LALR parsers see only the fields' types: the lexer hands over the typed fields as
# they are, and the transformers (_Roles, _BibRoles) decide by token type alone, passing
# tokens through or copying one under a new type.  So a parse (or its error position) is
# a function of the sequence of types, and notes repeat a few hundred shapes: the first
# parse of a shape is recorded as a recipe (which input token goes where, under which
# type) and later ones rebuild the same _Parse from their own tokens without lark.
# A recipe is kept only when it can be traced without ambiguity and rebuilding the real
# parse from it gives that very parse.
# --------------------------------------------------------------------------

_Recipe = tuple  # ("ok", kind, edmark, bibliography, {field: ((index, new_type | None), ...)}) or ("error", index | None)
_PARSE_LISTS = ("authors", "title", "parts", "locators")
_NO_RECIPE = ("none",)
_RECIPES_MAX = 4096  # distinct shapes kept per grammar; a real corpus has a few hundred


def _token_facts(t: Token) -> tuple:
    return (t.type, str(t), t.start_pos, t.line, t.column, t.end_pos, t.end_line, t.end_column)


def _recipe_of(result: object, tokens: list[Token]) -> _Recipe | None:
    """Where each token of a parse comes from among the input tokens, or None when that is not
    plain: an input token that occurs twice, a token that is no copy of exactly one input."""
    index = {id(t): i for i, t in enumerate(tokens)}
    if not isinstance(result, _Parse) or len(index) != len(tokens):
        return None
    lists = {}
    for name in _PARSE_LISTS:
        entries = []
        for r in getattr(result, name):
            if not isinstance(r, Token):
                return None
            i = index.get(id(r))
            if i is not None and tokens[i] is r:
                entries.append((i, None))
                continue
            # a copy under a new type ("container", a bibliography "title"): its one source
            facts = _token_facts(r)[1:]
            sources = [k for k, t in enumerate(tokens) if (str(t), t.start_pos, t.line, t.column, t.end_pos, None, None) == facts]
            if len(sources) != 1:
                return None
            entries.append((sources[0], r.type))
        lists[name] = tuple(entries)
    return ("ok", result.kind, result.edmark, result.bibliography, lists)


def _rebuild(recipe: _Recipe, tokens: list[Token]) -> _Parse:
    _, kind, edmark, bibliography, lists = recipe
    p = _Parse(kind=kind, edmark=edmark, bibliography=bibliography)
    for name, entries in lists.items():
        out = []
        for i, new_type in entries:
            t = tokens[i]
            # the copy the transformers make ("container", a bibliography "title")
            out.append(t if new_type is None else Token(new_type, str(t), t.start_pos, t.line, t.column, None, None, t.end_pos))
        setattr(p, name, out)
    return p


def _same_token(a: object, b: object) -> bool:
    return a is b or isinstance(a, Token) and isinstance(b, Token) and _token_facts(a) == _token_facts(b)


def _same_parse(a: _Parse, b: object) -> bool:
    return isinstance(b, _Parse) and (a.kind, a.edmark, a.bibliography) == (b.kind, b.edmark, b.bibliography) and all(
        len(getattr(a, n)) == len(getattr(b, n)) and all(map(_same_token, getattr(a, n), getattr(b, n)))
        for n in _PARSE_LISTS
    )


def _memo_parse(parser: Lark, recipes: dict[tuple[str, ...], _Recipe], tokens: list[Token]) -> tuple[_Parse | None, int]:
    """parser.parse(tokens) as (parse, -1), or (None, index of the offending token) on
    UnexpectedInput; any other error propagates, as from lark."""
    key = tuple(t.type for t in tokens)
    recipe = recipes.get(key)
    if recipe is not None and recipe is not _NO_RECIPE:
        if recipe[0] == "ok":
            return _rebuild(recipe, tokens), -1
        return None, _error_index(tokens, None if recipe[1] is None else tokens[recipe[1]])
    traced: _Recipe | None
    try:
        result = parser.parse(tokens)
    except UnexpectedInput as e:
        tok = getattr(e, "token", None)
        real: tuple[_Parse | None, int] = (None, _error_index(tokens, tok))
        if tok is None or getattr(tok, "type", "") == "$END":
            traced = ("error", None)
        else:  # the offending token itself, which lark hands back
            at = [i for i, t in enumerate(tokens) if t is tok]
            traced = ("error", at[0]) if len(at) == 1 else None
        if traced is not None and _error_index(tokens, None if traced[1] is None else tokens[traced[1]]) != real[1]:
            traced = None
    else:
        real = (result, -1)
        traced = _recipe_of(result, tokens)
        if traced is not None and not _same_parse(_rebuild(traced, tokens), result):
            traced = None
    if recipe is None:
        if len(recipes) >= _RECIPES_MAX:
            recipes.clear()
        recipes[key] = _NO_RECIPE if traced is None else traced
    return real


_CITATION_RECIPES: dict[tuple[str, ...], _Recipe] = {}
_BIBLIOGRAPHY_RECIPES: dict[tuple[str, ...], _Recipe] = {}


def _grammar_parse(tokens: list[Token]) -> tuple[_Parse | None, int]:
    """Parse typed fields; on failure return the index of the offending token."""
    return _memo_parse(_citation_parser(), _CITATION_RECIPES, tokens)


def _fallback(tokens: list[Token]) -> _Parse:
    """Field-by-field reading when the grammar refuses: names, title, facts, pinpoint."""
    p = _Parse()
    i = 0
    while i < len(tokens) and tokens[i].type in ("NAMES", "ANDNAMES"):
        p.authors.append(tokens[i])
        i += 1
    if i < len(tokens) and tokens[i].type == "EDMARK" and p.authors:
        p.edmark = True
        i += 1
    if i < len(tokens) and tokens[i].type in ("QTITLE", "TEXT", "IBID"):
        p.title = [tokens[i]]
        if tokens[i].type == "IBID":
            p.kind = "ibid"
        i += 1
        while p.title[0].type == "TEXT" and i < len(tokens) and tokens[i].type == "TEXT":
            p.title.append(tokens[i])
            i += 1
    seen_container = p.title and p.title[0].type == "TEXT"
    for t in tokens[i:]:
        if t.type == "LOC":
            p.locators.append(t)
        elif t.type == "TEXT" and not seen_container:
            p.parts.append(Token("CONTAINER", str(t), t.start_pos, t.line, t.column, end_pos=t.end_pos))
            seen_container = True
        elif t.type not in ("NAMES", "ANDNAMES"):
            p.parts.append(t)
    if not p.title and p.authors and not p.parts:
        p.kind = "author_only"
    return p


_MARKUP = re.compile(r"</?[a-zA-Z]{1,10}>")


def _strip_quotes(s: str) -> str:
    s = s.strip()
    if s.startswith("``") and s.endswith("''"):
        s = s[2:-2]
    if len(s) >= 2 and s[0] in "“„«»\"‘'" and s[-1] in "”“»«\"’'":
        s = s[1:-1]
    return s.strip().rstrip(",").strip()


def _clean_title(s: str) -> str:
    s = (_MARKUP.sub("", s) if "<" in s else s).strip().rstrip(",;").strip()  # markup opens with "<"
    if s.endswith(".") and not re.search(r"(?:\b[A-Z]|\bet al|\bed|\bco|\bInc|\bvol)\.$", s):
        # an abbreviated journal title keeps its last stop: "Proc. Natl. Acad."
        if not (re.search(r"\b[A-Z][a-z]{0,5}\.\s", s) and re.search(r"\b[A-Z][a-z]{0,5}\.$", s)):
            s = s[:-1]
    return s


def _parse_pub(inner: str) -> dict[str, str]:
    """'Cambridge, MA: Belknap Press, 2005' / 'PhD diss., Yale University, 1999' / 'London, 1866'."""
    return dict(_pub_facts(inner))  # a dict of its own for each caller


@functools.lru_cache(maxsize=4096)  # pure; a work's publication facts recur with each full citation of it
def _pub_facts(inner: str) -> tuple[tuple[str, str], ...]:
    return tuple(_read_pub(inner).items())


def _read_pub(inner: str) -> dict[str, str]:
    out: dict[str, str] = {}
    s = inner.strip()
    m = _GENRE.match(s)
    if m and (m.end() == len(s) or s[m.end() :].lstrip()[:1] in (",", ";", "")):
        out["genre"] = s[: m.end()].strip().rstrip(",")
        s = s[m.end() :].lstrip(" ,;")
    # the date: last year (or n.d.) at the end, possibly with month and day
    dm = re.search(
        r"(?:,\s*|\s+|^)((?:(?:" + _MONTHS + r")\.?\s+\d{1,2},?\s+|\d{1,2}\.?\s+(?:" + _MONTHS + r")\.?\s+|(?:"
        + _MONTHS + r")\.?\s+)?((?:1[5-9]|20)\d\d)(?:[a-z])?(?:\s*\[[^\]]*\])?|n\.\s?d\.|o\.\s?J\.|s\.\s?[df]\.)\s*$",
        s,
        re.I,
    )
    if dm:
        if dm.group(2):
            out["issued"] = dm.group(2)
        s = re.sub(r",?\s*\b(?:año|anno)$", "", s[: dm.start()].strip()).rstrip(",").strip()  # "Washington, año 2007"
    # an edition or reprint note before the place
    s = re.sub(r"^(?:\d+(?:st|nd|rd|th|d)?\s+ed\.|repr\.|reprint)\s*[,;]?\s*", "", s, flags=re.I)
    if not s:
        return out
    if ":" in s:
        place, _, publisher = s.partition(":")
        place, publisher = place.strip(), publisher.strip().rstrip(",")
        if place:
            out["publisher_place"] = place
        if publisher:
            out["publisher"] = publisher
    elif "genre" in out or _PUBLISHER_WORDS.search(s) or _PUBLISHER_SHAPE.search(s):
        out["publisher"] = s
    else:
        out["publisher_place"] = s
    return out


_F_FF_END = re.compile(r"\b(?:f|ff)$")  # (precompiled: these run once or more per citation)


def _locator(tokens: list[Token]) -> tuple[str, str]:
    if not tokens:
        return "", ""
    first = str(tokens[0]).strip().rstrip(".").strip()
    m = _LOC.match(first + ("." if str(tokens[0]).strip().endswith(".") else ""))
    label = "page"
    value = first
    if m:
        value = m.group("value").strip()
        if m.group("label"):
            label = _LOC_LABELS.get(m.group("label").lower().rstrip("."), "page")
    if len(tokens) > 1:
        value = ", ".join([value] + [_loc_value(str(t)) for t in tokens[1:]])
    if _F_FF_END.search(value) and not value.endswith("."):
        value += "."
    return value, label


def _loc_value(s: str) -> str:
    m = _LOC.match(s.strip())
    return m.group("value").strip() if m else s.strip()


_INVERTED_FIRST = re.compile(
    r"^[A-ZÀ-Þ][\w'’-]+, [A-ZÀ-Þ][\w'’-]+(?: [A-Z]\.)?,? (?:and|&|und|et|e|y) [A-ZÀ-Þ]\S* (?:\S+ )*[A-ZÀ-Þ]\S+$"
)
_SERIES = re.compile(r"\b(?:series|reihe|collection|lecture\s+notes)\b", re.I)
# "(IEEE, 2004)" "(Addison-Wesley, 1979)" "(North-Holland Pub. Co, 1978)": a publisher
_PUBLISHER_SHAPE = re.compile(r"^[A-Z]{2,}(?:[-/][A-Z]{2,})?$|\b[A-Z][a-z]+-[A-Z][a-z]+\b|\bPub\.|\bCo\b|\bInc\b")
_DOI_URL = re.compile(r"^https?://(?:dx\.)?doi\.org/(?:https?://(?:dx\.)?doi\.org/)?(10\.\S+)$", re.I)
_VOL_DOT_ISSUE = re.compile(r"^(\d+)\.(\d+)$")
_IN_PREFIX = re.compile(r"^(?:in|In|IN|dans|en|En)\s*:?\s+")
_INSTITUTION = re.compile(
    r"\b(?:association|committee|council|commission|group|institute|institut|organi[sz]ation|bank|"
    r"ministry|ministerium|ministère|department|office|agency|society|foundation|bureau|board|"
    r"corporation|company|inc\.|ltd|network|union|federation|court|parliament|government|"
    r"nations|unesco|who|oecd|program(?:me)?|centre|center|assembly|secretariat)\b",
    re.I,
)


@functools.lru_cache(maxsize=4096)
def _names_institution(author_text: str) -> bool:
    """Whether an author field names an institution (memoised: a document cites its authors
    again and again, and _INSTITUTION tries its thirty words at every position)."""
    return _INSTITUTION.search(author_text) is not None


_VOL_OF = LazyPattern(r"^(?:vols?|bd|tome|t)\.?\s+(?P<vol>[\dIVXLC]+(?:\s+(?:and|&|-|–)\s+[\dIVXLC]+)?)\s+of\s+(?P<work>\S.*)$", re.I)
_NEWSPAPER_HINT = re.compile(r"\b(?:times|post|herald|tribune|gazette|journal|news|zeitung|le monde|daily|guardian|telegraph)\b", re.I)


_LAST_OF_SERIES = LazyPattern(r"^(?:[A-ZÀ-Þ][\w'’-]*\s+){0,3}(?:and|&|e|et|und|y)\s+[A-ZÀ-Þ][\w'’-]*(?:\s+[A-ZÀ-Þ][\w'’-]*)?$")


# abbreviated US states of five letters and more keep their stop ("Beverly Hills, Calif.")
_PLACE_ABBREVIATIONS = frozenset("calif colo conn penn wisc okla mich minn tenn wash".split())


_STATE_CODE = re.compile(r"[A-Z]{2}\.?|[A-Z]\.\s?[A-Z]\.")


def _conference_place(text: str, parts: list[Token], idx: int) -> bool:
    """"in Proceedings of the Meeting (ION 2008), Savannah, GA, pp. 1-9": after a proceedings'
    title, a city followed by its state's code is the meeting's place, not more of the title."""
    place = str(parts[idx])
    if not _place_like(place) or len(place.split()) > 3:
        return False
    nxt = str(parts[idx + 1]).strip(" ,") if idx + 1 < len(parts) else ""
    return bool(_STATE_CODE.fullmatch(nxt))


def _edited_by_next(parts: list[Token], idx: int) -> bool:
    """Chicago: "In Culture, Society, and Health, edited by ...": the book's title runs over its
    commas up to "edited by", whatever words it holds."""
    k = idx + 1
    while k < len(parts) and parts[k].type == "TEXT":
        k += 1
    return k < len(parts) and parts[k].type == "EDBY" and not str(parts[k]).startswith("(")


_BRACKETED_KIND = re.compile(r"\s*\[([A-Za-z][^\[\]\d]{2,40})\]$")


_KIND_WORDS = frozenset(
    "film video podcast software abstract editorial dataset map photograph painting poster brochure "
    "interview lecture speech review television radio online cd dvd audiobook transcript".split()
)


def _describes_kind(s: str) -> bool:
    """'Motion picture' 'Data set' 'Film' — APA's description in sentence case; not a translated
    title in title case ('Memórias Póstumas')."""
    words = s.split()
    if len(words) == 1:
        return words[0].lower() in _KIND_WORDS
    return all(w[:1].islower() or not w[:1].isalpha() for w in words[1:])


# (precompiled: these run once or more per citation)
_PARTIES = re.compile(r"[A-Za-z]\s+v\.?\s+[A-Z]")
_CASE_WORD = re.compile(r"\bC-\d+/\d+|\b(?:case|sentencia|urteil|judgment)\b", re.I)
_DIGIT_RANGE = re.compile(r"\d\s*[-‐‑−–—]\s*\d")


def _interpret(text: str, p: _Parse) -> tuple[str, Reference, str, str]:
    """Roles -> (form, Reference, locator, label)."""
    fields: dict[str, object] = {}
    author_text = ""
    if p.authors:
        author_text = text[p.authors[0].start_pos : p.authors[-1].end_pos]
        if _names_institution(author_text) and (not p.bibliography or "," not in author_text and not _HAS_INITIAL.search(author_text)):
            names = (Name(literal=author_text.strip().rstrip(".")),)  # "World Health Organization"
        elif not p.bibliography and p.parts and _INVERTED_FIRST.match(author_text):
            names = split_inverted_names(author_text)  # "Menon, Vinod, and Daniel J. Levitin"
        else:
            names = split_inverted_names(author_text) if p.bibliography else split_names(author_text)
        if not names:
            names = (Name(literal=author_text.strip()),)
        if p.edmark:
            fields["editor"] = names
        else:
            fields["author"] = names
    title = ""
    style = ""
    if p.kind == "ibid":
        title = ""
    elif p.title:
        first = p.title[0]
        if first.type == "QTITLE":
            title = _clean_title(_strip_quotes(str(first)))
            style = "quoted"
        else:
            title = _clean_title(text[first.start_pos : p.title[-1].end_pos])
            style = "plain"  # the source is plain text: an unquoted title, italic or not
    has_container = False
    is_inbook = False
    has_issue_or_date = False
    has_pub = False
    has_date_field = False
    genre = ""
    last_kind = ""
    container_start = -1
    part_types = {t.type for t in p.parts}
    book_like = (
        p.bibliography and style == "plain"
        and not part_types & {"NUMBER", "VOL", "ISSUE", "ISSUEPAREN", "PAGES", "LOC", "INBOOK", "EDBY"}
        and bool(part_types & {"PLACEPUB", "PUBLISHER", "PUB", "PLACE"})
    )
    texts = [t for t in p.parts if t.type == "TEXT"]
    lone_publisher = (
        p.bibliography and style == "plain" and len(texts) == 1 and len(str(texts[0]).split()) <= 4
        and not part_types & {"NUMBER", "VOL", "ISSUE", "ISSUEPAREN", "PAGES", "LOC", "INBOOK", "EDBY", "DATE", "URL", "DOI"}
        and not _CONTAINER_WORDS.search(str(texts[0]))
    )
    skip: set[int] = set()
    volume_after_comma = False
    for idx, t in enumerate(p.parts):
        if idx in skip:
            continue
        s = str(t).strip()
        ty = t.type
        if ty in ("TEXT", "PUBLISHER", "PLACE") and last_kind in ("PUBLISHER", "PLACEPUB") and p.bibliography and re.fullmatch(
            r"(?:inc|ltd|co|llc|gmbh|corp|publishers?|pub)\.?", s, re.I
        ) and "publisher" in fields:
            fields["publisher"] = f"{fields.get('publisher', '')}, {s}"
            continue
        if ty == "TEXT" and last_kind == "PLACEPUB" and p.bibliography and "publisher" in fields and (
            len(s.split()) <= 3 and s[:1].isupper() or s.lower().rstrip(".") in ("co", "and co", "inc", "ltd")
        ):
            # "New York: Longmans, Green, and co." / "Garden City, N.Y.: Doubleday, Doran"
            fields["publisher"] = f"{fields['publisher']}, {s.rstrip('.')}"
            continue
        if ty == "TEXT" and last_kind == "PUBLISHER" and p.bibliography and (
            re.search(r"\buniv|\bcollege\b|\bschool\b", s, re.I) or _INSTITUTION.search(s)
        ) and not _place_like(s):
            # "School of Computer Science, Carnegie Mellon University": one institution
            fields["publisher"] = f"{fields.get('publisher', '')}, {_clean_title(s)}".lstrip(", ")
            continue
        if ty == "TEXT" and last_kind == "PUBLISHER" and p.bibliography:
            # Harvard: "John Wiley & Sons, Brisbane" — the place after the publisher
            fields.setdefault("publisher_place", _clean_title(s))
            last_kind = "PLACE"
            continue
        if ty == "TEXT" and last_kind == "PLACE" and p.bibliography and len(s) <= 3:
            fields["publisher_place"] = f"{fields.get('publisher_place', '')}, {s.rstrip('.')}"
            continue
        if ty in ("CONTAINER", "TEXT") and last_kind in ("CONTAINER", "INBOOK") and container_start >= 0 and not (
            p.bibliography and _PUBLISHER_WORDS.search(s) and not _edited_by_next(p.parts, idx)
        ) and not (
            # "In Proceedings of the Meeting, Savannah, GA": the meeting's place
            _conference_place(text, p.parts, idx) and "publisher_place" not in fields
        ) and not (
            # "In Proceedings AAAI-91. AAAI." / "(CVPR). IEEE": the publisher after the full stop
            p.bibliography and idx > 0 and "." in text[p.parts[idx - 1].end_pos : t.start_pos]
            and (_STRONG_PUBLISHER.search(s) or re.fullmatch(r"[A-Z]{2,6}\.?", s))
        ):
            # "in Loving God, Loving Neighbor: Ministry ..." — the container goes on over commas
            fields["container_title"] = _clean_title(text[container_start : t.end_pos])
            continue
        if ty in ("CONTAINER", "TEXT") and last_kind in ("CONTAINER", "INBOOK") and "publisher_place" not in fields and (
            _conference_place(text, p.parts, idx)
        ):
            fields["publisher_place"] = f"{s.strip()}, {str(p.parts[idx + 1]).strip(' ,')}"
            skip.add(idx + 1)
            last_kind = "PLACE"
            continue
        if ty in ("CONTAINER", "TEXT") and last_kind == "GENRE" and "publisher" not in fields and (
            p.bibliography and ty == "TEXT" or _ACADEMIC.search(s) or _INSTITUTION.search(s)
        ):
            fields["publisher"] = _clean_title(s)  # "PhD thesis, Carnegie Mellon University"
            last_kind = "PUBLISHER"
            continue
        if ty == "TEXT" and p.bibliography and last_kind == "TEXT" and has_container and container_start >= 0 and (
            "container_title" in fields and _LAST_OF_SERIES.match(s)
            and idx + 1 < len(p.parts) and p.parts[idx + 1].type in ("NUMBER", "VOL", "ISSUE", "ISSUEPAREN", "PAGES", "DOI")
        ):
            # "Infection, Genetics and Evolution, 14": a journal named by a list of subjects
            fields["container_title"] = _clean_title(text[container_start : t.end_pos])
            continue
        if ty == "CONTAINER":
            container_start = t.start_pos
            if not has_container:
                fields["container_title"] = _clean_title(s)
                has_container = True
            elif "collection_title" not in fields:
                fields["collection_title"] = _clean_title(s)
        elif ty == "TEXT" and p.bibliography and _VOL_OF.match(s) and not has_container:
            # Chicago: "Vol. 7 of Collected Works": the book is one volume of a larger work
            mvo = _VOL_OF.match(s)
            fields.setdefault("volume", mvo.group("vol"))
            fields["container_title"] = _clean_title(mvo.group("work"))
            has_container = True
        elif ty == "TEXT" and p.bibliography and _SERIES.search(s) and "collection_title" not in fields:
            fields["collection_title"] = _clean_title(s)
        elif ty == "TEXT" and p.bibliography and has_container and _PUBLISHER_WORDS.search(s):
            fields.setdefault("publisher", _clean_title(s))
            ty = "PUBLISHER"
        elif ty == "TEXT" and p.bibliography and (has_container or has_pub) and re.fullmatch(r"[A-Z][\w .'-]{1,30}", s) and len(s.split()) <= 3 and "publisher_place" not in fields and not (
            _ACADEMIC.search(s) or _INSTITUTION.search(s)
        ):
            fields["publisher_place"] = _clean_title(s)
            ty = "PLACE"
        elif ty == "TEXT" and lone_publisher and _known_city(s):
            fields.setdefault("publisher_place", s.rstrip("."))  # "Title. Liverpool, 1999."
            ty = "PLACE"
        elif ty == "TEXT" and lone_publisher:
            fields.setdefault("publisher", _clean_title(s))  # "Pearl, J. (1988). Title. Morgan Kaufmann."
            ty = "PUBLISHER"
        elif ty == "TEXT" and book_like and not has_container and not _IN_PREFIX.match(s):
            # a book in a bibliography has no container: what follows its title is a
            # subtitle after "?", or the publisher before its place, or an unknown note
            nxt_type = p.parts[idx + 1].type if idx + 1 < len(p.parts) else ""
            if title and title.endswith(("?", "!", ":")) and style != "quoted" and "title" not in fields:
                title = f"{title} {_clean_title(s)}"
            elif title and nxt_type in ("PLACEPUB", "PUB") and not _SERIES.search(s) and "title" not in fields and (
                text[p.title[-1].end_pos : t.start_pos].strip() == "."
            ):
                title = f"{title}. {_clean_title(s)}"  # "The authentic heart. An eightfold path. New York: Wiley"
            elif nxt_type == "PLACE" and "publisher" not in fields:
                fields["publisher"] = _clean_title(s)
                ty = "PUBLISHER"
            # otherwise an edition, series or remark: better unsaid than called the container
        elif ty == "TEXT":
            if (style == "quoted" or p.bibliography) and not has_container:
                m_in = _IN_PREFIX.match(s)
                container_start = t.start_pos + (m_in.end() if m_in else 0)
                fields["container_title"] = _clean_title(_IN_PREFIX.sub("", s, count=1))
                is_inbook = is_inbook or bool(m_in)
                has_container = True
            elif "collection_title" not in fields and last_kind not in ("PUB", "DATEPAREN", "YEAR") and (
                _SERIES.search(s) or not p.bibliography and style != "quoted" and re.search(r"\d", s)
            ):
                fields["collection_title"] = _clean_title(s)  # "Lecture Notes in Physics", "Studies in X 12"
            else:
                fields.setdefault("note", _clean_title(s))
        elif ty == "INBOOK":
            m_in = _IN_PREFIX.match(s)
            container_start = t.start_pos + (m_in.end() if m_in else 0)
            fields["container_title"] = _clean_title(_IN_PREFIX.sub("", s, count=1))
            has_container = is_inbook = True
        elif ty == "EDBY":
            is_inbook = is_inbook or bool(_IN_PREFIX.match(s))  # "In O. Lind (Ed.), Book": a chapter
            inner = re.sub(r",\s*eds?\.?$", "", s.strip("()")) if s.startswith("(") else _EDBY.sub("", s, count=1)
            inner = _IN_PREFIX.sub("", inner, count=1)
            inner = re.sub(r"[\s,]*(?:\((?:eds?|Eds?|Hrsg|Hg|Hrg|éds?|dir|coord)\.?\)|,?\s*editors?|,?\s*eds?\.)\s*:?$", "", inner)
            names = split_inverted_names(inner) if p.bibliography else split_names(inner)
            if names:
                fields["editor"] = tuple(fields.get("editor", ())) + names  # type: ignore[operator]
        elif ty == "TRANSBY":
            mt = _TRANS_PAREN.match(s.strip("() "))
            if s.startswith("(") and mt:
                inner = mt.group("a") or mt.group("b")
            else:
                inner = re.sub(r"\s*\((?:ed\.\s*and\s*)?(?:trans|tr|übers)\.?\)\s*:?$", "", _TRANSBY.sub("", s, count=1))
            names = split_names(inner)
            if names:
                fields["translator"] = names
        elif ty == "PUB":
            has_pub = True
            pub = _parse_pub(s[1:-1] if s.startswith("(") else s)
            genre = pub.get("genre", genre)
            for k, v in pub.items():
                fields.setdefault(k, v)
        elif ty == "DATEPAREN":
            y = _ANY_YEAR.search(s)
            if y:
                fields.setdefault("issued", y.group(1))
            has_issue_or_date = True
        elif ty == "YEAR":
            y = _ANY_YEAR.search(s)
            if y:
                fields.setdefault("issued", y.group(1))
        elif ty == "DATE":
            y = _ANY_YEAR.search(s)
            if y:
                fields.setdefault("issued", y.group(1))
            has_date_field = True
        elif ty == "NUMBER" and p.bibliography:
            # "Nature, 418, 301" / "1993, 27, 634–639": volume first, then pages;
            # "1, 13 (2002), pp. 69-86": an issue when pages or the date follow
            later = {t2.type for t2 in p.parts[idx + 1 :]}
            nxt_type = p.parts[idx + 1].type if idx + 1 < len(p.parts) else ""
            if "volume" not in fields:
                fields["volume"] = s.rstrip(".")
            elif "issue" not in fields and (nxt_type in ("DATEPAREN", "YEAR") or "PAGES" in later) and not re.search(r"\d\s*[-‐‑−–]", s):
                fields["issue"] = s.rstrip(".")
            elif "page" not in fields:
                fields["page"] = s.rstrip(".")
            else:
                fields.setdefault("issue", s.rstrip("."))
        elif ty == "NUMBER" and _VOL_DOT_ISSUE.match(s) and "volume" not in fields:
            fields["volume"], fields["issue"] = _VOL_DOT_ISSUE.match(s).groups()  # "37.2"
            has_issue_or_date = True
        elif ty == "NUMBER":
            nxt_type = p.parts[idx + 1].type if idx + 1 < len(p.parts) else ""
            if "volume" not in fields and last_kind in ("CONTAINER", "TEXT", "INBOOK", "NUMBER", "VOL") and last_kind != "NUMBER":
                fields["volume"] = s
                volume_after_comma = idx > 0 and "," in text[p.parts[idx - 1].end_pos : t.start_pos]
            elif "volume" in fields and "issue" not in fields and last_kind == "NUMBER" and volume_after_comma and (
                nxt_type == "DATEPAREN" and not re.search(r"\d\s*[-‐‑−–]\s*\d", s)
            ):
                # Oxford: "Security, 25, 4 (2010)"; but AIP's "Applied Physics 33, 2435 (1962)",
                # the volume right after the journal, has the page there
                fields["issue"] = s
            elif "volume" not in fields and style == "quoted":
                fields["volume"] = s
            else:
                m = _LOC.match(s)
                fields.setdefault("page", m.group("value") if m else s)
        elif ty == "ISSUEPAREN":
            fields.setdefault("issue", s.strip("()[] "))
            has_issue_or_date = True
        elif ty in ("PAGES", "LOC"):
            mvol = re.match(r"\(?vol\.\s*(\w+),", s, re.I)
            if mvol:
                fields.setdefault("volume", mvol.group(1))  # APA: "(Vol. 4, pp. 643–691)"
            s_pages = re.sub(r"^\(?(?:vol\.\s*\w+,\s*)?|\)$", "", s, flags=re.I).strip()
            m = _LOC.match(s_pages)
            fields.setdefault("page", m.group("value") if m else s_pages)
        elif ty == "PLACEPUB":
            place, _, publisher = s.partition(":")
            if _known_city(publisher) and not _known_city(place):
                place, publisher = publisher.strip().rstrip("."), place  # "Hamish Hamilton: London"
            if place.strip():
                fields.setdefault("publisher_place", place.strip())
            if publisher.strip():
                fields.setdefault("publisher", _clean_title(publisher))
            has_pub = True
        elif ty == "NOTE" and _PAGE_COUNT.match(s):
            fields.setdefault("number_of_pages", re.match(r"\d+", s).group())
        elif ty == "NOTE" and _ISBN.match(s):
            fields.setdefault("isbn", _ISBN.match(s).group(1))
        elif ty == "NOTE":
            fields.setdefault("note", _clean_title(s))
        elif ty == "PUBLISHER":
            fields.setdefault("publisher", _clean_title(s))
            has_pub = True
        elif ty == "PLACE":
            place = s.strip().rstrip(",")
            last = re.search(r"([^\W\d_]{5,})\.$", place)
            if last and last.group(1).lower() not in _PLACE_ABBREVIATIONS:
                place = place[:-1]  # the entry's closing stop, not an abbreviation's ("Mass.", "N.J.")
            if "publisher_place" in fields and last_kind == "PLACE":
                fields["publisher_place"] = f"{fields['publisher_place']}, {place}"
            else:
                fields.setdefault("publisher_place", place)
        elif ty == "EDMARK":
            pass
        elif ty == "VOL":
            m = _VOL.match(s)
            fields.setdefault("volume", m.group(1) if m else s)
        elif ty == "ISSUE":
            m = _ISSUE.match(s)
            fields.setdefault("issue", m.group(1) if m else s)
            has_issue_or_date = True
        elif ty == "EDITION":
            s = s.strip("() ")
            m = re.match(r"\d+", s)
            # CSL keeps the edition without the word: "3rd ed." -> "3", "Rev. ed." -> "Rev"
            fields["edition"] = m.group(0) if m else re.sub(r"[\s.,]*(?:ed|edn|edition)\.?$", "", s, flags=re.I).rstrip(". ") or s
            if (y := re.search(r"\b((?:1[5-9]|20)\d\d)\b", s)) and m:
                fields.setdefault("issued", y.group(1))  # "7. Aufl. 2022": the edition's year
        elif ty == "GENRE":
            genre = _clean_title(s)
            fields["genre"] = genre
            has_pub = True
        elif ty == "URL":
            md = _DOI_URL.match(s.strip("<>"))
            if md:
                fields["doi"] = md.group(1)  # "https://doi.org/10.1109/..." is the DOI
            else:
                fields["url"] = s.strip("<>")
        elif ty == "DOI":
            fields["doi"] = re.sub(r"^(?:doi:?\s*)", "", s, flags=re.I)
        elif ty == "ACCESSED":
            y = _ANY_YEAR.search(s)
            fields["accessed"] = y.group(1) if y else ""
        last_kind = ty if ty != "TEXT" or style != "quoted" else "CONTAINER"
    if (
        p.bibliography and style == "plain" and title and len(title.split()) <= 4 and not has_container
        and [t for t in p.parts if t.type not in ("YEAR", "DATEPAREN")][:1]
        and [t for t in p.parts if t.type not in ("YEAR", "DATEPAREN")][0].type == "NUMBER" and "volume" in fields
        and not any(t.type in ("CONTAINER", "TEXT", "INBOOK", "PUB", "PLACEPUB", "PUBLISHER") for t in p.parts)
    ):
        # "Bruggen M. & Kaiser C.R., 2002, Nature, 418, 301": no title, the journal
        fields["container_title"] = title
        title = ""
        has_container = True
    mb = _BRACKETED_KIND.search(title) if p.bibliography and style == "plain" else None
    if mb and mb.start() > 0 and _describes_kind(mb.group(1)):
        # APA: "Title [Motion picture]", "Title [Data set]": the kind of work, not its title
        fields.setdefault("genre", mb.group(1))
        title = title[: mb.start()]
    if title:
        fields["title"] = title
        fields["title_style"] = style
    locator, label = _locator(p.locators)
    if (
        locator and not p.bibliography and _DIGIT_RANGE.search(locator) and has_container
        and (has_issue_or_date or "volume" in fields) and "page" not in fields
        and re.match(r"^pp\.?\s", str(p.locators[0]).strip())
    ):
        # Oxford: "Intelligence and National Security, 25, 4 (2010), pp. 521-46" — the article's pages
        fields["page"] = locator
        locator, label = "", ""
    if p.bibliography and locator:
        fields.setdefault("page", locator)  # a bibliography's pages are the work's own
        locator, label = "", ""

    # type and form
    if p.kind == "ibid":
        form = "ibid"
    elif p.kind == "opcit":
        form = "short"
    elif has_pub or has_container or "issued" in fields or fields.get("url") or fields.get("doi") or "editor" in fields and "author" in fields:
        form = "full"
    else:
        form = "short"
    rtype = ""
    if genre and _PATENT.search(genre):
        rtype = "patent"
    elif genre and _THESIS.search(genre):
        rtype = "thesis"
    elif genre and _REPORT.search(genre):
        rtype = "report"
    elif is_inbook:
        rtype = "chapter"
    elif (style == "quoted" or p.bibliography) and has_container and (has_issue_or_date or "volume" in fields or "page" in fields):
        rtype = "article-journal"
    elif style == "quoted" and has_container and has_date_field:
        rtype = "article-newspaper" if _NEWSPAPER_HINT.search(str(fields.get("container_title", ""))) else "article-magazine"
    elif style == "quoted" and (fields.get("url") and not has_container):
        rtype = "webpage"
    elif title and style != "quoted" and not p.bibliography and (_PARTIES.search(title) or _CASE_WORD.search(title)):
        rtype = "legal_case"
    elif title and style != "quoted" and not p.authors and not has_pub and _LEGAL.search(title):  # (the regex last)
        rtype = "legislation"
    elif style == "quoted" and has_container:
        rtype = "paper-conference" if re.search(r"\b(?:proc|conference|symposium|workshop|congress)", str(fields["container_title"]), re.I) else "article-journal"
    elif style == "quoted":
        rtype = "article-journal"
    elif title:
        rtype = "book"
    if rtype:
        fields["type"] = rtype
    if form == "short" and author_text and "author" in fields and not p.bibliography and not (
        _names_institution(author_text)
    ):
        # a short note names authors by family name only: "Vander Linden", "Blest Gana"
        fields["author"] = split_family_names(author_text) or fields["author"]
    ref = Reference(**fields)  # type: ignore[arg-type]
    return form, ref, locator, label


# --------------------------------------------------------------------------
# candidates: signals, commentary, trailing commentary
# --------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)  # pure; a note asks again for the same spans (its candidates, the legal readers)
def _strip_signal(text: str, start: int, end: int) -> tuple[str, int]:
    m = _SIGNAL.match(text[start:end])
    if not m:
        return "", start
    prefix = text[start : start + m.end()].strip().rstrip(",:").strip()
    return prefix, start + m.end()



# words after which prose hands over to a citation: "discussed in Smith", "see Smith"
_ALSO = frozenset("also aussi auch también anche".split())
_CITING_WORDS = frozenset(
    "in see also aussi auch también anche by cf. cf from vgl. vgl siehe bei voir dans chez en véase cfr. e.g. esp. especially "
    "follows follow folgt folgen suit suivent sigue siguen segue seguono "
    "notably following after bes. insbesondere is are was were including on upon aus de von da di".split()
)


def _strip_commentary(text: str, fields: list[_Field]) -> tuple[int, str, int]:
    """'This is discussed at length in Smith' -> start of 'Smith' (and a signal if one
    stands right before it), and the index of the field it is in.  Prose may run over
    commas before the citation starts ("For a description of X, see D. Sabean, “...”")."""
    legal = _signal_then_legal(text, fields)
    if legal is not None:
        return legal
    # "…, see: G. Iacino, P. Kamocki, …" (_fields cut at the colon), however long the prose before it
    # ("Zur Frage, ob der Erwerb eines (digitalen) Werkexemplars …, vgl.: Kuschel, …")
    for fi in range(1, min(len(fields) - 1, 12)):
        word, following = text[fields[fi].start : fields[fi].end].strip(), text[fields[fi + 1].start : fields[fi + 1].end]
        if fields[fi].kind == "text" and _lone_signal(word) and (looks_like_names(following) or _LEGAL.match(following)):
            return fields[fi + 1].start, word, fi + 1
    # "…, but for the major publication, see M . Katz, The People of …": a comma field opened by a
    # signal hands over to the names after it, however many clauses of prose came first
    for fi in range(1, min(len(fields) - 1, 12)):
        if fields[fi].kind != "text":
            continue
        got = _signal_opens_field(text, fields[fi])
        if got is None:
            continue
        cut, signal, dated = got
        if not dated and (_title_may_follow(text, fields[fi + 1]) or _LEGAL.match(text, cut)
                          or _LEGAL.match(text, fields[fi + 1].start)):  # "see CJEU, judgement of …"
            return cut, signal, fi
        if fields[fi + 1].kind == "text" and looks_like_names(text[fields[fi + 1].start : fields[fi + 1].end]):
            # "see Doe et al. 2020, F. Roe, J. Moe, Title, 2025": an author-date reference, and after
            # it one in full; the full one is read (the short one, with no title, names no work here)
            return fields[fi + 1].start, signal, fi + 1
    for fi in range(min(len(fields) - 1, 4)):
        if fields[fi].kind != "text":
            break
        quoted_next = fields[fi + 1].kind == "quoted"
        cut, signal = _commentary_in_field(text, fields[fi], first=fi == 0, quoted_next=quoted_next,
                                           titled_next=_title_and_facts_at(text, fields, fi + 1))
        if cut >= 0:
            return cut, signal, fi
        if fi == 0 and looks_like_names(text[fields[0].start : fields[0].end]):
            break
    # "Some results ... are published in “The Family Wage Economy”, Journal of Family History 4"
    if len(fields) > 2 and fields[0].kind == "text" and fields[1].kind == "quoted":
        lead = text[fields[0].start : fields[0].end].split()
        after = text[fields[2].start : fields[-1].end]
        if len(lead) >= 5 and sum(w[:1].islower() for w in lead) >= 3 and after[:1].isupper() and re.search(
            r"\d", after
        ):  # a container and its numbers must follow, or the quotation is prose
            return fields[1].start, "", 1
    return -1, "", 0


_SIGNAL_LEAD = re.compile(r"[^\W\d][\w.]*:\s+")  # "vgl. auch allgemein: Steinhauer"


_AUTHOR_YEAR = re.compile(r"(?P<names>.+?)\s+\(?(?:1[5-9]|20)\d\d[a-z]?\)?$")


def _title_may_follow(text: str, f: _Field) -> bool:
    """Whether a field can open a title after the names: a quotation, or a capitalised word — not the
    clause that goes on after a name in prose ("see Smith, who describes …")."""
    return f.kind == "quoted" or f.kind == "text" and (text[f.start].isupper() or text[f.start] in "“„«\"‘'")


def _signal_opens_field(text: str, f: _Field) -> tuple[int, str, bool] | None:
    """Where the names start in a field that a signal opens ("see H . Dobyns", "vgl. auch
    allgemein: Steinhauer"), the signal, and whether a year follows the names ("see Doe et al.
    2020", an author-date reference); None when no names follow the signal."""
    s = text[f.start : f.end]
    m = _SIGNAL.match(s)
    if m is None or len(m.group().strip(" .,:")) < 2:
        return None  # "V. Sahasrabudhe": an initial, not Spanish "v." (véase)
    at = m.end()
    lead = _SIGNAL_LEAD.match(s, at)
    if lead is not None:
        at = lead.end()
    rest = s[at:]
    dated = False
    if not looks_like_names(rest):
        m_year = _AUTHOR_YEAR.fullmatch(rest)
        if m_year is None or not looks_like_names(m_year.group("names")):
            return None
        dated = True
    if _OPCIT.match(rest) or _IBID.match(rest):
        return None
    return f.start + at, s[: m.end()].strip().rstrip(",:").strip(), dated


def _signal_then_legal(text: str, fields: list[_Field]) -> tuple[int, str, int] | None:
    """'… decided earlier, see Court of Justice, judgment of …', 'aus der Begründung, vgl. BT-Drs. …':
    a signal before a court, an act or a paper starts the citation, whatever looks like a name
    before it (German nouns do)."""
    for fi in range(min(len(fields), 5)):
        f = fields[fi]
        if f.kind != "text":
            break
        s = text[f.start : f.end]
        low = s.lower()
        if not ("see" in low or "cf" in low or "vgl" in low or "siehe" in low or "voir" in low or "véase" in low
                or "compare" in low):
            continue  # no signal word (_SIGNAL_WORDS holds one of these) in the field: nothing to find
        spans = [(m.start(), m.group()) for m in _COMMENTARY_WORD.finditer(s)]
        for k in range(1, len(spans)):
            if _bare(spans[k - 1][1]) in _SIGNAL_WORDS and _LEGAL.match(s, spans[k][0]):
                return f.start + spans[k][0], spans[k - 1][1].lstrip("-–—").rstrip(":,"), fi
    return None


def _title_and_facts_at(text: str, fields: list[_Field], k: int) -> bool:
    """A capitalised title and then its publication facts in parentheses ("Family Formation in an
    Age of Capitalism (New York, 1977)"): Chicago's note form after the author's name."""
    if k + 1 >= len(fields) or fields[k].kind != "text" or fields[k + 1].kind != "paren":
        return False
    title = text[fields[k].start : fields[k].end]
    return title[:1].isupper() and len(title.split()) >= 2 and _PUB_FACTS_PAREN.match(text[fields[k + 1].start : fields[k + 1].end]) is not None


_TITLE_WORDS = frozenset("of the and a an on for to with at der die das und von zur zum de la le et du".split())
_PUB_FACTS_PAREN = re.compile(r"\([A-ZÀ-Þ][^()]{1,60}?(?::[^()]{1,60})?,\s*(?:1[5-9]|20)\d\d\)$")  # "(New York, 1977)"
_FULL_NAME = re.compile(r"(?:[A-ZÀ-Þ][a-zà-ÿ'’-]+\s+){1,2}[A-ZÀ-Þ][a-zà-ÿ'’-]+")


_LEAD_LABEL = re.compile(r"^[^\W\d][\w.]*(?:\s+[\w.]+)?:\s+")  # (precompiled: this runs for every field)


def _commentary_in_field(text: str, f: _Field, first: bool, quoted_next: bool = False,
                         titled_next: bool = False) -> tuple[int, str]:
    s = text[f.start : f.end]
    lead = _LEAD_LABEL.match(s)
    rest_words = s[lead.end() :].split() if lead else []
    if first and lead and looks_like_names(s[lead.end() :]) and (len(rest_words) >= 2 or _HAS_INITIAL.search(s[lead.end() :])):
        label = s[: lead.end()].strip().rstrip(":")
        return f.start + lead.end(), label if label.lower().rstrip(".") in ("see", "cf", "vgl", "siehe", "voir") else ""
    colon = s.rfind(": ")
    if first and colon > 0 and len(s[:colon].split()) >= 4 and (
        looks_like_names(s[colon + 2 :]) or _LEGAL.match(s[colon + 2 :])
    ):
        return f.start + colon + 2, ""  # "... no margin of appreciation: Court of Justice, ..."
    # words with their offsets; OCR's spaced initials ("L . Berkner") stay one word
    spans = [(m.start(), m.group()) for m in _COMMENTARY_WORD.finditer(s)]
    words = [w for _, w in spans]
    if len(words) < (3 if first else 2) or looks_like_names(s):
        return -1, ""
    # the longest name-like tail preceded by a citing word ("in", "see", "by")
    best = -1
    for k in range(len(words) - 1, max(0, len(words) - 9), -1):
        prev = words[k - 1]
        tail = s[spans[k][0] :]
        if tail[:1] in "-–—" and tail[1:2].isupper() and _HAS_INITIAL.search(" " + tail[1:]) \
                and looks_like_names(tail[1:]):
            # "see also Polish report -Z. Kmieciak, …": OCR's dash before the author closes the prose
            return f.start + spans[k][0] + 1, ""
        if not looks_like_names(tail):
            # "and Wolfe" is no name list, but "Padua and Wolfe" before it is; nor is "Jun" (a
            # month) alone, but "Chen and Jun" is: a longer tail may still be names
            continue
        if prev == "in" and not quoted_next and k >= 2 and words[k - 2][:1].isupper() and words[k - 2].isalpha():
            continue  # "The American Family in Social Historical Perspective": a title's "in", not "see in"
        if _bare(prev) in _CITING_WORDS or (
            quoted_next and prev[:1].islower() and (_HAS_INITIAL.search(tail) or _INNER_JOINER.search(tail))
        ):
            best = k  # "... references are M. Faulkner, 'The Kriegsmarine', ..."; "argumentiert Crawford und Auton, „…“"
        elif titled_next and prev.isalpha() and prev.islower() and prev not in _TITLE_WORDS \
                and (_HAS_INITIAL.search(tail) or _FULL_NAME.fullmatch(tail)):
            best = k  # "… is that of the social historian David Levine, Family Formation … (New York, 1977)"
    if best < 0:
        return -1, ""
    prev = _bare(words[best - 1])
    signal = words[best - 1].lstrip("-–—").rstrip(":,") if prev in _SIGNAL_WORDS else ""
    if prev in _ALSO and best >= 2 and _bare(words[best - 2]) in _SIGNAL_WORDS:
        signal = f"{words[best - 2].lstrip('-–—')} {words[best - 1].rstrip(':,')}"  # "voir aussi", "see also"
    return f.start + spans[best][0], signal


def _bare(word: str) -> str:
    """A word as a signal or citing word: "-cf." (OCR's dash glued to it) and "see:" are "cf." and "see"."""
    return word.lower().lstrip("-–—").rstrip(":,")


_COMMENTARY_WORD = re.compile(r"[A-Z] \.(?=\s)|\S+")


_LEGAL = re.compile(
    r"(?<!\w)(?:regulation|directive|decision|article|art\.|artículo|articolo|§|case|judgment|judgement|"
    r"sentencia|urteil|beschluss|gesetz|law|act|code|treaty|convention|resolution|res\.|richtlinie|"
    r"verordnung|reglamento|directiva|règlement|direttiva|regolamento|tribunal|court|chamber|caso|asunto|"
    r"(?-i:UrhG|BGB|StGB|GG|ZPO|HGB|GWB|BDSG|BGH|BVerfG|EuGH|CJEU|ECJ|ECHR)|"
    r"C-\d+/\d+|\d{4}/\d+|ECLI|OJ|BGBl|U\.S\.C|v\.|(?-i:BT|BR)-?Dr(?:s|ucks)\.|H\.\s?R\.\s+Rep\.)(?=\s|$|\d|[,.;:)])",
    re.I,
)


_PUBLICATION_FACTS = frozenset(["PUB", "DATEPAREN", "EDBY", "TRANSBY", "INBOOK", "ISSUE", "VOL", "URL", "DOI"])


def _prose_like(s: str) -> bool:
    """A sentence rather than a title: long, and mostly lower-case words."""
    words = s.split()
    return len(words) >= 10 and sum(w[:1].islower() for w in words) / len(words) > 0.55


def _prose_sentence(text: str, toks: list[_Tok]) -> bool:
    """A sentence of commentary: prose-like, no quotation, not opened by names."""
    if any(t.type == "QUOTED" for t in toks):
        return False
    first_comma = next((t.start for t in toks if t.type == "COMMA"), toks[-1].end)
    if looks_like_names(text[toks[0].start : first_comma]):
        return False
    return _prose_like(text[toks[0].start : toks[-1].end])


_CLAUSE_OPENERS = frozenset("who whom whose which where when while that the this these those it he she they but and "
                            "der die das welcher welche dessen deren wo qui que dont où el la quien que donde".split())


def _plausible(p: _Parse, tokens: list[Token]) -> bool:
    if p.kind == "ibid":
        return True
    if p.title and p.title[0].type == "TEXT" and _LEGAL.match(str(p.title[0])) and (p.locators or p.parts):
        return True  # "Directive (EU) 2024/1760 of the European Parliament ..., cit., art. 4"
    named = bool(p.authors) and _HAS_INITIAL.search(" ".join(str(t) for t in p.authors)) is not None
    if named:
        pass  # "M. FASCIGLIONE, Verso un regime europeo ...": a named author vouches for the title
    elif p.title and p.title[0].type == "TEXT" and not p.bibliography and len(" ".join(str(t) for t in p.title).split()) >= 25:
        if _prose_like(" ".join(str(t) for t in p.title)):
            return False  # sentences of commentary, whatever follows them
    if not named and p.title and p.title[0].type == "TEXT" and not p.bibliography and not any(
        t.type in _PUBLICATION_FACTS for t in p.parts
    ):
        # commentary that happens to hold a comma, a year or a page number is not a work
        title_text = " ".join(str(t) for t in p.title)
        # an author with a year and a page makes a work even of a sentence-case title
        # ("Euler, Das kulturelle Gedächtnis im Zeitalter ..., 2011, S. 163")
        vouched = bool(p.authors) and bool(p.locators) and any(t.type in ("YEAR", "DATE") for t in p.parts)
        if (_prose_like(title_text) and not vouched) or (p.authors and _prose_like(" ".join(str(t) for t in p.authors))):
            return False
    if p.title and p.title[0].type == "TEXT" and _LEGAL.search(str(p.title[0])) and (
        p.locators or p.parts or len(str(p.title[0]).split()) <= 12
    ):
        return True  # "Article 1, Regulation 2019/2176" / "Case C-411/03, SEVIC, para. 19"
    if p.kind == "opcit" or any(t.type in ("OPCIT", "CROSSREF") for t in tokens):
        return bool(p.authors or p.title)
    if p.authors and p.title and p.title[0].type == "TEXT" and not p.locators and not any(
        t.type in _PUBLICATION_FACTS or t.type in ("YEAR", "DATE") for t in p.parts
    ) and str(p.title[0]).split(None, 1)[0] in _CLAUSE_OPENERS:
        return False  # "see Smith, who describes the smugglers at length": the prose goes on after the name
    if p.authors and (p.title or p.locators or p.parts):
        return True
    if p.title:
        strong = {"PUB", "DATEPAREN", "VOL", "ISSUE", "EDBY", "TRANSBY", "URL", "DOI", "INBOOK", "YEAR", "DATE", "NUMBER", "CONTAINER", "EDITION", "GENRE"}
        if p.title[0].type == "QTITLE":
            return bool(p.locators or any(t.type in strong | {"TEXT"} for t in p.parts))
        return bool(p.locators or any(t.type in strong for t in p.parts))
    return False


@dataclass(slots=True)
class _Candidate:
    citation: Citation | None
    complete: bool  # ends in a pinpoint or publication facts: nothing is missing
    diagnostics: list[Diagnostic]


_COMPLETE_ENDS = frozenset(["LOC", "PUB", "DATEPAREN", "URL", "DOI", "ACCESSED"])


def _candidate(text: str, toks: list[_Tok]) -> _Candidate:
    diags: list[Diagnostic] = []
    res = _citation_from_candidate(text, toks, diags)
    if res is None:
        return _Candidate(None, False, diags)
    cit, used = res
    # `used` is None for a legal citation, whose reader found its own end
    complete = cit.form == "ibid" or used is None or bool(used) and used[-1].type in _COMPLETE_ENDS
    return _Candidate(cit, complete, diags)


# German legal writing cites articles by journal, year and first page ("Hofmann, ZGE 2016, 482,
# 498"; "Peukert, GRUR-Beilage 2014, 77 ff.") and decisions by court and reporter ("BGH NJW 2010,
# 1234, 1236"): no title; a capitalised abbreviation, the year, the page, the pinpoint.
_JOURNAL_ABBREV = r"[A-ZÄÖÜ][A-Za-zÄÖÜäöü&]{0,5}(?:[-/][A-ZÄÖÜ]?[A-Za-zÄÖÜäöü]{1,10}\.?|\s(?:Int|RR|RD)\.?)?"
_GERMAN_ARTICLE = re.compile(
    r"(?P<authors>[^\W\d][^,;()“„«\"]{1,80}?),\s+(?P<journal>" + _JOURNAL_ABBREV + r")\s+(?P<year>(?:19|20)\d\d),\s*"
    r"(?P<page>\d{1,5})(?:\s*f{1,2}\.?)?(?:\s*\((?P<pin1>\d{1,5}(?:\s*f{1,2}\.?)?)\)"
    r"|,\s*(?P<pin2>\d{1,5}(?:\s*f{1,2}\.?)?(?:,\s*\d{1,5}(?:\s*f{1,2}\.?)?){0,4}))?"
    r"(?:\s+(?:Rn|Rz|Tz)\.\s*(?P<rn>\d{1,4}))?\.?"
)
_GERMAN_COURTS = r"(?:BGH|BVerfG|BVerwG|BAG|BFH|BSG|BPatG|EuGH|EGMR|KG|(?:OLG|LG|AG|OVG|VG|VGH|LAG|FG)\s[A-ZÄÖÜ][\wäöü.]+)"
_COURT_REPORTER = re.compile(
    r"(?P<court>" + _GERMAN_COURTS + r"),?\s+(?P<journal>" + _JOURNAL_ABBREV + r")\s+(?P<year>(?:19|20)\d\d),\s*"
    r"(?P<page>\d{1,5})(?:,\s*(?P<pin>\d{1,5}(?:\s*f{1,2}\.)?))?(?:\s+(?:Rn|Rz|Tz)\.\s*(?P<rn>\d{1,4}))?"
    r"(?:\s+[-–]\s+(?P<name>[^\W\d][^;]{1,60}?))?\.?"
)


def _german_short_form(text: str, start: int, end: int, prefix: str) -> Citation | None:
    """An article by journal, year and page, or a decision by court and reporter (German style)."""
    while end > start and text[end - 1] in " .":
        end -= 1
    if text.find("19", start, end) < 0 and text.find("20", start, end) < 0:
        return None  # both forms hold a year "19xx" or "20xx" (before its first page)
    m = _COURT_REPORTER.fullmatch(text, start, end) or _GERMAN_ARTICLE.fullmatch(text, start, end)
    if m is None:
        return None
    if m.re is _GERMAN_ARTICLE and not looks_like_names(m.group("authors").replace("/", ", ")):
        return None
    pin = m.group("pin") if m.re is _COURT_REPORTER else (m.group("pin1") or m.group("pin2"))
    rn = m.group("rn")
    locator, label = (rn, "paragraph") if rn else (pin or "", "page" if pin else "")
    page = m.group("page")
    if m.re is _COURT_REPORTER:
        ref = Reference(type="legal_case", title=m.group("name") or f"{m.group('journal')} {m.group('year')}, {page}",
                        title_style="plain", authority=m.group("court"), container_title=m.group("journal"),
                        issued=m.group("year"), page=page)
    else:
        names = tuple(Name(family=n.strip()) for n in m.group("authors").split("/") if n.strip())
        ref = Reference(type="article-journal", author=names, container_title=m.group("journal"),
                        issued=m.group("year"), page=page)
    # complete as German legal writing cites: journal or reporter, year and first page
    return Citation(start=start, end=end, text=text[start:end], form="full", reference=ref, prefix=prefix,
                    locator=locator, label=label)


# German notes cite an authority's paper by what it is and who issued it, then its title and date:
# "Vgl. den Beschluss der Kultusministerkonferenz: „Titel“ vom 27. Januar 1995", "Vgl. dazu den
# Diskussionsentwurf des Bundesministeriums der Justiz, Entwurf eines Gesetzes … v. 15.1.2020"
_GERMAN_PAPER = re.compile(
    r"(?:den|die|das|dem)\s+(?P<kind>[\w-]*(?:beschlu(?:ss|ß)|entwurf|bericht|empfehlung|empfehlungen|stellungnahme|"
    r"mitteilung|gutachten|leitlinien|richtlinien|positionspapier|eckpunkte|erklärung))\s+(?:der|des)\s+"
    r"(?P<body>(?-i:[A-ZÄÖÜ])[^:,;\"“„()]{2,120}?)\s*[:,]\s*"
    r"(?P<title>[„\"“][^\"“”„]{3,300}[“\"”]|(?-i:[A-ZÄÖÜ])[^;:\"“„]{3,300}?)\s*,?\s+(?:vom|v\.)\s+"
    r"(?P<date>\d{1,2}\.\s*(?:\d{1,2}\.\s*|[^\W\d]+\s+)(?P<year>(?:19|20)\d\d))",
    re.I,
)
_URL_AFTER = re.compile(r"\s*,?\s*(?:abrufbar|online|verfügbar|available)\s+(?:unter|at)\s*:?\s*(?P<url>https?://\S+?)(?=,?\s|$)", re.I)


def _german_paper(text: str, start: int, end: int) -> Citation | None:
    """An authority's resolution, draft or report, cited by its kind and issuing body (German style)."""
    prefix, body_start = _strip_signal(text, start, end)
    m = _GERMAN_PAPER.match(text, body_start, end)
    if m is None:
        return None
    body = re.sub(r"^(\w+?)(?<=um)s\b", r"\1", m.group("body").strip())  # "des Bundesministeriums" -> "Bundesministerium"
    title = _strip_quotes(m.group("title").strip())
    stop = m.end()
    url = ""
    mu = _URL_AFTER.match(text, stop, end)
    if mu is not None:
        url, stop = mu.group("url").rstrip(".,"), mu.end()
    ref = Reference(type="report", author=(Name(literal=body),), title=title, title_style="plain", genre=m.group("kind"),
                    issued=m.group("year"), url=url)
    c_start = start if prefix else m.start()
    return Citation(start=c_start, end=stop, text=text[c_start:stop], form="full", reference=ref, prefix=prefix)


def _citation_from_candidate(
    text: str, toks: list[_Tok], diagnostics: list[Diagnostic]
) -> tuple[Citation, list[Token] | None] | None:
    # drop a sentence-final stop
    while toks and toks[-1].type in ("PERIOD", "COMMA", "COLON"):
        last = toks[-1]
        if last.type == "PERIOD" and len(toks) > 1 and toks[-2].type == "WORD" and toks[-2].end == last.start:
            word = text[toks[-2].start : toks[-2].end].lower()
            if word in ("al", "ibid", "ebd", "id", "ed", "eds", "cit", "f", "ff", "a") or (
                len(word) == 1 and word.isalpha() and word != "a"
            ):
                break
        toks = toks[:-1]
    if not toks:
        return None
    start, end = toks[0].start, toks[-1].end
    prefix, body_start = _strip_signal(text, start, end)
    toks = [t for t in toks if t.start >= body_start]
    if not toks:
        return None
    german = _german_short_form(text, toks[0].start, end, prefix)
    if german is not None:
        return (replace(german, start=start, text=text[start:german.end]) if prefix else german), None
    fields = _fields(text, toks)
    cut, signal, fi = _strip_commentary(text, fields)
    signal_start = -1
    if cut >= 0:
        if signal and not prefix:
            prefix = signal
            signal_start = text.rfind(signal, fields[max(fi - 1, 0)].start, cut)
        legal = read_legal(text, cut, end)
        if legal is not None:  # "…, vgl. etwa: EuGH, Urt. v. 29.7.2019 - C-516/17": the legal reader's
            return _legal_to_citation(text, legal, prefix, signal_start if signal_start >= 0 else cut), None
        fields = [_Field(fields[fi].kind, cut, fields[fi].end)] + fields[fi + 1 :]
    if not fields:
        return None
    tokens = _classify(text, fields)
    parse, err = _grammar_parse(tokens)
    used = tokens
    if parse is None:
        # trailing commentary: parse the fields before the error
        k = err
        while parse is None and k > 0:
            parse, err2 = _grammar_parse(tokens[:k])
            if parse is not None:
                used = tokens[:k]
                break
            k = err2 if 0 < err2 < k else k - 1
        if parse is None or not (parse.title or parse.kind == "ibid"):
            parse = _fallback(tokens)
            used = tokens
            diagnostics.append(
                Diagnostic(
                    "unparsed-reference",
                    "info",
                    "citation grammar did not match; fields read one by one",
                    tokens[0].start_pos,
                    tokens[-1].end_pos,
                )
            )
    if not _plausible(parse, used):
        return None
    form, ref, locator, label = _interpret(text, parse)
    c_start = used[0].start_pos
    c_end = used[-1].end_pos
    if prefix and cut < 0:
        c_start = start  # the signal belongs to the citation's span
    elif prefix and signal_start >= 0:
        c_start = signal_start
    cit = Citation(
        start=c_start,
        end=c_end,
        text=text[c_start:c_end],
        form=form,  # type: ignore[arg-type]
        reference=ref,
        prefix=prefix,
        locator=locator,
        label=label if locator else "",
    )
    return cit, used


# --------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------


_TITLE_ENDS_IN_PINPOINT = re.compile(r",\s*\d{1,4}(?:\s*[-‐‑−–]\s*\d{1,4})?$")
_OPENS_WITH_PINPOINT = re.compile(r"\d{1,4};")  # "213; R. M. Cameron-Jones …" is no title
_PROSE_AFTER = re.compile(r"\.\s+[A-ZÀ-Þ][a-zà-ÿ]+\s+[a-zà-ÿ]+\s+[a-zà-ÿ]")


def _note_read_as_entry(text: str, title: str) -> bool:
    """Whether the entry reading took a note for a bibliography entry, as its "title" shows: one
    that opens with a pinpoint and a semicolon, or ends in a page number followed by a sentence of
    prose ("Amodeo, Authentic Heart. An Eightfold, 173. The figures …")."""
    if _OPENS_WITH_PINPOINT.match(title):
        return True
    if _LOC.fullmatch(title) or _EDITION.match(title):
        return True  # "Wielsch, Zugangsregeln, 2008, S. 12": a given name "Zugangsregeln", a title "S. 12"
    if not title or not _TITLE_ENDS_IN_PINPOINT.search(title):
        return False
    at = text.find(title)
    return at >= 0 and bool(_PROSE_AFTER.match(text, at + len(title)))


def _year_as_pinpoint(c: _Candidate) -> bool:
    """"…,” American Control Conference, 2004. Proceedings …": a year read as the pinpoint of a
    citation with no date is the date, and the citation may go on after the stop."""
    cit = c.citation
    return cit is not None and not cit.reference.issued and bool(_YEAR.match(cit.locator))


def parse_note_text(text: str) -> tuple[tuple[Citation, ...], tuple[Diagnostic, ...]]:
    """Every citation in one note's text (or one bibliography string), in order.

    Offsets are relative to ``text``; commentary that is not a citation is left out
    (it stays in the note).  Never raises: an internal failure becomes an
    ``internal-error`` diagnostic and no citations.
    """
    diagnostics: list[Diagnostic] = []
    citations: list[Citation] = []
    try:
        if not text or not text.strip():
            return (), ()
        all_toks = _tokens(text)
        # a statute, an act or a case is never a bibliography entry, whatever its first words; nor
        # is an article or decision cited German-style by journal or reporter
        body, semi = _first_citation_span(text, all_toks)
        opens_legal = read_legal(text, body, semi) is not None
        bib = None if opens_legal or _german_short_form(text, body, semi, "") is not None \
            else _parse_bibliography(text, all_toks)
        if bib is not None and _note_read_as_entry(text, bib[0].reference.title):
            bib = None
        if bib is not None:
            citations.append(bib[0])
            # the rest of the note, after a semicolon, holds further citations
            after = next((t.start for t in all_toks if t.type == "SEMI" and t.start >= bib[0].end), -1)
            all_toks = [t for t in all_toks if after >= 0 and t.start > after]
        # "42 U.S.C. § 1983" opens with a title number, not a list number
        numbered = _CITNUM.match(text) if not citations and not opens_legal else None
        if numbered:  # "[43] T. Walter, ..." — an entry of a numbered list, not a note
            all_toks = [t for t in all_toks if t.start >= numbered.end()]
        segs = _segments(text, all_toks)
        i = 0
        while i < len(segs):
            toks, by_stop = segs[i]
            paper = _german_paper(text, toks[0].start, segs[-1][0][-1].end)
            if paper is not None:  # before the legal reader, which would take "den Beschluss der …" for a decision
                citations.append(paper)
                i += 1
                while i < len(segs) and segs[i][0][0].start < paper.end:
                    i += 1
                continue
            legal = _legal_citation(text, segs, i)
            if legal is not None:
                citations.append(legal[0])
                i = legal[1]
                continue
            best = _candidate(text, toks)
            if best.citation is None and not best.diagnostics:
                tail = _legal_after_commentary(text, toks) or _gazetted_act(text, toks) or _citation_in_parens(text, toks) \
                    or _provision_in_sentence(text, toks)
                if tail is not None:
                    best = _Candidate(tail, True, [])
            elif best.citation is not None and not best.citation.reference.author and best.citation.reference.title_style != "quoted":
                # "The rule was applied to harbour dues (Court of Justice, …, Case C-1/11)": a
                # sentence is no title when the parentheses after it hold a case or an act
                inner = _gazetted_act(text, toks) or _citation_in_parens(text, toks)
                if inner is not None and inner.reference.type in LEGAL_TYPES:
                    best = _Candidate(inner, True, [])
                elif _sentence_as_title(best.citation):
                    # "Diese Vorgaben wurden umgesetzt in §§ 61, 61a UrhG.": the provision, not the sentence
                    inner = _provision_in_sentence(text, toks)
                    if inner is not None and len(inner.reference.title) < len(best.citation.reference.title):
                        best = _Candidate(inner, True, [])
            j = i
            # A full stop may sit inside an abbreviated journal title or a title: when
            # the citation before it is incomplete, try it joined with what follows.
            while (not best.complete or _year_as_pinpoint(best)) and by_stop and j + 1 < len(segs) and j - i < 8:
                nxt, nxt_by_stop = segs[j + 1]
                if _starts_new_citation(text, nxt) or _prose_sentence(text, toks):
                    break  # a new citation, or a sentence of prose: nothing to join
                if best.citation is not None and best.citation.reference.author:
                    alone = _candidate(text, nxt)
                    if alone.citation is not None and alone.citation.reference.author and (
                        alone.citation.reference.title or best.citation.locator
                    ):
                        # "Smith, Title. Jones, Title, 4": two citations, each with its author; but
                        # "Ricoeur, Temps et récit. Tome, 171" is one short title with a stop inside
                        break
                joined = _candidate(text, toks + nxt)
                if joined.citation is None:
                    break
                if not joined.complete and best.citation is not None:
                    # keep looking further only while nothing better was found
                    probe = joined
                    if not probe.citation.reference.title:
                        break
                toks, by_stop, j = toks + nxt, nxt_by_stop, j + 1
                best = joined
            if best.citation is not None:
                citations.append(best.citation)
            diagnostics.extend(best.diagnostics)
            i = j + 1
        if not citations:
            web = _iso_web_source(text)
            if web is not None:
                citations.append(web)
        for k, c in enumerate(citations):
            ref = c.reference
            if c.locator and c.form == "full" and not ref.issued and _YEAR.match(c.locator) and (
                ref.publisher or ref.container_title and (ref.volume or ref.issue)
            ) and not text[c.end :].strip(" .,;") and text[: text.rfind(c.locator)].rstrip().endswith(","):
                # "Title, Addison-Wesley, 1988." / "Journal, vol. 87, 1990.": the last number, a year
                # after the publisher or the volume, is the date, not a page
                citations[k] = replace(c, reference=replace(ref, issued=_ANY_YEAR.search(c.locator).group(1)), locator="", label="")
        if numbered and citations and citations[0].locator:
            # a list entry's trailing range is the work's pages, its trailing year the date
            first = citations[0]
            ref = first.reference
            if _YEAR.match(first.locator) and not ref.issued:
                ref = replace(ref, issued=first.locator)
            elif not ref.page:
                ref = replace(ref, page=first.locator)
            citations[0] = replace(first, reference=ref, locator="", label="")
    except Exception as exc:  # noqa: BLE001 - the stage must never raise
        diagnostics.append(
            Diagnostic("internal-error", "error", f"citation parser failed: {exc!r}", 0, len(text))
        )
    return tuple(citations), tuple(diagnostics)


# --------------------------------------------------------------------------
# legal citations (footnorm.legal reads them; here they become Citations)
# --------------------------------------------------------------------------


# ISO 690 as Spanish, French, German and Harvard notes write it: "Title, description. Disponible en:
# <URL> [consulta: 7 de septiembre de 2011]" / "Available at: <URL> [Accessed 7 September 2011]".
_ISO_LINK = re.compile(
    r"(?:disponible\s+en|available\s+(?:at|from)|disponible\s+sur|verfügbar\s+unter|online\s+unter)\s*:?\s*"
    r"<(?P<url>(?:https?://|www\.)[^<>]{3,300})>\s*(?:\[(?P<acc>[^\[\]]{3,80})\])?",
    re.I,
)
_ISO_TITLE = re.compile(r"(?-i:[A-ZÀ-Þ¿¡\"“„«])[^,.;:()\[\]<>]{1,120}")


def _iso_web_source(text: str) -> Citation | None:
    """A web page cited ISO 690 style when nothing else was read: its title is the note's first
    phrase, up to its first comma or stop; its link sits in angle brackets after "Available at"."""
    m = _ISO_LINK.search(text)
    if m is None:
        return None
    lead = text[: m.start()].strip()
    mt = _ISO_TITLE.match(lead)
    if mt is None or len(mt.group().split()) > 12 or _prose_like(mt.group()):
        return None
    if not re.match(r"\s*(?:,|\[(?:online|en\s+l[ií]nea|en\s+ligne)\])", lead[mt.end() :], re.I):
        return None  # "The port closed in 1990. Available at: …" is a sentence, not "Title, description"
    title = _strip_quotes(mt.group().strip())
    accessed = _ANY_YEAR.search(m.group("acc") or "")
    ref = Reference(type="webpage", title=title, title_style="plain", url=re.sub(r"\s+", "", m.group("url")),
                    accessed=accessed.group(1) if accessed else "")
    return Citation(start=mt.start(), end=m.end(), text=text[mt.start() : m.end()], form="full", reference=ref)


def _first_citation_span(text: str, toks: list[_Tok]) -> tuple[int, int]:
    """Where a note's first citation can run: from after its signal to the first semicolon."""
    if not toks:
        return len(text), len(text)
    # a SEMI token is a ";" (one inside a quotation or parenthesis is not): no ";", no scan
    semi = next((t.start for t in toks if t.type == "SEMI"), len(text)) if ";" in text else len(text)
    _, body = _strip_signal(text, toks[0].start, semi)
    return body, semi


def _legal_citation(text: str, segs: list[tuple[list[_Tok], bool]], i: int) -> tuple[Citation, int] | None:
    """A legal citation opening segment i, and the index of the first segment after it.

    Legal abbreviations carry full stops the segmenter may have cut at ("COLO. REV. STAT.",
    "Pub. L. No."), so the legal reader sees everything up to the next semicolon and finds
    its own end."""
    toks = segs[i][0]
    j = i
    while segs[j][1] and j + 1 < len(segs):
        j += 1
    limit = segs[j][0][-1].end
    prefix, body = _strip_signal(text, toks[0].start, limit)
    legal = read_legal(text, body, limit)
    if legal is None:
        # "recently: Court of Justice, ..." / "Further: Directive ...": a lead word and a colon
        lead = _LEGAL_LEAD.match(text, body, limit)
        if lead is None:
            return None
        legal = read_legal(text, lead.end(), limit)
        if legal is None:
            return None
    nxt = i + 1
    while nxt < len(segs) and segs[nxt][0][0].start < legal.end:
        nxt += 1
    return _legal_to_citation(text, legal, prefix, toks[0].start if prefix else legal.start), nxt


_LEGAL_LEAD = re.compile(r"[^\W\d][\w.]*(?:\s+[\w.]+)?:\s+")


def _citation_in_parens(text: str, toks: list[_Tok]) -> Citation | None:
    """'… absolute number of goods or services (M. Illmer, Article 6, cit., p. 284).': prose that
    gives its source in parentheses.  Only a legal reading or one with an author, a title, and a
    pinpoint or date counts: "(1999)" or "(emphasis added)" are no citations."""
    for t in reversed(toks):
        if t.type != "PAREN" or t.end - t.start < 12:
            continue
        legal = read_legal(text, t.start + 1, t.end - 1)
        if legal is not None and legal.title:
            return _legal_to_citation(text, legal, "", legal.start)
        inner = _candidate(text, _tokens(text, t.start + 1, t.end - 1))
        c = inner.citation
        ref = c.reference if c is not None else None
        # "(Bloomington, Ind., 1976)", "(Federal Procurement Authority, Bundesvergabeamt)": a place
        # or a gloss reads as a name and a one-word title; a source has a longer title and a
        # pinpoint or a date
        if ref and ref.author and len(ref.title.split()) >= 2 and (c.locator or ref.issued):
            return c
    return None


def _gazetted_act(text: str, toks: list[_Tok]) -> Citation | None:
    """'… established by the act on the harbour centre of 10 February 2017 (Journal of Laws of 2020,
    item 481).': the act a sentence describes by its date and gazette, not the gazette alone."""
    legal = gazetted_act_in(text, toks[0].start, toks[-1].end)
    return _legal_to_citation(text, legal, "", legal.start) if legal is not None else None


def _sentence_as_title(c: Citation) -> bool:
    """A "citation" that is only a title, with no pinpoint and no publication facts: perhaps a sentence."""
    ref = c.reference
    return not (c.locator or ref.container_title or ref.publisher or ref.issued or ref.volume or ref.url or ref.page)


def _provision_in_sentence(text: str, toks: list[_Tok]) -> Citation | None:
    """'Diese Vorgaben wurden umgesetzt in §§ 61 Abs. 2, 61a UrhG.': a sentence that names a
    provision of an instrument in passing cites it."""
    legal = provision_in(text, toks[0].start, toks[-1].end) or case_in(text, toks[0].start, toks[-1].end)
    if legal is None:
        return None
    prefix, body = _strip_signal(text, toks[0].start, legal.start)
    if prefix and body == legal.start:  # "See art. 2.2 DSM Directive.": the signal is the citation's
        return _legal_to_citation(text, legal, prefix, toks[0].start)
    return _legal_to_citation(text, legal, "", legal.start)


def _legal_after_commentary(text: str, toks: list[_Tok]) -> Citation | None:
    """'Bei mehreren Autoren richtet sich der Fristbeginn nach ..., § 65 Abs. 1 UrhG.': a sentence
    of commentary whose last comma field (or what follows its colon) is a legal citation."""
    end = toks[-1].end
    while end > toks[0].start and text[end - 1] in " .;,":
        end -= 1
    for k in range(len(toks) - 2, 0, -1):
        if toks[k].type not in ("COMMA", "COLON"):
            continue
        prefix, body = _strip_signal(text, toks[k + 1].start, end)  # "..., see CJEU, judgement of ..."
        legal = read_legal(text, body, end)
        if legal is not None and legal.end >= end:
            return _legal_to_citation(text, legal, prefix, toks[k + 1].start if prefix else legal.start)
    return None


def _legal_to_citation(text: str, legal: Legal, prefix: str, start: int) -> Citation:
    ref = Reference(
        type=legal.type,
        author=(Name(literal=legal.author),) if legal.author else (),
        title=legal.title,
        title_style="plain",
        container_title=legal.container_title,
        volume=legal.volume,
        page=legal.page,
        issued=legal.issued,
        authority=legal.authority,
    )
    return Citation(
        start=start,
        end=legal.end,
        text=text[start : legal.end],
        form="full" if legal.full else "short",
        reference=ref,
        prefix=prefix,
        locator=legal.locator,
        label=legal.label if legal.locator else "",
    )


def _starts_new_citation(text: str, toks: list[_Tok], strict: bool = False) -> bool:
    """A segment that opens with a signal, ibid., or a name list followed by a title."""
    if not toks:
        return not strict
    head = text[toks[0].start : toks[min(len(toks), 4) - 1].end]
    if _SIGNAL.match(head + " ") or _IBID.match(head):
        return True
    first_comma = next((k for k, t in enumerate(toks) if t.type == "COMMA"), -1)
    if first_comma > 0:
        lead = text[toks[0].start : toks[first_comma - 1].end]
        if looks_like_names(lead) and len(lead.split()) <= 6:
            following = toks[first_comma + 1] if first_comma + 1 < len(toks) else None
            if following is not None and following.type == "QUOTED":
                return True
    return False


def list_number(text: str) -> str:
    """The number of a numbered bibliography entry ("[43] ...", "12. ...", "(14) ..."), or "".

    The model has no field for it; CSL calls it ``citation-number``."""
    m = _CITNUM.match(text)
    return re.sub(r"\D", "", m.group()) if m else ""


def parse_reference(text: str) -> Citation | None:
    """The first citation of ``text`` (a single reference string), or None."""
    cits, _ = parse_note_text(text)
    return cits[0] if cits else None


# --------------------------------------------------------------------------
# bibliography entries (grammar/bibliography.lark)
# --------------------------------------------------------------------------

# "[43]", "(14)", "12.", "33 " open numbered lists; a four-digit "1999." is a year
_CITNUM = re.compile(r"^\s*(?:\[\s*\d{1,4}\s*\]|\(\s*\d{1,3}\s*\)|\d{1,3}\s*[.)](?=\s)|\d{1,3}(?=\s+[A-ZÀ-Þ]))\s*")
_WORD_RX = re.compile(r"[^\s,;]+[,;]*|[,;]+")  # "Keays,R.R.," is two words
_INITIAL_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ](?:[a-z]?\.)?-?){1,4}$")
_CAP_WORD = re.compile(
    r"^(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w\u0300-\u036f’'\-]*|(?:d'|D'|O'|O’|d’)[A-ZÀ-Þ][\w\u0300-\u036f’'\-]*|[\w]+-)$"
)
_YEAR_WORD = re.compile(r"^\(?(?:1[5-9]|20)\d\d[a-z]?(?:\[(?:1[5-9]|20)\d\d\])?\)?[.,:;]?$")
_HEAD_JOINERS = frozenset(["and", "&", "und", "et", "e", "y"])
_BIB_NOTE = LazyPattern(
    r"^(?:to\s+appear|in\s+press|forthcoming|submitted|under\s+review|unpublished|im\s+Druck|sous\s+presse|"
    r"in\s+preparation|accepted|preprint|available\s+(?:online|at|from)\b.*|retrieved\s+from\b.*)",
    re.I,
)
_US_STATE = re.compile(r"^[A-Z]{2}$")
_TRAILING_VOL_PAGE = re.compile(r"^(?:(?P<text>.*[^\d\s])\s+)?(?P<vol>\d{1,4})\s+(?P<page>\d+(?:\s*[-‐‑−–—]\s*\d+)?)\.?$")
_TRAILING_DAY_MONTH = LazyPattern(
    r"^(?P<text>.*[^\d\s])\s+(?P<date>\d{1,2}\s+(?:" + _MONTHS + r")|(?:" + _MONTHS + r")\s+\d{1,2})\.?$", re.I
)
_PUBLISHER_THEN_PLACE = re.compile(r"^(?P<pub>.*\b(?:Press|Verlag|Publishers|Books|Inc\.?))\s+(?P<place>[A-Z][\w .'-]+?)\.?$")
_LEADING_PAGES = re.compile(r"^(?P<pages>(?:pp?\.|pages)\s*\d+\s*[-‐‑−–—]\s*\d+)\s+(?P<rest>[A-Z].*)$")
_VOLS_COUNT = re.compile(r"^\d+\s+(?:vols?|Bde|tomes|t)\.?$", re.I)
_PAGE_COUNT = re.compile(r"^\d+\s*(?:p|pp|pages|S|Seiten|págs?)\.?$", re.I)
_PAGES_PAREN = LazyPattern(r"^(?:vol\.\s*\w+,\s*)?(?:pp?\.|S\.)\s*\d+\s*[-‐‑−–—]+\s*\d+$|^\d+\s*[-‐‑−–—]+\s*\d+$", re.I)
_NAMES_ED = re.compile(r"^(?:[Ii]n:?\s+)?(?P<names>[^()]+?)\s*\((?:eds?|Eds?|Hrsg|Hg|Hrg|éds?|dir|coord)\.?\)\s*:?$")
_TRANS_PAREN = LazyPattern(
    r"^(?:(?:translated\s+by|trans\.|tr\.)\s+(?P<a>[A-ZÀ-Þ].{2,80})|(?P<b>[A-ZÀ-Þ].{2,80}?),\s*(?:trans|tr)\.?)$", re.I
)
_NAMES_TRANS = re.compile(r"^(?:[Ii]n:?\s+)?(?P<names>[^()]+?)\s*\((?:ed\.\s*and\s*)?(?:trans|tr|übers)\.?\)\s*:?$")
_STRONG_PUBLISHER = re.compile(
    r"\b(?:press|verlag|publishers?|publishing|books|wiley|sons|associates|inc\.?|ltd\.?|editions|éditions|"
    r"editore|edizioni|ediciones|editorial|springer|elsevier|routledge|macmillan|mcgraw|prentice|"
    r"addison|academic|harper|penguin|blackwell|norton|sage|kluwer|pergamon|longman|scribner|knopf)\b",
    re.I,
)
_CONTAINER_WORDS = LazyPattern(
    r"\b(?:journal|proceedings|proc\.|review|conference|bulletin|transactions|quarterly|annals|"
    r"symposium|workshop|magazine|zeitschrift|revue|rivista|revista|letters|studies|series)\b",
    re.I,
)
_LINK_LABEL = re.compile(r"(?:url|doi|online|available(?:\s+(?:at|from|online))?|disponible\s+sur|en\s+ligne)\s*:?", re.I)
_ISBN = re.compile(r"ISBN(?:-1[03])?:?\s*((?:97[89][-\s]?)?\d[\d\s-]{7,14}[\dX])\.?$", re.I)
_TRAILING_CITY = LazyPattern(r"\s(?P<city>[A-ZÀ-Þ][\w'’.-]*(?:\s[A-ZÀ-Þ][\w'’.-]*){0,2})$")
_LEADING_YEAR = re.compile(r"(?P<year>(?:1[5-9]|20)\d\d[a-z]?)\.?\s*(?P<rest>\S.*)$")
_MONTH_DAY = LazyPattern(r"(?:" + _MONTHS + r")\.?(?:\s+\d{1,2})?", re.I)
_TRAILING_PAGES = LazyPattern(r"^(?P<text>.*?\S)\s+(?P<pages>(?:pp?\.|pages|S\.)\s*\d+\s*[-‐‑−–—]\s*\d+)\.?$")


_RANGE_END = r"(?:pp?\.\s*)?\d{1,5}\s*[-‐‑−–]\s*\d{1,5}"
_YEAR_AND_RANGE_END = re.compile(
    r",\s*(?:(?:1[5-9]|20)\d\d\s*,\s*" + _RANGE_END + r"|" + _RANGE_END + r"\s*,\s*(?:1[5-9]|20)\d\d)\.?\s*$"
)


_QUOTE_MARK = re.compile(r"[“„«\"‘`]")


@dataclass(slots=True)
class _Head:
    end: int  # where the name list ends (char offset)
    inverted: bool
    terminator: str  # ".", ",", "year", "quote", "edmark", "paren"
    initials_after_family: bool = False  # "Bergk, V." — the surest sign of a bibliography
    has_given: bool = False  # an inverted name with its given part: "Hagenmeyer, Heinrich"
    joined: bool = False  # the list has "and"/"&"/"und": "Castro, Costa, und Harris"
    quoted_next: bool = False  # a quoted title follows the list
    vancouver: bool = False  # family names followed by initials: "DUCLERT V., « ... »"

    def is_bibliography(self, rest: str = "") -> bool:
        if self.terminator in (".", "year", "edmark", "quote"):
            return True
        if self.inverted and self.initials_after_family or self.vancouver:
            return True
        # "Hagenmeyer, Heinrich, Title, Place 1973": a short note never carries a year
        if self.inverted and self.has_given and self.quoted_next and not self.joined and self.terminator == ",":
            return True  # "Behler, Ernst, “Title,” Journal" — notes write "Ernst Behler"
        if self.terminator == "," and not _QUOTE_MARK.search(rest) and _YEAR_AND_RANGE_END.search(rest):
            # "M. C. Miller, Donors, Speculum, 66, 1991, 27-42.": a note's pinpoint is one page
            # or a few, never after a bare year; the year and the work's range end an entry
            return True
        body = rest.lstrip(" ,.")
        head_, _, last = body.rpartition(",")
        if head_ and re.fullmatch(r"\s*[\divxlc]+(?:\s*[-‐‑−–]\s*\d+)?\.?\s*", last) and not (
            _YEAR.match(last.strip()) and (last.strip().endswith(".") or self.has_given)
        ):
            body = head_  # the last field is a pinpoint (a year with a full stop is a date)
        return (
            self.inverted and self.has_given and self.terminator in (",", "paren")
            and not rest.lstrip(" ,")[:1] in "“„«\"‘'" and bool(_ANY_YEAR.search(body))
        )


@functools.lru_cache(maxsize=8192)  # pure on the word; names and title words recur from note to note
def _head_word_shape(core_nc: str) -> tuple[bool, bool, bool, bool]:
    """Whether a word of a name list (its separators and colon off) is an initial, a particle,
    a name's word, or dashes only."""
    stripped = core_nc.rstrip(".")
    is_initial = bool(_INITIAL_WORD.match(core_nc)) and len(stripped.replace(".", "").replace("-", "")) <= 3 and (
        len(stripped) < 2 or stripped.lower() not in _ABBREVIATIONS  # "Bd." "Nr." "Ed." are not initials
    )
    is_particle = stripped.lower() in PARTICLE_WORDS
    is_name_word = bool(_CAP_WORD.match(stripped)) and stripped not in _TITLE_OPENERS
    is_dash = bool(stripped) and not stripped.strip("-—–_")  # dashes only (no sets built per word)
    return is_initial, is_particle, is_name_word, is_dash


def _bibliography_head(text: str, start: int) -> _Head | None:
    """Find the name list that opens a bibliography entry.

    Units are the stretches between commas, semicolons and joiners.  A unit is a
    family name alone (inverted order, its given part follows), initials or given
    names (after an inverted family), or a display-order name.  The list ends at a
    full stop after a whole word, a date, a quotation, "(ed.)", or before a unit
    that is not a name (a title)."""
    # words are read lazily, a few ahead of the scan: most notes stop after three
    word_iter = _WORD_RX.finditer(text, start)
    words: list[tuple[str, int, int]] = []

    def fill(upto: int) -> int:
        while len(words) <= upto and len(words) <= 80:
            m = next(word_iter, None)
            if m is None:
                break
            words.append((m.group(), m.start(), m.end()))
        return len(words)

    end = -1  # end of the last name word accepted
    boundary = -1  # end of the list at the last unit boundary
    inverted = False
    awaiting_given = False
    unit_words = 0
    unit_initials = 0
    first_unit = True
    initials_after_family = False
    last_sep = ""
    has_given = False
    joined = False
    vancouver_list = False  # "Dennemärker J, Lohmüller T, ..." — family, then bare initials
    unit_first_name = False
    unit_particles = 0
    after_joiner = False
    unit_was_display = False
    n = fill(4)

    def head(pos: int, term: str) -> _Head | None:
        quoted = term == "quote"
        if term == "quote" and last_sep:
            term = ","  # "Castro, Costa, und Harris, „Title“" is a note's name list
        return _Head(pos, inverted, term, initials_after_family, has_given, joined, quoted, vancouver_list) if pos > 0 else None

    display_units = 0  # display-order names closed so far ("H. Fischer", "Mary Jones")
    display_initialled = 0  # ... of which with initials

    def uninitialled_after_initials() -> bool:
        # IEEE, Elsevier: every name so far has initials ("H. Fischer, B. Verghese"); a run of
        # capitalised words without one is the title ("Centre Pompidou", "Spectral Graph Theory")
        return (
            not inverted and display_units > 0 and display_initialled == display_units
            and unit_initials == 0 and unit_words - unit_particles >= 2 and not after_joiner and not _joiner_ahead(text, we)
        )

    def after_whole_name() -> bool:
        # "Doe, Jane, Richard Roe, and Sam Poe": after a whole inverted name, co-authors are
        # written in display order and an "and" comes before the last; without one, the
        # display-order words are the title
        return inverted and has_given and not awaiting_given and not joined and not after_joiner

    i = 0
    while i < n:
        n = fill(i + 4)
        w, ws, we = words[i]
        core = w.rstrip(",;")
        sep = w[len(core) :]
        low = core.lower()
        if w[0] in "“„«\"‘'`":
            return head(end, "quote")
        if w[0] == "(":
            inner = w.strip("().,:;")
            if _EDMARK.match(inner) or _EDMARK.match("(" + inner + ")"):
                return head(end, "edmark")
            close = text.find(")", ws, ws + 40)
            if _YEAR_WORD.match(w) or _NO_DATE.match(inner) or close > 0 and _is_date_paren(text[ws : close + 1]):
                return head(end, "year")  # "(2010)" "(July 1978)" "(2010, March 3)"
            if after_whole_name() and unit_words - unit_particles >= 2 and unit_initials == 0:
                return head(boundary, ",")  # "Christov, Carolyn, William Kentridge (Brussels: ...)"
            return head(end, "paren")
        if _YEAR_WORD.match(w):
            return head(end, "year")
        if i + 1 < n and (low == "et" and words[i + 1][0].lower().rstrip(",;.") in ("al", "alii")
                          or low == "u." and words[i + 1][0].lower().rstrip(",;.") == "a"):  # not "et A. Nemirovski"
            nxt = words[i + 1][0]
            end = words[i + 1][2] - (1 if nxt.endswith((",", ";")) else 0)
            i += 2
            last_sep = ","
            return head(end, "," if nxt.endswith((",", ";")) else ".")  # "et al." ends every name list
        if low in _HEAD_JOINERS:
            if end < 0:
                return None
            if inverted and unit_words == 1 and unit_initials == 0 and not awaiting_given:
                # "Bennacef, S., Speech and human-machine dialog": a title, not a name
                i += 1
                continue
            joined = True
            awaiting_given = False
            unit_words = 0
            unit_initials = 0
            unit_particles = 0
            boundary = end
            last_sep = ""
            after_joiner = True
            i += 1
            continue
        if core.endswith("-") and i + 1 < n and words[i + 1][0].lower() in _SUSPENSION_JOINERS:
            # "Bildungs- und Wissenschaftsschranke": half a compound is a title's word, never a name's
            return head(boundary if unit_words else end, ",")
        if not core:  # a stray "," standing alone: "Indares, A. , Dunning"
            i += 1
            continue
        colon = core.endswith(":")
        core_nc = core.rstrip(":")
        stripped = core_nc.rstrip(".")
        is_initial, is_particle, is_name_word, is_dash = _head_word_shape(core_nc)
        if is_dash and end < 0:
            # "———. 1807. Title" / "---, Title": the same author as the entry before
            return _Head(ws + len(stripped), False, ".", False)
        first_unit_colon = colon and first_unit and unit_words >= 1 and last_sep == "" and (
            re.match(r"\s*(?:1[5-9]|20)\d\d", text[we : we + 12]) is not None
            or "," not in text[we : we + 200].split(". ", 1)[0]
        )  # "He Huanhuan: On Dignāga's Names." — not "Harbour Records: Leith, Bd. 2"
        if colon and unit_words >= 1 and after_whole_name():
            return head(boundary, ",")  # "Auner, Joseph, A Schoenberg Reader: Documents"
        if colon and (is_name_word or is_initial) and (
            inverted and (awaiting_given or unit_initials) or first_unit_colon or is_initial and unit_words >= 1
        ):
            # German and some author-date lists: "Reiser, Helmut: Integrierte ..."
            return head(we - len(sep) - 1, ".")
        if colon:  # a colon that does not close the list: "FRUS: Potsdam" is a title
            return head(boundary if unit_words else end, ",")
        if not (is_initial or is_name_word or is_particle or is_dash):
            if unit_words == 0 and end > 0 and not sep and (_EDMARK.match(core) or core.lower().startswith("editor")):
                return head(end, "edmark")  # "Görner, Rüdiger and Angus Nicholls, editors."
            return head(boundary if unit_words else end, ",")
        if not is_initial and not is_particle and unit_words >= 4:
            return head(boundary, ",")
        unit_words += 1
        unit_initials += is_initial
        unit_particles += is_particle
        if unit_words == 1:
            unit_first_name = not is_initial
        if core.endswith(".") and not is_initial and unit_words == 1 and not inverted and boundary > 0 and not sep and not awaiting_given:
            return head(boundary, ",")  # "S. Kachru, Fortsch. Phys. 55": a journal, not a name
        if core.endswith(".") and not is_initial and stripped.lower() in ("jr", "sr") and sep:
            pass  # "Blyth Jr., C.": a name's suffix, the list goes on
        elif core.endswith(".") and not is_initial:
            if uninitialled_after_initials():
                return head(boundary, ",")  # "F. R. K. Chung, Spectral Graph Theory. Publisher"
            # "Koomen." "Frederick." — a whole word with a full stop closes the list
            last_sep = sep
            return head(we - len(sep) - 1, "." if not sep else ",")
        if is_initial and awaiting_given and core.endswith("."):
            initials_after_family = True
        vancouver = unit_words > unit_initials and "." not in core[:-1] and (len(core) >= 3 or vancouver_list)  # "Sern EB."
        if is_initial and core.endswith(".") and not sep and first_unit and unit_words == 2 and unit_first_name and (
            i + 1 < n and words[i + 1][0].rstrip(",;.") in _TITLE_OPENERS
        ):
            return head(we, ".")  # a lone Vancouver author: "Harrell F. The rms package"
        if is_initial and core.endswith(".") and (awaiting_given or vancouver) and not sep and i + 1 < n:
            # "Facklam, M. Information deficits" / "Sern EB. Development": initials end the
            # list — unless a name follows ("Sasayama, D. Hattori, K. Teraishi, T.")
            nw_full = words[i + 1][0]
            nw = nw_full.rstrip(",;")
            if not nw:  # "DeGrave, E. , Morris": a stray comma, the list goes on
                nw = "X."
                nw_full = "X.,"
            after = words[i + 2][0] if i + 2 < n else ""
            after2 = words[i + 3][0].rstrip(",;.") if i + 3 < n else ""
            continues = bool(_CAP_WORD.match(nw)) and (
                nw_full.endswith(",")
                or after.lower() in _HEAD_JOINERS and bool(_INITIAL_WORD.match(after2) or words[i + 3][0].endswith((",", ".")) if i + 3 < n else False)
                or bool(_INITIAL_WORD.match(after.rstrip(",;")))
            )
            if _CAP_WORD.match(nw.rstrip(".")) and nw_full.endswith(".") and not _INITIAL_WORD.match(nw) and (
                nw.rstrip(".") not in _TITLE_OPENERS
            ):
                return head(words[i + 1][2] - 1, ".")  # "Ansoff, H. Igor. Corporate Strategy"
            if not _INITIAL_WORD.match(nw) and nw.lower() not in _HEAD_JOINERS and not (
                nw.lower() in ("et", "u.")
            ) and not continues:
                end = we
                return head(we, ".")
        end = we - len(sep)
        last_sep = sep
        if sep and is_initial and unit_words >= 2 and unit_initials == unit_words - 1 and unit_first_name:
            vancouver_list = True  # "Dennemärker J," / "Gertz M.," — family, then initials
        if sep:
            if after_whole_name() and unit_words - unit_particles >= 2 and unit_initials == 0 and not _joiner_ahead(text, we):
                return head(boundary, ",")  # "Bourdieu, Pierre, Homo Academicus, Peter Collier (trans.)"
            if uninitialled_after_initials():
                return head(boundary, ",")  # "H. Fischer, Centre Pompidou, Deutsche Bauzeitung, No. 134"
            if not inverted and not first_unit or not inverted and unit_words - unit_particles >= 2:
                display_units += 1
                display_initialled += unit_initials > 0 and unit_initials == unit_words - unit_particles - 1
            if first_unit and unit_words - unit_particles == 1 and not is_initial:
                inverted = True
            if awaiting_given:
                has_given = True
            unit_was_display = unit_words - unit_particles >= 2 and not awaiting_given
            nxt_initial = i + 1 < n and bool(_INITIAL_WORD.match(words[i + 1][0].rstrip(",;.") + "."))
            awaiting_given = unit_words - unit_particles <= (1 if after_joiner and not nxt_initial else 2) and (
                unit_initials == 0
            ) and (first_unit or inverted) and not awaiting_given
            if sep.startswith(";"):
                awaiting_given = False
            first_unit = False
            unit_words = 0
            unit_initials = 0
            unit_particles = 0
            boundary = end
            if after_joiner and not awaiting_given and not vancouver_list and unit_was_display:
                # "Stravinsky, Igor, and Robert Craft, Memories and Commentaries": one "and",
                # before the last name — what follows that name is the title
                nw = words[i + 1][0] if i + 1 < n else ""
                if _YEAR_WORD.match(nw):
                    return head(end, "year")
                if (_EDMARK.match(nw.rstrip(",;")) or nw.lower().startswith("editor")) and not nw.endswith(","):
                    return head(end, "edmark")
                return head(end, ",")
            after_joiner = False
        i += 1
    return head(end, "end")


_LIST_END = re.compile(r"[^\W\d_]{2}\.\s|[(:“„«\"‘]")  # a word's full stop, not an initial's
_JOINER_WORD = re.compile(r"\s(?:and|&|und|et|y|e|a|i|u\.)\s")


def _joiner_ahead(text: str, pos: int) -> bool:
    """An "and" before the name list can end (a full stop, a parenthesis, a colon, a quotation)."""
    window = text[pos : pos + 200]
    stop = _LIST_END.search(window)
    return bool(_JOINER_WORD.search(window[: stop.start() if stop else len(window)]))


_SUSPENSION_JOINERS = frozenset("und oder bzw. and or et ou e o y".split())
PARTICLE_WORDS = frozenset(
    "van von de der den du da di del della la le ten ter dos das af zu vom el al ben bin ibn abu".split()
)
_TITLE_OPENERS = frozenset(
    "The A An In On Of For From To With Towards Toward Why How What When Where Is Are Der Die Das "
    "Ein Eine Zur Zum Über Le La Les Un Une Des Du Il Lo Gli Una El Los Las Sobre Para Una".split()
)


class _BibRoles(Transformer):
    """Tree-less transformer of bibliography.lark: the entry as a _Parse."""

    def start(self, children):
        p = _Parse(kind="cit", bibliography=True)
        for c in children:
            if isinstance(c, tuple) and c[0] == "head":
                p.authors, p.edmark = c[1], c[2]
                p.parts.extend(c[3])
            elif isinstance(c, tuple) and c[0] == "title":
                p.title = [c[1]]
            elif isinstance(c, list):
                p.parts.extend(c)
        return p

    def head(self, children):
        authors = [c for c in children if c.type == "AUTHORS"]
        edmark = any(c.type == "EDMARK" for c in children)
        dates = [c for c in children if c.type in ("YEAR", "DATEPAREN")]
        return ("head", authors, edmark, dates)

    def title(self, children):
        tok = children[0]
        if tok.type == "TITLE":
            tok = Token("TEXT", str(tok), tok.start_pos, tok.line, tok.column, end_pos=tok.end_pos)
        return ("title", tok)

    def tail(self, children):
        return list(children)

    def container(self, children):
        # which bare text is the journal or book, which the publisher of a book, is
        # decided by _interpret with the whole tail in view
        return children[0]


@functools.cache
def _bibliography_parser() -> Lark:
    return Lark(
        load_grammar("bibliography.lark"),
        parser="lalr",
        lexer=_FieldStream,
        strict=True,
        transformer=_BibRoles(),
        cache=True,
    )


_PLACE_PUB = re.compile(r"^(?P<place>[A-ZÀ-Þ][\w .,'’/&-]{1,40}?)\s*:\s*(?P<pub>\S.*)$")
_MONTH_WORDS = re.compile(r"\b(?:" + _MONTHS + r")\b\.?", re.I)


def _is_date_paren(s: str) -> bool:
    """'(2010)' '(2010, March 3)' '(July / August 1992)' '(n.d.)' '(2004, May)'."""
    if _DATE_PAREN.match(s):
        return True
    inner = s[1:-1]
    if not _ANY_YEAR.search(inner) or len(inner) > 40:
        return False
    rest = _MONTH_WORDS.sub("", inner)
    return not re.sub(r"[\d\s,./–-]", "", rest)


_DATE_PAREN = re.compile(r"^\(\s*(?:(?:1[5-9]|20)\d\d[a-z]?(?:\s*\[(?:1[5-9]|20)\d\d\])?(?:\s*[,/]\s*[^)]*)?|n\.\s?d\.|o\.\s?J\.|s\.\s?[df]\.|in\s+press|forthcoming)\s*\)$", re.I)


def _bib_fields(text: str, toks: list[_Tok]) -> list[_Field]:
    """The tail of an entry cut at commas and at full stops that end a block."""
    out: list[_Field] = []
    cur: _Field | None = None
    pages_next = False
    for i, t in enumerate(toks):
        ty = t.type
        if ty == "COLON" and cur is not None and i > 0 and text[toks[i - 1].start : toks[i - 1].end].isdigit():
            out.append(cur)  # "Res 39:1146" / "38: 84": volume, then pages
            cur = None
            pages_next = True
            continue
        if ty == "PERIOD" and cur is not None and i + 1 < len(toks) and toks[i + 1].start > t.end and (
            _EDITION.match(text[cur.start : t.end]) or _VOLS_COUNT.match(text[cur.start : t.end])
        ):
            cur.end = t.end  # "Rev. ed. London: Verso" / "4 vols. New York: Holt"
            out.append(cur)
            cur = None
            continue
        if ty == "PERIOD" and i > 0 and not (cur is not None and (_EDBY.match(text[cur.start : t.end]) or _TRANSBY.match(text[cur.start : t.end]))) and _abbreviation_like(text[toks[i - 1].start : toks[i - 1].end]) and (
            i + 1 < len(toks) and text[toks[i + 1].start : toks[i + 1].start + 1].isupper()
        ) and _journal_continues(text, toks, i + 1):
            if cur is not None:
                cur.end = t.end
            continue
        if ty == "PERIOD" and cur is not None and i + 2 < len(toks) and toks[i + 1].start > t.end and (
            text[toks[i + 1].start : toks[i + 1].end] in ("p", "pp", "S", "P", "Pp") and toks[i + 2].type == "PERIOD"
        ):
            out.append(cur)  # "n°45. p. 9-17"
            cur = None
            continue
        if ty == "PERIOD" and i > 0 and _US_STATE.match(text[toks[i - 1].start : toks[i - 1].end]) and cur is not None and (
            i + 1 < len(toks) and toks[i + 1].start > t.end
        ):
            out.append(cur)  # "Boston, MA. Retrieved from"
            cur = None
            continue
        if ty in ("COMMA", "SEMI") or (
            ty == "PERIOD" and i + 1 < len(toks) and (_is_sentence_end(text, toks, i) or (
                toks[i + 1].start > t.end and text[toks[i + 1].start].isdigit()
                and i > 0 and toks[i - 1].type == "WORD" and text[toks[i - 1].start : toks[i - 1].end].lower() not in _ABBREVIATIONS
            ))
        ):
            if cur is not None:
                out.append(cur)
                cur = None
            continue
        if ty in ("QUOTED", "PAREN", "URL", "DOI", "BRACKET"):
            if cur is not None and ty == "PAREN" and re.fullmatch(r"\s*\d+[a-z]?(?:\s*[-‐‑−–/]\s*\d+)?\s*", text[t.start + 1 : t.end - 1]):
                out.append(cur)  # "126(6)": volume and issue
                cur = None
            elif cur is not None and ty == "PAREN" and _issue_after_volume(text, toks, i):
                out.append(cur)  # "Nature 400 (12 August): 675", "AIDS Care, 14(Suppl. 1), 133"
                out.append(_Field("issueparen", t.start, t.end))
                cur = None
                continue
            elif cur is not None and ty == "PAREN" and (":" in text[t.start : t.end] or _ENDS_IN_YEAR.search(text[t.start : t.end])) and (
                _paren_kind(text[t.start + 1 : t.end - 1]) == "PUB" and not _ACCESSED.match(text[t.start + 1 : t.end - 1])
            ):
                out.append(cur)  # "tr. W. Rehg (Cambridge, Mass.: MIT Press)" / "Companion (Cambridge UP, 2004)"
                cur = None
            elif cur is not None and ty == "PAREN" and _EDITOR_PAREN.match(text[t.start + 1 : t.end - 1]):
                out.append(cur)  # "in Random Fields (R. Chellappa, ed.), pp. 131-157"
                cur = None
            elif cur is not None and ty == "PAREN" and (_EDMARK.match(text[t.start : t.end]) or _ROLE_PAREN.match(text[t.start : t.end])):
                cur.end = t.end  # "In John Foran (ed.) Theorizing Revolutions": the list ends here
                out.append(cur)
                cur = None
                continue
            elif cur is not None and ty in ("PAREN", "BRACKET") and not _is_date_paren(text[t.start : t.end]) and not (
                _EDITION.match(text[t.start + 1 : t.end - 1].strip()) or _PAGES_PAREN.match(text[t.start + 1 : t.end - 1].strip())
                or _book_info(text[t.start + 1 : t.end - 1]) or _PAGE_COUNT.match(text[cur.start : cur.end].strip())
            ):
                cur.end = t.end
                continue
            if cur is not None:
                out.append(cur)
                cur = None
            out.append(_Field(ty.lower(), t.start, t.end))
            continue
        if ty == "COLON" and cur is None:
            continue
        if ty == "PERIOD" and cur is None:
            continue
        if cur is None:
            cur = _Field("pages" if pages_next else "text", t.start, t.end)
            pages_next = False
        else:
            cur.end = t.end
    if cur is not None:
        out.append(cur)
    return out


_ISSUE_SHAPE = LazyPattern(
    r"(?:(?:suppl|supp|supplement|no|nr|part|pt|special\s+issue)\.?\s*)?[\dA-Za-z]{1,4}"
    r"(?:\s*(?:[-‐‑−–/&,]|and)\s*[\dA-Za-z]{1,4}){0,3}|winter|spring|summer|autumn|fall",
    re.I,
)
_VOLUME_WORD = re.compile(r"\d{1,4}[A-Z]?|[A-Z]?\d{1,4}")


def _issue_after_volume(text: str, toks: list[_Tok], i: int) -> bool:
    """A short parenthesis right after a volume number, then pages or the end: the issue
    ("4 (1): 1-4", "14(Suppl. 1), 133-136", "1(1 & 2)", "76 (Winter): 136-168") — not a date."""
    t = toks[i]
    inner = text[t.start + 1 : t.end - 1].strip()
    if not inner or len(inner) > 16 or _is_date_paren(text[t.start : t.end]):
        return False
    if not (_ISSUE_SHAPE.fullmatch(inner) or _DATE.match(inner)):
        return False  # "(pp. 167-193)", "(NIPS*92)": pages, an acronym
    prev = toks[i - 1] if i > 0 else None
    if prev is None or prev.type != "WORD" or not _VOLUME_WORD.fullmatch(text[prev.start : prev.end]):
        return False
    if i > 1 and toks[i - 2].type == "WORD" and text[toks[i - 2].start : toks[i - 2].end].lower().rstrip(".") in ("pp", "p", "s", "pages"):
        return False  # "pp. 12 (note 3)": a pinpoint's gloss
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is None or nxt.type in ("COLON", "COMMA", "PERIOD", "SEMI")


_ENDS_IN_YEAR = re.compile(r",\s*(?:1[5-9]|20)\d\d[a-z]?\)$")
_EDITOR_PAREN = re.compile(r"^[A-ZÀ-Þ][^()]{1,80},\s*eds?\.?$")
# Cities where most scholarly books are published, in the forms imprints use: a publisher
# and a city look alike ("Paris, Flammarion", "Hamish Hamilton: London"); the city is known.
_PUBLISHING_CITIES = frozenset(
    c.strip() for c in """london, oxford, cambridge, edinburgh, glasgow, dublin, manchester, liverpool, birmingham,
    bristol, new york, boston, chicago, philadelphia, princeton, new haven, berkeley, los angeles, san francisco,
    washington, baltimore, ithaca, ann arbor, durham, chapel hill, austin, minneapolis, seattle, stanford, toronto,
    montreal, montréal, ottawa, sydney, melbourne, canberra, auckland, cape town, johannesburg, paris, lyon,
    marseille, bordeaux, toulouse, lille, rennes, nancy, strasbourg, grenoble, montpellier, rouen, caen, dijon,
    nantes, bruxelles, brussels, louvain, leuven, liège, genève, geneva, lausanne, berlin, münchen, munich,
    hamburg, frankfurt, köln, cologne, leipzig, stuttgart, heidelberg, tübingen, göttingen, freiburg, bonn,
    dresden, wien, vienna, zürich, zurich, basel, bern, amsterdam, leiden, utrecht, den haag, the hague,
    rotterdam, groningen, roma, rome, milano, milan, torino, turin, firenze, florence, bologna, napoli, naples,
    venezia, venice, padova, pisa, genova, bari, palermo, madrid, barcelona, sevilla, salamanca, valencia,
    lisboa, lisbon, porto, coimbra, são paulo, rio de janeiro, buenos aires, méxico, mexico, santiago, lima,
    bogotá, stockholm, uppsala, københavn, copenhagen, oslo, helsinki, warszawa, warsaw, kraków, praha, prague,
    budapest, moskva, moscow, athens, istanbul, jerusalem, tel aviv, cairo, beirut, delhi, new delhi, mumbai,
    bombay, calcutta, kolkata, singapore, hong kong, beijing, shanghai, tokyo, kyoto, seoul, grand rapids,
    leicester, sheffield, leeds, nottingham, york, bloomington, urbana, madison, new brunswick, amherst,
    evanston, pittsburgh, st. louis, lanham, westport, thousand oaks, newbury park, hoboken,
    mahwah, hillsdale, englewood cliffs, upper saddle river, reading, menlo park""".split(",")
)


def _known_city(s: str) -> bool:
    """'Paris' 'New York, NY' 'Cambridge, Mass.' — a publishing city, with its state or country."""
    return s.strip().rstrip(".").split(",")[0].strip().lower() in _PUBLISHING_CITIES


_PLACE_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|of|on|upon|am|an|der|la|le|de|del|sur|and|&|/|und|et)$")


_ACADEMIC = re.compile(r"\b(?:univ\w*|college|school|laborator\w*|lab|polytechn\w*|dept|division|faculty)\b", re.I)


def _place_like(s: str) -> bool:
    """'Beijing' 'Upper Saddle River' 'N.J.' 'CA' 'New York, NY' — not a title or a journal."""
    s = s.strip().rstrip(".")
    words = s.split()
    if not words or len(words) > 4 or any(ch.isdigit() for ch in s):
        return False
    if _CONTAINER_WORDS.search(s) or _STRONG_PUBLISHER.search(s) or _INSTITUTION.search(s) or _ACADEMIC.search(s):
        return False  # "University of Toronto" is the publisher of a thesis or report, not its place
    if re.fullmatch(r"[A-Z]{3,}", s):
        return False  # "PUF", "ACM": a publisher's initials
    return words[0][:1].isupper() and all(_PLACE_WORD.match(w) for w in words)


def _short_name_piece(s: str) -> bool:
    """A piece of an inverted editor list: 'G.' 'Touretzky' 'D. S.' '& Alspector'."""
    s = re.sub(r"^(?:and|&|und|et|e|y)\s+", "", s.strip())
    return 0 < len(s.split()) <= 3 and looks_like_names(s)


_NUMBER_LABEL = re.compile(r"vol|vols|volume|no|nos|nr|bd|heft|issue|pp", re.I)


def _journal_continues(text: str, toks: list[_Tok], j: int) -> bool:
    """After 'J. Approx.': another abbreviation or a volume number soon ('Theory 72')."""
    if j < len(toks) and (_EDBY.match(text[toks[j].start : toks[j].start + 30]) or _TRANSBY.match(text[toks[j].start : toks[j].start + 30])):
        return False  # "Theories of Memory. Ed. A. C. Collins": an editor, not more journal
    if j < len(toks) and _NUMBER_LABEL.fullmatch(text[toks[j].start : toks[j].end]):
        return False  # "Chinese Society. Vol. 3, no. 2": the volume's label, not more journal
    for k in range(j, min(j + 4, len(toks))):
        t = toks[k]
        word = text[t.start : t.end]
        if t.type == "WORD" and word[:1].isdigit():
            return True
        if t.type == "PERIOD":
            return k > j and _abbreviation_like(text[toks[k - 1].start : toks[k - 1].end])
        if t.type == "COMMA" and k > j and k + 1 < len(toks) and toks[k + 1].type == "WORD" and \
                text[toks[k + 1].start : toks[k + 1].start + 1].isdigit():
            return True  # "Anal. PDE, 5(1)": the journal's volume follows its last word
        if t.type in ("COMMA", "COLON", "PAREN", "QUOTED"):
            return t.type == "PAREN" and k > j
    return False


def _abbreviation_like(word: str) -> bool:
    """'Amer' 'Math' 'Soc' 'Phys' 'Approx' — a journal abbreviation keeps its full stop."""
    return 2 <= len(word) <= 8 and word[0].isupper() and word[1:].islower() and word.isalpha() and (
        word.lower() not in ("press", "books", "verlag", "house", "media")
    )  # "Approx", "Geophys", "Neurosci"


def _classify_bib_tail(text: str, fields: list[_Field]) -> list[Token]:
    kinds: list[str] = []
    for k, f in enumerate(fields):
        s = text[f.start : f.end].strip().rstrip(".").strip()
        if f.kind == "pages":
            kinds.append("PAGES")
            continue
        if f.kind == "issueparen":
            inner = s[1:-1].strip()
            kinds.append("DATEPAREN" if _DATE.match(inner) else "ISSUEPAREN")
            continue
        if f.kind == "paren":
            inner = s[1:-1].strip()
            if len(_book_info(inner)) > 1:
                kinds.append("BOOKINFO")  # APA: "(2nd ed., Vol. 3, pp. 10–18)"
            elif _ACCESSED.match(inner):
                kinds.append("ACCESSED")
            elif _TRANS_PAREN.match(inner):
                kinds.append("TRANSBY")  # "(translated by Douglas Martin)" / "(H. J. Silverman, Trans.)"
            elif _is_date_paren(s) or _DATE.match(inner):
                kinds.append("DATEPAREN")
            elif re.fullmatch(r"\d{2,}\s*[-‐‑−–—]\s*\d{2,}", inner):
                kinds.append("PAGES")  # "(78-96)" — an issue is "(3)" or "(3-4)"
            elif re.fullmatch(r"\d+[a-z]?(?:\s*[-‐‑−–/]\s*\d+)?", inner) or _ISSUE.match(inner):
                kinds.append("ISSUEPAREN")
            elif _EDMARK.match(s):
                kinds.append("EDMARK")
            elif _EDITION.match(inner):
                kinds.append("EDITION")
            elif _PAGES_PAREN.match(inner):
                kinds.append("PAGES")  # "(pp. 10–18)" / "(Vol. 4, pp. 643–691)"
            elif re.search(r",\s*eds?\.?$", inner) and looks_like_names(re.sub(r",\s*eds?\.?$", "", inner)):
                kinds.append("EDBY")  # "(R. Chellappa, ed.)"
            elif _LOC.match(inner) and re.search(r"\d", inner):
                kinds.append("PAGES")
            elif _paren_kind(inner) == "PUB":
                kinds.append("PUB")
            else:
                kinds.append("TEXT")
        elif f.kind == "url":
            kinds.append("URL")
        elif f.kind == "doi":
            kinds.append("DOI")
        elif f.kind == "bracket":
            kinds.append("ACCESSED" if _ACCESSED.match(s.strip("[] ")) else "NOTE")
        elif f.kind == "quoted":
            kinds.append("TEXT")
        else:
            c = _classify_text(s)
            if c == "TEXT" and s[:3] == "In " or c == "TEXT" and s.startswith("In:"):
                c = "INBOOK"
            if c == "LOCLIKE":
                m = _LOC.match(s)
                c = "PAGES" if m and (m.group("label") or re.search(r"\d\s*[-‐‑−–—‒]\s*\d", s)) else "NUMBER"
            elif c in ("IBID", "OPCIT", "CROSSREF", "NAMESLIKE", "ANDNAMES"):
                c = "TEXT"
            elif c == "ISSUE" and k > 0 and kinds and kinds[-1] not in ("NUMBER", "VOL"):
                c = "ISSUE"
            me = _NAMES_ED.match(s)
            # "& G. Lindzey (Eds.)": the last piece of a list of editors cut at its commas
            if me and looks_like_names(re.sub(r"^(?:and|&|und|et|e|y)\s+", "", me.group("names"))):
                kinds.append("EDBY")  # "In M. Carme Picallo (ed.)" — the book follows
                continue
            mt = _NAMES_TRANS.match(s)
            if mt and looks_like_names(mt.group("names")):
                kinds.append("TRANSBY")  # "Timothy Bahti (trans.)"
                continue
            if c == "TEXT" and _STRONG_PUBLISHER.search(s) and not _CONTAINER_WORDS.search(s) and not _PLACE_PUB.match(s) and not (
                kinds and kinds[-1] in ("EDBY", "EDMARK", "INBOOK")
            ):
                kinds.append("PUBLISHER")
                continue
            if _PAGE_COUNT.match(s):
                kinds.append("NOTE")  # "518 p.": the size of the book, not its pages (read by _interpret)
                continue
            if _VOLS_COUNT.match(s):
                kinds.append("SKIP")  # "4 vols."
                continue
            if _LINK_LABEL.fullmatch(s) and k + 1 < len(fields) and fields[k + 1].kind in ("url", "doi"):
                kinds.append("SKIP")  # "URL: http://…", "Disponible sur : www…": the label of the link
                continue
            if _ISBN.match(s):
                kinds.append("NOTE")  # read as the ISBN by _interpret
                continue
            if c == "GENRE" and s.lower().startswith("paper presented"):
                c = "TEXT"  # the meeting is the container
            if c == "TEXT":
                if _BIB_NOTE.match(s):
                    c = "NOTE"
                elif re.match(r"^(?:pages|pp\.?|p\.)\s*\d", s, re.I):
                    c = "PAGES"
                else:
                    m = _PLACE_PUB.match(s)
                    prev_in = k > 0 and kinds and kinds[-1] == "EDBY" and bool(_IN_PREFIX.match(text[fields[k - 1].start : fields[k - 1].end]))
                    if m and len(m.group("place").split()) <= 4 and not _CONTAINER_WORDS.search(m.group("place")) and not (
                        prev_in or m.group("pub")[:1].isdigit() or re.search(r"\d+\)?$", m.group("pub"))
                    ) and all(
                        _PLACE_WORD.match(w) for w in m.group("place").replace(",", " ").replace("/", " ").split()
                    ):
                        c = "PLACEPUB"
            kinds.append(c)
    n = len(fields)

    # "In Tesauro, G., Touretzky, D. S., & Alspector, J. (Eds.), Advances in ..." /
    # "In M. J. Irwin and R. Stafanelli, editors, Proceedings of ...": one editor list
    k = 0
    while k < n:
        if kinds[k] == "INBOOK":
            j = k + 1
            while j < n and j - k <= 24 and kinds[j] == "TEXT" and (
                _short_name_piece(text[fields[j].start : fields[j].end])
                or re.fullmatch(r"\s*(?:et\s+al\.?|u\.\s?a\.)\s*", text[fields[j].start : fields[j].end])
            ):
                j += 1
            # "In R. Moodley, C. Lago & A. Talahite (Eds.)": the first name is in the "In" field itself
            first_is_name = _short_name_piece(_IN_PREFIX.sub("", text[fields[k].start : fields[k].end], count=1))
            if j < n and kinds[j] in ("EDBY", "EDMARK") and (j > k + 1 or kinds[j] == "EDMARK" or first_is_name) and (
                kinds[j] == "EDMARK" or _NAMES_ED.match(text[fields[j].start : fields[j].end].strip().rstrip("."))
            ):
                fields[k] = _Field("text", fields[k].start, fields[j].end)
                kinds[k] = "EDBY"
                del fields[k + 1 : j + 1], kinds[k + 1 : j + 1]
                n = len(fields)
        k += 1

    # "Finance, 50: 2, pp. 679-698" / "Phonetica 61: 4, 220-233": a bare number after the volume's
    # colon is the issue when the pages follow it
    for k in range(n - 1):
        if kinds[k] == "PAGES" and kinds[k + 1] == "PAGES" and fields[k].kind == "pages" and re.fullmatch(
            r"\d{1,3}[A-Za-z]?", text[fields[k].start : fields[k].end].strip().rstrip(".,")
        ):
            kinds[k] = "ISSUE"

    # "Jonathan Wordsworth, M. H. Abrams, and Stephen Gill (eds.)": the last editor with the
    # mark, the names before it cut off at their commas
    k = 0
    while k < n:
        if kinds[k] == "EDBY" and re.match(r"(?:and|&|und|et|e|y)\s", text[fields[k].start : fields[k].end].strip()):
            j = k
            while j > 0 and k - j < 24 and kinds[j - 1] == "TEXT" and _short_name_piece(text[fields[j - 1].start : fields[j - 1].end]):
                j -= 1
            if j < k:
                fields[j] = _Field("text", fields[j].start, fields[k].end)
                kinds[j] = "EDBY"
                del fields[j + 1 : k + 1], kinds[j + 1 : k + 1]
                n = len(fields)
                k = j
        k += 1

    # Trailing places: "..., Beijing, China." / "Prentice Hall, Upper Saddle River, N.J."
    seen_source = any(kd in ("INBOOK", "PUBLISHER", "PLACEPUB", "TEXT") for kd in kinds)
    k = n - 1
    while k >= 1 and kinds[k] in ("YEAR", "DATE", "DATEPAREN", "PAGES", "URL", "DOI", "NOTE", "ACCESSED"):
        k -= 1
    places = 0
    while k >= 1 and kinds[k] == "TEXT" and seen_source and _place_like(text[fields[k].start : fields[k].end]) and (
        kinds[k - 1] in ("TEXT", "INBOOK", "PUBLISHER", "EDBY", "VOL", "NUMBER", "ISSUE", "EDITION", "PAGES", "PLACE", "YEAR")
        and places < 3
    ):
        kinds[k] = "PLACE"
        places += 1
        k -= 1

    # French, Italian, Spanish imprints put the city first: "Paris, Flammarion, 1987"
    for k in range(n - 1):
        here, there = text[fields[k].start : fields[k].end], text[fields[k + 1].start : fields[k + 1].end]
        if kinds[k] == "TEXT" and kinds[k + 1] in ("PLACE", "PUBLISHER") and _known_city(here) and not (
            _known_city(there) or _STATE_CODE.fullmatch(there.strip(" ."))
        ):
            kinds[k], kinds[k + 1] = "PLACE", "PUBLISHER"

    out: list[Token] = []
    for k, f in enumerate(fields):
        kind = kinds[k]
        s = text[f.start : f.end]
        if kind == "SKIP":
            continue
        if kind == "BOOKINFO":
            out.extend(_tok(ty, text, f.start + 1 + a, f.start + 1 + b, k) for ty, a, b in _book_info(text[f.start + 1 : f.end - 1]))
            continue
        if kind == "PLACEPUB" and len(s.split(":")[0].split()) <= 2 and out and out[-1].type in ("TEXT", "PLACE") and _place_like(str(out[-1])):
            start = out.pop().start_pos  # "San Francisco, CA: Jossey-Bass"
            while out and out[-1].type in ("TEXT", "PLACE") and _place_like(str(out[-1])) and len(out) > 1:
                start = out.pop().start_pos  # "Bourne End, Buckinghamshire, England: Kensal Press"
            out.append(Token("PLACEPUB", text[start : f.end], start, 0, k, end_pos=f.end))
            continue
        if kind == "INBOOK" and k + 1 < n and kinds[k + 1] == "EDMARK":
            kind = "EDBY"  # "In C. Wehlburg & S. Chadwick-Blossey (Eds), Title"
        mc = _TRAILING_CITY.search(s) if kind in ("INBOOK", "TEXT") and k + 1 < n and kinds[k + 1] == "PLACE" else None
        if mc and _known_city(mc.group("city")) and mc.start() > 0:
            # "In Proceedings of the Conference (IJCAI-91) Sydney, Australia": the comma lost
            out.append(_tok(kind, text, f.start, f.start + mc.start(), k))
            out.append(_tok("PLACE", text, f.start + mc.start("city"), f.end, k))
            continue
        if kind in ("TEXT", "PUBLISHER"):
            mpp = _PUBLISHER_THEN_PLACE.match(s)
            if mpp and _place_like(mpp.group("place")):  # "Westview Press Boulder, CO" (comma lost)
                out.append(_tok("PUBLISHER", text, f.start, f.start + mpp.end("pub"), k))
                out.append(_tok("PLACE", text, f.start + mpp.start("place"), f.end, k))
                continue
        ml = _LEADING_PAGES.match(s) if kind in ("TEXT", "PAGES") else None
        if ml:  # "pp. 538-544 Boston"
            out.append(_tok("PAGES", text, f.start, f.start + ml.end("pages"), k))
            out.append(_tok("PLACE" if _place_like(ml.group("rest")) else "TEXT", text, f.start + ml.start("rest"), f.end, k))
            continue
        my = _LEADING_YEAR.match(s.strip()) if kind == "TEXT" else None
        if my:
            rest_at = f.start + (len(s) - len(s.lstrip())) + my.start("rest")
            rest = my.group("rest")
            if _MONTH_DAY.fullmatch(rest):
                out.append(_tok("DATE", text, f.start, f.end, k))  # Vancouver: "2010 Mar 18"
                continue
            if re.fullmatch(r"\d{1,4}|\W+|\[.*\]\W*", rest):
                # "2014 38(1)": the year, then the volume; "2015. *†" / "2014 [PMID: ...]": a remark
                out.append(_tok("YEAR", text, f.start, rest_at, k))
                out.append(_tok("NUMBER" if rest[0].isdigit() else "NOTE", text, rest_at, f.end, k))
                continue
        if kind == "TEXT":
            mv = _TRAILING_VOL_PAGE.match(s)
            if mv and not mv.group("text") and _ANY_YEAR.fullmatch(mv.group("vol")):
                mv = None  # "2014 38(1)": the year, then the volume
            if mv:  # "Bulletin de la société ... du Périgord 3 490" / "Biol. Cybern., 50 363-396"
                if mv.group("text"):
                    out.append(_tok("TEXT", text, f.start, f.start + mv.end("text"), k))
                out.append(_tok("NUMBER", text, f.start + mv.start("vol"), f.start + mv.end("vol"), k))
                out.append(_tok("PAGES", text, f.start + mv.start("page"), f.end, k))
                continue
            md = _TRAILING_DAY_MONTH.match(s)
            if md:  # "Science Magazine 2 March"
                out.append(_tok("TEXT", text, f.start, f.start + md.end("text"), k))
                out.append(_tok("DATE", text, f.start + md.start("date"), f.end, k))
                continue
            mp = _TRAILING_PAGES.match(s)
            if mp:  # "Southern Economic Journal pp. 191–204" / "J. Logic Programming 1 pp. 35-50"
                mn = re.match(r"(?P<text>.*[^\d\s])\s+(?P<num>\d{1,4})$", mp.group("text"))
                if mn:
                    out.append(_tok("TEXT", text, f.start, f.start + mn.end("text"), k))
                    out.append(_tok("NUMBER", text, f.start + mn.start("num"), f.start + mn.end("num"), k))
                else:
                    out.append(_tok("TEXT", text, f.start, f.start + mp.end("text"), k))
                out.append(_tok("PAGES", text, f.start + mp.start("pages"), f.end, k))
                continue
            m = _TRAILING_NUMBER.match(s) or re.match(r"^(?P<text>.*\D)\s+(?P<num>(?:1[5-9]|20)\d\d)$", s)
            nxt = kinds[k + 1] if k + 1 < n else None
            if m and (nxt in ("ISSUEPAREN", "ISSUE", "DATEPAREN", "NUMBER", "PAGES", None) or m.group("num").isdigit()):
                cut = f.start + m.end("text")
                num = m.group("num")
                out.append(_tok("TEXT", text, f.start, cut, k))
                out.append(_tok("YEAR" if _ANY_YEAR.fullmatch(num) else "NUMBER", text, f.start + m.start("num"), f.end, k))
                continue
        out.append(_tok(kind, text, f.start, f.end, k))
    return out


_BOOK_INFO_PART = re.compile(r"[^,]+(?:,\s*(?:part|pt\.?)\s+\w+)?")


def _book_info(inner: str) -> list[tuple[str, int, int]]:
    """The parts of APA's parenthesis after a book title, "(2nd ed., Vol. 3, pp. 10–18)", as
    (type, start, end) in ``inner``; [] when any part is something else."""
    parts: list[tuple[str, int, int]] = []
    for m in _BOOK_INFO_PART.finditer(inner):
        piece = m.group().strip()
        a = m.start() + len(m.group()) - len(m.group().lstrip())
        b = a + len(piece)
        if _EDITION.match(piece):
            parts.append(("EDITION", a, b))
        elif re.match(r"vols?\.\s*\w+(?:\s*[-–]\s*\w+)?(?:,\s*(?:part|pt\.?)\s+\w+)?$", piece, re.I):
            parts.append(("VOL", a, b))
        elif re.match(r"(?:pp?\.|S\.)\s*\w+(?:\s*[-‐‑−–—]\s*\w+)?$", piece):
            parts.append(("PAGES", a, b))
        else:
            return []
    return parts


_EDITION_START = re.compile(r"(?:\d+(?:st|nd|rd|th|d|e)|rev\.|revised)\s*(?:ed\b|edn\b|edition\b)", re.I)
_ROLE_PAREN = re.compile(r"^\((?:eds?|trans|tr|ed\.\s*and\s*trans|hrsg|hg|dir|éds?)\.?\)$", re.I)


_IN_BOOK_AFTER_COMMA = re.compile(r"(?:in|In|IN|dans|en)\s*:?\s+[A-ZÀ-Þ]")


def _role_paren_ahead(text: str, toks: list[_Tok], j: int) -> bool:
    """Names then '(eds.)' / '(trans.)' follow: the title ended at the comma before them."""
    for k in range(j, min(j + 16, len(toks))):
        t = toks[k]
        if t.type == "PAREN":
            return bool(_ROLE_PAREN.match(text[t.start : t.end]))
        if t.type in ("QUOTED", "SEMI", "COLON") or t.type == "PERIOD" and _is_sentence_end(text, toks, k):
            return False
        if t.type == "WORD" and not looks_like_names(text[t.start : t.end]) and text[t.start : t.end].lower() not in ("and", "&"):
            return False
    return False


def _title_end(text: str, toks: list[_Tok], comma_ends: bool) -> int:
    """Index of the first token after the title (unquoted titles run to a full stop)."""
    for i, t in enumerate(toks):
        if t.type == "PERIOD" and i + 1 < len(toks):
            nxt = toks[i + 1]
            if nxt.start > t.end and (
                _is_sentence_end(text, toks, i) or text[nxt.start : nxt.start + 3] == "In "
                or text[nxt.start].isdigit() and not (i > 0 and text[toks[i - 1].start : toks[i - 1].end].lower() in _ABBREVIATIONS)
                or (i > 0 and toks[i - 1].end == t.start and text[toks[i - 1].start : toks[i - 1].end].isupper() is False
                    and len(text[toks[i - 1].start : toks[i - 1].end]) > 1 and text[nxt.start].isupper()
                    and text[toks[i - 1].start : toks[i - 1].end] not in ("vs", "v"))  # "Capitalism vs. The Climate"
            ):
                return i + 1
        if t.type == "PERIOD" and i + 1 < len(toks) and toks[i + 1].type in ("URL", "DOI") and i > 0:
            return i + 1
        if t.type == "QUOTED" and i > 0 and text[t.end - 2 : t.end - 1] in ".?!" and i + 1 < len(toks) and (
            text[toks[i + 1].start : toks[i + 1].start + 1].isupper()
        ):
            return i + 1  # 'Geology of the Squantum "Tillite." In Geology of ...' 
        if (t.type == "OTHER" and text[t.start] in "?!" or t.type == "WORD" and text[t.end - 1] in "?!") and (
            i + 1 < len(toks) and toks[i + 1].start > t.end
        ):
            return i + 1
        if t.type == "COMMA" and i + 2 < len(toks) and toks[i + 2].type == "PERIOD" and _YEAR.match(
            text[toks[i + 1].start : toks[i + 1].end]
        ) and not any(x.type == "COMMA" for x in toks[:i]):
            return i + 1  # "Title, 1997. Journal, to appear."
        if t.type == "PAREN" and i > 0 and (
            _EDITION.match(text[t.start + 1 : t.end - 1].strip()) or _VOL.match(text[t.start + 1 : t.end - 1].strip())
            or _GENRE.match(text[t.start + 1 : t.end - 1].strip())
            or (_paren_kind(text[t.start + 1 : t.end - 1]) == "PUB" and i + 1 >= len(toks) - 1)
        ):
            return i  # "Handbook of aging (3rd ed.)" / "Title (New York: Plenum)."
        if t.type == "COMMA" and i + 1 < len(toks) and _YEAR.match(text[toks[i + 1].start : toks[-1].end].strip()) and not any(
            x.type == "COMMA" for x in toks[:i]
        ):
            return i + 1  # "[56] R. Salakhutdinov. Learning deep generative models, 2009."
        if comma_ends and t.type == "COMMA":
            return i + 1
        if t.type == "COMMA" and i + 2 < len(toks) and _IN_BOOK_AFTER_COMMA.match(text, toks[i + 1].start):
            return i + 1  # "Title, in: A. Moss (ed.), Book" / "Title, in Proceedings of ..."
        if t.type == "COMMA" and i + 1 < len(toks) and (
            _EDITION_START.match(text[toks[i + 1].start : toks[i + 1].start + 30])
            or _EDBY.match(text[toks[i + 1].start : toks[i + 1].start + 30])
            or _TRANSBY.match(text[toks[i + 1].start : toks[i + 1].start + 30])
        ):
            return i + 1  # "Vita Willibrordi, ed. W. Levinson."
        if t.type == "COMMA" and _role_paren_ahead(text, toks, i + 1):
            return i + 1  # "Philosophy of Art, Douglas W. Stott (ed. and trans.) (Minneapolis ...)"
        if t.type == "PAREN" and i > 0 and _DATE_PAREN.match(text[t.start : t.end]):
            return i
    # no full stop closes the title: comma-separated styles ("Title, Journal, 37(7), 72-76")
    first_comma = next((i for i, t in enumerate(toks) if t.type == "COMMA"), -1)
    return first_comma + 1 if first_comma > 0 else len(toks)


def _parse_bibliography(text: str, toks: list[_Tok]) -> tuple[Citation, list[Token]] | None:
    """A whole bibliography entry, or None when the text does not open like one."""
    if _SIGNAL.match(text.lstrip()) or _IBID.match(text.lstrip()) or _OPCIT.match(text.lstrip()):
        return None  # a note: "Vgl. Huber, ...", "Ibid."
    m = _CITNUM.match(text)
    pos = m.end() if m else 0
    head = _bibliography_head(text, pos)
    a_start = len(text) - len(text[pos:].lstrip())
    if head is None or not head.is_bibliography(text[head.end :]):
        if head is not None and _may_hold_year(text, head.end):
            # "O. Lind et al., Catal. Sci. 2011, 14, 880": display-order names, then a journal without a title
            rest = [t for t in toks if t.start >= head.end and not (t.type in ("COMMA", "PERIOD") and t.start == head.end)]
            if rest:
                authors = Token("AUTHORS", text[a_start : head.end], a_start, 0, 0, end_pos=head.end)
                found = _titleless_article(text, [authors], rest)
                if found is not None:
                    return found
        title_first = _title_first(text, toks, pos)
        if title_first is None:
            return None
        return _finish_bibliography(text, *title_first)
    if not (head.initials_after_family or head.vancouver) and not _ANY_YEAR.search(text) and re.search(
        r",\s*[\divxlc]+(?:\s*[-‐‑−–]\s*\d+)?\.?\s*$", text
    ):
        return None  # "BIASI, Flaubert. Les secrets, 41": a short note ending in its pinpoint
    stream: list[Token] = []
    if m:
        stream.append(Token("CITNUM", text[: m.end()].strip(), 0, 0, 0, end_pos=m.end()))
    if not set(text[a_start : head.end]) <= set("-—–_ "):  # "———." repeats the previous author
        stream.append(Token("AUTHORS", text[a_start : head.end], a_start, 0, 0, end_pos=head.end))
    rest = [t for t in toks if t.start >= head.end]
    # a semicolon after the names ends this entry: what follows is another citation
    semi = next(
        (k for k, t in enumerate(rest) if t.type == "SEMI" and _starts_new_citation(text, rest[k + 1 :], strict=True)), -1
    )
    if semi >= 0:
        rest = rest[:semi]
    i = 0
    # "(ed.)" / ", eds." after the names
    while i < len(rest) and rest[i].type in ("PERIOD", "COMMA"):
        i += 1
    if i < len(rest) and rest[i].type == "PAREN" and _EDMARK.match(text[rest[i].start : rest[i].end]):
        stream.append(Token("EDMARK", text[rest[i].start : rest[i].end], rest[i].start, 0, 0, end_pos=rest[i].end))
        i += 1
    elif i + 1 < len(rest) and rest[i].type == "WORD" and _EDMARK.match(text[rest[i].start : rest[i + 1].end]):
        stream.append(Token("EDMARK", text[rest[i].start : rest[i + 1].end], rest[i].start, 0, 0, end_pos=rest[i + 1].end))
        i += 2
    while i < len(rest) and rest[i].type in ("PERIOD", "COMMA", "COLON") or (
        i + 1 < len(rest) and rest[i].type == "PAREN" and not _is_date_paren(text[rest[i].start : rest[i].end])
        and _paren_kind(text[rest[i].start + 1 : rest[i].end - 1]) != "PUB"
    ):
        i += 1  # "(Edward M. Berstein)", "(Producer)": an alias or a role after the names
    comma_ends = False
    if i < len(rest):
        t = rest[i]
        s = text[t.start : t.end]
        if t.type == "PAREN" and _is_date_paren(s):
            stream.append(Token("DATEPAREN", s, t.start, 0, 0, end_pos=t.end))
            i += 1
        elif t.type == "WORD" and _YEAR.match(s):
            stream.append(Token("YEAR", s, t.start, 0, 0, end_pos=t.end))
            i += 1
            if i < len(rest) and rest[i].type == "BRACKET" and _ANY_YEAR.search(text[rest[i].start : rest[i].end]):
                i += 1  # "2001[1953]": the original date
            comma_ends = i < len(rest) and rest[i].type == "COMMA"
    while i < len(rest) and rest[i].type in ("PERIOD", "COMMA", "COLON"):
        i += 1
    rest = rest[i:]
    if not rest:
        return None
    titleless = _titleless_article(text, stream, rest)
    if titleless is not None:
        return titleless
    if _EDBY.match(text[rest[0].start : rest[0].start + 40]) and len(stream) == 1 + bool(m) and stream[-1].type == "AUTHORS":
        # "Ghost Stories. Ed. Peter Washington." — no author: the first block is the title
        t = stream.pop()
        stream.append(Token("TITLE", str(t), t.start_pos, 0, 0, end_pos=t.end_pos))
        tail = rest
    elif rest[0].type == "QUOTED":
        t = rest[0]
        stream.append(Token("QTITLE", text[t.start : t.end], t.start, 0, 0, end_pos=t.end))
        tail = rest[1:]
    else:
        j = _title_end(text, rest, comma_ends)
        if head.terminator == "," and not comma_ends:
            # "Feferman, S., Transfinite Recursive Progressions, J. Symbolic Logic, 27, 259-316 (1962)."
            commas = [k for k in range(j) if rest[k].type == "COMMA"]
            if commas and any(
                rest[k].type == "WORD" and text[rest[k].start : rest[k].end].isdigit()
                and not _ANY_YEAR.fullmatch(text[rest[k].start : rest[k].end])
                for k in range(commas[0], j)
            ):
                j = commas[0] + 1
        title_toks = [t for t in rest[:j] if t.type not in ("PERIOD", "COMMA")] or rest[:1]
        stream.append(Token("TITLE", text[title_toks[0].start : title_toks[-1].end], title_toks[0].start, 0, 0, end_pos=title_toks[-1].end))
        tail = rest[j:]
    return _finish_bibliography(text, stream, tail)


# Chemistry and physics cite articles without their titles: "Nano Lett. 2009, 9, 4153–4157" (ACS),
# "Spectroscopy Europe, 2014, 26, 14-19" (RSC), "Phys. Rev. Lett. 2000, 85 (24), 5186".
_JOURNAL_WORD = r"(?:[A-ZÀ-Þ][\w'’-]*\.?|of|and|&|the|für|de|der|la|et)"
_TITLELESS_ARTICLE = re.compile(
    r"(?P<journal>" + _JOURNAL_WORD + r"(?:\s+" + _JOURNAL_WORD + r"){0,7}),?\s+(?P<year>(?:1[89]|20)\d\d)\s*,\s*"
    r"(?P<volume>\d{1,4})\s*(?:,?\s*\((?P<issue>[\w-]{1,8})\))?\s*,\s*(?P<page>[A-Z]?\d+(?:\s*[-‐‑−–]\s*[A-Z]?\d+)?)\.?"
)


# Physics (AIP, APS, Elsevier): "Fortsch. Phys. 55, 644 (2007)", "Phys. Lett. B428 (1998) 105-114",
# "J. Appl. Phys. 87, pp. 334–344 (2000)", often with an arXiv number in brackets after them.
_PHYSICS_VOLUME = r"(?P<volume>[A-Z]?\d{1,4})"
_PHYSICS_PAGE = r"(?:pp?\.\s*)?(?P<page>[A-Z]?\d+(?:\s*[-‐‑−–]\s*[A-Z]?\d+)?)"
_PHYSICS_YEAR = r"\((?P<year>(?:1[89]|20)\d\d)\)"
_PHYSICS_JOURNAL = r"(?P<journal>" + _JOURNAL_WORD + r"(?:\s+" + _JOURNAL_WORD + r"){0,7}?)\s+"
_ARXIV_AFTER = r"\.?(?:\s*\[[^\[\]]*(?:\[[^\[\]]*\][^\[\]]*)?\]\.?)?"
_PHYSICS_ARTICLES = (
    re.compile(_PHYSICS_JOURNAL + _PHYSICS_VOLUME + r",\s*" + _PHYSICS_PAGE + r"\s*" + _PHYSICS_YEAR + _ARXIV_AFTER),
    re.compile(_PHYSICS_JOURNAL + _PHYSICS_VOLUME + r"\s*" + _PHYSICS_YEAR + r"\s*" + _PHYSICS_PAGE + _ARXIV_AFTER),
)


def _may_hold_year(text: str, start: int) -> bool:
    """Whether text[start:] may hold a year of _TITLELESS_ARTICLE and _PHYSICS_ARTICLES (18xx-20xx)."""
    return text.find("18", start) >= 0 or text.find("19", start) >= 0 or text.find("20", start) >= 0


def _titleless_article(text: str, stream: list[Token], rest: list[_Tok]) -> tuple[Citation, list[Token]] | None:
    """An entry that names the journal right after its authors, with year, volume and pages."""
    if not stream or stream[-1].type != "AUTHORS":
        return None
    start, end = rest[0].start, rest[-1].end
    m = _TITLELESS_ARTICLE.fullmatch(text, start, end)
    for rx in _PHYSICS_ARTICLES:
        m = m or rx.fullmatch(text, start, end)
    if m is None or m.group("journal").split()[0].lower() in ("of", "and", "the", "de", "der", "la", "et"):
        return None
    parts = [Token("CONTAINER", m.group("journal").rstrip(","), m.start("journal"), 0, 0, end_pos=m.end("journal")),
             Token("YEAR", m.group("year"), m.start("year"), 0, 0, end_pos=m.end("year")),
             Token("VOL", m.group("volume"), m.start("volume"), 0, 0, end_pos=m.end("volume"))]
    if m.re is _TITLELESS_ARTICLE and m.group("issue"):
        parts.append(Token("ISSUEPAREN", m.group("issue"), m.start("issue"), 0, 0, end_pos=m.end("issue")))
    parts.append(Token("PAGES", m.group("page"), m.start("page"), 0, 0, end_pos=m.end("page")))
    parse = _Parse(kind="cit", bibliography=True)
    parse.authors = [stream[-1]]
    parse.parts = parts
    _, ref, _, _ = _interpret(text, parse)
    ref = replace(ref, type="article-journal")
    first = stream[0].start_pos
    last = max(m.end("page"), m.end("year"))
    cit = Citation(start=first, end=last, text=text[first:last], form="full", reference=ref)
    return cit, stream + parts


def _title_first(text: str, toks: list[_Tok], pos: int) -> tuple[list[Token], list[_Tok]] | None:
    """APA without an author: "Good chemistry. (1996, September). Magazine, 44(1), p. 8"."""
    if "(" not in text:
        return None  # no parenthesis, no date in one
    rest = [t for t in toks if t.start >= pos]
    for i, t in enumerate(rest[:60]):
        if t.type in ("SEMI", "QUOTED"):
            return None
        if t.type == "PERIOD" and i > 1 and i + 1 < len(rest) and rest[i + 1].type == "PAREN" and _is_date_paren(
            text[rest[i + 1].start : rest[i + 1].end]
        ):
            first, last, date = rest[0], rest[i - 1], rest[i + 1]
            stream = [
                Token("TITLE", text[first.start : last.end], first.start, 0, 0, end_pos=last.end),
                Token("DATEPAREN", text[date.start : date.end], date.start, 0, 0, end_pos=date.end),
            ]
            return stream, [x for x in rest[i + 2 :] if x.start >= date.end]
    return None


_JOURNAL_NUMBERS = frozenset(["NUMBER", "VOL", "ISSUE", "ISSUEPAREN", "PAGES"])
_SUBTITLE_NOT = re.compile(r"^(?:\(|vols?\.?\s|tome\s|bd\.\s)", re.I)


def _subtitle_blocks(text: str, stream: list[Token]) -> list[Token]:
    """An unquoted title with further sentences: "Anatomy of the ports. I. The northern quays.
    Harbour Review 20, 91-127" / "Tides. A new account. In O. Lind (Ed.), ...".

    The blocks between the title and the container are the title's own when full stops
    separate them all and what follows is plainly the container: a journal's name right
    before its volume, or a book after "In" / "Edited by"."""
    ti = next((k for k, t in enumerate(stream) if t.type == "TITLE"), -1)
    if ti < 0:
        return stream
    k = ti + 1
    while k < len(stream) and stream[k].type == "TEXT":
        k += 1
    blocks = stream[ti + 1 : k]
    nxt = stream[k].type if k < len(stream) else ""
    if nxt in ("INBOOK", "EDBY", "TRANSBY") and blocks:
        if nxt == "EDBY" and not re.match(r"(?:in\b|edited\b|ed\.)", str(stream[k]), re.I):
            return stream  # "Book Title, R. Graham (eds.)": the book itself
        keep = 0  # every block is the title's
    elif len(blocks) >= 2 and (nxt in _JOURNAL_NUMBERS or nxt == "YEAR" and k + 1 < len(stream) and stream[k + 1].type in _JOURNAL_NUMBERS):
        keep = 1  # the last block names the journal
    else:
        return stream
    merged = blocks[: len(blocks) - keep]
    prev = stream[ti]
    for b in blocks[: len(merged) + keep]:
        if text[prev.end_pos : b.start_pos].strip() != "." or _SUBTITLE_NOT.match(str(b)) or _SERIES.search(str(b)) or (
            looks_like_names(str(b)) and _HAS_INITIAL.search(str(b))
        ):
            return stream
        prev = b
    if not merged or keep and not str(blocks[-1])[:1].isalpha():
        return stream  # "Oncogene. 2010 Mar 18;29(11)": the last block is a date, not the journal
    title = stream[ti]
    end = merged[-1].end_pos
    while end > title.start_pos and text[end - 1] in " .":
        end -= 1
    joined = Token("TITLE", text[title.start_pos : end], title.start_pos, 0, 0, end_pos=end)
    return stream[:ti] + [joined] + stream[ti + 1 + len(merged) :]


def _finish_bibliography(text: str, stream: list[Token], tail: list[_Tok]) -> tuple[Citation, list[Token]] | None:
    """Classify the tail, parse the entry with bibliography.lark, build the citation."""
    stream.extend(_classify_bib_tail(text, _bib_fields(text, tail)))
    stream = _subtitle_blocks(text, stream)
    try:
        parse, _ = _memo_parse(_bibliography_parser(), _BIBLIOGRAPHY_RECIPES, stream)
    except LarkError:
        parse = None
    if parse is None:
        parse = _Parse(kind="cit", bibliography=True)
        for t in stream:
            if t.type == "AUTHORS":
                parse.authors = [t]
            elif t.type == "EDMARK" and not parse.title:
                parse.edmark = True
            elif t.type in ("QTITLE", "TITLE") and not parse.title:
                parse.title = [t if t.type == "QTITLE" else Token("TEXT", str(t), t.start_pos, 0, 0, end_pos=t.end_pos)]
            elif t.type != "CITNUM":
                parse.parts.append(t)
    _, ref, _, _ = _interpret(text, parse)  # an entry is full and has no pinpoint, whatever it reads
    start = stream[0].start_pos
    end = stream[-1].end_pos
    while end > start and text[end - 1] in " .,;":
        end -= 1
    cit = Citation(start=start, end=end, text=text[start:end], form="full", reference=ref)
    return cit, stream
