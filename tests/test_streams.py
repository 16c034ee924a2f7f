"""Streams and signals, with real processes: Ctrl-C while waiting, output closed early or never open, a full disk.

Whatever happens, the user sees at most one line on stderr and never a traceback.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from test_cli import PYTHON, REPO_ROOT, SUBPROCESS_ENV, write

ARTICLE = "المطر غزير في المدينة.\nالقط نائم في البيت.\n"
# About 400 kB of output under -r 1: far more than a pipe (64 kB) or a stdout buffer (8 kB) holds.
# Numbered, since a paragraph printed twice counts once.
LONG_ARTICLE = "".join(f"المطر غزير في المدينة {i}.\nالقط نائم في البيت {i}.\n" for i in range(5_000))
COMMAND = [*PYTHON, "summarize.py"]
# Where a process sleeps (/proc/PID/wchan) when it waits to read a pipe or to open a FIFO nobody
# writes to, and when it waits to write to a full pipe (older kernels say pipe_wait for both).
WAITING_TO_READ = ("pipe_read", "pipe_wait", "wait_for_partner", "fifo_open")
WAITING_TO_WRITE = ("pipe_write", "pipe_wait")


def _quiet(stderr: bytes) -> bool:
    """At most one line on stderr, and no traceback."""
    return stderr.count(b"\n") <= 1 and b"Traceback" not in stderr


def _wait_until_sleeping_in(process: subprocess.Popen[bytes], places: tuple[str, ...]) -> None:
    """Wait until process sleeps in one of these kernel functions (imports done); skip where /proc cannot tell."""
    wchan = Path(f"/proc/{process.pid}/wchan")
    if not wchan.exists():
        pytest.skip("needs /proc/PID/wchan (Linux)")
    seen = ""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        seen = wchan.read_text().strip()
        if seen.endswith(places):
            return
        time.sleep(0.01)
    if seen == "0":
        pytest.skip("the kernel hides /proc/PID/wchan")
    pytest.fail(f"never slept in {places}: exit {process.poll()}, last wchan {seen!r}")


def _stdin_left_open(tmp_path: Path) -> tuple[list[str], int]:
    return [], subprocess.PIPE


def _fifo_without_writer(tmp_path: Path) -> tuple[list[str], int]:
    fifo = tmp_path / "article.fifo"
    os.mkfifo(fifo)
    return [str(fifo)], subprocess.DEVNULL


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(_stdin_left_open, id="stdin-pipe-left-open"),
        pytest.param(_fifo_without_writer, id="fifo-nobody-writes-to"),
    ],
)
@pytest.mark.usefixtures("ctrl_c")
def test_ctrl_c_while_waiting_for_input_exits_130_quietly(
    tmp_path: Path, source: Callable[[Path], tuple[list[str], int]]
) -> None:
    args, stdin = source(tmp_path)
    with subprocess.Popen(
        [*COMMAND, *args],
        cwd=REPO_ROOT,
        env=SUBPROCESS_ENV,
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        try:
            _wait_until_sleeping_in(process, WAITING_TO_READ)
            process.send_signal(signal.SIGINT)
            stdout, stderr = process.communicate(timeout=60)
        finally:
            process.kill()
    assert process.returncode == 130
    assert stdout == b""
    assert _quiet(stderr), stderr


@pytest.mark.usefixtures("ctrl_c")
def test_ctrl_c_while_blocked_writing_exits_130_quietly(tmp_path: Path) -> None:
    path = write(tmp_path, "long.txt", LONG_ARTICLE)
    with subprocess.Popen(
        [*COMMAND, "-r", "1", str(path)],
        cwd=REPO_ROOT,
        env=SUBPROCESS_ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        try:
            _wait_until_sleeping_in(process, WAITING_TO_WRITE)
            process.send_signal(signal.SIGINT)
            assert process.stderr is not None
            stderr = process.stderr.read()
            returncode = process.wait(timeout=60)
        finally:
            process.kill()
    assert returncode == 130
    assert _quiet(stderr), stderr


@pytest.mark.skipif(shutil.which("head") is None, reason="needs head")
def test_output_piped_to_head_exits_141_quietly(tmp_path: Path) -> None:
    path = write(tmp_path, "long.txt", LONG_ARTICLE)
    with subprocess.Popen(
        [*COMMAND, "-r", "1", str(path)],
        cwd=REPO_ROOT,
        env=SUBPROCESS_ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as summarize:
        assert summarize.stdout is not None
        assert summarize.stderr is not None
        head = subprocess.run(["head", "-1"], stdin=summarize.stdout, capture_output=True, timeout=60, check=True)
        summarize.stdout.close()
        stderr = summarize.stderr.read()
        returncode = summarize.wait(timeout=60)
    assert head.stdout.decode() == LONG_ARTICLE.splitlines(keepends=True)[0]
    assert returncode == 141
    assert stderr == b""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["{article}", "{article}"], id="two-files"),
        pytest.param(["-r", "1", "{long}"], id="more-than-a-buffer"),
        pytest.param(["--version"], id="version"),
        pytest.param(["--help"], id="help"),
    ],
)
def test_writing_to_a_full_disk_exits_1_with_one_line(tmp_path: Path, args: list[str]) -> None:
    paths = {"article": write(tmp_path, "a.txt", ARTICLE), "long": write(tmp_path, "long.txt", LONG_ARTICLE)}
    with open("/dev/full", "wb") as full:
        completed = subprocess.run(
            [*COMMAND, *(arg.format_map(paths) for arg in args)],
            cwd=REPO_ROOT,
            env=SUBPROCESS_ENV,
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    assert completed.returncode == 1
    assert completed.stderr == b"summarize: write error: No space left on device\n"


def _run_with(redirect: str, args: list[str]) -> subprocess.CompletedProcess[bytes]:
    """Run the command with a shell redirection applied to it (<&- closes stdin, >&- stdout)."""
    return subprocess.run(
        ["sh", "-c", f'exec "$@" {redirect}', "sh", *COMMAND, *args],
        cwd=REPO_ROOT,
        env=SUBPROCESS_ENV,
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_closed_stdin_is_empty_input_exit_1() -> None:
    completed = _run_with("<&-", [])
    assert completed.returncode == 1
    assert completed.stderr == b"summarize: standard input: empty input\n"


def test_closed_stdout_exits_1_with_one_line(tmp_path: Path) -> None:
    completed = _run_with(">&-", [str(write(tmp_path, "a.txt", ARTICLE))])
    assert completed.returncode == 1
    assert completed.stderr.startswith(b"summarize: ")
    assert _quiet(completed.stderr), completed.stderr
