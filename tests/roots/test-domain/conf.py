extensions = ["sphinx_cookiecharter", "myst_parser"]
project = "Domain"
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
