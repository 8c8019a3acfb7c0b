"""What the charter says and how it is laid out, in English and French."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from docutils import nodes

from sphinx_cookiecharter.core.vocabulary import COLUMNS
from tests.sphinxext.doctrees import (
    EMPTY,
    SECTION_CLASSES,
    charter_sections,
    table_rows,
    titles,
    words,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


def test_sections_in_order_nested_under_the_page_heading(
    build: Callable[..., SphinxTestApp],
) -> None:
    app = build("basic", "html")
    sections = charter_sections(app)
    assert [s["classes"][1] for s in sections] == SECTION_CLASSES
    assert titles(sections) == [
        "About cookies on this site",
        "What is a cookie?",
        "Kinds of cookies",
        "Cookies set on https://docs.example.org and their purposes",
        "Accepting or refusing cookies",
        "Last update",
    ]
    for section in sections:
        assert isinstance(section.parent, nodes.section)
        assert section.parent[0].astext() == "Cookie charter"
    # They are real sections: the page's table of contents lists them under its title.
    toc = app.env.tocs["index"].astext()
    for title in titles(sections):
        assert title in toc
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert (
        '<section class="cookiecharter-section cookiecharter-section-what" id="what-is-a-cookie">'
        in html
    )


def test_tables_one_per_category_in_design_order(build: Callable[..., SphinxTestApp]) -> None:
    app = build("basic", "html")
    doctree = app.env.get_doctree("index")
    tables = list(doctree.findall(nodes.table))
    assert [t["classes"][:2] for t in tables] == [
        ["cookiecharter", "cookiecharter-necessary"],
        ["cookiecharter", "cookiecharter-preferences"],
        ["cookiecharter", "cookiecharter-statistics"],
        ["cookiecharter", "cookiecharter-marketing"],
        ["cookiecharter", "cookiecharter-social"],
    ]
    assert [t[0].astext() for t in tables] == [
        "Necessary cookies",
        "Preference cookies",
        "Statistics cookies",
        "Marketing cookies",
        "Social media cookies",
    ]
    assert table_rows(tables[2]) == [
        [
            "Provider",
            "Service and location",
            "Cookie name",
            "Purpose",
            "Duration",
            "Set by",
            "Storage",
            "Domain",
        ],
        [
            "Stats_Provider #1",
            "Audience measurement",
            "_st_*",
            "Counts visits #per page & 50% sampling_rate.",
            "13 months",
            "A third party",
            "Cookie",
            ".stats.example.com",
        ],
        [
            "Stats_Provider #1",
            EMPTY,
            "_st_id",
            "Tells visitors apart.",
            "2 years",
            "A third party",
            "Cookie",
            EMPTY,
        ],
    ]
    header = next(tables[2].findall(nodes.row))
    assert [entry["classes"] for entry in header] == [
        [f"cookiecharter-{column}"] for column in COLUMNS[:8]
    ]
    # Declaration order inside a category, whatever the storage.
    assert [row[2] for row in table_rows(tables[1])[1:]] == ["theme", "theme"]
    assert table_rows(tables[3])[1][4] == "1 year and 6 months"


def test_names_are_literals_rows_have_anchors_providers_link(
    build: Callable[..., SphinxTestApp],
) -> None:
    app = build("basic", "html")
    doctree = app.env.get_doctree("index")
    rows = [row for row in doctree.findall(nodes.row) if row["ids"]]
    assert [row["ids"] for row in rows] == [
        ["cookie-session-id"],
        ["cookie-theme-local-storage"],  # two cookies named theme: their storage
        ["cookie-theme-session-storage"],  # tells them apart, whatever the page
        ["cookie-st-any"],
        ["cookie-st-id"],
        ["cookie-ad-track"],
        ["cookie-share"],
    ]
    names = [row[2][0][0] for row in rows]
    assert all(isinstance(name, nodes.literal) for name in names)
    links = {ref.astext(): ref["refuri"] for ref in doctree.findall(nodes.reference)}
    assert links["Stats_Provider #1"] == "https://stats.example.com/privacy"
    assert "Ads & Partners" not in links  # no privacy_policy: plain text
    assert links["dpo@example.org"] == "mailto:dpo@example.org"
    assert links["the cookie settings"] == "https://docs.example.org/cookies#settings"
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert '<tr class="row-odd" id="cookie-session-id">' in html or 'id="cookie-session-id"' in html
    assert [t["ids"] for t in doctree.findall(nodes.table)] == [
        ["cookies-necessary"],
        ["cookies-preferences"],
        ["cookies-statistics"],
        ["cookies-marketing"],
        ["cookies-social"],
    ]
    # The tables-only page shows the same cookies with :no-index:: no anchor of ours
    # (Sphinx numbers the captioned tables itself), filtered categories.
    tables = list(app.env.get_doctree("tables").findall(nodes.table))
    assert [t[0].astext() for t in tables] == ["Statistics cookies", "Marketing cookies"]
    assert not any(t["ids"][0].startswith("cookies-") for t in tables)
    assert not any(row["ids"] for t in tables for row in t.findall(nodes.row))


def test_explanatory_text_covers_what_the_rules_ask(build: Callable[..., SphinxTestApp]) -> None:
    app = build("basic", "html")
    text = words(app)
    for expected in (
        # what a cookie is, and the other kinds in use, named
        "the site may answer with a cookie",
        "Besides cookies, this site uses the browser's local storage, the browser's session "
        "storage (emptied when the tab closes) and tracking pixels",
        # kinds: the categories and parties in use, each with its consent as declared
        "Necessary cookies are those without which",
        "These cookies need no consent",
        "Statistics cookies measure how the site is used",
        "Preference cookies remember settings",
        "Marketing cookies follow your browsing",
        "Social media cookies let you share pages",
        "These cookies are only set once you have agreed to them.",
        "First-party cookies are stored under the address of the site you are visiting",
        "Third-party cookies are stored under the address of another organisation",
        # what they are used for on the site, naming it, counting kinds right
        "The 7 cookies and similar technologies used on https://docs.example.org are listed below.",
        "Some of them are set by other organisations: Stats_Provider #1 and Ads & Partners.",
        # accept, refuse, withdraw at any time, consequences, how long
        "withdraw your consent at any time from the cookie settings",
        "If you refuse, none of the cookies that need your consent is set",
        "is remembered for 6 months",
        # controller and contact, last update
        "The data controller for this site and its cookies is Example & Co.",
        "contact dpo@example.org",
        "This charter was last updated on 28 November 2026.",
    ):
        assert expected in text
    for unsupported in (
        # nothing the declaration does not say
        "category by category",
        "as easily as",
        "does not stop you from using the site",
        "such as audience measurement",
        "anonymous",
    ):
        assert unsupported not in text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "28 November 2026",
                "13 months",
                "2 years",
                "1 year and 6 months",
                "30 days",
                "Until the browser is closed",
                "Remembers the colour scheme",
            ],
        ),
        (
            "fr",
            [
                "28 novembre 2026",
                "13 mois",
                "2 ans",
                "1 an et 6 mois",
                "30 jours",
                "Jusqu'à la fermeture du navigateur",
                "Retient le thème de couleurs",
                "Nom du prestataire",
                "Comment fonctionne un cookie ?",
            ],
        ),
        # German has its catalog: its wording, and Babel's German dates and durations.
        ("de", ["28. November 2026", "13 Monate", "Was ist ein Cookie?", "Laufzeit"]),
        # No catalog for Esperanto: English wording, dates and durations alike.
        ("eo", ["28 November 2026", "13 months", "What is a cookie?"]),
        # A regional variant uses its base language's catalog.
        ("fr_CA", ["28 novembre 2026", "13 mois"]),
    ],
)
def test_build_language_picks_wording_dates_durations(
    build: Callable[..., SphinxTestApp], language: str, expected: list[str]
) -> None:
    app = build("basic", "html", confoverrides={"language": language})
    text = words(app)
    for item in expected:
        assert item in text


def test_french_model_page_is_reproduced(build: Callable[..., SphinxTestApp]) -> None:
    app = build("model-fr", "html", examples=("model-fr.yaml",))
    assert app.warning.getvalue() == ""
    sections = charter_sections(app)
    assert titles(sections) == [
        "À propos des cookies sur ce site",
        "Comment fonctionne un cookie\u00a0?",
        "Les différents types de cookies",
        "Les cookies déposés sur https://anglet-opendatapaysbasque.opendatasoft.com et leurs "
        "finalités",
        # Only necessary cookies: nothing to accept or refuse, only to block.
        "Bloquer ou supprimer les cookies",
    ]
    usage = sections[3]
    tables = list(usage.findall(nodes.table))
    assert len(tables) == 1
    assert tables[0][0].astext() == (
        "Cookies nécessaires au bon fonctionnement de la plateforme / cookies fonctionnels"
    )
    assert table_rows(tables[0]) == [
        ["Nom du prestataire", "Service et emplacement", "Nom du cookie", "Finalités"],
        [
            "Opendatasoft",
            "Authentification (front et back office)",
            "sessionid",
            "Se souvenir de l'utilisateur d'une page à une autre.",
        ],
        [
            "Opendatasoft",
            "Sélection de la langue (front et back office)",
            "django_language",
            "Se souvenir de la langue du visiteur",
        ],
        [
            "Opendatasoft",
            "API (CSRF) (front et back office)",
            "csrftoken",
            "Récupérer des données via des appels API",
        ],
        [
            "Opendatasoft",
            "Choix concernant vos préférences sur les cookies",
            "cookies_preferences",
            "Permet de se souvenir du choix opéré par le visiteur concernant les cookies",
        ],
    ]
    # The site is named, as a link, before the table.
    lead = usage[1]
    assert isinstance(lead, nodes.paragraph)
    assert lead.next_node(nodes.reference)["refuri"] == (
        "https://anglet-opendatapaysbasque.opendatasoft.com"
    )
    # Only what is declared: necessary, first-party cookies (no statistics, no third party).
    kinds = sections[2].astext()
    assert "cookies nécessaires" in kinds.lower()
    assert "exemptés de consentement" in kinds
    assert "internes" in kinds
    assert "statistiques" not in kinds
    assert "tiers" not in kinds


def test_docs_site_example_renders_with_durations(
    build: Callable[..., SphinxTestApp], project: Callable[..., Path]
) -> None:
    srcdir = project("model-fr", "docs-site.yaml")
    (srcdir / "index.rst").write_text(
        "Cookies\n=======\n\n.. cookie-charter:: docs-site.yaml\n"
        "   :columns: provider, service, name, purpose, duration\n"
    )
    app = build("model-fr", srcdir=srcdir, confoverrides={"language": "en"})
    assert app.warning.getvalue() == ""
    tables = list(app.env.get_doctree("index").findall(nodes.table))
    rows = {row[2]: row for table in tables for row in table_rows(table)[1:]}
    assert rows["theme"][4] == "Until you clear your browser's data"
    assert rows["_xa_*"][4] == "13 months"
    assert rows["_xa_gid"][4] == "1 day"
    assert rows["cookie_consent"][4] == "6 months"
    text = words(app)
    assert "is remembered for 6 months" in text
    assert "Some of them are set by other organisations: Example Analytics." in text
