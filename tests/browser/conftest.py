"""The browser-test harness: Playwright (sync API) driving Debian's Chromium.

Nothing is downloaded at run time: the browser is /usr/bin/chromium (Debian's package
`chromium`; `make test` installs it when it can). If it is missing these tests FAIL with a
message naming the package; they are never skipped. Mark browser tests with
``pytestmark = pytest.mark.browser``.

Fixtures
--------
``browser``
    One headless Chromium for the whole session (per xdist worker).
``desktop_page``
    A fresh page (own cookies) 1280×800, its base URL the ``live_server``, so
    ``desktop_page.goto("/q/1-…")`` works with paths.
``phone_page``
    The same at 390×844 with ``is_mobile`` and ``has_touch`` (a phone).
``each_page``
    Parametrised: the test runs twice, once with a desktop page and once with a phone page.
``open_page``
    ``open_page("desktop")`` or ``open_page("phone")``: one more page with its own cookies
    (another person's browser, e.g. bob answering while charlie watches), closed after
    the test.
``sign_in``
    ``sign_in(page, "bob")`` signs in through the real form at /accounts/login/ (fields
    ``login`` and ``password``; every persona's password is ``practica-demo``) and fails the
    test if it did not work. The page is then on wherever the sign-in redirected (``/``).
``sign_out``
    ``sign_out(page)`` presses "Sign out" in the header.
``axe_check``
    ``axe_check(page)`` runs axe-core (node_modules/axe-core/axe.min.js) on the page as it
    is now and fails the test with a readable list when there are violations of impact
    serious or critical; it returns all violations found (any impact). The page's
    Content-Security-Policy stays in force: axe is served from a fake same-origin URL
    (``/__axe__.js``) through ``page.route``.
``console_errors``
    ``console_errors(page)`` lists the console errors and uncaught exceptions the page
    has logged so far (CSP violations show up here).

Personas and data come from the root conftest: request ``world`` (alice, bob, charlie,
dana, communities open/request/private), ``make_question`` and ``make_answer``. Every page
fixture uses ``live_server``, so the test database is transactional and what the test
creates is visible to the server. Example::

    pytestmark = pytest.mark.browser

    def test_bob_asks_a_question(world, each_page, sign_in, axe_check):
        sign_in(each_page, "bob")
        each_page.goto(f"/c/{world.open.slug}/")
        ...
        axe_check(each_page)

In tests the static files are served from the app folders by ``live_server`` (the plain
staticfiles storage, set by the root conftest).
"""

import os
import weakref
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

# Playwright's sync API runs an event loop in this thread; Django's ORM would then refuse
# to run here. The test thread only sets up data between browser steps, so allow it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "practica-demo"
DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 800}}
PHONE: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}
DEVICES = {"desktop": DESKTOP, "phone": PHONE}
AXE_URL_PATH = "/__axe__.js"
BLOCKING_IMPACTS = ("serious", "critical")
TIMEOUT_MS = 10_000

_console: "weakref.WeakKeyDictionary[Page, list[str]]" = weakref.WeakKeyDictionary()


def axe_source() -> Path:
    node_modules = Path(getattr(settings, "NODE_MODULES", Path.cwd() / "node_modules"))
    for candidate in (node_modules, Path(__file__).resolve().parents[2] / "node_modules"):
        path = candidate / "axe-core" / "axe.min.js"
        if path.exists():
            return path
    pytest.fail(
        "axe-core is not installed (node_modules/axe-core/axe.min.js): run `npm ci` "
        "(make test does it).",
        pytrace=False,
    )


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}: install Debian's package `chromium` "
            "(apt-get install chromium; `make test` does it when run as root). "
            "Browser tests are never skipped.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


def _serve_axe(page: Page) -> None:
    path = axe_source()
    page.route(
        f"**{AXE_URL_PATH}",
        lambda route: route.fulfill(path=path, content_type="application/javascript"),
    )


def _open_page(browser: Browser, base_url: str, options: dict[str, Any]) -> Iterator[Page]:
    context: BrowserContext = browser.new_context(base_url=base_url, **options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors: list[str] = []
    _console[page] = errors
    page.on(
        "console",
        lambda message: errors.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    _serve_axe(page)
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def desktop_page(browser: Browser, live_server: Any, transactional_db: None) -> Iterator[Page]:
    yield from _open_page(browser, live_server.url, DESKTOP)


@pytest.fixture
def phone_page(browser: Browser, live_server: Any, transactional_db: None) -> Iterator[Page]:
    yield from _open_page(browser, live_server.url, PHONE)


@pytest.fixture(params=["desktop", "phone"])
def each_page(
    request: pytest.FixtureRequest, browser: Browser, live_server: Any, transactional_db: None
) -> Iterator[Page]:
    options = DESKTOP if request.param == "desktop" else PHONE
    yield from _open_page(browser, live_server.url, options)


@pytest.fixture
def open_page(
    browser: Browser, live_server: Any, transactional_db: None
) -> Iterator[Callable[[str], Page]]:
    with ExitStack() as stack:

        def factory(device: str = "desktop") -> Page:
            opened = contextmanager(_open_page)(browser, live_server.url, DEVICES[device])
            return stack.enter_context(opened)

        yield factory


def sign_in(page: Page, username: str, password: str = PASSWORD) -> None:
    """Sign in through the real form at /accounts/login/; fail the test if it did not work."""
    page.goto("/accounts/login/")
    form = page.locator("form").filter(has=page.locator("input[name='login']")).first
    form.locator("input[name='login']").fill(username)
    form.locator("input[name='password']").fill(password)
    with page.expect_navigation():
        form.locator("button[type='submit'], input[type='submit']").first.click()
    if urlsplit(page.url).path.startswith("/accounts/login"):
        errors = page.locator(".error-summary, .errorlist, [role='alert']").all_inner_texts()
        pytest.fail(
            f"signing in as {username!r} did not work; the page says: "
            + (" | ".join(e.strip() for e in errors if e.strip()) or "(no error shown)"),
            pytrace=False,
        )


def sign_out(page: Page) -> None:
    """Press "Sign out" in the header (a POST form)."""
    with page.expect_navigation():
        page.locator("form[action='/accounts/logout/'] button[type='submit']").first.click()


def console_errors(page: Page) -> list[str]:
    """Console errors and uncaught exceptions the page logged so far (CSP violations too)."""
    return list(_console.get(page, []))


def _describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- [{violation['impact']}] {violation['id']}: {violation['help']}"
            f" ({violation.get('helpUrl', '')})"
        )
        for node in violation["nodes"][:5]:
            target = " ".join(str(t) for t in node.get("target", []))
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    at {target}: {summary}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more elements")
    return "\n".join(lines)


def axe_check(page: Page, *, impacts: tuple[str, ...] = BLOCKING_IMPACTS) -> list[dict[str, Any]]:
    """Run axe-core on the page; fail on violations of the given impacts (serious, critical)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(page.url))
        page.add_script_tag(url=origin + AXE_URL_PATH)
        page.wait_for_function("() => typeof window.axe !== 'undefined'")
    violations: list[dict[str, Any]] = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    blocking = [v for v in violations if v.get("impact") in impacts]
    if blocking:
        pytest.fail(
            f"axe-core found {len(blocking)} accessibility violation(s) of impact "
            f"{' or '.join(impacts)} on {page.url}:\n{_describe(blocking)}",
            pytrace=False,
        )
    return violations


@pytest.fixture(name="sign_in")
def sign_in_fixture() -> Callable[..., None]:
    return sign_in


@pytest.fixture(name="sign_out")
def sign_out_fixture() -> Callable[[Page], None]:
    return sign_out


@pytest.fixture(name="axe_check")
def axe_check_fixture() -> Callable[..., list[dict[str, Any]]]:
    return axe_check


@pytest.fixture(name="console_errors")
def console_errors_fixture() -> Callable[[Page], list[str]]:
    return console_errors
