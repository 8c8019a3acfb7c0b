"""The browser audit: what a site really stores, compared with its declaration.

:mod:`.browser` finds and starts Chromium through Playwright; the comparison with the
declaration is pure Python on the core model and needs no browser.
"""
