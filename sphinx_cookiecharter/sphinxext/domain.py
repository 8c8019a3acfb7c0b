"""The ``cookie`` domain: the charter's state in a build, its objects, roles and index.

The domain keeps, in the environment (so parallel and incremental builds see it):

- the declarations read, by file, with the file's modification time and size: a file is
  parsed once and again only when it changes, before parallel reading starts;
- the inline declarations of each document, and which documents use which files;
- the cookies and categories each document shows as objects, for the roles, the
  ``cookie-index`` page and ``objects.inv``.

Problems of a declaration are reported from here, once per build and on every build, so
``sphinx-build -W`` fails for as long as a declaration is broken.
"""

from __future__ import annotations

import os
import pickle
import zlib
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from docutils import nodes
from sphinx.domains import Domain, Index, IndexEntry, ObjType
from sphinx.locale import get_translation
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from ..i18n import CATALOG
from .collection import PagePause, collection_paused
from .warnings import report, report_finding, warn

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Set

    from sphinx.addnodes import pending_xref
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from ..core.load import LoadResult

# The domain's own labels (index title, object types) follow Sphinx's language through
# Sphinx's lazy translations of the extension's catalog.
_ = get_translation(CATALOG)


def data_shape() -> int:
    """A number that changes whenever the classes kept in the environment change.

    The domain keeps loaded declarations (model objects) in the pickled environment; an
    environment pickled by another version of the extension could unpickle into objects
    missing a field. Sphinx drops a domain's data whose version differs, so a number
    drawn from the fields of every class kept makes an upgrade start afresh.
    """
    from ..core import model  # noqa: PLC0415
    from ..core.diagnostics import Diagnostic  # noqa: PLC0415
    from ..core.load import LoadResult  # noqa: PLC0415

    classes = [
        value
        for value in vars(model).values()
        if isinstance(value, type) and is_dataclass(value) and value.__module__ == model.__name__
    ]
    kept = [ReadDeclaration, LoadResult, Diagnostic, *sorted(classes, key=lambda c: c.__name__)]
    shape = ";".join(f"{cls.__name__}:{','.join(f.name for f in fields(cls))}" for cls in kept)
    return zlib.crc32(shape.encode())


#: :func:`data_shape` of this version of the extension.
DATA_SHAPE = 2175294591


def load_declaration(path: str) -> LoadResult:
    """Load the declaration file at ``path`` (:func:`.core.load.load_declaration`)."""
    from ..core.load import load_declaration as load  # noqa: PLC0415 (charters only)

    return load(path)


def file_stamp(path: str) -> tuple[int, int] | None:
    """What tells a changed file: its modification time and size (``None``: unreadable)."""
    try:
        status = Path(path).stat()
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size)


@dataclass(slots=True)
class ReadDeclaration:
    """A declaration file as read in a build, with the stamp of the file read.

    In the pickled environment its result is one ``bytes`` value, pickled with the
    collection paused and unpickled when it is first asked for: Sphinx pickles the
    environment with every document and merges the workers' environments in a parallel
    build, where the result of a file read before is rarely needed.
    """

    path: str
    stamp: tuple[int, int] | None
    _result: LoadResult | None = None
    _pickled: bytes | None = None

    @property
    def result(self) -> LoadResult:
        """What loading the file gave."""
        if self._result is None:
            assert self._pickled is not None
            with collection_paused():
                self._result = pickle.loads(self._pickled)
        return self._result

    def pickled(self) -> bytes:
        """The result pickled, once: it never changes."""
        if self._pickled is None:
            with collection_paused():
                self._pickled = pickle.dumps(self._result, pickle.HIGHEST_PROTOCOL)
        return self._pickled

    def set_aside(self) -> None:
        """Keep the result pickled only, until it is asked for again: the documents
        are written with tens of thousands of objects fewer for the garbage collector
        to walk, and the environment is pickled with the bytes already made."""
        self.pickled()
        self._result = None

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return (ReadDeclaration, (self.path, self.stamp, None, self.pickled()))


class Use(NamedTuple):
    """A directive showing a declaration: the declaration's key and where it stands."""

    key: str
    location: str


class ObjectEntry(NamedTuple):
    """A cookie or category shown with an anchor on a page.

    ``category_title`` is the caption of the table it is in (its own, for a category);
    ``provider`` is empty for a category.
    """

    docname: str
    anchor: str
    category_title: str
    provider: str
    location: str


class CookieIndex(Index):
    """``cookie-index``: every cookie, with its category, provider and page."""

    name = "index"
    localname = _("Cookie Index")
    shortname = _("cookies")

    def generate(
        self, docnames: Iterable[str] | None = None
    ) -> tuple[list[tuple[str, list[IndexEntry]]], bool]:
        domain = self.domain
        assert isinstance(domain, CookieDomain)
        wanted = set(docnames) if docnames is not None else None
        content: dict[str, list[IndexEntry]] = {}
        for name, entry in sorted(domain.first_entries("cookie"), key=_index_key):
            if wanted is not None and entry.docname not in wanted:
                continue
            page = domain.env.titles.get(entry.docname)
            where = f"{entry.provider} · {page.astext()}" if page else entry.provider
            content.setdefault(_letter(name), []).append(
                IndexEntry(name, 0, entry.docname, entry.anchor, entry.category_title, "", where)
            )
        return sorted(content.items()), False


def _letter(name: str) -> str:
    """The index letter of a cookie name: its first letter or digit (``G`` for ``_ga``)."""
    return next((char.upper() for char in name if char.isalnum()), "_")


def _index_key(item: tuple[str, ObjectEntry]) -> tuple[str, str]:
    name = item[0]
    return (_letter(name), name.lstrip("_-.").lower())


class CookieDomain(Domain):
    """Cookies and their categories as objects of the documentation."""

    name = "cookie"
    label = "Cookie"
    object_types: ClassVar[dict[str, ObjType]] = {
        "cookie": ObjType(_("cookie"), "cookie"),
        "category": ObjType(_("cookie category"), "category"),
    }
    roles: ClassVar[dict[str, Any]] = {
        "cookie": XRefRole(innernodeclass=nodes.literal, warn_dangling=True),
        "category": XRefRole(innernodeclass=nodes.inline, warn_dangling=True),
    }
    indices: ClassVar[list[type[Index]]] = [CookieIndex]
    initial_data: ClassVar[dict[str, Any]] = {
        "declarations": {},  # path -> ReadDeclaration
        "inline": {},  # docname -> [(location, LoadResult)]
        "uses": {},  # docname -> [Use]
        "objects": {},  # (type, name) -> [ObjectEntry]
    }
    #: Changes with the shape of the data kept (older pickled data is dropped): the
    #: value of :func:`data_shape`, written out so that a build does not import the
    #: model to know it; a test fails when the two part.
    data_version = DATA_SHAPE

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        #: Collection paused while a page with a charter is read: the process's, not
        #: the environment's (see .collection).
        self.collection = PagePause()

    # --- the data ---------------------------------------------------------------------

    @property
    def declarations(self) -> dict[str, ReadDeclaration]:
        return self.data["declarations"]  # type: ignore[no-any-return]

    @property
    def inline(self) -> dict[str, list[tuple[str, LoadResult]]]:
        return self.data["inline"]  # type: ignore[no-any-return]

    @property
    def uses(self) -> dict[str, list[Use]]:
        return self.data["uses"]  # type: ignore[no-any-return]

    @property
    def objects(self) -> dict[tuple[str, str], list[ObjectEntry]]:
        return self.data["objects"]  # type: ignore[no-any-return]

    def clear_doc(self, docname: str) -> None:
        self.inline.pop(docname, None)
        self.uses.pop(docname, None)
        for key, entries in list(self.objects.items()):
            kept = [entry for entry in entries if entry.docname != docname]
            if kept:
                self.objects[key] = kept
            else:
                del self.objects[key]

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for path, read in otherdata["declarations"].items():
            mine = self.declarations.get(path)
            if mine is None or mine.stamp != read.stamp:
                self.declarations[path] = read
        for docname in docnames:
            if docname in otherdata["inline"]:
                self.inline[docname] = otherdata["inline"][docname]
            if docname in otherdata["uses"]:
                self.uses[docname] = otherdata["uses"][docname]
        for key, entries in otherdata["objects"].items():
            theirs = [entry for entry in entries if entry.docname in docnames]
            if theirs:
                self.objects.setdefault(key, []).extend(theirs)

    # --- declarations -----------------------------------------------------------------

    def read_file(self, path: str, docname: str, location: str) -> LoadResult:
        """The declaration at ``path`` (a full path), read once per build and again only
        when the file changes; ``docname`` shows it at ``location``."""
        read = self.declarations.get(path)
        if read is None:
            read = self.load(path)
        self.uses.setdefault(docname, []).append(Use(path, location))
        return read.result

    def load(self, path: str) -> ReadDeclaration:
        """Read the file at ``path`` now and keep it."""
        stamp = file_stamp(path)
        read = ReadDeclaration(path, stamp, load_declaration(path))
        self.declarations[path] = read
        return read

    def note_inline(self, docname: str, location: str, result: LoadResult) -> None:
        """Keep a declaration written in a directive's body, to report its problems."""
        self.inline.setdefault(docname, []).append((location, result))

    def refresh(self, also: Iterable[str] = ()) -> None:
        """Before the documents are read: read again every known file that changed, and
        read the files in ``also`` (the configured declaration) if they are new."""
        for path, read in list(self.declarations.items()):
            if file_stamp(path) != read.stamp:
                self.load(path)
        for path in also:
            if path not in self.declarations:
                self.load(path)

    def report(self) -> None:
        """Once all documents are read: forget files no page uses any longer, then give
        the problems and the lint findings of every declaration in use, each once, and
        the duplicate objects."""
        first_use: dict[str, str] = {}
        for docname in sorted(self.uses):
            for use in self.uses[docname]:
                first_use.setdefault(use.key, use.location)
        for path in list(self.declarations):
            if path not in first_use:
                del self.declarations[path]
        for path, location in first_use.items():  # in the order the pages show them
            self.report_declaration(self.declarations[path].result, location)
        for docname in sorted(self.inline):
            for location, result in self.inline[docname]:
                self.report_declaration(result, location)
        if self.uses:
            warn_missing_language(self.env.config.language)
        self.report_duplicates()
        # Every page that shows a declaration has been read.
        for read in self.declarations.values():
            read.set_aside()

    def report_declaration(self, result: LoadResult, location: str) -> None:
        """A declaration's problems, then its lint findings (``cookiecharter_lint``)."""
        for diagnostic in result.diagnostics:
            report(diagnostic, location)
        options = self.env.config.cookiecharter_lint
        if options and result.declaration is not None:
            from ..lint import lint  # noqa: PLC0415 (only builds that show a declaration)

            for finding in lint(result.declaration, **options):
                report_finding(finding)

    # --- objects ----------------------------------------------------------------------

    def note_object(self, objtype: str, name: str, entry: ObjectEntry) -> None:
        """Record a cookie or category shown with an anchor."""
        self.objects.setdefault((objtype, name), []).append(entry)

    def first_entries(self, objtype: str) -> Iterator[tuple[str, ObjectEntry]]:
        """Every object of a type, by name, where it is first shown."""
        for (kind, name), entries in self.objects.items():
            if kind == objtype:
                yield name, min(entries, key=_reading_order)

    def report_duplicates(self) -> None:
        for (objtype, name), entries in sorted(self.objects.items()):
            if len(entries) < 2:
                continue
            first, *others = sorted(entries, key=_reading_order)
            what = "cookie" if objtype == "cookie" else "cookie category"
            for other in others:
                warn(
                    f"the {what} {name!r} is already shown with an anchor at {first.location}; "
                    "give one of the two directives the :no-index: option",
                    "duplicate",
                    other.location,
                )

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        # A category is shown by its caption, as a link to it reads (in another
        # project too: intersphinx takes this display name).
        for objtype in self.object_types:
            for name, entry in self.first_entries(objtype):
                shown = entry.category_title if objtype == "category" else name
                yield (name, shown, objtype, entry.docname, entry.anchor, 1)

    def resolve_xref(  # noqa: PLR0917 (Sphinx calls it so)
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        entries = self.objects.get((typ, target))
        if not entries:
            return None
        entry = min(entries, key=_reading_order)
        if typ == "category" and not node.get("refexplicit"):
            contnode = nodes.inline(entry.category_title, entry.category_title)
        return make_refnode(builder, fromdocname, entry.docname, entry.anchor, contnode, target)

    def resolve_any_xref(  # noqa: PLR0917 (Sphinx calls it so)
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        found = []
        for objtype in self.object_types:
            reference = self.resolve_xref(
                env, fromdocname, builder, objtype, target, node, contnode
            )
            if reference is not None:
                found.append((f"cookie:{objtype}", reference))
        return found


#: Where the documentation says how to add a language.
TRANSLATION_GUIDE = (
    "https://sphinx-cookiecharter.readthedocs.io/en/latest/contributing/translations.html"
)


def warn_missing_language(language: str | None) -> None:
    """One warning when the build language has no catalog: the charter's own wording
    falls back to English (marked as English in the output)."""
    from ..i18n.languages import DEFAULT, base, normalize  # noqa: PLC0415
    from ..i18n.wording import wording_language  # noqa: PLC0415

    wanted = normalize(language)
    written = wording_language(wanted)
    # Only English stands in for another language; nb writes no, zh_CN writes zh_Hans.
    if base(written) == DEFAULT and base(wanted) != DEFAULT:
        warn(
            f"the charter's wording has no translation for the language {wanted!r}: "
            f"its default texts are in English; to add one, see {TRANSLATION_GUIDE}",
            "language",
            None,
        )


def _reading_order(entry: ObjectEntry) -> tuple[str, str]:
    return (entry.docname, entry.location)


class CookieRole(XRefRole):
    """``:cookie:`_ga```: the short spelling of ``:cookie:cookie:`_ga```."""

    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        self.name = "cookie:cookie"
        return super().run()


def warn_unknown_target(app: Sphinx, domain: Domain | None, node: pending_xref) -> bool | None:
    """A role naming no cookie or category: one warning of the extension's type."""
    if domain is None or domain.name != CookieDomain.name:
        return None
    what = "cookie" if node["reftype"] == "cookie" else "cookie category"
    warn(
        f"no indexed charter shows the {what} {node['reftarget']!r}",
        "reference",
        node,
    )
    return True


def refresh_declarations(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: read changed and configured declarations before the
    documents are read (and before parallel readers fork, so they share the result)."""
    configured = app.config.cookiecharter_declaration
    also = [configured_path(app.srcdir, configured)] if configured else []
    domain(env).refresh(also)


def end_collection_pause(app: Sphinx, *args: Any) -> None:
    """``source-read``, ``env-updated`` (before the report) and ``build-finished``: the
    page that paused collection has been read (see .collection)."""
    domain(app.env).collection.end()


def report_declarations(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: report every declaration's problems, once, on every build."""
    domain(env).report()


def configured_path(srcdir: str | os.PathLike[str], configured: str) -> str:
    """The full path of ``cookiecharter_declaration``: relative to the source directory,
    or a full path as given."""
    given = Path(configured)
    if given.is_absolute() and given.is_file():
        return configured
    return os.path.normpath(Path(srcdir) / configured.lstrip("/"))


def domain(env: BuildEnvironment) -> CookieDomain:
    """The build's ``cookie`` domain."""
    found = env.get_domain(CookieDomain.name)
    assert isinstance(found, CookieDomain)
    return found
