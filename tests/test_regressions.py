"""Inputs that broke a promise, found by fuzzing and by the property tests: one table per function."""

import pytest
from fuzz.fuzz_summarize import OPTIONS, Options, check

from summarize import InputError, decode, summarize

# The fuzzer's first crash (tests/fuzz/run, 261 inputs in): short UTF-8 with two bytes broken, read as
# Windows-1256 mojibake, where byte B2 is "²": a "letter" to the word pattern, the digit 2 once
# normalized, so one written word gave two stems and the keywords showed it twice.
FUZZ_CRASH_2EABC2C1 = bytes.fromhex(
    "e280a22031312fd8a7d984d985d8afd98ad986d8a7d8b1d983d8a9203a0a6e6577732d706963747572650ad8a7d984d9"
    "85d8b7d8b120d8c1d8b2d98adeb120d981d98a20d8a7d984d985d8afd98ad986d8a920d8a7d984d98ad988d9852e0a"
)


@pytest.mark.parametrize("options", OPTIONS, ids=str)
@pytest.mark.parametrize(
    "data",
    [
        pytest.param(FUZZ_CRASH_2EABC2C1, id="fuzz-crash-2eabc2c1"),
        pytest.param("المطر غزير² في المدينة.".encode("cp1256"), id="its-minimal-form-in-windows-1256"),
    ],
)
def test_fuzz_crash_and_its_minimal_form_pass_the_fuzz_check(data: bytes, options: Options) -> None:
    check(data, options)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One written word whose normalized form is several words has several stems, all shown as that one word.
        pytest.param("\ufdfa.", ("\ufdfa",), id="ligature-that-spells-four-words"),
        pytest.param("كتب²قلم.", ("كتب²قلم",), id="superscript-digit-inside-a-word"),
    ],
)
def test_a_word_with_several_stems_is_one_keyword(text: str, expected: tuple[str, ...]) -> None:
    assert summarize(text, keywords=10).keywords == expected


@pytest.mark.parametrize(
    ("data", "codec"),
    [
        pytest.param(b"+2AA-", "utf-7", id="utf-7-lone-surrogate"),
        pytest.param(b"\\ud800", "unicode_escape", id="escaped-lone-surrogate"),
        pytest.param(b"\\udfff", "raw_unicode_escape", id="raw-escaped-lone-surrogate"),
        pytest.param(b"\x00", "punycode", id="punycode-raises-unicode-error"),
        pytest.param(b"a", "undefined", id="undefined-codec-raises-unicode-error"),
    ],
)
def test_decode_with_a_named_codec_raises_input_error_for_what_is_not_text(data: bytes, codec: str) -> None:
    with pytest.raises(InputError):
        decode(data, codec)
