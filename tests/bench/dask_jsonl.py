"""Summarize a folder of JSON Lines files with dask.bag, into a folder of JSON Lines.

    python tests/bench/dask_jsonl.py IN_DIR OUT_DIR [-n N | -w N | -r R] [-k N] [--workers N]

Needs the dask extra (`pip install -e '.[dask]'`). Each IN_DIR/NAME.jsonl becomes
OUT_DIR/NAME.jsonl (OUT_DIR is made if absent), holding exactly what `summarize --jsonl
IN_DIR/NAME.jsonl` prints with the same options: one partition, and one output part, per
file, in sorted order, so that the parts concatenated in order are `summarize --jsonl
IN_DIR/*.jsonl`'s output byte for byte, sources (`IN_DIR/NAME.jsonl:LINE`) included.

A bad line (one that --jsonl names on stderr) is skipped, and named on stderr as --jsonl
names it once the run is done; the exit code is then 1, as --jsonl's. What --jsonl does
and this recipe does not: the warnings for text without Arabic and for replaced input
fields, --max-bytes (dask holds each file's lines), encodings other than UTF-8, and
progress. Dask runs on its local process scheduler with --workers processes; on a
cluster, compute the same bag with a distributed client instead.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Sequence

import dask.bag as db
import fsspec
from dask.base import compute
from engines import add_corpus_arguments, corpus_names, decoded, record_summarizer, report_bad_lines

from summarize import InputError


def summarize_part(
    lines: Iterable[str], name: str, out_name: str, summarize_line: Callable[[str, str], str]
) -> list[str]:
    """One input file's lines (a partition) into its output part, out_name; the messages for its bad lines.

    Lines are numbered from 1, blank ones included, and labelled NAME:LINE as --jsonl
    labels them; summarize_line turns a line and its label into --jsonl's output line.
    """
    errors = []
    # The task that summarizes a file writes its part: a separate write task (to_textfiles)
    # would need the outputs twice, and dask would summarize them twice.
    with fsspec.open(out_name, "w", encoding="utf-8", newline="\n") as out:
        for number, line in enumerate(lines, 1):
            source = f"{name}:{number}"
            try:
                try:
                    line.encode("utf-8")
                except UnicodeEncodeError:  # read with surrogateescape: bytes that are not UTF-8
                    decoded(line.encode("utf-8", "surrogateescape").removesuffix(b"\n"))
                out.write(summarize_line(line, source))
            except InputError as error:
                errors.append(f"{source}: {error}")
    return errors


def summarize_files(
    names: Sequence[str], out_names: Sequence[str], summarize_line: Callable[[str, str], str], workers: int
) -> list[str]:
    """Summarize each file of names into the file of out_names at its place; the bad lines' messages, in order."""
    # One bag per file, so that each partition is one whole file with its name as given.
    # Lines split at line feeds only, as --jsonl splits them.
    messages = db.concat(
        [
            db.read_text(name, encoding="utf-8", errors="surrogateescape", linedelimiter="\n").map_partitions(
                summarize_part, name, out_name, summarize_line
            )
            for name, out_name in zip(names, out_names, strict=True)
        ]
    )
    (found,) = compute(messages, scheduler="processes", num_workers=workers)
    return list(found)


def main(argv: Sequence[str] | None = None) -> int:
    """Summarize IN_DIR's *.jsonl files into OUT_DIR; 1 if a line was bad, as --jsonl."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_corpus_arguments(parser)
    args = parser.parse_args(argv)
    summarize_line = record_summarizer(parser, args)
    names = corpus_names(parser, args.in_dir)
    os.makedirs(args.out_dir, exist_ok=True)
    out_names = [os.path.join(args.out_dir, os.path.basename(name)) for name in names]
    return report_bad_lines("dask_jsonl.py", summarize_files(names, out_names, summarize_line, args.workers))


if __name__ == "__main__":
    sys.exit(main())
