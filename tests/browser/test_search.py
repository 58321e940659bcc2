"""Search in a real browser: the header box, results with highlighted words, a facet that
narrows them, and a misspelling that gets a "did you mean"; on a desktop and on a phone,
with and without JavaScript. The questions are asked through the services, so the index is
brought up to date the way it is in production (after commit, by the background task)."""

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import World
from practica.discussions import services as qa
from tests.browser.conftest import TIMEOUT_MS

pytestmark = pytest.mark.browser


def ask_some(world: World) -> None:
    qa.ask_question(
        community=world.open,
        by=world.bob,
        title="Grease interval for raw water pump bearings",
        body="We grease every 2,000 hours; two bearings ran hot.",
    )
    qa.ask_question(
        community=world.request,
        by=world.bob,
        title="Grease budget for the next project phase",
        body="How do you estimate consumables?",
    )


def test_bob_searches_from_the_header_and_narrows_by_community(
    world: World,
    each_page: Page,
    sign_in: Callable[..., None],
    axe_check: Callable[..., Any],
    console_errors: Any,
) -> None:
    ask_some(world)
    page = each_page
    sign_in(page, "bob")
    box = page.get_by_role("searchbox", name="Search").first
    box.fill("grease")
    box.press("Enter")
    expect(page.get_by_role("heading", name="2 results")).to_be_visible()
    expect(page.locator(".search-hit__snippet b").first).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Project Managers (1)").click()
    expect(page.get_by_role("heading", name="1 result")).to_be_visible()
    expect(
        page.get_by_role("link", name="Grease budget for the next project phase")
    ).to_be_visible()
    page.get_by_role("searchbox", name="Search everything you can see").fill("greese")
    page.get_by_role("button", name="Search", exact=True).last.click()
    expect(page.get_by_text("Did you mean")).to_be_visible()
    axe_check(page)
    assert console_errors(page) == []


def test_search_works_without_javascript(
    world: World, browser: Browser, live_server: Any, transactional_db: None
) -> None:
    ask_some(world)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill("dana")
    page.get_by_label("Password").fill("practica-demo")
    page.get_by_role("button", name="Sign in").click()
    page.goto("/search/?q=grease")
    # dana (partner organisation) sees the open community only.
    expect(page.get_by_role("heading", name="1 result")).to_be_visible()
    expect(page.get_by_text("Grease budget")).to_have_count(0)
    context.close()
