"""Visit a site in Chromium and record what it stores: the browser side of the audit.

One Chromium, started so that it keeps third-party cookies as a desktop browser does by
default, visits several pages at once (``concurrency``). Every page is seen by a fresh
visitor: a browser context (cookies and storage of its own) from a small pool, in a new
tab, with every cookie and all the storage of every origin the previous visitor contacted
erased (Chromium's ``Storage.clearDataForOrigin``); a new context costs far more than
that, so the pool keeps the audit fast. On each page:

- **arrival**: the page is loaded and left to settle (no request in flight for a moment);
  cookies (every domain, so third parties' too), local and session storage keys and
  IndexedDB databases of every frame are read; same-origin links are collected;
- **actions** (when asked for, still before any consent): what a reader does on a page,
  such as switching the colour scheme, choosing a tab or copying code, is done one action
  after the other (each a click on the first visible element its selector matches), and
  the page is read again after each; what is found is seen on arrival, marked with the
  action after which it was read;
- **accepted** / **rejected**: the consent selector is clicked, the page reloaded and
  read again; the first consent phase continues the arrival's visit, another one takes
  a visitor of its own.

Requests to hosts of another site are recorded as third-party hosts contacted. Forms are
never submitted (an init script stops every submission); only the consent selectors and
the actions' selectors are clicked.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import posixpath
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit, urlunsplit
from xml.etree import ElementTree

from .browser import launch_keeping_third_party, playwright_error, start_async_playwright
from .domains import party, registrable_domain
from .observation import Host, Item, Observation, PageVisit

if TYPE_CHECKING:
    from collections.abc import Callable

    from .observation import Phase

#: Suffixes of links that are not pages (downloads, sources, assets).
NOT_PAGES = frozenset(
    [
        ".txt",
        ".rst",
        ".md",
        ".pdf",
        ".epub",
        ".zip",
        ".gz",
        ".tgz",
        ".bz2",
        ".xz",
        ".whl",
        ".tar",
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".svg",
        ".webp",
        ".ico",
        ".css",
        ".js",
        ".mjs",
        ".json",
        ".xml",
        ".inv",
        ".woff",
        ".woff2",
        ".ttf",
        ".mp4",
        ".webm",
        ".mp3",
        ".csv",
        ".yaml",
        ".yml",
        ".toml",
        ".py",
        ".ipynb",
    ]
)

_READ_STORAGE = """async () => {
  const found = {origin: location.origin, local: [], session: [], idb: []};
  try { found.local = Object.keys(localStorage); } catch (e) {}
  try { found.session = Object.keys(sessionStorage); } catch (e) {}
  try {
    if (indexedDB.databases) {
      found.idb = (await indexedDB.databases()).map((d) => d.name).filter(Boolean);
    }
  } catch (e) {}
  return found;
}"""

_NO_SUBMIT = """(() => {
  addEventListener('submit', (event) => event.preventDefault(), true);
  HTMLFormElement.prototype.submit = function () {};
  HTMLFormElement.prototype.requestSubmit = function () {};
})();"""

_LINKS = "els => els.map((el) => el.href).filter((href) => typeof href === 'string')"


@dataclass(frozen=True, slots=True)
class Action:
    """Something a reader does on a page, after which what it stores is read again.

    :param label: how reports and measurements name it (``colour scheme``).
    :param selector: a CSS selector; the first visible element it matches is clicked.
    :param clicks: how many times, one after the other (a button that cycles through
        light, dark and automatic colours needs several).
    """

    label: str
    selector: str
    clicks: int = 1


@dataclass(frozen=True, slots=True)
class CollectOptions:
    """How to visit: how many pages, which consent phases, how long to wait.

    :param consent_phases: the phases after arrival to run, among ``accepted`` and
        ``rejected``; each needs its selector.
    :param concurrency: pages visited at once, in one browser.
    :param settle: how long the network must be quiet before a page is read (seconds).
    :param actions: what a reader does on each page after arrival, before any consent
        choice; the page is read again after each action.
    """

    pages: int = 50
    accept_selector: str | None = None
    reject_selector: str | None = None
    consent_phases: tuple[Phase, ...] = ()
    page_timeout: float = 30.0
    timeout: float = 600.0
    concurrency: int = 4
    settle: float = 0.3
    browser: str | None = None
    use_sitemap: bool = True
    actions: tuple[Action, ...] = ()
    progress: Callable[[int, int, str], None] | None = field(default=None, compare=False)


def page_key(url: str) -> str:
    """What a page is called in reports: its path (and query) on the site."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "") or "/"


def _identity(url: str) -> str:
    """Two addresses of one page (``dir/`` and ``dir/index.html``) give one identity."""
    parts = urlsplit(url)
    path = parts.path or "/"
    if path.endswith("/"):
        path += "index.html"
    return urlunsplit((parts.scheme, parts.netloc.lower(), path, parts.query, ""))


def in_scope(url: str, scope: str) -> bool:
    """True for an ``http(s)`` page under ``scope`` (the starting address's folder)
    that is not a download or an asset."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return False
    if not _identity(url).startswith(_identity(scope).removesuffix("index.html")):
        return False
    return posixpath.splitext(parts.path)[1].lower() not in NOT_PAGES


def scope_of(start: str) -> str:
    """The folder of the starting address: pages outside it are not visited."""
    parts = urlsplit(start)
    folder = parts.path[: parts.path.rfind("/") + 1] or "/"
    return urlunsplit((parts.scheme, parts.netloc, folder, "", ""))


def sitemap_pages(text: str, scope: str) -> list[str]:
    """The pages a ``sitemap.xml`` lists, as addresses under ``scope``.

    Addresses of the same site under the scope are kept as they are. When none is (a
    local build whose sitemap names the production site), the addresses are taken
    relative to their longest common folder and joined to the scope.
    """
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError:
        return []
    locations = [
        (element.text or "").strip()
        for element in root.iter()
        if element.tag.rsplit("}", 1)[-1] == "loc" and (element.text or "").strip()
    ]
    inside = [url for url in locations if in_scope(url, scope)]
    if inside or not locations:
        return inside
    folders = [scope_of(url) for url in locations]
    common = posixpath.commonpath([urlsplit(folder).path for folder in folders])
    rebased = []
    for url in locations:
        path = urlsplit(url).path
        relative = posixpath.relpath(path, common) if path.rstrip("/") != common else ""
        if path.endswith("/") and relative not in ("", "."):
            relative += "/"
        rebased.append(urljoin(scope, "" if relative == "." else relative))
    return [url for url in rebased if in_scope(url, scope)]


@dataclass(slots=True)
class _Visit:
    """What one page gave."""

    page: PageVisit
    items: list[Item]
    hosts: list[Host]
    links: list[str]


class _Collector:
    def __init__(self, start: str, options: CollectOptions) -> None:
        self.start = start
        self.options = options
        self.scope = scope_of(start)
        self.site_host = urlsplit(start).hostname or ""
        self.site = registrable_domain(self.site_host)
        self.visits: dict[str, _Visit] = {}
        self.order: list[str] = []
        self.notes: list[str] = []
        self.pool: list[tuple[Any, Any]] = []

    # --- one visitor ---------------------------------------------------------------

    async def _snapshot(
        self, context: Any, page: Any, key: str, phase: Phase, action: str | None = None
    ) -> list[Item]:
        now = time.time()
        items: list[Item] = []
        for cookie in await context.cookies():
            expires = cookie.get("expires", -1)
            lifetime = None if expires is None or expires < 0 else max(0, round(expires - now))
            domain = cookie["domain"]
            items.append(
                Item(
                    cookie["name"],
                    "cookie",
                    domain,
                    party(domain, self.site_host),
                    key,
                    phase,
                    lifetime,
                    cookie.get("path"),
                    cookie.get("secure"),
                    cookie.get("httpOnly"),
                    cookie.get("sameSite"),
                    action=action,
                )
            )
        seen: set[tuple[str, str, str]] = set()
        for frame in page.frames:
            if frame.is_detached() or not frame.url.startswith(("http:", "https:")):
                continue
            try:
                found = await frame.evaluate(_READ_STORAGE)
            except playwright_error():
                continue
            origin = found.get("origin") or ""
            host = urlsplit(origin).hostname
            if not host:
                continue
            for storage, names in (
                ("local-storage", found.get("local") or []),
                ("session-storage", found.get("session") or []),
                ("indexeddb", found.get("idb") or []),
            ):
                for name in names:
                    if (name, storage, origin) in seen:
                        continue
                    seen.add((name, storage, origin))
                    items.append(
                        Item(
                            str(name),
                            storage,  # type: ignore[arg-type]
                            host,
                            party(host, self.site_host),
                            key,
                            phase,
                            origin=origin,
                            action=action,
                        )
                    )
        return items

    async def _settle(self, inflight: set[Any]) -> None:
        """Wait until no request has been in flight for ``settle`` seconds (at most
        five seconds, or the page timeout if shorter): late scripts and what they load
        have run by then."""
        loop = asyncio.get_running_loop()
        end = loop.time() + min(self.options.page_timeout, 5.0)
        quiet_since: float | None = None
        while loop.time() < end:
            if inflight:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = loop.time()
            elif loop.time() - quiet_since >= self.options.settle:
                return
            await asyncio.sleep(0.025)

    async def _visitor_tab(self, browser: Any) -> tuple[Any, Any]:
        """A fresh visitor: a browser context and its tab, from the pool or new (cookies
        and storage of its own; an init script that stops form submissions)."""
        if self.pool:
            return self.pool.pop()
        context = await browser.new_context()
        await context.add_init_script(_NO_SUBMIT)
        context.set_default_timeout(self.options.page_timeout * 1000)
        return context, await context.new_page()

    async def _release(self, context: Any, page: Any, origins: set[str]) -> None:
        """Make the visitor fresh again and put it back in the pool: the session storage
        of every frame is cleared, the tab leaves for ``about:blank`` (its scripts stop),
        every cookie is cleared and so is all the storage (local, IndexedDB, caches,
        service workers) of every origin the visit contacted. Reusing the tab keeps its
        renderer process, far cheaper than a new context or tab for every page. A
        visitor that cannot be cleaned is closed instead."""
        try:
            for frame in page.frames:
                with contextlib.suppress(playwright_error()):
                    await frame.evaluate("() => sessionStorage.clear()")
            await page.goto("about:blank")
            session = await context.new_cdp_session(page)
            await context.clear_cookies()
            for origin in sorted(origins):
                await session.send(
                    "Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"}
                )
            await session.detach()
        except playwright_error():
            with contextlib.suppress(playwright_error()):
                await context.close()
            return
        self.pool.append((context, page))

    async def _visitor(
        self, browser: Any, url: str, visit: _Visit, consent: Phase | None, *, first: bool
    ) -> bool:
        """One fresh visitor on ``url``: arrival (with the page's links, for the first
        visitor), then the consent phase if one is given. Returns False when the address
        is not an HTML page."""
        options = self.options
        key = visit.page.url
        timeout = options.page_timeout * 1000
        context, page = await self._visitor_tab(browser)
        phase: list[Phase] = ["arrival"]
        inflight: set[Any] = set()
        origins: set[str] = set()

        def on_request(request: Any) -> None:
            inflight.add(request)
            parts = urlsplit(request.url)
            if parts.scheme in ("http", "https") and parts.hostname:
                origins.add(f"{parts.scheme}://{parts.netloc}")
                if registrable_domain(parts.hostname) != self.site:
                    visit.hosts.append(Host(parts.hostname, key, phase[0]))

        def on_done(request: Any) -> None:
            inflight.discard(request)

        page.on("request", on_request)
        page.on("requestfinished", on_done)
        page.on("requestfailed", on_done)
        try:
            try:
                response = await page.goto(url, wait_until="load", timeout=timeout)
            except playwright_error() as error:
                visit.page = _with_problem(visit.page, f"not loaded: {_first_line(error)}")
                return True
            if response is not None:
                kind = (await response.all_headers()).get("content-type", "")
                if kind and "html" not in kind:
                    return False
                visit.page = replace(visit.page, status=response.status)
            await self._settle(inflight)
            visit.items += await self._snapshot(context, page, key, "arrival")
            if first:
                visit.links = await page.eval_on_selector_all("a[href]", _LINKS)
                visit.page = replace(visit.page, title=await page.title() or None)
                visit.page = replace(visit.page, phases=("arrival",))
                await self._act(context, page, visit, inflight)
            if consent is None:
                return True
            selector = options.accept_selector if consent == "accepted" else options.reject_selector
            assert selector is not None
            button = page.locator(selector).first
            if not await button.count():
                visit.page = _with_problem(
                    visit.page, f"{consent}: nothing matches the selector {selector!r}"
                )
                return True
            try:
                await button.click(timeout=timeout)
            except playwright_error() as error:
                visit.page = _with_problem(
                    visit.page, f"{consent}: {selector!r} not clicked: {_first_line(error)}"
                )
                return True
            await self._settle(inflight)
            phase[0] = consent
            await page.reload(wait_until="load", timeout=timeout)
            await self._settle(inflight)
            visit.items += await self._snapshot(context, page, key, consent)
            visit.page = replace(visit.page, phases=(*visit.page.phases, consent))
            return True
        finally:
            page.remove_listener("request", on_request)
            page.remove_listener("requestfinished", on_done)
            page.remove_listener("requestfailed", on_done)
            await self._release(context, page, origins)

    async def _act(self, context: Any, page: Any, visit: _Visit, inflight: set[Any]) -> None:
        """Do each action in turn, reading the page again after each one. An action
        whose selector matches nothing visible, or whose click fails, is a problem of
        the page; the next actions are still done."""
        key = visit.page.url
        for action in self.options.actions:
            target = page.locator(f"{action.selector} >> visible=true").first
            if not await target.count():
                visit.page = _with_problem(
                    visit.page, f"{action.label}: nothing visible matches {action.selector!r}"
                )
                continue
            try:
                for _ in range(action.clicks):
                    await target.click(timeout=self.options.page_timeout * 1000)
                    await self._settle(inflight)
            except playwright_error() as error:
                visit.page = _with_problem(
                    visit.page, f"{action.label}: not clicked: {_first_line(error)}"
                )
            # A click may have opened another page of the site (a search result).
            with contextlib.suppress(playwright_error()):
                await page.wait_for_load_state("load")
            visit.items += await self._snapshot(context, page, key, "arrival", action.label)

    async def _visit(self, browser: Any, url: str) -> _Visit | None:
        """Every visitor a page needs: the first one arrives and takes the first consent
        phase; each further consent phase needs a visitor of its own."""
        key = page_key(url)
        visit = _Visit(PageVisit(key), [], [], [])
        phases: list[Phase | None] = [*self.options.consent_phases] or [None]
        if not await self._visitor(browser, url, visit, phases[0], first=True):
            return None
        for consent in phases[1:]:
            await self._visitor(browser, url, visit, consent, first=False)
        return visit

    # --- the crawl -----------------------------------------------------------------

    async def _initial(self, browser: Any) -> tuple[list[str], bool]:
        """The pages to start from, and whether they come from a sitemap."""
        if self.options.use_sitemap:
            context = await browser.new_context()
            try:
                for candidate in dict.fromkeys(
                    (urljoin(self.scope, "sitemap.xml"), urljoin(self.start, "/sitemap.xml"))
                ):
                    try:
                        response = await context.request.get(
                            candidate, timeout=self.options.page_timeout * 1000
                        )
                    except playwright_error():
                        continue
                    if response.ok:
                        pages = sitemap_pages(await response.text(), self.scope)
                        if pages:
                            self.notes.append(f"pages taken from {page_key(candidate)}")
                            return pages, True
            finally:
                await context.close()
        return [self.start], False

    async def run(self) -> Observation:
        options = self.options
        started = asyncio.get_running_loop().time()
        deadline = started + options.timeout
        with tempfile.TemporaryDirectory(prefix="cookiecharter-audit-") as profile:
            async with start_async_playwright() as playwright:
                host = await launch_keeping_third_party(playwright, Path(profile), options.browser)
                try:
                    browser = host.browser
                    initial, from_sitemap = await self._initial(browser)
                    await self._crawl(browser, initial, follow=not from_sitemap, deadline=deadline)
                finally:
                    with contextlib.suppress(playwright_error()):
                        await host.close()
        visits = [self.visits[url] for url in self.order if url in self.visits]
        return Observation(
            target=self.start,
            site_host=self.site_host,
            pages=tuple(visit.page for visit in visits),
            items=tuple(item for visit in visits for item in visit.items),
            hosts=tuple(host for visit in visits for host in visit.hosts),
            phases=("arrival", *options.consent_phases),
            notes=tuple(self.notes),
        )

    async def _crawl(
        self, browser: Any, initial: list[str], *, follow: bool, deadline: float
    ) -> None:
        options = self.options
        queue: asyncio.Queue[str] = asyncio.Queue()
        known: set[str] = set()
        loop = asyncio.get_running_loop()
        done = 0
        late = False

        def offer(url: str) -> None:
            identity = _identity(url)
            if identity in known or len(known) >= options.pages:
                return
            known.add(identity)
            self.order.append(url)
            queue.put_nowait(url)

        for url in initial:
            offer(url)

        async def worker() -> None:
            nonlocal done, late
            while True:
                url = await queue.get()
                try:
                    left = deadline - loop.time()
                    if left <= 0:
                        late = True
                        continue
                    phases = 1 + len(options.consent_phases)
                    try:
                        visit = await asyncio.wait_for(
                            self._visit(browser, url),
                            timeout=min(left, options.page_timeout * 3 * phases),
                        )
                    except TimeoutError:
                        visit = _Visit(
                            PageVisit(page_key(url), problems=("stopped: time limit reached",)),
                            [], [], [],
                        )  # fmt: skip
                        late = late or loop.time() >= deadline
                    except Exception as error:  # whatever it is, it ends only this page
                        visit = _Visit(
                            PageVisit(page_key(url), problems=(f"failed: {_first_line(error)}",)),
                            [], [], [],
                        )  # fmt: skip
                    if visit is None:
                        continue
                    self.visits[url] = visit
                    done += 1
                    if options.progress is not None:
                        options.progress(done, len(known), page_key(url))
                    if follow:
                        for link in visit.links:
                            absolute = urljoin(url, link).split("#", 1)[0]
                            if in_scope(absolute, self.scope):
                                offer(absolute)
                finally:
                    queue.task_done()

        workers = [asyncio.create_task(worker()) for _ in range(max(1, options.concurrency))]
        try:
            await queue.join()
        finally:
            for task in workers:
                task.cancel()
            await asyncio.gather(*workers, return_exceptions=True)
        if late:
            self.notes.append(
                f"the total time limit ({options.timeout:g} s) was reached: some pages "
                "were not visited"
            )


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def _with_problem(page: PageVisit, problem: str) -> PageVisit:
    return replace(page, problems=(*page.problems, problem))


def collect(start: str, options: CollectOptions | None = None) -> Observation:
    """Visit the site from ``start`` (an ``http(s)`` address) and return what it stores.

    :raises BrowserUnavailable: when Playwright or Chromium cannot be had.
    """
    collector = _Collector(start, options or CollectOptions())
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # the usual case: no event loop in this thread
        return asyncio.run(collector.run())
    # Called from inside an event loop (Playwright's synchronous API keeps one): run the
    # audit's own loop in a thread of its own.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, collector.run()).result()
