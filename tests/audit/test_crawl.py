"""Which addresses the crawl visits, and sitemaps: no browser needed."""

from __future__ import annotations

from sphinx_cookiecharter.audit.collect import in_scope, page_key, scope_of, sitemap_pages

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>{base}</loc></url>
  <url><loc>{base}guide.html</loc></url>
  <url><loc>{base}api/index.html</loc></url>
</urlset>
"""


def test_scope_and_pages() -> None:
    start = "https://project.readthedocs.io/en/latest/index.html"
    scope = scope_of(start)
    assert scope == "https://project.readthedocs.io/en/latest/"
    assert in_scope("https://project.readthedocs.io/en/latest/guide.html", scope)
    assert in_scope("https://project.readthedocs.io/en/latest/", scope)
    assert not in_scope("https://project.readthedocs.io/en/stable/guide.html", scope)
    assert not in_scope("https://other.example/en/latest/guide.html", scope)
    assert not in_scope("https://project.readthedocs.io/en/latest/_sources/a.rst.txt", scope)
    assert not in_scope("https://project.readthedocs.io/en/latest/manual.pdf", scope)
    assert not in_scope("mailto:someone@example.org", scope)
    assert page_key("http://127.0.0.1:8000/a/b.html?x=1") == "/a/b.html?x=1"


def test_sitemap_of_the_same_site() -> None:
    base = "https://project.readthedocs.io/en/latest/"
    pages = sitemap_pages(SITEMAP.format(base=base), base)
    assert pages == [base, base + "guide.html", base + "api/index.html"]


def test_sitemap_of_the_production_site_for_a_local_build() -> None:
    pages = sitemap_pages(
        SITEMAP.format(base="https://docs.example.org/en/latest/"), "http://127.0.0.1:8000/"
    )
    assert pages == [
        "http://127.0.0.1:8000/",
        "http://127.0.0.1:8000/guide.html",
        "http://127.0.0.1:8000/api/index.html",
    ]


def test_a_broken_sitemap_gives_no_page() -> None:
    assert sitemap_pages("<urlset><url><loc>", "http://127.0.0.1:8000/") == []
    assert sitemap_pages("<urlset/>", "http://127.0.0.1:8000/") == []
