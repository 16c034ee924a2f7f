"""The exact table of stopword forms (_stopword_forms) agrees with the rule it stands in for."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import summarize


def test_table_holds_every_stopword_with_each_conjunction_and_preposition() -> None:
    table = summarize._stopword_forms()
    words = summarize._stopwords()[0]
    assert words <= table
    assert {f"\u0648{word}" for word in words if len(word) >= 2} <= table
    assert {f"\u0648\u0628{word}" for word in words if len(word) >= 2} <= table
    assert len(table) == 8817


@pytest.mark.parametrize(
    ("token", "stopword"),
    [
        ("في", True),
        ("وفي", True),  # a conjunction
        ("لهذا", True),  # a preposition
        ("وبهذا", True),  # both
        ("عليه", True),  # a pronoun on a word that takes one
        ("وعليهما", True),
        ("طاقه", False),  # طاقة normalized: not طاق+ه, طاق takes no pronoun
        ("بلديه", False),  # not ب+لدي+ه: a preposition and a pronoun together
        ("المدينه", False),
    ],
)
def test_table_and_rule_agree_on_each_clitic_case(token: str, stopword: bool) -> None:
    assert summarize._is_stopword(token, summarize._stopwords()) is stopword
    assert (token in summarize._stopword_forms()) is stopword


def test_table_and_rule_agree_on_every_token_of_easc_dev(shared: Callable[[str], Path]) -> None:
    tokens = {
        token
        for line in shared("data/easc/dev.jsonl").read_text(encoding="utf-8").splitlines()
        for word in summarize.RAW_WORD.findall(json.loads(line)["article"])
        for token in summarize.LETTERS.findall(summarize.normalize(word))
    }
    rule, table = summarize._stopwords(), summarize._stopword_forms()
    assert len(tokens) > 10_000
    assert {token for token in tokens if summarize._is_stopword(token, rule) != (token in table)} == set()


def test_table_is_every_candidate_form_that_the_rule_accepts() -> None:
    stopwords = summarize._stopwords()
    words, hosts = stopwords
    conjunctions, prepositions = ("", *summarize.CONJUNCTIONS), ("", *summarize.PREPOSITIONS)
    candidates = {c + p + word for c in conjunctions for p in prepositions for word in words}
    candidates |= {c + host + e for c in conjunctions for host in hosts for e in ("", *summarize.ENCLITICS)}
    assert summarize._stopword_forms() == {form for form in candidates if summarize._is_stopword(form, stopwords)}
