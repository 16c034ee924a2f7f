"""The fuzz target's check: it passes on every seed under every length option, and fails on a broken promise."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fuzz.fuzz_summarize import OPTIONS, Options, check, check_line, fuzz_one_input

import summarize

_VIEW_PIECES = summarize._view_pieces

SEEDS = sorted((Path(__file__).parent / "fuzz" / "seeds").iterdir())


@pytest.mark.parametrize("options", OPTIONS, ids=str)
@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: seed.name)
def test_fuzz_check_passes_on_every_seed(seed: Path, options: Options) -> None:
    check(seed.read_bytes(), options)


def test_fuzz_entry_point_passes_on_every_seed() -> None:
    for seed in SEEDS:
        fuzz_one_input(seed.read_bytes())


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"\x00\x01\x02", id="binary-refused-by-decode"),
        pytest.param("الجمعة 22 نوفمبر 2019\n".encode(), id="no-sentence"),
    ],
)
def test_fuzz_check_passes_on_input_with_nothing_to_summarize(data: bytes) -> None:
    check(data)


def _not_verbatim(text: str, **options: object) -> summarize.Summary:
    return summarize.Summary((summarize.Sentence(0, "جملة ليست في النص.", 1.0),), (), None, 1, 4)


def _repeated_keywords(text: str, **options: object) -> summarize.Summary:
    return summarize.Summary((), ("مطر", "مطر"), None, 0, 0)


def _broken_json(summary: summarize.Summary, source: str) -> str:
    return '{"source": '


def _two_lines_a_sentence(summary: summarize.Summary, keywords: int = 0) -> str:
    return "".join(f"{s.text}\n\n" for s in summary.sentences)


def _view_without_space(text: str, article: summarize.Article) -> Iterator[tuple[str, str]]:
    return ((kind, piece) for kind, piece in _VIEW_PIECES(text, article) if kind != "space")


@pytest.mark.parametrize(
    ("name", "broken", "error"),
    [
        pytest.param("summarize", _not_verbatim, AssertionError, id="sentence-not-in-text"),
        pytest.param("summarize", _repeated_keywords, AssertionError, id="repeated-keywords"),
        pytest.param("render_json", _broken_json, ValueError, id="json-does-not-parse"),
        pytest.param("render_text", _two_lines_a_sentence, AssertionError, id="text-not-one-line-a-sentence"),
        pytest.param("_view_pieces", _view_without_space, AssertionError, id="view-loses-text"),
    ],
)
def test_fuzz_check_fails_on_a_broken_promise(
    monkeypatch: pytest.MonkeyPatch, name: str, broken: Callable[..., object], error: type[Exception]
) -> None:
    monkeypatch.setattr(summarize, name, broken)
    with pytest.raises(error):
        check("المطر غزير في المدينة اليوم.\n".encode(), (None, 12, None, 10))


@pytest.mark.parametrize("options", OPTIONS, ids=str)
@pytest.mark.parametrize(
    "data",
    [
        *(pytest.param(seed.read_bytes(), id=seed.name) for seed in SEEDS),
        pytest.param(b'{"text": "\xd8\xa7\xff"}', id="invalid-utf8"),
        pytest.param(b"[" * 5000, id="deep"),
        pytest.param(b'{"text": null}', id="null-text"),
        pytest.param(b'{"n": ' + b"9" * 5000 + b"}", id="huge-integer"),
    ],
)
def test_fuzz_line_check_passes_on_every_seed_and_bad_line(data: bytes, options: Options) -> None:
    check_line(data, options)


def _two_lines(record: dict[str, object]) -> str:
    return "{}\n{}\n"


def test_fuzz_line_check_fails_when_a_line_gives_two(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(summarize, "_json_line", _two_lines)
    with pytest.raises(AssertionError):
        check_line('{"text": "المطر غزير في المدينة اليوم."}'.encode())
