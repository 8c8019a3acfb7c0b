"""``cookiecharter diff``: cookies added, removed and changed, from files or from git."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from sphinx_cookiecharter.api import diff, load_version, parse
from sphinx_cookiecharter.cli import main
from sphinx_cookiecharter.export.diff import json_report, text_report

OLD = """\
providers:
  ana: {name: Analytics Co, privacy_policy: https://ana.test/privacy}
cookies:
  - {name: sessionid, provider: Site, category: necessary, purpose: Keeps you signed in.}
  - {name: _a, provider: ana, category: statistics, purpose: Counts visits., duration: 13 months}
  - {name: _a_*, provider: ana, category: statistics, purpose: Visit state., duration: 1 year}
  - {name: old, provider: Site, category: preferences, purpose: Gone soon.}
  - {name: theme, provider: Site, category: preferences, purpose: Colours., storage: local-storage}
"""

NEW = """\
providers:
  ana: {name: Analytics Co, privacy_policy: https://ana.test/new-privacy}
cookies:
  - {name: sessionid, provider: Site, category: necessary, purpose: Keeps you signed in.}
  - {name: _a, provider: Other Co, category: marketing, purpose: Counts visits., duration: 6 months}
  - {name: _a_*, provider: ana, category: statistics, purpose: Visit state., duration: 12 months}
  - name: theme
    provider: Site
    category: preferences
    purpose: {en: Colour scheme., fr: Thème de couleurs.}
    storage: local-storage
    consent: exempt
  - {name: new, provider: Site, category: necessary, purpose: Just added., domain: .site.test}
"""


def declaration(text):
    result = parse(text)
    assert result.ok, result.diagnostics
    return result.declaration


def test_added_removed_and_changed():
    difference = diff(declaration(OLD), declaration(NEW))
    assert [c.name for c in difference.added] == ["new"]
    assert [c.name for c in difference.removed] == ["old"]
    assert [(c.new.name, c.fields) for c in difference.changed] == [
        ("_a", ("category", "duration", "provider")),
        ("theme", ("consent", "purpose")),
    ]


def test_the_same_length_written_otherwise_is_no_change():
    """``1 year`` and ``12 months``; a provider's policy address is not compared."""
    difference = diff(declaration(OLD), declaration(NEW))
    assert "_a_*" not in [c.new.name for c in difference.changed]


def test_a_cookie_is_its_name_domain_and_storage():
    before = declaration("cookies: [{name: a, provider: P, category: necessary, purpose: x}]")
    after = declaration(
        "cookies: [{name: a, provider: P, category: necessary, purpose: x, domain: .b.test}]"
    )
    difference = diff(before, after)
    assert [c.domain for c in difference.added] == [".b.test"]
    assert [c.domain for c in difference.removed] == [None]


def test_no_differences():
    assert not diff(declaration(OLD), declaration(OLD))
    assert text_report(diff(declaration(OLD), declaration(OLD))) == "no differences\n"


def test_the_text_report():
    report = text_report(diff(declaration(OLD), declaration(NEW)))
    assert report.splitlines() == [
        "+ new (.site.test): necessary, Site",
        "- old: preferences, Site",
        "~ _a",
        "    category: statistics -> marketing",
        "    duration: 13 months -> 6 months",
        "    provider: Analytics Co -> Other Co",
        "~ theme [local-storage]",
        "    consent: required -> exempt",
        "    purpose: 'Colours.' -> 'Colour scheme.'",
        "1 added, 1 removed, 2 changed",
    ]


def test_the_text_report_in_french():
    report = text_report(diff(declaration(OLD), declaration(NEW)), "fr")
    assert "    duration: 13\N{NO-BREAK SPACE}mois -> 6\N{NO-BREAK SPACE}mois" in report
    assert "    purpose: 'Colours.' -> 'Thème de couleurs.'" in report


def test_the_json_report():
    report = json_report(
        diff(declaration(OLD), declaration(NEW)), ["en", "fr"], old="a.yaml", new="b.yaml"
    )
    assert report["version"] == 1
    assert (report["old"], report["new"]) == ("a.yaml", "b.yaml")
    assert [c["name"] for c in report["added"]] == ["new"]
    assert report["added"][0]["purpose"] == {"en": "Just added.", "fr": "Just added."}
    assert report["removed"][0]["category"] == "preferences"
    first = report["changed"][0]
    assert (first["name"], first["domain"], first["storage"]) == ("_a", None, "cookie")
    assert first["fields"]["category"] == {"old": "statistics", "new": "marketing"}
    assert first["fields"]["duration"]["old"]["iso8601"] == "P13M"
    assert first["fields"]["duration"]["new"]["seconds"] == 6 * 2_629_746
    assert first["fields"]["provider"]["new"]["name"] == "Other Co"
    assert report["changed"][1]["fields"]["purpose"]["new"] == {
        "en": "Colour scheme.",
        "fr": "Thème de couleurs.",
    }


# --- the command ---------------------------------------------------------------------


@pytest.fixture
def versions(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old.yaml").write_text(OLD, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(NEW, encoding="utf-8")
    return tmp_path


def test_command_exit_status_and_text(versions, capsys):
    assert main(["diff", "old.yaml", "new.yaml"]) == 1
    out = capsys.readouterr().out
    assert out.endswith("1 added, 1 removed, 2 changed\n")
    assert main(["diff", "old.yaml", "old.yaml"]) == 0
    assert capsys.readouterr().out == "no differences\n"


def test_command_json(versions, capsys):
    assert main(["diff", "old.yaml", "new.yaml", "--format", "json", "-l", "fr"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["languages"] == ["fr"]
    assert report["changed"][1]["fields"]["purpose"]["new"] == {"fr": "Thème de couleurs."}


def test_command_reports_unreadable_versions(versions, capsys):
    (versions / "broken.yaml").write_text("cookies: [{name: a}]\n", encoding="utf-8")
    assert main(["diff", "broken.yaml", "missing.yaml"]) == 2
    err = capsys.readouterr().err
    assert "broken.yaml:1:" in err
    assert "missing.yaml: error: file not found" in err


GIT = shutil.which("git")


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_versions_from_git(versions, capsys, monkeypatch):
    def git(*args: str) -> None:
        subprocess.run(
            [GIT, "-c", "user.name=T", "-c", "user.email=t@t.test", *args],
            cwd=versions,
            check=True,
            capture_output=True,
        )

    git("init", "-q")
    (versions / "docs").mkdir()
    (versions / "docs" / "cookies.yaml").write_text(OLD, encoding="utf-8")
    git("add", ".")
    git("commit", "-q", "-m", "first")
    (versions / "docs" / "cookies.yaml").write_text(NEW, encoding="utf-8")
    git("commit", "-q", "-am", "second")

    assert load_version("git:HEAD~1:docs/cookies.yaml").ok
    assert main(["diff", "git:HEAD~1:docs/cookies.yaml", "docs/cookies.yaml"]) == 1
    assert capsys.readouterr().out.endswith("1 added, 1 removed, 2 changed\n")
    assert main(["diff", "git:HEAD~1:docs/cookies.yaml", "git:HEAD:docs/cookies.yaml"]) == 1
    capsys.readouterr()
    # From a sub-folder, ./ names the path from there, as git show reads it.
    monkeypatch.chdir(versions / "docs")
    assert load_version("git:HEAD~1:./cookies.yaml").ok
    assert not load_version("git:HEAD~1:cookies.yaml").ok  # from the top: no such file


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("git:HEAD", "is not a version in git"),
        ("git:--output=x:a.yaml", "is not a version in git"),
        ("git:HEAD:cookies.txt", "the file name has no known ending"),
        ("git:nope:cookies.yaml", "git cannot show it"),
    ],
)
def test_wrong_git_versions_are_reported(versions, spec, message):
    result = load_version(spec)
    assert result.declaration is None
    assert message in str(result.diagnostics[0])
    assert not (versions / "x").exists()
