"""Invariants that hold for any text, checked with hypothesis."""

import json

from hypothesis import given
from hypothesis import strategies as st

from summarize import render_json, render_text, summarize

# Arabic letters, harakat, tatweel, Arabic and Latin punctuation, digits of three
# scripts, Latin letters, whitespace of every kind, bidi and zero-width controls, BOM,
# NUL and emoji: the pieces real and hostile input is made of.
PIECES = st.sampled_from(
    [
        *"ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآىةؤئ",
        *"\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640",
        *".!?؟؛…،,:;«»\"'()-•",
        *"0123456789٠١٢٣٤٥٦٧٨٩۰۱۲",
        *"abcXYZ",
        *" \t\n\r\x0c\u00a0\u2028\u2029",
        "\r\n",
        "\n\n",
        *"\u200e\u200f\u202b\u202c\u200b\u200c\u200d\ufeff\x00\U0001f600",
        "news-picture",
        "مشاركة :",
        "  • 11/22/2019\n",
        "أ.د. ",
        "3.5",
    ]
)
TEXTS = st.one_of(st.lists(PIECES, max_size=300).map("".join), st.text(max_size=300))
LENGTHS: st.SearchStrategy[dict[str, float]] = st.one_of(
    st.fixed_dictionaries({}),
    st.fixed_dictionaries({"sentences": st.integers(1, 20)}),
    st.fixed_dictionaries({"words": st.integers(1, 200)}),
    st.fixed_dictionaries({"ratio": st.floats(0.01, 1.0)}),
)


@given(TEXTS, LENGTHS)
def test_chosen_sentences_are_verbatim_in_order_and_within_budget(text: str, length: dict[str, float]) -> None:
    result = summarize(text, **length)  # type: ignore[arg-type]
    assert all(sentence.text in text for sentence in result.sentences)
    assert [s.index for s in result.sentences] == sorted({s.index for s in result.sentences})
    assert len(result.sentences) <= length.get("sentences", 3 if not length else result.total_sentences)
    if "words" in length and len(result.sentences) > 1:
        assert sum(len(s.text.split()) for s in result.sentences) <= length["words"]
    assert bool(result.sentences) == bool(result.total_sentences)


@given(TEXTS)
def test_summary_is_deterministic(text: str) -> None:
    assert summarize(text) == summarize(text)


@given(TEXTS)
def test_outputs_render_one_line_a_sentence_and_valid_json(text: str) -> None:
    result = summarize(text, keywords=5)
    assert len(render_text(result).splitlines()) == len(result.sentences)
    record = json.loads(render_json(result, "-"))
    assert [s["text"] for s in record["sentences"]] == [s.text for s in result.sentences]
