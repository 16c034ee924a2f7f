"""The exact table of stopword forms (STOPWORD_FORMS) is current and agrees with the rule it stands in for."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import summarize

sys.path.insert(0, str(Path(__file__).parent / "bench"))
stopword_forms = importlib.import_module("stopword_forms")


def test_stored_table_is_the_one_the_script_makes_today() -> None:
    assert summarize.STOPWORD_FORMS.split() == stopword_forms.forms()


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
