"""How a Party organisation's name points at the body it sits in.

A unit's Party committee, group or branch is written 中共X委员会, 中共X党组, X党委, X党组,
中共X总支部委员会 or X党总支: the organisation X (a department, college, school or company) is
the body it belongs to, and the full and short forms of one kind name the same organisation
even where the text writes only one of them.
"""

from __future__ import annotations

import re

FULL_PARTY = re.compile(
    r"^(?:中共|中国共产党)(?P<body>.{2,40}?)(?P<kind>总支部委员会|支部委员会|委员会|党组|党委)$"
)
"""中共X委员会, 中共X党组, 中共X总支部委员会: a Party body written in full."""

SHORT_PARTY = re.compile(r"^(?P<body>.{2,40}?)(?P<kind>党委|党组|党总支|党支部)$")
"""X党委, X党组, X党总支, X党支部: a Party body written short."""

KINDS = {
    "委员会": "committee",
    "党委": "committee",
    "党组": "group",
    "总支部委员会": "general_branch",
    "党总支": "general_branch",
    "支部委员会": "branch",
    "党支部": "branch",
}
"""Full and short words for one kind of Party body (委员会 = 党委, 总支部委员会 = 党总支)."""

SHORT_WORDS = {"committee": "党委", "group": "党组", "general_branch": "党总支", "branch": "党支部"}
"""The short word the genre writes for each kind."""


def party_key(name: str) -> tuple[str, str] | None:
    """The body a Party organisation belongs to and its kind (中共X党组 → (X, group)), or None."""
    match = FULL_PARTY.match(name) or SHORT_PARTY.match(name)
    if match is None:
        return None
    return match.group("body"), KINDS[match.group("kind")]


def party_body(name: str) -> str | None:
    """The name of the body a Party organisation belongs to (中共X党组 → X), or None."""
    key = party_key(name)
    return key[0] if key is not None else None


def implied_forms(name: str) -> tuple[str, ...]:
    """The short form of a Party body written in full: 中共X委员会 → X党委, 中共X党组 → X党组."""
    match = FULL_PARTY.match(name)
    if match is None:
        return ()
    return (match.group("body") + SHORT_WORDS[KINDS[match.group("kind")]],)
