"""``cookiecharter audit``: exit statuses, messages, and its formats on the fixture site."""

from __future__ import annotations

import json
import os
import shutil
from typing import TYPE_CHECKING

import pytest
import yaml

from sphinx_cookiecharter.audit.serve import FolderServer
from sphinx_cookiecharter.cli import main
from sphinx_cookiecharter.core.load import load_declaration
from tests.audit.fixtures import ACCEPT, FIXTURE_SITE, REJECT
from tests.audit.validation import validate_report, validate_sarif

if TYPE_CHECKING:
    from pathlib import Path

DECLARATION = FIXTURE_SITE / "cookies.yaml"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["audit", *argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    site = tmp_path / "html"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    return site


def test_no_browser_exits_2_and_says_how_to_get_one(
    capsys: pytest.CaptureFixture[str],
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(empty))  # no Playwright browser
    status, out, err = run(capsys, str(folder), "-d", str(DECLARATION))
    assert status == 2
    assert out == ""
    assert "no Chromium found" in err
    assert "apt-get install chromium" in err
    assert "playwright install chromium" in err
    assert "--browser" in err and "CHROMIUM_PATH" in err


def test_a_browser_that_is_not_there_exits_2(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-chromium"
    status, _, err = run(capsys, str(folder), "-d", str(DECLARATION), "--browser", str(missing))
    assert status == 2
    assert f"{str(missing)!r} is not a program to run" in err


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--consent", "accept"), "--consent accept needs --accept-selector"),
        (("--consent", "none", "--consent", "reject"), "--consent none goes with no other"),
    ],
)
def test_consent_options_that_do_not_fit(
    capsys: pytest.CaptureFixture[str], folder: Path, arguments: tuple[str, ...], message: str
) -> None:
    status, _, err = run(capsys, str(folder), "-d", str(DECLARATION), *arguments)
    assert status == 2
    assert message in err


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--tolerance", "nan", "'nan' is not a finite number"),
        ("--tolerance", "-5", "must be at least 0"),
        ("--page-timeout", "0", "must be more than 0"),
        ("--timeout", "inf", "'inf' is not a finite number"),
        ("--timeout", "soon", "'soon' is not a number"),
    ],
)
def test_a_number_that_would_turn_a_check_off_is_refused(
    capsys: pytest.CaptureFixture[str], folder: Path, option: str, value: str, message: str
) -> None:
    with pytest.raises(SystemExit) as exit:
        main(["audit", str(folder), "-d", str(DECLARATION), option, value])
    assert exit.value.code == 2
    assert f"argument {option}: {message}" in capsys.readouterr().err


def test_a_target_that_is_neither_a_folder_nor_a_url(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, str(tmp_path / "nowhere"), "-d", str(DECLARATION))
    assert status == 2
    assert "not a folder nor an http(s) address" in err


def test_a_declaration_that_cannot_be_read(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    status, _, err = run(capsys, str(folder), "-d", str(tmp_path / "missing.yaml"))
    assert status == 2
    assert "file not found" in err
    assert "the declaration cannot be read" in err


# --- with a browser --------------------------------------------------------------------


@pytest.mark.usefixtures("audit_browser")
def test_sarif_and_suggestions_from_the_folder(
    capsys: pytest.CaptureFixture[str],
    audit_site: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    declaration = tmp_path / "cookies.yaml"
    shutil.copy(DECLARATION, declaration)
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(
        capsys,
        str(audit_site),
        "-d",
        "cookies.yaml",
        "--accept-selector",
        ACCEPT,
        "--reject-selector",
        REJECT,
        "--format",
        "sarif",
        "--output",
        "audit.sarif",
        "--suggest",
        "suggested.yaml",
    )
    assert status == 1  # errors found
    assert out == ""  # the report went to the file
    log = json.loads((tmp_path / "audit.sarif").read_text(encoding="utf-8"))
    validate_sarif(log)
    lines = DECLARATION.read_text(encoding="utf-8").splitlines()
    results = {
        (result["ruleId"], result["properties"]["name"]): result["locations"][0]["physicalLocation"]
        for result in log["runs"][0]["results"]
    }
    before = results[("set-before-consent", "_ga")]
    assert before["artifactLocation"]["uri"] == "cookies.yaml"
    assert before["region"]["startLine"] == lines.index("  - name: _ga") + 1
    after = results[("set-after-reject", "ad_seen")]
    assert after["region"]["startLine"] == lines.index("  - name: ad_seen") + 1
    assert results[("undeclared", "_gid")]["artifactLocation"]["uri"] == "cookies.yaml"
    suggested = (tmp_path / "suggested.yaml").read_text(encoding="utf-8")
    loaded = load_declaration(tmp_path / "suggested.yaml")
    assert loaded.diagnostics == ()
    assert [cookie.name for cookie in loaded.declaration.cookies] == ["_gid"]  # type: ignore[union-attr]
    assert "# - name: fixture_unknown" in suggested
    assert yaml.safe_load(suggested)["cookies"][0]["provider"] == "Google"


@pytest.mark.usefixtures("audit_browser")
def test_json_of_a_url_follows_links_up_to_the_page_limit(
    capsys: pytest.CaptureFixture[str], audit_site: Path
) -> None:
    with FolderServer(audit_site) as server:
        url = server.url + "index.html"
        status, out, _ = run(
            capsys, url, "-d", str(DECLARATION), "--pages", "2", "--format", "json"
        )
    assert status == 1
    document = json.loads(out)
    validate_report(document)
    assert document["target"] == url
    assert document["phases"] == ["arrival"]
    assert [page["url"] for page in document["pages"]] == ["/index.html", "/guide.html"]
    kinds = {(f["kind"], f["name"]) for f in document["findings"]}
    assert ("set-before-consent", "_ga") in kinds
    assert ("undeclared", "_gid") in kinds
    assert not any(kind == "set-after-reject" for kind, _ in kinds)


@pytest.mark.usefixtures("audit_browser")
def test_a_sitemap_gives_the_pages(
    capsys: pytest.CaptureFixture[str], audit_site: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(audit_site, site)
    (site / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        "<url><loc>https://fixture.example.org/en/latest/storage.html</loc></url>\n"
        "<url><loc>https://fixture.example.org/en/latest/partner.html</loc></url>\n"
        "</urlset>\n",
        encoding="utf-8",
    )
    status, out, _ = run(capsys, str(site), "-d", str(DECLARATION), "--format", "json", "-q")
    assert status == 1
    document = json.loads(out)
    assert [page["url"] for page in document["pages"]] == ["/storage.html", "/partner.html"]
    assert "pages taken from /sitemap.xml" in document["notes"]


@pytest.mark.usefixtures("audit_browser")
def test_a_selector_that_matches_nothing_is_reported_per_page(
    capsys: pytest.CaptureFixture[str], audit_site: Path
) -> None:
    status, out, _ = run(
        capsys,
        str(audit_site),
        "-d",
        str(DECLARATION),
        "--pages",
        "1",
        "--accept-selector",
        "#no-such-button",
    )
    assert status == 1
    assert "note: /index.html: accepted: nothing matches the selector '#no-such-button'" in out
    assert os.linesep == "\n" or out


@pytest.mark.usefixtures("audit_browser")
def test_the_total_time_limit_stops_the_audit(
    capsys: pytest.CaptureFixture[str], audit_site: Path
) -> None:
    status, out, _ = run(
        capsys, str(audit_site), "-d", str(DECLARATION), "--timeout", "0.01", "--format", "json"
    )
    document = json.loads(out)
    assert document["pages"] == []
    assert (
        "the total time limit (0.01 s) was reached: some pages were not visited"
        in (document["notes"])
    )
    assert status == 0  # nothing seen, so nothing is an error; not-observed is information
    assert {f["kind"] for f in document["findings"]} == {"not-observed"}


@pytest.mark.usefixtures("audit_browser")
def test_a_report_or_fragment_that_cannot_be_written_exits_2(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "no" / "such" / "folder"
    for option in ("--output", "--suggest"):
        status, _, err = run(
            capsys, str(folder), "-d", str(DECLARATION), option, str(missing / "x"), "-q"
        )
        assert status == 2, option
        assert f"{missing / 'x'}: cannot be written: No such file or directory" in err
        assert "Traceback" not in err


@pytest.mark.usefixtures("audit_browser")
@pytest.mark.parametrize("quiet", [False, True])
def test_a_terminal_sees_the_progress_unless_quiet(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    audit_site: Path,
    quiet: bool,
) -> None:
    """On a terminal, each page visited is shown as ``[done/known] page`` on one line
    that is cleared at the end; ``--quiet`` shows nothing."""
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    extra = ["--quiet"] if quiet else []
    status, _, err = run(
        capsys, str(audit_site), "-d", str(DECLARATION), "--pages", "2", "--format", "json", *extra
    )
    assert status == 1
    if quiet:
        assert "[1/" not in err
    else:
        assert "\r\x1b[2K[1/" in err and "[2/" in err
        assert "/index.html" in err
        assert err.endswith("\r\x1b[2K")
