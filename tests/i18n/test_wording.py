"""The default wording in any language, without Sphinx, several in one process."""

from __future__ import annotations

import subprocess
import sys

from sphinx_cookiecharter.core.model import Duration
from sphinx_cookiecharter.i18n.wording import Wording, catalog_languages, wording


def test_two_languages_in_one_process() -> None:
    english, french = wording("en"), wording("fr")
    assert english.category_title("necessary") == "Necessary cookies"
    assert french.category_title("necessary") == "Cookies nécessaires"
    # Asking again for English after French still gives English: nothing is global.
    assert wording("en").column_header("provider") == "Provider"
    assert french.column_header("provider") == "Nom du prestataire"


def test_regional_codes_fall_back_to_their_language_then_english() -> None:
    assert Wording("fr-CA").language == "fr"
    assert Wording("fr_BE").category_title("statistics") == "Cookies statistiques"
    assert Wording("xx").language == "en"
    assert Wording(None).language == "en"
    assert {"en", "fr"} <= catalog_languages()


def test_durations_in_the_wording_language() -> None:
    thirteen = Duration.parse("13 months")
    assert wording("en").duration(thirteen) == "13 months"
    assert wording("fr").duration(thirteen) == "13\N{NO-BREAK SPACE}mois"  # CLDR's spacing
    assert wording("fr").duration(Duration.parse("session")) != wording("en").duration(
        Duration.parse("session")
    )


def test_the_wording_does_not_load_sphinx() -> None:
    code = (
        "import sys\n"
        "from sphinx_cookiecharter.i18n.wording import wording\n"
        "assert wording('fr').category_title('necessary') == 'Cookies nécessaires'\n"
        "assert 'sphinx' not in sys.modules, 'Sphinx was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_banner_counts_services_only_where_two_forms_are_enough() -> None:
    """cookieconsent takes one label for one service and one for any more."""
    from sphinx_cookiecharter.i18n.banner import banner_wording

    assert banner_wording("en").services() == "service|services"
    assert banner_wording("de").services() == "Dienst|Dienste"
    # Polish says "2 usługi" but "5 usług": no label, the number alone.
    assert banner_wording("pl").services() == ""


def test_norwegian_is_written_in_bokmal() -> None:
    assert Wording("no").language == "nb"
    assert Wording("no_NO").language == "nb"
    assert Wording("nb_NO").language == "nb"
