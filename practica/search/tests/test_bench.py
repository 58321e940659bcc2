"""The search benchmark's logic on a small generated index (timings are not asserted)."""

import json
import random
from collections import Counter

from practica.search import bench
from practica.search.backends import get_backend

SCENARIOS = {
    "write",
    "search-member",
    "search-admin",
    "similar-title",
    "similar-question",
    "did-you-mean",
}


def test_benchmark_reports_every_scenario_with_sane_numbers(settings, tmp_path, db):
    options = bench.Options(
        docs=2000,
        communities=10,
        queries=20,
        writes=10,
        seed=3,
        progress=False,
        words_from=str(tmp_path / "none" / "Posts.xml"),
    )
    report = bench.run(backend=get_backend(), options=options, index_dir=settings.SEARCH_INDEX_DIR)

    assert set(report.scenarios) == SCENARIOS
    for name, scenario in report.scenarios.items():
        assert scenario.calls >= 5, name
        assert 0 < scenario.p50_ms <= scenario.p95_ms <= scenario.p99_ms <= scenario.max_ms, name
        assert scenario.cpu_p50_ms >= 0, name
    assert report.scenarios["write"].calls == 10
    assert report.scenarios["search-member"].calls == 20
    assert report.scenarios["similar-title"].distinct == 40
    assert sum(report.generated.values()) == 2000 == report.indexing["docs"]
    assert report.indexing["docs_per_second"] > 0
    assert report.index_bytes and report.index_bytes > 0
    assert report.peak_rss_bytes >= report.rss_bytes > 0
    assert len(report.searches) == 40
    assert any(s["total_member"] > 0 for s in report.searches)
    assert report.vocabulary.startswith("built-in word list")


def test_benchmark_report_is_json_and_markdown(settings, tmp_path):
    settings.SEARCH_BACKEND = "embedded"  # the targets are the embedded backend's
    options = bench.Options(
        docs=300,
        communities=4,
        queries=5,
        writes=2,
        progress=False,
        words_from=str(tmp_path / "Posts.xml"),
    )
    report = bench.run(backend=get_backend(), options=options, index_dir=settings.SEARCH_INDEX_DIR)
    bench.write_files(
        report, json_path=str(tmp_path / "r.json"), markdown_path=str(tmp_path / "r.md")
    )

    data = json.loads((tmp_path / "r.json").read_text())
    assert data["scenarios"]["search-member"]["met"] in (True, False)
    assert data["scenarios"]["write"]["met"] is None
    markdown = (tmp_path / "r.md").read_text()
    assert "| search-member | 5 |" in markdown
    assert "embedded backend, 300 documents" in markdown


def test_common_words_are_drawn_far_more_often_than_rare_ones():
    vocabulary = bench.Vocabulary(words=[f"w{i}" for i in range(5000)], source="test")
    drawn = Counter(vocabulary.sample(random.Random(1), 100_000))
    assert drawn["w0"] > 50 * max(drawn["w3000"], 1)
    assert len(drawn) > 1000  # and the long tail is there


def test_generated_threads_have_questions_answers_and_comments_in_their_community():
    vocabulary = bench.load_vocabulary("/nonexistent/*/Posts.xml")
    generator = bench.Generator(bench.Spec(docs=500, communities=5, seed=1), vocabulary)
    docs = list(generator.documents())

    assert len(docs) == 500
    assert {d.type for d in docs} == {"question", "answer", "comment"}
    questions = {d.thread_id: d for d in docs if d.type == "question"}
    for doc in docs:
        assert doc.scopes == [f"c{doc.community_id}"]
        if doc.thread_id in questions:
            assert doc.community_id == questions[doc.thread_id].community_id
    assert len(generator.samples.question_ids) == len(questions)
