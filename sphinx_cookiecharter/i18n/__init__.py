"""Languages: codes and fallbacks, the charter's default wording, Babel formatting.

Nothing here imports Sphinx or docutils: the wording for any language comes from the
extension's own gettext catalogs, so one process can write several languages.
"""
