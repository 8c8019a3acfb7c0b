extensions = ["sphinx_cookiecharter"]
project = "Portail"
language = "fr"
