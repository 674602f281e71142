"""An existing bibliography is kept byte for byte; its keys are reused; only new works are appended."""

from __future__ import annotations

import json

import bibtexparser
import pytest
from typer.testing import CliRunner

from conftest import ROOT
from draftkeys import GRANT, LINDQVIST, VOGEL
from footnorm.cli import app
from footnorm.merge import fold, merge
from footnorm.model import Entry, Name, Reference

DRAFT_MD = ROOT / "tests" / "peers" / "drafts" / "draft.md"  # cites Vogel 2003 and Lindqvist 2010
runner = CliRunner()

# The author's own file: a comment, a @string, their field order, LaTeX escapes, odd spacing.
EXISTING = """% My bibliography -- hand-kept, do not reformat
@string{ seh = "Scandinavian Economic History Review" }

@Book{ vogel03,
  year      = 2003,
  title     = {Die L{\\"u}becker {Pfundzollb\\"ucher}},
  author    = {Vogel, Anna},
  publisher = {B{\\"o}hlau},
}

@article{lindqvist:tolls,
	author = {Peter Lindqvist},
	title = {Tolls and trust in the Baltic.},
	journal = seh,
	year = {2010},
	doi = {10.1080/03585522.2010.000000},
}
"""


def book(key: str, family: str, title: str, year: str = "", doi: str = "", incomplete: bool = False) -> Entry:
    return Entry(key, Reference(type="book", author=(Name(family, "A."),), title=title, issued=year, doi=doi),
                 incomplete)


@pytest.mark.parametrize("entry, expected", [
    pytest.param(book("vogel03", "Vogel", "Die Lübecker Pfundzollbücher"), "vogel03", id="same-key"),
    pytest.param(book("vogel03", "", ""), "vogel03", id="same-key-nothing-known"),
    pytest.param(book("VOGEL03", "vogel", "Die Lubecker"), "vogel03", id="key-ignoring-case"),
    pytest.param(book("x", "Other", "Other", doi="https://doi.org/10.1080/03585522.2010.000000"), "lindqvist:tolls",
                 id="doi-as-url"),
    pytest.param(book("x", "Vogel", "Die Lübecker Pfundzollbücher", "2003"), "vogel03", id="accents-vs-latex"),
    pytest.param(book("x", "LINDQVIST", "Tolls and Trust in the Baltic", "2010"), "lindqvist:tolls",
                 id="case-and-punctuation"),
    pytest.param(book("x", "Lindqvist", "Tolls and Trust", incomplete=True), "lindqvist:tolls",
                 id="short-title-of-incomplete-entry"),
    pytest.param(book("x", "Vogel", "Die Lübecker Pfundzollbücher", "1999"), "x", id="other-year-is-new"),
    pytest.param(book("x", "Grant", "Die Lübecker Pfundzollbücher", "2003"), "x", id="other-author-is-new"),
])
def test_matching(entry, expected):
    assert merge(EXISTING, (entry,)).keymap == {entry.key: expected}


def test_fold_ignores_case_accents_escapes_and_punctuation():
    assert fold('Die L{\\"u}becker {Pfundzollb\\"ucher}.') == fold("die lübecker Pfundzollbücher") == \
        "die lubecker pfundzollbucher"


def run(*args: str):
    return runner.invoke(app, list(args))


def test_existing_file_kept_byte_for_byte_and_keys_reused(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_bytes(EXISTING.encode("utf-8"))
    keymap, out = tmp_path / "keys.json", tmp_path / "out.md"
    r = run("clean", str(DRAFT_MD), "--bib", str(bib), "--keymap", str(keymap), "-o", str(out))
    assert r.exit_code == 0, r.output
    after = bib.read_bytes()
    assert after.startswith(EXISTING.encode("utf-8"))  # nothing of the author's changed
    assert after == EXISTING.encode("utf-8")  # both works were already there: nothing appended
    keys = json.loads(keymap.read_text(encoding="utf-8"))
    assert keys == {VOGEL: "vogel03", LINDQVIST: "lindqvist:tolls"}
    md = out.read_text(encoding="utf-8")
    assert "@vogel03, 17]" in md and "@{lindqvist:tolls}" not in md and "@lindqvist:tolls, 110" in md
    assert "vogelLubecker" not in md


def test_new_works_appended_once(tmp_path):
    bib = tmp_path / "refs.bib"
    mine = EXISTING.split("@article")[0].rstrip("\n")  # no trailing newline: the file as an editor may leave it
    bib.write_bytes(mine.encode("utf-8"))
    r = run("clean", str(DRAFT_MD), "--bib", str(bib), "-o", str(tmp_path / "out.md"))
    assert r.exit_code == 0, r.output
    once = bib.read_bytes()
    assert once.startswith(mine.encode("utf-8"))
    appended = once[len(mine.encode("utf-8")):].decode("utf-8")
    assert appended.startswith(f"\n\n@article{{{LINDQVIST},") and "vogel" not in appended
    lib = bibtexparser.parse_string(once.decode("utf-8"))
    assert lib.failed_blocks == [] and [e.key for e in lib.entries] == ["vogel03", LINDQVIST]
    r = run("clean", str(DRAFT_MD), "--bib", str(bib), "-o", str(tmp_path / "out.md"))
    assert r.exit_code == 0 and bib.read_bytes() == once  # the second run adds nothing


def test_crlf_and_unparsable_blocks_are_left_alone(tmp_path):
    bib = tmp_path / "refs.bib"
    broken = f"@book{{{VOGEL},\r\n  title = {{unclosed\r\n\r\n@comment{{x}}\r\n"
    bib.write_bytes(broken.encode("utf-8"))
    r = run("clean", str(DRAFT_MD), "--bib", str(bib), "-o", str(tmp_path / "out.md"))
    assert r.exit_code == 0, r.output
    data = bib.read_bytes().decode("utf-8")
    assert data.startswith(broken)
    appended = data[len(broken):]
    assert "\n" not in appended.replace("\r\n", "")  # the file's own line endings
    assert f"@book{{{VOGEL}," not in appended  # that key is taken, even if broken
    assert LINDQVIST in appended


def test_bib_command_appends_instead_of_overwriting(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_bytes(EXISTING.encode("utf-8"))
    r = run("bib", str(ROOT / "tests" / "peers" / "drafts" / "page-bottom.txt"), "-o", str(bib))
    assert r.exit_code == 0, r.output
    data = bib.read_bytes()
    assert data.startswith(EXISTING.encode("utf-8")) and f"@book{{{GRANT},".encode() in data


def test_non_utf8_bibliography_is_refused_untouched(tmp_path):
    bib = tmp_path / "refs.bib"
    bib.write_bytes(b"@book{a, title={Caf\xe9}}\n")
    r = run("clean", str(DRAFT_MD), "--bib", str(bib), "-o", str(tmp_path / "out.md"))
    assert r.exit_code == 2 and "invalid UTF-8 at byte offset" in r.stderr and str(bib) in r.stderr
    assert bib.read_bytes() == b"@book{a, title={Caf\xe9}}\n"
    assert not (tmp_path / "out.md").exists()


def test_same_key_for_a_different_work_gets_a_letter():
    other = book("vogel03", "Vogel", "Hansische Seestädte", "2003")  # same key, a different book
    m = merge(EXISTING, (other,))
    assert m.keymap == {"vogel03": "vogel03a"} and m.new_keys == ("vogel03a",)
    assert "@book{vogel03a," in m.appended
    again = merge(EXISTING + m.appended, (other,))
    assert again.keymap == {"vogel03": "vogel03a"} and again.appended == ""  # found again by title, not re-added


@pytest.mark.parametrize("flags, expect_classic", [((), True), (("--biblatex",), False), (("--bibtex",), True)])
def test_new_entries_follow_the_files_dialect(tmp_path, flags, expect_classic):
    bib = tmp_path / "refs.bib"
    bib.write_text("@book{x,\n  author = {A, B},\n  title = {T},\n  year = {1999},\n  address = {Oxford},\n}\n",
                   encoding="utf-8")
    r = run("clean", str(DRAFT_MD), "--bib", str(bib), *flags, "-o", str(tmp_path / "out.md"))
    assert r.exit_code == 0, r.output
    appended = bib.read_text(encoding="utf-8").split("}\n", 1)[1]
    assert ("year = {2010}" in appended) is expect_classic
    assert ("date = {2010}" in appended) is not expect_classic
