"""The speed benchmark (tests/bench/speed.py) runs end to end on tiny inputs, so it cannot rot."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "bench"))
speed = pytest.importorskip("speed")
pytest.importorskip("sumy", reason="needs the bench extra")

FIGURES = [
    "start-up, summarize FILE, against the import floor",
    "start-up, summarize --help, against the import floor",
    "start-up, summarize FILE, against the code before",
    "N distinct articles in one process, cold, against the code before",
    "N distinct articles in one process, warm, against the code before",
    "N MB article, in process",
    "four times the input, time",
    "peak memory, N MB article, whole process",
    "peak memory above start-up, N MB article against N MB",
    "N repeating articles, --jsonl -j N against -j N",
    "N distinct articles, --jsonl -j N against -j N",
    "throughput, --jsonl at its best -j, whole process, against sumy LexRank in process",
    "one N-word article, whole process",
]


def test_quick_run_prints_every_figure_beside_its_peer(capsys: pytest.CaptureFixture[str]) -> None:
    assert speed.main(["--quick"]) == 0
    out = capsys.readouterr().out
    rows = [line.split(" | ") for line in out.splitlines() if line.startswith("| ")][1:]
    figures = [re.sub(r"\d[\d,.]*", "N", re.sub(r" \(.*?\)", "", row[0].removeprefix("| "))) for row in rows]
    without_git = "against the code before are left out" in out  # they need git
    assert figures == [figure for figure in FIGURES if not (without_git and "code before" in figure)]
    assert all(float(row[3]) > 0 for row in rows)
    assert all(row[5] == "- |" for row in rows if row[4] == "none: for reference")
    assert all(row[5] in {"yes |", "NO |"} for row in rows if row[4] != "none: for reference")


@pytest.mark.skipif(speed.shutil.which("valgrind") is None, reason="valgrind is not installed")
def test_instruction_counts_grow_with_the_work_a_command_does() -> None:
    idle = speed.instructions([sys.executable, "-c", "pass"])
    busy = speed.instructions([sys.executable, "-c", "for _ in range(10**5): pass"])
    assert 10**7 < idle < busy - 10**5  # Python's own start is millions; each loop turn is several


def test_instruction_rows_are_each_count_against_the_floor_or_its_tenth(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def counted(args: list[str]) -> int:  # fixed counts stand in for callgrind's
        code = args[-1]
        if code == speed.FLOOR_IMPORTS:
            return 200_000_000
        if "summarize.summarize(" in code:
            return 240_000_000
        return 220_000_000 if code.endswith("import summarize") else 250_000_000

    monkeypatch.setattr(speed, "instructions", counted)
    rows = speed.startup_instructions(sys.executable, tmp_path / "today" / "summarize", tmp_path / "sample.txt")
    assert [(row.ours, row.peer, round(row.ratio, 3), row.met) for row in rows] == [
        ("250.0 M", "200.0 M (imports alone)", 1.25, False),
        ("250.0 M", "200.0 M (imports alone)", 1.25, False),
        ("20.0 M", "20.0 M", 1.0, None),
        ("20.0 M", "20.0 M", 1.0, None),
    ]
