extensions = ["sphinx_cookiecharter"]
project = "Print"
version = "1.0"
copyright = "2026, the test authors"
# The cookie index would list every name once more: the tables alone must show them.
latex_domain_indices = False
