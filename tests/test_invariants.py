"""Properties that hold for any input: lossless tiling, determinism, idempotence."""

from __future__ import annotations

import json
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import footnorm
from conftest import ROOT

PEER_DRAFTS = ROOT / "tests" / "peers" / "drafts"

# Text built from the pieces flattened drafts are made of, so that markers, labels and notes occur.
PIECES = st.sampled_from([
    "The war ended.", " ", "\n", "\n\n", "12", "3", "36 ", ".20 ", "June 15", "p. 42", "Ibid., 7.",
    "Smith, A Title (London: Press, 1999), 12.", "“Quoted,” 4", "; ", "Notes\n", "1. ", "[^2]", "[^2]: x",
    "\\footnote{a}", "¹", "(4)", "`s", "Bd. 2", "é", "\t", "See ", "Hopkins` offer", "-4 -\n", "[3] ", ".[1]",
])
DRAFTS = st.lists(PIECES, max_size=40).map("".join) | st.text(max_size=300)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DRAFTS)
def test_segments_tile_the_input(text):
    doc = footnorm.analyse(text)
    pos = 0
    for seg in doc.segments:
        assert seg.start == pos and seg.end > seg.start
        pos = seg.end
    assert pos == len(text)
    assert "".join(text[s.start:s.end] for s in doc.segments) == text
    # every marker, note and artefact is one of the segments (or inside a note segment)
    spans = {(s.start, s.end) for s in doc.segments}
    assert all((m.start, m.end) in spans for m in doc.markers)
    assert all(a.start < a.end for a in doc.artefacts)


@settings(max_examples=150, deadline=None)
@given(DRAFTS)
def test_offsets_and_positions_agree(text):
    doc = footnorm.analyse(text)
    for n in doc.notes:
        assert "\n".join(text[s:e] for s, e in n.parts) == n.text
        for c in n.citations:
            assert n.start <= c.start <= c.end <= n.parts[-1][1]
    for d in doc.diagnostics:
        line_start = text.rfind("\n", 0, d.start) + 1
        assert d.line == text.count("\n", 0, d.start) + 1
        assert d.column == d.start - line_start + 1


@settings(max_examples=150, deadline=None)
@given(DRAFTS)
def test_every_output_is_deterministic(text):
    a, b = footnorm.analyse(text), footnorm.analyse(text)
    for to in ("markdown", "latex", "plain", "json"):
        assert footnorm.render(a, to) == footnorm.render(b, to)
    assert footnorm.to_bibtex(a) == footnorm.to_bibtex(b)
    json.loads(footnorm.render(a, "json"))


def test_markdown_output_is_a_fixed_point(seed_text):
    once = footnorm.render(footnorm.analyse(seed_text), "markdown")
    twice = footnorm.render(footnorm.analyse(once), "markdown")
    assert twice == once


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DRAFTS)
def test_markdown_output_is_a_fixed_point_for_any_draft(text):
    once = footnorm.render(footnorm.analyse(text), "markdown")
    assert footnorm.render(footnorm.analyse(once), "markdown") == once


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DRAFTS)
def test_windows_line_ends_change_nothing_but_the_line_ends(text):
    # a draft saved on Windows is the same draft: same markers and notes, same outputs in its own line ends
    unix = text.replace("\r", "")
    windows = unix.replace("\n", "\r\n")
    a, b = footnorm.analyse(unix), footnorm.analyse(windows)
    assert "".join(windows[s.start:s.end] for s in b.segments) == windows
    assert [m.number for m in b.markers] == [m.number for m in a.markers]
    assert [(n.number, n.text.replace("\r\n", "\n")) for n in b.notes] == [(n.number, n.text) for n in a.notes]
    assert [(d.code, d.line, d.column) for d in b.diagnostics] == [(d.code, d.line, d.column) for d in a.diagnostics]
    for to in ("markdown", "latex", "plain"):  # (a draft of one line has no line ends to keep)
        assert footnorm.render(b, to) == footnorm.render(a, to).replace("\n", "\r\n" if "\n" in unix else "\n")
    assert footnorm.to_bibtex(b) == footnorm.to_bibtex(a)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DRAFTS, st.sampled_from(["\u00a0", "\u202f", "\u2009"]))
def test_unicode_spaces_read_as_spaces(text, space):
    # no-break and thin spaces (PDFs set them in "p. 42" and around markers) decide nothing
    plain = text.translate({0xa0: " ", 0x202f: " ", 0x2009: " "})
    fixed = plain.replace(" ", space)
    a, b = footnorm.analyse(plain), footnorm.analyse(fixed)
    assert "".join(fixed[s.start:s.end] for s in b.segments) == fixed
    assert [(s.kind, s.start, s.end) for s in b.segments] == [(s.kind, s.start, s.end) for s in a.segments]
    assert [(n.number, n.text) for n in b.notes] == [(n.number, n.text.replace(" ", space)) for n in a.notes]
    assert footnorm.to_bibtex(b) == footnorm.to_bibtex(a)


_SPLIT_AND_COMPARE = """
import sys, footnorm
from footnorm import citations
citations.PARALLEL_MIN = 2  # a few drafts' notes are enough to split
text = sys.stdin.read()
one, three = footnorm.analyse(text), footnorm.analyse(text, workers=3)
assert sum(len(n.citations) for n in one.notes) > 20
for to in ("markdown", "json"):
    assert footnorm.render(three, to) == footnorm.render(one, to), to
assert footnorm.to_bibtex(three) == footnorm.to_bibtex(one)
print("same")
"""


def test_notes_parsed_in_several_processes_give_the_same_document(seed_text):
    # in a process of its own: fork is refused while other threads run, as they may in pytest
    text = "\n\n".join([seed_text] + [p.read_text(encoding="utf-8") for p in sorted(PEER_DRAFTS.glob("*.txt"))])
    run = subprocess.run([sys.executable, "-c", _SPLIT_AND_COMPARE], input=text, capture_output=True,
                         text=True, encoding="utf-8")
    assert run.returncode == 0 and run.stdout.strip() == "same", run.stderr
