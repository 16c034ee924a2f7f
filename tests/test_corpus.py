"""Corpus mode (`summarize --jsonl`): order, copied fields, bad lines, processes, progress."""

from __future__ import annotations

import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from test_streams import WAITING_TO_READ, _wait_until_sleeping_in

import summarize

REPO_ROOT = Path(__file__).parents[1]
PYTHON = [sys.executable, "-W", "ignore::SyntaxWarning", "-W", "ignore::DeprecationWarning"]
SCRIPT = [*PYTHON, str(REPO_ROOT / "summarize.py")]

RAIN = "المطر غزير في المدينة. المطر يغسل المدينة. القط نائم."
SEA = "البحر هادئ اليوم. القارب صغير."
SUN = "الشمس ساطعة. الجو حار في الصيف."


def run(args: list[str], input: str | bytes | None = None) -> Result:
    """Invoke the command as `summarize ARGS` with stdout and stderr kept apart."""
    return CliRunner().invoke(summarize.main, args, input=input, prog_name="summarize")


def line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False) + "\n"


def records(stdout: str) -> list[dict[str, object]]:
    return [json.loads(output) for output in stdout.splitlines()]


def test_each_line_gives_one_object_in_order_with_other_fields_copied() -> None:
    corpus = line(id="a", text=RAIN, lang="ar") + line(id="b", text=SEA) + line(text=SUN, meta={"n": 1})
    result = run(["--jsonl", "-n", "1", "-k", "2"], input=corpus)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert records(result.stdout) == [
        {
            "id": "a",
            "lang": "ar",
            "source": "-:1",
            "title": None,
            "sentences": [{"index": 0, "text": "المطر غزير في المدينة.", "score": 1.1667}],
            "keywords": ["المطر", "المدينة"],
            "stats": {"sentences": 3, "words": 9},
        },
        {
            "id": "b",
            "source": "-:2",
            "title": None,
            "sentences": [{"index": 0, "text": "البحر هادئ اليوم.", "score": 1.2}],
            "keywords": ["البحر", "هادئ"],
            "stats": {"sentences": 2, "words": 5},
        },
        {
            "meta": {"n": 1},
            "source": "-:3",
            "title": None,
            "sentences": [{"index": 0, "text": "الشمس ساطعة.", "score": 1.2}],
            "keywords": ["الشمس", "ساطعة"],
            "stats": {"sentences": 2, "words": 6},
        },
    ]


def test_output_object_is_the_json_format_object_plus_copied_fields() -> None:
    single = json.loads(run(["--format", "json"], input=RAIN).stdout)
    corpus = records(run(["--jsonl"], input=line(id=7, text=RAIN)).stdout)[0]
    assert corpus == {"id": 7, **single, "source": "-:1"}


BAD_LINES = [
    pytest.param(b"not json\n", "not JSON: Expecting value: column 1", id="not-json"),
    pytest.param(b'{"text": "x\n', "not JSON: Unterminated string starting at: column 10", id="cut-short"),
    pytest.param(b"[" * 100_000 + b"\n", "JSON nested deeper than 100 levels", id="deep"),
    pytest.param(b"[" * 101 + b"]" * 101 + b"\n", "JSON nested deeper than 100 levels", id="just-too-deep"),
    pytest.param(b"[" * 100 + b"]" * 100 + b"\n", "not a JSON object", id="deep-but-not-too-deep"),
    pytest.param(b'{"text": "[[[[' + b"[" * 200 + b'"}\n', "no article body", id="brackets-in-a-string"),
    pytest.param(
        b'{"n": ' + b"9" * 5001 + b', "text": "x"}\n', "not JSON: a number with too many digits", id="huge-integer"
    ),
    pytest.param(b'{"n": NaN, "text": "x"}\n', "not JSON: NaN is not a JSON number", id="nan"),
    pytest.param(b'{"n": 1e400, "text": "' + RAIN.encode() + b'"}\n', "a number too large for JSON", id="infinity"),
    pytest.param(b'{"text": "\xd8\xa7\xff"}\n', "cannot be decoded as utf-8 at byte 12", id="invalid-utf8"),
    pytest.param(b"[1, 2]\n", "not a JSON object", id="array"),
    pytest.param(b'"text"\n', "not a JSON object", id="string"),
    pytest.param(b'{"id": 3}\n', 'no "text" field', id="no-text"),
    pytest.param(b'{"text": null}\n', '"text" is null', id="null-text"),
    pytest.param(b'{"text": 5}\n', '"text" is not a string', id="number-text"),
    pytest.param(b'{"text": " \\n "}\n', "empty text", id="blank-text"),
    pytest.param(b'{"text": "03/05/2021"}\n', "no article body", id="no-sentences"),
]


@pytest.mark.parametrize(("bad", "reason"), BAD_LINES)
def test_bad_line_is_named_with_its_line_number_and_the_rest_still_summarized(bad: bytes, reason: str) -> None:
    corpus = line(id=1, text=RAIN).encode() + bad + line(id=3, text=SEA).encode()
    result = run(["--jsonl", "-n", "1"], input=corpus)
    assert result.exit_code == 1
    assert result.stderr == f"summarize: standard input:2: {reason}\n"
    assert [record["id"] for record in records(result.stdout)] == [1, 3]


@pytest.mark.parametrize(
    ("given", "args", "options"),
    [
        pytest.param(line(id=1, text=RAIN), [], {}, id="defaults"),
        pytest.param(line(text=SEA, id="b", meta={"n": [1, 2]}), [], {}, id="fields-after-text"),
        pytest.param(line(id=2, text=RAIN).removesuffix("\n"), [], {}, id="no-line-feed"),
        pytest.param(line(id=3, text=RAIN).replace("\n", "\r\n"), [], {}, id="crlf"),
        pytest.param("\ufeff" + line(id=4, text=SUN), [], {}, id="byte-order-mark"),
        pytest.param(line(source="old", text=RAIN), [], {}, id="replaced-field"),
        pytest.param(line(text=SUN), ["-n", "1", "-k", "2"], {"sentences": 1, "keywords": 2}, id="sentences"),
        pytest.param(line(text=RAIN), ["-w", "5"], {"words": 5}, id="words"),
        pytest.param(line(text=RAIN), ["-r", "0.5"], {"ratio": 0.5}, id="ratio"),
    ],
)
def test_summarize_record_returns_the_line_jsonl_writes(given: str, args: list[str], options: dict[str, Any]) -> None:
    result = run(["--jsonl", *args], input=given)
    assert result.exit_code == 0
    assert summarize.summarize_record(given, "-:1", **options) == result.stdout


@pytest.mark.parametrize(("bad", "reason"), [case for case in BAD_LINES if case.id != "invalid-utf8"])
def test_summarize_record_refuses_what_jsonl_refuses_with_its_reason(bad: bytes, reason: str) -> None:
    with pytest.raises(summarize.InputError) as refused:
        summarize.summarize_record(bad.decode(), "-:1")
    assert str(refused.value) == reason


@pytest.mark.parametrize(
    "blank",
    [
        pytest.param("", id="empty"),
        pytest.param("\n", id="line-feed"),
        pytest.param(" \t\x0b\x0c\r\n", id="ascii-white-space"),
    ],
)
def test_summarize_record_gives_nothing_for_a_line_jsonl_skips_as_blank(blank: str) -> None:
    result = run(["--jsonl"], input=blank)
    assert (result.exit_code, result.stdout) == (0, "")
    assert summarize.summarize_record(blank, "-:1") == ""


def test_summarize_record_takes_only_ascii_white_space_for_blank_as_jsonl_does() -> None:
    result = run(["--jsonl"], input="\u00a0\n")
    assert result.exit_code == 1
    assert result.stderr == "summarize: standard input:1: not JSON: Expecting value: column 1\n"
    with pytest.raises(summarize.InputError, match=r"^not JSON: Expecting value: column 1$"):
        summarize.summarize_record("\u00a0\n", "-:1")


@pytest.mark.parametrize(
    "options",
    [
        pytest.param({"sentences": 0}, id="no-sentences"),
        pytest.param({"words": 2, "ratio": 0.5}, id="two-lengths"),
        pytest.param({"ratio": 1.5}, id="ratio-above-1"),
        pytest.param({"keywords": -1}, id="negative-keywords"),
    ],
)
def test_summarize_record_refuses_bad_lengths_as_summarize_does(options: dict[str, Any]) -> None:
    try:
        summarize.summarize(RAIN, **options)
    except ValueError as error:
        expected = str(error)
    else:
        pytest.fail(f"summarize() took {options}")
    with pytest.raises(ValueError, match=f"^{re.escape(expected)}$") as refused:
        summarize.summarize_record(line(text=RAIN), "-:1", **options)
    assert type(refused.value) is ValueError  # a caller's mistake, not a bad line


def test_blank_lines_are_skipped_but_counted_in_line_numbers() -> None:
    corpus = "\n" + line(id=1, text=RAIN) + "  \r\n\n" + "oops\n"
    result = run(["--jsonl"], input=corpus)
    assert result.exit_code == 1
    assert result.stderr == "summarize: standard input:5: not JSON: Expecting value: column 1\n"
    assert [record["source"] for record in records(result.stdout)] == ["-:2"]


def test_byte_order_mark_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + line(id=1, text=RAIN).replace("\n", "\r\n").encode())
    result = run(["--jsonl", str(path)])
    assert result.exit_code == 0
    assert records(result.stdout)[0]["source"] == f"{path}:1"


def test_length_options_apply_to_every_article() -> None:
    corpus = line(text=RAIN) + line(text=SEA) + line(text=SUN)
    result = run(["--jsonl", "-w", "3"], input=corpus)
    assert result.exit_code == 0
    assert [[s["text"] for s in r["sentences"]] for r in records(result.stdout)] == [  # type: ignore[attr-defined]
        ["المطر يغسل المدينة."],
        ["البحر هادئ اليوم."],
        ["الشمس ساطعة."],
    ]


def test_input_fields_named_like_summary_fields_are_replaced_with_one_warning_each() -> None:
    corpus = line(id=1, text=RAIN, title="t", source="wiki") + line(id=2, text=SEA, title="u")
    result = run(["--jsonl"], input=corpus)
    assert result.exit_code == 0
    assert sorted(result.stderr.splitlines()) == [
        'summarize: warning: standard input: input field "source" is replaced by the summary\'s',
        'summarize: warning: standard input: input field "title" is replaced by the summary\'s',
    ]
    assert [(r["id"], r["title"], r["source"]) for r in records(result.stdout)] == [(1, None, "-:1"), (2, None, "-:2")]
    assert list(records(result.stdout)[0]) == ["id", "source", "title", "sentences", "keywords", "stats"]


def test_several_files_and_a_missing_one(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(line(id=1, text=RAIN), encoding="utf-8")
    second.write_text(line(id=2, text=SEA), encoding="utf-8")
    missing = tmp_path / "missing.jsonl"
    result = run(["--jsonl", str(first), str(missing), str(second)])
    assert result.exit_code == 1
    assert result.stderr == f"summarize: {missing}: No such file or directory\n"
    assert [r["source"] for r in records(result.stdout)] == [f"{first}:1", f"{second}:1"]


@pytest.mark.parametrize(
    ("args", "error"),
    [
        pytest.param(["--jsonl", "--format", "text"], "--jsonl writes JSON: --format text does not apply", id="text"),
        pytest.param(["--jsonl", "--format", "html"], "--jsonl writes JSON: --format html does not apply", id="html"),
        pytest.param(["-j", "2"], "-j/--jobs works with --jsonl only", id="jobs-without-jsonl"),
        pytest.param(
            ["--jsonl", "-j", "-1"], "Invalid value for '-j' / '--jobs': -1 is not in the range x>=0.", id="neg"
        ),
        pytest.param(
            ["--jsonl", "--encoding", "utf-16"],
            "--jsonl reads lines, and utf-16 does not write a line break as the byte 0x0A",
            id="utf-16",
        ),
        pytest.param(  # EBCDIC writes a line break as one byte, but not as 0x0A
            ["--jsonl", "--encoding", "cp037"],
            "--jsonl reads lines, and cp037 does not write a line break as the byte 0x0A",
            id="ebcdic",
        ),
    ],
)
def test_conflicting_corpus_options_are_usage_errors_exit_2(args: list[str], error: str) -> None:
    result = run(args, input=line(text=RAIN))
    assert result.exit_code == 2
    assert result.stderr.endswith(f"Error: {error}\n")
    assert result.stdout == ""


def corpus_file(tmp_path: Path, articles: int) -> Path:
    """A corpus of toy articles with a bad line every 7th line and a blank one every 11th."""
    texts = [RAIN, SEA, SUN, f"{SEA} {RAIN}", f"{SUN}\n\n{RAIN}"]
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for k in range(articles):
            out.write("\n" if k % 11 == 10 else "{oops\n" if k % 7 == 6 else line(id=k, text=texts[k % len(texts)]))
    return path


@pytest.mark.parametrize("jobs", [pytest.param("2", id="two"), pytest.param("0", id="one-per-core")])
def test_several_processes_print_exactly_what_one_prints(tmp_path: Path, jobs: str) -> None:
    path = corpus_file(tmp_path, 300)  # several chunks per process
    one = subprocess.run([*SCRIPT, "--jsonl", "-j", "1", str(path)], capture_output=True, check=False)
    many = subprocess.run([*SCRIPT, "--jsonl", "-j", jobs, str(path)], capture_output=True, check=False)
    assert (one.returncode, many.returncode) == (1, 1)
    assert many.stdout == one.stdout
    assert many.stderr == one.stderr
    assert len(one.stdout.splitlines()) == 300 - 300 // 11 - len([k for k in range(300) if k % 7 == 6 and k % 11 != 10])


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    path = corpus_file(tmp_path, 5)
    result = subprocess.run([*SCRIPT, "--jsonl", str(path)], capture_output=True, check=False)
    assert result.returncode == 0
    assert result.stderr == b""


def _stderr_on_a_terminal(args: list[str]) -> tuple[int, str]:
    """Run the script with stderr on a pseudo-terminal, stdout on /dev/null: its exit code and what the terminal got."""
    leader, follower = pty.openpty()
    with subprocess.Popen([*SCRIPT, *args], stdout=subprocess.DEVNULL, stderr=follower) as process:
        os.close(follower)
        seen = b""
        while True:
            ready, _, _ = select.select([leader], [], [], 30)
            try:
                chunk = os.read(leader, 4096) if ready else b""
            except OSError:  # the terminal closes when the process ends
                chunk = b""
            if not chunk:
                break
            seen += chunk
    os.close(leader)
    return process.returncode, seen.decode()


def test_progress_bar_on_a_terminal_counts_articles_and_ends_its_line(tmp_path: Path) -> None:
    returncode, shown = _stderr_on_a_terminal(["--jsonl", str(corpus_file(tmp_path, 5))])
    assert returncode == 0
    final = shown.split("\r\x1b[K")[-1]
    assert re.fullmatch(r"5 articles, [\d,]+/s, 0:0\d\r\n", final), final  # the terminal turns \n into \r\n


def test_messages_take_the_progress_bar_line_instead_of_running_into_it(tmp_path: Path) -> None:
    path = corpus_file(tmp_path, 8)  # line 7 is bad
    returncode, shown = _stderr_on_a_terminal(["--jsonl", str(path)])
    assert returncode == 1
    assert f"\r\x1b[Ksummarize: {path}:7: not JSON" in shown
    assert shown.split("\r\x1b[K")[-1].startswith("7 articles, ")


def test_closed_output_with_worker_processes_exits_141_quietly(tmp_path: Path) -> None:
    path = corpus_file(tmp_path, 400)
    with subprocess.Popen(
        [*SCRIPT, "--jsonl", "-j", "2", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        errors = process.stderr.read()
        process.wait(timeout=60)
    assert process.returncode == 141
    assert b"Traceback" not in errors


@pytest.mark.usefixtures("ctrl_c")
def test_ctrl_c_with_worker_processes_exits_130_without_tracebacks() -> None:
    with subprocess.Popen(
        [*SCRIPT, "--jsonl", "-j", "2"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdin is not None
        assert process.stderr is not None
        process.stdin.write(line(text=RAIN).encode())
        process.stdin.flush()
        _wait_until_sleeping_in(process, WAITING_TO_READ)  # imports done, workers started
        process.send_signal(signal.SIGINT)
        errors = process.stderr.read()
        process.wait(timeout=30)
    assert process.returncode == 130
    assert errors == b""


# --- Chunk sizes -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "jobs", "lines"),
    [
        # 100 lines of 4,000 bytes: each chunk holds an eighth of what is left (4 shares for
        # each of 2 processes), then never less than 32 KiB (9 lines), then what remains.
        pytest.param(400_000, 2, [12, 10, 9, 9, 9, 9, 9, 9, 9, 9, 6], id="known-size-shrinks-to-the-minimum"),
        pytest.param(400_000, 1, [20, 16, 13, 11, 9, 9, 9, 9, 4], id="one-process-takes-quarters"),
        pytest.param(None, 2, [32, 32, 32, 4], id="unknown-size-whole-chunks"),
    ],
)
def test_chunks_of_a_file_of_known_size_shrink_as_it_ends(
    tmp_path: Path, size: int | None, jobs: int, lines: list[int]
) -> None:
    corpus_file = tmp_path / "corpus.jsonl"
    corpus_file.write_bytes(b"".join(b"%04d" % k + b"x" * 3995 + b"\n" for k in range(100)))
    with corpus_file.open("rb") as stream:
        chunks = list(summarize._chunks(stream, 0, size, jobs))
    assert [len(chunk.lines) for chunk in chunks] == lines
    assert [number for chunk in chunks for number, _ in chunk.lines] == list(range(1, 101))
    assert [chunk.paused for chunk in chunks] == [False] * (len(lines) - 1) + [True]
