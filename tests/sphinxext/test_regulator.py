"""The elements a regulator expects, as real builders write them, in French and English."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.sphinxext.doctrees import words
from tests.sphinxext.projects import built_once

if TYPE_CHECKING:
    from collections.abc import Iterator


@pytest.fixture(scope="module")
def text_builds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The text builder's page in French and English (one build each, shared)."""
    pages = {}
    for language in ("fr", "en"):
        app = built_once(
            tmp_path_factory, "regulator", "text", confoverrides={"language": language}
        )
        try:
            assert app.warning.getvalue() == ""
            # The text builder's prose, and the doctree's words (table cells wrap there).
            page = (app.outdir / "index.txt").read_text("utf-8")
            pages[language] = " ".join(page.split()) + " | " + words(app)
        finally:
            app.cleanup()  # before the next build registers its nodes again
    yield pages


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fr",
            [
                "Le portail d'Exemple enregistre certaines informations sur votre appareil.",
                "Durée de vie",
                "Consentement",
                "Exempté de consentement",
                "Ne garde que le thème que vous avez choisi",
                "Soumis à votre consentement",
                "Pays du prestataire",
                "États-Unis",
                "Hors de l'Espace économique européen",
                "Cadre de protection des données UE-États-Unis",
                "de 1 semaine à 1 an",
                "13 mois",
                "en qualité de responsable du traitement",
                "Vous pouvez accepter ou refuser chaque catégorie de cookies séparément.",
                "la politique de confidentialité du site",
                "le 1er décembre 2025",
                "Les 5 traceurs (cookies et autres techniques)",
            ],
        ),
        (
            "en",
            [
                "The Example portal stores some information on your device.",
                "Needs your consent",
                "Keeps only the theme you chose",
                "United States",
                "Outside the European Economic Area",
                "EU-US Data Privacy Framework",
                "1 week to 1 year",
                "(as a controller)",
                "each category of cookies on its own",
                "the site's privacy policy",
                "1 December 2025",
                "The 5 cookies and similar technologies",
            ],
        ),
    ],
)
def test_the_charter_says_what_is_declared(
    text_builds: dict[str, str], language: str, expected: list[str]
) -> None:
    page = text_builds[language].replace("\u2019", "'")
    for item in expected:
        assert item in page, item
