extensions = ["sphinx_cookiecharter"]
cookiecharter_declaration = "data/cookies.toml"
