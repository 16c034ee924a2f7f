"""Invariants that hold for any text, and for any bytes the command may read, checked with hypothesis."""

import json
import os
import subprocess
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from fuzz.fuzz_summarize import OPTIONS, Options
from fuzz.fuzz_summarize import check as check_command_pipeline
from hypothesis import example, given, settings
from hypothesis import strategies as st

from summarize import InputError, decode, parse_article, render_json, render_text, split_sentences, summarize

REPO_ROOT = Path(__file__).parents[1]

# Arabic letters, harakat, tatweel, Arabic and Latin punctuation, digits of three
# scripts, Latin letters, whitespace of every kind, bidi and zero-width controls, BOM,
# NUL and emoji: the pieces real and hostile input is made of.
PIECE_LIST = [
    *"ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآىةؤئ",
    *"\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640",
    *".!?؟؛…،,:;«»\"'()-•",
    *"0123456789٠١٢٣٤٥٦٧٨٩۰۱۲",
    *"abcXYZ",
    *" \t\n\r\x0b\x0c\x1c\x85\u00a0\u2028\u2029\u3000",
    "\r\n",
    "\n\n",
    *"\u200e\u200f\u202b\u202c\u200b\u200c\u200d\ufeff\x00\U0001f600",
    # presentation forms and ligatures (NFKC makes words of them), a Latin combining mark, a lone surrogate
    *"\ufefb\ufdfa\ufdf2\u0301\udc80",
    "news-picture",
    "مشاركة :",
    "  • 03/05/2021\n",
    "أ.د. ",
    "3.5",
    "المدينة ",
    "وقال ",
]
PIECES = st.sampled_from(PIECE_LIST)
TEXTS = st.one_of(st.lists(PIECES, max_size=300).map("".join), st.text(max_size=300))
LENGTHS: st.SearchStrategy[dict[str, float]] = st.one_of(
    st.fixed_dictionaries({}),
    st.fixed_dictionaries({"sentences": st.integers(1, 20)}),
    st.fixed_dictionaries({"words": st.integers(1, 200)}),
    st.fixed_dictionaries({"ratio": st.floats(0.01, 1.0)}),
)
# What the command may read: any bytes, and texts in the encodings it detects.
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "cp1256"]
BYTES = st.one_of(
    st.binary(max_size=400),
    st.builds(lambda text, encoding: text.encode(encoding, errors="ignore"), TEXTS, st.sampled_from(ENCODINGS)),
)
ALLOWED_CONTROLS = "\t\n\x0b\r\x0c"


def _is_text(piece: str) -> bool:
    """Whether decode() may return piece: no control but tab, line breaks (\\v too), form feed; no surrogate."""
    return not any(unicodedata.category(c) in ("Cc", "Cs") and c not in ALLOWED_CONTROLS for c in piece)


# Text as decode() can return it, not starting with U+FEFF (which would be read as a byte-order mark).
DECODABLE_TEXTS = st.one_of(
    st.lists(st.sampled_from([piece for piece in PIECE_LIST if _is_text(piece)]), max_size=300).map("".join),
    st.text(st.characters(exclude_categories=["Cc", "Cs"], include_characters=ALLOWED_CONTROLS), max_size=300),
).filter(lambda text: not text.startswith("\ufeff"))
# Any text at all, lone surrogates too (a file name that is not UTF-8 reaches Python as one).
ANY_TEXTS = st.text(max_size=40) | st.builds(
    lambda before, surrogate, after: before + chr(surrogate) + after,
    st.text(max_size=20),
    st.integers(0xD800, 0xDFFF),
    st.text(max_size=20),
)
# Every kind of codec a user can name with --encoding: detected ones, legacy ones, and the odd ones
# (utf-7 and the escape codecs can spell lone surrogates; punycode and undefined raise UnicodeError).
CODECS = [
    "utf-8",
    "utf-16",
    "utf-16-be",
    "utf-32",
    "cp1256",
    "latin-1",
    "ascii",
    "cp037",
    "hz",
    "idna",
    "utf-7",
    "unicode_escape",
    "raw_unicode_escape",
    "punycode",
    "undefined",
]


def _in_order(pieces: Sequence[str], text: str) -> bool:
    """Whether pieces occur in text one after another, without overlapping."""
    position = 0
    for piece in pieces:
        found = text.find(piece, position)
        if found < 0:
            return False
        position = found + len(piece)
    return True


@given(TEXTS, LENGTHS)
def test_chosen_sentences_are_verbatim_in_order_and_within_budget(text: str, length: dict[str, float]) -> None:
    result = summarize(text, **length)  # type: ignore[arg-type]
    assert all(sentence.text in text for sentence in result.sentences)
    assert [s.index for s in result.sentences] == sorted({s.index for s in result.sentences})
    assert len(result.sentences) <= length.get("sentences", 3 if not length else result.total_sentences)
    if "words" in length and len(result.sentences) > 1:
        assert sum(len(s.text.split()) for s in result.sentences) <= length["words"]
    if "ratio" in length and len(result.sentences) > 1:
        assert sum(len(s.text.split()) for s in result.sentences) <= length["ratio"] * result.total_words + 0.5
    assert bool(result.sentences) == bool(result.total_sentences)


@given(TEXTS)
def test_article_parts_are_verbatim_stripped_in_order_and_all_chosen_under_ratio_1(text: str) -> None:
    article = parse_article(text)
    parts = ((article.title,) if article.title is not None else ()) + article.sentences
    assert _in_order(parts, text)
    assert all(part and part == part.strip() for part in parts)
    sentences = split_sentences(text)
    assert _in_order(sentences, text)
    assert all(sentence and sentence == sentence.strip() for sentence in sentences)
    result = summarize(text, ratio=1.0)
    assert result.title == article.title
    assert result.total_sentences == len(article.sentences)
    assert result.total_words == sum(len(sentence.split()) for sentence in article.sentences)
    assert [(s.index, s.text) for s in result.sentences] == list(enumerate(article.sentences))


@given(TEXTS, st.integers(0, 30))
@example("\ufdfa.", 2)  # one written word (a ligature NFKC spells as four words) stands for several stems
def test_keywords_are_distinct_and_no_more_than_asked(text: str, keywords: int) -> None:
    result = summarize(text, keywords=keywords)
    assert len(result.keywords) <= keywords
    assert len(set(result.keywords)) == len(result.keywords)


@given(TEXTS)
def test_summary_is_deterministic(text: str) -> None:
    assert summarize(text) == summarize(text)


@given(TEXTS)
def test_outputs_render_one_line_a_sentence_and_valid_json(text: str) -> None:
    result = summarize(text, keywords=5)
    assert len(render_text(result).splitlines()) == len(result.sentences)
    record = json.loads(render_json(result, "-"))
    assert [s["text"] for s in record["sentences"]] == [s.text for s in result.sentences]


TITLED = summarize("عنوان الخبر الذي نشر اليوم\n\nالمطر غزير في المدينة. القط نائم في البيت.\n", keywords=5)


@given(ANY_TEXTS)
def test_render_json_parses_back_to_the_summary_for_any_source_name(source: str) -> None:
    result = TITLED
    assert json.loads(render_json(result, source)) == {
        "source": source,
        "title": "عنوان الخبر الذي نشر اليوم",
        "sentences": [{"index": s.index, "text": s.text, "score": s.score} for s in result.sentences],
        "keywords": list(result.keywords),
        "stats": {"sentences": 2, "words": 8},
    }


# --- Bytes, as the command reads them ------------------------------------------------------


@given(BYTES)
def test_decode_of_any_bytes_is_text_without_controls_or_input_error(data: bytes) -> None:
    try:
        text = decode(data)
    except InputError:
        return
    assert _is_text(text)  # no lone surrogate either: the command can print any of it


@given(BYTES, st.sampled_from(CODECS))
@example(b"+2AA-", "utf-7")  # a lone surrogate, spelt in UTF-7
@example(b"\\ud800", "unicode_escape")  # a lone surrogate, spelt as an escape
@example(b"\x00", "punycode")  # the punycode codec raises UnicodeError, not UnicodeDecodeError
@example(b"a", "undefined")  # and so does the codec that decodes nothing
def test_decode_with_a_named_codec_is_text_or_input_error(data: bytes, codec: str) -> None:
    try:
        text = decode(data, codec)
    except InputError:
        return
    assert _is_text(text)


@given(DECODABLE_TEXTS, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_text_in_a_detected_encoding_decodes_to_itself(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == text


@given(BYTES, st.sampled_from(OPTIONS))
def test_any_bytes_through_the_command_pipeline_keep_its_promises(data: bytes, options: Options) -> None:
    check_command_pipeline(data, options)


# --- Across processes ------------------------------------------------------------------------

# Texts full of ties (equal scores, equal keyword counts) where set or hash order would show.
TIED_TEXTS = [
    "المطر غزير. القط نائم. السمك طازج. الباب مغلق. الشمس مشرقة.",
    "سقط المطر. سقط الثلج. هبت الريح. هبت العاصفة. سقط البرد.",
    "Rain fell. Snow fell. The wind blew. The storm blew. Hail fell.",
    (REPO_ROOT / "tests" / "sample_article.txt").read_text(encoding="utf-8"),
]
SUMMARIZE_ALL = """
import json, sys
from summarize import render_json, summarize
for text in json.loads(sys.stdin.read()):
    for options in ({}, {"sentences": 2}, {"words": 9}, {"ratio": 0.5}):
        sys.stdout.write(render_json(summarize(text, keywords=50, **options), "-"))
"""


def test_summaries_are_the_same_under_any_hash_seed() -> None:
    outputs = []
    for seed in ("0", "1", "2"):
        completed = subprocess.run(
            [sys.executable, "-W", "ignore", "-c", SUMMARIZE_ALL],
            input=json.dumps(TIED_TEXTS).encode(),
            capture_output=True,
            cwd=REPO_ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            timeout=120,
            check=True,
        )
        outputs.append(completed.stdout)
    assert outputs[0].count(b"\n") == 4 * len(TIED_TEXTS)
    assert outputs[1:] == [outputs[0], outputs[0]]


# Corpus lines: good records with any text, and lines that are bad in each way a line can be.
CORPUS_LINES = st.one_of(
    TEXTS.map(lambda text: json.dumps({"text": text}, ensure_ascii=False)),
    st.sampled_from(TIED_TEXTS).map(lambda text: json.dumps({"id": 1, "text": text})),
    st.sampled_from(["", "{oops", '{"text": null}', "[" * 975 + "]" * 975, '{"text": "\\ud800"}']),
    st.binary(max_size=40).map(lambda data: data.decode("latin-1")),
)


# Few examples: each runs the command twice, and -j 2 starts processes.
@settings(max_examples=5)
@given(st.lists(CORPUS_LINES, min_size=33, max_size=100))  # more than one chunk: -j 2 uses two processes
def test_corpus_output_is_the_same_with_one_process_and_two(lines: list[str]) -> None:
    data = "".join(f"{line}\n" for line in lines).encode("utf-8", errors="surrogatepass")
    outputs = [
        subprocess.run(
            [sys.executable, "-W", "ignore", str(REPO_ROOT / "summarize.py"), "--jsonl", "-j", jobs],
            input=data,
            capture_output=True,
            timeout=120,
            check=False,
        )
        for jobs in ("1", "2")
    ]
    assert [(o.returncode, o.stdout, o.stderr) for o in outputs[1:]] == [
        (outputs[0].returncode, outputs[0].stdout, outputs[0].stderr)
    ]
    assert b"Traceback" not in outputs[0].stderr
