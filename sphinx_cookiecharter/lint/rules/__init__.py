"""The lint's rules, one module per theme; importing this package registers them all.

- :mod:`.exemption`: cookies marked exempt from consent that regulators would not exempt;
- :mod:`.lifetimes`: how long cookies live, as declared;
- :mod:`.information`: what visitors must be told: controller, consent, dates, languages;
- :mod:`.providers`: third parties: their policies, roles and countries;
- :mod:`.consistency`: parts of a declaration that contradict each other;
- :mod:`.suppression`: the declaration's own ``lint`` settings;
- :mod:`.placeholders`: values ``cookiecharter init`` left for a reviewer.
"""

from __future__ import annotations

from ..registry import RULES
from . import (
    consistency,
    exemption,
    information,
    lifetimes,
    placeholders,
    providers,
    suppression,
)

# The modules register their rules as they are imported; keep the registry in id order.
_ordered = sorted(RULES.items())
RULES.clear()
RULES.update(_ordered)

__all__ = [
    "consistency",
    "exemption",
    "information",
    "lifetimes",
    "placeholders",
    "providers",
    "suppression",
]
