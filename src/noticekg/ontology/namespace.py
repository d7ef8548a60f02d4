"""The noticekg vocabulary as an rdflib namespace (``NKG.Notice``), kept in step with
``noticekg.ttl`` by ``tests/test_ontology.py``; a misspelt term raises ``AttributeError``."""

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace


class NKG(DefinedNamespace):
    _NS = Namespace("https://w3id.org/noticekg/ontology#")
    _fail = True

    # classes
    Notice: URIRef
    Inspection: URIRef
    Problem: URIRef
    Measure: URIRef
    Organization: URIRef
    GovernmentBody: URIRef
    PartyOrganization: URIRef
    InspectionTeam: URIRef
    Enterprise: URIRef
    ResearchInstitute: URIRef
    Association: URIRef
    Platform: URIRef
    Park: URIRef
    Base: URIRef
    Incubator: URIRef
    Building: URIRef
    InformationSystem: URIRef
    Database: URIRef
    Project: URIRef
    ConstructionProject: URIRef
    IndustrialProject: URIRef
    Programme: URIRef
    Policy: URIRef
    Regulation: URIRef
    Reform: URIRef
    Mechanism: URIRef
    Plan: URIRef
    Model: URIRef
    Campaign: URIRef
    Slogan: URIRef
    Metric: URIRef
    Person: URIRef
    Place: URIRef
    City: URIRef
    District: URIRef
    DevelopmentZone: URIRef
    Area: URIRef
    Road: URIRef
    LandParcel: URIRef
    Mention: URIRef

    # notice
    title: URIRef
    publisher: URIRef
    indexNumber: URIRef
    category: URIRef
    published: URIRef
    signed: URIRef
    signatory: URIRef
    phone: URIRef
    email: URIRef
    address: URIRef
    postcode: URIRef
    sourceFile: URIRef
    contentHash: URIRef
    text: URIRef
    warning: URIRef
    reportsOn: URIRef

    # inspection
    kind: URIRef
    authority: URIRef
    inspector: URIRef
    target: URIRef
    startDate: URIRef
    endDate: URIRef
    feedbackDate: URIRef

    # problems and measures
    inNotice: URIRef
    number: URIRef
    foundBy: URIRef
    answers: URIRef
    agent: URIRef
    involves: URIRef
    establishes: URIRef
    reports: URIRef

    # relations between entities
    inspected: URIRef
    subOrganizationOf: URIRef
    guides: URIRef
    leads: URIRef
    operates: URIRef
    issuedBy: URIRef
    cooperatesWith: URIRef
    locatedIn: URIRef
    role: URIRef

    # metrics
    value: URIRef
    unitText: URIRef
    normalisedValue: URIRef
    normalisedUnit: URIRef
    scale: URIRef
    counts: URIRef
    approximate: URIRef

    # provenance
    mentionedIn: URIRef
