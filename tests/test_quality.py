"""The quality harness (tests/bench/quality.py) runs end to end, so it cannot rot."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "bench"))
quality = pytest.importorskip("quality")
rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer", reason="needs the bench extra")
pytest.importorskip("sumy", reason="needs the bench extra")
pytest.importorskip("matplotlib", reason="needs the bench extra")

SYSTEMS = [
    "summarize",
    "lead",
    "sumy luhn",
    "sumy lsa",
    "sumy lex-rank",
    "sumy text-rank",
    "sumy sum-basic",
    "sumy kl",
    "random",
    "oracle",
]


@pytest.mark.parametrize(
    ("reference", "candidate", "expected"),
    [
        pytest.param("المجلس أعلن القرار", "المجلس أعلن القرار", 1.0, id="identical-arabic-scores-one"),
        pytest.param("اعلن المجلس", "أَعلنَ المجلسُ", 1.0, id="hamza-and-diacritics-folded"),
        pytest.param("مستشفى المدرسة ٢٠١٩", "مستشفي المدرسه 2019", 1.0, id="yeh-teh-marbuta-digits-folded"),
        pytest.param("المجلس أعلن", "السوق مغلق", 0.0, id="nothing-shared-scores-zero"),
    ],
)
def test_arabic_tokenizer_makes_rouge_see_arabic(reference: str, candidate: str, expected: float) -> None:
    scorer = rouge_scorer.RougeScorer(["rouge1"], tokenizer=quality.ArabicTokenizer())
    assert scorer.score(reference, candidate)["rouge1"].fmeasure == expected


def test_harness_on_five_articles_prints_every_system_and_draws_the_plot(
    shared: Callable[[str], Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plot = tmp_path / "quality.png"
    data = shared("data/easc/dev.jsonl")
    assert quality.main(["--data", str(data), "--limit", "5", "--plot", str(plot)]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = {line.split(" | ")[0][2:]: line.split(" | ")[1:] for line in lines[2:12]}
    assert list(rows) == SYSTEMS
    r1 = {name: float(cells[0]) for name, cells in rows.items()}
    assert r1["oracle"] >= max(r1.values())
    assert all(0 < value < 1 for value in r1.values())
    assert lines[13] == "summarize minus lead (5 articles, 95% paired bootstrap):"
    assert [line.split(":")[0] for line in lines[15:18]] == ["- ROUGE-1 F", "- ROUGE-2 F", "- ROUGE-L F"]
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_budget_is_the_rounded_mean_reference_length_and_empty_references_are_skipped(tmp_path: Path) -> None:
    data = tmp_path / "tiny.jsonl"
    data.write_text(
        '{"id": "a", "source": "s", "article": "x", "summaries": ["w w w", "", "w w w w w w w"]}\n'
        '{"id": "b", "source": "s", "article": "y", "summaries": ["", " "]}\n',
        encoding="utf-8",
    )
    assert quality.load(data) == [quality.Record("a", "s", "x", ("w w w", "w w w w w w w"), 5)]
