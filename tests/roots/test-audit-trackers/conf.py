extensions = ["sphinx_cookiecharter"]
project = "Trackers"
copyright = "2026, the test authors"
html_theme = "alabaster"
cookiecharter_lint = False
cookiecharter_audit = True
# Google Analytics on every page, as sphinxcontrib-googleanalytics or a theme option adds it.
html_js_files = [("https://www.googletagmanager.com/gtag/js?id=G-TEST123", {"async": "async"})]
