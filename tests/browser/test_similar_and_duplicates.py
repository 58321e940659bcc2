"""Has this been asked before? In a real browser, on a desktop and on a phone: typing a
title on the ask form brings questions like it (htmx, into a polite live region), never one
the member may not see; without JavaScript the "Check for similar questions" button does the
same and keeps what was typed. A facilitator closes a question as a duplicate, choosing the
original from the questions like it, and both pages say so.

The questions are asked through the services, so the search index is brought up to date as
in production (after commit, by the background task)."""

import re
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import World
from practica.content.models import Entry
from practica.discussions import services as qa
from tests.browser.conftest import PHONE, TIMEOUT_MS

pytestmark = pytest.mark.browser

TYPED_TITLE = "Booster pump seal failing again"
TYPED_BODY = "The mechanical seal leaks a week after every rebuild."


def ask_some(world: World) -> dict[str, Entry]:
    return {
        "open": qa.ask_question(
            community=world.open,
            by=world.dana,
            title="Why does the mechanical seal on our booster pump fail early?",
            body="The booster pump seal fails after a few days of running.",
        ),
        "private": qa.ask_question(
            community=world.private,
            by=world.bob,
            title="Booster pump seal failures after the crews were reorganised",
            body="Private to the change practitioners.",
        ),
        "duplicate": qa.ask_question(
            community=world.open,
            by=world.charlie,
            title="Booster pump seals keep failing within a week",
            body="Our booster pump mechanical seal fails again and again.",
        ),
    }


def test_typing_a_title_shows_similar_questions_charlie_may_see(
    world: World,
    each_page: Page,
    sign_in: Callable[..., None],
    axe_check: Callable[..., Any],
    console_errors: Callable[[Page], list[str]],
) -> None:
    asked = ask_some(world)
    page = each_page
    sign_in(page, "charlie")
    page.goto(f"/c/{world.open.slug}/ask/")
    region = page.locator("#similar-results")
    expect(region).to_have_attribute("aria-live", "polite")
    expect(page.get_by_role("region", name="Has this been asked before?")).to_be_visible()
    expect(region).to_contain_text("Start typing a title")

    page.get_by_label("Title").press_sequentially(TYPED_TITLE, delay=10)

    expect(region.get_by_role("link", name=asked["open"].title)).to_be_visible()
    expect(region).to_contain_text(world.open.name)
    expect(region).not_to_contain_text(asked["private"].title)
    # Nothing was posted: the member is still on the form, with what they typed.
    assert urlsplit(page.url).path == f"/c/{world.open.slug}/ask/"
    expect(page.get_by_label("Title")).to_have_value(TYPED_TITLE)
    axe_check(page)

    # The details refine it too; and the list is replaced, not appended to.
    page.get_by_label("Details").fill(TYPED_BODY)
    expect(region.get_by_role("link", name=asked["open"].title)).to_have_count(1)
    assert console_errors(page) == []


@pytest.fixture
def no_js(
    browser: Browser, live_server: Any, transactional_db: None
) -> Iterator[Callable[..., Page]]:
    """Pages in new browsers (own cookies) with JavaScript switched off."""
    contexts = []

    def open_page(device: dict[str, Any] | None = None) -> Page:
        options = device or {"viewport": {"width": 1280, "height": 800}}
        context = browser.new_context(
            base_url=live_server.url, java_script_enabled=False, **options
        )
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def press(page: Page, button: Any) -> int:
    with page.expect_navigation() as navigation:
        button.click()
    response = navigation.value
    return response.status if response is not None else 0


@pytest.mark.parametrize("device", [None, PHONE], ids=["desktop", "phone"])
def test_the_check_button_works_without_javascript_and_keeps_what_was_typed(
    world: World,
    no_js: Callable[..., Page],
    sign_in: Callable[..., None],
    device: dict[str, Any] | None,
) -> None:
    asked = ask_some(world)
    page = no_js(device)
    sign_in(page, "charlie")
    page.goto(f"/c/{world.open.slug}/ask/")
    page.get_by_label("Title").fill(TYPED_TITLE)
    page.get_by_label("Details").fill(TYPED_BODY)
    page.get_by_label("Topics").fill("Vibration analysis")

    status = press(page, page.get_by_role("button", name="Check for similar questions"))

    assert status == 200
    expect(page.get_by_label("Title")).to_have_value(TYPED_TITLE)
    expect(page.get_by_label("Details")).to_have_value(TYPED_BODY)
    expect(page.get_by_label("Topics")).to_have_value("Vibration analysis")
    region = page.locator("#similar-results")
    expect(region.get_by_role("link", name=asked["open"].title)).to_be_visible()
    expect(region).not_to_contain_text(asked["private"].title)
    expect(page.locator(".error-summary")).to_have_count(0)

    # It still asks when the member decides it is new.
    assert press(page, page.get_by_role("button", name="Post your question")) == 200
    expect(page.get_by_role("heading", level=1)).to_have_text(TYPED_TITLE)


def test_bob_closes_a_question_as_a_duplicate_and_both_pages_say_so(
    world: World,
    each_page: Page,
    sign_in: Callable[..., None],
    axe_check: Callable[..., Any],
    console_errors: Callable[[Page], list[str]],
) -> None:
    asked = ask_some(world)
    original, duplicate = asked["open"], asked["duplicate"]
    page = each_page
    sign_in(page, "bob")
    page.goto(duplicate.get_absolute_url())

    page.get_by_role("link", name="Close as duplicate").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Close as a duplicate")
    candidates = page.locator("#candidates")
    expect(candidates.get_by_role("link", name=original.title)).to_be_visible()
    axe_check(page)

    # The search box narrows the choice as bob types (htmx).
    page.get_by_label("Look for the original").press_sequentially("reorganised crews", delay=10)
    expect(candidates.get_by_role("link", name=asked["private"].title)).to_be_visible()
    expect(candidates.get_by_role("link", name=original.title)).to_have_count(0)
    page.get_by_label("Look for the original").fill("")
    page.get_by_label("Look for the original").press_sequentially("mechanical seal", delay=10)
    expect(candidates.get_by_role("link", name=original.title)).to_be_visible()

    # A bad address is a form error that keeps what he typed.
    page.get_by_label("The original question").fill("the one from last week")
    page.get_by_role("button", name="Close as a duplicate").click()
    expect(page.locator(".error-summary")).to_contain_text("not a question's address")
    expect(page.get_by_label("The original question")).to_have_value("the one from last week")

    chosen = re.compile(r"^This is the original\W+" + re.escape(original.title))
    candidates.get_by_role("button", name=chosen).click()
    page.wait_for_url(f"**{duplicate.get_absolute_url()}")
    banner = page.locator("#duplicate-banner")
    expect(banner).to_contain_text("This question has been asked before:")
    expect(banner.get_by_role("link", name=original.title)).to_be_visible()
    axe_check(page)

    banner.get_by_role("link", name=original.title).click()
    duplicates = page.locator(".duplicates")
    expect(duplicates).to_contain_text("Duplicates of this question")
    expect(duplicates.get_by_role("link", name=duplicate.title)).to_be_visible()
    axe_check(page)

    page.goto(f"/c/{world.open.slug}/questions/")
    expect(page.locator(".question-item", has_text=duplicate.title).locator(".pill")).to_have_text(
        "duplicate"
    )
    # The refused address above answered 422 on purpose; nothing else went wrong.
    assert [e for e in console_errors(page) if "status of 422" not in e] == []
