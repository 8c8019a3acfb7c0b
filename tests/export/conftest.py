"""Fixtures of the export tests: the banner libraries from npm and a loopback web server
(the session's one Chromium is ``tests/conftest.py``'s ``chromium``).

The libraries are the npm packages named in ``browser/package.json``, at the versions of
its committed ``package-lock.json``, installed once with ``npm ci`` into a cache folder
outside the repository (keyed by the lockfile, so a new lockfile installs afresh). When
npm, the registry or a browser cannot be had, the tests that need them are skipped and
say why (``pytest -ra`` prints the reason).
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import os
import shutil
import subprocess
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Iterator

PACKAGES = Path(__file__).resolve().parent / "browser"
#: The CDN the docs' demo pages load the libraries from; the tests serve the same files
#: from the npm packages instead (the pages' integrity hashes are checked all the same).
CDN = "https://cdn.jsdelivr.net/npm/"


def _cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sphinx-cookiecharter" / "npm"


@pytest.fixture(scope="session")
def node_modules() -> Path:
    """The banner libraries' ``node_modules`` folder, installed with ``npm ci``."""
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed: the banner libraries cannot be had")
    lock = (PACKAGES / "package-lock.json").read_bytes()
    folder = _cache_root() / hashlib.sha256(lock).hexdigest()[:16]
    installed = folder / "node_modules"
    if (installed / ".package-lock.json").is_file():
        return installed
    work = folder.with_name(f"{folder.name}.{os.getpid()}")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copy(PACKAGES / name, work / name)
    try:
        result = subprocess.run(
            [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=work,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    except subprocess.TimeoutExpired:
        shutil.rmtree(work, ignore_errors=True)
        pytest.skip("npm ci did not finish in 10 minutes: the banner libraries cannot be had")
    if result.returncode != 0:
        shutil.rmtree(work, ignore_errors=True)
        reason = (result.stderr or result.stdout).strip().splitlines()[-3:]
        pytest.skip(f"npm ci failed, the banner libraries cannot be had: {' | '.join(reason)}")
    try:
        work.rename(folder)  # another run may have finished first: then use its copy
    except OSError:
        shutil.rmtree(work, ignore_errors=True)
    return installed


def package_file(node_modules: Path, url: str) -> Path:
    """The file of an installed package a CDN address names (``.../npm/klaro@0.7.22/
    dist/klaro.js``); the test fails when the page pins another version than the lockfile."""
    spec, _, inner = url.removeprefix(CDN).partition("/")
    name, _, version = spec.rpartition("@")
    manifest = json.loads((node_modules / name / "package.json").read_text(encoding="utf-8"))
    assert manifest["version"] == version, f"{url} pins {version}, npm installed {manifest}"
    return node_modules / name / inner


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def serve() -> Iterator[Any]:
    """``serve(folder)``: the folder served on http://127.0.0.1 (a ``file://`` page keeps
    no cookies); gives the base address."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        handler = functools.partial(_Quiet, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
