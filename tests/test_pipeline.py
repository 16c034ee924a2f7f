"""One table per pipeline step, with exact expectations."""

import codecs

import pytest

from summarize import (
    Article,
    InputError,
    Sentence,
    decode,
    normalize,
    parse_article,
    score,
    select,
    split_sentences,
    summarize,
    tokenize,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", "", id="empty"),
        pytest.param("كَتَبَ الطُّلَّابُ", "كتب الطلاب", id="harakat-and-shadda"),
        pytest.param("كتابٌ كتاباً كتابٍ", "كتاب كتابا كتاب", id="tanwin"),
        pytest.param("هٰذا", "هذا", id="dagger-alef"),
        pytest.param("الرَّحِيمِۖ ذَٰلِكَۗ", "الرحيم ذلك", id="quranic-marks"),
        pytest.param("عـــام", "عام", id="tatweel"),
        pytest.param("أحمد إبراهيم آمن ٱلله", "احمد ابراهيم امن الله", id="alef-forms"),
        pytest.param("على مستشفى", "علي مستشفي", id="alef-maksura-to-yeh"),
        pytest.param("مدرسة", "مدرسه", id="teh-marbuta-to-heh"),
        pytest.param("مؤتمر رئيس", "مؤتمر رئيس", id="hamza-on-waw-and-yeh-kept"),
        pytest.param("٢٠١٩ ۱۴۰۰", "2019 1400", id="arabic-indic-and-persian-digits"),
        pytest.param("\ufefb \ufe8d\ufee0\ufe92\ufe8e\ufe8f", "لا الباب", id="presentation-forms"),
        pytest.param("\u200fسلام\u200e \u200dعليكم\u200c\ufeff\u202b", "سلام عليكم", id="bidi-zero-width-bom"),
        pytest.param("کتاب یک", "كتاب يك", id="persian-keheh-and-yeh"),
        pytest.param("Gaza UN", "gaza un", id="latin-case-folded"),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", [], id="empty"),
        pytest.param(" \n\t ", [], id="whitespace"),
        pytest.param(
            "ذهب. عاد! لماذا؟ هل? نعم؛ لا… حسنا",
            ["ذهب.", "عاد!", "لماذا؟", "هل?", "نعم؛ لا…", "حسنا"],
            id="each-end-mark",
        ),
        pytest.param("حقا؟! نعم... تماما.", ["حقا؟!", "نعم...", "تماما."], id="runs-of-marks"),
        pytest.param("قال: «لن نتراجع.» ثم غادر.", ["قال: «لن نتراجع.»", "ثم غادر."], id="closing-quote-stays"),
        pytest.param("(انتهى الأمر.) بدأ غيره.", ["(انتهى الأمر.)", "بدأ غيره."], id="closing-bracket-stays"),
        pytest.param(
            "زار الوزير بغداد، ثم عمان، ثم القاهرة.", ["زار الوزير بغداد، ثم عمان، ثم القاهرة."], id="arabic-comma"
        ),
        pytest.param("قال الوزير: إن الاجتماع مهم.", ["قال الوزير: إن الاجتماع مهم."], id="colon"),
        pytest.param(
            "ارتفع 3.5 بالمئة إلى 1.000 دينار.", ["ارتفع 3.5 بالمئة إلى 1.000 دينار."], id="decimal-and-thousands"
        ),
        pytest.param("في 03/05/2021 عقد الاجتماع.", ["في 03/05/2021 عقد الاجتماع."], id="date"),
        pytest.param("حاضر أ.د. محمد علي. ثم سافر.", ["حاضر أ.د. محمد علي.", "ثم سافر."], id="initials"),
        pytest.param("كتبه J. K. Rowling وحده.", ["كتبه J. K. Rowling وحده."], id="latin-initials"),
        pytest.param("توفي عام 1827م. ودفن.", ["توفي عام 1827م.", "ودفن."], id="era-letter-after-year"),
        pytest.param("ولد عام 1770 م. ثم نشأ.", ["ولد عام 1770 م.", "ثم نشأ."], id="era-letter-after-space"),
        pytest.param("عمل ليلًا. وأكد ذلك.", ["عمل ليلًا.", "وأكد ذلك."], id="vocalized-word-before-stop"),
        pytest.param("انتهت الحرب.وقال القائد.", ["انتهت الحرب.", "وقال القائد."], id="missing-space-after-stop"),
        pytest.param("الإنسان .وللناي ثقوب.", ["الإنسان .", "وللناي ثقوب."], id="space-before-stop"),
        pytest.param("زر www.example.org الآن.", ["زر www.example.org الآن."], id="web-address"),
        pytest.param("بدأ الاجتماع في\nالصباح وانتهى.", ["بدأ الاجتماع في\nالصباح وانتهى."], id="hard-wrap-joined"),
        pytest.param("بدأ الاجتماع في\r\nالصباح وانتهى.", ["بدأ الاجتماع في\r\nالصباح وانتهى."], id="hard-wrap-crlf"),
        pytest.param("فقرة أولى بلا نقطة\n\nفقرة ثانية", ["فقرة أولى بلا نقطة", "فقرة ثانية"], id="blank-line"),
        pytest.param("فقرة أولى\r\rفقرة ثانية", ["فقرة أولى", "فقرة ثانية"], id="blank-line-cr"),
        pytest.param("فقرة أولى\u2029فقرة ثانية", ["فقرة أولى", "فقرة ثانية"], id="paragraph-separator"),
        pytest.param("أولا. ... 2019. ثانيا.", ["أولا.", "ثانيا."], id="pieces-without-letters-dropped"),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_split_sentences_has_no_limit_on_boundaries() -> None:
    text = " ".join(f"جملة رقم {i}." for i in range(100))
    assert split_sentences(text) == [f"جملة رقم {i}." for i in range(100)]


SEED_LIKE = """التحالف يجدد التزامه بمكافحة التمويل

  • 03/05/2021
  • 00:00
  • 4
news-picture

أعلن التحالف الدولي نجاحه. وأكد البيان التزامه.

مشاركة :"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", Article(None, ()), id="empty"),
        pytest.param(
            SEED_LIKE,
            Article("التحالف يجدد التزامه بمكافحة التمويل", ("أعلن التحالف الدولي نجاحه.", "وأكد البيان التزامه.")),
            id="scraped-page",
        ),
        pytest.param(
            "عنوان الخبر الذي نشر اليوم\n• 2019\nنص الخبر الكامل هنا.",
            Article("عنوان الخبر الذي نشر اليوم", ("نص الخبر الكامل هنا.",)),
            id="title-followed-by-noise",
        ),
        pytest.param(
            "بدأ المؤتمر أعماله اليوم في العاصمة بحضور عدد من\nالوفود العربية والأجنبية.",
            Article(None, ("بدأ المؤتمر أعماله اليوم في العاصمة بحضور عدد من\nالوفود العربية والأجنبية.",)),
            id="line-ending-in-a-preposition-is-not-a-title",
        ),
        pytest.param(
            "جملة وحيدة بلا عنوان ولا نقطة تتجاوز عشرين كلمة لأن كاتبها نسي أن يضع في آخرها نقطة بعد أن أطال فيها"
            " كثيرا جدا",
            Article(
                None,
                (
                    "جملة وحيدة بلا عنوان ولا نقطة تتجاوز عشرين كلمة لأن كاتبها نسي أن يضع في آخرها نقطة بعد أن أطال"
                    " فيها كثيرا جدا",
                ),
            ),
            id="single-line-of-over-twenty-words-is-body",
        ),
        pytest.param("مرحبا بكم جميعا", Article(None, ()), id="single-short-unpunctuated-line-is-noise"),
        pytest.param(
            "جملة وحيدة بلا عنوان ولا نقطة", Article(None, ()), id="unpunctuated-line-of-six-words-is-a-heading"
        ),
        pytest.param(
            "عنوان منتهٍ بنقطة.\n\nنص الخبر.",
            Article(None, ("عنوان منتهٍ بنقطة.", "نص الخبر.")),
            id="punctuated-first-line-is-not-a-title",
        ),
        pytest.param(
            "انتهت الجولة الأولى من المفاوضات أمس.\nالجولة الثانية\nتبدأ الجولة الثانية غدا في المدينة نفسها.",
            Article(None, ("انتهت الجولة الأولى من المفاوضات أمس.", "تبدأ الجولة الثانية غدا في المدينة نفسها.")),
            id="short-heading-is-noise-and-splits",
        ),
        pytest.param(
            "ذهب الولد إلى المدرسة في الصباح الباكر مع\nأصدقائه الثلاثة\nثم عادوا إلى البيت.\nوانتهى اليوم.",
            Article(
                None,
                ("ذهب الولد إلى المدرسة في الصباح الباكر مع\nأصدقائه الثلاثة\nثم عادوا إلى البيت.", "وانتهى اليوم."),
            ),
            id="short-wrapped-line-inside-a-sentence-is-joined",
        ),
        pytest.param(
            "عنوان الخبر الذي نشر اليوم\n\nوشارك في الاجتماع ممثلون عن عشرين دولة.\nمشاركة :",
            Article("عنوان الخبر الذي نشر اليوم", ("وشارك في الاجتماع ممثلون عن عشرين دولة.",)),
            id="prose-about-sharing-is-not-a-share-line",
        ),
        pytest.param(
            "وقال الوزير في مؤتمر صحفي:\n«سنواصل العمل حتى النهاية».",
            Article(None, ("وقال الوزير في مؤتمر صحفي:", "«سنواصل العمل حتى النهاية».")),
            id="colon-line-is-a-paragraph-of-its-own",
        ),
        pytest.param(
            "خبر عاجل عن الطقس اليوم\n\nهطلت أمطار غزيرة.\nPhoto: Reuters\nوأغلقت الطرق.\nاقرأ أيضا: أخبار الطقس",
            Article("خبر عاجل عن الطقس اليوم", ("هطلت أمطار غزيرة.", "وأغلقت الطرق.")),
            id="latin-line-and-read-also-line",
        ),
        pytest.param(
            "Storm hits the coast\n\nHeavy rain fell today. Roads were closed.",
            Article("Storm hits the coast", ("Heavy rain fell today.", "Roads were closed.")),
            id="latin-text-keeps-latin-lines",
        ),
        pytest.param(
            "- بند أول في القائمة.\n* بند ثان.\nنص عادي هنا.",
            Article(None, ("نص عادي هنا.",)),
            id="bullets",
        ),
    ],
)
def test_parse_article(text: str, expected: Article) -> None:
    assert parse_article(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", [], id="empty"),
        pytest.param("التنظيم للتنظيم والتنظيم تنظيم بالتنظيم", ["تنظيم"] * 5, id="article-and-clitics"),
        pytest.param("تمويل التمويل لتمويل والتمويل", ["تمويل"] * 4, id="leading-teh-kept"),
        pytest.param("المدرسة مدرسة المدرسه", ["مدرس"] * 3, id="teh-marbuta"),
        pytest.param("قال إن الاجتماع في ٢٠١٩ كان ناجحاً أيضاً", ["اجتماع", "ناجح"], id="stopwords-and-numbers"),
        pytest.param("الى ان ايضا تم وفي عليه منها لهذا", [], id="stopwords-with-clitics-and-spellings"),
        pytest.param("الطاقة", ["طاق"], id="noun-in-heh-is-not-a-stopword-with-pronoun"),
        pytest.param("بلدية", ["لد"], id="preposition-and-pronoun-never-both-so-baladiya-stays"),
        pytest.param("الْمَدْرَسَةُ", ["مدرس"], id="vocalized"),
        pytest.param("Energy ENERGY", ["energy", "energy"], id="latin"),
        pytest.param("ﷺ", ["صل", "لة", "سلم"], id="ligature-expands-to-words"),
        pytest.param("ك" * 30 + " " + "ك" * 31, ["ككك"], id="a-run-of-31-letters-is-not-a-word"),
        pytest.param("بَ" * 33, [], id="a-written-form-of-66-characters-is-not-a-word"),
    ],
)
def test_tokenize(text: str, expected: list[str]) -> None:
    assert tokenize(text) == expected


@pytest.mark.parametrize(
    ("sentences", "title", "expected"),
    [
        pytest.param([], [], [], id="empty"),
        pytest.param([[], ["a"]], [], [1.0, 0.9071], id="position-carries-a-sentence-without-keywords"),
        pytest.param([["a", "b"], ["a", "a"], ["c"]], [], [1.1333, 0.9071, 0.644], id="prior-plus-mean-keyword-weight"),
        pytest.param([["a"], ["a", "b", "c", "d"]], [], [1.2, 0.8321], id="length-alone-does-not-win"),
        pytest.param(
            [["a"], ["a"], ["a"], ["b"], ["a"]],
            [],
            [1.2, 0.9071, 0.7774, 0.55, 0.6472],
            id="keywords-reorder-later-sentences",
        ),
        pytest.param([["a"], ["b"]], ["b"], [1.2, 1.0071], id="title-boost"),
        pytest.param([["a", "b"], ["b"]], ["a", "b"], [1.25, 0.9571], id="title-boost-by-share"),
    ],
)
def test_score(sentences: list[list[str]], title: list[str], expected: list[float]) -> None:
    assert score(sentences, title) == expected


@pytest.mark.parametrize(
    ("scores", "lengths", "budget", "expected"),
    [
        pytest.param([], [], {"sentences": 3}, [], id="empty"),
        pytest.param([0.1, 0.9, 0.5], [5, 5, 5], {"sentences": 2}, [1, 2], id="top-n-in-document-order"),
        pytest.param([0.5, 0.5, 0.5], [5, 5, 5], {"sentences": 2}, [0, 1], id="ties-go-to-earlier"),
        pytest.param([0.1, 0.9], [5, 5], {"sentences": 9}, [0, 1], id="more-than-there-is"),
        pytest.param([0.9, 0.5, 0.1], [6, 6, 3], {"words": 10}, [0, 2], id="overflow-skipped-for-next-that-fits"),
        pytest.param([0.9, 0.5], [80, 60], {"words": 10}, [0], id="never-nothing"),
        pytest.param([0.9, 0.5], [5, 5], {"words": 10}, [0, 1], id="exact-fit"),
        pytest.param([0.2, 0.9], [5, 5], {}, [0, 1], id="no-budget-keeps-all"),
    ],
)
def test_select(scores: list[float], lengths: list[int], budget: dict[str, int], expected: list[int]) -> None:
    assert select(scores, lengths, **budget) == expected


# Keywords: المطر, المدينة and المدرسة twice each, every other one once. Mean weights
# (count / 2): 0.8333, 0.75, 0.6667, 0.6667.
RAIN = "سقط المطر على المدينة. المطر غزير في المدينة اليوم. ذهب الأطفال إلى المدرسة. أغلقت المدرسة أبوابها."


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        pytest.param({}, [0, 1, 2], id="default-three-sentences-ties-to-earlier"),
        pytest.param({"sentences": 1}, [0], id="sentences"),
        pytest.param({"sentences": 10}, [0, 1, 2, 3], id="more-than-there-is-gives-all"),
        pytest.param({"words": 9}, [0, 1], id="words"),
        pytest.param({"words": 1}, [0], id="tiny-word-budget-keeps-one"),
        pytest.param({"ratio": 0.5}, [0, 2], id="ratio-of-16-words-is-8"),
        pytest.param({"ratio": 1.0}, [0, 1, 2, 3], id="ratio-one"),
    ],
)
def test_summarize_lengths(options: dict[str, float], expected: list[int]) -> None:
    assert [s.index for s in summarize(RAIN, **options).sentences] == expected  # type: ignore[arg-type]


def test_summarize_result() -> None:
    result = summarize("المطر والمدينة في يوم شتوي\n\n" + RAIN, sentences=1, keywords=3)
    assert result.title == "المطر والمدينة في يوم شتوي"
    assert result.sentences == (Sentence(0, "سقط المطر على المدينة.", 1.2167),)
    assert result.keywords == ("المطر", "المدينة", "المدرسة")
    assert (result.total_sentences, result.total_words) == (4, 16)


def test_summarize_empty_text_gives_empty_summary() -> None:
    result = summarize("")
    assert (result.sentences, result.keywords, result.title, result.total_sentences) == ((), (), None, 0)


@pytest.mark.parametrize(
    "options",
    [
        pytest.param({"sentences": 2, "words": 10}, id="sentences-and-words"),
        pytest.param({"words": 10, "ratio": 0.5}, id="words-and-ratio"),
        pytest.param({"sentences": 0}, id="zero-sentences"),
        pytest.param({"words": 0}, id="zero-words"),
        pytest.param({"ratio": 0.0}, id="zero-ratio"),
        pytest.param({"ratio": 1.5}, id="ratio-above-one"),
        pytest.param({"keywords": -1}, id="negative-keywords"),
    ],
)
def test_summarize_rejects_bad_options(options: dict[str, float]) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - each message is checked by the CLI tests
        summarize(RAIN, **options)  # type: ignore[arg-type]


ARTICLE = "المطر غزير اليوم."


@pytest.mark.parametrize(
    ("data", "encoding", "expected"),
    [
        pytest.param(b"", None, "", id="empty"),
        pytest.param(ARTICLE.encode(), None, ARTICLE, id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + ARTICLE.encode(), None, ARTICLE, id="utf-8-bom-dropped"),
        pytest.param(ARTICLE.encode("utf-16"), None, ARTICLE, id="utf-16-bom"),
        pytest.param(codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"), None, ARTICLE, id="utf-16-be-bom"),
        pytest.param(ARTICLE.encode("utf-32"), None, ARTICLE, id="utf-32-bom"),
        pytest.param(ARTICLE.encode("cp1256"), None, ARTICLE, id="windows-1256"),
        pytest.param(ARTICLE.encode("cp1256"), "cp1256", ARTICLE, id="named-encoding"),
        # Each letter before ، is a valid UTF-8 pair by chance: too few to call it broken UTF-8.
        pytest.param("أ، ب، ج، د".encode("cp1256"), None, "أ، ب، ج، د", id="windows-1256-letter-list"),
        pytest.param(b"a\tb\r\nc\x0cd", None, "a\tb\r\nc\x0cd", id="tab-cr-lf-ff-allowed"),
        pytest.param(b"22/11/2019 !!", None, "22/11/2019 !!", id="utf-8-without-letters-is-still-text"),
    ],
)
def test_decode(data: bytes, encoding: str | None, expected: str) -> None:
    assert decode(data, encoding) == expected


@pytest.mark.parametrize(
    ("data", "encoding", "message"),
    [
        pytest.param(b"\xd8\xa7\x00\xd8\xa8", None, "not text (binary data or an unknown encoding)", id="nul"),
        pytest.param("نص\x07".encode(), None, "not text (binary data or an unknown encoding)", id="bell"),
        pytest.param(bytes(range(256)), None, "not text (binary data or an unknown encoding)", id="binary"),
        pytest.param(
            b"\x80\x86\x87\x89 \xa2\xa3\xa4", None, "not text (binary data or an unknown encoding)", id="cp1256-symbols"
        ),
        pytest.param(ARTICLE.encode("cp1256"), "utf-8", "cannot be decoded as utf-8 (byte 0)", id="wrong-encoding"),
        pytest.param(b"x", "no-such-codec", "unknown text encoding: no-such-codec", id="unknown-encoding"),
        pytest.param(b"x", "rot13", "unknown text encoding: rot13", id="not-a-text-encoding"),
        pytest.param(
            "المطر غزير في المدينة اليوم.".encode() * 4 + b"\xff", None, "invalid UTF-8 at byte 204", id="stray-byte"
        ),
    ],
)
def test_decode_rejects(data: bytes, encoding: str | None, message: str) -> None:
    with pytest.raises(InputError) as raised:
        decode(data, encoding)
    assert str(raised.value) == message
