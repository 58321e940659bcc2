from typing import Any

import pytest

from practica.accounts import services
from practica.accounts.models import User
from practica.content.models import Entry
from practica.core.errors import ServiceError


def test_a_member_who_leaves_keeps_their_content_under_their_name(
    world: Any, make_question: Any
) -> None:
    question = make_question(community=world.open, author=world.charlie)
    services.deactivate_member(user=world.charlie)
    question.refresh_from_db()
    assert question.author.display_name == "Charlie"
    assert not User.objects.get(pk=world.charlie.pk).is_active


def test_a_person_claims_their_imported_placeholder_and_its_content(
    world: Any, make_question: Any
) -> None:
    placeholder = User.objects.create(
        username="se-user-42", name="Imported Ivy", is_placeholder=True, organisation=world.host
    )
    question = make_question(community=world.open, author=placeholder)
    services.claim_placeholder(placeholder=placeholder, by=world.charlie)
    assert Entry.objects.get(pk=question.pk).author == world.charlie
    placeholder.refresh_from_db()
    assert not placeholder.is_active


def test_only_placeholders_can_be_claimed(world: Any) -> None:
    with pytest.raises(ServiceError):
        services.claim_placeholder(placeholder=world.bob, by=world.charlie)


def test_a_personal_token_signs_in_until_it_is_revoked(world: Any) -> None:
    token, key = services.create_token(user=world.bob, name="scripts")
    assert services.user_for_token(key) == world.bob
    assert token.key_hash != key and key not in token.prefix + "x"
    services.revoke_token(user=world.bob, token_id=token.pk)
    assert services.user_for_token(key) is None


def test_a_deactivated_members_token_no_longer_works(world: Any) -> None:
    _token, key = services.create_token(user=world.bob, name="scripts")
    services.deactivate_member(user=world.bob)
    assert services.user_for_token(key) is None


def test_the_host_organisation_is_created_once_with_the_configured_name(db: Any) -> None:
    first = services.host_organisation()
    assert services.host_organisation() == first
    assert first.is_host


def test_a_member_cannot_follow_themselves(world: Any) -> None:
    with pytest.raises(ServiceError):
        services.follow_member(follower=world.bob, followed=world.bob)
