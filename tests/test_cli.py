"""The command line: JSON output, and clean errors with a non-zero exit for bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT, model_installed


def run(*args, stdin: bytes | None = None):
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], input=stdin,
                          capture_output=True, cwd=ROOT, timeout=300, env=env)


@pytest.mark.model
def test_extract_prints_the_fixed_schema_as_json():
    if not model_installed():
        pytest.skip("model not installed")
    out = run("extract", str(FIXTURES / "visit.txt"), "--published", "2025-03-06")
    assert out.returncode == 0, out.stderr.decode()
    data = json.loads(out.stdout)
    assert set(data) == {"doc", "events", "claims"}
    event = data["events"][0]
    for key in ("id", "sentence", "source", "target", "cameo", "plover", "mode", "quad", "intensity",
                "status", "date", "date_text", "location", "said_by", "evidence", "rule", "confidence"):
        assert key in event


@pytest.mark.model
def test_extract_reads_standard_input_and_prints_a_table():
    if not model_installed():
        pytest.skip("model not installed")
    out = run("extract", "-", "--format", "table", stdin=(FIXTURES / "visit.txt").read_bytes())
    assert out.returncode == 0, out.stderr.decode()
    assert "Events" in out.stdout.decode()


@pytest.mark.parametrize("content,problem", [
    (b"", "is empty"),
    (b"\x00\x01\x02binary", "binary"),
    ("Caf\xe9 au lait et croissant pour le ministre.".encode("latin-1"), "not valid UTF-8"),
    ("Die Regierung hat am Montag neue Gespräche mit den Nachbarn angekündigt und die Grenze geöffnet.".encode(), "English"),
])
def test_bad_input_gives_a_clean_message_and_a_non_zero_exit(tmp_path, content, problem):
    path = tmp_path / "story.txt"
    path.write_bytes(content)
    out = run("extract", str(path))
    assert out.returncode != 0
    err = out.stderr.decode()
    assert "Traceback" not in err and problem in err and "story.txt" in err


def test_a_ten_megabyte_story_is_rejected_cleanly(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("The minister held talks with the envoy. " * 260_000)
    out = run("extract", str(path))
    assert out.returncode != 0
    assert "byte limit" in out.stderr.decode() and "Traceback" not in out.stderr.decode()


def test_a_missing_file_is_named_in_the_error():
    out = run("extract", "no/such/story.txt")
    assert out.returncode != 0 and "no/such/story.txt" in out.stderr.decode()


def test_a_bad_published_date_is_rejected():
    out = run("extract", str(FIXTURES / "visit.txt"), "--published", "yesterday")
    assert out.returncode != 0 and "YYYY-MM-DD" in out.stderr.decode()


def test_codes_browses_the_ontology():
    out = run("codes", "057")
    assert out.returncode == 0 and "Sign formal agreement" in out.stdout.decode()
