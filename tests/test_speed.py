"""The speed benchmark (tests/bench/speed.py) runs end to end on tiny inputs, so it cannot rot."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "bench"))
speed = pytest.importorskip("speed")
pytest.importorskip("sumy", reason="needs the bench extra")


def test_quick_run_prints_every_figure_beside_its_peer(capsys: pytest.CaptureFixture[str]) -> None:
    assert speed.main(["--quick"]) == 0
    rows = [line.split(" | ") for line in capsys.readouterr().out.splitlines() if line.startswith("| ")][1:]
    figures = [row[0].removeprefix("| ").split(",")[0].split(" (")[0] for row in rows]
    assert re.fullmatch(r"one \d+-word article", figures[0])
    assert figures[1:] == [
        "0.1 MB article",
        "ten times the input",
        "peak memory",
        "40 articles",
        "throughput",
        "5 distinct articles",
    ]
    assert all(float(row[3]) > 0 for row in rows)
    assert [row[5] for row in rows][-1] == "- |"
    assert all(row[5] in {"yes |", "NO |"} for row in rows[:-1])
