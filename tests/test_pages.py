"""The page benchmark (tests/bench/pages.py) on our own pages: every summary clean, every title right."""

from __future__ import annotations

import importlib
import importlib.util
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent / "bench"))
# By name, since tests/pages (the pages) would otherwise shadow the benchmark for mypy.
pages = importlib.import_module("pages")

WEB = importlib.util.find_spec("trafilatura") is not None
# Pages no rule reads cleanly, each with why (none today: p52, a headline run into its
# lead with nothing between them, is read since the headline-echo rule).
UNTOLD: dict[str, str] = {}


def _params() -> list[object]:
    params: list[object] = []
    for page in pages.load_pages():
        marks = []
        if page.path.suffix == ".html" and not WEB:
            marks.append(pytest.mark.skip(reason="needs the web extra"))
        if page.name in UNTOLD:
            marks.append(pytest.mark.xfail(reason=UNTOLD[page.name], strict=True))
        params.append(pytest.param(page, marks=marks, id=page.name))
    return params


@pytest.mark.parametrize("page", _params())
def test_page_summary_is_clean_with_its_title_and_no_furniture_keyword(page: Any) -> None:
    result = pages.run(page)
    assert result.title == page.title or pages.collapse(result.title) == pages.collapse(page.title)
    assert [pages.collapse(s) for s in result.chosen if pages.collapse(s) not in map(pages.collapse, page.body)] == []
    assert result.clean
    assert result.furniture_keywords == ()


def test_pages_cover_every_layout_and_each_shape_three_times() -> None:
    golds = pages.load_pages()
    assert len([page for page in golds if page.layout != "html"]) >= 48
    assert {page.layout for page in golds} == {"browser", "scraper", "flat", "html"}

    counts: dict[str, int] = {}
    for page in golds:
        for shape in json.loads(page.path.with_suffix(".json").read_text(encoding="utf-8"))["shapes"]:
            counts[shape] = counts.get(shape, 0) + 1
    assert {shape: count for shape, count in counts.items() if count < 3} == {}


def test_benchmark_table_counts_every_text_page_clean_but_the_untold_one() -> None:
    text_pages = [page for page in pages.load_pages() if page.path.suffix == ".txt"]
    results = pages.results(text_pages)
    assert sorted(r.page.name for r in results if not r.clean) == sorted(UNTOLD)
    assert "| **total** | " in pages.table(results)


def test_seed_article_is_clean_with_its_title(shared: Callable[[str], Path]) -> None:
    path = shared(str(pages.SEED))
    seed = pages.seed_page(path.parents[1])
    result = pages.run(seed)
    assert result.title_right
    assert result.clean
    assert result.exact
