extensions = ["sphinx_cookiecharter"]
project = "Ids"
version = "1.0"
copyright = "2026, the test authors"
