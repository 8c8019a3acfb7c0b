extensions = ["myst_parser", "sphinx_cookiecharter"]
