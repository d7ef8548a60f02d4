"""Which nkg class and property stands for each record type, subtype and predicate.

Kept apart from the builder so the network view can recognise entity nodes by the same table.
"""

from __future__ import annotations

from rdflib import URIRef

from noticekg.extract.records import EntityType, Predicate
from noticekg.ontology import NKG

__all__ = [
    "BASE_CLASS",
    "ENTITY_CLASSES",
    "RELATION_PROPERTY",
    "SUBTYPE_CLASS",
    "entity_class",
]

BASE_CLASS: dict[EntityType, URIRef] = {
    EntityType.ORGANIZATION: NKG.Organization,
    EntityType.PLATFORM: NKG.Platform,
    EntityType.PROJECT: NKG.Project,
    EntityType.POLICY: NKG.Policy,
    EntityType.PERSON: NKG.Person,
    EntityType.PLACE: NKG.Place,
}

SUBTYPE_CLASS: dict[EntityType, dict[str, URIRef]] = {
    EntityType.ORGANIZATION: {
        "government": NKG.GovernmentBody,
        "party": NKG.PartyOrganization,
        "inspection_team": NKG.InspectionTeam,
        "enterprise": NKG.Enterprise,
        "research": NKG.ResearchInstitute,
        "association": NKG.Association,
    },
    EntityType.PLATFORM: {
        "park": NKG.Park,
        "base": NKG.Base,
        "incubator": NKG.Incubator,
        "building": NKG.Building,
        "system": NKG.InformationSystem,
        "database": NKG.Database,
    },
    EntityType.PROJECT: {
        "construction": NKG.ConstructionProject,
        "industrial": NKG.IndustrialProject,
        "programme": NKG.Programme,
    },
    EntityType.POLICY: {
        "regulation": NKG.Regulation,
        "reform": NKG.Reform,
        "mechanism": NKG.Mechanism,
        "plan": NKG.Plan,
        "model": NKG.Model,
        "campaign": NKG.Campaign,
        "slogan": NKG.Slogan,
    },
    EntityType.PERSON: {},
    EntityType.PLACE: {
        "city": NKG.City,
        "district": NKG.District,
        "zone": NKG.DevelopmentZone,
        "area": NKG.Area,
        "road": NKG.Road,
        "parcel": NKG.LandParcel,
    },
}

# Every class an entity node may carry, mapped to the base class it belongs to.
ENTITY_CLASSES: dict[URIRef, URIRef] = {
    **{cls: cls for cls in BASE_CLASS.values()},
    **{
        cls: BASE_CLASS[entity_type]
        for entity_type, table in SUBTYPE_CLASS.items()
        for cls in table.values()
    },
}

RELATION_PROPERTY: dict[Predicate, URIRef] = {
    Predicate.INSPECTED: NKG.inspected,
    Predicate.PART_OF: NKG.subOrganizationOf,
    Predicate.GUIDES: NKG.guides,
    Predicate.LEADS: NKG.leads,
    Predicate.OPERATES: NKG.operates,
    Predicate.ISSUED_BY: NKG.issuedBy,
    Predicate.ESTABLISHES: NKG.establishes,
    Predicate.COOPERATES_WITH: NKG.cooperatesWith,
    Predicate.LOCATED_IN: NKG.locatedIn,
}


def entity_class(entity_type: EntityType, subtype: str | None) -> URIRef:
    """The most specific class: the subtype's class within its type, else the base class."""
    return SUBTYPE_CLASS[entity_type].get(subtype or "", BASE_CLASS[entity_type])
