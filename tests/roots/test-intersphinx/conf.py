extensions = ["sphinx_cookiecharter", "sphinx.ext.intersphinx"]
project = "Elsewhere"
# intersphinx_mapping is set by the test: it points at the built test-domain project.
