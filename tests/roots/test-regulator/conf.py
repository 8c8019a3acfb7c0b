extensions = ["sphinx_cookiecharter"]
project = "Regulator"
language = "fr"
