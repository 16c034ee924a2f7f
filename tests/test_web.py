"""Web pages: HTML fixtures, titles, detection, charsets, URL fetching from a local server, and the CLI."""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import summarize

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "pages" / "html"
FIXTURES = sorted(path.stem for path in PAGES.glob("*.html"))
ARTICLE = PAGES / "article.html"
PYTHON = [sys.executable, "-W", "ignore::SyntaxWarning", "-W", "ignore::DeprecationWarning"]
ARTICLE_FIRST = (
    "تبدأ وزارة الصحة يوم الأحد المقبل حملة وطنية لتطعيم تلاميذ المدارس الابتدائية ضد الحصبة، "
    "وتستمر أسبوعين في جميع المحافظات."
)
SAMPLE = ROOT / "tests" / "sample_article.txt"
IRAQ = "العراق - الحكومة تبحث أزمة الكهرباء"


@pytest.fixture
def web_extra() -> None:
    pytest.importorskip("trafilatura")


@pytest.fixture(autouse=True)
def no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing may leave the machine: no proxy between the tests and 127.0.0.1."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "*")


def gold(name: str) -> dict[str, object]:
    data: dict[str, object] = json.loads((PAGES / f"{name}.json").read_text(encoding="utf-8"))
    return data


def one_space(text: str) -> str:
    return " ".join(text.split())


def run(args: list[str], input: str | bytes | None = None) -> Result:
    return CliRunner().invoke(summarize.main, args, input=input, prog_name="summarize")


# --- The fixtures: every default summary clean, every title right ------------------------


@pytest.mark.usefixtures("web_extra")
@pytest.mark.parametrize("name", FIXTURES)
def test_each_page_gives_its_gold_title(name: str) -> None:
    page = summarize.extract_html((PAGES / f"{name}.html").read_bytes())
    assert page.title == gold(name)["title"]


@pytest.mark.usefixtures("web_extra")
@pytest.mark.parametrize("name", FIXTURES)
def test_each_page_default_summary_holds_body_sentences_only(name: str) -> None:
    page = summarize.extract_html((PAGES / f"{name}.html").read_bytes())
    body = [one_space(sentence) for sentence in gold(name)["body"]]  # type: ignore[attr-defined]
    summary = summarize.summarize(page.text, title=page.title)
    assert [one_space(sentence.text) for sentence in summary.sentences] == [
        sentence for sentence in body if sentence in {one_space(s.text) for s in summary.sentences}
    ]
    assert all(one_space(sentence.text) in body for sentence in summary.sentences)
    assert len(summary.sentences) == min(3, len(body))


@pytest.mark.usefixtures("web_extra")
@pytest.mark.parametrize("name", FIXTURES)
def test_each_page_body_is_exactly_its_gold_sentences(name: str) -> None:
    page = summarize.extract_html((PAGES / f"{name}.html").read_bytes())
    article = summarize.parse_article(page.text, title=page.title)
    assert [one_space(sentence) for sentence in article.sentences] == gold(name)["body"]


def test_fixture_gold_files_are_html_layout_and_cover_the_issue_shapes() -> None:
    golds = [gold(name) for name in FIXTURES]
    assert len(golds) >= 12
    assert {page["layout"] for page in golds} == {"html"}
    assert [page["body"] for page in golds].count([]) >= 1
    assert b"charset=windows-1256" in (PAGES / "cp1256-meta.html").read_bytes()
    assert b"charset" not in (PAGES / "no-charset.html").read_bytes()


@pytest.mark.usefixtures("web_extra")
@pytest.mark.parametrize(
    ("name", "date", "author", "url"),
    [
        ("article", "2026-10-12", "ليلى منصور", "https://health.example/news/measles-campaign"),
        ("title-site-first", "2026-08-21", None, None),
        ("listing", None, None, None),
    ],
)
def test_page_metadata_date_author_and_canonical_url(name: str, date: str, author: str, url: str) -> None:
    page = summarize.extract_html((PAGES / f"{name}.html").read_bytes())
    assert (page.date, page.author, page.url) == (date, author, url)


@pytest.mark.usefixtures("web_extra")
def test_headings_stand_on_their_own_lines_between_blank_lines() -> None:
    page = summarize.extract_html((PAGES / "subheadings.html").read_bytes())
    blocks = page.text.split("\n\n")
    assert "الدفع بالهاتف بدلا من التذاكر الورقية" in blocks
    assert "مخاوف" in blocks
    assert all("\n" not in block for block in blocks)


@pytest.mark.usefixtures("web_extra")
def test_a_given_url_is_the_pages_url() -> None:
    page = summarize.extract_html(ARTICLE.read_bytes(), url="http://127.0.0.1/a")
    assert page.url == "http://127.0.0.1/a"


# --- Titles ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("metadata", "shown", "sites", "expected"),
    [
        (["الموقع - العنوان الطويل للخبر"], ["العنوان الطويل للخبر"], [], "العنوان الطويل للخبر"),
        (["العنوان الطويل للخبر | الموقع"], ["العنوان الطويل للخبر"], [], "العنوان الطويل للخبر"),
        (["العنوان الطويل للخبر | الموقع"], [], ["الموقع"], "العنوان الطويل للخبر"),
        (["العنوان الطويل للخبر | الموقع"], [], [], "العنوان الطويل للخبر"),
        # A logo in an <h1> that matches the short piece is the site, not the headline.
        (["الموقع - العنوان الطويل للخبر"], ["الموقع"], [], "العنوان الطويل للخبر"),
        # A dash inside the headline stays when the page shows it whole.
        (
            ["العراق - الحكومة تبحث أزمة الكهرباء | الموقع"],
            ["العراق - الحكومة تبحث أزمة الكهرباء"],
            [],
            "العراق - الحكومة تبحث أزمة الكهرباء",
        ),
        (["البحيرة.. عودة الطيور | البيئة"], [], ["البيئة"], "البحيرة.. عودة الطيور"),
        (["عنوان   بمسافات\nكثيرة"], [], [], "عنوان بمسافات كثيرة"),
        (["الموقع"], ["الموقع"], ["الموقع"], None),
        ([], ["عنوان من الصفحة"], [], "عنوان من الصفحة"),
        ([], [], [], None),
    ],
)
def test_headline_cuts_the_site_name_off(
    metadata: list[str], shown: list[str], sites: list[str], expected: str | None
) -> None:
    assert summarize._headline(metadata, shown, sites) == expected


# --- Detection and decoding -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body></body></html>", True),
        ("\ufeff  <!-- saved --> <html lang='ar'>", True),
        ('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', True),
        ("<body><p>نص</p></body>", True),
        ("<article><p>نص</p></article>", True),
        ("<div><p>نص</p><p>نص</p></div>", True),
        ("كتب المبرمج الوسم <body> في الصفحة، ثم شرح معناه للطلاب في الدرس.", False),
        ("المطر غزير في المدينة.", False),
        ("", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert summarize._looks_like_html(text) is expected


@pytest.mark.parametrize(
    ("data", "charset", "expected"),
    [
        ('<meta charset="windows-1256"><p>سلام</p>'.encode("cp1256"), None, '<meta charset="windows-1256"><p>سلام</p>'),
        ("<p>سلام</p>".encode("cp1256"), "windows-1256", "<p>سلام</p>"),
        ("<p>سلام</p>".encode("iso-8859-6"), "iso-8859-6", "<p>سلام</p>"),
        ("<p>سلام</p>".encode(), None, "<p>سلام</p>"),
        ("<p>سلام عليكم جميعا</p>".encode("cp1256"), None, "<p>سلام عليكم جميعا</p>"),  # undeclared: detected
        ('<meta charset="utf-8"><p>سلام عليكم</p>'.encode("cp1256"), None, '<meta charset="utf-8"><p>سلام عليكم</p>'),
        ('<meta charset="no-such"><p>سلام</p>'.encode(), None, '<meta charset="no-such"><p>سلام</p>'),
        ("\ufeff<p>سلام</p>".encode(), "windows-1256", "<p>سلام</p>"),  # a BOM outranks a header
    ],
)
def test_decode_html_honours_the_declared_charset_else_detects(data: bytes, charset: str | None, expected: str) -> None:
    assert summarize._decode_html(data, charset) == expected


# --- A local web server -----------------------------------------------------------------

CP1256_PAGE = (PAGES / "cp1256-meta.html").read_bytes().replace(b"charset=windows-1256", b"")
BIG = summarize.MAX_PAGE_BYTES + 1


class Handler(http.server.BaseHTTPRequestHandler):
    """Routes for each case; remembers the User-Agent it was sent."""

    agents: list[str] = []  # noqa: RUF012 - the test server's log, one per test session

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send(self, code: int, body: bytes = b"", content_type: str | None = "text/html; charset=utf-8") -> None:
        self.send_response(code)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def slow(self) -> None:
        time.sleep(1.5)
        self.send(200, ARTICLE.read_bytes())

    def huge(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()  # no length: the cap must stop the download itself
        try:
            for _ in range(BIG // 65536 + 1):
                self.wfile.write(b"<p>" + b"x" * 65529 + b"</p>")
        except (BrokenPipeError, ConnectionResetError):
            pass

    def huge_declared(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(BIG))
        self.end_headers()

    def do_GET(self) -> None:
        self.agents.append(self.headers.get("User-Agent", ""))
        routes: dict[str, Callable[[], None]] = {
            "/page.html": lambda: self.send(200, ARTICLE.read_bytes()),
            "/redirect": lambda: self.redirect("/redirect2"),
            "/redirect2": lambda: self.redirect("/page.html"),
            "/loop": lambda: self.redirect("/loop"),
            "/to-ftp": lambda: self.redirect("ftp://127.0.0.1/page.html"),
            "/listing": lambda: self.send(200, (PAGES / "listing.html").read_bytes()),
            "/error": lambda: self.send(500, b"oops", "text/plain"),
            "/slow": self.slow,
            "/huge": self.huge,
            "/huge-declared": self.huge_declared,
            "/pdf": lambda: self.send(200, b"%PDF-1.4", "application/pdf"),
            "/cp1256": lambda: self.send(200, CP1256_PAGE, "text/html; charset=windows-1256"),
            "/untyped": lambda: self.send(200, ARTICLE.read_bytes(), None),
        }
        routes.get(self.path, lambda: self.send(404, b"", "text/plain"))()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.usefixtures("web_extra")
@pytest.mark.parametrize("path", ["/page.html", "/redirect", "/untyped"])
def test_url_is_fetched_and_summarized(server: str, path: str) -> None:
    result = run([f"{server}{path}", "-n", "1"])
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == ARTICLE_FIRST + "\n"


@pytest.mark.usefixtures("web_extra")
@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/loop", "too many redirects (more than 5, or a loop)"),
        ("/to-ftp", "redirected to ftp://127.0.0.1/page.html: only http and https are fetched"),
        ("/missing", "HTTP 404 Not Found"),
        ("/error", "HTTP 500 Internal Server Error"),
        ("/slow", "timed out (waited 0.3 s, twice)"),
        ("/huge", f"too large (over {summarize.MAX_PAGE_BYTES:,} bytes)"),
        ("/huge-declared", f"too large (over {summarize.MAX_PAGE_BYTES:,} bytes)"),
        ("/pdf", "not HTML (content type application/pdf)"),
        ("/listing", "no article body"),
    ],
)
def test_failed_fetch_is_one_line_naming_the_url_and_the_reason(server: str, path: str, reason: str) -> None:
    result = run(["--timeout", "0.3", f"{server}{path}"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"summarize: {server}{path}: {reason}\n"


@pytest.mark.usefixtures("web_extra")
def test_refused_connection_is_one_line(server: str) -> None:
    # A port that was free a moment ago: nothing listens there.
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run([f"http://127.0.0.1:{port}/"])
    assert result.exit_code == 1
    assert result.stderr == f"summarize: http://127.0.0.1:{port}/: Connection refused\n"


@pytest.mark.usefixtures("web_extra")
def test_non_utf8_charset_from_the_http_header(server: str) -> None:
    result = run([f"{server}/cp1256", "--format", "json", "-n", "1"])
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["title"] == gold("cp1256-meta")["title"]
    assert record["sentences"][0]["text"] == gold("cp1256-meta")["body"][0]  # type: ignore[index]


@pytest.mark.usefixtures("web_extra")
def test_fetch_sends_the_user_agent(server: str) -> None:
    Handler.agents.clear()
    summarize._fetch(f"{server}/page.html")
    assert Handler.agents == [summarize.USER_AGENT]


@pytest.mark.usefixtures("web_extra")
def test_json_of_a_url_names_it_as_source_and_gives_url_date_author(server: str) -> None:
    result = run([f"{server}/redirect", "--format", "json", "-n", "1", "-k", "0"])
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["source"] == f"{server}/redirect"
    assert record["title"] == gold("article")["title"]
    assert (record["url"], record["date"], record["author"]) == (f"{server}/page.html", "2026-10-12", "ليلى منصور")
    assert list(record) == ["source", "title", "sentences", "keywords", "stats", "url", "date", "author"]


@pytest.mark.usefixtures("web_extra")
def test_mixed_inputs_one_failing_still_summarize_the_rest(server: str) -> None:
    result = run([str(ARTICLE), f"{server}/missing", str(SAMPLE), "-n", "1"])
    assert result.exit_code == 1
    assert result.stderr == f"summarize: {server}/missing: HTTP 404 Not Found\n"
    assert result.stdout.startswith(f"==> {ARTICLE} <==\n{ARTICLE_FIRST}\n\n==> {SAMPLE} <==\n")


# --- The command line ---------------------------------------------------------------------


@pytest.mark.usefixtures("web_extra")
@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        ([str(ARTICLE)], None),
        ([], ARTICLE.read_bytes()),
        (["-"], ARTICLE.read_bytes()),
        (["--input", "html", str(ARTICLE)], None),
    ],
)
def test_html_file_and_piped_html_are_extracted(args: list[str], stdin: bytes | None) -> None:
    result = run([*args, "-n", "1"], input=stdin)
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == ARTICLE_FIRST + "\n"


@pytest.mark.usefixtures("web_extra")
def test_input_text_reads_a_page_as_text(tmp_path: Path) -> None:
    path = tmp_path / "quote.txt"
    path.write_text("<article>\nشرح المعلم الوسم للطلاب في درس طويل عن صفحات الويب.\n</article>\n", encoding="utf-8")
    assert run([str(path)]).exit_code == 1  # detected as HTML: too short an article to find
    result = run(["--input", "text", str(path)])
    assert result.exit_code == 0
    assert result.stdout == "شرح المعلم الوسم للطلاب في درس طويل عن صفحات الويب.\n"


@pytest.mark.usefixtures("web_extra")
def test_input_html_reads_a_fragment(tmp_path: Path) -> None:
    path = tmp_path / "fragment.txt"
    sentences = [
        "أعلنت البلدية اليوم افتتاح حديقة عامة جديدة في وسط المدينة بعد عامين من العمل.",
        "وتضم الحديقة ملاعب للأطفال ومسارات للمشي وأكثر من ألف شجرة مزروعة حديثا.",
    ]
    path.write_text("نص: " + "".join(f"<p>{s}</p>" for s in sentences), encoding="utf-8")
    result = run(["--input", "html", str(path)])
    assert result.exit_code == 0
    assert result.stdout == "".join(f"{s}\n" for s in sentences)


@pytest.mark.usefixtures("web_extra")
def test_listing_page_has_no_article() -> None:
    result = run([str(PAGES / "listing.html")])
    assert result.exit_code == 1
    assert result.stderr == f"summarize: {PAGES / 'listing.html'}: no article body\n"


def test_input_does_not_apply_to_jsonl() -> None:
    result = run(["--jsonl", "--input", "html"], input="")
    assert result.exit_code == 2
    assert 'a record\'s "text" or "html" field says' in result.stderr


@pytest.mark.usefixtures("web_extra")
def test_jsonl_html_record_is_extracted_and_its_url_kept() -> None:
    lines = [
        json.dumps({"id": 1, "html": ARTICLE.read_text(encoding="utf-8"), "url": "http://127.0.0.1/a"}),
        json.dumps({"id": 2, "html": (PAGES / "listing.html").read_text(encoding="utf-8")}),
        json.dumps({"id": 3, "html": 5}),
    ]
    result = run(["--jsonl", "-n", "1", "-k", "0"], input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    assert result.stderr == (
        'summarize: standard input:2: no article body\nsummarize: standard input:3: "html" is not a string\n'
    )
    record = json.loads(result.stdout)
    assert record["id"] == 1
    assert "html" not in record
    assert record["sentences"][0]["text"] == ARTICLE_FIRST
    assert (record["url"], record["date"], record["author"]) == ("http://127.0.0.1/a", "2026-10-12", "ليلى منصور")


# --- Without the extra, and start-up ----------------------------------------------------------

WITHOUT_TRAFILATURA = "import sys; sys.modules['trafilatura'] = None; import summarize; summarize.main()"


@pytest.mark.parametrize(
    ("args", "label"),
    [
        ([str(ARTICLE)], str(ARTICLE)),
        (["http://127.0.0.1:9/page.html"], "http://127.0.0.1:9/page.html"),
    ],
)
def test_without_the_extra_html_and_urls_say_what_to_install(args: list[str], label: str) -> None:
    done = subprocess.run(
        [*PYTHON, "-c", WITHOUT_TRAFILATURA, *args, str(SAMPLE), "-n", "1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    command = f"{sys.executable} -m pip install 'trafilatura>=2.3,<3' 'lxml_html_clean>=0.4'"
    assert done.returncode == 1
    assert done.stderr == f"summarize: {label}: reading HTML needs the web extra: {command}\n"
    first = summarize.summarize(SAMPLE.read_text(encoding="utf-8"), sentences=1).sentences[0].text
    assert done.stdout == f"==> {SAMPLE} <==\n{first}\n"


def test_plain_text_never_imports_trafilatura() -> None:
    code = (
        "import sys; sys.argv = ['summarize', 'tests/sample_article.txt']; import summarize\n"
        "try:\n    summarize.main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('trafilatura', 'lxml', 'urllib.request') if m in sys.modules), file=sys.stderr)"
    )
    done = subprocess.run([*PYTHON, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.stderr == "[]\n"


def test_web_extra_in_pyproject_is_what_the_message_names() -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11 and later
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert tuple(project["optional-dependencies"]["web"]) == summarize.WEB_REQUIREMENTS
