"""An interactive HTML page of the entity network that opens offline from a single file.

The page is written from the project's own template with vis-network (the copy shipped inside
pyvis) inlined, because pyvis's template always fetches Bootstrap from a CDN. Labels travel as
JSON in a non-executable script block and reach the page only through ``textContent`` or the
canvas, so no label can inject markup.
"""

from __future__ import annotations

import html
import json
import os
import tempfile
from collections import Counter
from importlib.resources import files
from pathlib import Path
from string import Template
from typing import Any

import networkx as nx

from noticekg.errors import NoticekgError

__all__ = ["PALETTE", "render_html"]

# Colour-blind-safe qualitative colours (Okabe–Ito, then Tableau), assigned to classes in order.
PALETTE = (
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
    "#4E79A7", "#F28E2B", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#76B7B2",
)  # fmt: skip

VIS_JS = ("lib", "vis-9.1.2", "vis-network.min.js")

OPTIONS: dict[str, Any] = {
    "nodes": {"shape": "dot", "font": {"size": 14}},
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "font": {"size": 10, "align": "middle"},
        "smooth": {"type": "dynamic"},
    },
    "physics": {
        "solver": "forceAtlas2Based",
        "stabilization": {"enabled": True, "iterations": 400},
    },
    "interaction": {"hover": True, "tooltipDelay": 150},
}

# Characters that would end a <script> block or an HTML comment if left in embedded JSON.
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                  "\u2029": "\\u2029"}  # fmt: skip


def render_html(nx_graph: nx.MultiDiGraph, path: Path, *, title: str) -> None:
    """Write the network page to ``path`` atomically (temp file + rename).

    :raises NoticekgError: when the file cannot be written.
    """
    page = _page(nx_graph, title)
    path = Path(path)
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise NoticekgError(f"{path}: cannot write: {error.strerror or error}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(page)
        os.replace(name, path)
    except BaseException as error:
        Path(name).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise NoticekgError(f"{path}: cannot write: {error.strerror or error}") from None
        raise


def _page(nx_graph: nx.MultiDiGraph, title: str) -> str:
    template = Template(files(__package__).joinpath("network.html").read_text(encoding="utf-8"))
    vis_js = files("pyvis").joinpath(*VIS_JS).read_text(encoding="utf-8")
    return template.substitute(
        title=html.escape(title), vis_js=vis_js, data=_script_json(_payload(nx_graph))
    )


def _payload(nx_graph: nx.MultiDiGraph) -> dict[str, Any]:
    classes = Counter(str(data.get("class", "")) for _, data in nx_graph.nodes(data=True))
    colours = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(sorted(classes))}
    nodes = []
    for node, data in nx_graph.nodes(data=True):
        cls, label = str(data.get("class", "")), str(data.get("label", node))
        aliases = list(data.get("aliases", ()))
        degree = int(data.get("degree", nx_graph.degree(node)))
        lines = [label, f"类: {cls}", f"度: {degree}", str(node)]
        if aliases:
            lines.insert(1, "别名: " + "、".join(aliases))
        nodes.append(
            {
                "id": str(node),
                "label": label,
                "color": colours[cls],
                "value": degree + 1,
                "group": cls,
                "tooltip": lines,
            }
        )
    edges = []
    for source, target, key, data in nx_graph.edges(keys=True, data=True):
        prop = str(data.get("property", key))
        source_label = nx_graph.nodes[source].get("label", source)
        target_label = nx_graph.nodes[target].get("label", target)
        edges.append(
            {
                "from": str(source),
                "to": str(target),
                "label": prop,
                "tooltip": [f"{source_label} —{prop}→ {target_label}"],
            }
        )
    legend = [{"name": n, "color": colours[n], "count": classes[n]} for n in sorted(classes)]
    return {"nodes": nodes, "edges": edges, "legend": legend, "options": OPTIONS}


def _script_json(value: Any) -> str:
    """JSON that cannot close its ``<script>`` element, whatever the labels contain."""
    text = json.dumps(value, ensure_ascii=False)
    for char, escape in _SCRIPT_UNSAFE.items():
        text = text.replace(char, escape)
    return text
