"""Keyset (cursor) pagination: cost stays flat however deep the reader pages."""

import base64
import binascii
import datetime
import json
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

T = TypeVar("T", bound=models.Model)

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


class InvalidCursor(ValueError):
    pass


@dataclass
class Page(Generic[T]):
    items: list[T]
    next: str | None


def clamp_limit(limit: int | None) -> int:
    """Larger limits are capped, not rejected; nonsense falls back to the default."""
    if limit is None or limit < 1:
        return DEFAULT_LIMIT
    return min(limit, MAX_LIMIT)


def _encode_value(value: Any) -> Any:
    if isinstance(value, datetime.datetime):
        return {"t": value.isoformat()}
    return value


def _decode_value(value: Any) -> Any:
    if isinstance(value, dict) and "t" in value:
        return datetime.datetime.fromisoformat(value["t"])
    return value


def encode_cursor(values: list[Any]) -> str:
    raw = json.dumps([_encode_value(v) for v in values], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, size: int) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        values = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError) as error:
        raise InvalidCursor("The cursor is not one this site gave out.") from error
    if not isinstance(values, list) or len(values) != size:
        raise InvalidCursor("The cursor is not one this site gave out.")
    try:
        return [_decode_value(v) for v in values]
    except (TypeError, ValueError) as error:
        raise InvalidCursor("The cursor is not one this site gave out.") from error


def _after(order: list[str], values: list[Any]) -> Q:
    """Rows strictly after ``values`` in ``order`` (e.g. ["-score", "-id"])."""
    condition = Q()
    for index, field in enumerate(order):
        name = field.lstrip("-")
        lookup = "lt" if field.startswith("-") else "gt"
        step = Q(**{f"{name}__{lookup}": values[index]})
        for previous, value in zip(order[:index], values[:index], strict=True):
            step &= Q(**{previous.lstrip("-"): value})
        condition |= step
    return condition


def paginate(
    queryset: "models.QuerySet[T]", *, order: list[str], cursor: str | None, limit: int | None
) -> Page[T]:
    """One page of ``queryset`` in ``order`` (the last field must be unique, e.g. "-id")."""
    size = clamp_limit(limit)
    if cursor:
        try:
            queryset = queryset.filter(_after(order, decode_cursor(cursor, len(order))))
        except (TypeError, ValueError, ValidationError) as error:
            # Right shape, wrong types (a hand-made cursor): the database would refuse it.
            raise InvalidCursor("The cursor is not one this site gave out.") from error
    rows = list(queryset.order_by(*order)[: size + 1])
    next_cursor = None
    if len(rows) > size:
        rows = rows[:size]
        last = rows[-1]
        next_cursor = encode_cursor([getattr(last, f.lstrip("-")) for f in order])
    return Page(items=rows, next=next_cursor)
