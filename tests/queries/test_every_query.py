"""Every shipped .rq file parsed and run on the sample notice, its answer checked for content.

Expectations are read from the extracted records (titles, figures, entities) and from the
notice text, so the checks follow the extractor yet still fail when a query loses or garbles
rows. A second copy of the sample under another 索引号 gives cross-notice queries an answer.
"""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef
from rdflib.namespace import RDFS

from noticekg.extract import extract_file
from noticekg.extract.records import EntityType, Notice
from noticekg.graph import build_dataset, entity_iri, notice_iri
from noticekg.queries import catalogue, get_query, run_query
from noticekg.queries.run import QueryResult

GENRE = Path(__file__).parents[1] / "data" / "genre"


@pytest.fixture(scope="module")
def one(sample: Notice) -> Dataset:
    return build_dataset([sample])


@pytest.fixture(scope="module")
def two(sample: Notice) -> Dataset:
    """The sample and a copy filed under another 索引号: every problem and entity recurs."""
    copy = dataclasses.replace(
        sample,
        source="copy.txt",
        sha256="0" * 64,
        header=dataclasses.replace(sample.header, index_no="COPY-2099-001"),
    )
    return build_dataset([sample, copy])


def run(dataset: Dataset, name: str, **params: str) -> QueryResult:
    return run_query(get_query(name), dataset, params)


def column(result: QueryResult, name: str) -> list:
    index = result.vars.index(name)
    return [None if row[index] is None else row[index].toPython() for row in result.rows]


def first_org(sample: Notice) -> str:
    """The most mentioned organisation: a node every entity query can start from."""
    orgs = [e for e in sample.entities if e.type is EntityType.ORGANIZATION]
    return max(orgs, key=lambda e: (len(e.mentions), e.name)).name


def test_catalogue_covers_the_questions() -> None:
    assert len(catalogue()) >= 15


def test_problems_and_measures(one: Dataset, sample: Notice) -> None:
    result = run(one, "problems-and-measures")
    assert set(column(result, "problem")) == {p.title for p in sample.problems}
    assert set(column(result, "measure")) - {None} == {m.title for m in sample.measures}


def test_problems_and_measures_of_another_notice_is_empty(one: Dataset) -> None:
    assert run(one, "problems-and-measures", notice="https://example.org/none").rows == []


def test_measures_per_problem(one: Dataset, sample: Notice) -> None:
    result = run(one, "measures-per-problem")
    counts = dict(zip(column(result, "problemNumber"), column(result, "measures"), strict=True))
    for problem in sample.problems:
        assert counts[problem.n] == sum(m.problem == problem.n for m in sample.measures)
    thin = run(one, "measures-per-problem", max="1")
    assert all(n <= 1 for n in column(thin, "measures"))
    assert len(thin.rows) < len(result.rows)


def test_measures_per_notice(two: Dataset, sample: Notice) -> None:
    result = run(two, "measures-per-notice")
    assert column(result, "measures") == [len(sample.measures)] * 2
    assert column(result, "problems") == [len(sample.problems)] * 2
    assert column(result, "figures") == [len({m.span.start for m in sample.metrics})] * 2
    assert str(sample.header.title) in column(result, "title")


def test_regulations_by_body(one: Dataset, sample: Notice) -> None:
    result = run(one, "regulations-by-body")
    titles = "".join(column(result, "titles"))
    regulations = {e.name for e in sample.entities if e.subtype == "regulation"}
    established = [name for name in regulations if f"《{name}》" in titles]
    assert established, "no 《…》 regulation reported"
    assert sample.header.publisher in column(result, "bodyLabel")


def test_regulations_by_body_of_one_notice(one: Dataset, sample: Notice) -> None:
    def rows(result: QueryResult) -> list[tuple]:
        """Rows with the titles as a set: GROUP_CONCAT follows no order."""
        return [(*row[:-1], frozenset(str(row[-1]).split("、"))) for row in result.rows]

    everything = run(one, "regulations-by-body")
    assert rows(run(one, "regulations-by-body", notice=str(notice_iri(sample)))) == rows(everything)
    elsewhere = run(one, "regulations-by-body", notice=f"{notice_iri(sample)}-elsewhere")
    assert elsewhere.rows == []


def test_organisations_by_measures(one: Dataset) -> None:
    result = run(one, "organisations-by-measures")
    counts = column(result, "measures")
    assert counts == sorted(counts, reverse=True) and counts[0] >= 2
    assert run(one, "organisations-by-measures", min=str(counts[0] + 1)).rows == []


def test_platforms_projects_by_problem(one: Dataset, sample: Notice) -> None:
    result = run(one, "platforms-projects-by-problem")

    def labels(kind: EntityType) -> set[str]:  # a relative name is labelled with its full name
        return {sample.full_name(e.name) or e.name for e in sample.entities if e.type is kind}

    platforms, projects = labels(EntityType.PLATFORM), labels(EntityType.PROJECT)
    rows = set(zip(column(result, "kind"), column(result, "label"), strict=True))
    assert {label for kind, label in rows if kind == "Platform"} <= platforms
    assert {label for kind, label in rows if kind == "Project"} <= projects
    assert {kind for kind, _ in rows} == {"Platform", "Project"}


@pytest.mark.parametrize("unit", ["CNY", "mu", "person"])
def test_figures_by_unit_sums_normalised_values(one: Dataset, sample: Notice, unit: str) -> None:
    result = run(one, "figures-by-unit", unit=unit)
    expected = sum(m.normalised_value for m in sample.metrics if m.normalised_unit == unit)
    assert column(result, "total") == [Decimal(expected)]


def test_figures_money_in_yuan(one: Dataset, sample: Notice) -> None:
    yi = [m for m in sample.metrics if m.unit == "亿元"]
    assert yi, "the sample states a sum in 亿元"
    result = run(one, "figures", unit="CNY")
    normalised = dict(zip(column(result, "asWritten"), column(result, "normalised"), strict=True))
    for metric in yi:
        assert normalised[metric.span.quote] == metric.value * 100_000_000
    assert set(column(result, "unit")) == {"CNY"}
    assert run(one, "figures", unit="USD").rows == []


def test_inspection_timeline(one: Dataset, sample: Notice) -> None:
    inspection = sample.inspection
    assert inspection is not None and inspection.start is not None
    result = run(one, "inspection-timeline")
    assert column(result, "date") == [inspection.start]
    assert column(result, "kind") == [inspection.kind]
    later = inspection.start.replace(year=inspection.start.year + 50).isoformat()
    assert run(one, "inspection-timeline", after=later).rows == []


def test_inspection_timeline_of_one_target(sample: Notice) -> None:
    """A given target keeps its inspections only: another publisher's inspection goes."""
    other = extract_file(GENRE / "hn-jtt-xunshi-zhenggai.txt")
    targets = [n.inspection.target for n in (sample, other) if n.inspection is not None]
    assert len(set(targets)) == 2 and None not in targets
    both = build_dataset([sample, other])
    assert len(run(both, "inspection-timeline").rows) == 2
    assert sample.inspection is not None and sample.inspection.target is not None
    target = str(entity_iri(EntityType.ORGANIZATION, sample.inspection.target))
    result = run(both, "inspection-timeline", target=target)
    assert column(result, "targetLabel") == [sample.inspection.target]
    assert run(both, "inspection-timeline", target=f"{target}-elsewhere").rows == []


def test_entities_in_several_notices(one: Dataset, two: Dataset, sample: Notice) -> None:
    assert run(one, "entities-in-several-notices").rows == []
    labels = column(run(two, "entities-in-several-notices"), "label")
    assert first_org(sample) in labels


def test_recurring_problems(one: Dataset, two: Dataset, sample: Notice) -> None:
    assert run(one, "recurring-problems").rows == []
    result = run(two, "recurring-problems")
    wording = {row[1].toPython(): row for row in result.rows if str(row[0]) == "wording"}
    assert len(wording) == len({p.title for p in sample.problems})
    themes = {str(row[1]) for row in result.rows if str(row[0]) == "theme"}
    assert "党的建设" in themes  # the sample finds 党建 lacking, a theme of every such notice


def test_neighbourhood(one: Dataset, sample: Notice) -> None:
    name = first_org(sample)
    near = run(one, "neighbourhood", label=name, hops="1").graph
    assert near is not None
    start = entity_iri(EntityType.ORGANIZATION, name)
    assert (start, RDFS.label, None) in near
    measures = set(near.subjects(URIRef("https://w3id.org/noticekg/ontology#involves"), start))
    assert measures, "the measures involving the organisation are one hop away"
    far = run(one, "neighbourhood", label=name, hops="2").graph
    assert far is not None and len(far) > len(near)


def test_entity_relations_and_mentions(one: Dataset, sample: Notice) -> None:
    name = first_org(sample)
    mentions = run(one, "entity-mentions", label=name)
    entity = next(e for e in sample.entities if e.name == name)
    assert len(mentions.rows) == len(entity.mentions)
    for quote, sentence in zip(
        column(mentions, "quote"), column(mentions, "sentence"), strict=True
    ):
        assert quote in sentence and sentence in sample.text
    relations = run(one, "entity-relations", label=name).graph
    assert relations is not None and len(relations) > 0
    involving = run(one, "measures-involving", label=name)
    assert set(column(involving, "measure")) <= {m.title for m in sample.measures}


def test_fact_source_gives_the_sentence(one: Dataset, sample: Notice) -> None:
    problem = sample.problems[-1]
    result = run(one, "fact-source", label=problem.title)
    (sentence,) = column(result, "sentence")
    assert problem.title in sentence and sentence in sample.text
    assert column(result, "start") == [problem.title_span.start]
    assert column(result, "resource") == [f"{notice_iri(sample)}/problem/{problem.n}"]
    assert run(one, "fact-source", label="不存在的标题").rows == []


def test_notice_summary(one: Dataset, sample: Notice) -> None:
    result = run(one, "notice-summary")
    assert column(result, "title") == [sample.header.title]
    assert column(result, "problems") == [len(sample.problems)]


def test_every_query_is_checked() -> None:
    """A new .rq file needs a content test here or, for the queries commands use to read a
    store notice by notice (validate, viz), in test_run.py next to the store fixtures."""
    run_tests = Path(__file__).with_name("test_run.py").read_text(encoding="utf-8")
    tested = {name.removeprefix("test_") for name in globals() if name.startswith("test_")}
    tested |= set(re.findall(r"^def test_(\w+)", run_tests, flags=re.MULTILINE))
    names = {q.name for q in catalogue()}
    covered = {n for n in names if any(n.replace("-", "_") in t for t in tested)}
    covered |= {"entity-mentions", "measures-involving"}  # in test_entity_relations_and_mentions
    assert covered == names
