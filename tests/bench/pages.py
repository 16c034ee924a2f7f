"""The page benchmark: clean summaries and titles on news pages, and EASC beside the release.

    python tests/bench/pages.py [--pages DIR] [--shared DIR] [--no-easc] [--verbose]

Summarizes every page under tests/pages (NAME.txt, and html/NAME.html when the web extra
is installed) with the defaults, as a user would, and checks it against the page's gold
file (tests/pages/README.md has the format), then the seed article from the shared
material. It prints, per layout and in total:

- pages whose default summary is fully clean: every chosen sentence is a gold body
  sentence, and there are as many as the default asks or the body has (none for a page
  without a body);
- chosen sentences that are clean, of all chosen;
- titles right (the gold title, or none where the page shows none), and false titles
  (a title where there is none, or the wrong one);
- furniture keywords: keywords that are not words of the gold body;
- pages whose body is exactly the gold body (a stricter view, for diagnosis).

Then ROUGE-1 and ROUGE-2 F on the EASC development split (tests/bench/quality.py's
protocol) for this code and for the release before the page rules (the module as it
stood at RELEASE, read from git), side by side, so that a page rule that costs
clean-text quality shows at once. Needs the bench extra for that part.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any, NamedTuple

import history

import summarize

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "pages"
DEFAULT_SHARED = Path(os.environ.get("SUMMARIZE_SHARED") or ROOT.parent / "shared")
SEED = Path("seed") / "000_74d6563dd296ce5d.txt"
# The seed's gold gives character offsets into the seed file, so that none of its text
# is copied here.
SEED_GOLD = PAGES / "seed.offsets.json"
# The last release before the page rules (issue 9): its EASC scores are the floor.
RELEASE = "ed77fb232071d55c75030e7476ac6ef3f2cac563"
RELEASE_SCORES = (0.4901, 0.4088)  # measured on 2026-11-29 (README, Quality), used without git


class Page(NamedTuple):
    """A page and its gold."""

    name: str
    layout: str
    path: Path
    title: str | None
    body: tuple[str, ...]


class Result(NamedTuple):
    """How the summary of one page compares with its gold."""

    page: Page
    chosen: tuple[str, ...]
    title: str | None
    keywords: tuple[str, ...]
    sentences: tuple[str, ...]  # every body sentence found

    @property
    def clean_chosen(self) -> int:
        """Chosen sentences that are gold body sentences."""
        body = {collapse(sentence) for sentence in self.page.body}
        return sum(collapse(sentence) in body for sentence in self.chosen)

    @property
    def clean(self) -> bool:
        """Every chosen sentence is body, and there are as many as the default asks or the body has."""
        wanted = min(summarize.DEFAULT_SENTENCES, len(self.page.body))
        return self.clean_chosen == len(self.chosen) == wanted

    @property
    def title_right(self) -> bool:
        """The gold title, or none where the page shows none."""
        return collapse(self.title) == collapse(self.page.title)

    @property
    def false_title(self) -> bool:
        """A title that is not the gold one."""
        return self.title is not None and not self.title_right

    @property
    def furniture_keywords(self) -> tuple[str, ...]:
        """Keywords that are not words of the gold body."""
        body = set(summarize.LETTERS.findall(summarize.normalize(" ".join(self.page.body))))
        return tuple(
            word for word in self.keywords if not set(summarize.LETTERS.findall(summarize.normalize(word))) <= body
        )

    @property
    def exact(self) -> bool:
        """The body found is exactly the gold body."""
        return [collapse(s) for s in self.sentences] == [collapse(s) for s in self.page.body]


def collapse(text: str | None) -> str | None:
    """Text with each run of white space made one space, as the gold compares it."""
    return None if text is None else " ".join(text.split())


def _page(gold_path: Path, path: Path) -> Page:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    return Page(path.stem, gold["layout"], path, gold["title"], tuple(gold["body"]))


def load_pages(folder: Path = PAGES) -> list[Page]:
    """The pages with a gold file: NAME.txt, then html/NAME.html, in name order."""
    pages = [_page(path.with_suffix(".json"), path) for path in sorted(folder.glob("*.txt"))]
    pages += [_page(path.with_suffix(".json"), path) for path in sorted(folder.glob("html/*.html"))]
    return pages


def seed_page(shared: Path = DEFAULT_SHARED) -> Page | None:
    """The seed article with its gold, or None where the shared material is absent."""
    path = shared / SEED
    if not path.is_file():
        return None
    text = path.read_text(encoding="utf-8")
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    start, end = gold["title"]
    return Page("seed", "seed", path, text[start:end], tuple(text[a:b] for a, b in gold["body"]))


def run(page: Page) -> Result:
    """Summarize a page with the defaults, as the command does."""
    if page.path.suffix == ".html":
        web = summarize.extract_html(page.path.read_bytes())
        text, known_title = web.text, web.title
    else:
        text, known_title = page.path.read_text(encoding="utf-8"), None
    result = summarize.summarize(text, title=known_title)
    article = summarize.parse_article(text, title=known_title)
    chosen = tuple(sentence.text for sentence in result.sentences)
    return Result(page, chosen, result.title, result.keywords, article.sentences)


def _web_available() -> bool:
    return importlib.util.find_spec("trafilatura") is not None


def results(pages: Iterable[Page]) -> list[Result]:
    """Each page's result; HTML pages only where the web extra is installed."""
    web = _web_available()
    return [run(page) for page in pages if web or page.path.suffix != ".html"]


def table(all_results: Sequence[Result]) -> str:
    """The markdown table: one row a layout, then the total."""
    rows = [
        "| layout | pages | fully clean | chosen clean | titles right | false titles | furniture keywords"
        " | exact body |",
        "|---|---|---|---|---|---|---|---|",
    ]
    layouts = sorted({result.page.layout for result in all_results})
    for layout, group in [*((name, [r for r in all_results if r.page.layout == name]) for name in layouts)]:
        rows.append(_row(layout, group))
    rows.append(_row("**total**", all_results))
    return "\n".join(rows)


def _row(label: str, group: Sequence[Result]) -> str:
    chosen = sum(len(r.chosen) for r in group)
    with_title = sum(r.page.title is not None for r in group)
    right = sum(r.title_right and r.page.title is not None for r in group)
    return (
        f"| {label} | {len(group)} | {sum(r.clean for r in group)} | {sum(r.clean_chosen for r in group)} of {chosen}"
        f" | {right} of {with_title} | {sum(r.false_title for r in group)}"
        f" | {sum(len(r.furniture_keywords) for r in group)} | {sum(r.exact for r in group)} |"
    )


def details(all_results: Sequence[Result]) -> str:
    """What went wrong on each page that is not perfect."""
    lines = []
    for r in all_results:
        problems = []
        if not r.clean:
            problems += [
                f"  chosen not body: {s[:100]!r}" for s in r.chosen if collapse(s) not in map(collapse, r.page.body)
            ]
            if len(r.chosen) != min(summarize.DEFAULT_SENTENCES, len(r.page.body)):
                problems.append(f"  chose {len(r.chosen)} of a body of {len(r.page.body)}")
        if not r.title_right:
            problems.append(f"  title {r.title!r}, gold {r.page.title!r}")
        if r.furniture_keywords:
            problems.append(f"  furniture keywords {r.furniture_keywords}")
        if not r.exact:
            found, gold = [" ".join(s.split()) for s in r.sentences], [" ".join(s.split()) for s in r.page.body]
            problems += [f"  extra: {s[:100]!r}" for s in found if s not in gold]
            problems += [f"  missing: {s[:100]!r}" for s in gold if s not in found]
        if problems:
            lines += [r.page.name, *problems]
    return "\n".join(lines)


def release_module() -> ModuleType | None:
    """summarize.py as it stood at RELEASE, imported under another name; None without git."""
    source = history.source_at(RELEASE)
    return None if source is None else history.imported(source, "summarize_release", Path(tempfile.mkdtemp()))


def easc(shared: Path) -> str:
    """ROUGE-1 and ROUGE-2 F on EASC dev, this code beside the release."""
    sys.path.insert(0, str(Path(__file__).parent))
    import quality

    data = shared / "data" / "easc" / "dev.jsonl"
    if not data.is_file():
        return f"EASC: {data} not found, skipped"
    records = quality.load(data)
    release = release_module()

    def system(module: Any) -> quality.System:
        return lambda record, _units: [s.text for s in module.summarize(record.article, words=record.budget).sentences]

    systems = {"this code": system(summarize)}
    if release:
        systems["release"] = system(release)
    scores = {name: quality.means(values) for name, values in quality.evaluate(records, systems).items()}
    now = scores["this code"]
    before = scores["release"][:2] if release else RELEASE_SCORES
    label = f"release {RELEASE[:7]}" if release else "release (recorded: no git)"
    return "\n".join(
        [
            f"| EASC dev ({len(records)} articles) | ROUGE-1 F | ROUGE-2 F |",
            "|---|---|---|",
            f"| this code | {now[0]:.4f} | {now[1]:.4f} |",
            f"| {label} | {before[0]:.4f} | {before[1]:.4f} |",
            f"| difference | {now[0] - before[0]:+.4f} | {now[1] - before[1]:+.4f} |",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Print the page table, the EASC comparison and, with --verbose, each page's problems."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=PAGES, help="folder of pages with gold files")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared material (seed, EASC)")
    parser.add_argument("--no-easc", action="store_true", help="skip the EASC comparison")
    parser.add_argument("--verbose", action="store_true", help="list what is wrong on each page")
    args = parser.parse_args(argv)
    pages = load_pages(args.pages)
    seed = seed_page(args.shared)
    found = results([*pages, *([seed] if seed else [])])
    print(table(found))
    if not _web_available():
        print("\n(HTML pages skipped: the web extra is not installed)")
    if not seed:
        print(f"\n(seed article not found under {args.shared}: skipped)")
    if args.verbose:
        print("\n" + details(found))
    if not args.no_easc:
        print("\n" + easc(args.shared))
    return 0


if __name__ == "__main__":
    sys.exit(main())
