"""The viewer's side of visibility in search: the one rule turned into index terms.

A document is visible when it holds one of the viewer's terms (see ``documents.py``). The terms
come from ``community_q`` (and the member rule built on it), so search can never disagree with
the pages.
"""

from dataclasses import dataclass

from practica.communities.models import Community
from practica.communities.visibility import community_q, is_host_member, is_site_admin
from practica.core.types import Viewer


@dataclass(frozen=True)
class Scope:
    everything: bool
    communities: dict[int, str]  # visible community id -> name
    terms: tuple[str, ...]

    @property
    def is_empty(self) -> bool:
        return not self.everything and not self.terms

    @property
    def community_ids(self) -> list[int] | None:
        """None when every community is visible (no restriction needed)."""
        return None if self.everything else sorted(self.communities)


NOTHING = Scope(everything=False, communities={}, terms=())


def scope_for(viewer: Viewer) -> Scope:
    if not viewer.is_authenticated or not viewer.is_active:
        return NOTHING
    rows = Community.objects.filter(community_q(viewer)).values_list("pk", "name")
    communities = dict(rows)
    if is_site_admin(viewer):
        return Scope(everything=True, communities=communities, terms=())
    terms = ["auth", f"u{viewer.pk}", *(f"c{pk}" for pk in sorted(communities))]
    if is_host_member(viewer):
        terms.append("host")
    return Scope(everything=False, communities=communities, terms=tuple(terms))


def scope_of_communities(community_ids: list[int]) -> Scope:
    """A scope of just these communities (for a search confined to them, e.g. evaluation)."""
    return Scope(
        everything=False,
        communities={pk: "" for pk in community_ids},
        terms=tuple(f"c{pk}" for pk in community_ids),
    )
