"""Whole articles: the project's sample (golden), the shared seed page, and EASC."""

import json
import statistics
from collections.abc import Callable
from pathlib import Path

import pytest

from summarize import parse_article, render_text, summarize

TESTS = Path(__file__).parent
SEED = "seed/000_74d6563dd296ce5d.txt"
EASC = "data/easc/dev.jsonl"
FINAL = tuple(".!?؟؛…")


def test_sample_article_summary_matches_golden_file() -> None:
    """Regenerate after a deliberate change: summarize tests/sample_article.txt > tests/sample_article.summary.txt."""
    text = (TESTS / "sample_article.txt").read_text(encoding="utf-8")
    golden = (TESTS / "sample_article.summary.txt").read_text(encoding="utf-8")
    assert render_text(summarize(text)) == golden


def test_seed_summary_holds_no_page_noise_title_or_fragment(shared: Callable[[str], Path]) -> None:
    text = shared(SEED).read_text(encoding="utf-8")
    title = text.splitlines()[0]
    result = summarize(text)
    assert result.title == title
    assert len(result.sentences) == 3
    for sentence in result.sentences:
        assert sentence.text.endswith(FINAL), sentence.text
        assert title not in sentence.text
        for noise in ("news-picture", "11/22/2019", "00:00", "•", "مشاركة"):
            assert noise not in sentence.text


def easc(shared: Callable[[str], Path]) -> list[dict[str, object]]:
    with shared(EASC).open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def test_easc_hard_wrapped_lines_are_joined_into_sentences(shared: Callable[[str], Path]) -> None:
    sentences = [s for row in easc(shared) for s in parse_article(str(row["article"])).sentences]
    # A wrapped line split off as a sentence of its own would end without punctuation.
    assert sum(s.rstrip("\"')»").endswith(FINAL) for s in sentences) / len(sentences) >= 0.97


@pytest.mark.parametrize("source", ["Wikipedia", "Alwatan Newspaper", "Alrai Newspaper"])
def test_easc_word_budgets_hold_with_at_least_one_sentence(shared: Callable[[str], Path], source: str) -> None:
    for row in easc(shared):
        if row["source"] != source:
            continue
        references = [s for s in row["summaries"] if s.strip()]  # type: ignore[attr-defined]
        budget = round(statistics.mean(len(s.split()) for s in references))
        chosen = summarize(str(row["article"]), words=budget).sentences
        assert chosen, row["id"]
        assert len(chosen) == 1 or sum(len(s.text.split()) for s in chosen) <= budget, row["id"]
