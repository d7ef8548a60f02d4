"""The noticekg vocabulary as an rdflib namespace (``NKG.Notice``).

A misspelt term raises ``AttributeError``.

Generated from ``noticekg.ttl`` by ``tools/gen_namespace.py`` — edit the Turtle file and rerun the
script; ``tests/test_ontology.py`` fails when the two drift apart.
"""

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace


class NKG(DefinedNamespace):
    """noticekg ontology, version 0.1.0: 94 terms."""

    _NS = Namespace("https://w3id.org/noticekg/ontology#")
    _fail = True

    # classes
    Area: URIRef  # A named part of a city or zone (南核心区, 北片区).
    Association: URIRef  # A membership association (商会, 协会, 学会).
    Base: URIRef  # An industrial, training or demonstration base (产业基地, 示范基地).
    Building: URIRef  # A named building used as a platform (大楼, 大厦).
    Campaign: URIRef  # A named campaign or special action (欠费清零).
    City: URIRef  # A city or province-level place (北京, 温州).
    ConstructionProject: URIRef  # A named infrastructure or land development project.
    Database: URIRef  # A named database, register or project pool (信息库, 储备库).
    DevelopmentZone: URIRef  # A development or high-tech zone as a place (温州高新区).
    District: URIRef  # A district, county or town (龙湾区).
    Enterprise: URIRef  # A company, state-owned or private (建设投资集团有限公司).
    GovernmentBody: URIRef  # A government department or agency (市政府, 教育局).
    Incubator: URIRef  # A business incubator or accelerator (孵化器, 众创空间 when named).
    IndustrialProject: URIRef  # A named industrial or investment project.
    InformationSystem: URIRef  # A named information system or app (钉钉).
    Inspection: URIRef  # The inspection or audit a notice reports on.
    InspectionTeam: URIRef  # A team that carries out an inspection (市委第二巡察组).
    LandParcel: URIRef  # A land parcel named by its planning code (龙水单元YB-04-A-02).
    Measure: URIRef  # A rectification measure that answers one problem.
    Mechanism: URIRef  # A named working mechanism or rule of practice (五不直接分管, 租补分离).
    Mention: URIRef  # A stretch of a notice where something is said.
    Metric: URIRef  # A figure the notice states.
    Model: URIRef  # A named model or way of working (优扶劣停, 融资延期模式).
    Notice: URIRef  # A published government rectification notice.
    Organization: URIRef  # A named body of people.
    Park: URIRef  # An industrial, science or innovation park (中国眼谷, 产业园).
    PartyOrganization: URIRef  # A Communist Party committee or branch (市委, 党支部).
    Person: URIRef  # A named person.
    Place: URIRef  # A named place that is not an organisation.
    Plan: URIRef  # A named plan or schedule (三年工作计划).
    Platform: URIRef  # A named facility or system that a body builds or runs.
    Policy: URIRef  # A named rule, document, reform, mechanism, plan, model, campaign or doctrine.
    Problem: URIRef  # A finding the inspection named.
    Programme: URIRef  # A named or numbered programme (“152”工程).
    Project: URIRef  # A named construction, investment or industrial project, or a named programme.
    Reform: URIRef  # A named reform (最多跑一次, 亩均论英雄).
    Regulation: URIRef  # A titled document, usually written in 《》.
    ResearchInstitute: URIRef  # A university, research institute or laboratory.
    Road: URIRef  # A named road or street (瓯海大道).
    Slogan: URIRef  # A named slogan, doctrine or guiding idea (两个责任).

    # object properties
    agent: URIRef  # The body that carries out a measure.
    answers: URIRef  # The problem a measure rectifies.
    authority: URIRef  # The body that ordered the inspection (根据市委部署 → 市委).
    cooperatesWith: URIRef  # A body works together with another body or a place.
    establishes: URIRef  # A policy a body or a measure puts in place.
    foundBy: URIRef  # The inspection that found the problem.
    guides: URIRef  # A body directs or supervises the work of another (统筹指导, 指导).
    inNotice: URIRef  # The notice a node is read from.
    inspected: URIRef  # An inspection team inspected a body (对…进行了巡察).
    inspector: URIRef  # The team that carried out the inspection (市委第二巡察组).
    involves: URIRef  # A named entity the text of a measure mentions.
    issuedBy: URIRef  # The body that issued a policy document.
    leads: URIRef  # A person heads a body (领衔, 任…负责人).
    locatedIn: URIRef  # A place the subject lies within.
    mentionedIn: URIRef  # A place in a notice where the subject is named or stated.
    operates: URIRef  # A body owns or runs a platform, as its name or the text states.
    publisher: URIRef  # The body that published the notice.
    reports: URIRef  # A figure stated in the text of a measure or problem.
    reportsOn: URIRef  # The inspection whose rectification the notice reports.
    subOrganizationOf: URIRef  # A body is part of another.
    target: URIRef  # The body the inspection examined.

    # datatype properties
    address: URIRef  # The postal address readers are asked to write to, without the addressee.
    approximate: URIRef  # True when the text hedges the figure (约, 近, 超过, 余).
    category: URIRef  # The category the site files the notice under.
    contentHash: URIRef  # The SHA-256 of the extracted text, lower-case hex.
    counts: URIRef  # A short phrase for what the figure counts or measures (资金调剂, 做地完成率).
    email: URIRef  # The email address readers are asked to send comments to.
    endDate: URIRef  # The day the on-site inspection ended.
    entityCount: URIRef  # How many named entities the notice mentions: resources with an…
    feedbackDate: URIRef  # The day the findings were fed back (反馈).
    figureCount: URIRef  # How many nkg:Metric resources (figures) the notice graph holds; written…
    graphVersion: URIRef  # The version of the noticekg graph model the notice graph was written in.
    indexNumber: URIRef  # The 索引号 of the notice.
    kind: URIRef  # The kind of inspection as the notice names it (巡察, 巡视, 审计, 专项巡察 …).
    measureCount: URIRef  # How many nkg:Measure resources the notice graph holds; written with the…
    normalisedUnit: URIRef  # The unit of the normalised value.
    normalisedValue: URIRef  # The value in the normalised unit.
    number: URIRef  # The ordinal of a problem or measure.
    phone: URIRef  # The telephone number readers are asked to send comments to, as written.
    postcode: URIRef  # The postcode of the contact address.
    problemCount: URIRef  # How many nkg:Problem resources the notice graph holds.
    published: URIRef  # The date the notice was published on the site (发布日期, 生成日期).
    role: URIRef  # A person's title or role as the text gives it (院士, 书记).
    scale: URIRef  # The factor the unit as written carries (亿元 → 100000000, 万元 → 10000).
    signatory: URIRef  # The body named in the signature at the end of the notice, as written.
    signed: URIRef  # The date under the signature at the end of the notice.
    sourceFile: URIRef  # The name of the file the notice was read from.
    sourceLocation: URIRef  # The file the notice was read from, as the file: URI of its absolute…
    startDate: URIRef  # The day the on-site inspection began.
    text: URIRef  # The whole extracted text of the notice.
    title: URIRef  # The headline of the notice as printed.
    unitText: URIRef  # The unit or classifier exactly as written (亿元, 人次, 亩, %).
    value: URIRef  # The number as written in the text (8.7 in 8.7亿元).
    warning: URIRef  # Something in the input a reader should check.
