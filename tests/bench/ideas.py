"""Measure each scoring idea on EASC, with the protocol and ROUGE of quality.py.

    python tests/bench/ideas.py [--data PATH] [--limit N]

Needs the `bench` extra and the EASC development split. Each idea is a variant of the
scorer or of the selection, run on its own; the table shows its ROUGE F and how it
compares with lead. The last rows fit a logistic regression of "this sentence is in a
reference" (the share of the five references holding at least 60% of its word pairs)
on the sentence features, in-sample and with two-fold cross-validation.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import math
import statistics
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import quality
import Stemmer

import summarize

# A scorer: the sentences of one article, analyzed -> one score each (higher is better).
Scorer = Callable[["Analyzed"], list[float]]
Analyzer = Callable[[str], list[str]]


@dataclass(frozen=True)
class Analyzed:
    """One article's sentences as a scorer sees them."""

    units: Sequence[str]
    stems: Sequence[Sequence[str]]
    lengths: Sequence[int]


def shipped_analyzer() -> Analyzer:
    """summarize's own tokenizer: stopwords out, clitics off, then Snowball."""
    return summarize.tokenize


def words_analyzer(stem: Callable[[str], str], stopwords: Callable[[str], bool]) -> Analyzer:
    """Normalized words of two letters or more, stopwords out, each stemmed."""

    def analyze(text: str) -> list[str]:
        words = summarize.LETTERS.findall(summarize.normalize(text))
        return [stem(w) for w in words if len(w) > 1 and not stopwords(w)]

    return analyze


def classified_stopword(word: str) -> bool:
    """summarize's stopword rule: the classified list, with clitics."""
    return summarize._is_stopword(word, summarize._stopwords())


@functools.cache
def all_forms() -> frozenset[str]:
    """arabic-stopwords' table of every inflected form, normalized like the tokens."""
    from arabicstopwords.arabicstopwords import stopwords_list

    return frozenset(summarize.normalize(w) for w in stopwords_list())


def tashaphyne_stem() -> Callable[[str], str]:
    """Tashaphyne's light stemmer."""
    from tashaphyne.stemming import ArabicLightStemmer

    stemmer = ArabicLightStemmer()
    return lambda word: str(stemmer.light_stem(word))


def keyword_weights(stems: Sequence[Sequence[str]], norm: Callable[[int], float]) -> list[float]:
    """Sum of each sentence's keyword weights (count over top count), divided by norm(length)."""
    counts = Counter(t for tokens in stems for t in tokens)
    top = max(counts.values(), default=1)
    return [sum(counts[t] for t in tokens) / top / norm(len(tokens)) if tokens else 0.0 for tokens in stems]


def mean_keywords(a: Analyzed) -> list[float]:
    """The mean keyword weight (length-normalized keyword frequency)."""
    return keyword_weights(a.stems, float)


def cosine(a: Sequence[str], b: Sequence[str]) -> float:
    """Cosine similarity of two bags of stems."""
    ca, cb = Counter(a), Counter(b)
    dot = sum(ca[k] * cb[k] for k in ca)
    return dot / math.sqrt(sum(v * v for v in ca.values()) * sum(v * v for v in cb.values())) if dot else 0.0


def prior(power: float) -> Callable[[int], float]:
    """Position prior 1 / (position + 1) ** power."""
    return lambda i: 1 / (i + 1) ** power


def combined(
    keyword_weight: float, power: float = 0.5, first_weight: float = 0.0, keywords: Scorer = mean_keywords
) -> Scorer:
    """Position prior plus weighted keyword frequency, plus overlap with the first sentence."""

    def scorer(a: Analyzed) -> list[float]:
        first = a.stems[0] if a.stems else []
        return [
            prior(power)(i) + keyword_weight * k + (first_weight * cosine(s, first) if i else 0.0)
            for i, (k, s) in enumerate(zip(keywords(a), a.stems, strict=True))
        ]

    return scorer


def ranked(scores: Sequence[float]) -> list[int]:
    """Indexes by score, ties to the earlier sentence."""
    return sorted(range(len(scores)), key=lambda i: (-scores[i], i))


def fill_skipping(a: Analyzed, scores: Sequence[float], budget: int) -> list[int]:
    """summarize's selection: by rank, passing over a sentence that would overflow."""
    return quality.fill(ranked(scores), a.lengths, budget)


def fill_stopping(a: Analyzed, scores: Sequence[float], budget: int) -> list[int]:
    """Selection that stops at the first sentence that would overflow."""
    chosen, used = [], 0
    for i in ranked(scores):
        if used + a.lengths[i] > budget:
            break
        chosen.append(i)
        used += a.lengths[i]
    return sorted(chosen or ranked(scores)[:1])


def mmr(trade_off: float) -> Callable[[Analyzed, Sequence[float], int], list[int]]:
    """Maximal marginal relevance: score minus (1 - trade_off) times the closest chosen."""

    def select(a: Analyzed, scores: Sequence[float], budget: int) -> list[int]:
        chosen: list[int] = []
        used = 0
        while True:
            fits = [i for i in range(len(scores)) if i not in chosen and used + a.lengths[i] <= budget]
            if not fits:
                return sorted(chosen or ranked(scores)[:1])
            best = max(
                fits,
                key=lambda i: (
                    trade_off * scores[i]
                    - (1 - trade_off) * max((cosine(a.stems[i], a.stems[j]) for j in chosen), default=0),
                    -i,
                ),
            )
            chosen.append(best)
            used += a.lengths[best]

    return select


Selector = Callable[[Analyzed, Sequence[float], int], list[int]]


def idea(scorer: Scorer, analyzer: Analyzer | None = None, select: Selector = fill_skipping) -> quality.System:
    """A harness system from a scorer, a tokenizer and a selection."""
    analyze = analyzer or shipped_analyzer()

    def run(record: quality.Record, units: Sequence[str]) -> list[str]:
        a = Analyzed(units, [analyze(u) for u in units], [len(u.split()) for u in units])
        return [units[i] for i in select(a, scorer(a), record.budget)]

    return run


def label(units: Sequence[str], references: Sequence[str]) -> list[float]:
    """Per sentence: the share of references holding at least 60% of its word pairs."""
    pairs = [set(itertools.pairwise(t)) for t in map(quality.arabic_tokens, references)]
    shares = []
    for unit in units:
        tokens = quality.arabic_tokens(unit)
        own = set(itertools.pairwise(tokens))
        shares.append(statistics.mean(len(own & p) >= 0.6 * len(own) > 0 for p in pairs))
    return shares


FEATURES = ("position prior", "keywords", "first-sentence overlap")


def features(a: Analyzed) -> list[list[float]]:
    """The logistic regression's features of each sentence."""
    first = a.stems[0] if a.stems else []
    return [
        [prior(0.5)(i), k, cosine(s, first) if i else 1.0]
        for i, (k, s) in enumerate(zip(mean_keywords(a), a.stems, strict=True))
    ]


def fit(records: Sequence[quality.Record]) -> list[float]:
    """Logistic-regression weights (features, then intercept) by Newton's method, light L2."""
    import numpy as np

    rows, targets = [], []
    analyze = shipped_analyzer()
    for record in records:
        units = summarize.parse_article(record.article).sentences
        a = Analyzed(units, [analyze(u) for u in units], [len(u.split()) for u in units])
        rows += features(a)
        targets += label(units, record.references)
    x = np.hstack([np.array(rows), np.ones((len(rows), 1))])
    y = np.array(targets)
    w = np.zeros(x.shape[1])
    ridge = 1e-3 * np.diag([*([1.0] * len(FEATURES)), 0.0])
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (p - y) / len(y) + ridge @ w
        hessian = (x * (p * (1 - p))[:, None]).T @ x / len(y) + ridge
        w -= np.linalg.solve(hessian, gradient)
    return [float(v) for v in w]


def fitted(weights: Sequence[float]) -> Scorer:
    """The fitted linear score (the logit; the intercept does not change the ranking)."""
    return lambda a: [sum(w * f for w, f in zip(weights, row, strict=False)) for row in features(a)]


def ideas() -> dict[str, quality.System]:
    """Every idea, in report order."""
    stemmer = Stemmer.Stemmer("arabic")
    shipped_stem = summarize._stem
    return {
        "lead": quality.system_lead,
        "keywords only, mean weight (issue-2 scorer)": idea(mean_keywords),
        "keywords only, sum (no length normalization)": idea(lambda a: keyword_weights(a.stems, lambda n: 1.0)),
        "keywords only, sum / sqrt(length)": idea(lambda a: keyword_weights(a.stems, math.sqrt)),
        "keywords only, no stemming": idea(mean_keywords, words_analyzer(str, classified_stopword)),
        "keywords only, Snowball without clitic stripping": idea(
            mean_keywords, words_analyzer(stemmer.stemWord, classified_stopword)
        ),
        "keywords only, Tashaphyne light stemmer": idea(
            mean_keywords, words_analyzer(tashaphyne_stem(), classified_stopword)
        ),
        "keywords only, no stopwords": idea(mean_keywords, words_analyzer(shipped_stem, lambda w: False)),
        "keywords only, all-forms stopword table": idea(
            mean_keywords, words_analyzer(shipped_stem, lambda w: w in all_forms())
        ),
        "shipped, no stopwords": idea(combined(0.2), words_analyzer(shipped_stem, lambda w: False)),
        "position 1/(i+1) alone": idea(combined(0.0, power=1.0)),
        "position 1/sqrt(i+1) alone": idea(combined(0.0)),
        "position 1/sqrt(i+1) + 0.1 keywords": idea(combined(0.1)),
        "position 1/sqrt(i+1) + 0.2 keywords (shipped)": idea(combined(0.2)),
        "position 1/sqrt(i+1) + 0.5 keywords": idea(combined(0.5)),
        "position 1/sqrt(i+1) + 1.0 keywords": idea(combined(1.0)),
        "position 1/(i+1) + 0.2 keywords": idea(combined(0.2, power=1.0)),
        "shipped + 0.1 first-sentence overlap": idea(combined(0.2, first_weight=0.1)),
        "shipped + 0.3 first-sentence overlap": idea(combined(0.2, first_weight=0.3)),
        "shipped, stop at the first overflow": idea(combined(0.2), select=fill_stopping),
        "shipped + MMR, trade-off 0.9": idea(combined(0.2), select=mmr(0.9)),
        "shipped + MMR, trade-off 0.7": idea(combined(0.2), select=mmr(0.7)),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run every idea, then the logistic regression, and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=quality.DEFAULT_DATA)
    parser.add_argument("--limit", type=int, help="only the first N articles")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"ideas.py: no data at {args.data} (give --data)", file=sys.stderr)
        return 2
    records = quality.load(args.data, args.limit)
    results = quality.evaluate(records, ideas())

    weights = fit(records)
    names = ", ".join(f"{w:+.3f} {name}" for w, name in zip(weights, FEATURES, strict=False))
    results[f"logistic regression in-sample ({names})"] = quality.evaluate(records, {"lr": idea(fitted(weights))})["lr"]
    # Two folds by article: fit on one half, score the other, then put the halves together.
    halves = [records[0::2], records[1::2]]
    cross = [quality.evaluate(halves[k], {"lr": idea(fitted(fit(halves[1 - k])))})["lr"] for k in (0, 1)]
    results["logistic regression, two-fold cross-validated"] = [*cross[0], *cross[1]]

    lead = quality.means(results["lead"])
    print(f"{len(records)} articles; differences are against lead\n")
    print("| idea | ROUGE-1 F | ROUGE-2 F | ROUGE-1 - lead | ROUGE-2 - lead |")
    print("|---|---|---|---|---|")
    for name, scores in results.items():
        r1, r2, _ = quality.means(scores)
        print(f"| {name} | {r1:.4f} | {r2:.4f} | {r1 - lead[0]:+.4f} | {r2 - lead[1]:+.4f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
