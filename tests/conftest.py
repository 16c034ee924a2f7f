"""Shared fixtures (where the shared material lives, a corpus folder), hypothesis settings, bench scripts to skip."""

import importlib.util
import json
import os
import signal
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parents[1]

# --doctest-modules imports every script under bench/: not those whose engine is not installed.
collect_ignore = [
    script
    for script, engine in (("bench/dask_jsonl.py", "dask"), ("bench/spark_jsonl.py", "pyspark"))
    if importlib.util.find_spec(engine) is None
]

# No deadline: a slow, shared machine must not fail a property test.
settings.register_profile("default", deadline=None, max_examples=200)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def ctrl_c() -> None:
    """Skip a test that presses Ctrl-C where it cannot reach the command.

    A test run started in the background of a non-interactive shell ignores SIGINT, and
    the commands it starts inherit that: the test would wait for ever.
    """
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        pytest.skip("this test run ignores SIGINT (started in the background), and so would the command")


@pytest.fixture(scope="session")
def shared() -> Callable[[str], Path]:
    """A file of the shared material, by its path inside it; the test skips where the file is absent.

    The material is in $SUMMARIZE_SHARED (when set and not empty), else ../shared beside the repository.
    """
    root = Path(os.environ.get("SUMMARIZE_SHARED") or ROOT.parent / "shared")

    def file(relative: str) -> Path:
        path = root / relative
        if not path.is_file():
            pytest.skip(f"shared file {relative} not found in {root} (set SUMMARIZE_SHARED)")
        return path

    return file


RAIN = "هطلت أمطار غزيرة على القرية طوال الليل. وامتلأت الأودية بالمياه. وخرج الفلاحون صباحا لتفقد حقولهم."
MARKET = "افتتح السوق الأسبوعي أبوابه مبكرا. وازدحمت الممرات بالمتسوقين. وارتفعت أسعار الخضر قليلا."


def _record(**fields: object) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode()


@pytest.fixture
def jsonl_folder(tmp_path: Path) -> Path:
    """TMP/corpus: three JSON Lines files with what --jsonl meets, for the Dask and Spark recipes.

    Blank lines, fields before and after "text", a field the summary's replaces, bad
    lines, CRLF, a byte-order mark, a last line without its line feed, an empty file.
    """
    folder = tmp_path / "corpus"
    folder.mkdir()
    sample = (ROOT / "tests" / "sample_article.txt").read_text(encoding="utf-8")
    page = (ROOT / "tests" / "pages" / "p01-browser-remittances.txt").read_text(encoding="utf-8")
    (folder / "a.jsonl").write_bytes(
        b"\n".join(
            [
                _record(id=1, text=sample),
                b"",  # blank: skipped, but counted in the line numbers
                _record(id="x", text=RAIN, lang="ar", meta={"tags": ["طقس"], "n": 2}),
                _record(id=3, text=" "),  # bad: empty text
                _record(text=MARKET, source="old") + b"\r",  # CRLF; a field the summary's replaces
                b"",
            ]
        )
    )
    (folder / "b.jsonl").write_bytes(
        b"\xef\xbb\xbf"  # a byte-order mark before the first line
        + _record(text=page, url="https://example.org/1")
        + b"\n"
        + b'{"id": "\xff", "text": "x"}\n'  # bad: not UTF-8
        + b"not json\n"  # bad
        + _record(id=6, text=MARKET)  # the last line without its line feed
    )
    (folder / "c.jsonl").write_bytes(b"")  # an empty file gives an empty part
    return folder
