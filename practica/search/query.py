"""The query language members type, parsed once and compiled by each backend.

    pump seal            both words (documents with only some of them follow if none has all)
    "mechanical seal"    the exact phrase
    -gland               not this word (or -"a phrase")
    seal OR gasket       either

Each word can also match its topic's name and synonyms (from the topic vocabulary).
"""

import re
from dataclasses import dataclass, field

from django.core.cache import cache

from practica.taxonomy.models import Topic

WORD = re.compile(r"\w+")
TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
MAX_GROUPS = 32
SYNONYMS_CACHE_KEY = "search:synonyms"


# A term is a tuple of words: one word, or a phrase of several.
Term = tuple[str, ...]


@dataclass
class ParsedQuery:
    groups: list[list[Term]] = field(default_factory=list)  # all groups; any term of each
    excluded: list[Term] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not self.groups

    def words(self) -> list[str]:
        """The single words typed (no phrases, no synonyms): what "did you mean" may fix."""
        return [group[0][0] for group in self.groups if len(group[0]) == 1]

    def replace_words(self, fixes: dict[str, str]) -> "ParsedQuery":
        groups = [[tuple(fixes.get(w, w) for w in term) for term in group] for group in self.groups]
        return ParsedQuery(groups=groups, excluded=list(self.excluded))

    def to_text(self) -> str:
        """The query as a member would type it (for "did you mean" links)."""
        parts = [" OR ".join(render(term) for term in group) for group in self.groups]
        parts += [f"-{render(term)}" for term in self.excluded]
        return " ".join(parts)


def render(term: Term) -> str:
    return term[0] if len(term) == 1 else '"' + " ".join(term) + '"'


def to_term(text: str) -> Term | None:
    words = tuple(w.lower() for w in WORD.findall(text))
    return words or None


def parse(text: str, *, synonyms: bool = True) -> ParsedQuery:
    query = ParsedQuery()
    pending_or = False
    for match in TOKEN.finditer(text[:1000]):
        negated, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare == "OR":
            pending_or = bool(query.groups)
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negated, bare = "-", bare[1:]
        term = to_term(phrase if phrase is not None else bare or "")
        if term is None:
            continue
        if negated:
            query.excluded.append(term)
        elif pending_or:
            query.groups[-1].append(term)
        elif len(query.groups) < MAX_GROUPS:
            query.groups.append([term])
        pending_or = False
    if synonyms:
        expand_synonyms(query)
    return query


def synonym_table() -> dict[Term, list[Term]]:
    """Every topic name and synonym -> all the names of its topic (cached for a minute)."""
    table: dict[Term, list[Term]] | None = cache.get(SYNONYMS_CACHE_KEY)
    if table is None:
        table = {}
        for name, synonyms in Topic.objects.exclude(synonyms="").values_list("name", "synonyms"):
            names = [t for t in (to_term(n) for n in [name, *synonyms.splitlines()]) if t]
            for term in names:
                table[term] = names
        cache.set(SYNONYMS_CACHE_KEY, table, 60)
    return table


def expand_synonyms(query: ParsedQuery) -> None:
    table = synonym_table()
    if not table:
        return
    for group in query.groups:
        for term in list(group):
            for alternative in table.get(term, []):
                if alternative not in group:
                    group.append(alternative)
