"""Smoke tests of the browser harness: the landing page and signing in, on desktop and phone."""

from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def test_the_landing_page_answers_200_with_the_sign_in_form_and_passes_axe(
    world: Any, each_page: Page, axe_check: Any, console_errors: Any
) -> None:
    response = each_page.goto("/")

    assert response is not None and response.status == 200
    assert urlsplit(each_page.url).path == "/"
    assert each_page.locator("input[name='login']").first.is_visible()
    assert each_page.locator("input[name='password']").first.is_visible()
    assert each_page.locator("h1").count() == 1
    axe_check(each_page)
    assert console_errors(each_page) == []


def test_bob_signs_in_through_the_real_form_and_lands_on_the_dashboard(
    world: Any, each_page: Page, sign_in: Any, axe_check: Any, console_errors: Any
) -> None:
    sign_in(each_page, "bob")

    assert urlsplit(each_page.url).path == "/"
    assert each_page.locator("input[name='login']").count() == 0
    assert each_page.get_by_role("button", name="Sign out").count() == 1
    assert each_page.locator("h1").count() == 1
    axe_check(each_page)
    assert console_errors(each_page) == []


def test_signing_in_with_a_wrong_password_keeps_the_visitor_on_the_sign_in_page(
    world: Any, desktop_page: Page
) -> None:
    desktop_page.goto("/accounts/login/")
    desktop_page.locator("input[name='login']").fill("bob")
    desktop_page.locator("input[name='password']").fill("not-the-password")
    with desktop_page.expect_navigation():
        desktop_page.locator("form:has(input[name='login']) [type='submit']").first.click()

    assert urlsplit(desktop_page.url).path == "/accounts/login/"
    assert desktop_page.locator("input[name='login']").input_value() == "bob"
