"""The declaration itself: its model, reading, checking and loading.

This layer imports neither Sphinx nor docutils, so the command line, the lint, the
audit and the exports use it as a plain Python library.
"""
