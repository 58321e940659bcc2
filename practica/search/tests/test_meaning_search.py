"""Search with a meaning model built: a question found by what it means, not its words, and
never across the visibility rule. Uses the toy model of test_meaning (no download, no torch)."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from practica.search import meaning
from practica.search.engine import SearchQuery, search, similar

from .test_meaning import build_toy_model

pytest.importorskip("model2vec")


@pytest.fixture
def toy_model(tmp_path: Path, settings: Any) -> Iterator[None]:
    settings.SEARCH_MODEL_DIR = build_toy_model(tmp_path / "model")
    meaning.forget()
    yield
    meaning.forget()


def test_a_question_is_found_by_its_meaning_and_only_where_visible(
    world, make_question, reindex, toy_model
):
    make_question(community=world.open, author=world.bob, title="Delete account", body="delete")
    make_question(community=world.private, author=world.bob, title="Account delete", body="delete")
    make_question(community=world.open, author=world.bob, title="Pump water seal", body="pump")
    reindex()  # also embeds the entries, now that a model is available
    # No word in common with "Delete account": found through the meaning vectors.
    charlie = search(viewer=world.charlie, query=SearchQuery(text="remove profile"))
    assert [h.title for h in charlie.hits] == ["Delete account"]
    bob = search(viewer=world.bob, query=SearchQuery(text="remove profile"))
    assert {h.title for h in bob.hits} == {"Delete account", "Account delete"}
    titles = [h.title for h in similar(viewer=world.charlie, text="remove my profile")]
    assert titles == ["Delete account"]
