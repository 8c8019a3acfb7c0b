extensions = ["sphinx_cookiecharter"]
