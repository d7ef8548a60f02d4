"""An interactive HTML page of a network that opens offline from a single file.

The page is written from the project's own template with vis-network (the copy shipped inside
pyvis) inlined, because pyvis's template always fetches Bootstrap from a CDN and its filter menu
blanks the graph. Labels travel as JSON in a non-executable script block and reach the page only
through ``textContent`` or the canvas, so no label can inject markup.
"""

from __future__ import annotations

import html
import json
import math
from collections import Counter
from importlib.resources import files
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

from noticekg.errors import InputError
from noticekg.graph.labels import term_label
from noticekg.graph.write import write_text

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["PALETTE", "SHAPES", "SIZES", "page_html", "render_html"]

# Colour-blind-safe qualitative colours (Okabe–Ito, then Tableau), assigned to classes in order.
PALETTE = (
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
    "#4E79A7", "#F28E2B", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#76B7B2",
)  # fmt: skip

# vis-network shape per base class (labels drawn below the shape, so long names stay legible).
SHAPES = {
    "Organization": "dot",
    "Platform": "square",
    "Project": "triangle",
    "Policy": "diamond",
    "Person": "star",
    "Place": "triangleDown",
    "Problem": "hexagon",
    "Measure": "square",
    "Group": "hexagon",
}
DEFAULT_SHAPE = "dot"

# What sets a node's size: its number of links, or how many measures point at it.
SIZES = ("degree", "measures")

VIS_JS = ("lib", "vis-9.1.2", "vis-network.min.js")
TEMPLATE = ("templates", "network.html")

# Past these sizes edge labels and curved edges cost more drawing time than they give; the
# labels stay in the edge tooltips.
EDGE_LABEL_LIMIT = 300
SMOOTH_EDGE_LIMIT = 500

# Words of the tooltip, per page language.
WORDS = {
    "zh": {"class": "类别", "aliases": "别名", "degree": "关系数", "measures": "涉及措施",
           "notices": "出现于", "source": "原文", "members": "成员", "composition": "构成"},
    "en": {"class": "class", "aliases": "aliases", "degree": "links", "measures": "measures",
           "notices": "notices", "source": "source", "members": "members",
           "composition": "composition"},
}  # fmt: skip

# Longest label drawn on the canvas; the whole label is in the tooltip and found by the search.
LABEL_LIMIT = 16

# Notices listed in a tooltip before "… and n more".
NOTICES_SHOWN = 5

# Characters that would end a <script> block or an HTML comment if left in embedded JSON.
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                  "\u2029": "\\u2029"}  # fmt: skip


def render_html(
    nx_graph: nx.MultiDiGraph,
    path: Path,
    *,
    title: str,
    lang: str = "zh",
    size: str = "degree",
    note: str | None = None,
) -> None:
    """Write the network page to ``path`` atomically (temp file + rename).

    :raises InputError: for an unknown ``lang`` or ``size``.
    :raises NoticekgError: when the file cannot be written.
    """
    write_text(Path(path), page_html(nx_graph, title=title, lang=lang, size=size, note=note))


def page_html(
    nx_graph: nx.MultiDiGraph,
    *,
    title: str,
    lang: str = "zh",
    size: str = "degree",
    note: str | None = None,
) -> str:
    """The whole page as a string (see :func:`render_html`)."""
    if size not in SIZES:
        raise InputError(f"--size {size!r}: expected one of {', '.join(SIZES)}")
    template = Template(files(__package__).joinpath(*TEMPLATE).read_text(encoding="utf-8"))
    vis_js = files("pyvis").joinpath(*VIS_JS).read_text(encoding="utf-8")
    payload = _payload(nx_graph, lang=lang, size=size, note=note)
    return template.substitute(
        title=html.escape(title), lang=lang, vis_js=vis_js, data=_script_json(payload)
    )


def _payload(nx_graph: nx.MultiDiGraph, *, lang: str, size: str, note: str | None) -> dict:
    words = WORDS.get(lang) or WORDS["zh"]
    classes = Counter(str(data.get("class", "")) for _, data in nx_graph.nodes(data=True))
    shapes: dict[str, str] = {}
    for _, data in nx_graph.nodes(data=True):
        if data.get("base") != "Group":
            cls = str(data.get("class", ""))
            shapes.setdefault(cls, SHAPES.get(str(data.get("base", cls)), DEFAULT_SHAPE))
    colours = _colours(shapes, classes)
    nodes = []
    for node, data in nx_graph.nodes(data=True):
        cls = str(data.get("class", ""))
        shape = SHAPES.get(str(data.get("base", cls)), DEFAULT_SHAPE)
        item: dict[str, Any] = {
            "id": str(node),
            "label": _short(str(data.get("label", node))),
            "name": str(data.get("label", node)),
            "cls": cls,
            "aliases": [str(a) for a in data.get("aliases", ())],
            "color": colours[cls],
            "shape": shape,
            "value": _size(data, nx_graph.degree(node), size),
            "tooltip": _node_tooltip(node, data, cls, nx_graph.degree(node), words, lang),
        }
        if data.get("focus"):
            item.update(borderWidth=4, color={"background": colours[cls], "border": "#000000"})
        nodes.append(item)
    edge_labels = nx_graph.number_of_edges() <= EDGE_LABEL_LIMIT
    edges = []
    for source, target, key, data in nx_graph.edges(keys=True, data=True):
        prop = str(data.get("property", key))
        weight = int(data.get("weight", 1))
        name = term_label(prop, lang) if prop != "links" else f"×{weight}"
        source_label = nx_graph.nodes[source].get("label", source)
        target_label = nx_graph.nodes[target].get("label", target)
        edge: dict[str, Any] = {
            "from": str(source),
            "to": str(target),
            "tooltip": [f"{source_label} —{name}→ {target_label}"],
            "width": 1 + math.log2(weight),
        }
        if edge_labels:
            edge["label"] = name
        edges.append(edge)
    legend = [
        {
            "cls": name,
            "label": term_label(name, lang),
            "color": colours[name],
            "shape": shapes.get(name, SHAPES["Group"]),
            "count": classes[name],
        }
        for name in sorted(classes, key=lambda n: (-classes[n], n))
    ]
    return {
        "nodes": nodes,
        "edges": edges,
        "legend": legend,
        "note": note or "",
        "options": _options(len(nodes), len(edges)),
    }


def _colours(shapes: dict[str, str], classes: Counter[str]) -> dict[str, str]:
    """A colour per class, handed out in order of shape, so two classes drawn with the same
    shape never share a colour (unless one shape has more classes than the palette colours)."""
    ordered = sorted(classes, key=lambda cls: (shapes.get(cls, SHAPES["Group"]), cls))
    return {cls: PALETTE[i % len(PALETTE)] for i, cls in enumerate(ordered)}


def _short(label: str) -> str:
    return label if len(label) <= LABEL_LIMIT else label[: LABEL_LIMIT - 1] + "…"


def _size(data: dict, degree: int, size: str) -> int:
    if data.get("members"):
        return int(data["members"]) + 1
    return int(data.get("measures", 0) if size == "measures" else degree) + 1


def _node_tooltip(
    node: str, data: dict, cls: str, degree: int, words: dict[str, str], lang: str
) -> list[str]:
    lines = [str(data.get("label", node)), f"{words['class']}: {term_label(cls, lang)}"]
    if data.get("aliases"):
        lines.append(f"{words['aliases']}: " + "、".join(map(str, data["aliases"])))
    if data.get("members"):
        lines.append(f"{words['members']}: {data['members']} ({data.get('composition', '')})")
    lines.append(f"{words['degree']}: {degree} · {words['measures']}: {data.get('measures', 0)}")
    notices = [str(n) for n in data.get("notices", ())]
    if notices:
        shown = "；".join(notices[:NOTICES_SHOWN])
        more = len(notices) - NOTICES_SHOWN
        lines.append(f"{words['notices']}: {shown}" + (f" (+{more})" if more > 0 else ""))
    if data.get("sentence"):
        lines.append(f"{words['source']}: {data['sentence']}")
    lines.append(str(node))
    return lines


def _options(nodes: int, edges: int) -> dict[str, Any]:
    """vis-network options: layout effort shrinks as the graph grows; physics is switched off
    by the page once stabilised, so nothing keeps moving."""
    iterations = 400 if nodes <= 200 else 250 if nodes <= 1000 else 120
    return {
        "nodes": {
            "font": {
                "size": 14,
                "face": "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "scaling": {
                "min": 8,
                "max": 36,
                "label": {"enabled": True, "min": 13, "max": 26, "drawThreshold": 6},
            },
            "borderWidth": 1,
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#9aa0a6", "highlight": "#333333", "hover": "#333333"},
            "font": {"size": 10, "align": "middle", "color": "#555555", "strokeWidth": 2},
            "smooth": {"type": "continuous"} if edges <= SMOOTH_EDGE_LIMIT else False,
        },
        "layout": {"improvedLayout": nodes <= 150, "randomSeed": 7},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90},
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 50},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": edges > 1000},
    }


def _script_json(value: Any) -> str:
    """JSON that cannot close its ``<script>`` element, whatever the labels contain."""
    text = json.dumps(value, ensure_ascii=False)
    for char, escape in _SCRIPT_UNSAFE.items():
        text = text.replace(char, escape)
    return text
