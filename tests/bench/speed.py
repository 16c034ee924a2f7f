"""Measure start-up, throughput, memory and corpus mode, each beside its peer, in one run.

    python tests/bench/speed.py [--data PATH] [--quick]

Needs the `bench` extra (sumy) and git (the code before the speed work, BASELINE, is read
from this repository's history and run beside today's). Articles come from the EASC
development split (default ../shared/data/easc/dev.jsonl) or, where that is absent, from
tests/sample_article.txt.

These machines are shared and noisy, so every figure is a ratio of two timings taken side
by side (the fastest of a few interleaved runs), never an absolute time:

- start-up: `summarize FILE` and `summarize --help` against the import floor (Python
  importing click, pyarabic, PyStemmer and the stopword list, and nothing else), each run
  by a fresh venv that holds only the tool's dependencies, as a user's install does (the
  full run makes one; --quick uses this Python); and, where valgrind is installed, the
  same counted in instructions, with what importing the module and summarizing the first
  article cost of them;
- in-process throughput on the distinct articles, today's code against BASELINE's in the
  same process: cold (no word analysed yet) and warm (every word seen before);
- peak memory and growth on huge articles; corpus mode with one and two processes;
- the figures of the first round: one article against sumy, a huge article against a bare
  read, corpus throughput against sumy.

--quick runs tiny inputs once each, to prove that the script works, not to measure.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

import history

import summarize

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "easc" / "dev.jsonl"
SAMPLE = ROOT / "tests" / "sample_article.txt"
MIB = 1 << 20
# The code as it stood before the second speed round (issue 12): the peer of every "before" figure.
BASELINE = "75cad7f689d82bf853c649274ae89232e941c194"
# What a bare Python must import to run the tool at all: the floor of its start-up.
FLOOR_IMPORTS = "import click, pyarabic.araby, Stemmer, arabicstopwords.stopwords_classified"
# What the console script that pip writes does.
LAUNCHER = "import sys\nfrom summarize import main\nsys.exit(main())\n"
# Caches of per-word work, emptied for a cold pass (the tables built once per process stay).
WORD_CACHES = ("_analyze_word", "_vocabulary")


class Sizes(NamedTuple):
    """How big each measurement is."""

    repeats: int  # timed runs per figure; the fastest counts
    startups: int  # timed starts per start-up figure
    huge_bytes: int  # the "huge article"; growth is measured from it to four times it
    corpus_articles: int
    sumy_articles: int  # sumy is slow: its rate comes from this many articles


FULL = Sizes(repeats=5, startups=20, huge_bytes=8_000_000, corpus_articles=2000, sumy_articles=200)
QUICK = Sizes(repeats=1, startups=1, huge_bytes=100_000, corpus_articles=40, sumy_articles=5)


class Row(NamedTuple):
    """One figure: ours beside its peer."""

    figure: str
    ours: str
    peer: str
    ratio: float
    target: str
    met: bool | None  # None: no target, for reference


def load_articles(data: Path) -> tuple[list[str], str]:
    """The articles to measure on, and where they came from."""
    if data.is_file():
        with data.open(encoding="utf-8") as lines:
            return [json.loads(line)["article"] for line in lines], f"{data} (EASC)"
    return [SAMPLE.read_text(encoding="utf-8")], f"{SAMPLE.name} (EASC not found)"


def fastest(run: Callable[[], object], repeats: int) -> float:
    """The fastest wall time of `repeats` runs of run()."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def side_by_side(ours: Callable[[], object], peer: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Fastest times of two runs, interleaved so that both see the same machine load."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeats):
        for own, run in zip(times, (ours, peer), strict=True):
            own.append(fastest(run, 1))
    return min(times[0]), min(times[1])


def command(name: str) -> list[str]:
    """A console script installed beside this Python, or `python -m name`."""
    script = Path(sys.executable).parent / name
    return [str(script)] if script.exists() else [sys.executable, "-m", name]


def installed_env() -> dict[str, str]:
    """This environment, less what keeps Python from writing bytecode.

    Installed tools start from compiled bytecode: let every side measured write and use its own.
    """
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def run_quietly(args: Sequence[str]) -> None:
    """Run a command as an installed tool runs, output thrown away; fail loudly if it fails."""
    subprocess.run(
        args,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=installed_env(),
        check=True,
    )


def dependencies() -> list[str]:
    """The tool's own dependencies, as pyproject.toml lists them."""
    import tomllib

    return list(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"])


def bare_python(folder: Path, quick: bool) -> str:
    """A Python that has the tool's dependencies and nothing else (none of this checkout's own setup)."""
    if quick:
        return sys.executable
    venv = folder / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    install = [python, "-m", "pip", "install", "--quiet", *dependencies()]
    installed = subprocess.run(install, check=False, capture_output=True)
    if installed.returncode:
        sys.exit(f"speed.py: installing the dependencies in a fresh venv failed:\n{installed.stderr.decode()}")
    return python


def launcher(folder: Path, name: str, source: str) -> Path:
    """A folder holding one version of summarize.py and a console script like pip's; the script's path."""
    home = folder / name
    home.mkdir()
    (home / "summarize.py").write_text(source, encoding="utf-8")
    script = home / "summarize"
    script.write_text(LAUNCHER, encoding="utf-8")
    return script


def startup(python: str, folder: Path, today: Path, article: Path, base: str | None, sizes: Sizes) -> list[Row]:
    """Start-up of `summarize FILE` and `summarize --help` (today's launcher) against the import floor and BASELINE."""
    floor = [python, "-c", FLOOR_IMPORTS]
    rows = []
    for label, args in (("summarize FILE", [str(article)]), ("summarize --help", ["--help"])):
        ours = [python, str(today), *args]
        run_quietly(ours)  # bytecode written, files in the page cache
        run_quietly(floor)
        ours_time, floor_time = side_by_side(partial(run_quietly, ours), partial(run_quietly, floor), sizes.startups)
        rows.append(
            Row(
                f"start-up, {label}, against the import floor",
                f"{ours_time * 1000:.1f} ms",
                f"{floor_time * 1000:.1f} ms (imports alone)",
                ours_time / floor_time,
                "<= 1.10",
                ours_time / floor_time <= 1.10,
            )
        )
    if base is not None:
        before = [python, str(launcher(folder, "before", base)), str(article)]
        ours = [python, str(today), str(article)]
        run_quietly(before)
        ours_time, before_time = side_by_side(lambda: run_quietly(ours), lambda: run_quietly(before), sizes.startups)
        rows.append(
            Row(
                "start-up, summarize FILE, against the code before",
                f"{ours_time * 1000:.1f} ms",
                f"{before_time * 1000:.1f} ms ({BASELINE[:7]})",
                ours_time / before_time,
                "none: for reference",
                None,
            )
        )
    return rows


def instructions(args: Sequence[str]) -> int:
    """The instructions a command executes, as valgrind's callgrind counts them (the load does not move it)."""
    env = installed_env() | {"PYTHONHASHSEED": "0"}  # string hashes, and so set and dict work, the same in every run
    counted = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        check=False,
    )
    found = re.search(rb"Collected : (\d+)", counted.stderr)
    if counted.returncode or found is None:
        sys.exit(f"speed.py: callgrind counted nothing for {args}:\n{counted.stderr.decode(errors='replace')}")
    return int(found[1])


def startup_instructions(python: str, today: Path, article: Path) -> list[Row]:
    """Start-up counted in instructions, against the floor; and what the module and the first article cost of it."""
    floor = instructions([python, "-c", FLOOR_IMPORTS])
    module = f"{FLOOR_IMPORTS}; import sys; sys.path.insert(0, {str(today.parent)!r}); import summarize"
    imported = instructions([python, "-c", module])
    text = f"open({str(article)!r}, encoding='utf-8').read()"
    worked = instructions([python, "-c", f"{module}; summarize.summarize({text})"])
    rows = []
    for label, args in (("summarize FILE", [str(article)]), ("summarize --help", ["--help"])):
        ours = instructions([python, str(today), *args])
        rows.append(
            Row(
                f"start-up in instructions (callgrind), {label}, against the import floor",
                f"{ours / 1e6:.1f} M",
                f"{floor / 1e6:.1f} M (imports alone)",
                ours / floor,
                "<= 1.10",
                ours / floor <= 1.10,
            )
        )
    # The target leaves a tenth of the floor for everything summarize adds: these two are most of it.
    for label, count in (
        ("importing summarize.py", imported - floor),
        ("summarize() on the sample article, the first in its process", worked - imported),
    ):
        rows.append(
            Row(
                f"instructions of {label}, against the tenth of the floor that the target leaves",
                f"{count / 1e6:.1f} M",
                f"{floor / 10 / 1e6:.1f} M",
                count / (floor / 10),
                "none: for reference",
                None,
            )
        )
    return rows


def clear_word_caches(module: ModuleType) -> None:
    """Forget every word a version of the module analysed, as a new process has."""
    for name in WORD_CACHES:
        cache = getattr(module, name, None)
        if cache is not None:
            cache.cache_clear()


def cold_and_warm(module: ModuleType, texts: Sequence[str]) -> tuple[float, float]:
    """Seconds to summarize each text once with no word analysed yet, then once more."""
    clear_word_caches(module)
    start = time.perf_counter()
    for text in texts:
        module.summarize(text)
    middle = time.perf_counter()
    for text in texts:
        module.summarize(text)
    return middle - start, time.perf_counter() - middle


def throughput(articles: Sequence[str], before: ModuleType | None, sizes: Sizes) -> list[Row]:
    """Cold and warm in-process rates on the distinct articles, today's code beside BASELINE's."""
    if before is None:
        return []
    texts = list(dict.fromkeys(articles))
    best: dict[str, list[float]] = {"cold": [], "warm": [], "cold before": [], "warm before": []}
    for _ in range(sizes.repeats):
        for module, suffix in ((summarize, ""), (before, " before")):
            cold, warm = cold_and_warm(module, texts)
            best["cold" + suffix].append(cold)
            best["warm" + suffix].append(warm)
    rows = []
    for kind, target in (("cold", 1.4), ("warm", 1.15)):
        ours, peer = len(texts) / min(best[kind]), len(texts) / min(best[kind + " before"])
        rows.append(
            Row(
                f"{len(texts)} distinct articles in one process, {kind}, against the code before",
                f"{ours:,.0f} articles/s",
                f"{peer:,.0f} articles/s ({BASELINE[:7]})",
                ours / peer,
                f">= {target}",
                ours / peer >= target,
            )
        )
    return rows


def huge_text(articles: Sequence[str], size: int) -> str:
    """Articles joined by blank lines until the text is about `size` bytes of UTF-8.

    Each copy's full stops carry its number ("... 12."), so that no sentence repeats one
    of another copy: summarize counts a repeated sentence once.
    """
    joined = "\n\n".join(articles) + "\n\n"
    copies = size // len(joined.encode()) + 1
    numbered = "".join(joined.replace(".", f" {copy}.") for copy in range(copies))
    return numbered.encode()[:size].decode("utf-8", "ignore")


def summarize_file(path: Path) -> None:
    """What the command does with a file: read, decode, summarize; with no word remembered."""
    clear_word_caches(summarize)
    summarize.summarize(summarize.decode(path.read_bytes()))


def bare_pass(path: Path) -> None:
    """The floor: read the file and find its words."""
    re.findall(r"\w+", path.read_text(encoding="utf-8"))


def peak_memory(args: Sequence[str]) -> int:
    """Peak resident memory, in bytes, of a command run in a fresh child."""
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True)
    return int(result.stdout) * 1024  # Linux reports KiB


def huge(articles: Sequence[str], folder: Path, sizes: Sizes) -> list[Row]:
    """A huge article against a bare pass; four times the input; peak memory of both."""
    big, bigger = folder / "big.txt", folder / "bigger.txt"
    big.write_text(huge_text(articles, sizes.huge_bytes), encoding="utf-8")
    bigger.write_text(huge_text(articles, 4 * sizes.huge_bytes), encoding="utf-8")
    megabytes = sizes.huge_bytes / 1e6
    ours, floor = side_by_side(lambda: summarize_file(big), lambda: bare_pass(big), sizes.repeats)
    four = fastest(lambda: summarize_file(bigger), max(1, sizes.repeats // 2))
    tool = [*command("summarize"), "--max-bytes", "0"]
    peak, peak_four = peak_memory([*tool, str(big)]), peak_memory([*tool, str(bigger)])
    at_start = peak_memory([*tool, str(SAMPLE)])  # the interpreter and the tables: not the article's
    return [
        Row(
            f"{megabytes:g} MB article, in process ({megabytes / ours:.1f} MB/s)",
            f"{ours:.2f} s",
            f"{floor:.2f} s (read + re.findall)",
            ours / floor,
            "<= 10",
            ours / floor <= 10,
        ),
        Row(
            f"four times the input ({megabytes:g} MB -> {4 * megabytes:g} MB), time",
            f"{four:.2f} s",
            f"{ours:.2f} s",
            four / ours,
            "<= 5 (linear)",
            four / ours <= 5,
        ),
        Row(
            f"peak memory, {megabytes:g} MB article, whole process",
            f"{peak / MIB:.0f} MiB",
            "64 MiB",
            peak / (64 * MIB),
            "<= 1",
            peak <= 64 * MIB,
        ),
        Row(
            f"peak memory above start-up ({at_start / MIB:.0f} MiB), "
            f"{4 * megabytes:g} MB article against {megabytes:g} MB",
            f"{(peak_four - at_start) / MIB:.0f} MiB",
            f"{(peak - at_start) / MIB:.0f} MiB",
            (peak_four - at_start) / (peak - at_start),
            "<= 4.4 (linear)",
            (peak_four - at_start) / (peak - at_start) <= 4.4,
        ),
    ]


def write_corpus(path: Path, texts: Sequence[str], count: int) -> None:
    """count JSON Lines records, cycling through texts."""
    with path.open("w", encoding="utf-8") as out:
        for k in range(count):
            out.write(json.dumps({"id": k, "text": texts[k % len(texts)]}, ensure_ascii=False) + "\n")


def busy_cores() -> str:
    """How loaded the machine is: the one-minute load average against the cores."""
    return f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"


def corpus(articles: Sequence[str], folder: Path, sizes: Sizes) -> list[Row]:
    """Corpus mode with one and two processes, on a repeating and on a distinct corpus; against sumy."""
    distinct = list(dict.fromkeys(articles))
    rows = []
    best: dict[str, float] = {}  # each corpus's fastest run, with either -j
    for name, texts, count, target in (
        ("repeating", articles, sizes.corpus_articles, 1.6),
        ("distinct", distinct, len(distinct), 1.3),
    ):
        path = folder / f"{name}.jsonl"
        write_corpus(path, texts, count)
        base = [*command("summarize"), "--jsonl", str(path)]
        load = busy_cores()
        one, two = side_by_side(
            partial(run_quietly, [*base, "-j", "1"]), partial(run_quietly, [*base, "-j", "2"]), sizes.repeats
        )
        rows.append(
            Row(
                f"{count:,} {name} articles, --jsonl -j 2 against -j 1 ({load} before, {busy_cores()} after)",
                f"{two:.2f} s",
                f"{one:.2f} s",
                one / two,
                f">= {target} (speed-up)",
                one / two >= target,
            )
        )
        best[name] = min(one, two)
    best_rate = sizes.corpus_articles / best["repeating"]
    sample = [articles[k % len(articles)] for k in range(sizes.sumy_articles)]
    sumy_rate = sizes.sumy_articles / fastest(lambda: sumy_lex_rank(sample), 1)
    rows.append(
        Row(
            "throughput, --jsonl at its best -j, whole process, against sumy LexRank in process",
            f"{best_rate:,.0f} articles/s",
            f"{sumy_rate:,.1f} articles/s",
            best_rate / sumy_rate,
            ">= 10",
            best_rate / sumy_rate >= 10,
        )
    )
    return rows


def one_article(articles: Sequence[str], folder: Path, sizes: Sizes) -> Row:
    """`summarize article.txt` against `sumy lex-rank` on an article of about 500 words, whole process."""
    article = min(articles, key=lambda text: abs(len(text.split()) - 500))
    path = folder / "article.txt"
    path.write_text(article, encoding="utf-8")
    sumy = [*command("sumy"), "lex-rank", "--language=arabic", "--length=3", f"--file={path}"]
    ours = [*command("summarize"), str(path)]
    run_quietly(ours)  # warm-up: bytecode written, files in the page cache
    run_quietly(sumy)
    ours_time, peer_time = side_by_side(lambda: run_quietly(ours), lambda: run_quietly(sumy), sizes.repeats)
    words = len(article.split())
    return Row(
        f"one {words}-word article, whole process",
        f"{ours_time * 1000:.0f} ms",
        f"{peer_time * 1000:.0f} ms (sumy lex-rank)",
        ours_time / peer_time,
        "<= 0.15",
        ours_time / peer_time <= 0.15,
    )


def sumy_lex_rank(texts: Sequence[str]) -> None:
    """sumy's LexRank in Arabic mode, three sentences each."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    tokenizer = Tokenizer("arabic")
    summarizer = LexRankSummarizer(Stemmer("arabic"))
    summarizer.stop_words = get_stop_words("arabic")
    for text in texts:
        summarizer(PlaintextParser.from_string(text, tokenizer).document, 3)


def report(rows: Sequence[Row]) -> str:
    """The rows as a markdown table."""
    lines = ["| figure | summarize | peer | ratio | target | met |", "|---|---|---|---|---|---|"]
    marks = {None: "-", True: "yes", False: "NO"}
    lines += [f"| {r.figure} | {r.ours} | {r.peer} | {r.ratio:.3g} | {r.target} | {marks[r.met]} |" for r in rows]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Measure everything and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="EASC-style JSON Lines (default: %(default)s)")
    parser.add_argument(
        "--quick", action="store_true", help="tiny inputs, one run each: checks the script, measures nothing"
    )
    args = parser.parse_args(argv)
    if shutil.which("sumy", path=str(Path(sys.executable).parent)) is None:
        print("speed.py: sumy is not installed here (pip install -e '.[bench]')", file=sys.stderr)
        return 2
    sizes = QUICK if args.quick else FULL
    articles, origin = load_articles(args.data)
    base = history.source_at(BASELINE)
    print(f"articles from {origin}; {busy_cores()}; {time.strftime('%Y-%m-%d')}")
    if base is None:
        print(f"git or {BASELINE[:7]} not found: the figures against the code before are left out")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        before = None if base is None else history.imported(base, "summarize_baseline", folder)
        article = folder / "sample.txt"
        shutil.copyfile(SAMPLE, article)
        python = bare_python(folder, args.quick)
        today = launcher(folder, "today", (ROOT / "summarize.py").read_text(encoding="utf-8"))
        rows = startup(python, folder, today, article, base, sizes)
        if args.quick:
            print("--quick: the start-up instruction counts are left out")
        elif shutil.which("valgrind") is None:
            print("valgrind not found: the start-up instruction counts are left out")
        else:
            rows += startup_instructions(python, today, article)
        rows += throughput(articles, before, sizes)
        rows += huge(articles, folder, sizes)
        rows += corpus(articles, folder, sizes)
        rows.append(one_article(articles, folder, sizes))
    print()
    print(report(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
