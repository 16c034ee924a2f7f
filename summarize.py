"""Extractive summaries of Arabic articles: the most important sentences, verbatim, in order.

Usage: `summarize article.txt`, `cat article.txt | summarize -n 5`, or from Python
`summarize.summarize(text, sentences=3).sentences`.
"""

from __future__ import annotations

import codecs
import contextlib
import enum
import errno
import functools
import itertools
import math
import os
import re
import stat
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, BinaryIO, NamedTuple, NoReturn, TextIO

try:
    import click
    import Stemmer
    from arabicstopwords.stopwords_classified import STOPWORDS as CLASSIFIED_STOPWORDS
    from click.core import ParameterSource
    from pyarabic import araby
except KeyboardInterrupt:
    # Ctrl-C while these load (most of a run's first 50 ms) ends the command as quietly as
    # later, with exit 130; a program importing this module gets its KeyboardInterrupt.
    if os.path.splitext(os.path.basename(getattr(sys, "argv", [""])[0]))[0] != "summarize":
        raise
    raise SystemExit(130) from None

__version__ = "0.1.0"
__all__ = [
    "Article",
    "InputError",
    "Sentence",
    "Summary",
    "__version__",
    "decode",
    "main",
    "normalize",
    "parse_article",
    "score",
    "select",
    "split_sentences",
    "summarize",
    "tokenize",
]

DEFAULT_SENTENCES = 3
DEFAULT_KEYWORDS = 10

# --- Normalization -----------------------------------------------------------------

# Characters that carry no meaning for matching words: bidi controls, zero-width
# joiners and spaces, the byte-order mark.
INVISIBLES = "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
# pyarabic's DIACRITICS are the combining marks of the Arabic block: harakat, tanwin,
# shadda, sukun, dagger alef and the Quranic annotation signs; Extended-A adds more
# Quranic marks that pyarabic does not list.
EXTENDED_MARKS = "".join(map(chr, range(0x08D3, 0x0900)))
# Not araby.normalize_alef: it also turns ى into ا, merging على with علا.
ALEF_FORMS = (araby.ALEF_MADDA, araby.ALEF_HAMZA_ABOVE, araby.ALEF_HAMZA_BELOW, araby.ALEF_WASLA)
# Persian yeh and keheh turn up in scraped Arabic pages in place of the Arabic letters.
PERSIAN_LETTERS = {"\u06cc": araby.YEH, "\u06a9": araby.KAF}
NORMALIZE_TABLE = MappingProxyType(
    {
        **dict.fromkeys(map(ord, INVISIBLES + "".join(araby.DIACRITICS) + EXTENDED_MARKS + araby.TATWEEL)),
        **{ord(alef): araby.ALEF for alef in ALEF_FORMS},
        ord(araby.ALEF_MAKSURA): araby.YEH,
        ord(araby.TEH_MARBUTA): araby.HEH,
        **{ord(letter): plain for letter, plain in PERSIAN_LETTERS.items()},
        **{ord(digit): str(value) for value, digit in enumerate(araby.NUMBERS_EAST)},
        **{ord(digit): str(value) for value, digit in enumerate(araby.NUMBERS_PERS)},
    }
)

# Keywords are shown as written, less the invisible controls that may sit inside a word.
INVISIBLE_TABLE = MappingProxyType(dict.fromkeys(map(ord, INVISIBLES)))

# --- Patterns ----------------------------------------------------------------------

# A written word: letters with the marks, tatweel and joiners that may sit inside it.
WORD_MARKS = "".join(araby.DIACRITICS) + EXTENDED_MARKS + "\u0300-\u036f" + INVISIBLES
# Runs of letters and runs of marks, not one character at a time: a third faster. Letters
# and marks never overlap, so nothing backtracks more than once over a run of marks.
RAW_WORD = re.compile(rf"[{WORD_MARKS}]*(?:[^\W\d_]+[{WORD_MARKS}]*)+|[{WORD_MARKS}]+")
# Letters only: numbers and punctuation never become keywords.
LETTERS = re.compile(r"[^\W\d_]+")
# Tatweel is a letter to Unicode but says nothing on its own.
ANY_LETTER = re.compile(r"[^\W\d_\u0640]")
ARABIC_LETTER = re.compile(
    r"[\u0620-\u063f\u0641-\u064a\u066e-\u06d3\u06fa-\u06fc\u0750-\u077f\ufb50-\ufdfb\ufe70-\ufefc]"
)
# Sentence-final punctuation, in runs (?!, ..., ؟!) with any closing quotes or
# brackets. The Arabic comma ، and the colon are not here: Arabic prose strings many
# clauses together with commas, so a break there would print half sentences.
FINAL_PUNCTUATION = ".!?\u061f\u061b\u2026\u06d4"
CLOSERS = "\"'\u00bb\u201d\u2019\u203a)]}"
SENTENCE_END = re.compile(f"[{re.escape(FINAL_PUNCTUATION)}]+[{re.escape(CLOSERS)}]*")
# A line ending in one of these goes on in the next line.
CONTINUATIONS = ("\u060c", ",", ":", "-", "\u2013", "\u2014")
BULLET = re.compile(r"\s*(?:[\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u2219*]|[-\u2013\u2014]\s)")
# Share and social-media furniture: an unpunctuated line opening with one of these
# (normalized), so that prose about sharing (وشارك في الاجتماع...) stays.
SOCIAL = re.compile(
    r"مشاركه|شارك|فيسبوك|فيس بوك|تويتر|واتساب|واتس اب|انستغرام|انستجرام|تيليجرام|تلغرام|يوتيوب|اقرا ايضا|طباعه"
    r"|facebook|twitter|whatsapp|telegram|share|print|e-?mail"
)
# Line and paragraph breaks that end a block of prose outright.
PARAGRAPH_SEPARATORS = ("\u2029", "\x0c")

# A line without end punctuation shorter than this is furniture (a date line, a caption,
# a heading), not prose.
SHORT_LINE_WORDS = 5
SOCIAL_LINE_MAX_WORDS = 8
TITLE_MAX_WORDS = 20
# Score weights, chosen with tests/bench/ideas.py on the 106 EASC development articles
# (README, Quality). Position carries the score: people who summarize keep early
# sentences (the first is in 63% of the human summaries, a later one in 31%). Keywords
# barely predict the rest, and every mix that lets them outweigh position did worse
# (weight 1.0: -0.002 ROUGE-1 F; a logistic regression on position, keywords and
# first-sentence overlap: -0.007 cross-validated), so their weight is small: enough to
# order later sentences, where position differs little. EASC articles have no titles,
# so TITLE_WEIGHT is set by hand: a sentence holding every title word gains half of
# what the most keyword-rich sentence gains.
KEYWORD_WEIGHT = 0.2
TITLE_WEIGHT = 0.1
SCORE_DIGITS = 4

# --- Stopwords and stemming ---------------------------------------------------------

# arabic-stopwords' classified list holds base forms (في, إلى, الذي); these are common
# words it lacks that say nothing about what an article is about. One group a line:
# reporting verbs, which every news sentence has (two lines); auxiliaries; function words.
EXTRA_STOPWORDS = """
قال قالت قالوا يقول تقول أضاف أضافت يضيف أوضح أوضحت يوضح أشار أشارت يشير مشيرا مشيرة أكد أكدت يؤكد مؤكدا ذكر ذكرت يذكر
تابع تابعت أعلن أعلنت
تم تمت يتم جرى يجري كان كانت يكون تكون كانوا أصبح أصبحت
أيضا إلى حتى خلال بين حيث عبر ضمن نحو وفق وفقا حول لدى جميع كافة عدة بعض مثل أكثر أقل
"""
# Clitics glued to the front of a word: the conjunctions و and ف, then a preposition
# with the article (بال, كال, لل) or the article alone; or a lone ب or ل before four
# letters or more (لتمويل), which can eat a root letter (لبنان): a light stemmer's trade.
PROCLITICS = re.compile(r"^[وف]?(?:[بكل]?ال|لل)(?=..)|^[بل](?=....)")
# Snowball takes pronoun suffixes off one at a time, rescanning the word each time, so a
# "word" of ten thousand ك costs seconds. The longest Arabic words have about fifteen
# letters (أفأستسقيناكموها): longer runs of letters are not words and give no keyword,
# nor do written forms (letters and their marks) longer than MAX_WORD_CHARACTERS.
MAX_STEM_LETTERS = 30
MAX_WORD_CHARACTERS = 64
# For stopwords, which never take the article: a conjunction, then a preposition.
CONJUNCTION = re.compile(r"^[وف](?=..)")
STOPWORD_PROCLITICS = re.compile(r"^[وف]?[بكل]?(?=..)")
# Object and possessive pronouns glued to the end, for stopword matching (عليه, منها).
ENCLITICS = re.compile(r"(?:هما|هم|هن|ها|كما|كم|كن|نا|ه|ك|ي)$")


@dataclass(frozen=True)
class Sentence:
    """A sentence chosen for the summary.

    Attributes:
        index: Its position among the article's body sentences, from 0.
        text: The sentence exactly as it stands in the input.
        score: The score it was chosen by (higher is more important).
    """

    index: int
    text: str
    score: float


@dataclass(frozen=True)
class Summary:
    """What summarize() returns.

    Attributes:
        sentences: The chosen sentences, in document order.
        keywords: The article's most important words, most important first.
        title: The article's title line, if it has one.
        total_sentences: How many body sentences the article has.
        total_words: How many words (runs of non-space) those sentences hold.
    """

    sentences: tuple[Sentence, ...]
    keywords: tuple[str, ...]
    title: str | None
    total_sentences: int
    total_words: int


@dataclass(frozen=True)
class Article:
    """An article split into its parts, page noise set aside.

    Attributes:
        title: The title line, or None.
        sentences: The body sentences, verbatim, in order.
    """

    title: str | None
    sentences: tuple[str, ...]


class InputError(ValueError):
    """Input that cannot be summarized: undecodable, not text, or empty."""


# --- 1. Normalize ------------------------------------------------------------------


def normalize(text: str) -> str:
    r"""Normalize Arabic text for matching words (never for display).

    Presentation forms and ligatures become plain letters; diacritics, tatweel and
    invisible controls go; alef forms become ا, ى becomes ي and ة becomes ه;
    Arabic-Indic and Persian digits become ASCII; Latin letters are case-folded.

    Examples:
        >>> normalize("إِلَى الْمَدْرَسَةِ")
        'الي المدرسه'
        >>> normalize("عـــام ٢٠١٩ Gaza")
        'عام 2019 gaza'
        >>> normalize("\ufefb")
        'لا'
    """
    return unicodedata.normalize("NFKC", text).translate(NORMALIZE_TABLE).casefold()


# --- 2. Split sentences ------------------------------------------------------------


def _is_initial(text: str, dot: int) -> bool:
    """Whether the full stop at text[dot] closes an initial or abbreviation (أ.د.).

    Looks at most three characters back, so that a long word full of dots stays linear.
    """
    if dot == 0 or not text[dot - 1].isalpha():
        return False
    before = text[dot - 2] if dot >= 2 else " "
    if before.isalpha() or unicodedata.category(before).startswith("M"):
        return False  # the end of a longer word, perhaps vocalized (ليلًا.)
    # A lone letter after a number is an era or unit (1827م. or 1770 م.): it can end a sentence.
    return not (before.isdigit() or (before.isspace() and dot >= 3 and text[dot - 3].isdigit()))


def _sentence_ends(text: str) -> Iterator[int]:
    """Yield the offsets just past each sentence-final punctuation run in text."""
    for match in SENTENCE_END.finditer(text):
        after = text[match.end() : match.end() + 1]
        # "3.5", "www.x.org" and "أ.د" go on; "الحرب.وقال" lacks only its space.
        glued = after and not after.isspace()
        if glued and (not ARABIC_LETTER.match(after) or text[match.start() - 1 : match.start()].isdigit()):
            continue
        if match.group() == "." and _is_initial(text, match.start()):
            continue
        yield match.end()


def _blocks(lines: Sequence[str], keep: Sequence[bool]) -> Iterator[str]:
    """Yield runs of adjacent kept lines, joined as written.

    A blank line, a line not kept, or a paragraph separator ends a run: a single line
    break inside a run is a hard wrap, not a boundary.
    """
    block: list[str] = []
    for line, kept in zip(lines, keep, strict=True):
        if kept and line.strip():
            block.append(line)
            if not line.endswith(PARAGRAPH_SEPARATORS):
                continue
        if block:
            yield "".join(block)
            block = []
    if block:
        yield "".join(block)


def _split_block(block: str) -> Iterator[str]:
    """Yield the sentences of one block of prose, stripped; pieces without letters go."""
    start = 0
    for end in [*_sentence_ends(block), len(block)]:
        piece = block[start:end].strip()
        if ANY_LETTER.search(piece):
            yield piece
        start = end


def split_sentences(text: str) -> list[str]:
    r"""Split prose into sentences, verbatim and stripped.

    Sentences end at . ! ? ؟ ؛ … (and runs of them, with closing quotes) and at blank
    lines; not at commas or colons, inside numbers, after initials, or at a single line
    break (hard-wrapped text is joined back). Pieces without letters are dropped.

    Examples:
        >>> split_sentences("قرأ أ.د. علي 3.5 صفحة، ثم نام! هل عاد؟ نعم.")
        ['قرأ أ.د. علي 3.5 صفحة، ثم نام!', 'هل عاد؟', 'نعم.']
        >>> split_sentences("بدأ الاجتماع\nفي الصباح. وانتهى\n\nثم عادوا")
        ['بدأ الاجتماع\nفي الصباح.', 'وانتهى', 'ثم عادوا']
    """
    lines = text.splitlines(keepends=True)
    return [sentence for block in _blocks(lines, [True] * len(lines)) for sentence in _split_block(block)]


# --- 3. Set page noise aside -------------------------------------------------------


def _ends_sentence(line: str) -> bool:
    """Whether a line ends with sentence-final punctuation (closing quotes allowed)."""
    return line.rstrip().rstrip(CLOSERS).endswith(tuple(FINAL_PUNCTUATION))


class _Line(enum.Enum):
    """What a line of an article is, judged on its own."""

    FURNITURE = enum.auto()  # bullets, dates, counters, share lines, lines without Arabic
    SHORT = enum.auto()  # too short and unpunctuated to be prose alone; may be a wrapped piece
    PROSE = enum.auto()


def _line_kind(line: str, text_has_arabic: bool) -> _Line:
    """Classify one non-blank line."""
    if BULLET.match(line) or not ANY_LETTER.search(line):
        return _Line.FURNITURE  # bullets of metadata, dates, times, bare counters
    if text_has_arabic and not ARABIC_LETTER.search(line):
        return _Line.FURNITURE  # news-picture, image credits, stray markup
    if _ends_sentence(line):
        return _Line.PROSE
    words = len(line.split())
    if words <= SOCIAL_LINE_MAX_WORDS and SOCIAL.match(normalize(line).strip()):
        return _Line.FURNITURE
    if words < SHORT_LINE_WORDS and not line.rstrip().endswith(CONTINUATIONS):
        return _Line.SHORT
    return _Line.PROSE


def _prose_lines(lines: Sequence[str], text_has_arabic: bool) -> list[bool]:
    """Which lines are prose.

    A short line inside a wrapped sentence (the line before goes on, the line after is
    prose) is prose too, however few its words.
    """
    kinds = [_line_kind(line, text_has_arabic) if line.strip() else None for line in lines]
    prose = [kind is _Line.PROSE for kind in kinds]
    for i in range(1, len(lines) - 1):
        if kinds[i] is _Line.SHORT and prose[i - 1] and prose[i + 1] and not _ends_sentence(lines[i - 1]):
            prose[i] = True
    return prose


def parse_article(text: str, *, title: str | None = None) -> Article:
    r"""Split an article into its title and body sentences, setting page noise aside.

    A known title (from a web page's metadata) may be given: it is the title, and a line
    equal to it is not body.

    Noise lines (bullets, dates, counters, share lines, short unpunctuated lines and,
    in Arabic text, lines with no Arabic) are never sentences and never glued onto one.
    A first line that is short, unpunctuated and stands apart (a blank or noise line
    follows) is the title.

    Examples:
        >>> article = parse_article("عنوان الخبر\n\n• 03/05/2021\nنجح الاجتماع. وانتهى بسلام.\nمشاركة :")
        >>> article.title, article.sentences
        ('عنوان الخبر', ('نجح الاجتماع.', 'وانتهى بسلام.'))
    """
    lines = text.splitlines(keepends=True)
    text_has_arabic = ARABIC_LETTER.search(text) is not None
    prose = _prose_lines(lines, text_has_arabic)
    if title is not None:
        title = " ".join(title.split()) or None
        prose = [kept and " ".join(line.split()) != title for line, kept in zip(lines, prose, strict=True)]
    # The title needs a body after it, and a blank or noise line right below it.
    nonblank = list(itertools.islice((i for i, line in enumerate(lines) if line.strip()), 2))
    if title is None and len(nonblank) == 2 and not prose[nonblank[0] + 1]:
        first = nonblank[0]
        candidate = lines[first]
        if (
            _line_kind(candidate, text_has_arabic) is not _Line.FURNITURE
            and len(candidate.split()) <= TITLE_MAX_WORDS
            and not _ends_sentence(candidate)
        ):
            title = candidate.strip()
            prose[first] = False
    blocks = _blocks(lines, prose)
    return Article(title, tuple(sentence for block in blocks for sentence in _split_block(block)))


# --- 4. Tokenize -------------------------------------------------------------------


@functools.cache
def _stopwords() -> tuple[frozenset[str], frozenset[str]]:
    """The stopwords, and those of them that take pronoun suffixes, normalized like tokens.

    Loaded once and never changed. The classified list says which words take a suffixed
    pronoun (عليه, منها); only those are matched with one, so that a noun ending in ة,
    normalized to ه, is not mistaken for a stopword with a pronoun (طاقه is not طاق+ه).
    """
    words = frozenset(normalize(word) for word in [*CLASSIFIED_STOPWORDS, *EXTRA_STOPWORDS.split()])
    hosts = frozenset(
        normalize(word)
        for word, entries in CLASSIFIED_STOPWORDS.items()
        if any(entry["has_pronoun"] for entry in entries)
    )
    return words, hosts


def _is_stopword(token: str, stopwords: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Whether a normalized token is a stopword, alone or with clitics (وفي, لهذا, عليه)."""
    words, hosts = stopwords
    bare = CONJUNCTION.sub("", token)
    # A preposition and a pronoun together would read بلديه as ب+لدي+ه: one or the other.
    return any(base in words for base in (token, bare, STOPWORD_PROCLITICS.sub("", token))) or any(
        ENCLITICS.sub("", base) in hosts for base in (token, bare)
    )


@functools.cache
def _stemmer() -> Stemmer.Stemmer:
    """Snowball's Arabic stemmer, made once."""
    return Stemmer.Stemmer("arabic")


def _stem(token: str) -> str:
    """The stem of one normalized content word (of at most MAX_STEM_LETTERS letters)."""
    # Snowball keeps و+ال and a lone ل (والتنظيم, لتمويل), so clitics go first; a
    # final ه goes back to ة so that Snowball's feminine ending rules can fire.
    bare = PROCLITICS.sub("", token)
    if bare.endswith(araby.HEH):
        bare = bare[:-1] + araby.TEH_MARBUTA
    stem: str = _stemmer().stemWord(bare)
    return stem


def _word_stems(word: str) -> tuple[str, ...]:
    """The keyword stems of one written word (usually one, none for a stopword or a non-word)."""
    if len(word) > MAX_WORD_CHARACTERS:
        return ()  # not a word: no keyword, and not worth remembering
    return _analyze_word(word)


# Vocabulary is Zipfian: most words of an article, and of a corpus, are repeats, so each
# written form is analyzed once and remembered. Bounded in entries and, by
# MAX_WORD_CHARACTERS, in size, so memory stays flat.
@functools.lru_cache(maxsize=1 << 16)
def _analyze_word(word: str) -> tuple[str, ...]:
    """_word_stems of a word short enough to remember."""
    stopwords = _stopwords()
    return tuple(
        _stem(token)
        for token in LETTERS.findall(normalize(word))
        if 1 < len(token) <= MAX_STEM_LETTERS and not _is_stopword(token, stopwords)
    )


def tokenize(text: str) -> list[str]:
    """The keyword stems of text: normalized, stopwords and numbers out, lightly stemmed.

    Examples:
        >>> tokenize("التنظيم وللتنظيم والتنظيم تنظيم")
        ['تنظيم', 'تنظيم', 'تنظيم', 'تنظيم']
        >>> tokenize("قال إن الاجتماع في ٢٠١٩ كان ناجحاً")
        ['اجتماع', 'ناجح']
    """
    return [stem for word in RAW_WORD.findall(text) for stem in _word_stems(word)]


# --- 5. Score ----------------------------------------------------------------------


def score(sentences: Sequence[Sequence[str]], title: Sequence[str] = ()) -> list[float]:
    """Score tokenized sentences, in document order, by position and keyword frequency.

    A sentence scores 1/sqrt(its position + 1), plus KEYWORD_WEIGHT times the mean
    weight of its keywords (a keyword weighs its count over the count of the article's
    most frequent keyword), plus TITLE_WEIGHT times the share of the title's keywords it
    holds. Scores are rounded: the score shown is the score used.

    Examples:
        >>> score([["a", "b"], ["a", "a"], ["c"]])
        [1.1333, 0.9071, 0.644]
        >>> score([["a"], ["b"]], title=["b"])
        [1.2, 1.0071]
    """
    counts = Counter(token for tokens in sentences for token in tokens)
    top = max(counts.values(), default=1)
    title_keywords = set(title)
    scores = []
    for position, tokens in enumerate(sentences):
        frequency = sum(map(counts.__getitem__, tokens)) / top / len(tokens) if tokens else 0.0
        overlap = len(title_keywords.intersection(tokens)) / len(title_keywords) if title_keywords else 0.0
        prior = 1 / math.sqrt(position + 1)
        scores.append(round(prior + KEYWORD_WEIGHT * frequency + TITLE_WEIGHT * overlap, SCORE_DIGITS))
    return scores


# --- 6. Select ---------------------------------------------------------------------


def select(
    scores: Sequence[float], lengths: Sequence[int], *, sentences: int | None = None, words: int | None = None
) -> list[int]:
    """Choose sentences by score within a budget; return their indexes in document order.

    Ranks by score (ties go to the earlier sentence), then keeps the first `sentences`,
    or every sentence that still fits in `words` (one that would overflow is passed
    over for a later one that fits). A budget never leaves a non-empty text with nothing.

    Examples:
        >>> select([0.1, 0.9, 0.5, 0.9], [5, 5, 5, 5], sentences=2)
        [1, 3]
        >>> select([0.9, 0.5, 0.1], [6, 6, 3], words=10)
        [0, 2]
        >>> select([0.9, 0.5], [80, 6], words=10)
        [1]
        >>> select([0.9, 0.5], [80, 60], words=10)
        [0]

    Raises:
        TypeError: A budget is not an int.
        ValueError: A budget is below 1.
    """
    _check_count("sentences", sentences, 1)
    _check_count("words", words, 1)
    ranked = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    if sentences is not None:
        return sorted(ranked[:sentences])
    if words is None:
        return sorted(ranked)
    chosen, used = [], 0
    for i in ranked:
        if used + lengths[i] <= words:
            chosen.append(i)
            used += lengths[i]
    return sorted(chosen or ranked[:1])


# --- The public API ------------------------------------------------------------------


def _check_count(name: str, value: int | None, minimum: int) -> None:
    """Refuse a count that is not an int (a float, a bool) or lies outside minimum..sys.maxsize.

    Raises:
        TypeError: value is not an int.
        ValueError: value is out of range.
    """
    if value is None:
        return
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    # Past sys.maxsize a count is no longer a count: slicing and islice refuse it.
    if not minimum <= value <= sys.maxsize:
        raise ValueError(f"{name} must be at least {minimum} and at most sys.maxsize")


def _keywords(forms: Counter[str], stems: Mapping[str, Sequence[str]], limit: int) -> tuple[str, ...]:
    """The most frequent stems, each shown as its most frequent written form.

    Works on the article's distinct written forms (forms counts them, in first-seen
    order), not on every word: vocabulary grows much more slowly than text.
    """
    stem_counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for form, count in forms.items():
        for stem in stems[form]:
            stem_counts[stem] += count
            if stem not in shown or count > forms[shown[stem]]:
                shown[stem] = form  # ties go to the earlier form
    # Counter.most_common keeps first-seen order among equals: ties go to the earlier stem.
    # A form with several stems (the ligature ﷺ) is shown once, as is a form written with and without a mark.
    ranked = dict.fromkeys(shown[stem].translate(INVISIBLE_TABLE) for stem, _ in stem_counts.most_common())
    return tuple(itertools.islice(ranked, limit))


def summarize(
    text: str,
    *,
    sentences: int | None = None,
    words: int | None = None,
    ratio: float | None = None,
    keywords: int = DEFAULT_KEYWORDS,
    title: str | None = None,
) -> Summary:
    """Summarize an article: its most important sentences, verbatim, in document order.

    Give at most one length: `sentences` (how many), `words` (whole sentences totalling
    at most that many words, at least one sentence) or `ratio` (about that share of the
    article's words). With none, DEFAULT_SENTENCES sentences.

    Args:
        text: The article.
        sentences: How many sentences to keep (>= 1).
        words: The word budget (>= 1).
        ratio: The share of the article's words to keep (0 < ratio <= 1).
        keywords: How many keywords to report (>= 0).
        title: The article's title when it is known apart from the text (a web page's
            headline); otherwise the title is looked for in the text.

    Returns:
        The summary; empty when the text holds no prose.

    Raises:
        TypeError: text is not a str, or a count is not an int.
        ValueError: More than one length is given, or one is out of range.

    Examples:
        >>> text = "سقط المطر على المدينة. المطر غزير في المدينة اليوم. ذهب الأطفال إلى المدرسة."
        >>> [s.text for s in summarize(text, sentences=1).sentences]
        ['سقط المطر على المدينة.']
    """
    if not isinstance(text, str):
        raise TypeError("text must be str")
    if sum(option is not None for option in (sentences, words, ratio)) > 1:
        raise ValueError("give at most one of sentences, words and ratio")
    _check_count("sentences", sentences, 1)
    _check_count("words", words, 1)
    _check_count("keywords", keywords, 0)
    if ratio is not None and (isinstance(ratio, bool) or not isinstance(ratio, (int, float))):
        raise TypeError(f"ratio must be a float, not {type(ratio).__name__}")
    if ratio is not None and not 0 < ratio <= 1:  # NaN too: it compares false
        raise ValueError("ratio must be above 0 and at most 1")
    article = parse_article(text, title=title)
    written = [RAW_WORD.findall(sentence) for sentence in article.sentences]
    forms = Counter(itertools.chain.from_iterable(written))
    stems = {form: _word_stems(form) for form in forms}
    scores = score(
        [[stem for word in sentence for stem in stems[word]] for sentence in written],
        tokenize(article.title or ""),
    )
    lengths = [len(sentence.split()) for sentence in article.sentences]
    total_words = sum(lengths)
    if ratio is not None:
        words = max(1, round(ratio * total_words))
    if words is None and sentences is None:
        sentences = DEFAULT_SENTENCES
    chosen = select(scores, lengths, sentences=sentences, words=words)
    return Summary(
        sentences=tuple(Sentence(i, article.sentences[i], scores[i]) for i in chosen),
        keywords=_keywords(forms, stems, keywords),
        title=article.title,
        total_sentences=len(article.sentences),
        total_words=total_words,
    )


# --- Input decoding ------------------------------------------------------------------

# Control characters never found in text (tab, line feed, vertical tab, form feed and
# carriage return are: word processors write the vertical tab as a manual line break, and
# str.splitlines breaks lines there), and lone surrogates, which some codecs let through
# (UTF-7, unicode_escape) and which cannot be written out as UTF-8.
NOT_TEXT_CHARACTER = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
SURROGATE = re.compile(r"[\ud800-\udfff]")
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Windows-1256 maps every byte to something, so what it decodes must still look like
# text: at least this share of the visible characters are letters or their marks.
MIN_LETTER_SHARE = 0.5
# Undeclared bytes holding at least MIN_UTF8_CHARACTERS valid UTF-8 characters beyond
# ASCII, and MIN_UTF8_EVIDENCE of them for each invalid byte, are broken UTF-8: Arabic in
# Windows-1256 is nearly all bytes that UTF-8 cannot read, and forms a valid two-byte
# sequence only by chance (a letter before ، or ؟, as in the list "أ، ب، ج، د").
MIN_UTF8_CHARACTERS = 8
MIN_UTF8_EVIDENCE = 3
# A word of three Arabic letters or more in UTF-8 (two bytes a letter, the first D8 to DB).
# Windows-1256 spells one only as letter, punctuation, letter, punctuation (ع،ع،ع،), which
# prose never does: MIN_UTF8_WORDS of them beside bytes that are not UTF-8 are two encodings
# in one input, which no single decoding reads without mojibake.
UTF8_ARABIC_WORD = re.compile(rb"(?:[\xd8-\xdb][\x80-\xbf]){3,}")
MIN_UTF8_WORDS = 2
# Where ISO-8859-6 has Arabic letters (ل ن ه و ي...), Windows-1256 has French ones (à â ç è é
# ê ...): ISO-8859-6 read as Windows-1256 has them inside Arabic words, where text does not.
LATIN_IN_ARABIC_WORD = re.compile(r"[\u0621-\u064a][\u00e0-\u00fc]|[\u00e0-\u00fc][\u0621-\u064a]")
MIN_LATIN_IN_ARABIC = 2
NOT_TEXT = "not text (binary data or an unknown encoding)"
MEMORY_EXHAUSTED = "memory exhausted"  # as sort says
DEFAULT_MAX_BYTES = 32 * 1024 * 1024


def _mostly_letters(text: str) -> bool:
    """Whether at least MIN_LETTER_SHARE of the visible characters are letters or their marks."""
    letters = len(text) - len(RAW_WORD.sub("", text))
    visible = len(re.sub(r"\s+", "", text))
    return letters >= MIN_LETTER_SHARE * visible


def _undeclared(data: bytes, bad: int) -> str:
    """Decode bytes that name no encoding and are not UTF-8 (bad: the first byte that is not).

    Raises:
        InputError: The bytes are binary, broken UTF-8, two encodings mixed, or not text
            in Windows-1256 or ISO-8859-6.
    """
    lenient = data.decode("utf-8", errors="replace")
    if NOT_TEXT_CHARACTER.search(lenient):  # NUL and other controls: a .docx, an image
        raise InputError(NOT_TEXT)
    # UTF-8 with a stray bad byte would read as Windows-1256 mojibake: say so instead.
    replaced = lenient.count("\ufffd")
    valid = len(lenient) - len(lenient.encode("ascii", errors="ignore")) - replaced
    if valid >= max(MIN_UTF8_CHARACTERS, MIN_UTF8_EVIDENCE * replaced):
        raise InputError(f"invalid UTF-8 at byte {bad}")
    words = list(itertools.islice(UTF8_ARABIC_WORD.finditer(data), MIN_UTF8_WORDS))
    if len(words) == MIN_UTF8_WORDS:
        # Where the two meet: the first bad byte after UTF-8, or the first UTF-8 word after the rest.
        raise InputError(f"mixed encodings (UTF-8 and another) at byte {max(bad, words[0].start())}")
    # Windows-1256 decodes any bytes at all: believe it only where it reads as text.
    text = data.decode("cp1256")
    if len(LATIN_IN_ARABIC_WORD.findall(text)) >= MIN_LATIN_IN_ARABIC:
        try:
            text = data.decode("iso8859_6")
        except UnicodeDecodeError:
            raise InputError(NOT_TEXT) from None
    if not _mostly_letters(text):
        raise InputError(NOT_TEXT)
    return text


def decode(data: bytes | bytearray | memoryview, encoding: str | None = None) -> str:
    r"""Decode the bytes of an article, detecting the encoding unless one is named.

    UTF-8 (with or without BOM) and UTF-16/32 with BOM are recognized; other bytes are
    read as Windows-1256, the usual legacy Arabic encoding, or as ISO-8859-6 where that
    reads as Arabic and Windows-1256 does not, if they then look like text. Bytes mixing
    UTF-8 with another encoding are refused. Text never holds NUL or other control
    characters. A leading BOM is dropped.

    Args:
        data: The raw input (bytes, or any bytes-like object).
        encoding: A Python text codec name that overrides detection.

    Returns:
        The text (empty for empty input).

    Raises:
        InputError: The bytes do not decode, or decode to something that is not text.

    Examples:
        >>> decode("سلام".encode("cp1256"))
        'سلام'
        >>> decode(b"\x00\x01\x02")
        Traceback (most recent call last):
        ...
        summarize.InputError: not text (binary data or an unknown encoding)
    """
    data = bytes(data)  # a memoryview has no startswith
    encoding = encoding or next((name for bom, name in BOMS if data.startswith(bom)), None)
    try:
        text = data.decode(encoding or "utf-8")
    except LookupError:
        raise InputError(f"unknown text encoding: {encoding}") from None
    except UnicodeDecodeError as error:
        if encoding:
            raise InputError(f"cannot be decoded as {encoding} (byte {error.start})") from None
        text = _undeclared(data, error.start)
    except UnicodeError:  # a codec that fails in its own way: punycode, "undefined"
        raise InputError(f"cannot be decoded as {encoding}") from None
    if NOT_TEXT_CHARACTER.search(text):
        raise InputError(NOT_TEXT)
    return text.removeprefix("\ufeff")


# --- Command line ----------------------------------------------------------------------

EXIT_INPUT_ERROR = 1
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # what a shell reports for a program killed by SIGPIPE
EPILOG = """\b
Examples:
  summarize article.txt
  cat article.txt | summarize -n 5
  summarize --words 80 --format json article.txt
  summarize -k 5 first.txt second.txt
  summarize --jsonl -j 0 corpus.jsonl > summaries.jsonl

\b
Exit codes: 0 every input summarized; 1 some input could not be
summarized or a corpus line was bad (named on stderr, the rest is
still printed); 2 usage error; 129 hung up; 130 interrupted; 141
output closed early; 143 terminated."""


# Characters a file name may hold that would break or colour a one-line message, escaped as
# `ls -b` does; the backslash too, so that an escape cannot be mistaken for the name itself.
NAME_ESCAPES = MappingProxyType({"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x1b": "\\033"})
UNPRINTABLE_IN_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\\]")


def _label(name: str) -> str:
    r"""How a message or a header names an input: control characters escaped, as ls -b does.

    >>> _label("a\nb\x1b[31m\\.txt"), _label("-")
    ('a\\nb\\033[31m\\\\.txt', 'standard input')
    """
    if name == "-":
        return "standard input"
    return UNPRINTABLE_IN_NAME.sub(lambda match: NAME_ESCAPES.get(match.group(), f"\\{ord(match.group()):03o}"), name)


def _say(message: str) -> None:
    """Write `summarize: message` as one line on stderr, where it can be written.

    A file name's undecodable bytes go out as they are, as in headers. A message that
    cannot be written (stderr full or closed) is dropped: it must never stop the summaries.
    """
    if sys.stderr is None:
        return
    line = f"summarize: {message}\n"
    try:
        sys.stderr.flush()
        binary = getattr(sys.stderr, "buffer", None)
        if binary is None:
            sys.stderr.write(line)
            sys.stderr.flush()
        else:
            binary.write(line.encode(errors="surrogateescape"))
            binary.flush()
    except (OSError, ValueError):  # ValueError: stderr was closed
        # What is left in its buffer must not fail again at exit, which would turn the exit code into 120.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stderr.fileno())


def _read_at_most(stream: BinaryIO, max_bytes: int) -> bytes:
    """All of stream, refused as soon as it holds more than max_bytes (0: no limit), before it fills memory.

    Raises:
        InputError: There is too much.
        OSError: Reading failed.
    """
    try:
        data = stream.read(max_bytes + 1 if max_bytes else -1)
    except MemoryError:  # no limit, and an endless input (/dev/zero)
        raise InputError(MEMORY_EXHAUSTED) from None
    if max_bytes and len(data) > max_bytes:
        raise InputError(f"larger than --max-bytes ({max_bytes} bytes)")
    return data


def _read(name: str, encoding: str | None, max_bytes: int = 0) -> str:
    """Read and decode one input ('-' is standard input) of at most max_bytes (0: any size); refuse empty text."""
    try:
        if name == "-":
            data = _read_at_most(sys.stdin.buffer, max_bytes) if sys.stdin is not None else b""
        else:
            with open(name, "rb") as file:
                data = _read_at_most(file, max_bytes)
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None
    text = decode(data, encoding)
    if not text.strip():
        raise InputError("empty input")
    return text


def _one_line(text: str) -> str:
    """A hard-wrapped sentence on one line: each line break and its indent become a space."""
    return " ".join(line.strip() for line in text.splitlines())


def render_text(summary: Summary, keywords: int = 0) -> str:
    """The summary as text: one sentence a line, after a keywords line when asked for."""
    shown = "، ".join(summary.keywords[:keywords])
    lines = [f"keywords: {shown}".rstrip(" "), ""] if keywords else []  # no trailing space when there is none
    lines += [_one_line(sentence.text) for sentence in summary.sentences]
    return "".join(f"{line}\n" for line in lines)


def _record(summary: Summary, source: str) -> dict[str, object]:
    """The summary as the JSON object the README documents."""
    return {
        "source": source,
        "title": summary.title,
        "sentences": [{"index": s.index, "text": s.text, "score": s.score} for s in summary.sentences],
        "keywords": list(summary.keywords),
        "stats": {"sentences": summary.total_sentences, "words": summary.total_words},
    }


def render_json(summary: Summary, source: str) -> str:
    r"""The summary as one line of JSON (UTF-8 text, no \u escapes but for undecodable file names)."""
    return _json_line(_record(summary, source))


def _json_line(record: dict[str, object]) -> str:
    r"""One line of JSON, UTF-8 text; a file name's undecodable bytes become \udcXX escapes.

    >>> _json_line({"source": "a\udcff.txt"})
    '{"source": "a\\udcff.txt"}\n'
    """
    import json  # only JSON output pays for the import

    line = json.dumps(record, ensure_ascii=False, allow_nan=False)
    # Text never holds a lone surrogate (decode refuses it); a file name may (os.fsdecode).
    return SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", line) + "\n"


# --- Corpus mode: JSON Lines in, JSON Lines out ----------------------------------------

# Lines go to worker processes in chunks (one message per chunk, not per article), and
# at most CHUNKS_PER_JOB chunks per process are in flight, so memory stays flat however
# long the corpus is.
CHUNK_LINES = 32
CHUNKS_PER_JOB = 4
# A chunk goes to be summarized when it is full, or when the input has paused this long
# (seconds): a slow feed (tail -f) is printed as it comes, a fast one in whole chunks.
CHUNK_WAIT = 0.05
READ_SIZE = 1 << 16
# -j is capped at this many processes a core: beyond it they only wait for each other.
MAX_JOBS_PER_CORE = 4
WORKER_DIED = "lost: a worker process died before summarizing it"
# How deep a corpus line's arrays and objects may nest. The JSON parser recurses, and how
# deep it can go depends on the stack already in use (less in a worker process), so the
# limit is checked before parsing, the same way in every process; real records nest a few
# levels.
MAX_NESTING = 100
# A JSON string, with its escapes: brackets inside one do not nest.
JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
JSON_BRACKETS = re.compile(r"[^\[\]{}]+")
PROGRESS_INTERVAL = 0.2  # seconds between progress-bar redraws


@dataclass(frozen=True)
class _Lengths:
    """The length and keyword options of a run, the same for every article."""

    sentences: int | None
    words: int | None
    ratio: float | None
    keywords: int

    def summarize(self, text: str) -> Summary:
        """Summarize text with these options."""
        return summarize(text, sentences=self.sentences, words=self.words, ratio=self.ratio, keywords=self.keywords)


class _LineResult(NamedTuple):
    """What became of one corpus line: its output, or why there is none (a tuple: cheap to pickle)."""

    number: int
    size: int  # bytes of input, for the progress bar
    output: str = ""
    error: str = ""
    replaced: tuple[str, ...] = ()  # input fields that the summary's own replaced
    no_arabic: bool = False


class _Refused(NamedTuple):
    """A corpus line that was not read whole: why, and how many bytes it had."""

    reason: str
    size: int


# A corpus line as read: its number from 1, and its bytes (without the line feed) or why it was refused.
_Numbered = tuple[int, bytes | _Refused]


def _summarize_record(line: str, source: str, lengths: _Lengths) -> tuple[dict[str, object], tuple[str, ...], bool]:
    """Summarize one JSON Lines record: its fields but "text", then the summary's fields.

    Returns the output object, the input fields a summary field replaced, and whether
    the text has Arabic.

    Raises:
        InputError: The line is not a JSON object with a non-empty "text" string, or the
            text has no sentence.
    """
    import json

    if _nesting(line) > MAX_NESTING:
        raise InputError(f"JSON nested deeper than {MAX_NESTING} levels")
    try:
        record = json.loads(line, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise InputError(f"not JSON: {error.msg}: column {error.colno}") from None
    except InputError:
        raise
    except ValueError:  # Python's own message varies by version and gives advice for programmers
        raise InputError("not JSON: a number with too many digits") from None
    if not isinstance(record, dict):
        raise InputError("not a JSON object")
    if "text" not in record:
        raise InputError('no "text" field')
    text = record["text"]
    if text is None:
        raise InputError('"text" is null')
    if not isinstance(text, str):
        raise InputError('"text" is not a string')
    if not text.strip():
        raise InputError("empty text")
    if NOT_TEXT_CHARACTER.search(text):
        raise InputError(NOT_TEXT)
    summary = lengths.summarize(text)
    if not summary.sentences:
        raise InputError("no sentences to summarize")
    own = _record(summary, source)
    replaced = tuple(key for key in record if key in own)
    output = {**{key: value for key, value in record.items() if key != "text" and key not in own}, **own}
    return output, replaced, ARABIC_LETTER.search(text) is not None


def _refuse_constant(name: str) -> object:
    """json.loads calls this for NaN and Infinity, which JSON does not have."""
    raise InputError(f"not JSON: {name} is not a JSON number")


def _nesting(line: str) -> int:
    """How deep the arrays and objects of a JSON line nest (brackets inside strings aside).

    >>> _nesting('{"a": [1, {"b": "]]"}]}'), _nesting("5")
    (3, 0)
    """
    brackets = JSON_BRACKETS.sub("", JSON_STRING.sub("", line))
    return max(itertools.accumulate(1 if bracket in "[{" else -1 for bracket in brackets), default=0)


def _summarize_lines(lengths: _Lengths, encoding: str, name: str, chunk: Sequence[_Numbered]) -> list[_LineResult]:
    """Summarize a chunk of numbered corpus lines (in a worker process, or in this one)."""
    results = []
    for number, raw in chunk:
        if isinstance(raw, _Refused):
            results.append(_LineResult(number, raw.size, error=raw.reason))
            continue
        try:
            try:
                line = raw.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(f"cannot be decoded as {encoding} at byte {error.start}") from None
            except UnicodeError:  # a codec that fails in its own way (punycode)
                raise InputError(f"cannot be decoded as {encoding}") from None
            record, replaced, arabic = _summarize_record(line.removeprefix("\ufeff"), f"{name}:{number}", lengths)
            try:
                output = _json_line(record)
            except ValueError:  # 1e400 parses as infinity, which JSON cannot write back
                raise InputError("a number too large for JSON") from None
        except InputError as error:
            results.append(_LineResult(number, len(raw) + 1, error=str(error)))
            continue
        except MemoryError:  # one line too large for this machine: the others go on
            results.append(_LineResult(number, len(raw) + 1, error=MEMORY_EXHAUSTED))
            continue
        results.append(_LineResult(number, len(raw) + 1, output, replaced=replaced, no_arabic=not arabic))
    return results


def _reads(stream: BinaryIO) -> Iterator[bytes | None]:
    """The stream's bytes as they come; None when nothing more has come for CHUNK_WAIT seconds.

    Raises:
        OSError: Reading failed.
    """
    try:
        descriptor = stream.fileno()
    except (OSError, ValueError):  # not a file (a test's BytesIO): nothing to wait for
        yield from iter(functools.partial(stream.read, READ_SIZE), b"")
        return
    import select

    paused = False
    while True:
        # After a pause is reported, wait for input without a time limit: nothing is pending.
        if not paused and not select.select([descriptor], [], [], CHUNK_WAIT)[0]:
            paused = True
            yield None
            continue
        paused = False
        block = os.read(descriptor, READ_SIZE)
        if not block:
            return
        yield block


def _line_from(parts: list[bytes], size: int, max_bytes: int) -> bytes | _Refused:
    """One line from its parts, or why it is refused: more than max_bytes (0: no limit), or more than memory holds."""
    if max_bytes and size > max_bytes:
        return _Refused(f"larger than --max-bytes ({max_bytes} bytes)", size)
    try:
        return b"".join(parts)
    except MemoryError:
        return _Refused(MEMORY_EXHAUSTED, size)


def _lines(blocks: Iterable[bytes | None], max_bytes: int) -> Iterator[bytes | _Refused | None]:
    """The lines of blocks, without their line feeds; None where the input paused.

    A line longer than max_bytes (0: no limit) is refused as it is read, and never held
    in memory whole.
    """
    parts: list[bytes] = []
    size = 0
    for block in blocks:
        if block is None:
            yield None
            continue
        start = 0
        while start < len(block):
            end = block.find(b"\n", start)
            piece = block[start:] if end < 0 else block[start:end]
            start = len(block) if end < 0 else end + 1
            size += len(piece)
            if not max_bytes or size <= max_bytes:
                parts.append(piece)
            if end >= 0:
                yield _line_from(parts, size, max_bytes)
                parts, size = [], 0
    if size:
        yield _line_from(parts, size, max_bytes)


def _chunks(stream: BinaryIO, max_bytes: int) -> Iterator[list[_Numbered]]:
    """The stream's non-blank lines, numbered from 1, in chunks of CHUNK_LINES, or fewer where the input paused.

    Raises:
        InputError: Reading failed.
    """
    chunk: list[_Numbered] = []
    number = 0
    try:
        for line in _lines(_reads(stream), max_bytes):
            if line is None:
                if chunk:
                    yield chunk
                    chunk = []
                continue
            number += 1
            if isinstance(line, bytes) and not line.strip():
                continue
            chunk.append((number, line))
            if len(chunk) == CHUNK_LINES:
                yield chunk
                chunk = []
    except OSError as error:
        raise InputError(error.strerror or str(error)) from None
    if chunk:
        yield chunk


def _in_order(
    chunks: Iterable[list[_Numbered]], work: Callable[[list[_Numbered]], list[_LineResult]], jobs: int
) -> Generator[list[_LineResult], None, None]:
    """The results of work over each chunk, in input order, in at most `jobs` processes (1: this one).

    No more processes start than there are chunks for them when the work begins.
    """
    chunks = iter(chunks)
    first: list[list[_Numbered]] = []
    for chunk in chunks:
        first.append(chunk)
        if len(first) == jobs or len(chunk) < CHUNK_LINES:  # enough, or the input paused or ended
            break
    if min(jobs, len(first)) <= 1:
        yield from map(work, itertools.chain(first, chunks))
        return
    yield from _in_processes(itertools.chain(first, chunks), work, min(jobs, len(first)))


def _quiet_worker() -> None:
    """Set up a worker process: Ctrl-C is the parent's to handle; SIGTERM and SIGHUP end it quietly."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):  # not the parent's handlers, inherited through fork
            signal.signal(getattr(signal, name), signal.SIG_DFL)


def _in_processes(
    chunks: Iterable[list[_Numbered]], work: Callable[[list[_Numbered]], list[_LineResult]], workers: int
) -> Iterator[list[_LineResult]]:
    """_in_order in worker processes. A dead worker's lines are reported lost, and a new pool takes the rest."""
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    def collect(chunk: list[_Numbered], future: Future[list[_LineResult]]) -> list[_LineResult]:
        try:
            return future.result()
        except BrokenProcessPool:  # a worker was killed (the OOM killer, kill -9) with this chunk in flight
            return [_LineResult(number, 0, error=WORKER_DIED) for number, _ in chunk]

    pool = ProcessPoolExecutor(workers, initializer=_quiet_worker)
    pending: deque[tuple[list[_Numbered], Future[list[_LineResult]]]] = deque()
    try:
        for chunk in chunks:
            try:
                future = pool.submit(work, chunk)
            except BrokenProcessPool:  # a broken pool takes no more work: a new one does
                pool.shutdown()
                pool = ProcessPoolExecutor(workers, initializer=_quiet_worker)
                future = pool.submit(work, chunk)
            pending.append((chunk, future))
            # A short chunk means that the input paused or ended: print everything done so far.
            while pending and (len(pending) >= workers * CHUNKS_PER_JOB or len(chunk) < CHUNK_LINES):
                yield collect(*pending.popleft())
        while pending:
            yield collect(*pending.popleft())
    except BaseException:  # interrupted, terminated, or output closed: stop the workers now
        for child in multiprocessing.active_children():
            child.terminate()
        # Then wait for the pool's own thread to see them gone: left running, it races the
        # interpreter's exit and prints "Exception ignored" (Python 3.11).
        pool.shutdown(cancel_futures=True)
        raise
    pool.shutdown()


class _Progress:
    """A one-line progress bar on a terminal: articles done, rate, and time left when the input's size is known."""

    def __init__(self, stream: TextIO, total_bytes: int | None) -> None:
        self._stream, self._total = stream, total_bytes
        self._start = self._drawn = time.monotonic()
        self._articles = self._bytes = 0

    def advance(self, articles: int, size: int) -> None:
        """Count articles done and the bytes of input they took; redraw at most every PROGRESS_INTERVAL seconds."""
        self._articles += articles
        self._bytes += size
        now = time.monotonic()
        if now - self._drawn >= PROGRESS_INTERVAL:
            self._drawn = now
            self._draw(now, end="")

    def clear(self) -> None:
        """Empty the bar's line, so that a message can take it."""
        self._stream.write("\r\x1b[K")
        self._stream.flush()

    def close(self) -> None:
        """Draw the final count and end the line."""
        self._draw(time.monotonic(), end="\n")

    def _draw(self, now: float, end: str) -> None:
        elapsed = max(now - self._start, 1e-9)
        line = f"{self._articles:,} articles, {self._articles / elapsed:,.0f}/s"
        if end:
            line += f", {_duration(elapsed)}"
        elif self._total and self._bytes:
            line += f", {_duration(elapsed * (self._total - self._bytes) / self._bytes)} left"
        self._stream.write(f"\r\x1b[K{line}{end}")
        self._stream.flush()


def _progress_bar(stream: BinaryIO) -> _Progress | None:
    """A progress bar when stderr is a terminal and stdout is not (there, the output shows progress)."""
    if sys.stderr is None or not sys.stderr.isatty() or (sys.stdout is not None and sys.stdout.isatty()):
        return None
    try:
        status = os.fstat(stream.fileno())
    except (OSError, ValueError):
        return _Progress(sys.stderr, None)
    return _Progress(sys.stderr, status.st_size if stat.S_ISREG(status.st_mode) else None)


def _duration(seconds: float) -> str:
    """Seconds as h:mm:ss or m:ss.

    >>> _duration(75.4), _duration(3725)
    ('1:15', '1:02:05')
    """
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def _report_lines(
    results: Iterable[_LineResult], label: str, report: Callable[[str], None], replaced: set[str]
) -> bool:
    """Report each line's error and warnings; True if a line had an error.

    replaced holds the input fields already warned about, and gains the new ones.
    """
    failed = False
    for result in results:
        if result.error:
            report(f"{label}:{result.number}: {result.error}")
            failed = True
        if result.no_arabic:
            report(f"warning: {label}:{result.number}: no Arabic text, summarized anyway")
        for field in result.replaced:
            if field not in replaced:
                replaced.add(field)
                report(f'warning: {label}: input field "{field}" is replaced by the summary\'s')
    return failed


def _corpus(name: str, lengths: _Lengths, encoding: str | None, jobs: int, stdout: BinaryIO, max_bytes: int) -> bool:
    """Summarize one JSON Lines input to stdout; report bad lines on stderr; True if there was one."""
    label = _label(name)
    if name == "-" and sys.stdin is None:  # started with stdin closed (<&-)
        _say(f"{label}: closed")
        return True
    try:
        stream = sys.stdin.buffer if name == "-" else open(name, "rb")  # noqa: SIM115 - closed below
    except OSError as error:
        _say(f"{label}: {error.strerror or error}")
        return True
    progress = _progress_bar(stream)

    def report(message: str) -> None:
        if progress:
            progress.clear()
        _say(message)

    failed = False
    replaced: set[str] = set()
    work = functools.partial(_summarize_lines, lengths, encoding or "utf-8", name)
    ordered = _in_order(_chunks(stream, max_bytes), work, jobs)  # closed below: workers stop however this ends
    try:
        for results in ordered:
            failed = _report_lines(results, label, report, replaced) or failed
            _write_all(stdout, "".join(result.output for result in results).encode())  # one write a chunk
            if progress:
                progress.advance(sum(bool(result.output) for result in results), sum(r.size for r in results))
    except InputError as error:  # reading failed part way
        report(f"{label}: {error}")
        failed = True
    finally:
        ordered.close()
        if progress:
            progress.close()
        if name != "-":
            stream.close()
    return failed


# Bytes that a text codec reads as text: a line feed alone, or padded to a whole UTF-16 or
# UTF-32 character in either byte order. Not b"": Python skips the codec look-up for it.
ENCODING_PROBES = (b"\n", b"\n\x00\x00\x00", b"\x00\x00\x00\n")


def _check_encoding(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return value
    # Refuses unknown names, codecs that do not decode text (rot13, base64), "undefined",
    # which decodes nothing, and punycode, which decodes only host names (and raises
    # UnicodeDecodeError from Python 3.13, UnicodeError before).
    for probe in ENCODING_PROBES:
        try:
            probe.decode(value)
        except LookupError:
            break
        except UnicodeError:
            continue
        return value
    raise click.BadParameter(f"unknown text encoding: {value}")


def _check_ratio(_ctx: click.Context, _param: click.Parameter, value: float | None) -> float | None:
    """Refuse NaN, which every range check lets through (it compares false)."""
    if value is not None and math.isnan(value):
        raise click.BadParameter(f"{value} is not in the range 0<x<=1.")
    return value


def _cap_count(_ctx: click.Context, _param: click.Parameter, value: int | None) -> int | None:
    """A count past sys.maxsize means "all" as much as sys.maxsize does, and Python can slice by it."""
    return value if value is None else min(value, sys.maxsize)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush cannot fail again."""
    # ValueError and OSError: not a real file descriptor (as under click's test runner).
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _write_all(stream: BinaryIO, data: bytes) -> None:
    """Write all of data: a short write (a file-size limit, a full disk) must surface as an error."""
    view = memoryview(data)
    while view:
        written = stream.write(view)
        if not written:
            raise OSError(errno.EIO, "nothing could be written")
        view = view[written:]
    stream.flush()


def _fail(ctx: click.Context, message: str, code: int) -> NoReturn:
    _say(message)
    ctx.exit(code)


def _splits_lines(encoding: str) -> bool:
    """Whether a line break is the byte 0x0A in this encoding, as corpus mode needs (UTF-16 is not).

    >>> _splits_lines("cp1256"), _splits_lines("utf-16")
    (True, False)
    """
    try:
        return "\n".encode(encoding) == b"\n"
    except (UnicodeError, LookupError):
        return False


def _workers(jobs: int) -> int:
    """The number of processes for -j: 0 means one per core this process may run on; at most MAX_JOBS_PER_CORE each."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if not jobs:
        return cores
    if jobs > MAX_JOBS_PER_CORE * cores:
        _say(f"warning: -j {jobs} is more than {MAX_JOBS_PER_CORE} a core: using {MAX_JOBS_PER_CORE * cores}")
        return MAX_JOBS_PER_CORE * cores
    return jobs


def _documents(
    names: Sequence[str],
    lengths: _Lengths,
    output_format: str,
    encoding: str | None,
    stdout: BinaryIO,
    *,
    headers: bool,
    max_bytes: int = 0,
) -> bool:
    """Summarize each input as one article to stdout; name bad inputs on stderr; True if there was one."""
    failed, printed = False, 0
    for name in names:
        try:
            text = _read(name, encoding, max_bytes)
            summary = lengths.summarize(text)
            if not summary.sentences:
                raise InputError("no sentences to summarize")
        except (InputError, MemoryError) as error:  # MemoryError: one input too large for this machine
            _say(f"{_label(name)}: {MEMORY_EXHAUSTED if isinstance(error, MemoryError) else error}")
            failed = True
            continue
        if not ARABIC_LETTER.search(text):
            _say(f"warning: {_label(name)}: no Arabic text, summarized anyway")
        if output_format == "json":
            output = render_json(summary, name)
        else:
            header = f"==> {_label(name)} <==\n" if headers else ""
            output = ("\n" if printed else "") + header + render_text(summary, lengths.keywords)
        _write_all(stdout, output.encode(errors="surrogateescape"))  # a file name's own bytes
        printed += 1
    return failed


def _exit_on_signal(signum: int, _frame: object) -> NoReturn:
    """End the command as Ctrl-C does, through the code that stops workers and closes files: quietly."""
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def _ending_quietly_on_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP end the command with exit 143 and 129, quietly; the caller's handlers come back after."""
    import signal

    names = [name for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    before = {name: signal.signal(getattr(signal, name), _exit_on_signal) for name in names}
    try:
        yield
    finally:
        for name, handler in before.items():
            signal.signal(getattr(signal, name), handler)


def _unwritten_click_error(error: OSError) -> click.ClickException | None:
    """The click error (a usage error) whose message failed to be written with this error, if any.

    Click calls the exception's own show(), inside or after its handler depending on the
    version, so the one sure sign is a frame of that method in the traceback.
    """
    trace = error.__traceback__
    while trace is not None:
        shown = trace.tb_frame.f_locals.get("self")
        if isinstance(shown, click.ClickException):
            return shown
        trace = trace.tb_next
    return None


class _Command(click.Command):
    """A click command that reports a failure to write its own output (--help, --version)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run the command; a write error in click's own output is one line and exit 1."""
        if sys.stderr is None:  # started with stderr closed (2>&-): click would print usage errors on stdout
            sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - stderr for the rest of the process
        try:
            with _ending_quietly_on_signals():
                return super().main(*args, **kwargs)
        except OSError as error:  # click handles a closed pipe itself; this is a full disk
            unwritten = _unwritten_click_error(error)
            if unwritten is not None:  # stderr is full: the usage error still decides the exit code
                sys.exit(unwritten.exit_code)
            _silence_stdout()
            _say(f"write error: {error.strerror or error}")
            sys.exit(EXIT_INPUT_ERROR)


@click.command(cls=_Command, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1)
@click.option(
    "-n",
    "--sentences",
    type=click.IntRange(min=1),
    callback=_cap_count,
    metavar="N",
    help=f"Keep N sentences [default: {DEFAULT_SENTENCES}].",
)
@click.option(
    "-w",
    "--words",
    type=click.IntRange(min=1),
    callback=_cap_count,
    metavar="N",
    help="Keep whole sentences totalling at most N words.",
)
@click.option(
    "-r",
    "--ratio",
    type=click.FloatRange(0, 1, min_open=True),
    callback=_check_ratio,
    metavar="R",
    help="Keep about this share of the words.",
)
@click.option(
    "-k",
    "--keywords",
    type=click.IntRange(min=0),
    callback=_cap_count,
    metavar="N",
    help=f"Also print the top N keywords [default: none in text, {DEFAULT_KEYWORDS} in JSON].",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    help="text: one sentence a line; json: one object a line per input [default: text].",
)
@click.option(
    "--encoding", metavar="NAME", callback=_check_encoding, help="Read input in this encoding instead of detecting it."
)
@click.option(
    "--jsonl",
    is_flag=True,
    help='Corpus mode: each input line is a JSON object with a "text" field; print one JSON summary a line, '
    "in order, other fields copied.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    metavar="N",
    help="With --jsonl: summarize in N processes, 0 for one per core [default: 1].",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=0),
    default=DEFAULT_MAX_BYTES,
    metavar="N",
    help="Refuse an article (a FILE, or a line with --jsonl) of more than N bytes, 0 for no limit "
    "[default: 33554432, 32 MiB].",
)
@click.version_option(__version__, prog_name="summarize")
@click.pass_context
def main(
    ctx: click.Context,
    files: tuple[str, ...],
    sentences: int | None,
    words: int | None,
    ratio: float | None,
    keywords: int | None,
    output_format: str,
    encoding: str | None,
    jsonl: bool,
    jobs: int,
    max_bytes: int,
) -> None:
    """Print the most important sentences of each Arabic article, verbatim, in order.

    Reads each FILE, or standard input when there is none or FILE is -.
    """
    if sum(option is not None for option in (sentences, words, ratio)) > 1:
        raise click.UsageError("give at most one of --sentences, --words and --ratio")
    given = {
        name for name in ("output_format", "jobs") if ctx.get_parameter_source(name) is ParameterSource.COMMANDLINE
    }
    if jsonl and "output_format" in given and output_format == "text":
        raise click.UsageError("--jsonl writes JSON: --format text does not apply")
    if "jobs" in given and not jsonl:
        raise click.UsageError("-j/--jobs works with --jsonl only")
    if jsonl and encoding is not None and not _splits_lines(encoding):
        raise click.UsageError(f"--jsonl reads lines, and {encoding} does not write a line break as the byte 0x0A")
    if sys.stdout is None:  # started with stdout closed (>&-)
        _fail(ctx, "write error: standard output is closed", EXIT_INPUT_ERROR)
    if not files and sys.stdin is not None and sys.stdin.isatty():
        _fail(ctx, f"no input: give a FILE or pipe text in\n{ctx.get_usage()}", click.UsageError.exit_code)
    count = DEFAULT_KEYWORDS if keywords is None and (jsonl or output_format == "json") else keywords or 0
    lengths = _Lengths(sentences, words, ratio, count)
    names = files or ("-",)
    stdout = sys.stdout.buffer
    try:
        if jsonl:
            workers = _workers(jobs)
            results = [_corpus(name, lengths, encoding, workers, stdout, max_bytes) for name in names]
            failed = any(results)  # after the loop: every input is summarized even after a failure
        else:
            failed = _documents(
                names, lengths, output_format, encoding, stdout, headers=len(files) > 1, max_bytes=max_bytes
            )
    except KeyboardInterrupt:
        ctx.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        ctx.exit(EXIT_BROKEN_PIPE)
    except OSError as error:
        _silence_stdout()
        _fail(ctx, f"write error: {error.strerror or error}", EXIT_INPUT_ERROR)
    ctx.exit(EXIT_INPUT_ERROR if failed else 0)


if __name__ == "__main__":
    main(prog_name="summarize")  # not summarize.py, under python -m summarize
