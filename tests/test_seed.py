"""The seed document end to end, against its hand annotation and the golden outputs."""

from __future__ import annotations

import json

import bibtexparser
import pytest

import footnorm
from conftest import GOLDEN, golden

ANNOTATION = json.loads((GOLDEN / "potsdam-flattened-notes.annotation.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def doc(seed_text):
    return footnorm.analyse(seed_text, "seed.txt")


def test_markers_at_annotated_offsets(doc):
    found = [(m.number, m.start, m.end) for m in doc.markers]
    assert found == [(m["number"], m["start"], m["end"]) for m in ANNOTATION["markers"]]


@pytest.mark.parametrize("phrase, digits", [("June 15.", "15"), ("July 2.", "2"), ("July 21,", "21"), ("Bd. 2", "2")])
def test_dates_and_volumes_stay_in_the_body(doc, seed_text, phrase, digits):
    at = seed_text.index(phrase) + phrase.index(digits)
    assert not any(m.start <= at < m.end for m in doc.markers)
    if phrase != "Bd. 2":
        assert any(s.kind == "body" and s.start <= at < s.end for s in doc.segments)


def test_12A_is_reported_not_decided(doc, seed_text):
    at = seed_text.index("12A")
    assert [d.code for d in doc.diagnostics if d.start == at] == ["ambiguous-marker"]
    d = next(d for d in doc.diagnostics if d.start == at)
    assert (d.line, d.column) == (1, at + 1)
    assert not any(m.start <= at < m.end for m in doc.markers)


def test_flowed_note_36_is_taken_out(doc):
    (note,) = doc.notes
    expected = ANNOTATION["notes"][0]
    # the annotation's span starts at the note's number; footnorm keeps that label as its own span
    assert (note.number, note.text, note.label_start, note.end) == (36, expected["text"], expected["start"], expected["end"])
    assert note.start == note.label_start + len("36 ")
    assert note.placement == "inline"
    assert note.text not in doc.body


def test_note_36_citations(doc):
    (note,) = doc.notes
    cites = note.citations
    assert [c.form for c in cites] == ["short", "short", "short"]
    assert [c.prefix for c in cites] == ["", "See", ""]
    assert [c.locator for c in cites] == ["1587-1588", "142", "213"]
    assert cites[0].reference.title == "FRUS: Potsdam" and cites[0].reference.volume == "2"
    assert [a.family for a in cites[1].reference.author] == ["Hasegawa"]
    assert cites[1].reference.title == "Racing the Enemy"
    assert cites[2].reference.title == "Soviet Factor in Ending the Pacific War"
    assert cites[2].reference.title_style == "quoted"
    assert len({c.key for c in cites}) == 3
    assert len(doc.entries) == 3 and all(e.incomplete for e in doc.entries)
    assert {e.key for e in doc.entries} == {c.key for c in cites}


def test_keys_are_stable_and_readable(doc):
    assert sorted(e.key for e in doc.entries) == ["frusPotsdam", "hasegawaRacingEnemy", "hasegawaSovietFactorEnding"]


def test_backticks_become_apostrophes_and_nothing_else_changes(doc, seed_text):
    md = footnorm.render(doc, "markdown")
    assert "`" not in md
    plain = footnorm.render(doc, "plain")
    body = plain.split("\n\nNotes\n\n")[0]
    # Undo exactly the changes footnorm is allowed to make: apostrophes, markers, note 36.
    note = doc.notes[0]
    original = seed_text[:note.label_start] + seed_text[note.end:]
    for m in sorted(doc.markers, key=lambda m: -m.start):
        original = original[:m.start] + original[m.end:]
    assert body.split() == original.replace("`", "’").split()


def test_golden_outputs(doc):
    golden("potsdam-flattened-notes.md", footnorm.render(doc, "markdown"))
    golden("potsdam-flattened-notes.inspect.json", footnorm.render(doc, "json"))
    golden("potsdam-flattened-notes.bib", footnorm.to_bibtex(doc))


def test_bibliography_reads_back_without_failed_blocks(doc):
    lib = bibtexparser.parse_string(footnorm.to_bibtex(doc))
    assert not lib.failed_blocks
    assert sorted(e.key for e in lib.entries) == sorted(e.key for e in doc.entries)
    for entry in lib.entries:
        assert "footnorm-incomplete" in entry.fields_dict["keywords"].value


def test_json_contract_shape(doc):
    report = json.loads(footnorm.render(doc, "json"))
    assert set(report) >= {"markers", "notes", "artefacts", "segments", "body", "entries", "diagnostics"}
    assert set(report["markers"][0]) >= {"number", "start", "end", "line", "column"}
    note = report["notes"][0]
    assert set(note) >= {"number", "text", "start", "end", "placement", "citations"}
    assert set(note["citations"][0]) >= {"id", "locator", "label", "prefix", "form", "start", "end"}
    assert all(set(d) >= {"code", "severity", "message", "line", "column"} for d in report["diagnostics"])
    assert all(e["id"] for e in report["entries"])


def test_commentary_without_author_pinpoint_or_facts_is_not_a_citation():
    from footnorm.citations import is_commentary
    from footnorm.model import Citation, Name, Reference

    prose = Citation(0, 10, "x", "short", Reference(title="The same case is discussed there"))
    assert is_commentary(prose)
    assert not is_commentary(Citation(0, 10, "x", "short", Reference(title="FRUS: Potsdam"), locator="12"))
    assert not is_commentary(Citation(0, 10, "x", "short", Reference(author=(Name("Morrison"),))))
