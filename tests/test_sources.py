"""Where input comes from, on the command line: special files, bytes that are not text, line breaks and
spaces of every kind, file names that are not UTF-8, and every sort of codec name.

The article here has two sentences, so the default three prints both whatever the scoring.
"""

from __future__ import annotations

import errno
import gzip
import json
import os
import random
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

import pytest
from test_cli import run, write

import summarize

ARTICLE = "المطر غزير في المدينة.\nالقط نائم في البيت.\n"
ENGLISH = "The rain fell on the old city today.\nThe children walked to the school.\n"
NOT_TEXT = "not text (binary data or an unknown encoding)"


# --- Special files ---------------------------------------------------------------------


def test_fifo_is_read_to_its_end(tmp_path: Path) -> None:
    fifo = tmp_path / "article.fifo"
    os.mkfifo(fifo)
    data = ARTICLE.encode()

    def feed() -> None:  # in two writes with a pause, so that one read cannot take it all
        with open(fifo, "wb", buffering=0) as writer:
            writer.write(data[:7])
            time.sleep(0.05)
            writer.write(data[7:])

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        result = run([str(fifo)])
    finally:
        if writer.is_alive():  # the command never opened it: open it here so that the writer can finish
            reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
            writer.join(timeout=10)
            os.close(reader)
        writer.join(timeout=10)
    assert result.exit_code == 0
    assert result.stdout == ARTICLE
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        pytest.param("/dev/null", "empty input", id="dev-null"),
        # Reading a process's memory from offset 0 fails, even for root: a real read error.
        pytest.param("/proc/self/mem", "Input/output error", id="read-error"),
    ],
)
def test_special_file_exits_1_with_one_line_naming_it(path: str, reason: str) -> None:
    if not os.path.exists(path):
        pytest.skip(f"no {path} here")
    result = run([path])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"summarize: {path}: {reason}\n"


def test_unreadable_file_exits_1_with_permission_denied_even_for_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # test_cli's chmod 000 version skips for root, who can read anything: refuse the open instead.
    path = write(tmp_path, "secret.txt", ARTICLE)
    real_open = open

    def refusing_open(file: Any, *args: Any, **kwargs: Any) -> IO[Any]:
        if str(file) == str(path):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(file))
        opened: IO[Any] = real_open(file, *args, **kwargs)
        return opened

    monkeypatch.setattr(summarize, "open", refusing_open, raising=False)
    result = run([str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"summarize: {path}: Permission denied\n"


# --- Bytes that are not text -------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(PNG, id="png-header"),
        pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", id="jpeg-header"),
        pytest.param(b"\x7fELF\x02\x01\x01" + bytes(9), id="elf-header"),
        pytest.param(b"PK\x03\x04" + bytes(26), id="zip-header"),
        pytest.param(gzip.compress(ARTICLE.encode(), mtime=0), id="gzipped-article"),
        pytest.param(random.Random(0).randbytes(4096), id="random-bytes"),
        pytest.param(bytes(random.Random(1).randrange(0x80, 0x100) for _ in range(4096)), id="random-high-bytes"),
        pytest.param(ARTICLE.encode("utf-16-le"), id="utf16-without-bom"),
        pytest.param(ARTICLE.encode() + b"\x00", id="nul-at-the-end"),
        pytest.param(b"\x00" + ARTICLE.encode(), id="nul-at-the-start"),
        pytest.param(f"\x1b[31m{ARTICLE}\x1b[0m".encode(), id="terminal-colour-codes"),
    ],
)
def test_file_that_is_not_text_exits_1_with_one_line_naming_it(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "article.txt", data)
    result = run([str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"summarize: {path}: {NOT_TEXT}\n"


SENTENCE = "المطر غزير في المدينة.\n".encode()  # one line, 41 bytes: each Arabic letter takes two
UTF8 = ARTICLE.encode()


@pytest.mark.parametrize(
    ("data", "byte"),
    [
        pytest.param(UTF8 * 2 + b"\xff" + UTF8, len(UTF8) * 2, id="long-stray-byte"),
        pytest.param(UTF8 * 3 + SENTENCE[:1], len(UTF8) * 3, id="long-cut-mid-character"),
        # Short text, where one broken byte is over 1% of them: still broken UTF-8, not Windows-1256.
        pytest.param(SENTENCE[:4] + SENTENCE[5:], 4, id="short-byte-dropped"),
        # The second byte of م replaced: the broken sequence, and the report, start at its first.
        pytest.param(SENTENCE[:5] + b"\xff" + SENTENCE[6:], 4, id="short-byte-replaced"),
        pytest.param(SENTENCE[:-3], len(SENTENCE) - 4, id="short-cut-mid-character"),
    ],
)
def test_utf8_with_a_broken_byte_exits_1_naming_the_byte(tmp_path: Path, data: bytes, byte: int) -> None:
    path = write(tmp_path, "article.txt", data)
    result = run([str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"summarize: {path}: invalid UTF-8 at byte {byte}\n"


def test_nul_bytes_on_stdin_exit_1_naming_standard_input() -> None:
    result = run([], input=ARTICLE.encode() + b"\x00\x00" + ARTICLE.encode())
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"summarize: standard input: {NOT_TEXT}\n"


def test_file_that_is_not_text_among_others_leaves_them_summarized(tmp_path: Path) -> None:
    png = write(tmp_path, "picture.png", PNG)
    article = write(tmp_path, "article.txt", ARTICLE)
    result = run([str(png), str(article)])
    assert result.exit_code == 1
    assert result.stdout == f"==> {article} <==\n{ARTICLE}"
    assert result.stderr == f"summarize: {png}: {NOT_TEXT}\n"


# --- Line breaks and spaces of every kind -------------------------------------------------------


@pytest.mark.parametrize(
    ("transform", "expected"),
    [
        pytest.param(lambda text: text.replace("\n", "\r\n"), ARTICLE, id="crlf"),
        pytest.param(lambda text: text.replace("\n", "\r"), ARTICLE, id="cr"),
        pytest.param(lambda text: "\ufeff" + text.replace("\n", "\r\n"), ARTICLE, id="bom-and-crlf"),
        pytest.param(lambda text: text.replace("\n", "\u2028"), ARTICLE, id="line-separator"),
        pytest.param(lambda text: text.replace("\n", "\u2029"), ARTICLE, id="paragraph-separator"),
        pytest.param(lambda text: text.replace("\n", "\n\n\n"), ARTICLE, id="blank-lines"),
        pytest.param(lambda text: text.replace(" ", "\u00a0"), ARTICLE.replace(" ", "\u00a0"), id="no-break-spaces"),
        pytest.param(lambda text: text.replace(" ", " \t "), ARTICLE.replace(" ", " \t "), id="tabs-inside"),
        pytest.param(lambda text: text.replace("\n", " \t\n  "), ARTICLE, id="trailing-and-leading-blanks"),
    ],
)
def test_line_breaks_and_spaces_of_every_kind(tmp_path: Path, transform: Callable[[str], str], expected: str) -> None:
    path = write(tmp_path, "article.txt", transform(ARTICLE))
    for args, stdin in (([str(path)], None), ([], path.read_bytes())):
        result = run(args, input=stdin)
        assert result.exit_code == 0
        assert result.stdout == expected
        assert result.stderr == ""


def test_text_without_arabic_in_a_legacy_encoding_is_summarized_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "english.txt", ENGLISH.replace("old", "vieille").encode("latin-1"))
    result = run(["--encoding", "latin-1", str(path)])
    assert result.exit_code == 0
    assert result.stdout == ENGLISH.replace("old", "vieille")
    assert result.stderr == f"summarize: warning: {path}: no Arabic text, summarized anyway\n"


@pytest.mark.parametrize(
    ("args", "start"),
    [
        pytest.param([], "\ud800 ", id="json-escape"),  # json.dumps writes it as the escape \ud800
        pytest.param(["--encoding", "utf-7"], "+2AA- ", id="utf-7"),
    ],
)
def test_corpus_line_with_a_lone_surrogate_is_a_bad_line_and_the_rest_still_summarized(
    args: list[str], start: str
) -> None:
    texts = [ENGLISH, start + ENGLISH, ENGLISH]
    corpus = "".join(json.dumps({"id": i, "text": text}) + "\n" for i, text in enumerate(texts))
    result = run(["--jsonl", *args], input=corpus.encode())
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [0, 2]
    assert result.stderr == (
        "summarize: warning: standard input:1: no Arabic text, summarized anyway\n"
        f"summarize: standard input:2: {NOT_TEXT}\n"
        "summarize: warning: standard input:3: no Arabic text, summarized anyway\n"
    )


# --- File names ------------------------------------------------------------------------------


def _path_named(tmp_path: Path, raw_name: bytes, content: str) -> Path:
    """A file whose name is raw bytes (as Python sees it: undecodable bytes as lone surrogates)."""
    path = tmp_path / os.fsdecode(raw_name)
    try:
        path.write_bytes(content.encode())
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses the name")
    return path


def test_arabic_file_name_with_spaces_is_named_in_the_header(tmp_path: Path) -> None:
    first = _path_named(tmp_path, "خبر اليوم.txt".encode(), ARTICLE)
    second = _path_named(tmp_path, b"two words.txt", ARTICLE)
    result = run([str(first), str(second)])
    assert result.exit_code == 0
    assert result.stdout == f"==> {first} <==\n{ARTICLE}\n==> {second} <==\n{ARTICLE}"
    assert result.stderr == ""


def test_file_name_that_is_not_utf8_is_printed_as_its_bytes_in_text_headers(tmp_path: Path) -> None:
    odd = _path_named(tmp_path, b"\xff\xfe-latin1-\xe9.txt", ARTICLE)
    plain = write(tmp_path, "plain.txt", ARTICLE)
    result = run([str(odd), str(plain)])
    assert result.exit_code == 0
    assert result.stdout_bytes == f"==> {odd} <==\n{ARTICLE}\n==> {plain} <==\n{ARTICLE}".encode(
        "utf-8", "surrogateescape"
    )
    assert result.stderr == ""


def test_file_name_that_is_not_utf8_is_the_json_source_losslessly(tmp_path: Path) -> None:
    odd = _path_named(tmp_path, b"\xff\xfe-latin1-\xe9.txt", ARTICLE)
    result = run(["--format", "json", str(odd)])
    assert result.exit_code == 0
    record = json.loads(result.stdout_bytes.decode("utf-8", "surrogateescape"))
    # Escaped in the JSON (\udcff) or written as the raw bytes: either way the name comes back as given.
    assert os.fsencode(record["source"]) == os.fsencode(odd)
    assert [s["text"] for s in record["sentences"]] == ARTICLE.splitlines()
    assert result.stderr == ""


# --- Codec names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "data"),
    [
        pytest.param("utf-7", b"+2AA- " + ENGLISH.encode(), id="utf-7"),
        pytest.param("unicode_escape", b"\\ud800 " + ENGLISH.encode(), id="unicode-escape"),
        pytest.param("raw_unicode_escape", b"\\udfff " + ENGLISH.encode(), id="raw-unicode-escape"),
    ],
)
def test_codec_that_spells_a_lone_surrogate_gives_not_text_exit_1(tmp_path: Path, codec: str, data: bytes) -> None:
    path = write(tmp_path, "article.txt", data)
    result = run(["--encoding", codec, str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"summarize: {path}: {NOT_TEXT}\n"


CODECS = ["utf-8", "utf-16", "utf-32-be", "cp1256", "latin-1", "ascii", "cp037", "hz", "idna", "utf-7"]
CODECS += ["unicode_escape", "raw_unicode_escape", "punycode", "undefined", "rot13", "base64", "no-such-codec"]


@pytest.mark.parametrize("codec", CODECS)
@pytest.mark.parametrize(
    "data",
    [
        pytest.param(ARTICLE.encode(), id="arabic-utf8"),
        pytest.param(ENGLISH.encode(), id="english-ascii"),
        pytest.param(b"+2AA- " + ENGLISH.encode(), id="surrogate-in-utf-7"),
        pytest.param(b"\\ud800 " + ENGLISH.encode(), id="surrogate-as-escape"),
        pytest.param(b"+2AA-\\ud800\xff\x00", id="hostile-bytes"),
    ],
)
def test_any_codec_name_ends_in_a_clean_exit_never_an_exception(tmp_path: Path, codec: str, data: bytes) -> None:
    path = write(tmp_path, "article.txt", data)
    result = run(["--encoding", codec, str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2)
