"""The command line, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from eventwire.cli import main

COMMANDS = ["code", "ingest", "events", "export", "quotes", "summary", "failures", "sample", "bench", "actors", "train"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output and f"eventwire {command}" in result.output


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "eventwire.cli", *args], input=stdin, capture_output=True,
                          text=True, timeout=300)


def test_code_from_stdin_prints_one_annotation():
    result = run("code", "-", "--format", "text",
                 stdin="Police arrested 40 protesters in Nairobi on Tuesday, officials said.")
    assert result.returncode == 0
    [line] = result.stdout.splitlines()
    ann = json.loads(line)
    assert ann["events"] and ann["events"][0]["cameo"]["root"] == "17"
    assert "no publication date" in result.stderr  # the caveat is said, not hidden


def test_ingest_mixed_batch_exit_code_and_query(tmp_path, sample_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00binary")
    db = tmp_path / "cli.duckdb"
    result = run("ingest", str(sample_path), str(bad), "--db", str(db), "--quiet")
    assert result.returncode == 3, result.stderr
    assert "binary file" in result.stderr and "failed" in result.stderr
    table = run("events", "--db", str(db), "--cameo", "19", "--format", "jsonl")
    rows = [json.loads(line) for line in table.stdout.splitlines()]
    assert rows and all(r["cameo_code"].startswith("19") for r in rows)
    summary = run("summary", "--db", str(db))
    assert "Events by CAMEO root" in summary.stdout and "Top dyads" in summary.stdout
    out = tmp_path / "events.plover.jsonl"
    assert run("export", "--db", str(db), "--format", "plover", "--out", str(out)).returncode == 0
    assert len(out.read_text().splitlines()) == len(run("events", "--db", str(db), "--format", "jsonl").stdout.splitlines())


def test_code_with_a_users_petrarch_dictionary(tmp_path):
    dictionary = tmp_path / "actors.txt"
    dictionary.write_text("ZORGONIAN_LIBERATION_FRONT_ [ZZZREB]\n+ZLF_\n")
    result = run("code", "-", "--format", "text", "--dictionary", str(dictionary),
                 stdin="The Zorgonian Liberation Front attacked a police station on Monday.")
    assert result.returncode == 0, result.stderr
    assert "aliases added" in result.stderr
    event = json.loads(result.stdout)["events"][0]
    assert event["source"][0]["code"] == "ZZZREB"
