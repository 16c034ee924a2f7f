"""Atheris fuzz target: any bytes through what the command does, decode -> summarize -> render.

Run it with `tests/fuzz/run [SECONDS]`, or by hand:
`python tests/fuzz/fuzz_summarize.py -max_total_time=20 CORPUS_DIR tests/fuzz/seeds`.
The one exception expected is InputError from decode: anything else, or a broken promise
(a sentence that is not verbatim, more sentences than asked, output that is not UTF-8 or
JSON that does not parse back, a view that loses part of the text), is a crash. Each input
is also a corpus line (--jsonl), which must give one JSON line or one one-line reason.
Importing this module needs no atheris.
"""

from __future__ import annotations

import json
import sys
import warnings
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# (sentences, words, ratio, keywords) for summarize().
Options = tuple[int | None, int | None, float | None, int]
# The fuzzer picks one by the input's checksum, so that seeds stay plain text and every
# length option gets its share of the inputs, whatever their encoding.
OPTIONS: tuple[Options, ...] = (
    (None, None, None, 0),
    (1, None, None, 3),
    (None, 12, None, 10),
    (None, None, 0.3, 0),
)


def check(data: bytes, options: Options = OPTIONS[0]) -> None:
    """Run one input as the command would, with these options, and check what it promises."""
    import summarize  # already imported, instrumented, by main() when fuzzing

    try:
        text = summarize.decode(data)
    except summarize.InputError:
        return
    sentences, words, ratio, keywords = options
    result = summarize.summarize(text, sentences=sentences, words=words, ratio=ratio, keywords=keywords)
    chosen = result.sentences
    assert len(chosen) <= (sentences or (result.total_sentences if words or ratio else summarize.DEFAULT_SENTENCES))
    assert bool(chosen) == bool(result.total_sentences)
    assert [s.index for s in chosen] == sorted({s.index for s in chosen})
    for sentence in chosen:
        assert 0 <= sentence.index < result.total_sentences
        assert sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.text in text
    if result.title is not None:
        assert result.title
        assert result.title == result.title.strip()
        assert result.title in text
    if len(chosen) > 1 and (words or ratio):  # a budget in words binds unless one sentence alone exceeds it
        budget = words or (ratio or 0) * result.total_words + 0.5  # the ratio's share, rounded
        assert sum(len(s.text.split()) for s in chosen) <= budget
    assert len(set(result.keywords)) == len(result.keywords) <= keywords
    output = summarize.render_text(result, keywords)
    output.encode("utf-8")
    lines = output.split("\n")
    assert lines.pop() == ""
    assert output.splitlines() == lines  # no other line breaks: one sentence a line for any reader
    body = lines[2:] if keywords else lines
    assert ["".join(line.split()) for line in body] == ["".join(s.text.split()) for s in chosen]
    record = json.loads(summarize.render_json(result, "-").encode("utf-8"))
    assert record == {
        "source": "-",
        "title": result.title,
        "sentences": [{"index": s.index, "text": s.text, "score": s.score} for s in chosen],
        "keywords": list(result.keywords),
        "stats": {"sentences": result.total_sentences, "words": result.total_words},
    }
    # The view (--format html) shows the whole text in pieces, the body sentences among them in order.
    article = summarize.parse_article(text)
    pieces = list(summarize._view_pieces(text, article))
    assert "".join(piece for _, piece in pieces) == text
    assert tuple(piece for kind, piece in pieces if kind == "sentence") == article.sentences


def check_line(data: bytes, options: Options = OPTIONS[0]) -> None:
    """Run one corpus line as `summarize --jsonl` would, and check what it promises."""
    import summarize

    sentences, words, ratio, keywords = options
    lengths = summarize._Lengths(sentences, words, ratio, keywords)
    (result,) = summarize._summarize_lines(lengths, "utf-8", "-", [(7, data.replace(b"\n", b" "))])
    assert result.number == 7
    assert bool(result.output) != bool(result.error)
    if result.error:
        assert result.error == result.error.strip()
        assert "\n" not in result.error
        return
    assert result.output.endswith("\n")
    assert result.output.count("\n") == 1
    record = json.loads(result.output.encode("utf-8"))
    assert record["source"] == "-:7"
    assert list(record)[-5:] == ["source", "title", "sentences", "keywords", "stats"]
    assert 0 < len(record["sentences"]) <= (sentences or record["stats"]["sentences"])


def fuzz_one_input(data: bytes) -> None:
    """The fuzzer's entry point: check data, as an article and as a corpus line, with the options its checksum picks."""
    options = OPTIONS[zlib.crc32(data) % len(OPTIONS)]
    check(data, options)
    check_line(data, options)


def main() -> None:
    """Fuzz fuzz_one_input() under libFuzzer; sys.argv takes libFuzzer's options and corpus folders."""
    import atheris

    # pyarabic 0.6.15 has invalid escape sequences: compiling it must not warn, nor fail under -W error.
    for category in (SyntaxWarning, DeprecationWarning):
        warnings.filterwarnings("ignore", message="invalid escape sequence", category=category)
    sys.path.insert(0, str(ROOT))
    with atheris.instrument_imports(include=["summarize"]):
        import summarize  # noqa: F401
    atheris.Setup(sys.argv, fuzz_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
