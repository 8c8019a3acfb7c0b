"""The lint's reference pages, generated from its registry.

- ``cookiecharter-lint-rules``: one section per rule (its id as the anchor, ``#ck012``,
  which the SARIF output's ``helpUri`` points to): what, why, the sources with links, the
  fields read, the failing and the passing example files (the very files the tests
  lint) with the finding the failing one gives at build time, how to fix, how to
  silence.
- ``cookiecharter-lint-profiles``: the profiles and the rules each one adds or drops.
- ``cookiecharter-lint-summary``: a table of every rule.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from backquotes import code_text
from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from sphinx_cookiecharter.core.load import parse_declaration
from sphinx_cookiecharter.lint import PROFILES, RULES, lint
from sphinx_cookiecharter.lint.registry import EXAMPLES_CHECKED_ON
from sphinx_cookiecharter.lint.report import silencing
from sphinx_cookiecharter.render.nodes import Column, table_skeleton

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

    from sphinx_cookiecharter.lint import Rule

ALL_PROFILES = frozenset(PROFILES)


def paragraph(*parts: nodes.Node | str) -> nodes.paragraph:
    node = nodes.paragraph()
    for part in parts:
        if isinstance(part, str):
            node.extend(code_text(part))
        else:
            node += part
    return node


def strong(text: str) -> nodes.strong:
    return nodes.strong(text, text)


def profiles_of(rule: Rule) -> str:
    if rule.profiles == ALL_PROFILES:
        return "all"
    return ", ".join(sorted(rule.profiles)) + " only"


def example_finding(rule: Rule) -> str:
    """The finding the rule's failing example gives, as ``cookiecharter lint`` prints it."""
    name = f"{rule.id}.fail.yaml"
    text = rule.example("fail").read_text(encoding="utf-8")
    result = parse_declaration(text, "yaml", source=name)
    assert result.declaration is not None, name
    profile = "eu" if "eu" in rule.profiles else min(rule.profiles)
    found = lint(
        result.declaration,
        profile=profile,
        select={rule.id},
        on=datetime.date(*EXAMPLES_CHECKED_ON),
    )
    if len(found) != 1:
        raise ValueError(f"{name} gives {len(found)} findings of {rule.id}")
    command = f"$ cookiecharter lint{'' if profile == 'eu' else f' --profile {profile}'} {name}"
    return f"{command}\n{found[0]}"


def example_block(rule: Rule, kind: str) -> nodes.literal_block:
    name = f"{rule.id}.{kind}.yaml"
    text = rule.example(kind).read_text(encoding="utf-8")  # type: ignore[arg-type]
    block = nodes.literal_block(text, text, language="yaml")
    container = nodes.container("", literal_block=True, classes=["literal-block-wrapper"])
    container += nodes.caption(name, name)
    container += block
    return container


class LintRules(SphinxDirective):
    """One section per rule."""

    def run(self) -> list[nodes.Node]:
        return [self.rule_section(rule) for rule in RULES.values()]

    def rule_section(self, rule: Rule) -> nodes.section:
        section = nodes.section()
        title = f"{rule.id}: {rule.title}"
        section += nodes.title(title, title)
        section["names"].append(rule.id.lower())
        self.set_source_info(section)
        self.state.document.note_explicit_target(section, section)
        section += paragraph(
            strong("Severity: "),
            rule.severity,
            strong(" · Profiles: "),
            profiles_of(rule),
            strong(" · Theme: "),
            rule.theme,
            strong(" · Name: "),
            nodes.literal(rule.name, rule.name),
        )
        section += paragraph(strong("Why. "), rule.rationale)
        section += paragraph(strong("Sources."))
        sources = nodes.bullet_list()
        for source in rule.sources:
            reference = nodes.reference("", source.instrument, refuri=source.url)
            sources += nodes.list_item(
                "", nodes.paragraph("", "", reference, nodes.Text(f", {source.part}."))
            )
        section += sources
        fields = [strong("Fields read: ")]
        for index, name in enumerate(rule.fields):
            if index:
                fields.append(nodes.Text(", "))  # type: ignore[arg-type]
            fields.append(nodes.literal(name, name))  # type: ignore[arg-type]
        section += paragraph(*fields)
        section += paragraph(
            strong("Failing example."), f" The finding is on the line marked `# {rule.id}`."
        )
        section += example_block(rule, "fail")
        finding = example_finding(rule)
        section += nodes.literal_block(finding, finding, language="console")
        section += paragraph(strong("Passing example."))
        section += example_block(rule, "pass")
        section += paragraph(strong("How to fix. "), rule.fix)
        section += paragraph(strong("How to silence. "), silencing(rule))
        return section


def table(caption: str, columns: list[tuple[str, int]], rows: list[list[list[nodes.Node]]]):
    node, body = table_skeleton(
        (Column(label, width) for label, width in columns), title=nodes.title(caption, caption)
    )
    for cells in rows:
        row = nodes.row()
        for cell in cells:
            row += nodes.entry("", nodes.paragraph("", "", *cell))
        body += row
    return node


class LintSummary(SphinxDirective):
    """A table of every rule: id (linked), severity, profiles, title."""

    def run(self) -> list[nodes.Node]:
        rows = []
        for rule in RULES.values():
            link = nodes.reference("", "", nodes.literal(rule.id, rule.id), refid=rule.id.lower())
            rows.append(
                [
                    [link],
                    [nodes.Text(rule.severity)],
                    [nodes.Text(profiles_of(rule))],
                    code_text(rule.title),
                ]
            )
        return [
            table(
                "The lint rules",
                [("Rule", 10), ("Severity", 10), ("Profiles", 16), ("What it finds", 64)],
                rows,
            )
        ]


class LintProfiles(SphinxDirective):
    """The profiles, what each one is, and the rules only some profiles run."""

    def run(self) -> list[nodes.Node]:
        rows = []
        for profile in PROFILES.values():
            own = [
                rule.id
                for rule in RULES.values()
                if rule.profiles != ALL_PROFILES and profile.name in rule.profiles
            ]
            cells: list[nodes.Node] = []
            for index, rule_id in enumerate(own):
                if index:
                    cells.append(nodes.Text(", "))
                cells.append(nodes.literal(rule_id, rule_id))
            rows.append(
                [
                    [nodes.literal(profile.name, profile.name)],
                    [nodes.Text(profile.title)],
                    code_text(profile.summary),
                    [nodes.Text(f"{profile.max_lifetime_months} months")],
                    [nodes.Text(profile.home_name)],
                    cells or [nodes.Text("none")],
                ]
            )
        return [
            table(
                "The profiles",
                [
                    ("Profile", 8),
                    ("Regulator", 12),
                    ("What it applies", 38),
                    ("Longest lifetime (CK014)", 12),
                    ("No transfer within (CK030)", 14),
                    ("Rules of this profile only", 16),
                ],
                rows,
            )
        ]


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directives."""
    app.add_directive("cookiecharter-lint-rules", LintRules)
    app.add_directive("cookiecharter-lint-summary", LintSummary)
    app.add_directive("cookiecharter-lint-profiles", LintProfiles)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
