"""A declared name with ``*`` against seen names: one matcher for the lint and the audit."""

from __future__ import annotations

import pytest

from sphinx_cookiecharter.core.names import name_matches


@pytest.mark.parametrize(
    ("declared", "name", "matches"),
    [
        ("_ga", "_ga", True),
        ("_ga", "_ga_ABC", False),
        ("_ga_*", "_ga_ABC123", True),
        ("_ga_*", "_ga_", True),  # `*` is any run, the empty one too
        ("_ga_*", "x_ga_1", False),  # the whole name, not a part of it
        ("a*b*c", "a-b-c", True),
        ("a.b*", "aXb1", False),  # other characters stand for themselves
        ("a+b(*", "a+b(x)", True),
    ],
)
def test_name_matches(declared: str, name: str, matches: bool) -> None:
    assert name_matches(declared, name) is matches
