"""Meaning vectors and fusion. Most tests use a toy static model built here (a dozen words);
one uses the real model when `practica build-meaning-model` has built it on this machine."""

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from django.conf import settings

from practica.search import meaning

pytest.importorskip("model2vec")

TOY_WORDS = [
    "[UNK]",
    "[PAD]",
    "delete",
    "remove",
    "account",
    "profile",
    "pump",
    "seal",
    "water",
    "how",
    "my",
    "i",
    "do",
]


def build_toy_model(folder: Path) -> Path:
    """A real model2vec StaticModel over a toy vocabulary: "remove" means "delete", "profile"
    means "account", and pumps are about something else."""
    from model2vec import StaticModel
    from tokenizers import Tokenizer
    from tokenizers.models import WordLevel
    from tokenizers.normalizers import Lowercase
    from tokenizers.pre_tokenizers import Whitespace

    vocabulary = {word: n for n, word in enumerate(TOY_WORDS)}
    tokenizer = Tokenizer(WordLevel(vocabulary, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = Whitespace()
    tokenizer.normalizer = Lowercase()
    table = np.random.default_rng(7).standard_normal((len(TOY_WORDS), 16)).astype(np.float32)
    table[vocabulary["remove"]] = table[vocabulary["delete"]] * 0.9
    table[vocabulary["profile"]] = table[vocabulary["account"]] * 1.1
    for word in ("how", "my", "i", "do"):
        table[vocabulary[word]] *= 0.05  # small words carry little meaning
    StaticModel(vectors=table, tokenizer=tokenizer, normalize=True).save_pretrained(folder)
    return folder


@pytest.fixture
def toy_model(tmp_path: Path, settings: Any) -> Iterator[Path]:
    settings.SEARCH_MODEL_DIR = build_toy_model(tmp_path / "model")
    meaning.forget()
    yield settings.SEARCH_MODEL_DIR
    meaning.forget()


@pytest.fixture
def no_model(tmp_path: Path, settings: Any) -> Iterator[None]:
    settings.SEARCH_MODEL_DIR = tmp_path / "not-built"
    meaning.forget()
    yield
    meaning.forget()


def test_meaning_is_not_available_when_the_model_is_not_built(no_model: None) -> None:
    assert not meaning.is_available()
    with pytest.raises(RuntimeError, match="build-meaning-model"):
        meaning.embed(["anything"])


def test_a_half_written_model_is_not_available(tmp_path: Path, settings: Any) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    for name in meaning.MODEL_FILES:
        (folder / name).write_text("not a model")
    settings.SEARCH_MODEL_DIR = folder
    meaning.forget()
    try:
        assert not meaning.is_available()
    finally:
        meaning.forget()


def test_embed_gives_one_unit_float32_row_per_text(toy_model: Path) -> None:
    vectors = meaning.embed(["delete my account", "pump seal", "How do I remove my profile"])

    assert meaning.is_available()
    assert vectors.dtype == np.float32
    assert vectors.shape == (3, meaning.dimensions()) == (3, 16)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_a_paraphrase_is_nearer_than_an_unrelated_text(toy_model: Path) -> None:
    asked, paraphrase, other = meaning.embed(
        ["delete my account", "How do I remove my profile", "pump seal water"]
    )

    assert asked @ paraphrase > 0.9
    assert asked @ paraphrase > asked @ other + 0.5


def test_an_empty_text_embeds_to_zeros_and_no_texts_to_no_rows(toy_model: Path) -> None:
    assert not meaning.embed([""]).any()
    assert meaning.embed([]).shape == (0, 16)


def test_a_document_vector_is_the_mean_of_its_title_and_body_vectors(toy_model: Path) -> None:
    [document] = meaning.embed_documents([("delete my account", "pump seal")])
    title, body = meaning.embed(["delete my account", "pump seal"])

    expected = (title + body) / np.linalg.norm(title + body)
    assert np.allclose(document, expected, atol=1e-5)


def test_fuse_ranks_what_both_rankings_found_first() -> None:
    text = [("entry:1", 12.0), ("entry:2", 9.0), ("entry:3", 1.0)]
    vectors = [("entry:2", 0.9), ("entry:4", 0.8), ("entry:3", 0.7)]

    fused = meaning.fuse(text, vectors)

    assert [key for key, _ in fused] == ["entry:2", "entry:3", "entry:1", "entry:4"]
    assert fused[0][1] == pytest.approx(1 / 62 + 1 / 61)


def test_fuse_weights_shift_the_ranking_and_ties_keep_the_text_order() -> None:
    text = [("entry:1", 3.0)]
    vectors = [("entry:2", 0.5)]

    assert [k for k, _ in meaning.fuse(text, vectors)] == ["entry:1", "entry:2"]
    assert [k for k, _ in meaning.fuse(text, vectors, weights=(1.0, 2.0))] == [
        "entry:2",
        "entry:1",
    ]
    assert meaning.fuse([], []) == []


# --- the real model, when it has been built on this machine -------------------------------------


def built_model_dir() -> Path | None:
    candidates = [
        os.environ.get("PRACTICA_SEARCH_MODEL_DIR", ""),
        str(Path(settings.BASE_DIR).parent / "var" / "models" / "minilm-static"),
    ]
    for candidate in filter(None, candidates):
        if meaning.is_built(Path(candidate)):
            return Path(candidate)
    return None


def test_the_built_model_ranks_rephrased_questions_first(settings: Any) -> None:
    folder = built_model_dir()
    if folder is None:
        pytest.skip("the meaning model is not built (practica build-meaning-model)")
    settings.SEARCH_MODEL_DIR = folder
    meaning.forget()
    try:
        questions = meaning.embed(
            [
                "How do I delete my Facebook account?",
                "Strikethrough with GitHub Markdown",
                "Which seal should a centrifugal pump use for hot water?",
            ]
        )
        asked = meaning.embed(
            [
                "Removing my FB account.",
                "How can I cross out my text on git hub?",
                "choosing a mechanical seal for a hot water pump",
            ]
        )
        assert meaning.dimensions() == questions.shape[1]
        assert list((asked @ questions.T).argmax(axis=1)) == [0, 1, 2]
    finally:
        meaning.forget()
