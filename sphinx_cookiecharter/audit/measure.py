"""Measure what a Sphinx theme or extension stores in a reader's browser.

For one target (a theme, or an extension shown with alabaster, which stores nothing), a
small Sphinx project is written whose pages use what the target offers (code blocks,
tabs, toggles), built by Sphinx in a subprocess (this layer imports no Sphinx), served
on 127.0.0.1, and visited by the audit's own collector (:mod:`.collect`) with the
reader's actions that make the target store something: switching the colour scheme,
choosing a tab, copying code, opening a toggle, following a link. Every cookie, local
and session storage key and IndexedDB database seen is recorded with the action after
which it first appeared. ``tools/measure_presets.py`` runs every target installed and
writes the measurement record the presets and their tests rest on.
"""

from __future__ import annotations

import datetime
import importlib.metadata
import json
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .collect import Action, CollectOptions, collect
from .serve import FolderServer

if TYPE_CHECKING:
    from collections.abc import Iterable

#: The label of what is stored on arrival, before any action.
ARRIVAL = "arrival"

_CODE = """\
Some code to copy:

.. code-block:: python

   print("measured")
"""

_GROUP_TABS = """\
Tabs:

.. tabs::

   .. group-tab:: Linux

      On Linux.

   .. group-tab:: macOS

      On macOS.
"""

_DESIGN_TABS = """\
Synchronised tabs:

.. tab-set::
   :sync-group: os

   .. tab-item:: Linux
      :sync: linux

      On Linux.

   .. tab-item:: macOS
      :sync: macos

      On macOS.
"""

_TOGGLE = """\
A toggle:

.. toggle::

   Hidden until opened.
"""


@dataclass(frozen=True, slots=True)
class Target:
    """What to build and what a reader does on it.

    :param preset: the preset the measurement is for.
    :param package: the PyPI distribution whose version is recorded.
    :param theme: ``html_theme``; alabaster for an extension.
    :param extensions: extensions the project loads.
    :param conf: more lines of ``conf.py``.
    :param body: reStructuredText of the first page (after its title).
    :param actions: the reader's actions, in order.
    :param start: the page visited (``index.html`` or ``other.html``, a page deeper in
        the site, where some themes show their navigation sidebar).
    """

    preset: str
    package: str
    theme: str = "alabaster"
    extensions: tuple[str, ...] = ()
    conf: str = ""
    body: str = _CODE
    actions: tuple[Action, ...] = ()
    start: str = "index.html"


_NAVIGATE = Action("following a link to another page", "a.reference.internal[href$='other.html']")
_NAVIGATE_BACK = Action(
    "following a link to another page", "a.reference.internal[href$='index.html']"
)
#: The PyData theme's buttons, which the Sphinx Book Theme (built on it) has too: the
#: colour-scheme switch (older and newer markup), then back to the first page.
_PYDATA_ACTIONS = (
    Action("switching the colour scheme", ".theme-switch-button"),
    Action("switching the colour scheme", ".theme-change-button[data-mode='dark']"),
    _NAVIGATE_BACK,
)

#: Every target measured, by preset id.
TARGETS: dict[str, Target] = {
    target.preset: target
    for target in (
        Target("alabaster", "alabaster", actions=(_NAVIGATE,)),
        Target(
            "furo",
            "furo",
            "furo",
            actions=(Action("switching the colour scheme", ".theme-toggle", clicks=2), _NAVIGATE),
        ),
        Target("sphinx-rtd-theme", "sphinx-rtd-theme", "sphinx_rtd_theme", actions=(_NAVIGATE,)),
        Target(
            "pydata-sphinx-theme",
            "pydata-sphinx-theme",
            "pydata_sphinx_theme",
            actions=_PYDATA_ACTIONS,
            start="other.html",
        ),
        Target(
            "sphinx-book-theme",
            "sphinx-book-theme",
            "sphinx_book_theme",
            actions=_PYDATA_ACTIONS,
            start="other.html",
        ),
        Target(
            "shibuya",
            "shibuya",
            "shibuya",
            actions=(Action("switching the colour scheme", ".js-theme", clicks=2), _NAVIGATE),
        ),
        Target(
            "sphinx-immaterial",
            "sphinx-immaterial",
            "sphinx_immaterial",
            extensions=("sphinx_immaterial",),
            # No Google Fonts: the build downloads them otherwise, and this runs offline.
            conf=textwrap.dedent(
                """\
                html_theme_options = {
                    "font": False,
                    "palette": [
                        {"media": "(prefers-color-scheme: light)", "scheme": "default",
                         "toggle": {"icon": "material/weather-night", "name": "Dark"}},
                        {"media": "(prefers-color-scheme: dark)", "scheme": "slate",
                         "toggle": {"icon": "material/weather-sunny", "name": "Light"}},
                    ],
                }
                """
            ),
            actions=(
                Action("switching the colour scheme", "label.md-header__button[for^='__palette']"),
                _NAVIGATE,
            ),
        ),
        Target(
            "sphinx-tabs",
            "sphinx-tabs",
            extensions=("sphinx_tabs.tabs",),
            body=_GROUP_TABS,
            actions=(
                Action("choosing a tab", ".sphinx-tabs-tab.group-tab[aria-selected='false']"),
            ),
        ),
        Target(
            "sphinx-design",
            "sphinx-design",
            extensions=("sphinx_design",),
            body=_DESIGN_TABS,
            actions=(Action("choosing a tab", ".sd-tab-label[data-sync-id='macos']"),),
        ),
        Target(
            "sphinx-copybutton",
            "sphinx-copybutton",
            extensions=("sphinx_copybutton",),
            actions=(Action("copying code", ".copybtn"),),
        ),
        Target(
            "sphinx-togglebutton",
            "sphinx-togglebutton",
            extensions=("sphinx_togglebutton",),
            body=_TOGGLE,
            actions=(Action("opening a toggle", ".toggle-details__summary, .toggle-button"),),
        ),
    )
}


@dataclass(frozen=True, slots=True)
class Stored:
    """One thing the target stored: where, and after which action it first appeared."""

    name: str
    storage: str
    party: str
    action: str
    lifetime: int | None = None


@dataclass(frozen=True, slots=True)
class Measurement:
    """What one target stored, with everything needed to say how it was measured."""

    preset: str
    package: str
    version: str
    date: str
    sphinx: str
    browser: str
    actions: tuple[str, ...]
    stored: tuple[Stored, ...] = ()
    problems: tuple[str, ...] = field(default=())

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["actions"] = list(self.actions)
        data["stored"] = [asdict(item) for item in self.stored]
        data["problems"] = list(self.problems)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Measurement:
        return cls(
            **{
                **data,
                "actions": tuple(data["actions"]),
                "stored": tuple(Stored(**item) for item in data["stored"]),
                "problems": tuple(data.get("problems", ())),
            }
        )


class NotMeasurable(RuntimeError):
    """The target cannot be measured here: its package is missing, or it does not build."""


def installed_version(package: str) -> str | None:
    """The installed version of a distribution, or ``None``."""
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return None


def write_project(target: Target, folder: Path) -> None:
    """Write the Sphinx project of ``target`` in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    conf = (
        'project = "Measured"\n'
        f"html_theme = {target.theme!r}\n"
        f"extensions = {list(target.extensions)!r}\n" + target.conf
    )
    (folder / "conf.py").write_text(conf, encoding="utf-8")
    (folder / "index.rst").write_text(
        "Measured\n========\n\n" + target.body + "\n.. toctree::\n\n   other\n",
        encoding="utf-8",
    )
    (folder / "other.rst").write_text(
        "Other page\n==========\n\nSee :doc:`index`.\n" + _CODE, encoding="utf-8"
    )


def build(target: Target, folder: Path) -> Path:
    """Build the project of ``target`` in ``folder`` with the running Python's Sphinx.

    :raises NotMeasurable: when the build fails.
    """
    write_project(target, folder / "src")
    out = folder / "html"
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(folder / "src"), str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not (out / "index.html").is_file():
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise NotMeasurable(f"{target.preset}: the build failed: {last}")
    return out


def browser_version(given: str | None = None) -> str:
    """The version the Chromium used reports (``Chromium 139.0.7258.154``)."""
    from .browser import system_chromium  # noqa: PLC0415

    program = system_chromium(given)
    if program is None:
        return "Playwright's Chromium"
    done = subprocess.run([program, "--version"], capture_output=True, text=True, check=False)
    words = done.stdout.split()
    return " ".join(words[:2]) if len(words) >= 2 else program


def measure(
    target: Target, *, browser: str | None = None, today: datetime.date | None = None
) -> Measurement:
    """Build, serve and visit ``target``; what it stored, action by action.

    :raises NotMeasurable: when its package is not installed or the build fails.
    :raises BrowserUnavailable: when no browser can be started.
    """
    version = installed_version(target.package)
    if version is None:
        raise NotMeasurable(f"{target.preset}: {target.package} is not installed")
    with tempfile.TemporaryDirectory(prefix="cookiecharter-measure-") as temporary:
        html = build(target, Path(temporary))
        options = CollectOptions(
            pages=1, use_sitemap=False, browser=browser, actions=target.actions, concurrency=1
        )
        with FolderServer(html) as server:
            observation = collect(server.url + target.start, options)
    first: dict[tuple[str, str], Stored] = {}
    for item in observation.items:
        key = (item.name, item.storage)
        if key not in first:
            first[key] = Stored(
                item.name, item.storage, item.party, item.action or ARRIVAL, item.lifetime
            )
    problems = tuple(problem for page in observation.pages for problem in page.problems)
    return Measurement(
        target.preset,
        target.package,
        version,
        (today or datetime.date.today()).isoformat(),
        installed_version("sphinx") or "",
        browser_version(browser),
        tuple(dict.fromkeys(action.label for action in target.actions)),
        tuple(first.values()),
        problems,
    )


#: Where the measurement record is kept, beside the presets.
RECORD = "measured.json"


def read_record(text: str) -> dict[str, Measurement]:
    """The measurements of a record file, by preset id."""
    data = json.loads(text)
    return {key: Measurement.from_json(value) for key, value in data["presets"].items()}


def write_record(measurements: Iterable[Measurement]) -> str:
    """A record file holding ``measurements``, sorted by preset id."""
    by_id = {measurement.preset: measurement.as_json() for measurement in measurements}
    data = {
        "version": 1,
        "script": "tools/measure_presets.py",
        "presets": dict(sorted(by_id.items())),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
