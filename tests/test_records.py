"""The module's named tuples, made by _Record at start-up, behave as collections.namedtuple's do.

Each class is compared with its twin: a collections.namedtuple of the same name, fields
and defaults. Type checkers see typing.NamedTuple in _Record's place, so this is what
holds the two to the same behaviour at run time.
"""

from __future__ import annotations

import collections
import copy
import inspect
import pickle
from collections.abc import Callable
from typing import Any

import pytest

import summarize

RECORDS = sorted(
    (
        value
        for value in vars(summarize).values()
        if isinstance(value, type) and issubclass(value, tuple) and value.__module__ == "summarize"
        if getattr(value, "_fields", ())  # not _Record itself
    ),
    key=lambda record: record.__name__,
)
PUBLIC = ("Article", "Sentence", "Summary", "WebPage")


def _twin(record: type[Any]) -> type[Any]:
    """A collections.namedtuple of the same name, fields and defaults (which must be the last fields)."""
    defaults = record._field_defaults
    trailing = record._fields[len(record._fields) - len(defaults) :]
    assert tuple(defaults) == trailing, f"{record.__name__}: a field without a default follows one with"
    return collections.namedtuple(record.__name__, record._fields, defaults=tuple(defaults.values()))


def _values(record: type[Any]) -> tuple[int, ...]:
    return tuple(range(10, 10 + len(record._fields)))


def _outcome(call: Callable[[], object]) -> object:
    """What a call returns, or the type of what it raises."""
    try:
        return call()
    except Exception as error:  # the exception's type is the outcome compared
        return type(error)


def _set_first_field(instance: Any) -> None:
    setattr(instance, instance._fields[0], 0)


def _set_new_attribute(instance: Any) -> None:
    instance.extra = 0


def _length(values: tuple[Any, ...]) -> int:
    return len(values)


def _plain_subclass(record: type[Any]) -> object:
    """What a subclass that only adds a method makes of the record's values."""
    metaclass: Any = type(record)  # as a class statement would make it
    subclass = metaclass("Sub", (record,), {"extra": _length})
    instance = subclass(*_values(record))
    return (subclass._fields, repr(instance), instance.extra(), hasattr(instance, "__dict__"))


def _copy_replace(instance: Any, field: str) -> Any:
    """copy.replace(instance, field=0) where Python has it (3.13), else _replace."""
    replace = getattr(copy, "replace", None)
    return replace(instance, **{field: 0}) if replace else instance._replace(**{field: 0})


def _match_positionally(instance: Any) -> object:
    record = type(instance)
    first = record._fields[0]
    match instance:
        case record(value):  # __match_args__ binds the first field
            return (first, value)
    return "no match"


BEHAVIOURS: list[tuple[str, Callable[[type[Any]], object]]] = [
    ("repr", lambda cls: repr(cls(*_values(cls)))),
    ("equal to a plain tuple", lambda cls: cls(*_values(cls)) == _values(cls)),
    ("hash of a plain tuple", lambda cls: hash(cls(*_values(cls))) == hash(_values(cls))),
    ("fields read by name", lambda cls: [getattr(cls(*_values(cls)), name) for name in cls._fields]),
    ("built by keyword", lambda cls: tuple(cls(**dict(zip(cls._fields, _values(cls), strict=True))))),
    ("built with its defaults", lambda cls: tuple(cls(*_values(cls)[: len(cls._fields) - len(cls._field_defaults)]))),
    ("unpacked", lambda cls: [*cls(*_values(cls))]),
    ("_fields", lambda cls: cls._fields),
    ("_field_defaults", lambda cls: cls._field_defaults),
    ("__match_args__", lambda cls: cls.__match_args__),
    ("matched by position", lambda cls: _match_positionally(cls(*_values(cls)))),
    ("_asdict, in field order", lambda cls: list(cls(*_values(cls))._asdict().items())),
    ("signature", lambda cls: str(inspect.signature(cls))),
    ("a plain subclass", _plain_subclass),
    ("_replace", lambda cls: tuple(cls(*_values(cls))._replace(**{cls._fields[-1]: 0}))),
    ("_replace of an unknown field", lambda cls: _outcome(lambda: cls(*_values(cls))._replace(nope=0))),
    ("_make", lambda cls: tuple(cls._make(_values(cls)))),
    ("copy.replace, from Python 3.13", lambda cls: tuple(_copy_replace(cls(*_values(cls)), cls._fields[0]))),
    ("_make of too few", lambda cls: _outcome(lambda: cls._make(_values(cls)[:-1]))),
    ("too many arguments", lambda cls: _outcome(lambda: cls(*_values(cls), 0))),
    ("too few arguments", _outcome),  # the class called with nothing
    ("an unknown keyword", lambda cls: _outcome(lambda: cls(*_values(cls), nope=0))),
    ("a field given twice", lambda cls: _outcome(lambda: cls(*_values(cls), **{cls._fields[0]: 0}))),
    ("a field set", lambda cls: _outcome(lambda: _set_first_field(cls(*_values(cls))))),
    ("a new attribute set", lambda cls: _outcome(lambda: _set_new_attribute(cls(*_values(cls))))),
    ("no __dict__", lambda cls: hasattr(cls(*_values(cls)), "__dict__")),
    ("a tuple", lambda cls: isinstance(cls(*_values(cls)), tuple)),
    ("copy", lambda cls: tuple(copy.copy(cls(*_values(cls))))),
    ("slicing gives a plain tuple", lambda cls: type(cls(*_values(cls))[:1])),
]


def test_the_records_are_the_module_s_named_tuples() -> None:
    names = [record.__name__ for record in RECORDS]
    assert set(PUBLIC) <= set(names)
    assert len(names) == 15


# The public classes' fields and defaults are the API; _LineResult is the other class with defaults.
FIELDS: dict[type[Any], tuple[tuple[str, ...], dict[str, object]]] = {
    summarize.Sentence: (("index", "text", "score"), {}),
    summarize.Summary: (("sentences", "keywords", "title", "total_sentences", "total_words"), {}),
    summarize.Article: (("title", "sentences"), {}),
    summarize.WebPage: (("title", "text", "url", "date", "author"), {"url": None, "date": None, "author": None}),
    summarize._LineResult: (
        ("number", "size", "output", "error", "replaced", "no_arabic"),
        {"output": "", "error": "", "replaced": (), "no_arabic": False},
    ),
}


@pytest.mark.parametrize("record", FIELDS, ids=[record.__name__ for record in FIELDS])
def test_fields_and_defaults_are_the_annotated_ones(record: type[Any]) -> None:
    assert (record._fields, record._field_defaults) == FIELDS[record]


def test_a_record_without_fields_is_refused() -> None:
    base = summarize.Sentence.__bases__[0]  # _Record, which type checkers see as typing.NamedTuple
    with pytest.raises(TypeError, match="Empty: a record needs annotated fields"):
        type(base)("Empty", (base,), {})


@pytest.mark.parametrize(("behaviour", "outcome"), BEHAVIOURS, ids=[name for name, _ in BEHAVIOURS])
@pytest.mark.parametrize("record", RECORDS, ids=[record.__name__ for record in RECORDS])
def test_each_record_behaves_as_its_namedtuple_twin(
    record: type[Any], behaviour: str, outcome: Callable[[type[Any]], object]
) -> None:
    assert outcome(record) == outcome(_twin(record)), behaviour


@pytest.mark.parametrize("record", RECORDS, ids=[record.__name__ for record in RECORDS])
def test_each_record_survives_pickle_and_deepcopy_as_itself(record: type[Any]) -> None:
    instance = record(*_values(record))
    for copied in (pickle.loads(pickle.dumps(instance)), copy.deepcopy(instance)):
        assert (type(copied), copied) == (record, instance)


def test_a_summary_repr_names_its_fields() -> None:
    sentence = summarize.Sentence(index=0, text="نص", score=1.0)
    assert repr(sentence) == "Sentence(index=0, text='نص', score=1.0)"
    assert repr(summarize.WebPage(title=None, text="نص")) == (
        "WebPage(title=None, text='نص', url=None, date=None, author=None)"
    )
