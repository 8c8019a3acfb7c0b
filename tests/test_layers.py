"""The package's layers import only the layers below them.

Order (DESIGN.md, "Layout"): core, i18n, render, lint, audit, export; then sphinxext
(the only layer that imports Sphinx), cli and api, which may use any layer but sphinxext.
The core and i18n import neither Sphinx nor docutils; render imports docutils, not Sphinx.
"""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from tests.paths import PACKAGE

ORDER = ["core", "i18n", "render", "lint", "audit", "export"]
TOP = {"sphinxext", "cli", "api", "init", "__init__", "__main__"}
#: Third-party packages a layer must not import, directly or not.
FORBIDDEN = {
    "core": {"sphinx", "docutils"},
    "i18n": {"sphinx", "docutils"},
    "render": {"sphinx"},
    "lint": {"sphinx", "docutils"},
    "audit": {"sphinx", "docutils"},
    "export": {"sphinx", "docutils"},
    "cli": {"sphinx"},
    "api": {"sphinx", "docutils"},
}
#: Layers that may import Sphinx only inside a function (``cookiecharter init`` reads
#: conf.py with Sphinx's own config loading, and nothing else of it needs Sphinx).
LAZY_SPHINX = {"init"}


def layer_of(module: str) -> str:
    """``core`` for ``sphinx_cookiecharter.core.read.yaml``; ``cli`` for ``...cli``."""
    return module.split(".")[1] if "." in module else "__init__"


def modules() -> list[tuple[str, ast.Module]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found.append((name, ast.parse(path.read_text(encoding="utf-8"))))
    return found


def imported(name: str, tree: ast.Module, *, is_package: bool) -> list[str]:
    """Every module ``name`` imports, relative imports resolved."""
    result = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            result += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base if is_package else base[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
                if node.module is None:  # from . import x, y: modules, or names of target
                    for alias in node.names:
                        module = PACKAGE.parent / f"{target}.{alias.name}".replace(".", "/")
                        is_module = module.is_dir() or module.with_suffix(".py").is_file()
                        result.append(f"{target}.{alias.name}" if is_module else target)
                    continue
                result.append(target)
            elif node.module:
                result.append(node.module)
    return result


def test_each_layer_imports_only_the_layers_before_it() -> None:
    wrong = []
    for name, tree in modules():
        is_package = (PACKAGE.parent / name.replace(".", "/") / "__init__.py").is_file()
        mine = layer_of(name)
        for target in imported(name, tree, is_package=is_package):
            if not target.startswith("sphinx_cookiecharter."):
                continue
            theirs = layer_of(target)
            if theirs in (mine, "__init__"):
                continue
            if mine in TOP:
                # Only the Sphinx layer and the package's setup() (which hands over to
                # it) may import the Sphinx layer.
                if theirs == "sphinxext" and mine not in ("sphinxext", "__init__"):
                    wrong.append(f"{name} imports {target}")
                continue
            if theirs in TOP or ORDER.index(theirs) > ORDER.index(mine):
                wrong.append(f"{name} imports {target}")
    assert not wrong


def test_no_layer_imports_a_forbidden_package_by_name() -> None:
    wrong = []
    for name, tree in modules():
        is_package = (PACKAGE.parent / name.replace(".", "/") / "__init__.py").is_file()
        forbidden = FORBIDDEN.get(layer_of(name), set())
        for target in imported(name, tree, is_package=is_package):
            if target.split(".")[0] in forbidden:
                wrong.append(f"{name} imports {target}")
    assert not wrong


@pytest.mark.parametrize(
    "layer",
    [
        layer
        for layer in ("core", "i18n", "render", "lint", "audit", "export", "api", "cli")
        if (PACKAGE / layer).is_dir() or (PACKAGE / f"{layer}.py").is_file()
    ],
)
def test_importing_a_layer_loads_neither_sphinx_nor_what_it_forbids(layer: str) -> None:
    """Every module of the layer, imported for real: nothing forbidden comes in."""
    names = [name for name, _ in modules() if layer_of(name) == layer]
    forbidden = sorted(FORBIDDEN[layer])
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        f"loaded = [m for m in {forbidden!r} if m in sys.modules]\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_the_cli_validates_without_sphinx() -> None:
    """The command line, ``init`` included, runs without loading Sphinx or docutils."""
    code = (
        "import sys\n"
        "import sphinx_cookiecharter.init\n"
        "from sphinx_cookiecharter.cli import main\n"
        "main(['schema'])\n"
        "assert 'sphinx' not in sys.modules and 'docutils' not in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_init_imports_sphinx_only_inside_its_config_reading() -> None:
    """``cookiecharter init`` imports Sphinx in the function that reads conf.py, never
    at import time (that importing it loads neither Sphinx nor docutils is
    :func:`test_the_cli_validates_without_sphinx`)."""
    for name, tree in modules():
        if layer_of(name) not in LAZY_SPHINX:
            continue
        at_top = [
            node
            for node in tree.body
            if isinstance(node, (ast.Import, ast.ImportFrom))
            and any(
                (alias.name if isinstance(node, ast.Import) else node.module or "").startswith(
                    ("sphinx.", "docutils")
                )
                or (alias.name if isinstance(node, ast.Import) else node.module or "") == "sphinx"
                for alias in node.names
            )
        ]
        assert not at_top, name
        functions = {
            function.name
            for function in ast.walk(tree)
            if isinstance(function, ast.FunctionDef)
            and any(
                isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sphinx")
                for node in ast.walk(function)
            )
        }
        assert functions == {"read_config"}, name
