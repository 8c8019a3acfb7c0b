extensions = ["sphinx_cookiecharter"]
project = "Lint"
