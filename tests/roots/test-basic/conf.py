extensions = ["sphinx_cookiecharter"]
project = "Basic"
