"""Speed work must not change a result: every summary, keyword and body sentence matches a stored digest.

tests/unchanged.json holds, for each article of EASC dev, of the pages under tests/pages and
for the sample and the seed, a digest of what summarize() makes of it: the title, every body
sentence, the default summary with its scores and keywords, and a 60-word summary. A change
that is meant to change results rewrites the file, deliberately and in its own commit:

    python tests/test_unchanged.py --write [SHARED]
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import summarize

ROOT = Path(__file__).resolve().parents[1]
DIGESTS = ROOT / "tests" / "unchanged.json"
WEB = importlib.util.find_spec("trafilatura") is not None


def _shared_root() -> Path:
    return Path(os.environ.get("SUMMARIZE_SHARED") or ROOT.parent / "shared")


def _articles(group: str, shared: Path) -> Iterator[tuple[str, str, str | None]]:
    """(name, text, known title) for each article of a group; none where its source is absent."""
    if group == "easc":
        data = shared / "data" / "easc" / "dev.jsonl"
        if data.is_file():
            for line in data.read_text(encoding="utf-8").splitlines():
                record = json.loads(line)
                yield record["id"], record["article"], None
    elif group == "seed":
        for path in sorted((shared / "seed").glob("*.txt")):
            yield path.name, summarize.decode(path.read_bytes()), None
    elif group == "pages":
        for path in sorted((ROOT / "tests" / "pages").glob("*.txt")):
            yield path.name, summarize.decode(path.read_bytes()), None
    elif group == "html" and WEB:
        for path in sorted((ROOT / "tests" / "pages" / "html").glob("*.html")):
            page = summarize.extract_html(path.read_bytes())
            yield path.name, page.text, page.title
    elif group == "sample":
        yield "sample_article.txt", (ROOT / "tests" / "sample_article.txt").read_text(encoding="utf-8"), None


GROUPS = ("easc", "seed", "pages", "html", "sample")


def digest(text: str, title: str | None) -> str:
    """A short digest of everything summarize() and parse_article() make of one article."""
    body = summarize.parse_article(text, title=title)
    default = summarize.summarize(text, title=title)
    short = summarize.summarize(text, words=60, keywords=0, title=title)
    facts = {
        "title": body.title,
        "body": list(body.sentences),
        "default": [[s.index, s.text, s.score] for s in default.sentences],
        "keywords": list(default.keywords),
        "stats": [default.total_sentences, default.total_words],
        "words=60": [s.index for s in short.sentences],
    }
    return hashlib.sha256(json.dumps(facts, ensure_ascii=False).encode()).hexdigest()[:16]


def digests(shared: Path) -> dict[str, dict[str, str]]:
    """Every group's digests, by article name."""
    return {group: {name: digest(text, title) for name, text, title in _articles(group, shared)} for group in GROUPS}


@pytest.mark.parametrize("group", GROUPS)
def test_results_match_the_stored_digests(group: str) -> None:
    stored = json.loads(DIGESTS.read_text(encoding="utf-8"))[group]
    found = {name: digest(text, title) for name, text, title in _articles(group, _shared_root())}
    if not found:
        pytest.skip(f"no {group} articles here (shared material or the web extra absent)")
    assert sorted(found) == sorted(stored)
    assert {name: value for name, value in found.items() if stored[name] != value} == {}


if __name__ == "__main__":
    if sys.argv[1:2] != ["--write"]:
        sys.exit(f"usage: {sys.argv[0]} --write [SHARED]")
    table = digests(Path(sys.argv[2]) if len(sys.argv) > 2 else _shared_root())
    if not all(table.values()):
        sys.exit(f"refusing to write: no articles in {[group for group, found in table.items() if not found]}")
    DIGESTS.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {sum(map(len, table.values()))} digests to {DIGESTS}")


@pytest.mark.parametrize("cap", [1, 5, 40])
def test_a_vocabulary_that_fills_and_empties_changes_no_result(monkeypatch: pytest.MonkeyPatch, cap: int) -> None:
    text = (ROOT / "tests" / "sample_article.txt").read_text(encoding="utf-8")
    summarize._vocabulary.cache_clear()
    expected = summarize.summarize(text), summarize.tokenize(text)
    monkeypatch.setattr(summarize, "MAX_REMEMBERED_FORMS", cap)
    summarize._vocabulary.cache_clear()
    try:
        summarize.tokenize("كلمات أخرى كثيرة تملأ الذاكرة قبل المقال نفسه مرة بعد مرة")
        assert (summarize.summarize(text), summarize.tokenize(text)) == expected
        assert len(summarize._vocabulary()._known) <= cap
    finally:
        summarize._vocabulary.cache_clear()
