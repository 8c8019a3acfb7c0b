extensions = ["sphinx_cookiecharter"]
project = "Publish"
copyright = "2026, the test authors"
language = "en"
# The test copies docs/examples/banner-demo.yaml to examples/ and adds the docs' demo
# pages (docs/_extra) with html_extra_path.
cookiecharter_publish = {
    "formats": ["json", "csv", "cookieconsent", "klaro"],
    "languages": ["en", "fr"],
}
