"""The CLI in pipelines: restore, many files, --in-place, --diff, check formats, settings, verbosity."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import footnorm
from conftest import ROOT, SEED
from draftkeys import BYRNE, GRANT, RIADA
from footnorm.cli import app
from footnorm.roundtrip import restore

DRAFTS = ROOT / "tests" / "peers" / "drafts"
PAGE_BOTTOM = DRAFTS / "page-bottom.txt"
runner = CliRunner()


def run(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input)


# --- restore: the input back from the report --------------------------------------------------


@pytest.mark.parametrize("path", [SEED, *sorted(DRAFTS.iterdir())], ids=lambda p: p.name)
def test_restore_gives_the_input_back_byte_for_byte(tmp_path, path):
    report = tmp_path / "report.json"
    assert run("inspect", str(path), "--json", "-o", str(report)).exit_code == 0
    r = run("restore", str(report), "-o", str(tmp_path / "back"))
    assert r.exit_code == 0, r.output
    assert (tmp_path / "back").read_bytes() == path.read_bytes()


PIECES = st.sampled_from(["The war ended.", " ", "\n", "\r\n", "12", ".20 ", "p. 42", "Ibid., 7.", "[^2]", "[^2]: x",
                          "Smith, A Title (London: Press, 1999), 12.", "\ufeff", "é", "\t", "¹", "Notes\n", "1 "])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, max_size=30).map("".join) | st.text(max_size=200))
def test_restore_round_trips_any_text(text):
    report = json.loads(footnorm.render(footnorm.analyse(text), "json"))
    assert restore(report) == text


def test_restore_from_stdin_through_a_pipe():
    report = run("inspect", str(SEED), "--json").stdout
    r = run("restore", "-", input=report.encode("utf-8"))
    assert r.exit_code == 0 and r.stdout == SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize("content, expected", [
    pytest.param("{not json", "not JSON", id="not-json"),
    pytest.param('{"markers": []}', "not a footnorm report", id="no-segments"),
    pytest.param('{"segments": [{"kind": "body", "start": 0, "end": 3}]}', "has no text", id="old-report"),
    pytest.param('{"segments": [{"kind": "body", "start": 1, "end": 2, "text": "a"}]}', "does not continue",
                 id="gap"),
    pytest.param('{"segments": [{"kind": "body", "start": 0, "end": 1, "text": "a"}], "input_sha256": "00"}',
                 "does not match", id="tampered"),
])
def test_restore_refuses_bad_reports_in_one_line(tmp_path, content, expected):
    f = tmp_path / "r.json"
    f.write_text(content, encoding="utf-8")
    r = run("restore", str(f))
    assert r.exit_code == 2 and "Traceback" not in r.output
    (line,) = r.stderr.strip().splitlines()
    assert str(f) in line and expected in line


# --- many files, --in-place, --diff -------------------------------------------------------------


def test_many_files_into_a_folder(tmp_path):
    out = tmp_path / "out"
    r = run("clean", str(PAGE_BOTTOM), str(DRAFTS / "endnotes.txt"), "--to", "latex", "-o", f"{out}/",
            "--bib", str(tmp_path / "book.bib"))
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == ["endnotes.tex", "page-bottom.tex"]
    assert "\\autocite" in (out / "page-bottom.tex").read_text(encoding="utf-8")
    bib = (tmp_path / "book.bib").read_text(encoding="utf-8")
    assert GRANT in bib and BYRNE in bib


def test_many_files_need_somewhere_to_go():
    r = run("clean", str(PAGE_BOTTOM), str(SEED))
    assert r.exit_code == 2 and "-o FOLDER" in r.stderr


def test_one_bad_file_writes_nothing(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok \xff")
    out = tmp_path / "out"
    r = run("clean", str(PAGE_BOTTOM), str(bad), "-o", str(out), "--bib", str(tmp_path / "refs.bib"))
    assert r.exit_code == 2 and "bad.txt: invalid UTF-8 at byte offset 3" in r.stderr
    assert not out.exists() and not (tmp_path / "refs.bib").exists()  # not even the folder


def test_in_place_keeps_a_backup(tmp_path):
    f = tmp_path / "draft.txt"
    f.write_bytes(PAGE_BOTTOM.read_bytes())
    r = run("clean", "--in-place", str(f))
    assert r.exit_code == 0 and r.stdout == ""
    assert (tmp_path / "draft.txt.bak").read_bytes() == PAGE_BOTTOM.read_bytes()
    assert f.read_text(encoding="utf-8").startswith("The harbour at Valletta had been fortified long before the "
                                                    f"knights arrived.[@{GRANT}, 142]")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt", "draft.txt.bak"]  # no temp files left


def test_in_place_refuses_stdin():
    r = run("clean", "--in-place", "-", input="x")
    assert r.exit_code == 2 and "standard input" in r.stderr


def test_diff_prints_instead_of_writing(tmp_path):
    f = tmp_path / "draft.txt"
    f.write_bytes(PAGE_BOTTOM.read_bytes())
    r = run("clean", "--in-place", "--diff", str(f), "--bib", str(tmp_path / "refs.bib"))
    assert r.exit_code == 0
    assert f"--- a/{f}" in r.stdout and f"+++ b/{tmp_path / 'refs.bib'}" in r.stdout
    assert "-The harbour at Valletta had been fortified long before the knights arrived.1 Its walls were" in r.stdout
    assert f.read_bytes() == PAGE_BOTTOM.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt"]


def test_diff_of_stdout_output_compares_with_the_input():
    r = run("clean", "--diff", str(PAGE_BOTTOM))
    assert r.exit_code == 0 and r.stdout.startswith(f"--- a/{PAGE_BOTTOM}\n+++ b/{PAGE_BOTTOM}\n")


# --- check ------------------------------------------------------------------------------------------


@pytest.fixture
def problem_file(tmp_path):
    f = tmp_path / "p.md"
    f.write_text("A sentence.[^1] Another.[^2]\n\n[^1]: A note.\n", encoding="utf-8")
    return f


def test_check_text_json_and_github(problem_file):
    text = run("check", str(problem_file))
    assert text.exit_code == 1
    (line,) = text.stdout.splitlines()
    assert line.startswith(f"{problem_file}:1:") and ": marker-without-note: marker 2" in line
    js = run("check", "--format", "json", str(problem_file))
    (record,) = json.loads(js.stdout)
    assert js.exit_code == 1 and record["code"] == "marker-without-note" and record["line"] == 1
    gh = run("check", "--format", "github", str(problem_file))
    assert gh.exit_code == 1
    assert gh.stdout == (f"::warning file={problem_file},line=1,col={record['column']}::"
                         f"marker-without-note: marker 2 has no note text\n")


def test_check_mixed_good_and_unreadable_files_exit_2(tmp_path, problem_file):
    good = tmp_path / "good.md"
    good.write_text("Fine.[^1]\n\n[^1]: Yes.\n", encoding="utf-8")
    r = run("check", str(good), str(tmp_path / "missing.md"), str(problem_file))
    assert r.exit_code == 2
    assert "missing.md: no such file" in r.stderr and "marker-without-note" in r.stdout


def test_check_strict_counts_info(tmp_path):
    f = tmp_path / "short.txt"
    f.write_text("Text.1\n\n1 Hasegawa, Racing the Enemy, 142.\n", encoding="utf-8")
    doc = footnorm.analyse(f.read_text(encoding="utf-8"))
    if not any(d.severity == "info" for d in doc.diagnostics) or any(d.severity != "info" for d in doc.diagnostics):
        pytest.skip("the parser no longer gives only info diagnostics for this note")
    assert run("check", str(f)).exit_code == 0
    assert run("check", "--strict", str(f)).exit_code == 1


def test_quiet_check_prints_nothing_but_keeps_the_exit_code(problem_file):
    r = run("--quiet", "check", str(problem_file))
    assert (r.exit_code, r.stdout) == (1, "")


# --- settings -----------------------------------------------------------------------------------


def test_footnorm_toml_beside_the_manuscript(tmp_path):
    (tmp_path / "draft.txt").write_bytes(PAGE_BOTTOM.read_bytes())
    (tmp_path / "footnorm.toml").write_text('to = "latex"\nbib = "refs.bib"\n', encoding="utf-8")
    r = run("clean", str(tmp_path / "draft.txt"))
    assert r.exit_code == 0 and f"\\autocite[142]{{{GRANT}}}" in r.stdout
    assert GRANT in (tmp_path / "refs.bib").read_text(encoding="utf-8")
    r = run("clean", str(tmp_path / "draft.txt"), "--to", "plain")  # flags win
    assert r.exit_code == 0 and "\\autocite" not in r.stdout and "\nNotes\n" in r.stdout


def test_pyproject_tool_table_in_a_parent_folder(tmp_path, problem_file):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "book"\n\n[tool.footnorm]\nformat = "github"\n',
                                             encoding="utf-8")
    chapter = tmp_path / "chapters"
    chapter.mkdir()
    (chapter / "one.md").write_bytes(problem_file.read_bytes())
    r = run("check", str(chapter / "one.md"))
    assert r.exit_code == 1 and r.stdout.startswith("::warning file=")


@pytest.mark.parametrize("content, expected", [
    pytest.param('to = "html"\n', "setting 'to' must be one of", id="bad-flavour"),
    pytest.param('flavour = "latex"\n', "unknown setting 'flavour'", id="unknown"),
    pytest.param("to = [\n", "not valid TOML", id="bad-toml"),
    pytest.param('abbreviations = "missing.txt"\n', "does not exist", id="missing-abbreviations"),
])
def test_bad_settings_are_one_line_errors(tmp_path, content, expected):
    (tmp_path / "draft.txt").write_text("Text.\n", encoding="utf-8")
    (tmp_path / "footnorm.toml").write_text(content, encoding="utf-8")
    r = run("clean", str(tmp_path / "draft.txt"))
    assert r.exit_code == 2 and "Traceback" not in r.output
    (line,) = r.stderr.strip().splitlines()
    assert "footnorm.toml" in line and expected in line


# --- help, version, completion, progress ------------------------------------------------------


@pytest.mark.parametrize("command", ["clean", "check", "bib", "inspect", "restore", "parse"])
def test_help_has_examples(command):
    r = run(command, "--help")
    assert r.exit_code == 0 and "Example" in r.stdout and f"footnorm {command}" in r.stdout


def test_completion_is_offered():
    r = run("--help")
    assert r.exit_code == 0 and "--install-completion" in r.stdout


def test_no_progress_bar_in_a_pipe(tmp_path):
    """Run as a real process with stderr a pipe: nothing on stderr but the verbose lines asked for."""
    r = subprocess.run([sys.executable, "-m", "footnorm.cli", "clean", str(PAGE_BOTTOM), str(SEED),
                        "-o", str(tmp_path)], capture_output=True, text=True, timeout=60,
                       env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "src")})
    assert r.returncode == 0, r.stderr
    assert r.stderr == "" and r.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page-bottom.md", "potsdam-flattened-notes.md"]


def test_progress_bar_on_a_terminal(tmp_path):
    """With stderr a terminal, several files get a rich progress bar there (and stdout stays clean)."""
    import os
    import pty

    leader, follower = pty.openpty()
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "src"), "TERM": "xterm", "COLUMNS": "80"}
    proc = subprocess.Popen([sys.executable, "-m", "footnorm", "clean", str(PAGE_BOTTOM), str(SEED),
                             "-o", str(tmp_path)], stdout=subprocess.PIPE, stderr=follower, env=env)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    out, _ = proc.communicate(timeout=60)
    os.close(leader)
    assert proc.returncode == 0 and out == b""
    assert b"footnorm" in seen and b"\x1b[" in seen  # the bar, drawn with terminal escapes


# --- key patterns ---------------------------------------------------------------------------------


def test_key_pattern_names_new_works_and_the_keymap_records_it(tmp_path):
    keymap = tmp_path / "keys.tsv"
    r = run("clean", str(DRAFTS / "endnotes.txt"), "--key-pattern", "{auth}{year}", "--keymap", str(keymap),
            "--bib", str(tmp_path / "refs.bib"))
    assert r.exit_code == 0, r.output
    assert "[@byrne2014, 270]" in r.stdout and "@riada2011" in r.stdout
    assert keymap.read_text(encoding="utf-8") == (f"{BYRNE}\tbyrne2014\n"
                                                  f"{RIADA}\triada2011\n")
    assert "@article{byrne2014," in (tmp_path / "refs.bib").read_text(encoding="utf-8")


def test_key_pattern_clashes_get_letters(tmp_path):
    r = run("bib", str(PAGE_BOTTOM), "--key-pattern", "{year}x")
    assert r.exit_code == 0
    assert "@article{2008x," in r.stdout and "@book{1998x," in r.stdout
    r = run("bib", str(PAGE_BOTTOM), "--key-pattern", "k")
    assert "{ka," in r.stdout and "{kb," in r.stdout


@pytest.mark.parametrize("pattern, expected", [("{foo}", "unknown field {foo}"), ("{auth} {year}", "spaces"),
                                               ("{auth", "key pattern")])
def test_bad_key_patterns(pattern, expected):
    r = run("bib", str(PAGE_BOTTOM), "--key-pattern", pattern)
    assert r.exit_code == 2 and expected in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_key_pattern_from_settings(tmp_path):
    (tmp_path / "draft.txt").write_bytes(PAGE_BOTTOM.read_bytes())
    (tmp_path / "footnorm.toml").write_text('key-pattern = "{Auth}:{title}"\n', encoding="utf-8")
    r = run("clean", str(tmp_path / "draft.txt"))
    assert r.exit_code == 0 and "[@Grant:knights, 142]" in r.stdout


def test_pre_commit_hooks_run_check_on_the_staged_files(tmp_path, problem_file):
    """pre-commit runs each hook's entry with the staged files appended."""
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entries = [line.split("entry:", 1)[1].split() for line in hooks.splitlines() if line.strip().startswith("entry:")]
    assert entries and all(e[:2] == ["footnorm", "check"] for e in entries)
    good = tmp_path / "good.md"
    good.write_text("Fine.[^1]\n\n[^1]: Yes.\n", encoding="utf-8")
    for entry in entries:
        assert run(*entry[1:], str(good)).exit_code == 0
        assert run(*entry[1:], str(good), str(problem_file)).exit_code == 1


def test_help_keeps_its_square_brackets():
    """Rich markup would swallow [@key, 142] and [default: …] if they were not escaped."""
    assert "[@key, 142]" in run("clean", "--help").stdout
    assert "[tool.footnorm]" in run("--help").stdout


# --- abbreviations (the table itself is footnorm.abbreviations, issue 4) --------------------------


def test_abbreviations_table_reaches_the_analysis(tmp_path, monkeypatch):
    table = tmp_path / "abbr.txt"
    table.write_text("FRUS = Foreign Relations of the United States\n", encoding="utf-8")
    seen = []
    real = footnorm.analyse

    def spy(text, name="<string>", abbreviations=None, **options):
        seen.append(abbreviations)
        return real(text, name, abbreviations=abbreviations, **options)

    monkeypatch.setattr(footnorm, "analyse", spy)
    for command in (["clean"], ["bib"], ["inspect", "--json"], ["check"]):
        run(*command, str(PAGE_BOTTOM), "--abbreviations", str(table))
    assert len(seen) == 4 and all(s and "FRUS" in s for s in seen)
    seen.clear()
    (tmp_path / "draft.txt").write_bytes(PAGE_BOTTOM.read_bytes())
    (tmp_path / "footnorm.toml").write_text('abbreviations = "abbr.txt"\n', encoding="utf-8")
    assert run("clean", str(tmp_path / "draft.txt")).exit_code == 0
    assert seen and "FRUS" in seen[0]


def test_bad_abbreviations_table_is_a_one_line_error(tmp_path):
    table = tmp_path / "abbr.txt"
    table.write_text("FRUS Foreign Relations\n", encoding="utf-8")
    r = run("clean", str(PAGE_BOTTOM), "--abbreviations", str(table))
    assert r.exit_code == 2 and "Traceback" not in r.output
    (line,) = r.stderr.strip().splitlines()
    assert f"{table}:1:1" in line


def test_settings_are_not_looked_for_above_the_project_root(tmp_path):
    (tmp_path / "footnorm.toml").write_text('to = "latex"\n', encoding="utf-8")
    project = tmp_path / "book"
    (project / ".git").mkdir(parents=True)
    (project / "draft.txt").write_bytes(PAGE_BOTTOM.read_bytes())
    r = run("clean", str(project / "draft.txt"))
    assert r.exit_code == 0 and "\\autocite" not in r.stdout
