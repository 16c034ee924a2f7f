"""Summarize a folder of JSON Lines files with pyspark, into a folder of JSON Lines.

    python tests/bench/spark_jsonl.py IN_DIR OUT_DIR [-n N | -w N | -r R] [-k N] [--workers N]

Needs pyspark (`pip install pyspark`: several hundred megabytes, so in no extra of this
project) and Java 17 or newer. Spark runs here in local[--workers] mode. OUT_DIR must not
exist (Spark writes no folder twice); it gets part-00000, part-00001, ..., one per input
file in sorted order, each holding exactly what `summarize --jsonl IN_DIR/NAME.jsonl`
prints with the same options, and Spark's _SUCCESS marker: the parts concatenated in
order are `summarize --jsonl IN_DIR/*.jsonl`'s output byte for byte.

Each file is read whole as bytes (binaryFiles) and split at line feeds, as --jsonl reads
it: Spark's own text reader also splits at carriage returns and replaces bytes that are
not UTF-8, and spark.read.json reorders fields. A bad line is skipped and named on
stderr once the run is done, as --jsonl names it; the exit code is then 1. As in the
Dask recipe, there are no warnings, no --max-bytes and no encodings but UTF-8.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Callable, Iterator, Sequence

import engines
from engines import add_corpus_arguments, corpus_names, decoded, record_summarizer, report_bad_lines
from pyspark import SparkConf, SparkContext

from summarize import InputError

# An output line without its line feed (saveAsTextFile adds one), or a bad line's message.
Outcome = tuple[str, str]


def summarize_file(file: tuple[str, bytes], name: str, summarize_line: Callable[[str, str], str]) -> Iterator[Outcome]:
    """One input file (binaryFiles' path and bytes) into an outcome per non-blank line, in order.

    Lines are numbered from 1, blank ones included, and labelled NAME:LINE as --jsonl
    labels them; summarize_line turns a line and its label into --jsonl's output line.
    """
    lines = file[1].split(b"\n")
    if lines[-1] == b"":  # what follows the last line feed, or an empty file: no line
        lines.pop()
    for number, raw in enumerate(lines, 1):
        source = f"{name}:{number}"
        try:
            output = summarize_line(decoded(raw), source)
        except InputError as error:
            yield "", f"{source}: {error}"
            continue
        if output:
            yield output.removesuffix("\n"), ""


def summarize_files(
    context: SparkContext, names: Sequence[str], out_dir: str, summarize_line: Callable[[str, str], str]
) -> list[str]:
    """Summarize each file of names into a part of out_dir, in order; the bad lines' messages, in order."""
    # One RDD per file, so that each partition is one whole file with its name as given.
    files = [
        context.binaryFiles(name).flatMap(functools.partial(summarize_file, name=name, summarize_line=summarize_line))
        for name in names
    ]
    outcomes = context.union(files).persist()  # two actions below, one pass over the input
    outcomes.filter(lambda outcome: not outcome[1]).map(lambda outcome: outcome[0]).saveAsTextFile(out_dir)
    messages: list[str] = outcomes.filter(lambda outcome: bool(outcome[1])).map(lambda outcome: outcome[1]).collect()
    return messages


def main(argv: Sequence[str] | None = None) -> int:
    """Summarize IN_DIR's *.jsonl files into OUT_DIR; 1 if a line was bad, as --jsonl."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_corpus_arguments(parser)
    args = parser.parse_args(argv)
    summarize_line = record_summarizer(parser, args)
    names = corpus_names(parser, args.in_dir)
    conf = (
        SparkConf()
        .setMaster(f"local[{args.workers}]")
        .setAppName("summarize")
        .set("spark.driver.host", "127.0.0.1")  # local mode talks to itself only
        .set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
    )
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # the workers import summarize from here
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    context = SparkContext(conf=conf)
    try:
        context.setLogLevel("ERROR")
        context.addPyFile(engines.__file__)  # the workers' import of this script's helpers
        messages = summarize_files(context, names, args.out_dir, summarize_line)
    finally:
        context.stop()
    return report_bad_lines("spark_jsonl.py", messages)


if __name__ == "__main__":
    sys.exit(main())
