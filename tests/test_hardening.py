"""Issue 11, hardening: the library's refusals, decoding, keywords and messages (one table per function)."""

from __future__ import annotations

import pytest

import summarize
from summarize import InputError, decode, render_text, select

RAIN = "المطر غزير في المدينة.\nالقط نائم في البيت.\n"
SEA = "البحر هادئ اليوم والقارب صغير.\n" * 5  # 155 bytes in Windows-1256


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
            b"PK\x03\x04\x14\x00\x00\x00\x00\x00" + RAIN.encode() * 3,
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
