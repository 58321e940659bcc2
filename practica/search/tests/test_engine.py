"""The search engine as members use it: query syntax, filters, facets, sorts, snippets."""

import datetime as dt
from typing import Any

from django.utils import timezone

from practica.content.models import Entry
from practica.content.services import vote
from practica.discussions.services import accept_answer
from practica.search.engine import SearchQuery, search, similar
from practica.taxonomy.models import Topic


def titles(page: Any) -> list[str]:
    return [hit.title for hit in page.hits]


def ask(world: Any, make_question: Any, title: str, body: str = "Details.", **kw: Any) -> Entry:
    community = kw.pop("community", world.open)
    return make_question(community=community, author=world.bob, title=title, body=body, **kw)


def test_search_finds_questions_by_any_form_of_a_word(world, make_question, reindex):
    ask(world, make_question, "Bearing lubrication intervals", "How often do you grease?")
    reindex()
    page = search(viewer=world.charlie, query=SearchQuery(text="greasing"))
    assert titles(page) == ["Bearing lubrication intervals"]


def test_all_words_must_match_before_results_with_some_of_them(world, make_question, reindex):
    ask(world, make_question, "Pump seal leaking after rebuild")
    ask(world, make_question, "Valve seat wear on a gate valve")
    reindex()
    page = search(viewer=world.bob, query=SearchQuery(text="pump seal"))
    assert titles(page) == ["Pump seal leaking after rebuild"]
    assert not page.relaxed
    relaxed = search(viewer=world.bob, query=SearchQuery(text="pump valve", types=["question"]))
    assert relaxed.relaxed and len(relaxed.hits) == 2


def test_phrases_exclusions_and_or(world, make_question, reindex):
    ask(world, make_question, "Mechanical seal failures on slurry pumps")
    ask(world, make_question, "Seal mechanical drawings for the archive")
    ask(world, make_question, "Gasket choice for flanges")
    reindex()

    def found(text: str) -> set[str]:
        return set(titles(search(viewer=world.bob, query=SearchQuery(text=text))))

    assert found('"mechanical seal"') == {"Mechanical seal failures on slurry pumps"}
    assert found("seal -slurry") == {"Seal mechanical drawings for the archive"}
    assert found("gasket OR slurry") == {
        "Mechanical seal failures on slurry pumps",
        "Gasket choice for flanges",
    }


def test_topic_synonyms_find_the_topic_name(world, make_question, reindex):
    Topic.objects.filter(pk=world.topic.pk).update(synonyms="VA\ncondition monitoring")
    ask(world, make_question, "Which vibration analysis software do you use?")
    reindex()
    page = search(viewer=world.bob, query=SearchQuery(text='"condition monitoring" software'))
    assert titles(page) == ["Which vibration analysis software do you use?"]


def test_misspelt_word_gets_a_suggestion_that_finds_something(world, make_question, reindex):
    ask(world, make_question, "Impeller erosion in seawater service")
    reindex()
    page = search(viewer=world.bob, query=SearchQuery(text="erosoin seawater"))
    assert page.relaxed  # nothing has both words as typed
    assert page.did_you_mean == "erosion seawater"


def test_snippets_highlight_matched_words_and_escape_the_rest(world, make_question, reindex):
    ask(world, make_question, "Strange noise", "When 2 < 3 & <b>cavitation</b> noise at night.")
    reindex()
    (hit,) = search(viewer=world.bob, query=SearchQuery(text="cavitation")).hits
    assert "<b>cavitation</b>" in hit.snippet
    assert "2 &lt; 3 &amp; <b>cavitation</b>" in hit.snippet


def test_facets_count_matches_by_kind_community_topic_and_answered(
    world, make_question, make_answer, reindex
):
    q1 = ask(world, make_question, "Grease gun calibration", topics=[world.topic])
    ask(world, make_question, "Grease compatibility chart", community=world.request)
    make_answer(question=q1, author=world.charlie, body="Weigh ten strokes of grease.")
    reindex()
    facets = search(viewer=world.bob, query=SearchQuery(text="grease")).facets
    kinds = {o.value: o.count for o in facets["type"]}
    assert kinds == {"question": 2, "answer": 1}
    communities = {o.value: o.count for o in facets["community"]}
    assert communities == {"pump-reliability": 2, "project-managers": 1}
    assert {o.value: o.count for o in facets["topic"]} == {"vibration-analysis": 1}
    assert {o.value: o.count for o in facets["answered"]} == {"yes": 1, "no": 1}


def test_filters_narrow_by_kind_community_topic_author_answered_and_date(
    world, make_question, make_answer, reindex
):
    old = ask(world, make_question, "Old grease question")
    Entry.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=400))
    new = ask(world, make_question, "New grease question", topics=[world.topic])
    make_answer(question=new, author=world.charlie, body="Grease it monthly.")
    reindex()

    def found(**filters: Any) -> list[str]:
        page = search(viewer=world.bob, query=SearchQuery(text="grease", **filters))
        return sorted(hit.title for hit in page.hits if hit.kind == "question")

    assert found(types=["answer"]) == []
    assert found(topic="vibration-analysis") == ["New grease question"]
    assert found(community="project-managers") == []
    assert found(answered=False) == ["Old grease question"]
    assert found(date_from=timezone.now().date() - dt.timedelta(days=30)) == ["New grease question"]
    answers = search(viewer=world.bob, query=SearchQuery(text="grease", author="charlie"))
    assert [h.kind for h in answers.hits] == ["answer"]


def test_sorts_by_newest_and_votes(world, make_question, reindex):
    first = ask(world, make_question, "Grease first")
    second = ask(world, make_question, "Grease second")
    Entry.objects.filter(pk=first.pk).update(created_at=timezone.now() - dt.timedelta(days=2))
    vote(entry=first, user=world.charlie, value=1)
    reindex()
    newest = search(viewer=world.bob, query=SearchQuery(text="grease", sort="newest"))
    assert titles(newest)[:2] == ["Grease second", "Grease first"]
    votes = search(viewer=world.bob, query=SearchQuery(text="grease", sort="votes"))
    assert titles(votes)[0] == "Grease first"
    assert second.pk  # both exist


def test_accepted_and_voted_questions_rank_above_equal_text_matches(
    world, make_question, make_answer, reindex, monkeypatch
):
    # The text ranking's own weighting (with a meaning model built, fusion may reorder).
    monkeypatch.setattr("practica.search.engine.nearest_keys", lambda *a, **kw: [])
    plain = ask(world, make_question, "Coupling alignment tolerance")
    solved = ask(world, make_question, "Coupling alignment tolerance?")
    answer = make_answer(question=solved, author=world.charlie, body="Use 0.05 mm.")
    accept_answer(answer=answer, by=world.bob)
    reindex()
    page = search(
        viewer=world.bob, query=SearchQuery(text="coupling tolerance", types=["question"])
    )
    assert [h.id for h in page.hits] == [solved.pk, plain.pk]


def test_a_duplicate_ranks_below_its_original(world, make_question, reindex):
    original = ask(world, make_question, "Soft foot check procedure")
    duplicate = ask(world, make_question, "Soft foot check procedure")
    Entry.objects.filter(pk=duplicate.pk).update(duplicate_of=original)
    reindex()
    page = search(viewer=world.bob, query=SearchQuery(text="soft foot"))
    assert [h.id for h in page.hits] == [original.pk, duplicate.pk]
    assert page.hits[1].duplicate_of_id == original.pk


def test_cursor_pages_through_results_without_repeats(world, make_question, reindex):
    for n in range(7):
        ask(world, make_question, f"Grease topic number {n}")
    reindex()
    seen: list[int] = []
    cursor = ""
    while True:
        page = search(viewer=world.bob, query=SearchQuery(text="grease", limit=3, cursor=cursor))
        seen += [h.id for h in page.hits]
        if not page.next:
            break
        cursor = page.next
    assert len(seen) == 7 == len(set(seen))


def test_members_communities_and_topics_are_found_too(world, reindex):
    world.charlie.job_role = "Reliability engineer"
    world.charlie.save()
    reindex()
    kinds = {h.kind for h in search(viewer=world.bob, query=SearchQuery(text="reliability")).hits}
    assert {"member", "community"} <= kinds
    topic = search(viewer=world.bob, query=SearchQuery(text="vibration"))
    assert [h.kind for h in topic.hits] == ["topic"]


def test_similar_finds_the_closest_question_for_a_whole_text(world, make_question, reindex):
    ask(world, make_question, "Bearing overheating after greasing", "Temperature climbs to 85 C.")
    ask(world, make_question, "Which CMMS do you use for work orders?")
    target = ask(world, make_question, "Pump bearing runs hot", "The motor bearing gets hot.")
    reindex()
    text = "Our pump bearing gets very hot for a day after greasing, temperature 85 C"
    hits = similar(viewer=world.bob, text=text, limit=5)
    assert [h.title for h in hits] == [
        "Pump bearing runs hot",
        "Bearing overheating after greasing",
    ]
    others = similar(viewer=world.bob, text=text, exclude_id=target.pk)
    assert [h.title for h in others] == ["Bearing overheating after greasing"]
