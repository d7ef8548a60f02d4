"""Properties that hold for any text: the extractor returns, every offset quotes exactly, and
the graph it builds parses back and conforms to the shapes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from noticekg.extract import Notice, Span, extract_notice
from noticekg.graph import notice_graph, validate

# pieces of the genre, so generated texts reach the rules and not only their fallbacks
FRAGMENTS = [
    "索引号 001008003015161/2021-00113\n",
    "发布机构 某市审计局 生成日期 2021-03-04\n",
    "某市审计局党组关于巡察整改情况的通报\n",
    "根据市委部署,2019年4月4日至7月5日,市委第二巡察组对某市审计局党组进行了专项巡察。",
    "2019年8月14日,市委巡察组向某市审计局党组反馈了巡察意见。\n",
    "一、关于“",
    "”问题的整改情况\n",
    "(一)",
    "1.关于",
    "。",
    "制定《某市审计局关于加强内部审计的通知》",
    "“最多跑一次”改革",
    "新增企业12家,清退资金3.5亿元,整改率95%,给予政务处分0人,开展10余次。",
    "(以下简称市城投集团)",
    "局党组书记、局长张三同志",
    "某区人民政府",
    "某科创园区孵化器",
    "\n",
    "《",
    "”",
    "20190404日至0705日",
]

texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), min_size=1, max_size=40
).map("".join)


def spans(notice: Notice) -> list[Span]:
    found = list(notice.sentences)
    found += [m for e in notice.entities for m in e.mentions]
    found += [p.title_span for p in notice.problems] + [p.section for p in notice.problems]
    found += [m.title_span for m in notice.measures] + [m.section for m in notice.measures]
    found += [m.span for m in notice.metrics]
    found += [r.evidence for r in notice.relations if r.evidence is not None]
    if notice.inspection is not None and notice.inspection.span is not None:
        found.append(notice.inspection.span)
    return found


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_every_offset_quotes_the_text_exactly(text: str) -> None:
    notice = extract_notice(text)
    for span in spans(notice):
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.quote, span


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_the_graph_parses_back_and_conforms(text: str) -> None:
    graph = notice_graph(extract_notice(text))
    reparsed = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    assert len(reparsed) == len(graph)
    report = validate(reparsed)
    assert report.conforms, report.text
