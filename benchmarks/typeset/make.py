#!/usr/bin/env python3
"""Build a private footnote-detection corpus by typesetting documents with LaTeX and flattening them
with pdftotext.

    python benchmarks/typeset/make.py [--n 24] [--seed 7] [--out DIR] [--build DIR] [--keep]
    python ../shared/bench/score.py manuscripts --cmd 'footnorm inspect {input} --json' --set DIR

Writes <out>/<id>.txt (pdftotext output) and <out>/<id>.gold.json (gold in the format of
../shared/bench/score.py, "manuscripts" task).  Deterministic for a given seed (and TeX/poppler
versions).  Needs pdflatex (texlive-latex-extra for footmisc/perpage) and pdftotext (poppler-utils).

Gold is obtained by aligning the known source (prose with marker slots, note texts) with the .txt:
notes are located after their label at a line start (tolerating hyphenation, ligatures, line breaks,
splits over pages), running heads / page numbers are removed per page, and the remaining text must
then walk through the whole known body, marker slots included.  A document whose alignment fails at
any point is regenerated with another sub-seed (up to --tries times) rather than written with doubtful
gold.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lexicon import NB, Gen, L  # noqa: E402

HERE = Path(__file__).resolve().parent
LANGS = ["en", "de", "es", "fr"]
BABEL = {"en": "english", "de": "ngerman", "es": "spanish,es-noshorthands", "fr": "french"}
FONTS = {"times": r"\usepackage{mathptmx}", "palatino": r"\usepackage{mathpazo}",
         "charter": r"\usepackage{charter}", "bookman": r"\usepackage{bookman}",
         "newcent": r"\usepackage{newcent}", "cm": ""}


# ---------------------------------------------------------------------------
# text helpers
# ---------------------------------------------------------------------------
def tex(s: str) -> str:
    out = []
    for ch in s:
        out.append({"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}",
                    "~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}",
                    NB: "~"}.get(ch, ch))
    s = "".join(out)
    return re.sub(r"\*([^*]+)\*", r"\\emph{\1}", s)


def plain(s: str) -> str:
    return s.replace("*", "").replace(NB, " ")


# ---------------------------------------------------------------------------
# document generation
# ---------------------------------------------------------------------------
class Doc:
    def __init__(self, did: str, rng: random.Random, cfg: dict):
        self.id, self.r, self.cfg = did, rng, cfg
        self.g = Gen(cfg["lang"], rng)
        self.notes: list[str] = []      # note texts (markup)
        self.stream: list = []          # expected body: str pieces and int marker slots (note index)
        self.body_tex: list[str] = []
        self.chapters_of_note: list[int] = []
        self.chap = 0

    def add_text(self, s: str):
        self.stream.append(plain(s))

    def new_note(self, kind=None) -> int:
        self.notes.append(self.g.note(kind))
        self.chapters_of_note.append(self.chap)
        return len(self.notes) - 1

    def sentence_with_markers(self, p_note: float):
        """Return (tex, stream-pieces) for one sentence, possibly with a footnote."""
        s = self.g.sentence()
        if self.r.random() >= p_note:
            return tex(s), [plain(s)]
        toks = s.split(" ")
        style = self.r.choices(["end", "before-stop", "comma", "word"], [50, 12, 18, 20])[0]
        # candidate token indices outside italics
        ok, star = [], 0
        for j, t in enumerate(toks):
            star += t.count("*")
            if star % 2 == 0 and not t.endswith(NB) and not re.search(r"\d$", t.rstrip(".,")):
                ok.append(j)
        if style == "comma":
            c = [j for j in ok if toks[j].endswith(",")]
            style = "word" if not c else style
            j = self.r.choice(c) if c else None
        if style == "word":
            c = [j for j in ok[:-1] if toks[j][-1].isalpha() or toks[j][-1] in "*"]
            if not c:
                style = "end"
            else:
                j = self.r.choice(c)
        kind = None
        if len(self.notes) and self.r.random() < 0.12:
            kind = "ibid"
        k = self.new_note(kind)
        fn = r"\footnote{" + tex(self.notes[k]) + "}"
        if style == "end" or (style == "before-stop" and toks[-1][-2:-1].isdigit()):
            return tex(s) + fn, [plain(s), k]
        if style == "before-stop":
            return tex(s[:-1]) + fn + ".", [plain(s[:-1]), k, "."]
        head, tail = " ".join(toks[: j + 1]), " ".join(toks[j + 1:])
        if style == "comma" and self.r.random() < 0.3:   # marker before the comma
            return (tex(head[:-1]) + fn + "," + " " + tex(tail), [plain(head[:-1]), k, ", " + plain(tail)])
        return tex(head) + fn + " " + tex(tail), [plain(head), k, " " + plain(tail)]

    def paragraph(self, p_note):
        parts_tex, parts = [], []
        for _ in range(self.r.randint(3, 7)):
            t, pcs = self.sentence_with_markers(p_note)
            parts_tex.append(t)
            if parts:
                parts.append(" ")
            parts.extend(pcs)
        self.body_tex.append(" ".join(parts_tex) + "\n")
        self.stream.append(" ")
        self.stream.extend(parts)

    def enum(self, p_note):
        self.body_tex.append(r"\begin{enumerate}")
        for n in range(1, self.r.randint(2, 4) + 1):
            t, pcs = self.sentence_with_markers(p_note)
            self.body_tex.append(r"\item " + t)
            self.stream.extend([f" {n}. "] + pcs)
        self.body_tex.append(r"\end{enumerate}")

    def build(self):
        cfg, r, g, lang = self.cfg, self.r, self.g, self.cfg["lang"]
        title = r.choice(L[lang]["title"])
        author = g.person()
        date = g.date()
        self.title, self.author = title, author
        self.add_text(f"{title} {author} {date}")
        p_note = cfg["density"]
        heads = list(L[lang]["heads"])
        r.shuffle(heads)
        if cfg["cls"] == "book":
            nchap = r.randint(2, 3)
            for c in range(1, nchap + 1):
                self.chap = c
                h = heads.pop()
                self.body_tex.append(r"\chapter{" + tex(h) + "}")
                self.add_text(f" {L[lang]['chapter']} {c} {h}")
                for _ in range(r.randint(1, 2)):
                    self.paragraph(p_note)
                for s in range(1, r.randint(1, 2) + 1):
                    h = heads.pop() if heads else "Coda"
                    self.body_tex.append(r"\section{" + tex(h) + "}")
                    self.add_text(f" {c}.{s}{'.' if lang == 'es' else ''} {h}")
                    for _ in range(r.randint(1, 3)):
                        self.paragraph(p_note)
                        if r.random() < 0.2:
                            self.enum(p_note)
        else:
            nsec = r.randint(3, 5)
            numbered = r.random() < 0.7
            for s in range(1, nsec + 1):
                h = heads.pop()
                if numbered:
                    self.body_tex.append(r"\section{" + tex(h) + "}")
                    self.add_text(f" {s}{'.' if lang == 'es' else ''} {h}")
                else:
                    self.body_tex.append(r"\section*{" + tex(h) + "}")
                    self.add_text(f" {h}")
                for _ in range(r.randint(2, 4)):
                    self.paragraph(p_note)
                    if r.random() < 0.25:
                        self.enum(p_note)

    # ------------------------------------------------------------------ LaTeX
    def latex(self) -> str:
        cfg, lang = self.cfg, self.cfg["lang"]
        opts = [f"{cfg['size']}pt", "a4paper"]
        if cfg["twocol"]:
            opts.append("twocolumn")
        if cfg["cls"] == "book":
            opts.append("openany")
        pre = [r"\documentclass[" + ",".join(opts) + "]{" + cfg["cls"] + "}"]
        if cfg["font"] != "cm":
            pre.append(r"\usepackage[T1]{fontenc}")
        pre += [r"\usepackage[utf8]{inputenc}", FONTS[cfg["font"]], r"\usepackage[" + BABEL[lang] + "]{babel}",
                r"\usepackage[margin=" + cfg["margin"] + "]{geometry}"]
        if cfg["numbering"] == "perpage":
            pre += [r"\usepackage{perpage}", r"\MakePerPage{footnote}"]
        elif cfg["numbering"] == "footmisc":
            pre += [r"\usepackage[perpage]{footmisc}"]
        elif cfg["cls"] == "book" and cfg["numbering"] == "throughout":
            pre += [r"\counterwithout{footnote}{chapter}"]
        if cfg["label"] == "dot" and lang != "fr":
            pre += [r"\makeatletter\renewcommand\@makefntext[1]{\parindent 1em\noindent"
                    r"\hbox to 1.8em{\hss\@thefnmark.\ }#1}\makeatother"]
        if lang == "fr":
            pre += [r"\frenchsetup{FrenchFootnotes=" + ("true" if cfg["label"] == "dot" else "false") + "}"]
        pre += [r"\setlength{\headheight}{15pt}"]
        if cfg["split"]:
            pre += [r"\interfootnotelinepenalty=0"]
        hs = self.head_strings()
        hd = cfg["header"]
        if hd == "none":
            pre += [r"\pagestyle{plain}"]
        else:
            pre += [r"\usepackage{fancyhdr}", r"\pagestyle{fancy}", r"\fancyhf{}",
                    r"\renewcommand{\headrulewidth}{" + ("0.4pt" if self.r.random() < .5 else "0pt") + "}"]
            if hd == "title-page":
                pre += [r"\fancyhead[L]{\small " + tex(hs[0]) + "}", r"\fancyhead[R]{\small\thepage}"]
            elif hd == "author-title-foot":
                pre += [r"\fancyhead[L]{\small " + tex(hs[1]) + "}", r"\fancyhead[R]{\small " + tex(hs[0]) + "}",
                        r"\fancyfoot[C]{\thepage}"]
            elif hd == "twoside":
                pre += [r"\fancyhead[LE,RO]{\thepage}", r"\fancyhead[RE]{\small " + tex(hs[1]) + "}",
                        r"\fancyhead[LO]{\small " + tex(hs[0]) + "}"]
            elif hd == "page-center-top":
                pre += [r"\fancyhead[C]{\thepage}"]
            if cfg["cls"] == "book":
                pre += [r"\fancypagestyle{plain}{\fancyhf{}\fancyfoot[C]{\thepage}\renewcommand{\headrulewidth}{0pt}}"]
        doc = [r"\begin{document}", r"\title{" + tex(self.title) + "}", r"\author{" + tex(self.author) + "}",
               r"\date{" + tex(self.date_str) + "}", r"\maketitle"]
        return "\n".join(pre + doc + self.body_tex + [r"\end{document}", ""])

    def head_strings(self):
        short = " ".join(self.title.split()[:4])
        parts = self.author.split()
        return [short.upper(), f"{parts[0][0]}. {parts[-1]}"]


def make_cfg(i: int, rng: random.Random) -> dict:
    lang = LANGS[i % 4]
    cls = "book" if rng.random() < 0.3 else "article"
    twocol = rng.random() < 0.3
    mode = rng.choices(["default", "layout", "raw"], [65, 20, 15])[0]
    if twocol:   # pdftotext's reading order may put the right column first: raw keeps LaTeX's order
        mode = "raw" if rng.random() < 0.7 else "default"
    font = rng.choice(["times", "palatino", "charter", "bookman", "newcent"] + (["cm", "cm"] if lang == "en" else []))
    return dict(lang=lang, cls=cls, size=rng.choice([10, 11, 12]), twocol=twocol, font=font,
                numbering=rng.choices(["throughout", "perpage", "footmisc"], [50, 25, 25])[0],
                label=rng.choice(["super", "super", "dot"]),
                header=rng.choice(["none", "title-page", "author-title-foot", "twoside", "page-center-top"]),
                mode=mode, density=rng.choice([0.3, 0.4, 0.55]),
                margin=rng.choice(["2cm", "2.5cm", "3cm", "3.5cm"]), split=rng.random() < 0.6)


# ---------------------------------------------------------------------------
# alignment
# ---------------------------------------------------------------------------
EQ = {"\u2019": "'", "\u2018": "'", "\u2010": "-", "\u2011": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " "}


def norm_chars(txt: str, mask=None):
    chars, idx = [], []
    for i, c in enumerate(txt):
        if mask is not None and mask[i]:
            chars.append(" ")
            idx.append(i)
            continue
        e = unicodedata.normalize("NFKC", c) if "\ufb00" <= c <= "\ufb06" else c
        for ch in e:
            chars.append(EQ.get(ch, ch))
            idx.append(i)
    idx.append(len(txt))
    return chars, idx


def nexp(s: str) -> str:
    return "".join(EQ.get(c, c) for c in s)


class Fail(Exception):
    pass


def match_text(chars, p, s):
    """Walk s over chars from p.  Returns (ok, p, i, last_end): i = index in s reached."""
    n = len(chars)
    i, last_end = 0, p
    while i < len(s):
        ch = s[i]
        prev = s[i - 1] if i else ""
        nxt = s[i + 1] if i + 1 < len(s) else ""
        if ch == " ":
            q = p
            while q < n and chars[q].isspace():
                q += 1
            if q == p and not (prev in "«(" or nxt in ";:!?»)" or p >= n):
                return False, p, i, last_end
            p, i = q, i + 1
            continue
        c = chars[p] if p < n else None
        if c == ch:
            p, i, last_end = p + 1, i + 1, p + 1
            continue
        if c is None:
            return False, p, i, last_end
        if c.isspace() and (ch in ";:!?»)" or prev == "«" or (c in " \t" and ch in ".,")):
            while p < n and chars[p].isspace():
                p += 1
            continue
        if c == "-" and prev.isalpha() and ch.isalpha():
            q = p + 1
            while q < n and chars[q].isspace():
                q += 1
            if any(chars[x] in "\n\f" for x in range(p + 1, q)):
                p = q
                continue
        if c.isspace() and prev in "-–—/":
            q = p
            while q < n and chars[q].isspace():
                q += 1
            if any(chars[x] in "\n\f" for x in range(p, q)):
                p = q
                continue
        if ch == "-" and prev.isdigit():
            i += 1
            continue
        return False, p, i, last_end
    return True, p, i, last_end


def line_starts(txt, frm):
    out = []
    if frm == 0:
        out.append(0)
    for m in re.finditer(r"[\n\f]", txt[frm:]):
        out.append(frm + m.end())
    return out


DIGIT_LINE = re.compile(r"[ \t]*(\d+)\.?[ \t]*$")


def locate_note(txt, chars, idx, pos2c, s, frm, mask=None):
    """Find note text s (normalised plain) at a line start at/after txt offset frm: with its label on
    the same line, or with the label alone on the previous non-blank line, or (full match only, text of
    20+ characters) without a label.  Returns (label_span or None, digits or None, parts) or None."""
    label_re = re.compile(r"[ \t]*(\d+)\.?[ \t]*")
    lines = line_starts(txt, frm)
    for n_, ls in enumerate(lines):
        m = label_re.match(txt, ls)
        if m and m.end() < len(txt) and txt[m.end()] not in "\n\f":
            res = walk_note(txt, chars, idx, pos2c, s, m.end(), 0)
            if res and not (mask and any(mask[x] for a, b in res for x in range(m.start(1), b))):
                return (m.start(1), m.end(1)), m.group(1), res
        q = ls
        while q < len(txt) and txt[q] in " \t":
            q += 1
        if q >= len(txt) or txt[q] in "\n\f":
            continue
        # label alone on a previous non-blank line?
        lab = None
        j = n_ - 1
        while j >= 0:
            seg = txt[lines[j]:ls].split("\n")[0].split("\f")[0]
            if seg.strip():
                mm = DIGIT_LINE.match(seg)
                if mm and lines[j] >= frm:
                    lab = (lines[j] + mm.start(1), lines[j] + mm.end(1), mm.group(1))
                break
            j -= 1
        res = walk_note(txt, chars, idx, pos2c, s, q, 0 if lab else 2)
        if not res or (mask and any(mask[x] for a, b in res for x in range(a, b))):
            continue
        if lab:
            return (lab[0], lab[1]), lab[2], res
        e = res[-1][1]
        if len(s) >= 20 or txt[e:].lstrip(" \t")[:1] in ("\n", "\f", ""):
            return None, None, res
    return None


def walk_note(txt, chars, idx, pos2c, s, start, depth):
    ok, p, i, last_end = match_text(chars, pos2c[start], s)
    if ok:
        return [(start, idx[last_end - 1] + 1)]
    if depth >= 2 or i < 12:
        return None
    # partial: must stop at a line end, at a word boundary or after a hyphenated fragment
    end_c = last_end
    j = last_end
    if j < len(chars) and chars[j] == "-" and s[i - 1].isalpha() and s[i].isalpha():
        end_c = j = j + 1
    elif not (s[i - 1] == " "):
        return None
    k = j
    while k < len(chars) and chars[k] in " \t":
        k += 1
    if k < len(chars) and chars[k] not in "\n\f":
        return None
    end = idx[end_c - 1] + 1
    rest = s[i:].lstrip(" ")
    for ls in line_starts(txt, end):
        q = ls
        while q < len(txt) and txt[q] in " \t":
            q += 1
        if q >= len(txt) or txt[q] in "\n\f" or re.match(r"\d+\.?\s", txt[q:q + 6]):
            continue
        sub = walk_note(txt, chars, idx, pos2c, rest, q, depth + 1)
        if sub:
            return [(start, end)] + sub
    return None


def align(doc: Doc, txt: str):
    lang_notes = [nexp(plain(n)) for n in doc.notes]
    chars, idx = norm_chars(txt)
    pos2c = {}
    for ci, ti in enumerate(idx):
        pos2c.setdefault(ti, ci)
    notes = []
    frm = 0
    mask = [False] * len(txt)
    for k, s in enumerate(lang_notes):
        res = locate_note(txt, chars, idx, pos2c, s, frm)
        if res is None:   # two columns: notes of the right column may come first
            res = locate_note(txt, chars, idx, pos2c, s, 0, mask)
        if res is None:
            raise Fail(f"note {k + 1} not found: {s[:60]!r}")
        lab, digits, parts = res
        notes.append(dict(label=lab, digits=int(digits) if digits else None, parts=parts))
        frm = parts[0][1]
        for a, b in ([lab] if lab else []) + parts:
            for x in range(a, b):
                if mask[x]:
                    raise Fail(f"note {k + 1} overlaps another note")
        if lab:
            for x in range(lab[0], lab[1]):
                mask[x] = True
            if lab[1] <= parts[0][0]:
                for x in range(lab[0], parts[0][0]):
                    mask[x] = True
        for a, b in parts:
            for x in range(a, b):
                mask[x] = True
    # ---- running heads and page numbers
    hs = [nexp(h) for h in doc.head_strings()] if doc.cfg["header"] != "none" else []
    head_has_page = doc.cfg["header"] in ("title-page", "twoside", "page-center-top")
    hre = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in hs) or "(?!)"
    top_re = re.compile(r"^\s*(\d+)?\s*((?:" + hre + r")(?:\s*(?:" + hre + r"))?)?\s*(\d+)?\s*$")
    artefacts = []
    pstart = 0
    for page in txt.split("\f"):
        lines = []
        off = pstart
        for ln in page.split("\n"):
            a, b = off, off + len(ln)
            if ln.strip() and not all(mask[x] or txt[x].isspace() for x in range(a, b)):
                lines.append((a, b, ln))
            off = b + 1
        pstart += len(page) + 1
        used = set()
        digits_used = False
        for j, (a, b, ln) in enumerate(lines):
            m = top_re.match(nexp(ln))
            if m and m.group(2) and (bool(m.group(1)) + bool(m.group(3))) <= (1 if head_has_page else 0):
                used.add(j)   # a running head line anywhere on the page (raw mode puts it anywhere)
        for j, (a, b, ln) in enumerate(lines[:2]):
            m = top_re.match(nexp(ln))
            if not m:
                break
            has_head = bool(m.group(2))
            nd = bool(m.group(1)) + bool(m.group(3))
            if has_head and nd <= (1 if head_has_page else 0):
                used.add(j)
                digits_used |= nd > 0
            elif not has_head and nd == 1 and head_has_page and not digits_used and hs is not None:
                if doc.cfg["header"] == "none":
                    break
                used.add(j)
                digits_used = True
            else:
                break
        if lines and len(lines) - 1 not in used and re.fullmatch(r"\s*\d+\s*", lines[-1][2]):
            used.add(len(lines) - 1)
        for j in sorted(used):
            a, b, ln = lines[j]
            artefacts.append(dict(kind="page-number" if ln.strip().isdigit() else "running-header",
                                  start=a + len(ln) - len(ln.lstrip()), end=b - (len(ln) - len(ln.rstrip())),
                                  text=ln.strip()))
            for x in range(a, b):
                mask[x] = True
    # ---- body walk
    chars2, idx2 = norm_chars(txt, mask)
    p = 0
    markers = []
    buf = ""
    pieces = []
    for it in doc.stream:
        if isinstance(it, str):
            buf += it
        else:
            pieces.append(nexp(buf))
            pieces.append(it)
            buf = ""
    pieces.append(nexp(buf))
    pieces[0] = pieces[0].lstrip(" ")
    while p < len(chars2) and chars2[p].isspace():
        p += 1

    def skip_digit_line(p):
        """p at a mismatch: if it starts a line holding only digits, skip that line (stray note label or
        page number).  Returns the new position or None."""
        q = p
        while q < len(chars2) and chars2[q] in " \t":
            q += 1
        a = idx2[min(q, len(idx2) - 1)]
        if a < len(txt) and (a == 0 or txt[a - 1] in "\n\f" or txt[:a].rstrip(" \t").endswith(("\n", "\f"))):
            m = re.compile(r"[ \t]*\d+\.?[ \t]*(?=[\n\f]|$)").match(txt, a)
            if m:
                e = m.end()
                artefacts.append(dict(kind="stray-number", start=a, end=e, text=txt[a:e].strip()))
                for x in range(a, e):
                    mask[x] = True
                while q < len(chars2) and idx2[q] < e:
                    q += 1
                return q
        return None

    for it in pieces:
        if isinstance(it, str):
            s = re.sub(r" +", " ", it)
            while True:
                ok, p2, i, _ = match_text(chars2, p, s)
                if ok:
                    break
                # resume: retry the remainder after skipping a digit-only line at the mismatch
                q = skip_digit_line(p2)
                if q is None:
                    a = idx2[min(p2, len(idx2) - 1)]
                    raise Fail(f"body mismatch at txt {a}: expected {s[i:i + 40]!r} got {txt[a:a + 40]!r}")
                s, p2 = s[i:], q
                if s.startswith(" "):
                    s = s[1:]
                p = p2
            p = p2
        else:
            q = p
            while q < len(chars2) and chars2[q] in " \t":
                q += 1
            e = q
            while e < len(chars2) and chars2[e].isdigit():
                e += 1
            if e == q:
                a = idx2[min(q, len(idx2) - 1)]
                raise Fail(f"marker {it + 1} not found at txt {a}: {txt[max(0, a - 30):a + 20]!r}")
            markers.append(dict(k=it, start=idx2[q], end=idx2[e - 1] + 1, digits=int("".join(chars2[q:e]))))
            p = e
    while True:
        while p < len(chars2) and chars2[p].isspace():
            p += 1
        q = skip_digit_line(p) if p < len(chars2) else None
        if q is None:
            break
        p = q
    rest = "".join(chars2[p:])
    if rest.strip():
        raise Fail(f"unmatched trailing text: {rest.strip()[:80]!r}")
    if len(markers) != len(notes):
        raise Fail("marker/note count mismatch")
    # ---- numbering checks
    for k, (m, n) in enumerate(zip(markers, notes)):
        if n["digits"] is None:
            n["digits"] = m["digits"]
        if m["digits"] != n["digits"]:
            raise Fail(f"note {k + 1}: marker {m['digits']} vs label {n['digits']}")
    if doc.cfg["numbering"] == "throughout" or doc.cfg["cls"] == "book" and doc.cfg["numbering"] == "chapter":
        for k, m in enumerate(markers):
            if m["digits"] != k + 1:
                raise Fail(f"note {k + 1} displayed as {m['digits']}")
    for m in markers:
        for x in range(m["start"], m["end"]):
            mask[x] = True
    return markers, notes, artefacts, mask


def gold_of(doc: Doc, txt: str, markers, notes, artefacts, mask):
    # body: markers removed, note blocks / artefacts replaced by a line break
    mk = [False] * len(txt)
    for m in markers:
        for x in range(m["start"], m["end"]):
            mk[x] = True
    out, prev_masked = [], False
    for i, c in enumerate(txt):
        if mk[i]:
            continue
        if mask[i]:
            if not prev_masked:
                out.append("\n")
            prev_masked = True
            continue
        prev_masked = False
        out.append(c)
    body = re.sub(r"\n{3,}", "\n\n", "".join(out)).strip()
    gnotes = []
    for n in notes:
        gn = dict(number=n["digits"], text="\n".join(txt[a:b] for a, b in n["parts"]),
                  start=n["parts"][0][0], end=n["parts"][-1][1])
        if n["label"]:
            gn.update(label_start=n["label"][0], label_end=n["label"][1])
        gn.update(placement="page-bottom", parts=[[a, b] for a, b in n["parts"]])
        gnotes.append(gn)
    return {
        "id": doc.id, "source": "pdfbench/make.py (synthetic, LaTeX + pdftotext)",
        "degradation": "pdf-latex", "lang": doc.cfg["lang"], "config": doc.cfg,
        "markers": [dict(number=m["digits"], start=m["start"], end=m["end"]) for m in markers],
        "notes": gnotes, "markers_complete": True, "artefacts": artefacts, "body": body,
        "split_notes": sum(len(n["parts"]) > 1 for n in notes),
    }


# ---------------------------------------------------------------------------
def run(cmd, cwd, timeout=120):
    return subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout)


def build_one(did, seed, i, build_dir: Path, verbose=False):
    rng = random.Random(seed)
    cfg = make_cfg(i, rng)
    doc = Doc(did, rng, cfg)
    doc.date_str = doc.g.date()
    doc.build()
    # the date in the stream was generated before; fix the title block text to the real date
    doc.stream[0] = plain(f"{doc.title} {doc.author} {doc.date_str}")
    src = doc.latex()
    d = build_dir / did
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    (d / "doc.tex").write_text(src, encoding="utf-8")
    for _ in range(2):
        r = run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"], d)
        if r.returncode != 0:
            log = (d / "doc.log").read_text(errors="replace")
            err = [ln for ln in log.splitlines() if ln.startswith("!")][:2]
            raise Fail(f"pdflatex failed: {err}")
    opt = {"default": [], "layout": ["-layout"], "raw": ["-raw"]}[cfg["mode"]]
    r = run(["pdftotext", "-enc", "UTF-8", *opt, "doc.pdf", "doc.txt"], d)
    if r.returncode != 0:
        raise Fail("pdftotext failed")
    txt = (d / "doc.txt").read_text(encoding="utf-8")
    markers, notes, artefacts, mask = align(doc, txt)
    gold = gold_of(doc, txt, markers, notes, artefacts, mask)
    gold["seed"] = seed
    pages = txt.count("\f")
    return txt, gold, pages


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=24)
    ap.add_argument("--seed", type=int, default=7)
    # outside the checkout by default: the corpus is generated, never committed
    ap.add_argument("--out", default="/tmp/footnorm-typeset/set")
    ap.add_argument("--build", default="/tmp/footnorm-typeset/build")
    ap.add_argument("--tries", type=int, default=6)
    ap.add_argument("--only", type=int, default=None, help="build only document number ONLY (debug)")
    ap.add_argument("--keep", action="store_true", help="keep the build directories (tex, pdf)")
    a = ap.parse_args(argv)
    out, build = Path(a.out), Path(a.build)
    out.mkdir(parents=True, exist_ok=True)
    build.mkdir(parents=True, exist_ok=True)
    if a.only is None:
        for f in out.glob("*"):
            f.unlink()
    tot = dict(docs=0, notes=0, markers=0, split=0, pages=0, dropped=0)
    for i in range(a.n):
        if a.only is not None and i != a.only:
            continue
        for t in range(a.tries):
            seed = a.seed * 100003 + i * 101 + t
            rng = random.Random(seed)
            cfg = make_cfg(i, rng)
            did = f"pdf-{i:02d}-{cfg['lang']}-{cfg['cls'][:3]}{'-2col' if cfg['twocol'] else ''}-{cfg['mode']}"
            try:
                txt, gold, pages = build_one(did, seed, i, build)
            except (Fail, subprocess.TimeoutExpired) as e:
                tot["dropped"] += 1
                print(f"  drop {did} (seed {seed}): {e}", file=sys.stderr)
                continue
            (out / f"{did}.txt").write_text(txt, encoding="utf-8")
            (out / f"{did}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
            tot["docs"] += 1
            tot["notes"] += len(gold["notes"])
            tot["markers"] += len(gold["markers"])
            tot["split"] += gold["split_notes"]
            tot["pages"] += pages
            c = gold["config"]
            print(f"{did}: {pages}p {len(gold['notes'])} notes ({gold['split_notes']} split), {c['size']}pt "
                  f"{c['font']} numbering={c['numbering']} label={c['label']} header={c['header']}")
            if not a.keep:
                shutil.rmtree(build / did, ignore_errors=True)
            break
        else:
            print(f"  FAILED document {i} after {a.tries} tries", file=sys.stderr)
    print(f"summary: {tot['docs']} docs, {tot['pages']} pages, {tot['notes']} notes ({tot['split']} split over "
          f"pages), {tot['markers']} markers; {tot['dropped']} attempts dropped")


if __name__ == "__main__":
    main()
