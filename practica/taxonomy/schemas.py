"""API shapes for the site-wide topic vocabulary."""

from typing import Any

from ninja import Field, Schema


class TopicOut(Schema):
    slug: str
    name: str
    parent: str | None = Field(description="The broader topic's slug.")
    description: str
    synonyms: list[str]

    @staticmethod
    def resolve_parent(obj: Any) -> str | None:
        return obj.parent.slug if obj.parent_id else None

    @staticmethod
    def resolve_synonyms(obj: Any) -> list[str]:
        return list(obj.synonym_list())


class TopicDetailOut(TopicOut):
    children: list[str] = Field(description="Narrower topics' slugs.")

    @staticmethod
    def resolve_children(obj: Any) -> list[str]:
        return [child.slug for child in obj.children.all()]
