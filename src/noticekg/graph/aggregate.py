"""Keeping a large network drawable: past a node budget, fold it into fewer nodes.

A browser lays out a few hundred nodes in a second or two; tens of thousands take minutes and
end as a hairball. Past the budget the view shows either communities (Louvain, from networkx)
as super-nodes, or the best-connected nodes only; either way the page says what was folded or
left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from noticekg.errors import InputError

# networkx is imported by the functions that use it: commands that query or extract load this
# package without drawing anything, and should not wait 0.1 s for it.
if TYPE_CHECKING:
    import networkx as nx

__all__ = ["STRATEGIES", "Aggregation", "aggregate"]

STRATEGIES = ("communities", "top")

# Members named in a super-node's tooltip.
MEMBERS_SHOWN = 12


@dataclass(frozen=True)
class Aggregation:
    """The network to draw and, when it was reduced, a note saying how (else ``None``)."""

    network: nx.MultiDiGraph
    note: str | None


def aggregate(
    network: nx.MultiDiGraph, max_nodes: int, *, strategy: str = "communities"
) -> Aggregation:
    """``network`` itself when it has at most ``max_nodes`` nodes (0 means no budget), else a
    reduced copy.

    :raises InputError: for a negative budget or an unknown strategy.
    """
    if max_nodes < 0:
        raise InputError(f"--max-nodes {max_nodes}: must be 0 (no limit) or more")
    if strategy not in STRATEGIES:
        raise InputError(f"--aggregate {strategy!r}: expected one of {', '.join(STRATEGIES)}")
    if max_nodes == 0 or network.number_of_nodes() <= max_nodes:
        return Aggregation(network, None)
    if strategy == "top":
        return _top(network, max_nodes)
    return _communities(network, max_nodes)


def _top(network: nx.MultiDiGraph, max_nodes: int) -> Aggregation:
    ranked = sorted(network.nodes, key=lambda n: (-network.degree(n), _label(network, n), str(n)))
    kept = network.subgraph(ranked[:max_nodes]).copy()
    left = ranked[max_nodes:]
    classes = Counter(network.nodes[n].get("class", "") for n in left)
    dropped_edges = network.number_of_edges() - kept.number_of_edges()
    note = (
        f"showing the {max_nodes} best-connected of {network.number_of_nodes()} nodes; "
        f"left out {len(left)} nodes ({_counts(classes)}) and {dropped_edges} edges"
    )
    return Aggregation(kept, note)


def _communities(network: nx.MultiDiGraph, max_nodes: int) -> Aggregation:
    import networkx as nx

    simple = nx.Graph(network.to_undirected(as_view=True))
    groups: list[list[str]] = []
    isolated: dict[str, list[str]] = {}
    for community in nx.community.louvain_communities(simple, seed=0):
        members = sorted(community, key=lambda n: (-network.degree(n), _label(network, n), str(n)))
        if len(members) == 1 and network.degree(members[0]) == 0:
            isolated.setdefault(network.nodes[members[0]].get("class", ""), []).append(members[0])
        else:
            groups.append(members)
    groups.sort(key=lambda g: (-len(g), str(g[0])))
    groups += [isolated[c] for c in sorted(isolated)]
    groups = _expand(groups, max_nodes, network)
    folded: list[list[str]] = []
    if len(groups) > max_nodes:
        keep = max(max_nodes - 1, 1)
        folded, groups = groups[keep:], groups[:keep]
    reduced = nx.MultiDiGraph()
    owner: dict[str, str] = {}
    for index, members in enumerate(groups):
        owner.update(dict.fromkeys(members, _add_group(reduced, network, members, f"{index}")))
    if folded:
        rest = [n for members in folded for n in members]
        owner.update(dict.fromkeys(rest, _add_group(reduced, network, rest, "rest", "others")))
    weights: Counter[tuple[str, str]] = Counter()
    for s, o, key in network.edges(keys=True):
        a, b = owner[s], owner[o]
        if a == b and reduced.nodes[a].get("members", 1) > 1:
            continue
        if reduced.nodes[a].get("members", 1) == 1 and reduced.nodes[b].get("members", 1) == 1:
            reduced.add_edge(a, b, key=key, property=key)
        else:
            weights[(a, b)] += 1
    for (a, b), count in sorted(weights.items(), key=lambda item: tuple(map(str, item[0]))):
        reduced.add_edge(a, b, key="links", property="links", weight=count)
    for node, degree in reduced.degree():
        reduced.nodes[node]["degree"] = degree
    note = (
        f"{network.number_of_nodes()} nodes folded into {reduced.number_of_nodes()} "
        f"(Louvain communities; isolated nodes grouped by class"
        + (f"; the {len(folded)} smallest groups merged into one" if folded else "")
        + ")"
    )
    return Aggregation(reduced, note)


def _expand(groups: list[list[str]], max_nodes: int, network: nx.MultiDiGraph) -> list[list[str]]:
    """Open the smallest connected groups into their members while the budget allows, so a
    graph just over budget loses little detail."""
    total = len(groups)
    opened: set[int] = set()
    connected = [i for i, g in enumerate(groups) if any(network.degree(n) for n in g)]
    for index in sorted(connected, key=lambda i: (len(groups[i]), i)):
        if total + len(groups[index]) - 1 > max_nodes:
            break
        total += len(groups[index]) - 1
        opened.add(index)
    result: list[list[str]] = []
    for index, members in enumerate(groups):
        result.extend([[n] for n in members] if index in opened else [members])
    return result


def _add_group(
    reduced: nx.MultiDiGraph,
    network: nx.MultiDiGraph,
    members: list[str],
    name: str,
    kind: str = "community",
) -> str:
    """One node for ``members``: the node itself when alone, else a super-node."""
    if len(members) == 1:
        reduced.add_node(members[0], **network.nodes[members[0]])
        return members[0]
    node = f"{kind}:{name}"
    classes = Counter(network.nodes[n].get("class", "") for n in members)
    first = network.nodes[members[0]]
    isolated = all(network.degree(n) == 0 for n in members)
    label = f"{first.get('label', members[0])} +{len(members) - 1}"
    reduced.add_node(
        node,
        label=label,
        **{"class": classes.most_common(1)[0][0]},
        base="Group",
        aliases=[],
        members=len(members),
        measures=sum(int(network.nodes[n].get("measures", 0)) for n in members),
        notices=sorted({t for n in members for t in network.nodes[n].get("notices", ())}),
        sentence=("unconnected: " if isolated else "")
        + "、".join(_label(network, n) for n in members[:MEMBERS_SHOWN])
        + ("…" if len(members) > MEMBERS_SHOWN else ""),
        composition=_counts(classes),
    )
    return node


def _label(network: nx.MultiDiGraph, node: str) -> str:
    return str(network.nodes[node].get("label", node))


def _counts(counter: Counter[str] | Iterable[tuple[str, int]]) -> str:
    items = counter.most_common() if isinstance(counter, Counter) else list(counter)
    return ", ".join(f"{n} {name}" for name, n in items)
