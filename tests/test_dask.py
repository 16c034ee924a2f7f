"""The Dask recipe (tests/bench/dask_jsonl.py) writes what `summarize --jsonl` prints, on dask's process scheduler."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import summarize

pytest.importorskip("dask.bag", reason="needs the dask extra")
sys.path.insert(0, str(Path(__file__).parent / "bench"))
import dask_jsonl
import engines

NAMES = ["corpus/a.jsonl", "corpus/b.jsonl", "corpus/c.jsonl"]  # as --jsonl is given them, sorted


@pytest.mark.parametrize(
    "args",
    [
        pytest.param([], id="defaults"),
        pytest.param(["-n", "1", "-k", "3"], id="sentences-and-keywords"),
        pytest.param(["-w", "30"], id="words"),
    ],
)
def test_dask_recipe_on_two_processes_writes_what_jsonl_prints(
    jsonl_folder: Path, args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(jsonl_folder.parent)  # both read the files by the same relative names
    code = dask_jsonl.main(["corpus", "out", *args, "--workers", "2"])
    messages = capsys.readouterr().err
    jsonl = CliRunner().invoke(summarize.main, ["--jsonl", *args, *NAMES], prog_name="summarize")
    parts = sorted(Path("out").iterdir())
    assert (code, jsonl.exit_code) == (1, 1)
    assert [part.name for part in parts] == ["a.jsonl", "b.jsonl", "c.jsonl"]
    assert b"".join(part.read_bytes() for part in parts) == jsonl.stdout_bytes
    assert [json.loads(line)["source"] for line in jsonl.stdout.splitlines()] == [
        "corpus/a.jsonl:1",
        "corpus/a.jsonl:3",
        "corpus/a.jsonl:5",
        "corpus/b.jsonl:1",
        "corpus/b.jsonl:4",
    ]
    assert messages.splitlines() == [
        "dask_jsonl.py: corpus/a.jsonl:4: empty text",
        "dask_jsonl.py: corpus/b.jsonl:2: cannot be decoded as utf-8 at byte 8",
        "dask_jsonl.py: corpus/b.jsonl:3: not JSON: Expecting value: column 1",
    ]
    assert [message.replace("dask_jsonl.py", "summarize") for message in messages.splitlines()] == [
        line for line in jsonl.stderr.splitlines() if not line.startswith("summarize: warning: ")
    ]


@pytest.mark.parametrize(
    ("args", "error"),
    [
        pytest.param(["empty", "out"], "no *.jsonl files in empty", id="no-corpus-files"),
        pytest.param(["corpus", "out", "-n", "0"], "sentences must be at least 1", id="bad-length"),
        pytest.param(["corpus", "out", "-n", "1", "-w", "5"], "not allowed with argument", id="two-lengths"),
        pytest.param(["corpus", "out", "--workers", "0"], "--workers must be at least 1", id="no-workers"),
    ],
)
def test_dask_recipe_usage_errors_exit_2_before_any_work(
    jsonl_folder: Path, args: list[str], error: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(jsonl_folder.parent)
    (jsonl_folder.parent / "empty").mkdir()
    with pytest.raises(SystemExit) as exited:
        dask_jsonl.main(args)
    assert exited.value.code == 2
    assert error in capsys.readouterr().err
    assert not (jsonl_folder.parent / "out").exists()


def test_dask_benchmark_quick_run_times_both_and_finds_the_same_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert engines.main(["--quick"]) == 0
    rows = [line.split(" | ") for line in capsys.readouterr().out.splitlines() if line.startswith("| ")][1:]
    assert [row[0].removeprefix("| ") for row in rows] == ["summarize --jsonl -j 2", "dask.bag, processes, 2 workers"]
    assert rows[0][3] == "1.00"  # the reference against itself
    assert [row[4] for row in rows] == ["yes |", "yes |"]
