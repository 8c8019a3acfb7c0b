"""Declared names against the names a browser or a rule sees: ``*`` stands for any run
of characters (``_ga_*`` covers ``_ga_ABC123``), every other character for itself."""

from __future__ import annotations

import re
from functools import cache


@cache
def _pattern(declared: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in declared.split("*")), re.DOTALL)


def name_matches(declared: str, name: str) -> bool:
    """True when a declared name (``*`` standing for any run of characters) is ``name``."""
    if "*" not in declared:
        return declared == name
    return _pattern(declared).fullmatch(name) is not None
