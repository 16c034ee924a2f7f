"""Pathological shapes of input finish in linear time: a four times larger input takes about four times as long.

Each shape goes through what the command does (bytes -> decode -> summarize -> render) at a size n
and at 4n, and the test checks the ratio of the two times, never a time itself. Linear work gives
about 4 and quadratic work 16; the threshold, 8, sits halfway on a log scale, so either side has a
factor of two to spare for noise. (Doubling would give 2 against 4, and on a shared 2-core machine
the fastest of three runs still strays by up to half: a linear shape measured 1.3 to 2.9.)

To keep the noise down, the time is the process's CPU time; each size runs three times, from cold
caches and with the garbage collector paused, and the fastest run counts; the two sizes run in turn,
so that a slow spell slows both; n doubles until a run at n takes MIN_SECONDS, so that on a slow
machine the sizes shrink instead of the test taking longer; and a ratio over the threshold is
measured again, twice at most (with both cores of a 2-core machine kept busy by other processes, two
measurements in fifty came over 7; quadratic work stays over 8 every time).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

import summarize as summarize_module
from summarize import decode, render_json, render_text, summarize

GROWTH = 4
# Time at size 4n over time at size n: about 4 when linear, 16 when quadratic.
MAX_RATIO = 8.0
# The run at size n takes at least this long (so the run at 4n, at least four times as long).
MIN_SECONDS = 0.02
REPEATS = 3
ATTEMPTS = 3

WORD = "كلمة"
WARM_UP = "المطر غزير في المدينة.".encode()


def command(data: bytes) -> int:
    """What the command does with one input; returns the number of body sentences."""
    result = summarize(decode(data), keywords=10)
    render_text(result, 10).encode()
    render_json(result, "-").encode()
    return result.total_sentences


def start_cold() -> None:
    """Empty every cache summarize keeps across calls (words already stemmed), as in a fresh process.

    Otherwise the second run of the same input would only look its words up. The stopwords and the
    stemmer are loaded again at once: a one-off cost, not the input's.
    """
    for value in vars(summarize_module).values():
        if hasattr(value, "cache_clear"):
            value.cache_clear()
    command(WARM_UP)


def elapsed(work: Callable[[bytes], object], data: bytes) -> float:
    """Seconds that work takes on data, starting cold, the garbage collector paused."""
    start_cold()
    gc.disable()
    try:
        start = time.process_time()
        work(data)
        return time.process_time() - start
    finally:
        gc.enable()


def growth(
    work: Callable[[bytes], object], make: Callable[[int], bytes], n: int, *, min_seconds: float = MIN_SECONDS
) -> float:
    """Time of work at size GROWTH * n over its time at size n, fastest of REPEATS runs each.

    n doubles until a run at n takes min_seconds.
    """
    small = make(n)
    fastest_small = elapsed(work, small)
    while fastest_small < min_seconds:
        n *= 2
        small = make(n)
        fastest_small = elapsed(work, small)
    large = make(GROWTH * n)
    fastest_large = elapsed(work, large)
    for _ in range(REPEATS - 1):
        fastest_small = min(fastest_small, elapsed(work, small))
        fastest_large = min(fastest_large, elapsed(work, large))
    return fastest_large / fastest_small


def lowest_growth(
    work: Callable[[bytes], object], make: Callable[[int], bytes], n: int, *, min_seconds: float = MIN_SECONDS
) -> float:
    """growth(), measured again (up to ATTEMPTS times) while it is not below MAX_RATIO; the lowest.

    Noise that inflates one measurement seldom inflates the next; quadratic work fails every time.
    """
    ratios = [growth(work, make, n, min_seconds=min_seconds)]
    while ratios[-1] >= MAX_RATIO and len(ratios) < ATTEMPTS:
        ratios.append(growth(work, make, n, min_seconds=min_seconds))
    return min(ratios)


def utf8(build: Callable[[int], str]) -> Callable[[int], bytes]:
    return lambda n: build(n).encode("utf-8")


# (the input at size n; the n to start from, a run of about 22 ms on a shared 2-core machine; how many
# body sentences the input holds at that n)
SHAPES = [
    pytest.param(utf8(lambda n: f"{WORD} " * n), 5_000, 1, id="one-line-of-words-without-punctuation"),
    pytest.param(utf8(lambda n: "\u060c" * n), 420_000, 0, id="only-arabic-commas"),
    pytest.param(utf8(lambda n: "." * n), 450_000, 0, id="only-full-stops"),
    # Numbered, since a sentence said twice counts once.
    pytest.param(
        utf8(lambda n: "".join(f"{WORD}{i}." for i in range(n))), 1_600, 1_600, id="one-word-sentences-without-spaces"
    ),
    pytest.param(utf8(lambda n: "\u0628" * n + "."), 55_000, 1, id="one-word-without-spaces"),
    pytest.param(utf8(lambda n: "\u064e\u0640" * n), 220_000, 0, id="only-diacritics-and-tatweel"),
    pytest.param(utf8(lambda n: f"{WORD}\n" * n), 3_200, 0, id="one-word-lines"),
    pytest.param(utf8(lambda n: f"\u00ab{WORD} " * n + "." + "\u00bb" * n), 5_500, 1, id="nested-quotation-marks"),
    # Snowball's Arabic stemmer takes pronoun suffixes (ك, ه, هم, ...) off one at a time, rescanning the word:
    # quadratic unless so long a "word" goes unstemmed. Quadratic work measures 12 or more from this n on.
    pytest.param(utf8(lambda n: "\u0643" * n + "."), 16_000, 1, id="one-word-of-pronoun-suffixes"),
]


@pytest.mark.parametrize(("make", "n", "sentences"), SHAPES)
def test_pathological_shape_takes_linear_time(make: Callable[[int], bytes], n: int, sentences: int) -> None:
    assert command(make(n)) == sentences
    assert lowest_growth(command, make, n) < MAX_RATIO


def _linear(data: bytes) -> None:
    data.count(0)


def _quadratic(data: bytes) -> None:
    for _ in range(len(data) // 64):
        data.count(0)


@pytest.mark.parametrize(
    ("work", "flagged"),
    [pytest.param(_linear, False, id="linear-passes"), pytest.param(_quadratic, True, id="quadratic-is-flagged")],
)
def test_growth_tells_quadratic_work_from_linear(work: Callable[[bytes], object], flagged: bool) -> None:
    assert (lowest_growth(work, bytes, 1 << 12, min_seconds=0.001) >= MAX_RATIO) is flagged
