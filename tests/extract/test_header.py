from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from noticekg.extract.header import parse_contact, parse_header
from noticekg.extract.records import Contact

BODY = (
    "根据市委统一部署,市委第一巡察组对某单位党组进行了常规巡察,现将巡察整改情况予以公布,"
    "欢迎广大干部群众监督。\n"
)

TABLE = (
    "您现在的位置:首页 > 信息公开 > 通知公告\n"
    "索引号 11330000002482125K/2022-00321\n"
    "组配分类 巡察整改 发布机构 某市审计局\n"
    "生成日期 2022-06-01 公开方式 主动公开\n"
    "某市审计局党组关于市委巡察整改进展情况的通报\n"
    "发布日期:2022-06-02 浏览次数: 字号:[ 大 中 小 ]\n\n" + BODY
)

LIST = (
    "信息索引号:000014349/2021-01234\n"
    "文件名称:中共某省交通运输厅党组关于省委巡视整改进展情况的通报\n"
    "发文机关:中共某省交通运输厅党组\n"
    "成文日期:2021年11月20日\n"
    "公开方式:主动公开\n" + BODY
)

ONE_LINE = (
    "当前位置:首页 >> 工作动态\n"
    "某区市场监督管理局关于区委巡察整改情况的公告\n"
    "发布时间:2022-12-20 15:30 作者: 信息来源:某区市场监督管理局 浏览次数:\n"
    "朗读 分享\n" + BODY + "\n中共某区市场监督管理局党组\n二〇二二年十二月十九日\n"
)

REPOST = (
    "某某能源集团有限公司党委关于集团党委巡察整改情况的通报\n"
    "来源:某某新能源有限公司 发布日期:2021-05-06\n"
    + BODY
    + "某某新能源有限公司党委\n2021年4月30日\n"
    "Produced By 某某网络 内容管理系统\n"
)

AUDIT = (
    "关于2022年度市级预算执行和其他财政收支审计查出问题整改情况的报告\n"
    "主任、副主任、秘书长、各位委员:\n"
    "受市人民政府委托,现将2022年度市级预算执行和其他财政收支审计查出问题的整改情况报告如下。\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            TABLE,
            {
                "title": "某市审计局党组关于市委巡察整改进展情况的通报",
                "publisher": "某市审计局党组",  # the headline's issuer, not the site's 发布机构
                "index_no": "11330000002482125K/2022-00321",
                "category": "巡察整改",
                "published": date(2022, 6, 2),
                "signed": None,
                "signatory": None,
            },
        ),
        (
            LIST,
            {
                "title": "中共某省交通运输厅党组关于省委巡视整改进展情况的通报",
                "publisher": "中共某省交通运输厅党组",
                "index_no": "000014349/2021-01234",
                "category": None,
                "published": date(2021, 11, 20),
                "signed": date(2021, 11, 20),
                "signatory": None,
            },
        ),
        (
            ONE_LINE,
            {
                "title": "某区市场监督管理局关于区委巡察整改情况的公告",
                "publisher": "中共某区市场监督管理局党组",  # the signing body
                "index_no": None,
                "category": None,
                "published": date(2022, 12, 20),
                "signed": date(2022, 12, 19),
                "signatory": "中共某区市场监督管理局党组",
            },
        ),
        (
            REPOST,
            {
                "title": "某某能源集团有限公司党委关于集团党委巡察整改情况的通报",
                "publisher": "某某新能源有限公司党委",
                "index_no": None,
                "category": None,
                "published": date(2021, 5, 6),
                "signed": date(2021, 4, 30),
                "signatory": "某某新能源有限公司党委",
            },
        ),
        (
            AUDIT,
            {
                "title": "关于2022年度市级预算执行和其他财政收支审计查出问题整改情况的报告",
                "publisher": None,
                "index_no": None,
                "category": None,
                "published": None,
                "signed": None,
                "signatory": None,
            },
        ),
        (
            "首页 > 审计结果公开\n"
            + AUDIT.replace("\n", "\n来源:某市审计局 发布日期:2023-07-01\n", 1),
            {
                "title": "关于2022年度市级预算执行和其他财政收支审计查出问题整改情况的报告",
                "publisher": "某市审计局",  # no signature, no issuer in the headline: 来源
                "index_no": None,
                "category": None,
                "published": date(2023, 7, 1),
                "signed": None,
                "signatory": None,
            },
        ),
        # 来源 and a bare 时间 on one line (district sites): the source ends where 时间 begins
        (
            AUDIT.replace("\n", "\n来源：某某县审计局　时间：2024-03-18\n", 1),
            {
                "title": "关于2022年度市级预算执行和其他财政收支审计查出问题整改情况的报告",
                "publisher": "某某县审计局",
                "index_no": None,
                "category": None,
                "published": date(2024, 3, 18),
                "signed": None,
                "signatory": None,
            },
        ),
        # negative: body text only, nothing in it is a header field
        (
            BODY,
            {
                "title": None,
                "publisher": None,
                "index_no": None,
                "category": None,
                "published": None,
                "signed": None,
                "signatory": None,
            },
        ),
    ],
)
def test_header_shapes(text: str, expected: dict[str, object]) -> None:
    header = parse_header(text)
    assert {name: getattr(header, name) for name in expected} == expected


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        (
            "中共某市直属机关工作委员会关于市委巡察整改情况的通报\n" + BODY,
            "中共某市直属机关工作委员会",
        ),
        ("关于巡察整改情况的通报\n" + BODY + "特此通报。\n2023年3月1日\n", None),
        ("关于巡察整改情况的通报\n" + BODY + "特此通报\n2023年3月1日\n", None),
        ("关于巡察整改情况的通报\n" + BODY + "某县林业局党组\n2023年3月1日\n", "某县林业局党组"),
    ],
)
def test_publisher_is_the_body_the_notice_speaks_for(text: str, publisher: str | None) -> None:
    assert parse_header(text).publisher == publisher


def test_signature_without_header_is_the_publisher() -> None:
    header = parse_header(BODY + "\n中共某县林业局党组\n2023年3月1日\n")
    assert header.publisher == "中共某县林业局党组"
    assert header.signed == date(2023, 3, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "联系方式:电话0577-88019695;电子邮箱:wzznkjc2020@126.com;"
            "邮政信箱:温州高新区新三路16号高新大楼温州浙南科技城管理委员会,邮政编码325011。",
            Contact(
                "0577-88019695", "wzznkjc2020@126.com", "温州高新区新三路16号高新大楼", "325011"
            ),
        ),
        (
            "联系电话:0571-87051234;通信地址:某市某路2号某省自然资源厅巡视整改办"
            "(邮政编码:310007);电子邮箱:zgb@zrzyt.gov.cn。",
            Contact("0571-87051234", "zgb@zrzyt.gov.cn", "某市某路2号", "310007"),
        ),
        (
            "举报电话:12388;来信地址:某县人民路88号县委巡察办收,邮编:321000",
            Contact("12388", None, "某县人民路88号", "321000"),
        ),
        ("监督电话:13912345678", Contact(phone="13912345678")),
        # negative: figures and codes are not contact details
        ("新增企业38家,完成做地1135亩,索引号001008003015161/2021-00113。", Contact()),
    ],
)
def test_contact(text: str, expected: Contact) -> None:
    assert parse_contact(text) == expected


def test_sample_header(sample_text: str, gold: dict) -> None:
    header = parse_header(sample_text)
    notice = gold["notice"]
    assert header.title == notice["title"]
    assert header.publisher == "温州浙南科技城管理委员会"  # the signing body
    assert header.index_no == notice["index_no"]
    assert header.category == notice["category"]
    assert header.published.isoformat() == notice["published"]
    assert header.signed.isoformat() == notice["signed"]
    assert header.signatory == "温州浙南科技城管理委员会"
    contact = header.contact
    assert (contact.phone, contact.email, contact.address, contact.postcode) == tuple(
        notice["contact"][k] for k in ("phone", "email", "address", "postcode")
    )


@given(
    st.text(
        alphabet="索引号发布机构日期来源:：关于巡察情况通报2021-03年月日 \n电话0577邮编@.com号楼",
        max_size=200,
    )
)
def test_header_never_crashes(text: str) -> None:
    header = parse_header(text)
    assert header.title is None or header.title in text


@pytest.mark.parametrize(
    ("ending", "signed", "signatory"),
    [
        ("中共某县林业局党组\n2023年3月1日", date(2023, 3, 1), "中共某县林业局党组"),
        ("中共某县林业局党组 2023年3月1日", date(2023, 3, 1), "中共某县林业局党组"),
        ("某县林业局\n二〇二三年三月一日", date(2023, 3, 1), "某县林业局"),
        ("某县林业局\n2023-03-01\nProduced By 某某网络", date(2023, 3, 1), "某县林业局"),
        # negative: a date inside the last sentence is not a signature
        ("2023年3月1日前完成全部整改。", None, None),
    ],
)
def test_signature(ending: str, signed: date | None, signatory: str | None) -> None:
    header = parse_header(BODY + "\n" + ending + "\n")
    assert (header.signed, header.signatory) == (signed, signatory)


def test_long_title_stays_in_the_header() -> None:
    title = (
        "中共某某省某某市某某区人民政府办公室党组"
        "关于十三届区委第五轮巡察反馈意见及区委巡察“回头看”专项检查反馈问题整改落实进展情况的通报"
    )
    assert len(title) > 60
    header = parse_header(title + "\n发布日期:2023-01-01\n" + BODY)
    assert header.title == title
