"""How long the network views take, from networkx graph to a drawn page.

    python -m bench.views [--sizes 200 2000 20000] [--max-nodes 400]
    python -m bench.views --corpus 300
    python -m bench.views --screenshot docs/img/sample-network.png

For synthetic graphs of each size (a preferential-attachment network with Chinese labels and
a mix of classes) prints the time to fold and build the page, the page size, and the time
headless Chromium takes from navigation until vis-network reports the layout stabilised (and
frozen). ``--corpus N`` does the same for the entity network of N generated notices (the
time to extract them is not counted). With ``--screenshot`` it instead draws the bundled sample
notice's network and saves a PNG for the README. Figures, not assertions: run it on the machine
you care about.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from importlib.resources import as_file
from pathlib import Path

import networkx as nx

from bench.corpus import generate
from noticekg.corpus import extract_corpus
from noticekg.extract import extract_notice
from noticekg.graph import build_dataset
from noticekg.graph.aggregate import aggregate
from noticekg.graph.network import to_networkx
from noticekg.graph.render import page_html
from noticekg.samples import sample_notice
from tests.browser.cdp import Chromium

CLASSES = ("GovernmentBody", "PartyOrganization", "Enterprise", "Park", "Regulation", "City")
SYLLABLES = "市区县科技发展改革财政建设国资人才产业园创新服务中心管理委员会集团有限公司办法"
STABILIZED = "document.body.getAttribute('data-stabilized') === 'true'"


def synthetic(nodes: int, seed: int = 1) -> nx.MultiDiGraph:
    """A scale-free network (hubs, as real corpora have) with Chinese labels."""
    rng = random.Random(seed)
    network = nx.MultiDiGraph()
    for a, b in nx.barabasi_albert_graph(nodes, 1, seed=seed).edges:
        network.add_edge(str(b), str(a), key="subOrganizationOf", property="subOrganizationOf")
    for node in network:
        label = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 12)))
        network.nodes[node].update(
            label=label,
            aliases=[],
            notices=[f"通报{rng.randint(1, 300)}"],
            sentence=f"……{label}……。",
            **{"class": rng.choice(CLASSES), "base": "Organization"},
        )
    return network


def measure(browser: Chromium, network: nx.MultiDiGraph, max_nodes: int, out: Path) -> str:
    started = time.perf_counter()
    folded = aggregate(network, max_nodes)
    page = page_html(folded.network, title="bench", note=folded.note)
    built = time.perf_counter() - started
    path = out / f"bench-{network.number_of_nodes()}-{max_nodes}.html"
    path.write_text(page, encoding="utf-8")
    started = time.perf_counter()
    browser.open(path)
    browser.wait_for(STABILIZED, timeout=600)
    drawn = time.perf_counter() - started
    errors = f"  errors: {browser.console_errors}" if browser.console_errors else ""
    return (
        f"{network.number_of_nodes():>7,} nodes  budget {max_nodes or 'none':>5}  "
        f"drawn {folded.network.number_of_nodes():>6,}  build {built:6.2f} s  "
        f"page {len(page.encode()) / 1e6:6.2f} MB  browser {drawn:6.2f} s{errors}"
    )


def corpus_network(notices: int) -> tuple[nx.MultiDiGraph, float]:
    """The entity network of ``notices`` generated notices, and the seconds ``to_networkx``
    took over their dataset."""
    records = [extract_notice(text) for text in generate(notices)]
    dataset = build_dataset(records)
    started = time.perf_counter()
    network = to_networkx(dataset)
    return network, time.perf_counter() - started


def screenshot(path: Path) -> None:
    """The sample notice's entity network with its problems and measures, for the README."""
    with as_file(sample_notice()) as sample:
        corpus = extract_corpus([sample], progress=False)
    network = to_networkx(build_dataset(corpus.notices), measures=True)
    title = corpus.notices[0].header.title or "noticekg"
    with tempfile.TemporaryDirectory() as tmp, Chromium(width=1600, height=1000) as browser:
        page = Path(tmp) / "sample.html"
        page.write_text(page_html(network, title=title), encoding="utf-8")
        browser.open(page)
        browser.wait_for(STABILIZED, timeout=120)
        browser.evaluate("noticekg.network.moveTo({scale: noticekg.network.getScale() * 1.25})")
        time.sleep(0.5)
        browser.screenshot(path)
    print(f"{network.number_of_nodes()} nodes, {network.number_of_edges()} edges → {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000, 20000])
    parser.add_argument("--max-nodes", type=int, default=400)
    parser.add_argument("--corpus", type=int, metavar="N", help="N generated notices instead")
    parser.add_argument("--screenshot", type=Path, metavar="PNG")
    args = parser.parse_args()
    if args.screenshot:
        screenshot(args.screenshot)
        return
    if args.corpus:
        network, seconds = corpus_network(args.corpus)
        print(f"{args.corpus} notices: to_networkx {seconds:.2f} s")
        with tempfile.TemporaryDirectory() as tmp, Chromium() as browser:
            print(measure(browser, network, args.max_nodes, Path(tmp)))
        return
    with tempfile.TemporaryDirectory() as tmp, Chromium() as browser:
        for size in args.sizes:
            browser.console_errors.clear()
            print(measure(browser, synthetic(size), args.max_nodes, Path(tmp)), flush=True)


if __name__ == "__main__":
    main()
