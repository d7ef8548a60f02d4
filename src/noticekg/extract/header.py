"""The page header and the signature block: title, publisher, index number, dates, contact.

Government sites print the header as a table (``索引号 … 组配分类 … 发布机构 …``), a list
(``信息索引号:`` / ``发文机关:`` / ``成文日期:``), one line (``发布时间:… 作者: 信息来源:X``) or
``来源:X 发布日期:Y``. The fields are read wherever those labels stand in the lines before the body;
page chrome (breadcrumbs, 字号, 浏览次数, 朗读, CMS footers) is skipped everywhere.
"""

from __future__ import annotations

import re
from datetime import date

from noticekg.extract.dates import find_dates
from noticekg.extract.records import Contact, Header
from noticekg.extract.text import HSPACE, Line, iter_lines

# Header field labels, longest first so 信息索引号 wins over 索引号; letters may be spaced out
# (``索 引 号``) in table cells. Each label maps to a field name below.
FIELD_LABELS: dict[str, str] = {
    "信息索引号": "index_no",
    "索引号": "index_no",
    "文件编号": "doc_no",
    "组配分类": "category",
    "主题分类": "category",
    "信息分类": "category",
    "分类": "category",
    "发布机构": "publisher",
    "发文机关": "publisher",
    "发文机构": "publisher",
    "发布单位": "publisher",
    "信息来源": "source",
    "文章来源": "source",
    "来源": "source",
    "发布日期": "published",
    "发布时间": "published_time",
    "时间": "published_time",
    "生成日期": "generated",
    "公开日期": "generated",
    "成文日期": "written",
    "文件名称": "title",
    "标题": "title",
    "名称": "title",
    "公开方式": "other",
    "公开范围": "other",
    "作者": "other",
    "责任编辑": "other",
    "编辑": "other",
    "字号": "other",
    "浏览次数": "other",
    "点击数": "other",
    "有效性": "other",
}

# A field label at a word boundary, optionally spaced out, followed by an optional colon.
FIELD_LABEL = re.compile(
    "(?P<label>"
    + "|".join(
        f"{HSPACE}*".join(map(re.escape, label))
        for label in sorted(FIELD_LABELS, key=len, reverse=True)
    )
    + rf"){HSPACE}*[:：]?{HSPACE}*"
)

# Page chrome: navigation, reading aids and CMS footers that are never content.
CHROME = re.compile(
    r"您(?:现在)?的?位置|当前位置|首页\s*[>＞»]|[>＞»]\s*\S+\s*[>＞»]|字号[:：]?\s*[\[【(（大]|"
    r"浏览次数|点击(?:数|量|次数)|阅读(?:数|次数)|朗读|分享到?[:：]?\s*$|^分享|【?打印|关闭窗口|"
    r"色调调节|Produced\s+By|版权所有|ICP备|网站标识码|技术支持|主办单位|网站地图|"
    r"【\s*(?:大|中|小)\s*】|扫一扫|收藏|^\s*(?:通知公告|工作动态|信息公开|政务公开|巡察工作)\s*$",
    re.IGNORECASE,
)

# A headline: an X关于…的通报/情况/报告/公告 line, or one naming 整改情况/进展情况.
TITLE_SHAPE = re.compile(
    r"(?:关于|的).{2,}(?:通报|情况|报告|公告|公示|通知|说明|报告书)\s*$"
    r"|(?:巡察|巡视|审计).{0,20}整改.{0,10}(?:情况|进展|通报|报告)\s*$"
)

# The body a headline names as its issuer: X关于…的通报 (a headline opening with 关于 has none).
TITLE_ISSUER = re.compile(r"^(?P<issuer>[^\s,，。;；:：]{2,40}?)关于")

# Words that make a title line more likely the notice's own headline than a list item.
TITLE_TOPIC = re.compile(r"整改|巡察|巡视|审计")

# Sentence punctuation that a headline does not contain.
NOT_TITLE = re.compile(r"[。；;！？]|^根据|^按照|^[一二三四五六七八九十]+、|^[(（]")

# Phone numbers after a phone label: mobiles, area code + number, 12xxx service lines.
PHONE = re.compile(
    r"(?:电话|热线|举报电话|联系电话|咨询电话|传真)\s*(?:号码)?\s*[:：为]?\s*"
    r"(?P<phone>1[3-9]\d{9}(?!\d)|(?:[(（]?0\d{2,3}[)）]?[-－ ]?)?\d{7,8}(?:[-－转]\d{1,5})?"
    r"|12\d{3}(?!\d))"
)

# E-mail addresses.
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")

# Postcodes after their label (邮政编码 / 邮编).
POSTCODE = re.compile(r"邮(?:政)?编(?:码)?\s*[:：为]?\s*(?P<postcode>\d{6})(?!\d)")

# A postal address after its label, up to the next clause break.
ADDRESS = re.compile(
    r"(?:邮政信箱|通信地址|通讯地址|邮寄地址|来信地址|信件地址|联系地址|地址)\s*[:：为]?\s*"
    r"(?P<address>[^,，;；。(（\n]+)"
)

# The part of an address up to its house number and an optional short building name; what
# follows is the addressee (温州…新三路16号高新大楼 | 温州浙南科技城管理委员会).
ADDRESS_CORE = re.compile(
    r"^.*?\d+\s*号(?:楼|院)?"
    r"(?:[^\s,，;；局委会办部处厅组司]{1,6}?(?:大楼|大厦|楼|座|栋|幢|室|层|中心|广场))?"
)

# A signature line: a date alone (2020年12月7日, 二〇二〇年十二月七日, 2020-12-07), or the signing
# body and the date on one line.
SIGNATURE_LINE = re.compile(
    r"^(?:(?P<name>[^\s,，。;；:：]{2,40})[ \t\u3000]+)?"
    r"(?P<date>(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d〇零一二三四五六七八九十]{1,2}\s*月"
    r"\s*[\d〇零一二三四五六七八九十]{1,3}\s*日|(?:19|20)\d{2}(?P<sep>[-./])\d{1,2}(?P=sep)\d{1,2})$"
)

# A signatory line: a short name without sentence punctuation.
SIGNATORY = re.compile(r"^[^\s,，。;；:：!！?？]{2,40}$")

# Closing formulas that stand above a date but sign nothing (特此通报, 此致敬礼).
CLOSING_FORMULA = re.compile(r"^(?:特此|此致|敬礼|附件)")

# Punctuation of running text; a long line with it and without a field label starts the body.
SENTENCE_MARK = re.compile(r"[。，,；;]")

_BODY_LINE_MIN = 60


def parse_header(text: str) -> Header:
    """Header fields and signature of a notice; names and strings as written.

    The publisher is the body the notice speaks for: the one that signs it, else the issuer its
    headline names, and only then the site's 发布机构 or 来源 (which is often the office that runs
    the website or a newspaper reposting the notice, not its author).
    """
    lines = [line for line in iter_lines(text) if line.stripped]
    content = [line for line in lines if not CHROME.search(line.text)]
    zone = _header_zone(lines)
    fields = _fields(zone)
    signed, signatory = _signature(content)
    published = _first_date(fields, "published", "published_time", "generated") or _first_date(
        fields, "written"
    )
    if signed is None and not fields.get("published") and fields.get("written"):
        signed = _first_date(fields, "written")
    title = fields.get("title") or _title(zone, content)
    publisher = signatory or _title_issuer(title) or fields.get("publisher") or fields.get("source")
    return Header(
        title=title,
        publisher=publisher,
        index_no=fields.get("index_no"),
        category=fields.get("category"),
        published=published,
        signed=signed,
        signatory=signatory,
        contact=parse_contact(text),
    )


def _title_issuer(title: str | None) -> str | None:
    """The body that issues the notice by its headline (X关于…的通报), if it names one."""
    match = TITLE_ISSUER.match(title or "")
    return match.group("issuer") if match else None


def _header_zone(lines: list[Line]) -> list[Line]:
    """The lines before the first body paragraph (a long sentence-like line, no field label)."""
    zone: list[Line] = []
    for line in lines:
        long = len(line.stripped) >= _BODY_LINE_MIN and SENTENCE_MARK.search(line.text)
        if (long or len(line.stripped) >= 2 * _BODY_LINE_MIN) and not FIELD_LABEL.search(line.text):
            break
        zone.append(line)
    return zone


def _fields(zone: list[Line]) -> dict[str, str]:
    """Label → value for every header field in ``zone``; the first value of a field wins."""
    fields: dict[str, str] = {}
    for index, line in enumerate(zone):
        if CHROME.search(line.text) and not FIELD_LABEL.search(line.text):
            continue
        labels = [m for m in FIELD_LABEL.finditer(line.text) if _at_boundary(line.text, m)]
        for k, match in enumerate(labels):
            stop = labels[k + 1].start() if k + 1 < len(labels) else len(line.text)
            value = line.text[match.end() : stop].strip()
            if not value and k + 1 == len(labels) and index + 1 < len(zone):
                following = zone[index + 1].text
                if not FIELD_LABEL.search(following):
                    value = following.strip()
            name = FIELD_LABELS[re.sub(rf"{HSPACE}", "", match.group("label"))]
            if value and name not in fields:
                fields[name] = value
    return fields


def _at_boundary(line: str, match: re.Match[str]) -> bool:
    """A label counts only at the start of a line or after a space, bracket or separator."""
    before = line[: match.start()]
    return not before.strip() or before[-1] in " \t\u3000\xa0|｜【[】]:：/"


def _first_date(fields: dict[str, str], *names: str) -> date | None:
    for name in names:
        if name in fields:
            mentions, _ = find_dates(fields[name])
            for mention in mentions:
                if mention.value is not None:
                    return mention.value
    return None


def _title(zone: list[Line], content: list[Line]) -> str | None:
    """The headline: a title-shaped line, on a topic of the genre if several are."""
    candidates = [
        line.stripped
        for line in (zone or content[:15])
        if not CHROME.search(line.text)
        and not FIELD_LABEL.match(line.stripped)
        and not NOT_TITLE.search(line.stripped)
        and 6 <= len(line.stripped) <= 100
        and TITLE_SHAPE.search(line.stripped)
    ]
    on_topic = [title for title in candidates if TITLE_TOPIC.search(title)]
    chosen = on_topic or candidates
    return chosen[0] if chosen else None


def _signature(content: list[Line]) -> tuple[date | None, str | None]:
    """The date at the end of the notice and the signing body beside or above it."""
    tail = content[-6:]
    for position in range(len(tail) - 1, -1, -1):
        match = SIGNATURE_LINE.match(tail[position].stripped)
        if match is None:
            continue
        mentions, _ = find_dates(match.group("date"))
        signed = mentions[0].value if mentions else None
        signatory = match.group("name")
        above = tail[position - 1].stripped if position > 0 else ""
        if signatory is None and SIGNATORY.match(above) and not CLOSING_FORMULA.match(above):
            signatory = above
        return signed, signatory
    return None, None


def parse_contact(text: str) -> Contact:
    """Phone, e-mail, postal address (without the addressee) and postcode, where stated."""
    phone = PHONE.search(text)
    email = EMAIL.search(text)
    postcode = POSTCODE.search(text)
    address = ADDRESS.search(text)
    return Contact(
        phone=phone.group("phone") if phone else None,
        email=email.group() if email else None,
        address=_address(address.group("address")) if address else None,
        postcode=postcode.group("postcode") if postcode else None,
    )


def _address(written: str) -> str:
    """``written`` without the addressee that follows the house number and building."""
    written = written.strip()
    core = ADDRESS_CORE.match(written)
    return core.group().strip() if core else written
