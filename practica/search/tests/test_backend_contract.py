"""What every search backend must do, run against each of them: the embedded (tantivy) one
always, the PostgreSQL one when the test database is PostgreSQL."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection

from practica.search.backends.base import BackendQuery, BackendResult, Filters, SearchBackend
from practica.search.documents import SearchDoc
from practica.search.query import ParsedQuery, parse
from practica.search.scope import Scope, scope_of_communities

EVERYTHING = Scope(everything=True, communities={}, terms=())
C1 = scope_of_communities([1])
NOTHING = Scope(everything=False, communities={}, terms=())
DAY = 86_400
START = 1_700_000_000


@pytest.fixture(params=["embedded", "postgres"])
def backend(request: pytest.FixtureRequest, db: None, tmp_path: Path) -> Iterator[SearchBackend]:
    if request.param == "postgres":
        if connection.vendor != "postgresql":
            pytest.skip("the PostgreSQL backend needs a PostgreSQL test database (DATABASE_URL)")
        from practica.search.backends.postgres import PostgresBackend

        yield PostgresBackend()
    else:
        from practica.search.backends.embedded import EmbeddedBackend

        yield EmbeddedBackend(tmp_path / "index")


def doc(key: str, title: str = "", body: str = "", **fields: object) -> SearchDoc:
    community = fields.pop("community_id", 1)
    values: dict[str, object] = {
        "type": "question",
        "scopes": [f"c{community}"],
        "url": f"/{key.replace(':', '/')}",
        "community_id": community,
        "author_id": 10,
        "created": START,
        "prior": 2.0,
    }
    values.update(fields)
    return SearchDoc(key=key, title=title, body=body, **values)  # type: ignore[arg-type]


def find(
    backend: SearchBackend, text: str = "", scope: Scope = EVERYTHING, **options: object
) -> BackendResult:
    parsed = parse(text, synonyms=False) if text else ParsedQuery()
    return backend.search(BackendQuery(parsed=parsed, scope=scope, **options))  # type: ignore[arg-type]


def keys(result: BackendResult) -> list[str]:
    return [hit.key for hit in result.hits]


PUMPS = [
    doc("entry:1", "Mechanical seal leaks on the pump", "The mechanical seal started leaking."),
    doc("entry:2", "Seal choice for a centrifugal pump", "Which mechanical packing is better?"),
    doc("entry:3", "Gland packing or a seal", "Packing needs a gland; the seal is mechanical."),
    doc("entry:4", "Bearing noise", "The bearings of the motor make noise at high speed."),
]


# --- the query language -------------------------------------------------------------------


def test_a_phrase_matches_the_words_only_in_that_order(backend: SearchBackend) -> None:
    backend.write(PUMPS, [])
    assert set(keys(find(backend, '"mechanical seal"'))) == {"entry:1"}
    assert set(keys(find(backend, "mechanical seal"))) == {"entry:1", "entry:2", "entry:3"}


def test_an_excluded_word_or_phrase_removes_the_documents_holding_it(
    backend: SearchBackend,
) -> None:
    backend.write(PUMPS, [])
    assert set(keys(find(backend, "seal -gland"))) == {"entry:1", "entry:2"}
    assert set(keys(find(backend, 'seal -"mechanical seal"'))) == {"entry:2", "entry:3"}


def test_or_matches_either_word(backend: SearchBackend) -> None:
    backend.write(PUMPS, [])
    assert set(keys(find(backend, "gland OR bearings"))) == {"entry:3", "entry:4"}


def test_stemming_finds_pump_when_asked_for_pumps(backend: SearchBackend) -> None:
    backend.write(PUMPS, [])
    assert set(keys(find(backend, "pumps"))) == {"entry:1", "entry:2"}
    assert set(keys(find(backend, "leaking"))) == {"entry:1"}


def test_all_match_needs_every_word_and_any_match_one_of_them(backend: SearchBackend) -> None:
    backend.write(PUMPS, [])
    assert set(keys(find(backend, "gland bearings"))) == set()
    assert set(keys(find(backend, "gland bearings", match="any"))) == {"entry:3", "entry:4"}
    assert find(backend, "gland bearings", match="any").total == 2


def test_a_word_in_the_title_ranks_above_the_same_word_in_the_body(
    backend: SearchBackend,
) -> None:
    backend.write(
        [
            doc("entry:1", "Notes", "A long note about impellers and other parts of machines."),
            doc("entry:2", "Impellers", "A long note about wheels and other parts of machines."),
        ],
        [],
    )
    assert keys(find(backend, "impellers")) == ["entry:2", "entry:1"]


def test_a_query_of_only_unknown_words_finds_nothing(backend: SearchBackend) -> None:
    backend.write(PUMPS, [])
    result = find(backend, "zyzzyva", facets=True)
    assert (result.hits, result.total) == ([], 0)


def test_an_empty_query_finds_nothing_without_keys(backend: SearchBackend) -> None:
    backend.write(PUMPS, [])
    assert find(backend, "").total == 0


# --- visibility -----------------------------------------------------------------------------


def test_a_document_outside_the_scope_is_never_returned_counted_faceted_or_suggested(
    backend: SearchBackend,
) -> None:
    backend.write(
        [
            doc("entry:1", "Pump vibration", "Vibration of the pump.", community_id=1),
            doc(
                "entry:2",
                "Pump cavitation secret",
                "Cavitation in the pump.",
                community_id=2,
                author_id=22,
                topic_ids=[7],
            ),
        ],
        [],
    )
    result = find(backend, "pump", scope=C1, facets=True)
    assert keys(result) == ["entry:1"]
    assert result.total == 1
    assert result.facets["community"] == [("1", 1)]
    assert ("22", 1) not in result.facets["author"]
    assert result.facets["topics"] == []
    assert find(backend, "cavitation", scope=C1).total == 0
    assert find(backend, "cavitation", scope=C1, match="any").hits == []
    assert backend.vocabulary("cav", C1, limit=10) == []
    assert backend.vocabulary("secret", C1, limit=10) == []
    assert backend.vocabulary("pump", C1, limit=10) == [("pump", 1)]
    assert backend.vocabulary("pump", EVERYTHING, limit=10) == [("pump", 2)]
    fetched = find(backend, scope=C1, filters=Filters(keys=["entry:1", "entry:2"]))
    assert keys(fetched) == ["entry:1"]
    similar = find(backend, scope=C1, similar_text="pump cavitation secret", limit=5)
    assert keys(similar) == ["entry:1"]


def test_an_empty_scope_sees_nothing(backend: SearchBackend) -> None:
    backend.write(PUMPS, [])
    assert find(backend, "seal", scope=NOTHING, facets=True).total == 0
    assert backend.vocabulary("s", NOTHING, limit=10) == []


def test_a_document_with_several_scopes_is_seen_through_any_of_them(
    backend: SearchBackend,
) -> None:
    backend.write(
        [doc("member:5", "Sam Pumpwright", "engineer", type="member", scopes=["u5", "c3", "host"])],
        [],
    )
    host = Scope(everything=False, communities={}, terms=("auth", "u9", "host"))
    assert keys(find(backend, "pumpwright", scope=host)) == ["member:5"]
    assert keys(find(backend, "pumpwright", scope=C1)) == []
    assert backend.vocabulary("pumpw", host, limit=5) == [("pumpwright", 1)]


# --- filters --------------------------------------------------------------------------------

FILTERED = [
    doc("entry:1", "Valve one", type="question", community_id=1, author_id=11, topic_ids=[5]),
    doc("entry:2", "Valve two", type="answer", community_id=1, author_id=12, topic_ids=[6]),
    doc("entry:3", "Valve three", type="question", community_id=2, author_id=11, answered=True),
    doc("entry:4", "Valve four", type="question", community_id=2, created=START + 3 * DAY),
    doc("comment:5", "", "valve comment", type="comment", community_id=1, created=START + DAY),
]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(types=["answer", "comment"]), {"entry:2", "comment:5"}),
        (Filters(community_ids=[2]), {"entry:3", "entry:4"}),
        (Filters(topic_ids=[6, 99]), {"entry:2"}),
        (Filters(author_ids=[11]), {"entry:1", "entry:3"}),
        (Filters(created_from=START + DAY), {"entry:4", "comment:5"}),
        (Filters(created_to=START + DAY), {"entry:1", "entry:2", "entry:3"}),
        (Filters(created_from=START + DAY, created_to=START + 2 * DAY), {"comment:5"}),
        (Filters(answered=True), {"entry:3"}),
        (Filters(answered=False), {"entry:1", "entry:4"}),
        (Filters(keys=["entry:2", "entry:4", "entry:99"]), {"entry:2", "entry:4"}),
        (Filters(keys=[]), set()),
        (Filters(types=["question"], community_ids=[2], answered=False), {"entry:4"}),
    ],
)
def test_each_filter_keeps_only_the_documents_it_names(
    backend: SearchBackend, filters: Filters, expected: set[str]
) -> None:
    backend.write(FILTERED, [])
    result = find(backend, "valve", filters=filters, facets=True)
    assert set(keys(result)) == expected
    assert result.total == len(expected)


def test_keys_alone_fetch_those_documents_without_a_query(backend: SearchBackend) -> None:
    backend.write(FILTERED, [])
    result = find(backend, filters=Filters(keys=["entry:3", "comment:5"]), limit=10)
    assert set(keys(result)) == {"entry:3", "comment:5"}
    hit = next(h for h in result.hits if h.key == "entry:3")
    assert (hit.community_id, hit.author_id, hit.answered, hit.type) == (2, 11, True, "question")


# --- order, pages, totals, facets ----------------------------------------------------------


def test_relevance_is_weighted_by_the_prior_so_a_duplicate_ranks_below_its_original(
    backend: SearchBackend,
) -> None:
    same = ("Impeller erosion", "Erosion of the impeller vanes.")
    backend.write(
        [
            doc("entry:1", *same, prior=0.0, duplicate_of=2),
            doc("entry:2", *same, prior=2.0),
            doc("entry:3", *same, prior=8.0),
        ],
        [],
    )
    result = find(backend, "impeller erosion")
    assert keys(result) == ["entry:3", "entry:2", "entry:1"]
    scores = [hit.score for hit in result.hits]
    assert scores[0] > scores[1] > scores[2] > 0
    # log2(2 + prior): 1, 2 and log2(10) times the same text score.
    assert scores[1] / scores[2] == pytest.approx(2.0, rel=0.01)
    assert result.hits[2].duplicate_of == 2


def test_newest_and_votes_sort_by_their_field(backend: SearchBackend) -> None:
    backend.write(
        [
            doc("entry:1", "Valve a", created=START + 2, votes=5),
            doc("entry:2", "Valve b", created=START + 3, votes=1),
            doc("entry:3", "Valve c", created=START + 1, votes=9),
        ],
        [],
    )
    assert keys(find(backend, "valve", sort="newest")) == ["entry:2", "entry:1", "entry:3"]
    assert keys(find(backend, "valve", sort="votes")) == ["entry:3", "entry:1", "entry:2"]


def test_offset_and_limit_page_through_the_total(backend: SearchBackend) -> None:
    backend.write([doc(f"entry:{i}", f"Valve {i}", created=START + i) for i in range(1, 8)], [])
    first = find(backend, "valve", sort="newest", limit=3)
    second = find(backend, "valve", sort="newest", limit=3, offset=3)
    last = find(backend, "valve", sort="newest", limit=3, offset=6)
    beyond = find(backend, "valve", sort="newest", limit=3, offset=20)
    assert keys(first) == ["entry:7", "entry:6", "entry:5"]
    assert keys(second) == ["entry:4", "entry:3", "entry:2"]
    assert keys(last) == ["entry:1"]
    assert (beyond.hits, beyond.total) == ([], 7)
    assert {first.total, second.total, last.total} == {7}


def test_facets_count_every_match_not_only_the_page(backend: SearchBackend) -> None:
    backend.write(FILTERED, [])
    facets = find(backend, "valve", facets=True, limit=1).facets
    assert sorted(facets["type"]) == [("answer", 1), ("comment", 1), ("question", 3)]
    assert facets["type"][0] == ("question", 3)
    assert sorted(facets["community"]) == [("1", 3), ("2", 2)]
    assert sorted(facets["topics"]) == [("5", 1), ("6", 1)]
    assert sorted(facets["author"]) == [("10", 2), ("11", 2), ("12", 1)]
    assert sorted(facets["answered"]) == [("0", 2), ("1", 1)]


def test_facets_follow_the_filters(backend: SearchBackend) -> None:
    backend.write(FILTERED, [])
    facets = find(backend, "valve", facets=True, filters=Filters(community_ids=[2])).facets
    assert facets["community"] == [("2", 2)]
    assert sorted(facets["answered"]) == [("0", 1), ("1", 1)]


# --- snippets and what a hit carries --------------------------------------------------------


def test_snippets_bold_the_matched_words_and_escape_the_text(backend: SearchBackend) -> None:
    backend.write(
        [doc("entry:1", "Script", 'Put <script>alert("x")</script> & the pumps aside.')], []
    )
    (hit,) = find(backend, "pump").hits
    assert "<b>pumps</b>" in hit.snippet
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet
    assert "&amp;" in hit.snippet


def test_without_a_body_match_the_snippet_is_the_escaped_beginning_of_the_body(
    backend: SearchBackend,
) -> None:
    body = "<i>Nothing</i> about it here. " + "Filler words go on and on. " * 20
    backend.write([doc("entry:1", "Pump title", body)], [])
    (hit,) = find(backend, "pump").hits
    assert hit.snippet.startswith("&lt;i&gt;Nothing&lt;/i&gt; about it here.")
    assert hit.snippet.endswith("…")


def test_a_hit_carries_the_documents_fields(backend: SearchBackend) -> None:
    backend.write(
        [
            doc(
                "entry:7",
                "",
                "An answer about pumps",
                type="answer",
                label="The question's title",
                url="/e/7",
                community_id=3,
                author_id=4,
                created=START + 5,
                votes=6,
                thread_id=2,
            )
        ],
        [],
    )
    (hit,) = find(backend, "pumps").hits
    assert (hit.key, hit.type, hit.title, hit.label, hit.url) == (
        "entry:7",
        "answer",
        "",
        "The question's title",
        "/e/7",
    )
    assert (hit.community_id, hit.author_id, hit.created, hit.votes) == (3, 4, START + 5, 6)
    assert (hit.thread_id, hit.duplicate_of, hit.answered) == (2, 0, False)


# --- similar text --------------------------------------------------------------------------


def test_a_long_text_finds_the_most_alike_document_first(backend: SearchBackend) -> None:
    backend.write(
        [
            doc("entry:1", "Pump cavitation noise", "Cavitation in the suction line, NPSH low."),
            doc("entry:2", "Motor bearing temperature", "Bearing grease and motor temperature."),
            doc("entry:3", "Seal flush plan", "Which API plan for the mechanical seal flush?"),
        ],
        [],
    )
    text = (
        "Our centrifugal pump makes a rattling noise, like gravel, and the suction pressure "
        "is low. I suspect cavitation: is the NPSH available too low for this pump?"
    )
    result = find(backend, similar_text=text, limit=3)
    assert keys(result)[0] == "entry:1"
    assert "entry:2" not in keys(result)
    assert find(backend, similar_text="   ").hits == []


# --- writing --------------------------------------------------------------------------------


def test_write_replaces_a_document_by_key(backend: SearchBackend) -> None:
    backend.write([doc("entry:1", "Old pump title", "old body")], [])
    backend.write([doc("entry:1", "New valve title", "new body", votes=3)], [])
    assert backend.count() == 1
    assert find(backend, "pump").total == 0
    (hit,) = find(backend, "valve").hits
    assert (hit.title, hit.votes) == ("New valve title", 3)
    assert backend.vocabulary("pump", EVERYTHING, limit=5) == []
    assert backend.vocabulary("valve", EVERYTHING, limit=5) == [("valve", 1)]


def test_write_deletes_keys(backend: SearchBackend) -> None:
    backend.write(PUMPS, [])
    backend.write([], ["entry:1", "entry:404"])
    assert backend.count() == 3
    assert "entry:1" not in keys(find(backend, "seal"))
    assert backend.vocabulary("leaks", C1, limit=5) == []


def test_a_deleted_documents_title_words_leave_the_unrestricted_vocabulary(
    backend: SearchBackend,
) -> None:
    backend.write(PUMPS, [])
    backend.write([], ["entry:1"])
    assert backend.vocabulary("leaks", EVERYTHING, limit=5) == []


def test_rebuild_replaces_everything(backend: SearchBackend) -> None:
    backend.write(PUMPS, [])
    added = backend.rebuild(
        [[doc("entry:10", "Valve stem")], [doc("entry:11", "Valve seat", community_id=2)]]
    )
    assert added == 2
    assert backend.count() == 2
    assert find(backend, "seal").total == 0
    assert set(keys(find(backend, "valve"))) == {"entry:10", "entry:11"}
    assert backend.vocabulary("valve", EVERYTHING, limit=5) == [("valve", 2)]
    assert backend.vocabulary("valve", C1, limit=5) == [("valve", 1)]
    assert backend.vocabulary("mech", EVERYTHING, limit=5) == []


def test_clear_empties_the_index(backend: SearchBackend) -> None:
    backend.write(PUMPS, [])
    backend.clear()
    assert backend.count() == 0
    assert find(backend, "seal").total == 0


def test_vocabulary_lists_title_words_with_a_prefix_and_their_document_counts(
    backend: SearchBackend,
) -> None:
    backend.write(
        [
            doc("entry:1", "Pump seal", "sealing body words are not title words"),
            doc("entry:2", "Pumping seals"),
            doc("entry:3", "Seal seal seal"),
        ],
        [],
    )
    assert backend.vocabulary("sea", EVERYTHING, limit=10) == [("seal", 2), ("seals", 1)]
    assert backend.vocabulary("p", C1, limit=10) == [("pump", 1), ("pumping", 1)]
    assert backend.vocabulary("p", C1, limit=1) == [("pump", 1)]


# --- the PostgreSQL backend's own choices ----------------------------------------------------


def test_postgres_similar_text_leaves_out_stems_most_documents_of_a_large_index_hold(
    backend: SearchBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    if backend.name != "postgres":
        pytest.skip("PostgreSQL statistics")
    from practica.search.backends import postgres

    monkeypatch.setattr(postgres, "COMMON_AFTER", 10)  # documents: "large" here

    common = [doc(f"entry:{i}", f"Pump number {i}", "A pump.") for i in range(1, 40)]
    backend.write([*common, doc("entry:99", "Cavitation", "Bubbles collapse.")], [])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_searchdocument")
        query = postgres.like_query(cursor, "pump pump pump cavitation")
    assert query is not None
    assert query.full == "'cavit'"
    assert keys(find(backend, similar_text="pump pump pump cavitation")) == ["entry:99"]
    monkeypatch.setattr(postgres, "COMMON_AFTER", 1000)
    with connection.cursor() as cursor:
        query = postgres.like_query(cursor, "pump pump pump cavitation")
    assert query is not None and query.full == "'cavit' | 'pump'"  # the rarer first


def test_postgres_similar_text_asks_for_two_words_then_one(backend: SearchBackend) -> None:
    if backend.name != "postgres":
        pytest.skip("the PostgreSQL backend's query plan")
    from practica.search.backends import postgres

    backend.write(
        [
            doc("entry:1", "Pump cavitation noise"),
            doc("entry:2", "Pump seal"),
            doc("entry:3", "Cavitation noise at night"),
        ],
        [],
    )
    with connection.cursor() as cursor:
        query = postgres.like_query(cursor, "pump cavitation noise")
    assert query is not None and query.relaxed is not None
    assert "&" in (query.full or "") and "&" not in query.relaxed
    # Two documents hold two of the words: enough for a page of two, not for three.
    assert set(keys(find(backend, similar_text="pump cavitation noise", limit=2))) == {
        "entry:1",
        "entry:3",
    }
    three = find(backend, similar_text="pump cavitation noise", limit=3)
    assert keys(three)[:2] in (["entry:1", "entry:3"], ["entry:3", "entry:1"])
    assert (keys(three)[2], three.total) == ("entry:2", 3)
