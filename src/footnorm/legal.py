"""Legal citations: statutes, EU acts, treaties, resolutions and judgments.

Law-journal footnotes cite instruments and cases in shapes the scholarly grammar
(author, title, publication facts) does not have: the "title" is an act word with
its number ("Directive (EU) 2024/1760 ..."), a statute abbreviation after the
section it cites ("§ 65 Abs. 1 UrhG"), a code before its section ("N.J. STAT.
§ 52:17B-71.8"), a case name ("Smith v. Jones, 123 U.S. 456, 460 (1990)") or a
court, a judgment date and a case number ("Court of Justice, judgment of 9 July
2020, ..., case C-343/19").  Each of these is recognised here by its shape —
never by a particular instrument — and read into a ``Legal``: CSL type, title,
the pinpoint as the citation's locator, and what publication facts there are.

``read_legal(text, start, end)`` looks at one citation candidate (a signal such as
"See" already stripped) and answers None when it does not open like a legal
citation; footnorm.references then takes its ordinary route.  Its order of
fields is flat (name or instrument, then facts, then the pinpoint), so it is
read field by field rather than with a lark grammar.  Every pattern is linear:
bounded repeats, negated classes, no nested quantifiers over overlapping text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .lazy_re import LazyPattern  # most texts cite no court or statute: compile on first use

__all__ = ["Legal", "read_legal", "legal_end", "provision_in", "gazetted_act_in", "case_in"]


@dataclass(frozen=True, slots=True)
class Legal:
    """One legal citation read from ``text[start:end]``."""

    start: int
    end: int  # the citation's end in the note, a final full stop excluded
    type: str  # legislation, legal_case, bill, document
    title: str
    locator: str = ""
    label: str = ""
    issued: str = ""
    container_title: str = ""  # the official journal or law report
    volume: str = ""
    page: str = ""  # the act's or report's own first page / range, never the pinpoint
    author: str = ""  # the issuing body of a soft-law document ("CESCR Committee")
    authority: str = ""  # the court of a judgment
    full: bool = True  # False for a bare abbreviation and its pinpoint ("CRC, art. 24")


# --------------------------------------------------------------------------
# vocabulary (shapes)
# --------------------------------------------------------------------------

# The act words of EU and national legislation in en/de/es/fr/it/pl; German compounds
# end in the word ("Durchführungsverordnung", "Datenschutz-Grundverordnung").
_ACT_WORDS = (
    r"directives?|regulations?|decisions?|recommendations?|"
    r"[\w-]{0,30}(?:richtlinie|verordnung)|beschlu(?:ss|ß)|entscheidung|empfehlung|"
    r"reglamento|directiva|decisi[oó]n|r[eè]glement|d[ée]cision|regolamento|direttiva|decisione|"
    r"rozporz[aą]dzenie|dyrektywa"
)
# "Council", "Commission Implementing", "European Parliament and Council": who adopted it, what kind
_ACT_PREFIX = (
    r"(?:(?:council|commission|implementing|delegated|framework|basic|european|parliament|and|"
    r"consejo|comisión|conseil|consiglio|commissione|rat|kommission|eu|ec|eg)\s+){0,4}"
)
_ACT_ORIGIN = r"\((?:EU|EC|EEC|CE|UE|EG|EWG|CEE|Euratom|EU,\s*Euratom|UE,\s*Euratom)\)"
_ACT_NUMBER = (
    r"(?:(?:No|Nr|n|nº|n°|núm|N)\.?\s*)?"
    r"\d{1,4}/\d{1,4}(?:/(?:EU|EC|EEC|EG|EWG|CE|UE|CEE|JHA|JI|GASP|CFSP|PESC))?(?!\d)"
)
# "Directive (EU) 2024/1760", "Council Regulation (EC) 1/2003", "Reglamento (CE) nº 2157/2001"
_ACT = LazyPattern(
    r"^(?:the\s+|la\s+|el\s+|le\s+|die\s+|der\s+)?" + _ACT_PREFIX + r"(?:" + _ACT_WORDS + r")\s+"
    r"(?:" + _ACT_ORIGIN + r"\s*)?" + _ACT_NUMBER,
    re.I,
)
# A national act by its kind and number or date: "Ley 15/2015", "Real Decreto 1720/2007", "Orden
# ECD/465/2012", "Loi n° 2016-1321 du 7 octobre 2016", "Legge 22 aprile 1941" (its "n. 633" follows),
# "D.lgs. 30 giugno 2003", "Gesetz über Urheberrecht und verwandte Schutzrechte vom 9. September 1965"
_NATIONAL_ACT = LazyPattern(
    r"^(?:(?:la|el|le|il|das|the)\s+)?(?:(?:Ley(?:\s+Org[áa]nica)?|Real\s+Decreto(?:[-\s]ley|\s+Legislativo)?|Decreto(?:[-\s]ley)?|Orden)"
    r"\s+(?:[A-Z]{2,5}/)?\d{1,4}/(?:1[89]|20)\d\d"
    r"|(?:Loi(?:\s+organique)?|D[ée]cret|Ordonnance|Arr[êe]t[ée])\s+n\s?[°º˚o]?\s*\d{2,4}-\d{1,5}"
    r"|(?:Legge|L\.|Decreto(?:\s+legislativo|\s+legge|\s+del\s+Presidente\s+della\s+Repubblica)?|D\.\s?lgs\.?"
    r"|D\.\s?L\.|D\.\s?P\.\s?R\.)\s+\d{1,2}\s+[a-z]+\s+(?:1[89]|20)\d\d"
    r"|(?-i:Gesetz|Verordnung|[A-ZÄÖÜ][\w-]*(?:gesetz|verordnung|ordnung))\s+(?:über|zur|zum|für|betreffend)\s[^,;]{3,200}?\s+vom\s+\d)"
)
# a word that names an instrument, after "art. 4 of the ..." / "§ 1 des ..."
_INSTRUMENT_WORD = LazyPattern(
    r"(?:" + _ACT_WORDS + r"|act|code|treaty|convention|charter|covenant|protocol|declaration|constitution|"
    r"statute|[\w-]{0,30}gesetz(?:es|buch|buchs)?|grundgesetz|vertrag|übereinkommen|abkommen|satzung|"
    r"ley|tratado|convenio|carta|constitución|loi|traité|charte|legge|trattato|costituzione|statuto)(?![\w-])",
    re.I,
)
# a statute or treaty abbreviation: "UrhG" "BGB" "DSM-RL" "TFEU" "CRC" "UNDRIP" "Rom II-VO" "EMRK"
_ABBREV = LazyPattern(
    r"^(?=[\w-]*[A-ZÄÖÜ][\w-]*[A-ZÄÖÜ])[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{0,9}(?:[-/][A-Za-zÄÖÜäöü]{1,8}){0,2}"
    r"(?:\s(?:I{1,3}|IV|V)(?:-[A-Z]{1,4})?)?$"
)
# Words that look like abbreviations but are not instruments.
_NOT_ABBREV = frozenset(["ECLI", "OJ", "ABL", "BGBL", "BOE", "ECR", "PC", "HL", "ID", "IBID", "FRUS", "DO", "GU", "JO"])

# The label of a legal pinpoint -> its CSL locator label.  "s"/"ss" only in lower case:
# OSCOLA's section; "S." is the German page.
_PIN_LABEL = (
    r"(?P<label>§§?|¶¶?|articles?|artículos?|articol[oi]|artikel|artt\.?|arts?\.?|"
    r"paragraphs?|paras?\.?|par\.?|pts?\.?|points?|punto|puntos|apartados?|"
    r"rn\.?|rz\.?|randnr\.?|tz\.?|recitals?|considerandos?|erwägungsgr(?:und|ünde)|fj\.?|f\.\s?j\.|"
    r"annex|anhang|anexo|allegato|(?-i:ss?\.?)|secs?\.|sections?|rules?|reg\.)"
)
# "24(2)(c)" "4.1" "52:17B-71.8" "3(c)(i)" "32" "II" ; then "Abs. 1 S. 2 lit. a", ranges, lists
_PIN_NUM = r"(?:\d{1,6}[a-z]?|(?-i:[IVXLC]{1,6}))(?:[.:-]\d{1,6}[A-Za-z]?)*(?:\s?\([\w.]{1,6}\))*(?:\s*(?:ff?|et\s+seq)\.)?"
_PIN_SUB = r"(?:\s+(?:Abs\.|S\.|Satz|Nr\.|lit\.|UAbs\.|Unterabs\.|Halbs\.|Alt\.|para\.|sentence|no\.)\s*(?:[\da-z]{1,4})(?:\s?\([\w.]{1,6}\))*)"
_PIN_MORE = r"(?:\s*(?:,|&|and|und|y|et|e|to|bis|[-–—])\s*" + _PIN_NUM + r")"
_PIN = LazyPattern(
    r"^" + _PIN_LABEL + r"\s*(?:n\.\s*|no\.\s*|nº\s*)?(?P<value>" + _PIN_NUM + _PIN_SUB + r"{0,4}" + _PIN_MORE + r"{0,6})$",
    re.I,
)
_PIN_LABELS = {
    "§": "section", "§§": "section", "art": "section", "arts": "section", "artt": "section",
    "article": "section", "articles": "section", "artículo": "section", "artículos": "section",
    "articolo": "section", "articoli": "section", "artikel": "section", "s": "section", "ss": "section",
    "sec": "section", "secs": "section", "section": "section", "sections": "section",
    "annex": "appendix", "anhang": "appendix", "anexo": "appendix", "allegato": "appendix",
    "rule": "rule", "rules": "rule", "reg": "section",
}  # everything else (para., punto, Rn., recital, ¶) is a paragraph

_MONTHS = (
    r"jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|"
    r"sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?|"
    r"januar|februar|märz|mai|juni|juli|oktober|dezember|"
    r"janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|dicembre|"
    r"enero|febrero|abril|mayo|junio|julio|septiembre|octubre|noviembre|diciembre"
)
# "13 June 2024" "25.10.2012" "8 de octubre de 2001" "Dec. 10, 1948" "29. Januar 2013" "4.1.2003"
_DATE_YEAR = LazyPattern(
    r"(?<!\d)(?:\d{1,2}\.?\s*(?:de\s+)?(?:" + _MONTHS + r")\.?\s*(?:de\s+)?|\d{1,2}\.\d{1,2}\.\s?|"
    r"(?:" + _MONTHS + r")\.?\s+\d{1,2},?\s+)((?:1[89]|20)\d\d)(?!\d)",
    re.I,
)
_YEAR = LazyPattern(r"(?<![\d/])((?:1[89]|20)\d\d)(?![\d/])")
_SLASH_YEAR = LazyPattern(r"/((?:1[89]|20)\d\d)\b")  # "Ley 15/2015", "sent. n. 238/2014": a number's year

# publication facts of an act: "OJ L 1", "in OJ L", "ABl. EU 2012 L 299", "BGBl. I S. 1", "DO L", "BOE"
_GAZETTE = LazyPattern(
    r"^(?:in\s+|en\s+|dans\s+|in:\s*)?(?:O\.?\s?J\.?|ABl\.?|Amtsblatt|D\.?O\.?(?=\s+[LC]\b)|G\.?U\.?(?=\s+[LC]\b)|J\.?O\.?(?=\s+[LC]\b)|"
    r"BGBl\.?|GBl\.?|GVBl\.?|RGBl\.?|BOE|Dz\.\s?U\.|Journal\s+of\s+Laws|Official\s+Journal|Diario\s+Oficial|Journal\s+officiel|Gazzetta\s+Ufficiale)(?![\w])"
)
_PAGES = LazyPattern(r"^(?:pp?|S|págs?|pag)\.?\s*\d+(?:\s*[-–—]\s*\d+)?\.?$")
_CIT = LazyPattern(r"^(?:cit|op\.\s*cit|loc\.\s*cit|supra|above|a\.a\.O|aaO)\.?(?:\s|$)", re.I)
_URL = LazyPattern(r"^(?:https?://|www\.)")

# courts and judgments
_COURT = LazyPattern(
    r"^(?:the\s+)?(?:(?:(?-i:[A-Z][\w'’-]*)\s+){0,3}(?:court|commission|committee)\b|cjeu\b|cjue\b|ecj\b|ecthr\b|eugh\b|egmr\b|bgh\b|bverfg\b|bverwg\b|bag\b|bfh\b|"
    r"tribunal\b|tribunale\b|corte\b|cour\b|conseil\s+d'[ée]tat\b|cass\b|supreme\s+court\b|house\s+of\s+lords\b|"
    r"privy\s+council\b|high\s+court\b|[\w-]{0,20}gericht(?:shof)?\b|general\s+court\b|grand\s+chamber\b|"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+chamber\b|"
    r"(?:primera|segunda|tercera|cuarta|quinta|sala)\b.{0,20}\bsala\b|gran\s+sala\b|\w+\s+kammer\b|große\s+kammer\b)",
    re.I,
)
_JUDGMENT = LazyPattern(
    r"^(?:(?:the\s+)?(?:judg(?:e)?ment|order|opinion|sentencia|sentenza|sentença|arr[êe]t|urteil|beschluss|"
    r"auto|ordonnance|ordinanza|conclusiones|conclusions|schlussanträge|advisory\s+opinion|decision)\b)",
    re.I,
)
# "judgment of 9 July 2020" "Urteil vom 25.10.2012" "sentencia del 13 de diciembre" "arrêt du 3 mai"
_JUDGMENT_OF = LazyPattern(
    r"\b(?:judg(?:e)?ment|sentencia|sentenza|arr[êe]t|urteil|beschluss|decision|order|opinion|conclusiones|conclusions)"
    r"\s+(?:of|vom|del|de|du|dated|dated\s+the|of\s+the)\s+\d",
    re.I,
)
# "case C-343/19" "causa C-411/03" "Joined Cases C-402/05 P" "Rs. C-…" "T-201/04" "application no. 11761/85"
_CASE_NO = LazyPattern(
    r"(?:\b(?:joined\s+)?(?:cases?|causas?|asuntos?|affaires?|rs\.|rechtssachen?|verb\.\s+rs\.)\s+)?"
    r"(?<![\w-])(?-i:[CTF]|OC)-\s?\d{1,4}/\d{2}(?:\s+P\b)?(?:\s*(?:,|and|y|et|und)\s*[CTF]-\s?\d{1,4}/\d{2})*"
    r"|\b(?:application|applications|requête|demanda|beschwerde)\s+(?:no|nos|n|nº|n°|nr)\.?\s*\d{1,6}/\d{2,4}"
    # the Commission's competition cases: "AT.39824", "COMP/M.4439", "M.7932"
    r"|(?<![\w.])(?-i:AT|COMP/AT|COMP/M|COMP|M)\.\d{4,5}(?![\d/])",
    re.I,
)
# a competition case's kind, before its number and name ("Cartel, AT.39824, Trucks"): no party
_PROCEDURE_KIND = frozenset(["cartel", "cartels", "merger", "mergers", "antitrust", "state aid", "concentration"])
_ECLI = LazyPattern(r"^(?:ECLI:|EU:[CT]:|ECR\b|Slg\.|Rec\.|I-\d)", re.I)
_PARTY_INTRO = LazyPattern(r"^(?:caso|case|affaire|asunto|rs\.|rechtssache|causa)\s+(?=(?-i:[A-ZÄÖÜ]))", re.I)

# "Smith v. Jones" / "R v Brown" / "Frankland & Moore v. Regina": the " v. " between two parties
_V = LazyPattern(r"\s(?:v|vs)\.?\s+(?=[A-Z(])")
# after a case name: "[1987] 1 AC 576" / "123 U.S. 456" / "410 F.3d 120" / "[2001] UKHL 1"
_REPORT = LazyPattern(
    r"^\s*,?\s*(?:\[(?P<byear>(?:1[6-9]|20)\d\d)\]\s*)?(?:\((?P<pyear>(?:1[6-9]|20)\d\d)\)\s*)?"
    r"(?P<vol>\d{1,4}\s+)?(?P<rep>[A-Z][A-Za-z0-9.&' ]{0,30}?)\s+(?P<page>\d{1,6})(?!\w)"
)
_REPORT_PIN = LazyPattern(r"^\s*,\s*(?:at\s+)?(?P<pin>\d{1,6}(?:\s*[-–]\s*\d{1,6})?(?:\s*n\.\s*\d+)?)(?![\w/])")
_SHORT_REPORT = LazyPattern(r"^(?P<vol>\d{1,4})\s+(?P<rep>[A-Z][A-Za-z0-9.&' ]{0,30}?)\s+at\s+(?P<pin>\d{1,6}(?:\s*[-–]\s*\d{1,6})?)$")

# US codes, session laws and bills
_US_CODE = LazyPattern(
    r"^(?:(?P<vol>\d{1,3})\s+)?(?P<code>[A-Z][A-Za-z.&]{0,12}(?:\s+[A-Z][A-Za-z.&]{0,12}){0,5})\s+§§?\s*"
    r"(?P<sec>[\w.:-]{1,30}(?:\([\w]{1,6}\)){0,6}(?:\s*(?:et\s+seq\.|ff?\.))?)"
)
_PUB_L = LazyPattern(r"^(?:Pub(?:lic)?\.?\s+L(?:aw)?\.?\s+(?:No\.?\s*)?)\d{1,3}-\d{1,4}")
_STAT = LazyPattern(r"^(?P<vol>\d{1,4})\s+(?P<rep>Stat\.)\s+(?P<page>\d{1,6})")
_BILL = LazyPattern(r"^(?:S\.\s?B\.|H\.\s?B\.|A\.\s?B\.|H\.\s?R\.|S\.|H\.\s?R\.\s?J\.\s?Res\.|S\.\s?J\.\s?Res\.)\s+\d{1,5}$")

# UN and other soft law: "G.A. Res. 61/295" "Res.A.G.48/104" "S.C. Res. 1373 (2001)" "A/RES/61/295"
_UN_RES = LazyPattern(
    r"^(?:(?:U\.?N\.?\s*)?(?:G\.?\s?A\.?|S\.?\s?C\.?|A\.?\s?G\.?|C\.?\s?S\.?)\s*Res\.?\s*\d{1,5}(?:/\d{1,5})?"
    r"|Res\.?\s*(?:A\.?\s?G\.?|G\.?\s?A\.?|C\.?\s?S\.?|S\.?\s?C\.?)\s*\d{1,5}(?:/\d{1,5})?"
    r"|(?:U\.?N\.?\s+Doc\.?\s+)?[AS]/RES/\d{1,5}/\d{1,5}"
    r"|(?:resolution|resolución|résolution|risoluzione|resolução)\s+(?:no\.?\s*|nº\s*|n\.\s*)?\d{1,5}(?:/\d{1,5})?)",
    re.I,
)
_GENERAL_COMMENT = LazyPattern(
    r"\b(?:general\s+comments?|general\s+recommendations?|observaci[oó]n\s+general|observation\s+générale|"
    r"recomendaci[oó]n\s+general|commento\s+generale|allgemeine\s+bemerkung)\s+(?:no\.?|nº|n°|n\.|nr\.)?\s*\d{1,3}",
    re.I,
)
# OSCOLA / Bluebook named statutes: "Equality Act 2010" "Education Amendments of 1978"
_NAMED_ACT = LazyPattern(
    r"^(?:the\s+)?(?-i:[A-Z][\w'’-]*)(?:\s+(?:(?-i:[A-Z][\w'’-]*)|of|and|for|on|the|to|in|(?:\(\w+\)))){0,12}?"
    r"\s+(?:Act|Amendments|Code|Ordinance|Order)(?:\s+of)?\s+(?:1[6-9]|20)\d\d(?:\s*\([^()]{1,30}\))?$"
)
# a treaty or instrument named in full, before its pinpoint: "Convention on the Rights of the Child"
_NAMED_INSTRUMENT = LazyPattern(
    r"^(?:the\s+)?(?:(?-i:[A-Z][\w'’-]*)\s+){0,3}(?:" + _INSTRUMENT_WORD.pattern + r")(?:\s+[\w'’()-]+){0,15}$",
    re.I,
)


# --------------------------------------------------------------------------
# fields
# --------------------------------------------------------------------------


def _split_fields(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the comma fields of text[start:end]; commas inside (), [] and quotes stay."""
    out: list[tuple[int, int]] = []
    depth = 0
    quote = False
    cur = start
    for i in range(start, end):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif ch in "“”\"«»„":
            quote = ch not in "”»" and not (ch == '"' and quote)
        elif ch == "," and not depth and not quote:
            out.append(_trim(text, cur, i))
            cur = i + 1
    out.append(_trim(text, cur, end))
    return [f for f in out if f[1] > f[0]]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1] in " \t\n;:":
        b -= 1
    return a, b


def _pin(s: str) -> tuple[str, str] | None:
    """'art. 24(2)(c)' -> ('24(2)(c)', 'section'); 'punto 19' -> ('19', 'paragraph')."""
    s = re.sub(r"\s+\([^()]{0,30}(?:1[89]|20)\d\d\)\s*\.?$", "", s.strip())  # "para. 3 (Sept. 13, 2007)": the date is no pinpoint
    m = _PIN.match(s.strip().rstrip("."))
    if not m:
        if re.fullmatch(r"(?:annex|anhang|anexo|allegato)(?:\s+[IVXLC\d]{1,6})?", s.strip().rstrip("."), re.I):
            return s.strip().rstrip(".").partition(" ")[2], "appendix"  # "Annex" / "Annex II"
        return None
    label = m.group("label").lower().rstrip(".")
    return m.group("value").strip(), _PIN_LABELS.get(label, "paragraph")


def _issued(s: str) -> str:
    m = _DATE_YEAR.search(s)
    return m.group(1) if m else ""


# --------------------------------------------------------------------------
# the forms
# --------------------------------------------------------------------------


# pure; the parser asks for the same span more than once per note (whether the note opens with a
# legal citation, then to read it), so the last few answers are kept (a Legal is frozen)
@functools.lru_cache(maxsize=64)
def read_legal(text: str, start: int, end: int) -> Legal | None:
    """The legal citation that opens text[start:end], or None.

    The citation ends at the first full stop that ends a sentence (what follows is
    commentary: "UNDRIP, art. 32(2). Emphasis added."), or at ``end``."""
    if start >= end:
        return None
    # The cheap test first: every form shows itself in its first field or at the start of
    # the second (the pinpoint after "CRC,"); most scholarly notes open with a name.
    if text[start] in "“„«\"‘'":
        return None  # a quoted title: a scholarly work, not an instrument
    comma = text.find(",", start, end)
    if not _may_open(text[start : min(end, start + 240, comma + 24 if comma >= 0 else end)]):
        return None
    end = legal_end(text, start, end)
    while end > start and text[end - 1] in " .;,:":
        end -= 1
    if end <= start:
        return None
    fields = _split_fields(text, start, end)
    if not fields:
        return None
    # an act first: "Commission Regulation (EU) 2019/1150" names its author, not a court
    for form in (_act, _gazette_entry, _named_with_gazette, _parliamentary_paper, _national_decision, _case_name, _court_case, _pinpoint_first, _us_code, _session_law, _bill,
                 _un_document, _instrument_and_pinpoint):
        got = form(text, fields, start, end)
        if got is not None:
            return got
    return None


# Something any legal form shows near its start: a section sign, a slash (act and case
# numbers), " v. ", or one of these words.  A filter only — the forms decide — and cheap:
# substring tests and one set lookup per word, no regular expression over the note.
_OPEN_WORDS = frozenset(
    """art arts artt article articles artículo artículos articolo articoli artikel para paras par paragraph
    punto puntos recital recitals considerando annex anhang anexo sec secs section sections rule rules rn rz
    court tribunal tribunale cour corte judgment judgement sentencia sentenza urteil arrêt beschluss
    case cases causa asunto rs res resolution resolución résolution risoluzione comment recommendation
    observación pub act amendments code ordinance stat ann chamber ecj cjeu ecthr eugh bgh bverfg
    order opinion conclusiones application committee commission s.b h.b h.r a.b rep
    ley decreto orden loi décret decret ordonnance arrêté legge d.l d.p.r
    stc sts san sap stsj atc ats cass ce urt beschl sent""".split()
)
_STRIP = " .,;:()[]"


def _may_open(window: str) -> bool:
    if "§" in window or "¶" in window or "/" in window or " v. " in window or " v " in window or " vs. " in window:
        return True
    if " at " in window:  # "Miranda, 384 U.S. at 444"
        return True
    if "Dz. U." in window or "Dz.U." in window or "Journal of Laws" in window:  # a gazette entry
        return True
    for w in window.lower().split():
        w = w.strip(_STRIP)
        if w in _OPEN_WORDS or w.endswith(("gericht", "gerichtshof", "gesetz", "verordnung")) or w.startswith(("res.", "art.", "d.lgs")):
            return True
    return False


# a full stop ends the citation when a capitalised word that is not an abbreviation
# follows ("Emphasis added.", "Dicho auto ..."); " v. Jones" is a case name, not an end
_SENTENCE_END = LazyPattern(
    r"(?<![\s(]v)(?<![\s(]vs)(?<!\bNo)(?<!\bat)(?<!\bArt)(?<!\bart)\.\s+"
    r"(?!(?i:" + _MONTHS + r")\b)(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:[\s,:;]|$))"
)


def legal_end(text: str, start: int, end: int) -> int:
    m = _SENTENCE_END.search(text, start, end)
    return m.start() + 1 if m else end


def _f(text: str, f: tuple[int, int]) -> str:
    return text[f[0] : f[1]]


def _locator_after(text: str, fields: list[tuple[int, int]], k: int) -> tuple[str, str, int]:
    """The first legal pinpoint among fields[k:], and its index (or -1)."""
    for j in range(k, len(fields)):
        got = _pin(_f(text, fields[j]))
        if got:
            value, label = got
            # "Annex, Part I.1, par. 1": the pinpoint goes on over the fields that follow
            more = [_f(text, fields[x]).strip() for x in range(j + 1, len(fields))]
            if more and all(_pin(x) or re.fullmatch(r"(?:part|teil|parte)\s+[\w.]{1,8}|\d{1,4}", x, re.I) for x in more):
                value = ", ".join(([value] if value else []) + more)
            return value, label, j
    return "", "", -1


def _case_name(text: str, fields, start: int, end: int) -> Legal | None:
    """'Smith v. Jones, 123 U.S. 456, 460 (1990)' / 'Frankland & Moore v. Regina [1987] 1 AC 576, 585 (PC)'
    and the Bluebook short form 'Smith, 123 U.S. at 460'."""
    first = _f(text, fields[0])
    if len(fields) >= 2:
        ms = _SHORT_REPORT.match(_f(text, fields[1]))
        if ms and re.fullmatch(r"[A-Z][\w'’&.-]{1,30}(?:\s+[A-Z][\w'’&.-]{1,30}){0,3}", first):
            return Legal(start, end, "legal_case", first, ms.group("pin"), "page", volume=ms.group("vol"),
                         container_title=ms.group("rep").strip(), full=False)
    # the name runs to a comma, a bracket or parenthesis, or the report's volume
    stop = len(first)
    for ch in ",[(":
        p = first.find(ch)
        if 0 <= p < stop:
            stop = p
    mv = _V.search(first, 0, stop)
    if mv is None or not first[:1].isupper():
        return None
    left = first[: mv.start()]
    if left.endswith(".") and not left.endswith(("Inc.", "Co.", "Ltd.", "Corp.", "Bros.", "Jr.", "Sr.")):
        return None  # "hrsg. v. Eva Stein", "übers. v.": an abbreviation, not a party
    if len(left.split()) > 10 or not re.search(r"[A-Z]", left):
        return None
    rest_start = fields[0][0] + mv.end()
    # the second party ends at a bracketed year, a report "123 U.S.", or the field's end
    mr = re.search(r"\s(?=\[|\((?:1[6-9]|20)\d\d\)|\d{1,4}\s+[A-Z])", text[rest_start : fields[0][0] + stop])
    name_end = rest_start + mr.start() if mr else fields[0][0] + stop
    name = text[fields[0][0] : name_end].strip()
    if len(name.split()) > 20:
        return None
    tail = text[name_end:end]
    if not (mr or _REPORT.match(tail) or re.match(r"\s*,?\s*[(\[](?:[^()\[\]]{0,40}\s)?(?:1[6-9]|20)\d\d[)\]]", tail)
            or _locator_after(text, fields, 1)[2] >= 0):
        # "Friedrich v. Hayek, Die Verfassung der Freiheit" is a person with a particle: a case
        # name has its report, its year or a pinpoint (OSCOLA's "R v Brown" has no full stop)
        return None
    issued = volume = rep = page = locator = label = ""
    mrep = _REPORT.match(tail)
    if mrep:
        issued = mrep.group("byear") or mrep.group("pyear") or ""
        volume = (mrep.group("vol") or "").strip()
        rep, page = mrep.group("rep").strip(), mrep.group("page")
        after = tail[mrep.end() :]
        mp = _REPORT_PIN.match(after)
        if mp:
            locator, label = mp.group("pin"), "page"
            after = after[mp.end() :]
        my = re.search(r"\(([^()]{0,40}?)((?:1[6-9]|20)\d\d)\)", after)
        if my and not issued:
            issued = my.group(2)
    else:
        my = re.search(r"\((?:[^()]{0,40}?)((?:1[6-9]|20)\d\d)\)", tail)
        issued = my.group(1) if my else ""
    if not locator:
        k = next((j for j, f in enumerate(fields) if f[1] > name_end), len(fields))
        locator, label, _ = _locator_after(text, fields, k)
    return Legal(start, end, "legal_case", name, locator, label, issued, rep, volume, page)


_NAME_PARTICLES = frozenset("of the de la las los del des der für di della du et and y e en von".split())


def _court_name(s: str) -> bool:
    """'Court of Justice' 'Tribunal de Justicia de las Comunidades Europeas (Gran Sala)' 'CJEU' —
    not 'The CJEU call for a parallel interpretation ...'."""
    words = re.sub(r"\([^()]*\)", " ", s).split()
    return 0 < len(words) <= 10 and all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words)


def _court_case(text: str, fields, start: int, end: int) -> Legal | None:
    """'Court of Justice, First Chamber, judgment of 9 July 2020, Verein ..., case C-343/19' /
    'Sentencia en causa C-411/03 del 13 de diciembre de 2005, caso SEVIC, punto 19' /
    'judgment of 28.06.1990 (application no. 11761/85)' / 'Case C-411/03, SEVIC Systems, para. 19'."""
    first = _f(text, fields[0])
    # "Commission decision, Cartel, AT.39824, Trucks": the body and the kind of its act
    by_court = bool(_COURT.match(first)) and _court_name(re.sub(r"\s+(?:decision|judg(?:e)?ment|order)$", "", first))
    if not (by_court or _JUDGMENT.match(first) and len(first.split()) <= 16 or _CASE_NO.match(first)):
        return None
    whole = text[start:end]
    number = _CASE_NO.search(whole)
    # a court with neither a dated judgment nor a case number is cited short: "Court of Justice,
    # Third Chamber, CNP, cit., par. 52" — or merely named in prose
    short = number is None and not _JUDGMENT_OF.search(whole)
    if short and not (by_court and any(_CIT.match(_f(text, f)) for f in fields[1:])):
        return None
    court: list[str] = []
    party = ""
    locator, label, pin_at = _locator_after(text, fields, 1)
    for j, f in enumerate(fields):
        s = _f(text, f)
        if pin_at >= 0 and j >= pin_at:
            break
        if _COURT.match(s) and not _JUDGMENT.match(s):
            court.append(s)
            continue
        m_intro = _PARTY_INTRO.match(s)
        if m_intro and not _CASE_NO.match(s):
            party = party or s[m_intro.end() :].strip()
            continue
        if _JUDGMENT.match(s) or _CASE_NO.search(s) or _ECLI.match(s) or _issued(s) or _pin(s) or _CIT.match(s):
            mp = re.search(r"\((?:caso|case|affaire|asunto)\s+([^()]{2,60})\)", s, re.I)
            if mp and not party:
                party = mp.group(1).strip()  # "en asunto C-212/97 (Caso Centros)"
            continue
        if j > 0 and not party and s[:1].isupper() and s.lower() not in _PROCEDURE_KIND and (len(s.split()) <= 12 or _V.search(s)):
            party = s  # "Verein für Konsumenteninformation"
    title = party
    if not title and number is not None:
        title = number.group().strip()
        title = title[:1].upper() + title[1:]
    if not title:
        return None
    issued = _issued(whole)
    if number is None and title == party and _DOCUMENT_TITLE.match(party) and court and not _JUDGMENT_OF.search(whole):
        # "European Commission, Annex to the proposal for a Directive on …, cit.": a body's paper, no case
        return Legal(start, end, "document", title, locator, label, issued, author=", ".join(court), full=not short)
    return Legal(start, end, "legal_case", title, locator, label, issued, authority=", ".join(court), full=not short)


# what a commission or committee issues besides decisions: its papers
_DOCUMENT_TITLE = re.compile(
    r"^(?:annex|proposal|communication|report|guidelines|green\s+paper|white\s+paper|staff\s+working|"
    r"impact\s+assessment|notice|explanatory|study|consultation|anexo|propuesta|comunicaci[oó]n|informe|"
    r"proposition|rapport|proposta|comunicazione|relazione|vorschlag|mitteilung|bericht)\b",
    re.I,
)


# National decisions by their own designations: Spanish "STC 31/2010", "STS 1234/2019" (a court's
# initials and the decision's number/year); Italian "Corte cost., sent. n. 238/2014"; German "BGH,
# Urt. v. 12.3.2010 – I ZR 12/09" (court, decision, date, docket); French "Cass. civ. 1re, 5 mars
# 2015, n° 14-11.441" / "CE, 19 juillet 2011, n° 350643" (court, date, number).
_ES_DECISION = LazyPattern(r"^(?:la\s+|el\s+)?(?P<d>S{1,2}(?:TC|TS|AN|AP|TSJ|TJUE|TEDH|JM)|A(?:TC|TS|AP))"
                          r"(?:\s+[A-ZÁÉÍÓÚ][a-záéíóú]+)?\s+\d{1,5}/((?:19|20)\d\d)$")
_ES_COURTS = {"TC": "Tribunal Constitucional", "TS": "Tribunal Supremo", "AN": "Audiencia Nacional",
              "AP": "Audiencia Provincial", "TSJ": "Tribunal Superior de Justicia",
              "TJUE": "Tribunal de Justicia de la Unión Europea", "TEDH": "Tribunal Europeo de Derechos Humanos",
              "JM": "Juzgado de lo Mercantil"}
_DOCKET = LazyPattern(r"(?<![\w/])(?:[IVX]{1,4}|\d{1,2})\s?[A-Z][A-Za-z]{0,3}\s\d{1,5}/\d{2}(?![\w/])"
                     r"|(?:sent|ord)\.\s+n\.\s*\d{1,4}/(?:19|20)\d\d|n[°º]\s*\d{2}-\d{2}\.\d{3}|n[°º]\s*\d{5,7}")
_DECISION_WORD = LazyPattern(r"^(?:urt(?:eil)?\.?|beschl(?:uss)?\.?|sent\.?|sentenza|ord\.?|ordinanza|arr[êe]t)"
                            r"(?:\s+(?:v\.|vom|del|du))?", re.I)
_FR_COURT = LazyPattern(r"^(?:Cass\.|CE|Cons\.\s+const\.|CA\s+\w+|TGI\s+\w+|CJ\s+\w+|Conseil\s+d'[ÉE]tat)", re.I)


def _national_decision(text: str, fields, start: int, end: int) -> Legal | None:
    first = _f(text, fields[0]).strip()
    if m := _ES_DECISION.match(first):
        locator, label, _ = _locator_after(text, fields, 1)
        court = _ES_COURTS.get(re.sub(r"^(?:SS|S|A)", "", m.group("d")), "")  # STC, SSTC, ATC: the TC's
        return Legal(start, end, "legal_case", first[m.start("d"):], locator, label, m.group(2), authority=court)
    whole = text[start:end]
    docket = _DOCKET.search(whole)
    if docket is None or not (_COURT.match(first) or _FR_COURT.match(first)) or len(first.split()) > 6:
        return None
    # between the court and the docket: a decision word or a date, nothing else
    between = whole[len(first):docket.start()]
    if len(between) > 60 or not (_DECISION_WORD.search(between.strip(" ,–-")) or _issued(between)
                                 or _DECISION_WORD.match(docket.group())):
        return None
    locator, label, _ = _locator_after(text, fields, 1)
    issued = _issued(between) or _issued(docket.group())
    if not issued and (y := _SLASH_YEAR.search(docket.group())):
        issued = y.group(1)  # "sent. n. 238/2014"
    return Legal(start, end, "legal_case", docket.group().strip(), locator, label, issued, authority=first)


def _gazette_facts(text: str, fields, k: int) -> tuple[str, str, int]:
    """After an act's title: the journal it appeared in and its pages."""
    container = page = ""
    for j in range(k, len(fields)):
        s = _f(text, fields[j])
        if not container and _GAZETTE.match(s):
            container = re.sub(r"^(?:in|en|dans)\s+|^in:\s*", "", s).strip()
        elif container and _PAGES.match(s):
            page = re.sub(r"^\D+", "", s).rstrip(".")
    return container, page, k


def _title_end(text: str, fields, k0: int) -> int:
    """Index of the first field after an act's title: its journal, a pinpoint, 'cit.', pages, a URL."""
    for j in range(k0, len(fields)):
        s = _f(text, fields[j])
        if _GAZETTE.match(s) or _pin(s) or _CIT.match(s) or _PAGES.match(s) or _URL.match(s):
            return j
    return len(fields)


def _act(text: str, fields, start: int, end: int) -> Legal | None:
    """'Directive (EU) 2024/1760 of the European Parliament ..., in OJ L, ..., pp. 1-58' /
    'Richtlinie 2012/28/EU des Europäischen Parlaments ... vom 25.10.2012 über ...'."""
    first = _f(text, fields[0])
    m = _ACT.match(first)
    national = None if m else _NATIONAL_ACT.match(first)
    if not m and not national:
        return None
    j = max(1, _title_end(text, fields, 1))
    title = text[fields[0][0] : fields[j - 1][1]]
    title = re.sub(r"^(?:the|la|el|le|die|der)\s+", "", title, flags=re.I)
    if national and " vom " in title:  # "Gesetz über … vom 9. September 1965 (BGBl. I S. 1273)": its date
        title = title[: title.index(" vom ")]
    issued = _issued(text[start:end])
    if national and not issued and (y := _SLASH_YEAR.search(first)):
        issued = y.group(1)  # "Ley 15/2015": the year is the number's second part
    container, page, _ = _gazette_facts(text, fields, j)
    locator, label, _ = _locator_after(text, fields, j)
    return Legal(start, end, "legislation", title, locator, label, issued, container, page=page)


_PIN_LEAD = LazyPattern(
    r"^" + _PIN_LABEL + r"\s*(?:n\.\s*)?" + _PIN_NUM + _PIN_SUB + r"{0,4}" + _PIN_MORE + r"{0,6}(?=\s|$)", re.I
)
_OF = LazyPattern(r"^\s*(?:of\s+(?:the\s+)?|de\s+la\s+|del\s+|de\s+los\s+|de\s+las\s+|de\s+|des\s+|der\s+|du\s+|della\s+|dello\s+|dell['’]\s*|di\s+)", re.I)


def _pinpoint_first(text: str, fields, start: int, end: int) -> Legal | None:
    """'§ 65 Abs. 1 UrhG' / 'Art. 15 DSM-RL' / 'art. 101 TFEU' / 'artículo 4.1 de la Tercera Directiva' /
    'Article 4 of Regulation 864/2007': the section is the locator, the instrument the title."""
    first = _f(text, fields[0])
    m = _PIN_LEAD.match(first)
    if not m:
        return None
    pin = _pin(first[: m.end()])
    if pin is None:
        return None
    rest = first[m.end() :]
    mo = _OF.match(rest)
    target = rest[mo.end() :] if mo else rest.strip()
    target = target.strip()
    if not target:
        return None
    if mo is None and not _ABBREV.match(target):
        return None
    if mo is not None and not (_INSTRUMENT_WORD.search(target) or _ABBREV.match(target) or _ACT.match(target)):
        return None
    if _ABBREV.match(target) and target.upper() in _NOT_ABBREV:
        return None
    t_start = fields[0][1] - len(target)
    title_end = fields[0][1]
    if mo is not None and not _ABBREV.match(target):
        # "artículo 2 del Reglamento (CE) nº 2157/2001 del Consejo, de 8 de octubre de 2001, por el que ...":
        # the instrument's title may run on over commas up to its journal or a pinpoint
        j = _title_end(text, fields, 1)
        if _ACT.match(target) and j > 1:
            title_end = fields[j - 1][1]
    title = re.sub(r"^(?:the|la|el|le|die|der)\s+", "", text[t_start:title_end], flags=re.I)
    value, label = pin
    more_locator, _, _ = _locator_after(text, fields, 1)
    if more_locator and label != "section":
        pass
    issued = _issued(text[start:end])
    full = bool(issued) or mo is not None and bool(_ACT.match(target))
    return Legal(start, end, "legislation", title, value, label, issued, full=full)


_CODE_WORDS = frozenset(["CODE", "LAWS", "LAW", "STAT", "STATS", "ANN", "U.S.C", "C.F.R", "U.S.C.A", "CONST"])


def _us_code(text: str, fields, start: int, end: int) -> Legal | None:
    """'N.J. STAT. § 52:17B-71.8' / 'COLO. REV. STAT. ANN. § 22-25-104.5(2)(b)(I) (2022)' / '42 U.S.C. § 1983 (2018)'."""
    first = _f(text, fields[0])
    m = _US_CODE.match(first)
    if not m:
        return None
    code = m.group("code").strip()
    if not any(w.rstrip(".").upper() in _CODE_WORDS for w in code.split()):
        return None  # "TRUSTS AND ESTATES PRACTICE IN N.Y. § 9:249" is a treatise, not a code
    sec = m.group("sec").rstrip(".")
    my = re.search(r"\((?:[^()]{0,30}?)((?:1[89]|20)\d\d)\)\s*$", text[fields[0][0] + m.end() : end])
    issued = my.group(1) if my else ""
    return Legal(start, end, "legislation", code, sec, "section", issued, volume=m.group("vol") or "", full=bool(issued))


def _session_law(text: str, fields, start: int, end: int) -> Legal | None:
    """'Pub. L. No. 95-561, 92 Stat. 2216 (1978)' / 'Education Amendments of 1978, Pub. L. No. 95-561, ...' /
    'Equality Act 2010, s 13' (OSCOLA)."""
    k = 0
    name = ""
    if not _PUB_L.match(_f(text, fields[0])) and len(fields) > 1 and _PUB_L.match(_f(text, fields[1])):
        name, k = _f(text, fields[0]), 1
    if _PUB_L.match(_f(text, fields[k])):
        title = name or _f(text, fields[k])
        volume = rep = page = ""
        for f in fields[k + 1 :]:
            ms = _STAT.match(_f(text, f))
            if ms:
                volume, rep, page = ms.group("vol"), ms.group("rep"), ms.group("page")
        my = re.search(r"\(((?:1[89]|20)\d\d)\)\s*$", text[start:end])
        locator, label, _ = _locator_after(text, fields, k + 1)
        return Legal(start, end, "legislation", title, locator, label, my.group(1) if my else "", rep, volume, page)
    first = _f(text, fields[0])
    if _NAMED_ACT.match(first):
        locator, label, _ = _locator_after(text, fields, 1)
        y = _YEAR.search(first)
        return Legal(start, end, "legislation", re.sub(r"^the\s+", "", first, flags=re.I), locator, label,
                     y.group(1) if y else "")
    return None


def _bill(text: str, fields, start: int, end: int) -> Legal | None:
    """'S.B. 1830, 102d Gen. Assemb., (Ill. 2021)' / 'H.R. 1, 117th Cong. (2021)'."""
    first = _f(text, fields[0])
    m = _BILL.match(first)
    if not m or len(fields) < 2 and "(" not in text[start:end]:
        return None
    rest = text[fields[0][1] : end]
    if not re.search(r"\b(?:Cong|Assemb|Leg|Sess)\.", rest):
        return None
    my = re.search(r"\((?:[^()]{0,30}?)((?:1[89]|20)\d\d)\)", rest)
    locator, label, _ = _locator_after(text, fields, 1)
    return Legal(start, end, "bill", first, locator, label, my.group(1) if my else "")


def _un_document(text: str, fields, start: int, end: int) -> Legal | None:
    """'Res.A.G.48/104, ONU 1994' / 'G.A. Res. 61/295 (Sept. 13, 2007)' /
    'CESCR Committee, General Comment No. 12 (1999) on the right to adequate food, para. 15'."""
    first = _f(text, fields[0])
    m = _UN_RES.match(first)
    if m:
        locator, label, _ = _locator_after(text, fields, 1)
        y = _YEAR.search(text[fields[0][0] + m.end() : end])
        return Legal(start, end, "legislation", first.strip(), locator, label, y.group(1) if y else "")
    for k in range(min(2, len(fields))):
        s = _f(text, fields[k])
        mg = _GENERAL_COMMENT.search(s)
        if mg and (mg.start() == 0 or k == 0 and s[: mg.start()].strip().endswith(("Committee", "Comité", ","))):
            body = _f(text, fields[0]) if k == 1 else s[: mg.start()].strip().rstrip(",")
            title_text = s[mg.start() :]
            year = re.search(r"\(((?:1[89]|20)\d\d)\)", title_text)
            title = re.sub(r"\s*\((?:1[89]|20)\d\d\)", "", title_text).strip()
            locator, label, _ = _locator_after(text, fields, k + 1)
            return Legal(start, end, "document", title, locator, label, year.group(1) if year else _issued(text[start:end]),
                         author=body)
    return None


# A parliament's printed paper: "BT-Drs. 17/13423", "BR-Drucks. 123/10", "H.R. Rep. No. 94-1476"
_PAPER = LazyPattern(
    r"^(?:(?:BT|BR)[-\s]?(?:Drs|Drucks|Drucksache)\.?\s*\d{1,3}/\d{1,6}"
    r"|(?:H\.\s?R\.|S\.)\s+(?:Rep|Doc)\.\s+(?:No\.\s*)?\d{1,3}-\d{1,5})$"
)
_PAPER_PAGE = LazyPattern(r"^(?:S\.|pp?\.|at)\s*(\d{1,5}(?:\s*[-–]\s*\d{1,5})?(?:\s*f{1,2}\.?)?)$")


# Polish and similar gazettes cite an act by the gazette's year, number and item: "Dz. U. [Journal of
# Laws] No. 153, item 1270", "Journal of Laws of 2019, item 1524", "Dz. U. z 2020 r. poz. 283"
_GAZETTE_ENTRY = re.compile(
    r"(?P<gaz>(?:Dz\.\s?U\.|Journal\s+of\s+Laws|M\.\s?P\.)(?:\s*\[[^\[\]]{1,40}\])?)"
    r"(?:\s+(?:of\s+|z\s+)?(?P<year>(?:19|20)\d\d)(?:\s+r\.)?)?"
    r"(?:,?\s*(?:No\.?|no\.|Nr\.?|nr)\s*(?P<no>\d{1,4}))?,?\s*(?:items?|poz\.)\s*(?P<item>\d{1,5}(?:\s*(?:,|and|i)\s*\d{1,5})*)(?!\d)"
)


def _gazette_entry(text: str, fields, start: int, end: int) -> Legal | None:
    """'Dz. U. [Journal of Laws] No. 153, item 1270, with changes': the gazette entry names the act."""
    m = _GAZETTE_ENTRY.match(text, fields[0][0], end)
    if m is None:
        return None
    return Legal(start, end, "legislation", m.group(), container_title=m.group("gaz"), issued=m.group("year") or "",
                 full=True)


# An act by its name and its gazette in parentheses: "Verwaltungsgerichtsbarkeits-Novelle 2012 (BGBl. I
# Nr. 51/2012)", "Gesetz zur Stärkung der Häfen (BGBl. I S. 1234)"
_NAMED_GAZETTED = re.compile(r"(?P<name>(?-i:[A-ZÄÖÜ])[^()]{2,120}?)\s*\((?P<gaz>[^()]{3,60})\)")


def _named_with_gazette(text: str, fields, start: int, end: int) -> Legal | None:
    m = _NAMED_GAZETTED.match(text, fields[0][0], fields[0][1])
    if m is None or not _GAZETTE.match(m.group("gaz")) or not re.search(r"\d", m.group("gaz")):
        return None
    name = m.group("name")
    if len(name.split()) > 12 or not (_YEAR.search(name) or _INSTRUMENT_WORD.search(name) or re.search(r"novelle\b", name, re.I)):
        return None
    y = _YEAR.search(name) or _YEAR.search(m.group("gaz")) or _SLASH_YEAR.search(m.group("gaz"))
    return Legal(start, m.end(), "legislation", name, container_title=m.group("gaz"), issued=y.group(1) if y else "")


# An act described in a sentence, with its date and its gazette: "… established by the act on the
# national harbour centre of 10 February 2017 (Journal of Laws of 2020, item 481)."
_GAZETTED_ACT = re.compile(
    r"(?<![\w-])(?P<title>(?:act|law|code|regulation|ordinance|decree|statute)\s+(?:on|of)\s+[^()]{3,200}?"
    r"|(?:[A-Za-z]+\s+){1,2}code)\s+(?:of|dated)\s+"  # "the Polish civil code of 23 April 1964"
    r"(?P<date>\d{1,2}\s+[A-Za-z]+\s+(?:19|20)\d\d)\s*\((?:consolidated\s+text:\s*)?(?P<gaz>[^()]{3,80})\)",
    re.I,
)


def gazetted_act_in(text: str, start: int, end: int) -> Legal | None:
    """The first act a sentence describes with its date and gazette, or None."""
    for m in _GAZETTED_ACT.finditer(text, start, end):
        if not _GAZETTE.match(m.group("gaz")):
            continue
        title = m.group("title")
        title = title[:1].upper() + title[1:]
        return Legal(m.start(), m.end(), "legislation", title, issued=_issued(m.group("date")),
                     container_title=re.sub(r"(?:,\s*as\s+amended)$", "", m.group("gaz")).strip())
    return None


def _parliamentary_paper(text: str, fields, start: int, end: int) -> Legal | None:
    """'BT-Drs. 17/13423, S. 13' / 'H.R. Rep. No. 94-1476, at 65 (1976)': the paper's number is its
    title; its pinpoint is a page ("S." is Seite here, not Satz)."""
    first = _f(text, fields[0]).strip()
    if not _PAPER.match(first):
        return None
    locator = ""
    if len(fields) > 1 and (m := _PAPER_PAGE.match(re.sub(r"\s*\((?:1[89]|20)\d\d\)$", "", _f(text, fields[1]).strip()))):
        locator = m.group(1)
    y = _YEAR.search(text[fields[0][1] : end])
    return Legal(start, end, "report", first, locator, "page" if locator else "", y.group(1) if y else "")


def _instrument_and_pinpoint(text: str, fields, start: int, end: int) -> Legal | None:
    """An abbreviation or a treaty's name, then its pinpoint: 'UNDRIP, art. 32(2)' / 'CRC, art. 24(2)(c)' /
    'Convention on the Rights of the Child, art. 24' / 'TFEU, Article 101(1)'."""
    if len(fields) < 2:
        return None
    first = _f(text, fields[0]).strip()
    pin = _pin(_f(text, fields[1]))
    if pin is None:
        return None
    if _ABBREV.match(first):
        if first.upper() in _NOT_ABBREV:
            return None
    elif not _NAMED_INSTRUMENT.match(first):
        return None
    locator, label, _ = _locator_after(text, fields, 1)
    y = _YEAR.search(first)
    return Legal(start, end, "legislation", first, locator, label, y.group(1) if y else "",
                 full=not _ABBREV.match(first))


# A provision named inside a sentence: "umgesetzt in §§ 61 Abs. 2, 61a UrhG.", "für Art. 15 und 17
# DSM-RL, die …", "According to Article 282 TFEU, the …", "Article 4 of the Regulation 864/2007",
# "con el artículo 4.1 de la Tercera Directiva".  Only a label, its number and the instrument — an
# abbreviation or a named act — make one; "Article 6(3)(a)" alone names no instrument.
_PROVISION_LABEL = r"(?:§\s?§|§|¶|art\.|arts\.|artt\.|articles?|artículos?|articol[oi]|artikel|(?P<chapter>chapter|cap[ií]tulo|kapitel|chapitre|capitolo))"
_PROVISION = re.compile(
    r"(?<![\w.])" + _PROVISION_LABEL + r"\s*(?P<pin>" + _PIN_NUM + _PIN_SUB + r"{0,4}" + _PIN_MORE + r"{0,6})\s+"
    r"(?:(?P<of>of\s+(?:the\s+)?|de\s+la\s+|del\s+|des\s+|der\s+|du\s+|della\s+|dello\s+|di\s+)"
    r"(?P<named>(?:(?-i:[A-ZÀ-Þ][\w'’-]*)\s+){0,4}(?:" + _INSTRUMENT_WORD.pattern + r")"
    r"(?:\s+(?:" + _ACT_ORIGIN + r"\s*)?" + _ACT_NUMBER + r")?)"
    r"|(?P<abbr>(?-i:(?=[\w-]*[A-ZÄÖÜ][\w-]*[A-ZÄÖÜ])[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{0,9}(?:[-/][A-Za-zÄÖÜäöü]{1,8}){0,2}))"
    r"(?:\s+(?P<word>" + _ACT_WORDS + r"))?)(?![\w-])",
    re.I,
)


def provision_in(text: str, start: int, end: int) -> Legal | None:
    """The first provision of a named instrument that text[start:end] mentions in passing, or None."""
    for m in _PROVISION.finditer(text, start, end):
        if m.group("abbr") and m.group("abbr").upper() in _NOT_ABBREV:
            continue
        named = m.group("named")
        if named and not (named[:1].isupper() and " " in named.strip() or _ACT.match(named)):
            # "article 45 of the act on …" describes an instrument; "artículo 5 del Tratado" names one
            # only by its kind, the one the text spoke of before: neither is a citation of its own
            continue
        if m.group("chapter"):  # "Capítulo 2 TFUE": a treaty's chapter
            pin = (m.group("pin"), "chapter") if m.group("abbr") else None
        else:
            pin = _pin(text[m.start() : m.start("pin")].replace(" ", "") + " " + m.group("pin"))
        if pin is None:
            continue
        title = named or (m.group("abbr") + (" " + m.group("word") if m.group("word") else ""))
        issued = _SLASH_YEAR.search(title)
        return Legal(m.start(), m.end(), "legislation", title, pin[0], pin[1], issued.group(1) if issued else "",
                     full=bool(named))
    return None


# A case named in a sentence by its number: "… in the advisory opinion OC-23/17 of 15 November 2017",
# "as the Court held in Case C-5/08".  The number is the designation; a date right after it, its year.
_DATED_AFTER = re.compile(r"\s*,?\s*(?:of|vom|del|du|de)\s+(?P<date>\d{1,2}\.?\s*(?:de\s+)?[^\W\d]+\.?\s*(?:de\s+)?(?:19|20)\d\d)")


def case_in(text: str, start: int, end: int) -> Legal | None:
    """The first case a sentence names by its number, or None."""
    m = _CASE_NO.search(text, start, end)
    if m is None:
        return None
    stop = m.end()
    issued = ""
    md = _DATED_AFTER.match(text, stop, end)
    if md is not None and (issued := _issued(md.group("date"))):
        stop = md.end()
    title = m.group().strip()
    return Legal(m.start(), stop, "legal_case", title[:1].upper() + title[1:], issued=issued, full=bool(issued))
