"""Corpus mode inside Dask and Spark against `summarize --jsonl -j 2`: same files, same output, whole process.

    python tests/bench/engines.py [--articles N] [--files N] [--repeats N] [--data PATH] [--spark] [--quick]

Builds a corpus of --articles articles (default 10,000: the EASC development articles
from ../shared/data/easc/dev.jsonl, or --data, repeated; the sample article where that is
absent), as records {"id": K, "text": ...} split into --files JSON Lines files in a
temporary folder, and runs, from that folder and on the same files:

- `summarize --jsonl -j 2 corpus/*.jsonl`, its output in a file;
- tests/bench/dask_jsonl.py (dask.bag, the local process scheduler, 2 workers);
- with --spark, tests/bench/spark_jsonl.py (pyspark, local[2]; needs Java).

Each is timed as a whole process, interleaved, the fastest of --repeats runs; the table
gives each time, its rate and its ratio to --jsonl -j 2, and whether its output parts,
concatenated in order, are --jsonl's output byte for byte (exit 1 if one is not).
--quick runs 40 articles in 2 files once: it checks the script, it measures nothing.

The recipes share their command line and their reading of a line's bytes from here.
"""

from __future__ import annotations

import argparse
import functools
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

import summarize
from summarize import InputError, summarize_record

BENCH = Path(__file__).resolve().parent
DEFAULT_DATA = BENCH.parents[2] / "shared" / "data" / "easc" / "dev.jsonl"
WORKERS = 2


# --- What the recipes share ------------------------------------------------------------


def add_corpus_arguments(parser: argparse.ArgumentParser) -> None:
    """IN_DIR, OUT_DIR, --jsonl's length and keyword options, and --workers."""
    parser.add_argument("in_dir", metavar="IN_DIR", help="a folder of *.jsonl files")
    parser.add_argument("out_dir", metavar="OUT_DIR", help="where the output parts go")
    lengths = parser.add_mutually_exclusive_group()
    lengths.add_argument("-n", "--sentences", type=int, help="keep N sentences (default 3)")
    lengths.add_argument("-w", "--words", type=int, help="keep whole sentences totalling at most N words")
    lengths.add_argument("-r", "--ratio", type=float, help="keep about that share of the words")
    parser.add_argument("-k", "--keywords", type=int, default=summarize.DEFAULT_KEYWORDS, help="keywords to list")
    parser.add_argument("--workers", type=int, default=WORKERS, help=f"worker processes (default {WORKERS})")


def record_summarizer(parser: argparse.ArgumentParser, args: argparse.Namespace) -> Callable[[str, str], str]:
    """summarize_record with the run's options, checked here rather than in every worker (a usage error, exit 2)."""
    options = {"sentences": args.sentences, "words": args.words, "ratio": args.ratio, "keywords": args.keywords}
    try:
        summarize.summarize("", **options)
    except ValueError as error:
        parser.error(str(error))
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    return functools.partial(summarize_record, **options)


def corpus_names(parser: argparse.ArgumentParser, in_dir: str) -> list[str]:
    """IN_DIR's *.jsonl files, sorted, named as `summarize --jsonl IN_DIR/*.jsonl` names them (exit 2 if none)."""
    names = sorted(glob.glob(os.path.join(glob.escape(in_dir), "*.jsonl")))
    if not names:
        parser.error(f"no *.jsonl files in {in_dir}")
    return names


def decoded(raw: bytes) -> str:
    """A corpus line's bytes as text, as --jsonl decodes them.

    Raises:
        InputError: They are not UTF-8, with --jsonl's message.
    """
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"cannot be decoded as utf-8 at byte {error.start}") from None


def report_bad_lines(program: str, messages: Sequence[str]) -> int:
    """Name each bad line on stderr, as --jsonl does; the exit code: 1 if there was one, as --jsonl's."""
    for message in messages:
        print(f"{program}: {message}", file=sys.stderr)
    return 1 if messages else 0


# --- The benchmark -------------------------------------------------------------------


class Engine(NamedTuple):
    """One way to summarize the corpus: its command, run from the corpus's folder, and where its output is."""

    name: str
    args: list[str]
    output: str  # a file, or a folder of parts


class Timed(NamedTuple):
    """An engine's fastest run and whether its output is --jsonl's."""

    engine: Engine
    seconds: float
    same: bool


def write_corpus(folder: Path, articles: Sequence[str], count: int, files: int) -> list[str]:
    """count records cycling through articles, in `files` files of consecutive ids; their names from folder's parent."""
    (folder / "corpus").mkdir()
    names = []
    for part in range(files):
        name = f"corpus/part-{part:03d}.jsonl"
        with (folder / name).open("w", encoding="utf-8") as out:
            for k in range(part * count // files, (part + 1) * count // files):
                out.write(json.dumps({"id": k, "text": articles[k % len(articles)]}, ensure_ascii=False) + "\n")
        names.append(name)
    return names


def engines(names: Sequence[str], spark: bool) -> list[Engine]:
    """The commands to compare, the reference (--jsonl -j 2) first."""
    summarize_command = Path(sys.executable).parent / "summarize"
    jsonl = [str(summarize_command)] if summarize_command.exists() else [sys.executable, "-m", "summarize"]

    def recipe(script: str, out: str) -> list[str]:
        return [sys.executable, str(BENCH / script), "corpus", out, "--workers", str(WORKERS)]

    found = [
        Engine(f"summarize --jsonl -j {WORKERS}", [*jsonl, "--jsonl", "-j", str(WORKERS), *names], "jsonl.out"),
        Engine(f"dask.bag, processes, {WORKERS} workers", recipe("dask_jsonl.py", "dask"), "dask"),
    ]
    if spark:
        found.append(Engine(f"pyspark, local[{WORKERS}]", recipe("spark_jsonl.py", "spark"), "spark"))
    return found


def run(engine: Engine, folder: Path) -> float:
    """Run the engine once from folder, its earlier output removed; the wall time of the whole process."""
    target = folder / engine.output
    shutil.rmtree(target, ignore_errors=True)
    from speed import installed_env

    env = installed_env()
    with open(target if engine.output.endswith(".out") else os.devnull, "wb") as stdout:
        start = time.perf_counter()
        # Exit 1 only for bad lines, and this corpus has none: any other code is a failure.
        subprocess.run(engine.args, cwd=folder, stdin=subprocess.DEVNULL, stdout=stdout, env=env, check=True)
        return time.perf_counter() - start


def output_of(engine: Engine, folder: Path) -> bytes:
    """An engine's output: its file, or its parts (not Spark's _SUCCESS marker) concatenated in order."""
    target = folder / engine.output
    if target.is_file():
        return target.read_bytes()
    return b"".join(part.read_bytes() for part in sorted(target.iterdir()) if not part.name.startswith(("_", ".")))


def measure(engines: Sequence[Engine], folder: Path, repeats: int) -> list[Timed]:
    """Each engine's fastest of `repeats` interleaved runs, and whether its output equals the first's."""
    times: dict[str, list[float]] = {engine.name: [] for engine in engines}
    for _ in range(repeats):
        for engine in engines:
            times[engine.name].append(run(engine, folder))
    reference = output_of(engines[0], folder)
    return [Timed(e, min(times[e.name]), output_of(e, folder) == reference) for e in engines]


def report(timed: Sequence[Timed], articles: int) -> str:
    """The runs as a markdown table, each against the first."""
    lines = ["| engine | time | articles/s | against --jsonl | same output |", "|---|---|---|---|---|"]
    for engine, seconds, same in timed:
        ratio = seconds / timed[0].seconds
        lines.append(
            f"| {engine.name} | {seconds:.2f} s | {articles / seconds:,.0f} | {ratio:.2f} | {'yes' if same else 'NO'} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Build the corpus, time each engine on it, print the table; 1 if an output differs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="corpus size (default %(default)s)")
    parser.add_argument("--files", type=int, default=8, help="JSON Lines files to split it into (default %(default)s)")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs of each engine (default %(default)s)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="EASC-style JSON Lines (default: %(default)s)")
    parser.add_argument("--spark", action="store_true", help="also run the Spark recipe (needs pyspark and Java)")
    parser.add_argument("--quick", action="store_true", help="40 articles, 2 files, one run: checks the script")
    args = parser.parse_args(argv)
    count, files, repeats = (40, 2, 1) if args.quick else (args.articles, args.files, args.repeats)
    from speed import load_articles  # the speed benchmark's articles; the recipes that import this file need none

    articles, origin = load_articles(args.data)
    print(f"{count:,} articles from {origin} in {files} files; {os.cpu_count()} cores; {time.strftime('%Y-%m-%d')}\n")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        names = write_corpus(folder, articles, count, files)
        timed = measure(engines(names, args.spark), folder, repeats)
    print(report(timed, count))
    return 0 if all(t.same for t in timed) else 1


if __name__ == "__main__":
    sys.exit(main())
