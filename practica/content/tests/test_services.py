from typing import Any

import pytest

from practica.communities.models import Community
from practica.content import services
from practica.content.models import Entry
from practica.content.visibility import visible_entries
from practica.core.errors import NotAllowed
from practica.core.pagination import InvalidCursor, encode_cursor, paginate
from practica.discussions import services as qa


def test_editing_an_answer_never_gives_it_a_title(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    answer = qa.post_answer(question=question, by=world.bob, body="First")
    services.edit_entry(entry=answer, by=world.bob, body="Second", title="Sneaky title here")
    answer.refresh_from_db()
    assert (answer.title, answer.body, answer.revision_count) == ("", "Second", 2)


def test_deleting_an_accepted_answer_unaccepts_it_and_uncounts_it(
    world: Any, make_question: Any
) -> None:
    question = make_question(community=world.open, author=world.charlie)
    answer = qa.post_answer(question=question, by=world.bob, body="First")
    qa.accept_answer(answer=answer, by=world.charlie)
    services.delete_entry(entry=answer, by=world.bob)
    question.refresh_from_db()
    assert (question.child_count, question.accepted_child_id) == (0, None)
    assert not visible_entries(world.bob).filter(pk=answer.pk).exists()


def test_only_the_author_or_a_facilitator_may_delete(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    with pytest.raises(NotAllowed):
        services.delete_entry(entry=question, by=world.dana)


def test_moving_a_thread_keeps_its_url_and_moves_its_answers(
    world: Any, make_question: Any
) -> None:
    question = make_question(community=world.open, author=world.charlie)
    answer = qa.post_answer(question=question, by=world.bob, body="First")
    url = question.get_absolute_url()
    services.move_entry(entry=question, to=world.private, by=world.bob)
    assert Entry.objects.get(pk=answer.pk).community == world.private
    assert Entry.objects.get(pk=question.pk).get_absolute_url() == url
    assert Community.objects.get(pk=world.private.pk).question_count == 1
    assert Community.objects.get(pk=world.open.pk).question_count == 0
    assert not visible_entries(world.charlie).filter(pk=question.pk).exists()


def test_moving_needs_a_facilitator_of_both_communities(world: Any, make_question: Any) -> None:
    question = make_question(community=world.open, author=world.charlie)
    with pytest.raises(NotAllowed):
        services.move_entry(entry=question, to=world.request, by=world.charlie)


def test_a_hand_made_cursor_with_wrong_types_is_refused(world: Any) -> None:
    with pytest.raises(InvalidCursor):
        paginate(
            Entry.objects.all(),
            order=["-created_at", "-id"],
            cursor=encode_cursor(["abc", "not a number"]),
            limit=5,
        )
