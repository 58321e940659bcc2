"""The retrieval evaluation: its measures on hand-made rankings, and the command on a small
made-up FAQ file (the real StackFAQ lives in the shared data, outside the repository)."""

import json
import math
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from practica.search import meaning
from practica.search.management.commands import eval_search as ev

FAQ = """<root>
<qapair>
<rephr>How can I get rid of my account?</rephr>
<rephr>*</rephr>
<rephr>remove my profile for good</rephr>
<question>How do I delete my account?</question>
<answer>Open settings, choose delete account and confirm.</answer>
<answer>Deleting is permanent after two weeks.</answer>
</qapair>
<qapair>
<rephr>which seal for a hot water pump</rephr>
<rephr>pump leaking at the seal with hot water</rephr>
<question>Choosing a mechanical seal for hot water pumps</question>
<answer>Use a seal rated for the temperature; carbon against silicon carbide works.</answer>
</qapair>
<qapair>
<rephr>strike through text in markdown</rephr>
<question>Strikethrough in Markdown</question>
<answer>Wrap the words in two tildes on each side.</answer>
</qapair>
</root>
"""


@pytest.fixture
def faq_file(tmp_path: Path) -> Path:
    path = tmp_path / "faq.xml"
    path.write_text(FAQ)
    return path


def test_recall_counts_the_right_answer_only_within_the_cutoff() -> None:
    ranked = [f"entry:{n}" for n in range(1, 21)]

    assert ev.recall_at(ranked, "entry:10") == 1.0
    assert ev.recall_at(ranked, "entry:11") == 0.0
    assert ev.recall_at(ranked, "entry:99") == 0.0
    assert ev.recall_at(ranked, "entry:3", k=2) == 0.0


def test_reciprocal_rank_and_ndcg_follow_the_rank_of_the_right_answer() -> None:
    ranked = ["a", "b", "c", "d"]

    assert ev.reciprocal_rank(ranked, "a") == 1.0
    assert ev.reciprocal_rank(ranked, "c") == pytest.approx(1 / 3)
    assert ev.reciprocal_rank(ranked, "z") == 0.0
    assert ev.ndcg_at(ranked, "a") == 1.0
    assert ev.ndcg_at(ranked, "d") == pytest.approx(1 / math.log2(5))
    assert ev.ndcg_at(ranked, "d", k=3) == 0.0


def test_measure_averages_over_queries() -> None:
    figures = ev.measure([(["a", "b"], "a"), (["a", "b"], "b"), (["a"], "z")])

    assert figures == {
        "recall@10": pytest.approx(2 / 3),
        "mrr": pytest.approx((1 + 0.5 + 0) / 3),
        "ndcg@10": pytest.approx((1 + 1 / math.log2(3)) / 3),
        "queries": 3,
    }
    assert ev.measure([])["queries"] == 0


def test_load_stackfaq_skips_the_placeholder_rephrasings(faq_file: Path) -> None:
    threads = ev.load_stackfaq(faq_file)

    assert [t.key for t in threads] == ["entry:1", "entry:2", "entry:3"]
    assert threads[0].queries == ["How can I get rid of my account?", "remove my profile for good"]
    assert threads[0].title == "How do I delete my account?"
    assert len(threads[0].answers) == 2


def test_plain_bm25_ranks_the_document_with_the_rarer_shared_words_first() -> None:
    bm25 = ev.PlainBM25(
        {"a": "pump seal hot water", "b": "water water everywhere", "c": "markdown tildes"}
    )

    assert [key for key, _ in bm25.rank("seal for hot water")][:2] == ["a", "b"]
    assert bm25.rank("nothing matches") == []


def test_score_mix_adds_cosines_to_bm25_scaled_by_the_best() -> None:
    mixed = ev.score_mix([("a", 10.0), ("b", 5.0)], [("b", 0.9), ("c", 0.2)], alpha=1.0)

    assert mixed == [("b", pytest.approx(1.4)), ("a", 1.0), ("c", pytest.approx(0.2))]


def test_eval_search_reports_text_rows_when_the_model_is_not_built(
    faq_file: Path, tmp_path: Path, settings: Any
) -> None:
    settings.SEARCH_MODEL_DIR = tmp_path / "no-model"
    meaning.forget()
    out = StringIO()

    call_command(
        "eval_search", "--file", str(faq_file), "--json", str(tmp_path / "r.json"), stdout=out
    )

    text = out.getvalue()
    assert "3 threads, 5 queries" in text
    assert "not built" in text
    report = json.loads((tmp_path / "r.json").read_text())
    assert set(report["results"]) == {"bm25 (plain, title+answers)", "text (engine)"}
    assert report["results"]["text (engine)"]["all"]["recall@10"] == 1.0
    assert not (Path(settings.SEARCH_INDEX_DIR) / "vectors").exists()  # its own folder


def test_eval_search_compares_meaning_and_fusions_with_a_model(
    faq_file: Path, tmp_path: Path, settings: Any
) -> None:
    from practica.search.tests.test_meaning import build_toy_model

    settings.SEARCH_MODEL_DIR = build_toy_model(tmp_path / "model")
    meaning.forget()
    out = StringIO()
    try:
        call_command(
            "eval_search",
            "--file",
            str(faq_file),
            "--tune",
            "--json",
            str(tmp_path / "r.json"),
            stdout=out,
        )
    finally:
        meaning.forget()

    report = json.loads((tmp_path / "r.json").read_text())
    assert report["meaning_available"]
    assert {"meaning (vectors)", "combined (search)"} <= set(report["results"])
    assert report["best_fusion"] in report["fusions"]
    assert "Fusions tried" in out.getvalue()


def test_eval_search_says_where_to_put_the_data_when_it_is_missing(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="PRACTICA_SHARED_DATA"):
        call_command("eval_search", "--file", str(tmp_path / "absent.xml"))


def test_eval_search_times_the_vector_store_on_synthetic_vectors() -> None:
    out = StringIO()

    call_command("eval_search", "--latency", "2000", stdout=out)

    figures = json.loads(out.getvalue())
    assert figures["vectors"] == 2000
    assert set(figures["ms 1 of 20"]) == {"p50", "p95", "p99"}
