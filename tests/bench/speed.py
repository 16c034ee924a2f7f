"""Measure speed, growth, memory and corpus throughput, each beside its peer, in one run.

    python tests/bench/speed.py [--data PATH] [--quick]

Needs the `bench` extra (sumy). Articles come from the EASC development split (default
../shared/data/easc/dev.jsonl) or, where that is absent, from tests/sample_article.txt.
These machines are shared and noisy, so every figure is a ratio of two timings taken
side by side (the fastest of a few interleaved runs), never an absolute time. --quick
runs tiny inputs once each, to prove that the script works, not to measure.
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
from dataclasses import dataclass
from pathlib import Path

import summarize

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "easc" / "dev.jsonl"
SAMPLE = ROOT / "tests" / "sample_article.txt"
MIB = 1 << 20


@dataclass(frozen=True)
class Sizes:
    """How big each measurement is."""

    repeats: int  # timed runs per figure; the fastest counts
    huge_bytes: int  # the "huge article"
    corpus_articles: int
    sumy_articles: int  # sumy is slow: its rate comes from this many articles


FULL = Sizes(repeats=5, huge_bytes=5_000_000, corpus_articles=2000, sumy_articles=200)
QUICK = Sizes(repeats=1, huge_bytes=100_000, corpus_articles=40, sumy_articles=5)


@dataclass(frozen=True)
class Row:
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


def run_quietly(args: Sequence[str]) -> None:
    """Run a command as an installed tool runs, output thrown away; fail loudly if it fails."""
    # Installed tools start from compiled bytecode: let both sides write and use theirs.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(
        args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True
    )


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


def huge_text(articles: Sequence[str], size: int) -> str:
    """Articles joined by blank lines until the text is about `size` bytes of UTF-8."""
    joined = "\n\n".join(articles) + "\n\n"
    copies = size // len(joined.encode()) + 1
    return (joined * copies).encode()[:size].decode("utf-8", "ignore")


def summarize_file(path: Path) -> None:
    """What the command does with a file: read, decode, summarize; with no stem remembered."""
    summarize._analyze_word.cache_clear()
    summarize.summarize(summarize.decode(path.read_bytes()))


def bare_pass(path: Path) -> None:
    """The floor: read the file and find its words."""
    re.findall(r"\w+", path.read_text(encoding="utf-8"))


def huge(articles: Sequence[str], folder: Path, sizes: Sizes) -> list[Row]:
    """A huge article against a bare pass; ten times the input; peak memory."""
    big, small = folder / "big.txt", folder / "small.txt"
    big.write_text(huge_text(articles, sizes.huge_bytes), encoding="utf-8")
    small.write_text(huge_text(articles, sizes.huge_bytes // 10), encoding="utf-8")
    megabytes = sizes.huge_bytes / 1e6
    ours, floor = side_by_side(lambda: summarize_file(big), lambda: bare_pass(big), sizes.repeats)
    tenth = fastest(lambda: summarize_file(small), sizes.repeats)
    peak = peak_memory([*command("summarize"), str(big)])
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
            f"ten times the input ({megabytes / 10:g} MB -> {megabytes:g} MB)",
            f"{ours:.2f} s",
            f"{tenth:.3f} s",
            ours / tenth,
            "<= 12",
            ours / tenth <= 12,
        ),
        Row(
            f"peak memory, {megabytes:g} MB article",
            f"{peak / MIB:.0f} MiB",
            "300 MiB",
            peak / (300 * MIB),
            "< 1",
            peak < 300 * MIB,
        ),
    ]


def peak_memory(args: Sequence[str]) -> int:
    """Peak resident memory, in bytes, of a command run in a fresh child."""
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True)
    return int(result.stdout) * 1024  # Linux reports KiB


def corpus(articles: Sequence[str], folder: Path, sizes: Sizes) -> list[Row]:
    """Corpus mode with one and with two processes; its rate against sumy LexRank in-process.

    The corpus repeats the articles to reach its size, so the stem cache of each process
    sees words again that a corpus of distinct articles would show it less often; the last
    row gives the rate without repeats, in one process.
    """
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for k in range(sizes.corpus_articles):
            out.write(json.dumps({"id": k, "text": articles[k % len(articles)]}, ensure_ascii=False) + "\n")
    base = [*command("summarize"), "--jsonl", str(path)]
    one, two = side_by_side(
        lambda: run_quietly([*base, "-j", "1"]), lambda: run_quietly([*base, "-j", "2"]), sizes.repeats
    )
    best = min(one, two)
    ours_rate = sizes.corpus_articles / best
    sample = [articles[k % len(articles)] for k in range(sizes.sumy_articles)]
    sumy_rate = sizes.sumy_articles / fastest(lambda: sumy_lex_rank(sample), 1)
    distinct = articles[: sizes.sumy_articles]
    own_rate = len(distinct) / fastest(lambda: summarize_each(distinct), 1)
    n = sizes.corpus_articles
    return [
        Row(
            f"{n:,} articles, --jsonl -j 2 against -j 1 ({os.cpu_count()} cores)",
            f"{two:.2f} s",
            f"{one:.2f} s",
            one / two,
            ">= 1.3 (speed-up)",
            one / two >= 1.3,
        ),
        Row(
            "throughput, --jsonl at its best -j, whole process, against sumy LexRank in process",
            f"{ours_rate:,.0f} articles/s",
            f"{sumy_rate:,.1f} articles/s",
            ours_rate / sumy_rate,
            ">= 10",
            ours_rate / sumy_rate >= 10,
        ),
        Row(
            f"{len(distinct)} distinct articles, one process, each once: no repeat for the stem cache",
            f"{own_rate:,.0f} articles/s",
            f"{sumy_rate:,.1f} articles/s",
            own_rate / sumy_rate,
            "none: for reference",
            None,
        ),
    ]


def summarize_each(texts: Sequence[str]) -> None:
    """Summarize each text once, in this process, starting with no stem remembered."""
    summarize._analyze_word.cache_clear()
    for text in texts:
        summarize.summarize(text)


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
    print(f"articles from {origin}; {os.cpu_count()} cores; {time.strftime('%Y-%m-%d')}\n")
    with tempfile.TemporaryDirectory() as folder:
        rows = [one_article(articles, Path(folder), sizes), *huge(articles, Path(folder), sizes)]
        rows += corpus(articles, Path(folder), sizes)
    print(report(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
