"""``cookiecharter lint``: a declaration checked against what regulators publish.

The rules (:data:`RULES`, ids ``CK001``...) read the model of a declaration, never its
text, and each finding is placed at the part of the file it is about. Profiles
(:data:`PROFILES`) carry the thresholds that differ between regulators. This layer
imports neither Sphinx nor docutils.
"""

from __future__ import annotations

from ..core.sarif import SEVERITIES, Severity
from . import rules as _rules  # registers every rule
from .engine import Finding, UnknownRuleError, check_ids, lint, rules_for, today
from .profiles import DEFAULT_PROFILE, PROFILES, Profile
from .registry import RULES, RULES_URL, Rule, at_least

__all__ = [
    "DEFAULT_PROFILE",
    "PROFILES",
    "RULES",
    "RULES_URL",
    "SEVERITIES",
    "Finding",
    "Profile",
    "Rule",
    "Severity",
    "UnknownRuleError",
    "at_least",
    "check_ids",
    "lint",
    "rules_for",
    "today",
]

del _rules
