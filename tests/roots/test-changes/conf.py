extensions = ["sphinx_cookiecharter"]
project = "Changes"
copyright = "2026, the test authors"
