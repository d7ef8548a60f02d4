"""The network page in a real headless Chromium: it draws, the search and class filters work,
and hostile labels stay text."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import networkx as nx
import pytest
from cdp import Chromium

from noticekg.extract.records import Entity, EntityType, Notice, Relation, Span
from noticekg.extract.records import Predicate as P
from noticekg.graph import build_dataset, render_html, to_networkx
from noticekg.graph.aggregate import aggregate

pytestmark = pytest.mark.browser

# Labels that would run script if they reached the page as markup; each would set a flag or
# open a dialog, both of which the tests watch for.
HOSTILE = (
    "<script>window.pwned = 1; alert('script')</script>",
    "<img src=x onerror=\"window.pwned = 2; alert('img')\">",
    '</script><svg onload="window.pwned = 3">',
)

STABILIZED = "document.body.getAttribute('data-stabilized') === 'true'"
NODE_COUNT = "noticekg.network.body.data.nodes.length"


def draw(page: Chromium, network: nx.MultiDiGraph, path: Path, **options: object) -> None:
    render_html(network, path, title=str(options.pop("title", "网络")), **options)  # type: ignore[arg-type]
    page.open(path)
    page.wait_for(STABILIZED, timeout=60)


def hostile_notice(notice: Notice) -> Notice:
    text, entities, relations = notice.text, list(notice.entities), list(notice.relations)
    for label in HOSTILE:
        start, text = len(text), text + label + "。"
        entities.append(Entity(label, EntityType.ORGANIZATION, "enterprise", (),
                               (Span(start, start + len(label), label),)))  # fmt: skip
        relations.append(Relation("甲市科技局", P.COOPERATES_WITH, label))
    return dataclasses.replace(
        notice, text=text, entities=tuple(entities), relations=tuple(relations)
    )


def test_page_draws_every_node_without_errors(
    page: Chromium, tmp_path: Path, notices: tuple[Notice, Notice]
) -> None:
    network = to_networkx(build_dataset(notices), measures=True)
    draw(page, network, tmp_path / "net.html")
    assert page.evaluate(NODE_COUNT) == network.number_of_nodes()
    assert page.evaluate("noticekg.network.body.data.edges.length") == network.number_of_edges()
    assert page.evaluate("noticekg.network.physics.options.enabled") is False  # frozen
    assert page.console_errors == [] and page.dialogs == []
    shot = page.screenshot(tmp_path / "net.png")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


@pytest.mark.parametrize(
    ("query", "label"),
    [("甲市科技局", "甲市科技局"), ("科技局", "甲市科技局"), ("服务平台", "科技服务平台")],
)
def test_search_selects_and_focuses_a_node(
    page: Chromium, tmp_path: Path, notices: tuple[Notice, Notice], query: str, label: str
) -> None:
    draw(page, to_networkx(build_dataset(notices)), tmp_path / "net.html")
    page.evaluate(
        "var box = document.getElementById('search'); box.value = " + json.dumps(query) + ";"
        "box.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'}));"
    )
    selected = page.evaluate("noticekg.network.getSelectedNodes()")
    assert len(selected) == 1
    assert page.evaluate(f"noticekg.nodes.get({json.dumps(selected[0])}).name") == label
    assert page.evaluate("document.getElementById('search-status').textContent").startswith("1 / ")


def test_search_for_nothing_selects_nothing(
    page: Chromium, tmp_path: Path, notices: tuple[Notice, Notice]
) -> None:
    draw(page, to_networkx(build_dataset(notices)), tmp_path / "net.html")
    assert page.evaluate("noticekg.search('没有这个单位')") is None
    assert page.evaluate("noticekg.network.getSelectedNodes()") == []
    assert page.evaluate("document.getElementById('search-status').textContent") == "0 / 0"


def test_class_filter_hides_and_restores_nodes(
    page: Chromium, tmp_path: Path, notices: tuple[Notice, Notice]
) -> None:
    network = to_networkx(build_dataset(notices))
    draw(page, network, tmp_path / "net.html")
    regulations = sum(1 for _, d in network.nodes(data=True) if d["class"] == "Regulation")
    assert regulations > 0
    visible = "noticekg.network.body.nodeIndices.length"
    box = "document.querySelector('#legend label[title=\"Regulation\"] input')"
    assert page.evaluate(visible) == network.number_of_nodes()
    page.evaluate(f"{box}.click()")
    assert page.evaluate(visible) == network.number_of_nodes() - regulations
    assert page.evaluate("noticekg.nodes.get({filter: n => n.hidden}).length") == regulations
    page.evaluate(f"{box}.click()")
    assert page.evaluate(visible) == network.number_of_nodes()
    assert page.console_errors == []


def test_hostile_labels_show_as_text_and_never_run(
    page: Chromium, tmp_path: Path, notice_a: Notice
) -> None:
    network = to_networkx(build_dataset([hostile_notice(notice_a)]))
    draw(page, network, tmp_path / "net.html", title=HOSTILE[1])
    assert page.evaluate("window.pwned === undefined")
    assert page.dialogs == [] and page.console_errors == []
    assert page.evaluate("document.querySelectorAll('img, svg, body script:not([id])').length") == 1
    assert page.evaluate("document.querySelector('h1').textContent") == HOSTILE[1]
    tooltips = page.evaluate(
        "noticekg.nodes.get().filter(n => n.title.children.length === 0)"
        ".map(n => n.title.textContent).join('\\n')"
    )
    for label in HOSTILE:
        assert label in tooltips  # in the DOM as text
    assert page.evaluate(NODE_COUNT) == network.number_of_nodes()


def test_folded_network_draws_quickly_with_its_note(page: Chromium, tmp_path: Path) -> None:
    big = nx.MultiDiGraph(nx.barabasi_albert_graph(3000, 2, seed=1))
    for node in big:
        big.nodes[node].update(label=f"单位{node}", **{"class": "GovernmentBody"})
    folded = aggregate(big, 300)
    render_html(folded.network, tmp_path / "big.html", title="big", note=folded.note)
    page.open(tmp_path / "big.html")
    assert page.wait_for(STABILIZED, timeout=60) < 30
    assert page.evaluate(NODE_COUNT) == folded.network.number_of_nodes() <= 300
    assert "3000 nodes folded" in page.evaluate("document.getElementById('note').textContent")
    assert page.console_errors == []
