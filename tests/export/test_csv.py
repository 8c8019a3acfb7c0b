"""The CSV export: the Open Cookie Database's columns first, and a round trip."""

from __future__ import annotations

import csv
import io
import json

import pytest

from sphinx_cookiecharter.api import export, load, parse
from sphinx_cookiecharter.export.csv import OCD_COLUMNS, declaration_data, header
from tests.export.test_json import DECLARATION_FILES
from tests.paths import EXAMPLES, TESTS

OCD = TESTS / "export" / "data" / "open-cookie-database" / "excerpt.csv"


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def back(text: str):
    """CSV -> declaration, checked by the loader as any declaration is."""
    result = parse(json.dumps(declaration_data(text)), "json", source="<csv>")
    assert result.ok, result.diagnostics
    return result.declaration


def test_the_first_columns_are_the_open_cookie_databases():
    with OCD.open(encoding="utf-8") as file:
        theirs = next(csv.reader(file))
    assert list(OCD_COLUMNS) == theirs
    exported = export(load(EXAMPLES / "docs-site.yaml").declaration, "csv")
    assert next(csv.reader(io.StringIO(exported)))[: len(theirs)] == theirs


def test_one_row_per_cookie_filled_in_where_the_columns_match():
    declaration = load(EXAMPLES / "docs-site.yaml").declaration
    table = rows(export(declaration, "csv", ["en", "fr"]))
    assert [row["Cookie / Data Key name"] for row in table] == [
        "theme",
        "cookie_consent",
        "_xa",
        "_xa_",  # the database writes a wildcard as its prefix, with the flag set
        "_xa_gid",
    ]
    xa = table[2]
    assert xa["Platform"] == xa["Data Controller"] == "Example Analytics"
    assert xa["Category"] == "Analytics"
    assert xa["Domain"] == ".example.org"
    assert xa["Description"] == "Tells visits of the same browser apart to count unique visitors."
    assert xa["Retention period"] == "13 months"
    assert xa["User Privacy & GDPR Rights Portals"] == "https://analytics.example.com/privacy"
    assert [row["Wildcard match"] for row in table] == ["0", "0", "0", "1", "0"]
    assert [row["Category"] for row in table] == [
        "Personalization",
        "Functional",
        "Analytics",
        "Analytics",
        "Analytics",
    ]
    # The declaration's own columns after them, texts once per language.
    assert list(table[0])[len(OCD_COLUMNS) :] == header(["en", "fr"])[len(OCD_COLUMNS) :]
    assert xa["duration"] == "P13M"
    assert xa["party"] == "third"
    assert table[0]["storage"] == "local-storage"
    assert "purpose:fr" in xa


def test_ids_are_stable_uuids():
    declaration = load(EXAMPLES / "docs-site.yaml").declaration
    first = [row["ID"] for row in rows(export(declaration, "csv"))]
    again = [row["ID"] for row in rows(export(declaration, "csv", ["fr"]))]
    assert first == again
    assert len(set(first)) == len(first)
    assert all(len(value) == 36 and value.count("-") == 4 for value in first)


def test_a_wildcard_that_is_not_a_prefix_keeps_its_star():
    declaration = parse(
        "cookies:\n"
        "  - {name: '*_session', provider: P, category: necessary, purpose: x}\n"
        "  - {name: 'a*b', provider: P, category: necessary, purpose: y}\n"
    ).declaration
    table = rows(export(declaration, "csv"))
    assert [(r["Cookie / Data Key name"], r["Wildcard match"]) for r in table] == [
        ("*_session", "1"),
        ("a*b", "1"),
    ]
    assert [c.name for c in back(export(declaration, "csv")).cookies] == ["*_session", "a*b"]


def test_commas_quotes_and_line_breaks_survive():
    declaration = parse(
        "cookies:\n"
        "  - name: a\n"
        "    provider: 'Quote \"Co\", Ltd'\n"
        "    category: necessary\n"
        '    purpose: "One, two.\\n\\nThree"\n'
    ).declaration
    text = export(declaration, "csv")
    assert rows(text)[0]["Platform"] == 'Quote "Co", Ltd'
    assert back(text).cookies[0].purpose.translations == (("en", "One, two.\n\nThree"),)


@pytest.mark.parametrize("path", DECLARATION_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("languages", [None, ["fr", "en"]], ids=str)
def test_round_trip_csv_declaration_csv(path, languages):
    """A CSV export read back gives a declaration that exports to the same CSV."""
    first = export(load(path).declaration, "csv", languages)
    again = export(back(first), "csv", languages)
    assert again == first


def test_round_trip_keeps_every_cookie_fact():
    original = load(EXAMPLES / "banner-demo.yaml").declaration
    read = back(export(original, "csv", ["en", "fr"]))
    for before, after in zip(original.cookies, read.cookies, strict=True):
        assert (before.name, before.category, before.consent, before.party) == (
            after.name,
            after.category,
            after.consent,
            after.party,
        )
        assert (before.storage, before.domain, before.duration) == (
            after.storage,
            after.domain,
            after.duration,
        )
        assert dict(before.purpose.translations) == dict(after.purpose.translations)
        assert before.provider.name == after.provider.name
        assert before.provider.privacy_policy == after.provider.privacy_policy
        assert before.provider.country == after.provider.country


def test_a_declared_category_travels_with_its_title():
    declaration = parse(
        "categories:\n"
        "  video:\n"
        "    title: {en: Video cookies, fr: Cookies vidéo}\n"
        "cookies: [{name: v, provider: P, category: video, purpose: x}]\n"
    ).declaration
    text = export(declaration, "csv", ["en", "fr"])
    assert rows(text)[0]["Category"] == ""  # the database has no such category
    read = back(text)
    assert read.category("video").title.translations == (
        ("en", "Video cookies"),
        ("fr", "Cookies vidéo"),
    )


def test_rows_of_the_open_cookie_database_are_read():
    """A file in the database's own columns only: its rows become declared cookies."""
    declaration = back(OCD.read_text(encoding="utf-8"))
    by_name = {cookie.name: cookie for cookie in declaration.cookies}
    assert set(by_name) == {
        "__cfduid",
        "_hjIncludedInSessionSample*",
        "_ga",
        "_ga_*",
        "FPAU",
        "_gac_*",
    }
    assert by_name["_ga"].category == "statistics"
    assert by_name["_gac_*"].category == "marketing"
    assert by_name["__cfduid"].category == "necessary"
    assert by_name["_ga"].provider.name == "Google Analytics"
    assert str(by_name["_ga"].duration) == "2 years"
    assert by_name["FPAU"].duration.kind == "session"


def test_an_unknown_database_category_needs_consent_rather_than_passing_as_necessary():
    """``Security`` is the database's word for necessary cookies; a word it does not use
    becomes a category of its own, whose cookies need consent (never ``necessary``)."""
    rows = [
        "ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,"
        "Data Controller,User Privacy & GDPR Rights Portals,Wildcard match",
        "1,Cloudflare,Security,__cf_bm,,Tells bots apart.,30 minutes,Cloudflare,,0",
        "2,Share Co,Social media,share_id,,Counts shares.,1 year,Share Co,,0",
    ]
    declaration = back("\n".join(rows) + "\n")
    by_name = {cookie.name: cookie for cookie in declaration.cookies}
    assert by_name["__cf_bm"].category == "necessary"
    assert by_name["share_id"].category == "social-media"
    social = next(c for c in declaration.categories if c.id == "social-media")
    assert social.consent == "required"


def test_durations_only_words_can_give_travel_per_language():
    from tests.export.test_json import FREE_TEXT

    declaration = parse(FREE_TEXT).declaration
    text = export(declaration, "csv", ["en", "fr"])
    (row,) = rows(text)
    assert row["duration"] == ""
    assert row["Retention period"] == "14 days if you tick Remember me"
    assert row["duration_text:fr"] == "14 jours si vous cochez Se souvenir"
    again = back(text)
    assert again.cookies[0].duration == declaration.cookies[0].duration
    assert export(again, "csv", ["en", "fr"]) == text


def test_a_database_category_in_any_script_becomes_a_valid_category_id():
    """A category word that is not in Latin letters, that starts with a digit or that
    has accents still gives a category the loader accepts (an id of lowercase Latin
    letters, digits and hyphens), titled with the word itself."""
    rows = [
        "ID,Platform,Category,Cookie / Data Key name,Domain,Description,Retention period,"
        "Data Controller,User Privacy & GDPR Rights Portals,Wildcard match",
        "1,Share Co,Социальные сети,share_id,,Counts shares.,1 year,Share Co,,0",
        "2,Ad Co,広告,ad_id,,Shows ads.,1 year,Ad Co,,0",
        "3,Tag Co,3rd party,tag_id,,Tags.,1 year,Tag Co,,0",
        "4,Pref Co,Préférences d'affichage,pref_id,,Keeps a choice.,1 year,Pref Co,,0",
    ]
    declaration = back("\n".join(rows) + "\n")
    by_name = {cookie.name: cookie for cookie in declaration.cookies}
    titles = {c.id: c.title for c in declaration.categories}
    ids = {name: by_name[name].category for name in ("share_id", "ad_id", "tag_id", "pref_id")}
    assert len(set(ids.values())) == 4, ids
    assert ids["pref_id"] == "preferences-d-affichage"
    for name, word in (("share_id", "Социальные сети"), ("ad_id", "広告")):
        assert ids[name] not in ("necessary", "")
        assert titles[ids[name]] is not None
        assert titles[ids[name]].translations[0][1] == word
    for category in ids.values():
        assert next(c for c in declaration.categories if c.id == category).consent == "required"
