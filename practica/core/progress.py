"""Progress bars for long commands (import, re-index, data generation), on stderr."""

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")


def progress(
    items: Iterable[T], *, total: int | None = None, label: str = "", enabled: bool = True
) -> Iterator[T]:
    """Yield ``items`` while drawing a bar (or, off a terminal, a line every few seconds)."""
    if not enabled:
        yield from items
        return
    interval = 0.5 if sys.stderr.isatty() else 5.0
    yield from tqdm(
        items, total=total, desc=label, unit=" items", file=sys.stderr, mininterval=interval
    )
