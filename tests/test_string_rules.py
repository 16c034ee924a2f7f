"""Rules written as string and set tests, for start-up, agree with the patterns they replaced.

Compiling a pattern costs every start a tenth to a fifth of a millisecond; these rules
were patterns until issue 12. Each pattern below is the old rule, kept as the
specification, and each test checks the new rule against it on every input of its kind.
"""

from __future__ import annotations

import itertools
import re

import pytest

import summarize

# The clitics before a content word, as the pattern that _without_article replaced.
PROCLITICS = re.compile(r"^[وف]?(?:[بكل]?ال|لل)(?=..)|^[بل](?=....)")
ARABIC_LETTER = re.compile(
    r"[\u0620-\u063f\u0641-\u064a\u066e-\u06d3\u06fa-\u06fc\u0750-\u077f\ufb50-\ufdfb\ufe70-\ufefc]"
)
# Every letter the pattern names, and one it does not.
CLITIC_ALPHABET = "وفبكلام"


def test_article_rule_matches_the_pattern_on_every_string_of_up_to_six_letters() -> None:
    strings = ("".join(letters) for n in range(7) for letters in itertools.product(CLITIC_ALPHABET, repeat=n))
    differing = [string for string in strings if summarize._without_article(string) != PROCLITICS.sub("", string)]
    assert differing == []


@pytest.mark.parametrize(
    ("token", "bare"),
    [
        ("والتنظيم", "تنظيم"),  # a conjunction and the article
        ("فبالعمل", "عمل"),  # a conjunction, a preposition and the article
        ("كالبحر", "بحر"),
        ("للعمل", "عمل"),
        ("لتمويل", "تمويل"),  # a lone preposition before four letters
        ("لبنان", "بنان"),  # ... which can eat a root letter
        ("لبنا", "لبنا"),  # not before three
        ("البر", "بر"),  # the article comes off where two letters are left
        ("الم", "الم"),  # ... and stays where one is
        ("وال", "وال"),
        ("ولبنان", "ولبنان"),  # a lone preposition only opens a word
    ],
)
def test_article_rule_cases(token: str, bare: str) -> None:
    assert summarize._without_article(token) == bare


def test_arabic_letter_set_is_the_pattern_s_class_on_every_code_point() -> None:
    letters = summarize._arabic_letters()
    differing = [point for point in range(0x110000) if (chr(point) in letters) != bool(ARABIC_LETTER.match(chr(point)))]
    assert (differing, len(letters)) == ([], 1020)
