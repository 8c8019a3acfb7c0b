"""The declaration model: localized texts, durations and the declaration's queries."""

from __future__ import annotations

import copy
import pickle

import pytest

from sphinx_cookiecharter.core.load import parse_declaration
from sphinx_cookiecharter.core.model import (
    Category,
    Cookie,
    Declaration,
    Duration,
    LocalizedText,
    Position,
    Provider,
)

# --- LocalizedText ---------------------------------------------------------------------


def test_mapping_is_not_plain():
    assert LocalizedText.of("Same everywhere").is_plain
    assert not LocalizedText.of({"de": "Hallo", "en": "Hello"}).is_plain
    assert not LocalizedText.of({"en": "Only one"}).is_plain


def test_position_does_not_take_part_in_equality():
    assert LocalizedText.of("x", Position(3, 4)) == LocalizedText.of("x", Position(9))


# --- Duration -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "parts"),
    [
        ("session", "session", ()),
        ("persistent", "persistent", ()),
        ("30 days", "fixed", ((30, "day"),)),
        ("1 day", "fixed", ((1, "day"),)),
        ("13 months", "fixed", ((13, "month"),)),
        ("2 years", "fixed", ((2, "year"),)),
        ("1 hour", "fixed", ((1, "hour"),)),
        ("45 minutes", "fixed", ((45, "minute"),)),
        ("10 seconds", "fixed", ((10, "second"),)),
        ("3 weeks", "fixed", ((3, "week"),)),
        ("30days", "fixed", ((30, "day"),)),
        ("1 year", "fixed", ((1, "year"),)),
        ("  6 months  ", "fixed", ((6, "month"),)),
        ("P13M", "fixed", ((13, "month"),)),
        ("P1Y6M", "fixed", ((1, "year"), (6, "month"))),
        ("PT30M", "fixed", ((30, "minute"),)),
        ("P2W", "fixed", ((2, "week"),)),
        ("P1DT12H", "fixed", ((1, "day"), (12, "hour"))),
        ("PT1H30M15S", "fixed", ((1, "hour"), (30, "minute"), (15, "second"))),
        # Real-world spellings: any case, abbreviations, synonyms (issue #10).
        ("Session", "session", ()),
        ("End of session (browser)", "session", ()),
        ("forever", "persistent", ()),
        ("Persistent", "persistent", ()),
        ("1 Year", "fixed", ((1, "year"),)),
        ("30 mins", "fixed", ((30, "minute"),)),
        ("90 sec", "fixed", ((90, "second"),)),
        ("24h", "fixed", ((24, "hour"),)),
        ("2 year", "fixed", ((2, "year"),)),
        ("p1y", "fixed", ((1, "year"),)),
    ],
)
def test_duration_spellings(text, kind, parts):
    duration = Duration.parse(text)
    assert duration.kind == kind
    assert duration.parts == parts


def test_iso_months_and_minutes_are_told_apart():
    assert Duration.parse("P1M").parts == ((1, "month"),)
    assert Duration.parse("PT1M").parts == ((1, "minute"),)


@pytest.mark.parametrize(
    "text",
    [
        "P",
        "PT",
        "P1Y2",
        "P1DT",
        "13 mnths",
        "-1 days",
        "1.5 hours",
        "",
        "   ",
        "days",
        "1 fortnight",
        "5 m",
        "Sessions please",
        "P1Y 6M",
        "1 day 2 hours",
    ],
)
def test_invalid_durations_raise(text):
    with pytest.raises(ValueError, match="not a duration"):
        Duration.parse(text)


@pytest.mark.parametrize(
    ("text", "spelled"),
    [
        ("session", "session"),
        ("persistent", "persistent"),
        ("1 day", "1 day"),
        ("30days", "30 days"),
        ("P1Y6M", "1 year 6 months"),
        ("P1DT12H", "1 day 12 hours"),
    ],
)
def test_duration_as_text(text, spelled):
    assert str(Duration.parse(text)) == spelled


def test_free_text_duration():
    text = LocalizedText.of({"en": "1 week to 1 year", "fr": "1 semaine à 1 an"})
    duration = Duration.free_text(text)
    assert duration.kind == "text"
    assert duration.parts == ()
    assert duration.text == text
    assert str(duration) == "1 week to 1 year"


# --- Declaration ----------------------------------------------------------------------


def _cookie(name: str, category: str) -> Cookie:
    return Cookie(
        name=name,
        provider=Provider("Someone"),
        category=category,
        purpose=LocalizedText.of("A purpose."),
        consent="required",
    )


CATEGORIES = (
    Category("necessary", "exempt"),
    Category("preferences", "required"),
    Category("statistics", "required"),
    Category("marketing", "required"),
    Category("support", "exempt", LocalizedText.of("Help desk")),
    Category("video", "required", LocalizedText.of("Videos")),
)

DECLARATION = Declaration(
    source="test",
    cookies=(
        _cookie("played", "video"),
        _cookie("_pk_id.*", "statistics"),
        _cookie("sessionid", "necessary"),
        _cookie("_pk_ses.*", "statistics"),
        _cookie("csrftoken", "necessary"),
        _cookie("chat", "support"),
    ),
    categories=CATEGORIES,
)


def test_categories_in_use_follow_display_order_not_cookie_order():
    used = [category.id for category in DECLARATION.categories_in_use()]
    assert used == ["necessary", "statistics", "support", "video"]


def test_categories_in_use_with_only_keeps_display_order():
    only = ("video", "necessary", "marketing")
    used = [category.id for category in DECLARATION.categories_in_use(only)]
    assert used == ["necessary", "video"]


def test_categories_in_use_with_only_an_unused_category():
    assert DECLARATION.categories_in_use(("marketing",)) == []
    assert DECLARATION.categories_in_use(()) == []


def test_no_cookies_no_categories_in_use():
    assert Declaration("empty", categories=CATEGORIES).categories_in_use() == []


def test_cookies_in_keeps_declaration_order():
    assert [c.name for c in DECLARATION.cookies_in("statistics")] == ["_pk_id.*", "_pk_ses.*"]
    assert [c.name for c in DECLARATION.cookies_in("necessary")] == ["sessionid", "csrftoken"]
    assert DECLARATION.cookies_in("marketing") == []


def test_category_lookup():
    assert DECLARATION.category("support") == CATEGORIES[4]
    assert DECLARATION.category("support").is_default is False
    assert DECLARATION.category("necessary").is_default is True
    assert DECLARATION.category("nothing") is None


def test_wildcard_cookie():
    assert _cookie("_ga_*", "statistics").is_wildcard
    assert not _cookie("_ga", "statistics").is_wildcard


def test_text_lookup():
    intro = LocalizedText.of("Our own introduction.")
    declaration = Declaration("t", texts=(("intro", intro),))
    assert declaration.text("intro") == intro
    assert declaration.text("manage") is None


# --- pickling ---------------------------------------------------------------------------


def test_a_declaration_pickles_as_constructor_calls_and_keeps_its_positions():

    text = (
        "version: 1\nproviders:\n  - {id: site, name: Site, country: US}\n"
        "cookies:\n  - name: sid\n    provider: site\n"
        "    category: necessary\n    purpose: {en: Keeps you signed in, fr: Session}\n"
        "    duration: 13 months\n"
    )
    declaration = parse_declaration(text, "yaml", source="c.yaml").declaration
    assert declaration is not None
    cookie = declaration.cookies[0]
    # The class and its values, not the per-instance state dataclasses would look up.
    reduced = cookie.__reduce__()
    assert reduced[0] is Cookie
    assert reduced[1][0] == "sid"
    restored = pickle.loads(pickle.dumps(declaration, pickle.HIGHEST_PROTOCOL))
    assert restored == declaration
    # Fields left out of equality come back too.
    again = restored.cookies[0]
    assert again.position == cookie.position == Position(5, 5)
    assert again.purpose.position == cookie.purpose.position is not None
    assert copy.deepcopy(cookie) == cookie
