extensions = ["sphinx_cookiecharter"]
project = "Languages"
version = "1.0"
copyright = "2026, the test authors"
language = "fr"
