"""The HTML view (`--format html`): its pieces, its exact page, escaping, the command, and Chromium's reading of it."""

from __future__ import annotations

import itertools
import re
import shutil
import struct
import subprocess
import sys
import zlib
from collections import Counter
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st
from test_properties import PIECE_LIST

import summarize

REPO_ROOT = Path(__file__).parents[1]
VIEW = REPO_ROOT / "tests" / "view"
SEED = "seed/000_74d6563dd296ce5d.txt"
# A page copied from a browser, and a page flattened to one line with runs of spaces between its blocks.
PAGES = ["tests/pages/p13-browser-schools.txt", "tests/pages/p27-flat-citrus-exports.txt"]

# The only markup the view writes: whatever the input holds, no other element or attribute may appear.
TAGS = {"html", "head", "meta", "title", "style", "body", "main", "section", "header", "p", "h1", "div", "mark", "span"}
ATTRIBUTES = {"lang", "dir", "charset", "http-equiv", "content", "name", "class", "title"}
ATTRIBUTES |= {"data-index", "data-score", "data-kind"}
VOID = {"meta"}
HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)> "quoted" \'single\' &amp; </div>'


def run(args: list[str], input: str | None = None) -> Result:
    """Invoke the command as `summarize ARGS` with stdout and stderr kept apart."""
    return CliRunner().invoke(summarize.main, args, input=input, prog_name="summarize")


class Element(NamedTuple):
    tag: str
    attrs: dict[str, str | None]
    text: list[str]  # the text inside it, its children's too


class Page(HTMLParser):
    """An HTML page read into its elements, in document order, each with the text inside it."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.open: list[Element] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs), [])
        self.elements.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag: str) -> None:
        while self.open and self.open.pop().tag != tag:
            pass

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element.text.append(data)

    def having(self, tag: str | None = None, **attrs: str) -> list[Element]:
        """The elements with this tag (any when None) whose attributes hold these values (class: one of its words)."""
        return [
            element
            for element in self.elements
            if (tag is None or element.tag == tag)
            and all(
                (value in (element.attrs.get("class") or "").split())
                if name == "class_"
                else element.attrs.get(name.replace("_", "-")) == value
                for name, value in attrs.items()
            )
        ]

    def sentences(self) -> list[tuple[str, str, str, str]]:
        """Each body sentence as (tag, text, data-score, the score badge after it)."""
        found = []
        for i, element in enumerate(self.elements):
            if "sentence" in (element.attrs.get("class") or "").split():
                badge = self.elements[i + 1]
                assert (badge.tag, badge.attrs["class"]) == ("span", "score")
                found.append(
                    (element.tag, "".join(element.text), element.attrs["data-score"] or "", "".join(badge.text))
                )
        return found

    def asides(self) -> list[tuple[str, str]]:
        """Each set-aside piece as (data-kind, text without its label); the legend's sample has no kind."""
        pieces = []
        for element in self.having("span", class_="aside"):
            if "data-kind" not in element.attrs:
                continue
            label = summarize.ASIDE_LABELS[element.attrs["data-kind"] or ""]
            text = "".join(element.text)
            assert text.startswith(label)
            pieces.append((element.attrs["data-kind"] or "", text[len(label) :]))
        return pieces


def view(text: str, *args: str) -> Page:
    """The page `summarize --format html ARGS` writes for text on standard input, read."""
    result = run(["--format", "html", *args], input=text)
    assert result.exit_code == 0, result.stderr
    return Page(result.stdout)


# --- The pieces: what each part of the text is ------------------------------------------

LEAD = "نجح الاجتماع الأول في المدينة اليوم."
CLOSE = "وانتهى الاجتماع بسلام بعد ساعتين."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            f"عنوان الخبر الذي نشر اليوم\nالأحد 3 مايو 2021\nكتب: سامي خليل\nصورة أرشيفية\n{LEAD}",
            [
                ("title", "عنوان الخبر الذي نشر اليوم"),
                ("date", "الأحد 3 مايو 2021"),
                ("byline", "كتب: سامي خليل"),
                ("caption", "صورة أرشيفية"),
                ("sentence", LEAD),
            ],
            id="title-date-byline-caption-above-the-body",
        ),
        pytest.param(
            f"{LEAD}\n\nنتائج الاجتماع\n\n{CLOSE}",
            [("sentence", LEAD), ("heading", "نتائج الاجتماع"), ("sentence", CLOSE)],
            id="sub-heading-between-paragraphs",
        ),
        pytest.param(
            f"{LEAD} {LEAD} {CLOSE}\n{LEAD}",
            [("sentence", LEAD), ("repeated", LEAD), ("sentence", CLOSE), ("repeated", LEAD)],
            id="sentences-said-again-on-the-line-and-below",
        ),
        pytest.param(
            f"اجتماع ناجح في المدينة اليوم\n\nاجتماع ناجح في المدينة اليوم.\n{LEAD}",
            [("title", "اجتماع ناجح في المدينة اليوم"), ("title", "اجتماع ناجح في المدينة اليوم."), ("sentence", LEAD)],
            id="a-sentence-equal-to-the-title",
        ),
        pytest.param(
            f"{LEAD}\nأخبار ذات صلة\nعنوان خبر آخر عن الاجتماع\n{CLOSE}",
            [
                ("sentence", LEAD),
                ("end", "أخبار ذات صلة"),
                ("after end", "عنوان خبر آخر عن الاجتماع"),
                ("after end", CLOSE),
            ],
            id="end-marker-closes-the-body",
        ),
        pytest.param(
            f"اقرأ أيضا\n{LEAD}\n{CLOSE}",
            [("related", "اقرأ أيضا"), ("sentence", LEAD), ("sentence", CLOSE)],
            id="end-marker-above-the-body-is-a-related-list",
        ),
        pytest.param(
            f"news-picture\n• 25 • 0\n• عاجل\nالرئيسية / أخبار / محليات\n{LEAD}\nمشاركة :",
            [
                ("foreign", "news-picture"),
                ("no letters", "• 25 • 0"),
                ("bullet", "• عاجل"),
                ("breadcrumb", "الرئيسية / أخبار / محليات"),
                ("sentence", LEAD),
                ("share", "مشاركة :"),
            ],
            id="furniture-kinds",
        ),
        pytest.param(
            f"القاهرة (رويترز) - {LEAD}",
            [("dateline", "القاهرة (رويترز) -"), ("sentence", LEAD)],
            id="dateline-glued-to-the-lead",
        ),
        pytest.param(
            "الرئيسية   رياضة   النسور يحسمون ديربي المدينة بهدف قاتل"
            " حسم فريق النسور ديربي المدينة لصالحه بهدف دون رد.   التعليقات",
            [
                ("heading", "الرئيسية"),
                ("heading", "رياضة"),
                ("heading", "النسور يحسمون ديربي المدينة بهدف قاتل"),
                ("sentence", "حسم فريق النسور ديربي المدينة لصالحه بهدف دون رد."),
                ("end", "التعليقات"),
            ],
            id="headline-run-into-the-lead-of-a-flattened-page",
        ),
        pytest.param(
            f"{LEAD} تعطيل الموارد وأوضح البيان أن الاجتماع انتهى بسلام.",
            [("sentence", LEAD), ("heading", "تعطيل الموارد"), ("sentence", "وأوضح البيان أن الاجتماع انتهى بسلام.")],
            id="sub-heading-run-into-a-sentence",
        ),
        pytest.param(
            f"هل تنجح الخطة؟\nعنوان الخبر الذي نشر اليوم\n{LEAD}",
            [("heading", "هل تنجح الخطة؟"), ("title", "عنوان الخبر الذي نشر اليوم"), ("sentence", LEAD)],
            id="kicker-question-above-the-headline",
        ),
        pytest.param(
            f"عنوان الخبر الذي نشر اليوم   {LEAD}   مشاركة",
            [("title", "عنوان الخبر الذي نشر اليوم"), ("sentence", LEAD), ("share", "مشاركة")],
            id="blocks-run-together-with-runs-of-spaces",
        ),
        pytest.param(
            f"صورة: نجح الاجتماع. أرشيف\n\nنجح الاجتماع. {CLOSE}",
            [("caption", "صورة: نجح الاجتماع. أرشيف"), ("sentence", "نجح الاجتماع."), ("sentence", CLOSE)],
            id="a-sentence-whose-words-stand-first-in-a-caption",
        ),
        pytest.param("", [], id="empty"),
        pytest.param("مشاركة\n\u200f\n", [("share", "مشاركة")], id="no-body"),
    ],
)
def test_view_pieces_label_each_part_of_the_text_in_order(text: str, expected: list[tuple[str, str]]) -> None:
    pieces = list(summarize._view_pieces(text, summarize.parse_article(text)))
    assert "".join(piece for _, piece in pieces) == text
    assert [piece for piece in pieces if piece[0] != "space"] == expected


def test_every_kind_of_furniture_has_a_label() -> None:
    documented = (summarize._furniture_kind.__doc__ or "").split("The kinds:")[1]
    kinds = set(re.findall(r'"([^"]+)"', documented))
    assert len(kinds) == 11
    assert kinds <= set(summarize.ASIDE_LABELS)


# Markup, entities and the page's own words, among the pieces the property tests build texts of.
VIEW_TEXTS = st.lists(
    st.sampled_from([*PIECE_LIST, "<script>", "</span>", "&amp;", '"', "   ", "اقرأ أيضا\n", "القاهرة - "]),
    max_size=200,
).map("".join)


@given(VIEW_TEXTS)
def test_view_pieces_join_back_into_the_text_with_the_body_in_order(text: str) -> None:
    article = summarize.parse_article(text)
    pieces = list(summarize._view_pieces(text, article))
    assert "".join(piece for _, piece in pieces) == text
    assert tuple(piece for kind, piece in pieces if kind == "sentence") == article.sentences
    assert all(piece for _, piece in pieces)
    assert all(kind in {"sentence", "space", *summarize.ASIDE_LABELS} for kind, _ in pieces)
    assert all(not a == b == "space" for (a, _), (b, _) in itertools.pairwise(pieces))


@given(VIEW_TEXTS)
def test_rendered_section_holds_only_its_own_markup_and_every_piece_verbatim(text: str) -> None:
    text = text.replace("\ud800", "").replace("\udc80", "")  # decode() never returns a lone surrogate
    article = summarize.parse_article(text)
    choice = summarize._choose(text, sentences=None, words=None, ratio=None, keywords=10, title=None)
    page = Page(summarize._html_section(text, choice, "-"))
    assert {element.tag for element in page.elements} <= TAGS
    assert {name for element in page.elements for name in element.attrs} <= ATTRIBUTES
    assert_shows_every_piece(page, text, article, choice.chosen)


def assert_shows_every_piece(page: Page, text: str, article: summarize.Article, chosen: list[int]) -> None:
    """Each sentence and set-aside piece of text is on the page verbatim, in order; the chosen sentences marked."""
    pieces = [
        (kind, re.sub(summarize.LINE_BREAK, "\n", piece)) for kind, piece in summarize._view_pieces(text, article)
    ]
    sentences = [piece for kind, piece in pieces if kind == "sentence"]
    assert [(tag, sentence) for tag, sentence, _, _ in page.sentences()] == [
        ("mark" if i in chosen else "span", sentence) for i, sentence in enumerate(sentences)
    ]
    assert page.asides() == [(kind, piece) for kind, piece in pieces if kind not in ("sentence", "space")]


# --- The page -------------------------------------------------------------------------


def test_small_article_page_is_the_golden_file(monkeypatch: pytest.MonkeyPatch) -> None:
    # Regenerate deliberately: summarize --format html tests/view/small.txt > tests/view/small.html
    monkeypatch.chdir(REPO_ROOT)
    result = run(["--format", "html", "tests/view/small.txt"])
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == (VIEW / "small.html").read_text(encoding="utf-8")


def test_page_is_right_to_left_arabic_utf8_with_a_policy_against_scripts_and_loads() -> None:
    result = run(["--format", "html"], input=f"{LEAD}\n{CLOSE}\n")
    assert result.exit_code == 0
    assert result.stdout.startswith('<!DOCTYPE html>\n<html lang="ar" dir="rtl">\n<head>\n<meta charset="utf-8">\n')
    assert result.stdout.endswith("</main>\n</body>\n</html>\n")
    page = Page(result.stdout)
    [policy] = page.having("meta", http_equiv="Content-Security-Policy")
    assert (
        policy.attrs["content"] == "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
    )
    [style] = page.having("style")
    assert "url(" not in "".join(style.text)
    assert "@import" not in "".join(style.text)
    assert '"Noto Naskh Arabic","Noto Sans Arabic","Geeza Pro","Traditional Arabic","Segoe UI",Tahoma,sans-serif' in (
        "".join(style.text)
    )


@pytest.mark.parametrize(
    ("args", "chosen"),
    [
        pytest.param([], [0, 1, 3], id="default-three"),
        pytest.param(["-n", "1"], [0], id="n-1"),
        pytest.param(["-w", "6"], [0, 2], id="words-6-skips-overflow-for-later-fit"),
        pytest.param(["-r", "1"], [0, 1, 2, 3, 4], id="ratio-1-all"),
    ],
)
def test_chosen_sentences_are_marked_and_every_sentence_carries_its_library_score(
    args: list[str], chosen: list[int]
) -> None:
    text = "المطر غزير في المدينة.\nالمطر يغسل المدينة.\nالقط نائم.\nالمطر يروي المدينة.\nالسمك طازج.\n"
    page = view(text, *args)
    every = summarize.summarize(text, ratio=1).sentences
    assert page.sentences() == [
        ("mark" if s.index in chosen else "span", s.text, str(s.score), str(s.score)) for s in every
    ]
    assert [element.attrs["data-index"] for element in page.having(class_="sentence")] == [str(i) for i in range(5)]
    assert [element.attrs["title"] for element in page.having(class_="sentence")] == [
        f"sentence {s.index + 1}, score {s.score}" + (", chosen" if s.index in chosen else "") for s in every
    ]


@pytest.mark.parametrize(
    ("args", "keywords"),
    [
        pytest.param([], ["المطر", "المدينة", "غزير", "يغسل", "القط", "نائم"], id="default-all-up-to-ten"),
        pytest.param(["-k", "2"], ["المطر", "المدينة"], id="k-2"),
        pytest.param(["-k", "0"], [], id="k-0-none"),
    ],
)
def test_header_shows_title_keywords_and_counts(args: list[str], keywords: list[str]) -> None:
    text = "أخبار الطقس في المدينة اليوم\n\nالمطر غزير في المدينة.\nالمطر يغسل المدينة.\nالقط نائم.\n"
    page = view(text, *args)
    assert ["".join(element.text) for element in page.having("h1")] == ["أخبار الطقس في المدينة اليوم"]
    assert ["".join(element.text) for element in page.having("span", class_="keyword")] == keywords
    assert len(page.having("p", class_="keywords")) == bool(keywords)
    assert ["".join(element.text) for element in page.having("p", class_="stats")] == [
        "3 of 3 sentences chosen, 9 words"
    ]
    assert ["".join(element.text) for element in page.having("p", class_="source")] == ["standard input"]


def test_untitled_article_says_no_title_was_found() -> None:
    page = view(f"{LEAD}\n{CLOSE}\n")
    assert [("".join(e.text), e.attrs["class"]) for e in page.having("h1")] == [("no title found", "untitled")]


# --- Escaping ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(f"{HOSTILE}\n\n{LEAD} {HOSTILE}.\n", id="in-a-heading-and-a-sentence"),
        pytest.param(f"عنوان فيه {HOSTILE} اليوم\n\n{LEAD}\n", id="in-the-title"),
        pytest.param(f"{LEAD}\nمشاركة {HOSTILE}\n", id="in-furniture"),
        pytest.param(f"<b>{LEAD}</b> {CLOSE}\n&lt;script&gt;\n", id="tags-and-entities-around-a-sentence"),
    ],
)
def test_hostile_input_is_shown_as_text_never_as_markup(text: str) -> None:
    result = run(["--format", "html", "--input", "text"], input=text)
    assert result.exit_code == 0
    assert "<script" not in result.stdout.lower()
    assert "<img" not in result.stdout.lower()
    assert "<b>" not in result.stdout
    page = Page(result.stdout)
    assert {element.tag for element in page.elements} <= TAGS
    assert {name for element in page.elements for name in element.attrs} <= ATTRIBUTES
    summary = summarize.summarize(text)
    assert_shows_every_piece(page, text, summarize.parse_article(text), [s.index for s in summary.sentences])
    assert ["".join(element.text) for element in page.having("h1")] == [summary.title or "no title found"]


def test_escaping_covers_quotes_ampersands_and_angle_brackets_exactly() -> None:
    assert summarize._html_text(HOSTILE) == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt; "
        "&quot;quoted&quot; &#x27;single&#x27; &amp;amp; &lt;/div&gt;"
    )
    assert summarize._html_text("a\r\nb\x0bc\u2028d\udcff") == "a\nb\nc\nd\ufffd"


@pytest.mark.parametrize(
    "name",
    [
        pytest.param('"><script>alert(1)<!--.txt', id="markup"),
        pytest.param("a&b 'c'.txt", id="ampersand-and-quotes"),
        pytest.param("line\nbreak.txt", id="line-break-escaped-as-ls-does"),
    ],
)
def test_hostile_file_name_is_escaped_in_the_title_and_the_source_line(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(f"{LEAD}\n", encoding="utf-8")
    result = run(["--format", "html", str(path)])
    assert result.exit_code == 0
    assert "<script" not in result.stdout
    page = Page(result.stdout)
    label = summarize._label(str(path))
    assert ["".join(element.text) for element in page.having("title")] == [label]
    assert ["".join(element.text) for element in page.having("p", class_="source")] == [label]


# --- The command ------------------------------------------------------------------------


def test_several_inputs_make_one_page_with_a_section_each(tmp_path: Path) -> None:
    first = tmp_path / "first.txt"
    first.write_text(f"{LEAD}\n", encoding="utf-8")
    result = run(["--format", "html", str(first), "-"], input=f"{CLOSE}\n")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout.count("<!DOCTYPE html>") == 1
    assert result.stdout.count("</html>") == 1
    page = Page(result.stdout)
    assert ["".join(element.text) for element in page.having("title")] == [f"{first}, standard input"]
    assert len(page.having("section")) == 2
    assert ["".join(element.text) for element in page.having("p", class_="source")] == [str(first), "standard input"]
    assert [text for _, text, _, _ in page.sentences()] == [LEAD, CLOSE]


def test_bad_input_among_several_is_named_and_the_others_still_shown(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(f"{LEAD}\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    result = run(["--format", "html", str(missing), str(good), "-"], input="مشاركة\n")
    assert result.exit_code == 1
    assert result.stderr == (
        f"summarize: {missing}: No such file or directory\nsummarize: standard input: no article body\n"
    )
    page = Page(result.stdout)
    assert ["".join(element.text) for element in page.having("p", class_="source")] == [str(good)]
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert result.stdout.endswith("</html>\n")


def test_no_good_input_writes_no_page(tmp_path: Path) -> None:
    result = run(["--format", "html", str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"summarize: {tmp_path / 'missing.txt'}: No such file or directory\n"


# --- In a real browser ------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium not installed (apt-get install chromium): the browser checks are skipped"
)


def chromium(page: Path, directory: Path, *args: str) -> str:
    """Run headless Chromium on a page file with its own profile and no network use; its stdout."""
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={directory / 'profile'}",
        *args,
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def write_view(tmp_path: Path, source: Path) -> tuple[Path, str]:
    """The view of one file, written to tmp_path/view.html; and the file's text."""
    result = run(["--format", "html", str(source)])
    assert result.exit_code == 0, result.stderr
    page = tmp_path / "view.html"
    page.write_text(result.stdout, encoding="utf-8")
    return page, summarize.decode(source.read_bytes())


def _browser_inputs() -> list[object]:
    return [
        pytest.param(lambda shared: REPO_ROOT / "tests" / "sample_article.txt", id="sample"),
        pytest.param(lambda shared: shared(SEED), id="seed"),
        *(pytest.param(lambda shared, name=name: REPO_ROOT / name, id=Path(name).stem) for name in PAGES),
    ]


@needs_chromium
@pytest.mark.parametrize("source_of", _browser_inputs())
def test_chromium_reads_the_summary_as_the_highlighted_sentences_right_to_left(
    tmp_path: Path, shared: Callable[[str], Path], source_of: Callable[[Callable[[str], Path]], Path]
) -> None:
    page, text = write_view(tmp_path, source_of(shared))
    dom = Page(chromium(page, tmp_path, "--dump-dom"))
    [root] = dom.having("html")
    assert (root.attrs["lang"], root.attrs["dir"]) == ("ar", "rtl")
    summary = summarize.summarize(text)
    marked = ["".join(element.text) for element in dom.having("mark", class_="sentence")]
    assert marked == [re.sub(summarize.LINE_BREAK, "\n", s.text) for s in summary.sentences]
    assert [element.attrs["data-score"] for element in dom.having("mark", class_="sentence")] == [
        str(s.score) for s in summary.sentences
    ]
    assert len(dom.having(class_="sentence")) == summary.total_sentences
    assert not dom.having("script")


def _paeth(left: int, up: int, corner: int) -> int:
    """The PNG Paeth predictor: of left, up and corner, the nearest to left + up - corner (ties in that order)."""
    estimate = left + up - corner
    return min(
        (abs(estimate - left), left), (abs(estimate - up), up), (abs(estimate - corner), corner), key=lambda p: p[0]
    )[1]


def png_colours(data: bytes) -> Counter[bytes]:
    """How many pixels of each colour an 8-bit RGB or RGBA PNG has, decoded with the stdlib's zlib."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, [], b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind, body = data[position + 4 : position + 8], data[position + 8 : position + 8 + length]
        header = body if kind == b"IHDR" else header
        chunks += [body] if kind == b"IDAT" else []
        position += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert (depth, colour) in ((8, 2), (8, 6))
    size = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(b"".join(chunks)), width * size
    colours: Counter[bytes] = Counter()
    previous = bytes(stride)
    for y in range(height):
        start = y * (stride + 1) + 1
        kind, line = raw[start - 1], bytearray(raw[start : start + stride])
        if kind == 2:  # up: the row above, byte by byte
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif kind in (1, 3, 4):  # left, average, Paeth: each byte needs the one before it
            for x in range(stride):
                left = line[x - size] if x >= size else 0
                corner = previous[x - size] if x >= size else 0
                guess = (left, (left + previous[x]) // 2, _paeth(left, previous[x], corner))[
                    kind - 1 if kind < 4 else 2
                ]
                line[x] = (line[x] + guess) & 0xFF
        colours.update(bytes(line[x : x + 3]) for x in range(0, stride, size))
        previous = bytes(line)
    assert sum(colours.values()) == width * height
    return colours


@needs_chromium
def test_chromium_screenshot_of_the_sample_view_is_not_blank(tmp_path: Path) -> None:
    page, _ = write_view(tmp_path, REPO_ROOT / "tests" / "sample_article.txt")
    shot = tmp_path / "shot.png"
    chromium(page, tmp_path, f"--screenshot={shot}", "--window-size=1000,1400")
    colours = png_colours(shot.read_bytes())
    # Text is drawn with anti-aliasing: many shades; highlights and greys: more than one background.
    assert len(colours) > 100
    [(_, most)] = colours.most_common(1)
    assert most < 0.9 * sum(colours.values())
    assert colours[bytes.fromhex("ffe98a")] > 1000  # the highlight of the chosen sentences


def test_spaces_list_every_character_python_counts_as_space() -> None:
    assert "".join(filter(str.isspace, map(chr, range(sys.maxunicode + 1)))) == summarize.SPACES
