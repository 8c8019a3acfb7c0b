"""The declaration's own ``lint`` settings: a silenced finding keeps its reason.

These rules cannot be silenced from the declaration itself (only from the command line
or the Sphinx configuration), or a suppression could hide its own missing reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import sources
from ..registry import RULES, Hit, rule

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ...core.model import Cookie, LintSettings
    from ..registry import Context


def _settings(ctx: Context) -> Iterator[tuple[LintSettings, Cookie | None]]:
    declaration = ctx.declaration
    if declaration.lint is not None:
        yield declaration.lint, None
    for cookie in declaration.cookies:
        if cookie.lint is not None:
            yield cookie.lint, cookie


def _what(cookie: Cookie | None) -> str:
    return f"the cookie {cookie.name!r}" if cookie is not None else "the declaration"


@rule(
    "CK036",
    "suppression-without-reason",
    "error",
    title="Lint findings are silenced without a reason",
    rationale="A silenced finding is a decision someone will have to review: the next "
    "reviewer, or the regulator, needs to know why the rule does not apply. The "
    "`reason` says it.",
    sources=(sources.SUPPRESSION,),
    fields=("lint.reason", "cookies[].lint.reason"),
    fix="Add a `reason` beside `ignore`.",
)
def suppression_without_reason(ctx: Context) -> Iterator[Hit]:
    for settings, cookie in _settings(ctx):
        if not settings.reason:
            yield Hit(
                f"{_what(cookie)} silences {', '.join(settings.ignore)} without a `reason`",
                settings.position,
                cookie,
            )


@rule(
    "CK037",
    "suppression-of-unknown-rule",
    "warning",
    title="A lint setting silences a rule that does not exist",
    rationale="An id that names no rule silences nothing: it is most likely a typing "
    "mistake, and the finding meant to be silenced is still reported.",
    sources=(sources.SUPPRESSION,),
    fields=("lint.ignore", "cookies[].lint.ignore"),
    fix="Correct the rule id (the rules reference lists them) or remove it.",
)
def suppression_of_unknown_rule(ctx: Context) -> Iterator[Hit]:
    for settings, cookie in _settings(ctx):
        unknown = [rule_id for rule_id in settings.ignore if rule_id not in RULES]
        if unknown:
            yield Hit(
                f"{_what(cookie)} silences {', '.join(unknown)}, which "
                f"{'is no rule' if len(unknown) == 1 else 'are no rules'}",
                settings.position,
                cookie,
            )
