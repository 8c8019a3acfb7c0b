extensions = ["sphinx_cookiecharter"]
project = "Audit fixture"
copyright = "2026, the test authors"
html_theme = "alabaster"
html_static_path = ["_static"]
# On every page: the consent stub, then the site's own script.
html_js_files = ["consent.js", "site.js"]
# The declaration has gaps on purpose, for the audit; the lint is tested elsewhere.
cookiecharter_lint = False
