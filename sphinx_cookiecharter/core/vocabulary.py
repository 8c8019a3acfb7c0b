"""The names a declaration and the directives share: categories, sections, columns.

Apart from the model, so that Sphinx's configuration can name them without loading the
model's classes.
"""

from __future__ import annotations

#: The default categories, in the order their tables appear.
DEFAULT_CATEGORIES: tuple[str, ...] = ("necessary", "preferences", "statistics", "marketing")

#: The sections of the explanatory text, in the order they appear.
SECTIONS: tuple[str, ...] = ("intro", "what", "kinds", "usage", "manage", "updated", "changes")

#: Every column a table can show, the first four being the default ones.
COLUMNS: tuple[str, ...] = (
    "provider",
    "service",
    "name",
    "purpose",
    "duration",
    "party",
    "storage",
    "domain",
    "consent",
    "country",
)
DEFAULT_COLUMNS: tuple[str, ...] = COLUMNS[:4]
