"""Compare light stemmers on the EASC development articles.

    python tests/bench/stemmers.py [--data PATH]

Needs the `bench` extra (Tashaphyne). For each stemmer it prints:
- clitic merge: of the content words w that also occur with a clitic in front (ال, وال,
  بال, لل, فال, و, ب, ل, ف + w), the share whose stem equals the stem of w (higher is better);
- t-loss: of the words that begin with ت and have no clitic, the share whose stem lost
  that ت (a light stemmer should keep it: تمويل is not مويل; lower is better);
- words per stem over the content vocabulary (how much it merges);
- stems per second, and the import time of the stemmer's package.
"""

from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import summarize

PREFIXES = ("ال", "وال", "بال", "لل", "فال", "و", "ب", "ل", "ف")
DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "easc" / "dev.jsonl"


def vocabulary(path: Path) -> set[str]:
    """The normalized content words of the articles in a JSON Lines file."""
    stopwords = summarize._stopwords()
    words: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            text = summarize.normalize(json.loads(line)["article"])
            words.update(w for w in summarize.LETTERS.findall(text) if len(w) > 1)
    return {w for w in words if not summarize._is_stopword(w, stopwords)}


def measure(name: str, stem: Callable[[str], str], words: set[str], import_seconds: float) -> str:
    pairs = [(w, p + w) for w in words for p in PREFIXES if p + w in words]
    merged = sum(stem(w) == stem(variant) for w, variant in pairs) / len(pairs)
    t_words = [w for w in words if w.startswith("ت") and not any(w[len(p) :] in words for p in PREFIXES)]
    t_loss = sum(not stem(w).startswith("ت") for w in t_words) / len(t_words)
    ordered = sorted(words)
    start = time.perf_counter()
    stems = {stem(w) for w in ordered}
    rate = len(ordered) / (time.perf_counter() - start)
    return (
        f"| {name} | {merged:.3f} ({len(pairs)} pairs) | {t_loss:.3f} ({len(t_words)} words) "
        f"| {len(words) / len(stems):.2f} | {rate:,.0f} | {import_seconds * 1000:.0f} ms |"
    )


def timed_import(module: str) -> tuple[object, float]:
    """Import a module; also time its import in a fresh interpreter, against a bare one."""

    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-W", "ignore", "-c", code], check=True)
        return time.perf_counter() - start

    seconds = min(run(f"import {module}") for _ in range(3)) - min(run("pass") for _ in range(3))
    return importlib.import_module(module), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    words = vocabulary(parser.parse_args().data)
    print(f"{len(words)} content words\n")
    print("| stemmer | clitic merge | t-loss | words per stem | stems/s | import |")
    print("|---|---|---|---|---|---|")
    stemmer_module, seconds = timed_import("Stemmer")
    snowball = stemmer_module.Stemmer("arabic")  # type: ignore[attr-defined]
    print(measure("Snowball alone", snowball.stemWord, words, seconds))
    print(measure("summarize (clitics, then Snowball)", summarize._stem, words, seconds))
    tashaphyne, seconds = timed_import("tashaphyne.stemming")
    light = tashaphyne.ArabicLightStemmer()  # type: ignore[attr-defined]
    print(measure("Tashaphyne light_stem", light.light_stem, words, seconds))


if __name__ == "__main__":
    main()
