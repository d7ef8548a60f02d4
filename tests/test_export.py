"""``noticekg export`` and the VoID/DCAT description it writes."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, VOID

from noticekg import cli
from noticekg.cli import export as export_cli
from noticekg.errors import InputError
from noticekg.extract.records import Notice
from noticekg.graph import build_dataset, union_graph, write_dataset
from noticekg.graph.describe import MEDIA_TYPES, describe_dataset, ontology_license
from noticekg.graph.export import FORMATS
from noticekg.graph.iris import DEFAULT_BASE
from noticekg.ontology import NKG, ONTOLOGY_IRI, resource

DATASET = URIRef(f"{DEFAULT_BASE}dataset")
# Plain namespaces: pytest probes module globals, which rdflib's closed namespaces warn about.
DCAT = Namespace("http://www.w3.org/ns/dcat#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")


def _partitions(description: Graph, link: URIRef, key: URIRef, count: URIRef) -> dict:
    return {
        description.value(part, key): description.value(part, count).toPython()
        for part in description.objects(DATASET, link)
    }


@pytest.fixture
def dataset(notices: tuple[Notice, Notice]) -> Graph:
    return build_dataset(notices)


def test_counts_match_the_union(dataset: Graph, notices: tuple[Notice, Notice]) -> None:
    union = union_graph(dataset)
    description = describe_dataset(dataset, dumps=[], base=DEFAULT_BASE)
    assert description.value(DATASET, VOID.triples).toPython() == len(union)
    assert description.value(DATASET, VOID.distinctSubjects).toPython() == len(
        set(union.subjects())
    )
    classes = _partitions(description, VOID.classPartition, VOID["class"], VOID.entities)
    assert classes[NKG.Problem] == sum(len(n.problems) for n in notices)
    assert classes[NKG.Measure] == sum(len(n.measures) for n in notices)
    assert classes[NKG.Notice] == len(notices)
    properties = _partitions(description, VOID.propertyPartition, VOID.property, VOID.triples)
    assert sum(properties.values()) == len(union)
    assert properties[NKG.answers] == sum(len(n.measures) for n in notices)


def test_metadata(dataset: Graph, notices: tuple[Notice, Notice]) -> None:
    description = describe_dataset(
        dataset, dumps=[], base=DEFAULT_BASE, title="T", endpoint="http://x.test/sparql"
    )
    union = union_graph(dataset)
    assert (DATASET, RDF.type, VOID.Dataset) in description
    assert (DATASET, RDF.type, DCAT.Dataset) in description
    assert description.value(DATASET, DCTERMS.title) == Literal("T")
    assert description.value(DATASET, DCTERMS.license) == ontology_license()
    assert description.value(DATASET, DCTERMS.modified) == Literal(date.today(), datatype=XSD.date)
    assert description.value(DATASET, VOID.vocabulary) == URIRef(ONTOLOGY_IRI)
    assert description.value(DATASET, VOID.sparqlEndpoint) == URIRef("http://x.test/sparql")
    publishers = set(union.objects(None, NKG.publisher))
    assert set(description.objects(DATASET, DCTERMS.publisher)) == publishers
    assert len(publishers) == len({n.header.publisher for n in notices})
    examples = set(description.objects(DATASET, VOID.exampleResource))
    assert examples and examples <= set(union.subjects(RDF.type, NKG.Notice))


def test_no_endpoint_no_triple(dataset: Graph) -> None:
    description = describe_dataset(dataset, dumps=[], base=DEFAULT_BASE)
    assert description.value(DATASET, VOID.sparqlEndpoint) is None


def test_licence_is_the_ontologys() -> None:
    ontology = Graph().parse(data=resource("noticekg.ttl").read_text("utf-8"), format="turtle")
    assert ontology_license() == ontology.value(URIRef(ONTOLOGY_IRI), DCTERMS.license)


def test_every_format_has_a_media_type() -> None:
    assert set(MEDIA_TYPES) == set(FORMATS)


def test_distributions(dataset: Graph, tmp_path: Path) -> None:
    dumps = [tmp_path / f"d{suffix}" for suffix in FORMATS.values()]
    for fmt, path in zip(FORMATS, dumps, strict=True):
        write_dataset(dataset, path, fmt)
    description = describe_dataset(dataset, dumps=dumps, base=DEFAULT_BASE)
    found = {
        str(description.value(d, DCAT.downloadURL)): d
        for d in description.objects(DATASET, DCAT.distribution)
    }
    assert set(found) == {p.name for p in dumps}
    for path in dumps:
        node = found[path.name]
        assert (node, RDF.type, DCAT.Distribution) in description
        size = description.value(node, DCAT.byteSize)
        assert size.datatype == XSD.nonNegativeInteger
        assert size.toPython() == path.stat().st_size
        assert str(description.value(node, DCAT.mediaType)).startswith(
            "https://www.iana.org/assignments/media-types/"
        )
    turtle = found["d.ttl"]
    assert description.value(turtle, DCAT.mediaType) == URIRef(
        "https://www.iana.org/assignments/media-types/text/turtle"
    )


@pytest.mark.parametrize(
    ("name", "problem"), [("d.txt", "no known dump format"), ("missing.ttl", "cannot read")]
)
def test_bad_dump(dataset: Graph, tmp_path: Path, name: str, problem: str) -> None:
    path = tmp_path / name
    if path.suffix == ".txt":
        path.write_text("x")
    with pytest.raises(InputError, match=problem):
        describe_dataset(dataset, dumps=[path], base=DEFAULT_BASE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("turtle", ["turtle"]),
        ("turtle, nt,turtle", ["turtle", "nt"]),
        ("json-ld,trig,nquads", ["json-ld", "trig", "nquads"]),
    ],
)
def test_parse_formats(text: str, expected: list[str]) -> None:
    assert export_cli.parse_formats(text) == expected


@pytest.mark.parametrize(
    ("text", "message"), [("rdfxml", "unknown format rdfxml"), (" , ", "no format")]
)
def test_parse_formats_rejects(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        export_cli.parse_formats(text)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser()
    export_cli.register(parser.add_subparsers(dest="command", required=True))
    return parser


def test_run_export(dataset: Graph, tmp_path: Path) -> None:
    source = tmp_path / "in.trig"
    write_dataset(dataset, source, "trig")
    out = tmp_path / "out"
    args = _parser().parse_args(
        ["export", "--data", str(source), "-o", str(out), "--formats", "turtle,nt"]
    )
    assert args.run(args) == 0
    assert sorted(p.name for p in out.iterdir()) == ["noticekg.nt", "noticekg.ttl", "void.ttl"]
    description = Graph().parse(out / "void.ttl")
    assert description.value(DATASET, VOID.triples).toPython() == len(union_graph(dataset))
    assert description.value(DATASET, DCTERMS.license) == ontology_license()
    sizes = {
        Path(str(description.value(d, DCAT.downloadURL))).name: description.value(
            d, DCAT.byteSize
        ).toPython()
        for d in description.objects(DATASET, DCAT.distribution)
    }
    assert sizes == {p: (out / p).stat().st_size for p in ("noticekg.nt", "noticekg.ttl")}
    assert len(Graph().parse(out / "noticekg.nt")) == len(union_graph(dataset))


def test_run_export_unknown_format(tmp_path: Path) -> None:
    args = _parser().parse_args(
        ["export", "--data", "x.ttl", "-o", str(tmp_path / "o"), "--formats", "xml"]
    )
    with pytest.raises(InputError, match="--formats: unknown format xml"):
        args.run(args)
    assert not (tmp_path / "o").exists()


def test_main(dataset: Graph, tmp_path: Path) -> None:
    source = tmp_path / "in.ttl"
    write_dataset(dataset, source, "turtle")
    assert cli.main(["export", "--data", str(source), "-o", str(tmp_path / "o")]) == 0
    assert (tmp_path / "o" / "void.ttl").is_file()
    assert cli.main(["export", "--data", str(source), "-o", str(tmp_path), "--formats", "x"]) == 2


@pytest.mark.parametrize("keep", [False, True])
def test_local_paths_stay_home(notices: tuple[Notice, Notice], tmp_path: Path, keep: bool) -> None:
    here = {n.sha256: (tmp_path / n.source).as_uri() for n in notices}
    source = tmp_path / "in.trig"
    write_dataset(build_dataset(notices, locations=here), source, "trig")
    out = tmp_path / "out"
    argv = ["export", "--data", str(source), "-o", str(out), *(["--keep-locations"] * keep)]
    args = _parser().parse_args(argv)
    assert args.run(args) == 0
    for dump in ("noticekg.ttl", "noticekg.trig", "noticekg.jsonld", "noticekg.nt"):
        written = (out / dump).read_text(encoding="utf-8")
        assert all((uri in written) is keep for uri in here.values()), dump
    locations = Graph().parse(out / "noticekg.nt").objects(None, NKG.sourceLocation)
    assert sorted(map(str, locations)) == (sorted(here.values()) if keep else [])
