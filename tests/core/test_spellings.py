"""Durations: the schema's pattern and the model's parser accept the same spellings."""

from __future__ import annotations

import csv
import random
import re

import pytest

from sphinx_cookiecharter.core import spellings
from sphinx_cookiecharter.core.model import Duration
from sphinx_cookiecharter.core.schema import schema
from tests.paths import TESTS

PATTERN = re.compile(schema()["$defs"]["duration"]["oneOf"][0]["pattern"])
OCD = TESTS / "data" / "open-cookie-database" / "open-cookie-database.csv"


def schema_accepts(text: str) -> bool:
    return PATTERN.search(text) is not None


def test_the_shipped_schema_holds_the_generated_pattern():
    assert PATTERN.pattern == spellings.schema_pattern(), (
        "the duration pattern of the schema is out of date: paste the output of "
        "`python -m sphinx_cookiecharter.core.spellings` into declaration.schema.json"
    )


def _cases(word: str) -> list[str]:
    return sorted({word, word.upper(), word.title(), word.capitalize()})


@pytest.mark.parametrize("word", spellings.SESSION + spellings.PERSISTENT)
def test_every_word_in_any_case(word):
    kind = "session" if word in spellings.SESSION else "persistent"
    for spelled in _cases(word):
        assert schema_accepts(spelled), spelled
        assert Duration.parse(spelled) == Duration(kind), spelled


@pytest.mark.parametrize(
    ("unit", "spelling"),
    [(unit, spelling) for unit, words in spellings.UNITS.items() for spelling in words],
)
def test_every_unit_spelling_in_any_case(unit, spelling):
    for spelled in _cases(spelling):
        for text in (f"3 {spelled}", f"3{spelled}", f"  3  {spelled} "):
            assert schema_accepts(text), text
            assert Duration.parse(text) == Duration("fixed", ((3, unit),)), text


@pytest.mark.parametrize(
    "text",
    [
        "5 m",
        "1 fortnight",
        "1.5 hours",
        "-1 days",
        "Unknown",
        "1 week to 1 year",
        "P",
        "PT",
        "P1DT",
        "1 day 2 hours",
        "session\n",
        "\tsession",
        "ſession",
        "1 \u212aelvin",
        "１ day",
    ],
)
def test_refused_by_both(text):
    assert not schema_accepts(text)
    with pytest.raises(ValueError, match="not a duration"):
        Duration.parse(text)


def _verdicts_agree(text: str) -> None:
    assert schema_accepts(text) == (spellings.read(text) is not None), repr(text)


def test_schema_and_parser_agree_on_the_open_cookie_database():
    with OCD.open(encoding="utf-8", newline="") as file:
        values = {row["Retention period"] for row in csv.DictReader(file)}
    for value in values:
        _verdicts_agree(value)


def test_schema_and_parser_agree_on_random_text():
    generator = random.Random(10)
    alphabet = "0123456789 ptymwdhsPTYMWDHS.-\nforevsin(ub)"
    pieces = [*spellings.SESSION, *spellings.PERSISTENT, *spellings.UNITS["minute"], "P1Y", "T"]
    for _ in range(20_000):
        if generator.random() < 0.5:
            text = "".join(generator.choice(alphabet) for _ in range(generator.randint(0, 8)))
        else:
            text = f"{generator.randint(0, 99)}{generator.choice(['', ' '])}"
            text += generator.choice(pieces)
            if generator.random() < 0.3:
                text = text.swapcase()
        _verdicts_agree(text)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("13 mnths", "; did you mean '13 months'?"),
        ("Seesion", "; did you mean 'session'?"),
        ("5 m", "; 'm' could be months or minutes: write '5 months' or '5 minutes'"),
        ("Local Storage", "; a local storage key lasts until it is cleared: write 'persistent'"),
        ("10 Nov 2030", "; give how long the cookie lives, not the date it expires"),
        ("Unknown", ""),
    ],
)
def test_hints(text, hint):
    assert spellings.hint(text) == hint
