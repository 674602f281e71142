"""The renderers and the BibLaTeX writer, without external tools (tests/test_peers.py runs the tools)."""

from __future__ import annotations

import pytest

import footnorm
from conftest import ROOT, SEED
from draftkeys import BELLINI, GRANT
from footnorm.bibtex import UNKNOWN_DATE, biblatex_entry, isbn_ok
from footnorm.formats.latex import postnote
from footnorm.formats.markdown import cite_item, key_ref
from footnorm.model import Citation, Name, Reference

DRAFTS = sorted((ROOT / "tests" / "peers" / "drafts").iterdir())


def cite(key="k", prefix="", locator="", label="") -> Citation:
    return Citation(0, 1, "x", "full", Reference(), prefix=prefix, locator=locator, label=label, key=key)


@pytest.mark.parametrize("key, expected", [
    ("hasegawa2008", "@hasegawa2008"),
    ("lindqvist:tolls", "@lindqvist:tolls"),
    ("grant:knights.", "@{grant:knights.}"),  # may not end in punctuation
    ("doe 2001", "@{doe 2001}"),
])
def test_key_ref(key, expected):
    assert key_ref(key) == expected


@pytest.mark.parametrize("c, at_marker, expected", [
    pytest.param(cite(prefix="See", locator="142"), True, "see @k, 142", id="signal-lowercased-at-marker"),
    pytest.param(cite(prefix="See", locator="142"), False, "See @k, 142", id="signal-kept-in-prose-note"),
    pytest.param(cite(prefix="FRUS", locator="3"), True, "FRUS @k, 3", id="acronym-kept"),
    pytest.param(cite(locator="4", label="chapter"), False, "@k, chap. 4", id="chapter"),
    pytest.param(cite(locator="12", label="note"), False, "@k, n. 12", id="note"),
    pytest.param(cite(locator="1587-1588", label="page"), False, "@k, 1587-1588", id="page-range"),
    pytest.param(cite(locator="xii", label="page"), False, "@k, xii", id="roman-page"),
    pytest.param(cite(locator="142n3"), False, "@k, p. 142n3", id="odd-page-gets-label"),
    pytest.param(cite(prefix="cf. [sic]", locator="5"), True, "cf. \\[sic\\] @k, 5", id="brackets-escaped"),
])
def test_cite_item(c, at_marker, expected):
    assert cite_item(c, at_marker) == expected


def test_latex_postnote_labels():
    assert postnote(cite(locator="142", label="page")) == "142"
    assert postnote(cite(locator="4", label="chapter")) == "chap.~4"
    assert postnote(cite(locator="50%")) == "50\\%"


@pytest.mark.parametrize("path", [SEED, *DRAFTS], ids=lambda p: p.name)
def test_markdown_output_is_a_fixed_point(path):
    once = footnorm.render(footnorm.analyse(path.read_text(encoding="utf-8")), "markdown")
    assert footnorm.render(footnorm.analyse(once), "markdown") == once


def test_citation_only_notes_move_to_the_marker_and_prose_notes_stay():
    md = footnorm.render(footnorm.analyse((ROOT / "tests/peers/drafts/page-bottom.txt").read_text(encoding="utf-8")),
                         "markdown")
    assert f"arrived.[@{GRANT}, 142] Its walls" in md
    assert f"archive.[cf. @{GRANT}, 301; @{BELLINI}, 229]" in md
    assert "walls.[^5] Neither" in md
    defs = [line for line in md.splitlines() if line.startswith("[^")]
    assert defs == [f"[^5]: [@{BELLINI}, 220]. The port books are incomplete for "
                    "1571–1574, a gap he does not discuss."]


@pytest.mark.parametrize("ref, incomplete, expected_type, expected", [
    pytest.param(Reference(type="book", title="FRUS: Potsdam", volume="2"), True, "misc",
                 {"title": "FRUS: Potsdam", "date": UNKNOWN_DATE, "addendum": "vol. 2",
                  "keywords": "footnorm-incomplete"}, id="incomplete-is-misc"),
    pytest.param(Reference(type="book", author=(Name("Grant", "E."),), title="Knights", issued="1998",
                           publisher="OUP"), False, "book",
                 {"author": "Grant, E.", "title": "Knights", "publisher": "OUP", "date": "1998"}, id="complete-book"),
    pytest.param(Reference(type="book", title="Anonymous Chronicle", issued="1890"), False, "misc",
                 {"title": "Anonymous Chronicle", "date": "1890"}, id="book-without-author"),
    pytest.param(Reference(type="chapter", author=(Name("Byrne", "H."),), title="Radio", container_title="Lives",
                           issued="2014"), False, "inbook",
                 {"author": "Byrne, H.", "title": "Radio", "booktitle": "Lives", "date": "2014"}, id="chapter-no-editor"),
    pytest.param(Reference(type="article-journal", author=(Name("Roe", "R."),), title="T", container_title="J",
                           issued="c. 1920"), False, "article",
                 {"author": "Roe, R.", "title": "T", "journaltitle": "J", "date": "1920", "addendum": "c. 1920"},
                 id="circa-date"),
    pytest.param(Reference(type="legal_case", title="Brown v. Board", volume="347", container_title="U.S.",
                           page="483", issued="1954"), False, "misc",
                 {"title": "Brown v. Board", "howpublished": "U.S.", "date": "1954",
                  "addendum": "vol. 347; pp. 483"}, id="legal-case"),
])
def test_biblatex_entry_meets_the_data_model(ref, incomplete, expected_type, expected):
    bib_type, fields = biblatex_entry(ref, incomplete)
    assert (bib_type, dict(fields)) == (expected_type, expected)


@pytest.mark.parametrize("isbn, ok", [("978-0-19-953556-9", True), ("0-19-953556-3", False), ("0306406152", True),
                                      ("123", False), ("080442957X", True)])
def test_isbn_checksum(isbn, ok):
    assert isbn_ok(isbn) is ok


def test_classic_bibtex_year_is_the_year():
    from footnorm.bibtex import fields_of

    fields = dict(fields_of(Reference(type="book", title="T", issued="c. 1920"), biblatex=False, incomplete=False))
    assert fields["year"] == "1920"


def test_latex_marks_without_notes():
    doc = footnorm.analyse("One.[^1] Two.[^intro]\n")
    latex = footnorm.render(doc, "latex")
    assert "\\footnotemark[1]" in latex and "\\textsuperscript{intro}" in latex


def test_space_before_a_marker_at_the_start_is_kept():
    """An empty piece before a marker is not punctuation ("" is in every string): ' [^12]' stays."""
    once = footnorm.render(footnorm.analyse(" 12 .20 "), "markdown")
    assert footnorm.render(footnorm.analyse(once), "markdown") == once
