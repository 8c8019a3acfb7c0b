# A Hebrew charter (right to left), in HTML and in PDF. The tests copy
# docs/examples/docs-site.yaml beside this file (the "docs-site" page shows it).
extensions = ["sphinx_cookiecharter"]
project = "Example Docs"
copyright = "2026, the test authors"
language = "he"
latex_domain_indices = False
# Hebrew in PDF: LuaLaTeX with babel, which runs the Unicode bidi algorithm itself
# (bidi=basic) and reads Hebrew from its locale file (provide=*); Sphinx's default font
# for LuaLaTeX, FreeSerif (Debian's fonts-freefont-otf), has the Hebrew letters. See
# docs/howto/languages.md for what Sphinx's defaults do with Hebrew and why not those.
latex_engine = "lualatex"
latex_elements = {
    "polyglossia": "",
    "babel": r"\usepackage[bidi=basic,provide=*]{babel}",
}
latex_theme = "howto"
