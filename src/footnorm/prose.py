"""Telling citation text from prose, sentence by sentence.

Flowed-in notes have no boundary but their content: a note is the run of
sentences after its number that read like references, and the prose resumes
with the first sentence that does not.
"""

from __future__ import annotations

import re

# Abbreviations whose period does not end a sentence in notes (English, German, French, ...).
ABBREVIATIONS = frozenset(
    """p pp s ss vol vols bd bde no nos nr chap ch cap col fol fols ed eds hrsg hg vgl cf
    trans tr comp repr rev ser sec art n nn fn fig figs op loc ders dies
    vs viz etc al ca c ff f mr mrs ms dr st jr sr prof gen col lt capt u a o d h z t
    jan feb mar apr jun jul aug sep sept oct nov dec univ dept inc co ltd press
    i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx
    anm aufl bzw ebda s.a vgl.a usw sog pág págs t tome éd""".split()
)

SIGNAL = re.compile(
    r"(?:see(?:\s+also)?|cf\.?|compare|e\.\s?g\.|ibid\.?|ibidem|id\.|idem|ebd\.?|ebenda|vgl\.?|siehe|"
    r"op\.\s?cit|loc\.\s?cit|a\.\s?a\.\s?o|voir|cfr\.?|véase|vid\.|supra|infra)\b",
    re.IGNORECASE,
)
LOCATOR = re.compile(
    r"(?:\b(?:pp?|S|vol|vols|Bd|fol|col|n|nn|chap|ch|no|Nr|t|art|sec)\.\s?|§\s?)(?:\d|[ivxlc]+\b)", re.IGNORECASE
)
YEAR = re.compile(r"\b(?:1[5-9]\d\d|20[0-3]\d)\b")
PUB_PAREN = re.compile(r"\([^()]{0,80}?(?:1[5-9]\d\d|20[0-3]\d)[^()]{0,10}\)")
# "… admitted to the schools in 1838.": a sentence ending in the year of an event, not in a page
DATED_IN_PROSE = re.compile(r"\b(?:in|since|until|by|after|before|im|seit|bis|en|depuis|desde|hasta|nel|dal|dopo)\s+"
                            r"(?:1[5-9]\d\d|20[0-3]\d)\W*$")
ENDS_WITH_PAGE = re.compile(r"(?:\b\d+[a-z]?|\b[ivxlc]+)(?:\s?[-–]\s?\d+)?(?:\s?f{1,2}\.?)?\W*$", re.IGNORECASE)
QUOTED = re.compile(r"“[^“”]{1,300}”|„[^„“”]{1,300}[“”]|«[^«»]{1,300}»")
URL = re.compile(r"https?://|www\.|\bdoi:|\b10\.\d{4,}/", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)

# Function words that prose is full of and titles rarely use: verbs, pronouns, conjunctions.
PROSE_WORDS = frozenset(
    """was were is are be been being had has have would could should will shall did do does
    he she it they we i you his her their its our this that these those which who whom
    not but then there when while if than so because however also only such into upon
    ist sind war waren wird wurde wurden hat hatte haben er sie es wir nicht aber dass daß
    auch wenn als sich noch nur diese dieser dieses
    est sont était il elle ils nous qui que mais pas ne cette
    es son fue era él ella ellos que pero no esta este""".split()
)


# A sentence start after a plain word of four letters or more (not "pp." or "ed."). The stop and
# space come first: a pattern led by the lookbehind would try it at every letter of the text.
_STOP_THEN_LETTER = re.compile(r"[.?!] [A-Za-z]")
_FOUR_LOWER = re.compile(r"[a-z]{4}")


def capitals_lost(text: str) -> bool:
    """Whether the text's sentences mostly begin in lower case, as when small capitals or an OCR
    case error took the capitals away: then a lower-case start says nothing about a sentence."""
    starts = [text[m.end() - 1] for m in _STOP_THEN_LETTER.finditer(text)
              if _FOUR_LOWER.fullmatch(text, m.start() - 4, m.start())]
    return len(starts) >= 30 and sum(c.islower() for c in starts) * 2 > len(starts)


# Adverbs by which a note's remark points back at the work it cites ("The figures there differ",
# "Ich folge hier …", "Les chiffres y diffèrent"); as the first word they open prose instead
# ("There were no schools").
BACK_REFERENCE = frozenset("there here therein dort hier ebenda y ici là ahí allí aquí ivi qui lì".split())
LONG_REMARK = 12  # words
SHORT_EDITORIAL = 6  # words


# What an author says of a quotation just cited: "Emphasis added.", "The translation is my own.",
# "Hervorhebung im Original.", "Traduction de l'auteur.", "Traducción propia."
EDITORIAL = frozenset("""emphasis italics translation translated mine übersetzung übers hervorhebung hervorhebungen
    kursivierung traduction soulignons souligné italiques traducción énfasis cursivas traduzione corsivo""".split())


def is_back_reference(sentence: str) -> bool:
    """A short sentence that comments on the work just cited, as notes' closing remarks do."""
    ws = [w.lower() for w in words(sentence)]
    return 2 <= len(ws) <= LONG_REMARK and (any(w in BACK_REFERENCE for w in ws[1:])
                                           or len(ws) <= SHORT_EDITORIAL and any(w in EDITORIAL for w in ws))


def words(sentence: str) -> list[str]:
    return WORD.findall(sentence)


def has_reference_feature(sentence: str) -> bool:
    """Something only references have: a signal, a locator, a final page, a publication parenthesis, a link."""
    s = sentence.strip()
    return bool(SIGNAL.match(s) or LOCATOR.search(s) or ENDS_WITH_PAGE.search(s.rstrip(".")) or PUB_PAREN.search(s)
                or URL.search(s))


_STOP_IN_QUOTE = re.compile(r"[,.][”’\"]")


def citation_likeness(sentence: str) -> float:
    """Positive when a sentence reads like a reference, negative when it reads like prose."""
    s = sentence.strip()
    if not s:
        return 0.0
    score = 0.0
    if SIGNAL.match(s):
        score += 2.0
    if LOCATOR.search(s):
        score += 1.5
    if ENDS_WITH_PAGE.search(s.rstrip(".")) and not DATED_IN_PROSE.search(s):
        score += 1.5
    if YEAR.search(s):
        score += 0.75
    if PUB_PAREN.search(s):
        score += 1.0
    if URL.search(s):
        score += 1.5
    if ";" in s:
        score += 0.5
    if _STOP_IN_QUOTE.search(s):
        score += 0.75  # Chicago puts the comma inside the closing quote of an article title
    # Quoted titles are not the author's prose: their words do not count against the sentence.
    ws = words(QUOTED.sub(" ", s))
    if ws:
        prose = sum(1 for w in ws if w.lower() in PROSE_WORDS)
        score -= 0.75 * min(prose, 6) + 4.0 * prose / len(ws)
        if len(ws) > 45:
            score -= 1.0
    return score


# A question or exclamation inside closing quotes ends a quoted title more often than a sentence.
_BOUNDARY = re.compile(r"(?:\.[”’\"')\]]*|[!?][')\]]*)(?=\s+[\"“‘(\[]?[A-ZÀ-ÞĀ-Ž0-9])")


_ABBREVIATED_NEXT = re.compile(r"\s+[A-Z][a-z]{1,4}\.\s")  # "Conv. ", "Com. ", "Soc. "


def sentence_ends(text: str, start: int, stop: int) -> list[int]:
    """Offsets just after each sentence end in text[start:stop], not counting abbreviations."""
    ends = []
    for m in _BOUNDARY.finditer(text, start, stop):
        dot = m.start()
        if text[dot] == ".":
            j = dot
            while j > start and (text[j - 1].isalpha() or text[j - 1] == "."):
                j -= 1
            token = text[j:dot].lower().strip(".")
            if token in ("f", "ff") and text[m.end():m.end() + 2].strip()[:1].isupper():
                ends.append(m.end())  # "pp. 82 ff. When …": the pinpoint ends the sentence
                continue
            if token in ABBREVIATIONS or len(token) == 1 or "." in token:
                continue
            if len(token) <= 4 and text[j:j + 1].isupper() and _ABBREVIATED_NEXT.match(text, m.end()):
                continue  # "the Am. Conv. of Abolition Societies": a chain of abbreviations
        ends.append(m.end())
    ends.append(stop)
    return ends
