"""Command-line tests for `summarize.main`: inputs, lengths, formats, encodings, errors, exit codes."""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO, cast

import pytest
from click.testing import CliRunner, Result

import summarize

REPO_ROOT = Path(__file__).parents[1]

# --- Toy articles ----------------------------------------------------------------------
#
# RAIN: three sentences about rain in the city (they share المطر and المدينة) and two
# one-off sentences about a cat and a fish. The first two lead; the third rain sentence
# outranks the cat sentence before it by its keywords.
RAIN_HEAVY = "المطر غزير في المدينة."  # 4 words
RAIN_WASH = "المطر يغسل المدينة."  # 3 words
CAT = "القط نائم."  # 2 words
RAIN_GARDEN = "المطر يروي المدينة."  # 3 words
FISH = "السمك طازج."  # 2 words
RAIN = f"{RAIN_HEAVY}\n{RAIN_WASH}\n{CAT}\n{RAIN_GARDEN}\n{FISH}\n"
RAIN_SUMMARY = f"{RAIN_HEAVY}\n{RAIN_WASH}\n{RAIN_GARDEN}\n"

# SEA: a second, two-sentence article for several-input tests; its first sentence (البحر twice) outranks the second.
SEA_CALM = "البحر هادئ والبحر أزرق."  # 4 words
SEA = f"{SEA_CALM}\nالقارب صغير.\n"

# WRAPPED: a title line, then a sentence hard-wrapped (with an indent) over two lines.
WRAPPED = "أخبار الطقس في المدينة اليوم\n\nالمطر الغزير يهطل منذ الصباح على\n  شوارع المدينة. القط نائم.\n"
WRAPPED_SUMMARY = "المطر الغزير يهطل منذ الصباح على شوارع المدينة.\nالقط نائم.\n"

# ENGLISH: two sentences, so the default three keeps both whatever the ranking.
ENGLISH = "The rain fell on the old city today.\nThe children walked to the school.\n"

USAGE = "Usage: summarize [OPTIONS] [FILES]...\nTry 'summarize --help' for help.\n\n"
SUBPROCESS_ENV = {**os.environ, "PYTHONWARNINGS": "ignore"}
PYTHON = [sys.executable, "-W", "ignore::SyntaxWarning", "-W", "ignore::DeprecationWarning"]


def run(args: list[str], input: str | bytes | BinaryIO | None = None) -> Result:
    """Invoke the command as `summarize ARGS` with stdout and stderr kept apart."""
    return CliRunner().invoke(summarize.main, args, input=input, prog_name="summarize")


def write(directory: Path, name: str, content: str | bytes) -> Path:
    """Write a UTF-8 (or raw bytes) input file and return its path."""
    path = directory / name
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


class _TerminalStdin(io.BytesIO):
    """A standard input that says it is an interactive terminal."""

    def isatty(self) -> bool:
        return True


class _InterruptedStdin(io.BytesIO):
    """A standard input whose read is interrupted by Ctrl-C (read(0) is click's probe)."""

    def read(self, size: int | None = -1) -> bytes:
        if size == 0:
            return b""
        raise KeyboardInterrupt


class _FailingBinaryStdout:
    """A binary stdout whose every write fails with the given error."""

    def __init__(self, error: OSError) -> None:
        self.error = error

    def write(self, data: bytes) -> int:
        raise self.error

    def flush(self) -> None:
        pass


class _FailingStdout(_FailingBinaryStdout):
    """A text stdout (with a failing .buffer) that, like CliRunner's own, has no file descriptor."""

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.buffer = _FailingBinaryStdout(error)

    def fileno(self) -> int:
        raise io.UnsupportedOperation("fileno")

    def isatty(self) -> bool:
        return False


class _FailingStdoutRunner(CliRunner):
    """A CliRunner whose isolated sys.stdout fails every write (text or binary) with the given error.

    The stream is swapped in after CliRunner's own isolation, so it is what the command sees however it reaches
    stdout (sys.stdout.buffer, click.get_binary_stream, click.echo); CliRunner restores the real one afterwards.
    """

    def __init__(self, error: OSError) -> None:
        super().__init__()
        self.error = error

    @contextlib.contextmanager
    def isolation(
        self,
        input: str | bytes | IO[Any] | None = None,
        env: Mapping[str, str | None] | None = None,
        color: bool = False,
    ) -> Iterator[tuple[io.BytesIO, io.BytesIO, io.BytesIO]]:
        with super().isolation(input=input, env=env, color=color) as streams:
            sys.stdout = cast(TextIO, _FailingStdout(self.error))
            yield streams


def run_with_failing_stdout(args: list[str], error: OSError, input: str | None = None) -> Result:
    """Invoke the command as `summarize ARGS` with every write to stdout raising error."""
    return _FailingStdoutRunner(error).invoke(summarize.main, args, input=input, prog_name="summarize")


# --- Where input comes from ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("args_for", "stdin"),
    [
        pytest.param(lambda path: [str(path)], None, id="file-argument"),
        pytest.param(lambda path: [], RAIN, id="stdin-without-file"),
        pytest.param(lambda path: ["-"], RAIN, id="dash-means-stdin"),
    ],
)
def test_single_input_is_summarized_without_header(
    tmp_path: Path, args_for: Callable[[Path], list[str]], stdin: str | None
) -> None:
    path = write(tmp_path, "rain.txt", RAIN)
    result = run(args_for(path), input=stdin)
    assert result.exit_code == 0
    assert result.stdout == RAIN_SUMMARY
    assert result.stderr == ""


def test_several_files_get_headers_separated_by_blank_lines(tmp_path: Path) -> None:
    rain = write(tmp_path, "rain.txt", RAIN)
    sea = write(tmp_path, "sea.txt", SEA)
    result = run(["-n", "1", str(rain), "-", str(sea)], input=SEA)
    assert result.exit_code == 0
    assert result.stdout == (
        f"==> {rain} <==\n{RAIN_HEAVY}\n\n==> standard input <==\n{SEA_CALM}\n\n==> {sea} <==\n{SEA_CALM}\n"
    )
    assert result.stderr == ""


# --- How much to keep -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param([], RAIN_SUMMARY, id="default-three-sentences"),
        pytest.param(["-n", "1"], f"{RAIN_HEAVY}\n", id="n-1-best-sentence-earliest-of-tie"),
        pytest.param(["--sentences", "2"], f"{RAIN_HEAVY}\n{RAIN_WASH}\n", id="sentences-2"),
        pytest.param(["-n", "9"], RAIN, id="more-sentences-than-exist-gives-all"),
        pytest.param(["-w", "7"], f"{RAIN_HEAVY}\n{RAIN_WASH}\n", id="words-7-fits-two-rain-sentences"),
        pytest.param(["--words", "5"], f"{RAIN_HEAVY}\n", id="words-5-fits-one"),
        pytest.param(["-w", "6"], f"{RAIN_HEAVY}\n{CAT}\n", id="words-6-skips-overflow-for-later-fit"),
        pytest.param(["-w", "1000"], RAIN, id="words-above-total-gives-all"),
        pytest.param(["-r", "0.5"], f"{RAIN_HEAVY}\n{RAIN_WASH}\n", id="ratio-half-of-14-words"),
        pytest.param(["--ratio", "0.2"], f"{RAIN_WASH}\n", id="ratio-3-words-keeps-the-3-word-sentence"),
        pytest.param(["-r", "1"], RAIN, id="ratio-1-gives-all"),
    ],
)
def test_length_option_chooses_sentences_in_document_order(args: list[str], expected: str) -> None:
    result = run(args, input=RAIN)
    assert result.exit_code == 0
    assert result.stdout == expected
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("args", "error"),
    [
        pytest.param(["-n", "0"], "Invalid value for '-n' / '--sentences': 0 is not in the range x>=1.", id="n-0"),
        pytest.param(
            ["-n", "-3"], "Invalid value for '-n' / '--sentences': -3 is not in the range x>=1.", id="n-negative"
        ),
        pytest.param(["-w", "0"], "Invalid value for '-w' / '--words': 0 is not in the range x>=1.", id="w-0"),
        pytest.param(["-r", "0"], "Invalid value for '-r' / '--ratio': 0.0 is not in the range 0<x<=1.", id="r-0"),
        pytest.param(["-r", "1.5"], "Invalid value for '-r' / '--ratio': 1.5 is not in the range 0<x<=1.", id="r-1.5"),
        pytest.param(
            ["-r", "-0.1"], "Invalid value for '-r' / '--ratio': -0.1 is not in the range 0<x<=1.", id="r-negative"
        ),
        pytest.param(
            ["-k", "-1"], "Invalid value for '-k' / '--keywords': -1 is not in the range x>=0.", id="k-negative"
        ),
    ],
)
def test_out_of_range_option_is_a_usage_error_exit_2(args: list[str], error: str) -> None:
    result = run(args, input=RAIN)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"{USAGE}Error: {error}\n"


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["-n", "1", "-w", "5"], id="sentences-and-words"),
        pytest.param(["-n", "1", "-r", "0.5"], id="sentences-and-ratio"),
        pytest.param(["--words", "5", "--ratio", "0.5"], id="words-and-ratio"),
        pytest.param(["-n", "1", "-w", "5", "-r", "0.5"], id="all-three"),
    ],
)
def test_two_length_options_together_are_a_usage_error_exit_2(args: list[str]) -> None:
    result = run(args, input=RAIN)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"{USAGE}Error: give at most one of --sentences, --words and --ratio\n"


# --- Output formats -------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        pytest.param([], id="default-format"),
        pytest.param(["--format", "text"], id="format-text"),
    ],
)
def test_text_format_prints_hard_wrapped_sentence_on_one_line(args: list[str]) -> None:
    result = run(args, input=WRAPPED)
    assert result.exit_code == 0
    assert result.stdout == WRAPPED_SUMMARY
    assert result.stderr == ""


def test_unknown_format_is_a_usage_error_exit_2() -> None:
    result = run(["--format", "xml"], input=RAIN)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"{USAGE}Error: Invalid value for '--format': 'xml' is not one of 'text', 'json', 'html'.\n"


@pytest.mark.parametrize(
    ("args", "stdin", "length", "expected"),
    [
        pytest.param(
            ["--format", "json", "-n", "2"],
            RAIN,
            {"sentences": 2},
            {
                "source": "-",
                "title": None,
                "sentences": [{"index": 0, "text": RAIN_HEAVY}, {"index": 1, "text": RAIN_WASH}],
                "keywords": ["المطر", "المدينة", "غزير", "يغسل", "القط", "نائم", "يروي", "السمك", "طازج"],
                "stats": {"sentences": 5, "words": 14},
            },
            id="no-title",
        ),
        pytest.param(
            ["--format", "json", "-k", "2", "-"],
            WRAPPED,
            {},
            {
                "source": "-",
                "title": "أخبار الطقس في المدينة اليوم",
                "sentences": [
                    {"index": 0, "text": "المطر الغزير يهطل منذ الصباح على\n  شوارع المدينة."},
                    {"index": 1, "text": "القط نائم."},
                ],
                "keywords": ["المطر", "الغزير"],
                "stats": {"sentences": 2, "words": 10},
            },
            id="title-and-verbatim-wrapped-text-k-2",
        ),
        pytest.param(
            ["--format", "json", "-k", "0", "-w", "4"],
            SEA,
            {"words": 4},
            {
                "source": "-",
                "title": None,
                "sentences": [{"index": 0, "text": SEA_CALM}],
                "keywords": [],
                "stats": {"sentences": 2, "words": 6},
            },
            id="k-0-no-keywords",
        ),
    ],
)
def test_json_format_prints_one_object_with_exact_keys(
    args: list[str], stdin: str, length: dict[str, Any], expected: dict[str, Any]
) -> None:
    result = run(args, input=stdin)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout.endswith("}\n")
    assert result.stdout.count("\n") == 1
    record = json.loads(result.stdout)
    assert list(record) == ["source", "title", "sentences", "keywords", "stats"]
    assert [list(sentence) for sentence in record["sentences"]] == [["index", "text", "score"]] * len(
        record["sentences"]
    )
    # The scores belong to the ranking, not the command line: they must be the library's, as numbers.
    scores = [sentence.pop("score") for sentence in record["sentences"]]
    assert scores == [sentence.score for sentence in summarize.summarize(stdin, **length).sentences]
    assert all(isinstance(value, float) for value in scores)
    assert record == expected


def test_json_lists_ten_keywords_by_default_in_library_order() -> None:
    text = f"{RAIN}\n{SEA}"
    result = run(["--format", "json"], input=text)
    assert result.exit_code == 0
    keywords = json.loads(result.stdout)["keywords"]
    assert len(keywords) == 10
    assert keywords == list(summarize.summarize(text, keywords=100).keywords[:10])


def test_json_is_utf8_arabic_not_unicode_escapes() -> None:
    result = run(["--format", "json", "-n", "1"], input=RAIN)
    assert result.exit_code == 0
    assert f'"text": "{RAIN_HEAVY}"' in result.stdout
    assert "\\u" not in result.stdout
    assert result.stdout_bytes.decode("utf-8") == result.stdout


def test_json_several_inputs_print_one_object_per_line_with_source(tmp_path: Path) -> None:
    rain = write(tmp_path, "rain.txt", RAIN)
    sea = write(tmp_path, "sea.txt", SEA)
    result = run(["--format", "json", "-n", "1", str(rain), "-", str(sea)], input=SEA)
    assert result.exit_code == 0
    lines = result.stdout.split("\n")
    assert lines[-1] == ""
    records = [json.loads(line) for line in lines[:-1]]
    assert [(r["source"], [s["text"] for s in r["sentences"]]) for r in records] == [
        (str(rain), [RAIN_HEAVY]),
        ("-", [SEA_CALM]),
        (str(sea), [SEA_CALM]),
    ]
    assert "==>" not in result.stdout
    assert result.stderr == ""


# --- Keywords in text mode ------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param(["-k", "2"], f"keywords: المطر، المدينة\n\n{RAIN_SUMMARY}", id="k-2"),
        pytest.param(["--keywords", "1", "-n", "1"], f"keywords: المطر\n\n{RAIN_HEAVY}\n", id="keywords-1"),
        pytest.param(["-k", "0"], RAIN_SUMMARY, id="k-0-no-keywords-line"),
    ],
)
def test_keywords_line_then_blank_line_before_sentences(args: list[str], expected: str) -> None:
    result = run(args, input=RAIN)
    assert result.exit_code == 0
    assert result.stdout == expected
    assert result.stderr == ""


def test_keywords_line_is_printed_for_each_of_several_files(tmp_path: Path) -> None:
    rain = write(tmp_path, "rain.txt", RAIN)
    sea = write(tmp_path, "sea.txt", SEA)
    result = run(["-k", "1", "-n", "1", str(rain), str(sea)])
    assert result.exit_code == 0
    assert result.stdout == (
        f"==> {rain} <==\nkeywords: المطر\n\n{RAIN_HEAVY}\n\n==> {sea} <==\nkeywords: البحر\n\n{SEA_CALM}\n"
    )
    assert result.stderr == ""


# --- Encodings ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "args"),
    [
        pytest.param(RAIN.encode("cp1256"), [], id="cp1256-auto-detected"),
        pytest.param(RAIN.encode("utf-8-sig"), [], id="utf8-bom"),
        pytest.param(RAIN.encode("utf-16"), [], id="utf16-bom-native"),
        pytest.param(b"\xfe\xff" + RAIN.encode("utf-16-be"), [], id="utf16-be-bom"),
        pytest.param(RAIN.encode("utf-32"), [], id="utf32-bom"),
        pytest.param(RAIN.encode("cp1256"), ["--encoding", "cp1256"], id="explicit-cp1256"),
        pytest.param(RAIN.encode("cp1256"), ["--encoding", "windows-1256"], id="explicit-windows-1256-alias"),
        pytest.param(RAIN.encode("utf-16-le"), ["--encoding", "utf-16-le"], id="explicit-utf16le-no-bom"),
        pytest.param(RAIN.encode("utf-8-sig"), ["--encoding", "utf-8"], id="explicit-utf8-bom-dropped"),
    ],
)
def test_encoded_file_is_decoded_to_the_same_summary(tmp_path: Path, data: bytes, args: list[str]) -> None:
    path = write(tmp_path, "rain.txt", data)
    result = run([*args, str(path)])
    assert result.exit_code == 0
    assert result.stdout == RAIN_SUMMARY
    assert result.stderr == ""


def test_encoded_stdin_is_decoded_like_a_file() -> None:
    result = run(["-n", "1"], input=RAIN.encode("cp1256"))
    assert result.exit_code == 0
    assert result.stdout == f"{RAIN_HEAVY}\n"
    assert result.stderr == ""


def test_unknown_encoding_name_is_a_usage_error_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path, "rain.txt", RAIN)
    result = run(["--encoding", "no-such-codec", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"{USAGE}Error: Invalid value for '--encoding': unknown text encoding: no-such-codec\n"


# Codecs that are not text codecs (base64, rot13), or cannot read a line break: Python's
# "undefined" decodes nothing, punycode only ASCII host names.
@pytest.mark.parametrize("codec", ["base64", "rot13", "undefined", "punycode"])
def test_non_text_codec_name_is_a_usage_error_exit_2(tmp_path: Path, codec: str) -> None:
    path = write(tmp_path, "rain.txt", RAIN)
    result = run(["--encoding", codec, str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"{USAGE}Error: Invalid value for '--encoding': unknown text encoding: {codec}\n"


@pytest.mark.parametrize(
    ("data", "encoding", "reason"),
    [
        pytest.param(RAIN.encode("cp1256"), "utf-8", "cannot be decoded as utf-8 (byte 0)", id="cp1256-as-utf8"),
        pytest.param(RAIN.encode("utf-8"), "ascii", "cannot be decoded as ascii (byte 0)", id="utf8-as-ascii"),
        pytest.param(b"\xd8", "utf-16-le", "cannot be decoded as utf-16-le (byte 0)", id="odd-byte-as-utf16"),
    ],
)
def test_undecodable_bytes_under_explicit_encoding_exit_1_naming_file(
    tmp_path: Path, data: bytes, encoding: str, reason: str
) -> None:
    path = write(tmp_path, "article.txt", data)
    result = run(["--encoding", encoding, str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"summarize: {path}: {reason}\n"


# --- Line endings ---------------------------------------------------------------------


@pytest.mark.parametrize("newline", [pytest.param("\r\n", id="crlf"), pytest.param("\r", id="cr")])
@pytest.mark.parametrize(
    ("text", "args", "expected"),
    [
        pytest.param(RAIN, [], RAIN_SUMMARY, id="rain-text"),
        pytest.param(WRAPPED, [], WRAPPED_SUMMARY, id="wrapped-text"),
        pytest.param(RAIN, ["-k", "2"], f"keywords: المطر، المدينة\n\n{RAIN_SUMMARY}", id="rain-keywords"),
    ],
)
def test_crlf_and_cr_line_endings_print_the_same_as_lf(
    tmp_path: Path, newline: str, text: str, args: list[str], expected: str
) -> None:
    path = write(tmp_path, "article.txt", text.replace("\n", newline))
    result = run([*args, str(path)])
    assert result.exit_code == 0
    assert result.stdout_bytes == expected.encode("utf-8")
    assert result.stderr == ""


@pytest.mark.parametrize("newline", [pytest.param("\r\n", id="crlf"), pytest.param("\r", id="cr")])
def test_crlf_and_cr_line_endings_give_the_same_json_as_lf(tmp_path: Path, newline: str) -> None:
    lf = write(tmp_path, "lf.txt", RAIN)
    other = write(tmp_path, "other.txt", RAIN.replace("\n", newline))
    result = run(["--format", "json", str(lf), str(other)])
    assert result.exit_code == 0
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert first == {**second, "source": str(lf)}
    assert result.stderr == ""


# --- Bad input ------------------------------------------------------------------------


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "missing.txt"


def _directory(tmp_path: Path) -> Path:
    path = tmp_path / "folder"
    path.mkdir()
    return path


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        pytest.param(_missing, "No such file or directory", id="missing-file"),
        pytest.param(_directory, "Is a directory", id="directory"),
        pytest.param(
            lambda d: write(d, "nul.txt", RAIN.encode() + b"\x00" + RAIN.encode()),
            "not text (binary data or an unknown encoding)",
            id="nul-bytes",
        ),
        pytest.param(
            lambda d: write(d, "binary.bin", bytes(range(256))),
            "not text (binary data or an unknown encoding)",
            id="binary-bytes",
        ),
        pytest.param(lambda d: write(d, "empty.txt", b""), "empty input", id="empty-file"),
        pytest.param(lambda d: write(d, "blank.txt", " \n\t\n  \r\n"), "empty input", id="whitespace-only"),
        pytest.param(lambda d: write(d, "bom.txt", b"\xef\xbb\xbf"), "empty input", id="bom-only"),
        pytest.param(
            lambda d: write(d, "date.txt", "الجمعة 22 نوفمبر 2019\n"),
            "no article body",
            id="only-a-date-line",
        ),
        pytest.param(
            lambda d: write(d, "noise.txt", "الجمعة 22 نوفمبر 2019\n\n• المصدر: وكالات\nمشاركة :\n"),
            "no article body",
            id="only-page-noise",
        ),
    ],
)
def test_bad_input_exits_1_with_one_line_naming_it(tmp_path: Path, make: Callable[[Path], Path], reason: str) -> None:
    path = make(tmp_path)
    result = run([str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"summarize: {path}: {reason}\n"
    assert isinstance(result.exception, SystemExit)  # a clean exit, not an escaped exception


def test_numeric_date_line_only_is_no_sentences_not_binary(tmp_path: Path) -> None:
    path = write(tmp_path, "date.txt", "22/11/2019\n")
    result = run([str(path)])
    assert result.exit_code == 1
    assert result.stderr == f"summarize: {path}: no article body\n"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file_exits_1_with_permission_denied(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.txt", RAIN)
    path.chmod(0)
    try:
        result = run([str(path)])
    finally:
        path.chmod(0o644)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"summarize: {path}: Permission denied\n"


@pytest.mark.parametrize(
    ("stdin", "reason"),
    [
        pytest.param(b"", "empty input", id="empty"),
        pytest.param(b"\x00\x01\x02", "not text (binary data or an unknown encoding)", id="binary"),
        pytest.param("الجمعة 22 نوفمبر 2019\n", "no article body", id="date-line"),
    ],
)
def test_bad_stdin_is_named_standard_input(stdin: str | bytes, reason: str) -> None:
    result = run([], input=stdin)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"summarize: standard input: {reason}\n"


def test_bad_file_among_several_is_named_and_the_others_still_print(tmp_path: Path) -> None:
    rain = write(tmp_path, "rain.txt", RAIN)
    missing = tmp_path / "missing.txt"
    empty = write(tmp_path, "empty.txt", b"")
    sea = write(tmp_path, "sea.txt", SEA)
    result = run(["-n", "1", str(rain), str(missing), str(empty), str(sea)])
    assert result.exit_code == 1
    assert result.stdout == f"==> {rain} <==\n{RAIN_HEAVY}\n\n==> {sea} <==\n{SEA_CALM}\n"
    assert result.stderr == (f"summarize: {missing}: No such file or directory\nsummarize: {empty}: empty input\n")


def test_bad_first_file_leaves_no_leading_blank_line(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    sea = write(tmp_path, "sea.txt", SEA)
    result = run(["--format", "text", "-n", "1", str(missing), str(sea)])
    assert result.exit_code == 1
    assert result.stdout == f"==> {sea} <==\n{SEA_CALM}\n"
    assert result.stderr == f"summarize: {missing}: No such file or directory\n"


@pytest.mark.parametrize(
    ("args_for", "stdin", "name"),
    [
        pytest.param(lambda path: [str(path)], None, None, id="file"),
        pytest.param(lambda path: [], ENGLISH, "standard input", id="stdin"),
    ],
)
def test_text_without_arabic_is_summarized_with_a_warning(
    tmp_path: Path, args_for: Callable[[Path], list[str]], stdin: str | None, name: str | None
) -> None:
    path = write(tmp_path, "english.txt", ENGLISH)
    result = run(args_for(path), input=stdin)
    assert result.exit_code == 0
    assert result.stdout == ENGLISH
    assert result.stderr == f"summarize: warning: {name or path}: no Arabic text, summarized anyway\n"


# --- Terminal stdin, version, help, output bytes ---------------------------------------


def test_no_file_and_terminal_stdin_is_a_usage_error_exit_2() -> None:
    result = run([], input=_TerminalStdin(RAIN.encode()))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "summarize: no input: give a FILE or pipe text in\nUsage: summarize [OPTIONS] [FILES]...\n"
    )


def test_dash_with_terminal_stdin_still_reads_it() -> None:
    result = run(["-", "-n", "1"], input=_TerminalStdin(RAIN.encode()))
    assert result.exit_code == 0
    assert result.stdout == f"{RAIN_HEAVY}\n"
    assert result.stderr == ""


def test_without_standalone_mode_the_exit_code_is_returned(tmp_path: Path) -> None:
    assert summarize.main.main([str(tmp_path / "missing.txt")], standalone_mode=False) == 1


def test_version_prints_program_name_and_module_version() -> None:
    result = run(["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"summarize, version {summarize.__version__}\n"
    assert result.stderr == ""


@pytest.mark.parametrize("flag", [pytest.param("--help", id="long"), pytest.param("-h", id="short")])
def test_help_exits_0_and_shows_examples_epilog(flag: str) -> None:
    result = run([flag])
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: summarize [OPTIONS] [FILES]...\n")
    assert result.stdout.endswith(
        "\n"
        "  Examples:\n"
        "    summarize article.txt\n"
        "    cat article.txt | summarize -n 5\n"
        "    summarize --words 80 --format json article.txt\n"
        "    summarize -k 5 first.txt second.txt\n"
        "    summarize --format html article.txt > view.html\n"
        "    summarize --jsonl -j 0 corpus.jsonl > summaries.jsonl\n"
        "\n"
        "  Exit codes: 0 every input summarized; 1 some input could not be\n"
        "  summarized or a corpus line was bad (named on stderr, the rest is\n"
        "  still printed); 2 usage error; 129 hung up; 130 interrupted; 141\n"
        "  output closed early; 143 terminated.\n"
    )
    assert result.stderr == ""


@pytest.mark.parametrize(
    "fmt", [pytest.param("text", id="text"), pytest.param("json", id="json"), pytest.param("html", id="html")]
)
def test_output_is_utf8_bytes(fmt: str) -> None:
    result = run(["--format", fmt, "-n", "1"], input=RAIN)
    assert result.exit_code == 0
    assert RAIN_HEAVY.encode("utf-8") in result.stdout_bytes
    assert result.stdout_bytes.decode("utf-8").count(RAIN_HEAVY) == 1


# --- Interrupts and write errors ------------------------------------------------------


def test_keyboard_interrupt_while_reading_stdin_exits_130_quietly() -> None:
    result = run([], input=_InterruptedStdin(b""))
    assert result.exit_code == 130
    assert result.stdout == ""
    assert result.stderr == ""


def test_keyboard_interrupt_while_reading_a_file_exits_130_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "rain.txt", RAIN)

    def interrupted(name: str, max_bytes: int = 0) -> bytes:
        raise KeyboardInterrupt

    monkeypatch.setattr(summarize, "_read_bytes", interrupted)
    result = run([str(path)])
    assert result.exit_code == 130
    assert result.stdout == ""
    assert result.stderr == ""


@pytest.mark.parametrize(
    "fmt", [pytest.param("text", id="text"), pytest.param("json", id="json"), pytest.param("html", id="html")]
)
def test_broken_pipe_while_writing_exits_141_quietly(fmt: str) -> None:
    result = run_with_failing_stdout(["--format", fmt], BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE)), RAIN)
    assert result.exit_code == 141
    assert result.stdout == ""
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("code", "message"),
    [
        pytest.param(errno.ENOSPC, "No space left on device", id="enospc"),
        pytest.param(errno.EIO, "Input/output error", id="eio"),
    ],
)
def test_other_write_error_exits_1_with_one_line(code: int, message: str) -> None:
    result = run_with_failing_stdout([], OSError(code, os.strerror(code)), RAIN)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"summarize: write error: {message}\n"


# --- Real subprocesses ----------------------------------------------------------------


def test_script_run_directly_summarizes_a_file(tmp_path: Path) -> None:
    path = write(tmp_path, "rain.txt", RAIN)
    completed = subprocess.run(
        [*PYTHON, "summarize.py", "-k", "2", str(path)],
        cwd=REPO_ROOT,
        env=SUBPROCESS_ENV,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0
    assert completed.stdout.decode("utf-8") == f"keywords: المطر، المدينة\n\n{RAIN_SUMMARY}"
    assert completed.stderr == b""


def test_script_output_pipe_closed_early_exits_141_quietly(tmp_path: Path) -> None:
    # Far more output than a pipe buffer holds, so the writer must meet the closed pipe.
    long_article = "".join(f"{RAIN_HEAVY}\n{RAIN_WASH}\n" for _ in range(4000))
    path = write(tmp_path, "long.txt", long_article)
    with subprocess.Popen(
        [*PYTHON, "summarize.py", "-r", "1", str(path)],
        cwd=REPO_ROOT,
        env=SUBPROCESS_ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        process.stdout.close()
        stderr = process.stderr.read()
        returncode = process.wait(timeout=120)
    assert returncode == 141
    assert stderr == b""


class _TrickleStream(io.BytesIO):
    """A binary stream that takes at most `limit` bytes a write, like a pipe or a nearly full file."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def write(self, data: Any) -> int:
        return super().write(bytes(data[: self.limit]))


def test_short_writes_are_continued_until_all_is_written() -> None:
    stream = _TrickleStream(limit=3)
    summarize._write_all(stream, "المطر غزير.".encode())
    assert stream.getvalue().decode() == "المطر غزير."


def test_a_write_that_takes_nothing_is_an_error() -> None:
    with pytest.raises(OSError, match="nothing could be written"):
        summarize._write_all(_TrickleStream(limit=0), b"x")
