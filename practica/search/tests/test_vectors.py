"""The vector store: nearest with the community restriction, writes, persistence, and readers
in other processes seeing what the writer saved."""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from practica.search import vectors

DIMS = 64
OPEN, PRIVATE, OTHER = 1, 2, 3


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def random_unit(n: int, seed: int = 0) -> np.ndarray:
    return unit(np.random.default_rng(seed).standard_normal((n, DIMS)))


def near(vector: np.ndarray, noise: float, seed: int = 1) -> np.ndarray:
    jitter = np.random.default_rng(seed).standard_normal(vector.shape) * noise / np.sqrt(DIMS)
    return unit((vector + jitter)[None, :])[0]


def test_nearest_finds_the_closest_vectors_best_first() -> None:
    rows = random_unit(500)
    vectors.upsert([(n + 1, OPEN, rows[n]) for n in range(500)])

    found = vectors.nearest(near(rows[41], 0.3), community_ids=None, limit=5)

    exact = np.argsort(-(rows @ near(rows[41], 0.3)))[:5] + 1
    assert {entry for entry, _ in found} == set(exact)
    assert found[0][0] == 42
    assert [score for _, score in found] == sorted((s for _, s in found), reverse=True)
    assert vectors.count() == 500


def test_nearest_leaves_out_what_is_less_alike_than_min_score() -> None:
    rows = random_unit(200)
    vectors.upsert([(n + 1, OPEN, rows[n]) for n in range(200)])

    found = vectors.nearest(rows[0], community_ids=None, limit=10, min_score=0.5)

    assert [entry for entry, _ in found] == [1]


def test_a_private_communitys_vectors_are_never_returned_without_that_community() -> None:
    rows = random_unit(300)
    query = rows[0]
    # The private community holds the query's nearest neighbours.
    private = [(1000 + n, PRIVATE, near(query, 0.1, seed=n)) for n in range(20)]
    vectors.upsert(private + [(n + 1, OPEN, rows[n]) for n in range(1, 300)])

    for allowed in ([OPEN], [OPEN, OTHER], [OTHER], []):
        found = vectors.nearest(query, community_ids=allowed, limit=50)
        assert not {entry for entry, _ in found} & {entry for entry, _, _ in private}
    with_private = vectors.nearest(query, community_ids=[OPEN, PRIVATE], limit=20)
    assert {entry for entry, _ in with_private} == {entry for entry, _, _ in private}


def test_a_restricted_search_returns_the_best_of_the_allowed_communities() -> None:
    """A viewer who sees one small community gets its best matches, however many closer
    vectors other communities hold."""
    big = random_unit(20000, seed=3)
    small = random_unit(40, seed=4)
    vectors.upsert([(n + 1, OPEN, big[n]) for n in range(20000)])
    vectors.upsert([(100000 + n, OTHER, small[n]) for n in range(40)])
    query = near(small[0], 2.0)

    found = vectors.nearest(query, community_ids=[OTHER], limit=10)

    exact = set(np.argsort(-(small @ query))[:10] + 100000)
    assert {entry for entry, _ in found} == exact


def test_upsert_replaces_a_vector_and_can_move_it_to_another_community() -> None:
    rows = random_unit(3)
    vectors.upsert([(1, OPEN, rows[0]), (2, OPEN, rows[1])])

    vectors.upsert([(1, PRIVATE, rows[2])])

    assert vectors.count() == 2
    assert vectors.nearest(rows[2], community_ids=[OPEN], limit=1)[0][0] == 2
    assert vectors.nearest(rows[2], community_ids=[PRIVATE], limit=5) == [
        (1, pytest.approx(1.0, abs=0.01))
    ]


def test_remove_drops_vectors_and_removing_unknown_ids_is_harmless() -> None:
    rows = random_unit(10)
    vectors.upsert([(n + 1, OPEN, rows[n]) for n in range(10)])

    vectors.remove([3, 4, 99])
    vectors.remove([])

    assert vectors.count() == 8
    found = {entry for entry, _ in vectors.nearest(rows[2], community_ids=None, limit=10)}
    assert found == {1, 2, 5, 6, 7, 8, 9, 10}
    vectors.upsert([(3, OPEN, rows[2])])  # back again
    assert vectors.nearest(rows[2], community_ids=None, limit=1)[0][0] == 3
    assert vectors.count() == 9


def test_many_removals_compact_the_store_and_keep_the_live_vectors(monkeypatch: Any) -> None:
    monkeypatch.setattr(vectors, "COMPACT_MIN_DEAD", 10)
    rows = random_unit(100)
    vectors.upsert([(n + 1, OPEN if n % 2 else OTHER, rows[n]) for n in range(100)])
    generation = vectors.store().read_meta().generation

    vectors.remove(range(1, 41))

    meta = vectors.store().read_meta()
    assert meta.generation == generation + 1
    assert meta.rows == meta.live == 60 == vectors.count()
    assert [p.name for p in vectors.store_dir().glob("g*")] == [meta.folder]
    for n in (40, 77, 99):
        expected = OPEN if n % 2 else OTHER
        assert vectors.nearest(rows[n], community_ids=[expected], limit=1)[0][0] == n + 1


def test_clear_empties_the_store() -> None:
    rows = random_unit(5)
    vectors.upsert([(n + 1, OPEN, rows[n]) for n in range(5)])

    vectors.clear()

    assert vectors.count() == 0
    assert vectors.nearest(rows[0], community_ids=None, limit=5) == []
    vectors.upsert([(9, OPEN, rows[0])])
    assert vectors.nearest(rows[0], community_ids=None, limit=5)[0][0] == 9


def test_an_empty_store_and_odd_questions_find_nothing() -> None:
    query = random_unit(1)[0]
    assert vectors.nearest(query, community_ids=None, limit=5) == []
    assert vectors.count() == 0
    vectors.upsert([(1, OPEN, query)])
    assert vectors.nearest(query, community_ids=None, limit=0) == []
    assert vectors.nearest(query[:10], community_ids=None, limit=5) == []  # other dimensions
    assert len(vectors.nearest(query, community_ids=None, limit=50)) == 1


def test_community_ids_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        vectors.upsert([(1, 0, random_unit(1)[0])])


def test_vectors_of_other_dimensions_replace_the_old_ones() -> None:
    vectors.upsert([(1, OPEN, random_unit(1)[0])])

    wider = np.ones(DIMS * 2, dtype=np.float32)
    vectors.upsert([(2, OPEN, wider)])

    assert vectors.count() == 1
    assert vectors.store().dims() == DIMS * 2
    assert vectors.nearest(wider, community_ids=None, limit=5)[0][0] == 2


def test_quantisation_keeps_cosines_within_a_hundredth() -> None:
    rows = random_unit(2000, seed=9)
    codes, scales = vectors.quantise(rows)
    restored = codes.astype(np.float32) * scales[:, None]

    queries = random_unit(50, seed=10)
    assert np.abs(queries @ restored.T - queries @ rows.T).max() < 0.01
    assert codes.dtype == np.int8 and codes.nbytes == 2000 * DIMS

    vectors.upsert([(n + 1, OPEN, rows[n]) for n in range(2000)])
    for query in queries[:5]:
        for entry, score in vectors.nearest(query, community_ids=None, limit=10):
            assert abs(score - float(rows[entry - 1] @ query)) < 0.01


def test_vectors_are_stored_in_memory_mapped_files_under_the_index_dir(settings: Any) -> None:
    vectors.upsert([(1, OPEN, random_unit(1)[0])])

    folder = Path(settings.SEARCH_INDEX_DIR) / "vectors"
    meta = json.loads((folder / "meta.json").read_text())
    assert meta["rows"] == meta["live"] == 1 and meta["dims"] == DIMS
    snapshot = vectors.store().snapshot()
    assert snapshot is not None
    assert isinstance(snapshot.vectors.base, np.memmap)


WRITER = """
import sys, numpy as np, django
django.setup()
from practica.search import vectors
entry, seed = int(sys.argv[1]), int(sys.argv[2])
row = np.random.default_rng(seed).standard_normal(64).astype(np.float32)
if entry:
    vectors.upsert([(entry, 1, row)])
print(vectors.count(), vectors.nearest(row, community_ids=[1], limit=1)[0][0])
"""


def run_other_process(settings: Any, entry: int, seed: int) -> list[int]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "practica.settings",
        "PRACTICA_VAR_DIR": str(Path(settings.SEARCH_INDEX_DIR).parent / "var"),
        "PRACTICA_SEARCH_INDEX_DIR": str(settings.SEARCH_INDEX_DIR),
    }
    done = subprocess.run(
        [sys.executable, "-c", WRITER, str(entry), str(seed)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return [int(word) for word in done.stdout.split()]


def test_a_reader_sees_what_a_writer_in_another_process_saved(settings: Any) -> None:
    mine = np.random.default_rng(1).standard_normal(DIMS).astype(np.float32)
    theirs = np.random.default_rng(2).standard_normal(DIMS).astype(np.float32)
    vectors.upsert([(1, OPEN, mine)])
    assert vectors.nearest(theirs, community_ids=None, limit=5)[0][0] == 1  # mapped now

    assert run_other_process(settings, entry=2, seed=2) == [2, 2]  # it saw entry 1 too

    assert vectors.count() == 2
    assert vectors.nearest(theirs, community_ids=None, limit=1)[0][0] == 2
    vectors.remove([2])
    assert run_other_process(settings, entry=0, seed=1) == [1, 1]
