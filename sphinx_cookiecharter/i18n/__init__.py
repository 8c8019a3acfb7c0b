"""Languages: codes and fallbacks, the charter's default wording, Babel formatting.

Nothing here imports Sphinx or docutils: the wording for any language comes from the
extension's own gettext catalogs, so one process can write several languages.
"""

from pathlib import Path

#: The catalog's name: ``locales/<lang>/LC_MESSAGES/sphinx_cookiecharter.mo``.
CATALOG = "sphinx_cookiecharter"
#: Where the compiled catalogs are.
LOCALES = Path(__file__).resolve().parent / "locales"
