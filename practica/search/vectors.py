"""The store of meaning vectors: one per entry, with the entry's community, on disk under
``SEARCH_INDEX_DIR/vectors``.

How it is kept (for a million entries on a small machine):

- Each vector is stored twice, compactly: as int8 with a per-row scale (``dims`` bytes; the
  cosine comes back within about 0.01) and as the signs of a random rotation of it packed into
  64-bit words (``dims / 8`` bytes: a SimHash; the rotation spreads the variance that PCA put
  in the first dimensions over every bit). At 256 dimensions a million entries take 256 MB +
  32 MB on disk, and the files are memory-mapped: readers share the page cache instead of
  each loading a copy.
- ``nearest`` scans the packed signs (Hamming distance, about ten milliseconds per million
  in numpy), keeps the few thousand closest rows *of the allowed communities*, and ranks those
  by their int8 cosine. The community restriction is applied before choosing candidates, so
  a viewer who sees one small community gets the best of that community, not the leftovers
  of a global top list.
- Files are columns of fixed-size rows: ``ids`` (int64), ``communities`` (int32; 0 marks a
  removed row), ``scales`` (float32), ``vectors`` (int8, rows of ``dims``), ``signs<w>``
  (uint64, one file per 64-bit word so each is scanned contiguously). A changed vector is
  rewritten in place; a new one is appended. ``meta.json`` says how many rows are valid and
  which generation folder holds them; it is replaced atomically after the rows are written,
  and readers look at it (one ``stat``) before each search, remapping when it changed.
- One writer at a time (``locking.writer_lock`` on the vectors folder: the worker, an import
  or a reindex); any number of readers. When a quarter of the rows are removed ones, the
  writer copies the live rows into a new generation folder.
"""

import json
import os
import shutil
import threading
import time
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
from django.conf import settings

from .locking import writer_lock

FORMAT = 1
CANDIDATES = 3000  # rows ranked by int8 cosine after the sign scan (at least 50 x limit)
SCAN_CHUNK = 65536  # rows per step of the sign scan: its buffers stay in the CPU cache
COMPACT_MIN_DEAD = 1024


def store_dir() -> Path:
    base = getattr(settings, "SEARCH_INDEX_DIR", Path(settings.VAR_DIR) / "search")
    return Path(base) / "vectors"


# --- the module's interface: the store under the current settings ---------------------------


def upsert(items: Sequence[tuple[int, int, np.ndarray]]) -> None:
    """Add or replace vectors: (entry id, community id, vector). A later item for the same
    entry wins. Vectors need not be normalised."""
    store().upsert(items)


def remove(entry_ids: Collection[int]) -> None:
    store().remove(entry_ids)


def nearest(
    vector: np.ndarray,
    *,
    community_ids: Collection[int] | None,
    limit: int,
    min_score: float = -1.0,
) -> list[tuple[int, float]]:
    """The ``limit`` entries most like ``vector`` (cosine, best first), only from
    ``community_ids`` (None: from every community), none less alike than ``min_score``."""
    return store().nearest(vector, community_ids=community_ids, limit=limit, min_score=min_score)


def count() -> int:
    return store().count()


def clear() -> None:
    store().clear()


_stores: dict[str, "VectorStore"] = {}
_stores_lock = threading.Lock()


def store() -> "VectorStore":
    """One store object per folder and process (tests point SEARCH_INDEX_DIR elsewhere)."""
    key = str(store_dir())
    with _stores_lock:
        if key not in _stores:
            _stores[key] = VectorStore(Path(key))
        return _stores[key]


# --- quantisation -------------------------------------------------------------------------------


def quantise(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows and their scales: row ≈ int8 * scale, each row of unit length first."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit = vectors / np.where(norms > 0, norms, 1.0)
    peak = np.abs(unit).max(axis=1, keepdims=True)
    peak = np.where(peak > 0, peak, 1.0)
    codes = np.rint(unit / peak * 127).astype(np.int8)
    return codes, (peak[:, 0] / 127).astype(np.float32)


def rotation(dims: int, seed: int) -> np.ndarray:
    """A random orthogonal matrix (kept with the vectors, so it never changes under them)."""
    gaussian = np.random.default_rng(seed).standard_normal((dims, dims))
    matrix, _ = np.linalg.qr(gaussian)
    return matrix.astype(np.float32)


def sign_words(vectors: np.ndarray, rotate: np.ndarray, words: int) -> np.ndarray:
    """The signs of each rotated row packed into ``words`` uint64; shape (words, n)."""
    bits = np.einsum("ij,jk->ik", np.asarray(vectors, dtype=np.float32), rotate) > 0
    padded = np.zeros((bits.shape[0], words * 64), dtype=bool)
    padded[:, : bits.shape[1]] = bits
    packed = np.packbits(padded, axis=1, bitorder="little")  # (n, words * 8) bytes
    return np.ascontiguousarray(packed.view("<u8").T)


# --- the store ----------------------------------------------------------------------------------

COLUMNS = {"ids": "<i8", "communities": "<i4", "scales": "<f4"}


@dataclass
class Meta:
    generation: int = 0
    dims: int = 0
    rows: int = 0  # valid rows (live and removed)
    live: int = 0

    @property
    def words(self) -> int:
        return -(-self.dims // 64)

    @property
    def folder(self) -> str:
        return f"g{self.generation:06d}"


@dataclass
class Snapshot:
    """What a reader has mapped: the arrays of one version of ``meta.json``."""

    stamp: tuple[int, int, int]
    meta: Meta
    ids: np.ndarray
    communities: np.ndarray
    scales: np.ndarray
    vectors: np.ndarray
    signs: list[np.ndarray]
    rotate: np.ndarray


class VectorStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()

    # reading

    def count(self) -> int:
        snap = self.snapshot()
        return snap.meta.live if snap else 0

    def dims(self) -> int:
        snap = self.snapshot()
        return snap.meta.dims if snap else 0

    def nearest(
        self,
        vector: np.ndarray,
        *,
        community_ids: Collection[int] | None,
        limit: int,
        min_score: float = -1.0,
    ) -> list[tuple[int, float]]:
        snap = self.snapshot()
        query = np.asarray(vector, dtype=np.float32).reshape(-1)
        if snap is None or limit <= 0 or snap.meta.live == 0 or query.size != snap.meta.dims:
            return []
        allowed = allowed_table(community_ids)
        if allowed is not None and not allowed.any():
            return []
        rows = self.candidates(snap, query, allowed, max(CANDIDATES, 50 * limit))
        if rows.size == 0:
            return []
        codes = np.asarray(snap.vectors[rows], dtype=np.float32)
        norm = max(float(np.linalg.norm(query)), 1e-12)
        # einsum, not BLAS: a matrix-vector product this small is 20x slower in OpenBLAS's
        # threaded gemv on a 2-core machine than in numpy's own loop.
        dots = np.einsum("ij,j->i", codes, query)
        scores = np.clip(dots * snap.scales[rows] / norm, -1.0, 1.0)
        # Read again: a row moved to another community since the scan is not returned.
        communities = np.asarray(snap.communities[rows])
        keep = visible(communities, allowed) & (scores >= min_score)
        rows, scores = rows[keep], scores[keep]
        order = np.argsort(-scores, kind="stable")[:limit]
        ids = np.asarray(snap.ids[rows[order]])
        return [(int(i), float(s)) for i, s in zip(ids, scores[order], strict=True)]

    def candidates(
        self, snap: Snapshot, query: np.ndarray, allowed: np.ndarray | None, wanted: int
    ) -> np.ndarray:
        """Rows of allowed, live entries whose signs differ least from the query's."""
        n = snap.meta.rows
        hidden_mark = snap.meta.words * 64 + 1  # more than any distance
        query_words = sign_words(query[None, :], snap.rotate, snap.meta.words)[:, 0]
        distance = np.empty(n, dtype=np.uint16)
        word = np.empty(SCAN_CHUNK, dtype=np.uint64)
        bits = np.empty(SCAN_CHUNK, dtype=np.uint8)
        for start in range(0, n, SCAN_CHUNK):
            stop = min(n, start + SCAN_CHUNK)
            size = stop - start
            out = distance[start:stop]
            out[:] = 0
            for column, q in zip(snap.signs, query_words, strict=True):
                np.bitwise_xor(column[start:stop], q, out=word[:size])
                np.bitwise_count(word[:size], out=bits[:size])
                out += bits[:size]
            hidden = ~visible(snap.communities[start:stop], allowed)
            np.putmask(out, hidden, hidden_mark)
        # The distances are small integers: a histogram finds the cut-off in one pass.
        histogram = np.bincount(distance, minlength=hidden_mark + 1)
        histogram[hidden_mark] = 0
        reachable = int(histogram.sum())
        if reachable == 0:
            return np.empty(0, dtype=np.int64)
        cut = int(np.searchsorted(np.cumsum(histogram), min(wanted, reachable)))
        rows = np.flatnonzero(distance <= cut)
        if rows.size > 2 * wanted:  # many ties at the cut-off
            rows = rows[np.argsort(distance[rows], kind="stable")[: 2 * wanted]]
        return rows

    def snapshot(self) -> Snapshot | None:
        """The mapped arrays, remapped when the writer saved since (one ``stat``)."""
        for _attempt in range(3):
            try:
                stat = os.stat(self.path / "meta.json")
            except FileNotFoundError:
                self._snapshot = None
                return None
            stamp = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
            current = self._snapshot
            if current is not None and current.stamp == stamp:
                return current
            with self._lock:
                try:
                    self._snapshot = self.open(stamp)
                    return self._snapshot
                except FileNotFoundError:  # a compaction replaced the folder: read again
                    time.sleep(0.01)
        return None

    def open(self, stamp: tuple[int, int, int]) -> Snapshot:
        meta = self.read_meta()
        folder = self.path / meta.folder

        def column(name: str, dtype: str, shape: tuple[int, ...]) -> np.ndarray:
            if meta.rows == 0:
                return np.zeros(shape, dtype=dtype)
            mapped = np.memmap(folder / name, dtype=dtype, mode="r", shape=shape)
            return mapped.view(np.ndarray)  # same pages, without memmap's slow indexing

        n = meta.rows
        return Snapshot(
            stamp=stamp,
            meta=meta,
            ids=column("ids", COLUMNS["ids"], (n,)),
            communities=column("communities", COLUMNS["communities"], (n,)),
            scales=column("scales", COLUMNS["scales"], (n,)),
            vectors=column("vectors", "i1", (n, meta.dims)),
            signs=[column(f"signs{w}", "<u8", (n,)) for w in range(meta.words)],
            rotate=self.rotation(meta),
        )

    def rotation(self, meta: Meta) -> np.ndarray:
        path = self.path / meta.folder / "rotation"
        if not path.exists():
            return np.eye(max(meta.dims, 1), dtype=np.float32)  # an empty store
        return np.fromfile(path, dtype="<f4").reshape(meta.dims, meta.dims)

    def read_meta(self) -> Meta:
        data = json.loads((self.path / "meta.json").read_text())
        if data.get("format") != FORMAT:
            return Meta()
        return Meta(
            generation=data["generation"], dims=data["dims"], rows=data["rows"], live=data["live"]
        )

    # writing (under the writer lock)

    def upsert(self, items: Sequence[tuple[int, int, np.ndarray]]) -> None:
        if not items:
            return
        latest = {int(entry): (int(community), vector) for entry, community, vector in items}
        ids = np.fromiter(latest, dtype=np.int64, count=len(latest))
        communities = np.array([c for c, _ in latest.values()], dtype=np.int32)
        if (communities <= 0).any():
            raise ValueError("Community ids are positive (0 marks a removed row).")
        matrix = np.stack([np.asarray(v, dtype=np.float32).reshape(-1) for _, v in latest.values()])
        with writer_lock(self.path):
            meta = self.writable_meta(dims=matrix.shape[1])
            rows = self.rows_of(meta, ids)
            new = rows < 0
            rows[new] = meta.rows + np.arange(int(new.sum()))
            total = meta.rows + int(new.sum())
            was_live = self.live_mask(meta, rows[~new])
            self.write_rows(meta, total, rows, ids, communities, matrix)
            meta.live += int(new.sum()) + int((~was_live).sum())
            meta.rows = total
            self.save_meta(meta)

    def remove(self, entry_ids: Collection[int]) -> None:
        ids = np.array(sorted({int(i) for i in entry_ids}), dtype=np.int64)
        if ids.size == 0 or not (self.path / "meta.json").exists():
            return
        with writer_lock(self.path):
            meta = self.read_meta()
            rows = self.rows_of(meta, ids)
            rows = rows[rows >= 0]
            if rows.size == 0:
                return
            live = self.live_mask(meta, rows)
            column = self.column(meta, "communities", COLUMNS["communities"], meta.rows)
            column[rows] = 0
            column.flush()
            meta.live -= int(live.sum())
            dead = meta.rows - meta.live
            if dead >= COMPACT_MIN_DEAD and dead * 4 >= meta.rows:
                meta = self.compact(meta)
            self.save_meta(meta)

    def clear(self) -> None:
        with writer_lock(self.path):
            old = self.read_meta() if (self.path / "meta.json").exists() else Meta()
            self.save_meta(Meta(generation=old.generation + 1))
            self.forget_old(keep=old.generation + 1)

    def writable_meta(self, *, dims: int) -> Meta:
        if not (self.path / "meta.json").exists():
            return Meta(generation=1, dims=dims)
        meta = self.read_meta()
        if meta.rows and meta.dims != dims:
            # A rebuilt model with other dimensions: the old vectors cannot be compared with
            # new queries, so they go (the lead's reindex embeds everything again).
            meta = Meta(generation=meta.generation + 1, dims=dims)
        meta.dims = meta.dims or dims
        return meta

    def rows_of(self, meta: Meta, ids: np.ndarray) -> np.ndarray:
        """Row of each id, or -1."""
        rows = np.full(ids.size, -1, dtype=np.int64)
        if meta.rows == 0:
            return rows
        stored = self.column(meta, "ids", COLUMNS["ids"], meta.rows, mode="r")
        found = np.flatnonzero(np.isin(stored, ids))
        position = {int(i): int(r) for i, r in zip(stored[found], found, strict=True)}
        for n, entry in enumerate(ids):
            rows[n] = position.get(int(entry), -1)
        return rows

    def live_mask(self, meta: Meta, rows: np.ndarray) -> np.ndarray:
        if rows.size == 0:
            return np.zeros(0, dtype=bool)
        column = self.column(meta, "communities", COLUMNS["communities"], meta.rows, mode="r")
        return np.asarray(column[rows]) != 0

    def write_rows(
        self,
        meta: Meta,
        total: int,
        rows: np.ndarray,
        ids: np.ndarray,
        communities: np.ndarray,
        matrix: np.ndarray,
    ) -> None:
        codes, scales = quantise(matrix)
        folder = self.path / meta.folder
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / "rotation").exists():
            rotation(meta.dims, seed=meta.generation).tofile(folder / "rotation")
        signs = sign_words(matrix, self.rotation(meta), meta.words)
        # The community goes last: a reader skips a row whose community is still 0.
        writes: list[tuple[str, str, tuple[int, ...], np.ndarray]] = [
            ("ids", COLUMNS["ids"], (total,), ids),
            ("scales", COLUMNS["scales"], (total,), scales),
            ("vectors", "i1", (total, meta.dims), codes),
            *[(f"signs{w}", "<u8", (total,), signs[w]) for w in range(meta.words)],
            ("communities", COLUMNS["communities"], (total,), communities),
        ]
        for name, dtype, shape, values in writes:
            column = self.column(meta, name, dtype, total, shape=shape, grow=True)
            column[rows] = values
            column.flush()
            del column

    def column(
        self,
        meta: Meta,
        name: str,
        dtype: str,
        rows: int,
        *,
        shape: tuple[int, ...] | None = None,
        mode: Literal["r", "r+"] = "r+",
        grow: bool = False,
    ) -> np.memmap:
        path = self.path / meta.folder / name
        shape = shape or ((rows, meta.dims) if name == "vectors" else (rows,))
        size = int(np.prod(shape)) * np.dtype(dtype).itemsize
        if grow and (not path.exists() or path.stat().st_size < size):
            with open(path, "ab") as handle:
                handle.truncate(size)  # sparse: the new rows cost nothing until written
        return np.memmap(path, dtype=dtype, mode=mode, shape=shape)

    def compact(self, meta: Meta) -> Meta:
        """Copy the live rows into a new generation folder, in chunks (little memory)."""
        new = Meta(generation=meta.generation + 1, dims=meta.dims, rows=0, live=0)
        communities = self.column(meta, "communities", COLUMNS["communities"], meta.rows, mode="r")
        live_rows = np.flatnonzero(np.asarray(communities) != 0)
        total = live_rows.size
        (self.path / new.folder).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.path / meta.folder / "rotation", self.path / new.folder / "rotation")
        names = [
            ("ids", COLUMNS["ids"]),
            ("scales", COLUMNS["scales"]),
            ("vectors", "i1"),
            *[(f"signs{w}", "<u8") for w in range(meta.words)],
            ("communities", COLUMNS["communities"]),
        ]
        for name, dtype in names:
            source = self.column(meta, name, dtype, meta.rows, mode="r")
            target = self.column(new, name, dtype, total, grow=True)
            for start in range(0, total, SCAN_CHUNK):
                chunk = live_rows[start : start + SCAN_CHUNK]
                target[start : start + chunk.size] = source[chunk]
            target.flush()
            del source, target
        new.rows = new.live = total
        return new

    def save_meta(self, meta: Meta) -> None:
        self.path.mkdir(parents=True, exist_ok=True)
        data = {
            "format": FORMAT,
            "generation": meta.generation,
            "dims": meta.dims,
            "rows": meta.rows,
            "live": meta.live,
        }
        temporary = self.path / "meta.json.tmp"
        temporary.write_text(json.dumps(data))
        os.replace(temporary, self.path / "meta.json")
        self.forget_old(keep=meta.generation)

    def forget_old(self, *, keep: int) -> None:
        """Delete older generation folders (readers that mapped them keep their pages)."""
        for folder in self.path.glob("g*"):
            if folder.is_dir() and folder.name != f"g{keep:06d}":
                shutil.rmtree(folder, ignore_errors=True)


def allowed_table(community_ids: Collection[int] | None) -> np.ndarray | None:
    """A lookup table: allowed[community id] is true for the communities asked for. Its last
    cell is always false: larger ids are clipped onto it."""
    if community_ids is None:
        return None
    wanted = np.array([c for c in community_ids if c > 0], dtype=np.int64)
    table = np.zeros(int(wanted.max()) + 2 if wanted.size else 1, dtype=bool)
    table[wanted] = True
    return table


def visible(communities: np.ndarray, allowed: np.ndarray | None) -> np.ndarray:
    """Rows that are live and, when ``allowed`` is given, in an allowed community (cell 0,
    the mark of a removed row, is never set)."""
    if allowed is None:
        return communities != 0
    return np.take(allowed, communities, mode="clip")
