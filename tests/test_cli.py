"""The command line: exit codes, streams, bad input and atomic output."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEED
from draftkeys import BELLINI, GRANT
from footnorm.cli import app

runner = CliRunner()
DRAFT = ROOT / "tests" / "peers" / "drafts" / "page-bottom.txt"  # notes with prose and citation-only notes


def run(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input)


def test_clean_prints_markdown():
    r = run("clean", str(SEED))
    assert r.exit_code == 0
    assert r.stdout.startswith("The Prime Minister") and "[^20]" in r.stdout


@pytest.mark.parametrize("flavour, needles", [
    ("latex", ["\\footnote{\\cite[220]{", f"arrived.\\autocite[142]{{{GRANT}}}"]),
    ("plain", ["\nNotes\n", "\n5. Bellini"]),
    ("markdown", [f"arrived.[@{GRANT}, 142]", "walls.[^5]", "[^5]: [@bellini"]),
])
def test_clean_flavours(flavour, needles):
    r = run("clean", str(DRAFT), "--to", flavour)
    assert r.exit_code == 0
    assert [n for n in needles if n not in r.stdout] == []


def test_stdin_and_stdout_match_file_input():
    from_file = run("inspect", str(SEED), "--json")
    from_stdin = run("inspect", "-", "--json", input=SEED.read_bytes())
    assert from_file.exit_code == from_stdin.exit_code == 0
    assert from_file.stdout == from_stdin.stdout


def test_clean_writes_outputs_and_bibliography(tmp_path):
    out, bib, csl = tmp_path / "out.md", tmp_path / "refs.bib", tmp_path / "refs.json"
    r = run("clean", str(DRAFT), "-o", str(out), "--bib", str(bib), "--csl-json", str(csl))
    assert r.exit_code == 0 and r.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("The harbour at Valletta")
    assert f"@book{{{GRANT}," in bib.read_text(encoding="utf-8")
    assert {i["id"] for i in json.loads(csl.read_text(encoding="utf-8"))} == {
        GRANT, BELLINI}


def test_bib_command_round_trips_through_bibtexparser():
    import bibtexparser

    r = run("bib", str(DRAFT))
    assert r.exit_code == 0
    lib = bibtexparser.parse_string(r.stdout)
    assert len(lib.entries) == 2 and not lib.failed_blocks


def test_check_reports_problems_with_positions():
    r = run("check", str(SEED))
    assert r.exit_code == 1
    lines = r.stdout.splitlines()
    assert any(":1:1617: ambiguous-marker:" in line for line in lines)
    assert all(line.startswith(f"{SEED}:") for line in lines)


def test_check_clean_file_exits_zero(tmp_path):
    f = tmp_path / "clean.md"
    f.write_text("A sentence.[^1]\n\n[^1]: A note.\n", encoding="utf-8")
    r = run("check", str(f))
    assert (r.exit_code, r.stdout) == (0, "")


def test_parse_prints_one_item_per_line(tmp_path):
    f = tmp_path / "refs.txt"
    f.write_text("Hasegawa, Racing the Enemy, 142.\nIbid., 12.\n\n", encoding="utf-8")
    r = run("parse", str(f), "--json")
    assert r.exit_code == 0
    items = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(items) == 3
    assert items[0]["title"] == "Racing the Enemy" and items[0]["locator"] == "142"
    assert items[2] == {"citations": []}


def test_parse_reads_the_lines_as_notes_in_order(tmp_path):
    f = tmp_path / "notes.txt"
    f.write_text("Jane Roe, Treaties at Sea (London: Faber, 1990), 4.\nIbid., 12.\nId.\n"
                 "John Doe, \"Ships,\" Naval Review 3 (1988): 5-9, 7.\n\nIbid.\n", encoding="utf-8")
    items = [json.loads(line) for line in run("parse", str(f), "--json").stdout.splitlines()]
    assert [i.get("title") for i in items] == ["Treaties at Sea"] * 3 + ["Ships", None, None]
    assert [i.get("locator") for i in items[:3]] == ["4", "12", None]
    assert items[0]["id"] == items[1]["id"] == items[2]["id"] != items[3]["id"]
    assert items[1]["form"] == "ibid" and items[1]["publisher"] == "Faber"
    assert items[5]["form"] == "ibid"  # after a blank line: a new text, nothing before it


@pytest.mark.parametrize("make, expected", [
    pytest.param(lambda p: p / "missing.txt", "no such file", id="missing"),
    pytest.param(lambda p: p, "is a directory", id="directory"),
    pytest.param(lambda p: (p / "bin.txt", (p / "bin.txt").write_bytes(b"ab\x00cd"))[0], "binary file", id="binary"),
    pytest.param(lambda p: (p / "bad.txt", (p / "bad.txt").write_bytes(b"caf\xc3\xa9 \xff ok"))[0],
                 "invalid UTF-8 at byte offset 6", id="bad-utf8"),
])
@pytest.mark.parametrize("command", ["clean", "bib", "inspect", "check"])
def test_bad_input_is_one_line_and_exit_2(tmp_path, make, expected, command):
    path = make(tmp_path)
    r = run(command, str(path))
    assert r.exit_code == 2
    assert "Traceback" not in r.output
    err = r.stderr.strip().splitlines()
    assert len(err) == 1 and str(path) in err[0] and expected in err[0]


def test_failed_run_leaves_existing_output_untouched(tmp_path):
    out = tmp_path / "out.md"
    out.write_text("precious", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff")
    r = run("clean", str(bad), "-o", str(out))
    assert r.exit_code == 2
    assert out.read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt", "out.md"]


def test_output_into_missing_directory_is_an_error(tmp_path):
    r = run("clean", str(SEED), "-o", str(tmp_path / "nope" / "out.md"))
    assert r.exit_code == 2 and "does not exist" in r.stderr


def test_version():
    r = run("--version")
    assert r.exit_code == 0 and r.stdout.startswith("footnorm ")
