"""The Spark recipe (tests/bench/spark_jsonl.py) writes what `summarize --jsonl` prints, in local[2] mode.

pyspark is several hundred megabytes and needs Java, so no extra installs it: this runs
where someone installed it by hand (`pip install pyspark`), and skips elsewhere.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import summarize

pytest.importorskip("pyspark", reason="pyspark is installed by hand")
if shutil.which("java") is None:
    pytest.skip("pyspark needs Java", allow_module_level=True)

SCRIPT = Path(__file__).parent / "bench" / "spark_jsonl.py"
NAMES = ["corpus/a.jsonl", "corpus/b.jsonl", "corpus/c.jsonl"]  # as --jsonl is given them, sorted


def test_spark_recipe_on_two_workers_writes_what_jsonl_prints(
    jsonl_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(jsonl_folder.parent)  # both read the files by the same relative names
    spark = subprocess.run(
        [sys.executable, str(SCRIPT), "corpus", "out", "-n", "2", "-k", "4", "--workers", "2"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    jsonl = CliRunner().invoke(summarize.main, ["--jsonl", "-n", "2", "-k", "4", *NAMES], prog_name="summarize")
    parts = sorted(part for part in Path("out").iterdir() if not part.name.startswith("."))
    assert (spark.returncode, jsonl.exit_code) == (1, 1)
    assert [part.name for part in parts] == ["_SUCCESS", "part-00000", "part-00001", "part-00002"]
    assert b"".join(part.read_bytes() for part in parts[1:]) == jsonl.stdout_bytes
    assert len([json.loads(line) for line in jsonl.stdout.splitlines()]) == 5
    messages = [line for line in spark.stderr.splitlines() if line.startswith("spark_jsonl.py: ")]
    assert [message.replace("spark_jsonl.py", "summarize") for message in messages] == [
        line for line in jsonl.stderr.splitlines() if not line.startswith("summarize: warning: ")
    ]
    assert len(messages) == 3
