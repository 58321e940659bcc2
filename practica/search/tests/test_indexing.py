"""The index follows every create, edit, move, delete and permission change."""

import threading
import time
from io import StringIO
from typing import Any
from unittest import mock

import pytest
from django.core.management import call_command

from practica.communities.services import join_community
from practica.content.services import delete_entry, edit_entry, move_entry
from practica.discussions.services import post_answer
from practica.search import indexing
from practica.search.backends import get_backend
from practica.search.engine import SearchQuery, search
from practica.search.locking import writer_lock


def found(viewer: Any, text: str, **kw: Any) -> list[str]:
    return [h.title for h in search(viewer=viewer, query=SearchQuery(text=text, **kw)).hits]


@pytest.fixture
def live(django_capture_on_commit_callbacks: Any) -> Any:
    """Run what services schedule after commit (the background task runs immediately)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_new_question_is_searchable_once_committed(world, make_question, live):
    with live():
        make_question(community=world.open, author=world.bob, title="Cavitation on pump 4")
    assert found(world.charlie, "cavitation") == ["Cavitation on pump 4"]


def test_an_edit_replaces_the_old_words(world, make_question, live):
    with live():
        question = make_question(community=world.open, author=world.bob, title="Impeller wear")
    with live():
        edit_entry(entry=question, by=world.bob, title="Casing wear", body="Rewritten.")
    assert found(world.bob, "impeller") == []
    assert found(world.bob, "casing") == ["Casing wear"]


def test_an_answer_makes_its_question_answered_and_findable_by_it(world, make_question, live):
    with live():
        question = make_question(community=world.open, author=world.bob, title="Noisy motor")
    with live():
        post_answer(question=question, by=world.charlie, body="Check the fan cowl for rubbing.")
    page = search(viewer=world.bob, query=SearchQuery(text="cowl", types=["question"]))
    assert [h.title for h in page.hits] == ["Noisy motor"]
    assert page.hits[0].is_answered


def test_a_deleted_question_disappears(world, make_question, live):
    with live():
        question = make_question(community=world.open, author=world.bob, title="Gland packing")
    with live():
        delete_entry(entry=question, by=world.bob)
    assert found(world.bob, "gland") == []


def test_moving_a_thread_to_the_private_community_hides_it_and_its_answers(
    world, make_question, make_answer, live
):
    with live():
        question = make_question(community=world.open, author=world.bob, title="Reorg of the team")
        make_answer(question=question, author=world.bob, body="Reorg answer text.")
    assert len(found(world.charlie, "reorg")) == 2
    with live():
        move_entry(entry=question, to=world.private, by=world.alice)
    assert found(world.charlie, "reorg") == []
    assert len(found(world.bob, "reorg")) == 2


def test_joining_a_community_changes_who_can_find_the_member(world, live, reindex):
    from practica.accounts.models import User

    eve = User.objects.create_user(username="eve", name="Eve Quasar", organisation=world.partner)
    reindex()
    assert found(world.dana, "quasar", types=["member"]) == []
    with live():
        join_community(community=world.open, user=eve)
    assert found(world.dana, "quasar", types=["member"]) == ["Eve Quasar"]


def test_reindex_command_rebuilds_and_is_safe_to_run_twice(world, make_question):
    make_question(community=world.open, author=world.bob, title="Spare parts kitting")
    out = StringIO()
    call_command("reindex", stdout=out, stderr=StringIO(), verbosity=0)
    first = get_backend().count()
    call_command("reindex", stdout=out, stderr=StringIO(), verbosity=0)
    assert get_backend().count() == first
    assert "Indexed" in out.getvalue()
    assert found(world.bob, "kitting") == ["Spare parts kitting"]


def test_an_interrupted_rebuild_leaves_the_old_index_serving(world, make_question, reindex):
    make_question(community=world.open, author=world.bob, title="Torque wrench calibration")
    reindex()
    broken = mock.patch.object(indexing.documents, "build", side_effect=KeyboardInterrupt)
    with broken, pytest.raises(KeyboardInterrupt):
        indexing.rebuild(progress=False)
    assert found(world.bob, "torque") == ["Torque wrench calibration"]


def test_writers_wait_for_each_other(tmp_path):
    order: list[str] = []

    def second() -> None:
        with writer_lock(tmp_path):
            order.append("second")

    with writer_lock(tmp_path):
        thread = threading.Thread(target=second)
        thread.start()
        time.sleep(0.2)
        order.append("first")
    thread.join(5)
    assert order == ["first", "second"]
