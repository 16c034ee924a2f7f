"""Issue 11, hardening: the library's refusals, decoding, keywords and messages (one table per function)."""

from __future__ import annotations

import json
import os
import re
import select as io_select
import shlex
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from test_cli import PYTHON, REPO_ROOT, SUBPROCESS_ENV

import summarize
from summarize import WORKER_DIED, InputError, decode, render_text, select

RAIN = "المطر غزير في المدينة.\nالقط نائم في البيت.\n"
SEA = "البحر هادئ اليوم والقارب صغير.\n" * 5  # 155 bytes in Windows-1256
SCRIPT = [*PYTHON, str(REPO_ROOT / "summarize.py")]


@pytest.mark.parametrize(
    ("text", "options", "error", "message"),
    [
        pytest.param(None, {}, TypeError, "text must be str", id="text-none"),
        pytest.param(5, {}, TypeError, "text must be str", id="text-int"),
        pytest.param(RAIN.encode(), {}, TypeError, "text must be str", id="text-bytes"),
        pytest.param(RAIN, {"sentences": 2.5}, TypeError, "sentences must be an int, not float", id="sentences-float"),
        pytest.param(RAIN, {"sentences": True}, TypeError, "sentences must be an int, not bool", id="sentences-bool"),
        pytest.param(RAIN, {"words": 1.5}, TypeError, "words must be an int, not float", id="words-float"),
        pytest.param(RAIN, {"keywords": 1.5}, TypeError, "keywords must be an int, not float", id="keywords-float"),
        pytest.param(RAIN, {"ratio": "0.5"}, TypeError, "ratio must be a float, not str", id="ratio-str"),
        pytest.param(
            RAIN,
            {"keywords": 10**30},
            ValueError,
            "keywords must be at least 0 and at most sys.maxsize",
            id="keywords-huge",
        ),
        pytest.param(
            RAIN, {"sentences": 0}, ValueError, "sentences must be at least 1 and at most sys.maxsize", id="sentences-0"
        ),
        pytest.param(RAIN, {"ratio": float("nan")}, ValueError, "ratio must be above 0 and at most 1", id="ratio-nan"),
    ],
)
def test_summarize_refuses_what_is_not_a_text_or_a_count_with_a_clear_error(
    text: object, options: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as raised:
        summarize.summarize(text, **options)  # type: ignore[arg-type]
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        pytest.param({"sentences": 0}, ValueError, "sentences must be at least 1 and at most sys.maxsize", id="zero"),
        pytest.param({"sentences": -1}, ValueError, "sentences must be at least 1 and at most sys.maxsize", id="neg"),
        pytest.param({"words": 0}, ValueError, "words must be at least 1 and at most sys.maxsize", id="no-words"),
        pytest.param({"sentences": 1.0}, TypeError, "sentences must be an int, not float", id="float"),
    ],
)
def test_select_refuses_a_budget_that_would_choose_nothing(
    options: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as raised:
        select([0.9, 0.5], [3, 3], **options)  # type: ignore[arg-type]
    assert str(raised.value) == message


def test_summarize_accepts_the_largest_keyword_count() -> None:
    expected = ("المطر", "غزير", "المدينة", "القط", "نائم", "البيت")
    assert summarize.summarize(RAIN, keywords=2**63 - 1).keywords == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(RAIN.encode().replace(b"\n", b"\x0b", 1), RAIN.replace("\n", "\x0b", 1), id="manual-line-break"),
        pytest.param(memoryview(RAIN.encode()), RAIN, id="memoryview"),
        pytest.param(bytearray(RAIN.encode("cp1256")), RAIN, id="bytearray-windows-1256"),
        pytest.param(
            "الولد يلعب في الحديقة والبيت.\n".encode("iso8859_6"), "الولد يلعب في الحديقة والبيت.\n", id="iso-8859-6"
        ),
        pytest.param(SEA.encode("cp1256"), SEA, id="windows-1256-stays-windows-1256"),
    ],
)
def test_decode_reads(data: bytes, expected: str) -> None:
    assert decode(data) == expected


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(
            RAIN.encode() + SEA.encode("cp1256"), "mixed encodings (UTF-8 and another) at byte 76", id="utf8-then-1256"
        ),
        pytest.param(
            SEA.encode("cp1256") + RAIN.encode(), "mixed encodings (UTF-8 and another) at byte 155", id="1256-then-utf8"
        ),
        pytest.param(
            b"PK\x03\x04\x14\x00\x00\x00\x00\x00\x8f\xa3" + RAIN.encode() * 3,  # a zip header, its CRC not UTF-8
            "not text (binary data or an unknown encoding)",
            id="stored-docx",
        ),
    ],
)
def test_decode_refuses_rather_than_print_mojibake(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as raised:
        decode(data)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("text", "keywords", "expected"),
    [
        pytest.param("المطر\u200f غزير. المطر يغسل.", 2, ("المطر", "غزير"), id="right-to-left-mark-dropped"),
        pytest.param("ال\u200dمطر غزير. ال\u200dمطر يغسل.", 1, ("المطر",), id="zero-width-joiner-dropped"),
    ],
)
def test_keywords_are_shown_without_invisible_controls(text: str, keywords: int, expected: tuple[str, ...]) -> None:
    assert summarize.summarize(text, keywords=keywords).keywords == expected


@pytest.mark.parametrize(
    ("text", "keywords", "expected"),
    [
        pytest.param("في من على.", 3, "keywords:\n\nفي من على.\n", id="no-keyword-no-trailing-space"),
        pytest.param("المطر غزير.", 1, "keywords: المطر\n\nالمطر غزير.\n", id="one-keyword"),
    ],
)
def test_render_text_keywords_line(text: str, keywords: int, expected: str) -> None:
    assert render_text(summarize.summarize(text, keywords=keywords), keywords) == expected


# --- The command -----------------------------------------------------------------------


def run(args: list[str], input: str | bytes | None = None) -> Result:
    """Invoke the command as `summarize ARGS` with stdout and stderr kept apart."""
    return CliRunner().invoke(summarize.main, args, input=input, prog_name="summarize")


def shell(command: str, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """Run `sh -c command` with "$@" the script's command line ($S) and args after it, in a temporary folder."""
    return subprocess.run(
        ["sh", "-c", f'S="$1"; shift; {command}', "sh", " ".join(map(shlex.quote, SCRIPT)), *args],
        input=stdin,
        env=SUBPROCESS_ENV,
        capture_output=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("mode", [[], ["--format", "json"], ["--jsonl"]], ids=["text", "json", "jsonl"])
def test_ratio_nan_is_a_usage_error_exit_2_in_every_mode(mode: list[str]) -> None:
    result = run([*mode, "-r", "nan"], input=json.dumps({"text": RAIN}) if mode == ["--jsonl"] else RAIN)
    assert result.exit_code == 2
    assert result.stderr.endswith("Error: Invalid value for '-r' / '--ratio': nan is not in the range 0<x<=1.\n")
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param(["-k", "9223372036854775808"], "keywords: المطر، غزير، المدينة، القط، نائم، البيت\n\n", id="k"),
        pytest.param(["-n", str(10**30)], "", id="n"),
        pytest.param(["-w", str(10**30)], "", id="w"),
    ],
)
def test_counts_past_the_largest_integer_mean_all(args: list[str], expected: str) -> None:
    result = run(args, input=RAIN)
    assert result.exit_code == 0
    assert result.stdout == expected + RAIN
    assert result.stderr == ""


def test_python_dash_m_help_names_the_command_summarize() -> None:
    completed = subprocess.run(
        [*PYTHON, "-m", "summarize", "--help"], cwd=REPO_ROOT, env=SUBPROCESS_ENV, capture_output=True, check=False
    )
    assert completed.returncode == 0
    assert completed.stdout.startswith(b"Usage: summarize [OPTIONS] [FILES]...\n")


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        pytest.param("two\nlines.txt", "two\\nlines.txt", id="newline"),
        pytest.param("\x1b[31mred.txt", "\\033[31mred.txt", id="escape-sequence"),
        pytest.param("tab\tand\\slash.txt", "tab\\tand\\\\slash.txt", id="tab-and-backslash"),
        pytest.param("bell\x07.txt", "bell\\007.txt", id="other-control-in-octal"),
    ],
)
def test_a_file_name_that_would_break_the_message_line_is_escaped_as_ls_does(
    tmp_path: Path, name: str, shown: str
) -> None:
    result = run([str(tmp_path / name)])
    assert result.exit_code == 1
    assert result.stderr == f"summarize: {tmp_path}/{shown}: No such file or directory\n"


def test_an_undecodable_file_name_shows_the_same_bytes_on_stderr_and_in_headers(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(RAIN, encoding="utf-8")
    bad = os.fsencode(tmp_path) + b"/\xff.txt"
    Path(os.fsdecode(bad)).write_text("03/05/2021\n", encoding="utf-8")  # no sentence: a message
    completed = subprocess.run([*SCRIPT, str(good), os.fsdecode(bad)], capture_output=True, check=False)
    assert completed.returncode == 1
    assert completed.stderr == b"summarize: " + bad + b": no article body\n"
    assert completed.stdout.startswith(b"==> " + os.fsencode(good) + b" <==\n")
    (tmp_path / "good.txt").rename(os.fsdecode(bad))
    completed = subprocess.run([*SCRIPT, str(tmp_path / "nothing"), os.fsdecode(bad)], capture_output=True, check=False)
    assert completed.stdout.startswith(b"==> " + bad + b" <==\n")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    ("command", "code", "stdout"),
    [
        pytest.param('$S "$1" 2>/dev/full <"$1"', 0, RAIN.encode(), id="nothing-to-say"),
        pytest.param(
            '$S missing.txt - 2>/dev/full <"$1"', 1, f"==> standard input <==\n{RAIN}".encode(), id="message-first"
        ),
        pytest.param('$S "$1" missing.txt "$1" 2>/dev/full', 1, None, id="summary-message-summary"),
        pytest.param("$S -n 0 2>/dev/full", 2, b"", id="usage-error-keeps-exit-2"),
        pytest.param("$S -n 0 2>&-", 2, b"", id="usage-error-not-on-stdout-when-stderr-is-closed"),
        pytest.param('$S missing.txt - 2>&- <"$1"', 1, f"==> standard input <==\n{RAIN}".encode(), id="closed-stderr"),
    ],
)
def test_a_message_that_cannot_be_written_never_stops_the_summaries(
    tmp_path: Path, command: str, code: int, stdout: bytes | None
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(RAIN, encoding="utf-8")
    completed = shell(f"cd {shlex.quote(str(tmp_path))} && {command}", str(article))
    assert completed.returncode == code
    expected = stdout if stdout is not None else f"==> {article} <==\n{RAIN}\n==> {article} <==\n{RAIN}".encode()
    assert completed.stdout == expected
    assert completed.stderr == b""


def test_corpus_mode_with_stdin_closed_is_one_line_exit_1() -> None:
    completed = shell("$S --jsonl <&-")
    assert completed.returncode == 1
    assert completed.stderr == b"summarize: standard input: closed\n"
    assert completed.stdout == b""


# --- Corpus mode: limits, lost workers, signals ------------------------------------------


def corpus(lines: int, text: str = RAIN) -> bytes:
    return b"".join(json.dumps({"id": k, "text": text}, ensure_ascii=False).encode() + b"\n" for k in range(lines))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_nesting_depth_is_one_limit_the_same_in_every_process(tmp_path: Path, jobs: str) -> None:
    path = tmp_path / "deep.jsonl"
    deep = b'{"text": "' + RAIN.encode().replace(b"\n", b" ") + b'", "n": ' + b"[" * 975 + b"]" * 975 + b"}\n"
    path.write_bytes(corpus(40) + deep + corpus(40))  # the deep line in the second chunk
    completed = subprocess.run([*SCRIPT, "--jsonl", "-j", jobs, str(path)], capture_output=True, check=False)
    assert completed.returncode == 1
    assert completed.stderr == f"summarize: {path}:41: JSON nested deeper than 100 levels\n".encode()
    assert len(completed.stdout.splitlines()) == 80


@pytest.mark.parametrize(
    ("args", "data", "message"),
    [
        pytest.param(["--max-bytes", "100"], RAIN * 2, "larger than --max-bytes (100 bytes)", id="document"),
        pytest.param(
            ["--jsonl", "--max-bytes", "100"], corpus(1, RAIN * 2), "larger than --max-bytes (100 bytes)", id="line"
        ),
    ],
)
def test_an_article_over_max_bytes_is_refused_with_one_line(args: list[str], data: str | bytes, message: str) -> None:
    result = run(args, input=data)
    assert result.exit_code == 1
    assert result.stderr == f"summarize: standard input{':1' if '--jsonl' in args else ''}: {message}\n"
    assert result.stdout == ""


def test_a_line_over_max_bytes_is_a_bad_line_between_good_ones() -> None:
    data = corpus(1) + b'{"text": "' + b"x" * 5000 + b'"}\n' + corpus(1)
    result = run(["--jsonl", "--max-bytes", "4096"], input=data)
    assert result.exit_code == 1
    assert result.stderr == "summarize: standard input:2: larger than --max-bytes (4096 bytes)\n"
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == ["-:1", "-:3"]


def test_an_endless_input_stops_at_max_bytes() -> None:
    completed = subprocess.run([*SCRIPT, "/dev/zero"], capture_output=True, timeout=120, check=False)
    assert completed.returncode == 1
    assert completed.stderr == b"summarize: /dev/zero: larger than --max-bytes (33554432 bytes)\n"


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.skipif(not os.path.exists("/dev/zero") or sys.platform != "linux", reason="needs Linux and /dev/zero")
def test_without_a_size_limit_running_out_of_memory_is_one_line_exit_1() -> None:
    completed = subprocess.run(
        [*SCRIPT, "--max-bytes", "0", "/dev/zero"],
        capture_output=True,
        timeout=120,
        check=False,
        preexec_fn=_limit_memory,
    )
    assert completed.returncode == 1
    assert completed.stderr == b"summarize: /dev/zero: memory exhausted\n"


@pytest.mark.skipif(sys.platform != "linux", reason="needs Linux")
def test_a_corpus_line_too_large_for_memory_is_a_bad_line_and_the_others_are_printed(tmp_path: Path) -> None:
    path = tmp_path / "huge.jsonl"
    with path.open("wb") as out:
        out.write(corpus(1))
        out.write(b'{"text": "' + "كلمة ".encode() * 30_000_000 + b'"}\n')  # 300 MB: more than 1 GB once decoded
        out.write(corpus(1))
    completed = subprocess.run(
        [*SCRIPT, "--jsonl", "--max-bytes", "0", str(path)],
        capture_output=True,
        timeout=300,
        check=False,
        preexec_fn=_limit_memory,
    )
    assert completed.returncode == 1
    assert completed.stderr == f"summarize: {path}:2: memory exhausted\n".encode()
    assert [json.loads(line)["source"] for line in completed.stdout.splitlines()] == [f"{path}:1", f"{path}:3"]


def _children(pid: int) -> list[int]:
    """The processes whose parent is pid (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # it ended meanwhile
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _started(args: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([*SCRIPT, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _first_output_line(process: subprocess.Popen[bytes]) -> bytes:
    """The process's first line of output, failing (not hanging) if none comes within a minute."""
    assert process.stdout is not None
    ready, _, _ = io_select.select([process.stdout], [], [], 60)
    assert ready, "no output within a minute"
    return process.stdout.readline()


def _rest_of_output(process: subprocess.Popen[bytes]) -> tuple[bytes, bytes]:
    """The rest of stdout (read through its buffer), then stderr; the process is killed after 2 minutes."""
    assert process.stdout is not None
    assert process.stderr is not None
    watchdog = threading.Timer(120, process.kill)  # a hang fails the test instead of hanging it
    watchdog.start()
    try:
        rest = process.stdout.read()
        errors = process.stderr.read()
        process.wait()
    finally:
        watchdog.cancel()
    assert process.returncode != -signal.SIGKILL, "killed by the watchdog: it hung"
    return rest, errors


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_a_killed_worker_loses_its_lines_by_number_and_the_parent_goes_on_exit_1(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_bytes(corpus(4000))
    with _started(["--jsonl", "-j", "2", str(path)]) as process:
        try:
            first = _first_output_line(process)
            workers = _children(process.pid)
            assert len(workers) == 2
            os.kill(workers[0], signal.SIGKILL)
            rest, errors = _rest_of_output(process)
        finally:
            process.kill()
    assert process.returncode == 1
    printed = [json.loads(line)["id"] for line in [first, *rest.splitlines()]]
    pattern = re.compile(rf"summarize: {re.escape(str(path))}:(\d+): {WORKER_DIED}")
    matches = [pattern.fullmatch(line) for line in errors.decode().splitlines()]
    lost = [int(match[1]) for match in matches if match]
    assert len(lost) == len(matches) > 0  # every message names a lost line
    assert sorted(printed + [number - 1 for number in lost]) == list(range(4000))
    assert printed == sorted(printed)


@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGHUP", 129)])
def test_sigterm_and_sighup_with_workers_exit_quietly(tmp_path: Path, name: str, code: int) -> None:
    path = tmp_path / "big.jsonl"
    path.write_bytes(corpus(4000))
    with _started(["--jsonl", "-j", "2", str(path)]) as process:
        try:
            _first_output_line(process)
            process.send_signal(getattr(signal, name))
            _, errors = _rest_of_output(process)
        finally:
            process.kill()
    assert process.returncode == code
    assert errors == b""


def test_ctrl_c_while_the_libraries_load_exits_130_quietly() -> None:
    # A meta path finder raises KeyboardInterrupt where click is imported: Ctrl-C at that moment, every time.
    program = (
        "import runpy, sys\n"
        "class Interrupt:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'click':\n"
        "            raise KeyboardInterrupt\n"
        "sys.meta_path.insert(0, Interrupt())\n"
        f"sys.argv = [{str(REPO_ROOT / 'summarize.py')!r}]\n"
        "runpy.run_path(sys.argv[0], run_name='__main__')\n"
    )
    completed = subprocess.run([*PYTHON, "-c", program], capture_output=True, timeout=60, check=False)
    assert (completed.returncode, completed.stderr) == (130, b"")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_slow_feed_is_printed_line_by_line_as_it_comes(jobs: str) -> None:
    with _started(["--jsonl", "-j", jobs]) as process:
        assert process.stdin is not None
        try:
            for k in range(3):  # stdin stays open: the feed has not ended
                process.stdin.write(json.dumps({"id": k, "text": RAIN}).encode() + b"\n")
                process.stdin.flush()
                assert json.loads(_first_output_line(process))["id"] == k
            process.stdin.close()
            assert process.wait(timeout=60) == 0
        finally:
            process.kill()


class _PoolStarted(Exception):
    pass


def test_no_pool_below_three_chunks_never_more_workers_than_chunks_and_j_capped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import concurrent.futures

    started: list[int] = []

    def pool(workers: int, **options: object) -> None:
        started.append(workers)
        raise _PoolStarted

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", pool)
    cap = 4 * len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 4 * (os.cpu_count() or 1)
    one_chunk = run(["--jsonl", "-j", "10000"], input=corpus(5))
    assert one_chunk.exit_code == 0
    assert one_chunk.stderr == f"summarize: warning: -j 10000 is more than 4 a core: using {cap}\n"
    assert (len(one_chunk.stdout.splitlines()), started) == (5, [])  # one chunk: no process started
    two_chunks = run(["--jsonl", "-j", "3"], input=corpus(40))  # 32 lines and 8: no pool is worth starting
    assert (two_chunks.exit_code, len(two_chunks.stdout.splitlines()), started) == (0, 40, [])
    three_chunks = run(["--jsonl", "-j", "5"], input=corpus(70))
    assert isinstance(three_chunks.exception, _PoolStarted)
    assert started == [3]


# --- The shared material -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "skips"),
    [
        pytest.param("{empty}", True, id="folder-without-the-easc-files"),
        pytest.param("", False, id="variable-set-but-empty-means-the-default"),
    ],
)
def test_shared_data_tests_skip_rather_than_fail(tmp_path: Path, setting: str, skips: bool) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    completed = subprocess.run(
        [*PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_articles.py", "tests/test_quality.py"],
        cwd=REPO_ROOT,
        env={**SUBPROCESS_ENV, "SUMMARIZE_SHARED": setting.format(empty=empty)},
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout.decode()[-2000:]
    if skips:
        assert b"skipped" in completed.stdout


@pytest.mark.parametrize(("jobs", "lines"), [("1", 32), ("2", 32), ("2", 64)])
def test_whole_chunks_of_a_feed_are_printed_when_it_pauses(jobs: str, lines: int) -> None:
    with _started(["--jsonl", "-j", jobs]) as process:
        assert process.stdin is not None
        try:
            # Exactly one or two chunks' worth, then the feed waits (stdin stays open).
            process.stdin.write(b"".join(json.dumps({"id": k, "text": RAIN}).encode() + b"\n" for k in range(lines)))
            process.stdin.flush()
            first = _first_output_line(process)
            assert process.stdout is not None
            watchdog = threading.Timer(60, process.kill)  # held lines would hang here: fail instead
            watchdog.start()
            try:
                printed = [first, *(process.stdout.readline() for _ in range(lines - 1))]
            finally:
                watchdog.cancel()
            assert [json.loads(line)["id"] for line in printed] == list(range(lines))
            process.stdin.close()
            assert process.wait(timeout=60) == 0
        finally:
            process.kill()
