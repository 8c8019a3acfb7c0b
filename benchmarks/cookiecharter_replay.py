"""A Sphinx extension the benchmark copies into two projects, to measure Sphinx alone.

In the **capture** project (with ``sphinx_cookiecharter``), it keeps the nodes that the
``cookie-table`` directive returns and pickles them to ``nodes.pickle`` when the build
finishes. In the **replay** project (without the extension), its ``replay-nodes``
directive returns those very nodes, unpickled: the page is the same, node for node, but
nothing of the extension runs. The replay build's time is what Sphinx alone needs for
the charter's output, the limit no directive can go below.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils.parsers.rst import Directive

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

PICKLE = "nodes.pickle"


class ReplayNodes(Directive):
    """The nodes captured from ``cookie-table``, registered with the page as it did."""

    def run(self) -> list[nodes.Node]:
        source = Path(self.state.document.settings.env.srcdir) / PICKLE
        with source.open("rb") as stream:
            result: list[nodes.Node] = pickle.load(stream)
        document = self.state.document
        for node in result:
            for element in node.findall(lambda n: bool(getattr(n, "get", None) and n.get("ids"))):
                for node_id in element["ids"]:
                    document.ids.setdefault(node_id, element)
        return result


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("cookiecharter_replay", "replay", "env")
    captured: list[nodes.Node] = []

    def capture(app: Sphinx) -> None:
        if app.config.cookiecharter_replay != "capture":
            return
        from sphinx_cookiecharter.sphinxext import directives  # noqa: PLC0415

        original = directives.CookieTableDirective.run

        def run(self: Any) -> list[nodes.Node]:
            result = original(self)
            captured.extend(node.deepcopy() for node in result)
            return result

        directives.CookieTableDirective.run = run  # type: ignore[method-assign]

    def finished(app: Sphinx, exception: BaseException | None) -> None:
        if app.config.cookiecharter_replay == "capture" and exception is None:
            with (Path(app.outdir) / PICKLE).open("wb") as stream:
                pickle.dump(captured, stream, pickle.HIGHEST_PROTOCOL)

    app.connect("builder-inited", capture)
    app.connect("build-finished", finished)
    app.add_directive("replay-nodes", ReplayNodes)
    return {"version": "1", "parallel_read_safe": False, "parallel_write_safe": True}
